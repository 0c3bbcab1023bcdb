"""The other formats from the same graph: N-Triples, JSON-LD, GraphML, node-link JSON.
Each is read back and compared with what was written."""

from __future__ import annotations

import copy
import io
import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
from rdf_graphs import NASTY, big_graph, tricky_graph
from rdflib import Graph
from rdflib.compare import isomorphic

import kg
from kg.cli import main
from kg.errors import KgError
from kg.export.graphml import SEPARATOR, iter_graphml, to_graphml
from kg.export.html import iter_html
from kg.export.jsonld import iter_jsonld, to_jsonld
from kg.export.nodelink import from_node_link, iter_node_link, to_node_link
from kg.export.ntriples import iter_ntriples, to_ntriples
from kg.export.rdf import iter_turtle, to_rdf
from kg.iri import mint

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def _same_graph(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> None:
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    assert sorted(a.edges(keys=True, data=True), key=repr) == sorted(b.edges(keys=True, data=True), key=repr)
    assert a.graph["documents"] == b.graph["documents"]
    assert a.graph["kg_version"] == b.graph["kg_version"]


# ------------------------------------------------------------------ N-Triples


def test_ntriples_round_trips_and_is_sorted(tmp_path: Path) -> None:
    G = tricky_graph()
    text = to_ntriples(G)
    lines = text.splitlines()
    assert lines == sorted(lines) and len(lines) == len(set(lines))
    assert isomorphic(Graph().parse(data=text, format="nt"), to_rdf(G))
    assert text == to_ntriples(tricky_graph(reverse=True))
    path = tmp_path / "graph.nt"
    path.write_text(text, encoding="utf-8")
    quads = list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.N_TRIPLES))
    assert len(quads) == len(lines)
    assert set(NASTY) <= {q.object.value for q in quads}
    rapper = shutil.which("rapper")
    if rapper is None:
        pytest.skip("rapper not installed (apt-get install raptor2-utils)")
    command = [rapper, "-i", "ntriples", "-c", str(path)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0 and f"returned {len(lines)} triples" in done.stderr, done.stderr


# ------------------------------------------------------------------ JSON-LD


def test_jsonld_round_trips_through_rdflib_and_oxigraph() -> None:
    G = tricky_graph()
    text = to_jsonld(G)
    document = json.loads(text)
    assert document["@context"]["kg"] == "https://w3id.org/newskg/ontology#"
    ids = [node["@id"] for node in document["@graph"]]
    assert ids == sorted(ids)
    assert isomorphic(Graph().parse(data=text, format="json-ld"), to_rdf(G))
    quads = list(pyoxigraph.parse(text, format=pyoxigraph.RdfFormat.JSON_LD))
    assert len(quads) == len(to_rdf(G))
    assert text == to_jsonld(tricky_graph(reverse=True))


# ------------------------------------------------------------------ GraphML


def test_graphml_has_scalar_attributes_only() -> None:
    root = ET.fromstring(to_graphml(tricky_graph()).encode("utf-8"))
    types = {key.get("attr.name"): key.get("attr.type") for key in root.iter(f"{GRAPHML}key")}
    assert set(types.values()) <= {"string", "int", "long", "double", "boolean"}
    assert {"label", "kind", "aliases", "evidence_count", "relation", "date", "status"} <= set(types)


def test_graphml_reads_back_with_the_same_nodes_edges_and_labels() -> None:
    G = tricky_graph()
    H = nx.read_graphml(io.StringIO(to_graphml(G)), force_multigraph=True)
    assert set(H) == set(G)
    assert sorted((u, v, k) for u, v, k in H.edges(keys=True)) == sorted(G.edges(keys=True))
    for node, data in G.nodes(data=True):
        assert H.nodes[node]["label"] == data["label"]
        assert H.nodes[node]["kind"] == data["kind"]
        assert H.nodes[node]["evidence_count"] == len(data["evidence"])
        if data["aliases"]:
            assert H.nodes[node]["aliases"].split(SEPARATOR) == data["aliases"]
    person = mint("person", "Ann Lee")
    assert H.nodes[person]["label"] == 'Ann "The Fish" Lee'
    office = mint("office", "Foreign Minister", "Atlantis")
    assert H.edges[person, office, "holds_office"]["evidence_count"] == 2


def test_graphml_survives_characters_xml_forbids() -> None:
    G = tricky_graph()
    G.nodes[mint("person", "Bo Chen")]["label"] = "Bo\x00\x01 Chen\ufffe"
    H = nx.read_graphml(io.StringIO(to_graphml(G)), force_multigraph=True)
    assert H.nodes[mint("person", "Bo Chen")]["label"] == "Bo\ufffd\ufffd Chen\ufffd"


# ------------------------------------------------------------------ node-link JSON


def test_node_link_round_trips_everything() -> None:
    G = tricky_graph()
    before = copy.deepcopy(G)
    _same_graph(from_node_link(to_node_link(G)), G)
    _same_graph(G, before)  # the exporter did not touch the graph
    data = json.loads(to_node_link(G))
    assert {"nodes", "edges", "graph", "directed", "multigraph"} <= set(data)
    assert to_node_link(G) == to_node_link(copy.deepcopy(G))


def test_read_graph_reads_the_export_folder_or_its_file(tmp_path: Path) -> None:
    G = tricky_graph()
    (tmp_path / "graph.json").write_text(to_node_link(G), encoding="utf-8")
    _same_graph(kg.read_graph(tmp_path), G)
    _same_graph(kg.read_graph(str(tmp_path / "graph.json")), G)


def test_read_graph_says_what_to_do_with_a_missing_or_wrong_file(tmp_path: Path) -> None:
    with pytest.raises(KgError, match="KG501") as missing:
        kg.read_graph(tmp_path)
    assert "graph.json" in str(missing.value) and "kg build" in str(missing.value)
    (tmp_path / "graph.json").write_text('{"not": "a graph"}', encoding="utf-8")
    with pytest.raises(KgError, match="KG502"):
        kg.read_graph(tmp_path)
    (tmp_path / "graph.json").write_text("<graphml/>", encoding="utf-8")
    with pytest.raises(KgError, match="KG502"):
        kg.read_graph(tmp_path / "graph.json")


# ------------------------------------------------------------------ seeds


@pytest.mark.slow
def test_every_seeds_format_reads_back(seeds_graph, seeds_export: Path) -> None:
    reference = to_rdf(seeds_graph)
    assert isomorphic(Graph().parse(seeds_export / "graph.nt", format="nt"), reference)
    assert isomorphic(Graph().parse(seeds_export / "graph.jsonld", format="json-ld"), reference)
    _same_graph(from_node_link(to_node_link(seeds_graph)), seeds_graph)
    H = nx.read_graphml(io.StringIO(to_graphml(seeds_graph)), force_multigraph=True)
    assert H.number_of_nodes() == seeds_graph.number_of_nodes()
    assert H.number_of_edges() == seeds_graph.number_of_edges()


@pytest.mark.slow
def test_build_writes_every_format(seeds_dir: Path, seeds_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    assert main(["build", str(seeds_dir), "--out", str(tmp_path), "--quiet"]) == 0
    names = {p.name for p in tmp_path.iterdir()}
    assert {"graph.ttl", "graph.html", "graph.nt", "graph.jsonld", "graph.graphml", "graph.json"} <= names
    ttl = Graph().parse(tmp_path / "graph.ttl", format="turtle")
    assert isomorphic(ttl, Graph().parse(tmp_path / "graph.nt", format="nt"))
    assert isomorphic(ttl, Graph().parse(tmp_path / "graph.jsonld", format="json-ld"))
    G = from_node_link((tmp_path / "graph.json").read_text("utf-8"))
    _same_graph(kg.read_graph(tmp_path), seeds_graph)  # what the notebooks load is what kg.build gives
    H = nx.read_graphml(tmp_path / "graph.graphml", force_multigraph=True)
    assert set(G) == set(H) and G.number_of_edges() == H.number_of_edges()


# ------------------------------------------------------------------ streaming


@pytest.mark.parametrize("pieces", [iter_turtle, iter_ntriples, iter_jsonld, iter_graphml, iter_node_link,
                                    iter_html])
def test_every_export_is_made_in_small_pieces_never_whole(pieces) -> None:
    # What kg build writes comes as one piece per subject, node or edge, so memory holds
    # one of them at a time, not the file (the benchmark prints the figures).
    G = big_graph(1000)
    sizes = [len(piece) for piece in pieces(G)]
    assert len(sizes) > G.number_of_nodes()
    if pieces is iter_html:
        sizes = sizes[1:-1]  # the page around the data: scripts and style, the same for any graph
    assert max(sizes) < sum(sizes) / 50
