"""The whole run: articles -> facts -> entities and events -> graph.

``kg.build(folder)`` is what the CLI and the notebooks call. Articles are streamed:
only one batch of parsed documents is alive at a time, and what is kept per
article (:class:`~kg.types.ArticleFacts`) is small.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from tqdm import tqdm

from kg.events import merge_events
from kg.extract import Extractor, chunks, merge_chunks
from kg.graph import to_graph
from kg.nlp import load_pipeline
from kg.resolve import resolve
from kg.settings import Settings
from kg.sources import count_articles, read_corpus
from kg.types import Article, ArticleFacts, Problem

__all__ = ["BuildReport", "build", "extract_corpus", "graph_from_facts", "version"]


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
    """What a build read, found and could not place; kept in ``G.graph["report"]``."""

    articles: int
    words: int
    problems: tuple[Problem, ...]
    unresolved: int
    seconds: float

    @property
    def skipped(self) -> int:
        """How many input files were not used."""
        return sum(1 for p in self.problems if p.skipped)


def _article_stream(
    folder: Path, settings: Settings, problems: list[Problem], progress: Callable[[], None]
) -> Iterator[tuple[str, tuple[Article, int]]]:
    for item in read_corpus(folder, settings):
        if isinstance(item, Problem):
            problems.append(item)
            if item.skipped:
                progress()
            continue
        for offset, piece in chunks(item.body, settings.max_chars_per_chunk):
            yield piece, (item, offset)


def extract_corpus(
    folder: Path, settings: Settings, problems: list[Problem], progress: Callable[[], None] = lambda: None
) -> Iterator[ArticleFacts]:
    """Parse and extract every article of ``folder``, one :class:`ArticleFacts` each, in file order.

    Problems with input files are appended to ``problems`` as they are met.
    """
    nlp = load_pipeline(settings)
    extractor = Extractor(settings)
    stream = _article_stream(folder, settings, problems, progress)
    parts: list[ArticleFacts] = []
    for doc, (article, offset) in nlp.pipe(
        stream, as_tuples=True, batch_size=settings.batch_size, n_process=settings.workers
    ):
        facts = extractor(doc, article, offset)
        if parts and parts[0].info.doc_id != article.doc_id:
            yield merge_chunks(parts)
            progress()
            parts = []
        parts.append(facts)
    if parts:
        yield merge_chunks(parts)
        progress()


def graph_from_facts(facts: Iterable[ArticleFacts], settings: Settings) -> nx.MultiDiGraph:
    """Resolve, merge events and assemble the graph from extracted facts."""
    facts = sorted(facts, key=lambda f: f.info.doc_id)
    resolution = resolve(facts, settings.data_dir)
    events, issues = merge_events(facts, resolution, settings.data_dir)
    G = to_graph(resolution, events, [f.info for f in facts], version(), issues)
    G.graph["unresolved"] = len(resolution.unresolved)
    return G


def build(folder: str | Path, settings: Settings | None = None) -> nx.MultiDiGraph:
    """Build the knowledge graph of the articles in ``folder``.

    Parameters
    ----------
    folder:
        A folder of ``.txt`` articles, optionally with ``metadata.csv``.
    settings:
        How to run (defaults: one process, the packaged model and data).

    Returns
    -------
    networkx.MultiDiGraph
        Nodes are IRIs (see :mod:`kg.graph`); ``G.graph["report"]`` is a :class:`BuildReport`.
    """
    settings = settings or Settings()
    folder = Path(folder)
    started = time.perf_counter()
    problems: list[Problem] = []
    total = count_articles(folder)
    with tqdm(total=total, unit="article", disable=not settings.progress, file=sys.stderr,
              desc="kg build") as bar:
        facts = list(extract_corpus(folder, settings, problems, lambda: bar.update(1)))
    G = graph_from_facts(facts, settings)
    G.graph["report"] = BuildReport(
        articles=len(facts),
        words=sum(f.words for f in facts),
        problems=tuple(problems),
        unresolved=G.graph.pop("unresolved"),
        seconds=time.perf_counter() - started,
    )
    return G
