"""Stable identifiers: every node's IRI is derived from its kind and canonical name.

The same input always gives the same IRIs, so exports are byte-identical between
runs and IRIs can be cited. The namespaces are part of the public contract.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["BASE", "ONTOLOGY", "RESOURCE", "mint", "slug"]

BASE = "https://w3id.org/newskg/"
ONTOLOGY = BASE + "ontology#"
"""The ``kg:`` namespace: classes and properties."""
RESOURCE = BASE + "id/"
"""Where the nodes of a graph live: ``RESOURCE + "person/anna-moreau"``."""

_NON_WORD = re.compile(r"[^a-z0-9]+")


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
