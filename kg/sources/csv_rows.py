"""The reader of ``.csv`` files: one article per row under a header row.

The header names the columns; the text column is required, the others optional, named
as the fields of :mod:`kg.sources.records` (``text``, ``id``, ``published``, ``title``,
``url``; other names with ``kg build --fields text=body``), exactly as written in the
header once trimmed. A value may span lines inside quotes; a record's number is the line
its row starts on. A file without the text column is one ``KG126`` line and skipped; a
line the CSV reader cannot take (``KG125``) ends the file there, since where the next
row starts can no longer be told.

Its problems are those of decoding (``KG111`` to ``KG113``) and of records (``KG125``
to ``KG127``), listed in :mod:`kg.sources`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from functools import partial

from kg.sources.check import RawArticle
from kg.sources.reading import InputFile
from kg.sources.records import Faults, read_records
from kg.types import Problem

__all__ = ["read_csv"]


def read_csv(file: InputFile) -> Iterator[RawArticle | Problem]:
    """Read a ``.csv`` file: one raw article per row that has a text.

    Parameters
    ----------
    file:
        The ``.csv`` file, and the name of its text column (``file.fields.text``).

    Yields
    ------
    RawArticle or Problem
        As :func:`kg.sources.records.read_records`, numbered by the line a row starts on;
        or one ``KG126`` for a file without the text column.

    Examples
    --------
    >>> from pathlib import Path
    >>> data = b'id,body\\nx1,"The envoys met.\\nThey left."\\n'
    >>> print(*read_csv(InputFile(Path("in/day.csv"), "day.csv", data)))  # doctest: +ELLIPSIS
    KG126 in/day.csv: no 'text' column (its columns: id, body); skipped; ... --fields text=COLUMN
    >>> from kg.sources.reading import FieldNames
    >>> [raw] = read_csv(InputFile(Path("in/day.csv"), "day.csv", data, FieldNames(text="body")))
    >>> raw.doc_id, raw.text
    ('x1', 'The envoys met.\\nThey left.')
    """
    return read_records(file, "line", partial(_rows, text_column=file.fields.text))


def _rows(text: str, faults: Faults, *, text_column: str) -> Iterator[tuple[int, object] | Problem]:
    """The records of a CSV text: each row under the header as a mapping, by the line it starts on."""
    rows = csv.reader(io.StringIO(text))
    header: list[str] | None = None
    start = 1
    try:
        for row in rows:
            number, start = start, rows.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                header = [cell.strip() for cell in row]
                if text_column not in header:
                    why = (f"no {text_column!r} column (its columns: {', '.join(header)}); skipped; "
                           "name the column that holds the text with kg build --fields text=COLUMN")
                    yield Problem("KG126", faults.where, why)
                    return
                continue
            yield number, dict(zip(header, row, strict=False))
    except csv.Error as error:
        faults.add("KG125", start, f"is not CSV ({error}); it and the lines after it",
                   "fix that line; an article too long for a CSV cell goes in a .txt or .jsonl file")
