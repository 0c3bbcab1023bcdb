"""``metadata.csv``: what the folder says about its articles (published date, title, url).

The file is optional and small, so it is read at once, within the articles' byte limit
(``Settings.max_bytes``), and never through a link out of its folder. It has a header
row naming the columns ``file,published,title,url`` (any but ``file`` may be missing or
empty, in any order, in any case). Nothing in it stops a run or keeps an article out:
each malformed part becomes one :class:`~kg.types.Problem` with ``skipped=False`` and is
ignored, and only the first :data:`MAX_PROBLEMS` are listed (:func:`listed`).

Each row is one line, read on its own: a value never holds a line break. So a quote
left open is found on its own line (``KG208``, naming it), and costs that row only,
where a CSV reader would have read every later line into the open quote. A line over
:data:`MAX_LINE_CHARS` characters is not a row either (``KG211``).

Its problems are ``KG201`` to ``KG211`` (listed in :mod:`kg.sources`).
"""

from __future__ import annotations

import csv
import dataclasses
import itertools
import os
import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType

from kg.sources.decode import NotText, decode
from kg.sources.files import Refusal, Unread, read_in_folder
from kg.types import Problem

__all__ = [
    "COLUMNS",
    "MAX_LINE_CHARS",
    "MAX_PROBLEMS",
    "METADATA_FILE",
    "ArticleMeta",
    "listed",
    "parse_metadata",
    "read_metadata",
    "unknown_files",
]

METADATA_FILE = "metadata.csv"
"""The optional metadata file beside the articles."""

COLUMNS = ("file", "published", "title", "url")
"""The columns ``metadata.csv`` may have, in the order assumed when its header is missing."""

MAX_LINE_CHARS = 100_000
"""A longer line of ``metadata.csv`` is not a row (``KG211``); it stays under the CSV reader's own limit."""

MAX_PROBLEMS = 20
"""At most this many problems of ``metadata.csv`` are listed; one more line counts the rest (``KG210``)."""

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# What the CSV reader takes for a line end; a value never holds one here (a row is one line).
_LINE_END = re.compile(r"\r\n|\r|\n")
_EXCERPT_CHARS = 60

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

    def over(self, own: ArticleMeta) -> ArticleMeta:
        """This row's fields, each taken from ``own`` (what the file says) where the row leaves it empty.

        Examples
        --------
        >>> ArticleMeta(title="Talks").over(ArticleMeta(date(2031, 5, 4), "Page title"))
        ArticleMeta(published=datetime.date(2031, 5, 4), title='Talks', url=None)
        """
        return ArticleMeta(self.published or own.published, self.title or own.title, self.url or own.url)


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
        Codes ``KG201``-``KG211`` but ``KG204`` and ``KG210`` (see :mod:`kg.sources`), in
        file order.

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
    """A ``KG204`` problem for each name ``metadata.csv`` gives that is not an article of the folder.

    Parameters
    ----------
    meta:
        What :func:`read_metadata` read.
    names:
        The names of the folder's articles: their paths from the folder (``sub/a.txt``),
        the ids of records.
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
            f"a row names {name!r}, not an article of {folder}; fix the name or drop the row",
        )
        for name in sorted(meta)
        if name not in names
    ]


def listed(problems: Sequence[Problem], where: str) -> list[Problem]:
    """The problems of ``metadata.csv`` to list: the first :data:`MAX_PROBLEMS`, then one line for the rest.

    A file of a million bad rows gives a million problems; a person reads the first few,
    fixes them and runs again, so the rest are counted, not listed.

    Parameters
    ----------
    problems:
        All the problems of the file, in file order (:func:`read_metadata`, then
        :func:`unknown_files`).
    where:
        The file's path, for the counting line (``KG210``).

    Returns
    -------
    list of Problem
        At most ``MAX_PROBLEMS + 1`` problems.

    Examples
    --------
    >>> rows = [Problem("KG207", "metadata.csv", f"row {n} has no file name", False) for n in range(2, 100)]
    >>> shown = listed(rows, "metadata.csv")
    >>> len(shown), shown[-1].code, shown[-1].message.split(",")[0]
    (21, 'KG210', 'and 78 more problems like those above')
    """
    if len(problems) <= MAX_PROBLEMS:
        return list(problems)
    rest = len(problems) - MAX_PROBLEMS
    why = (
        f"and {rest:,} more problems like those above, not listed; fix those and run kg again to see the rest"
    )
    return [*problems[:MAX_PROBLEMS], _problem("KG210", where, why)]


def _rows(text: str, where: str) -> Iterator[_Row | Problem]:
    """The rows under the header, each from its own line, with the header's problems first."""
    lines: Iterator[tuple[int, str]] = enumerate(_LINE_END.split(text), start=1)
    _, first = next(lines)
    header = _cells(1, first, where)
    if isinstance(header, Problem):
        yield dataclasses.replace(header, message=header.message.replace("row ignored", "metadata ignored"))
        return
    if not any(cell.strip() for cell in header):
        yield _problem("KG202", where, "empty; add the header file,published,title,url")
        return
    columns = [cell.strip().lower() for cell in header]
    if "file" not in columns:
        if not header[0].strip().lower().endswith(".txt"):
            yield _problem(
                "KG202",
                where,
                f"the first row {_excerpt(','.join(header))!r} has no 'file' column; metadata ignored; "
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
        lines = itertools.chain([(1, first)], lines)
    for column in columns:
        if column and column not in COLUMNS:
            yield _problem(
                "KG209",
                where,
                f"unknown column {_excerpt(column)!r} ignored; rename or drop it "
                "(known: file,published,title,url)",
            )
    for number, line in lines:
        row = _cells(number, line, where)
        if isinstance(row, Problem):
            yield row
        elif any(cell.strip() for cell in row):
            # Short rows leave columns empty; cells beyond the header are dropped.
            yield _Row(number, dict(zip(columns, (cell.strip() for cell in row), strict=False)))


def _cells(number: int, line: str, where: str) -> list[str] | Problem:
    """The cells of one line, or why the line is not a row (it is then ignored, and only it)."""
    if len(line) > MAX_LINE_CHARS:
        why = (
            f"line {number} is {len(line):,} characters long, over {MAX_LINE_CHARS:,}; row ignored; "
            "keep a row to a file name, a date, a title and a url"
        )
        return _problem("KG211", where, why)
    try:
        # The line end is given back so that a quote left open shows: its cell swallows it.
        cells = next(csv.reader([line + "\n"]), [])
    except csv.Error as error:
        return _problem("KG208", where, f"line {number} is not CSV ({error}); row ignored; fix that line")
    if any(cell.endswith("\n") for cell in cells):
        why = (
            f'line {number} opens a quote (") that is not closed on that line; row ignored, the lines after '
            'it are read as rows; close the quote (a row is one line; a quote in a value is written "")'
        )
        return _problem("KG208", where, why)
    return cells


def _excerpt(text: str) -> str:
    """The start of a text quoted in a message: a message stays one short line."""
    return text if len(text) <= _EXCERPT_CHARS else text[: _EXCERPT_CHARS - 1] + "\u2026"


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
