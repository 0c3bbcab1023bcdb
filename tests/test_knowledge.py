"""The world-knowledge data files and their loader (``kg.knowledge``, ``kg.tables``)."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import FrozenInstanceError
from pathlib import Path

import networkx as nx
import pytest

import kg
from kg.cli import main
from kg.errors import KgError
from kg.export.rdf import to_turtle
from kg.gazetteer import Gazetteer, read_gazetteer, read_venues
from kg.iri import mint
from kg.knowledge import Knowledge, load_knowledge
from kg.roles import read_titles
from kg.settings import Settings
from kg.tables import SHIPPED, read_table
from kg.vocab import TitleKind, TitleRank

COLUMNS = {
    "countries.tsv": ["code", "name", "aliases", "demonyms", "capitals", "combining"],
    "country_codes.tsv": ["code", "alpha2", "alpha3"],
    "capital_coordinates.tsv": ["code", "capital", "latitude", "longitude", "geonameid"],
    "cities.tsv": ["name", "aliases", "country"],
    "regions.tsv": ["name", "aliases", "kind"],
    "organizations.tsv": ["name", "aliases", "country", "type"],
    "venues.tsv": ["organization", "city"],
}
MULTI = {"aliases", "demonyms", "capitals", "combining"}
REGION_KINDS = {"sea", "strait", "ocean", "region", "continent", "territory"}
ORG_TYPES = {
    "government",
    "legislature",
    "military",
    "intelligence",
    "party",
    "international",
    "armed group",
    "media",
    "company",
    "ngo",
    "court",
}
DATA = Path(__file__).resolve().parents[1] / "kg" / "data"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return read_gazetteer(None)


def _sort_key(value: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFKD", value) if not unicodedata.combining(c))
    return plain.casefold()


def _data_lines(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


# --- the files ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_file_parses_with_the_right_columns(name: str) -> None:
    header = _data_lines(name)[0].split("\t")
    assert header == COLUMNS[name]
    rows = read_table(name, None, COLUMNS[name])
    assert rows
    assert all(list(row.cells) == COLUMNS[name] for row in rows)


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_file_is_clean_and_sorted(name: str) -> None:
    raw = (DATA / name).read_text(encoding="utf-8")
    assert "\r" not in raw
    for line in raw.splitlines():
        # A trailing tab is an empty last cell; a trailing space is a typo.
        assert not line.endswith((" ", "\u00a0")), f"trailing space: {line!r}"
    rows = [row.cells for row in read_table(name, None, COLUMNS[name])]
    first = COLUMNS[name][0]
    keys = [_sort_key(row[first]) for row in rows]
    assert keys == sorted(keys), f"{name} is not sorted by {first}"
    assert len(set(keys)) == len(keys), f"{name} repeats a {first}"
    for row in rows:
        for column, cell in row.items():
            assert cell == cell.strip(), (name, column, cell)
            if column in MULTI and cell:
                values = cell.split("|")
                assert all(v and v == " ".join(v.split()) for v in values), (name, cell)
                assert len(values) == len(set(values)), (name, cell)
            else:
                assert "|" not in cell, (name, column, cell)
        if "aliases" in row:
            assert row["name"] not in row["aliases"].split("|"), row


def test_country_codes_are_unique_alpha3(gaz: Gazetteer) -> None:
    codes = [c.code for c in gaz.countries]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in codes)
    assert len(codes) >= 200
    assert all(c.name for c in gaz.countries)


def test_country_columns_refer_to_countries(gaz: Gazetteer) -> None:
    codes = {c.code for c in gaz.countries}
    assert {city.country for city in gaz.cities} <= codes
    for org in gaz.organizations:
        assert org.country == "" or org.country in codes, org
    international = [o for o in gaz.organizations if o.type == "international"]
    assert all(o.country == "" for o in international)


def test_every_country_iso_3166_lists_has_its_two_codes(knowledge: Knowledge) -> None:
    codes = knowledge.country_codes
    # Kosovo's XKX is a code countries.tsv uses that ISO 3166-1 does not assign.
    assert {c.code for c in knowledge.gazetteer.countries} - set(codes) == {"XKX"}
    assert (codes["USA"].alpha2, codes["GBR"].alpha2, codes["CHN"].alpha2) == ("US", "GB", "CN")
    assert all(iso.alpha3 == code for code, iso in codes.items())
    assert len({iso.alpha2 for iso in codes.values()}) == len(codes)


def test_capitals_stand_where_geonames_puts_them_and_namesakes_have_no_place(knowledge: Knowledge) -> None:
    capitals = knowledge.capitals
    assert len(capitals) > 150
    beijing = capitals["CHN"]
    assert (beijing.name, round(beijing.latitude), round(beijing.longitude)) == ("Beijing", 40, 116)
    assert round(capitals["GBR"].longitude, 1) == -0.1  # west of Greenwich
    # Washington has namesakes all over the United States: no row rather than one of them.
    assert "USA" not in capitals
    assert all(c.name == knowledge.gazetteer.country(code).capitals[0] for code, c in capitals.items())


def test_kinds_and_types_are_known(gaz: Gazetteer) -> None:
    assert {r.kind for r in gaz.regions} <= REGION_KINDS
    assert {o.type for o in gaz.organizations} <= ORG_TYPES


def test_no_surface_form_names_two_countries(gaz: Gazetteer) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for c in gaz.countries:
        for form in (c.name, *c.aliases, *c.demonyms, *c.capitals, *c.combining):
            owners[form.casefold()].add(c.code)
    clashes = {form: codes for form, codes in owners.items() if len(codes) > 1}
    assert not clashes


def test_no_surface_form_names_two_things(gaz: Gazetteer) -> None:
    """The rule compiler keeps the first claim on a form, so a clash would drop one silently."""
    owners: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for c in gaz.countries:
        for form in (c.name, *c.aliases, *c.demonyms, *c.capitals, *c.combining):
            owners[form.casefold()].add(("country", c.code))
    for city in gaz.cities:
        for form in (city.name, *city.aliases):
            owners[form.casefold()].add(("city", city.name))
    for region in gaz.regions:
        for form in (region.name, *region.aliases):
            owners[form.casefold()].add(("region", region.name))
    for org in gaz.organizations:
        for form in (org.name, *org.aliases):
            owners[form.casefold()].add(("org", org.name))
    clashes = {form: things for form, things in owners.items() if len(things) > 1}
    assert not clashes


def test_capitals_are_not_repeated_as_cities(gaz: Gazetteer) -> None:
    capitals = {cap.casefold() for c in gaz.countries for cap in c.capitals}
    cities = {form.casefold() for city in gaz.cities for form in (city.name, *city.aliases)}
    assert not capitals & cities


def test_straight_apostrophes_only(gaz: Gazetteer) -> None:
    for name in COLUMNS:
        assert "\u2019" not in (DATA / name).read_text(encoding="utf-8"), name


# --- spot checks -------------------------------------------------------------------------------


def _org(gaz: Gazetteer, surface: str):
    found = [o for o in gaz.organizations if surface in (o.name, *o.aliases)]
    assert len(found) == 1, (surface, found)
    return found[0]


def test_spot_checks_countries(gaz: Gazetteer) -> None:
    usa = gaz.country("USA")
    assert usa.name == "United States"
    assert "U.S." in usa.aliases
    assert usa.capitals[0] == "Washington"
    chn = gaz.country("CHN")
    assert "Chinese" in chn.demonyms
    assert "Sino" in chn.combining
    assert "PRC" in chn.aliases
    assert gaz.country("GBR").name == "United Kingdom"
    assert "Britain" in gaz.country("GBR").aliases
    assert "Vienna" in gaz.country("AUT").capitals
    for code, name in [("TWN", "Taiwan"), ("HKG", "Hong Kong"), ("PSE", "Palestine"), ("XKX", "Kosovo")]:
        assert gaz.country(code).name == name


def test_spot_checks_places(gaz: Gazetteer) -> None:
    assert not [c for c in gaz.cities if c.name == "Vienna"]
    bali = [c for c in gaz.cities if c.name == "Bali"]
    assert [c.country for c in bali] == ["IDN"]
    kinds = {r.name: r.kind for r in gaz.regions}
    assert kinds["South China Sea"] == "sea"
    assert kinds["Taiwan Strait"] == "strait"
    assert kinds["Gaza Strip"] == "territory"


def test_spot_checks_organizations(gaz: Gazetteer) -> None:
    g20 = _org(gaz, "G20")
    assert "Group of 20" in (g20.name, *g20.aliases)
    assert g20.country == ""
    assert _org(gaz, "CIA").country == "USA"
    assert _org(gaz, "U.N.") is _org(gaz, "United Nations")
    assert _org(gaz, "Reuters").type == "media"
    assert _org(gaz, "Hamas").type == "armed group"
    assert _org(gaz, "PLA").country == "CHN"


def test_country_lookup_raises_key_error(gaz: Gazetteer) -> None:
    with pytest.raises(KeyError):
        gaz.country("ZZZ")


# --- the loader --------------------------------------------------------------------------------


def test_read_table_skips_comments_and_blank_lines_and_keeps_line_numbers(tmp_path: Path) -> None:
    (tmp_path / "t.tsv").write_text("# note\n\na\tb\n# another\nx\t\n\n1\t2\n", encoding="utf-8")
    rows = read_table("t.tsv", tmp_path, ("a", "b"))
    assert [(row.line, dict(row.cells)) for row in rows] == [(5, {"a": "x", "b": ""}),
                                                             (7, {"a": "1", "b": "2"})]


def test_read_table_names_file_and_line_on_bad_row(tmp_path: Path) -> None:
    (tmp_path / "t.tsv").write_text("# note\na\tb\nx\ty\nonly-one\n", encoding="utf-8")
    with pytest.raises(KgError, match=r"^KG022 .*t\.tsv: line 4: 1 tab-separated cells where the header has"):
        read_table("t.tsv", tmp_path, ("a", "b"))


def test_read_table_checks_required_columns(tmp_path: Path) -> None:
    (tmp_path / "t.tsv").write_text("a\tb\n", encoding="utf-8")
    with pytest.raises(KgError, match=r"KG022 .*line 1: the header lacks the column\(s\) c;"):
        read_table("t.tsv", tmp_path, ("a", "c"))


def test_load_gazetteer_from_other_folder(tmp_path: Path) -> None:
    for name, header in COLUMNS.items():
        (tmp_path / name).write_text("\t".join(header) + "\n", encoding="utf-8")
    with (tmp_path / "countries.tsv").open("a", encoding="utf-8") as f:
        f.write("AAA\tAland\tA|B\t\tAcity\t\n")
    gaz = read_gazetteer(tmp_path)
    assert gaz.country("AAA").aliases == ("A", "B")
    assert gaz.country("AAA").demonyms == ()
    assert gaz.cities == ()


def test_duplicate_country_codes_are_refused(tmp_path: Path) -> None:
    for name, header in COLUMNS.items():
        (tmp_path / name).write_text("\t".join(header) + "\n", encoding="utf-8")
    with (tmp_path / "countries.tsv").open("a", encoding="utf-8") as f:
        f.write("AAA\tA\t\t\t\t\nAAA\tB\t\t\t\t\n")
    with pytest.raises(KgError, match=r"KG025 .*countries\.tsv: line 3: code 'AAA' is listed twice"):
        read_gazetteer(tmp_path)


def test_a_venue_stands_in_a_city_of_its_organisations_country(gaz: Gazetteer) -> None:
    venues = read_venues(None, gaz)
    assert venues["White House"] == "Washington"
    country_of = {o.name: o.country for o in gaz.organizations}
    cities = {c.name: c.country for c in gaz.cities}
    cities |= {c.capitals[0]: c.code for c in gaz.countries if c.capitals}
    assert all(cities[city] == country_of[name] for name, city in venues.items())


@pytest.mark.parametrize(("row", "column"), [("Guild Hall\tAcity\n", "organization"),
                                             ("Palace\tNowhere\n", "city")])
def test_a_venue_of_no_known_organisation_or_city_is_refused(tmp_path: Path, row: str, column: str) -> None:
    for name, header in COLUMNS.items():
        (tmp_path / name).write_text("\t".join(header) + "\n", encoding="utf-8")
    with (tmp_path / "countries.tsv").open("a", encoding="utf-8") as f:
        f.write("AAA\tAland\t\t\tAcity\t\n")
    with (tmp_path / "organizations.tsv").open("a", encoding="utf-8") as f:
        f.write("Palace\t\tAAA\tgovernment\n")
    with (tmp_path / "venues.tsv").open("a", encoding="utf-8") as f:
        f.write(row)
    with pytest.raises(KgError, match=rf"KG026 .*venues\.tsv: line 2: {column} "):
        read_venues(tmp_path, read_gazetteer(tmp_path))


TITLES_HEADER = "key\ttitle\taliases\tkind\trank\n"


def test_title_kinds_and_ranks_are_read_into_their_vocabularies(tmp_path: Path) -> None:
    (tmp_path / "titles.tsv").write_text(
        TITLES_HEADER + "envoy\tEnvoy\tspecial envoy\toffice\tsenior\nguild\tGuild\t\torganization\tother\n",
        encoding="utf-8")
    envoy, guild = read_titles(tmp_path).values()
    assert (envoy.kind, envoy.rank, envoy.aliases) == (TitleKind.OFFICE, TitleRank.SENIOR, ("special envoy",))
    assert guild.kind is TitleKind.ORGANIZATION


def test_unknown_title_kind_is_refused_naming_the_file_and_row(tmp_path: Path) -> None:
    (tmp_path / "titles.tsv").write_text(TITLES_HEADER + "envoy\tEnvoy\t\tpost\tsenior\n", encoding="utf-8")
    with pytest.raises(KgError, match=r"KG024 .*titles\.tsv: line 2: kind 'post' is none of office, "):
        read_titles(tmp_path)


# --- one record, loaded once, checked on load ------------------------------------------------

ARTICLE = """Harbour talks resume
Win a trip to Portugal
Austrian Harbour Master Ilka Vant parleyed with Foreign Minister Oren Dask in Vienna on Monday.
Vant said the Hermit Kingdom had sent no delegation to the talks, and the two sides would meet again.
"""


def _copy(folder: Path, name: str, extra: str = "", replace: tuple[str, str] = ("", "")) -> Path:
    """Copy kg's own ``name`` into ``folder``, with ``replace`` made and ``extra`` appended."""
    folder.mkdir(exist_ok=True)
    text = (SHIPPED / name).read_text(encoding="utf-8")
    assert replace[0] in text
    text = text.replace(*replace)
    (folder / name).write_text(text + extra, encoding="utf-8")
    return folder / name


def test_the_knowledge_is_read_only(knowledge: Knowledge) -> None:
    with pytest.raises(FrozenInstanceError):
        knowledge.titles = {}  # type: ignore[misc]
    with pytest.raises(TypeError):
        knowledge.titles["envoy"] = knowledge.titles["ambassador"]  # type: ignore[index]
    with pytest.raises(TypeError):
        knowledge.events.triggers[("meet", "VERB")] = ()  # type: ignore[index]


def test_a_folder_of_one_file_changes_that_file_and_keeps_the_others(
    tmp_path: Path, knowledge: Knowledge
) -> None:
    _copy(tmp_path, "titles.tsv", "harbour-master\tHarbour Master\tport captain\toffice\tofficial\n")
    custom = load_knowledge(tmp_path)
    assert custom.titles["harbour-master"].aliases == ("port captain",)
    assert ("port captain", "TITLE", "harbour-master") in {(t.text, t.label, t.key) for t in custom.terms}
    assert "harbour-master" not in knowledge.titles
    assert custom.gazetteer == knowledge.gazetteer and custom.events.issues == knowledge.events.issues


@pytest.mark.slow
def test_a_build_with_an_altered_data_folder_shows_each_change_in_the_graph(tmp_path: Path) -> None:
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "a.txt").write_text(ARTICLE, encoding="utf-8")
    data = tmp_path / "data"
    _copy(data, "titles.tsv", "harbour-master\tHarbour Master\t\toffice\tofficial\n")
    _copy(data, "countries.tsv", replace=("|Democratic People's Republic of Korea\t",
                                          "|Democratic People's Republic of Korea|Hermit Kingdom\t"))
    _copy(data, "event_triggers.tsv", "parley\tVERB\tmeeting\tCONSULT\t\t\n")
    _copy(data, "furniture.tsv", "prize_draw\tline\tWin a trip to .+\ta prize draw\n")

    def labels(G: nx.MultiDiGraph, kind: str) -> set[str]:
        return {d["label"] for _, d in G.nodes(data=True) if d["kind"] == kind}

    own = kg.build(articles)
    altered = kg.build(articles, Settings(data_dir=data))
    # A new office title: Ilka Vant holds it.
    assert "Harbour Master (Austria)" not in labels(own, "office")
    vant, post = mint("person", "Ilka Vant"), mint("office", "Harbour Master", "Austria")
    assert altered.has_edge(vant, post, key="holds_office")
    # A new country alias: the nickname is North Korea, not a place of its own.
    assert "Hermit Kingdom" in labels(own, "place") and "North Korea" not in labels(own, "country")
    assert "North Korea" in labels(altered, "country") and "Hermit Kingdom" not in labels(altered, "place")
    # A new trigger verb: the two met.
    assert labels(own, "meeting") == set()
    (meeting,) = [n for n, d in altered.nodes(data=True) if d["kind"] == "meeting"]
    assert {v for _, v, k in altered.out_edges(meeting, keys=True) if k == "participant"} == {
        vant, mint("person", "Oren Dask")}
    # A new furniture rule: the prize draw's country is no longer read as news.
    assert "Portugal" in labels(own, "country") and "Portugal" not in labels(altered, "country")
    # Worker processes load the same folder themselves.
    assert to_turtle(kg.build(articles, Settings(data_dir=data, workers=2))) == to_turtle(altered)


def _header(name: str) -> str:
    """The header row of kg's own data file ``name``."""
    return _data_lines(name)[0]


# Each mistake in a data file is one coded line naming the file and the line: (file, its rows
# after kg's own header, the code, what the message says).
MEET = ("meet", "VERB", "meeting", "CONSULT")
ENVOY = ("envoy", "Envoy", "", "office", "senior")
BAD_ROWS = [
    ("event_triggers.tsv", [(*MEET, "", "by-phone")], "KG024",
     "needs 'by-phone' is none of with, with_or_to, remote, by_phone, to_place"),
    ("event_triggers.tsv", [("meet", "VERB", "meating", "CONSULT", "", "")], "KG024", "kind 'meating'"),
    ("event_triggers.tsv", [("meet", "VERB", "meeting", "CONSLT", "", "")], "KG024", "plover 'CONSLT'"),
    ("event_triggers.tsv", [(*MEET, "visits", "")], "KG024", "mode 'visits' is none of"),
    ("event_triggers.tsv", [("meet", "VB", "meeting", "CONSULT", "", "")], "KG024",
     "pos 'VB' is none of VERB, NOUN, ADJ"),
    ("event_triggers.tsv", [("", "VERB", "meeting", "CONSULT", "", "")], "KG023", "the lemma cell is empty"),
    ("event_triggers.tsv", [MEET[:3]], "KG022", "3 tab-separated cells where the header has 6"),
    ("event_words.tsv", [("radio", "phones")], "KG024", "kind 'phones' is none of plan, phone"),
    ("status_cues.tsv", [("maybe", "perhaps")], "KG024", "status 'perhaps' is none of"),
    ("issues.tsv", [("fish", "Fisheries", "quarrel", "fish*")], "KG024", "kind 'quarrel'"),
    ("issues.tsv", [("fish", "Fisheries", "dispute", "!fish fingers")], "KG023", "no phrase"),
    ("name_words.tsv", [("harbour", "port")], "KG024", "kind 'port' is none of org_head,"),
    ("titles.tsv", [(*ENVOY[:4], "junior")], "KG024", "rank 'junior'"),
    ("titles.tsv", [ENVOY, ENVOY], "KG025", "key 'envoy' is listed twice"),
    ("title_compounds.tsv", [("top", "diplomat", "top-envoy")], "KG026",
     "result 'top-envoy' is no title key of titles.tsv"),
    ("office_synonyms.tsv", [("USB", "top-diplomat", "secretary-of-state")], "KG026",
     "country 'USB' is no country code of countries.tsv"),
    ("cities.tsv", [("Harbourtown", "", "ZZZ")], "KG026", "country 'ZZZ' is no country code"),
    ("capital_coordinates.tsv", [("CHN", "Shanghai", "31.2", "121.5", "1796236")], "KG026",
     "capital 'Shanghai' is not the first capital of CHN"),
    ("capital_coordinates.tsv", [("CHN", "Beijing", "95", "116.4", "1816670")], "KG024",
     "latitude '95' is not a number of degrees from -90 to 90"),
    ("capital_coordinates.tsv", [("CHN", "Beijing", "39.9", "east", "1816670")], "KG024",
     "longitude 'east' is not a number of degrees"),
    ("capital_coordinates.tsv", [("CHN", "Beijing", "39.9", "116.4", "g1")], "KG024",
     "geonameid 'g1' is not a number"),
    ("country_codes.tsv", [("ZZZ", "ZZ", "ZZZ")], "KG026", "code 'ZZZ' is no country code of countries.tsv"),
    ("country_codes.tsv", [("USA", "Us", "USA")], "KG024", "alpha2 'Us' is not 2 capital letters"),
    ("country_codes.tsv", [("USA", "US", "US")], "KG024", "alpha3 'US' is not 3 capital letters"),
    ("country_codes.tsv", [("USA", "US", "USA"), ("CHN", "US", "CHN")], "KG025",
     "alpha2 'US' is listed twice"),
    ("country_codes.tsv", [("USA", "US", "USA"), ("USA", "UM", "UMI")], "KG025",
     "code 'USA' is listed twice"),
    ("office_countries.tsv", [("secretary-of-state", "USA", "maybe")], "KG024",
     "with_portfolio 'maybe' is none of yes, no"),
    ("office_verbs.tsv", [("head", "boss")], "KG026", "title 'boss' is no title key of titles.tsv"),
    ("title_references.tsv", [("leader", "president|boss")], "KG026",
     "offices 'boss' is no title key of titles.tsv"),
    ("furniture.tsv", [("x", "line", "(unclosed", "")], "KG190", "bad pattern"),
]


@pytest.mark.parametrize(("name", "rows", "code", "message"), BAD_ROWS)
def test_a_wrong_row_is_one_coded_line_naming_the_file_and_line(
    tmp_path: Path, name: str, rows: list[tuple[str, ...]], code: str, message: str
) -> None:
    text = "".join(f"{line}\n" for line in ["# a comment", _header(name), *("\t".join(r) for r in rows)])
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(KgError) as caught:
        load_knowledge(tmp_path)
    error = caught.value
    assert (error.code, error.path) == (code, str(tmp_path / name))
    assert error.message.startswith(f"line {len(rows) + 2}: ") and message in error.message
    assert "\n" not in str(error)


def test_a_header_without_a_column_or_no_header_is_named(tmp_path: Path) -> None:
    (tmp_path / "event_triggers.tsv").write_text("lemma\tpos\tkind\tplover\tmode\n", encoding="utf-8")
    missing = r"^KG022 .*event_triggers\.tsv: line 1: the header lacks the column\(s\) needs;"
    with pytest.raises(KgError, match=missing):
        load_knowledge(tmp_path)
    (tmp_path / "event_triggers.tsv").unlink()
    (tmp_path / "requests.tsv").write_text("# only a comment\n", encoding="utf-8")
    with pytest.raises(KgError, match=r"^KG021 .*requests\.tsv: no header row"):
        load_knowledge(tmp_path)


def test_a_data_file_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    (tmp_path / "english_words.tsv").write_bytes("word\nth\xe9\n".encode("latin-1"))
    with pytest.raises(KgError, match=r"^KG021 .*english_words\.tsv: cannot read this data file"):
        load_knowledge(tmp_path)


def test_a_folder_that_cannot_be_a_data_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(KgError, match=r"^KG020 .*: no such data folder"):
        load_knowledge(tmp_path / "missing")
    (tmp_path / "file.tsv").write_text("", encoding="utf-8")
    with pytest.raises(KgError, match=r"^KG020 .*: not a folder"):
        load_knowledge(tmp_path / "file.tsv")
    (tmp_path / "file.tsv").unlink()
    (tmp_path / "README.md").write_text("my data\n", encoding="utf-8")
    with pytest.raises(KgError, match=r"^KG020 .*: holds none of kg's data files"):
        load_knowledge(tmp_path)


def test_a_misspelt_data_file_is_refused_rather_than_ignored(tmp_path: Path) -> None:
    _copy(tmp_path, "titles.tsv")
    (tmp_path / "title.tsv").write_text("key\ttitle\taliases\tkind\trank\n", encoding="utf-8")
    with pytest.raises(KgError) as caught:
        load_knowledge(tmp_path)
    assert (caught.value.code, caught.value.path) == ("KG020", str(tmp_path / "title.tsv"))
    assert "not a data file kg reads" in caught.value.message


def test_the_cli_reads_the_data_folder_and_prints_its_mistake_as_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    _copy(tmp_path / "data", "event_triggers.tsv", "parley\tVERB\tmeeting\tCONSULT\t\twiht\n")
    code = main(["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--quiet",
                 "--data-dir", str(tmp_path / "data")])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("kg: error: KG024 ")
    assert str(tmp_path / "data" / "event_triggers.tsv") in err and "needs 'wiht'" in err
    assert not (tmp_path / "out" / "graph.ttl").exists()
