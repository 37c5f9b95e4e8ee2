"""Names close to one already in the catalog."""

import pytest

from explorer.core.similar_names import NameIndex

CATALOG = [
    ("rosetta", "Rosetta comet mission"),
    ("bepicolombo", "BepiColombo mission to Mercury"),
    ("jason-3", "Jason-3 ocean altimetry satellite"),
    ("ostm-jason-2", "OSTM/Jason-2 (Ocean Surface Topography Mission)"),
    ("sentinel-6", "Sentinel-6/Jason-CS (Sentinel-6 Michael Freilich)"),
    ("exomars", "ExoMars programme (ESA-Roscosmos cooperation)"),
    ("insight", "InSight Mars lander"),
    ("iss", "International Space Station (ISS) partnership"),
]
#: partner and country names: many partnerships share them, so they say nothing
SHARED = ["NASA", "ESA", "JAXA", "Roscosmos", "Japan", "United States"]


@pytest.mark.parametrize(
    ("name", "close"),
    [
        ("Rosetta comet mission", ["rosetta"]),
        ("Rosetta", ["rosetta"]),
        ("BepiColombo (ESA-JAXA)", ["bepicolombo"]),
        ("Jason 3", ["jason-3"]),
        ("Jason-2", ["ostm-jason-2"]),
        ("Sentinel-6 Michael Freilich", ["sentinel-6"]),
        ("ExoMars Trace Gas Orbiter", ["exomars"]),
        ("Sentinel-1B", []),  # another Sentinel
        ("Mars Orbiter Mission", []),  # 'Mars' alone says nothing
        ("NASA-JAXA lunar mission", []),  # partners and common words only
        ("Test Flight", []),
        ("Starlink V1 L9", []),
    ],
)
def test_close_names_share_a_distinct_word(name, close):
    index = NameIndex(CATALOG, SHARED)
    assert list(index.similar(name)) == close


def test_a_record_is_not_close_to_itself():
    index = NameIndex(CATALOG, SHARED)
    assert index.similar("Rosetta comet mission", "rosetta") == ()
    assert index.name("rosetta") == "Rosetta comet mission"
