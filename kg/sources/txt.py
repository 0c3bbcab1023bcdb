"""The reader of ``.txt`` files: one article per file, its text as decoded.

The bytes are decoded and a page saved as text reduced to its visible text
(:mod:`kg.sources.reading`). The result is the article's text as read, that every offset
refers to; the checks (:mod:`kg.sources.check`) take it from there.

Its problems are ``KG111`` to ``KG113`` and ``KG115`` (listed in :mod:`kg.sources`).
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.sources.check import RawArticle
from kg.sources.reading import InputFile, decode_file, prose
from kg.types import Problem

__all__ = ["read_txt"]


def read_txt(file: InputFile) -> Iterator[RawArticle | Problem]:
    """Read one ``.txt`` file as one raw article, or say why it is not text.

    Parameters
    ----------
    file:
        The file (its path from the folder is the article's ``doc_id``; problems name
        its path).

    Yields
    ------
    RawArticle or Problem
        One of them: the raw article (with its warnings, ``KG112`` and ``KG115``), or
        ``KG111`` / ``KG113``.

    Examples
    --------
    >>> from pathlib import Path
    >>> [raw] = read_txt(InputFile(Path("in/sub/a.txt"), "sub/a.txt", b"<p>Talks</p><p>resumed</p>\\r\\n"))
    >>> raw.doc_id, raw.text, raw.html, [w.code for w in raw.warnings]
    ('sub/a.txt', 'Talks\\n\\nresumed', True, ['KG115'])
    """
    where = str(file.path)
    decoded = decode_file(where, file.data)
    if isinstance(decoded, Problem):
        yield decoded
        return
    text = prose(decoded.text, where)
    yield RawArticle(file.name, where, text.text, html=text.html, warnings=decoded.warnings + text.warnings)
