"""Errors a person can act on: a stable code, the file, what is wrong and what to do."""

from __future__ import annotations

__all__ = ["KgError"]


class KgError(Exception):
    """A fatal, expected failure (bad input folder, unwritable output...).

    The CLI prints ``str(error)`` as one line and exits non-zero; no traceback.
    """

    def __init__(self, code: str, path: str, message: str) -> None:
        super().__init__(f"{code} {path}: {message}")
        self.code = code
        self.path = path
        self.message = message

    def __reduce__(self) -> tuple[type[KgError], tuple[str, str, str]]:
        # Raised in a worker process, the error crosses back to the parent pickled.
        return (KgError, (self.code, self.path, self.message))
