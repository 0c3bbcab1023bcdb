"""What every reader is given, and the first steps every reader takes on it.

A reader (one module per input format, chosen by the file's suffix in
:data:`kg.sources.corpus.READERS`) is given an :class:`InputFile`: the file's bytes, its
path from the input folder and the names of the fields a record file keeps its articles
in (:class:`FieldNames`, ``kg build --fields``). Whatever the format, its text goes
through the same two steps before the checks (:mod:`kg.sources.check`):

1. :func:`decode_file`: the bytes to text (:mod:`kg.sources.decode`), line ends made
   ``\\n``; a binary file (``KG111``) or one no encoding reads (``KG113``) is skipped, a
   guessed encoding is a warning (``KG112``);
2. :func:`prose`: a text that turns out to be an HTML page where prose was expected
   (a ``.txt`` file, a record's text field) is reduced to its visible text, with a
   warning (``KG115``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.sources.decode import NotText, decode, normalise_line_ends
from kg.sources.html_text import html_to_text, looks_html
from kg.types import Problem

__all__ = ["FIELDS", "Decoded", "FieldNames", "InputFile", "Prose", "decode_file", "parse_fields", "prose"]

FIELDS = ("text", "id", "published", "title", "url")
"""The fields of an article in a record file (``.jsonl``, ``.json``, ``.csv``); only ``text`` is required."""


@dataclass(frozen=True, slots=True)
class FieldNames:
    """What a record file calls each field of an article (``kg build --fields text=body``)."""

    text: str = "text"
    id: str = "id"
    published: str = "published"
    title: str = "title"
    url: str = "url"

    @classmethod
    def renamed(cls, pairs: tuple[tuple[str, str], ...]) -> FieldNames:
        """kg's own names, but for the ``(field, name in the file)`` pairs given.

        Examples
        --------
        >>> FieldNames.renamed((("text", "body"),)).text
        'body'
        """
        return cls(**dict(pairs))


@dataclass(frozen=True, slots=True)
class InputFile:
    """One file of the input folder, read, as a reader is given it.

    Parameters
    ----------
    path:
        The file (its problems name it).
    name:
        Its path from the input folder, parts joined by ``/`` (``sub/a.txt``): the id of
        its article, or what the ids of its records start with.
    data:
        Its bytes.
    fields:
        The field names of its records, when it holds records.
    """

    path: Path
    name: str
    data: bytes
    fields: FieldNames = field(default_factory=FieldNames)


@dataclass(frozen=True, slots=True)
class Decoded:
    """A file's text, decoded, ``\\n`` line ends, with the warnings of its decoding (``KG112``)."""

    text: str
    warnings: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True)
class Prose:
    """An article's text as read, whether it was an HTML page, and the warning if so (``KG115``)."""

    text: str
    html: bool = False
    warnings: tuple[Problem, ...] = ()


def parse_fields(spec: str) -> tuple[tuple[str, str], ...]:
    """The renamed fields of ``kg build --fields``: ``"text=body,published=date"`` to pairs.

    Parameters
    ----------
    spec:
        Comma-separated ``FIELD=NAME`` items, ``FIELD`` one of :data:`FIELDS`.

    Returns
    -------
    tuple of (str, str)
        ``(field, name in the file)`` pairs, as written.

    Raises
    ------
    ValueError
        With one line saying what is wrong: an item without ``=``, an unknown field, an
        empty name, a field renamed twice, or two fields given the same name.

    Examples
    --------
    >>> parse_fields("text=body, published=date")
    (('text', 'body'), ('published', 'date'))
    >>> parse_fields("txt=body")
    Traceback (most recent call last):
    ...
    ValueError: unknown field 'txt' in 'txt=body'; the fields are text, id, published, title, url
    """
    pairs: list[tuple[str, str]] = []
    for item in spec.split(","):
        kept, equals, name = (part.strip() for part in item.partition("="))
        if not equals or not kept or not name:
            raise ValueError(f"{item.strip()!r} is not FIELD=NAME; write e.g. text=body,published=date")
        if kept not in FIELDS:
            known = ", ".join(FIELDS)
            raise ValueError(f"unknown field {kept!r} in {item.strip()!r}; the fields are {known}")
        if kept in dict(pairs):
            raise ValueError(f"the field {kept!r} is named twice; name it once")
        if name in dict(pairs).values():
            raise ValueError(f"two fields are called {name!r}; give each its own name")
        pairs.append((kept, name))
    return tuple(pairs)


def decode_file(where: str, data: bytes) -> Decoded | Problem:
    """Step 1 of the module docstring: a file's bytes as text, or why they are not text.

    Parameters
    ----------
    where:
        The file's path, for the problems.
    data:
        Its bytes.

    Returns
    -------
    Decoded or Problem
        The text with its warning (``KG112``), or a skipping problem (``KG111``, ``KG113``).

    Examples
    --------
    >>> decode_file("in/a.txt", b"Talks\\r\\nresumed").text
    'Talks\\nresumed'
    >>> decode_file("in/a.txt", b"\\x00\\x01\\x02").code
    'KG111'
    """
    decoded = decode(data)
    if decoded is NotText.BINARY:
        return Problem("KG111", where, "a binary file, not text; remove it or save the article as plain text")
    if decoded is NotText.UNDECODABLE:
        return Problem(
            "KG113", where, "not UTF-8, and no encoding decodes it sensibly; re-save it as UTF-8 text"
        )
    warnings: tuple[Problem, ...] = ()
    if decoded.encoding is not None:
        why = (
            f"not valid UTF-8; read as {decoded.encoding} (a guess: check its accents and quotes, "
            "then re-save the file as UTF-8)"
        )
        warnings = (Problem("KG112", where, why, skipped=False),)
    return Decoded(normalise_line_ends(decoded.text), warnings)


def prose(text: str, where: str) -> Prose:
    """Step 2 of the module docstring: the text of an article, an HTML page reduced to its visible text.

    Parameters
    ----------
    text:
        The decoded text of an article, where prose is expected.
    where:
        Where it came from, for the warning.

    Returns
    -------
    Prose
        The text as read, and ``KG115`` when it was a page.

    Examples
    --------
    >>> page = prose("<p>Talks</p><p>resumed</p><p>today</p>", "in/a.txt")
    >>> page.text, page.html, [w.code for w in page.warnings]
    ('Talks\\n\\nresumed\\n\\ntoday', True, ['KG115'])
    """
    if not looks_html(text):
        return Prose(text)
    why = "an HTML page, not text: read its visible text; save articles as plain text to be sure"
    return Prose(html_to_text(text), True, (Problem("KG115", where, why, skipped=False),))
