"""The page of a 10,000-article graph in headless Chromium: its size, how long it takes to
open and draw, and how long it takes to answer a move of the time slider.

Building 10,000 generated articles takes about half an hour here, so by default the
graph is made from a real build of fewer: ``--sample`` articles of the benchmark corpus
(``benchmarks/generate_corpus.py``) are built with ``kg``, and the graph is repeated
until it tells ``--articles`` articles. Each copy has its own articles, events and
people (the generator's cast grows with the corpus, a person to every three articles),
while countries, offices, places, organisations and issues are shared, as they are
bounded in the news; so the page holds about as many people, events, sentences and
edges as a build of that many articles would. ``--sample`` equal to ``--articles``
builds them all.

Run from the repository root::

    .venv/bin/python benchmarks/page_at_scale.py                  # 10,000 articles from a 250 built
    .venv/bin/python benchmarks/page_at_scale.py --articles 2000 --sample 2000

Times are in ms, measured inside the page from the start of navigation (``open``: the
page's script has run; ``drawn``: vis-network's first drawing; ``settled``: the layout
stopped and the page answers) and around a slider move (the month range halved, and
then whole again, each until the next frame is drawn).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

import kg
from kg.export.html import MAX_NODES, to_html
from kg.export.pyvis import kind_style
from kg.types import Evidence
from kg.vocab import EntityKind

sys.path.insert(0, str(Path(__file__).parent))
from generate_corpus import write_corpus

__all__ = ["main", "repeated"]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]

# A slider move, timed from the input event to the next frame the network draws.
_MOVE = """async (value) => {
  const input = document.querySelector('#kg-to');
  const drawn = new Promise(resolve => kgGraph.network.once('afterDrawing', resolve));
  const started = performance.now();
  input.value = String(value);
  input.dispatchEvent(new Event('input'));
  const answered = performance.now();
  await Promise.race([drawn, new Promise(resolve => setTimeout(resolve, 2000))]);
  return {answered: answered - started, drawn: performance.now() - started,
          nodes: kgGraph.drawn.nodes.length};
}"""


def repeated(G: nx.MultiDiGraph, copies: int) -> nx.MultiDiGraph:
    """``G`` told ``copies`` times over: each copy with its own articles (``k-`` before each
    document id), events and people (``#k`` after their IRIs); the countries, offices,
    places, organisations and issues are the same nodes, with the sentences of every copy."""
    H: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    H.graph.update(G.graph)
    H.graph["documents"] = {f"{k}-{doc_id}": dataclasses.replace(info, doc_id=f"{k}-{doc_id}")
                            for k in range(copies) for doc_id, info in G.graph["documents"].items()}
    copied = {n: kind_style(d.get("kind", "")).event or d.get("kind") == EntityKind.PERSON.value
             for n, d in G.nodes(data=True)}

    def moved(evidence: tuple[Evidence, ...], k: int) -> tuple[Evidence, ...]:
        return tuple(dataclasses.replace(e, doc_id=f"{k}-{e.doc_id}") for e in evidence)

    def copy(node: str, k: int) -> str:
        return f"{node}#{k}" if copied[node] else node

    for node, data in G.nodes(data=True):
        if copied[node]:
            for k in range(copies):
                H.add_node(copy(node, k), **{**data, "evidence": moved(data.get("evidence", ()), k)})
        else:
            evidence = tuple(e for k in range(copies) for e in moved(data.get("evidence", ()), k))
            H.add_node(node, **{**data, "evidence": evidence})
    for u, v, key, data in G.edges(keys=True, data=True):
        evidence = data.get("evidence", ())
        if copied[u] or copied[v]:
            for k in range(copies):
                H.add_edge(copy(u, k), copy(v, k), key=key, **{**data, "evidence": moved(evidence, k)})
        else:
            H.add_edge(u, v, key=key, **{**data, "evidence": tuple(e for k in range(copies)
                                                                   for e in moved(evidence, k))})
    return H


def _graph(articles: int, sample: int, seed: int, workers: int, folder: Path) -> nx.MultiDiGraph:
    corpus = write_corpus(folder / "corpus", sample, seed)
    started = time.perf_counter()
    G = kg.build(corpus, kg.Settings(workers=workers))
    print(f"built {sample} generated articles in {time.perf_counter() - started:.0f} s: "
          f"{G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges")
    copies = max(1, round(articles / sample))
    return repeated(G, copies) if copies > 1 else G


def main(argv: list[str] | None = None) -> dict[str, float]:
    """Print the page's size and times; return them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--sample", type=int, default=250, help="articles built (default 250)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=600, help="seconds to wait for the page")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        G = _graph(args.articles, min(args.sample, args.articles), args.seed, args.workers, Path(tmp))
        events = sum(1 for _, d in G.nodes(data=True) if kind_style(d.get("kind", "")).event)
        print(f"graph of {len(G.graph['documents']):,} articles: {G.number_of_nodes():,} nodes "
              f"({events:,} events), {G.number_of_edges():,} edges")
        started = time.perf_counter()
        path = Path(tmp) / "graph.html"
        path.write_text(to_html(G), encoding="utf-8")
        figures = {"write_s": time.perf_counter() - started, "page_mb": path.stat().st_size / 1e6}
        print(f"page: {figures['page_mb']:.1f} MB, written in {figures['write_s']:.1f} s "
              f"(people views above {MAX_NODES} nodes open reduced)")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 1600, "height": 1000})
            context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
            page = context.new_page()
            wall = time.perf_counter()
            page.goto(path.as_uri(), timeout=args.timeout * 1000)
            page.wait_for_selector("html[data-kg-ready]", state="attached", timeout=args.timeout * 1000)
            figures["wall_ms"] = (time.perf_counter() - wall) * 1000
            timing = page.evaluate("kgGraph.timing")
            figures.update(open_ms=timing["start"], drawn_ms=timing["firstDraw"],
                           settled_ms=timing["stabilized"])
            months = int(page.evaluate("document.querySelector('#kg-to').max"))
            drawn = page.evaluate("kgGraph.drawn.nodes.length")
            half = page.evaluate(_MOVE, months // 2)
            whole = page.evaluate(_MOVE, months)
            figures.update(slider_half_ms=half["drawn"], slider_whole_ms=whole["drawn"])
            print(f"open {figures['open_ms']:.0f} ms, first drawn {figures['drawn_ms']:.0f} ms, "
                  f"settled {figures['settled_ms']:.0f} ms (wall {figures['wall_ms']:.0f} ms); "
                  f"{drawn} nodes drawn")
            print(f"slider to half the months: answered {half['answered']:.0f} ms, "
                  f"drawn {half['drawn']:.0f} ms "
                  f"({half['nodes']} nodes); back to all: answered {whole['answered']:.0f} ms, "
                  f"drawn {whole['drawn']:.0f} ms ({whole['nodes']} nodes)")
            browser.close()
    return figures


if __name__ == "__main__":
    main()
