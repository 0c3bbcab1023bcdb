"""Exporters: one module per format. None of them changes the graph."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # kg load reads kg.export.files without the graph library
    import networkx as nx

__all__ = ["EXPORT_NAMES", "export_files"]

EXPORT_NAMES = ("graph.ttl", "graph.html", "graph.nt", "graph.jsonld", "graph.graphml", "graph.json",
                "events.csv", "events.jsonl")
"""The files ``kg build`` writes, in the order it writes them (beside them, ``manifest.json``)."""


def export_files(G: nx.MultiDiGraph) -> dict[str, Callable[[], Iterator[str]]]:
    """The files ``kg build`` writes: name -> a function giving the file's text in pieces.

    Hand the result to :func:`kg.export.files.write_all`; each export is then made as
    its file is written, and none is ever held whole in memory.

    Examples
    --------
    >>> import networkx as nx
    >>> tuple(export_files(nx.MultiDiGraph(documents={}))) == EXPORT_NAMES
    True
    """
    from kg.export.events_table import table_makers
    from kg.export.graphml import iter_graphml
    from kg.export.html import iter_html
    from kg.export.jsonld import iter_jsonld
    from kg.export.nodelink import iter_node_link
    from kg.export.ntriples import iter_ntriples
    from kg.export.rdf import iter_turtle

    makers = (iter_turtle, iter_html, iter_ntriples, iter_jsonld, iter_graphml, iter_node_link)
    # The two event tables share their rows, made once.
    made: list[Callable[[], Iterator[str]]] = [partial(make, G) for make in makers]
    return dict(zip(EXPORT_NAMES, [*made, *table_makers(G)], strict=True))
