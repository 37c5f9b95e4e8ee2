"""Write a set of quiz questions in one of the platform formats (GIFT, Moodle XML, QTI)."""

from __future__ import annotations

from collections.abc import Callable

from explorer.core import quiz_moodle, quiz_qti
from explorer.core.quiz_export import QUIZ_FORMATS, QuizSet


def write_quiz(format_name: str, quiz: QuizSet) -> bytes:
    """The file's bytes in one of QUIZ_FORMATS."""
    writers: dict[str, Callable[[QuizSet], bytes]] = {
        "gift": quiz_moodle.gift_bytes,
        "moodle-xml": quiz_moodle.moodle_xml_bytes,
        "qti": quiz_qti.qti_package,
    }
    if format_name not in writers:
        raise ValueError(f"unknown quiz format {format_name!r} (use {', '.join(QUIZ_FORMATS)})")
    return writers[format_name](quiz)
