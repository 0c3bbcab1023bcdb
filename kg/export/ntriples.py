"""The graph as N-Triples: one triple a line, lines sorted, byte-identical for the same graph."""

from __future__ import annotations

import networkx as nx

from kg.export.rdf import triples
from kg.export.turtle import nt_term

__all__ = ["to_ntriples"]


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
    lines = {f"{nt_term(s)} {nt_term(p)} {nt_term(o)} .\n" for s, p, o in triples(G)}
    return "".join(sorted(lines))
