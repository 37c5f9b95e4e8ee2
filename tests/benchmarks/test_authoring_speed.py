"""The lesson editor while typing: what one pause costs (check the text, update the fields,
redraw the preview) on a 3,000-word lesson, and a field edit written into the text."""

from __future__ import annotations

import statistics
import time

import pytest

from explorer.core.front_matter_edit import apply_fields
from explorer.core.lesson_authoring import lesson_template
from tests.benchmarks.generate import lesson_body


@pytest.mark.benchmark
def test_editor_pause_on_a_3000_word_lesson(qtbot, bundled_paths):
    from explorer.store.catalog import Catalog
    from explorer.ui.lesson_editor.editor import LessonEditor

    catalog = Catalog.open(bundled_paths)
    path = bundled_paths.teacher_lessons / "long.md"
    path.write_text(lesson_template("A long lesson", "benefits") + lesson_body(3000))
    t0 = time.perf_counter()
    editor = LessonEditor(catalog, path)
    opened = (time.perf_counter() - t0) * 1000
    qtbot.add_widget(editor)
    editor.resize(1280, 820)
    editor.show()
    pauses, fields = [], []
    for n in range(20):
        editor.editor.appendPlainText(f"Line {n}.")  # the body changes: a full render
        t1 = time.perf_counter()
        editor._on_check_timer_timeout()
        editor.preview.repaint()
        pauses.append((time.perf_counter() - t1) * 1000)
        text = editor.text()
        t2 = time.perf_counter()
        apply_fields(text, {"title": f"Title {n}"})
        fields.append((time.perf_counter() - t2) * 1000)
    editor._saved = editor.text()
    print(
        f"\neditor on a 3,000-word lesson, bundled catalog: open {opened:.0f} ms; "
        f"check + fields + preview per pause p50 {statistics.median(pauses):.1f} ms, "
        f"max {max(pauses):.1f} ms; a field edit into the text p50 "
        f"{statistics.median(fields):.2f} ms"
    )
    catalog.close()


@pytest.mark.benchmark
def test_editor_pause_after_a_field_edit(qtbot, bundled_paths):
    """Only the front matter changed: the body's render is reused."""
    from explorer.store.catalog import Catalog
    from explorer.ui.lesson_editor.editor import LessonEditor

    catalog = Catalog.open(bundled_paths)
    path = bundled_paths.teacher_lessons / "long.md"
    path.write_text(lesson_template("A long lesson", "benefits") + lesson_body(3000))
    editor = LessonEditor(catalog, path)
    qtbot.add_widget(editor)
    editor.show()
    pauses = []
    for n in range(20):
        editor.fields.title.setText(f"Title {n}")
        editor.fields.fields_edited.emit()
        t1 = time.perf_counter()
        editor._on_check_timer_timeout()
        editor.preview.repaint()
        pauses.append((time.perf_counter() - t1) * 1000)
    editor._saved = editor.text()
    print(
        f"\nafter a field edit, 3,000-word lesson: check + fields + preview p50 "
        f"{statistics.median(pauses):.1f} ms, max {max(pauses):.1f} ms"
    )
    catalog.close()
