"""No sentence ends at the full stop of an honorific abbreviation.

spaCy's English tokenizer keeps some abbreviations whole ("Dr.", "Gen.") and splits the
full stop off the others ("Hon." becomes "Hon" and "."); the parser then ends a sentence
there, and "Deputy Minister Hon. Jane Roe met ..." is read as two sentences, the title
cut from its holder. Even a whole "Cmdr." ends one now and then. So for every honorific
that ``name_words.tsv`` lists with its full stop ("hon.", "brig."):

1. the tokenizer keeps it one token, as it does spaCy's own abbreviations;
2. the token after it starts no sentence, unless a line break comes between them
   (:class:`~kg.pipeline.paragraphs.ParagraphBreaker` decides those): the parser keeps
   a boundary set before it runs.

Added by :func:`add_abbreviations`, which gives the component the run's one
:class:`~kg.knowledge.Knowledge` through ``initialize``, as :func:`kg.nlp.add_components`
does for the other components.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from kg.knowledge import Knowledge

__all__ = ["HonorificStops", "add_abbreviations"]


class HonorificStops:
    """Keep a sentence going after each abbreviation of ``abbreviations`` (lower case, with
    its full stop).

    Examples
    --------
    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Minister", "Hon.", "Jane", "Roe", "spoke"])
    >>> [t.is_sent_start for t in HonorificStops(["hon."])(doc)]
    [True, None, False, None, None]
    """

    def __init__(self, abbreviations: Iterable[str] | None = None) -> None:
        # None until ``initialize`` gives the honorifics: keeping none then would hide the mistake.
        self.ready = abbreviations is not None
        self.abbreviations = frozenset(abbreviations or ())

    def initialize(self, get_examples: Callable[[], Iterable[Any]], *, nlp: Language,
                   knowledge: Knowledge) -> None:
        """Take the honorifics of ``knowledge`` written with a full stop and make each one
        token of ``nlp``'s tokenizer, capitalised ("Hon.", "H.E.") or in capitals ("HON.")
        (spaCy's ``initialize`` protocol; ``get_examples`` is not used)."""
        self.abbreviations = frozenset(
            word for word in knowledge.name_words.honorifics if len(word) > 1 and word.endswith(".")
        )
        tokenizer = nlp.tokenizer
        assert isinstance(tokenizer, Tokenizer)
        for word in self.abbreviations:
            for form in {word.title(), word.upper()}:
                tokenizer.add_special_case(form, [{ORTH: form}])
        self.ready = True

    def __call__(self, doc: Doc) -> Doc:
        if not self.ready:
            raise ValueError("kg_abbreviations has no honorifics: call its initialize(..., knowledge=...) "
                             "first (kg.pipeline.abbreviations.add_abbreviations does)")
        for token in doc[:-1]:
            after = doc[token.i + 1]
            apart = "\n" in token.whitespace_ or after.is_sent_start
            if token.lower_ in self.abbreviations and not apart:
                after.is_sent_start = False
        return doc


@Language.factory("kg_abbreviations", assigns=["token.is_sent_start"])
def make_honorific_stops(nlp: Language, name: str) -> HonorificStops:
    """spaCy factory: a :class:`HonorificStops` that gets its honorifics from ``initialize``."""
    return HonorificStops()


def add_abbreviations(nlp: Language, knowledge: Knowledge, *, before: str | None = None) -> Language:
    """Add ``kg_abbreviations`` to ``nlp`` (before the component ``before``, or last) with the
    honorifics of ``knowledge``; ``nlp``'s tokenizer then keeps them whole.

    Examples
    --------
    >>> import spacy
    >>> from kg.knowledge import load_knowledge
    >>> nlp = add_abbreviations(spacy.blank("en"), load_knowledge(None))
    >>> doc = nlp("The Deputy Minister Hon. Jane Roe spoke")
    >>> [(t.text, t.is_sent_start) for t in doc[3:5]]
    [('Hon.', None), ('Jane', False)]
    """
    nlp.add_pipe("kg_abbreviations", before=before)
    component = nlp.get_pipe("kg_abbreviations")
    assert isinstance(component, HonorificStops)
    component.initialize(lambda: [], nlp=nlp, knowledge=knowledge)
    return nlp
