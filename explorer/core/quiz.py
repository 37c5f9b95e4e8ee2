"""Check-your-understanding questions as HTML that answers when asked.

A multiple-choice question shows its choices as links (`quiz:N-C`); a wrong choice is
struck through and the others stay open; the right one, or "show the answer"
(`quiz:N-show`), reveals the explanation. An open question hides its model answer behind
a link. Nothing is spoiled before the student acts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from explorer.core import links
from explorer.core.html import Markup, escape, join
from explorer.core.models import Question

#: quiz state value for "the student asked to see the answer"
REVEALED = -1


def questions_html(questions: Sequence[Question], quiz: Mapping[int, int]) -> Markup:
    """`quiz` maps a question's index to the choice picked, or REVEALED."""
    if not questions:
        return Markup()
    entries = join(
        Markup('<li><p class="question">{}</p>{}</li>').format(
            question.question, _question_body(number, question, quiz.get(number))
        )
        for number, question in enumerate(questions)
    )
    return Markup(
        '<h2 id="check-your-understanding">Check your understanding</h2><ol class="quiz">{}</ol>'
    ).format(entries)


def _question_body(number: int, q: Question, state: int | None) -> Markup:
    explanation = Markup(" {}").format(q.explanation) if q.explanation else ""
    if not q.choices:
        if state is None:
            show = links.action("quiz", f"{number}-show", "Show a model answer", "reveal")
            return Markup("<p>{}</p>").format(show)
        return Markup('<p class="answer"><b>Model answer:</b> {}{}</p>').format(
            str(q.answer), explanation
        )
    correct = q.answer if isinstance(q.answer, int) else -2
    done = state in (correct, REVEALED)
    choices = join(
        _choice(number, index, text, correct, state, done) for index, text in enumerate(q.choices)
    )
    out = [Markup('<ol class="choices" type="A">{}</ol>').format(choices)]
    if state == correct:
        out.append(Markup('<p class="answer"><b>Correct.</b>{}</p>').format(explanation))
    elif state == REVEALED:
        out.append(
            Markup('<p class="answer"><b>Answer: {}.</b>{}</p>').format(
                "ABCDEFGH"[correct], explanation
            )
        )
    elif state is not None:
        show = links.action("quiz", f"{number}-show", "show the answer", "reveal")
        out.append(
            Markup('<p class="wrong">Not quite. Try another answer, or {}.</p>').format(show)
        )
    else:
        out.append(Markup('<p class="hint">Choose an answer.</p>'))
    return join(out)


def _choice(
    number: int, index: int, text: str, correct: int, state: int | None, done: bool
) -> Markup:
    if index == correct and done:
        return Markup('<li class="right"><b>{}</b> ✓</li>').format(text)
    if index == state:
        return Markup('<li class="wrong"><s>{}</s> ✗</li>').format(text)
    if done:
        return Markup("<li>{}</li>").format(text)
    link = links.action("quiz", f"{number}-{index}", text, "choice")
    return Markup("<li>{}</li>").format(link)


def questions_folded_html(questions: Sequence[Question]) -> str:
    """The questions for a page with no links to answer them (a published copy): the
    choices listed, and each answer folded away in a `<details>` the student opens."""
    if not questions:
        return ""
    out = ['<h2 id="check-your-understanding">Check your understanding</h2><ol class="quiz">']
    for question in questions:
        out.append(f'<li><p class="question">{escape(question.question)}</p>')
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
