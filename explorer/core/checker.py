"""The content checker: everything a teacher made, looked over before students see it.

Over the teacher's lessons and collections: broken links, missing pictures, pictures
without a description (alt text), links with another website's template code, lessons
without sources, source addresses that are not web addresses. Over the teacher's
partnerships: facts without a source, source addresses, "facts checked" dates that are
not dates, and names so close to another partnership's that one may be a duplicate.

Each finding is a typed value naming the file and line (a partnership from the
database has no file: it names the partnership) and what to open to fix it.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from explorer.core.lessons import TEMPLATE_RE, local_links, prose
from explorer.core.models import Lesson, Partnership, Problem

#: kinds of finding, in the order they are listed
KINDS: tuple[str, ...] = (
    "front-matter",
    "duplicate-slug",
    "broken-link",
    "missing-image",
    "template-code",
    "image-alt",
    "source-url",
    "no-sources",
    "date",
    "partnership-no-source",
    "near-duplicate",
    "skipped-file",
)
WEB_RE = re.compile(r"^https?://[^\s/]+\.[^\s]+$", re.IGNORECASE)
#: words left out when partnership names are compared
NAME_FILLER = frozenset(
    {"the", "a", "an", "of", "to", "and", "for", "mission", "missions", "programme"}
    | {"program", "project", "partnership", "agreement", "initiative"}
)
NEAR_RATIO = 0.85
#: up to this many partnerships, every name is compared with every one of the teacher's
COMPARE_ALL = 2000
#: a word in more names than this ('space', 'satellite') says nothing about duplicates
COMMON_WORD = 50


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing to look at: where it is, what it is, and what opens the place to fix
    it (`lesson` for the lesson editor, `partnership` for the partnership form)."""

    kind: str
    file: str
    line: int
    message: str
    severity: str = "error"  # "error": students meet it; "note": worth a look
    lesson: str = ""
    partnership: str = ""

    @property
    def place(self) -> str:
        if self.file:
            return f"{self.file}:{self.line}"
        return f"partnership {self.partnership}" if self.partnership else ""

    def __str__(self) -> str:
        note = "note: " if self.severity == "note" else ""
        return f"{self.place}: {note}{self.message}"


def check_content(
    lessons: Sequence[Lesson],
    file_problems: Iterable[Problem],
    partnerships: Sequence[Partnership],
) -> list[Finding]:
    """Findings over the teacher's lessons (with the problems the library found in
    them), problems of files not listed as lessons, and the teacher's partnerships (all
    partnerships are given, for the near-duplicate names)."""
    mine = [lesson for lesson in lessons if lesson.origin == "teacher"]
    listed = {str(lesson.source_path) for lesson in lessons}
    findings: list[Finding] = []
    for problem in file_problems:
        if problem.file not in listed:
            findings.append(_from_problem(problem, ""))
    for lesson in mine:
        findings += lesson_findings(lesson)
    findings += partnership_findings(partnerships)
    return sorted(findings, key=lambda f: (KINDS.index(f.kind), f.file, f.line, f.partnership))


def lesson_findings(lesson: Lesson) -> list[Finding]:
    findings = [_from_problem(p, lesson.slug) for p in lesson.problems if p.kind != "template-code"]
    name = str(lesson.source_path or lesson.slug)
    body = prose(lesson.body)
    for link in local_links(body):
        line = lesson.body_line + body.count("\n", 0, link.offset)
        what = "picture" if link.image else "link"
        if TEMPLATE_RE.search(link.target):
            message = f"{what} '{link.target}' uses the original website's template code"
            findings.append(Finding("template-code", name, line, message, "note", lesson.slug))
        if link.image and not link.alt.strip():
            message = f"the picture '{link.target}' has no description (alt text) for readers"
            findings.append(Finding("image-alt", name, line, message, "note", lesson.slug))
    if not lesson.sources:
        message = "no sources: add where the facts in this lesson come from"
        findings.append(Finding("no-sources", name, 1, message, "note", lesson.slug))
    for number, source in enumerate(lesson.sources, start=1):
        if source.url and not WEB_RE.match(source.url):
            message = f"source {number} has an address that is not a web address: {source.url!r}"
            findings.append(Finding("source-url", name, 1, message, "error", lesson.slug))
    return findings


def _from_problem(problem: Problem, slug: str) -> Finding:
    kind = problem.kind if problem.kind in KINDS else "front-matter"
    return Finding(kind, problem.file, problem.line, problem.message, problem.severity, slug)


def partnership_findings(partnerships: Sequence[Partnership]) -> list[Finding]:
    findings: list[Finding] = []
    mine = [p for p in partnerships if p.origin == "user" or p.edited]
    for p in mine:
        findings += _partnership_facts(p)
    findings += near_duplicates(mine, partnerships)
    return findings


def _partnership_facts(p: Partnership) -> list[Finding]:
    out = []
    if not p.citations:
        message = f"“{p.name}” has facts but no source: add where they come from"
        out.append(Finding("partnership-no-source", "", 0, message, "note", partnership=p.slug))
    for number, citation in enumerate(p.citations, start=1):
        if citation.url and not WEB_RE.match(citation.url):
            message = (
                f"“{p.name}”: source {number} has an address that is not a web address "
                f"(it must start with https://): {citation.url!r}"
            )
            out.append(Finding("source-url", "", 0, message, "error", partnership=p.slug))
    if p.checked and not is_date(p.checked):
        message = f"“{p.name}”: 'facts checked' is {p.checked!r}, not a date like 2026-03-01"
        out.append(Finding("date", "", 0, message, "error", partnership=p.slug))
    return out


def is_date(text: str) -> bool:
    """'2026-03-01' (a day), '2026-03' or '2026' (when only that is known)."""
    for pattern in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            datetime.datetime.strptime(text.strip(), pattern)
            return True
        except ValueError:
            continue
    return False


def near_duplicates(mine: Sequence[Partnership], every: Sequence[Partnership]) -> list[Finding]:
    """Each of the teacher's partnerships whose name is close to another's. Only names
    that share a distinctive word are compared, so a large catalog stays quick."""
    words = {p.slug: name_words(p.name) for p in every}
    by_word: dict[str, list[Partnership]] = {}
    for p in every:
        for word in {w for w in words[p.slug] if len(w) >= 4}:
            by_word.setdefault(word, []).append(p)
    by_word = {w: ps for w, ps in by_word.items() if len(ps) <= COMMON_WORD}
    own = {p.slug for p in mine}
    out = []
    for p in mine:
        if len(every) <= COMPARE_ALL:  # a small catalog: typos ('Rosseta') are found too
            candidates = {o.slug: o for o in every}
        else:
            candidates = {o.slug: o for w in words[p.slug] for o in by_word.get(w, [])}
        for other in candidates.values():
            if other.slug == p.slug or (other.slug in own and other.slug < p.slug):
                continue  # each pair of the teacher's own is said once
            if _close(words[p.slug], words[other.slug]):
                message = f"“{p.name}” may be the same partnership as “{other.name}”"
                out.append(Finding("near-duplicate", "", 0, message, "note", partnership=p.slug))
    return out


def name_words(name: str) -> tuple[str, ...]:
    """'BepiColombo (ESA-JAXA)' -> ('bepicolombo',): lowercase words, without what is
    in brackets and without filler such as 'mission'."""
    plain = re.sub(r"\([^)]*\)", " ", name.lower())
    return tuple(w for w in re.findall(r"[^\W_]+", plain) if w not in NAME_FILLER)


def _close(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    if {w for w in a if w.isdigit()} != {w for w in b if w.isdigit()}:
        return False  # Jason-1 and Jason-3, CRS-1 and CRS-2: one family, two partnerships
    shorter, longer = sorted((a, b), key=len)
    distinctive = [w for w in shorter if len(w) >= 5]
    if distinctive and set(shorter) <= set(longer):
        return True
    return difflib.SequenceMatcher(None, " ".join(a), " ".join(b)).ratio() >= NEAR_RATIO
