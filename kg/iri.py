"""Stable identifiers: every node's IRI is derived from its kind and canonical name.

The same input always gives the same IRIs, so exports are byte-identical between
runs and IRIs can be cited. The namespaces are part of the public contract.
"""

from __future__ import annotations

import hashlib
import re
import string
import unicodedata
from functools import lru_cache

__all__ = ["BASE", "ONTOLOGY", "PREFIXES", "RESOURCE", "document_segment", "mint", "slug"]

BASE = "https://w3id.org/newskg/"
ONTOLOGY = BASE + "ontology#"
"""The ``kg:`` namespace: classes and properties."""
RESOURCE = BASE + "id/"
"""Where the nodes of a graph live: ``RESOURCE + "person/anna-moreau"``."""
PREFIXES: dict[str, str] = {
    "dcterms": "http://purl.org/dc/terms/",
    "kg": ONTOLOGY,
    "owl": "http://www.w3.org/2002/07/owl#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
"""The prefixes every export binds (``kg:`` is the project's namespace), and ``kg query``
predeclares. Plain strings, so that a query needs no RDF library imported."""

_NON_WORD = re.compile(r"[^a-z0-9]+")
_SLUGGED_NAME = re.compile(r"[a-z0-9]+(?:_[a-z0-9]+)*\.txt\Z")
_UNRESERVED = frozenset(string.ascii_letters + string.digits + "-._~")


def slug(text: str) -> str:
    """A lower-case ASCII slug of ``text``; non-Latin text gets a short hash instead.

    Examples
    --------
    >>> slug("Secretary of State (United States)")
    'secretary-of-state-united-states'
    >>> slug("Zoë O’Neill")
    'zoe-oneill'
    >>> slug("习近平")
    'x-1256015561'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    result = _NON_WORD.sub("-", ascii_text.lower()).strip("-")
    if not result:
        result = "x-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    return result


@lru_cache(maxsize=1 << 17)  # resolution mints the IRI of one name again and again
def mint(kind: str, *parts: str) -> str:
    """The IRI of a node of ``kind`` named by ``parts``.

    Examples
    --------
    >>> mint("person", "Anna Moreau")
    'https://w3id.org/newskg/id/person/anna-moreau'
    >>> mint("office", "Foreign Minister", "China")
    'https://w3id.org/newskg/id/office/foreign-minister/china'
    """
    return RESOURCE + kind + "/" + "/".join(slug(p) for p in parts)


def document_segment(name: str) -> str:
    """The IRI path segment that names the article file ``name``: a distinct one for every name.

    A name of lower-case ASCII letters and digits joined by underscores, with a
    ``.txt`` extension (``000_7e9a2b2bbecab8b2.txt``), keeps its slug
    (``000-7e9a2b2bbecab8b2-txt``): the slug gives that one name back. Any other name is
    written as itself, so a SPARQL user still reads it: ASCII letters, digits and
    ``-._~`` and the letters, marks and digits of every other script stay as they are;
    every other character is percent-encoded from its UTF-8 bytes (a space is ``%20``).
    Such a name always keeps a dot or loses its hyphens to ``%2D``, and a slug of the
    first kind has a hyphen and no dot, so no two names share a segment: case, spaces,
    punctuation and script all stay told apart.

    Examples
    --------
    >>> document_segment("000_7e9a2b2bbecab8b2.txt")
    '000-7e9a2b2bbecab8b2-txt'
    >>> [document_segment(n) for n in ("a b.txt", "a-b.txt", "a_b.txt", "UPPER.TXT", "upper.txt")]
    ['a%20b.txt', 'a-b.txt', 'a-b-txt', 'UPPER.TXT', 'upper-txt']
    >>> document_segment("北京.txt"), document_segment("no-dot")
    ('北京.txt', 'no%2Ddot')
    """
    if _SLUGGED_NAME.match(name):
        return slug(name)
    kept = _UNRESERVED if "." in name else _UNRESERVED - {"-"}
    return "".join(ch if ch in kept or _kept_letter(ch) else _percent(ch) for ch in name)


def _kept_letter(ch: str) -> bool:
    # Letters, marks and digits only: format characters (such as a right-to-left override),
    # spaces and controls would make an IRI read as something it is not.
    return ord(ch) > 0x7F and unicodedata.category(ch)[0] in "LMN"


def _percent(ch: str) -> str:
    # surrogatepass: a lone surrogate (an undecodable byte of a file name) still gets bytes
    # of its own, which no real character's UTF-8 shares.
    return "".join(f"%{byte:02X}" for byte in ch.encode("utf-8", "surrogatepass"))
