"""The whole run: articles -> facts -> entities and events -> graph.

``kg.build(folder)`` is what the CLI and the notebooks call. The knowledge of the data
folder is loaded once, first (:func:`kg.knowledge.load_knowledge`), and handed to every
stage. Articles are streamed: only one batch of parsed documents is alive at a time, and
what is kept per article (:class:`~kg.types.ArticleFacts`) is small.
"""

from __future__ import annotations

import gc
import itertools
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from tqdm import tqdm

from kg.cache import AheadReader, FactsCache
from kg.engines import BatchFacts, run_batches
from kg.events.merge import merge_events
from kg.graph import to_graph
from kg.knowledge import Knowledge, load_knowledge
from kg.resolve import resolve
from kg.settings import Settings
from kg.sources import count_articles, read_corpus
from kg.sources.check import CheckMemo
from kg.types import Article, ArticleFacts, Mention, Problem

__all__ = [
    "BuildReport", "Stages", "build", "graph_from_facts", "parse_corpus", "seldom_collected", "version",
]


def version() -> str:
    """The installed version of ``kg`` (recorded in every export)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as _version

    try:
        return _version("kg")
    except PackageNotFoundError:  # running from a source tree
        return "0+unknown"


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build read, found and could not place; kept in ``G.graph["report"]``.

    ``unresolved`` are the mentions that joined no node (``kg build --report`` lists them).

    ``stages`` gives seconds per stage: ``read`` (files, in this process), ``cache``
    (reading and writing the facts cache, when there is one), ``parse`` and ``extract``
    (summed over workers, so with several workers they add up to more than the wall
    time), ``resolve``, ``events`` and ``graph``. ``cached`` is how many of the
    ``articles`` had their facts from the cache, ``None`` when the build had no cache.
    """

    articles: int
    words: int
    problems: tuple[Problem, ...]
    unresolved: tuple[Mention, ...]
    seconds: float
    stages: tuple[tuple[str, float], ...] = ()
    cached: int | None = None

    @property
    def parsed(self) -> int:
        """How many articles were parsed (not taken from the cache)."""
        return self.articles - (self.cached or 0)

    @property
    def skipped(self) -> int:
        """How many input files were not used."""
        return sum(1 for p in self.problems if p.skipped)


class Stages:
    """Seconds spent per stage of a build, accumulated (not thread-safe: one build, one clock)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def add(self, stage: str, seconds: float) -> None:
        """Count ``seconds`` more for ``stage``."""
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        """Time the ``with`` block as ``stage``."""
        started = time.perf_counter()
        try:
            yield
        finally:
            self.add(stage, time.perf_counter() - started)

    def items(self) -> tuple[tuple[str, float], ...]:
        """``(stage, seconds)`` in the order the stages first ran."""
        return tuple(self.seconds.items())


def _articles(
    folder: Path, settings: Settings, knowledge: Knowledge, problems: list[Problem],
    progress: Callable[[], object], stages: Stages, memo: CheckMemo | None = None,
) -> Iterator[Article]:
    """The usable articles of ``folder`` in file order, read lazily; problems go to ``problems``."""
    items = iter(read_corpus(folder, settings, knowledge, memo))
    while True:
        with stages("read"):
            item = next(items, None)
        if item is None:
            break
        if isinstance(item, Problem):
            problems.append(item)
            if item.skipped:
                progress()
            continue
        yield item


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Consecutive ``articles``, ``size`` at a time."""
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@dataclass(slots=True)
class _Pending:
    """An article waiting for its turn in file order, with its cache key and, once known,
    its facts: being parsed (``parsing``), being read from the cache (``kept``, the
    reader's handle), or neither (its entry proved damaged: parsed at the end)."""

    article: Article
    key: str
    facts: ArticleFacts | None = None
    parsing: bool = False
    kept: tuple[int, int] | None = None


def parse_corpus(
    folder: Path,
    settings: Settings,
    problems: list[Problem],
    progress: Callable[[], object] = lambda: None,
    stages: Stages | None = None,
    knowledge: Knowledge | None = None,
    cache: FactsCache | None = None,
) -> Iterator[ArticleFacts]:
    """Parse every article of ``folder`` and find its facts, one :class:`ArticleFacts` each, in file order.

    The work runs where ``settings`` says (:func:`kg.engines.run_batches`: this
    process, ``settings.workers`` local processes, or a Dask cluster); the facts
    are the same in every case. Problems with input files are appended to
    ``problems`` as they are met; seconds per stage are added to ``stages``.
    ``knowledge`` is that of ``settings.data_dir`` when not given (loaded here).
    With a ``cache``, an article whose facts it holds is not parsed: only the others go
    to the engine, and their facts are written to the cache as they come back; the
    checks of the texts read (their language and furniture) are kept there too, so that
    an unchanged text is not checked again.
    """
    stages = stages if stages is not None else Stages()
    knowledge = knowledge if knowledge is not None else load_knowledge(settings.data_dir)
    if cache is None:
        articles = _articles(folder, settings, knowledge, problems, progress, stages)
        for done in _run(_batches(articles, settings.batch_size), settings, knowledge, stages):
            for facts in done.facts:
                yield facts
                progress()
        return
    with stages("cache"):
        memo = CheckMemo(cache.read_checks(problems))
    articles = _articles(folder, settings, knowledge, problems, progress, stages, memo)
    yield from _parse_cached(articles, cache, settings, problems, progress, stages, knowledge)
    with stages("cache"):
        if memo.used and memo.used != memo.previous:  # nothing read, or nothing new: nothing to keep
            cache.write_checks(memo.used, problems)


def _run(
    batches: Iterator[list[Article]], settings: Settings, knowledge: Knowledge, stages: Stages
) -> Iterator[BatchFacts]:
    """``batches`` through the engine, which is not started when there is none (all cached)."""
    first = next(batches, None)
    if first is None:
        return
    for done in run_batches(itertools.chain([first], batches), settings, knowledge):
        stages.add("parse", done.parse_seconds)
        stages.add("extract", done.extract_seconds)
        yield done


def _parse_cached(
    articles: Iterator[Article], cache: FactsCache, settings: Settings, problems: list[Problem],
    progress: Callable[[], object], stages: Stages, knowledge: Knowledge,
) -> Iterator[ArticleFacts]:
    """:func:`parse_corpus` with a cache: lookups here, only the misses to the engine.

    Every article read joins ``waiting`` in file order. One whose entry the cache holds
    is read ahead (:class:`~kg.cache.AheadReader`: decoded in a helper process while this
    one parses the others); the others go to the engine, which gives back their facts in
    the order they were sent, so each batch it returns fills the first misses waiting.
    What is ready at the head of the line is given out as it comes; an entry that proves
    damaged is parsed at the end, when everything else is in.
    """
    waiting: deque[_Pending] = deque()
    reader = AheadReader(cache)

    def misses() -> Iterator[Article]:
        for article in articles:
            with stages("cache"):
                key = cache.key(article)
                kept = reader.ask(key) if cache.has(key) else None
            waiting.append(_Pending(article, key, parsing=kept is None, kept=kept))
            if kept is None:
                yield article
            else:
                progress()

    def resolve(pending: _Pending) -> None:
        """The facts of an entry read ahead, or none if it proved damaged."""
        assert pending.kept is not None
        with stages("cache"):
            pending.facts = reader.get(pending.kept, problems)
        pending.kept = None

    def ready() -> Iterator[ArticleFacts]:
        while waiting and not waiting[0].parsing:
            first = waiting[0]
            if first.kept is not None and reader.done(first.kept):
                resolve(first)
            if first.facts is None:
                return
            yield waiting.popleft().facts  # type: ignore[misc]

    def fill(done: BatchFacts, counted: bool = False) -> None:
        parsed = iter(done.facts)
        for pending in (p for p in waiting if p.parsing):
            found = next(parsed, None)
            if found is None:
                break
            pending.facts, pending.parsing = found, False
            with stages("cache"):
                cache.write(pending.key, found, problems)
            if not counted:
                progress()

    try:
        for done in _run(_batches(misses(), settings.batch_size), settings, knowledge, stages):
            fill(done)
            yield from ready()
        for pending in waiting:
            if pending.kept is not None:
                resolve(pending)
        damaged = [p for p in waiting if p.facts is None]
        for p in damaged:
            p.parsing = True
        for done in _run(_batches(iter([p.article for p in damaged]), settings.batch_size), settings,
                         knowledge, stages):
            fill(done, counted=True)  # counted as they were looked up
        yield from ready()
    finally:
        reader.close()
    cache.remove_leftovers()


def graph_from_facts(
    facts: Iterable[ArticleFacts], settings: Settings, stages: Stages | None = None,
    knowledge: Knowledge | None = None,
) -> nx.MultiDiGraph:
    """Resolve, merge events and assemble the graph from extracted facts (in any order).

    ``knowledge`` is that of ``settings.data_dir`` when not given (loaded here).
    """
    stages = stages if stages is not None else Stages()
    knowledge = knowledge if knowledge is not None else load_knowledge(settings.data_dir)
    facts = sorted(facts, key=lambda f: f.info.doc_id)
    with stages("resolve"):
        resolution = resolve(facts, knowledge)
    with stages("events"):
        events, issues = merge_events(facts, resolution, knowledge)
    with stages("graph"):
        G = to_graph(resolution, events, [f.info for f in facts], version(), issues, knowledge)
    G.graph["unresolved"] = resolution.unresolved
    return G


COLLECTION_THRESHOLDS = (50_000, 20, 20)
"""The cyclic garbage collector's thresholds while a build runs (Python's own are 700, 10, 10)."""


@contextmanager
def seldom_collected() -> Iterator[None]:
    """Run the block with the cyclic garbage collector started less often, then as before.

    A build keeps a growing heap of long-lived objects (every article's facts, then the
    entities, events and graph) while it makes many more short-lived ones. With Python's
    default thresholds the collector starts every 700 allocations and walks the older
    generations again and again as they grow: at 10,000 articles, 5 s of a 57-s rebuild
    from the cache. Nothing is left uncollected: the collector still runs, every
    :data:`COLLECTION_THRESHOLDS` allocations.
    """
    before = gc.get_threshold()
    gc.set_threshold(*COLLECTION_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def build(
    folder: str | Path, settings: Settings | None = None, cache: str | Path | None = None
) -> nx.MultiDiGraph:
    """Build the knowledge graph of the articles in ``folder``.

    Parameters
    ----------
    folder:
        A folder of articles in any of the formats :mod:`kg.sources` reads, optionally
        with ``metadata.csv``.
    settings:
        How to run (defaults: one process, the packaged model and data). ``workers``
        and ``engine`` change where articles are parsed, never the result; ``data_dir``
        names a folder of data files that replace kg's own.
    cache:
        A folder that keeps each article's facts (:mod:`kg.cache`, created when
        missing): an article whose facts it holds for this article text and pipeline is
        not parsed again, and the graph is the same. ``None``: parse every article.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes are IRIs (see :mod:`kg.graph`); ``G.graph["report"]`` is a :class:`BuildReport`.
    """
    with seldom_collected():
        return _build(Path(folder), settings or Settings(), None if cache is None else Path(cache))


def _build(folder: Path, settings: Settings, cache: Path | None) -> nx.MultiDiGraph:
    """:func:`build`, its arguments made paths and settings."""
    started = time.perf_counter()
    problems: list[Problem] = []
    stages = Stages()
    knowledge = load_knowledge(settings.data_dir)
    total = count_articles(folder)
    kept = FactsCache(cache, settings, version()) if cache is not None else None
    with tqdm(total=total, unit="article", disable=not settings.progress, file=sys.stderr,
              desc="kg build") as bar:
        facts = list(parse_corpus(folder, settings, problems, lambda: bar.update(1), stages, knowledge, kept))
    G = graph_from_facts(facts, settings, stages, knowledge)
    G.graph["report"] = BuildReport(
        articles=len(facts),
        words=sum(f.words for f in facts),
        problems=tuple(problems),
        unresolved=G.graph.pop("unresolved"),
        seconds=time.perf_counter() - started,
        stages=stages.items(),
        cached=None if kept is None else kept.hits,
    )
    return G
