"""Countries, places and organisations: the gazetteer part of kg's knowledge.

:func:`read_gazetteer` turns the four gazetteer tables of a data folder
(``countries.tsv``, ``cities.tsv``, ``regions.tsv``, ``organizations.tsv``, in the format
of :mod:`kg.tables`) into immutable records that the rule compiler and the resolver share,
through :class:`kg.knowledge.Knowledge`; :func:`read_country_codes` adds the ISO 3166-1
codes of ``country_codes.tsv`` that the exports give each country, and
:func:`read_capital_coordinates` where the capitals stand (``capital_coordinates.tsv``).

Nothing here comes from any one article: these are facts about the world (names, codes,
capitals), never about the people in the news.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.tables import Row, read_table

__all__ = [
    "Capital",
    "City",
    "Country",
    "Gazetteer",
    "IsoCodes",
    "Organization",
    "Region",
    "read_capital_coordinates",
    "read_country_codes",
    "read_gazetteer",
    "read_venues",
]

_COUNTRY_CODE = "country code of countries.tsv"
_ISO_LENGTHS = (("alpha2", 2), ("alpha3", 3))


@dataclass(frozen=True, slots=True)
class Country:
    """A country or country-like entity (Taiwan, Hong Kong, Kosovo, Palestine...).

    Parameters
    ----------
    code:
        ISO 3166-1 alpha-3 code (``"XKX"`` for Kosovo); the country's key everywhere.
    name:
        Common English short name used as its label (``"United States"``).
    aliases:
        Other names and abbreviations as written in news (``"U.S."``, ``"America"``).
    demonyms:
        Adjective and people forms (``"American"``, ``"Americans"``).
    capitals:
        Seat of government and its variants, first the canonical one (used as metonyms).
    combining:
        Prefix forms used in compounds (``"Sino"`` in "Sino-US").
    """

    code: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    combining: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class City:
    """A city, province, island or venue that is not a capital.

    Parameters
    ----------
    name:
        Canonical label.
    aliases:
        Other spellings (``"Bombay"`` for Mumbai).
    country:
        Alpha-3 code of the country it is in.
    """

    name: str
    aliases: tuple[str, ...]
    country: str


@dataclass(frozen=True, slots=True)
class Region:
    """A place that is neither a country nor a city: a sea, a strait, a region, a territory.

    Parameters
    ----------
    name:
        Canonical label.
    aliases:
        Other spellings.
    kind:
        ``"sea"``, ``"strait"``, ``"ocean"``, ``"region"``, ``"continent"`` or ``"territory"``.
    """

    name: str
    aliases: tuple[str, ...]
    kind: str


@dataclass(frozen=True, slots=True)
class Organization:
    """A named organisation: a government body, an international body, a party, a company...

    Parameters
    ----------
    name:
        Canonical label.
    aliases:
        Acronyms and other spellings (``"CIA"``, ``"U.N."``).
    country:
        Alpha-3 code of the country it belongs to (headquarters for companies and media),
        empty for international and transnational bodies.
    type:
        ``"government"``, ``"legislature"``, ``"military"``, ``"intelligence"``, ``"party"``,
        ``"international"``, ``"armed group"``, ``"media"``, ``"company"``, ``"ngo"`` or ``"court"``.
    """

    name: str
    aliases: tuple[str, ...]
    country: str
    type: str


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Everything the data files know about countries, places and organisations.

    Examples
    --------
    >>> gaz = read_gazetteer(None)
    >>> gaz.country("CHN").name
    'China'
    >>> "Sino" in gaz.country("CHN").combining
    True
    """

    countries: tuple[Country, ...]
    cities: tuple[City, ...]
    regions: tuple[Region, ...]
    organizations: tuple[Organization, ...]
    _by_code: dict[str, Country] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_code: dict[str, Country] = {}
        for country in self.countries:
            if country.code in by_code:
                raise ValueError(f"country code {country.code!r} is listed twice")
            by_code[country.code] = country
        object.__setattr__(self, "_by_code", by_code)

    def country(self, code: str) -> Country:
        """The country with alpha-3 ``code``.

        Raises
        ------
        KeyError
            If no country has that code.
        """
        try:
            return self._by_code[code]
        except KeyError:
            raise KeyError(f"unknown country code {code!r}") from None


def read_gazetteer(folder: Path | None) -> Gazetteer:
    """Read the four gazetteer tables of the data folder ``folder`` (``None``: kg's own).

    Called once per run, by :func:`kg.knowledge.load_knowledge`; stages are handed its result.

    Raises
    ------
    KgError
        When a table is malformed (``KG021``-``KG023``), a country code is listed twice
        (``KG025``) or a city or organisation names a country code no row of
        ``countries.tsv`` has (``KG026``).

    Examples
    --------
    >>> gaz = read_gazetteer(None)
    >>> "U.S." in gaz.country("USA").aliases
    True
    >>> next(o.country for o in gaz.organizations if o.name == "CIA")
    'USA'
    """
    codes: set[str] = set()
    countries = tuple(
        Country(
            code=row.unique("code", codes),
            name=row.required("name"),
            aliases=row.values("aliases"),
            demonyms=row.values("demonyms"),
            capitals=row.values("capitals"),
            combining=row.values("combining"),
        )
        for row in read_table(
            "countries.tsv", folder, ("code", "name", "aliases", "demonyms", "capitals", "combining")
        )
    )
    cities = tuple(
        City(name=row.required("name"), aliases=row.values("aliases"),
             country=row.known("country", codes, _COUNTRY_CODE))
        for row in read_table("cities.tsv", folder, ("name", "aliases", "country"))
    )
    regions = tuple(
        Region(name=row.required("name"), aliases=row.values("aliases"), kind=row.required("kind"))
        for row in read_table("regions.tsv", folder, ("name", "aliases", "kind"))
    )
    # An international body belongs to no country: its country cell is empty.
    organizations = tuple(
        Organization(
            name=row.required("name"),
            aliases=row.values("aliases"),
            country=row.known("country", codes, _COUNTRY_CODE) if row.text("country") else "",
            type=row.required("type"),
        )
        for row in read_table("organizations.tsv", folder, ("name", "aliases", "country", "type"))
    )
    return Gazetteer(countries, cities, regions, organizations)


def read_venues(folder: Path | None, gazetteer: Gazetteer) -> dict[str, str]:
    """``organisation name -> city`` from ``venues.tsv``: the seats of government news names as
    where leaders meet ("talks at the White House" are held in Washington).

    Raises
    ------
    KgError
        When the table is malformed (``KG021``, ``KG022``), an organisation is listed twice
        (``KG025``), or a row names an organisation ``organizations.tsv`` lacks or a city that is
        neither a city of ``cities.tsv`` nor a capital of ``countries.tsv`` (``KG026``).

    Examples
    --------
    >>> read_venues(None, read_gazetteer(None))["Kremlin"]
    'Moscow'
    """
    organizations = {o.name for o in gazetteer.organizations}
    cities = {c.name for c in gazetteer.cities} | {c.capitals[0] for c in gazetteer.countries if c.capitals}
    seen: set[str] = set()
    venues: dict[str, str] = {}
    for row in read_table("venues.tsv", folder, ("organization", "city")):
        name = row.known("organization", organizations, "organisation of organizations.tsv")
        row.unique("organization", seen)
        venues[name] = row.known("city", cities, "city of cities.tsv nor capital of countries.tsv")
    return venues


@dataclass(frozen=True, slots=True)
class IsoCodes:
    """A country's ISO 3166-1 codes, as analysts' tables and other data sets key countries.

    Parameters
    ----------
    alpha2:
        Two capital letters (``"US"``).
    alpha3:
        Three capital letters (``"USA"``); usually the country's code in ``countries.tsv``,
        which may also hold codes ISO does not assign (Kosovo's ``"XKX"``), so it is kept apart.
    """

    alpha2: str
    alpha3: str


def read_country_codes(folder: Path | None, gazetteer: Gazetteer) -> dict[str, IsoCodes]:
    """``country code -> ISO 3166-1 codes`` from ``country_codes.tsv``.

    A country of ``countries.tsv`` with no row has no ISO codes: exports leave them empty
    rather than make one up.

    Raises
    ------
    KgError
        When the table is malformed (``KG021``-``KG023``), a code is not two (``alpha2``) or
        three (``alpha3``) capital letters (``KG024``), a country or an ISO code is listed
        twice (``KG025``), or a row names a country ``countries.tsv`` lacks (``KG026``).

    Examples
    --------
    >>> codes = read_country_codes(None, read_gazetteer(None))
    >>> codes["CHN"]
    IsoCodes(alpha2='CN', alpha3='CHN')
    >>> "XKX" in codes
    False
    """
    countries = {country.code for country in gazetteer.countries}
    seen: dict[str, set[str]] = {"code": set(), "alpha2": set(), "alpha3": set()}
    codes: dict[str, IsoCodes] = {}
    for row in read_table("country_codes.tsv", folder, ("code", "alpha2", "alpha3")):
        code = row.known("code", countries, _COUNTRY_CODE)
        row.unique("code", seen["code"])
        for column, length in _ISO_LENGTHS:
            value = row.required(column)
            if len(value) != length or not (value.isascii() and value.isalpha() and value.isupper()):
                row.fail("KG024", f"{column} {value!r} is not {length} capital letters A-Z, as ISO 3166-1 "
                         f"{column} codes are; correct the cell")
            row.unique(column, seen[column])
        codes[code] = IsoCodes(alpha2=row.text("alpha2"), alpha3=row.text("alpha3"))
    return codes


@dataclass(frozen=True, slots=True)
class Capital:
    """Where a country's capital stands.

    Parameters
    ----------
    name:
        The capital, as the first capital of its country in ``countries.tsv``.
    latitude, longitude:
        WGS 84 decimal degrees.
    """

    name: str
    latitude: float
    longitude: float


def _degrees(row: Row, column: str, limit: int) -> float:
    text = row.required(column)
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not -limit <= value <= limit:
        row.fail("KG024", f"{column} {text!r} is not a number of degrees from -{limit} to {limit}; "
                 "correct the cell")
    return value


def read_capital_coordinates(folder: Path | None, gazetteer: Gazetteer) -> dict[str, Capital]:
    """``country code -> where its capital stands``, from ``capital_coordinates.tsv``.

    A capital with no row has no coordinates: exports leave them empty rather than guess.

    Raises
    ------
    KgError
        When the table is malformed (``KG021``-``KG023``), a latitude or longitude is no
        number of degrees in range or a geonameid no number (``KG024``), a country is listed
        twice (``KG025``), or a row names a country ``countries.tsv`` lacks or a capital that is
        not that country's first (``KG026``).

    Examples
    --------
    >>> read_capital_coordinates(None, read_gazetteer(None))["AUT"]
    Capital(name='Vienna', latitude=48.20849, longitude=16.37208)
    """
    capitals = {c.code: c.capitals[0] for c in gazetteer.countries if c.capitals}
    seen: set[str] = set()
    found: dict[str, Capital] = {}
    for row in read_table("capital_coordinates.tsv", folder, ("code", "capital", "latitude", "longitude",
                                                                "geonameid")):
        code = row.known("code", capitals, "country of countries.tsv with a capital")
        row.unique("code", seen)
        if row.required("capital") != capitals[code]:
            row.fail("KG026", f"capital {row.text('capital')!r} is not the first capital of {code} in "
                     f"countries.tsv ({capitals[code]!r}); correct the cell")
        if not row.required("geonameid").isdigit():
            row.fail("KG024", f"geonameid {row.text('geonameid')!r} is not a number; correct the cell")
        found[code] = Capital(capitals[code], _degrees(row, "latitude", 90), _degrees(row, "longitude", 180))
    return found
