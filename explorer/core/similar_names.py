"""Names close to a partnership already in the catalog ("Rosetta comet mission" beside
"Rosetta", "BepiColombo (ESA-JAXA)" beside "BepiColombo mission to Mercury").

Two names are close when, leaving out the words every mission name uses ("mission",
"satellite", "lunar") and the names of partners and countries, one name's words are all
in the other's, or they share a long word that no other name in the catalog has. A word
index keeps this fast for a sheet of thousands of rows.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable

from explorer.core.csv_columns import slugify

#: words that say what kind of thing a partnership is, not which one
_COMMON = """
a an and the of to for in on at with by from de du la le et mission missions programme
program project projects partnership partnerships agreement agreements cooperation
collaboration arrangement treaty initiative service services satellite satellites
spacecraft probe probes orbiter lander rover telescope observatory station module
system systems launch launches flight flights test demo crew cargo space international
joint national phase first second new lunar moon mars solar sun earth venus mercury
jupiter saturn comet asteroid planetary ocean climate navigation observation science
research exploration
"""
COMMON_WORDS = frozenset(_COMMON.split())
MIN_RARE_LENGTH = 4
WORD_RE = re.compile(r"[a-z0-9]+")
LEADING_DIGITS_RE = re.compile(r"\d+")


def words(name: str) -> frozenset[str]:
    """The words of a name that tell it apart ('Jason-3' -> {'jason', '3'})."""
    text = name.lower() if name.isascii() else slugify(name)
    return frozenset(WORD_RE.findall(text)) - COMMON_WORDS


class NameIndex:
    """The catalog's names, to find the ones close to a new name. Built when first asked
    (a sheet that only updates records never needs it)."""

    def __init__(
        self,
        names: Iterable[tuple[str, str]] | Callable[[], Iterable[tuple[str, str]]],
        ignore: Iterable[str] = (),
    ) -> None:
        """`names` are (slug, name) pairs, or a function that gives them; `ignore` are
        more words to leave out (partner and country names, which many share)."""
        self._source = names
        self._ignore = frozenset(w for text in ignore for w in slugify(text).split("-") if w)
        self._names: dict[str, str] = {}
        self._words: dict[str, frozenset[str]] = {}
        self._postings: dict[str, set[str]] = {}
        self._built = False

    def _build(self) -> None:
        if self._built:
            return
        self._built = True
        source = self._source
        postings: dict[str, set[str]] = defaultdict(set)
        for slug, name in source() if callable(source) else source:
            self._names[slug] = name
            found = self._distinct(name)
            self._words[slug] = found
            for word in found:
                postings[word].add(slug)
        self._postings = dict(postings)

    def _distinct(self, name: str) -> frozenset[str]:
        return words(name) - self._ignore

    def similar(self, name: str, slug: str = "") -> tuple[str, ...]:
        """Slugs of catalog names close to `name` (other than `slug` itself), best first."""
        self._build()
        mine = self._distinct(name)
        found_in = [self._postings[w] for w in mine if w in self._postings]
        if not found_in:
            return ()
        candidates = set().union(*found_in)
        found = [
            other for other in candidates if other != slug and self._close(mine, self._words[other])
        ]
        return tuple(sorted(found, key=lambda s: (-len(mine & self._words[s]), s)))

    def name(self, slug: str) -> str:
        self._build()
        return self._names.get(slug, slug)

    def _close(self, mine: frozenset[str], theirs: frozenset[str]) -> bool:
        shared = mine & theirs
        if not any(not w.isdigit() for w in shared):
            return False
        numbers, their_numbers = _numbers(mine), _numbers(theirs)
        if numbers and their_numbers and not numbers & their_numbers:
            return False  # Sentinel-1 is not Sentinel-6
        if mine <= theirs or theirs <= mine:
            return True
        return any(
            len(w) >= MIN_RARE_LENGTH and not w.isdigit() and len(self._postings[w]) == 1
            for w in shared
        )


def _numbers(found: frozenset[str]) -> frozenset[str]:
    """The numbers in a name's words ('1b' -> '1'): Sentinel-1B is not Sentinel-6."""
    return frozenset(m.group() for w in found if (m := LEADING_DIGITS_RE.match(w)))
