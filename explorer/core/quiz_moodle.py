"""Moodle's two question formats: GIFT (text) and Moodle XML.

Written as Moodle's own exporter writes them (question/format/gift and
question/format/xml in Moodle's source, documented on docs.moodle.org): one question
category per lesson, texts as HTML (escaped here, so nothing a lesson says becomes a
tag), a multiple-choice question as a single-answer item (the right choice 100%, the
others 0%) with its explanation as general feedback, an open question as an essay with
the model answer as general feedback and as information for graders.

GIFT reserves ~ = # { } : and the backslash, and blank lines end a question: each is
escaped with a backslash, line breaks as \\n. An answer that would start with % (a
weight) or [ (a text format) starts with the same character as an HTML entity instead.
A category line is read without escapes, so a backslash in a lesson title is left out.
XML is built with ElementTree, which escapes every value.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from datetime import date

from explorer.core.quiz_export import APP_NAME, QuizItem, QuizSet, category_path, html_text

#: GIFT's reserved characters and how they are written (the backslash first)
GIFT_ESCAPES = (
    ("\\", "\\\\"),
    ("~", "\\~"),
    ("=", "\\="),
    ("#", "\\#"),
    ("{", "\\{"),
    ("}", "\\}"),
    (":", "\\:"),
    ("\r", ""),
    ("\n", "\\n"),
)
#: the first character of an answer that GIFT would read as something else
GIFT_LEADING = {"%": "&#37;", "[": "&#91;"}
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


# -- GIFT ---------------------------------------------------------------------------------


def gift_escape(text: str) -> str:
    for plain, escaped in GIFT_ESCAPES:
        text = text.replace(plain, escaped)
    return text


def _gift_html(text: str, answer: bool = False) -> str:
    html = html_text(text)
    if answer and html[:1] in GIFT_LEADING:
        html = GIFT_LEADING[html[0]] + html[1:]
    return gift_escape(html)


def gift_text(quiz: QuizSet, today: date | None = None) -> str:
    day = (today or date.today()).isoformat()
    out = [f"// {APP_NAME}: {quiz.title}, exported {day}", ""]
    for lesson in quiz.lessons:
        # Moodle reads a category line without undoing escapes: a backslash is left out
        out += [f"$CATEGORY: {category_path(APP_NAME, lesson.title.replace(chr(92), ''))}", ""]
        out += [_gift_question(item) + "\n" for item in lesson.items]
    return "\n".join(out)


def _gift_question(item: QuizItem) -> str:
    head = f"::{gift_escape(item.name)}::[html]{_gift_html(item.question.question)}"
    feedback = f"####{_gift_html(item.feedback)}" if item.feedback else ""
    if not item.is_choice:
        return f"{head}{{{feedback}}}"
    lines = [head + "{"]
    for index, choice in enumerate(item.question.choices):
        mark = "=" if index == item.correct else "~"
        lines.append(f"\t{mark}{_gift_html(choice, answer=True)}")
    if feedback:
        lines.append(f"\t{feedback}")
    lines.append("}")
    return "\n".join(lines)


def gift_bytes(quiz: QuizSet) -> bytes:
    return gift_text(quiz).encode("utf-8")


# -- Moodle XML ---------------------------------------------------------------------------


def _text(parent: ElementTree.Element, tag: str, value: str, **attrs: str) -> None:
    """`<tag format="html"><text>value</text></tag>`-style children Moodle reads."""
    element = ElementTree.SubElement(parent, tag, attrs)
    ElementTree.SubElement(element, "text").text = value


def _value(parent: ElementTree.Element, tag: str, value: str) -> None:
    ElementTree.SubElement(parent, tag).text = value


def _moodle_question(quiz: ElementTree.Element, item: QuizItem) -> None:
    kind = "multichoice" if item.is_choice else "essay"
    question = ElementTree.SubElement(quiz, "question", {"type": kind})
    _text(question, "name", item.name)
    _text(question, "questiontext", html_text(item.question.question), format="html")
    _text(question, "generalfeedback", html_text(item.feedback), format="html")
    _value(question, "defaultgrade", "1")
    _value(question, "penalty", "0.3333333")
    _value(question, "hidden", "0")
    if item.is_choice:
        _choices(question, item)
    else:
        _essay(question, item)


def _choices(question: ElementTree.Element, item: QuizItem) -> None:
    _value(question, "single", "true")
    _value(question, "shuffleanswers", "0")  # "all of the above" must stay last
    _value(question, "answernumbering", "ABC")
    for index, choice in enumerate(item.question.choices):
        fraction = "100" if index == item.correct else "0"
        answer = ElementTree.SubElement(question, "answer", fraction=fraction, format="html")
        ElementTree.SubElement(answer, "text").text = html_text(choice)
        _text(answer, "feedback", "", format="html")


def _essay(question: ElementTree.Element, item: QuizItem) -> None:
    _value(question, "responseformat", "editor")
    _value(question, "responserequired", "1")
    _value(question, "responsefieldlines", "10")
    _value(question, "attachments", "0")
    _value(question, "attachmentsrequired", "0")
    _text(question, "graderinfo", html_text(item.feedback), format="html")
    _text(question, "responsetemplate", "", format="html")


def moodle_xml_text(quiz: QuizSet) -> str:
    root = ElementTree.Element("quiz")
    for lesson in quiz.lessons:
        category = ElementTree.SubElement(root, "question", {"type": "category"})
        _text(category, "category", category_path(APP_NAME, lesson.title))
        for item in lesson.items:
            _moodle_question(root, item)
    ElementTree.indent(root)
    text = ElementTree.tostring(root, encoding="unicode", short_empty_elements=False)
    return XML_DECLARATION + text + "\n"


def moodle_xml_bytes(quiz: QuizSet) -> bytes:
    return moodle_xml_text(quiz).encode("utf-8")
