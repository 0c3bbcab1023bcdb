"""The table of node kinds (:mod:`kg.kinds`): a row for every kind, consistent with the
ontology and the public schema, and what the graph, the RDF and the page do with each kind."""

from __future__ import annotations

import ast
from collections import Counter
from importlib import resources
from pathlib import Path

import networkx as nx
import pytest
from html_graphs import event_graph
from rdflib import OWL, RDF, RDFS, Graph, URIRef

import kg.kinds
from kg.export.html import page_data
from kg.export.namespace import KG
from kg.export.pyvis import KIND_STYLES, POLYGONS, to_pyvis
from kg.export.rdf import to_rdf
from kg.iri import ONTOLOGY
from kg.kinds import EVENT_ROWS, KINDS, RELATION_KINDS, EventRow
from kg.vocab import EntityKind, EventKind, Relation

# vis-network's own node shapes (its documentation, nodes.shape); the others are drawn as SVG.
VIS_SHAPES = {"ellipse", "circle", "database", "box", "text", "image", "circularImage", "diamond", "dot",
              "star", "triangle", "triangleDown", "hexagon", "square", "icon"}
# The edges that say where an event was: a relation kind has none of them.
WHERE = {Relation.PLACE.value, Relation.DESTINATION.value, Relation.TRAVELLER.value}
ACTORS = {row.actor.value for row in EVENT_ROWS.values()}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(str(resources.files("kg") / "data" / "ontology.ttl"), format="turtle")


def test_every_kind_has_one_row_under_its_own_value() -> None:
    assert set(KINDS) == {k.value for k in EntityKind} | {k.value for k in EventKind}
    assert set(EVENT_ROWS) == {k.value for k in EventKind}
    assert all(value == row.kind.value for value, row in KINDS.items())


def test_every_class_is_declared_in_the_ontology(ontology: Graph) -> None:
    for row in KINDS.values():
        for name in row.classes:
            assert (URIRef(ONTOLOGY + name), RDF.type, OWL.Class) in ontology, (row.kind, name)


def test_a_node_is_typed_with_its_class_and_every_kg_class_above_it(ontology: Graph) -> None:
    # A query for kg:Meeting finds phone calls without a reasoner (queries/meetings.rq relies on it).
    for row in KINDS.values():
        own = URIRef(ONTOLOGY + row.classes[0])
        above = {c for c in ontology.transitive_objects(own, RDFS.subClassOf) if str(c).startswith(ONTOLOGY)}
        assert {URIRef(ONTOLOGY + c) for c in row.classes} == above, row.kind
        assert len(set(row.classes)) == len(row.classes)
        assert ("Event" in row.classes) is isinstance(row, EventRow)


def test_the_actor_relation_is_one_the_ontology_allows_for_the_kind(ontology: Graph) -> None:
    for row in EVENT_ROWS.values():
        domains = set(ontology.objects(KG[row.actor.value], RDFS.domain))
        assert domains & {URIRef(ONTOLOGY + c) for c in row.classes}, row.kind


def test_disputes_have_parties_and_other_events_participants() -> None:
    # SCHEMA.md: kg:party is Dispute -> actor; every other event has kg:participant.
    assert EVENT_ROWS[EventKind.DISPUTE.value].actor is Relation.PARTY
    assert {row.actor for kind, row in EVENT_ROWS.items() if kind != EventKind.DISPUTE.value} == {
        Relation.PARTICIPANT}


def test_disputes_and_cooperation_are_the_relation_kinds() -> None:
    # The README: a dispute or cooperation node joins the sentences of one episode of the same parties.
    assert {EventKind.DISPUTE, EventKind.COOPERATION} == RELATION_KINDS


def test_the_graph_ties_actors_by_the_kind_and_places_no_relation(
    seeds_graph: nx.MultiDiGraph,
) -> None:
    seen: Counter[tuple[bool, bool]] = Counter()
    for node, data in seeds_graph.nodes(data=True):
        row = EVENT_ROWS.get(data["kind"])
        if row is None:
            continue
        keys = {key for _, _, key in seeds_graph.out_edges(node, keys=True)}
        assert keys & ACTORS == {row.actor.value}, node
        if row.is_relation:
            assert not keys & WHERE, node
        seen[row.is_relation, bool(keys & WHERE)] += 1
    # Both kinds of event are in the seeds, and occasions there do have places.
    assert seen[True, False] and seen[False, True]


def test_rdf_types_every_node_with_its_rows_classes() -> None:
    G = nx.MultiDiGraph(documents={})
    for value in KINDS:
        G.add_node(f"urn:x:{value}", kind=value, label=value, aliases=[], evidence=())
    g = to_rdf(G)
    for value, row in KINDS.items():
        assert set(g.objects(URIRef(f"urn:x:{value}"), RDF.type)) == {KG[c] for c in row.classes}


def test_the_page_draws_and_names_each_kind_by_its_row() -> None:
    assert list(KIND_STYLES) == list(KINDS)  # the legend's order
    for value, row in KINDS.items():
        style = KIND_STYLES[value]
        assert (style.colour, style.shape, style.name, style.event) == (
            row.colour, row.shape, row.name, isinstance(row, EventRow))
        assert row.shape in VIS_SHAPES | set(POLYGONS)
    assert len({row.name for row in KINDS.values()}) == len(KINDS)
    G = event_graph()
    net = to_pyvis(G)
    for node, data in G.nodes(data=True):
        assert net.get_node(node)["color"]["background"] == KINDS[data["kind"]].colour


def test_the_view_without_events_says_each_kind_by_its_verb() -> None:
    G = event_graph()
    projected = {e["label"] for e in page_data(G)["edges"] if e.get("projected")}
    assert projected == {f"{EVENT_ROWS[d['kind']].verb} {d['date']}" for _, d in G.nodes(data=True)
                         if d["kind"] in EVENT_ROWS}


def test_the_table_sits_below_the_stages_and_the_exporters() -> None:
    # Stages and exporters both read the table, so it may import neither.
    tree = ast.parse(Path(kg.kinds.__file__).read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    imported |= {a.name for node in ast.walk(tree) if isinstance(node, ast.Import) for a in node.names}
    assert {m for m in imported if m and m.split(".")[0] == "kg"} == {"kg.vocab"}
