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

Worker processes import only what the parent would. They are started with the
``spawn`` method: fresh interpreters, as on every platform, so nothing of the
parent's threads or state is copied. An interpreter started as ``python -c``, which
is how multiprocessing starts each one, puts the current folder first on its import
path, so a ``tqdm.py`` there would run, and a folder named ``kg`` there would hide
the installed package. Workers are therefore started with ``PYTHONSAFEPATH=1``
(Python 3.11 and later), which tells the new interpreter to add no such folder;
once started, a worker imports with the parent's own path. Python 3.10 has no such
switch: there, a module in the current folder named like one of the standard
modules multiprocessing imports as it starts could still be imported.

A worker that cannot start, or that stops mid-build (killed by the out-of-memory
killer, say), stops the build at once with ``KG006``: the pool never replaces it
and never waits for the batch it held.

Codes
-----
``KG002``  ``--engine dask`` but Dask is not installed
``KG003``  ``--engine dask`` without a scheduler address
``KG004``  the Dask scheduler cannot be reached
``KG005``  an unknown engine or a number of workers below 1
``KG006``  a worker process could not start, or stopped before the build was done
``KG007``  the scheduler address is not ``[PROTOCOL://]HOST:PORT``
"""

from __future__ import annotations

import multiprocessing
import os
import re
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

from spacy.language import Language

from kg.errors import KgError
from kg.facts import FactFinder, chunks, merge_chunks, read_in_pieces
from kg.knowledge import Knowledge, load_knowledge
from kg.settings import Engine, Settings
from kg.types import Article, ArticleFacts

__all__ = ["BatchFacts", "BatchParser", "check_engine", "parse_batch", "run_batches"]

_T = TypeVar("_T")
_IN_FLIGHT_PER_WORKER = 2
"""Batches queued per worker: enough to keep it busy, few enough to keep memory flat."""


@dataclass(frozen=True, slots=True)
class BatchFacts:
    """The facts of one batch of articles, in order, and where the worker's time went."""

    facts: tuple[ArticleFacts, ...]
    parse_seconds: float
    extract_seconds: float


def _up_to(budget: int, pieces: Iterable[tuple[str, _T]]) -> Iterator[list[tuple[str, _T]]]:
    """Consecutive ``(text, context)`` pieces, in lists of at most ``budget`` characters of text
    (a longer piece alone). spaCy batches by a number of texts; memory goes by their length.

    Examples
    --------
    >>> [[t for t, _ in group] for group in _up_to(5, [("ab", 0), ("cd", 1), ("e", 2), ("fghijk", 3)])]
    [['ab', 'cd', 'e'], ['fghijk']]
    """
    group: list[tuple[str, _T]] = []
    size = 0
    for text, context in pieces:
        if group and size + len(text) > budget:
            yield group
            group, size = [], 0
        group.append((text, context))
        size += len(text)
    if group:
        yield group


class BatchParser:
    """A loaded pipeline and fact finder: turns batches of articles into facts.

    Parameters
    ----------
    settings:
        Uses ``model``, ``data_dir``, ``max_chars_per_chunk`` and ``max_chars_per_parse``.
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
        """Parse ``articles`` in pieces and find their facts.

        Each article is cut into pieces of at most ``max_chars_per_chunk`` characters
        (:func:`kg.facts.chunks`), and the pieces, in order, go through ``nlp.pipe`` at most
        ``max_chars_per_parse`` characters at a time, so what a parse holds is bounded
        however long the articles are. Pieces are made as they are parsed, never all at once.
        """
        limit = self.settings.max_chars_per_chunk
        readable = [read_in_pieces(a) for a in articles]
        infos = [a.info() for a in articles]
        pieces = ((piece, (i, offset)) for i, article in enumerate(readable)
                  for offset, piece in chunks(article.body, limit))
        parts: list[list[ArticleFacts]] = [[] for _ in articles]
        parse = extract = 0.0
        for group in _up_to(self.settings.max_chars_per_parse, pieces):
            docs = self.nlp.pipe(group, as_tuples=True, batch_size=len(group))
            while True:
                started = time.perf_counter()
                item = next(docs, None)
                parsed = time.perf_counter()
                parse += parsed - started
                if item is None:
                    break
                doc, (i, offset) = item
                parts[i].append(self.find_facts(doc, readable[i], offset, infos[i]))
                extract += time.perf_counter() - parsed
        facts = tuple(merge_chunks(p) if p else ArticleFacts(info=info)
                      for info, p in zip(infos, parts, strict=True))
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
    # A worker's first task: load the pipeline while the parent reads the first batches.
    _worker_for(settings)


def _ignore_interrupts() -> None:
    # Ctrl-C reaches every process of the terminal; the parent alone answers it (it stops
    # the workers), so no worker prints a KeyboardInterrupt traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


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


@contextmanager
def _without_current_folder() -> Iterator[None]:
    """Processes started in this block do not put the current folder on their import path.

    multiprocessing starts a worker as ``python -c ...``, which puts the current folder
    first on the new interpreter's path before anything else runs; ``PYTHONSAFEPATH``
    (Python 3.11+) is the only way to tell it not to, as multiprocessing takes no
    interpreter options. The variable is put back as it was at the end of the block.
    """
    before = os.environ.get("PYTHONSAFEPATH")
    os.environ["PYTHONSAFEPATH"] = "1"
    try:
        yield
    finally:
        if before is None:
            del os.environ["PYTHONSAFEPATH"]
        else:
            os.environ["PYTHONSAFEPATH"] = before


def _start_pool(settings: Settings) -> tuple[ProcessPoolExecutor, list[BaseProcess]]:
    """The pool and its worker processes, every one started now.

    A ``ProcessPoolExecutor`` rather than a ``multiprocessing.Pool``: when a worker dies,
    a ``Pool`` starts another and leaves the dead one's batch pending for ever, while the
    executor fails every pending batch at once. One warming task per worker makes the
    executor start them all here, inside :func:`_without_current_folder`.
    """
    where = f"--workers {settings.workers}"
    before = set(multiprocessing.active_children())
    executor = ProcessPoolExecutor(settings.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_ignore_interrupts)
    try:
        with _without_current_folder():
            for _ in range(settings.workers):
                executor.submit(_warm, settings)
    except (OSError, EOFError, BrokenProcessPool) as error:
        executor.shutdown(wait=False, cancel_futures=True)
        raise KgError("KG006", where, f"cannot start worker processes ({error}); "
                      "check free memory and process limits, or use --workers 1") from None
    return executor, [p for p in multiprocessing.active_children() if p not in before]


def _how_it_stopped(processes: Sequence[BaseProcess]) -> str:
    """How the worker that broke the pool ended, in words.

    When one worker dies the executor terminates the others (SIGTERM), so a worker
    still running or ended by SIGTERM is not the one that broke it.
    """
    for process in processes:
        code = process.exitcode
        if code is None or code == -signal.SIGTERM:
            continue
        if code < 0:
            name = signal.Signals(-code).name
            if -code == signal.SIGKILL:
                return f"was killed by {name} (as the out-of-memory killer does); check free memory"
            return f"was killed by {name}"
        return f"exited with code {code}"
    return "stopped"


def _pool(batches: Iterable[list[Article]], settings: Settings) -> Iterator[BatchFacts]:
    executor, processes = _start_pool(settings)
    finished = broken = False
    try:
        yield from _ordered(
            lambda batch: executor.submit(parse_batch, batch, settings),
            Future.result,
            batches,
            settings.workers * _IN_FLIGHT_PER_WORKER,
        )
        finished = True
    except BrokenProcessPool:
        broken = True
    finally:
        if not finished:
            # Failed or abandoned: the batches in flight are not wanted, so do not wait for them.
            for process in processes:
                if process.is_alive():
                    process.terminate()
        executor.shutdown(wait=True, cancel_futures=True)
    if broken:
        # Only now, with every worker joined, is each one's exit code known: the
        # executor's own thread may be reaping the dead one while the error arrives.
        raise KgError("KG006", f"--workers {settings.workers}",
                      f"a worker process {_how_it_stopped(processes)}; the build stopped "
                      "(--workers 1 runs it in this process and shows any error)")


_SCHEDULER = re.compile(
    r"(?:(?P<protocol>[a-z][a-z0-9+.-]*)://)?(?P<host>\[[0-9a-f:.]+\]|[^\s/:\[\]]+):(?P<port>[0-9]{1,5})/?",
    re.IGNORECASE,
)
_PROTOCOLS = frozenset({"tcp", "tls", "ws", "wss", "ucx"})
"""The protocols a Dask client connects over."""


def check_engine(settings: Settings) -> None:
    """Refuse engine settings that cannot work, before any file is read.

    An address without a port is refused here because Dask only says so after trying
    to connect for a minute, and then with a traceback.

    Raises
    ------
    KgError
        ``KG003``, ``KG005`` or ``KG007`` (see the module docstring).

    Examples
    --------
    >>> check_engine(Settings(engine=Engine.DASK, scheduler="tcp://10.0.0.5:8786"))
    >>> check_engine(Settings(engine=Engine.DASK, scheduler="10.0.0.5"))
    Traceback (most recent call last):
    kg.errors.KgError: KG007 --scheduler: '10.0.0.5' is not an address a Dask client can connect to; ...
    """
    if settings.engine not in tuple(Engine) or settings.workers < 1:
        raise KgError("KG005", f"--engine {settings.engine} --workers {settings.workers}",
                      "use --engine local or dask, and --workers 1 or more")
    if settings.engine != Engine.DASK:
        return
    if not settings.scheduler:
        raise KgError("KG003", "--scheduler", "--engine dask needs a scheduler address, e.g. tcp://10.0.0.5:8786")
    match = _SCHEDULER.fullmatch(settings.scheduler)
    if (match is None or int(match["port"]) not in range(1, 65536)
            or (match["protocol"] or "tcp").lower() not in _PROTOCOLS):
        raise KgError("KG007", "--scheduler",
                      f"{settings.scheduler!r} is not an address a Dask client can connect to; give "
                      "[PROTOCOL://]HOST:PORT, e.g. tcp://10.0.0.5:8786 (the port the scheduler printed "
                      "as it started; 8786 unless it was given another)")


def _dask(batches: Iterable[list[Article]], settings: Settings) -> Iterator[BatchFacts]:
    try:
        from distributed import Client
    except ImportError:
        raise KgError("KG002", "--engine dask",
                      "Dask is not installed; run: pip install 'kg[dask]' (or 'dask[distributed]')") from None
    return _on_cluster(Client, batches, settings)


def _on_cluster(
    client_class: Any, batches: Iterable[list[Article]], settings: Settings
) -> Iterator[BatchFacts]:
    from distributed import KilledWorker

    try:
        client = client_class(settings.scheduler, timeout="30s", set_as_default=False)
    except OSError as error:
        raise KgError("KG004", str(settings.scheduler),
                      f"cannot reach the Dask scheduler ({error}); check the address and that it is running"
                      ) from None
    with client:
        threads = sum(client.nthreads().values()) or 1
        try:
            yield from _ordered(
                lambda batch: client.submit(parse_batch, batch, settings, pure=False),
                lambda future: future.result(),
                batches,
                threads * _IN_FLIGHT_PER_WORKER,
            )
        except KilledWorker as error:
            # Dask has already retried the batch on other workers; each of them died on it.
            raise KgError("KG006", str(settings.scheduler),
                          f"Dask workers kept dying on a batch ({error}); check their memory and logs"
                          ) from None


def run_batches(
    batches: Iterable[list[Article]], settings: Settings, knowledge: Knowledge | None = None
) -> Iterator[BatchFacts]:
    """Extract every batch on the engine ``settings`` names; results in the order given.

    :attr:`~kg.settings.Engine.LOCAL` with ``workers=1`` runs here, with ``knowledge`` (default: that
    of ``settings.data_dir``); with ``workers=N`` in a pool of ``N`` processes;
    :attr:`~kg.settings.Engine.DASK` on the cluster at ``settings.scheduler`` (resolution stays with the
    caller). Pool and Dask workers load the knowledge of ``settings.data_dir`` themselves.

    Raises
    ------
    KgError
        ``KG002``-``KG007`` (see the module docstring).
    """
    check_engine(settings)
    if settings.engine == Engine.DASK:
        return _dask(batches, settings)
    if settings.workers == 1:
        return _local(batches, settings, knowledge)
    return _pool(batches, settings)
