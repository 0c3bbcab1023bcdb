"""The graph as one self-contained interactive HTML page (vis-network, as shipped by pyvis).

The page needs no network: the vis-network script comes from the copy inside the
installed ``pyvis`` package and our own template, style sheet and script from
``kg/data/``; all are written in line. What the page shows is computed here, on the
side, from ``G`` (which is never changed) and written into the page as one JSON
document inside ``<script type="application/json">`` with ``<``, ``>``, ``&`` and
``'`` escaped, so article text can never close the script element; the page script
renders every piece of text with ``textContent``.

Graphs with more than ``max_nodes`` nodes open on a reduced view (the most
connected nodes) that the page announces; every node is still in the page.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
import networkx as nx
import pyvis
from markupsafe import Markup

from kg.export.streams import Lazy, compact_pieces
from kg.types import DocumentInfo, Evidence
from kg.vocab import EntityKind, EventKind, Relation, Status

__all__ = ["KIND_STYLES", "POLYGONS", "KindStyle", "iter_html", "page_data", "to_html"]

MAX_NODES = 1500
"""Graphs larger than this open on a reduced view (see :func:`page_data`)."""

REDUCED_NODES = 600
"""How many of the most connected nodes the reduced view starts with."""

MAX_EVIDENCE = 40
"""Evidence sentences written per node or edge; the panel says how many more there are."""


@dataclass(frozen=True, slots=True)
class KindStyle:
    """How one kind of node is drawn: a colour, a shape and a legend name.

    ``shape`` is a vis-network shape, or one of :data:`POLYGONS`, drawn as an SVG image.
    """

    colour: str
    shape: str
    name: str
    event: bool = False


KIND_STYLES: Mapping[str, KindStyle] = {
    EntityKind.PERSON.value: KindStyle("#e15759", "dot", "Person"),
    EntityKind.OFFICE.value: KindStyle("#f28e2b", "square", "Office"),
    EntityKind.COUNTRY.value: KindStyle("#4e79a7", "hexagon", "Country"),
    EntityKind.ORGANIZATION.value: KindStyle("#59a1a0", "triangle", "Organisation"),
    EntityKind.PLACE.value: KindStyle("#59a14f", "triangleDown", "Place"),
    EntityKind.ISSUE.value: KindStyle("#d4a72c", "star", "Issue"),
    EventKind.MEETING.value: KindStyle("#9b5fc0", "box", "Meeting", event=True),
    EventKind.PHONE_CALL.value: KindStyle("#e377c2", "ellipse", "Phone call", event=True),
    EventKind.VISIT.value: KindStyle("#9c755f", "diamond", "Visit", event=True),
    EventKind.DISPUTE.value: KindStyle("#444444", "cross", "Dispute", event=True),
    EventKind.COOPERATION.value: KindStyle("#2ca02c", "pentagon", "Cooperation", event=True),
}
"""One colour and one shape per kind; the page's legend is drawn from this table."""

POLYGONS: Mapping[str, str] = {
    "cross": "4,1 9,6 14,1 17,4 12,9 17,14 14,17 9,12 4,17 1,14 6,9 1,4",
    "pentagon": "9,1 17,7 14,17 4,17 1,7",
}
"""Shapes vis-network lacks, as SVG polygon points in an 18 x 18 box (legend and nodes alike)."""

# vis-network draws the label inside these shapes (and sizes the shape to it).
_LABEL_INSIDE = frozenset({"box", "ellipse", "database", "circle", "text"})

_UNKNOWN_STYLE = KindStyle("#999999", "dot", "Other")

_EVENT_KINDS = frozenset(k.value for k in EventKind)

_RELATION_LABELS = {
    Relation.HOLDS_OFFICE.value: "holds",
    Relation.HELD_OFFICE.value: "held (former)",
    Relation.OFFICE_OF.value: "office of",
    Relation.COUNTRY.value: "country",
    Relation.PARTICIPANT.value: "participant",
    Relation.TRAVELLER.value: "traveller",
    Relation.DESTINATION.value: "destination",
    Relation.PLACE.value: "place",
    Relation.PARTY.value: "party",
    Relation.ISSUE.value: "issue",
}

# Edges drawn quietly so that who-did-what edges stand out.
_QUIET_RELATIONS = frozenset({Relation.COUNTRY.value, Relation.OFFICE_OF.value})

# Relations that make an actor part of an event, for the people-and-countries view.
_ACTOR_RELATIONS = frozenset({Relation.PARTICIPANT.value, Relation.PARTY.value, Relation.TRAVELLER.value})

_PROJECTED_VERB = {
    EventKind.MEETING.value: "met",
    EventKind.PHONE_CALL.value: "phoned",
    EventKind.VISIT.value: "visited",
    EventKind.DISPUTE.value: "dispute",
    EventKind.COOPERATION.value: "cooperate",
}

_STATUS_ORDER = [s.value for s in Status]

# What Jinja's tojson escapes, so that no text can end the JSON script element.
_HTML_SAFE = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026", ord("'"): "\\u0027"}
# Where the page's JSON goes; the template's own text never holds it (checked at split).
_DATA_SLOT = "\x00kg-data\x00"


def _style(kind: str) -> KindStyle:
    return KIND_STYLES.get(kind, _UNKNOWN_STYLE)


def _shape(style: KindStyle) -> dict[str, Any]:
    """The vis-network shape properties of a node of this style."""
    if style.shape not in POLYGONS:
        return {"shape": style.shape}
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="36" height="36" viewBox="0 0 18 18">'
           f'<polygon points="{POLYGONS[style.shape]}" fill="{style.colour}" stroke="#ffffff" '
           f'stroke-width="0.6"/></svg>')
    return {"shape": "image", "image": "data:image/svg+xml;charset=utf-8," + quote(svg)}


def _evidence(items: Iterable[Evidence], doc_index: Mapping[str, int]) -> tuple[list[list[Any]], int]:
    """Distinct sentences in reading order as ``[doc number, text]``, and how many were left out."""
    unique = sorted({(e.doc_id, e.start, e.end): e for e in items}.values())
    kept = [[doc_index.get(e.doc_id, -1), e.text] for e in unique[:MAX_EVIDENCE]]
    return kept, max(0, len(unique) - MAX_EVIDENCE)


def _event_label(kind: str, data: Mapping[str, Any]) -> str:
    lines = [_style(kind).name]
    if data.get("status") and data["status"] != Status.OCCURRED.value:
        lines[0] += f" ({data['status']})"
    if data.get("date"):
        lines.append(data["date"])
    return "\n".join(lines)


def _date_range(G: nx.MultiDiGraph, documents: Iterable[DocumentInfo]) -> dict[str, str]:
    event_dates = sorted(d["date"] for _, d in G.nodes(data=True) if d.get("kind") in _EVENT_KINDS
                         and d.get("date"))
    if event_dates:
        return {"from": event_dates[0], "to": event_dates[-1], "source": "events"}
    published = sorted(d.published.isoformat() for d in documents if d.published)
    if published:
        return {"from": published[0], "to": published[-1], "source": "articles"}
    return {}


def _importance(G: nx.MultiDiGraph, degree: Mapping[str, int]) -> dict[str, float]:
    """Degree, plus the square root of how many sentences mention the node.

    Degree alone undersells the people an article is about until events connect them;
    mentions alone oversell countries named in passing. Both are cheap at any size.
    """
    return {n: degree[n] + math.sqrt(len(d.get("evidence", ()))) for n, d in G.nodes(data=True)}


def _core(G: nx.MultiDiGraph, importance: Mapping[str, float], size: int) -> set[str]:
    ranked = sorted(G.nodes, key=lambda n: (-importance[n], n))
    return set(ranked[:size])


def _parallel_offsets(edges: list[tuple[str, str, str]]) -> list[int]:
    """For each edge, how many edges between the same two nodes came before it."""
    seen: Counter[frozenset[str]] = Counter()
    offsets = []
    for u, v, _ in edges:
        pair = frozenset((u, v))
        offsets.append(seen[pair])
        seen[pair] += 1
    return offsets


def _node_facts(G: nx.MultiDiGraph, node: str) -> dict[str, Any]:
    """Named neighbours the panel lists: offices, holders, place, participants..."""
    label = lambda n: G.nodes[n].get("label", n)  # noqa: E731
    facts: dict[str, list[str]] = defaultdict(list)
    for _, target, key in G.out_edges(node, keys=True):
        name = label(target)
        if key == Relation.HOLDS_OFFICE.value:
            facts["offices"].append(name)
        elif key == Relation.HELD_OFFICE.value:
            facts["offices"].append(f"{name} (former)")
        elif key == Relation.OFFICE_OF.value:
            facts["office of"].append(name)
        elif key == Relation.COUNTRY.value:
            facts["country"].append(name)
        elif key in (Relation.PARTICIPANT.value, Relation.PARTY.value):
            facts["participants"].append(name)
        elif key in (Relation.TRAVELLER.value, Relation.DESTINATION.value, Relation.PLACE.value):
            facts[key].append(name)
        elif key == Relation.ISSUE.value:
            facts["issues"].append(name)
    for source, _, key in G.in_edges(node, keys=True):
        name = label(source)
        if key in (Relation.HOLDS_OFFICE.value, Relation.HELD_OFFICE.value):
            facts["held by"].append(name if key == Relation.HOLDS_OFFICE.value else f"{name} (former)")
        elif G.nodes[source].get("kind") in _EVENT_KINDS:
            facts["events"].append(G.nodes[source].get("label", source))
    return {k: sorted(set(v)) for k, v in facts.items()}


def _page(G: nx.MultiDiGraph, max_nodes: int) -> dict[str, Any]:
    """What :func:`page_data` gives, with the per-node and per-edge parts left :class:`Lazy`."""
    documents: dict[str, DocumentInfo] = dict(G.graph.get("documents", {}))
    doc_ids = sorted(documents)
    doc_index = {doc_id: i for i, doc_id in enumerate(doc_ids)}
    degree = dict(G.degree())
    importance = _importance(G, degree)
    reduced = G.number_of_nodes() > max_nodes
    core = _core(G, importance, min(REDUCED_NODES, max_nodes)) if reduced else set(G.nodes)
    kinds = Counter(data.get("kind", "") for _, data in G.nodes(data=True))

    def nodes() -> Iterator[dict[str, Any]]:
        for node, data in G.nodes(data=True):
            style = _style(data.get("kind", ""))
            item: dict[str, Any] = {"id": node, **_shape(style), "value": round(importance[node], 2),
                                    "color": {"background": style.colour, "border": style.colour,
                                              "highlight": {"background": style.colour, "border": "#222"},
                                              "hover": {"background": style.colour, "border": "#222"}}}
            if style.event:
                item["label"] = _event_label(data.get("kind", ""), data)
                if style.shape in _LABEL_INSIDE:
                    item["font"] = {"color": "#ffffff", "strokeWidth": 0}
            else:
                item["label"] = data.get("label", node)
            yield item

    def info() -> Iterator[tuple[str, dict[str, Any]]]:
        for node in sorted(G.nodes):
            data = G.nodes[node]
            evidence, more = _evidence(data.get("evidence", ()), doc_index)
            entry: dict[str, Any] = {
                "name": data.get("label", node),
                "kind": data.get("kind", ""),
                "aliases": list(data.get("aliases", ())),
                "evidence": evidence,
                "more": more,
                "docs": sorted({doc_index[e.doc_id] for e in data.get("evidence", ())
                                if e.doc_id in doc_index}),
                "facts": _node_facts(G, node),
                "degree": degree[node],
                "core": node in core,
            }
            for field in ("date", "date_precision", "status", "mode", "plover"):
                if data.get(field):
                    entry[field] = data[field]
            if _style(entry["kind"]).event:
                entry["event"] = True
            yield node, entry

    edge_list = list(G.edges(keys=True))

    def edges() -> Iterator[dict[str, Any]]:
        for i, ((u, v, key), offset) in enumerate(zip(edge_list, _parallel_offsets(edge_list), strict=True)):
            quiet = key in _QUIET_RELATIONS
            target_kind = G.nodes[u].get("kind", "")
            colour = _style(target_kind).colour if target_kind in _EVENT_KINDS else "#8a8a8a"
            item = {"id": f"e{i}", "from": u, "to": v, "label": _RELATION_LABELS.get(key, str(key)),
                    "color": {"color": colour, "opacity": 0.45 if quiet else 0.9},
                    "width": 1 if quiet else 2}
            if quiet:
                item["dashes"] = [4, 4]
                item["font"] = {"color": "#9a9a9a", "size": 9}
            if offset:
                item["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.2 * offset}
            yield item
        for i, (u, v, label, colour) in enumerate(_projected_edges(G)):
            yield {"id": f"p{i}", "from": u, "to": v, "label": label, "projected": True,
                   "color": {"color": colour, "opacity": 0.9}, "width": 3,
                   "arrows": {"to": {"enabled": False}}}

    def edge_info() -> Iterator[tuple[str, dict[str, Any]]]:
        for edge_id, (u, v, key) in sorted((f"e{i}", edge) for i, edge in enumerate(edge_list)):
            evidence, more = _evidence(G.edges[u, v, key].get("evidence", ()), doc_index)
            yield edge_id, {"relation": str(key), "evidence": evidence, "more": more}

    events = sum(n for kind, n in kinds.items() if kind in _EVENT_KINDS)
    statuses = sorted({str(d["status"]) for _, d in G.nodes(data=True) if d.get("status")},
                      key=lambda s: (_STATUS_ORDER.index(s) if s in _STATUS_ORDER else 99, s))
    legend = [{"kind": kind, "name": style.name, "colour": style.colour, "shape": style.shape,
               "points": POLYGONS.get(style.shape, ""), "event": style.event, "count": kinds.get(kind, 0)}
              for kind, style in KIND_STYLES.items()]
    legend += [{"kind": kind, "name": kind or "unknown", "colour": _UNKNOWN_STYLE.colour,
                "shape": _UNKNOWN_STYLE.shape, "points": "", "event": False, "count": n}
               for kind, n in sorted(kinds.items()) if kind not in KIND_STYLES]
    return {
        "meta": {
            "articles": len(documents),
            "people": kinds.get(EntityKind.PERSON.value, 0),
            "events": events,
            "nodes": G.number_of_nodes(),
            "edges": G.number_of_edges(),
            "dates": _date_range(G, documents.values()),
            "reduced": reduced,
            "coreNodes": len(core),
            "version": str(G.graph.get("kg_version", "")),
        },
        "kinds": legend,
        "statuses": statuses,
        "documents": [{"id": d, "title": documents[d].title or d,
                       "published": documents[d].published.isoformat() if documents[d].published else ""}
                      for d in doc_ids],
        "nodes": Lazy(nodes),
        "edges": Lazy(edges),
        "info": Lazy(info, pairs=True),
        "edgeInfo": Lazy(edge_info, pairs=True),
        "options": _options(len(core), G.number_of_edges()),
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
    page = _page(G, max_nodes)
    return {key: value.made() if isinstance(value, Lazy) else value for key, value in page.items()}


def _projected_edges(G: nx.MultiDiGraph) -> list[tuple[str, str, str, str]]:
    """Actor-to-actor edges standing for events, shown when event nodes are hidden."""
    out = []
    for event, data in G.nodes(data=True):
        kind = data.get("kind")
        if kind not in _EVENT_KINDS:
            continue
        actors = sorted({v for _, v, key in G.out_edges(event, keys=True) if key in _ACTOR_RELATIONS})
        destinations = sorted({v for _, v, key in G.out_edges(event, keys=True)
                               if key == Relation.DESTINATION.value})
        verb = _PROJECTED_VERB.get(kind, kind)
        label = f"{verb} {data['date']}" if data.get("date") else verb
        colour = _style(kind).colour
        pairs = [(a, b) for i, a in enumerate(actors) for b in actors[i + 1:]]
        pairs += [(a, d) for a in actors for d in destinations if a != d]
        out += [(a, b, label, colour) for a, b in pairs]
    return out


def _options(drawn: int, edges: int) -> dict[str, Any]:
    """vis-network options: bounded stabilisation, then the page turns physics off."""
    big = drawn > 400
    iterations = 300 if drawn <= 200 else 150 if drawn <= 1000 else 80
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": drawn <= 150},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -90, "centralGravity": 0.03,
                                 "springLength": 130, "springConstant": 0.05, "avoidOverlap": 0.8,
                                 "damping": 0.5},
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 50, "fit": True},
            "minVelocity": 1.5,
            "maxVelocity": 60,
        },
        "interaction": {"hover": True, "tooltipDelay": 200, "hideEdgesOnDrag": big,
                        "hideEdgesOnZoom": big, "navigationButtons": False, "keyboard": False},
        "nodes": {
            "borderWidth": 1,
            "font": {"face": "system-ui, sans-serif", "size": 15, "color": "#1d1d1d",
                     "strokeWidth": 4, "strokeColor": "#ffffff"},
            "scaling": {"min": 9, "max": 34,
                        "label": {"enabled": True, "min": 13, "max": 26, "drawThreshold": 6,
                                  "maxVisible": 40}},
            "margin": 8,
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.45}},
            "font": {"face": "system-ui, sans-serif", "size": 10, "color": "#555555",
                     "strokeWidth": 3, "strokeColor": "#ffffff", "align": "middle"},
            "smooth": False,
            "selectionWidth": 2,
            "hoverWidth": 1,
        },
    }


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


def iter_html(G: nx.MultiDiGraph, max_nodes: int = MAX_NODES) -> Iterator[str]:
    """The page of :func:`to_html` in pieces, its data written a node or an edge at a time."""
    data = _page(G, max_nodes)
    page = _template().render(meta=data["meta"], data_json=Markup(_DATA_SLOT), **_assets())
    before, after = page.split(_DATA_SLOT)
    yield before
    yield from compact_pieces(data, _HTML_SAFE)
    yield after


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
