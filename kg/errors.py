"""Errors a person can act on: a stable code, the file, what is wrong and what to do.

Every message is one line, whatever the names in it: a file name may hold a newline or
a terminal escape sequence, and printed raw it would forge a second warning or recolour
the terminal. :func:`shown` writes such a path as a Python string literal and
:func:`problem_line` escapes what is left in the message.
"""

from __future__ import annotations

import os

__all__ = ["KgError", "one_line", "problem_line", "shown"]


def shown(path: str | os.PathLike[str]) -> str:
    """``path`` as a message prints it: as it is when every character is printable,
    else as a Python string literal (``repr``), so it stays on its line and reads back exactly.

    Examples
    --------
    >>> shown("seeds/a b.txt")
    'seeds/a b.txt'
    >>> print(shown("in/evil\\nKG110 forged.txt"))
    'in/evil\\nKG110 forged.txt'
    >>> print(shown("in/\\x1b[31mred.txt"))
    'in/\\x1b[31mred.txt'
    """
    text = os.fspath(path)
    # A printable path that starts with a quote is quoted too: it would pass for a literal.
    if text.isprintable() and not text.startswith(("'", '"')):
        return text
    return repr(text)


def one_line(text: str) -> str:
    """``text`` with every character that is not printable written as its Python escape.

    Examples
    --------
    >>> print(one_line("two\\nlines and a \\x07bell"))
    two\\nlines and a \\x07bell
    """
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def problem_line(code: str, path: str, message: str) -> str:
    """The one line that reports a problem: ``CODE PATH: MESSAGE``, escaped as above.

    Examples
    --------
    >>> problem_line("KG110", "in/a\\nb.txt", "empty or only whitespace")
    "KG110 'in/a\\\\nb.txt': empty or only whitespace"
    """
    return f"{code} {shown(path)}: {one_line(message)}"


class KgError(Exception):
    """A fatal, expected failure (bad input folder, unwritable output...).

    The CLI prints ``str(error)`` as one line and exits non-zero; no traceback.
    """

    def __init__(self, code: str, path: str, message: str) -> None:
        super().__init__(problem_line(code, path, message))
        self.code = code
        self.path = path
        self.message = message

    def __reduce__(self) -> tuple[type[KgError], tuple[str, str, str]]:
        # Raised in a worker process, the error crosses back to the parent pickled.
        return (KgError, (self.code, self.path, self.message))
