"""Exporters: one module per format. None of them changes the graph."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # kg load reads kg.export.files without the graph library
    import networkx as nx

__all__ = ["EXPORT_NAMES", "export_files", "export_groups"]

EXPORT_NAMES = ("graph.ttl", "graph.html", "graph.nt", "graph.jsonld", "graph.graphml", "graph.json",
                "events.csv", "events.jsonl")
"""The files ``kg build`` writes, in the order it writes them (beside them, ``manifest.json``)."""


_EFFORT = (
    (("graph.html",), 23.2),
    (("graph.ttl", "graph.nt", "graph.jsonld"), 16.7),
    (("events.csv", "events.jsonl"), 4.3),
    (("graph.graphml",), 3.0),
    (("graph.json",), 2.9),
)
"""The exports in the units one process must write together (the three RDF exports share
the index of their subjects, the two event tables their rows), with the seconds each
took at 10,000 generated articles (``benchmarks/incremental.py``): what
:func:`export_groups` balances."""


def export_groups(processes: int) -> list[list[str]]:
    """:data:`EXPORT_NAMES` shared among ``processes`` processes, about the same work each.

    Each unit of :data:`_EFFORT` goes, the longest first, to the process with the least
    work so far. Hand the groups to :func:`kg.export.files.write_all`.

    Examples
    --------
    >>> export_groups(1) == [list(EXPORT_NAMES)]
    True
    >>> [sorted(group) for group in export_groups(2)]  # doctest: +NORMALIZE_WHITESPACE
    [['graph.html', 'graph.json'],
     ['events.csv', 'events.jsonl', 'graph.graphml', 'graph.jsonld', 'graph.nt', 'graph.ttl']]
    """
    if processes <= 1:
        return [list(EXPORT_NAMES)]
    groups: list[list[str]] = [[] for _ in range(min(processes, len(_EFFORT)))]
    work = [0.0] * len(groups)
    for names, seconds in _EFFORT:
        least = work.index(min(work))
        groups[least].extend(names)
        work[least] += seconds
    return groups


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
    from kg.export.rdf import Described, iter_turtle

    # The three RDF exports share the index of their subjects, and the two event tables
    # their rows: each made once, by the process that writes the first of them.
    described = Described(G)
    made: list[Callable[[], Iterator[str]]] = [
        partial(iter_turtle, G, described), partial(iter_html, G), partial(iter_ntriples, G, described),
        partial(iter_jsonld, G, described), partial(iter_graphml, G), partial(iter_node_link, G),
    ]
    return dict(zip(EXPORT_NAMES, [*made, *table_makers(G)], strict=True))
