"""Read a folder of scraped news articles: one :class:`~kg.types.Article` per ``.txt`` file.

The input is messy, so every file is checked and each trouble becomes one coded,
one-line :class:`~kg.types.Problem` naming the file and what to do; the run goes on.
Only a folder that cannot be a corpus at all raises :class:`~kg.errors.KgError`.

Codes
-----
Raised (:class:`~kg.errors.KgError`):

``KG101``  the folder does not exist
``KG102``  the path is not a folder
``KG103``  the folder has no ``.txt`` files
``KG104``  the folder cannot be listed (permissions)
``KG190``  the furniture rules file is malformed (see :mod:`kg.sources.furniture`)

Yielded per article file (``skipped=True``: no article; ``False``: a warning, and
the article follows right after it):

``KG110``  skipped: empty or only whitespace
``KG111``  skipped: binary (NUL bytes or mostly control bytes), not text
``KG112``  warning: not UTF-8; decoded with the encoding named in the message
``KG113``  skipped: not UTF-8 and no encoding decodes it sensibly
``KG114``  skipped: larger than ``Settings.max_bytes`` (never read into memory)
``KG115``  warning: an HTML page, not text; its visible text was extracted
``KG116``  skipped: not English
``KG117``  skipped: the same article as an earlier file (same ``Article.digest``)
``KG118``  skipped: the file cannot be opened or read

Yielded for ``metadata.csv`` before the articles (never stop the run, never keep an
article out, so always ``skipped=False``):

``KG201``  metadata.csv unreadable, binary or undecodable: all of it is ignored
``KG202``  no header row (the first row has no ``file`` column)
``KG203``  a ``published`` value that is not YYYY-MM-DD: that date is ignored
``KG204``  a row names a file that is not a ``.txt`` article in the folder
``KG205``  a second row for the same file: the later row is ignored
``KG206``  metadata.csv is not UTF-8; decoded with the encoding named in the message
``KG207``  a row without a file name: ignored
``KG208``  metadata.csv is malformed CSV from some row on: the rest is ignored
``KG209``  an unknown column: ignored

Texts are decoded (a UTF-8 byte-order mark is dropped), line ends normalised to
``\\n``, and HTML reduced to its visible text; ``Article.text`` is that result, the
text "as read" that every offset refers to. Hidden files (names starting with a
dot) are not articles.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from kg.errors import KgError
from kg.settings import Settings
from kg.sources.decode import NotText, decode, normalise_line_ends
from kg.sources.furniture import FurnitureRules, find_furniture, load_rules
from kg.sources.html_text import html_to_text, looks_html
from kg.sources.language import is_english
from kg.sources.metadata import METADATA_FILE, ArticleMeta, read_metadata, unknown_files
from kg.types import Article, Problem

__all__ = [
    "METADATA_FILE",
    "ArticleMeta",
    "count_articles",
    "html_to_text",
    "is_english",
    "read_corpus",
    "read_metadata",
]


def read_corpus(folder: Path, settings: Settings) -> Iterator[Article | Problem]:
    """Read the articles of a folder, one file at a time, in file-name order.

    The folder is checked at once (so a bad folder raises here, not at the first
    ``next``); the files are read lazily, never more than one text at a time.

    Parameters
    ----------
    folder:
        The folder of ``.txt`` articles (files directly in it; other files, such
        as ``README.md`` or ``metadata.csv``, are not articles).
    settings:
        Uses ``max_bytes`` (larger files are refused unread) and ``data_dir``
        (where the furniture rules live).

    Yields
    ------
    Article or Problem
        Metadata problems first, then per file: its problems (a warning is followed
        by the article, a skip is not) and its article.

    Raises
    ------
    KgError
        ``KG101`` no such folder, ``KG102`` not a folder, ``KG103`` no ``.txt`` files,
        ``KG104`` the folder cannot be listed.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Talks\\nBEIJING (Reuters) - The ministers met on Monday.\\n")
    >>> _ = (folder / "b.txt").write_text("")
    >>> [str(item).split(": ")[-1][:24] if isinstance(item, Problem) else item.dateline
    ...  for item in read_corpus(folder, Settings())]
    ['BEIJING', 'empty or only whitespace']
    """
    folder = Path(folder)
    names = _article_names(folder)
    rules = load_rules(settings.data_dir)
    meta, problems = read_metadata(folder / METADATA_FILE)
    return _read(folder, names, meta, problems, settings, rules)


def count_articles(folder: Path) -> int:
    """How many files of ``folder`` :func:`read_corpus` will try (for a progress bar).

    Parameters
    ----------
    folder:
        The folder of ``.txt`` articles.

    Returns
    -------
    int
        The number of ``.txt`` files; each ends as one article or one skipping problem.

    Raises
    ------
    KgError
        As :func:`read_corpus` does for a folder that cannot be read.
    """
    return len(_article_names(Path(folder)))


def _article_names(folder: Path) -> list[str]:
    if not folder.exists():
        raise KgError("KG101", str(folder), "no such folder; give the folder of .txt articles")
    if not folder.is_dir():
        raise KgError("KG102", str(folder), "not a folder; give the folder that holds the .txt articles")
    try:
        with os.scandir(folder) as entries:
            # Names only: 100,000 of them are small; the texts are read one at a time later.
            names = sorted(
                entry.name
                for entry in entries
                if entry.name.lower().endswith(".txt") and not entry.name.startswith(".") and entry.is_file()
            )
    except OSError as error:
        raise KgError(
            "KG104", str(folder), f"cannot list the folder ({error.strerror}); check permissions"
        ) from None
    if not names:
        raise KgError(
            "KG103", str(folder), "no .txt files in this folder; put one UTF-8 .txt file per article in it"
        )
    return names


def _read(
    folder: Path,
    names: list[str],
    meta: dict[str, ArticleMeta],
    problems: list[Problem],
    settings: Settings,
    rules: FurnitureRules,
) -> Iterator[Article | Problem]:
    yield from problems
    yield from unknown_files(meta, set(names), folder)
    seen: dict[str, str] = {}
    for name in names:
        yield from _read_one(folder / name, meta.get(name, ArticleMeta()), settings, rules, seen)


def _read_one(
    path: Path, meta: ArticleMeta, settings: Settings, rules: FurnitureRules, seen: dict[str, str]
) -> Iterator[Article | Problem]:
    where = str(path)
    name = path.name
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            yield _too_large(where, size, settings.max_bytes)
            return
        with path.open("rb") as handle:
            # Read one byte past the limit: a file that grew since stat is still refused.
            data = handle.read(settings.max_bytes + 1)
    except OSError as error:
        message = f"cannot read the file ({error.strerror}); check that it exists and is readable"
        yield Problem("KG118", where, message)
        return
    if len(data) > settings.max_bytes:
        yield _too_large(where, len(data), settings.max_bytes)
        return

    warnings: list[Problem] = []
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
    if not decoded.text.strip():
        yield Problem(
            "KG110", where, "empty or only whitespace; remove the file or put the article text in it"
        )
        return
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
    if looks_html(text):
        text = html_to_text(text)
        if not text.strip():
            yield Problem("KG110", where, "an HTML page with no visible text; remove it")
            return
        warnings.append(
            Problem(
                "KG115",
                where,
                "an HTML page, not text: read its visible text; save articles as plain text to be sure",
                skipped=False,
            )
        )
    if not is_english(text):
        yield Problem(
            "KG116",
            where,
            "does not look like English (few common English words); kg reads English only, "
            "remove the file or give an English version",
        )
        return
    furniture, dateline = find_furniture(text, rules)
    article = Article(
        doc_id=name,
        text=text,
        published=meta.published,
        title=meta.title,
        url=meta.url,
        furniture=furniture,
        dateline=dateline,
    )
    digest = article.digest
    if digest in seen:
        yield Problem(
            "KG117",
            where,
            f"the same article as {seen[digest]} (read earlier); remove one of the two files",
        )
        return
    seen[digest] = name
    yield from warnings
    yield article


def _too_large(where: str, size: int, limit: int) -> Problem:
    return Problem(
        "KG114",
        where,
        f"{size:,} bytes, over the limit of {limit:,} bytes; split it into one file per "
        "article, or raise the limit (kg build --max-bytes, Settings.max_bytes)",
    )
