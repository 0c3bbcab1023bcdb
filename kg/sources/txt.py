"""The reader of ``.txt`` files: one article per file, its text as decoded.

The bytes are decoded (:mod:`kg.sources.decode`), line ends made ``\\n``, and a page
saved as text reduced to its visible text (:mod:`kg.sources.html_text`). The result is
the article's text as read, that every offset refers to; the checks
(:mod:`kg.sources.check`) take it from there.

Its problems are ``KG111`` to ``KG113`` and ``KG115`` (listed in :mod:`kg.sources`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kg.sources.check import RawArticle
from kg.sources.decode import NotText, decode, normalise_line_ends
from kg.sources.html_text import html_to_text, looks_html
from kg.sources.metadata import ArticleMeta
from kg.types import Problem

__all__ = ["read_txt"]


def read_txt(path: Path, data: bytes, meta: ArticleMeta) -> Iterator[RawArticle | Problem]:
    """Read one ``.txt`` file's bytes as one raw article, or say why it is not text.

    Parameters
    ----------
    path:
        The file (its name is the article's ``doc_id``; problems name the path).
    data:
        The file's bytes.
    meta:
        What ``metadata.csv`` says about the file.

    Yields
    ------
    RawArticle or Problem
        One of them: the raw article (with its warnings, ``KG112`` and ``KG115``), or
        ``KG111`` / ``KG113``.

    Examples
    --------
    >>> [raw] = read_txt(Path("in/a.txt"), b"<p>Talks</p><p>resumed</p>\\r\\n", ArticleMeta())
    >>> raw.doc_id, raw.text, raw.html, [w.code for w in raw.warnings]
    ('a.txt', 'Talks\\n\\nresumed', True, ['KG115'])
    """
    where = str(path)
    decoded = decode(data)
    if decoded is NotText.BINARY:
        yield Problem("KG111", where, "a binary file, not text; remove it or save the article as plain text")
        return
    if decoded is NotText.UNDECODABLE:
        yield Problem(
            "KG113",
            where,
            "not UTF-8, and no encoding decodes it sensibly; re-save it as UTF-8 text",
        )
        return
    warnings: list[Problem] = []
    if decoded.encoding is not None:
        warnings.append(
            Problem(
                "KG112",
                where,
                f"not valid UTF-8; read as {decoded.encoding} (a guess: check its accents and quotes, "
                "then re-save the file as UTF-8)",
                skipped=False,
            )
        )
    text = normalise_line_ends(decoded.text)
    html = looks_html(text)
    if html:
        text = html_to_text(text)
        warnings.append(
            Problem(
                "KG115",
                where,
                "an HTML page, not text: read its visible text; save articles as plain text to be sure",
                skipped=False,
            )
        )
    yield RawArticle(path.name, where, text, meta, html=html, warnings=tuple(warnings))
