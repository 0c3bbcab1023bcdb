"""The facts of one article: a parsed article in, a small picklable :class:`ArticleFacts` out.

The per-article step between parsing (:mod:`kg.nlp`) and resolution (:mod:`kg.resolve`):
the mentions and office claims of :mod:`kg.mentions` and the event candidates of
:mod:`kg.events.find`. It runs where the parse runs (:mod:`kg.engines`: in this process,
a pool or on Dask), so nothing in its result refers to spaCy objects.

A long article is parsed in pieces (:func:`chunks`, at most
``Settings.max_chars_per_chunk`` characters each, cut at a line break, else at the end
of a sentence, else between words), so the memory a parse takes does not grow with the
article. Each piece's facts carry offsets into the whole article, and
:func:`merge_chunks` joins them into the article's facts: resolution then joins a
surname in one piece to the full name in another as it does within one piece. What a
cut can change is the parse around it: a rule that looks back a few sentences (who
"he" is) does not see across it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, fields, replace

from spacy.attrs import IS_PUNCT, IS_SPACE
from spacy.tokens import Doc

from kg.events.find import EventFinder
from kg.knowledge import Knowledge
from kg.mentions import DocMentions
from kg.types import Article, ArticleFacts, DocumentInfo

__all__ = ["FactFinder", "chunks", "merge_chunks", "read_in_pieces"]

_SENTENCE_END = re.compile(r"(?<=[a-z0-9]{2})[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")
"""The end of a sentence: a full stop, question or exclamation mark after two lower-case
letters or digits (not "Mr." or "U.S."), any closing quote or bracket, space, and a
capital or digit next."""


def _cut(text: str, start: int, end: int) -> int:
    """Where a piece from ``start`` that may reach ``end`` ends (exclusive), ``start < end``.

    A line break or a sentence end keeps every sentence whole, so one is taken if there
    is any: the last line break in the second half of the piece, else the last sentence
    end there, else the later of the two in the first half (a smaller piece, not a
    sentence cut in two). Else the last space, else ``end``: a run of ``end - start``
    characters without a space is cut where the limit falls.
    """
    half = start + (end - start) // 2
    line = text.rfind("\n", start, end) + 1
    sentence = max((m.end() for m in _SENTENCE_END.finditer(text, start, end)), default=0)
    for cut in (line, sentence):
        if cut > half:
            return cut
    for cut in (max(line, sentence), text.rfind(" ", start, end) + 1):
        if cut > start:
            return cut
    return end


def chunks(text: str, limit: int) -> Iterator[tuple[int, str]]:
    """Split ``text`` into pieces of at most ``limit`` characters, at line breaks where it can.

    A piece ends after a line break, else after the end of a sentence, else after a
    space (see :func:`_cut`); a text of ``limit`` characters or fewer is one piece.
    Yields ``(offset, piece)``; the pieces concatenated give back ``text``.

    Examples
    --------
    >>> list(chunks("aa\\nbb\\ncc", 5))
    [(0, 'aa\\n'), (3, 'bb\\ncc')]
    >>> list(chunks("One two. Three four", 14))
    [(0, 'One two. '), (9, 'Three four')]
    """
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            end = _cut(text, start, end)
        yield start, text[start:end]
        start = end


@dataclass(frozen=True, slots=True)
class _BodyKept(Article):
    """An article whose body (furniture blanked) is worked out once: every piece of a long
    article reads it, and :attr:`Article.body` builds it anew each time."""

    kept_body: str = ""

    @property
    def body(self) -> str:
        return self.kept_body


def read_in_pieces(article: Article) -> Article:
    """``article`` as its pieces read it: the same text and offsets, its body built once.

    Hand this, not ``article``, to :class:`FactFinder` for every piece of a long article.
    """
    return _BodyKept(**{f.name: getattr(article, f.name) for f in fields(article)}, kept_body=article.body)


class FactFinder:
    """Finds the mentions, office claims and event candidates of one parsed article (or chunk),
    with what ``knowledge`` knows."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.find_events = EventFinder(knowledge)

    def __call__(
        self, doc: Doc, article: Article, offset: int = 0, info: DocumentInfo | None = None
    ) -> ArticleFacts:
        """The facts of ``doc``, the parse of ``article``'s body from character ``offset`` on.

        ``info`` is ``article.info()``, given when it is already known: it hashes the
        whole article, which would cost every piece of a long one as much again.
        """
        found = DocMentions(doc, article, self.knowledge, offset)
        mentions = tuple(m for m in found.mentions if m is not None)
        events, groups = self.find_events.read(found)
        return ArticleFacts(
            info=article.info() if info is None else info,
            mentions=mentions,
            offices=found.office_claims(),
            events=events,
            groups=groups,
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
    """One article's facts from the facts of its pieces, in text order (their offsets are
    already the article's, so they are only put one after the other)."""
    if len(parts) == 1:
        return parts[0]
    return replace(
        parts[0],
        mentions=tuple(m for p in parts for m in p.mentions),
        offices=tuple(o for p in parts for o in p.offices),
        events=tuple(e for p in parts for e in p.events),
        groups=tuple(g for p in parts for g in p.groups),
        words=sum(p.words for p in parts),
        problems=tuple(problem for p in parts for problem in p.problems),
    )
