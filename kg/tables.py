"""The format of kg's data files, read so that every mistake in one is a coded line.

A data file is UTF-8 (a byte-order mark is allowed), tab-separated, with a header row
naming its columns; blank lines and lines starting with ``#`` are skipped, and ``|``
separates several values in one cell. :func:`read_table` reads one into :class:`Row`
records that remember their file and line, so that a loader reports a bad cell as
``CODE FILE: line N: what is wrong; what to do``.

A file is read from the data folder the user named when that folder has it, else from
``kg``'s own ``kg/data`` (:func:`read_text`).

Codes
-----
``KG021``  a data file cannot be read (missing, unreadable, not UTF-8) or has no header row
``KG022``  the header lacks a column, or a row has more or fewer cells than the header
``KG023``  a cell that must be filled in is empty
``KG024``  a cell holds a value outside its closed list (a ``needs``, ``kind``, ``plover``...)
``KG025``  a key is listed twice where it must be unique (a country code, a title key)
``KG026``  a cell refers to a key no data file defines (a country code, a title key)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import NoReturn, TypeVar

from kg.errors import KgError

__all__ = ["SEPARATOR", "SHIPPED", "Row", "read_table", "read_text", "split_cell"]

SEPARATOR = "|"
"""Separates several values in one cell of a data file."""

SHIPPED = Path(__file__).parent / "data"
"""``kg``'s own data folder, where every file a user's data folder lacks is read from."""

_Member = TypeVar("_Member", bound=Enum)


def split_cell(cell: str) -> tuple[str, ...]:
    """The ``|``-separated values of one cell, stripped, empty ones dropped.

    Examples
    --------
    >>> split_cell("U.S.| America ||")
    ('U.S.', 'America')
    """
    return tuple(value.strip() for value in cell.split(SEPARATOR) if value.strip())


@dataclass(frozen=True, slots=True)
class Row:
    """One row of a data file: its cells by column name, and where it was read.

    Its methods read a cell and check it on the way, naming the file and line when it is
    wrong (the module docstring lists the codes).

    Examples
    --------
    >>> row = Row("titles.tsv", 7, {"key": "envoy", "kind": "post"})
    >>> row.required("key")
    'envoy'
    >>> row.choice("kind", ("office", "descriptor"))
    Traceback (most recent call last):
    kg.errors.KgError: KG024 titles.tsv: line 7: kind 'post' is none of office, descriptor; use one of them
    """

    where: str
    line: int
    cells: Mapping[str, str]

    def fail(self, code: str, message: str) -> NoReturn:
        """Raise ``code`` for this row: ``CODE FILE: line N: message``."""
        raise KgError(code, self.where, f"line {self.line}: {message}")

    def text(self, column: str) -> str:
        """The cell of ``column``, stripped (empty when the file leaves it empty)."""
        return self.cells[column].strip()

    def values(self, column: str) -> tuple[str, ...]:
        """The ``|``-separated values of the cell of ``column`` (:func:`split_cell`)."""
        return split_cell(self.cells[column])

    def required(self, column: str) -> str:
        """The cell of ``column``, which must not be empty (else ``KG023``)."""
        value = self.text(column)
        if not value:
            self.fail("KG023", f"the {column} cell is empty; fill it in or remove the row")
        return value

    def choice(self, column: str, allowed: Sequence[str]) -> str:
        """The cell of ``column``, which must be one of ``allowed`` (else ``KG023`` or ``KG024``).

        An empty cell is allowed only when ``""`` is in ``allowed``.
        """
        value = self.text(column)
        if value in allowed:
            return value
        if not value:
            self.fail("KG023", f"the {column} cell is empty; fill it in or remove the row")
        listed = ", ".join(a for a in allowed if a) + (" (or empty)" if "" in allowed else "")
        self.fail("KG024", f"{column} {value!r} is none of {listed}; use one of them")

    def member(self, column: str, vocabulary: type[_Member]) -> _Member:
        """The member of ``vocabulary`` the cell of ``column`` spells (:meth:`choice` of its values)."""
        return vocabulary(self.choice(column, [member.value for member in vocabulary]))

    def unique(self, column: str, seen: set[str]) -> str:
        """The required cell of ``column``, which no row before it in ``seen`` has (else ``KG025``);
        it is added to ``seen``."""
        value = self.required(column)
        if value in seen:
            self.fail("KG025", f"{column} {value!r} is listed twice; keep one row of it")
        seen.add(value)
        return value

    def known(self, column: str, keys: Mapping[str, object] | set[str], what: str) -> str:
        """The required cell of ``column``, which must be one of ``keys`` (else ``KG026``)."""
        value = self.required(column)
        if value not in keys:
            self.fail("KG026", f"{column} {value!r} is no {what}; add it there or correct the cell")
        return value


def read_text(name: str, folder: Path | None) -> tuple[str, str]:
    """The text of data file ``name`` and the path that names it in messages.

    Parameters
    ----------
    name:
        The file's name, e.g. ``"titles.tsv"``.
    folder:
        The data folder the user named: the file is read from it when it holds the file,
        else from ``kg``'s own ``kg/data`` (``None``: always from ``kg/data``).

    Raises
    ------
    KgError
        ``KG021`` when the file cannot be read or is not UTF-8.
    """
    source = SHIPPED / name
    if folder is not None and (Path(folder) / name).is_file():
        source = Path(folder) / name
    try:
        return source.read_text(encoding="utf-8-sig"), str(source)
    except (OSError, UnicodeDecodeError) as error:
        raise KgError("KG021", str(source), f"cannot read this data file ({error}); "
                      "make it a readable UTF-8 file, or remove it to use kg's own") from None


def read_table(name: str, folder: Path | None, columns: Sequence[str]) -> tuple[Row, ...]:
    """Read data file ``name`` into one :class:`Row` per line of data, in file order.

    Parameters
    ----------
    name, folder:
        Which file, from where (as :func:`read_text`).
    columns:
        The columns the header must name (it may name more).

    Raises
    ------
    KgError
        ``KG021`` unreadable or without a header row, ``KG022`` the header lacks one of
        ``columns`` or a row does not have one cell per column.

    Examples
    --------
    >>> rows = read_table("countries.tsv", None, ("code", "name"))
    >>> next(r for r in rows if r.text("code") == "USA").text("name")
    'United States'
    """
    text, where = read_text(name, folder)
    header: list[str] | None = None
    rows: list[Row] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [cell.strip() for cell in cells]
            missing = [c for c in columns if c not in header]
            if missing:
                raise KgError("KG022", where, f"line {number}: the header lacks the column(s) "
                              f"{', '.join(missing)}; it must name {', '.join(columns)}, tab-separated")
            continue
        if len(cells) != len(header):
            raise KgError("KG022", where, f"line {number}: {len(cells)} tab-separated cells where the header "
                          f"has {len(header)} ({', '.join(header)}); add or remove tabs")
        rows.append(Row(where, number, dict(zip(header, cells, strict=True))))
    if header is None:
        raise KgError("KG021", where, f"no header row; its first line must name the columns "
                      f"{', '.join(columns)}, tab-separated")
    return tuple(rows)
