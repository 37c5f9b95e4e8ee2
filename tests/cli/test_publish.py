"""publish datasette | site | zim on the command line: what is printed, exit codes."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from explorer.cli import main


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data_dir(tmp_path: Path) -> str:
    return str(tmp_path / "data")


def test_publish_site_writes_the_folder_and_says_where(capsys, data_dir, tmp_path):
    out = tmp_path / "site"
    code, printed, err = run(capsys, "publish", "site", out, "--data-dir", data_dir)
    assert code == 0, err
    assert f"in {out}" in printed and f"Open {out / 'index.html'}" in printed
    assert (out / "index.html").is_file()


def test_publish_datasette_prints_the_command_that_serves_it(capsys, data_dir, tmp_path):
    out = tmp_path / "catalog"
    code, printed, _ = run(capsys, "publish", "datasette", out, "--json", "--data-dir", data_dir)
    assert code == 0
    facts = json.loads(printed)
    assert facts["partnerships"] >= 118 and facts["lessons"] >= 18
    assert facts["serve"] == (
        f"datasette serve --immutable {out / 'space-partnerships.db'} "
        f"--metadata {out / 'metadata.json'} --host 0.0.0.0 --port 8001"
    )
    assert Path(facts["database"]).is_file()


@pytest.mark.parametrize("target", ["site", "datasette"])
def test_a_folder_that_is_not_empty_is_refused_in_one_line(capsys, data_dir, tmp_path, target):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    code, printed, err = run(capsys, "publish", target, out, "--data-dir", data_dir)
    assert code == 2 and printed == ""
    assert (
        err
        == f"space-explorer: error: {out} is not empty; choose an empty folder, or add --force\n"
    )
    code, _, err = run(capsys, "publish", target, out, "--force", "--data-dir", data_dir)
    assert code == 2 and "were not published by space-explorer" in err
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


def test_force_replaces_an_earlier_copy(capsys, data_dir, tmp_path):
    out = tmp_path / "site"
    assert run(capsys, "publish", "site", out, "--data-dir", data_dir)[0] == 0
    assert run(capsys, "publish", "site", out, "--data-dir", data_dir)[0] == 2
    assert run(capsys, "publish", "site", out, "--force", "--data-dir", data_dir)[0] == 0


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("book.txt", "the file name must end in .zim"),
        ("folder.zim/", "is a folder; give the name of a .zim file"),
    ],
)
def test_a_bad_zim_name_is_refused(capsys, data_dir, tmp_path, name, message):
    out = tmp_path / name
    if name.endswith("/"):
        out.mkdir()
    code, _, err = run(capsys, "publish", "zim", out, "--data-dir", data_dir)
    assert code == 2 and message in err and err.count("\n") == 1


def test_without_libzim_the_zim_command_says_what_to_install(
    capsys, data_dir, tmp_path, monkeypatch
):
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "libzim" else real(name, *a)
    )
    code, _, err = run(capsys, "publish", "zim", tmp_path / "x.zim", "--data-dir", data_dir)
    assert code == 2
    assert err == (
        "space-explorer: error: writing a ZIM file needs the libzim package: pip install "
        '"space-partnerships-explorer[publish]" '
        '(from the source folder: pip install ".[publish]")\n'
    )
    assert not (tmp_path / "x.zim").exists()


def test_publish_needs_a_target(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["publish"])
    assert exit_info.value.code == 2
    assert "the following arguments are required: TARGET" in capsys.readouterr().err
