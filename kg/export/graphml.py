"""The graph as GraphML for Gephi, yEd or Cytoscape: scalar attributes only.

GraphML (and Gephi) take strings, numbers and booleans, not lists or records, so
lists are joined with ``"; "`` and evidence is summarised as a count plus the
sentences' document ids. Edges carry their relation as ``relation``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import networkx as nx
from networkx.readwrite.graphml import GraphMLWriter

__all__ = ["SEPARATOR", "to_graphml"]

SEPARATOR = "; "
"""How list attributes (aliases, issues, rules) are joined into one string."""

_SCALARS = ("kind", "label", "country", "key", "date", "date_precision", "status", "plover", "mode")
_LISTS = ("aliases", "issues", "rules")
# Characters XML 1.0 cannot carry, even escaped; they become U+FFFD.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _text(value: object) -> str:
    return _NOT_XML.sub("\ufffd", str(value))


def _attributes(data: Mapping[str, Any]) -> dict[str, str | int]:
    out: dict[str, str | int] = {}
    for name in _SCALARS:
        if data.get(name) not in (None, ""):
            out[name] = _text(data[name])
    for name in _LISTS:
        if data.get(name):
            out[name] = _text(SEPARATOR.join(str(v) for v in data[name]))
    evidence = data.get("evidence") or ()
    out["evidence_count"] = len(evidence)
    if evidence:
        out["documents"] = _text(SEPARATOR.join(sorted({ev.doc_id for ev in evidence})))
    return out


def to_graphml(G: nx.MultiDiGraph) -> str:
    """GraphML text of ``G`` (a copy is written; ``G`` is not changed).

    Examples
    --------
    >>> G = nx.MultiDiGraph(documents={})
    >>> G.add_node("p", kind="person", label="Ann Lee", aliases=["Lee", "A. Lee"], evidence=())
    >>> G.add_node("o", kind="office", label="Mayor", aliases=[], evidence=())
    >>> _ = G.add_edge("p", "o", key="holds_office")
    >>> H = nx.read_graphml(__import__("io").StringIO(to_graphml(G)), force_multigraph=True)
    >>> H.nodes["p"]["aliases"], list(H.edges(keys=True, data="relation"))
    ('Lee; A. Lee', [('p', 'o', 'holds_office', 'holds_office')])
    """
    H = nx.MultiDiGraph()
    if G.graph.get("kg_version"):
        H.graph["kg_version"] = str(G.graph["kg_version"])
    for node, data in G.nodes(data=True):
        H.add_node(_text(node), **_attributes(data))
    for u, v, key, data in G.edges(keys=True, data=True):
        attrs: dict[str, str | int] = {"relation": str(key)}
        if data.get("evidence"):
            attrs["evidence_count"] = len(data["evidence"])
        H.add_edge(_text(u), _text(v), key=_text(key), **attrs)
    # Not nx.generate_graphml: it splits its text with str.splitlines, which turns a
    # carriage return, U+0085 or U+2028 inside a label into a newline.
    writer = GraphMLWriter(encoding="utf-8", prettyprint=True)
    writer.add_graph_element(H)
    text = str(writer).rstrip("\n") + "\n"
    # A raw carriage return in element text would read back as a newline (XML normalises
    # line ends), so it is written as a character reference; the markup never holds one.
    return text.replace("\r", "&#13;")
