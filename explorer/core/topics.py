"""Topic pages, where the lessons meet the catalog.

A topic is a benefit, a challenge or a type of partnership. Its page lists the lessons
that teach it and every partnership that illustrates it (a benefit or challenge tag, or
the partnership's type), in the order the reader picks.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from explorer.core import links
from explorer.core.html import Markup, items, join
from explorer.core.models import (
    BENEFITS,
    CHALLENGES,
    PARTNERSHIP_TYPES,
    SECTION_TITLES,
    Lesson,
    Partnership,
    topic_title,
)
from explorer.core.pages import label

TOPIC_GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("benefit", "Benefits", BENEFITS),
    ("challenge", "Challenges", CHALLENGES),
    ("type", "Types of partnership", PARTNERSHIP_TYPES),
)
#: one sentence per topic, for students
TOPIC_SUMMARIES = {
    "cost-sharing": "Partners split the cost of a mission, often by each building and paying "
    "for its own part.",
    "risk-mitigation": "Spreading technical, financial and political risk across partners, so "
    "that one failure or budget cut does not end the whole effort.",
    "expertise": "Bringing together skills, facilities and know-how that no single partner "
    "has on its own.",
    "diplomacy": "Using cooperation in space to build trust between countries, sometimes "
    "even between rivals.",
    "innovation": "New ideas and technologies that come from engineers and scientists of "
    "different partners working together.",
    "access-to-space": "Giving a country, company or scientist a way into space: a launch, a "
    "ride to a station or a place on a mission.",
    "science-return": "More and better science from missions that no partner could fly alone, "
    "with the data shared among them.",
    "capacity-building": "Helping a partner build its own space skills, industry and institutions.",
    "policy-regulatory": "Lining up different national laws, rules and approval processes so "
    "that partners can work together.",
    "funding": "Getting and keeping the money, when each partner's budget is decided "
    "separately and can change.",
    "technology-transfer-ip": "Deciding what technology and know-how partners may share, and "
    "who owns what they invent together.",
    "cultural": "Differences in language, working habits, engineering practice and "
    "decision-making between partners.",
    "geopolitical": "Tensions, sanctions or conflicts between countries that strain or end a "
    "partnership.",
    "schedule": "Delays, when one partner's late part or slipping timetable holds up "
    "everyone else.",
    "technical": "Making hardware built by different partners, to different standards, work "
    "together.",
    "bilateral": "An agreement between two partners.",
    "multilateral": "A partnership of three or more partners, often run through a shared "
    "organisation or a set of linked agreements.",
    "public-private": "A government agency working with companies, often buying services or "
    "sharing the cost of developing them.",
}
SORTS = {"oldest": "Oldest first", "newest": "Newest first", "name": "Name"}
DEFAULT_SORT = "oldest"


def topic_kind(tag: str) -> str | None:
    """'benefit', 'challenge' or 'type'; None for a tag that is not a topic."""
    return next((kind for kind, _, tags in TOPIC_GROUPS if tag in tags), None)


def illustrating(tag: str, partnerships: Iterable[Partnership]) -> list[Partnership]:
    """The partnerships that show a topic: tagged with it, or of that type."""
    kind = topic_kind(tag)
    if kind == "type":
        return [p for p in partnerships if p.type == tag]
    if kind == "benefit":
        return [p for p in partnerships if tag in p.benefits]
    if kind == "challenge":
        return [p for p in partnerships if tag in p.challenges]
    return []


def sort_partnerships(items: Iterable[Partnership], order: str) -> list[Partnership]:
    """'oldest' (start year, then name), 'newest' (latest start first) or 'name'."""
    items = list(items)
    if order == "name":
        return sorted(items, key=lambda p: p.name.casefold())
    newest = order == "newest"
    by_name = sorted(items, key=lambda p: p.name.casefold())
    return sorted(by_name, key=lambda p: p.start_year, reverse=newest)


def teaching_order(tag: str, lessons: Iterable[Lesson]) -> list[Lesson]:
    """Lessons that teach a topic: the ones most about it first (the topic listed earlier,
    among fewer topics), case studies last; reading order breaks ties."""
    found = [x for x in lessons if tag in x.tags]
    return sorted(
        found, key=lambda x: (x.section == "case-studies", x.tags.index(tag), len(x.tags))
    )


def topic_page(
    tag: str,
    lessons: Sequence[Lesson],
    partnerships: Sequence[Partnership],
    order: str = DEFAULT_SORT,
    printed: bool = False,
) -> str:
    """`lessons` teach the topic and `partnerships` illustrate it (any order); `printed`
    leaves out the links that only work on screen (sort order, all topics)."""
    kind = topic_kind(tag) or "topic"
    group = next((title for k, title, _ in TOPIC_GROUPS if k == kind), "Topics")
    parts = [
        Markup('<p class="eyebrow">Topic · {}</p>').format(group),
        Markup("<h1>{}</h1>").format(topic_title(tag)),
        Markup('<p class="summary">{}</p>').format(TOPIC_SUMMARIES.get(tag, "")),
        Markup("<h2>Lessons that teach it</h2>"),
        _lesson_list(lessons) or Markup('<p class="muted">No lesson teaches this topic yet.</p>'),
        Markup("<h2>Partnerships that show it ({})</h2>").format(len(partnerships)),
    ]
    if partnerships:
        parts.append(Markup() if printed else _sort_links(order))
        parts.append(_partnership_table(sort_partnerships(partnerships, order)))
    else:
        parts.append(
            Markup('<p class="muted">No partnership in the catalog is tagged with it.</p>')
        )
    if not printed:
        parts.append(Markup("<p>{}</p>").format(links.internal("topic", "", "All topics")))
    return str(join(parts, "\n"))


def _lesson_list(lessons: Sequence[Lesson]) -> Markup:
    return items(
        Markup('{} <span class="muted">{}</span>').format(
            links.lesson(x), SECTION_TITLES.get(x.section, x.section)
        )
        for x in lessons
    )


def _sort_links(order: str) -> Markup:
    choices = (
        Markup("<b>{}</b>").format(text)
        if key == order
        else links.action("sort", key, text, "sort")
        for key, text in SORTS.items()
    )
    return Markup('<p class="sortbar">Sort by: {}</p>').format(join(choices, " · "))


def _partnership_table(partnerships: Sequence[Partnership]) -> Markup:
    rows = join(
        Markup(
            '<tr><td class="year">{}</td><td>{}<span class="muted window-only"> · {}</span></td>'
            '<td class="muted">{}</td><td class="muted">{}</td></tr>'
        ).format(
            p.years_label(),
            links.partnership(p),
            links.action("compare-add", p.slug, "compare"),
            label(p.type),
            label(p.status),
        )
        for p in partnerships
    )
    return Markup(
        '<table class="list" width="100%" cellspacing="0"><tr>'
        '<th width="18%">Years</th><th width="50%">Partnership</th>'
        '<th width="16%">Type</th><th width="16%">Status</th></tr>{}</table>'
    ).format(rows)


def topic_index_page(counts: dict[str, int], lessons: Sequence[Lesson]) -> str:
    """Every topic, grouped, with how many partnerships and lessons show it."""
    parts = [
        Markup(
            '<p class="eyebrow">Topics</p><h1>All topics</h1>'
            '<p class="summary">The benefits and challenges of working together in space, '
            "and the types of partnership. Each topic page lists the lessons that teach it "
            "and the partnerships that show it.</p>"
        )
    ]
    for _, title, tags in TOPIC_GROUPS:
        entries = join(
            Markup(
                '<p class="topic">{} <span class="muted">· {} partnerships · {} lessons</span>'
                "<br>{}</p>"
            ).format(
                links.topic(tag, Markup("<b>{}</b>").format(topic_title(tag))),
                counts.get(tag, 0),
                sum(1 for x in lessons if tag in x.tags),
                TOPIC_SUMMARIES.get(tag, ""),
            )
            for tag in tags
        )
        parts.append(Markup("<h2>{}</h2>{}").format(title, entries))
    return str(join(parts, "\n"))


def topic_counts(partnerships: Iterable[Partnership]) -> dict[str, int]:
    """How many partnerships illustrate each topic."""
    counts: dict[str, int] = {}
    for p in partnerships:
        for tag in {p.type, *p.benefits, *p.challenges}:
            counts[tag] = counts.get(tag, 0) + 1
    return counts
