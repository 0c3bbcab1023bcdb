"""The readers of JSON files: ``.jsonl``, one article per line, and ``.json``, a list of them.

Each article is a JSON object whose fields :mod:`kg.sources.records` reads (``text``
required; ``id``, ``published``, ``title``, ``url`` optional; other names with ``kg build
--fields``). In a ``.jsonl`` file each non-blank line is one object; a line that is not
one costs that line only (``KG125``). A ``.json`` file is a list of objects, or one
object for one article; a file that does not parse is one ``KG125`` naming where it
breaks.

Their problems are those of decoding (``KG111`` to ``KG113``) and of records
(``KG125`` to ``KG127``), listed in :mod:`kg.sources`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from kg.sources.check import RawArticle
from kg.sources.reading import InputFile
from kg.sources.records import Faults, read_records
from kg.types import Problem

__all__ = ["read_json", "read_jsonl"]


def read_jsonl(file: InputFile) -> Iterator[RawArticle | Problem]:
    """Read a ``.jsonl`` file: one raw article per line holding a JSON object.

    Parameters
    ----------
    file:
        The ``.jsonl`` file, one JSON object per line.

    Yields
    ------
    RawArticle or Problem
        As :func:`kg.sources.records.read_records` does, each record numbered by its line.

    Examples
    --------
    >>> from pathlib import Path
    >>> data = b'{"text": "The envoys met.", "id": "a1"}\\n\\n{"text": "They left."\\n'
    >>> items = list(read_jsonl(InputFile(Path("in/day.jsonl"), "day.jsonl", data)))
    >>> items[0].doc_id
    'a1'
    >>> print(items[1])  # doctest: +ELLIPSIS
    KG125 in/day.jsonl: line 3 is not JSON (Expecting ',' delimiter at column 22); skipped; ...
    """
    return read_records(file, "line", _lines)


def read_json(file: InputFile) -> Iterator[RawArticle | Problem]:
    """Read a ``.json`` file: a list of JSON objects, one raw article each, or one object.

    Parameters
    ----------
    file:
        The ``.json`` file: a list of objects (or one object).

    Yields
    ------
    RawArticle or Problem
        Those of :func:`~kg.sources.records.read_records`, each item numbered by its place
        in the list; or one ``KG125`` for a file that is not JSON.

    Examples
    --------
    >>> from pathlib import Path
    >>> data = b'[{"text": "The envoys met."}, {"body": "They left."}]'
    >>> items = list(read_json(InputFile(Path("in/day.json"), "day.json", data)))
    >>> items[0].doc_id, items[1].code
    ('day.json#1', 'KG126')
    """
    return read_records(file, "item", _items)


def _lines(text: str, faults: Faults) -> Iterator[tuple[int, object] | Problem]:
    """The records of a ``.jsonl`` text: each non-blank line that parses, by line number."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except (ValueError, RecursionError) as error:
            what = f"is not JSON ({_why(error, line=False)})"
            faults.add("KG125", number, what, "make each line one JSON object")


def _items(text: str, faults: Faults) -> Iterator[tuple[int, object] | Problem]:
    """The records of a ``.json`` text: the items of its list (or its one object), from 1."""
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as error:
        why = (f"not JSON ({_why(error, line=True)}); skipped; fix the file, or save it as .jsonl "
               "(one JSON object per line) so that one bad article costs only its line")
        yield Problem("KG125", faults.where, why)
        return
    yield from enumerate(value if isinstance(value, list) else [value], start=1)


def _why(error: ValueError | RecursionError, *, line: bool) -> str:
    """What the JSON parser says is wrong, and where (the ``line`` too, for a whole file), in a few words."""
    if isinstance(error, json.JSONDecodeError):
        return f"{error.msg} at {f'line {error.lineno}, ' if line else ''}column {error.colno}"
    if isinstance(error, RecursionError):
        return "nested too deep"
    return str(error)
