"""`space-explorer export --format pdf|gift|moodle-xml|qti`: handouts and quizzes.

PDFs are read back with pypdf: the words a student would see (compared without spaces,
which text extraction places loosely), the page count and the paper size. The PDF tests
start a QApplication first (the `qapp` fixture), so that the offscreen application the
command makes for itself does not stand in the way of later widget tests.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from explorer.cli import main
from explorer.core.lessons import load_lesson_folder

BUNDLED = Path(__file__).resolve().parents[2] / "content" / "lessons"

LESSON = """---
slug: docking-together
title: Docking together in orbit
section: foundations
summary: Rivals shook hands in space.
partnerships: [apollo-soyuz-test-project, exomars-esa-roscosmos]
questions:
  - question: Which spacecraft docked with Apollo in 1975?
    choices: [Soyuz 19, Mir, Skylab]
    answer: 0
    explanation: Soyuz 19 met Apollo in July 1975.
  - question: Why would two rivals fly a joint mission?
    answer: To build trust and learn to work together despite the Cold War.
---

## The handshake

{body}
"""
PARAGRAPH = "The crews practised in both countries before the flight. " * 12


def write_lesson(data_dir: Path, paragraphs: int = 2) -> Path:
    folder = data_dir / "lessons"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "docking-together.md"
    body = "\n\n".join([PARAGRAPH] * paragraphs)
    path.write_text(LESSON.format(body=body), encoding="utf-8")
    return path


NO_QUESTIONS = """---
title: Nothing to ask
section: foundations
---

Just reading today.
"""


@pytest.fixture
def data_dir(tmp_path) -> Path:
    """A data folder with two teacher lessons beside the bundled ones."""
    data = tmp_path / "data"
    write_lesson(data)
    (data / "lessons" / "nothing-to-ask.md").write_text(NO_QUESTIONS, encoding="utf-8")
    return data


def squeeze(text: str) -> str:
    """Without spaces and ligatures (a PDF may set 'fl' as one glyph)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def has(text: str, *phrases: str) -> bool:
    return all(squeeze(phrase) in squeeze(text) for phrase in phrases)


def export(data_dir: Path, *words: str) -> int:
    return main(["export", *words, "--data-dir", str(data_dir)])


def pdf_text(path: Path) -> tuple[PdfReader, str]:
    reader = PdfReader(path)
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def test_a_lesson_handout_holds_the_lesson_its_partnerships_and_its_worksheet(
    qapp, data_dir, tmp_path, capsys
):
    out = tmp_path / "handout.pdf"
    assert export(data_dir, "--format", "pdf", "lesson:docking-together", str(out)) == 0
    assert "Wrote" in capsys.readouterr().out
    reader, text = pdf_text(out)
    assert has(text, "Docking together in orbit", "The handshake")
    assert has(text, "Apollo-Soyuz Test Project (ASTP)", "ExoMars programme (ESA-Roscosmos")
    assert has(text, "2013–2022")  # the table's years
    assert has(text, "Worksheet", "Which spacecraft docked with Apollo in 1975?")
    assert has(text, "Why would two rivals fly a joint mission?", "A. Soyuz 19", "B. Mir")
    assert has(text, "Answer key", "To build trust")
    assert has(reader.pages[-1].extract_text(), "Answer key")  # on its own last page
    assert not has(reader.pages[-2].extract_text(), "Answer key")
    # each text once where it is seen (a line clipped off a page would still be found)
    assert squeeze(text).count("Answerkey") == 1
    assert squeeze(text).count(squeeze("Which spacecraft docked with Apollo in 1975?")) == 2
    pages = len(reader.pages)
    assert has(text, f"Page {pages} of {pages}")
    assert has(text, "Space Partnerships Explorer · lesson: docking-together ·")
    assert reader.metadata.title == "Docking together in orbit"


def test_the_answer_key_is_left_out_when_asked(qapp, data_dir, tmp_path):
    out = tmp_path / "no-key.pdf"
    code = export(
        data_dir, "--format", "pdf", "lesson:docking-together", str(out), "--answers", "none"
    )
    assert code == 0
    _, text = pdf_text(out)
    assert has(text, "Which spacecraft docked with Apollo in 1975?")
    assert not has(text, "Answer key") and not has(text, "To build trust")
    assert not has(text, "Soyuz 19 met Apollo")  # the explanation is the teacher's


def images_on(reader: PdfReader) -> int:
    return sum(len(page.images) for page in reader.pages)


def test_the_timeline_picture_is_drawn_unless_left_out(qapp, data_dir, tmp_path):
    with_picture, without = tmp_path / "with.pdf", tmp_path / "without.pdf"
    export(data_dir, "--format", "pdf", "lesson:docking-together", str(with_picture))
    export(data_dir, "--format", "pdf", "lesson:docking-together", str(without), "--no-timeline")
    assert images_on(PdfReader(with_picture)) == 1
    assert images_on(PdfReader(without)) == 0


@pytest.mark.parametrize(("paper", "size"), [("a4", (595, 842)), ("letter", (612, 792))])
def test_pages_have_the_paper_size_asked_for(qapp, data_dir, tmp_path, paper, size):
    out = tmp_path / f"{paper}.pdf"
    export(data_dir, "--format", "pdf", "lesson:docking-together", str(out), "--paper", paper)
    for page in PdfReader(out).pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == size


def test_a_longer_lesson_takes_more_pages(qapp, data_dir, tmp_path):
    short, long = tmp_path / "short.pdf", tmp_path / "long.pdf"
    export(data_dir, "--format", "pdf", "lesson:docking-together", str(short))
    write_lesson(data_dir, paragraphs=40)
    export(data_dir, "--format", "pdf", "lesson:docking-together", str(long))
    assert len(PdfReader(long).pages) >= len(PdfReader(short).pages) + 3


@pytest.mark.parametrize(
    ("target", "words"),
    [
        ("partnership:apollo-soyuz-test-project", ["Apollo-Soyuz Test Project", "Milestones"]),
        ("topic:cost-sharing", ["Cost sharing", "Lessons that teach it", "Sharing the cost"]),
    ],
)
def test_partnership_and_topic_pages_make_handouts_without_screen_links(
    qapp, data_dir, tmp_path, target, words
):
    out = tmp_path / "page.pdf"
    assert export(data_dir, "--format", "pdf", target, str(out)) == 0
    text = pdf_text(out)[1]
    assert has(text, *words)
    assert not has(text, "Show on the timeline") and not has(text, "Sort by")


@pytest.mark.parametrize(
    ("words", "message"),
    [
        (["lesson:no-such-lesson", "x.pdf"], "there is no lesson called 'no-such-lesson'"),
        (["glossary:barter", "x.pdf"], "cannot make a handout of 'glossary:barter'"),
        (["lesson:docking-together"], "takes lesson:SLUG"),
    ],
)
def test_bad_handout_requests_say_what_is_wrong(qapp, data_dir, capsys, words, message):
    assert export(data_dir, "--format", "pdf", *words) == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize("format_name", ["gift", "moodle-xml", "qti"])
def test_a_lesson_quiz_is_written(data_dir, tmp_path, capsys, format_name):
    out = tmp_path / f"quiz.{format_name}"
    assert export(data_dir, "--format", format_name, "lesson:docking-together", str(out)) == 0
    assert "2 questions from 1 lesson" in capsys.readouterr().out
    data = out.read_bytes()
    if format_name == "qti":
        assert "imsmanifest.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    else:
        assert "Which spacecraft docked with Apollo in 1975?" in data.decode("utf-8")


def test_all_lessons_go_into_one_quiz_file(data_dir, tmp_path, capsys):
    out = tmp_path / "all.xml"
    assert export(data_dir, "--format", "moodle-xml", "all", str(out)) == 0
    bundled, _ = load_lesson_folder(BUNDLED)
    lessons = len(bundled) + 1  # the bundled lessons and this test's (the other has none)
    assert f"from {lessons} lessons" in capsys.readouterr().out
    text = out.read_text(encoding="utf-8")
    assert text.count('<question type="category">') == lessons
    assert "Why would two rivals" in text and bundled[0].questions[0].question in text


def test_a_quiz_goes_to_standard_output(data_dir, capsys):
    assert export(data_dir, "--format", "gift", "lesson:docking-together", "-") == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("// Space Partnerships Explorer")
    assert "Wrote -" in captured.err


def test_a_lesson_without_questions_has_no_quiz(data_dir, tmp_path, capsys):
    out = tmp_path / "none.txt"
    assert export(data_dir, "--format", "gift", "lesson:nothing-to-ask", str(out)) == 1
    assert "no check-your-understanding questions in nothing-to-ask" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize(
    ("words", "message"),
    [
        (["--format", "qti", "lesson:nope", "x.zip"], "there is no lesson called 'nope'"),
        (["--format", "qti", "partnership:x", "x.zip"], "takes lesson:SLUG or all"),
        (["--format", "csv", "-", "--paper", "a4"], "are for --format pdf"),
    ],
)
def test_bad_quiz_requests_say_what_is_wrong(data_dir, capsys, words, message):
    assert export(data_dir, *words) == 2
    assert message in capsys.readouterr().err
