"""The world-knowledge data files and their loader (``kg.knowledge``, ``kg.tables``)."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest

from kg.errors import KgError
from kg.gazetteer import Gazetteer, read_gazetteer
from kg.roles import read_titles
from kg.tables import read_table
from kg.vocab import TitleKind, TitleRank

COLUMNS = {
    "countries.tsv": ["code", "name", "aliases", "demonyms", "capitals", "combining"],
    "cities.tsv": ["name", "aliases", "country"],
    "regions.tsv": ["name", "aliases", "kind"],
    "organizations.tsv": ["name", "aliases", "country", "type"],
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
