"""JSON written a member at a time, so that no export is held whole in memory.

The large parts of an export (nodes, edges, node objects) are given as :class:`Lazy`
values: functions that yield their members, called only as the text is written. The
pieces, joined, are exactly what ``json.dumps`` writes for the whole document.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from typing import Any

__all__ = ["Lazy", "compact_pieces", "document_pieces", "replacer"]


class Lazy:
    """A JSON list whose items (or an object whose ``(key, value)`` pairs, with
    ``pairs=True``, keys in sorted order) ``items()`` yields as they are written."""

    def __init__(self, items: Callable[[], Iterator[Any]], pairs: bool = False) -> None:
        self.items, self.pairs = items, pairs

    def made(self) -> list[Any] | dict[str, Any]:
        """All the members at once, as a list or dict."""
        return dict(self.items()) if self.pairs else list(self.items())

    def encoded(self, encode: Callable[[Any], str]) -> Iterator[str]:
        """Each member's JSON text (``"key": value`` for an object), as it is made."""
        for item in self.items():
            yield f"{encode(item[0])}: {encode(item[1])}" if self.pairs else encode(item)


def replacer(table: Mapping[int, str]) -> Callable[[str], str]:
    """A function doing ``text.translate(table)`` for a table of a few characters, faster.

    ``str.translate`` with replacements longer than one character looks every character
    up; ``str.replace`` runs a fast search, one per character of the table. The
    characters are replaced in an order where no replacement holds a character replaced
    after it (``&`` before ``<`` when ``<`` becomes ``&lt;``), so the result is the
    same; a table with no such order is translated.

    Examples
    --------
    >>> xml = replacer({ord("<"): "&lt;", ord("&"): "&amp;"})
    >>> xml("a < b & c")
    'a &lt; b &amp; c'
    >>> replacer({ord("a"): "b", ord("b"): "a"})("ab")
    'ba'
    """
    produced = "".join(table.values())
    order = sorted(table, key=lambda key: chr(key) not in produced)
    for i, key in enumerate(order):
        if any(chr(later) in table[key] for later in order[i + 1:]):
            return lambda text: text.translate(table)
    steps = [(chr(key), table[key]) for key in order]

    def replaced(text: str) -> str:
        for old, new in steps:
            text = text.replace(old, new)
        return text

    return replaced


def _is_lazy(value: Any) -> bool:
    return isinstance(value, Lazy)


def document_pieces(document: Mapping[str, Any]) -> Iterator[str]:
    """``document`` as JSON, in pieces: one member a line, and each member of a :class:`Lazy`
    list or object on a line of its own (keys sorted, non-ASCII kept, no other white space). An
    object that holds a :class:`Lazy` list is laid out the same way, one level in.

    Compact lines rather than an indented layout: Python's JSON encoder is C code only
    without indentation, five times faster on a large export, and a line per node reads
    and greps well.

    Examples
    --------
    >>> doc = {"n": Lazy(lambda: iter([{"b": 1, "a": "é"}, 2])), "e": Lazy(lambda: iter([])),
    ...        "a": True, "g": {"x": 1, "d": Lazy(lambda: iter([3]))},
    ...        "p": Lazy(lambda: iter([("k", 1)]), pairs=True)}
    >>> print("".join(document_pieces(doc)), end="")
    {
     "a": true,
     "e": [],
     "g": {
      "d": [
       3
      ],
      "x": 1
     },
     "n": [
      {"a": "é", "b": 1},
      2
     ],
     "p": {
      "k": 1
     }
    }
    """
    encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode

    def pieces(value: Any, depth: int, spread: bool = False) -> Iterator[str]:
        # spread: one member a line even with no Lazy inside (the document itself).
        inner = "\n" + " " * (depth + 1)
        if isinstance(value, Lazy):
            opening, closing = "{}" if value.pairs else "[]"
            empty = True
            for text in value.encoded(encode):
                yield (opening if empty else ",") + inner + text
                empty = False
            yield opening + closing if empty else "\n" + " " * depth + closing
        elif isinstance(value, Mapping) and value and (spread or any(map(_is_lazy, value.values()))):
            for n, key in enumerate(sorted(value)):
                yield ("{" if n == 0 else ",") + inner + encode(key) + ": "
                yield from pieces(value[key], depth + 1)
            yield "\n" + " " * depth + "}"
        else:
            yield encode(value)

    yield from pieces(document, 0, spread=True)
    yield "\n"


def compact_pieces(document: Mapping[str, Any], escape: Mapping[int, str]) -> Iterator[str]:
    """``json.dumps(document, sort_keys=True).translate(escape)``, in pieces; :class:`Lazy`
    values among the document's are written a member at a time.

    Examples
    --------
    >>> doc = {"b": Lazy(lambda: iter([("x", 1), ("y", "<")]), pairs=True), "a": ["<"]}
    >>> "".join(compact_pieces(doc, {ord("<"): "&lt;"}))
    '{"a": ["&lt;"], "b": {"x": 1, "y": "&lt;"}}'
    """
    encode = json.JSONEncoder(sort_keys=True).encode
    escaped = replacer(escape)
    yield "{"
    for n, key in enumerate(sorted(document)):
        value = document[key]
        yield ("" if n == 0 else ", ") + escaped(encode(key)) + ": "
        if not isinstance(value, Lazy):
            yield escaped(encode(value))
            continue
        yield "{" if value.pairs else "["
        for i, text in enumerate(value.encoded(encode)):
            yield ("" if i == 0 else ", ") + escaped(text)
        yield "}" if value.pairs else "]"
    yield "}"
