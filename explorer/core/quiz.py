"""Check-your-understanding questions as HTML that answers when asked.

A multiple-choice question shows its choices as links (`quiz:N-C`); a wrong choice is
struck through and the others stay open; the right one, or "show the answer"
(`quiz:N-show`), reveals the explanation. An open question hides its model answer behind
a link. Nothing is spoiled before the student acts. Under each question a small line
says which of the lesson's objectives it checks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from explorer.core.models import Question

#: quiz state value for "the student asked to see the answer"
REVEALED = -1


def questions_html(
    questions: Sequence[Question], quiz: Mapping[int, int], objectives: Sequence[str] = ()
) -> str:
    """`quiz` maps a question's index to the choice picked, or REVEALED; `objectives` are
    the lesson's, for the line saying which one a question checks."""
    if not questions:
        return ""
    out = ['<h2 id="check-your-understanding">Check your understanding</h2><ol class="quiz">']
    for number, question in enumerate(questions):
        out.append(f'<li><p class="question">{escape(question.question)}</p>')
        out.append(objective_html(question, objectives))
        out.append(_question_body(number, question, quiz.get(number)))
        out.append("</li>")
    out.append("</ol>")
    return "".join(out)


def objective_html(question: Question, objectives: Sequence[str]) -> str:
    """'Checks objective 2: Explain ...', or '' when the question names none (or one the
    lesson does not have)."""
    number = question.objective
    if number is None or not 1 <= number <= len(objectives):
        return ""
    text = escape(objectives[number - 1])
    return f'<p class="objective">Checks objective {number}: {text}</p>'


def _question_body(number: int, q: Question, state: int | None) -> str:
    explanation = f" {escape(q.explanation)}" if q.explanation else ""
    if not q.choices:
        if state is None:
            return f'<p><a class="reveal" href="quiz:{number}-show">Show a model answer</a></p>'
        return f'<p class="answer"><b>Model answer:</b> {escape(str(q.answer))}{explanation}</p>'
    correct = q.answer if isinstance(q.answer, int) else -2
    done = state in (correct, REVEALED)
    items = []
    for index, choice in enumerate(q.choices):
        text = escape(choice)
        if index == correct and done:
            items.append(f'<li class="right"><b>{text}</b> ✓</li>')
        elif index == state:
            items.append(f'<li class="wrong"><s>{text}</s> ✗</li>')
        elif done:
            items.append(f"<li>{text}</li>")
        else:
            items.append(f'<li><a class="choice" href="quiz:{number}-{index}">{text}</a></li>')
    out = ['<ol class="choices" type="A">', *items, "</ol>"]
    if state == correct:
        out.append(f'<p class="answer"><b>Correct.</b>{explanation}</p>')
    elif state == REVEALED:
        out.append(f'<p class="answer"><b>Answer: {"ABCDEFGH"[correct]}.</b>{explanation}</p>')
    elif state is not None:
        out.append(
            '<p class="wrong">Not quite. Try another answer, or '
            f'<a class="reveal" href="quiz:{number}-show">show the answer</a>.</p>'
        )
    else:
        out.append('<p class="hint">Choose an answer.</p>')
    return "".join(out)


def questions_folded_html(questions: Sequence[Question], objectives: Sequence[str] = ()) -> str:
    """The questions for a page with no links to answer them (a published copy): the
    choices listed, and each answer folded away in a `<details>` the student opens."""
    if not questions:
        return ""
    out = ['<h2 id="check-your-understanding">Check your understanding</h2><ol class="quiz">']
    for question in questions:
        out.append(f'<li><p class="question">{escape(question.question)}</p>')
        out.append(objective_html(question, objectives))
        out.append(_folded_body(question))
        out.append("</li>")
    out.append("</ol>")
    return "".join(out)


def _folded_body(q: Question) -> str:
    explanation = f" {escape(q.explanation)}" if q.explanation else ""
    if not q.choices:
        answer = f"<b>Model answer:</b> {escape(str(q.answer))}{explanation}"
        return _folded("Show a model answer", answer)
    choices = "".join(f"<li>{escape(choice)}</li>" for choice in q.choices)
    correct = q.answer if isinstance(q.answer, int) else -1
    if 0 <= correct < len(q.choices):
        letter = "ABCDEFGH"[correct] if correct < 8 else str(correct + 1)
        answer = f"<b>Answer: {letter}, {escape(q.choices[correct])}.</b>{explanation}"
    else:
        answer = explanation.strip()
    return f'<ol class="choices" type="A">{choices}</ol>' + _folded("Show the answer", answer)


def _folded(summary: str, answer: str) -> str:
    return (
        f'<details class="answer"><summary>{escape(summary)}</summary>'
        f'<p class="answer">{answer}</p></details>'
    )
