"""The Turtle export: accepted by rdflib, rapper and Oxigraph; byte-stable; escaped;
conforming to the SHACL shapes; mentions true to their documents; provenance recorded."""

from __future__ import annotations

import copy
from importlib.resources import files
from pathlib import Path

import pyoxigraph
import pyshacl
import pytest
from rdf_graphs import DOC_A, NASTY, big_graph, document_text, rapper_count, tricky_graph
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, PROV, SKOS

import kg
from kg.export.namespace import KG
from kg.export.rdf import document_iri, mention_iri, to_rdf, to_turtle, triples
from kg.iri import mint
from kg.settings import Settings
from kg.sources import read_corpus
from kg.types import Article


def _shapes() -> Graph:
    return Graph().parse(data=files("kg").joinpath("data/shapes.ttl").read_text("utf-8"), format="turtle")


def _conforms(data: Graph) -> tuple[bool, str]:
    ok, _, text = pyshacl.validate(data, shacl_graph=_shapes(), advanced=True)
    return ok, text


# ------------------------------------------------------------------ hand-built graph


def test_turtle_round_trips_through_rdflib() -> None:
    G = tricky_graph()
    parsed = Graph().parse(data=to_turtle(G), format="turtle")
    assert isomorphic(parsed, to_rdf(G))
    assert len(parsed) == len(set(triples(G)))


def test_nasty_text_survives_every_parser(tmp_path: Path) -> None:
    G = tricky_graph()
    path = tmp_path / "graph.ttl"
    path.write_text(to_turtle(G), encoding="utf-8")
    parsed = Graph().parse(path, format="turtle")
    texts = {str(o) for o in parsed.objects(None, KG.text)}
    assert set(NASTY) <= texts
    title = parsed.value(document_iri(DOC_A), DCTERMS.title)
    assert str(title) == 'Title with "quotes" and \\ and\nnewline'
    assert str(parsed.value(URIRef(mint("place", "Port Town")), RDFS.label)) == "Port <Town>"
    ox_texts = {q.object.value for q in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
                if q.predicate.value == str(KG.text)}
    assert set(NASTY) <= ox_texts
    assert rapper_count(path) == len(parsed)


def test_same_graph_in_another_order_gives_the_same_bytes() -> None:
    assert to_turtle(tricky_graph()) == to_turtle(tricky_graph(reverse=True))


def test_every_node_kind_is_typed_as_the_schema_says() -> None:
    g = to_rdf(tricky_graph())
    call = URIRef(mint("phone_call", "2023-06", "ann-lee-bo-chen"))
    assert set(g.objects(call, RDF.type)) == {KG.PhoneCall, KG.Meeting, KG.Event}
    coop = URIRef(mint("cooperation", "undated", "atlantis-sea-council"))
    assert set(g.objects(coop, RDF.type)) == {KG.Cooperation, KG.Event}
    assert len(set(g.subjects(RDF.type, KG.Event))) == 5
    office = URIRef(mint("office", "Foreign Minister", "Atlantis"))
    assert (URIRef(mint("person", "Cy Old")), KG.heldOffice, office) in g


def test_dates_are_typed_by_precision() -> None:
    g = to_rdf(tricky_graph())
    dates = {str(o): o.datatype for o in g.objects(None, KG.date)}
    assert dates == {"2023-06-18": XSD.date, "2023-06": XSD.gYearMonth, "2023": XSD.gYear}


def test_mentions_equal_their_document_text() -> None:
    g = to_rdf(tricky_graph())
    text = document_text()
    mentions = list(g.subjects(RDF.type, KG.Mention))
    assert len(mentions) == len(NASTY) + 1
    for m in mentions:
        if g.value(m, KG.document) != document_iri(DOC_A):
            continue
        start, end = g.value(m, KG.start), g.value(m, KG.end)
        assert start.datatype == XSD.integer and end.datatype == XSD.integer
        assert str(g.value(m, KG.text)) == text[start.toPython():end.toPython()]


def test_office_holding_is_reified_with_its_evidence() -> None:
    g = to_rdf(tricky_graph())
    person, office = URIRef(mint("person", "Ann Lee")), URIRef(mint("office", "Foreign Minister", "Atlantis"))
    [statement] = list(g.subjects(RDF.subject, person))
    assert g.value(statement, RDF.predicate) == KG.holdsOffice
    assert g.value(statement, RDF.object) == office
    assert (statement, RDF.type, RDF.Statement) in g
    assert len(set(g.objects(statement, KG.evidence))) == 2


def test_provenance_names_rules_and_version() -> None:
    g = to_rdf(tricky_graph())
    meeting = URIRef(mint("meeting", "2023-06-18", "ann-lee-bo-chen"))
    rules = {str(g.value(r, RDFS.label)) for r in g.objects(meeting, KG.rule)}
    assert rules == {"meeting:verb:meet", "meeting:noun:talk"}
    run = g.value(meeting, PROV.wasGeneratedBy)
    assert (run, RDF.type, PROV.Activity) in g and (run, RDF.type, KG.Extraction) in g
    agent = g.value(run, PROV.wasAssociatedWith)
    assert (agent, RDF.type, PROV.SoftwareAgent) in g
    assert str(g.value(agent, KG.softwareVersion)) == "0.1.0"
    assert set(g.objects(run, PROV.used)) == set(g.subjects(RDF.type, KG.Document))


def test_alias_equal_to_label_is_not_repeated() -> None:
    G = tricky_graph()
    G.nodes[mint("country", "Lemuria")]["aliases"] = ["Lemuria", "Lemurian"]
    g = to_rdf(G)
    assert set(map(str, g.objects(URIRef(mint("country", "Lemuria")), SKOS.altLabel))) == {"Lemurian"}


def test_exporter_does_not_mutate_the_graph() -> None:
    G = tricky_graph()
    before = copy.deepcopy(G)
    to_turtle(G)
    to_rdf(G)
    assert dict(G.nodes(data=True)) == dict(before.nodes(data=True))
    assert list(G.edges(keys=True, data=True)) == list(before.edges(keys=True, data=True))
    assert G.graph == before.graph


def test_unknown_kind_or_relation_is_an_error_not_a_silent_gap() -> None:
    G = tricky_graph()
    G.add_node("https://w3id.org/newskg/id/x/y", kind="spaceship", label="X", aliases=[], evidence=())
    with pytest.raises(KeyError):
        to_turtle(G)
    G = tricky_graph()
    G.add_edge(mint("person", "Ann Lee"), mint("person", "Bo Chen"), key="married_to")
    with pytest.raises(KeyError):
        to_turtle(G)


def test_unsafe_characters_in_a_node_id_are_percent_encoded() -> None:
    G = tricky_graph()
    G.add_node("https://example.org/a b<c>", kind="place", label="Odd", aliases=[], evidence=())
    text = to_turtle(G)
    assert "<https://example.org/a%20b%3Cc%3E>" in text
    assert Graph().parse(data=text, format="turtle")


def test_shapes_accept_the_hand_built_graph() -> None:
    ok, report = _conforms(to_rdf(tricky_graph()))
    assert ok, report


@pytest.mark.parametrize(
    ("break_it", "expected"),
    [
        (lambda g, n: g.add((n, RDFS.label, Literal("Second label"))), "rdfs:label"),
        (lambda g, n: g.remove((n, KG.evidence, None)), "kg:evidence"),
        (lambda g, n: g.set((n, KG.status, Literal("maybe"))), "kg:status"),
        (lambda g, n: g.set((n, KG.date, Literal("2023-06-18"))), "kg:date"),
        (lambda g, n: g.set((mention_iri(tricky_graph().nodes[str(n)]["evidence"][0]), KG.start,
                             Literal("12"))), "kg:start"),
        (lambda g, n: g.set((URIRef(mint("country", "Atlantis")), KG.isoAlpha2, Literal("xa"))),
         "kg:isoAlpha2"),
    ],
    ids=["two-labels", "no-evidence", "status-not-in-list", "untyped-date", "offset-not-integer",
         "iso-code-not-capitals"],
)
def test_shapes_catch_a_broken_contract(break_it, expected: str) -> None:
    g = to_rdf(tricky_graph())
    node = URIRef(mint("meeting", "2023-06-18", "ann-lee-bo-chen"))
    break_it(g, node)
    ok, report = _conforms(g)
    assert not ok
    assert expected in report


def test_ten_thousand_nodes_export_whole() -> None:
    # How fast is the benchmark's to print (benchmarks/throughput.py), not a timed test's.
    G = big_graph(5000)
    text = to_turtle(G)
    assert G.number_of_nodes() == 10_000
    assert text.count("a kg:Person") == 5000
    assert len(Graph().parse(data=text, format="turtle")) == len(set(triples(G)))


# ------------------------------------------------------------------ the seeds export


@pytest.fixture(scope="module")
def seeds_turtle(seeds_export: Path) -> Path:
    return seeds_export / "graph.ttl"


@pytest.fixture(scope="module")
def seeds_rdf(seeds_turtle: Path) -> Graph:
    return Graph().parse(seeds_turtle, format="turtle")


@pytest.mark.slow
def test_seeds_turtle_is_accepted_by_rapper_oxigraph_and_rdflib(seeds_turtle: Path, seeds_rdf: Graph) -> None:
    assert len(seeds_rdf) > 1000
    quads = list(pyoxigraph.parse(path=str(seeds_turtle), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(quads) == len(seeds_rdf)
    assert rapper_count(seeds_turtle) == len(seeds_rdf)
    assert seeds_turtle.read_text("utf-8").startswith("@prefix dcterms:")
    assert f"@prefix kg: <{KG._NS}> ." in seeds_turtle.read_text("utf-8")


@pytest.mark.slow
def test_seeds_turtle_round_trips(seeds_graph, seeds_rdf: Graph) -> None:
    assert isomorphic(seeds_rdf, to_rdf(seeds_graph))


@pytest.mark.slow
def test_seeds_export_conforms_to_the_shapes(seeds_rdf: Graph) -> None:
    ok, report = _conforms(seeds_rdf)
    assert ok, report


@pytest.mark.slow
def test_seeds_mentions_equal_the_articles_text(seeds_dir: Path, seeds_rdf: Graph) -> None:
    texts = {a.doc_id: a.text for a in read_corpus(seeds_dir, Settings()) if isinstance(a, Article)}
    mentions = list(seeds_rdf.subjects(RDF.type, KG.Mention))
    assert len(mentions) > 50
    for m in mentions:
        doc = str(seeds_rdf.value(seeds_rdf.value(m, KG.document), KG.source))
        start, end = seeds_rdf.value(m, KG.start).toPython(), seeds_rdf.value(m, KG.end).toPython()
        assert str(seeds_rdf.value(m, KG.text)) == texts[doc][start:end], (doc, start, end)


@pytest.mark.slow
def test_seeds_countries_carry_their_iso_codes(seeds_rdf: Graph) -> None:
    codes = {str(seeds_rdf.value(c, RDFS.label)): (str(seeds_rdf.value(c, KG.isoAlpha2)),
                                                   str(seeds_rdf.value(c, KG.isoAlpha3)))
             for c in seeds_rdf.subjects(RDF.type, KG.Country)}
    assert codes["China"] == ("CN", "CHN")
    assert codes["United States"] == ("US", "USA")
    assert all(len(a2) == 2 and len(a3) == 3 for a2, a3 in codes.values())


@pytest.mark.slow
def test_seeds_documents_carry_their_metadata(seeds_rdf: Graph) -> None:
    doc = document_iri("000_7e9a2b2bbecab8b2.txt")
    assert (doc, RDF.type, KG.Document) in seeds_rdf
    assert seeds_rdf.value(doc, DCTERMS.date) == Literal("2023-06-18", datatype=XSD.date)
    assert str(seeds_rdf.value(doc, DCTERMS.title)).startswith("Blinken arrives in Beijing")
    assert seeds_rdf.value(document_iri("001_07214785902e2096.txt"), DCTERMS.title) is None
    agent = next(seeds_rdf.subjects(RDF.type, PROV.SoftwareAgent))
    assert str(seeds_rdf.value(agent, KG.softwareVersion)) == kg.__version__


@pytest.mark.slow
def test_two_builds_give_byte_identical_turtle(seeds_dir: Path, seeds_graph) -> None:
    again = kg.build(seeds_dir, Settings(progress=False))
    assert to_turtle(again) == to_turtle(seeds_graph)


def test_the_three_rdf_exports_of_a_build_index_the_subjects_once_and_write_what_each_writes_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kg.export import export_files
    from kg.export import rdf as rdf_module
    from kg.export.jsonld import to_jsonld
    from kg.export.ntriples import to_ntriples

    G = tricky_graph()
    alone = {"graph.ttl": to_turtle(G), "graph.nt": to_ntriples(G), "graph.jsonld": to_jsonld(G)}
    made = []
    real = rdf_module._index

    def counted(graph: object) -> object:
        made.append(graph)
        return real(graph)

    monkeypatch.setattr(rdf_module, "_index", counted)
    files = export_files(G)
    shared = {name: "".join(files[name]()) for name in alone}
    assert shared == alone
    assert made == [G]
