"""Where the per-article work runs: in this process, in a local process pool, or on Dask.

Every engine runs the same function, :func:`parse_batch`, on the same batches of
articles (``Settings.batch_size`` consecutive articles in file order), so each
article is parsed in the same company whatever the engine, and only small,
picklable :class:`~kg.types.ArticleFacts` come back. Results are yielded in file
order, and at most a few batches are in flight at a time, so memory stays flat
however large the corpus.

Why a process pool rather than ``nlp.pipe(n_process=N)``: spaCy's multiprocessing
parses in the workers but sends every whole ``Doc`` back to the parent, which
deserialises it and then runs extraction alone; on two cores that parent becomes
the bottleneck. Here parsing *and* extraction run in the workers (each loads the
pipeline once), and the parent only reads files and collects facts
(the README's scaling section has the measurements).

Codes
-----
``KG002``  ``--engine dask`` but Dask is not installed
``KG003``  ``--engine dask`` without a scheduler address
``KG004``  the Dask scheduler cannot be reached
``KG005``  an unknown engine or a number of workers below 1
"""

from __future__ import annotations

import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

from spacy.language import Language

from kg.errors import KgError
from kg.facts import FactFinder, chunks, merge_chunks
from kg.knowledge import Knowledge, load_knowledge
from kg.settings import Settings
from kg.types import Article, ArticleFacts

__all__ = ["BatchFacts", "BatchParser", "parse_batch", "run_batches"]

_T = TypeVar("_T")
_IN_FLIGHT_PER_WORKER = 2
"""Batches queued per worker: enough to keep it busy, few enough to keep memory flat."""


@dataclass(frozen=True, slots=True)
class BatchFacts:
    """The facts of one batch of articles, in order, and where the worker's time went."""

    facts: tuple[ArticleFacts, ...]
    parse_seconds: float
    extract_seconds: float


class BatchParser:
    """A loaded pipeline and fact finder: turns batches of articles into facts.

    Parameters
    ----------
    settings:
        Uses ``model``, ``data_dir`` and ``max_chars_per_chunk``.
    nlp:
        An already loaded pipeline (default: load the one ``settings`` names).
    knowledge:
        The run's knowledge (default: load that of ``settings.data_dir``, as a worker
        process does once).
    """

    def __init__(
        self, settings: Settings, nlp: Language | None = None, knowledge: Knowledge | None = None
    ) -> None:
        from kg.nlp import load_pipeline

        self.settings = settings
        knowledge = knowledge if knowledge is not None else load_knowledge(settings.data_dir)
        self.nlp = nlp if nlp is not None else load_pipeline(settings, knowledge)
        self.find_facts = FactFinder(knowledge)

    def __call__(self, articles: Sequence[Article]) -> BatchFacts:
        """Parse ``articles`` as one ``nlp.pipe`` batch and find their facts."""
        limit = self.settings.max_chars_per_chunk
        pieces = [(piece, (i, offset)) for i, article in enumerate(articles)
                  for offset, piece in chunks(article.body, limit)]
        parts: list[list[ArticleFacts]] = [[] for _ in articles]
        parse = extract = 0.0
        docs = self.nlp.pipe(pieces, as_tuples=True, batch_size=max(1, len(pieces)))
        while True:
            started = time.perf_counter()
            item = next(docs, None)
            parsed = time.perf_counter()
            parse += parsed - started
            if item is None:
                break
            doc, (i, offset) = item
            parts[i].append(self.find_facts(doc, articles[i], offset))
            extract += time.perf_counter() - parsed
        facts = tuple(merge_chunks(p) if p else ArticleFacts(info=a.info())
                      for a, p in zip(articles, parts, strict=True))
        return BatchFacts(facts, parse, extract)


@lru_cache(maxsize=1)
def _worker_for(settings: Settings) -> BatchParser:
    # One pipeline and one Knowledge per worker process, loaded by its first batch (or the
    # pool initializer) from settings.data_dir: the parent's Knowledge is not sent along.
    return BatchParser(settings)


def parse_batch(articles: Sequence[Article], settings: Settings) -> BatchFacts:
    """The unit of work shipped to pool and Dask workers (loads the pipeline once per process).

    Parameters
    ----------
    articles:
        Consecutive articles of the corpus.
    settings:
        The build's settings; the worker must have the same model and data installed.
    """
    return _worker_for(settings)(articles)


def _warm(settings: Settings) -> None:
    _worker_for(settings)


def _ordered(submit: Callable[[Any], Any], result: Callable[[Any], _T], items: Iterable[Any],
             window: int) -> Iterator[_T]:
    """Submit ``items`` with at most ``window`` outstanding, yield results in submission order."""
    pending: deque[Any] = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= window:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


def _local(
    batches: Iterable[list[Article]], settings: Settings, knowledge: Knowledge | None
) -> Iterator[BatchFacts]:
    worker: BatchParser | None = None
    for batch in batches:
        # Loaded at the first article, not before: a folder of only unusable files is
        # reported in a moment instead of after the seconds a model takes to load.
        worker = worker or BatchParser(settings, knowledge=knowledge)
        yield worker(batch)


def _pool_context() -> multiprocessing.context.BaseContext:
    # A forkserver forks clean children (safe when the parent runs threads, as a progress
    # bar does) and imports spaCy once, in the server; spawn where there is no fork.
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["kg.engines"])
        return context
    return multiprocessing.get_context("spawn")


def _pool(batches: Iterable[list[Article]], settings: Settings) -> Iterator[BatchFacts]:
    workers = settings.workers
    with _pool_context().Pool(workers, initializer=_warm, initargs=(settings,)) as pool:
        yield from _ordered(
            lambda batch: pool.apply_async(parse_batch, (batch, settings)),
            lambda pending: pending.get(),
            batches,
            workers * _IN_FLIGHT_PER_WORKER,
        )


def _dask(batches: Iterable[list[Article]], settings: Settings) -> Iterator[BatchFacts]:
    if not settings.scheduler:
        raise KgError("KG003", "--scheduler", "--engine dask needs a scheduler address, e.g. tcp://10.0.0.5:8786")
    try:
        from distributed import Client
    except ImportError:
        raise KgError("KG002", "--engine dask",
                      "Dask is not installed; run: pip install 'kg[dask]' (or 'dask[distributed]')") from None
    return _on_cluster(Client, batches, settings)


def _on_cluster(
    client_class: Any, batches: Iterable[list[Article]], settings: Settings
) -> Iterator[BatchFacts]:
    try:
        client = client_class(settings.scheduler, timeout="30s", set_as_default=False)
    except OSError as error:
        raise KgError("KG004", str(settings.scheduler),
                      f"cannot reach the Dask scheduler ({error}); check the address and that it is running"
                      ) from None
    with client:
        threads = sum(client.nthreads().values()) or 1
        yield from _ordered(
            lambda batch: client.submit(parse_batch, batch, settings, pure=False),
            lambda future: future.result(),
            batches,
            threads * _IN_FLIGHT_PER_WORKER,
        )


def run_batches(
    batches: Iterable[list[Article]], settings: Settings, knowledge: Knowledge | None = None
) -> Iterator[BatchFacts]:
    """Extract every batch on the engine ``settings`` names; results in the order given.

    ``engine="local"`` with ``workers=1`` runs here, with ``knowledge`` (default: that
    of ``settings.data_dir``); with ``workers=N`` in a pool of ``N`` processes;
    ``engine="dask"`` on the cluster at ``settings.scheduler`` (resolution stays with the
    caller). Pool and Dask workers load the knowledge of ``settings.data_dir`` themselves.

    Raises
    ------
    KgError
        ``KG002``-``KG005`` (see the module docstring).
    """
    if settings.engine == "dask":
        return _dask(batches, settings)
    if settings.engine != "local" or settings.workers < 1:
        raise KgError("KG005", f"--engine {settings.engine} --workers {settings.workers}",
                      "use --engine local or dask, and --workers 1 or more")
    if settings.workers == 1:
        return _local(batches, settings, knowledge)
    return _pool(batches, settings)
