"""Front matter read with limits: crafted files are refused quickly, with file and line."""

import pytest

from explorer.core.front_matter import MAX_KEYS, read_front_matter

LAUGHS = "\n".join(
    [
        '---\na: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
        *(
            f"{name}: &{name} [{', '.join([f'*{before}'] * 9)}]"
            for before, name in zip("abcdefgh", "bcdefghi", strict=True)
        ),
        "title: *i",
        "---",
        "Body.",
    ]
)


def keys(count: int) -> str:
    return "---\n" + "".join(f"field{n}: {n}\n" for n in range(count)) + "---\nBody.\n"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (LAUGHS, 6, "repeats itself too much"),  # the first list that stands for too much
        (keys(30_000), 2, "the front matter is too long (over 64 KB)"),
        (keys(MAX_KEYS + 5), MAX_KEYS + 2, f"too many fields (over {MAX_KEYS})"),
        ("---\ntitle: A\nnested: " + "[" * 500 + "]" * 500 + "\n---\n", 3, "nested too deeply"),
        ("---\ntitle: A\nsection: [types\nsummary: x\n---\n", 3, "not valid YAML"),
        ("---\n- a list\n- not fields\n---\n", 2, "must be `name: value` lines"),
    ],
    ids=["aliases", "size", "keys", "nesting", "yaml", "not-a-mapping"],
)
def test_front_matter_beyond_the_limits_is_one_problem_with_its_line(text, line, message):
    read = read_front_matter(text, "lesson.md")
    assert read.fields is None
    assert [(p.file, p.line) for p in read.problems] == [("lesson.md", line)]
    assert message in read.problems[0].message
    assert read.problems[0].is_error


def test_a_key_written_twice_is_reported_at_the_second_and_the_last_is_used():
    read = read_front_matter("---\ntitle: First\nsection: types\ntitle: Second\n---\nB\n", "x.md")
    assert read.fields == {"title": "Second", "section": "types"}
    assert [(p.line, p.message) for p in read.problems] == [
        (4, "'title' is written twice (lines 2 and 4); only the last one is used, so remove one")
    ]


def test_nested_keys_written_twice_are_reported_too():
    text = "---\nsources:\n  - title: A\n    title: B\n---\n"
    assert [p.line for p in read_front_matter(text, "x.md").problems] == [4]


@pytest.mark.parametrize(
    ("text", "fields", "body", "body_line"),
    [
        ("---\ntitle: T\n---\n\n\nHello\n", {"title": "T"}, "Hello", 6),
        ("No front matter.\n", {}, "No front matter.\n", 1),
        ("---\nA rule, not front matter\n", {}, "---\nA rule, not front matter\n", 1),
        ("---\ntitle: T\n...\nBody\n", {"title": "T"}, "Body", 4),
        ("---\n---\nBody\n", {}, "Body", 3),
    ],
)
def test_the_body_and_its_first_line(text, fields, body, body_line):
    read = read_front_matter(text, "x.md")
    assert (read.fields, read.body, read.body_line) == (fields, body, body_line)


def test_key_lines_name_where_each_field_is_written():
    read = read_front_matter("---\n# a comment\ntitle: T\n\nsummary: S\n---\n", "x.md")
    assert read.key_lines == {"title": 3, "summary": 5}
