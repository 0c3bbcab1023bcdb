"""Articles kept as records: one record (a JSON object, a CSV row) to one raw article.

Record files (``.jsonl``, ``.json``, ``.csv``; :mod:`kg.sources.jsonl`,
:mod:`kg.sources.csv_rows`) hold many articles each. A record's fields are named by
:class:`~kg.sources.reading.FieldNames` (``kg build --fields``): its text is required and
must be a string; its ``id``, ``published`` (a date, :func:`kg.sources.dated.published_date`),
``title`` and ``url`` are optional.

A record is numbered by where it starts: its line in a ``.jsonl`` or ``.csv`` file, its
position in a ``.json`` list (from 1). Its article's id is its ``id`` field (a string or
a whole number), else the file's path from the folder, ``#`` and that number
(``feeds/day.jsonl#3``): the same record gets the same id in every build. Its problems
name the file with ``#`` and the number.

A bad record costs that record only. A file of a million bad records would give a
million lines, so :class:`Faults` gives one line per kind of fault and file, naming the
first record and counting the others:

``KG125``  skipped: a record that is not well-formed (a line that is not JSON, an item
           that is not an object, a line that is not CSV)
``KG126``  skipped: a record with no text field, or a text that is not a string
``KG127``  warning: a ``published`` value that is not a date; ignored
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from kg.sources.check import RawArticle
from kg.sources.dated import published_date
from kg.sources.decode import normalise_line_ends
from kg.sources.metadata import ArticleMeta
from kg.sources.reading import InputFile, decode_file, prose
from kg.types import Problem

__all__ = ["MAX_NUMBERS_SHOWN", "Faults", "Records", "read_records", "record_article"]

MAX_NUMBERS_SHOWN = 5
"""How many more records a fault's line names by number before it only counts them."""


@dataclass(slots=True)
class _Fault:
    """The first record with one kind of fault, and the numbers of the others."""

    code: str
    what: str
    advice: str
    skipped: bool
    numbers: list[int] = field(default_factory=list)


class Faults:
    """The faults of one record file's records: one problem per kind, given at the end of the file.

    Parameters
    ----------
    where:
        The file's path, for the problems.
    unit:
        What a record's number counts: ``"line"`` or ``"item"``.
    """

    def __init__(self, where: str, unit: str) -> None:
        self.where = where
        self.unit = unit
        self.faults: dict[str, _Fault] = {}  # by code and advice

    def add(self, code: str, number: int, what: str, advice: str, *, skipped: bool = True) -> None:
        """Note that record ``number`` has fault ``code``: ``what`` says what, for the first such record."""
        # One line per kind of fault: a code and what to do about it.
        fault = _Fault(code, f"{self.unit} {number} {what}", advice, skipped)
        first = self.faults.setdefault(f"{code} {advice}", fault)
        first.numbers.append(number)

    def problems(self) -> Iterator[Problem]:
        """One problem per kind of fault, in the order they were first met.

        Examples
        --------
        >>> faults = Faults("in/a.jsonl", "line")
        >>> for number in (2, 5, 9):
        ...     faults.add("KG125", number, "is not JSON", "fix it")
        >>> print(*faults.problems())
        KG125 in/a.jsonl: line 2 is not JSON, and 2 more lines like it (5, 9); skipped; fix it
        """
        for fault in self.faults.values():
            more = fault.numbers[1:]
            shown = ", ".join(map(str, more[:MAX_NUMBERS_SHOWN]))
            shown += ", ..." if len(more) > MAX_NUMBERS_SHOWN else ""
            others = f", and {len(more):,} more {self.unit}s like it ({shown})" if more else ""
            done = "skipped" if fault.skipped else "ignored"
            message = f"{fault.what}{others}; {done}; {fault.advice}"
            yield Problem(fault.code, self.where, message, fault.skipped)


Records = Callable[[str, Faults], Iterator[tuple[int, object] | Problem]]
"""A format's records: a file's text to each record with its number, its faults noted as it goes.

A problem it yields is the whole file's, and is given as it comes (a file that does not parse)."""


def read_records(file: InputFile, unit: str, records: Records) -> Iterator[RawArticle | Problem]:
    """Read a record file: decoded, its records found by ``records``, each made an article.

    Parameters
    ----------
    file:
        The file.
    unit:
        What a record's number counts, for the problems: ``"line"`` or ``"item"``.
    records:
        The format's records (:data:`Records`).

    Yields
    ------
    RawArticle or Problem
        The file's decoding warning, its articles in file order, then one line per kind
        of fault of its records; or the one problem of a file that is not read.
    """
    where = str(file.path)
    decoded = decode_file(where, file.data)
    if isinstance(decoded, Problem):
        yield decoded
        return
    yield from decoded.warnings
    faults = Faults(where, unit)
    for item in records(decoded.text, faults):
        if isinstance(item, Problem):
            yield item
            continue
        raw = record_article(item[1], item[0], file, faults)
        if raw is not None:
            yield raw
    yield from faults.problems()


def record_article(record: object, number: int, file: InputFile, faults: Faults) -> RawArticle | None:
    """The raw article of one record, or ``None`` when it has none (its fault noted in ``faults``).

    Parameters
    ----------
    record:
        The record as parsed: a mapping of field names to values (anything else is ``KG125``).
    number:
        Where it starts (see the module docstring).
    file:
        The file it is in (its path from the folder, and the field names).
    faults:
        Where its faults go.

    Returns
    -------
    RawArticle or None
        The article as read, its fields in its ``meta``.

    Examples
    --------
    >>> from pathlib import Path
    >>> file = InputFile(Path("in/day.jsonl"), "day.jsonl", b"")
    >>> faults = Faults("in/day.jsonl", "line")
    >>> raw = record_article({"text": "The envoys met.", "published": "2031-05-04"}, 3, file, faults)
    >>> raw.doc_id, raw.path, raw.meta.published
    ('day.jsonl#3', 'in/day.jsonl#3', datetime.date(2031, 5, 4))
    >>> record_article({"body": "The envoys met."}, 4, file, faults) is None
    True
    >>> print(*faults.problems())  # doctest: +ELLIPSIS
    KG126 in/day.jsonl: line 4 has no 'text' field (its fields: body); skipped; name ... --fields text=NAME
    """
    names = file.fields
    if not isinstance(record, Mapping):
        faults.add("KG125", number, f"is {_kind(record)}, not an object of fields",
                   "give one object per article, with its text in a field")
        return None
    text = record.get(names.text)
    if not isinstance(text, str):
        fields = ", ".join(map(str, record)) or "none"
        what = (f"has no {names.text!r} field (its fields: {fields})" if text is None
                else f"has a {names.text!r} field that is {_kind(text)}, not a string")
        advice = "name the field that holds the text with kg build --fields text=NAME"
        faults.add("KG126", number, what, advice)
        return None
    published = None
    value = _string(record.get(names.published))
    if value is not None:
        published = published_date(value)
        if published is None:
            faults.add("KG127", number, f"has {names.published} {value[:40]!r}, not a date",
                       "write it as YYYY-MM-DD, or give the date in metadata.csv", skipped=False)
    where = f"{file.path}#{number}"
    own = _string(record.get(names.id))
    read = prose(normalise_line_ends(text), where)
    meta = ArticleMeta(published, _string(record.get(names.title)), _string(record.get(names.url)))
    return RawArticle(own or f"{file.name}#{number}", where, read.text, meta, read.html, read.warnings)


def _string(value: object) -> str | None:
    """A field's value as text: a string or a whole number; ``None`` for anything else, or blank."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value.strip() or None if isinstance(value, str) else None


def _kind(value: object) -> str:
    """What a JSON value is, to say so: ``"a list"``, ``"a number"``..."""
    kinds = {list: "a list", dict: "an object", str: "a string", bool: "true or false", type(None): "null"}
    return kinds.get(type(value), "a number")
