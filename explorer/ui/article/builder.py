"""Pages for the article view, built from the catalog: the read view's only way to the data.

Keeps what is costly to make again: each lesson's rendered Markdown, the list of all
partnerships for topic pages, and the hover previews of internal links. Quiz answers and
the topic sort order are page state that lives here too, so Back returns to them. Other
parts of the app plug in: `quiz` keeps the answers (the classroom saves them across
restarts), `extra` builds page kinds of their own (`progress:`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from explorer.core.compare import compare_problem, compare_slugs
from explorer.core.compare_page import compare_page
from explorer.core.html import Markup
from explorer.core.lessons import cited_partnerships
from explorer.core.links import LessonFiles
from explorer.core.location import Location
from explorer.core.mdx.context import RenderContext
from explorer.core.models import Lesson, Partnership, SearchHit, topic_title
from explorer.core.pages import label, lesson_page, link_titles
from explorer.core.partner_page import partner_page
from explorer.core.quiz import REVEALED
from explorer.core.record_pages import glossary_page, partnership_page
from explorer.core.topics import (
    DEFAULT_SORT,
    SORTS,
    illustrating,
    teaching_order,
    topic_counts,
    topic_index_page,
    topic_kind,
    topic_page,
)
from explorer.store.catalog import Catalog

if TYPE_CHECKING:
    from explorer.core.render import MarkdownRenderer, Rendered


@dataclass
class PageState:
    """What the reader changed on pages: quiz answers and opened solutions per lesson, the
    topic sort order."""

    quiz: dict[str, dict[int, int]] = field(default_factory=dict)
    sort: str = DEFAULT_SORT
    opened: dict[str, frozenset[int]] = field(default_factory=dict)
    #: pages show what only a teacher needs ("my lesson"); off in the student view
    teacher_view: bool = True


class QuizMemory(Protocol):
    """Where quiz answers are kept: what each lesson's questions show, and a line (the
    score) under the questions' heading."""

    def state(self, lesson: Lesson) -> Mapping[int, int]: ...
    def record(self, lesson: Lesson, number: int, state: int) -> None: ...
    def note(self, lesson: Lesson) -> Markup: ...


class PageSource(Protocol):
    """The pages of a kind the builder does not know itself (e.g. `progress:`)."""

    def has(self, slug: str) -> bool: ...
    def title(self, slug: str) -> str: ...
    def html(self, slug: str) -> str | None: ...


class _PageQuiz:
    """Answers kept while the window is open (the default)."""

    def __init__(self, state: PageState) -> None:
        self._state = state

    def state(self, lesson: Lesson) -> Mapping[int, int]:
        return self._state.quiz.get(lesson.slug, {})

    def record(self, lesson: Lesson, number: int, state: int) -> None:
        self._state.quiz.setdefault(lesson.slug, {})[number] = state

    def note(self, lesson: Lesson) -> Markup:
        return Markup()


class PageBuilder:
    """`self_contained` builds pages for a file (images inlined, solutions as <details>)."""

    def __init__(self, catalog: Catalog, self_contained: bool = False) -> None:
        self.catalog = catalog
        self.state = PageState()
        self.quiz: QuizMemory = _PageQuiz(self.state)
        self.extra: dict[str, PageSource] = {}
        self.self_contained = self_contained
        self._renderer: MarkdownRenderer | None = None
        #: each lesson's render, with the set of solutions that were open in it
        self._rendered: dict[str, tuple[frozenset[int], Rendered]] = {}
        self._partnerships: list[Partnership] | None = None
        self._facts: dict[str, Partnership] | None = None
        self._files: LessonFiles | None = None
        self._generation = catalog.partnerships.generation

    def forget(self) -> None:
        """Drop every cache (lessons reloaded or partnerships changed)."""
        self._rendered.clear()
        self._partnerships = None
        self._facts = None
        self._files = None
        self._generation = self.catalog.partnerships.generation

    def _fresh(self) -> None:
        """Forget what was built from partnerships the store has changed since."""
        if self._generation != self.catalog.partnerships.generation:
            self.forget()

    @property
    def renderer(self) -> MarkdownRenderer:
        if self._renderer is None:
            from explorer.core.render import MarkdownRenderer  # slow: only when needed

            self._renderer = MarkdownRenderer()
        return self._renderer

    # -- lookups ------------------------------------------------------------------------
    def has(self, location: Location) -> bool:
        kind, slug = location.kind, location.slug
        if kind == "lesson":
            return self.catalog.library.get(slug) is not None
        if kind == "partnership":
            return self.catalog.partnerships.get(slug) is not None
        if kind == "glossary":
            return slug in self.catalog.glossary
        if kind == "topic":
            return slug == "" or topic_kind(slug) is not None
        if kind in ("compare", "partner"):
            return self.problem(location) is None
        return kind in self.extra and self.extra[kind].has(slug)

    def problem(self, location: Location) -> str | None:
        """Why a compare or partner page cannot be shown, in words (None: it can)."""
        if location.kind == "compare":
            known = self.facts()
            return compare_problem(compare_slugs(location.slug), known)
        if location.kind == "partner" and location.slug not in self.catalog.partnerships.partners():
            return f"there is no partner called '{location.slug}'"
        return None

    def title(self, location: Location) -> str:
        kind, slug = location.kind, location.slug
        if kind == "lesson" and (lesson := self.catalog.library.get(slug)):
            return lesson.title
        if kind == "partnership" and (p := self.catalog.partnerships.get(slug)):
            return p.name
        if kind == "glossary" and (entry := self.catalog.glossary.get(slug)):
            return entry.term
        if kind == "topic":
            return topic_title(slug) if slug else "All topics"
        if kind == "compare":
            names = [self.facts_name(s) for s in compare_slugs(slug)]
            return "Compare: " + ", ".join(names)
        if kind == "partner" and (partner := self.catalog.partnerships.partners().get(slug)):
            return partner.name
        return self.extra[kind].title(slug) if kind in self.extra else ""

    def facts_name(self, slug: str) -> str:
        return self.catalog.partnerships.names().get(slug, slug)

    def all_partnerships(self) -> list[Partnership]:
        self._fresh()
        if self._partnerships is None:
            self._partnerships = self.catalog.partnerships.all()
        return self._partnerships

    def facts(self) -> dict[str, Partnership]:
        """Type, years, status and domain of every partnership by slug (no name, no
        child rows): what a search result's second line needs."""
        self._fresh()
        if self._facts is None:
            self._facts = {
                row.slug: Partnership(
                    row.slug, "", row.type, row.start_year, row.end_year, row.status, row.domain
                )
                for row in self.catalog.partnerships.facet_rows().values()
            }
        return self._facts

    def hit_detail(self, hit: SearchHit) -> str:
        """The second line of a search result."""
        if hit.kind == "partnership" and (p := self.facts().get(hit.slug)):
            return f"{p.years_label()} · {label(p.type)} · {label(p.domain)}"
        if hit.kind == "lesson" and (lesson := self.catalog.library.get(hit.slug)):
            return "Lesson · " + lesson.group_title
        return ""

    # -- pages --------------------------------------------------------------------------
    def html(self, location: Location) -> str | None:
        self._fresh()
        kind, slug = location.kind, location.slug
        build: dict[str, Callable[[str], str | None]] = {
            "lesson": self._lesson,
            "partnership": self._partnership,
            "topic": self._topic,
            "glossary": self._glossary,
            "compare": self._compare,
            "partner": self._partner_page,
        }
        if kind in self.extra:
            return self.extra[kind].html(slug)
        return build[kind](slug) if kind in build else None

    def _lesson(self, slug: str) -> str | None:
        library = self.catalog.library
        lesson = library.get(slug)
        if lesson is None:
            return None
        cited = self.catalog.partnerships.many(cited_partnerships(lesson))
        titles = link_titles(self.catalog.glossary, library.lessons, cited)
        opened = self.state.opened.get(slug, frozenset())
        kept = self._rendered.get(slug)
        again = kept[1] if kept and kept[0] == opened else None
        html, rendered = lesson_page(
            lesson,
            None if again else self.renderer,
            cited,
            library.neighbours(slug),
            rendered=again,
            quiz=self.quiz.state(lesson),
            titles=titles,
            context=self._context(lesson, opened),
            quiz_note=self.quiz.note(lesson),
            teacher_marks=self.state.teacher_view,
        )
        self._rendered[slug] = (opened, rendered)
        return html

    def _context(self, lesson: Lesson, opened: frozenset[int]) -> RenderContext:
        """Images from the lesson's folder or the teacher's; links to lesson files."""
        if self._files is None:
            self._files = LessonFiles(self.catalog.library.lessons)
        return RenderContext(
            image_roots=(self.catalog.paths.teacher_lessons,),
            resolve_lesson=self._files.resolver(lesson.source_path),
            open_blocks=opened,
            self_contained=self.self_contained,
        )

    def _partnership(self, slug: str) -> str | None:
        p = self.catalog.partnerships.get(slug)
        if p is None:
            return None
        lessons = self.catalog.library.lessons
        return partnership_page(
            p, self.catalog.library.citing(slug), lambda tag: teaching_order(tag, lessons)
        )

    def _topic(self, tag: str) -> str | None:
        lessons = self.catalog.library.lessons
        if not tag:
            return topic_index_page(topic_counts(self.all_partnerships()), lessons)
        if topic_kind(tag) is None:
            return None
        return topic_page(
            tag,
            teaching_order(tag, lessons),
            illustrating(tag, self.all_partnerships()),
            self.state.sort,
        )

    def _compare(self, target: str) -> str | None:
        if self.problem(Location("compare", target)) is not None:
            return None
        return compare_page(self.catalog.partnerships.many(compare_slugs(target)))

    def _partner_page(self, slug: str) -> str | None:
        partner = self.catalog.partnerships.partners().get(slug)
        if partner is None:
            return None
        return partner_page(partner, self.all_partnerships())

    def _glossary(self, slug: str) -> str | None:
        entry = self.catalog.glossary.get(slug)
        if entry is None:
            return None
        used = [
            x
            for x in self.catalog.library.lessons
            if slug in x.key_terms or f"glossary:{slug}" in x.body
        ]
        return glossary_page(entry, self.catalog.glossary, used)

    # -- page state -----------------------------------------------------------------------
    def answer(self, lesson: str, value: str) -> bool:
        """A quiz link 'N-C' (choice C of question N) or 'N-show'; True if it changed."""
        number, _, choice = value.partition("-")
        if not number.isdigit() or not (choice.isdigit() or choice == "show"):
            return False
        found = self.catalog.library.get(lesson)
        if found is None:
            return False
        self.quiz.record(found, int(number), REVEALED if choice == "show" else int(choice))
        return True

    def toggle_block(self, lesson: str, value: str) -> bool:
        """A `reveal:N` link: open hidden block N of the lesson, or close it; True if done."""
        if not value.isdigit():
            return False
        opened = self.state.opened.get(lesson, frozenset())
        self.state.opened[lesson] = opened ^ {int(value)}
        return True

    def set_sort(self, order: str) -> bool:
        if order not in SORTS or order == self.state.sort:
            return False
        self.state.sort = order
        return True

    def neighbour(self, slug: str, step: int) -> Lesson | None:
        before, after = self.catalog.library.neighbours(slug)
        return before if step < 0 else after
