"""The checks every article passes, whatever kind of file it came from.

A reader (one per input format, see :mod:`kg.sources.corpus`) turns a file into
:class:`RawArticle` records: a decoded text with what came with it. The checks turn each
into an :class:`~kg.types.Article` or one :class:`~kg.types.Problem`, in this order:

1. ``KG110`` empty: the text is only whitespace (an HTML page with no visible text says so).
2. ``KG116`` not English: ``kg`` reads English only (:mod:`kg.sources.language`).
3. The page furniture and the wire dateline are marked (:mod:`kg.sources.furniture`);
   the text itself is kept whole, so offsets stay true to it. With no publication date
   from ``metadata.csv`` or the file (a page's meta tag, a record's field, both in
   ``RawArticle.meta``), the date line at the article's head gives it
   (:mod:`kg.sources.dated`).
4. ``KG123`` the same id as an article kept earlier in the stream (two records with one
   ``id``, or a record whose ``id`` is a file's path): the later one is skipped.
5. ``KG117`` duplicate: the same article as one kept earlier in the stream, by
   :attr:`Article.digest <kg.types.Article.digest>` (the text with furniture blanked,
   spacing and case aside), so the copy with other ads around it is found too.
6. ``KG122`` (a warning): no publication date was found (step 3), and the text has a
   date phrase only a publication date can resolve ("on Tuesday", "last week":
   :func:`kg.dates.relative_phrase`), which will stay undated.

:func:`check` makes the first three, on one article; :func:`check_stream` runs them on a
stream and adds the others, which need the articles kept before or look at the whole
text again. A raw article's warnings (``skipped=False``: a guessed encoding, a page read
as text, ``KG122``) are given right before its article, and only when it becomes one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.dates import relative_phrase
from kg.sources.dated import date_line
from kg.sources.furniture import FurnitureRules, find_furniture
from kg.sources.language import LanguageWords, is_english
from kg.sources.metadata import ArticleMeta
from kg.types import Article, Problem, Span

if TYPE_CHECKING:
    from kg.knowledge import Knowledge

__all__ = ["CheckMemo", "CheckRules", "RawArticle", "TextCheck", "check", "check_rules", "check_stream",
           "text_check"]


@dataclass(frozen=True, slots=True)
class RawArticle:
    """One article as a reader found it, before the checks.

    Parameters
    ----------
    doc_id:
        The article's id, unique in the corpus (the file name for a ``.txt`` file).
    path:
        The file it came from, named by its problems.
    text:
        The text as read (decoded, ``\\n`` line ends, a page reduced to its visible
        text): the ``Article.text`` every offset will refer to.
    meta:
        What ``metadata.csv`` (or the file itself) says about it.
    html:
        The text is the visible text of an HTML page (an empty one is named so).
    warnings:
        Problems that do not keep it out (``skipped=False``), given before its article.
    """

    doc_id: str
    path: str
    text: str
    meta: ArticleMeta = field(default_factory=ArticleMeta)
    html: bool = False
    warnings: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True)
class CheckRules:
    """What the checks know, loaded once per run and handed down.

    Parameters
    ----------
    furniture:
        The compiled page-furniture rules.
    language:
        The words the language check counts.
    """

    furniture: FurnitureRules
    language: LanguageWords


def check_rules(knowledge: Knowledge) -> CheckRules:
    """What the checks know, taken from the run's knowledge.

    Parameters
    ----------
    knowledge:
        The run's knowledge (:func:`kg.knowledge.load_knowledge`).

    Returns
    -------
    CheckRules
        Its furniture rules and language words.
    """
    return CheckRules(furniture=knowledge.furniture, language=knowledge.language)


@dataclass(frozen=True, slots=True)
class TextCheck:
    """What checks 2 and 3 find in a text, which depends on the text and the rules alone.

    Parameters
    ----------
    english:
        The text reads as English (:func:`kg.sources.language.is_english`); when not,
        nothing else is looked for.
    furniture, dateline:
        Its page furniture and wire dateline (:func:`kg.sources.furniture.find_furniture`).
    dated:
        The date of a date line at its head (:func:`kg.sources.dated.date_line`).
    """

    english: bool
    furniture: tuple[Span, ...] = ()
    dateline: str | None = None
    dated: dt.date | None = None


def text_check(text: str, rules: CheckRules) -> TextCheck:
    """Checks 2 and 3 on ``text``: whether it is English, and if so its furniture and dates.

    Examples
    --------
    >>> from kg.knowledge import load_knowledge
    >>> rules = check_rules(load_knowledge(None))
    >>> found = text_check("March 3, 2024\\nNew Delhi: The ministers met in the capital on Monday.", rules)
    >>> found.english, found.furniture, found.dateline, found.dated
    (True, ((0, 13),), None, datetime.date(2024, 3, 3))
    """
    if not is_english(text, rules.language):
        return TextCheck(english=False)
    furniture, dateline = find_furniture(text, rules.furniture)
    return TextCheck(True, furniture, dateline, date_line(text))


class CheckMemo:
    """The :class:`TextCheck` of texts checked before, by the SHA-256 of the text, so that a
    rebuild does not look for the furniture and language of unchanged articles again.

    Parameters
    ----------
    previous:
        The checks a previous build kept (:meth:`kg.cache.FactsCache.read_checks`), made
        with the same rules: the facts cache keeps them under its pipeline fingerprint.

    Attributes
    ----------
    used:
        The checks of the texts this build read, made or found: what is worth keeping.
    """

    def __init__(self, previous: Mapping[str, TextCheck] | None = None) -> None:
        self.previous = dict(previous or {})
        self.used: dict[str, TextCheck] = {}

    def __call__(self, text: str, rules: CheckRules) -> TextCheck:
        """The check of ``text``: kept, or made now (and kept)."""
        key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        found = self.used.get(key) or self.previous.get(key) or text_check(text, rules)
        self.used[key] = found
        return found


def check(raw: RawArticle, rules: CheckRules, memo: CheckMemo | None = None) -> Article | Problem:
    """Checks 1 to 3 of the module docstring: one raw article to an article, or why not.

    Parameters
    ----------
    raw:
        The article as a reader found it.
    rules:
        What the checks know (:func:`check_rules`).
    memo:
        Checks made before, by text (none: every text is checked).

    Returns
    -------
    Article or Problem
        The article with its furniture and dateline; or a skipping problem.

    Examples
    --------
    >>> from kg.knowledge import load_knowledge
    >>> rules = check_rules(load_knowledge(None))
    >>> text = "Talks resume\\nNew Delhi: The ministers met in the capital on Monday.\\nShare"
    >>> article = check(RawArticle("a.txt", "in/a.txt", text), rules)
    >>> article.dateline, [article.text[s:e] for s, e in article.furniture]
    ('New Delhi', ['New Delhi:', 'Share'])
    >>> print(check(RawArticle("b.txt", "in/b.txt", " \\n "), rules))
    KG110 in/b.txt: empty or only whitespace; remove the file or put the article text in it
    """
    if not raw.text.strip():
        if raw.html:
            return Problem("KG110", raw.path, "an HTML page with no visible text; remove it")
        return Problem(
            "KG110", raw.path, "empty or only whitespace; remove the file or put the article text in it"
        )
    found = memo(raw.text, rules) if memo is not None else text_check(raw.text, rules)
    if not found.english:
        return Problem(
            "KG116",
            raw.path,
            "does not look like English (too few common English words, or as many of another "
            "language); kg reads English only, "
            "remove the file or give an English version",
        )
    return Article(
        doc_id=raw.doc_id,
        text=raw.text,
        published=raw.meta.published or found.dated,
        title=raw.meta.title,
        url=raw.meta.url,
        furniture=found.furniture,
        dateline=found.dateline,
    )


def check_stream(
    items: Iterable[RawArticle | Problem], rules: CheckRules, memo: CheckMemo | None = None
) -> Iterator[Article | Problem]:
    """All four checks of the module docstring on a stream of raw articles, lazily and in order.

    Parameters
    ----------
    items:
        Raw articles, and problems the readers met (passed on as they come).
    rules:
        What the checks know (:func:`check_rules`).
    memo:
        Checks made before, by text (none: every text is checked).

    Yields
    ------
    Article or Problem
        Per raw article: its warnings and its article, or one skipping problem; a
        duplicate's problem names the article kept before it.

    Examples
    --------
    >>> text = "The ministers met in the capital."
    >>> raws = [RawArticle("a.txt", "in/a.txt", text), RawArticle("b.txt", "in/b.txt", "Share\\n" + text)]
    >>> from kg.knowledge import load_knowledge
    >>> items = check_stream(raws, check_rules(load_knowledge(None)))
    >>> [item.doc_id if isinstance(item, Article) else str(item)[:41] for item in items]
    ['a.txt', 'KG117 in/b.txt: the same article as a.txt']
    """
    # The stream's only state: digest -> doc_id, and doc_id -> where, of each article kept so far.
    kept: dict[str, str] = {}
    ids: dict[str, str] = {}
    for item in items:
        if isinstance(item, Problem):
            yield item
            continue
        result = check(item, rules, memo)
        if isinstance(result, Article):
            if result.doc_id in ids:
                yield Problem(
                    "KG123",
                    item.path,
                    f"its id {result.doc_id!r} is that of an article read earlier ({ids[result.doc_id]}); "
                    "give each record its own id",
                )
                continue
            digest = result.digest
            if digest in kept:
                yield Problem(
                    "KG117",
                    item.path,
                    f"the same article as {kept[digest]} (read earlier); remove one of the two files",
                )
                continue
            kept[digest] = result.doc_id
            ids[result.doc_id] = item.path
            yield from item.warnings
            yield from _undated(result, item.path)
        yield result


def _undated(article: Article, where: str) -> Iterator[Problem]:
    """Check 6 of the module docstring: the ``KG122`` warning, if the article deserves it."""
    if article.published is not None:
        return
    phrase = relative_phrase(article.text)
    if phrase is not None:
        yield Problem(
            "KG122",
            where,
            f"no publication date found, so relative dates such as {phrase!r} stay undated; give its date "
            "in metadata.csv (file,published), or in its published field or meta tag",
            skipped=False,
        )
