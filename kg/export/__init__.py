"""Exporters: one module per format. None of them changes the graph."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import networkx as nx

__all__ = ["export_files"]


def export_files(G: nx.MultiDiGraph) -> dict[str, Callable[[], Iterator[str]]]:
    """The files ``kg build`` writes: name -> a function giving the file's text in pieces.

    Hand the result to :func:`kg.export.files.write_all`; each export is then made as
    its file is written, and none is ever held whole in memory.
    """
    from kg.export.graphml import iter_graphml
    from kg.export.html import iter_html
    from kg.export.jsonld import iter_jsonld
    from kg.export.nodelink import FILE_NAME, iter_node_link
    from kg.export.ntriples import iter_ntriples
    from kg.export.rdf import iter_turtle

    return {"graph.ttl": lambda: iter_turtle(G), "graph.html": lambda: iter_html(G),
            "graph.nt": lambda: iter_ntriples(G), "graph.jsonld": lambda: iter_jsonld(G),
            "graph.graphml": lambda: iter_graphml(G), FILE_NAME: lambda: iter_node_link(G)}
