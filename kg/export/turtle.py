"""A deterministic Turtle writer: the same triples always give the same bytes.

rdflib's serializer orders what it writes by hash-dependent traversal in places and
is slow on large graphs, so ``kg`` writes Turtle itself: subjects, predicates and
objects sorted, ``rdf:type`` first, every literal escaped by the Turtle grammar
(``STRING_LITERAL_QUOTE``, ``ECHAR``, ``UCHAR``), no blank nodes. The term syntax is
shared with N-Triples (:func:`nt_term`).

Terms are plain values (:data:`Term`): an IRI is a string, a literal a tuple of
lexical form, datatype and language; making an rdflib term costs more than writing it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

from rdflib import RDF, XSD, Literal, URIRef

__all__ = ["Description", "Term", "Triple", "escape_string", "literal", "nt_term", "rdflib_term",
           "serialize", "sort_key"]

Term = str | tuple[str, str, str]
"""An IRI (a string), or a literal: ``(lexical form, datatype IRI or "", language tag or "")``."""

Triple = tuple[URIRef, URIRef, URIRef | Literal]
"""An RDF triple of rdflib terms (``kg`` exports have no blank nodes)."""


def literal(lexical: str, datatype: str = "", language: str = "") -> tuple[str, str, str]:
    """A literal :data:`Term` (no datatype and no language: a plain string).

    Examples
    --------
    >>> literal("5", str(XSD.integer))
    ('5', 'http://www.w3.org/2001/XMLSchema#integer', '')
    """
    return (lexical, datatype, language)


def rdflib_term(term: Term) -> URIRef | Literal:
    """The rdflib term for a :data:`Term`.

    Examples
    --------
    >>> rdflib_term(literal("2023", str(XSD.gYear))).datatype == XSD.gYear
    True
    """
    if isinstance(term, tuple):
        lexical, datatype, language = term
        return Literal(lexical, datatype=URIRef(datatype) if datatype else None, lang=language or None)
    return URIRef(term)

# Characters that must not appear raw in a quoted Turtle / N-Triples string.
_ESCAPES = {ord('"'): '\\"', ord("\\"): "\\\\", ord("\n"): "\\n", ord("\r"): "\\r",
            ord("\t"): "\\t", ord("\b"): "\\b", ord("\f"): "\\f"}
# Other controls, and the characters that some readers (Python's splitlines, editors)
# take for line breaks, are written as UCHAR: an N-Triples file stays one triple a line.
_ESCAPES.update({c: f"\\u{c:04X}" for c in [*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029]
                 if c not in _ESCAPES})
# Lone surrogates cannot be encoded as UTF-8 nor written as UCHAR; they become U+FFFD.
_SURROGATE = re.compile("[\ud800-\udfff]")
# Any character either of those changes: most literals hold none, and a search costs a
# tenth of the translate it spares them.
_TO_ESCAPE = re.compile("[" + "".join(map(re.escape, map(chr, sorted(_ESCAPES)))) + "\ud800-\udfff]")
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
    if _TO_ESCAPE.search(text) is None:
        return text
    return _SURROGATE.sub("\ufffd", text).translate(_ESCAPES)


def _iri(iri: str) -> str:
    if _BAD_IRI.search(iri):
        raise ValueError(f"not a valid IRI for Turtle: {iri!r}")
    return f"<{iri}>"


def nt_term(term: Term) -> str:
    """A term in N-Triples syntax (also valid Turtle).

    Examples
    --------
    >>> nt_term("https://example.org/a")
    '<https://example.org/a>'
    >>> nt_term(literal("2023", str(XSD.gYear)))
    '"2023"^^<http://www.w3.org/2001/XMLSchema#gYear>'
    >>> nt_term(literal("Pékin", language="fr"))
    '"Pékin"@fr'
    """
    if isinstance(term, str):
        return _iri(term)
    lexical, datatype, language = term
    body = f'"{escape_string(lexical)}"'
    if language:
        return f"{body}@{language}"
    if datatype and datatype != _XSD_STRING:
        return f"{body}^^{_iri(datatype)}"
    return body


def sort_key(term: Term) -> tuple[int, str, str, str]:
    """The order terms are written in: IRIs, then literals by lexical form, datatype, language."""
    if isinstance(term, str):
        return (0, term, "", "")
    if isinstance(term, tuple) and len(term) == 3:
        return (1, *term)
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


Description = tuple[str, Iterable[tuple[str, Term]]]
"""A subject and its predicate-object pairs."""


def serialize(descriptions: Iterable[Description], prefixes: Mapping[str, str]) -> Iterator[str]:
    """Turtle text of the triples of ``descriptions``, in pieces: one per subject.

    ``descriptions`` gives each subject once with its predicate-object pairs, in the
    order the subjects are to be written (sorted, for the same bytes every time).
    Within a subject, ``rdf:type`` comes first, then predicates and objects sorted,
    duplicates dropped; only one subject is held at a time.

    Examples
    --------
    >>> s, p = "https://example.org/s", "https://example.org/p"
    >>> print("".join(serialize([(s, [(p, literal('say "hi"')), (str(RDF.type), p)])], {"ex": "https://example.org/"})))
    @prefix ex: <https://example.org/> .
    <BLANKLINE>
    ex:s a ex:p ;
        ex:p "say \\"hi\\"" .
    <BLANKLINE>
    """
    names = _Names(prefixes)
    yield "".join(f"@prefix {prefix}: {_iri(ns)} .\n" for prefix, ns in sorted(prefixes.items()))
    rdf_type = str(RDF.type)
    for subject, pairs in descriptions:
        predicates: dict[str, set[tuple[int, str, str, str]]] = {}
        for p, o in pairs:
            predicates.setdefault(p, set()).add(sort_key(o))
        lines = []
        for p in sorted(predicates, key=lambda p: (p != rdf_type, p)):
            verb = "a" if p == rdf_type else names.iri(p)
            objects = [names.iri(lexical) if kind == 0 else names.literal(lexical, datatype, language)
                       for kind, lexical, datatype, language in sorted(predicates[p])]
            lines.append(f"{verb} " + ",\n        ".join(objects))
        yield f"\n{names.iri(subject)} " + " ;\n    ".join(lines) + " .\n"
