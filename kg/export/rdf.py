"""The graph as RDF in the public schema (``SCHEMA.md``), and as Turtle.

Every node becomes a resource typed with its ``kg:`` class; every sentence behind a
node becomes a ``kg:Mention`` with its document and character offsets, so that
``kg:text`` equals the document's text between ``kg:start`` and ``kg:end``.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.iri import ONTOLOGY, RESOURCE, slug
from kg.types import DocumentInfo, Evidence
from kg.vocab import Relation

__all__ = ["KG", "document_iri", "mention_iri", "to_rdf", "to_turtle"]

KG = Namespace(ONTOLOGY)

_CLASSES: dict[str, tuple[URIRef, ...]] = {
    "person": (KG.Person,),
    "organization": (KG.Organization,),
    "country": (KG.Country,),
    "place": (KG.Place,),
    "office": (KG.Office,),
    "issue": (KG.Issue,),
    "meeting": (KG.Meeting, KG.Event),
    "phone_call": (KG.PhoneCall, KG.Meeting, KG.Event),
    "visit": (KG.Visit, KG.Event),
    "dispute": (KG.Dispute, KG.Event),
    "cooperation": (KG.Cooperation, KG.Event),
}

_EDGES: dict[str, URIRef] = {
    Relation.HOLDS_OFFICE.value: KG.holdsOffice,
    Relation.HELD_OFFICE.value: KG.heldOffice,
    Relation.OFFICE_OF.value: KG.officeOf,
    Relation.COUNTRY.value: KG.country,
    Relation.PARTICIPANT.value: KG.participant,
    Relation.TRAVELLER.value: KG.traveller,
    Relation.DESTINATION.value: KG.destination,
    Relation.PLACE.value: KG.place,
    Relation.PARTY.value: KG.party,
    Relation.ISSUE.value: KG.issue,
}

_DATE_TYPES = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}


def document_iri(doc_id: str) -> URIRef:
    """The IRI of a source article."""
    return URIRef(f"{RESOURCE}document/{slug(doc_id)}")


def mention_iri(evidence: Evidence) -> URIRef:
    """The IRI of one sentence of one article."""
    return URIRef(f"{RESOURCE}mention/{slug(evidence.doc_id)}/{evidence.start}-{evidence.end}")


def _documents(g: Graph, documents: Iterable[DocumentInfo]) -> None:
    for doc in documents:
        node = document_iri(doc.doc_id)
        g.add((node, RDF.type, KG.Document))
        g.add((node, KG.source, Literal(doc.doc_id)))
        if doc.published is not None:
            g.add((node, DCTERMS.date, Literal(doc.published.isoformat(), datatype=XSD.date)))
        if doc.title:
            g.add((node, DCTERMS.title, Literal(doc.title)))
        if doc.url:
            g.add((node, KG.url, Literal(doc.url, datatype=XSD.anyURI)))


def _evidence(g: Graph, node: URIRef, evidence: Iterable[Evidence]) -> None:
    for ev in evidence:
        mention = mention_iri(ev)
        g.add((node, KG.evidence, mention))
        if (mention, RDF.type, KG.Mention) in g:
            continue
        g.add((mention, RDF.type, KG.Mention))
        g.add((mention, KG.document, document_iri(ev.doc_id)))
        g.add((mention, KG.text, Literal(ev.text)))
        g.add((mention, KG.start, Literal(ev.start, datatype=XSD.integer)))
        g.add((mention, KG.end, Literal(ev.end, datatype=XSD.integer)))


def to_rdf(G: nx.MultiDiGraph) -> Graph:
    """The graph as an ``rdflib.Graph`` in the public schema.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(documents={})
    >>> G.add_node("https://w3id.org/newskg/id/country/chad", kind="country", label="Chad",
    ...            aliases=["Chadian"], evidence=())
    >>> print(len(to_rdf(G)))
    3
    """
    g = Graph()
    g.bind("kg", KG)
    g.bind("skos", SKOS)
    g.bind("dcterms", DCTERMS)
    g.bind("prov", PROV)
    g.bind("res", Namespace(RESOURCE))
    _documents(g, G.graph.get("documents", {}).values())
    for iri, data in G.nodes(data=True):
        node = URIRef(iri)
        for cls in _CLASSES[data["kind"]]:
            g.add((node, RDF.type, cls))
        g.add((node, RDFS.label, Literal(data["label"])))
        for alias in data.get("aliases", ()):
            g.add((node, SKOS.altLabel, Literal(alias)))
        _evidence(g, node, data.get("evidence", ()))
        if "date" in data:
            g.add((node, KG.date, Literal(data["date"], datatype=_DATE_TYPES[data["date_precision"]])))
        if "status" in data:
            g.add((node, KG.status, Literal(data["status"])))
        if "plover" in data:
            g.add((node, KG.ploverType, Literal(data["plover"])))
        if "mode" in data:
            g.add((node, KG.ploverMode, Literal(data["mode"])))
    for u, v, key in G.edges(keys=True):
        g.add((URIRef(u), _EDGES[key], URIRef(v)))
    return g


def to_turtle(G: nx.MultiDiGraph) -> str:
    """The graph as Turtle text (deterministic for the same graph)."""
    return to_rdf(G).serialize(format="turtle")
