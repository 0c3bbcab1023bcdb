"""Reconcile the model's named entities with the gazetteer into one clean span list.

The gazetteer is right about what it knows; the model is right about names it has
never seen but often wrong about their kind ("Moreau" as a place, "Secretary of
State" as an organisation "State"). The result, ``doc.spans["kg"]``, holds the gazetteer
spans, unchanged (labels from :class:`kg.lexicon.Label`), and the names the model found,
labelled with the :class:`~kg.vocab.MentionRole` their mentions start from:

- ``PERSON``: a clean personal name (titles, "the", possessive "'s" trimmed off);
- ``ORG``: an organisation name the model found that looks like one (an acronym,
  or a name ending in an organisation word such as "Party" or "Corp.");
- ``PLACE``: a multi-word place name the gazetteer does not know (unless what follows
  it is something only a person has: "Paul Okafor's second term" is a person);
- ``NAME``: a single capitalised word of unsure kind ("Moreau" tagged GPE), left
  for cross-document resolution to decide; ``kb_id`` keeps the model's label.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.knowledge import Knowledge
from kg.pipeline.gazetteer import SPAN_KEY as GAZETTEER_KEY
from kg.roles import NameWords
from kg.vocab import MentionRole

__all__ = ["SPAN_KEY", "EntityReconciler"]

SPAN_KEY = "kg"

_MODEL_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC"}
_LEADING = {"the", "a", "an"}
_POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}


class EntityReconciler:
    """Merge ``doc.ents`` and the gazetteer spans into ``doc.spans["kg"]``.

    Examples
    --------
    >>> import spacy
    >>> from spacy.tokens import Doc, Span
    >>> nlp = spacy.blank("en")
    >>> doc = Doc(nlp.vocab, words=["President", "Paul", "Okafor", "met", "Moreau"])
    >>> doc.ents = [Span(doc, 0, 3, "PERSON"), Span(doc, 4, 5, "GPE")]
    >>> doc.spans["kg_gazetteer"] = [Span(doc, 0, 1, "TITLE", kb_id="president")]
    >>> from kg.roles import read_name_words
    >>> doc = EntityReconciler(read_name_words(None))(doc)
    >>> [(s.text, s.label_) for s in doc.spans["kg"]]
    [('President', 'TITLE'), ('Paul Okafor', 'PERSON'), ('Moreau', 'NAME')]
    """

    def __init__(self, words: NameWords | None = None) -> None:
        # None until ``initialize`` gives the words: reconciling without them would hide the mistake.
        self._words = words

    def initialize(self, get_examples: Callable[[], Iterable[Any]], *, nlp: Language | None = None,
                   knowledge: Knowledge) -> None:
        """Use the name words of ``knowledge`` (spaCy's ``initialize`` protocol; ``get_examples``
        is not used)."""
        self._words = knowledge.name_words

    @property
    def words(self) -> NameWords:
        """The word lists that decide what a name is."""
        if self._words is None:
            raise ValueError("kg_entities has no name words: call its initialize(..., knowledge=...) first "
                             "(kg.nlp.add_components does)")
        return self._words

    def __call__(self, doc: Doc) -> Doc:
        known = [self._with_suffix(s) for s in doc.spans[GAZETTEER_KEY]] if GAZETTEER_KEY in doc.spans else []
        taken = bytearray(len(doc))
        for span in known:
            taken[span.start : span.end] = b"\x01" * (span.end - span.start)
        found = [s for s in (self._from_model(ent, taken) for ent in doc.ents) if s is not None]
        doc.spans[SPAN_KEY] = sorted(filter_spans(known + found), key=lambda s: s.start)
        return doc

    def _with_suffix(self, span: Span) -> Span:
        """A known organisation takes a corporate suffix after it ("Microsoft Corp.")."""
        doc = span.doc
        if span.label_ == "ORG" and span.end < len(doc) and doc[span.end].lower_ in self.words.org_suffixes:
            return Span(doc, span.start, span.end + 1, label=span.label_, kb_id=span.kb_id_)
        return span

    def _from_model(self, ent: Span, taken: bytearray) -> Span | None:
        if ent.label_ not in _MODEL_LABELS:
            return None
        span = _trim(ent, taken)
        if span is None or not any(t.is_alpha for t in span):
            return None
        if ent.label_ == "PERSON":
            return self._person(_with_name_head(span, taken))
        if len(span) == 1:
            return self._single(span, ent.label_)
        last = span[-1].lower_
        if last in self.words.gatherings:
            return None
        if ent.label_ == "ORG":
            if not self._org_like(span):
                return None
            return Span(span.doc, span.start, span.end, label=MentionRole.ORG)
        if self._owns_personal(span):
            return self._person(span)
        return Span(span.doc, span.start, span.end, label=MentionRole.PLACE, kb_id=ent.label_)

    def _owns_personal(self, span: Span) -> bool:
        """"<Name>'s [second] term": only a person has what follows the possessive."""
        doc = span.doc
        if span.end >= len(doc) or doc[span.end].text not in _POSSESSIVE:
            return False
        for token in doc[span.end + 1 : span.end + 4]:
            if token.lower_ in self.words.personal:
                return True
            if token.is_punct:
                return False
        return False

    def _person(self, span: Span) -> Span | None:
        # A headline's auxiliary is not a first name: "Will Smith meet ...?" at a sentence start.
        while len(span) > 1 and span[0].is_sent_start and span[0].is_stop:
            span = span[1:]
        for token in span:
            if token.lower_ in self.words.particles or token.text in {"-", "."}:
                continue
            if not token.text[:1].isupper() or not any(c.isalpha() for c in token.text):
                return None
        if len(span) > 4:
            return None
        return Span(span.doc, span.start, span.end, label=MentionRole.PERSON)

    def _single(self, span: Span, model_label: str) -> Span | None:
        token = span[0]
        if token.is_upper and 2 <= len(token) <= 6 and model_label == "ORG":
            return Span(span.doc, span.start, span.end, label=MentionRole.ORG)
        if not token.text[:1].isupper() or not token.is_alpha:
            return None
        return Span(span.doc, span.start, span.end, label=MentionRole.NAME, kb_id=model_label)

    def _org_like(self, span: Span) -> bool:
        return span[-1].lower_ in self.words.org_heads or span[-1].text.rstrip(".").lower() in {
            w.rstrip(".") for w in self.words.org_heads
        }


def _with_name_head(span: Span, taken: bytearray) -> Span:
    """Extend a name over the capitalised word its last word is a compound of, when the
    model stopped short ("President [Yoon Suk] Yeol": "Yeol" heads the name)."""
    doc = span.doc
    end = span.end
    while (end < len(doc) and end - span.start < 4 and not taken[end] and doc[end].ent_type_ in {"", "PERSON"}
           and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end
           and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and doc[end].is_alpha):
        end += 1
    return doc[span.start : end] if end > span.end else span


def _trim(ent: Span, taken: bytearray) -> Span | None:
    """Cut the parts of a model entity that are not a name: words the gazetteer owns,
    a leading article, a possessive ending, and anything after a line break."""
    start, end = ent.start, ent.end
    doc = ent.doc
    for i in range(start, end):
        if doc[i].is_space or "\n" in doc[i].text:
            end = i
            break
    while start < end and (taken[start] or doc[start].lower_ in _LEADING or doc[start].is_punct):
        start += 1
    while end > start and (taken[end - 1] or doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    if start >= end or any(taken[start:end]):
        return None
    return doc[start:end]


@Language.factory("kg_entities", assigns=["doc.spans"], requires=["doc.spans", "doc.ents"])
def make_entity_reconciler(nlp: Language, name: str) -> EntityReconciler:
    """spaCy factory: an :class:`EntityReconciler` that gets its name words from ``initialize``."""
    return EntityReconciler()
