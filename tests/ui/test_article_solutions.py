"""A solution stays hidden until the student opens it, with the mouse or the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt

from explorer.core.location import Location
from tests.ui.conftest import click_link

CHALLENGE = """---
slug: slicing
title: Slicing strings
section: foundations
---

Before the challenge: [a link](https://example.org/).

::::::::::::::::::::::::::::::::::::::: challenge

## Slicing Strings

What is `element[:4]`?

```python
element = 'oxygen'
```

:::::::::::::::  solution

## Solution

The answer is oxyg.

:::::::::::::::::::::::::

::::::::::::::::::::::::::::::::::::::::::::::::::

After the challenge.
"""


def write_challenge(paths) -> None:
    paths.teacher_lessons.mkdir(parents=True, exist_ok=True)
    (paths.teacher_lessons / "slicing.md").write_text(CHALLENGE, encoding="utf-8")


def focused_link(article) -> str:
    return article.textCursor().selectedText()


def test_a_solution_opens_and_closes_by_keyboard(qtbot, make_window, paths):
    write_challenge(paths)
    window = make_window(Location("lesson", "slicing"))
    article = window.read_view.article
    assert "The answer is oxyg." not in article.toPlainText()
    article.setFocus()
    for _ in range(20):  # Tab walks the page's links
        qtbot.keyClick(article, Qt.Key.Key_Tab)
        if focused_link(article) == "Show the solution":
            break
    assert focused_link(article) == "Show the solution"
    qtbot.keyClick(article, Qt.Key.Key_Return)
    assert "The answer is oxyg." in article.toPlainText()
    assert focused_link(article) == "Hide the solution"  # Enter again closes it
    qtbot.keyClick(article, Qt.Key.Key_Return)
    assert "The answer is oxyg." not in article.toPlainText()


def test_an_opened_solution_stays_open_when_the_student_comes_back(qtbot, make_window, paths):
    write_challenge(paths)
    window = make_window(Location("lesson", "slicing"))
    article = window.read_view.article
    click_link(qtbot, article, "Show the solution")
    assert "The answer is oxyg." in article.toPlainText()
    assert "After the challenge." in article.toPlainText()
    window.go_to(Location("topic", ""))
    window.menu_actions.back.trigger()
    assert "The answer is oxyg." in article.toPlainText()
