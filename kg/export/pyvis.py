"""The graph as a pyvis ``Network`` in kg's styling: what kg's page draws, and a notebook's.

:func:`to_pyvis` gives each node of ``G`` its kind's colour and shape, a label (an event's
is its caption, :func:`event_caption`: who, where, when), a size by importance, a plain-text
tooltip (``title``), its kind as ``group``, and kg's attributes (:data:`ATTRIBUTES`); each
edge its relation as ``relation`` and as label (but an event's ties to its actors, whom the
caption names), a colour, and a tooltip. ``G`` is not changed.

The page opens on the network's people view (:func:`people_view`): people, events and the
countries that act in them; offices, places and issues wait for its full view.

The network is a :class:`KgNetwork`: its ``write_html`` and ``show`` write kg's own page
(:mod:`kg.export.html`) from the nodes and edges it holds, so restyling them first
(``net.get_node(node)["color"] = "#000000"``) shows on the page. pyvis's own template is
not used: whatever its ``cdn_resources``, it links Bootstrap from a CDN, and kg's page
must open with no network.
"""

from __future__ import annotations

import math
import webbrowser
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import networkx as nx
from pyvis.network import Network
from pyvis.utils import check_html

from kg.kinds import EVENT_ROWS, KINDS
from kg.vocab import MONTHS, EntityKind, EventKind, Relation, Status

__all__ = ["ABOUT_KEYS", "ACTOR_RELATIONS", "ATTRIBUTES", "KIND_STYLES", "MAX_NODES", "POLYGONS",
           "REDUCED_NODES", "KgNetwork", "KindStyle", "PeopleView", "event_caption", "importance",
           "kind_name", "kind_style", "people_view", "short_date", "short_name", "to_pyvis"]

MAX_NODES = 1500
"""People views larger than this open reduced to their most connected people and events."""

REDUCED_NODES = 600
"""How many nodes the reduced view starts with."""


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
    kind: KindStyle(row.colour, row.shape, row.name, event=row.event) for kind, row in KINDS.items()
}
"""One colour and one shape per kind, from :data:`kg.kinds.KINDS`; the page's legend is drawn
from this table, in its order."""

POLYGONS: Mapping[str, str] = {
    "cross": "4,1 9,6 14,1 17,4 12,9 17,14 14,17 9,12 4,17 1,14 6,9 1,4",
    "pentagon": "9,1 17,7 14,17 4,17 1,7",
}
"""Shapes vis-network lacks, as SVG polygon points in an 18 x 18 box (legend and nodes alike)."""

ATTRIBUTES = ("kind", "aliases", "country", "date", "date_precision", "status", "mode", "plover")
"""kg's node attributes that each node of the network carries as they are in ``G``, when set."""

ABOUT_KEYS = frozenset({"title", "group", "relation", *ATTRIBUTES})
"""The keys of a node or an edge that describe it rather than draw it: kg's page shows the
same facts from its own data (panel, tooltip, legend), so it leaves these out of what it draws."""

# vis-network draws the label inside these shapes (and sizes the shape to it).
_LABEL_INSIDE = frozenset({"box", "ellipse", "database", "circle", "text"})

_UNKNOWN_STYLE = KindStyle("#999999", "dot", "Other")

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

# How many aliases a tooltip lists, as the page's own tooltip does.
_TOOLTIP_ALIASES = 4

# How many actors an event's caption names before it says how many more there are.
_CAPTION_ACTORS = 3

_PARTICIPATION = (Relation.PARTICIPANT.value, Relation.PARTY.value)

ACTOR_RELATIONS = frozenset({*(row.actor.value for row in EVENT_ROWS.values()), Relation.TRAVELLER.value})
"""The edges that make a node an actor of an event: each kind's tie to its participants, and
the traveller of whatever kind of event has one."""


def kind_style(kind: str) -> KindStyle:
    """The style of a kind of node; kinds kg does not know are drawn as grey dots."""
    return KIND_STYLES.get(kind, _UNKNOWN_STYLE)


def kind_name(kind: str) -> str:
    """The legend's name of a kind; a kind kg does not know goes by itself."""
    return KIND_STYLES[kind].name if kind in KIND_STYLES else kind or "unknown"


def importance(G: nx.MultiDiGraph) -> dict[str, float]:
    """Degree, plus the square root of how many sentences mention the node.

    Degree alone undersells the people an article is about until events connect them;
    mentions alone oversell countries named in passing. Both are cheap at any size.
    """
    degree = G.degree()
    return {n: degree[n] + math.sqrt(len(d.get("evidence", ()))) for n, d in G.nodes(data=True)}


def _shape(style: KindStyle) -> dict[str, Any]:
    """The vis-network shape properties of a node of this style."""
    if style.shape not in POLYGONS:
        return {"shape": style.shape}
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="36" height="36" viewBox="0 0 18 18">'
           f'<polygon points="{POLYGONS[style.shape]}" fill="{style.colour}" stroke="#ffffff" '
           f'stroke-width="0.6"/></svg>')
    return {"shape": "image", "image": "data:image/svg+xml;charset=utf-8," + quote(svg)}


def short_date(lexical: str) -> str:
    """A date's XSD lexical form as people write it: ``18 Jun 2023``, ``Jun 2023``, ``2023``.

    Examples
    --------
    >>> short_date("2023-06-18"), short_date("2023-06"), short_date("2023")
    ('18 Jun 2023', 'Jun 2023', '2023')
    """
    parts = lexical.split("-")
    if len(parts) == 1:
        return lexical
    month = MONTHS[int(parts[1]) - 1][:3].title()
    return f"{int(parts[2])} {month} {parts[0]}" if len(parts) == 3 else f"{month} {parts[0]}"


def short_name(data: Mapping[str, Any]) -> str:
    """How a caption names a node: a person by the last name the text uses alone (an alias that
    is the label's last word, when the first word is none: a text that uses both leaves the
    family name in doubt), anything else by its label.

    Examples
    --------
    >>> short_name({"kind": "person", "label": "Ada Lovelace", "aliases": ["Lovelace"]})
    'Lovelace'
    >>> short_name({"kind": "person", "label": "Li Wei", "aliases": ["Li", "Wei"]})
    'Li Wei'
    """
    label = str(data.get("label", ""))
    words = label.split()
    aliases = set(data.get("aliases", ()))
    if data.get("kind") == EntityKind.PERSON.value and len(words) > 1 and words[-1] in aliases \
            and words[0] not in aliases:
        return words[-1]
    return label


@dataclass(frozen=True, slots=True)
class PeopleView:
    """What the page opens on: who did what with whom, without offices, places or issues.

    ``nodes`` are the people, every event, and whatever else takes part in an event (a
    country the text names where it names no person); ``edges`` (``(u, v, key)`` of ``G``)
    tie each event to its actors, one edge per actor.
    """

    nodes: frozenset[str]
    edges: frozenset[tuple[str, str, str]]


def people_view(G: nx.MultiDiGraph) -> PeopleView:
    """The people view of ``G`` (see :class:`PeopleView`).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("p", {"kind": "person"}), ("c", {"kind": "country"}),
    ...                   ("o", {"kind": "office"}), ("m", {"kind": "meeting"})])
    >>> for v in "pc":
    ...     _ = G.add_edge("m", v, key="participant")
    >>> _ = G.add_edge("p", "o", key="holds_office")
    >>> view = people_view(G)
    >>> sorted(view.nodes), len(view.edges)
    (['c', 'm', 'p'], 2)
    """
    nodes = {n for n, d in G.nodes(data=True) if d.get("kind") == EntityKind.PERSON.value or kind_style(
        d.get("kind", "")).event}
    edges = set()
    for event in [n for n in nodes if kind_style(G.nodes[n].get("kind", "")).event]:
        ties = {(v, key) for _, v, key in G.out_edges(event, keys=True) if key in ACTOR_RELATIONS}
        # A visit's traveller is also its participant: one edge says it.
        edges |= {(event, v, key) for v, key in ties
                  if key != Relation.TRAVELLER.value or not {(v, k) for k in _PARTICIPATION} & ties}
        nodes |= {v for v, _ in ties}
    return PeopleView(frozenset(nodes), frozenset(edges))


def event_caption(G: nx.MultiDiGraph, event: str) -> str:
    """An event's label on the page: who, then where and when, as in
    ``Lovelace – Li Wei`` over ``Varnholm, 18 Jun 2023``; a visit reads ``traveller → destination``.

    The second line names the kind unless it is a meeting (the commonest), and the status
    unless the event took place.
    """
    data = G.nodes[event]
    kind = data.get("kind", "")
    by_relation: dict[str, list[str]] = {}
    for _, v, key in G.out_edges(event, keys=True):
        by_relation.setdefault(key, []).append(v)
    travellers = by_relation.get(Relation.TRAVELLER.value, [])
    destinations = by_relation.get(Relation.DESTINATION.value, [])
    names = lambda nodes: [short_name(G.nodes[n]) for n in nodes]  # noqa: E731
    if travellers and destinations:
        who = " – ".join(names(travellers)) + " → " + " – ".join(names(destinations))
    else:
        actors = [v for key in _PARTICIPATION for v in by_relation.get(key, [])]
        shown = names(actors[:_CAPTION_ACTORS])
        if len(actors) > _CAPTION_ACTORS:
            shown.append(f"+{len(actors) - _CAPTION_ACTORS}")
        who = " – ".join(shown) or kind_style(kind).name
    details = [] if kind == EventKind.MEETING.value else [kind_style(kind).name]
    places = [short_name(G.nodes[v]) for v in by_relation.get(Relation.PLACE.value, [])
              if v not in destinations]
    details += places
    if data.get("date"):
        details.append(short_date(data["date"]))
    if data.get("status") and data["status"] != Status.OCCURRED.value:
        details.append(str(data["status"]))
    return who + ("\n" + ", ".join(details) if details else "")


def _tooltip(node: str, data: Mapping[str, Any]) -> str:
    """The name, then kind, date, status and first aliases: what the page's tooltip says."""
    facts = [kind_name(data.get("kind", "")), data.get("date"), data.get("status")]
    aliases = list(data.get("aliases", ()))[:_TOOLTIP_ALIASES]
    if aliases:
        facts.append("also: " + ", ".join(aliases))
    return data.get("label", node) + "\n" + " · ".join(str(f) for f in facts if f)


def _node(node: str, data: Mapping[str, Any], value: float, caption: str) -> dict[str, Any]:
    """One node as a vis-network item, with kg's attributes beside its drawing; an event is
    labelled with its caption."""
    kind = data.get("kind", "")
    style = kind_style(kind)
    item: dict[str, Any] = {"id": node, **_shape(style), "value": round(value, 2),
                            "color": {"background": style.colour, "border": style.colour,
                                      "highlight": {"background": style.colour, "border": "#222"},
                                      "hover": {"background": style.colour, "border": "#222"}},
                            "label": caption if style.event else data.get("label", node),
                            "title": _tooltip(node, data), "group": kind}
    if style.event and style.shape in _LABEL_INSIDE:
        item["font"] = {"color": "#ffffff", "strokeWidth": 0, "size": 13}
    for name in ATTRIBUTES:
        if name in data:
            # A copy, so that editing the network never edits the graph.
            attribute = data[name]
            item[name] = list(attribute) if isinstance(attribute, list | tuple) else attribute
    return item


def _parallel_offsets(edges: list[tuple[str, str, str]]) -> list[int]:
    """For each edge, how many edges between the same two nodes came before it."""
    seen: Counter[frozenset[str]] = Counter()
    offsets = []
    for u, v, _ in edges:
        pair = frozenset((u, v))
        offsets.append(seen[pair])
        seen[pair] += 1
    return offsets


def _edges(G: nx.MultiDiGraph) -> Iterator[dict[str, Any]]:
    """Each edge of ``G`` as a vis-network item; the ``i``-th edge of ``G`` has id ``e<i>``."""
    edge_list = list(G.edges(keys=True))
    name = lambda n: G.nodes[n].get("label", n)  # noqa: E731
    for i, ((u, v, key), offset) in enumerate(zip(edge_list, _parallel_offsets(edge_list), strict=True)):
        quiet = key in _QUIET_RELATIONS
        source = kind_style(G.nodes[u].get("kind", ""))
        label = _RELATION_LABELS.get(key, str(key))
        item: dict[str, Any] = {"id": f"e{i}", "from": u, "to": v,
                                "color": {"color": source.colour if source.event else "#8a8a8a",
                                          "opacity": 0.45 if quiet else 0.9},
                                "width": 1 if quiet else 2,
                                "title": f"{name(u)} → {label} → {name(v)}", "relation": key}
        # An event's tie to its actors goes without saying: the caption names them.
        if not (source.event and key in ACTOR_RELATIONS):
            item["label"] = label
        if quiet:
            item["dashes"] = [4, 4]
            item["font"] = {"color": "#9a9a9a", "size": 9}
        if offset:
            item["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.2 * offset}
        yield item


def _options(drawn: int) -> dict[str, Any]:
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


class KgNetwork(Network):
    """A pyvis ``Network`` of a kg graph, written as kg's self-contained page.

    Made by :func:`to_pyvis`. The page draws the graph's nodes and edges as this network
    holds them, restyled or not, with its ``options``; its panel, search, legend and
    filters come from ``graph``, so nodes or edges added to the network alone are not drawn.

    Attributes
    ----------
    graph
        The graph the network was made from (not a copy; never changed here).
    core
        The nodes the page opens on: its people view (:func:`people_view`), or the most
        connected part of it when that was too large to draw whole.
    people
        The people view; the page's full view draws every node.
    """

    def __init__(self, graph: nx.MultiDiGraph, core: Iterable[str], people: PeopleView) -> None:
        # The page is kg's, with every script in line: no lib/ folder is copied.
        super().__init__(height="750px", directed=True, cdn_resources="in_line")
        self.graph = graph
        self.core = frozenset(core)
        self.people = people

    def generate_html(self, name: str = "index.html", local: bool = True, notebook: bool = False) -> str:
        """kg's page of this network (see :func:`kg.export.html.iter_page`); the arguments are pyvis's."""
        from kg.export.html import iter_page  # the page module builds on this one

        return "".join(iter_page(self))

    def write_html(self, name: str, local: bool = True, notebook: bool = False,
                   open_browser: bool = False) -> None:
        """Write kg's page of this network to ``name`` (a ``.html`` path), in UTF-8.

        As pyvis's, but the file is UTF-8 whatever the locale (pyvis opens it in the
        locale's encoding, which cannot hold every name in the news).
        """
        check_html(name)
        self.html = self.generate_html(name, notebook=notebook)
        Path(name).write_text(self.html, encoding="utf-8")
        if open_browser:
            webbrowser.open(Path(name).resolve().as_uri())

    def _add_node(self, item: dict[str, Any]) -> None:
        # What pyvis's add_node records, without its look-up in a list of every id
        # (quadratic over a corpus graph) and with the label as given.
        self.nodes.append(item)
        self.node_ids.append(item["id"])
        self.node_map[item["id"]] = item


def to_pyvis(G: nx.MultiDiGraph, max_nodes: int = MAX_NODES) -> KgNetwork:
    """A pyvis network of ``G`` in kg's styling, to restyle, show or write as kg's page.

    Parameters
    ----------
    G
        A graph as made by :func:`kg.graph.to_graph`; it is not changed.
    max_nodes
        A graph whose people view has more nodes opens on a reduced view of ``REDUCED_NODES``
        of them (never more than ``max_nodes``): its most connected people and the events
        among them; it lays out with cheaper options.

    Returns
    -------
    KgNetwork
        A ``pyvis.network.Network``. Nodes: ``id`` (the IRI), ``label``, ``shape``,
        ``color``, ``value`` (importance), ``title`` (tooltip), ``group`` (the kind), and
        :data:`ATTRIBUTES`. Edges, in ``G``'s order: ``id``, ``from``, ``to``, ``label``,
        ``relation`` (the edge's key in ``G``), ``color``, ``width``, ``title``.
        ``write_html(path)`` writes kg's self-contained page; in a notebook,
        ``show(path)`` writes it and displays it.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(documents={})
    >>> G.add_node("p", kind="person", label="Ada", aliases=["A."], evidence=())
    >>> G.add_node("c", kind="country", label="Utopia", aliases=[], evidence=())
    >>> G.add_edge("p", "c", key="country")
    'country'
    >>> net = to_pyvis(G)
    >>> net.num_nodes(), net.num_edges()
    (2, 1)
    >>> ada = net.get_node("p")
    >>> ada["label"], ada["group"], ada["color"]["background"], ada["title"]
    ('Ada', 'person', '#e15759', 'Ada\\nPerson · also: A.')
    >>> net.get_edges()[0]["title"]
    'Ada → country → Utopia'
    """
    weight = importance(G)
    view = people_view(G)
    if len(view.nodes) > max_nodes:
        core = _core(G, view, weight, min(REDUCED_NODES, max_nodes))
    else:
        core = view.nodes
    net = KgNetwork(G, core, view)
    for node, data in G.nodes(data=True):
        caption = event_caption(G, node) if kind_style(data.get("kind", "")).event else ""
        net._add_node(_node(node, data, weight[node], caption))
    net.edges.extend(_edges(G))
    net.options = _options(len(net.core))
    return net


def _core(G: nx.MultiDiGraph, view: PeopleView, weight: Mapping[str, float], size: int) -> frozenset[str]:
    """The ``size`` nodes of the people view a large graph opens on: its most important
    actors, and then the events among them, most important first, that all their actors are in.

    A third of the room goes to actors first, so that the events drawn connect people drawn.
    """
    is_event = {n: kind_style(G.nodes[n].get("kind", "")).event for n in view.nodes}
    actors = sorted((n for n in view.nodes if not is_event[n]), key=lambda n: (-weight[n], n))
    chosen = set(actors[:max(1, size // 3)])
    events = sorted((n for n in view.nodes if is_event[n]), key=lambda n: (-weight[n], n))
    for event in events:
        if len(chosen) >= size:
            break
        if all(v in chosen for _, v, key in G.out_edges(event, keys=True) if (event, v, key) in view.edges):
            chosen.add(event)
    for actor in actors:
        if len(chosen) >= size:
            break
        chosen.add(actor)
    return frozenset(chosen)
