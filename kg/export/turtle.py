"""A deterministic Turtle writer: the same triples always give the same bytes.

rdflib's serializer orders what it writes by hash-dependent traversal in places and
is slow on large graphs, so ``kg`` writes Turtle itself: subjects, predicates and
objects sorted, ``rdf:type`` first, every literal escaped by the Turtle grammar
(``STRING_LITERAL_QUOTE``, ``ECHAR``, ``UCHAR``), no blank nodes. The term syntax is
shared with N-Triples (:func:`nt_term`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from rdflib import RDF, XSD, Literal, URIRef

__all__ = ["Triple", "escape_string", "nt_term", "serialize", "sort_key"]

Triple = tuple[URIRef, URIRef, URIRef | Literal]
"""An RDF triple of rdflib terms (``kg`` exports have no blank nodes)."""

# Characters that must not appear raw in a quoted Turtle / N-Triples string.
_ESCAPES = {ord('"'): '\\"', ord("\\"): "\\\\", ord("\n"): "\\n", ord("\r"): "\\r",
            ord("\t"): "\\t", ord("\b"): "\\b", ord("\f"): "\\f"}
# Other controls, and the characters that some readers (Python's splitlines, editors)
# take for line breaks, are written as UCHAR: an N-Triples file stays one triple a line.
_ESCAPES.update({c: f"\\u{c:04X}" for c in [*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029]
                 if c not in _ESCAPES})
# Lone surrogates cannot be encoded as UTF-8 nor written as UCHAR; they become U+FFFD.
_SURROGATE = re.compile("[\ud800-\udfff]")
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LOCAL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")
_INTEGER = re.compile(r"[+-]?[0-9]+\Z")
_XSD_STRING, _XSD_INTEGER, _XSD_BOOLEAN = str(XSD.string), str(XSD.integer), str(XSD.boolean)


def escape_string(text: str) -> str:
    """``text`` as the body of a double-quoted Turtle or N-Triples string.

    Examples
    --------
    >>> print(escape_string('He said "no" \\\\ left\\n'))
    He said \\"no\\" \\\\ left\\n
    >>> escape_string("emoji 🙂 <ok>")
    'emoji 🙂 <ok>'
    """
    return _SURROGATE.sub("\ufffd", text).translate(_ESCAPES)


def _iri(iri: str) -> str:
    if _BAD_IRI.search(iri):
        raise ValueError(f"not a valid IRI for Turtle: {iri!r}")
    return f"<{iri}>"


def nt_term(term: URIRef | Literal) -> str:
    """A term in N-Triples syntax (also valid Turtle).

    Examples
    --------
    >>> nt_term(URIRef("https://example.org/a"))
    '<https://example.org/a>'
    >>> nt_term(Literal("2023", datatype=XSD.gYear))
    '"2023"^^<http://www.w3.org/2001/XMLSchema#gYear>'
    >>> nt_term(Literal("Pékin", lang="fr"))
    '"Pékin"@fr'
    """
    if isinstance(term, Literal):
        body = f'"{escape_string(str(term))}"'
        if term.language:
            return f"{body}@{term.language}"
        if term.datatype is not None and term.datatype != XSD.string:
            return f"{body}^^{_iri(term.datatype)}"
        return body
    if isinstance(term, URIRef):
        return _iri(str(term))
    raise TypeError(f"kg exports only IRIs and literals, not {type(term).__name__}")


def sort_key(term: URIRef | Literal) -> tuple[int, str, str, str]:
    """The order terms are written in: IRIs, then literals by lexical form, datatype, language."""
    if isinstance(term, Literal):
        return (1, str(term), str(term.datatype or ""), term.language or "")
    if isinstance(term, URIRef):
        return (0, str(term), "", "")
    raise TypeError(f"kg exports only IRIs and literals, not {type(term).__name__}")


class _Names:
    """Prefixed names for IRIs in the prefix map, when the local part is a plain name."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        # Longest namespace first, so nested namespaces pick the most specific prefix.
        self._spaces = sorted(((ns, p) for p, ns in prefixes.items()), key=lambda x: -len(x[0]))
        self._cache: dict[str, str] = {}

    def iri(self, iri: str) -> str:
        found = self._cache.get(iri)
        if found is None:
            found = _iri(iri)
            for ns, prefix in self._spaces:
                if iri.startswith(ns) and _LOCAL_NAME.match(iri[len(ns):]):
                    found = f"{prefix}:{iri[len(ns):]}"
                    break
            self._cache[iri] = found
        return found

    def literal(self, lexical: str, datatype: str, language: str) -> str:
        if language:
            return f'"{escape_string(lexical)}"@{language}'
        if not datatype or datatype == _XSD_STRING:
            return f'"{escape_string(lexical)}"'
        if datatype == _XSD_INTEGER and _INTEGER.match(lexical):
            return lexical
        if datatype == _XSD_BOOLEAN and lexical in ("true", "false"):
            return lexical
        return f'"{escape_string(lexical)}"^^{self.iri(datatype)}'


def serialize(triples: Iterable[Triple], prefixes: Mapping[str, str]) -> str:
    """Turtle text of ``triples`` (duplicates dropped), byte-identical for the same set.

    Examples
    --------
    >>> s, p = URIRef("https://example.org/s"), URIRef("https://example.org/p")
    >>> print(serialize([(s, p, Literal('say "hi"')), (s, RDF.type, p)], {"ex": "https://example.org/"}))
    @prefix ex: <https://example.org/> .
    <BLANKLINE>
    ex:s a ex:p ;
        ex:p "say \\"hi\\"" .
    <BLANKLINE>
    """
    # Only strings are kept, each distinct one once: rdflib terms in nested sets cost ten
    # times the Turtle they make (82 MB for 8 MB at 1,000 articles).
    shared: dict[str, str] = {}
    subjects: dict[str, dict[str, set[tuple[int, str, str, str]]]] = {}
    for s, p, o in triples:
        key = sort_key(o)
        objects = subjects.setdefault(shared.setdefault(str(s), str(s)), {}).setdefault(
            shared.setdefault(str(p), str(p)), set()
        )
        objects.add(tuple(shared.setdefault(part, part) for part in key))  # type: ignore[arg-type]
    names = _Names(prefixes)
    out = [f"@prefix {prefix}: {_iri(ns)} ." for prefix, ns in sorted(prefixes.items())]
    out.append("")
    rdf_type = str(RDF.type)
    for s in sorted(subjects):
        predicates = subjects.pop(s)
        lines = []
        for p in sorted(predicates, key=lambda p: (p != rdf_type, p)):
            verb = "a" if p == rdf_type else names.iri(p)
            objects = [names.iri(lexical) if kind == 0 else names.literal(lexical, datatype, language)
                       for kind, lexical, datatype, language in sorted(predicates[p])]
            lines.append(f"{verb} " + ",\n        ".join(objects))
        out.append(f"{names.iri(s)} " + " ;\n    ".join(lines) + " .\n")
    return "\n".join(out)
