"""Front matter read safely: the YAML between `---` fences, with limits and line numbers.

A lesson file is small, so its front matter must be too. Before anything is built from
the YAML, its size, nesting, aliases and key counts are checked, so that a crafted file
("billion laughs": aliases of aliases) cannot take seconds or gigabytes to read. Every
refusal is a `Problem` naming the file and the line. A key written twice (YAML keeps the
last one silently) is reported with the line of the second one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from explorer.core.models import Problem

#: the most front matter the app reads (bytes of YAML text between the fences)
MAX_FRONT_MATTER_BYTES = 64 * 1024
#: deepest nesting of lists and mappings (a lesson needs about 4)
MAX_DEPTH = 20
#: most keys in one mapping (a lesson has about a dozen)
MAX_KEYS = 200
#: most values once aliases are expanded (a long lesson has a few hundred)
MAX_VALUES = 20_000
#: the documented order of a lesson's front matter fields (docs/content-format.md): where
#: the editor inserts a new field
FIELD_ORDER: tuple[str, ...] = (
    "slug",
    "title",
    "section",
    "order",
    "summary",
    "objectives",
    "topics",
    "tags",
    "partnerships",
    "key_terms",
    "questions",
    "sources",
)
FENCE_RE = re.compile(r"^-{3,}[ \t]*$")  # the same fences as python-frontmatter
CLOSING_RE = re.compile(r"^(?:-{3,}|\.\.\.)[ \t]*$")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """A file's front matter as read: `fields` is None when it could not be read."""

    fields: dict[str, Any] | None
    body: str
    body_line: int  # line of the file where the body starts
    key_lines: dict[str, int] = field(default_factory=dict)  # top-level key -> line
    problems: tuple[Problem, ...] = ()
    present: bool = False  # the text has a front matter block at all
    #: lines inside top-level lists: "questions.0" (an item, counted from 0) and
    #: "questions.0.objective" (a key of an item that is a mapping) -> line
    item_lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, 1)

    def item_line(self, key: str, index: int, item_key: str = "") -> int:
        """The line of `item_key` in item `index` of the list `key`, else of the item,
        else of `key` itself."""
        found = self.item_lines.get(f"{key}.{index}.{item_key}") if item_key else None
        return found or self.item_lines.get(f"{key}.{index}") or self.line_of(key)


class _RefusedError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def split_front_matter(text: str) -> tuple[str | None, int, str, int]:
    """(YAML text or None, line where it starts, body, line where the body starts)."""
    lines = text.splitlines(keepends=True)
    if not lines or not FENCE_RE.match(lines[0].rstrip("\r\n").lstrip("\ufeff")):
        return None, 1, text, 1
    for index in range(1, len(lines)):
        if CLOSING_RE.match(lines[index].rstrip("\r\n")):
            start = index + 1
            while start < len(lines) and not lines[start].strip():
                start += 1
            return "".join(lines[1:index]), 2, "".join(lines[start:]).rstrip(), start + 1
    return None, 1, text, 1  # an opening fence alone is a rule, not front matter


def read_front_matter(text: str, path: Path | str) -> FrontMatter:
    """The fields of `text`'s front matter ({} when it has none), checked and limited."""
    name = str(path)
    yaml_text, first_line, body, body_line = split_front_matter(text)
    if yaml_text is None:
        return FrontMatter({}, body, body_line)
    try:
        data, key_lines, duplicates, item_lines = load_limited(yaml_text, first_line)
    except _RefusedError as refused:
        problem = Problem(name, refused.line, refused.message)
        return FrontMatter(None, body, body_line, problems=(problem,), present=True)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        problem = Problem(name, first_line, "the front matter must be `name: value` lines")
        return FrontMatter(None, body, body_line, problems=(problem,), present=True)
    problems = tuple(Problem(name, line, message) for line, message in duplicates)
    fields = {str(key): value for key, value in data.items()}
    return FrontMatter(fields, body, body_line, key_lines, problems, True, item_lines)


def load_limited(
    text: str, first_line: int = 1
) -> tuple[Any, dict[str, int], list[Any], dict[str, int]]:
    """YAML text -> (data, top-level key -> line, [(line, duplicate-key message)], lines
    inside top-level lists (see FrontMatter.item_lines)).

    Raises _RefusedError (with the file line) for invalid YAML or text over the limits.
    `first_line` is the file line where `text` starts."""
    if len(text.encode("utf-8")) > MAX_FRONT_MATTER_BYTES:
        raise _RefusedError(
            first_line,
            f"the front matter is too long (over {MAX_FRONT_MATTER_BYTES // 1024} KB); "
            "move the text into the lesson body",
        )
    loader = yaml.SafeLoader(text)
    try:
        _check_shape(text, first_line)
        node = loader.get_single_node()
        if node is None:
            return None, {}, [], {}
        _check_size(node, first_line)
        duplicates = list(_duplicate_keys(node, first_line))
        key_lines = _key_lines(node, first_line)
        item_lines = _item_lines(node, first_line)
        return loader.construct_document(node), key_lines, duplicates, item_lines
    except yaml.YAMLError as exc:
        raise _RefusedError(*_yaml_error(exc, first_line)) from None
    finally:
        loader.dispose()


def _yaml_error(exc: yaml.YAMLError, first_line: int) -> tuple[int, str]:
    # the start of the broken construct is where a person looks first
    mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
    line = first_line + mark.line if mark is not None else first_line
    reason = getattr(exc, "problem", None) or "invalid YAML"
    return line, f"front matter is not valid YAML: {reason}"


def _check_shape(text: str, first_line: int) -> None:
    """Nesting depth and keys per mapping, from the parser's events (no recursion)."""
    depth = 0
    keys: list[int] = []  # for each open collection: scalars seen (mappings only count)
    mapping: list[bool] = []
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        line = first_line + (event.start_mark.line if event.start_mark else 0)
        if isinstance(event, yaml.CollectionStartEvent):
            _count_key(keys, mapping, line)
            depth += 1
            if depth > MAX_DEPTH:
                raise _RefusedError(
                    line, f"the front matter is nested too deeply (over {MAX_DEPTH})"
                )
            keys.append(0)
            mapping.append(isinstance(event, yaml.MappingStartEvent))
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
            keys.pop()
            mapping.pop()
        elif isinstance(event, yaml.ScalarEvent | yaml.AliasEvent):
            _count_key(keys, mapping, line)


def _count_key(keys: list[int], mapping: list[bool], line: int) -> None:
    if not keys:
        return
    keys[-1] += 1
    if mapping[-1] and keys[-1] > 2 * MAX_KEYS:  # a key and a value per entry
        raise _RefusedError(line, f"the front matter has too many fields (over {MAX_KEYS})")


def _check_size(root: yaml.Node, first_line: int) -> None:
    """Count values as if every alias were written out; refuse past MAX_VALUES."""
    sizes: dict[int, int] = {}
    for node in _post_order(root):
        if isinstance(node, yaml.ScalarNode):
            size = 1
        elif isinstance(node, yaml.SequenceNode):
            size = 1 + sum(sizes[id(child)] for child in node.value)
        else:
            size = 1 + sum(sizes[id(k)] + sizes[id(v)] for k, v in node.value)
        if size > MAX_VALUES:
            raise _RefusedError(
                first_line + node.start_mark.line,
                "the front matter repeats itself too much (its YAML aliases stand for "
                f"more than {MAX_VALUES:,} values)",
            )
        sizes[id(node)] = size


def _post_order(root: yaml.Node) -> Iterator[yaml.Node]:
    """Each distinct node once, children before parents, without recursion."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, expanded = stack.pop()
        if expanded:
            yield node
            continue
        if id(node) in seen:
            continue
        seen.add(id(node))
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in seen)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _duplicate_keys(root: yaml.Node, first_line: int) -> Iterator[tuple[int, str]]:
    for node in _post_order(root):
        if not isinstance(node, yaml.MappingNode):
            continue
        seen: dict[str, int] = {}
        for key, _value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                continue
            line = first_line + key.start_mark.line
            name = str(key.value)
            if name in seen:
                yield (
                    line,
                    f"'{name}' is written twice (lines {seen[name]} and {line}); "
                    "only the last one is used, so remove one",
                )
            seen.setdefault(name, line)


def _key_lines(root: yaml.Node, first_line: int) -> dict[str, int]:
    if not isinstance(root, yaml.MappingNode):
        return {}
    lines: dict[str, int] = {}
    for key, _value in root.value:
        if isinstance(key, yaml.ScalarNode):
            lines.setdefault(str(key.value), first_line + key.start_mark.line)
    return lines


def _item_lines(root: yaml.Node, first_line: int) -> dict[str, int]:
    """Lines of the items of top-level lists, and of the keys of items that are mappings."""
    if not isinstance(root, yaml.MappingNode):
        return {}
    lines: dict[str, int] = {}
    for key, value in root.value:
        if not isinstance(key, yaml.ScalarNode) or not isinstance(value, yaml.SequenceNode):
            continue
        for index, item in enumerate(value.value):
            path = f"{key.value}.{index}"
            lines.setdefault(path, first_line + item.start_mark.line)
            if isinstance(item, yaml.MappingNode):
                for item_key, _ in item.value:
                    if isinstance(item_key, yaml.ScalarNode):
                        line = first_line + item_key.start_mark.line
                        lines.setdefault(f"{path}.{item_key.value}", line)
    return lines


#: what load_yaml_text returns for text it cannot read
NOT_READ = object()


def load_yaml_text(text: str) -> Any:
    """YAML text read with the limits (the editor's front matter as it is typed);
    NOT_READ when it is not valid YAML or over them."""
    try:
        return load_limited(text)[0]
    except _RefusedError:
        return NOT_READ


def load_yaml_file(path: Path) -> Any:
    """A small YAML file (a lesson folder's config.yaml) read with the same limits;
    None when it is missing, unreadable or over them."""
    try:
        text = path.read_text(encoding="utf-8-sig")
        return load_limited(text)[0]
    except (OSError, UnicodeDecodeError, _RefusedError):
        return None
