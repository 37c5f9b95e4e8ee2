"""Domain records: plain frozen dataclasses shared by every layer."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

PARTNERSHIP_TYPES: tuple[str, ...] = ("bilateral", "multilateral", "public-private")
STATUSES: tuple[str, ...] = ("active", "completed", "cancelled", "suspended", "planned")
DOMAINS: tuple[str, ...] = (
    "human-spaceflight",
    "lunar",
    "planetary",
    "astronomy",
    "earth-observation",
    "heliophysics",
    "launch",
    "navigation",
    "policy",
    "technology",
    #: a teacher's partnership whose domain was left empty (shown as "Not set")
    "not-set",
)
BENEFITS: tuple[str, ...] = (
    "cost-sharing",
    "risk-mitigation",
    "expertise",
    "diplomacy",
    "innovation",
    "access-to-space",
    "science-return",
    "capacity-building",
)
CHALLENGES: tuple[str, ...] = (
    "policy-regulatory",
    "funding",
    "technology-transfer-ip",
    "cultural",
    "geopolitical",
    "schedule",
    "technical",
)
TOPICS: tuple[str, ...] = BENEFITS + CHALLENGES + PARTNERSHIP_TYPES
PARTNER_KINDS: tuple[str, ...] = (
    "space-agency",
    "intergovernmental",
    "company",
    "academic",
    "government",
    "other",
)
SECTIONS: tuple[str, ...] = (
    "foundations",
    "benefits",
    "types",
    "challenges",
    "outlook",
    "case-studies",
)
SECTION_TITLES: dict[str, str] = {
    "foundations": "Foundations",
    "benefits": "Benefits",
    "types": "Types of partnership",
    "challenges": "Challenges",
    "outlook": "Outlook",
    "case-studies": "Case studies",
    "teacher": "My lessons",
}
#: where a teacher's lesson with no section of its own is listed
MY_LESSONS = "teacher"


def topic_title(tag: str) -> str:
    """'technology-transfer-ip' -> 'Technology transfer and IP'."""
    special = {
        "technology-transfer-ip": "Technology transfer and IP",
        "policy-regulatory": "Policy and regulation",
        "public-private": "Public-private",
        "access-to-space": "Access to space",
    }
    return special.get(tag, tag.replace("-", " ").capitalize())


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in a content file, reported as `file:line: message` (a note as
    `file:line: note: message`)."""

    file: str
    line: int
    message: str
    #: how much it matters: an 'error' is something wrong that a teacher must fix (it
    #: fails `validate`); a 'note' is something the app ignores or works around, said so
    #: that nobody is surprised (never a failure)
    severity: str = "error"
    #: what sort of problem, for tools that sort or link them ('broken-link',
    #: 'missing-image', 'template-code', 'skipped-file', ...; '' for the file's content)
    kind: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def __str__(self) -> str:
        note = "note: " if self.severity == "note" else ""
        return f"{self.file}:{self.line}: {note}{self.message}"


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """Something wrong with one field of a partnership record, for the form to show next
    to that field and an import to report under the file's own column name."""

    field: str  # a content field: name, start_year, citations, ...
    message: str  # in words for a teacher, the offending value quoted
    #: the same without the value, so rows that share it can be counted ('' = message)
    reason: str = ""
    missing: bool = False  # the field is required and empty

    @property
    def summary(self) -> str:
        return self.reason or self.message


@dataclass(frozen=True, slots=True)
class Partner:
    """An agency, organisation, company or government that takes part in partnerships."""

    slug: str
    name: str
    full_name: str = ""
    country: str = ""
    kind: str = "other"
    aliases: tuple[str, ...] = ()
    #: for a body of nations (country 'intl'): the world region it belongs to, if one
    region: str = ""


@dataclass(frozen=True, slots=True)
class Participant:
    """A partner's place in one partnership, with its role where the sources give one."""

    partner: Partner
    role: str = ""


@dataclass(frozen=True, slots=True)
class Milestone:
    year: int
    event: str
    #: the citation this fact comes from: a 1-based index into the record's citations
    source: int | None = None


@dataclass(frozen=True, slots=True)
class Citation:
    publisher: str
    title: str
    url: str = ""


#: what the start year of a plan marks: the partnership's start, or a launch
PLAN_EVENTS: tuple[str, ...] = ("start", "launch")


@dataclass(frozen=True, slots=True)
class Plan:
    """When an earlier plan had the partnership start or end (docs/content-format.md)."""

    start_year: int | None = None
    end_year: int | None = None
    #: the citation the plan comes from: a 1-based index into the record's citations
    source: int | None = None
    note: str = ""
    #: what the start marks ('start' or 'launch'), for the words the page uses
    event: str = "start"


@dataclass(frozen=True, slots=True)
class Partnership:
    slug: str
    name: str
    type: str
    start_year: int
    end_year: int | None
    status: str
    domain: str
    partners: tuple[Participant, ...] = ()
    countries: tuple[str, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    benefits: tuple[str, ...] = ()
    challenges: tuple[str, ...] = ()
    description: str = ""
    caveats: str = ""
    citations: tuple[Citation, ...] = ()
    checked: str = ""
    #: the citation the start and end years come from (1-based), where one is named
    years_source: int | None = None
    #: who acts together: each side a tuple of partner slugs (empty: each partner is a side)
    sides: tuple[tuple[str, ...], ...] = ()
    #: what an earlier plan said, where the partnership slipped from it
    planned: Plan | None = None
    origin: str = "bundled"  # "bundled" or "user"
    edited: bool = False  # a bundled row the teacher changed: refreshes leave it alone

    @property
    def partner_names(self) -> tuple[str, ...]:
        return tuple(p.partner.name for p in self.partners)

    def citation(self, number: int | None) -> Citation | None:
        """The citation a 1-based `source` number names, or None."""
        if number is None or not 1 <= number <= len(self.citations):
            return None
        return self.citations[number - 1]

    def milestone_phase(self, milestone: Milestone) -> str:
        """'lead-up' (before the start year, e.g. the agreement before a launch), 'during'
        or 'aftermath' (after the end year, e.g. a re-entry)."""
        if milestone.year < self.start_year:
            return "lead-up"
        if self.end_year is not None and milestone.year > self.end_year:
            return "aftermath"
        return "during"

    def years_label(self) -> str:
        if self.end_year is None:
            suffix = " (planned)" if self.status == "planned" else "–"
            return f"{self.start_year}{suffix}"
        if self.end_year == self.start_year:
            return str(self.start_year)
        return f"{self.start_year}–{self.end_year}"


@dataclass(frozen=True, slots=True)
class Question:
    """A check-your-understanding item; `answer` is a choice index or a model answer;
    `objective` is the lesson objective it checks (1-based), or None."""

    question: str
    answer: int | str
    choices: tuple[str, ...] = ()
    explanation: str = ""
    objective: int | None = None


@dataclass(frozen=True, slots=True)
class Lesson:
    slug: str
    title: str
    section: str
    order: int = 0
    summary: str = ""
    objectives: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    partnerships: tuple[str, ...] = ()
    key_terms: tuple[str, ...] = ()
    questions: tuple[Question, ...] = ()
    sources: tuple[Citation, ...] = ()
    body: str = ""
    source_path: Path | None = None
    body_line: int = 1  # line of the file where the Markdown body starts
    origin: str = "bundled"  # "bundled" or "teacher"
    problems: tuple[Problem, ...] = field(default=(), compare=False)
    #: questions to think or talk about (plain-text `questions` from other lesson tools)
    discussion: tuple[str, ...] = ()
    #: the points to remember (`keypoints`, as Carpentries lessons write them)
    key_points: tuple[str, ...] = ()
    #: the collection (a folder of lessons) it belongs to: its slug and title
    collection: str = ""
    collection_title: str = ""
    #: the folder its pictures are relative to, when not its own (a Carpentries
    #: Workbench page in learners/ shows pictures from episodes/fig/)
    assets_dir: Path | None = None

    @property
    def group(self) -> str:
        """The library group it is listed in: a section, MY_LESSONS or 'collection:SLUG'."""
        if self.section in SECTIONS:
            return self.section
        return f"collection:{self.collection}" if self.collection else MY_LESSONS

    @property
    def group_title(self) -> str:
        """'Benefits', 'My lessons' or the collection's title."""
        if self.section not in SECTIONS and self.collection:
            return self.collection_title
        return SECTION_TITLES.get(self.section, SECTION_TITLES[MY_LESSONS])


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    slug: str
    term: str
    definition: str
    see_also: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str  # "lesson" or "partnership"
    slug: str
    title: str
    snippet: str  # plain text with matched words wrapped in [[ and ]]
    rank: float = 0.0
