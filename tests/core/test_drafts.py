import json

from explorer.core.drafts import (
    Draft,
    draft_file,
    list_drafts,
    read_draft,
    remove_draft,
    text_hash,
    write_draft,
)


def test_a_draft_reads_back_and_is_removed(tmp_path):
    drafts, lesson = tmp_path / "drafts", tmp_path / "lessons" / "mine.md"
    written = write_draft(drafts, lesson, "text\n", base=text_hash("old"))
    assert written == draft_file(drafts, lesson) and written.name.startswith("mine-")
    draft = read_draft(drafts, lesson)
    assert draft is not None
    assert (draft.path, draft.text, draft.base) == (lesson.resolve(), "text\n", text_hash("old"))
    assert [d.path for d in list_drafts(drafts)] == [lesson.resolve()]
    remove_draft(drafts, lesson)
    assert read_draft(drafts, lesson) is None
    remove_draft(drafts, lesson)  # twice is fine


def test_two_lessons_with_the_same_name_in_different_folders_have_two_drafts(tmp_path):
    a, b = tmp_path / "a" / "x.md", tmp_path / "b" / "x.md"
    assert draft_file(tmp_path, a) != draft_file(tmp_path, b)


def test_damaged_or_foreign_drafts_are_ignored(tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "broken.json").write_text("{not json")
    (drafts / "other.json").write_text(json.dumps({"format": "something-else"}))
    (drafts / "list.json").write_text("[]")
    assert list_drafts(drafts) == []
    assert list_drafts(tmp_path / "missing") == []


def test_saved_label_is_readable(tmp_path):
    assert Draft(tmp_path, "", "2026-11-26T10:15:00", "").saved_label == "26 Nov 2026 at 10:15"
    assert Draft(tmp_path, "", "garbage", "").saved_label == "garbage"
