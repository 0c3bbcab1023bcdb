"""World knowledge read from the package's data files: countries, places and organisations.

The data files in ``kg/data`` are UTF-8, tab-separated tables with a header row; lines
starting with ``#`` and blank lines are ignored, and ``|`` separates several values in one
cell. :func:`read_table` reads any of them; :func:`load_gazetteer` turns the four
gazetteer tables (``countries.tsv``, ``cities.tsv``, ``regions.tsv``,
``organizations.tsv``) into immutable records that the rule compiler and the resolver share.

Nothing here comes from any one article: these are facts about the world (names, codes,
capitals), never about the people in the news.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

__all__ = [
    "City",
    "Country",
    "Gazetteer",
    "Organization",
    "Region",
    "load_gazetteer",
    "read_table",
    "split_cell",
]

SEPARATOR = "|"
"""Separates several values in one cell of a data file."""


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
    >>> gaz = load_gazetteer()
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


def _source(name: str, data_dir: Path | None) -> tuple[str, str]:
    """The text of data file ``name`` and a path to name it by in messages."""
    if data_dir is None:
        resource = resources.files("kg") / "data" / name
        return resource.read_text(encoding="utf-8-sig"), str(resource)
    path = Path(data_dir) / name
    return path.read_text(encoding="utf-8-sig"), str(path)


def read_table(
    name: str, data_dir: Path | None = None, *, columns: Sequence[str] = ()
) -> list[dict[str, str]]:
    """Read the tab-separated data file ``name`` into one dict per row, keyed by the header.

    Blank lines and lines starting with ``#`` are skipped; the first other line is the header.
    Cells are returned as written (``|``-separated values are left for the caller to split).

    Parameters
    ----------
    name:
        File name inside the data folder, e.g. ``"countries.tsv"``.
    data_dir:
        Folder to read from; the package's own ``kg/data`` when ``None``.
    columns:
        Column names the header must contain (checked only when given).

    Returns
    -------
    list[dict[str, str]]
        The rows in file order.

    Raises
    ------
    FileNotFoundError
        If the file does not exist.
    ValueError
        If the file has no header, the header lacks one of ``columns``, or a row has the wrong
        number of columns; the message names the file and line.

    Examples
    --------
    >>> rows = read_table("countries.tsv")
    >>> next(r for r in rows if r["code"] == "USA")["name"]
    'United States'
    """
    text, where = _source(name, data_dir)
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            missing = [c for c in columns if c not in header]
            if missing:
                raise ValueError(f"{where}:{number}: header lacks column(s) {', '.join(missing)}")
            continue
        if len(cells) != len(header):
            raise ValueError(
                f"{where}:{number}: expected {len(header)} tab-separated columns "
                f"({', '.join(header)}), found {len(cells)}"
            )
        rows.append(dict(zip(header, cells, strict=True)))
    if header is None:
        raise ValueError(f"{where}: no header row")
    return rows


def split_cell(cell: str) -> tuple[str, ...]:
    """The ``|``-separated values of one cell, stripped, empty ones dropped."""
    return tuple(value.strip() for value in cell.split(SEPARATOR) if value.strip())


@lru_cache(maxsize=8)
def load_gazetteer(data_dir: Path | None = None) -> Gazetteer:
    """Read the four gazetteer tables of ``data_dir`` (the package's data when ``None``).

    The result is cached per ``data_dir``; it is immutable, so sharing it is safe.

    Raises
    ------
    ValueError
        If a table is malformed or two countries share a code.

    Examples
    --------
    >>> gaz = load_gazetteer()
    >>> "U.S." in gaz.country("USA").aliases
    True
    >>> next(o.country for o in gaz.organizations if o.name == "CIA")
    'USA'
    """
    countries = tuple(
        Country(
            code=row["code"].strip(),
            name=row["name"].strip(),
            aliases=split_cell(row["aliases"]),
            demonyms=split_cell(row["demonyms"]),
            capitals=split_cell(row["capitals"]),
            combining=split_cell(row["combining"]),
        )
        for row in read_table(
            "countries.tsv",
            data_dir,
            columns=("code", "name", "aliases", "demonyms", "capitals", "combining"),
        )
    )
    cities = tuple(
        City(name=row["name"].strip(), aliases=split_cell(row["aliases"]), country=row["country"].strip())
        for row in read_table("cities.tsv", data_dir, columns=("name", "aliases", "country"))
    )
    regions = tuple(
        Region(name=row["name"].strip(), aliases=split_cell(row["aliases"]), kind=row["kind"].strip())
        for row in read_table("regions.tsv", data_dir, columns=("name", "aliases", "kind"))
    )
    organizations = tuple(
        Organization(
            name=row["name"].strip(),
            aliases=split_cell(row["aliases"]),
            country=row["country"].strip(),
            type=row["type"].strip(),
        )
        for row in read_table("organizations.tsv", data_dir, columns=("name", "aliases", "country", "type"))
    )
    return Gazetteer(countries, cities, regions, organizations)
