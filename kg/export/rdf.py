"""The graph as RDF in the public schema (``SCHEMA.md``), and as Turtle.

Every node becomes a resource typed with its kind's ``kg:`` classes (:data:`kg.kinds.KINDS`:
events also with ``kg:Event``, phone calls also with ``kg:Meeting``); every sentence behind a node
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
import re
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from urllib.parse import quote

import networkx as nx
from rdflib import RDF, RDFS, XSD, Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.export import turtle
from kg.export.namespace import KG
from kg.export.turtle import Term, Triple, literal, rdflib_term
from kg.iri import PREFIXES, RESOURCE, document_segment, slug
from kg.kinds import KINDS
from kg.types import DocumentInfo, Evidence
from kg.vocab import Relation

__all__ = [
    "KG",
    "PREFIXES",
    "Described",
    "descriptions",
    "document_iri",
    "extraction_iri",
    "iter_turtle",
    "mention_iri",
    "rule_iri",
    "software_iri",
    "statement_iri",
    "to_rdf",
    "to_turtle",
    "triples",
]

# Node kinds, edge keys and date precisions as IRIs, kept as plain strings: a namespace
# lookup or an rdflib term per triple adds up. KG[...] raises for a class the namespace lacks.
_CLASSES: dict[str, tuple[str, ...]] = {
    kind: tuple(str(KG[name]) for name in row.classes) for kind, row in KINDS.items()
}

_EDGES: dict[str, str] = {key: str(predicate) for key, predicate in {
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
}.items()}

_DATE_TYPES = {"day": str(XSD.date), "month": str(XSD.gYearMonth), "year": str(XSD.gYear)}
# Characters an IRI may not contain in Turtle or N-Triples; node ids from kg.iri.mint never do.
_IRI_SAFE = "!#$%&'()*+,-./:;=?@[]_~"
# An IRI of only the characters quote() leaves as they are: nearly every node id, whose
# quoting (encode, scan, join) would then cost a call for nothing.
_QUOTED = re.compile(r"[A-Za-z0-9_.\-~!#$%&'()*+,/:;=?@\[\]]*")


def _node(iri: str) -> str:
    return iri if _QUOTED.fullmatch(iri) else quote(iri, safe=_IRI_SAFE)


def _hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def document_iri(doc_id: str) -> URIRef:
    """The IRI of a source article.

    Examples
    --------
    >>> print(document_iri("000_7e9a.txt"))
    https://w3id.org/newskg/id/document/000-7e9a-txt
    """
    return URIRef(_document(doc_id))


def _document(doc_id: str) -> str:
    return f"{RESOURCE}document/{document_segment(doc_id)}"


def mention_iri(evidence: Evidence) -> URIRef:
    """The IRI of one sentence of one article.

    Examples
    --------
    >>> print(mention_iri(Evidence("a.txt", 10, 42, "...")))
    https://w3id.org/newskg/id/mention/a-txt/10-42
    """
    return URIRef(_mention(evidence, document_segment(evidence.doc_id)))


def _mention(evidence: Evidence, doc_slug: str) -> str:
    return f"{RESOURCE}mention/{doc_slug}/{evidence.start}-{evidence.end}"


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


Pairs = list[tuple[str, Term]]
"""The predicate-object pairs of one subject (IRIs as strings, literals as tuples)."""

# The terms written, as plain strings too: a namespace lookup per pair adds up.
_TYPE, _LABEL, _ALT_LABEL = str(RDF.type), str(RDFS.label), str(SKOS.altLabel)
_GENERATED_BY, _EVIDENCE, _RULE = str(PROV.wasGeneratedBy), str(KG.evidence), str(KG.rule)
_INTEGER, _DATE = str(XSD.integer), str(XSD.date)
_DOCUMENT_CLASS, _MENTION_CLASS, _RULE_CLASS = str(KG.Document), str(KG.Mention), str(KG.Rule)
_DOCUMENT, _TEXT, _START, _END = str(KG.document), str(KG.text), str(KG.start), str(KG.end)
# Node attributes written as plain literals when set, in the order they are written.
_NODE_LITERALS = (("status", str(KG.status)), ("iso_alpha2", str(KG.isoAlpha2)),
                  ("iso_alpha3", str(KG.isoAlpha3)), ("plover", str(KG.ploverType)),
                  ("mode", str(KG.ploverMode)))
_STATEMENT = (str(RDF.Statement), str(RDF.subject), str(RDF.predicate), str(RDF.object))


def _document_pairs(doc: DocumentInfo) -> Pairs:
    pairs: Pairs = [(_TYPE, _DOCUMENT_CLASS), (str(KG.source), literal(doc.doc_id))]
    if doc.published is not None:
        pairs.append((str(DCTERMS.date), literal(doc.published.isoformat(), _DATE)))
    if doc.title:
        pairs.append((str(DCTERMS.title), literal(doc.title)))
    if doc.url:
        pairs.append((str(KG.url), literal(_node(doc.url), str(XSD.anyURI))))
    return pairs


def _mention_pairs(ev: Evidence, document: str) -> Pairs:
    return [
        (_TYPE, _MENTION_CLASS),
        (_DOCUMENT, document),
        (_TEXT, (ev.text, "", "")),
        (_START, (str(ev.start), _INTEGER, "")),
        (_END, (str(ev.end), _INTEGER, "")),
    ]


def _rule_pairs(rule: str) -> Pairs:
    return [(_TYPE, _RULE_CLASS), (_LABEL, literal(rule))]


def _provenance(G: nx.MultiDiGraph, documents: list[DocumentInfo]) -> tuple[str, dict[str, Pairs]]:
    version = str(G.graph.get("kg_version") or "unknown")
    agent, run = str(software_iri(version)), str(extraction_iri(version, documents))
    return run, {
        agent: [(_TYPE, str(PROV.SoftwareAgent)), (_LABEL, literal(f"kg {version}")),
                (str(KG.softwareVersion), literal(version))],
        run: [(_TYPE, str(KG.Extraction)), (_TYPE, str(PROV.Activity)), (str(PROV.wasAssociatedWith), agent),
              *((str(PROV.used), _document(d.doc_id)) for d in documents)],
    }


class _Sentences:
    """Mention and document IRIs of evidence, with each document's slug and IRI made once."""

    def __init__(self) -> None:
        self._slugs: dict[str, str] = {}
        self._documents: dict[str, str] = {}

    def __call__(self, ev: Evidence) -> str:
        doc_slug = self._slugs.get(ev.doc_id)
        if doc_slug is None:
            doc_slug = self._slugs[ev.doc_id] = document_segment(ev.doc_id)
        return _mention(ev, doc_slug)

    def document(self, doc_id: str) -> str:
        """The IRI of the document ``doc_id`` (:func:`document_iri`, as a string)."""
        iri = self._documents.get(doc_id)
        if iri is None:
            iri = self._documents[doc_id] = _document(doc_id)
        return iri


def _node_pairs(G: nx.MultiDiGraph, iri: str, run: str, mentions: list[str], rules: list[str]) -> Pairs:
    """A node's pairs; ``mentions`` and ``rules`` are the IRIs of its evidence and rules, in order."""
    data = G.nodes[iri]
    label = data["label"]
    pairs: Pairs = [(_TYPE, cls) for cls in _CLASSES[data["kind"]]]
    pairs.append((_LABEL, (label, "", "")))
    pairs.extend((_ALT_LABEL, (a, "", "")) for a in data.get("aliases", ()) if a != label)
    pairs.append((_GENERATED_BY, run))
    pairs.extend((_EVIDENCE, mention) for mention in mentions)
    if data.get("date"):
        pairs.append((str(KG.date), literal(data["date"], _DATE_TYPES[str(data["date_precision"])])))
    for name, predicate in _NODE_LITERALS:
        if data.get(name):
            pairs.append((predicate, (str(data[name]), "", "")))
    pairs.extend((_RULE, rule) for rule in rules)
    pairs.extend((_EDGES[key], _node(v)) for v, keys in G.succ[iri].items() for key in keys)
    return pairs


def _statement_pairs(u: str, v: str, key: str, mentions: list[str]) -> Pairs:
    kind, subject, predicate, obj = _STATEMENT
    return [(_TYPE, kind), (subject, _node(u)), (predicate, _EDGES[key]), (obj, _node(v)),
            *((_EVIDENCE, mention) for mention in mentions)]


def descriptions(
    G: nx.MultiDiGraph, order: Callable[[str], str] | None = None
) -> Iterator[tuple[str, Pairs]]:
    """Every subject of the graph's triples, once, with all its predicate-object pairs.

    Subjects come sorted by their IRI (or by ``order`` of it), and each one's pairs
    are made only when it comes: what is held is an index from subject IRI to the
    node, edge, document or sentence it describes (:class:`Described`), never the
    triples themselves, so the writers that use this stream their output. Terms are plain values
    (:data:`~kg.export.turtle.Term`); pairs may repeat. Raises
    ``KeyError`` for a node ``kind`` or edge key the schema does not know, so that a
    new kind cannot be exported silently untyped.

    Examples
    --------
    >>> G = nx.MultiDiGraph(documents={})
    >>> G.add_node("https://w3id.org/newskg/id/country/chad", kind="country", label="Chad",
    ...            aliases=["Chadian"], evidence=())
    >>> subject, pairs = [d for d in descriptions(G) if d[0].endswith("chad")][0]
    >>> sorted(p.rsplit("#")[-1] for p, o in pairs)
    ['altLabel', 'label', 'type', 'wasGeneratedBy']
    """
    return Described(G)(order)


_Index = dict[str, list[Callable[[], Pairs]]]
"""Each subject IRI -> the functions that make its predicate-object pairs."""


class Described:
    """The subjects of a graph's triples, indexed once for all the exports that write them.

    The index (about three quarters of the time :func:`descriptions` takes) is made at
    the first call, in the process that calls, and kept for the next calls: the Turtle,
    N-Triples and JSON-LD exports of one build share it. It holds no triples.

    Parameters
    ----------
    G:
        The graph, not changed while this is in use.
    """

    def __init__(self, G: nx.MultiDiGraph) -> None:
        self.G = G
        self._index: _Index | None = None

    def __call__(self, order: Callable[[str], str] | None = None) -> Iterator[tuple[str, Pairs]]:
        """:func:`descriptions` of the graph, in the order of ``order`` (default: the IRI)."""
        if self._index is None:
            self._index = _index(self.G)
        index = self._index
        for subject in sorted(index, key=order):
            yield subject, [pair for pairs in index[subject] for pair in pairs()]


def _index(G: nx.MultiDiGraph) -> _Index:
    """The index of :class:`Described`; raises ``KeyError`` for a kind the schema does not know."""
    documents = list(G.graph.get("documents", {}).values())
    run, provenance = _provenance(G, documents)
    made: _Index = {}

    def describe(subject: str, pairs: Callable[[], Pairs]) -> None:
        made.setdefault(subject, []).append(pairs)

    def describe_once(subject: str, pairs: Callable[[], Pairs]) -> None:
        # A sentence or a rule met again is the same subject: the first meeting describes it.
        if subject not in made:
            made[subject] = [pairs]

    for subject, pairs in provenance.items():
        describe(subject, pairs.copy)
    mention = _Sentences()
    for doc in documents:
        describe(mention.document(doc.doc_id), partial(_document_pairs, doc))
    rule_iris: dict[str, str] = {}

    def sentences(evidence: Iterable[Evidence]) -> list[str]:
        """The mention IRIs of ``evidence``, each sentence described at its first meeting.

        The IRIs are kept for the node or edge that cites them (the strings are those
        the index holds), so each is made once per export, not at each citation."""
        iris = []
        for ev in evidence:
            iri = mention(ev)
            if iri not in made:
                made[iri] = [partial(_mention_pairs, ev, mention.document(ev.doc_id))]
            iris.append(iri)
        return iris

    def rules(names: Iterable[str]) -> list[str]:
        iris = []
        for rule in names:
            iri = rule_iris.get(rule)
            if iri is None:
                iri = rule_iris[rule] = str(rule_iri(rule))
                describe_once(iri, partial(_rule_pairs, rule))
            iris.append(iri)
        return iris

    for iri, data in G.nodes(data=True):
        if data["kind"] not in _CLASSES:  # fails here, before anything is written
            raise KeyError(data["kind"])
        # The node is described before its sentences and rules, as an IRI they share
        # (none should) describes the node alone.
        described = made.setdefault(_node(iri), [])
        mentions = sentences(data.get("evidence", ()))
        described.append(partial(_node_pairs, G, iri, run, mentions, rules(data.get("rules", ()))))
    for u, v, key, data in G.edges(keys=True, data=True):
        predicate = _EDGES[key]
        if data.get("evidence"):
            described = made.setdefault(str(statement_iri(_node(u), predicate, _node(v))), [])
            described.append(partial(_statement_pairs, u, v, key, sentences(data["evidence"])))
    return made


def triples(G: nx.MultiDiGraph) -> Iterator[Triple]:
    """Every triple of the graph in the public schema as rdflib terms, by subject (a triple
    may come more than once).

    Reads ``G`` only (see :func:`descriptions`).

    Examples
    --------
    >>> G = nx.MultiDiGraph(documents={})
    >>> G.add_node("https://w3id.org/newskg/id/country/chad", kind="country", label="Chad",
    ...            aliases=["Chadian"], evidence=())
    >>> sorted(p.fragment for s, p, o in triples(G) if str(s).endswith("chad"))
    ['altLabel', 'label', 'type', 'wasGeneratedBy']
    """
    for subject, pairs in descriptions(G):
        s = URIRef(subject)
        for predicate, obj in pairs:
            yield s, URIRef(predicate), rdflib_term(obj)


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


def iter_turtle(G: nx.MultiDiGraph, described: Described | None = None) -> Iterator[str]:
    """The graph as Turtle in pieces, made as they are written (see :func:`to_turtle`);
    ``described``: its subjects already indexed for another export."""
    return turtle.serialize((described or Described(G))(), PREFIXES)


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
    return "".join(iter_turtle(G))
