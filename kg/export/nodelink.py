"""The graph as networkx node-link JSON, and back.

Everything in the graph is kept: evidence as ``{"doc_id", "start", "end", "text"}``
objects, the document table under ``"documents"``, so :func:`from_node_link`
rebuilds a graph equal to the one exported (node and edge attributes, documents, version).
:func:`read_graph` does the same from the ``graph.json`` that ``kg build`` writes
(it is ``kg.read_graph``, what the notebooks start from).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, cast

import networkx as nx

from kg.errors import KgError
from kg.export.files import reading
from kg.export.streams import Lazy, document_pieces
from kg.types import DocumentInfo, Evidence

__all__ = ["FILE_NAME", "from_node_link", "iter_node_link", "read_graph", "to_node_link"]

FILE_NAME = "graph.json"
"""The name ``kg build`` gives the node-link export in its output folder."""


def _plain(data: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in data.items():
        if name == "evidence":
            value = [{"doc_id": e.doc_id, "start": e.start, "end": e.end, "text": e.text} for e in value]
        elif isinstance(value, tuple):
            value = list(value)
        out[name] = value
    return out


def _document(doc: DocumentInfo) -> dict[str, Any]:
    return {
        "doc_id": doc.doc_id,
        "published": doc.published.isoformat() if doc.published else None,
        "title": doc.title,
        "url": doc.url,
        "chars": doc.chars,
        "digest": doc.digest,
    }


def iter_node_link(G: nx.MultiDiGraph) -> Iterator[str]:
    """The text of :func:`to_node_link` in pieces, a node or an edge at a time.

    The document is ``networkx.node_link_data`` (``edges="edges"``) of ``G``, keys
    sorted, one node or edge a line.
    """
    documents = G.graph.get("documents", {})
    graph = {"documents": Lazy(lambda: (_document(documents[d]) for d in sorted(documents))),
             "kg_version": str(G.graph.get("kg_version", ""))}
    nodes = Lazy(lambda: ({**_plain(data), "id": node} for node, data in G.nodes(data=True)))
    edges = Lazy(lambda: ({**_plain(data), "source": u, "target": v, "key": str(key)}
                          for u, v, key, data in G.edges(keys=True, data=True)))
    return document_pieces({"directed": True, "multigraph": True, "graph": graph,
                            "nodes": nodes, "edges": edges})


def to_node_link(G: nx.MultiDiGraph) -> str:
    """``networkx.node_link_data`` of ``G`` as JSON text, with every attribute made JSON-safe.

    Examples
    --------
    >>> G = nx.MultiDiGraph(documents={})
    >>> G.add_node("p", kind="person", label="Ann", aliases=[], evidence=(Evidence("a.txt", 0, 3, "Ann"),))
    >>> json.loads(to_node_link(G))["nodes"][0]["evidence"]
    [{'doc_id': 'a.txt', 'end': 3, 'start': 0, 'text': 'Ann'}]
    """
    return "".join(iter_node_link(G))


def _records(data: dict[str, Any]) -> dict[str, Any]:
    if "evidence" in data:
        data["evidence"] = tuple(Evidence(**e) for e in data["evidence"])
    return data


def from_node_link(text: str) -> nx.MultiDiGraph:
    """Read back what :func:`to_node_link` wrote: evidence as :class:`~kg.types.Evidence`, documents
    as :class:`~kg.types.DocumentInfo`.

    Examples
    --------
    >>> G = nx.MultiDiGraph(documents={})
    >>> G.add_node("p", kind="person", label="Ann", aliases=[], evidence=(Evidence("a.txt", 0, 3, "Ann"),))
    >>> dict(from_node_link(to_node_link(G)).nodes(data=True)) == dict(G.nodes(data=True))
    True
    """
    # networkx's stub types every result as a Graph, whatever directed and multigraph ask for.
    H = cast("nx.MultiDiGraph[str]",
             nx.node_link_graph(json.loads(text), directed=True, multigraph=True, edges="edges"))
    G: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    G.graph["kg_version"] = H.graph.get("kg_version", "")
    G.graph["documents"] = {
        d["doc_id"]: DocumentInfo(
            doc_id=d["doc_id"],
            published=dt.date.fromisoformat(d["published"]) if d["published"] else None,
            title=d["title"],
            url=d["url"],
            chars=d["chars"],
            digest=d["digest"],
        )
        for d in H.graph.get("documents", [])
    }
    for node, data in H.nodes(data=True):
        G.add_node(node, **_records(dict(data)))
    for u, v, key, data in H.edges(keys=True, data=True):
        G.add_edge(u, v, key=key, **_records(dict(data)))
    return G


def read_graph(path: str | Path) -> nx.MultiDiGraph:
    """Read back the graph that ``kg build`` exported, without parsing the articles again.

    Parameters
    ----------
    path:
        The output folder of ``kg build`` (such as ``exports/``), or the ``graph.json``
        (node-link JSON) file in it.

    Returns
    -------
    networkx.MultiDiGraph
        The graph :func:`kg.build` returned when the exports were written: the same nodes,
        edges, attributes, documents and version. Only ``G.graph["report"]`` (what that
        build read and skipped) is not in the exports.

    Raises
    ------
    KgError
        ``KG501`` when there is no such file, ``KG502`` when it is not a node-link export,
        ``KG304`` when the folder's exports do not match their ``manifest.json``.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> G = nx.MultiDiGraph(documents={})
    >>> G.add_node("p", kind="person", label="Ann", aliases=[], evidence=(Evidence("a.txt", 0, 3, "Ann"),))
    >>> _ = (folder / "graph.json").write_text(to_node_link(G), encoding="utf-8")
    >>> read_graph(folder).nodes["p"]["label"]
    'Ann'
    """
    path = Path(path)
    file = path / FILE_NAME if path.is_dir() else path
    try:
        with reading(file):  # refuses a folder that holds parts of two builds (KG304)
            text = file.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise KgError("KG501", str(file), "no such file; give the output folder of kg build "
                      "(or its graph.json), e.g. exports/") from error
    except (OSError, UnicodeDecodeError) as error:
        raise KgError("KG502", str(file), f"cannot read it ({error})".splitlines()[0]) from error
    try:
        return from_node_link(text)
    except (ValueError, KeyError, TypeError, nx.NetworkXError) as error:
        raise KgError("KG502", str(file), "not a node-link export of kg build (graph.json); rebuild it with: "
                      "kg build INPUT_DIR --out OUTPUT_DIR") from error
