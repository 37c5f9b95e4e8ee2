"""Edit a lesson's front matter as text: change one field, leave every other byte alone.

Re-dumping the whole YAML would lose the teacher's comments, quoting, key order and line
breaks. Instead each field is a *block* of lines (the key line and its indented or `- `
continuation lines), and a change replaces that block only. A new field goes after the
fields that come before it in the documented order (docs/content-format.md).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from explorer.core.front_matter import FIELD_ORDER, NOT_READ, load_yaml_text

#: folded (`>`) style for text longer than this, wrapped at WRAP columns
FOLD_OVER = 80
WRAP = 88
FENCE_RE = re.compile(r"^-{3,}[ \t]*$")  # python-frontmatter's boundary
LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
SLUGGISH_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
PLAIN_SAFE_RE = re.compile(r"^[A-Za-z0-9(\"'“‘][^\n]*$")


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key (`  - item`), like the bundled lessons."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> Any:
        return super().increase_indent(flow, False)


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """Where the front matter sits: line indexes of the opening and closing fences."""

    lines: list[str]  # the whole text, split into lines that keep their line endings
    opening: int
    closing: int

    @property
    def newline(self) -> str:
        ending = self.lines[self.opening][len(self.lines[self.opening].rstrip("\r\n")) :]
        return ending or "\n"


def split_lines(text: str) -> list[str]:
    """Lines with their endings (\\n, \\r\\n or \\r); only those three break lines."""
    return LINE_RE.findall(text)


def locate(text: str) -> FrontMatter | None:
    """The front matter's fences, or None when the text has no (closed) front matter."""
    lines = split_lines(text)
    if not lines or not FENCE_RE.match(lines[0].rstrip("\r\n").lstrip("\ufeff")):
        return None
    for index in range(1, len(lines)):
        if FENCE_RE.match(lines[index].rstrip("\r\n")):
            return FrontMatter(lines, 0, index)
    return None


def read_fields(text: str) -> dict[str, Any] | None:
    """The front matter as a mapping; None when it is missing or not valid YAML."""
    found = locate(text)
    if found is None:
        return None
    data = load_yaml_text("".join(found.lines[found.opening + 1 : found.closing]))
    if data is NOT_READ:
        return None
    if data is None:
        return {}
    return dict(data) if isinstance(data, Mapping) else None


def set_field(text: str, key: str, value: Any) -> str:
    """`text` with one field set to `value` (None removes it); other bytes untouched."""
    found = locate(text)
    if found is None:
        if value is None:
            return text
        block = "".join(dump_field(key, value, "\n"))
        return f"---\n{block}---\n" + ("" if text.startswith("\n") else "\n") + text
    lines = list(found.lines)
    new = [] if value is None else dump_field(key, value, found.newline)
    span = _block(lines, found, key)
    if span is not None:
        lines[span[0] : span[1]] = new
    else:
        at = _insert_at(lines, found, key)
        lines[at:at] = new
    return "".join(lines)


def apply_fields(text: str, changes: Mapping[str, Any]) -> str:
    """Set each changed field; a field whose value is already `value` is left as written."""
    current = read_fields(text)
    for key, value in changes.items():
        if current is not None and same_value(current.get(key), value):
            continue
        text = set_field(text, key, value)
    return text


def same_value(old: Any, new: Any) -> bool:
    """Equal as the app reads them: text compares without surrounding whitespace, a lone
    string equals a one-item list, and a missing field equals an empty one."""

    def norm(value: Any) -> Any:
        if value in (None, "", []):
            return None
        if isinstance(value, str):
            return value.strip()
        if isinstance(value, list):
            return [norm(v) for v in value]
        return value

    if isinstance(old, str) and isinstance(new, list) and len(new) == 1:
        old = [old]
    return bool(norm(old) == norm(new))


def dump_field(key: str, value: Any, newline: str = "\n") -> list[str]:
    """`key: value` as YAML lines ending in `newline`: slugs as a flow list, long text
    folded, other lists one item per line."""
    if isinstance(value, list) and all(isinstance(v, str) and SLUGGISH_RE.match(v) for v in value):
        body = f"{key}: [{', '.join(value)}]\n"
    elif isinstance(value, str) and _foldable(value):
        wrapped = textwrap.wrap(value, WRAP - 2, break_long_words=False, break_on_hyphens=False)
        body = f"{key}: >\n" + "".join(f"  {line}\n" for line in wrapped)
    else:
        body = yaml.dump(
            {key: value},
            Dumper=_Dumper,
            allow_unicode=True,
            sort_keys=False,
            default_flow_style=False,
            width=10**6,
        )
    return [line.rstrip("\n") + newline for line in body.splitlines(keepends=True)]


def _foldable(value: str) -> bool:
    return (
        len(value) > FOLD_OVER
        and value == value.strip()
        and "\n" not in value
        and "  " not in value
        and "\t" not in value
        and " #" not in value
        and bool(PLAIN_SAFE_RE.match(value))
    )


def _key_of(line: str) -> str | None:
    match = re.match(r"^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)", line.rstrip("\r\n"))
    return match.group(1) if match else None


def _block(lines: list[str], found: FrontMatter, key: str) -> tuple[int, int] | None:
    """[start, end) of `key`'s lines: the key line, then indented lines, `- ` items
    (when the key line has no value of its own) and blank lines between them."""
    for start in range(found.opening + 1, found.closing):
        if _key_of(lines[start]) != key:
            continue
        after_colon = lines[start].split(":", 1)[1].strip()
        bare = after_colon == "" or after_colon.startswith("#")
        end = start + 1
        for index in range(start + 1, found.closing):
            line = lines[index]
            if not line.strip():
                continue
            if line[0] in " \t" or (bare and re.match(r"^-(?:[ \t]|$)", line)):
                end = index + 1
            else:
                break
        return start, end
    return None


def _insert_at(lines: list[str], found: FrontMatter, key: str) -> int:
    """After the block of the last present field that comes before `key` in FIELD_ORDER;
    before the closing fence when `key` is not a documented field."""
    if key not in FIELD_ORDER:
        return found.closing
    before = FIELD_ORDER[: FIELD_ORDER.index(key)]
    at = found.opening + 1
    for index in range(found.opening + 1, found.closing):
        if _key_of(lines[index]) in before:
            span = _block(lines, found, str(_key_of(lines[index])))
            at = span[1] if span else index + 1
    return at
