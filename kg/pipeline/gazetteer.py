"""Countries, demonyms, capitals, cities, regions, organisations and office titles.

The statistical model knows none of these as such: it tags "Chinese" as NORP,
"Secretary of State" as half an ORG and misses "Sino-US". This component finds
them by phrase matching the data files and leaves them in ``doc.spans["kg_gazetteer"]``
with the kind as label and the thing they name as ``kb_id`` (an ISO code, a title
key, ``"name|country"`` for cities and organisations).

Added by name (``nlp.add_pipe("kg_gazetteer")``), the component is given its terms the
way spaCy gives a ``span_ruler`` its patterns: by ``initialize``, here with the run's one
:class:`~kg.knowledge.Knowledge` (:func:`kg.nlp.add_components` does both).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from kg.knowledge import Knowledge
from kg.lexicon import Label, Term

__all__ = ["SPAN_KEY", "GazetteerMatcher"]

SPAN_KEY = "kg_gazetteer"
_PLACE_LABELS = frozenset({Label.COUNTRY, Label.CAPITAL, Label.CITY, Label.REGION})


def _inside(inner: Span, outer: Span) -> bool:
    """Whether ``inner`` lies within ``outer`` and is shorter."""
    return outer.start <= inner.start and inner.end <= outer.end and len(inner) < len(outer)


class GazetteerMatcher:
    """Phrase-match a list of :class:`~kg.lexicon.Term` and keep the longest matches.

    Titles whose key is in ``first`` win over anything they overlap.

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> terms = [Term("U.S.", Label.COUNTRY, "USA"), Term("secretary of state", Label.TITLE, "sos", False)]
    >>> matcher = GazetteerMatcher(nlp.vocab, terms, nlp.make_doc)
    >>> doc = matcher(nlp("U.S. Secretary of State arrives"))
    >>> [(s.text, s.label_, s.kb_id_) for s in doc.spans["kg_gazetteer"]]
    [('U.S.', 'COUNTRY', 'USA'), ('Secretary of State', 'TITLE', 'sos')]
    """

    def __init__(self, vocab: Vocab, terms: Iterable[Term] | None, make_doc: Callable[[str], Doc],
                 first: Iterable[str] = ()) -> None:
        self.vocab = vocab
        self.make_doc = make_doc
        # None until ``initialize`` gives the terms: matching nothing then would hide the mistake.
        self.ready = terms is not None
        self._match(terms or (), first)

    def initialize(self, get_examples: Callable[[], Iterable[Any]], *, nlp: Language | None = None,
                   knowledge: Knowledge) -> None:
        """Match the terms of ``knowledge``, its office titles first (spaCy's ``initialize``
        protocol; ``get_examples`` is not used)."""
        self._match(knowledge.terms, knowledge.office_keys)
        self.ready = True

    def _match(self, terms: Iterable[Term], first: Iterable[str]) -> None:
        self.first = frozenset(first)
        self.exact = PhraseMatcher(self.vocab, attr="ORTH")
        self.folded = PhraseMatcher(self.vocab, attr="LOWER")
        make_doc = self.make_doc
        exact: dict[str, list[Doc]] = {}
        folded: dict[str, list[Doc]] = {}
        for term in terms:
            match_id = f"{term.label}\t{term.key}"
            table = exact if term.case_sensitive else folded
            text = term.text if term.case_sensitive else term.text.lower()
            table.setdefault(match_id, []).append(make_doc(text))
        for match_id, docs in exact.items():
            self.exact.add(match_id, docs)
        for match_id, docs in folded.items():
            self.folded.add(match_id, docs)

    def __call__(self, doc: Doc) -> Doc:
        if not self.ready:
            raise ValueError("kg_gazetteer has no terms: call its initialize(..., knowledge=...) first "
                             "(kg.nlp.add_components does)")
        strings = doc.vocab.strings
        spans = []
        for matcher in (self.exact, self.folded):
            for match_id, start, end in matcher(doc):
                label, _, key = strings[match_id].partition("\t")
                spans.append(Span(doc, start, end, label=label, kb_id=key))
        # Office titles go first: "U.S. Treasury Secretary" is a country and a title,
        # not the organisation "U.S. Treasury" and a stray "Secretary".
        # A title inside a longer place name is part of the name: "Prince" in "Port-au-Prince".
        places = [s for s in spans if s.label_ in _PLACE_LABELS]
        chosen = filter_spans([s for s in spans if s.kb_id_ in self.first and s.label_ == Label.TITLE
                               and not any(_inside(s, p) for p in places)])
        taken = {i for s in chosen for i in range(s.start, s.end)}
        rest = [s for s in spans if s not in chosen and not any(i in taken for i in range(s.start, s.end))]
        doc.spans[SPAN_KEY] = sorted(chosen + filter_spans(rest), key=lambda s: s.start)
        return doc


@Language.factory("kg_gazetteer", assigns=["doc.spans"])
def make_gazetteer(nlp: Language, name: str) -> GazetteerMatcher:
    """spaCy factory: a :class:`GazetteerMatcher` that gets its terms from ``initialize``."""
    return GazetteerMatcher(nlp.vocab, None, nlp.make_doc)
