"""The whole run: articles -> facts -> entities and events -> graph.

``kg.build(folder)`` is what the CLI and the notebooks call. The knowledge of the data
folder is loaded once, first (:func:`kg.knowledge.load_knowledge`), and handed to every
stage. Articles are streamed: only one batch of parsed documents is alive at a time, and
what is kept per article (:class:`~kg.types.ArticleFacts`) is small.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from tqdm import tqdm

from kg.engines import run_batches
from kg.events.merge import merge_events
from kg.graph import to_graph
from kg.knowledge import Knowledge, load_knowledge
from kg.resolve import resolve
from kg.settings import Settings
from kg.sources import count_articles, read_corpus
from kg.types import Article, ArticleFacts, Mention, Problem

__all__ = ["BuildReport", "Stages", "build", "graph_from_facts", "parse_corpus", "version"]


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

    ``stages`` gives seconds per stage: ``read`` (files, in this process), ``parse``
    and ``extract`` (summed over workers, so with several workers they add up to
    more than the wall time), ``resolve``, ``events`` and ``graph``.
    """

    articles: int
    words: int
    problems: tuple[Problem, ...]
    unresolved: tuple[Mention, ...]
    seconds: float
    stages: tuple[tuple[str, float], ...] = ()

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


def _batches(
    folder: Path, settings: Settings, knowledge: Knowledge, problems: list[Problem],
    progress: Callable[[], object], stages: Stages,
) -> Iterator[list[Article]]:
    """Consecutive articles in file order, ``settings.batch_size`` at a time, read lazily."""
    batch: list[Article] = []
    items = iter(read_corpus(folder, settings, knowledge))
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
        batch.append(item)
        if len(batch) >= settings.batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def parse_corpus(
    folder: Path,
    settings: Settings,
    problems: list[Problem],
    progress: Callable[[], object] = lambda: None,
    stages: Stages | None = None,
    knowledge: Knowledge | None = None,
) -> Iterator[ArticleFacts]:
    """Parse every article of ``folder`` and find its facts, one :class:`ArticleFacts` each, in file order.

    The work runs where ``settings`` says (:func:`kg.engines.run_batches`: this
    process, ``settings.workers`` local processes, or a Dask cluster); the facts
    are the same in every case. Problems with input files are appended to
    ``problems`` as they are met; seconds per stage are added to ``stages``.
    ``knowledge`` is that of ``settings.data_dir`` when not given (loaded here).
    """
    stages = stages if stages is not None else Stages()
    knowledge = knowledge if knowledge is not None else load_knowledge(settings.data_dir)
    batches = _batches(folder, settings, knowledge, problems, progress, stages)
    for done in run_batches(batches, settings, knowledge):
        stages.add("parse", done.parse_seconds)
        stages.add("extract", done.extract_seconds)
        for facts in done.facts:
            yield facts
            progress()


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


def build(folder: str | Path, settings: Settings | None = None) -> nx.MultiDiGraph:
    """Build the knowledge graph of the articles in ``folder``.

    Parameters
    ----------
    folder:
        A folder of ``.txt`` articles, optionally with ``metadata.csv``.
    settings:
        How to run (defaults: one process, the packaged model and data). ``workers``
        and ``engine`` change where articles are parsed, never the result; ``data_dir``
        names a folder of data files that replace kg's own.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes are IRIs (see :mod:`kg.graph`); ``G.graph["report"]`` is a :class:`BuildReport`.
    """
    settings = settings or Settings()
    folder = Path(folder)
    started = time.perf_counter()
    problems: list[Problem] = []
    stages = Stages()
    knowledge = load_knowledge(settings.data_dir)
    total = count_articles(folder)
    with tqdm(total=total, unit="article", disable=not settings.progress, file=sys.stderr,
              desc="kg build") as bar:
        facts = list(parse_corpus(folder, settings, problems, lambda: bar.update(1), stages, knowledge))
    G = graph_from_facts(facts, settings, stages, knowledge)
    G.graph["report"] = BuildReport(
        articles=len(facts),
        words=sum(f.words for f in facts),
        problems=tuple(problems),
        unresolved=G.graph.pop("unresolved"),
        seconds=time.perf_counter() - started,
        stages=stages.items(),
    )
    return G
