"""The corpus reader: a folder of article files in, articles and problems out, one file at a time.

It composes the other modules of :mod:`kg.sources`:

1. list the folder: the names whose suffix has a reader in :data:`READERS`, whatever
   they are (a link, a pipe or a folder gets its line in step 3; ``KG101`` to
   ``KG104`` raised for a folder that cannot be a corpus);
2. read ``metadata.csv`` (:mod:`kg.sources.metadata`) and give its problems first;
3. per name, in order: read its bytes within ``Settings.max_bytes``, never led out of
   the folder by a link unless ``Settings.follow_links`` (:mod:`kg.sources.files`;
   ``KG114``, ``KG118`` to ``KG121``), and hand them to the reader for its suffix,
   which turns them into raw articles (:mod:`kg.sources.txt` for ``.txt``);
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
from kg.sources.files import Refusal, Unread, read_in_folder
from kg.sources.metadata import METADATA_FILE, ArticleMeta, listed, read_metadata, unknown_files
from kg.sources.txt import read_txt
from kg.types import Article, Problem

if TYPE_CHECKING:
    from kg.knowledge import Knowledge

__all__ = ["READERS", "Reader", "count_articles", "read_corpus"]

Reader = Callable[[Path, bytes, ArticleMeta], Iterable[RawArticle | Problem]]
"""A file's path, its bytes and its ``metadata.csv`` row to its raw articles and problems."""

READERS: Mapping[str, Reader] = MappingProxyType({".txt": read_txt})
"""The reader for each file suffix (lower case); files with other suffixes are not articles."""

_UNREAD: Mapping[Refusal, tuple[str, str]] = MappingProxyType(
    {
        Refusal.TOO_LARGE: (
            "KG114",
            "split it into one file per article, "
            "or raise the limit (kg build --max-bytes, Settings.max_bytes)",
        ),
        Refusal.OUTSIDE: (
            "KG119",
            "not read; copy the file into the folder, or allow links out of it "
            "(kg build --follow-links, Settings.follow_links)",
        ),
        Refusal.NOT_A_FILE: ("KG120", "not read; remove it, or rename it without .txt"),
        Refusal.LOOP: ("KG121", "not read; fix the link or remove it"),
        Refusal.DANGLING: ("KG121", "not read; fix the link or remove it"),
        Refusal.CHANGED: ("KG118", "not read; run kg again once the folder stops changing"),
        Refusal.UNREADABLE: ("KG118", "check that it exists and is readable"),
    }
)
"""The code of the problem of an article file that was not read, and what to do about it."""


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
        Uses ``max_bytes`` (larger files, ``metadata.csv`` too, are refused
        unread), ``follow_links`` (read articles that links lead to outside the
        folder).
    knowledge:
        The run's knowledge: its furniture rules and language words (default: that of
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
        A name that cannot be read is never raised: it is one problem in the stream.

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
    meta, problems = read_metadata(folder / METADATA_FILE, settings.max_bytes)
    metadata_problems = listed(
        [*problems, *unknown_files(meta, set(names), folder)], str(folder / METADATA_FILE)
    )
    raw = _read_files(folder, names, meta, settings)
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
            # Whatever each name is (a link, a pipe, a folder) is looked at when it is read,
            # so that each gets its own line and one odd name never stops the listing.
            names = sorted(
                entry.name
                for entry in entries
                if _suffix(entry.name) in READERS and not entry.name.startswith(".")
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
    folder: Path, names: list[str], meta: Mapping[str, ArticleMeta], settings: Settings
) -> Iterator[RawArticle | Problem]:
    for name in names:
        path = folder / name
        data = read_in_folder(folder, name, settings.max_bytes, follow_links=settings.follow_links)
        if isinstance(data, Unread):
            yield _unread(str(path), data)
            continue
        yield from READERS[_suffix(name)](path, data, meta.get(name, ArticleMeta()))


def _unread(where: str, unread: Unread) -> Problem:
    """The one problem of an article file that was not read (see :mod:`kg.sources.files`)."""
    code, advice = _UNREAD[unread.refusal]
    return Problem(code, where, f"{unread.what}; {advice}")
