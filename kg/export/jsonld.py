"""The graph as JSON-LD: the same triples as the Turtle export, as sorted node objects.

The context is inline (no network needed to read the file) and only declares
prefixes, so every property keeps its ``kg:``/``rdfs:``... compact IRI and every value
is explicit (``@id`` for resources, ``@value``/``@type`` for typed literals).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import networkx as nx
from rdflib import RDF, XSD

from kg.export.rdf import PREFIXES, Described
from kg.export.streams import Lazy, document_pieces
from kg.export.turtle import Term, sort_key

_XSD_STRING = str(XSD.string)

__all__ = ["iter_jsonld", "to_jsonld"]


# Longest namespace first, so nested namespaces pick the most specific prefix.
_SPACES = sorted(((ns, p) for p, ns in PREFIXES.items()), key=lambda x: -len(x[0]))


@lru_cache(maxsize=4096)  # predicates, classes and datatypes: a few dozen IRIs, met over and over
def _compact(iri: str) -> str:
    for namespace, prefix in _SPACES:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def _value(term: Term) -> Any:
    if isinstance(term, str):
        return {"@id": term}
    lexical, datatype, language = term
    if language:
        return {"@value": lexical, "@language": language}
    if not datatype or datatype == _XSD_STRING:
        return lexical
    return {"@value": lexical, "@type": _compact(datatype)}


def _objects(described: Described) -> Iterator[dict[str, Any]]:
    """One JSON-LD node object per subject, in sorted order."""
    rdf_type = str(RDF.type)
    for subject, pairs in described():
        predicates: dict[str, set[Term]] = {}
        for p, o in pairs:
            predicates.setdefault(p, set()).add(o)
        node: dict[str, Any] = {"@id": subject}
        for predicate, objects in predicates.items():
            ordered = sorted(objects, key=sort_key)
            if predicate == rdf_type:
                node["@type"] = [_compact(o) for o in ordered if isinstance(o, str)]
            else:
                node[_compact(predicate)] = [_value(o) for o in ordered]
        yield node


def iter_jsonld(G: nx.MultiDiGraph, described: Described | None = None) -> Iterator[str]:
    """The text of :func:`to_jsonld` in pieces, one node object at a time; ``described``: the
    graph's subjects already indexed for another export."""
    subjects = described or Described(G)
    context = dict(sorted(PREFIXES.items()))
    return document_pieces({"@context": context, "@graph": Lazy(lambda: _objects(subjects))})


def to_jsonld(G: nx.MultiDiGraph) -> str:
    """The graph as a JSON-LD document (``@context`` + sorted ``@graph``), byte-identical for the same graph.

    Examples
    --------
    >>> G = nx.MultiDiGraph(documents={})
    >>> G.add_node("https://w3id.org/newskg/id/country/chad", kind="country", label="Chad",
    ...            aliases=[], evidence=())
    >>> import json
    >>> doc = json.loads(to_jsonld(G))
    >>> chad = next(n for n in doc["@graph"] if n["@id"].endswith("chad"))
    >>> chad["@type"], chad["rdfs:label"]
    (['kg:Country'], ['Chad'])
    """
    return "".join(iter_jsonld(G))
