"""The facts of one article: a parsed article in, a small picklable :class:`ArticleFacts` out.

The per-article step between parsing (:mod:`kg.nlp`) and resolution (:mod:`kg.resolve`):
the mentions and office claims of :mod:`kg.mentions` and the event candidates of
:mod:`kg.events.find`. It runs where the parse runs (:mod:`kg.engines`: in this process,
a pool or on Dask), so nothing in its result refers to spaCy objects. A long article is
parsed in :func:`chunks` whose facts :func:`merge_chunks` joins again.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.attrs import IS_PUNCT, IS_SPACE
from spacy.tokens import Doc

from kg.events import EventFinder
from kg.knowledge import Knowledge
from kg.mentions import DocMentions
from kg.types import Article, ArticleFacts

__all__ = ["FactFinder", "chunks", "merge_chunks"]


def chunks(text: str, limit: int) -> Iterator[tuple[int, str]]:
    """Split ``text`` at line breaks into pieces of at most ``limit`` characters.

    A line longer than ``limit`` is cut at the last space before it. Yields
    ``(offset, piece)``; the pieces concatenated give back ``text``.

    Examples
    --------
    >>> list(chunks("aa\\nbb\\ncc", 5))
    [(0, 'aa\\n'), (3, 'bb\\ncc')]
    """
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            cut = text.rfind("\n", start, end)
            if cut <= start:
                cut = text.rfind(" ", start, end)
            if cut > start:
                end = cut + 1
        yield start, text[start:end]
        start = end


class FactFinder:
    """Finds the mentions, office claims and event candidates of one parsed article (or chunk),
    with what ``knowledge`` knows."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.find_events = EventFinder(knowledge)

    def __call__(self, doc: Doc, article: Article, offset: int = 0) -> ArticleFacts:
        found = DocMentions(doc, article, self.knowledge, offset)
        mentions = tuple(m for m in found.mentions if m is not None)
        return ArticleFacts(
            info=article.info(),
            mentions=mentions,
            offices=found.office_claims(),
            events=tuple(self.find_events(found)),
            words=_word_count(doc),
        )


def _word_count(doc: Doc) -> int:
    """Tokens that are neither space nor punctuation, counted on the token arrays
    (a Python loop over the tokens cost a tenth of extraction)."""
    if not len(doc):
        return 0
    flags = doc.to_array([IS_SPACE, IS_PUNCT])
    return int(((flags[:, 0] == 0) & (flags[:, 1] == 0)).sum())


def merge_chunks(parts: list[ArticleFacts]) -> ArticleFacts:
    """One article's facts from the facts of its chunks."""
    if len(parts) == 1:
        return parts[0]
    first = parts[0]
    return replace(
        first,
        mentions=tuple(m for p in parts for m in p.mentions),
        offices=tuple(o for p in parts for o in p.offices),
        events=tuple(e for p in parts for e in p.events),
        words=sum(p.words for p in parts),
    )
