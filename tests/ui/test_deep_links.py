"""`space-explorer open TARGET`: good targets are parsed, bad ones exit 2 with one line."""

from __future__ import annotations

import pytest

from explorer.app import TargetError, parse_target
from explorer.cli import main
from explorer.core.location import Location


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("lesson:why-partner", Location("lesson", "why-partner")),
        ("partnership:iss", Location("partnership", "iss")),
        ("topic:cost-sharing", Location("topic", "cost-sharing")),
        ("timeline", Location("timeline")),
        ("progress:", Location("progress")),
        ("trail:iss-in-20-minutes", Location("trail", "iss-in-20-minutes")),
        (None, None),
    ],
)
def test_targets_are_parsed(target, expected):
    assert parse_target(target) == expected


@pytest.mark.parametrize("target", ["frobnicate:x", "lesson", "timeline:now", "partnership:"])
def test_a_malformed_target_is_refused(target):
    with pytest.raises(TargetError, match="unknown target"):
        parse_target(target)


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("lesson:no-such-lesson", "unknown target 'lesson:no-such-lesson' (no such lesson)"),
        ("partnership:mir-2", "unknown target 'partnership:mir-2' (no such partnership)"),
        ("topic:bravery", "unknown target 'topic:bravery' (no such topic)"),
        (
            "frobnicate:x",
            "unknown target 'frobnicate:x' (use lesson:SLUG, partnership:SLUG, "
            "topic:TAG, glossary:SLUG, trail:SLUG, progress: or timeline)",
        ),
    ],
)
def test_open_with_a_bad_target_exits_2_with_one_line(capsys, tmp_path, target, message):
    code = main(["open", target, "--data-dir", str(tmp_path / "data")])
    err = capsys.readouterr().err
    assert code == 2
    assert err == f"space-explorer: error: {message}\n"
