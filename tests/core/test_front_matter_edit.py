import pytest
import yaml

from explorer.core.front_matter_edit import (
    apply_fields,
    dump_field,
    read_fields,
    same_value,
    set_field,
    split_lines,
)

LESSON = """\
---
slug: sharing-the-cost   # keep this comment
title: Sharing the cost
section: benefits
summary: >
  Why agencies split the bill, and what
  each partner gets for its share.
objectives:
  - Explain a barter agreement.

  - Name two shared missions.
topics: [cost-sharing]
# a comment of the teacher's
questions:
- question: Who built Huygens?
  answer: ESA
---

## Who pays

Body text stays as it is.
"""


@pytest.mark.parametrize(
    ("key", "value", "before", "after"),
    [
        ("title", "Splitting the bill", "title: Sharing the cost\n", "title: Splitting the bill\n"),
        ("title", "Costs: who pays?", "title: Sharing the cost\n", "title: 'Costs: who pays?'\n"),
        ("section", "types", "section: benefits\n", "section: types\n"),
        (
            "summary",
            "Short now.",
            "summary: >\n  Why agencies split the bill, and what\n"
            "  each partner gets for its share.\n",
            "summary: Short now.\n",
        ),
        (
            "objectives",
            ["One thing."],
            "objectives:\n  - Explain a barter agreement.\n\n  - Name two shared missions.\n",
            "objectives:\n  - One thing.\n",
        ),
        (
            "topics",
            ["cost-sharing", "diplomacy"],
            "topics: [cost-sharing]\n",
            "topics: [cost-sharing, diplomacy]\n",
        ),
        ("topics", [], "topics: [cost-sharing]\n", "topics: []\n"),
        ("topics", None, "topics: [cost-sharing]\n", ""),
        ("questions", None, "questions:\n- question: Who built Huygens?\n  answer: ESA\n", ""),
    ],
)
def test_setting_a_field_replaces_only_its_lines(key, value, before, after):
    assert before in LESSON
    assert set_field(LESSON, key, value) == LESSON.replace(before, after, 1)


@pytest.mark.parametrize(
    ("key", "value", "inserted_after"),
    [
        ("order", 3, "section: benefits\n"),
        ("partnerships", ["iss"], "topics: [cost-sharing]\n"),
        ("key_terms", ["barter"], "topics: [cost-sharing]\n"),
        ("unknown_field", "x", "  answer: ESA\n"),
    ],
)
def test_a_new_field_goes_after_the_fields_before_it(key, value, inserted_after):
    new_lines = "".join(dump_field(key, value))
    assert set_field(LESSON, key, value) == LESSON.replace(
        inserted_after, inserted_after + new_lines, 1
    )


def test_a_new_first_field_goes_at_the_top():
    text = "---\ntitle: A\n---\nbody\n"
    assert set_field(text, "slug", "a") == "---\nslug: a\ntitle: A\n---\nbody\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("## Body only\n", "---\ntitle: New\n---\n\n## Body only\n"),
        ("\nBody\n", "---\ntitle: New\n---\n\nBody\n"),
        ("", "---\ntitle: New\n---\n\n"),
    ],
)
def test_text_without_front_matter_gets_one(text, expected):
    assert set_field(text, "title", "New") == expected


def test_crlf_front_matter_keeps_crlf_everywhere():
    text = "---\r\ntitle: A\r\nsection: types\r\n---\r\n\r\nBody\r\n"
    assert set_field(text, "title", "B") == text.replace("title: A", "title: B")
    added = set_field(text, "order", 2)
    assert added == text.replace("section: types\r\n", "section: types\r\norder: 2\r\n")


def test_unchanged_values_leave_the_text_byte_for_byte():
    same = {
        "title": "Sharing the cost",
        "summary": "Why agencies split the bill, and what each partner gets for its share.",
        "objectives": ["Explain a barter agreement.", "Name two shared missions."],
        "topics": ["cost-sharing"],
        "partnerships": [],
        "section": "benefits",
    }
    assert apply_fields(LESSON, same) == LESSON


def test_apply_fields_changes_only_what_changed():
    changed = apply_fields(LESSON, {"title": "Sharing the cost", "section": "types"})
    assert changed == LESSON.replace("section: benefits", "section: types")


@pytest.mark.parametrize(
    "value",
    [
        "Plain",
        "Colon: inside",
        "A summary long enough to be folded over several lines of the front matter, "
        "written for students aged 14 to 18 who read it in the library.",
        "Quotes ' and \" and # hash",
        "- starts like a list item",
        "ünïcode — dashes “quotes”",
        "yes",
        "123",
        ["Plain item", "Item: with colon", "'quoted'"],
        ["slug-one", "slug-two"],
        [],
        7,
    ],
)
def test_every_dumped_value_reads_back_the_same(value):
    text = set_field("---\ntitle: T\n---\nBody\n", "summary", value)
    fields = read_fields(text)
    assert fields is not None
    assert same_value(fields["summary"], value)
    assert fields["summary"] == value or isinstance(value, str)


def test_long_text_is_folded_under_the_key():
    value = (
        "A summary long enough to be folded over several lines of the front matter, "
        "written for students aged 14 to 18 who read it in the library."
    )
    lines = dump_field("summary", value)
    assert lines[0] == "summary: >\n"
    assert all(line.startswith("  ") and len(line) <= 89 for line in lines[1:])
    assert yaml.safe_load("".join(lines))["summary"].strip() == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\ntitle: A\n---\n", {"title": "A"}),
        ("---\n---\nbody", {}),
        ("no front matter\n", None),
        ("---\ntitle: [unclosed\n---\n", None),
        ("---\n- a list\n---\n", None),
        ("---\ntitle: A\n", None),  # never closed
    ],
)
def test_read_fields(text, expected):
    assert read_fields(text) == expected


@pytest.mark.parametrize(
    ("old", "new", "same"),
    [
        ("A", "A", True),
        ("A\n", "A", True),
        (None, [], True),
        (None, "", True),
        ("cost-sharing", ["cost-sharing"], True),
        (["a"], ["a", "b"], False),
        ("A", "B", False),
        (2, 2, True),
    ],
)
def test_same_value(old, new, same):
    assert same_value(old, new) is same


def test_split_lines_keeps_every_kind_of_ending():
    assert split_lines("a\r\nb\rc\nd") == ["a\r\n", "b\r", "c\n", "d"]
    assert "".join(split_lines(LESSON)) == LESSON
