"""Atomic writes: the old file or the new one, never half; no temporary files left."""

import os

import pytest

from explorer.core.atomic import atomic_write_text, atomic_writer


def test_a_write_replaces_the_file_and_keeps_its_mode(tmp_path):
    target = tmp_path / "lesson.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    atomic_write_text(target, "new\r\nline")
    assert target.read_bytes() == b"new\r\nline"
    assert target.stat().st_mode & 0o777 == 0o640
    assert os.listdir(tmp_path) == ["lesson.md"]


def test_a_write_creates_missing_folders(tmp_path):
    target = tmp_path / "a" / "b" / "c.txt"
    atomic_write_text(target, "x")
    assert target.read_text() == "x"


def test_a_write_interrupted_half_way_leaves_the_previous_file(tmp_path):
    target = tmp_path / "lesson.md"
    target.write_text("the previous version", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), atomic_writer(target) as handle:
        handle.write(b"half of the new")
        raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "the previous version"
    assert os.listdir(tmp_path) == ["lesson.md"]


def test_a_failed_rename_leaves_the_previous_file(tmp_path, monkeypatch):
    target = tmp_path / "lesson.md"
    target.write_text("the previous version", encoding="utf-8")

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError, match="No space left"):
        atomic_write_text(target, "the new version")
    assert target.read_text(encoding="utf-8") == "the previous version"
    assert os.listdir(tmp_path) == ["lesson.md"]
