from collections import Counter

import pytest

from explorer.core.search import (
    FacetRow,
    Filters,
    facet_counts,
    fts_query,
    make_snippet,
    split_highlights,
    suggest_words,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("apollo soyuz", '"apollo" AND ("soyuz"* OR "soyu"* OR "soy"*)'),
        ("apollo soyuz ", '"apollo" AND "soyuz"'),
        ("Apollo-Soyuz", '"apollo" AND ("soyuz"* OR "soyu"* OR "soy"*)'),
        ("dockin", '("dockin"* OR "docki"* OR "dock"*)'),
        ('"quoted" *star*', '"quoted" AND "star"*'),
        ("mars", '"mars"*'),
        ("NEAR AND OR NOT", '"near" AND "and" AND "or" AND "not"*'),
        ("Chang'e", '"chang"'),
        ("Chang'e ", '"chang" AND "e"'),
        ("🚀 mars", '"mars"*'),
        ("x", '"x"*'),
        ("lunar s", '"lunar"'),
        ("", None),
        ("   ", None),
        ("*-\"'()", None),
        ("🚀🌙", None),
    ],
)
def test_user_text_becomes_a_safe_fts_query(text, expected):
    assert fts_query(text) == expected


def test_ten_thousand_characters_are_cut_to_a_bounded_query():
    query = fts_query("word " * 2000)
    assert query is not None
    assert query.count('"word"') == 16


def test_any_word_joins_with_or():
    assert fts_query("esa mars", any_word=True, prefix_last=False) == '"esa" OR "mars"'


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["cassni"], ["cassini"]),
        (["marz"], ["mars"]),
        (["mars"], ["mars"]),
        (["xq"], ["xq"]),
        (["zzzzzz"], ["zzzzzz"]),
    ],
)
def test_typos_are_corrected_from_the_vocabulary(words, expected):
    assert suggest_words(words, ["cassini", "mars", "moon", "station"]) == expected


@pytest.mark.parametrize(
    ("text", "words", "snippet"),
    [
        (
            "Two partners shared the docking system.",
            ["docking"],
            "Two partners shared the [[docking]] system.",
        ),
        ("Partnerships matter.", ["partnership"], "[[Partnerships]] matter."),
        ("The ESA probe went to Mars.", ["esa", "mar"], "The [[ESA]] probe went to [[Mars]]."),
        ("Nothing here.", ["zebra"], "Nothing here."),
        ("word " * 100 + "target " + "word " * 100, ["target"], None),
    ],
)
def test_snippets_mark_matched_words(text, words, snippet):
    made = make_snippet(text, words)
    if snippet is None:
        assert made.startswith("…") and made.endswith("…") and "[[target]]" in made
        assert len(made) < 220
    else:
        assert made == snippet


def test_highlights_split_into_marked_runs():
    assert split_highlights("the [[ISS]] and [[Mir]].") == [
        ("the ", False),
        ("ISS", True),
        (" and ", False),
        ("Mir", True),
        (".", False),
    ]


ROWS = [
    FacetRow.make("a", "bilateral", "lunar", "completed", 1969, 1972, frozenset({"nasa"}), 2026),
    FacetRow.make(
        "b", "multilateral", "lunar", "active", 2015, None, frozenset({"nasa", "esa"}), 2026
    ),
    FacetRow.make(
        "c", "public-private", "launch", "planned", 2030, None, frozenset({"spacex"}), 2026
    ),
]


def test_a_partnership_counts_in_every_decade_it_spans():
    counts = facet_counts(ROWS, Filters())
    assert counts["decade"] == Counter({1960: 1, 1970: 1, 2010: 1, 2020: 1, 2030: 1})


def test_facet_counts_keep_other_filters_but_not_their_own():
    counts = facet_counts(ROWS, Filters(type=frozenset({"bilateral"})))
    assert counts["type"] == Counter({"bilateral": 1, "multilateral": 1, "public-private": 1})
    assert counts["partner"] == Counter({"nasa": 1})


@pytest.mark.parametrize(
    ("filters", "accepted"),
    [
        (Filters(), {"a", "b", "c"}),
        (Filters(domain=frozenset({"lunar"})), {"a", "b"}),
        (Filters(decade=frozenset({2010})), {"b"}),
        (Filters(partner=frozenset({"esa", "spacex"})), {"b", "c"}),
        (Filters(status=frozenset({"active"}), type=frozenset({"bilateral"})), set()),
    ],
)
def test_filters_accept_matching_rows(filters, accepted):
    assert {row.slug for row in ROWS if filters.accepts(row)} == accepted
