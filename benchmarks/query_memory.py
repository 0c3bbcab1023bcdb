"""Peak memory of ``kg query`` as its result grows: it streams, so the figure stays flat.

Run from the repository root::

    .venv/bin/python benchmarks/query_memory.py                   # 50,000 and 5,000,000 rows
    .venv/bin/python benchmarks/query_memory.py --rows 1000 1000000 --formats csv

The committed ``exports/graph.ttl`` is loaded into a store in a temporary folder and
asked for every pair of its triples' subjects (a cross product, cut at ``LIMIT N``), so
any number of rows comes from a small store. Each run is a real ``kg query`` process
writing to ``/dev/null``; the figure is that process's peak resident memory (its
``ru_maxrss``), and the time it took. For comparison, ``--whole`` also measures
``kg.store.run_query`` with ``format_result`` (every row and the whole text in memory,
as ``kg query`` worked before it streamed) at the smaller sizes.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

__all__ = ["main", "peak"]

ROOT = Path(__file__).resolve().parent.parent
QUERY = "SELECT ?a ?b WHERE {{ ?a ?p ?x . ?b ?q ?y }} LIMIT {rows}"
WHOLE = """
import sys
from kg.store import format_result, run_query
sys.stdout.write(format_result(run_query(sys.argv[1], sys.argv[2]), sys.argv[3]))
"""


def peak(command: list[str]) -> tuple[float, float]:
    """Run ``command`` with its output thrown away; its peak resident memory in MB, and seconds."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if status:
        raise SystemExit(f"failed ({status}): {' '.join(command)}\n{process.stderr.read().decode()}")  # type: ignore[union-attr]
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    scale = 1 if sys.platform == "darwin" else 1024
    return usage.ru_maxrss * scale / 1e6, seconds


def main(argv: list[str] | None = None) -> int:
    """Print one line per format and result size."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[50_000, 5_000_000])
    parser.add_argument("--formats", nargs="+", default=["table", "csv", "json"])
    parser.add_argument("--whole", type=int, nargs="*", default=[50_000, 500_000], metavar="ROWS",
                        help="also measure the whole-result path at these sizes (none: skip it)")
    args = parser.parse_args(argv)
    kg = [sys.executable, "-m", "kg"]
    with tempfile.TemporaryDirectory() as folder:
        store = str(Path(folder) / "store")
        subprocess.run([*kg, "load", str(ROOT / "exports" / "graph.ttl"), "--store", store],
                       check=True, capture_output=True)
        print("kg query, peak resident memory of the process; store: exports/graph.ttl; query: "
              + QUERY.format(rows="N"))
        print(f"{'format':8}{'path':8}{'rows':>12}{'peak MB':>10}{'seconds':>10}")
        for fmt in args.formats:
            for rows in args.rows:
                mb, seconds = peak([*kg, "query", QUERY.format(rows=rows), "--store", store, "--format", fmt])
                print(f"{fmt:8}{'stream':8}{rows:>12,}{mb:>10.0f}{seconds:>10.1f}", flush=True)
            for rows in args.whole:
                mb, seconds = peak([sys.executable, "-c", WHOLE, store, QUERY.format(rows=rows), fmt])
                print(f"{fmt:8}{'whole':8}{rows:>12,}{mb:>10.0f}{seconds:>10.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
