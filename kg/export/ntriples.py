"""The graph as N-Triples: one triple a line, lines sorted, byte-identical for the same graph."""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from kg.export.rdf import Described
from kg.export.turtle import nt_term

__all__ = ["iter_ntriples", "to_ntriples"]


def iter_ntriples(G: nx.MultiDiGraph, described: Described | None = None) -> Iterator[str]:
    """The lines of :func:`to_ntriples` in pieces, one subject's lines at a time.

    Subjects are taken in the order of ``<IRI>``, so the lines of each, sorted, follow
    one another exactly as a sort of all lines would put them (no IRI holds ``>``).
    ``described``: the graph's subjects already indexed for another export.
    """
    for subject, pairs in (described or Described(G))(order=lambda iri: f"{iri}>"):
        s = nt_term(subject)
        yield "".join(sorted({f"{s} {nt_term(p)} {nt_term(o)} .\n" for p, o in pairs}))


def to_ntriples(G: nx.MultiDiGraph) -> str:
    """The same triples as :func:`kg.export.rdf.to_turtle`, as sorted N-Triples lines.

    Examples
    --------
    >>> G = nx.MultiDiGraph(documents={})
    >>> G.add_node("https://w3id.org/newskg/id/country/chad", kind="country", label='Chad "TD"',
    ...            aliases=[], evidence=())
    >>> print(next(line for line in to_ntriples(G).splitlines() if "#label" in line))
    <https://w3id.org/newskg/id/country/chad> <http://www.w3.org/2000/01/rdf-schema#label> "Chad \\"TD\\"" .
    """
    return "".join(iter_ntriples(G))
