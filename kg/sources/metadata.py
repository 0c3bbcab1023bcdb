"""``metadata.csv``: what the folder says about its articles (published date, title, url).

The file is optional and small, so it is read at once. It has a header row naming the
columns ``file,published,title,url`` (any but ``file`` may be missing or empty, in any
order, in any case). Nothing in it stops a run or keeps an article out: each malformed
part becomes one :class:`~kg.types.Problem` with ``skipped=False`` and is ignored.

Its problems are ``KG201`` to ``KG209`` (listed in :mod:`kg.sources`).
"""

from __future__ import annotations

import csv
import io
import itertools
import os
import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType

from kg.sources.decode import NotText, decode
from kg.sources.files import Refusal, Unread, read_in_folder
from kg.types import Problem

__all__ = [
    "COLUMNS",
    "METADATA_FILE",
    "ArticleMeta",
    "parse_metadata",
    "read_metadata",
    "unknown_files",
]

METADATA_FILE = "metadata.csv"
"""The optional metadata file beside the articles."""

COLUMNS = ("file", "published", "title", "url")
"""The columns ``metadata.csv`` may have, in the order assumed when its header is missing."""

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

_UNREAD_ADVICE: Mapping[Refusal, str] = MappingProxyType(
    {
        Refusal.TOO_LARGE: "keep one row per article, or raise the limit (kg build --max-bytes)",
        Refusal.OUTSIDE: "put the file itself in the folder (a link out is never followed for metadata)",
        Refusal.NOT_A_FILE: "make it a CSV file",
        Refusal.LOOP: "fix the link or remove it",
        Refusal.DANGLING: "fix the link or remove it",
        Refusal.CHANGED: "run kg again once the folder stops changing",
        Refusal.UNREADABLE: "check its permissions",
    }
)
"""What to do when ``metadata.csv`` was not read, by why (see :mod:`kg.sources.files`)."""


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What ``metadata.csv`` says about one article file."""

    published: date | None = None
    title: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class _Row:
    """One CSV row that is not blank: its number in the file and its cells by column."""

    number: int
    cells: Mapping[str, str]


def read_metadata(path: Path, max_bytes: int) -> tuple[dict[str, ArticleMeta], list[Problem]]:
    """Read ``metadata.csv``: what it says about each file, and what is wrong with it.

    It is read as the articles are (:func:`kg.sources.files.read_in_folder`), but a link
    to a file outside its folder is never followed, whatever the settings: its lines
    would be quoted in the warnings.

    Parameters
    ----------
    path:
        The metadata file (``file,published,title,url`` with a header row; any
        column but ``file`` may be missing or empty).
    max_bytes:
        A larger file is ignored with a warning, unread (``Settings.max_bytes``, the
        limit of the articles).

    Returns
    -------
    meta : dict
        File name -> :class:`ArticleMeta`; empty when the file does not exist.
    problems : list of Problem
        Codes ``KG201``-``KG210`` but ``KG204`` (see the module docstring), in file order.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "metadata.csv").write_text("file,published\\na.txt,2023-06-18\\nb.txt,18/06/2023\\n")
    >>> meta, problems = read_metadata(folder / "metadata.csv", 10_000)
    >>> meta["a.txt"].published, meta["b.txt"].published, [p.code for p in problems]
    (datetime.date(2023, 6, 18), None, ['KG203'])
    """
    path = Path(path)
    where = str(path)
    if not os.path.lexists(path):
        return {}, []
    data = read_in_folder(path.parent, path.name, max_bytes)
    if isinstance(data, Unread):
        why = f"{data.what}; metadata ignored; {_UNREAD_ADVICE[data.refusal]}"
        return {}, [_problem("KG201", where, why)]
    return parse_metadata(data, where)


def parse_metadata(data: bytes, where: str) -> tuple[dict[str, ArticleMeta], list[Problem]]:
    """What the bytes of a ``metadata.csv`` say about each file, and what is wrong with them.

    Parameters
    ----------
    data:
        The whole file.
    where:
        The file's path, for the problems.

    Returns
    -------
    meta : dict
        File name -> :class:`ArticleMeta`, from the first row naming the file.
    problems : list of Problem
        As :func:`read_metadata`.

    Examples
    --------
    >>> meta, problems = parse_metadata(b"file,title\\na.txt,Talks\\na.txt,Again\\n", "metadata.csv")
    >>> meta["a.txt"].title, [p.code for p in problems]
    ('Talks', ['KG205'])
    """
    decoded = decode(data)
    if isinstance(decoded, NotText):
        why = "a binary file" if decoded is NotText.BINARY else "not UTF-8 and cannot be decoded"
        return {}, [_problem("KG201", where, f"it is {why}; metadata ignored; save it as UTF-8 CSV")]
    problems: list[Problem] = []
    if decoded.encoding is not None:
        problems.append(_problem("KG206", where, f"not UTF-8; read as {decoded.encoding}; save it as UTF-8"))
    meta: dict[str, ArticleMeta] = {}
    for item in _rows(decoded.text, where):
        if isinstance(item, Problem):
            problems.append(item)
            continue
        name = item.cells.get("file", "")
        if not name:
            why = f"row {item.number} has no file name; row ignored; add the name or drop the row"
            problems.append(_problem("KG207", where, why))
        elif name in meta:
            why = f"row {item.number} is a second row for {name}; the first one is used; drop one"
            problems.append(_problem("KG205", where, why))
        else:
            meta[name], date_problems = _entry(item, name, where)
            problems.extend(date_problems)
    return meta, problems


def unknown_files(meta: Mapping[str, ArticleMeta], names: Collection[str], folder: Path) -> list[Problem]:
    """A ``KG204`` problem for each file ``metadata.csv`` names that is not an article of the folder.

    Parameters
    ----------
    meta:
        What :func:`read_metadata` read.
    names:
        The file names of the folder's articles.
    folder:
        The folder (the problems name its ``metadata.csv``).

    Returns
    -------
    list of Problem
        In file-name order.

    Examples
    --------
    >>> meta = {"a.txt": ArticleMeta(), "b.txt": ArticleMeta()}
    >>> [p.code for p in unknown_files(meta, ["a.txt"], Path("in"))]
    ['KG204']
    """
    where = str(folder / METADATA_FILE)
    return [
        _problem(
            "KG204",
            where,
            f"a row names {name!r}, not a .txt article in {folder}; fix the name or drop the row",
        )
        for name in sorted(meta)
        if name not in names
    ]


def _rows(text: str, where: str) -> Iterator[_Row | Problem]:
    """The rows under the header, with the header's problems first and a CSV error last."""
    rows: Iterator[list[str]] = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(rows, None)
    except csv.Error as error:
        why = f"row 1 is bad CSV ({error}); metadata ignored; fix that row's quoting"
        yield _problem("KG208", where, why)
        return
    if header is None or not any(cell.strip() for cell in header):
        yield _problem("KG202", where, "empty; add the header file,published,title,url")
        return
    columns = [cell.strip().lower() for cell in header]
    first_row = 2
    if "file" not in columns:
        if not header[0].strip().lower().endswith(".txt"):
            yield _problem(
                "KG202",
                where,
                f"the first row {','.join(header)!r} has no 'file' column; metadata ignored; "
                "make the first line file,published,title,url",
            )
            return
        # The header was forgotten but the rows hold the documented columns: use them.
        yield _problem(
            "KG202",
            where,
            "no header row (the first row has no 'file' column); read the columns as "
            "file,published,title,url; add that header line",
        )
        columns = list(COLUMNS)
        rows = itertools.chain([header], rows)
        first_row = 1
    for column in columns:
        if column and column not in COLUMNS:
            yield _problem(
                "KG209",
                where,
                f"unknown column {column!r} ignored; rename or drop it (known: file,published,title,url)",
            )
    number = first_row - 1
    try:
        for number, row in enumerate(rows, start=first_row):
            if any(cell.strip() for cell in row):
                # Short rows leave columns empty; cells beyond the header are dropped.
                yield _Row(number, dict(zip(columns, (cell.strip() for cell in row), strict=False)))
    except csv.Error as error:
        yield _problem(
            "KG208",
            where,
            f"row {number + 1} is bad CSV ({error}); it and the later rows are ignored; fix its quoting",
        )


def _entry(row: _Row, name: str, where: str) -> tuple[ArticleMeta, list[Problem]]:
    published = None
    problems = []
    value = row.cells.get("published", "")
    if value:
        published = _parse_date(value)
        if published is None:
            problems.append(
                _problem(
                    "KG203",
                    where,
                    f"row {row.number} ({name}): published {value!r} is not a YYYY-MM-DD date; date ignored; "
                    "write it as YYYY-MM-DD, e.g. 2023-06-18",
                )
            )
    return ArticleMeta(published, row.cells.get("title") or None, row.cells.get("url") or None), problems


def _parse_date(value: str) -> date | None:
    if not _DATE.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _problem(code: str, where: str, message: str) -> Problem:
    # Metadata never keeps an article out, so none of its problems counts as a skipped file.
    return Problem(code, where, message, skipped=False)
