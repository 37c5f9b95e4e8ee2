"""What one render needs to know besides the text, and what it found out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from explorer.core.links import LessonResolver


@dataclass(frozen=True, slots=True)
class RenderContext:
    """Where a lesson's text comes from and how its page will be shown.

    `base_dir` is the lesson file's folder: relative images and links start there.
    Images may come from it or from `image_roots` (the teacher's content folder), never
    from anywhere else. `resolve_lesson` turns a relative link into a lesson slug.
    `open_blocks` lists the hidden blocks (solutions, spoilers, hints) the reader opened,
    by their number in the text. `self_contained` renders for a file: images inlined as
    data: URIs and hidden blocks as <details> a browser opens without script. `printed`
    renders for paper: a hidden block keeps its title and says it is not printed.
    """

    base_dir: Path | None = None
    image_roots: tuple[Path, ...] = ()
    resolve_lesson: LessonResolver | None = None
    link_titles: Mapping[str, str] = field(default_factory=dict)
    open_blocks: frozenset[int] = frozenset()
    self_contained: bool = False
    printed: bool = False

    def image_folders(self) -> tuple[Path, ...]:
        base = (self.base_dir,) if self.base_dir is not None else ()
        return tuple(p.resolve() for p in (*base, *self.image_roots))


@dataclass(frozen=True, slots=True)
class DeadLink:
    """A link in the text that cannot work: shown as plain text, reported by the checker."""

    text: str
    target: str
    reason: str


@dataclass
class RenderState:
    """Shared by the extensions of one Markdown instance for the render under way."""

    context: RenderContext = field(default_factory=RenderContext)
    dead_links: list[DeadLink] = field(default_factory=list)
    hidden_blocks: int = 0

    def start(self, context: RenderContext) -> None:
        self.context = context
        self.dead_links = []
        self.hidden_blocks = 0
