from pathlib import Path

import pytest

from explorer.core.lesson_authoring import (
    check_lesson_text,
    copy_image,
    folder_state,
    image_markdown,
    lesson_template,
    link_markdown,
    set_aside,
    slugify,
    teacher_copy,
    unique_path,
)
from explorer.core.lessons import KnownTargets, read_lesson

KNOWN = KnownTargets(
    lessons=frozenset({"why-partner"}),
    partnerships=frozenset({"iss"}),
    glossary=frozenset({"barter"}),
)
PNG = b"\x89PNG\r\n\x1a\nfake"


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Sharing the Cost: ESA & NASA", "sharing-the-cost-esa-nasa"),
        ("  Coopération spatiale  ", "cooperation-spatiale"),
        ("ISS -- 1998", "iss-1998"),
        ("!!!", ""),
    ],
)
def test_slugify(text, slug):
    assert slugify(text) == slug


def test_unique_path_counts_up(tmp_path):
    assert unique_path(tmp_path, "a") == tmp_path / "a.md"
    (tmp_path / "a.md").write_text("x")
    (tmp_path / "a-2.md").write_text("x")
    assert unique_path(tmp_path, "a") == tmp_path / "a-3.md"


@pytest.mark.parametrize("title", ["My lesson", "Costs: who pays?", ""])
def test_the_template_is_a_valid_lesson(tmp_path, title):
    text = lesson_template(title, "types")
    lesson, problems = check_lesson_text(text, tmp_path / "my-lesson.md", KNOWN)
    assert problems == []
    assert lesson is not None and lesson.section == "types"
    assert lesson.title == (title or "Untitled lesson")


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("See [x](partnership:nope).", 7, "link to unknown partnership 'nope'"),
        ("Line one.\n\nSee [x](lesson:ghost).", 9, "link to unknown lesson 'ghost'"),
        (
            "![pic](images/missing.png)",
            7,
            "image 'images/missing.png' not found next to the lesson",
        ),
    ],
)
def test_problems_in_typed_text_name_the_line(tmp_path, body, line, message):
    text = f"---\ntitle: T\nsection: types\npartnerships: [iss]\n---\n\n{body}\n"
    _, problems = check_lesson_text(text, tmp_path / "t.md", KNOWN)
    assert [(p.line, p.message) for p in problems] == [(line, message)]
    assert str(problems[0]).startswith(f"{tmp_path / 't.md'}:{line}: ")


def test_front_matter_problems_use_the_typed_text_not_the_file(tmp_path):
    path = tmp_path / "t.md"
    path.write_text("---\ntitle: T\nsection: types\n---\n")
    text = "---\ntitle: T\nsection: types\norder: 1\npartnerships: [nope]\n---\n"
    _, problems = check_lesson_text(text, path, KNOWN)
    assert [(p.line, p.message) for p in problems] == [(5, "cites unknown partnership 'nope'")]


def test_a_lesson_may_link_to_itself(tmp_path):
    text = "---\ntitle: T\nsection: types\n---\n[me](lesson:t)\n"
    assert check_lesson_text(text, tmp_path / "t.md", KNOWN)[1] == []


def test_broken_yaml_is_one_problem_with_its_line(tmp_path):
    text = "---\ntitle: T\nsection: [types\n---\n"
    lesson, problems = check_lesson_text(text, tmp_path / "t.md", KNOWN)
    assert lesson is None
    assert len(problems) == 1 and "not valid YAML" in problems[0].message


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (
            lambda: link_markdown("lesson", "why-partner", "Why partner?"),
            "[Why partner?](lesson:why-partner)",
        ),
        (lambda: link_markdown("partnership", "iss", "[ISS]"), "[(ISS)](partnership:iss)"),
        (lambda: link_markdown("partnership", "iss", ""), "[iss](partnership:iss)"),
        (lambda: image_markdown("The ISS", "images/iss.png"), "![The ISS](images/iss.png)"),
        (lambda: image_markdown("x", "images/a b.png"), "![x](<images/a b.png>)"),
    ],
)
def test_markdown_snippets(call, expected):
    assert call() == expected


def test_copy_image_uses_a_safe_unique_name_and_reuses_identical_files(tmp_path):
    source = tmp_path / "My Photo!.PNG"
    source.write_bytes(PNG)
    lessons = tmp_path / "lessons"
    assert copy_image(source, lessons) == "images/my-photo.png"
    assert copy_image(source, lessons) == "images/my-photo.png"  # same bytes: reused
    source.write_bytes(PNG + b"2")
    assert copy_image(source, lessons) == "images/my-photo-2.png"
    assert (lessons / "images" / "my-photo.png").read_bytes() == PNG


def _bundled(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "content" / "lessons"
    (folder / "images").mkdir(parents=True)
    (folder / "images" / "iss.png").write_bytes(PNG)
    path = folder / "why-partner.md"
    path.write_bytes(text.encode())
    return path


def test_teacher_copy_is_byte_for_byte_with_its_images(tmp_path):
    text = "---\ntitle: Why\nsection: foundations\n---\n![ISS](images/iss.png)\n"
    lesson, _ = read_lesson(_bundled(tmp_path, text))
    teacher = tmp_path / "data" / "lessons"
    copied = teacher_copy(lesson, teacher)
    assert copied == teacher / "why-partner.md"
    assert copied.read_bytes() == text.encode()
    assert (teacher / "images" / "iss.png").read_bytes() == PNG


def test_teacher_copy_beside_a_file_of_that_name_keeps_the_slug(tmp_path):
    lesson, _ = read_lesson(_bundled(tmp_path, "---\ntitle: Why\nsection: foundations\n---\n"))
    teacher = tmp_path / "lessons"
    teacher.mkdir()
    (teacher / "why-partner.md").write_text("---\nslug: other\ntitle: O\nsection: types\n---\n")
    copied = teacher_copy(lesson, teacher)
    assert copied.name == "why-partner-2.md"
    copy, _ = read_lesson(copied)
    assert copy.slug == "why-partner"


def test_teacher_copy_never_writes_outside_the_folder(tmp_path):
    text = "---\ntitle: Why\nsection: foundations\n---\n![x](../../secret.png)\n"
    path = _bundled(tmp_path, text)
    (tmp_path / "secret.png").write_bytes(PNG)
    lesson, _ = read_lesson(path)
    teacher_copy(lesson, tmp_path / "data" / "lessons")
    assert sorted(p.name for p in (tmp_path / "data").rglob("*")) == ["lessons", "why-partner.md"]


def test_set_aside_moves_the_file_and_keeps_it(tmp_path):
    path = tmp_path / "mine.md"
    path.write_text("mine")
    kept = set_aside(path, tmp_path / "kept")
    assert not path.exists() and kept.read_text() == "mine"
    assert kept.parent == tmp_path / "kept" and kept.name.startswith("mine-")


def test_folder_state_sees_lessons_and_images_but_not_hidden_files(tmp_path):
    assert folder_state(tmp_path / "missing") == {}
    (tmp_path / "a.md").write_text("a")
    (tmp_path / ".a.md.123.tmp").write_text("temp")
    (tmp_path / "notes.txt").write_text("x")
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "p.png").write_bytes(PNG)
    before = folder_state(tmp_path)
    assert sorted(before) == ["a.md", "images/p.png"]
    (tmp_path / "a.md").write_text("b")
    assert folder_state(tmp_path) != before
