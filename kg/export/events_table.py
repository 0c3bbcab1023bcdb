"""The events as an analyst's table: one row per event and pair of its actors.

In the spirit of the GDELT and ACLED exports, each row says when (the date, its
precision, and its year, month and day as numbers), what (the kind, PLOVER type and
mode, status), who (actor 1 and actor 2: label, kind, country, ISO 3166-1 codes),
where (the place, its country and codes), about what (the issues), and on what
evidence (how many sources, the first one and its address, one sentence) an event is.
:data:`COLUMNS` names every column, its pandas dtype and what it holds; ``README.md``
lists them too.

Rows
----
An event with actors A, B, C gives the rows A-B, A-C, B-C: its actors in order (a
visit's traveller first, then by label), each pair once. A visit by one traveller pairs
them with the country they visit (the destination, or the country the destination
lies in), as event data sets name a visit's host. An event with a single actor and no
such host gives one row with actor 2 empty. Rows are in date order (undated events
last), then by event id and pair, so the same graph gives the same bytes.

The sources of an event are the articles of its evidence, earliest published first. The
sentence of a row is one of the event's evidence that names both its actors (by label or
alias) where one does, taken from the latest article (the latest report knows most of
how it went), and an article's title only when nothing else is left (a headline says
too little to cite).

Formats
-------
``events.csv`` is RFC 4180 CSV in UTF-8 with a header row and ``\\n`` line ends; an
empty cell is a value the graph does not have. ``events.jsonl`` holds the same rows as
JSON Lines, one object per row with the columns as keys in the same order, ``null``
for an empty cell, numbers as numbers.

A place has coordinates only when it is a capital whose coordinates ``capital_coordinates.tsv``
holds (from GeoNames, where one city alone matches): none are guessed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from types import MappingProxyType

import networkx as nx

from kg.kinds import EVENT_ROWS
from kg.types import DocumentInfo, Evidence
from kg.vocab import EntityKind, Relation

__all__ = ["COLUMNS", "CSV_NAME", "DTYPES", "JSONL_NAME", "Cell", "Column", "event_rows", "iter_events_csv",
           "iter_events_jsonl", "table_makers"]

CSV_NAME = "events.csv"
"""The name ``kg build`` gives the table in its output folder."""
JSONL_NAME = "events.jsonl"
"""The name of its JSON Lines twin."""

Cell = str | int | float | None
"""One cell of the table: ``None`` where the graph has no value."""


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the table."""

    name: str
    dtype: str
    """The pandas dtype it reads as: ``"string"``, ``"Int64"`` or ``"Float64"`` (each allows a
    missing value)."""
    meaning: str


def _actor_columns(n: int) -> tuple[Column, ...]:
    return (
        Column(f"actor{n}_id", "string", f"the IRI of actor {n}"),
        Column(f"actor{n}_label", "string", f"actor {n}'s name"),
        Column(f"actor{n}_kind", "string", "person, country, organization, office or place"),
        Column(f"actor{n}_country", "string", f"the country actor {n} acts for (a country: itself)"),
        Column(f"actor{n}_iso2", "string", "that country's ISO 3166-1 alpha-2 code"),
        Column(f"actor{n}_iso3", "string", "that country's ISO 3166-1 alpha-3 code"),
    )


COLUMNS: tuple[Column, ...] = (
    Column("event_id", "string", "the event's IRI, as in the graph and the RDF"),
    Column("date", "string", "YYYY-MM-DD, YYYY-MM or YYYY, as precise as the text"),
    Column("date_precision", "string", "day, month, year or none"),
    Column("year", "Int64", "the date's year"),
    Column("month", "Int64", "its month, when known"),
    Column("day", "Int64", "its day, when known"),
    Column("kind", "string", "meeting, phone_call, visit, dispute or cooperation"),
    Column("plover_type", "string", "the PLOVER event type (CONSULT, AGREE, DISAPPROVE...)"),
    Column("plover_mode", "string", "the PLOVER mode of a CONSULT event (visit, phone...)"),
    Column("status", "string", "occurred, planned, possible, postponed, cancelled or declined"),
    *_actor_columns(1),
    *_actor_columns(2),
    Column("place_id", "string", "the IRI of where it took place"),
    Column("place_label", "string", "the place's name"),
    Column("place_country", "string", "the country it lies in (a country: itself)"),
    Column("place_iso2", "string", "that country's ISO 3166-1 alpha-2 code"),
    Column("place_iso3", "string", "that country's ISO 3166-1 alpha-3 code"),
    Column("place_latitude", "Float64", "where the place stands (WGS 84 degrees), for a capital when known"),
    Column("place_longitude", "Float64", "the same, east of Greenwich"),
    Column("issues", "string", 'the issues\' labels, joined with "; "'),
    Column("sources", "Int64", "how many articles tell of the event"),
    Column("first_source", "string", "the earliest of them (its file name)"),
    Column("first_source_url", "string", "its url from metadata.csv, when known"),
    Column("evidence", "string", "one sentence that tells of the event"),
)
"""Every column of the table, in order."""

DTYPES: Mapping[str, str] = MappingProxyType({column.name: column.dtype for column in COLUMNS})
"""``column -> pandas dtype``: ``pd.read_csv(path, dtype=DTYPES, keep_default_na=False, na_values=[""])``."""

_NO_DATE = "none"
_ISSUE_SEPARATOR = "; "


@dataclass(frozen=True, slots=True)
class _Actor:
    """Who an actor is, with the country they act for."""

    iri: str
    label: str
    kind: str
    country: str | None


_Pair = tuple[_Actor | None, _Actor | None]


def _country_of(G: nx.MultiDiGraph, iri: str) -> str | None:
    data = G.nodes[iri]
    if data["kind"] == EntityKind.COUNTRY:
        return iri
    country = data.get("country")
    return country if country in G else None


def _actor(G: nx.MultiDiGraph, iri: str) -> _Actor:
    data = G.nodes[iri]
    return _Actor(iri, data["label"], data["kind"], _country_of(G, iri))


def _country_cells(G: nx.MultiDiGraph, country: str | None) -> list[Cell]:
    """The label and the two ISO codes of ``country`` (empty when there is none)."""
    if country is None:
        return [None, None, None]
    data = G.nodes[country]
    return [data["label"], data.get("iso_alpha2"), data.get("iso_alpha3")]


def _actor_cells(G: nx.MultiDiGraph, actor: _Actor | None) -> list[Cell]:
    if actor is None:
        return [None] * 6
    return [actor.iri, actor.label, actor.kind, *_country_cells(G, actor.country)]


def _targets(G: nx.MultiDiGraph, event: str, relation: Relation) -> list[str]:
    # A target has at most one edge of a relation (edge keys are unique per pair): a look
    # in each target's keys spares an edge view per call and a tuple per edge.
    key = relation.value
    return sorted(v for v, keys in G.succ[event].items() if key in keys)


def _actors(G: nx.MultiDiGraph, event: str) -> list[_Actor]:
    """The event's actors: its traveller first, then the others by label."""
    travellers = _targets(G, event, Relation.TRAVELLER)
    others = set(_targets(G, event, EVENT_ROWS[G.nodes[event]["kind"]].actor)) - set(travellers)
    rest = sorted((_actor(G, iri) for iri in others), key=lambda a: (a.label.casefold(), a.iri))
    return [*(_actor(G, iri) for iri in travellers), *rest]


def _pairs(G: nx.MultiDiGraph, event: str) -> list[_Pair]:
    """The pairs of actors the event gives rows to (see the module docstring)."""
    actors = _actors(G, event)
    if len(actors) >= 2:
        return list(combinations(actors, 2))
    hosts = [_country_of(G, d) for d in _targets(G, event, Relation.DESTINATION)]
    host = next((_actor(G, h) for h in hosts if h is not None), None)
    return [(actors[0] if actors else None, host)]


def _date_cells(data: Mapping[str, object]) -> list[Cell]:
    date = str(data.get("date") or "")
    if not date:
        return [None, _NO_DATE, None, None, None]
    parts: list[Cell] = [int(part) for part in date.split("-")]
    return [date, str(data["date_precision"]), *parts, *[None] * (3 - len(parts))]


def _place_cells(G: nx.MultiDiGraph, event: str) -> list[Cell]:
    places = _targets(G, event, Relation.PLACE)
    if not places:
        return [None] * 7
    place = places[0]
    data = G.nodes[place]
    return [place, data["label"], *_country_cells(G, _country_of(G, place)), data.get("latitude"),
            data.get("longitude")]


def _published_order(documents: Mapping[str, DocumentInfo], doc_id: str) -> tuple[bool, dt.date, str]:
    published = documents[doc_id].published if doc_id in documents else None
    return published is None, published or dt.date.min, doc_id


@dataclass(frozen=True, slots=True)
class _Sources:
    """The articles behind one event, earliest first, and its sentences to cite, best first."""

    documents: tuple[str, ...]
    sentences: tuple[Evidence, ...]
    """Latest article first (the latest report knows most of how it went), in text order within
    one; an article's title after every other sentence."""


def _sources(G: nx.MultiDiGraph, evidence: Sequence[Evidence]) -> _Sources:
    documents: Mapping[str, DocumentInfo] = G.graph.get("documents", {})
    sources = sorted({ev.doc_id for ev in evidence}, key=lambda d: _published_order(documents, d))
    order = {doc_id: n for n, doc_id in enumerate(sources)}

    def headline(ev: Evidence) -> bool:
        title = documents[ev.doc_id].title if ev.doc_id in documents else None
        return bool(title) and ev.text.strip() == str(title).strip()

    told = sorted(evidence, key=lambda ev: (headline(ev), -order[ev.doc_id], ev.start, ev.end))
    return _Sources(tuple(sources), tuple(told))


def _source_cells(G: nx.MultiDiGraph, sources: _Sources, pair: _Pair) -> list[Cell]:
    """How many articles, the first and its url, and the sentence to cite for ``pair``: the first
    that names both actors (by label or alias) when one does."""
    if not sources.documents:
        return [0, None, None, None]
    names = [_names(G, actor.iri) for actor in pair if actor is not None]
    naming = (ev for ev in sources.sentences if all(any(n in ev.text for n in ns) for ns in names))
    sentence = next(naming, sources.sentences[0])
    first = sources.documents[0]
    info = G.graph.get("documents", {}).get(first)
    return [len(sources.documents), first, info.url if info is not None else None, sentence.text]


def _names(G: nx.MultiDiGraph, iri: str) -> tuple[str, ...]:
    data = G.nodes[iri]
    return (data["label"], *data.get("aliases", ()))


def _sort_key(row: Sequence[Cell]) -> tuple[bool, str, str]:
    date = row[1]
    return date is None, str(date or ""), str(row[0])


def event_rows(G: nx.MultiDiGraph) -> Iterator[list[Cell]]:
    """Every row of the table, as a list of cells in the order of :data:`COLUMNS`.

    Reads ``G`` only. Rows come in date order, undated events last, then by event id
    and by pair (see the module docstring).

    Examples
    --------
    >>> G = nx.MultiDiGraph(documents={})
    >>> G.add_node("urn:chad", kind="country", label="Chad", iso_alpha2="TD", iso_alpha3="TCD")
    >>> G.add_node("urn:ann", kind="person", label="Ann Roe", country="urn:chad")
    >>> G.add_node("urn:visit", kind="visit", label="Visit", status="occurred", plover="CONSULT",
    ...            mode="visit", date="2031-05", date_precision="month", evidence=())
    >>> G.add_edge("urn:visit", "urn:ann", key="participant")
    'participant'
    >>> G.add_edge("urn:visit", "urn:ann", key="traveller")
    'traveller'
    >>> G.add_edge("urn:visit", "urn:chad", key="destination")
    'destination'
    >>> row = dict(zip((c.name for c in COLUMNS), next(event_rows(G))))
    >>> row["date"], row["year"], row["month"], row["day"]
    ('2031-05', 2031, 5, None)
    >>> row["actor1_label"], row["actor1_iso3"], row["actor2_label"], row["actor2_iso2"]
    ('Ann Roe', 'TCD', 'Chad', 'TD')
    """
    rows: list[list[Cell]] = []
    for event, data in G.nodes(data=True):
        if data["kind"] not in EVENT_ROWS:
            continue
        issues = sorted((G.nodes[i]["label"] for i in data.get("issues", ()) if i in G), key=str.casefold)
        head: list[Cell] = [event, *_date_cells(data), data["kind"], data.get("plover"), data.get("mode"),
                            data.get("status")]
        place: list[Cell] = [*_place_cells(G, event), _ISSUE_SEPARATOR.join(issues) or None]
        sources = _sources(G, data.get("evidence", ()))
        for pair in _pairs(G, event):
            rows.append([*head, *_actor_cells(G, pair[0]), *_actor_cells(G, pair[1]), *place,
                         *_source_cells(G, sources, pair)])
    rows.sort(key=_sort_key)
    yield from rows


def iter_events_csv(G: nx.MultiDiGraph, rows: Iterable[Sequence[Cell]] | None = None) -> Iterator[str]:
    """``events.csv`` in pieces, a row at a time: the header, then :func:`event_rows` (or ``rows``,
    those of ``G`` made already)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")

    def line(cells: Sequence[Cell]) -> str:
        writer.writerow(["" if cell is None else cell for cell in cells])
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    yield line([column.name for column in COLUMNS])
    for row in event_rows(G) if rows is None else rows:
        yield line(row)


def iter_events_jsonl(G: nx.MultiDiGraph, rows: Iterable[Sequence[Cell]] | None = None) -> Iterator[str]:
    """``events.jsonl`` in pieces: one JSON object per row of :func:`event_rows` (or ``rows``,
    those of ``G`` made already), one a line.

    Examples
    --------
    >>> list(iter_events_jsonl(nx.MultiDiGraph(documents={})))
    []
    """
    names = [column.name for column in COLUMNS]
    for row in event_rows(G) if rows is None else rows:
        yield json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False) + "\n"


def table_makers(G: nx.MultiDiGraph) -> tuple[Callable[[], Iterator[str]], Callable[[], Iterator[str]]]:
    """The makers of ``events.csv`` and ``events.jsonl`` (:func:`iter_events_csv`,
    :func:`iter_events_jsonl`), which make the rows of ``G`` once for the two.

    The first maker called makes the rows and keeps them; the other takes them and lets
    them go. The rows are a list in memory in either export already (they are sorted).

    Examples
    --------
    >>> csv_text, jsonl_text = table_makers(nx.MultiDiGraph(documents={}))
    >>> "".join(csv_text()).startswith("event_id,"), list(jsonl_text())
    (True, [])
    """
    kept: list[list[list[Cell]]] = []

    def rows() -> list[list[Cell]]:
        if kept:
            return kept.pop()
        made = list(event_rows(G))
        kept.append(made)
        return made

    return lambda: iter_events_csv(G, rows()), lambda: iter_events_jsonl(G, rows())
