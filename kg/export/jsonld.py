"""The graph as JSON-LD: the same triples as the Turtle export, as sorted node objects.

The context is inline (no network needed to read the file) and only declares
prefixes, so every property keeps its ``kg:``/``rdfs:``... compact IRI and every value
is explicit (``@id`` for resources, ``@value``/``@type`` for typed literals).
"""

from __future__ import annotations

import json
from typing import Any

import networkx as nx
from rdflib import RDF, XSD, Literal, URIRef

from kg.export.rdf import PREFIXES, triples
from kg.export.turtle import sort_key

__all__ = ["to_jsonld"]


def _compact(iri: str, spaces: list[tuple[str, str]]) -> str:
    for namespace, prefix in spaces:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def _value(term: URIRef | Literal, spaces: list[tuple[str, str]]) -> Any:
    if isinstance(term, Literal):
        if term.language:
            return {"@value": str(term), "@language": term.language}
        if term.datatype is None or term.datatype == XSD.string:
            return str(term)
        return {"@value": str(term), "@type": _compact(str(term.datatype), spaces)}
    return {"@id": str(term)}


def to_jsonld(G: nx.MultiDiGraph) -> str:
    """The graph as a JSON-LD document (``@context`` + sorted ``@graph``), byte-identical for the same graph.

    Examples
    --------
    >>> G = nx.MultiDiGraph(documents={})
    >>> G.add_node("https://w3id.org/newskg/id/country/chad", kind="country", label="Chad",
    ...            aliases=[], evidence=())
    >>> doc = json.loads(to_jsonld(G))
    >>> chad = next(n for n in doc["@graph"] if n["@id"].endswith("chad"))
    >>> chad["@type"], chad["rdfs:label"]
    (['kg:Country'], ['Chad'])
    """
    spaces = sorted(((ns, p) for p, ns in PREFIXES.items()), key=lambda x: -len(x[0]))
    nodes: dict[str, dict[str, set[URIRef | Literal]]] = {}
    for s, p, o in triples(G):
        nodes.setdefault(str(s), {}).setdefault(str(p), set()).add(o)
    graph = []
    for subject in sorted(nodes):
        node: dict[str, Any] = {"@id": subject}
        for predicate, objects in nodes[subject].items():
            ordered = sorted(objects, key=sort_key)
            if predicate == str(RDF.type):
                node["@type"] = [_compact(str(o), spaces) for o in ordered]
            else:
                node[_compact(predicate, spaces)] = [_value(o, spaces) for o in ordered]
        graph.append(node)
    document = {"@context": dict(sorted(PREFIXES.items())), "@graph": graph}
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
