"""Rules every bundled partnership keeps: its type fits its sides, its header agrees with its
text, each fact names its source, and the sources are the publishers' own pages.

Each test collects every record that breaks its rule, so one run lists them all.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

from explorer.core.type_rule import type_problem
from explorer.store.catalog import Catalog

#: hosts that may be cited but never be a record's only kind of source: encyclopedias
#: anyone can edit, and sites that copy or summarise others' reporting
WEAK_HOSTS = (
    "wikipedia.org",
    "wikinews.org",
    "jagranjosh.com",
    "teluguglobal.com",
    "news9live.com",
    "mentalfloss.com",
    "autoevolution.com",
    "today.az",
    "theuniqueacademy.com",
    "cnewsliveenglish.com",
    "nationnewslive.com",
    "whizord.com",
    "yourstory.com",
    "krone.at",
    "aimweb.pl",
)
#: addresses that have moved (the old pages are gone or redirect elsewhere)
MOVED_PREFIXES = (
    "https://solarsystem.nasa.gov/",
    "http://solarsystem.nasa.gov/",
    "https://www.nasa.gov/mission_pages/",
    "http://www.nasa.gov/mission_pages/",
    "https://spaceflight.nasa.gov/",
    "http://spaceflight.nasa.gov/",
    "http://www.esa.int/esaSC/",
    "https://www.esa.int/esaSC/",
    "http://www.intelsat.com/about-us/history/",
    "https://www.intelsat.com/about-us/history/",
)
#: primary publishers: space agencies, governments and intergovernmental bodies, treaty
#: depositaries and the UN, the operators themselves, and the archives of the bodies
PRIMARY_HOSTS = (
    "nasa.gov",
    "esa.int",
    "jaxa.jp",
    "cnes.fr",
    "aviso.altimetry.fr",
    "dlr.de",
    "asc-csa.gc.ca",
    "isro.gov.in",
    "nrsc.gov.in",
    "cnsa.gov.cn",
    "cas.cn",
    "cmse.gov.cn",
    "kari.re.kr",
    "kasa.go.kr",
    "msip.go.kr",
    "unoosa.org",
    "unvienna.org",
    "un.org",
    "conae.gov.ar",
    "inpe.br",
    "eumetsat.int",
    "roscosmos.ru",
    "asi.it",
    "europa.eu",
    "noaa.gov",
    "gfz.de",
    "gfz-potsdam.de",
    "mpe.mpg.de",
    "state.gov",
    "gov.uk",
    "overheid.nl",
    "spacex.com",
    "axiomspace.com",
    "issnationallab.org",
    "astrobotic.com",
    "intuitivemachines.com",
    "fireflyspace.com",
    "boeing.com",
    "blueorigin.com",
    "skyroot.in",
    "inspace.gov.in",
    "arianespace.com",
    "aprsaf.org",
    "disasterscharter.org",
    "globalspaceexploration.org",
    "ceos.org",
    "cospas-sarsat.int",
    "earthobservations.org",
    "council.science",
    "gctc.su",
    "le.ac.uk",
    "si.edu",
    "pdssbn.astro.umd.edu",
    "historicalarchives.esa.int",
    "eui.eu",
    "d-geo.de",  # the German GEO secretariat
    "china.org.cn",  # the Chinese government's information portal
    # the agencies, governments, operators and partner institutions of the regional records
    # (issue 12): each is a partner of the record that cites it, or the government it reports to
    "mbrsc.ae",  # Mohammed bin Rashid Space Centre
    "ispace-inc.com",  # ispace, which flew the Rashid rover
    "lasp.colorado.edu",  # LASP, the Emirates Mars Mission's US partner
    "etssti.org",  # Ethiopian Space Science and Technology Institute
    "glavkosmos.com",  # Glavkosmos, Roscosmos's commercial arm
    "moc.gov.gh",  # Ministry of Communications, Ghana
    "africa-eu-partnership.org",  # the Africa-EU Partnership (African Union and EU)
    "moi.govmu.org",  # Government of Mauritius, GMES & Africa
    "cgwic.com",  # China Great Wall Industry Corporation
    "spacechina.com",  # China Aerospace Science and Technology Corporation
    "nilesat.com.eg",  # Nilesat, the operator
    "rura.rw",  # Rwanda Utilities Regulatory Authority
    "sansa.org.za",  # South African National Space Agency
    "invap.com.ar",  # INVAP, SAOCOM's builder
    "mea.gov.in",  # Ministry of External Affairs of India
    "thailand.go.th",  # Government of Thailand
    "space-airbusds.com",  # Airbus Defence and Space
    "un-spider.org",  # UN-SPIDER, a programme of UNOOSA
    "tubitak.gov.tr",  # TUBITAK Space Technologies Research Institute
    "aph.gov.au",  # Parliament of Australia
    "mre.gov.py",  # Ministry of Foreign Affairs of Paraguay, an ALCE signatory
    "ntmc.gov.bd",  # National Telecommunication Monitoring Centre, Bangladesh
    "spaceil.com",  # SpaceIL, Beresheet's builder and operator
    "energia.ru",  # RSC Energia, Roscosmos's builder of the Soyuz
    "space.gov.au",  # Australian Space Agency
    "vnsc.org.vn",  # Vietnam National Space Center
    "neuquen.gov.ar",  # Government of the Province of Neuquen
    "mbie.govt.nz",  # Ministry of Business, Innovation and Employment (NZ Space Agency)
    "sstl.co.uk",  # Surrey Satellite Technology
)
#: records whose agency, operator or depositary page was not among the stored copies
#: searched for the check of 2026-12-04; each cites reporting instead. Remove a slug when a
#: primary source is added (the test fails while a listed record already has one).
NO_PRIMARY_PAGE_FOUND = frozenset(
    {
        *("apollo-soyuz-test-project", "ariel-1", "aryabhata-launch", "axiom-mission-1"),
        *("bigelow-beam", "boeing-starliner-crew-flight-test", "canada-us-gateway-treaty"),
        *("cassini-huygens", "ceos", "chandrayaan-1-international-payloads"),
        *("change-4-international-payloads", "change-6-international-payloads"),
        *("commercial-resupply-services-1", "commercial-resupply-services-2", "cospas-sarsat"),
        *("crew-dragon-demo-2", "euclid", "exomars-esa-roscosmos"),
        *("firefly-blue-ghost-mission-1", "helios-probes", "hinode"),
        *("hls-blue-origin-blue-moon", "hls-spacex-starship", "iadc", "insight-mars-lander"),
        *("intelsat", "international-lunar-research-station", "intuitive-machines-im-1"),
        *("ksc-lc-39a-spacex-lease", "mars-sample-return", "nasa-clps"),
        *("nasa-commercial-crew-program", "nasa-commercial-leo-destinations", "nasa-cots"),
        *("nasa-roscosmos-integrated-crew", "nisar", "outer-space-treaty"),
        *("peregrine-mission-one", "san-marco-programme", "skyroot-vikram-s-prarambh"),
        *("soyuz-tm-32-first-space-tourist", "telstar-1", "terrasar-x-ppp"),
        *("unoosa-china-space-station-cooperation", "vega-venus-halley", "xrism"),
        # regional records of issue 12 (checked 2026-12-04): no agency or operator page was
        # found in the stored copies (searched for most; the rest judged from their citations)
        "afdev-sat",  # no Egyptian Space Agency page on the project
        "alcantara-cyclone-space",  # no Brazilian Space Agency or Itamaraty page on the venture
        "alcomsat-1",  # no page of the Algerian Space Agency or CGWIC on Alcomsat-1
        "alsat-1-dmc",  # no SSTL or Algerian Space Agency page on AlSAT-1
        "amazonia-1-pslv",  # no INPE or ISRO page on Amazonia-1's launch
        "angosat",  # no Roscosmos or Angolan government page on AngoSat
        "arab-space-cooperation-group",  # no UAE Space Agency page on the group or on 813
        "arabsat",  # Arabsat's own booklet is read only in its SlideShare upload
        "aztechsat-1",  # no NASA or Mexican Space Agency page on AzTechSat-1
        "brazil-us-technology-safeguards-agreement",  # treaty text read only in a copy
        "china-pakistan-astronaut-cooperation",  # no CMSA or SUPARCO page on the agreement
        "egyptsat-1",  # no NARSS or Yuzhnoye page on EgyptSat-1
        "eshail-2",  # no Es'hailSat or Mitsubishi Electric page on Es'hail-2
        "khayyam-iran-russia",  # Roscosmos's statement read only as reported by Interfax
        "lapan-tubsat",  # no LAPAN (now BRIN), TU Berlin or ISRO page; LAPAN's paper is a copy
        "light-1",  # no page of the two space agencies or the universities on Light-1
        "misrsat-2",  # no Egyptian Space Agency or CNSA page on MisrSat-2
        "mohammed-vi-satellites",  # CNES's launch release read only in a copy
        "perusat-1",  # no CONIDA, CNES or Airbus page on PeruSAT-1
        "prss-1",  # no SUPARCO or CAST page on PRSS-1
        "razaksat",  # no ATSB, ANGKASA or government page on RazakSAT
        "saudi-axiom-mission-2",  # no Axiom Space, NASA or Saudi Space Agency page on Ax-2
        "turksat-5",  # no Turksat or Airbus page on the Turksat 5 satellites
        "vnredsat-1",  # no VAST, Airbus or Arianespace page on VNREDSat-1
    }
)
#: the lead partner's own page, where it publishes one (CFOSAT's lead, CNSA, is quoted
#: through China Daily: no CNSA page was among the stored copies)
LEAD_SOURCES = {
    "geotail": "jaxa.jp",
    "bepicolombo": "jaxa.jp",
    "smile": "cas.cn",
}
#: words that make a milestone a plan rather than an event, and words that make a past
#: plan a decision someone took that year (a plan in a past year is otherwise stale)
PLAN_RE = re.compile(r"\b(planned|due|targeted|expected|scheduled)\b", re.I)
DECISION_RE = re.compile(
    r"\b(announced|confirmed|extended|modified|granted|approved|set|moved|slipped|signed|"
    r"contracted|selected|adopted|agreed|said|named|restructuring)\b",
    re.I,
)
NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ]
    )
}
COUNT_RE = re.compile(
    r"\b(\d{1,3}|" + "|".join(NUMBER_WORDS) + r")(?: full)? "
    r"(signatories|states parties|member states|signatory nations)\b",
    re.I,
)
FOUNDERS_RE = re.compile(r"countries listed[^.]*\b(found|depositar)", re.I)


@pytest.fixture(scope="module")
def partnerships(tmp_path_factory):
    from explorer.core.paths import AppPaths

    catalog = Catalog.open(AppPaths.resolve(tmp_path_factory.mktemp("data")))
    yield {p.slug: p for p in catalog.partnerships.all()}
    catalog.close()


def _host(url: str) -> str:
    return (urlparse(url).hostname or "").lower()


def _on(host: str, suffixes) -> bool:
    return any(host == s or host.endswith("." + s) for s in suffixes)


def _checked_year(p) -> int:
    return int(p.checked[:4])


def _text(p) -> str:
    return f"{p.description} {p.caveats}"


# -- the type rule -------------------------------------------------------------------------


def test_every_type_fits_its_sides(partnerships):
    broken = [f"{p.slug}: {type_problem(p)}" for p in partnerships.values() if type_problem(p)]
    assert broken == []


# -- header, countries and text agree ------------------------------------------------------


def test_a_planned_start_is_not_in_the_past_and_a_begun_one_not_in_the_future(partnerships):
    broken = [
        f"{p.slug}: {p.status} from {p.start_year}, checked {p.checked}"
        for p in partnerships.values()
        if (
            p.start_year < _checked_year(p)
            if p.status == "planned"
            else p.start_year > _checked_year(p)
        )
    ]
    assert broken == []


LAUNCH_YEAR_RE = re.compile(
    r"\b(?:was|were) launched (?:in|on \d{1,2} [A-Z][a-z]+) (\d{4})"
    r"|\blaunch (?:is|was) (?:planned|targeted|due|scheduled) (?:for|in) (?:[A-Z][a-z]+ )?(\d{4})"
)


def test_a_launch_year_in_the_text_is_the_start_year(partnerships):
    broken = []
    for p in partnerships.values():
        for match in LAUNCH_YEAR_RE.finditer(p.description):
            year = int(match.group(1) or match.group(2))
            if year != p.start_year:
                broken.append(f"{p.slug}: text says {match.group(0)!r}, header {p.start_year}")
    assert broken == []


def test_a_plan_in_a_past_year_has_been_settled(partnerships):
    """A milestone that is still a plan ('launch planned') in a year before the facts were
    checked is out of date: it happened, moved, or was dropped."""
    broken = [
        f"{p.slug}: {m.year}: {m.event}"
        for p in partnerships.values()
        for m in p.milestones
        if m.year < _checked_year(p) and PLAN_RE.search(m.event) and not DECISION_RE.search(m.event)
    ]
    assert broken == []


def test_a_milestone_after_the_check_is_a_plan(partnerships):
    broken = [
        f"{p.slug}: {m.year}: {m.event}"
        for p in partnerships.values()
        for m in p.milestones
        if m.year > _checked_year(p) and not PLAN_RE.search(m.event)
    ]
    assert broken == []


def test_the_countries_include_every_national_partners_country(partnerships):
    broken = [
        f"{p.slug}: {x.partner.slug} is from {x.partner.country}"
        for p in partnerships.values()
        for x in p.partners
        if x.partner.country not in ("", "intl") and x.partner.country not in p.countries
    ]
    assert broken == []


def test_a_count_of_signatories_or_members_matches_the_countries_listed(partnerships):
    """A record that gives a count either lists that many countries, lists none (only
    'intl'), or says plainly that the countries listed are the founders."""
    broken = []
    for p in partnerships.values():
        listed = [c for c in p.countries if c != "intl"]
        for match in COUNT_RE.finditer(_text(p)):
            word = match.group(1).lower()
            count = NUMBER_WORDS.get(word) or int(word)
            plain = not listed or len(listed) == count or FOUNDERS_RE.search(p.description)
            if not plain:
                broken.append(f"{p.slug}: {match.group(0)!r} but {len(listed)} countries")
    assert broken == []


# -- sources ---------------------------------------------------------------------------------


def test_no_record_relies_only_on_weak_hosts(partnerships):
    broken = [
        p.slug
        for p in partnerships.values()
        if all(_on(_host(c.url), WEAK_HOSTS) or not c.url for c in p.citations)
    ]
    assert broken == []


def test_no_citation_uses_a_moved_address(partnerships):
    moved = [
        f"{p.slug}: {c.url}"
        for p in partnerships.values()
        for c in p.citations
        if c.url.startswith(MOVED_PREFIXES)
    ]
    assert moved == []


def test_every_record_cites_a_primary_source(partnerships):
    without = {
        p.slug
        for p in partnerships.values()
        if not any(_on(_host(c.url), PRIMARY_HOSTS) for c in p.citations)
    }
    assert sorted(without - NO_PRIMARY_PAGE_FOUND) == [], "cite the agency or operator"
    assert sorted(NO_PRIMARY_PAGE_FOUND - without) == [], "remove these from the list"


@pytest.mark.parametrize(("slug", "host"), sorted(LEAD_SOURCES.items()))
def test_the_lead_partner_is_among_the_sources(partnerships, slug, host):
    assert any(_on(_host(c.url), (host,)) for c in partnerships[slug].citations)


def test_every_milestone_names_a_source_it_has(partnerships):
    broken = [
        f"{p.slug}: {m.year}: {m.event} (source {m.source})"
        for p in partnerships.values()
        for m in p.milestones
        if p.citation(m.source) is None
    ]
    broken += [
        f"{p.slug}: years_source {p.years_source}"
        for p in partnerships.values()
        if p.years_source is not None and p.citation(p.years_source) is None
    ]
    assert broken == []
