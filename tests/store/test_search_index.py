import pytest

from explorer.core.search import Filters


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("apollo soyuz", "apollo-soyuz-test-project"),
        ("Apollo-Soyuz", "apollo-soyuz-test-project"),
        ("apoll", "apollo-soyuz-test-project"),
        ("commercial crew", "nasa-commercial-crew-program"),
        ("ExoMars", "exomars-esa-roscosmos"),
        ("missions to mars", "exomars-esa-roscosmos"),
        ("docking", "apollo-soyuz-test-project"),
        ("Space Exploration Technologies", "nasa-commercial-crew-program"),
        ("apolo", "apollo-soyuz-test-project"),
        ("sharing the load", "why-partner"),
    ],
)
def test_query_finds_the_expected_item_first(catalog, query, first):
    hits = catalog.search.search(query).hits
    assert hits and hits[0].slug == first


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "*",
        "-",
        "NEAR",
        "AND OR NOT",
        "Chang'e",
        "🚀",
        "a" * 10_000,
        "x' OR 1=1 --",
        "(((",
        "title:apollo",
        "^apollo",
        "NEAR(apollo soyuz, 2)",
    ],
)
def test_any_text_is_safe(catalog, query):
    results = catalog.search.search(query)
    assert isinstance(results.hits, tuple)


def test_matched_words_are_highlighted(catalog):
    hit = catalog.search.search("soviet soyuz").hits[0]
    assert "[[Soviet]] [[Soyuz]]" in hit.snippet
    assert "[[and]]" not in hit.snippet


def test_a_typo_is_corrected_and_said(catalog):
    results = catalog.search.search("sooyuz")
    assert results.corrected == "soyuz"
    assert results.hits[0].slug == "apollo-soyuz-test-project"


def test_filters_narrow_hits_and_facets_count_values(catalog):
    everything = catalog.search.search("", Filters())
    assert everything.partnership_count == 3
    facets = catalog.search.facets(everything.query)
    assert facets["type"]["bilateral"] == 2
    assert facets["partner"]["nasa"] == 2
    ppp = Filters(type=frozenset({"public-private"}))
    only_ppp = catalog.search.search("", ppp)
    assert [h.slug for h in only_ppp.hits] == ["nasa-commercial-crew-program"]
    assert catalog.search.facets(only_ppp.query, ppp)["type"]["bilateral"] == 2


def test_facets_follow_the_text_query(catalog):
    results = catalog.search.search("nasa")
    facets = catalog.search.facets(results.query)
    assert facets["partner"]["nasa"] == 2 and facets["partner"]["esa"] == 0


def test_decade_filter_uses_the_years_a_partnership_spans(catalog):
    hits = catalog.search.search("", Filters(decade=frozenset({2020}))).hits
    assert {h.slug for h in hits} == {"exomars-esa-roscosmos", "nasa-commercial-crew-program"}


@pytest.mark.parametrize(
    ("query", "filters", "kinds"),
    [
        ("cost", Filters(), {"lesson", "partnership"}),
        ("cost", Filters(type=frozenset({"bilateral"})), {"partnership"}),
        ("cost", Filters(status=frozenset({"completed"})), {"partnership"}),
    ],
    ids=["no filter: both", "a type filter: partnerships only", "a status filter: the same"],
)
def test_lessons_step_aside_when_a_filter_is_on(catalog, query, filters, kinds):
    """Filters describe partnerships (decision 010): the window and the CLI share this."""
    hits = catalog.search.search(query, filters).hits
    assert {hit.kind for hit in hits} <= kinds
    if "lesson" in kinds:
        assert any(hit.kind == "lesson" for hit in hits)
