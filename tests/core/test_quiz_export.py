"""Quiz export: every format parses back to the same questions, answers and feedback.

GIFT is read back by a small parser written from Moodle's GIFT importer
(question/format/gift/format.php): escapes become placeholders first, then the answer
block between the first { and the first }, the general feedback after ####, the answers
split at ~ and =. The XML formats are read back with the standard library's parser.
"""

from __future__ import annotations

import html
import io
import re
import xml.etree.ElementTree as ElementTree
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from explorer.core.lessons import load_lesson_folder
from explorer.core.models import Lesson, Question
from explorer.core.quiz_export import NoQuestionsError, QuizSet, quiz_set
from explorer.core.quiz_moodle import gift_escape
from explorer.core.quiz_qti import MANIFEST, RESOURCE_TYPE
from explorer.core.quiz_writers import write_quiz

BUNDLED = Path(__file__).resolve().parents[2] / "content" / "lessons"
QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"


@dataclass(frozen=True)
class ReadBack:
    """A question as a platform would read it from the file."""

    category: str
    name: str
    question: str
    choices: tuple[str, ...]
    correct: int | None
    feedback: str


def expected(quiz: QuizSet, gift: bool = False) -> list[ReadBack]:
    """What a platform should read; a GIFT category line cannot hold a backslash."""
    return [
        ReadBack(
            " ".join(lesson.title.replace("\\", "").split()) if gift else lesson.title,
            item.name,
            item.question.question.strip(),
            tuple(c.strip() for c in item.question.choices),
            item.correct if item.is_choice else None,
            item.feedback,
        )
        for lesson in quiz.lessons
        for item in lesson.items
    ]


# -- reading GIFT back ----------------------------------------------------------------------

PLACEHOLDERS = {"\\:": "\x01", "\\#": "\x02", "\\=": "\x03", "\\{": "\x04", "\\}": "\x05"}
PLACEHOLDERS |= {"\\~": "\x06", "\\n": "\n"}


def _protect(text: str) -> str:
    text = text.replace("\\\\", "\x00")
    for escaped, mark in PLACEHOLDERS.items():
        text = text.replace(escaped, mark)
    return text.replace("\x00", "\\")


def _plain(text: str, is_html: bool = True) -> str:
    for char, mark in zip(":#={}~", "\x01\x02\x03\x04\x05\x06", strict=True):
        text = text.replace(mark, char)
    if not is_html:  # a question's name is plain text
        return text.strip()
    text = text.strip().removeprefix("[html]")
    return html.unescape(text.replace("<br>", "\n"))


def last_category(path: str) -> str:
    """The last name of a category path ('//' is a slash inside a name)."""
    return re.split(r"(?<!/)/(?!/)", path)[-1].replace("//", "/")


def read_gift(text: str) -> list[ReadBack]:
    found, category = [], ""
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.splitlines() if not line.strip().startswith("//")]
        body = _protect("\n".join(lines).strip())
        if not body:
            continue
        if body.startswith("$CATEGORY:"):
            category = last_category(body.removeprefix("$CATEGORY:").strip())
            continue
        assert body.startswith("::")
        name, _, rest = body[2:].partition("::")
        start, end = rest.index("{"), rest.index("}")
        assert end == len(rest) - 1, "the answers come last"
        answers, _, feedback = rest[start + 1 : end].partition("####")
        choices, correct = [], None
        for part in re.split(r"(?=[~=])", answers.strip()):
            if part.strip():
                correct = len(choices) if part.startswith("=") else correct
                choice, _, own_feedback = part[1:].partition("#")  # as Moodle splits it
                assert not own_feedback
                choices.append(_plain(choice))
        found.append(
            ReadBack(
                category,
                _plain(name, is_html=False),
                _plain(rest[:start]),
                tuple(choices),
                correct,
                _plain(feedback),
            )
        )
    return found


# -- reading Moodle XML and QTI back -------------------------------------------------------------


def _html(element: ElementTree.Element | None) -> str:
    assert element is not None
    return html.unescape((element.text or "").replace("<br>", "\n")).strip()


def read_moodle_xml(data: bytes) -> list[ReadBack]:
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')
    found, category = [], ""
    for question in ElementTree.fromstring(data).iter("question"):
        kind = question.get("type")
        if kind == "category":
            category = last_category(question.findtext("category/text", ""))
            continue
        assert kind in ("multichoice", "essay")
        answers = question.findall("answer")
        choices = tuple(_html(a.find("text")) for a in answers)
        right = [i for i, a in enumerate(answers) if a.get("fraction") == "100"]
        if kind == "multichoice":
            assert question.findtext("single") == "true" and len(right) == 1
        else:
            assert _html(question.find("graderinfo/text")) == _html(
                question.find("generalfeedback/text")
            )
        found.append(
            ReadBack(
                category,
                question.findtext("name/text", ""),
                _html(question.find("questiontext/text")),
                choices,
                right[0] if right else None,
                _html(question.find("generalfeedback/text")),
            )
        )
    return found


def read_qti(data: bytes) -> list[ReadBack]:
    package = zipfile.ZipFile(io.BytesIO(data))
    assert package.namelist()[0] == MANIFEST
    manifest = ElementTree.fromstring(package.read(MANIFEST))
    files = [
        r.find(f"{CP}file").get("href")
        for r in manifest.iter(f"{CP}resource")
        if r.get("type") == RESOURCE_TYPE
    ]
    assert sorted(files) == sorted(n for n in package.namelist() if n != MANIFEST)
    found = []
    for name in files:
        assessment = ElementTree.fromstring(package.read(name)).find(f"{QTI}assessment")
        for item in assessment.iter(f"{QTI}item"):
            found.append(_qti_item(assessment.get("title", ""), item))
    return found


def _qti_item(category: str, item: ElementTree.Element) -> ReadBack:
    kind = item.findtext(f".//{QTI}fieldentry")
    labels = item.findall(f".//{QTI}response_label")
    choices = tuple(label.findtext(f".//{QTI}mattext", "") for label in labels)
    scored = item.findtext(f".//{QTI}varequal")
    idents = [label.get("ident") for label in labels]
    if kind == "multiple_choice_question":
        assert item.find(f".//{QTI}response_lid").get("rcardinality") == "Single"
    else:
        assert kind == "essay_question" and item.find(f".//{QTI}response_str") is not None
        choices = ()
    feedback = item.find(f"{QTI}itemfeedback//{QTI}mattext")
    return ReadBack(
        category,
        item.get("title", ""),
        _html(item.find(f"{QTI}presentation/{QTI}material/{QTI}mattext")),
        choices,
        idents.index(scored) if scored else None,
        _html(feedback) if feedback is not None else "",
    )


READERS = {
    "gift": lambda data: read_gift(data.decode("utf-8")),
    "moodle-xml": read_moodle_xml,
    "qti": read_qti,
}

# -- the tests ------------------------------------------------------------------------------

TRICKY = [
    "Plain words.",
    "GIFT's own: ~ = # { } : and a backslash \\ too",
    "An escape that is not one: \\n, \\: and \\\\",
    "<b>Not bold</b> & <script>alert(1)</script> &amp; stays &amp;",
    "Quotes \"double\" and 'single', a ]]> and a --> too",
    "Two lines\nof text",
    "%50% looks like a weight",
    "[html] looks like a format",
    "// looks like a comment",
    "Ünïcödé, emoji 🚀 and ½",
]


def lesson_with(text: str, slug: str = "tricky") -> Lesson:
    return Lesson(
        slug,
        f"Title: {text.splitlines()[0]}",
        "foundations",
        questions=(
            Question(text, 1, (f"A {text}", text, "-> C"), explanation=f"Because {text}"),
            Question(f"Why {text}?", f"Model {text}"),
            Question("No explanation?", 0, ("Yes", "No")),
        ),
    )


@pytest.mark.parametrize("format_name", READERS)
@pytest.mark.parametrize("text", TRICKY)
def test_special_characters_come_back_as_written(format_name, text):
    quiz = quiz_set([lesson_with(text)])
    read = READERS[format_name](write_quiz(format_name, quiz))
    assert read == expected(quiz, gift=format_name == "gift")


@pytest.mark.parametrize("format_name", READERS)
def test_every_bundled_question_comes_back_with_its_answer(format_name):
    lessons, problems = load_lesson_folder(BUNDLED)
    assert not problems
    quiz = quiz_set(lessons)
    assert len(quiz.lessons) == len(lessons) and len(quiz.items) > 60
    read = READERS[format_name](write_quiz(format_name, quiz))
    assert read == expected(quiz)
    assert {r.category for r in read} == {x.title for x in lessons}


def test_an_open_question_is_an_essay_with_the_model_answer_as_feedback():
    quiz = quiz_set([lesson_with("x")])
    open_item = quiz.items[1]
    assert not open_item.is_choice
    assert open_item.feedback == "Model answer: Model x"
    assert quiz.items[0].feedback == "Because x"


def test_lessons_without_questions_are_left_out_and_none_at_all_is_refused():
    empty = Lesson("empty", "Empty", "foundations")
    quiz = quiz_set([empty, lesson_with("x", "one"), lesson_with("y", "two")])
    assert [lesson.slug for lesson in quiz.lessons] == ["one", "two"]
    with pytest.raises(NoQuestionsError, match="empty"):
        quiz_set([empty])


def test_a_qti_package_is_the_same_bytes_each_time_and_names_lessons_apart():
    quiz = quiz_set([lesson_with("x", "one"), lesson_with("y", "two")])
    first, second = write_quiz("qti", quiz), write_quiz("qti", quiz)
    assert first == second
    names = zipfile.ZipFile(io.BytesIO(first)).namelist()
    assert len(names) == 3 and len({Path(n).parent for n in names[1:]}) == 2


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("a~b", "a\\~b"),
        ("a=b", "a\\=b"),
        ("#1", "\\#1"),
        ("{x}", "\\{x\\}"),
        ("a:b", "a\\:b"),
        ("a\\b", "a\\\\b"),
        ("line\nbreak", "line\\nbreak"),
    ],
)
def test_gift_escapes_each_reserved_character(text, written):
    assert gift_escape(text) == written


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown quiz format"):
        write_quiz("docx", quiz_set([lesson_with("x")]))
