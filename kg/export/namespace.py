"""The ``kg:`` vocabulary as a closed rdflib namespace: a misspelt term raises.

Every term here is defined, with a label, a comment, a domain and a range, in the
ontology shipped with the package (``kg/data/ontology.ttl``), and every term defined
there is listed here; ``tests/test_ontology.py`` keeps the two in step.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from kg.iri import BASE, ONTOLOGY

__all__ = ["KG", "ONTOLOGY_IRI", "ONTOLOGY_VERSION", "ONTOLOGY_VERSION_IRI", "SEM"]

ONTOLOGY_VERSION = "0.2.0"
"""The version of the ontology; bumped on every change to ``ontology.ttl``."""
ONTOLOGY_IRI = URIRef(BASE + "ontology")
"""The IRI of the ontology itself (the ``owl:Ontology``), stable across versions."""
ONTOLOGY_VERSION_IRI = URIRef(f"{BASE}ontology/{ONTOLOGY_VERSION}")
"""The IRI of this version of the ontology (``owl:versionIRI``)."""
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
"""The Simple Event Model, which ``kg:Event`` and its properties are aligned to."""


class KG(DefinedNamespace):
    """The project's namespace, ``https://w3id.org/newskg/ontology#``.

    Examples
    --------
    >>> KG.holdsOffice
    rdflib.term.URIRef('https://w3id.org/newskg/ontology#holdsOffice')
    >>> KG.holdOffice
    Traceback (most recent call last):
    ...
    AttributeError: term 'holdOffice' not in namespace 'https://w3id.org/newskg/ontology#'
    """

    _NS = Namespace(ONTOLOGY)
    _fail = True

    # classes of the public schema
    Person: URIRef
    Organization: URIRef
    Country: URIRef
    Place: URIRef
    Office: URIRef
    Issue: URIRef
    Event: URIRef
    Meeting: URIRef
    PhoneCall: URIRef
    Visit: URIRef
    Dispute: URIRef
    Document: URIRef
    Mention: URIRef
    # classes the project adds
    Cooperation: URIRef
    Extraction: URIRef
    Rule: URIRef

    # properties of the public schema
    holdsOffice: URIRef
    officeOf: URIRef
    country: URIRef
    participant: URIRef
    traveller: URIRef
    destination: URIRef
    place: URIRef
    date: URIRef
    status: URIRef
    party: URIRef
    issue: URIRef
    evidence: URIRef
    document: URIRef
    text: URIRef
    start: URIRef
    end: URIRef
    source: URIRef
    # properties the project adds
    heldOffice: URIRef
    isoAlpha2: URIRef
    isoAlpha3: URIRef
    url: URIRef
    ploverType: URIRef
    ploverMode: URIRef
    rule: URIRef
    softwareVersion: URIRef
