"""A lesson file's bytes <-> the text an editor shows, keeping what the editor cannot.

Qt's text editors know one kind of line break and no byte-order mark. So the file's BOM is
remembered, and on save every line the teacher did not touch gets its original line ending
back (a line-level diff against the text as loaded): an edit changes only what it changes.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

BOM = "\ufeff"
LINE_RE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|\Z)")


@dataclass(frozen=True, slots=True)
class LessonText:
    """A file as loaded: its text with its own line endings, and whether it had a BOM."""

    text: str
    bom: bool = False

    @classmethod
    def decode(cls, data: bytes) -> LessonText:
        """Raises UnicodeDecodeError for a file that is not UTF-8."""
        text = data.decode("utf-8")
        if text.startswith(BOM):
            return cls(text[1:], True)
        return cls(text)

    def encode(self) -> bytes:
        return ((BOM if self.bom else "") + self.text).encode("utf-8")

    @property
    def editable(self) -> str:
        """The text as an editor holds it: every line break a plain \\n."""
        return normalise_newlines(self.text)

    def edited(self, new_editable: str) -> LessonText:
        """The file after an edit: untouched lines keep their original endings."""
        return LessonText(restore_line_endings(self.text, new_editable), self.bom)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def dominant_newline(text: str) -> str:
    """The most common line ending in `text` (\\n when there are none)."""
    counts = {"\r\n": text.count("\r\n")}
    counts["\r"] = text.count("\r") - counts["\r\n"]
    counts["\n"] = text.count("\n") - counts["\r\n"]
    best = max(counts.items(), key=lambda item: item[1])
    return best[0] if best[1] else "\n"


def _lines(text: str) -> list[tuple[str, str]]:
    """(content, ending) pairs; the last pair's ending is '' when the text has no final
    line break."""
    pairs = [(m.group(1), m.group(2)) for m in LINE_RE.finditer(text)]
    if pairs and pairs[-1] == ("", ""):
        pairs.pop()
    return pairs


def restore_line_endings(original: str, edited: str) -> str:
    """`edited` (\\n line breaks) with `original`'s line endings on every unchanged line;
    changed and new lines take the original's most common ending."""
    if "\r" not in original:
        return edited
    old, new = _lines(original), _lines(edited)
    newline = dominant_newline(original)
    matcher = difflib.SequenceMatcher(
        None, [c for c, _ in old], [c for c, _ in new], autojunk=False
    )
    out: list[str] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for (content, ending), (_, new_ending) in zip(old[i1:i2], new[j1:j2], strict=True):
                out.append(content + ((ending or newline) if new_ending else ""))
        else:
            out += [content + (newline if ending else "") for content, ending in new[j1:j2]]
    return "".join(out)
