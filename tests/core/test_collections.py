"""Folders of lessons as they come: each a collection, in reading order, without the
files that are not lessons; slugs formed from the place; broken files still listed."""

from pathlib import Path

import pytest

from explorer.core.lessons import KnownTargets
from explorer.core.library import LessonLibrary, load_teacher_folder, validate_files


def lesson(title: str | None, body: str = "Text.", extra: str = "") -> str:
    front = (f"title: {title}\n" if title else "") + extra
    return f"---\n{front}---\n\n{body}\n"


def build(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


WORKBENCH = {
    "unit/config.yaml": "title: 'Rockets, step by step'\nepisodes:\n- 02-staging.md\n"
    "- 01-thrust.md\n- 10-orbits.md\nlearners:\ninstructors:\n",
    "unit/index.md": "---\npermalink: index.html\nsite: sandpaper::sandpaper_site\n---\n\nHi.\n",
    "unit/episodes/01-thrust.md": lesson("Thrust", extra="teaching: 10\nexercises: 5\n"),
    "unit/episodes/02-staging.md": lesson("Staging"),
    "unit/episodes/10-orbits.md": lesson("Orbits"),
    "unit/learners/setup.md": lesson("Setup"),
    "unit/learners/reference.md": lesson("Glossary"),
    "unit/instructors/instructor-notes.md": lesson("Instructor Notes"),
    "unit/profiles/learner-profiles.md": lesson("FIXME", "This is a placeholder file."),
    "unit/LICENSE.md": lesson("Licenses"),
    "unit/CODE_OF_CONDUCT.md": lesson("Contributor Code of Conduct"),
}
JEKYLL = {
    "old/_config.yml": 'title: "Rockets, the old way"\nkind: "lesson"\n',
    "old/index.md": "---\nlayout: lesson\nroot: .\n---\n\nWelcome.\n",
    "old/setup.md": lesson("Setup"),
    "old/reference.md": "---\nlayout: reference\n---\n\n## Glossary\n\nWords.\n",
    "old/_episodes/10-orbits.md": lesson("Orbits"),
    "old/_episodes/02-staging.md": lesson("Staging"),
    "old/_episodes/01-thrust.md": lesson("Thrust"),
    "old/_episodes_rmd/01-thrust.Rmd": lesson("Thrust (R Markdown)"),
    "old/_extras/about.md": lesson("About", "{% include carpentries.html %}"),
    "old/_extras/discuss.md": lesson("Discussion"),
    "old/_includes/links.md": "[cc-by]: https://creativecommons.org/licenses/by/4.0/\n",
    "old/CONDUCT.md": lesson("Conduct"),
    "old/CONTRIBUTING.md": "# Contributing\n",
}


@pytest.mark.parametrize(
    ("files", "collection", "title", "expected"),
    [
        (
            WORKBENCH,
            "unit",
            "Rockets, step by step",
            [
                ("unit/index", "About this lesson"),
                ("unit/learners/setup", "Setup"),
                ("unit/episodes/02-staging", "Staging"),
                ("unit/episodes/01-thrust", "Thrust"),
                ("unit/episodes/10-orbits", "Orbits"),
                ("unit/learners/reference", "Glossary"),
                ("unit/instructors/instructor-notes", "Instructor Notes"),
            ],
        ),
        (
            JEKYLL,
            "old",
            "Rockets, the old way",
            [
                ("old/index", "About this lesson"),
                ("old/setup", "Setup"),
                ("old/episodes/01-thrust", "Thrust"),
                ("old/episodes/02-staging", "Staging"),
                ("old/episodes/10-orbits", "Orbits"),
                ("old/reference", "Glossary"),
                ("old/extras/discuss", "Discussion"),
            ],
        ),
        (
            {
                "my-unit/10-last.md": lesson("Last"),
                "my-unit/2-second.md": lesson("Second"),
                "my-unit/1-first.md": lesson("First"),
                "my-unit/zebra.md": lesson("Unnumbered Z"),
                "my-unit/apple.Rmd": lesson("Unnumbered A"),
            },
            "my-unit",
            "My unit",
            [
                ("my-unit/1-first", "First"),
                ("my-unit/2-second", "Second"),
                ("my-unit/10-last", "Last"),
                ("my-unit/apple", "Unnumbered A"),
                ("my-unit/zebra", "Unnumbered Z"),
            ],
        ),
        (
            {
                "Week 3/index.md": lesson("Rockets in a week"),
                "Week 3/Day_Two.md": lesson("Day two"),
                "Week 3/day-one.md": lesson("Day one", extra="order: -1\n"),
            },
            "week-3",
            "Rockets in a week",
            [
                ("week-3/index", "Rockets in a week"),
                ("week-3/day-one", "Day one"),
                ("week-3/day-two", "Day two"),
            ],
        ),
    ],
    ids=["workbench", "jekyll", "plain-numbered", "index-title"],
)
def test_a_folder_is_one_collection_in_reading_order(tmp_path, files, collection, title, expected):
    read = load_teacher_folder(build(tmp_path, files))
    assert [(c.slug, c.title) for c in read.collections] == [(collection, title)]
    assert [(x.slug, x.title) for x in read.lessons] == expected
    assert [x.order for x in read.lessons] == list(range(1, len(expected) + 1))
    assert {x.group_title for x in read.lessons} == {title}
    assert [p for p in read.problems if p.is_error] == []


def test_files_that_are_not_lessons_are_skipped_each_with_a_note(tmp_path):
    read = load_teacher_folder(build(tmp_path, JEKYLL))
    skipped = sorted(Path(p.file).relative_to(tmp_path).as_posix() for p in read.problems)
    assert skipped == [
        "old/CONDUCT.md",
        "old/CONTRIBUTING.md",
        "old/_episodes_rmd/01-thrust.Rmd",
        "old/_extras/about.md",
        "old/reference.md",  # no title: a note saying which one is shown
    ]
    assert all(p.severity == "note" for p in read.problems)


def test_a_lessons_folder_that_is_itself_a_carpentries_lesson_is_one_collection(tmp_path):
    files = {name.removeprefix("unit/"): text for name, text in WORKBENCH.items()}
    read = load_teacher_folder(build(tmp_path / "lessons", files))
    assert [(c.slug, c.title) for c in read.collections] == [
        ("rockets-step-by-step", "Rockets, step by step")
    ]
    assert read.lessons[2].slug == "rockets-step-by-step/episodes/02-staging"


def test_loose_lessons_stay_beside_collections_and_bundled_sections(tmp_path):
    build(
        tmp_path,
        {
            **WORKBENCH,
            "mine.md": lesson("Mine"),
            "typed.md": lesson("T", extra="section: benefits\n"),
        },
    )
    read = load_teacher_folder(tmp_path)
    groups = {x.slug: x.group for x in read.lessons}
    assert groups["mine"] == "teacher" and groups["typed"] == "benefits"
    assert groups["unit/episodes/01-thrust"] == "collection:unit"


def test_two_copies_of_one_lesson_are_told_apart_by_their_folder(tmp_path):
    copy = {name.replace("unit/", "copy/"): text for name, text in WORKBENCH.items()}
    read = load_teacher_folder(build(tmp_path, {**WORKBENCH, **copy}))
    assert [c.title for c in read.collections] == [
        "Rockets, step by step (copy)",
        "Rockets, step by step (unit)",
    ]


def test_slugs_depend_only_on_the_place_so_they_stay_when_files_come(tmp_path):
    build(tmp_path, WORKBENCH)
    before = {x.title: x.slug for x in load_teacher_folder(tmp_path).lessons}
    build(tmp_path, {"unit/episodes/setup.md": lesson("Another setup"), "unit/a.md": lesson("A")})
    after = {x.title: x.slug for x in load_teacher_folder(tmp_path).lessons}
    assert {title: after[title] for title in before} == before
    assert after["Another setup"] == "unit/episodes/setup"


def test_a_lesson_with_broken_yaml_stays_listed_with_its_problem(tmp_path):
    build(
        tmp_path, {"unit/01-broken.md": "---\ntitle: 'Still here'\nsection: [types\n---\n\nBody.\n"}
    )
    read = load_teacher_folder(tmp_path)
    (broken,) = read.lessons
    assert (broken.slug, broken.title, broken.body) == ("unit/01-broken", "Still here", "Body.")
    assert [(p.line, p.is_error) for p in broken.problems] == [(3, True)]
    assert "not valid YAML" in broken.problems[0].message


def test_a_crafted_lesson_is_listed_with_a_clear_problem_not_read_for_minutes(tmp_path):
    laughs = "---\na: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [{', '.join([f'*{b}'] * 9)}]\n"
        for b, n in zip("abcdefgh", "bcdefghi", strict=True)
    )
    build(tmp_path, {"laughs.md": laughs + "title: *i\n---\nBody\n"})
    (listed,) = load_teacher_folder(tmp_path).lessons
    assert listed.slug == "laughs" and "repeats itself too much" in listed.problems[0].message


def test_a_workbench_page_shows_pictures_from_the_episodes_folder(tmp_path):
    build(
        tmp_path,
        {**WORKBENCH, "unit/learners/discuss.md": lesson("Discuss", "![a stack](fig/stack.svg)")},
    )
    (tmp_path / "unit/episodes/fig").mkdir()
    (tmp_path / "unit/episodes/fig/stack.svg").write_text("<svg/>")
    library = LessonLibrary.load(tmp_path / "none", tmp_path, [], [])
    discuss = library.get("unit/learners/discuss")
    assert discuss.assets_dir == tmp_path / "unit/episodes"
    assert library.errors == ()


def test_library_finds_a_lesson_by_its_file_and_keeps_neighbours_in_the_collection(tmp_path):
    build(tmp_path, {**WORKBENCH, "mine.md": lesson("Mine")})
    library = LessonLibrary.load(tmp_path / "none", tmp_path, [], [])
    assert library.slug_at(tmp_path / "unit/episodes/01-thrust.md") == "unit/episodes/01-thrust"
    first, last = library.get("unit/index"), library.get("unit/instructors/instructor-notes")
    assert library.neighbours(first.slug)[0] is None
    assert library.neighbours(last.slug)[1] is None
    assert library.neighbours("mine") == (None, None)


def test_validate_a_folder_reads_its_subfolders_and_counts_what_it_checked(tmp_path):
    build(
        tmp_path,
        {**WORKBENCH, "unit/episodes/02-staging.md": lesson("Staging", "[x](lesson:ghost)")},
    )
    problems, checked = validate_files([tmp_path / "unit"], KnownTargets())
    assert checked == 8  # not LICENSE or CODE_OF_CONDUCT; the placeholder is looked at
    assert [(Path(p.file).name, p.message) for p in problems if p.is_error] == [
        ("02-staging.md", "link to unknown lesson 'ghost'")
    ]


def test_validate_a_folder_without_lessons_says_so(tmp_path):
    (tmp_path / "empty").mkdir()
    problems, checked = validate_files([tmp_path / "empty"], KnownTargets())
    assert checked == 0 and [p.message for p in problems] == ["no lesson files (.md or .Rmd) in it"]
