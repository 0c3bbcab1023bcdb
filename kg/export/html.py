"""The graph as one self-contained interactive HTML page (pyvis / vis-network)."""

from __future__ import annotations

import html
import re

import networkx as nx
from pyvis.network import Network

__all__ = ["to_html"]

_COLOURS = {
    "person": "#e15759",
    "office": "#f28e2b",
    "country": "#4e79a7",
    "organization": "#76b7b2",
    "place": "#59a14f",
    "issue": "#edc948",
    "meeting": "#b07aa1",
    "phone_call": "#ff9da7",
    "visit": "#9c755f",
    "dispute": "#bab0ac",
    "cooperation": "#8cd17d",
}


def to_html(G: nx.MultiDiGraph) -> str:
    """A page that draws every node and edge of ``G`` and needs no network."""
    net = Network(height="900px", width="100%", directed=True, cdn_resources="in_line")
    for iri, data in G.nodes(data=True):
        title = "\n".join([data["label"], data["kind"], *(e.text for e in data.get("evidence", ())[:3])])
        net.add_node(iri, label=data["label"], title=title, color=_COLOURS[data["kind"]])
    for u, v, key in G.edges(keys=True):
        net.add_edge(u, v, title=key, label=key)
    page = net.generate_html()
    # pyvis links Bootstrap from a CDN even in in-line mode: the page must work offline.
    page = re.sub(r'<link[^>]+cdn[^>]*>\s*', "", page)
    page = re.sub(r'<script[^>]+src="http[^"]*"[^>]*>\s*</script>\s*', "", page)
    return page.replace("<title>", "<title>" + html.escape("kg graph"), 1) if "<title>" in page else page
