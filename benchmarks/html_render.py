"""How long the HTML export takes to write and to draw in headless Chromium.

Run from the repository root::

    .venv/bin/python benchmarks/html_render.py            # ~300, 3,000 and 10,000 nodes
    .venv/bin/python benchmarks/html_render.py --full     # also time the unreduced view
    .venv/bin/python benchmarks/html_render.py --sizes 500 2000

For each synthetic graph it prints the time ``to_html`` takes, the page size, and,
measured inside the page from the start of navigation, when vis-network first drew
and when the layout settled and physics stopped (the page is usable from then on).
Graphs above ``kg.export.html.MAX_NODES`` open on a reduced view; ``--full`` also
times the same graph drawn whole.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from kg.export.html import MAX_NODES, to_html
from kg.types import DocumentInfo, Evidence

__all__ = ["main", "synthetic_graph"]

CHROMIUM = "/usr/bin/chromium"
R = "https://w3id.org/newskg/id/"


def synthetic_graph(nodes: int, seed: int = 0) -> nx.MultiDiGraph:
    """A corpus-like graph of about ``nodes`` nodes: people with countries and offices, and
    two-person meetings whose participants follow a skewed (few hubs, many leaves) law."""
    rng = random.Random(seed)
    n_people = max(4, round(nodes / 2.22))
    G = nx.MultiDiGraph()
    docs = [f"{i:05d}.txt" for i in range(max(5, n_people // 20))]
    G.graph["documents"] = {d: DocumentInfo(d, dt.date(2023, 6, 1 + i % 28), f"Article {i}", None, 4000, d)
                            for i, d in enumerate(docs)}

    def evidence(text: str) -> tuple[Evidence, ...]:
        return (Evidence(rng.choice(docs), 0, len(text), text),)

    countries = [R + f"country/c{i}" for i in range(max(5, n_people // 30))]
    for i, c in enumerate(countries):
        G.add_node(c, kind="country", label=f"Country {i}", aliases=[],
                   evidence=evidence(f"Country {i} said."))
    people = [R + f"person/p{i}" for i in range(n_people)]
    for i, p in enumerate(people):
        G.add_node(p, kind="person", label=f"Person {i}", aliases=[f"P. {i}"],
                   evidence=evidence(f"Person {i} said something about the talks on Sunday."))
        G.add_edge(p, rng.choice(countries), key="country")
        if i % 3 == 0:
            office = R + f"office/o{i}"
            G.add_node(office, kind="office", label=f"Minister {i}", aliases=[], evidence=())
            G.add_edge(p, office, key="holds_office")
    for i in range(int(n_people * 0.85)):
        meeting = R + f"event/m{i}"
        G.add_node(meeting, kind="meeting", label=f"meeting {i}", aliases=[],
                   date=f"2023-06-{1 + i % 28:02d}", date_precision="day", status="occurred",
                   plover="CONSULT", rules=[],
                   evidence=evidence(f"The two ministers met on day {i} to discuss trade."))
        pool = people[: max(2, int(n_people * rng.random() ** 2))]
        for person in rng.sample(pool, 2):
            G.add_edge(meeting, person, key="participant")
    return G


def _measure(browser, page_path: Path, timeout_s: float) -> dict[str, float]:
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    page = context.new_page()
    started = time.perf_counter()
    page.goto(page_path.as_uri(), timeout=timeout_s * 1000)
    page.wait_for_selector("html[data-kg-ready]", state="attached", timeout=timeout_s * 1000)
    wall = time.perf_counter() - started
    timing = page.evaluate("kgGraph.timing")
    drawn = page.evaluate("kgGraph.network.body.nodeIndices.length")
    context.close()
    return {"script": timing["start"], "first_draw": timing["firstDraw"], "settled": timing["stabilized"],
            "wall": wall * 1000, "drawn": drawn}


def main(argv: list[str] | None = None) -> int:
    """Print one line of figures per graph size."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 3000, 10000])
    parser.add_argument("--full", action="store_true", help="also time the unreduced view")
    parser.add_argument("--timeout", type=float, default=300, help="seconds per page (default 300)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    print(f"reduced view above {MAX_NODES} nodes; times in ms from navigation start (headless Chromium)")
    print(f"{'nodes':>6} {'edges':>6} {'view':>8} {'drawn':>6} {'to_html':>8} {'MB':>5} "
          f"{'script':>7} {'1st draw':>9} {'settled':>8}")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run"])
        for size in args.sizes:
            G = synthetic_graph(size)
            views = [("default", MAX_NODES)]
            if args.full and G.number_of_nodes() > MAX_NODES:
                views.append(("full", sys.maxsize))
            for view, max_nodes in views:
                started = time.perf_counter()
                page = to_html(G, max_nodes=max_nodes)
                export_ms = (time.perf_counter() - started) * 1000
                path = Path(tmp) / f"graph-{size}-{view}.html"
                path.write_text(page, encoding="utf-8")
                m = _measure(browser, path, args.timeout)
                print(f"{G.number_of_nodes():>6} {G.number_of_edges():>6} {view:>8} {m['drawn']:>6} "
                      f"{export_ms:>8.0f} {len(page.encode()) / 1e6:>5.1f} {m['script']:>7.0f} "
                      f"{m['first_draw']:>9.0f} {m['settled']:>8.0f}", flush=True)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
