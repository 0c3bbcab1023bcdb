"""The model's attribute rules, matched through an index instead of a Matcher.

A trained English pipeline maps fine-grained tags to parts of speech, morphology
and some lemmas with an ``attribute_ruler``: about 180 one- and two-token patterns
run by spaCy's ``Matcher``. The Matcher tries every pattern at every token, and in
``en_core_web_sm`` that costs 15% of the whole pipeline, more than the parser.

Nearly every pattern looks at a handful of attributes of one token (tag, lowercase
form, dependency label, whether it is a space), and a text has far fewer distinct
combinations of those than tokens. :class:`IndexedAttributeRuler` reads them for
the whole Doc at once with ``Doc.to_array``, works out once per combination which
patterns it starts, and checks the rest of a longer pattern only where it starts.
The matches, their order and so the annotations are the stock component's; only
the search is different. A pattern using anything the index does not understand
(an ``OP`` quantifier, a ``LENGTH`` or ``MORPH`` test, an extension attribute)
stays with a Matcher of its own, so any model's rules give the stock result.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, cast

from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.pipeline.attributeruler import MatcherPatternType
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

__all__ = ["IndexedAttributeRuler", "use_indexed_attribute_ruler"]

# Attributes whose Doc.to_array value is what the Matcher compares: a string's hash
# for the first group, 0 or 1 for the flags.
_STRING_ATTRS = frozenset({"ORTH", "LOWER", "NORM", "TAG", "DEP", "LEMMA", "SHAPE", "PREFIX", "SUFFIX"})
_FLAG_PREFIXES = ("IS_", "LIKE_")
# Not a lexical flag: the Matcher reads a sentence start its own way.
_NOT_FLAGS = frozenset({"IS_SENT_START"})
_ALIASES = {"TEXT": "ORTH"}

Row = tuple[int, ...]
Test = Callable[[Row], bool]


@dataclass(frozen=True)
class _Pattern:
    """One indexed pattern: the rule it belongs to and one test per token."""

    rule: int
    tests: tuple[Test, ...]


# The values a pattern's first token must have in one column: (column, values).
Values = frozenset[int]
Anchor = tuple[int, Values]


class IndexedAttributeRuler(AttributeRuler):
    """spaCy's ``AttributeRuler`` with the same rules and results, matched by index.

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> ruler = IndexedAttributeRuler(nlp.vocab)
    >>> ruler.add([[{"LOWER": "us"}, {"LOWER": "officials"}]], {"LEMMA": "official"}, index=1)
    >>> [t.lemma_ for t in ruler(nlp("US officials said"))]
    ['', 'official', '']
    """

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler", **kwargs: Any) -> None:
        super().__init__(vocab, name, **kwargs)
        self._index: _Index | None = None

    def clear(self) -> None:
        super().clear()
        self._index = None

    def add(self, patterns: Iterable[MatcherPatternType], attrs: dict, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._index = None

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """The stock component's matches, sorted the same way: later rules win."""
        if self._index is None:
            self._index = _Index(self)
        return self._index.matches(doc)


class _Index:
    """The rules of one ruler, compiled for matching by attribute combination.

    The patterns a token can start are looked up by the values their first token must
    have (a tag, a word), so a combination met for the first time is checked against
    a few patterns rather than all of them; then it is remembered.
    """

    def __init__(self, ruler: IndexedAttributeRuler) -> None:
        self.strings = ruler.vocab.strings
        self.attrs: list[str] = []
        self.anchored: dict[int, dict[int, list[_Pattern]]] = {}
        self.unanchored: list[_Pattern] = []
        self.fallback = Matcher(ruler.vocab)
        self.match_ids: list[int] = []
        for rule in range(len(ruler.attrs)):
            key = str(rule)
            self.match_ids.append(get_string_id(key))
            for pattern in ruler.matcher.get(key)[1]:
                if not self._add(rule, pattern):
                    self.fallback.add(key, [pattern])
        self.columns = [IDS[name] for name in self.attrs]
        self.starts: dict[Row, list[_Pattern]] = {}

    def matches(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        found: set[tuple[int, int, int, int]] = set()
        if self.columns and len(doc):
            # One row per token, even when the rules read a single attribute.
            # spaCy's stub calls the array float64; it holds uint64 attribute values.
            table = cast("list[list[int]]", doc.to_array(self.columns).reshape(len(doc), -1).tolist())
            rows = list(map(tuple, table))
            for start, row in enumerate(rows):
                candidates = self.starts.get(row)
                if candidates is None:
                    candidates = self.starts[row] = self._started_by(row)
                for pattern in candidates:
                    end = start + len(pattern.tests)
                    if end <= len(rows) and all(
                        test(rows[i]) for i, test in enumerate(pattern.tests[1:], start + 1)
                    ):
                        found.add((pattern.rule, self.match_ids[pattern.rule], start, end))
        if len(self.fallback):
            for match_id, start, end in self.fallback(doc, allow_missing=True, as_spans=False):
                found.add((int(self.strings[match_id]), match_id, start, end))
        return sorted(found)

    def _started_by(self, row: Row) -> list[_Pattern]:
        candidates = [p for column, table in self.anchored.items() for p in table.get(row[column], ())]
        return [p for p in candidates + self.unanchored if p.tests[0](row)]

    def _add(self, rule: int, pattern: list[dict]) -> bool:
        """Index ``pattern``; False when it uses something only a Matcher can test."""
        compiled = [test for test in map(self._token_test, pattern) if test is not None]
        if not compiled or len(compiled) < len(pattern):
            return False
        indexed = _Pattern(rule, tuple(test for test, _ in compiled))
        anchor = compiled[0][1]
        if anchor is None:
            self.unanchored.append(indexed)
        else:
            column, values = anchor
            table = self.anchored.setdefault(column, {})
            for value in values:
                table.setdefault(value, []).append(indexed)
        return True

    def _token_test(self, spec: dict) -> tuple[Test, Anchor | None] | None:
        checks: list[Test] = []
        anchor: Anchor | None = None
        for name, value in spec.items():
            attr = _ALIASES.get(str(name).upper(), str(name).upper())
            flag = attr.startswith(_FLAG_PREFIXES) and attr not in _NOT_FLAGS
            if attr not in _STRING_ATTRS and not flag:
                return None
            if attr not in self.attrs:
                self.attrs.append(attr)
            column = self.attrs.index(attr)
            compiled = self._value_test(column, value, flag)
            if compiled is None:
                return None
            check, allowed = compiled
            checks.append(check)
            if anchor is None and allowed is not None:
                anchor = (column, allowed)
        return (lambda row: all(check(row) for check in checks)), anchor

    def _value_test(self, column: int, value: object, flag: bool) -> tuple[Test, Values | None] | None:
        """A test of one attribute, and the values it allows when it names them."""
        if flag:
            return ((lambda row: row[column] == int(value)), None) if isinstance(value, bool) else None
        if isinstance(value, str):
            wanted = get_string_id(value)
            return (lambda row: row[column] == wanted), frozenset({wanted})
        if not isinstance(value, dict) or len(value) != 1:
            return None
        (op, operand), = value.items()
        if op in ("IN", "NOT_IN") and isinstance(operand, list):
            members = frozenset(get_string_id(v) for v in operand)
            if op == "IN":
                return (lambda row: row[column] in members), members
            return (lambda row: row[column] not in members), None
        if op == "REGEX" and isinstance(operand, str):
            regex = re.compile(operand)
            return (lambda row: regex.search(self.strings[row[column]]) is not None), None
        return None


@Language.factory("kg_attribute_ruler", assigns=["token.pos", "token.morph", "token.lemma"])
def make_indexed_attribute_ruler(nlp: Language, name: str) -> IndexedAttributeRuler:
    """spaCy factory for :class:`IndexedAttributeRuler` (rules are loaded afterwards)."""
    return IndexedAttributeRuler(nlp.vocab, name)


def use_indexed_attribute_ruler(nlp: Language) -> None:
    """Swap each stock ``attribute_ruler`` in ``nlp`` for an indexed one with its rules."""
    for name, component in list(nlp.pipeline):
        if type(component) is AttributeRuler:
            rules = component.patterns
            # spaCy types every pipe as a bare callable; this factory makes an IndexedAttributeRuler.
            ruler = cast(IndexedAttributeRuler, nlp.replace_pipe(name, "kg_attribute_ruler"))
            ruler.add_patterns(rules)
