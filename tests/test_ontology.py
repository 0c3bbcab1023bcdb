"""The ontology and the shapes shipped in the package: complete, documented, aligned,
in step with the closed namespace the exporter uses."""

from __future__ import annotations

import shutil
import subprocess
from importlib.resources import files

import pyoxigraph
import pyshacl
import pytest
from rdf_graphs import tricky_graph
from rdflib import OWL, RDF, RDFS, Graph, Namespace, URIRef
from rdflib.namespace import PROV, SKOS

from kg.export.namespace import KG, ONTOLOGY_IRI, ONTOLOGY_VERSION, ONTOLOGY_VERSION_IRI, SEM
from kg.export.rdf import to_rdf
from kg.iri import ONTOLOGY

SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")

# Every kg: term of the public schema (SCHEMA.md): these names are a promise.
SCHEMA_CLASSES = {"Person", "Organization", "Country", "Place", "Office", "Issue", "Event", "Meeting",
                  "PhoneCall", "Visit", "Dispute", "Document", "Mention"}
SCHEMA_PROPERTIES = {"holdsOffice", "officeOf", "country", "participant", "traveller", "destination",
                     "place", "date", "status", "party", "issue", "evidence", "document", "text", "start",
                     "end", "source"}


def _ontology_text() -> str:
    return files("kg").joinpath("data/ontology.ttl").read_text("utf-8")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(data=_ontology_text(), format="turtle")


def _defined(g: Graph) -> set[URIRef]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return {s for k in kinds for s in g.subjects(RDF.type, k) if str(s).startswith(ONTOLOGY)}


def test_ontology_has_a_stable_and_a_versioned_iri(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionIRI) == ONTOLOGY_VERSION_IRI
    assert str(ontology.value(ONTOLOGY_IRI, OWL.versionInfo)) == ONTOLOGY_VERSION
    assert str(ONTOLOGY_VERSION_IRI) == f"https://w3id.org/newskg/ontology/{ONTOLOGY_VERSION}"
    assert str(KG._NS) == "https://w3id.org/newskg/ontology#" == ONTOLOGY


def test_namespace_and_ontology_define_the_same_terms(ontology: Graph) -> None:
    in_namespace = {URIRef(KG._NS + name) for name in KG.__annotations__}
    assert in_namespace == _defined(ontology)


def test_every_schema_term_is_defined(ontology: Graph) -> None:
    defined = {str(t)[len(ONTOLOGY):] for t in _defined(ontology)}
    assert defined >= SCHEMA_CLASSES | SCHEMA_PROPERTIES
    for name in SCHEMA_CLASSES:
        assert (KG[name], RDF.type, OWL.Class) in ontology


def test_every_term_the_exporter_writes_is_defined(ontology: Graph) -> None:
    used = {t for triple in to_rdf(tricky_graph()) for t in triple
            if isinstance(t, URIRef) and str(t).startswith(ONTOLOGY)}
    # and vice versa: the hand-built graph exercises every term the ontology defines
    assert used == _defined(ontology)


def test_every_term_is_documented(ontology: Graph) -> None:
    for term in _defined(ontology):
        assert ontology.value(term, RDFS.label) is not None, term
        assert len(str(ontology.value(term, RDFS.comment) or "")) > 15, term
        assert ontology.value(term, RDFS.isDefinedBy) == ONTOLOGY_IRI, term
        is_property = (term, RDF.type, OWL.Class) not in ontology
        if is_property:
            assert ontology.value(term, RDFS.range) is not None, term
            if term != KG.evidence:  # "any node -> Mention"
                assert ontology.value(term, RDFS.domain) is not None, term


def test_alignments_to_standard_vocabularies(ontology: Graph) -> None:
    expected = [
        (KG.Person, RDFS.subClassOf, SCHEMA.Person),
        (KG.Organization, RDFS.subClassOf, ORG.Organization),
        (KG.Place, RDFS.subClassOf, SCHEMA.Place),
        (KG.Event, RDFS.subClassOf, SCHEMA.Event),
        (KG.Event, RDFS.subClassOf, SEM.Event),
        (KG.Office, RDFS.subClassOf, ORG.Post),
        (KG.Issue, RDFS.subClassOf, SKOS.Concept),
        (KG.Document, RDFS.subClassOf, PROV.Entity),
        (KG.Mention, RDFS.subClassOf, PROV.Entity),
        (KG.Extraction, RDFS.subClassOf, PROV.Activity),
        (KG.Rule, RDFS.subClassOf, PROV.Plan),
        (KG.PhoneCall, RDFS.subClassOf, KG.Meeting),
        (KG.Cooperation, RDFS.subClassOf, KG.Event),
        (KG.holdsOffice, RDFS.subPropertyOf, ORG.holds),
        (KG.officeOf, RDFS.subPropertyOf, ORG.postIn),
        (KG.participant, RDFS.subPropertyOf, SEM.hasActor),
        (KG.place, RDFS.subPropertyOf, SEM.hasPlace),
        (KG.evidence, RDFS.subPropertyOf, PROV.wasDerivedFrom),
        (KG.document, RDFS.subPropertyOf, PROV.wasQuotedFrom),
    ]
    for triple in expected:
        assert triple in ontology, triple


def test_a_misspelt_term_raises() -> None:
    with pytest.raises(AttributeError):
        _ = KG.holdOffice
    assert KG.holdsOffice == URIRef(ONTOLOGY + "holdsOffice")


@pytest.mark.parametrize("name", ["ontology.ttl", "shapes.ttl"])
def test_data_files_parse_everywhere(name: str, tmp_path) -> None:
    path = tmp_path / name
    path.write_bytes(files("kg").joinpath(f"data/{name}").read_bytes())
    count = len(Graph().parse(path, format="turtle"))
    assert len(list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))) == count
    rapper = shutil.which("rapper")
    if rapper is None:
        pytest.skip("rapper not installed (apt-get install raptor2-utils)")
    command = [rapper, "-i", "turtle", "-c", str(path)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0 and f"returned {count} triples" in done.stderr, done.stderr


def test_shapes_are_valid_shacl() -> None:
    shapes = Graph().parse(data=files("kg").joinpath("data/shapes.ttl").read_text("utf-8"), format="turtle")
    ok, _, report = pyshacl.validate(Graph(), shacl_graph=shapes, meta_shacl=True)
    assert ok, report


def test_export_conforms_with_the_ontology_as_background(ontology: Graph) -> None:
    shapes = Graph().parse(data=files("kg").joinpath("data/shapes.ttl").read_text("utf-8"), format="turtle")
    ok, _, report = pyshacl.validate(to_rdf(tricky_graph()), shacl_graph=shapes, ont_graph=ontology,
                                     inference="rdfs")
    assert ok, report
