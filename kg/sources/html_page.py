"""The reader of ``.html`` and ``.htm`` files: one article per page, its visible text.

The text is what a browser shows of the page, scripts, styles and page chrome dropped
(:func:`kg.sources.html_text.html_to_text`). What the page says of itself in its head
gives the article's fields, each the first found in this order:

``title``
    ``og:title``, ``twitter:title``, then the ``<title>`` element;
``published``
    ``article:published_time`` and the other publication-date meta tags
    (:data:`DATE_KEYS`), then ``datePublished`` in the page's JSON-LD, then the first
    ``<time datetime>``; a value that is not a whole date is passed over
    (:func:`kg.sources.dated.published_date`);
``url``
    ``og:url``, then ``<link rel="canonical">``.

A row of ``metadata.csv`` for the page overrides each of them (:mod:`kg.sources.corpus`).
Its problems are those of decoding (``KG111`` to ``KG113``, listed in :mod:`kg.sources`);
a page with no visible text is ``KG110`` in the checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser

from kg.sources.check import RawArticle
from kg.sources.dated import published_date
from kg.sources.html_text import html_to_text
from kg.sources.metadata import ArticleMeta
from kg.sources.reading import InputFile, decode_file
from kg.types import Problem

__all__ = ["DATE_KEYS", "page_meta", "read_html"]

_TITLE_KEYS = ("og:title", "twitter:title")
DATE_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "dc.date.issued",
    "dc.date",
    "date",
)
"""The meta tags (``property``, ``name`` or ``itemprop``, any case) that give a page's
publication date, the first found first."""
_URL_KEYS = ("og:url",)
_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{1,64})"')


class _Head(HTMLParser):
    """Collect what a page says of itself: its meta tags, title, canonical link, JSON-LD and times."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title: list[str] = []
        self.canonical: str | None = None
        self.linked_data: list[str] = []
        self.times: list[str] = []
        self.inside: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            # The first tag of a key is the page's own; later ones are often a shared widget's.
            if key and values.get("content", "").strip():
                self.meta.setdefault(key.strip(), values["content"].strip())
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.canonical = self.canonical or values.get("href", "").strip() or None
        elif tag == "time" and values.get("datetime", "").strip():
            self.times.append(values["datetime"])
        elif tag == "title" or (tag == "script" and values.get("type", "").lower() == "application/ld+json"):
            self.inside = tag

    def handle_endtag(self, tag: str) -> None:
        if tag == self.inside:
            self.inside = None

    def handle_data(self, data: str) -> None:
        if self.inside == "title":
            self.title.append(data)
        elif self.inside == "script":
            self.linked_data.append(data)


def page_meta(html: str) -> ArticleMeta:
    """The title, publication date and url a page gives itself (the order of the module docstring).

    Parameters
    ----------
    html:
        The page as written, head and all.

    Returns
    -------
    ArticleMeta
        What was found; ``None`` for each field the page does not give.

    Examples
    --------
    >>> page = ('<html><head><title>Talks | Site</title><meta property="og:title" content="Talks">'
    ...         '<meta property="article:published_time" content="2031-05-04T08:00:00Z">'
    ...         '<link rel="canonical" href="https://example.org/talks"></head><body></body></html>')
    >>> page_meta(page)
    ArticleMeta(published=datetime.date(2031, 5, 4), title='Talks', url='https://example.org/talks')
    """
    head = _Head()
    head.feed(html)
    head.close()
    title = next((head.meta[key] for key in _TITLE_KEYS if key in head.meta), None)
    title = title or " ".join("".join(head.title).split()) or None
    url = next((head.meta[key] for key in _URL_KEYS if key in head.meta), None) or head.canonical
    dates = (
        *(head.meta[key] for key in DATE_KEYS if key in head.meta),
        *_LD_PUBLISHED.findall("".join(head.linked_data)),
        *head.times,
    )
    published: date | None = next(filter(None, map(published_date, dates)), None)
    return ArticleMeta(published, title, url)


def read_html(file: InputFile) -> Iterator[RawArticle | Problem]:
    """Read one page as one raw article: its visible text, and what its head says of it.

    Parameters
    ----------
    file:
        The page (its path from the folder is the article's ``doc_id``).

    Yields
    ------
    RawArticle or Problem
        The raw article (with ``KG112`` when its encoding was guessed), or ``KG111`` /
        ``KG113``.

    Examples
    --------
    >>> from pathlib import Path
    >>> page = b"<head><title>Talks</title></head><nav>Home</nav><p>The envoys met.</p><script>x()</script>"
    >>> [raw] = read_html(InputFile(Path("in/a.html"), "a.html", page))
    >>> raw.text, raw.meta.title, raw.html
    ('The envoys met.', 'Talks', True)
    """
    where = str(file.path)
    decoded = decode_file(where, file.data)
    if isinstance(decoded, Problem):
        yield decoded
        return
    text, meta = html_to_text(decoded.text), page_meta(decoded.text)
    yield RawArticle(file.name, where, text, meta, html=True, warnings=decoded.warnings)
