"""Reading trails: a teacher's ordered path through the app, one short note per step.

A trail is a YAML file, `content/trails/<slug>.yaml` (bundled) or `<data>/trails/<slug>.yaml`
(the teacher's; one with a bundled trail's slug replaces it). Each step points at a lesson,
one section of a lesson (by its heading), one of a lesson's questions, a partnership or a
timeline view (a range of years, a grouping and partnerships to highlight). The format is
documented in docs/content-format.md ("Reading trails").

Nothing here raises on bad content: problems come back as `Problem`s with file and line.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from explorer.core.lessons import SLUG_RE, slugify_part
from explorer.core.models import Lesson, Problem

try:  # the C loader and dumper where PyYAML was built with libyaml
    from yaml import CSafeDumper as SafeDumper
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover
    from yaml import SafeDumper, SafeLoader  # type: ignore[assignment]

TRAILS = "trails"
SUFFIX = ".yaml"
MAX_TRAIL_BYTES = 2**20
STEP_KINDS = ("lesson", "section", "question", "partnership", "timeline")
STEP_KEYS = {"lesson", "section", "question", "partnership", "timeline", "note"}
VIEW_KEYS = {"from", "to", "group", "highlight"}
TRAIL_KEYS = {"title", "summary", "steps"}
#: how long a step's note may be: a sentence or three, not a lesson
MAX_NOTE = 600
#: the timeline's groupings (explorer.core.timeline_layout.GROUPINGS, which a test keeps
#: equal: that module is not loaded to read a trail)
TIMELINE_GROUPS = ("type", "domain", "partner")


@dataclass(frozen=True, slots=True)
class TimelineView:
    """A view of the timeline: years `first` to `last` (None: all), lanes grouped by
    `group`, and the partnerships to highlight."""

    first: int | None = None
    last: int | None = None
    group: str = "type"
    highlight: tuple[str, ...] = ()

    def label(self) -> str:
        """'1957–1995 · 6 highlighted'."""
        if self.first is not None and self.last is not None:
            years = f"{self.first}–{self.last}"
        elif self.first is not None:
            years = f"from {self.first}"
        elif self.last is not None:
            years = f"up to {self.last}"
        else:
            years = "all years"
        parts = [years]
        if self.group != "type":
            parts.append(f"grouped by {self.group}")
        if self.highlight:
            parts.append(f"{len(self.highlight)} highlighted")
        return " · ".join(parts)


@dataclass(frozen=True, slots=True)
class TrailStep:
    """One stop on a trail. `slug` is the lesson (lesson, section, question) or the
    partnership; `question` counts from 1; `line` is where the step is in its file."""

    kind: str
    slug: str = ""
    section: str = ""
    question: int = 0
    view: TimelineView | None = None
    note: str = ""
    line: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Trail:
    slug: str
    title: str
    summary: str = ""
    steps: tuple[TrailStep, ...] = ()
    origin: str = "bundled"  # "bundled" or "teacher"
    source_path: Path | None = field(default=None, compare=False)
    problems: tuple[Problem, ...] = field(default=(), compare=False)
    #: what problems call the file ('' for its path)
    file: str = field(default="", compare=False)


@dataclass(frozen=True, slots=True)
class TrailTargets:
    """What a step may point at: the lessons (for their sections and questions) and the
    partnership slugs."""

    lessons: Mapping[str, Lesson]
    partnerships: frozenset[str]


# -- reading --------------------------------------------------------------------------


def read_trail(path: Path, origin: str = "teacher") -> tuple[Trail | None, list[Problem]]:
    name = str(path)
    try:
        if path.stat().st_size > MAX_TRAIL_BYTES:
            return None, [Problem(name, 1, "the file is too large for a trail (over 1 MB)")]
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        return None, [Problem(name, 1, f"cannot read the file: {exc.strerror or exc}")]
    except UnicodeDecodeError:
        return None, [Problem(name, 1, "the file is not UTF-8 text")]
    return parse_trail(text, name, path.stem, origin, path)


def parse_trail(
    text: str, name: str, slug: str, origin: str = "teacher", path: Path | None = None
) -> tuple[Trail | None, list[Problem]]:
    """A trail from its YAML text; `name` is what problems call the file."""
    try:
        data = yaml.load(text, Loader=SafeLoader)
        node = yaml.compose(text, Loader=SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        return None, [Problem(name, line, f"invalid YAML: {getattr(exc, 'problem', exc)}")]
    problems: list[Problem] = []
    if not SLUG_RE.match(slug):
        problems.append(
            Problem(name, 1, f"the file name '{slug}' is not a slug (lower-case words and -)")
        )
    if not isinstance(data, Mapping):
        return None, [*problems, Problem(name, 1, "a trail file must hold a title and steps")]
    for key in sorted(set(map(str, data)) - TRAIL_KEYS):
        problems.append(Problem(name, _key_line(node, key), f"unknown field '{key}'", "note"))
    title = _text(data.get("title"))
    if not title:
        problems.append(Problem(name, _key_line(node, "title"), "the trail has no title"))
    steps = _steps(data.get("steps"), _steps_node(node), name, problems)
    trail = Trail(
        slug=slug,
        title=title or slug,
        summary=_text(data.get("summary")),
        steps=tuple(steps),
        origin=origin,
        source_path=path,
        problems=tuple(problems),
        file=name,
    )
    return trail, problems


def _steps(value: Any, node: Any, name: str, problems: list[Problem]) -> list[TrailStep]:
    if value is None or value == []:
        problems.append(Problem(name, 1, "the trail has no steps"))
        return []
    if not isinstance(value, list):
        problems.append(Problem(name, _line(node), "'steps' must be a list of steps"))
        return []
    items = node.value if isinstance(node, yaml.SequenceNode) else [None] * len(value)
    steps = []
    for number, (item, item_node) in enumerate(zip(value, items, strict=False), start=1):
        line = _line(item_node)

        def heard(message: str, severity: str = "error", line: int = line) -> None:
            problems.append(Problem(name, line, message, severity))

        step = read_step(item, f"step {number}", heard)
        if step is not None:
            steps.append(replace(step, line=line))
    return steps


def read_step(item: Any, where: str, problem: Any) -> TrailStep | None:
    """One step from its mapping; `problem(message, severity)` hears what is wrong."""
    if not isinstance(item, Mapping):
        problem(f"{where} must be a mapping such as 'lesson: why-partner'")
        return None
    for key in sorted(set(map(str, item)) - STEP_KEYS):
        problem(f"{where}: unknown field '{key}'", "note")
    note = _text(item.get("note"))
    if len(note) > MAX_NOTE:
        problem(f"{where}: the note is {len(note)} characters; keep it under {MAX_NOTE}", "note")
    targets = [key for key in ("lesson", "partnership", "timeline") if key in item]
    if len(targets) != 1:
        problem(f"{where} needs exactly one of 'lesson', 'partnership' or 'timeline'")
        return None
    if targets[0] == "timeline":
        view = _view(item.get("timeline"), where, problem)
        return TrailStep("timeline", view=view, note=note) if view else None
    slug = _text(item.get(targets[0]))
    if not slug:
        problem(f"{where}: '{targets[0]}' names no slug")
        return None
    if targets[0] == "partnership":
        for key in ("section", "question"):
            if key in item:
                problem(f"{where}: '{key}' belongs to a lesson step, not a partnership")
        return TrailStep("partnership", slug, note=note)
    return _lesson_step(item, slug, note, where, problem)


def _lesson_step(
    item: Mapping[str, Any], slug: str, note: str, where: str, problem: Any
) -> TrailStep | None:
    if "section" in item and "question" in item:
        problem(f"{where}: a step shows a section or a question, not both")
        return None
    if "section" in item:
        section = _text(item.get("section"))
        if not section:
            problem(f"{where}: 'section' is empty (write the words of a ## heading)")
            return None
        return TrailStep("section", slug, section=section, note=note)
    if "question" in item:
        number = item.get("question")
        if isinstance(number, bool) or not isinstance(number, int) or number < 1:
            problem(f"{where}: 'question' must be a question's number (1 for the first)")
            return None
        return TrailStep("question", slug, question=number, note=note)
    return TrailStep("lesson", slug, note=note)


def _view(value: Any, where: str, problem: Any) -> TimelineView | None:
    value = {} if value is None else value
    if not isinstance(value, Mapping):
        problem(f"{where}: 'timeline' must be a mapping (from, to, group, highlight)")
        return None
    for key in sorted(set(map(str, value)) - VIEW_KEYS):
        problem(f"{where}: unknown timeline field '{key}'", "note")
    years = []
    for key in ("from", "to"):
        year = value.get(key)
        if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
            problem(f"{where}: timeline '{key}' must be a year such as 1975")
            year = None
        years.append(year)
    first, last = years
    if first is not None and last is not None and first > last:
        problem(f"{where}: the timeline goes from {first} to {last}, which is backwards")
        first, last = last, first
    group = _text(value.get("group")) or "type"
    if group not in TIMELINE_GROUPS:
        problem(f"{where}: timeline 'group' must be one of {', '.join(TIMELINE_GROUPS)}")
        group = "type"
    highlight = value.get("highlight") or []
    if not isinstance(highlight, list) or not all(isinstance(s, str) for s in highlight):
        problem(f"{where}: timeline 'highlight' must be a list of partnership slugs")
        highlight = []
    return TimelineView(first, last, group, tuple(dict.fromkeys(highlight)))


def _text(value: Any) -> str:
    if value is None or isinstance(value, Mapping | list):
        return ""
    return " ".join(str(value).split())


def _line(node: Any) -> int:
    return node.start_mark.line + 1 if node is not None else 1


def _key_line(node: Any, key: str) -> int:
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            if key_node.value == key:
                return int(key_node.start_mark.line) + 1
    return 1


def _steps_node(node: Any) -> Any:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == "steps":
                return value_node
    return None


def load_trail_folder(folder: Path, origin: str) -> tuple[list[Trail], list[Problem]]:
    """Every trail file in `folder` (hidden and temporary files left out)."""
    trails, problems = [], []
    if not folder.is_dir():
        return [], []
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        if path.name.startswith(".") or not path.is_file() or path.is_symlink():
            continue
        trail, found = read_trail(path, origin)
        problems += found
        if trail is not None:
            trails.append(trail)
    return trails, problems


def merge_trails(bundled: Iterable[Trail], teacher: Iterable[Trail]) -> list[Trail]:
    """A teacher's trail replaces a bundled one with its slug; listed by title."""
    by_slug = {t.slug: t for t in bundled}
    by_slug.update({t.slug: t for t in teacher})
    return sorted(by_slug.values(), key=lambda t: (t.title.casefold(), t.slug))


# -- writing -----------------------------------------------------------------------------


def trail_bytes(trail: Trail) -> bytes:
    """The trail as its YAML file."""
    document: dict[str, Any] = {"title": trail.title}
    if trail.summary:
        document["summary"] = trail.summary
    document["steps"] = [step_mapping(step) for step in trail.steps]
    text = yaml.dump(document, Dumper=SafeDumper, sort_keys=False, allow_unicode=True, width=92)
    return text.encode("utf-8")


def step_mapping(step: TrailStep) -> dict[str, Any]:
    if step.kind == "timeline":
        view = step.view or TimelineView()
        shown: dict[str, Any] = {}
        if view.first is not None:
            shown["from"] = view.first
        if view.last is not None:
            shown["to"] = view.last
        if view.group != "type":
            shown["group"] = view.group
        if view.highlight:
            shown["highlight"] = list(view.highlight)
        out: dict[str, Any] = {"timeline": shown}
    elif step.kind == "partnership":
        out = {"partnership": step.slug}
    else:
        out = {"lesson": step.slug}
        if step.kind == "section":
            out["section"] = step.section
        elif step.kind == "question":
            out["question"] = step.question
    if step.note:
        out["note"] = step.note
    return out


def trail_slug(title: str, taken: Sequence[str] = ()) -> str:
    """A file name for a new trail: 'The ISS in 20 minutes' -> 'the-iss-in-20-minutes'."""
    base = slugify_part(title)[:60].strip("-") or "trail"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def trail_name(slug: str) -> str:
    """`trails/<slug>.yaml`, relative to the data folder."""
    return f"{TRAILS}/{slug}{SUFFIX}"
