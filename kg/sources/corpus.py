"""The corpus reader: a folder of article files in, articles and problems out, one file at a time.

It composes the other modules of :mod:`kg.sources`:

1. list the folder: the files whose suffix has a reader in :data:`READERS` (``KG101`` to
   ``KG104`` raised for a folder that cannot be a corpus);
2. read ``metadata.csv`` (:mod:`kg.sources.metadata`) and give its problems first;
3. per file, in file-name order: read its bytes within ``Settings.max_bytes``
   (``KG114``, ``KG118``), and hand them to the reader for its suffix, which turns
   them into raw articles (:mod:`kg.sources.txt` for ``.txt``);
4. run the checks on the stream of raw articles (:mod:`kg.sources.check`).

A new input format is a new reader module, with the signature of :data:`Reader`, and
one entry in :data:`READERS`; the checks and the records stay the same.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from kg.errors import KgError
from kg.settings import Settings
from kg.sources.check import RawArticle, check_rules, check_stream
from kg.sources.metadata import METADATA_FILE, ArticleMeta, read_metadata, unknown_files
from kg.sources.txt import read_txt
from kg.types import Article, Problem

if TYPE_CHECKING:
    from kg.knowledge import Knowledge

__all__ = ["READERS", "Reader", "count_articles", "read_corpus"]

Reader = Callable[[Path, bytes, ArticleMeta], Iterable[RawArticle | Problem]]
"""A file's path, its bytes and its ``metadata.csv`` row to its raw articles and problems."""

READERS: Mapping[str, Reader] = MappingProxyType({".txt": read_txt})
"""The reader for each file suffix (lower case); files with other suffixes are not articles."""


def read_corpus(
    folder: Path, settings: Settings, knowledge: Knowledge | None = None
) -> Iterator[Article | Problem]:
    """Read the articles of a folder, one file at a time, in file-name order.

    The folder is checked at once (so a bad folder raises here, not at the first
    ``next``); the files are read lazily, never more than one text at a time.

    Parameters
    ----------
    folder:
        The folder of ``.txt`` articles (files directly in it; other files, such
        as ``README.md`` or ``metadata.csv``, are not articles).
    settings:
        Uses ``max_bytes`` (larger files are refused unread).
    knowledge:
        The run's knowledge: its furniture rules and English words (default: that of
        ``settings.data_dir``, loaded here).

    Yields
    ------
    Article or Problem
        Metadata problems first, then per file: its problems (a warning is followed
        by the article, a skip is not) and its article.

    Raises
    ------
    KgError
        ``KG101`` no such folder, ``KG102`` not a folder, ``KG103`` no ``.txt`` files,
        ``KG104`` the folder cannot be listed; when ``knowledge`` is not given, those of
        :func:`kg.knowledge.load_knowledge` for a bad data folder.

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
    if knowledge is None:
        from kg.knowledge import load_knowledge  # kg.knowledge imports kg.sources: loaded here, not above

        knowledge = load_knowledge(settings.data_dir)
    rules = check_rules(knowledge)
    meta, problems = read_metadata(folder / METADATA_FILE)
    metadata_problems = [*problems, *unknown_files(meta, set(names), folder)]
    raw = _read_files(folder, names, meta, settings.max_bytes)
    return itertools.chain(metadata_problems, check_stream(raw, rules))


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


def _suffix(name: str) -> str:
    return Path(name).suffix.lower()


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
                if _suffix(entry.name) in READERS and not entry.name.startswith(".") and entry.is_file()
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


def _read_files(
    folder: Path, names: list[str], meta: Mapping[str, ArticleMeta], max_bytes: int
) -> Iterator[RawArticle | Problem]:
    for name in names:
        path = folder / name
        data = _read_bytes(path, max_bytes)
        if isinstance(data, Problem):
            yield data
            continue
        yield from READERS[_suffix(name)](path, data, meta.get(name, ArticleMeta()))


def _read_bytes(path: Path, max_bytes: int) -> bytes | Problem:
    where = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return _too_large(where, size, max_bytes)
        with path.open("rb") as handle:
            # Read one byte past the limit: a file that grew since stat is still refused.
            data = handle.read(max_bytes + 1)
    except OSError as error:
        message = f"cannot read the file ({error.strerror}); check that it exists and is readable"
        return Problem("KG118", where, message)
    if len(data) > max_bytes:
        return _too_large(where, len(data), max_bytes)
    return data


def _too_large(where: str, size: int, limit: int) -> Problem:
    return Problem(
        "KG114",
        where,
        f"{size:,} bytes, over the limit of {limit:,} bytes; split it into one file per "
        "article, or raise the limit (kg build --max-bytes, Settings.max_bytes)",
    )
