"""The graph as one self-contained interactive HTML page, drawn from its pyvis network.

The page is rendered from the :class:`~kg.export.pyvis.KgNetwork` that
:func:`~kg.export.pyvis.to_pyvis` makes of ``G``: it draws that network's nodes and
edges with its options, and adds what only the page shows, computed here on the side
from ``G`` (which is never changed): the legend, header figures, the time axis, the
panel's facts and evidence per node and edge (every edge gets sentences: its own, or
those of its ends that name the other), and the actor-to-actor edges of the view
without events. Headlines are not evidence; names are marked in the sentences.

The page needs no network: the vis-network script comes from the copy inside the
installed ``pyvis`` package and our own template, style sheet and script from
``kg/data/``; all are written in line. The page's data is one JSON document inside
``<script type="application/json">`` with ``<``, ``>``, ``&`` and ``'`` escaped, so
article text can never close the script element; the page script renders every piece
of text with ``textContent``.

The page opens on the people view (:func:`~kg.export.pyvis.people_view`); a full view
draws every node. A people view of more than ``max_nodes`` nodes opens reduced (the
most connected people and their events), as the page announces; every node is still
in the page.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx
import pyvis
from markupsafe import Markup

from kg.export.pyvis import (
    ABOUT_KEYS,
    ACTOR_RELATIONS,
    KIND_STYLES,
    MAX_NODES,
    POLYGONS,
    KgNetwork,
    kind_name,
    kind_style,
    to_pyvis,
)
from kg.export.streams import Lazy, compact_pieces
from kg.kinds import EVENT_ROWS
from kg.types import DocumentInfo, Evidence
from kg.vocab import EntityKind, Relation, Status

__all__ = ["MAX_NODES", "iter_html", "iter_page", "page_data", "to_html"]

MAX_EVIDENCE = 40
"""Evidence sentences written per node or edge; the panel says how many more there are."""

_EVENT_KINDS = frozenset(EVENT_ROWS)

# What each relation makes its target to its source, as the panel lists it.
_FACT_NAMES = {
    Relation.HOLDS_OFFICE.value: "offices",
    Relation.HELD_OFFICE.value: "former offices",
    Relation.OFFICE_OF.value: "office of",
    Relation.COUNTRY.value: "country",
    Relation.PARTICIPANT.value: "participants",
    Relation.PARTY.value: "participants",
    Relation.TRAVELLER.value: "traveller",
    Relation.DESTINATION.value: "destination",
    Relation.PLACE.value: "place",
    Relation.ISSUE.value: "issues",
}

_STATUS_ORDER = [s.value for s in Status]

# What Jinja's tojson escapes, so that no text can end the JSON script element.
_HTML_SAFE = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026", ord("'"): "\\u0027"}
# Where the page's JSON goes; the template's own text never holds it (checked at split).
_DATA_SLOT = "\x00kg-data\x00"


class _Sentences:
    """The evidence the page writes: distinct sentences, headlines left out (a headline
    restates; it is no evidence), and where the names they are cited for stand in them.

    Items are ``[doc number, text, marks]`` with ``marks`` the flat ``[start, end, ...]``
    offsets of each name in the text, in UTF-16 code units as the page's script counts.
    """

    def __init__(self, G: nx.MultiDiGraph, doc_index: Mapping[str, int]) -> None:
        self.G = G
        self.doc_index = doc_index
        documents: Mapping[str, DocumentInfo] = G.graph.get("documents", {})
        self.headlines = {doc_id: " ".join(info.title.split()) for doc_id, info in documents.items()
                          if info.title}
        # Per node, as the edges of a node each ask again.
        self._patterns: dict[str, re.Pattern[str] | None] = {}
        self._own: dict[str, list[Evidence]] = {}
        self._kept: dict[str, dict[tuple[str, int, int], int]] = {}

    def pattern(self, node: str) -> re.Pattern[str] | None:
        """A node's name and aliases as whole words, longest first."""
        if node not in self._patterns:
            data = self.G.nodes[node]
            names = sorted({n for n in (data.get("label", ""), *data.get("aliases", ())) if n.strip()},
                           key=lambda n: (-len(n), n))
            self._patterns[node] = (re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")
                                    if names else None)
        return self._patterns[node]

    def evidence(self, node: str) -> list[Evidence]:
        """A node's distinct sentences in reading order, headlines left out."""
        if node not in self._own:
            self._own[node] = self.unique(self.G.nodes[node].get("evidence", ()))
        return self._own[node]

    def naming(self, items: Iterable[Evidence], node: str) -> list[Evidence]:
        """The sentences among ``items`` that name ``node``."""
        pattern = self.pattern(node)
        return [e for e in items if pattern is not None and pattern.search(e.text)]

    def unique(self, items: Iterable[Evidence]) -> list[Evidence]:
        """Distinct sentences in reading order, headlines left out."""
        return sorted({(e.doc_id, e.start, e.end): e for e in items
                       if " ".join(e.text.split()) != self.headlines.get(e.doc_id)}.values())

    def patterns(self, names: Iterable[str]) -> list[re.Pattern[str]]:
        """The patterns of the nodes ``names``, those that have a name."""
        return [p for p in map(self.pattern, names) if p is not None]

    def written(self, items: Iterable[Evidence], names: Iterable[str], distinct: bool = False
                ) -> tuple[list[list[Any]], int]:
        """Distinct sentences in reading order, the names of the nodes ``names`` marked, and
        how many were left out past :data:`MAX_EVIDENCE`; ``distinct``: ``items`` are so already."""
        unique = list(items) if distinct else self.unique(items)
        patterns = self.patterns(names)
        kept = [[self.doc_index.get(e.doc_id, -1), e.text, _marks(e.text, patterns)]
                for e in unique[:MAX_EVIDENCE]]
        return kept, max(0, len(unique) - MAX_EVIDENCE)

    def picked(self, items: Iterable[Evidence], node: str, names: Iterable[str], distinct: bool = False
               ) -> list[list[Any]] | None:
        """``items`` as ``[index, marks]`` into the sentences :meth:`written` gives ``node``, when
        it gives them all: an event's participant edges then repeat no sentence of the event.
        ``distinct``: ``items`` are distinct and in reading order already."""
        if node not in self._kept:
            self._kept[node] = {(e.doc_id, e.start, e.end): i
                                for i, e in enumerate(self.evidence(node)[:MAX_EVIDENCE])}
        kept = self._kept[node]
        unique = list(items) if distinct else self.unique(items)
        if not all((e.doc_id, e.start, e.end) in kept for e in unique):
            return None
        patterns = self.patterns(names)
        return [[kept[e.doc_id, e.start, e.end], _marks(e.text, patterns)] for e in unique]


def _marks(text: str, patterns: Iterable[re.Pattern[str]]) -> list[int]:
    """Where the patterns match in ``text``, as flat UTF-16 offsets, overlaps dropped."""
    patterns = list(patterns)
    marks: list[int] = []
    if len(patterns) == 1:
        # One pattern's matches are in order and never overlap (no name is empty).
        for match in patterns[0].finditer(text):
            marks += match.span()
    else:
        spans = sorted({m.span() for p in patterns for m in p.finditer(text)}, key=lambda s: (s[0], -s[1]))
        for start, end in spans:
            if marks and start < marks[-1]:
                continue
            marks += [start, end]
    if text.isascii():
        return marks
    return [len(text[:i].encode("utf-16-le")) // 2 for i in marks]


def _edge_evidence(sentences: _Sentences, u: str, v: str, key: str) -> tuple[list[Evidence], bool]:
    """The sentences behind an edge: its own; else its source's sentences that name its target
    (an event's that name the participant, or all the event's when none does); else its
    target's that name its source. And whether they are distinct and in reading order
    already (all but the edge's own are taken from a node's)."""
    own = sentences.G.edges[u, v, key].get("evidence", ())
    if own:
        return list(own), False
    from_source = sentences.naming(sentences.evidence(u), v)
    if from_source:
        return from_source, True
    if kind_style(sentences.G.nodes[u].get("kind", "")).event:
        return list(sentences.evidence(u)), True
    return sentences.naming(sentences.evidence(v), u), True


def _months(G: nx.MultiDiGraph) -> dict[str, Any]:
    """The time axis: the first and last month any event is dated in, and how many are undated."""
    events = [d for _, d in G.nodes(data=True) if d.get("kind") in _EVENT_KINDS]
    dates = sorted(d["date"] for d in events if d.get("date"))
    undated = sum(1 for d in events if not d.get("date"))
    if not dates:
        return {"undated": undated}
    first = dates[0][:7] if len(dates[0]) > 4 else dates[0] + "-01"
    last = max(d[:7] if len(d) > 4 else d + "-12" for d in dates)
    return {"first": first, "last": last, "undated": undated}


def _date_range(G: nx.MultiDiGraph, documents: Iterable[DocumentInfo]) -> dict[str, str]:
    event_dates = sorted(d["date"] for _, d in G.nodes(data=True) if d.get("kind") in _EVENT_KINDS
                         and d.get("date"))
    if event_dates:
        return {"from": event_dates[0], "to": event_dates[-1], "source": "events"}
    published = sorted(d.published.isoformat() for d in documents if d.published)
    if published:
        return {"from": published[0], "to": published[-1], "source": "articles"}
    return {}


_HOLDS, _HELD = Relation.HOLDS_OFFICE.value, Relation.HELD_OFFICE.value


class _FactOrder:
    """How the panel orders a node's neighbours, worked out once per node of the graph:
    by label (then id), and events by date (the undated last), then label."""

    def __init__(self, G: nx.MultiDiGraph) -> None:
        self.kind = {node: data.get("kind") for node, data in G.nodes(data=True)}
        self.label = {node: (str(data.get("label", node)), node) for node, data in G.nodes(data=True)}
        self.date = {node: (str(data.get("date", "9999")), self.label[node])
                     for node, data in G.nodes(data=True)}


def _node_facts(G: nx.MultiDiGraph, node: str, order: _FactOrder) -> dict[str, list[str]]:
    """The neighbours the panel lists, by what they are to the node, as node ids: offices,
    holders, place, participants..., and the events it takes part in by date."""
    facts: dict[str, list[str]] = defaultdict(list)
    for target, keys in G.succ[node].items():
        for key in keys:
            if key in _FACT_NAMES:
                facts[_FACT_NAMES[key]].append(target)
    for source, keys in G.pred[node].items():
        for key in keys:
            if key == _HOLDS:
                facts["held by"].append(source)
            elif key == _HELD:
                facts["formerly held by"].append(source)
            elif order.kind[source] in _EVENT_KINDS:
                facts["events"].append(source)
    return {k: sorted(set(v), key=(order.date if k == "events" else order.label).__getitem__)
            for k, v in facts.items()}


def _drawn(item: Mapping[str, Any]) -> dict[str, Any]:
    """A network's node or edge as the page draws it: without what its own data shows."""
    return {key: value for key, value in item.items() if key not in ABOUT_KEYS}


def _page(net: KgNetwork) -> dict[str, Any]:
    """What :func:`page_data` gives, with the per-node and per-edge parts left :class:`Lazy`."""
    G = net.graph
    documents: dict[str, DocumentInfo] = dict(G.graph.get("documents", {}))
    doc_ids = sorted(documents)
    doc_index = {doc_id: i for i, doc_id in enumerate(doc_ids)}
    degree = dict(G.degree())
    kinds = Counter(data.get("kind", "") for _, data in G.nodes(data=True))
    sentences = _Sentences(G, doc_index)
    order = _FactOrder(G)

    # The panel, search and filters know the graph's nodes and edges: the page draws
    # those, as the network styles them, and nothing added to the network alone.
    graph_edges = [e for e in net.edges if "relation" in e and G.has_edge(e["from"], e["to"], e["relation"])]

    def nodes() -> Iterator[dict[str, Any]]:
        return (_drawn(node) for node in net.nodes if node["id"] in G)

    def info() -> Iterator[tuple[str, dict[str, Any]]]:
        for node in sorted(G.nodes):
            data = G.nodes[node]
            event = kind_style(data.get("kind", "")).event
            # An event's sentences are marked where they name its actors, place and issues.
            names = sorted(set(G.successors(node))) if event else [node]
            evidence, more = sentences.written(data.get("evidence", ()), names)
            entry: dict[str, Any] = {
                "name": data.get("label", node),
                "kind": data.get("kind", ""),
                "aliases": list(data.get("aliases", ())),
                "evidence": evidence,
                "more": more,
                "docs": sorted({doc_index[e.doc_id] for e in data.get("evidence", ())
                                if e.doc_id in doc_index}),
                "facts": _node_facts(G, node, order),
                "degree": degree[node],
                "core": node in net.core,
                "people": node in net.people.nodes,
            }
            for field in ("date", "date_precision", "status", "mode", "plover"):
                if data.get(field):
                    entry[field] = data[field]
            if event:
                entry["event"] = True
            yield node, entry

    def edges() -> Iterator[dict[str, Any]]:
        yield from map(_drawn, graph_edges)
        for i, (u, v, label, colour) in enumerate(_projected_edges(G)):
            yield {"id": f"p{i}", "from": u, "to": v, "label": label, "projected": True,
                   "color": {"color": colour, "opacity": 0.9}, "width": 3,
                   "arrows": {"to": {"enabled": False}}}

    def edge_info() -> Iterator[tuple[str, dict[str, Any]]]:
        for edge in sorted(graph_edges, key=lambda e: e["id"]):
            u, v, relation = edge["from"], edge["to"], edge["relation"]
            names = [v] if kind_style(G.nodes[u].get("kind", "")).event else [u, v]
            items, distinct = _edge_evidence(sentences, u, v, relation)
            entry: dict[str, Any] = {"relation": str(relation)}
            picks = sentences.picked(items, u, names, distinct)
            if picks is not None:
                entry["picks"] = picks
            else:
                entry["evidence"], entry["more"] = sentences.written(items, names, distinct)
            if (u, v, relation) in net.people.edges:
                entry["people"] = True
            yield edge["id"], entry

    events = sum(n for kind, n in kinds.items() if kind in _EVENT_KINDS)
    statuses = sorted({str(d["status"]) for _, d in G.nodes(data=True) if d.get("status")},
                      key=lambda s: (_STATUS_ORDER.index(s) if s in _STATUS_ORDER else 99, s))
    legend: list[dict[str, Any]] = []
    for kind in [*KIND_STYLES, *sorted(set(kinds) - set(KIND_STYLES))]:
        style = kind_style(kind)
        legend.append({"kind": kind, "name": kind_name(kind), "colour": style.colour, "shape": style.shape,
                       "points": POLYGONS.get(style.shape, ""), "event": style.event,
                       "count": kinds.get(kind, 0)})
    return {
        "meta": {
            "articles": len(documents),
            "people": kinds.get(EntityKind.PERSON.value, 0),
            "events": events,
            "nodes": G.number_of_nodes(),
            "edges": G.number_of_edges(),
            "dates": _date_range(G, documents.values()),
            "timeline": _months(G),
            "reduced": len(net.core) < len(net.people.nodes),
            "coreNodes": len(net.core),
            "version": str(G.graph.get("kg_version", "")),
        },
        "kinds": legend,
        "statuses": statuses,
        "documents": [{"id": d, "title": info.title or "", "url": info.url or "",
                       "published": info.published.isoformat() if info.published else ""}
                      for d, info in sorted(documents.items())],
        "nodes": Lazy(nodes),
        "edges": Lazy(edges),
        "info": Lazy(info, pairs=True),
        "edgeInfo": Lazy(edge_info, pairs=True),
        "options": net.options,
    }



def page_data(G: nx.MultiDiGraph, max_nodes: int = MAX_NODES) -> dict[str, Any]:
    """Everything the page shows, as plain JSON-ready values; ``G`` is not changed.

    Parameters
    ----------
    G
        A graph as made by :func:`kg.graph.to_graph`.
    max_nodes
        Graphs with more nodes start on a reduced view of the ``REDUCED_NODES``
        most connected nodes (never more than ``max_nodes``).

    Returns
    -------
    dict
        ``meta`` (header figures), ``kinds`` (legend), ``statuses``, ``documents``,
        ``nodes`` and ``edges`` (vis-network items), ``info`` (per node id: name,
        kind, aliases, facts, evidence), ``edgeInfo`` and ``options``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(documents={})
    >>> G.add_node("p", kind="person", label="Ada", aliases=["A."], evidence=())
    >>> data = page_data(G)
    >>> data["nodes"][0]["label"], data["info"]["p"]["aliases"], data["meta"]["people"]
    ('Ada', ['A.'], 1)
    """
    page = _page(to_pyvis(G, max_nodes))
    return {key: value.made() if isinstance(value, Lazy) else value for key, value in page.items()}


def _projected_edges(G: nx.MultiDiGraph) -> list[tuple[str, str, str, str]]:
    """Actor-to-actor edges standing for events, shown when event nodes are hidden."""
    out = []
    for event, data in G.nodes(data=True):
        kind = data.get("kind")
        if kind not in _EVENT_KINDS:
            continue
        actors = sorted({v for _, v, key in G.out_edges(event, keys=True) if key in ACTOR_RELATIONS})
        destinations = sorted({v for _, v, key in G.out_edges(event, keys=True)
                               if key == Relation.DESTINATION.value})
        verb = EVENT_ROWS[kind].verb
        label = f"{verb} {data['date']}" if data.get("date") else verb
        colour = kind_style(kind).colour
        pairs = [(a, b) for i, a in enumerate(actors) for b in actors[i + 1:]]
        pairs += [(a, d) for a in actors for d in destinations if a != d]
        out += [(a, b, label, colour) for a, b in pairs]
    return out


@lru_cache(maxsize=1)
def _assets() -> dict[str, Markup]:
    """The page's script and style sheet and vis-network's script, checked to be safe in line."""
    data = resources.files("kg") / "data"
    vis_js = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
    texts = {
        "vis_js": vis_js.read_text(encoding="utf-8"),
        "page_js": (data / "graph.js").read_text(encoding="utf-8"),
        "page_css": (data / "graph.css").read_text(encoding="utf-8"),
    }
    for name, text in texts.items():
        # A literal "</script" or "</style" would end the element early.
        if "</script" in text.lower() or "</style" in text.lower():
            raise ValueError(f"{name} cannot be written in line: it contains a closing tag")
    return {name: Markup(text) for name, text in texts.items()}


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    source = (resources.files("kg") / "data" / "graph.html").read_text(encoding="utf-8")
    return jinja2.Environment(autoescape=True, keep_trailing_newline=True).from_string(source)


def iter_page(net: KgNetwork) -> Iterator[str]:
    """The page of a network made by :func:`~kg.export.pyvis.to_pyvis`, in pieces, its data
    written a node or an edge at a time; the network and its graph are not changed.

    The page draws the network's nodes and edges (less the keys in
    :data:`~kg.export.pyvis.ABOUT_KEYS`, which its own tooltip and panel show) with the
    network's ``options``.
    """
    data = _page(net)
    page = _template().render(meta=data["meta"], data_json=Markup(_DATA_SLOT), **_assets())
    before, after = page.split(_DATA_SLOT)
    yield before
    yield from compact_pieces(data, _HTML_SAFE)
    yield after


def iter_html(G: nx.MultiDiGraph, max_nodes: int = MAX_NODES) -> Iterator[str]:
    """The page of :func:`to_html` in pieces, its data written a node or an edge at a time."""
    yield from iter_page(to_pyvis(G, max_nodes))


def to_html(G: nx.MultiDiGraph, max_nodes: int = MAX_NODES) -> str:
    """A page that draws the nodes and edges of ``G`` and needs no network.

    Parameters
    ----------
    G
        A graph as made by :func:`kg.graph.to_graph`; it is not changed.
    max_nodes
        Above this many nodes the page opens on a reduced view of the most
        connected nodes, and says so.

    Returns
    -------
    str
        The page, with every script and style in line and no external link.

    Examples
    --------
    >>> import networkx as nx
    >>> page = to_html(nx.MultiDiGraph(documents={}))
    >>> page.startswith("<!DOCTYPE html>"), "https://cdn" in page
    (True, False)
    """
    return "".join(iter_html(G, max_nodes))
