"""The graph as RDF in the public schema (``SCHEMA.md``), and as Turtle.

Every node becomes a resource typed with its ``kg:`` class (events also with
``kg:Event``, phone calls also with ``kg:Meeting``); every sentence behind a node
becomes a ``kg:Mention`` with its ``kg:Document`` and character offsets, so that
``kg:text`` equals the document's text between ``kg:start`` and ``kg:end``.

Provenance (PROV-O): each graph is the output of one ``kg:Extraction`` activity,
associated with the ``prov:SoftwareAgent`` of the ``kg`` version that ran it and using
every document; every entity and event was ``prov:wasGeneratedBy`` that activity, and
every event names the ``kg:Rule`` (a ``prov:Plan``) that found it. An edge that has
its own evidence (who holds which office) is also given as an ``rdf:Statement``
with ``kg:evidence``, so the sentences behind that one fact can be queried.

Identifiers are derived from the graph alone (no timestamps, no blank nodes), so the
same graph always gives the same triples, and :func:`to_turtle` the same bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from urllib.parse import quote

import networkx as nx
from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.export import turtle
from kg.export.namespace import KG
from kg.export.turtle import Triple
from kg.iri import ONTOLOGY, RESOURCE, slug
from kg.types import DocumentInfo, Evidence
from kg.vocab import Relation

__all__ = [
    "KG",
    "PREFIXES",
    "document_iri",
    "extraction_iri",
    "mention_iri",
    "rule_iri",
    "software_iri",
    "statement_iri",
    "to_rdf",
    "to_turtle",
    "triples",
]

PREFIXES: dict[str, str] = {
    "dcterms": str(DCTERMS),
    "kg": ONTOLOGY,
    "owl": str(OWL),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "xsd": str(XSD),
}
"""The prefixes every export binds (``kg:`` is the project's namespace)."""

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
# Characters an IRI may not contain in Turtle or N-Triples; node ids from kg.iri.mint never do.
_IRI_SAFE = "!#$%&'()*+,-./:;=?@[]_~"


def _node(iri: str) -> URIRef:
    return URIRef(quote(iri, safe=_IRI_SAFE))


def _hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def document_iri(doc_id: str) -> URIRef:
    """The IRI of a source article.

    Examples
    --------
    >>> print(document_iri("000_7e9a.txt"))
    https://w3id.org/newskg/id/document/000-7e9a-txt
    """
    return URIRef(f"{RESOURCE}document/{slug(doc_id)}")


def mention_iri(evidence: Evidence) -> URIRef:
    """The IRI of one sentence of one article.

    Examples
    --------
    >>> print(mention_iri(Evidence("a.txt", 10, 42, "...")))
    https://w3id.org/newskg/id/mention/a-txt/10-42
    """
    return URIRef(f"{RESOURCE}mention/{slug(evidence.doc_id)}/{evidence.start}-{evidence.end}")


def software_iri(version: str) -> URIRef:
    """The IRI of one released version of ``kg`` (a ``prov:SoftwareAgent``).

    Examples
    --------
    >>> print(software_iri("0.1.0"))
    https://w3id.org/newskg/id/software/kg/0-1-0
    """
    return URIRef(f"{RESOURCE}software/kg/{slug(version) or 'unknown'}")


def extraction_iri(version: str, documents: Iterable[DocumentInfo]) -> URIRef:
    """The IRI of the run that made a graph: the same version on the same documents gives the same IRI."""
    digests = sorted(f"{d.doc_id}:{d.digest}" for d in documents)
    return URIRef(f"{RESOURCE}extraction/{_hash(version, *digests)}")


def rule_iri(rule: str) -> URIRef:
    """The IRI of an extraction rule (a ``prov:Plan``).

    Examples
    --------
    >>> print(rule_iri("meeting:verb:meet"))
    https://w3id.org/newskg/id/rule/meeting-verb-meet
    """
    return URIRef(f"{RESOURCE}rule/{slug(rule)}")


def statement_iri(subject: str, predicate: str, obj: str) -> URIRef:
    """The IRI of the ``rdf:Statement`` that reifies one edge (a hash of the triple).

    Examples
    --------
    >>> statement_iri("urn:a", "urn:b", "urn:c") == statement_iri("urn:a", "urn:b", "urn:c")
    True
    """
    return URIRef(f"{RESOURCE}statement/{_hash(subject, predicate, obj)}")


def _documents(documents: Iterable[DocumentInfo]) -> Iterator[Triple]:
    for doc in documents:
        node = document_iri(doc.doc_id)
        yield node, RDF.type, KG.Document
        yield node, KG.source, Literal(doc.doc_id)
        if doc.published is not None:
            yield node, DCTERMS.date, Literal(doc.published.isoformat(), datatype=XSD.date)
        if doc.title:
            yield node, DCTERMS.title, Literal(doc.title)
        if doc.url:
            yield node, KG.url, Literal(_node(doc.url), datatype=XSD.anyURI)


def _evidence(node: URIRef, evidence: Iterable[Evidence], seen: set[URIRef]) -> Iterator[Triple]:
    for ev in evidence:
        mention = mention_iri(ev)
        yield node, KG.evidence, mention
        if mention in seen:
            continue
        seen.add(mention)
        yield mention, RDF.type, KG.Mention
        yield mention, KG.document, document_iri(ev.doc_id)
        yield mention, KG.text, Literal(ev.text)
        yield mention, KG.start, Literal(str(ev.start), datatype=XSD.integer)
        yield mention, KG.end, Literal(str(ev.end), datatype=XSD.integer)


def _provenance(G: nx.MultiDiGraph, documents: list[DocumentInfo]) -> tuple[URIRef, list[Triple]]:
    version = str(G.graph.get("kg_version") or "unknown")
    agent, run = software_iri(version), extraction_iri(version, documents)
    found = [
        (agent, RDF.type, PROV.SoftwareAgent),
        (agent, RDFS.label, Literal(f"kg {version}")),
        (agent, KG.softwareVersion, Literal(version)),
        (run, RDF.type, KG.Extraction),
        (run, RDF.type, PROV.Activity),
        (run, PROV.wasAssociatedWith, agent),
    ]
    found.extend((run, PROV.used, document_iri(d.doc_id)) for d in documents)
    return run, found


def triples(G: nx.MultiDiGraph) -> Iterator[Triple]:
    """Every triple of the graph in the public schema (a triple may come more than once).

    Reads ``G`` only. Raises ``KeyError`` for a node ``kind`` or edge key the schema
    does not know, so that a new kind cannot be exported silently untyped.

    Examples
    --------
    >>> G = nx.MultiDiGraph(documents={})
    >>> G.add_node("https://w3id.org/newskg/id/country/chad", kind="country", label="Chad",
    ...            aliases=["Chadian"], evidence=())
    >>> sorted(p.fragment for s, p, o in triples(G) if str(s).endswith("chad"))
    ['altLabel', 'label', 'type', 'wasGeneratedBy']
    """
    documents = list(G.graph.get("documents", {}).values())
    run, provenance = _provenance(G, documents)
    yield from provenance
    yield from _documents(documents)
    seen: set[URIRef] = set()
    for iri, data in G.nodes(data=True):
        node = _node(iri)
        for cls in _CLASSES[data["kind"]]:
            yield node, RDF.type, cls
        yield node, RDFS.label, Literal(data["label"])
        for alias in data.get("aliases", ()):
            if alias != data["label"]:
                yield node, SKOS.altLabel, Literal(alias)
        yield node, PROV.wasGeneratedBy, run
        yield from _evidence(node, data.get("evidence", ()), seen)
        if data.get("date"):
            yield node, KG.date, Literal(data["date"], datatype=_DATE_TYPES[str(data["date_precision"])])
        if data.get("status"):
            yield node, KG.status, Literal(str(data["status"]))
        if data.get("plover"):
            yield node, KG.ploverType, Literal(str(data["plover"]))
        if data.get("mode"):
            yield node, KG.ploverMode, Literal(str(data["mode"]))
        for rule in data.get("rules", ()):
            yield node, KG.rule, rule_iri(rule)
            yield rule_iri(rule), RDF.type, KG.Rule
            yield rule_iri(rule), RDFS.label, Literal(rule)
    for u, v, key, data in G.edges(keys=True, data=True):
        s, p, o = _node(u), _EDGES[key], _node(v)
        yield s, p, o
        if data.get("evidence"):
            statement = statement_iri(s, p, o)
            yield statement, RDF.type, RDF.Statement
            yield statement, RDF.subject, s
            yield statement, RDF.predicate, p
            yield statement, RDF.object, o
            yield from _evidence(statement, data["evidence"], seen)


def to_rdf(G: nx.MultiDiGraph) -> Graph:
    """The graph as an ``rdflib.Graph`` in the public schema.

    Examples
    --------
    >>> G = nx.MultiDiGraph(documents={})
    >>> G.add_node("https://w3id.org/newskg/id/country/chad", kind="country", label="Chad",
    ...            aliases=["Chadian"], evidence=())
    >>> g = to_rdf(G)
    >>> print(g.value(URIRef("https://w3id.org/newskg/id/country/chad"), RDFS.label))
    Chad
    """
    g = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        g.bind(prefix, namespace)
    for triple in triples(G):
        g.add(triple)
    return g


def to_turtle(G: nx.MultiDiGraph) -> str:
    """The graph as Turtle: sorted, escaped, byte-identical for the same graph.

    Examples
    --------
    >>> G = nx.MultiDiGraph(documents={})
    >>> G.add_node("https://w3id.org/newskg/id/country/chad", kind="country", label="Chad",
    ...            aliases=[], evidence=())
    >>> text = to_turtle(G)
    >>> print(text[text.index("<https://w3id.org/newskg/id/country/chad>"):].split("\\n\\n")[0])
    <https://w3id.org/newskg/id/country/chad> a kg:Country ;
        rdfs:label "Chad" ;
        prov:wasGeneratedBy <https://w3id.org/newskg/id/extraction/50d8b4a941c26b89> .
    """
    return turtle.serialize(triples(G), PREFIXES)
