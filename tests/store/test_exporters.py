"""Export: CSV that imports back to the same records, JSON of all, mine, or chosen slugs."""

import json
from dataclasses import replace

import pytest

from explorer.core.models import Citation, Milestone, Participant, Partner
from explorer.store.authoring import save_partnership
from explorer.store.catalog import Catalog
from explorer.store.csv_import import import_csv, preview_csv
from explorer.store.exporters import export_csv, export_json, json_text
from explorer.store.teacher_data import SelectionError


@pytest.fixture
def mine(store, paths):
    blue = Partner("blue-origin", "Blue Origin", "Blue Origin LLC", "US", "company")
    record = replace(
        store.get("exomars-esa-roscosmos"),
        slug="moon-base",
        name="Moon Base; phase 1",
        partners=(Participant(store.partners()["nasa"], "lead"), Participant(blue, "lander")),
        milestones=(Milestone(2030, "Landing; first crew"), Milestone(2031, "Second crew")),
        citations=(Citation("NASA", "Artemis | Base camp", "https://nasa.gov/a"),),
        description="A base “on” the Moon, with accents: é, ü.",
    )
    return save_partnership(store, paths, record, [blue]).record


def test_csv_export_imports_back_to_the_same_records(store, mine, paths, tmp_path):
    out = tmp_path / "out.csv"
    assert export_csv(store, out) == store.count()
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # a BOM, for Excel
    other = Catalog.open(replace(paths, data_dir=tmp_path / "other"))
    preview = preview_csv(out, other.partnerships)
    assert preview.all_problems() == []
    assert preview.counts() == {
        "new": 1,
        "changed": 0,
        "unchanged": store.count() - 1,
        "invalid": 0,
    }
    import_csv(preview, other.partnerships, other.paths)
    got = other.partnerships.get("moon-base")
    assert replace(got, partners=()) == replace(mine, partners=())
    # a CSV names partners; one the other catalog lacks is created from its name alone
    assert [(p.partner.slug, p.partner.name, p.role) for p in got.partners] == [
        (p.partner.slug, p.partner.name, p.role) for p in mine.partners
    ]
    other.close()


def test_csv_export_reads_back_unchanged_in_the_same_catalog(store, mine, tmp_path):
    out = tmp_path / "out.csv"
    export_csv(store, out, teacher_only=True)
    preview = preview_csv(out, store)
    assert [(r.slug, r.status) for r in preview.rows] == [("moon-base", "unchanged")]


@pytest.mark.parametrize(
    ("kwargs", "slugs"),
    [
        (
            {},
            [
                "apollo-soyuz-test-project",
                "nasa-commercial-crew-program",
                "exomars-esa-roscosmos",
                "moon-base",
            ],
        ),
        ({"teacher_only": True}, ["moon-base"]),
        (
            {"slugs": ["moon-base", "apollo-soyuz-test-project"]},
            ["moon-base", "apollo-soyuz-test-project"],
        ),
    ],
)
def test_json_export_chooses_all_mine_or_given_slugs(store, mine, tmp_path, kwargs, slugs):
    out = tmp_path / "out.json"
    export_json(store, out, **kwargs)
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format"] == "space-explorer-partnerships" and document["version"] == 1
    assert sorted(p["slug"] for p in document["partnerships"]) == sorted(slugs)
    if "moon-base" in slugs:
        assert {
            "slug": "blue-origin",
            "name": "Blue Origin",
            "full_name": "Blue Origin LLC",
            "country": "US",
            "kind": "company",
            "aliases": [],
        } in document["partners"]


def test_an_unknown_slug_is_an_error(store):
    with pytest.raises(SelectionError, match="no partnership with the slug nope"):
        json_text(store, ["nope"])
