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
        ("compare:iss,rosetta", Location("compare", "iss,rosetta")),
        ("partner:nasa", Location("partner", "nasa")),
        ("partners", Location("partners")),
        (None, None),
    ],
)
def test_targets_are_parsed(target, expected):
    assert parse_target(target) == expected


@pytest.mark.parametrize(
    "target", ["frobnicate:x", "lesson", "timeline:now", "partnership:", "compare:", "partner:"]
)
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
            "topic:TAG, glossary:SLUG, compare:SLUG,SLUG[,...], partner:SLUG, trail:SLUG, "
            "progress:, timeline or partners)",
        ),
        (
            "compare:apollo-soyuz-test-project,mir-2",
            "cannot open 'compare:apollo-soyuz-test-project,mir-2': there is no partnership "
            "called 'mir-2'",
        ),
        (
            "compare:apollo-soyuz-test-project",
            "cannot open 'compare:apollo-soyuz-test-project': compare 2 to 4 partnerships "
            "(only 1 was given)",
        ),
        (
            "compare:a,b,c,d,e",
            "cannot open 'compare:a,b,c,d,e': there are no partnerships called 'a', 'b', 'c', "
            "'d', 'e'",
        ),
        ("partner:nobody", "unknown target 'partner:nobody' (no such partner)"),
    ],
)
def test_open_with_a_bad_target_exits_2_with_one_line(capsys, tmp_path, target, message):
    code = main(["open", target, "--data-dir", str(tmp_path / "data")])
    err = capsys.readouterr().err
    assert code == 2
    assert err == f"space-explorer: error: {message}\n"
