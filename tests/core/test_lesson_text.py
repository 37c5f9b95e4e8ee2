import pytest

from explorer.core.lesson_text import LessonText, dominant_newline, restore_line_endings


@pytest.mark.parametrize(
    ("original", "edited", "expected"),
    [
        # nothing changed: the file comes back byte for byte
        ("a\r\nb\r\n", "a\nb\n", "a\r\nb\r\n"),
        ("a\r\nb\nc\r", "a\nb\nc\n", "a\r\nb\nc\r"),
        ("a\r\nb", "a\nb", "a\r\nb"),
        # a changed line takes the file's usual ending; the others keep theirs
        ("a\r\nb\nc\r\n", "a\nB\nc\n", "a\r\nB\r\nc\r\n"),
        ("a\r\nb\r\n", "a\nnew\nb\n", "a\r\nnew\r\nb\r\n"),
        ("a\r\nb\r\nc\r\n", "a\nc\n", "a\r\nc\r\n"),
        # a final line break added or removed
        ("a\r\nb", "a\nb\n", "a\r\nb\r\n"),
        ("a\r\nb\r\n", "a\nb", "a\r\nb"),
        # plain \n files are left as the editor has them
        ("a\nb\n", "a\nB\n", "a\nB\n"),
        ("", "new\n", "new\n"),
    ],
)
def test_restore_line_endings(original, edited, expected):
    assert restore_line_endings(original, edited) == expected


@pytest.mark.parametrize(
    ("text", "newline"),
    [
        ("a\nb\n", "\n"),
        ("a\r\nb\r\nc\n", "\r\n"),
        ("a\rb\r", "\r"),
        ("none", "\n"),
    ],
)
def test_dominant_newline(text, newline):
    assert dominant_newline(text) == newline


@pytest.mark.parametrize(
    "data",
    [
        b"---\ntitle: A\n---\nbody\n",
        b"\xef\xbb\xbf---\r\ntitle: A\r\n---\r\nbody\r\n",
        "caf\u00e9\u00a0nbsp\tand tab".encode(),
    ],
)
def test_decode_then_encode_is_the_same_bytes(data):
    loaded = LessonText.decode(data)
    assert loaded.encode() == data
    assert loaded.edited(loaded.editable).encode() == data


def test_a_bom_is_kept_and_hidden_from_the_editor():
    loaded = LessonText.decode(b"\xef\xbb\xbfhi\r\n")
    assert loaded.bom and loaded.editable == "hi\n"
    assert loaded.edited("ho\n").encode() == b"\xef\xbb\xbfho\r\n"


def test_text_that_is_not_utf8_is_refused():
    with pytest.raises(UnicodeDecodeError):
        LessonText.decode(b"caf\xe9")
