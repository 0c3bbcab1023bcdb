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
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from kg.export.html import MAX_NODES, to_html

# One generator of synthetic graphs serves the tests and this benchmark.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from html_graphs import big_graph

__all__ = ["main", "synthetic_graph"]

CHROMIUM = "/usr/bin/chromium"


def synthetic_graph(nodes: int, seed: int = 0) -> nx.MultiDiGraph:
    """A synthetic corpus graph of about ``nodes`` nodes (the tests' generator, sized by nodes)."""
    return big_graph(max(4, round(nodes / 2.22)), seed)


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
