"""Every article file gets a document IRI of its own, whatever its name.

File names that differ only in case, spacing or punctuation, or that are written in a
non-Latin script, once collapsed to one slug: two files became one ``kg:Document`` and a
mention cited the other file's sentence. A name that its slug gives back exactly keeps
its slug, so the seeds' IRIs (and ``exports/``) do not move.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pyshacl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Graph, URIRef

import kg
from kg.export.namespace import KG
from kg.export.rdf import document_iri, to_turtle
from kg.iri import RESOURCE, document_segment

# Names that one slug used to hold: case variants, space, hyphen and underscore, and
# names in scripts that have no ASCII letters at all.
COLLIDING = ["a b.txt", "a-b.txt", "a_b.txt", "A B.txt", "UPPER.TXT", "upper.txt", "Upper.Txt",
             "北京.txt", "東京.txt", "Αθήνα.txt", "Москва.txt"]
COUNTRIES = ["Germany", "France", "Spain", "Italy", "Poland", "Norway", "Sweden", "Austria", "Portugal",
             "Denmark", "Finland"]


def test_seed_style_names_keep_their_slug() -> None:
    assert str(document_iri("000_7e9a2b2bbecab8b2.txt")) == f"{RESOURCE}document/000-7e9a2b2bbecab8b2-txt"


def test_colliding_names_get_distinct_readable_segments() -> None:
    segments = [document_segment(name) for name in COLLIDING]
    assert len(set(segments)) == len(COLLIDING)
    assert document_segment("Москва.txt") == "Москва.txt"  # readable in a SPARQL query as it is
    assert document_segment("a b.txt") == "a%20b.txt"


@given(st.lists(st.text(max_size=12), min_size=2, max_size=2, unique=True))
def test_no_two_names_share_a_segment(names: list[str]) -> None:
    first, second = names
    assert document_segment(first) != document_segment(second)


@given(st.text(alphabet="ab_-.TXtx ", max_size=10).map(lambda s: s + ".txt"))
def test_names_close_to_the_slug_form_never_take_a_slug_name(name: str) -> None:
    # A name that keeps its slug, and any name that looks like it, never meet.
    slugged = [n for n in (name, name.lower(), name.replace("-", "_")) if n != name]
    assert all(document_segment(name) != document_segment(other) for other in slugged)


@given(st.text(max_size=12))
def test_every_segment_is_a_valid_iri_path_segment(name: str) -> None:
    segment = document_segment(name)
    assert not any(ch in segment for ch in ' <>"{}|^`\\/?#') and segment.isprintable()
    Graph().parse(data=f"<{RESOURCE}document/{segment}> <urn:p> 1 .", format="turtle")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("colliding")
    for name, country in zip(COLLIDING, COUNTRIES, strict=True):
        text = (f"{country} and its neighbours held talks on trade in the capital on Monday. "
                f"The foreign minister of {country} said that the talks were useful and that "
                "more meetings would follow before the end of the year.\n")
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def turtle(corpus: Path) -> Graph:
    G = kg.build(corpus)
    assert len(G.graph["documents"]) == len(COLLIDING)
    return Graph().parse(data=to_turtle(G), format="turtle")


@pytest.mark.slow
def test_a_build_of_colliding_names_has_one_document_per_file(turtle: Graph) -> None:
    sources = {str(turtle.value(doc, KG.source)) for doc in turtle.subjects(predicate=KG.source)}
    assert sources == set(COLLIDING)
    for name in COLLIDING:
        assert turtle.value(document_iri(name), KG.source).toPython() == name


@pytest.mark.slow
def test_each_mention_cites_its_own_files_sentence(turtle: Graph, corpus: Path) -> None:
    mentions = set(turtle.subjects(predicate=KG.document))
    assert len(mentions) >= len(COLLIDING)
    cited = set()
    for mention in mentions:
        (document,) = turtle.objects(mention, KG.document)
        name = str(turtle.value(document, KG.source))
        start, end = (int(turtle.value(mention, p).toPython()) for p in (KG.start, KG.end))
        text = (corpus / name).read_text(encoding="utf-8")
        assert text[start:end] == str(turtle.value(mention, KG.text)), (name, mention)
        cited.add(name)
    assert cited == set(COLLIDING)
    # Germany's evidence is a sentence about Germany, not France's at the same offsets.
    germany = URIRef(f"{RESOURCE}country/germany")
    texts = {str(turtle.value(m, KG.text)) for m in turtle.objects(germany, KG.evidence)}
    assert texts and all("Germany" in t for t in texts)


@pytest.mark.slow
def test_the_turtle_of_colliding_names_conforms_to_the_shapes(turtle: Graph) -> None:
    shapes = Graph().parse(data=files("kg").joinpath("data/shapes.ttl").read_text("utf-8"), format="turtle")
    ok, _, report = pyshacl.validate(turtle, shacl_graph=shapes, advanced=True)
    assert ok, report
