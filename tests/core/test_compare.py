"""Compare: which partnerships (2 to 4), how they are chosen, and the page that shows them
side by side, read back cell by cell."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from explorer.core.compare import choose, compare_problem, compare_slugs, shared
from explorer.core.compare_page import compare_page
from explorer.core.models import Citation, Milestone, Participant, Partner, Partnership, Plan

NASA, ESA, JAXA = (
    Partner("nasa", "NASA", country="US"),
    Partner("esa", "ESA", country="intl"),
    Partner("jaxa", "JAXA", country="JP"),
)
ISS = Partnership(
    "iss",
    "Space station",
    "multilateral",
    1998,
    None,
    "active",
    "human-spaceflight",
    partners=(Participant(NASA), Participant(ESA), Participant(JAXA)),
    countries=("US", "JP", "intl"),
    milestones=(Milestone(1998, "First module launched"), Milestone(2000, "First crew arrived")),
    benefits=("cost-sharing", "diplomacy"),
    challenges=("funding",),
    citations=(Citation("NASA", "ISS", "https://nasa.gov/iss"),),
)
WEBB = Partnership(
    "webb",
    "Webb",
    "bilateral",
    2021,
    None,
    "active",
    "astronomy",
    partners=(Participant(NASA), Participant(ESA)),
    countries=("US", "intl"),
    milestones=(Milestone(2021, "Launched"), Milestone(2022, "First images")),
    benefits=("science-return", "cost-sharing"),
    challenges=("funding", "schedule"),
    citations=(Citation("ESA", "Webb"), Citation("SpacePolicyOnline", "Delayed")),
    planned=Plan(2018, source=2, event="launch"),
)
HAYABUSA = Partnership(
    "hayabusa",
    "Hayabusa2",
    "bilateral",
    2014,
    2020,
    "completed",
    "planetary",
    partners=(Participant(JAXA),),
    countries=("JP",),
    milestones=(
        Milestone(2014, "Launched"),
        Milestone(2020, "Samples returned"),
        Milestone(2000, "Studies"),
    ),
    benefits=("science-return",),
)


class Tables(HTMLParser):
    """Every table of a page: rows of cell texts, by the table's class."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[tuple[str, list[list[str]]]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append((dict(attrs).get("class") or "", []))
        elif tag == "tr" and self.tables:
            self.tables[-1][1].append([])
        elif tag in ("td", "th"):
            self.cell = []
        elif tag == "br" and self.cell is not None:
            self.cell.append(" / ")

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.tables[-1][1][-1].append("".join(self.cell).strip())
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def table(html: str, css: str) -> dict[str, list[str]]:
    """The rows of the table of class `css`, by their first cell."""
    parser = Tables()
    parser.feed(html)
    rows = next(rows for classes, rows in parser.tables if css in classes.split())
    return {row[0]: row[1:] for row in rows}


def test_the_facts_are_side_by_side_in_the_order_chosen():
    rows = table(compare_page([ISS, WEBB], this_year=2026), "facts")
    assert rows[""] == ["Space station", "Webb"]
    assert rows["Type"] == ["Multilateral", "Bilateral"]
    assert rows["Years"] == ["1998–", "2021–"]
    assert rows["Status"] == ["Active", "Active"]
    assert rows["Field"] == ["Human spaceflight", "Astronomy"]
    assert rows["Partners"] == ["NASA / ESA / JAXA", "NASA / ESA"]
    assert rows["Countries"] == ["United States, Japan", "United States"]
    assert rows["Benefits"] == ["Cost sharing / Diplomacy", "Science return / Cost sharing"]
    assert rows["Challenges"] == ["Funding", "Funding / Schedule"]
    assert rows["Plans and / what happened"] == [
        "—",
        "Planned for 2018, launched 2021 (3 years later)",
    ]


def test_milestones_are_aligned_by_year():
    rows = table(compare_page([ISS, WEBB, HAYABUSA]), "milestones")
    assert list(rows) == ["", "1998", "2000", "2014", "2020", "2021", "2022"]
    assert rows["2000"] == ["First crew arrived", "", "Studies"]
    assert rows["2021"] == ["", "Launched", ""]
    assert rows["2020"] == ["", "", "Samples returned"]


def test_what_they_share_is_in_bold_and_said_once():
    html = compare_page([ISS, WEBB])
    assert "Partners they share: NASA, ESA." in html
    assert "Benefits they share: Cost sharing." in html
    assert "Challenges they share: Funding." in html
    assert "<b>NASA</b>" in html and "<b>ESA</b>" in html and "<b>JAXA</b>" not in html


def test_nothing_in_common_is_said_so():
    html = compare_page([WEBB, HAYABUSA])
    assert "Both are bilateral partnerships." in html
    assert "Benefits they share: Science return." in html
    assert "Partners they share" not in html


def test_the_page_shows_them_together_on_the_timeline_and_lists_their_sources():
    html = compare_page([ISS, WEBB, HAYABUSA])
    assert 'href="timeline:iss,webb,hayabusa">Show these on the timeline' in html
    assert html.count('href="compare-remove:') == 3
    assert "SpacePolicyOnline: Delayed" in html and "No sources listed." in html


def test_two_cannot_lose_one():
    assert "compare-remove:" not in compare_page([ISS, WEBB])


@pytest.mark.parametrize(
    ("text", "slugs"),
    [("iss,webb", ("iss", "webb")), (" iss , webb,,iss ", ("iss", "webb")), ("", ())],
)
def test_compare_links_name_slugs_once_each(text, slugs):
    assert compare_slugs(text) == slugs


@pytest.mark.parametrize(
    ("slugs", "problem"),
    [
        (("iss", "webb"), None),
        (("iss", "webb", "hayabusa", "x1"), None),
        (("iss",), "compare 2 to 4 partnerships (only 1 was given)"),
        (("iss", "webb", "hayabusa", "x1", "x2"), "compare 2 to 4 partnerships (5 were given)"),
        (("iss", "mir"), "there is no partnership called 'mir'"),
        (("mir", "salyut"), "there are no partnerships called 'mir', 'salyut'"),
    ],
)
def test_a_comparison_takes_two_to_four_known_partnerships(slugs, problem):
    known = {"iss", "webb", "hayabusa", "x1", "x2"}
    assert compare_problem(slugs, known) == problem


@pytest.mark.parametrize(
    ("chosen", "slug", "after", "added", "dropped"),
    [
        ((), "iss", ("iss",), True, ""),
        (("iss",), "webb", ("iss", "webb"), True, ""),
        (("iss", "webb"), "iss", ("iss", "webb"), False, ""),
        (("a", "b", "c", "d"), "e", ("b", "c", "d", "e"), True, "a"),
    ],
)
def test_choosing_adds_at_the_end_and_a_full_comparison_drops_the_first(
    chosen, slug, after, added, dropped
):
    choice = choose(chosen, slug)
    assert (choice.slugs, choice.added, choice.dropped) == (after, added, dropped)
    assert choice.ready == (len(after) >= 2)


def test_shared_is_what_every_one_has():
    common = shared([ISS, WEBB, HAYABUSA])
    assert common.partners == () and common.benefits == () and common.countries == ()
    assert shared([ISS, WEBB]).countries == ("US",)
