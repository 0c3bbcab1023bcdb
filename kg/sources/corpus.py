"""The corpus reader: a folder of article files in, articles and problems out, one file at a time.

It composes the other modules of :mod:`kg.sources`:

1. list the folder and its subfolders (hidden names aside): the names whose suffix has
   a reader in :data:`READERS`, whatever they are (a link, a pipe or a folder gets its
   line in step 3); a file of any other kind is one ``KG124`` line, unread, but for the
   folder's ``metadata.csv`` and a ``README``, which describe the folder
   (``KG101`` to ``KG104`` raised for a folder that cannot be a corpus);
2. read ``metadata.csv`` (:mod:`kg.sources.metadata`) and give its problems first;
3. per name, in path order: read its bytes within ``Settings.max_bytes``, never led out
   of the folder by a link unless ``Settings.follow_links`` (:mod:`kg.sources.files`;
   ``KG114``, ``KG118`` to ``KG121``), and hand them to the reader for its suffix,
   which turns them into raw articles; the row of ``metadata.csv`` for an article (by
   its id, else by the file it is in) overrides what the file says of it;
4. run the checks on the stream of raw articles (:mod:`kg.sources.check`).

A new input format is a new reader module, with the signature of :data:`Reader`, and
one entry in :data:`READERS`; the checks and the records stay the same.
"""

from __future__ import annotations

import dataclasses
import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from kg.errors import KgError
from kg.settings import Settings
from kg.sources.check import CheckMemo, RawArticle, check_rules, check_stream
from kg.sources.csv_rows import read_csv
from kg.sources.files import Refusal, Unread, read_in_folder
from kg.sources.html_page import read_html
from kg.sources.jsonl import read_json, read_jsonl
from kg.sources.metadata import METADATA_FILE, ArticleMeta, listed, read_metadata, unknown_files
from kg.sources.reading import FieldNames, InputFile
from kg.sources.txt import read_txt
from kg.types import Article, Problem

if TYPE_CHECKING:
    from kg.knowledge import Knowledge

__all__ = ["READERS", "Reader", "count_articles", "read_corpus"]

Reader = Callable[[InputFile], Iterable[RawArticle | Problem]]
"""A file of the folder to its raw articles and problems."""

READERS: Mapping[str, Reader] = MappingProxyType(
    {
        ".txt": read_txt,
        ".html": read_html,
        ".htm": read_html,
        ".jsonl": read_jsonl,
        ".json": read_json,
        ".csv": read_csv,
    }
)
"""The reader for each file suffix (lower case); a file with another suffix is not read (``KG124``)."""

_ONE_PER_FILE = frozenset({read_txt, read_html})
"""Readers whose one article is the file, its id the file's path; the others read records."""

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
        Refusal.NOT_A_FILE: ("KG120", "not read; remove it, or rename it without its suffix"),
        Refusal.LOOP: ("KG121", "not read; fix the link or remove it"),
        Refusal.DANGLING: ("KG121", "not read; fix the link or remove it"),
        Refusal.CHANGED: ("KG118", "not read; run kg again once the folder stops changing"),
        Refusal.UNREADABLE: ("KG118", "check that it exists and is readable"),
    }
)
"""The code of the problem of an article file that was not read, and what to do about it."""


def read_corpus(
    folder: Path, settings: Settings, knowledge: Knowledge | None = None, memo: CheckMemo | None = None
) -> Iterator[Article | Problem]:
    """Read the articles of a folder and its subfolders, one file at a time, in path order.

    The folder is checked at once (so a bad folder raises here, not at the first
    ``next``); the files are read lazily, never more than one file at a time.

    Parameters
    ----------
    folder:
        The folder of articles: files of the kinds in :data:`READERS`, in it or in
        its subfolders, optionally with ``metadata.csv``.
    settings:
        Uses ``max_bytes`` (larger files, ``metadata.csv`` too, are refused
        unread), ``follow_links`` (read articles that links lead to outside the
        folder), ``fields`` (the field names of record files).
    knowledge:
        The run's knowledge: its furniture rules and language words (default: that of
        ``settings.data_dir``, loaded here).
    memo:
        The checks of texts read before (:class:`~kg.sources.check.CheckMemo`): an
        unchanged text is not checked again, with the same result.

    Yields
    ------
    Article or Problem
        Metadata problems first, then per file in path order: its problems (a warning
        is followed by the article, a skip is not) and its articles, or the one line of
        a file of a kind not read; last, the rows of ``metadata.csv`` that named no
        record.

    Raises
    ------
    KgError
        ``KG101`` no such folder, ``KG102`` not a folder, ``KG103`` no article files,
        ``KG104`` the folder cannot be listed; when ``knowledge`` is not given, those of
        :func:`kg.knowledge.load_knowledge` for a bad data folder.
        A name that cannot be read is never raised: it is one problem in the stream.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Talks\\nBEIJING (Reuters) - The ministers met in the capital.\\n")
    >>> _ = (folder / "b.txt").write_text("")
    >>> [str(item).split(": ")[-1][:24] if isinstance(item, Problem) else item.dateline
    ...  for item in read_corpus(folder, Settings())]
    ['BEIJING', 'empty or only whitespace']
    """
    folder = Path(folder)
    listing = _listing(folder)
    if knowledge is None:
        from kg.knowledge import load_knowledge  # kg.knowledge imports kg.sources: loaded here, not above

        knowledge = load_knowledge(settings.data_dir)
    rules = check_rules(knowledge)
    meta, problems = read_metadata(folder / METADATA_FILE, settings.max_bytes)
    # A row may name a record, whose id is known only once its file is read: with record
    # files in the folder, a row that names no file of a kind read whole waits till then.
    names = {name for name in listing.entries if isinstance(name, str)}
    records = any(READERS[_suffix(name)] not in _ONE_PER_FILE for name in names)
    waiting = {
        name: row for name, row in meta.items()
        if records and name not in names and READERS.get(_suffix(name)) not in _ONE_PER_FILE
    }
    checked_now = {name: row for name, row in meta.items() if name not in waiting}
    metadata_problems = listed([*problems, *unknown_files(checked_now, names, folder)],
                               str(folder / METADATA_FILE))
    raw = _read_files(folder, listing.entries, meta, waiting, settings)
    return itertools.chain(metadata_problems, check_stream(raw, rules, memo))


def count_articles(folder: Path) -> int:
    """How many files of ``folder`` :func:`read_corpus` will try (for a progress bar).

    Parameters
    ----------
    folder:
        The folder of articles.

    Returns
    -------
    int
        The number of files read (a record file counts once, however many articles it
        holds), and of files of a kind not read (each one skipping problem).

    Raises
    ------
    KgError
        As :func:`read_corpus` does for a folder that cannot be read.
    """
    return len(_listing(Path(folder)).entries)


def _suffix(name: str) -> str:
    return Path(name).suffix.lower()


@dataclasses.dataclass(frozen=True, slots=True)
class _Listing:
    """In path order, the files of a folder: the path of each one a reader reads, a problem for each other."""

    entries: list[str | Problem]


def _listing(folder: Path) -> _Listing:
    """Step 1 of the module docstring: the paths from ``folder`` of its article files, in path order."""
    if not folder.exists():
        raise KgError("KG101", str(folder), "no such folder; give the folder of articles")
    if not folder.is_dir():
        raise KgError("KG102", str(folder), "not a folder; give the folder that holds the articles")
    names: list[str] = []
    others: list[Problem] = []
    try:
        _walk(folder, "", names, others)
    except OSError as error:
        raise KgError(
            "KG104", str(folder), f"cannot list the folder ({error.strerror}); check permissions"
        ) from None
    if not names:
        raise KgError("KG103", str(folder), f"no article files ({', '.join(READERS)}) in this folder; "
                      "put one UTF-8 .txt file per article in it")
    paths = {problem.path: problem for problem in others}
    return _Listing([paths.get(path, path) for path in sorted([*names, *paths])])


def _walk(folder: Path, prefix: str, names: list[str], others: list[Problem]) -> None:
    """Add the names under ``folder / prefix`` to ``names``, and a problem per file not read to ``others``."""
    # Names only: 100,000 of them are small; the texts are read one at a time later.
    # Whatever each name is (a link, a pipe, a folder) is looked at when it is read,
    # so that each gets its own line and one odd name never stops the listing.
    with os.scandir(folder / prefix) as entries:
        found = sorted((entry.name, entry.is_dir(follow_symlinks=False)) for entry in entries)
    for name, is_folder in found:
        path = prefix + name
        if name.startswith("."):
            continue
        if _suffix(name) in READERS and name != METADATA_FILE:
            names.append(path)
        elif is_folder:
            try:
                _walk(folder, path + "/", names, others)
            except OSError as error:
                others.append(Problem("KG118", path,
                                      f"cannot list the folder ({error.strerror}); check its permissions"))
        elif path != METADATA_FILE and not _is_readme(name):
            others.append(_not_read(folder, path))


def _is_readme(name: str) -> bool:
    """A README describes the folder; it is no article, and no problem."""
    return Path(name).stem.lower() == "readme"


def _not_read(folder: Path, path: str) -> Problem:
    """The ``KG124`` line of a file of a kind no reader reads."""
    suffix = _suffix(path)
    if Path(path).name == METADATA_FILE:
        why = (f"only the top folder's {METADATA_FILE} is read; skipped; put its rows in "
               f"{folder / METADATA_FILE}, naming each file by its path from there (sub/a.txt)")
    elif (folder / path).is_dir():
        why = "a link to a folder, not followed; skipped; copy the folder in"
    else:
        kind = f"a {suffix} file" if suffix else "a file without a suffix"
        why = (f"{kind}, a kind kg does not read; skipped; kg reads {', '.join(READERS)}: "
               "convert it to one of those, or remove it from the folder")
    # Named by its path from the folder until the listing is sorted, as the files read are.
    return Problem("KG124", path, why)


def _read_files(
    folder: Path, entries: list[str | Problem], meta: Mapping[str, ArticleMeta],
    waiting: Mapping[str, ArticleMeta], settings: Settings,
) -> Iterator[RawArticle | Problem]:
    """Step 3 of the module docstring; then a ``KG204`` line per row in ``waiting`` that named no record."""
    fields = FieldNames.renamed(settings.fields)
    read: set[str] = set()
    for name in entries:
        if isinstance(name, Problem):
            yield dataclasses.replace(name, path=str(folder / name.path))
            continue
        path = folder / name
        data = read_in_folder(folder, name, settings.max_bytes, follow_links=settings.follow_links)
        if isinstance(data, Unread):
            yield _unread(str(path), data)
            continue
        for item in READERS[_suffix(name)](InputFile(path, name, data, fields)):
            if isinstance(item, RawArticle):
                row = meta.get(item.doc_id, meta.get(name))
                if row is not None:
                    item = dataclasses.replace(item, meta=row.over(item.meta))
                if waiting:
                    read.add(item.doc_id)
            yield item
    yield from listed(unknown_files(waiting, read, folder), str(folder / METADATA_FILE))


def _unread(where: str, unread: Unread) -> Problem:
    """The one problem of an article file that was not read (see :mod:`kg.sources.files`)."""
    code, advice = _UNREAD[unread.refusal]
    return Problem(code, where, f"{unread.what}; {advice}")
