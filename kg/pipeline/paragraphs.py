"""Sentence starts at paragraph breaks.

News text is a list of paragraphs, headings and captions, one per line; the parser
alone often runs a heading into the next paragraph. A sentence that spans a line
break is never what the text means, so every first token after a newline starts a
sentence. The parser respects boundaries set before it runs.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["ParagraphBreaker"]


class ParagraphBreaker:
    """Mark the first non-space token after each newline as a sentence start.

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> doc = ParagraphBreaker()(nlp("A heading\\nThe first sentence runs on"))
    >>> [t.text for t in doc if t.is_sent_start]
    ['A', 'The']
    """

    def __call__(self, doc: Doc) -> Doc:
        after_break = False
        for token in doc:
            if token.i == 0 or (after_break and not token.is_space):
                token.is_sent_start = True
                after_break = False
            if "\n" in token.text or "\n" in token.whitespace_:
                after_break = True
        return doc


@Language.factory("kg_paragraphs", assigns=["token.is_sent_start"])
def make_paragraph_breaker(nlp: Language, name: str) -> ParagraphBreaker:
    """spaCy factory for :class:`ParagraphBreaker`."""
    return ParagraphBreaker()
