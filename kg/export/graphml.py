"""The graph as GraphML for Gephi, yEd or Cytoscape: scalar attributes only.

GraphML (and Gephi) take strings, numbers and booleans, not lists or records, so
lists are joined with ``"; "`` and evidence is summarised as a count plus the
sentences' document ids. Edges carry their relation as ``relation``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

import networkx as nx

from kg.export.streams import replacer

__all__ = ["SEPARATOR", "iter_graphml", "to_graphml"]

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


_NAMESPACE = ('xmlns="http://graphml.graphdrawing.org/xmlns" '
              'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
              'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
              'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"')
# A raw carriage return, line feed or tab would not read back (XML normalises line ends
# in text, and all white space in attribute values), so they are character references.
_XML_TEXT = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord("\r"): "&#13;"}
_XML_ATTRIBUTE = {**_XML_TEXT, ord('"'): "&quot;", ord("\n"): "&#10;", ord("\t"): "&#9;"}
_xml_text, _xml_attribute = replacer(_XML_TEXT), replacer(_XML_ATTRIBUTE)


def _edge_attributes(key: str, data: Mapping[str, Any]) -> dict[str, str | int]:
    attrs: dict[str, str | int] = {"relation": _text(key)}
    if data.get("evidence"):
        attrs["evidence_count"] = len(data["evidence"])
    return attrs


def _data(attrs: Mapping[str, str | int], ids: Mapping[str, str]) -> str:
    return "".join(f'\n      <data key="{ids[name]}">{_xml_text(str(value))}</data>'
                   for name, value in attrs.items())


def iter_graphml(G: nx.MultiDiGraph) -> Iterator[str]:
    """The text of :func:`to_graphml` in pieces, a node or an edge at a time."""

    def attr(text: str) -> str:
        return _xml_attribute(_text(text))

    # Keys are declared for the attributes some node or edge has (a first, light pass).
    node_names = sorted({name for _, data in G.nodes(data=True) for name in _attributes(data)})
    edge_names = sorted({name for *_, key, data in G.edges(keys=True, data=True)
                         for name in _edge_attributes(key, data)})
    declared = [("graph", "kg_version")] * bool(G.graph.get("kg_version"))
    declared += [("node", name) for name in node_names] + [("edge", name) for name in edge_names]
    ids = {(domain, name): f"d{i}" for i, (domain, name) in enumerate(declared)}
    yield f"<graphml {_NAMESPACE}>\n"
    for (domain, name), key_id in ids.items():
        kind = "long" if name == "evidence_count" else "string"
        yield f'  <key id="{key_id}" for="{domain}" attr.name="{name}" attr.type="{kind}" />\n'
    yield '  <graph edgedefault="directed">\n'
    if G.graph.get("kg_version"):
        yield f'    <data key="d0">{_xml_text(_text(G.graph["kg_version"]))}</data>\n'
    node_ids = {name: ids["node", name] for name in node_names}
    for node, data in G.nodes(data=True):
        yield f'    <node id="{attr(node)}">{_data(_attributes(data), node_ids)}\n    </node>\n'
    edge_ids = {name: ids["edge", name] for name in edge_names}
    for u, v, key, data in G.edges(keys=True, data=True):
        yield (f'    <edge source="{attr(u)}" target="{attr(v)}" id="{attr(key)}">'
               f"{_data(_edge_attributes(key, data), edge_ids)}\n    </edge>\n")
    yield "  </graph>\n</graphml>\n"


def to_graphml(G: nx.MultiDiGraph) -> str:
    """GraphML text of ``G`` (``G`` is not changed).

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
    return "".join(iter_graphml(G))
