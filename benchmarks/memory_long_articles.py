"""Peak memory of ``kg build`` on one long article, for articles of growing length.

Each article is one ``.txt`` file of unique text: the paragraphs of generated news
(``generate_corpus.generate``: invented people, real countries and titles), each
paragraph kept only the first time it is made, until the file has the size asked for
(in bytes of UTF-8, as ``--max-bytes`` counts them). Each size is built by the ``kg``
command in a fresh process at ``--workers 1``, and that process's peak resident memory
is read from the kernel (``wait4``), so nothing else on the machine is counted.

Usage::

    .venv/bin/python benchmarks/memory_long_articles.py                 # 1, 4 and 16 MB
    .venv/bin/python benchmarks/memory_long_articles.py --sizes 0.01 1  # MB, 1 MB = 10**6 bytes

It prints one row per size: the bytes, the words ``kg build`` counted, the nodes of
the graph, the seconds, and the peak memory in MB. This is a measurement, not a test:
it takes about a minute per MB on a two-core machine.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate_corpus import generate

__all__ = ["long_article", "measure"]

_SUMMARY = re.compile(r"kg build: (\d+) articles, (\d+) words")
_NODES = re.compile(r"nodes: (.*)")


def long_article(size: int, seed: int = 7) -> str:
    """Unique text of ``size`` bytes of UTF-8 or just under: a title and one paragraph a line."""
    seen: set[str] = set()
    lines = [f"A long record of talks, {size:,} bytes"]
    used = len(lines[0].encode("utf-8")) + 1
    # Enough generated articles for the size; each gives a few paragraphs not seen before.
    for article in generate(max(1, size // 400), seed):
        for line in article.text.splitlines()[1:]:
            if line in seen:
                continue
            cost = len(line.encode("utf-8")) + 1
            if used + cost > size:
                return "\n".join(lines) + "\n"
            seen.add(line)
            lines.append(line)
            used += cost
    return "\n".join(lines) + "\n"


def measure(size: int, root: Path) -> dict[str, float]:
    """Write an article of ``size`` bytes under ``root`` and build it with the ``kg`` command
    in a process of its own: its bytes, words, nodes, seconds and peak memory in MB."""
    folder = root / f"{size}"
    folder.mkdir()
    article = folder / "long.txt"
    article.write_text(long_article(size), encoding="utf-8")
    kg = Path(sys.executable).parent / "kg"
    started = time.perf_counter()
    build = subprocess.Popen([str(kg), "build", str(folder), "--out", str(root / f"out-{size}"),
                              "--workers", "1"], stderr=subprocess.PIPE, text=True)
    assert build.stderr is not None
    err = build.stderr.read()
    # wait4 reaps this one process and returns its own peak, not the largest of all children.
    _, status, usage = os.wait4(build.pid, 0)
    build.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    if build.returncode:
        raise SystemExit(f"kg build failed on {size:,} bytes:\n{err}")
    words = _SUMMARY.search(err)
    nodes = _NODES.search(err)
    return {
        "bytes": float(article.stat().st_size),
        "words": float(words[2]) if words else 0.0,
        "nodes": float(sum(int(n) for n in re.findall(r"\d+", nodes[1]))) if nodes else 0.0,
        "seconds": seconds,
        "peak_mb": usage.ru_maxrss / 1024,  # KB on Linux
    }


def main() -> None:
    """Command line: build one article of each size and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 4, 16], metavar="MB",
                        help="article sizes in MB of UTF-8 (10**6 bytes); default 1 4 16")
    args = parser.parse_args()
    print(f"{'MB':>6} {'bytes':>12} {'words':>10} {'nodes':>7} {'seconds':>8} {'peak MB':>8}", flush=True)
    with tempfile.TemporaryDirectory(prefix="kg-long-") as tmp:
        for mb in args.sizes:
            row = measure(int(mb * 1_000_000), Path(tmp))
            print(f"{mb:>6g} {row['bytes']:>12,.0f} {row['words']:>10,.0f} {row['nodes']:>7,.0f} "
                  f"{row['seconds']:>8.0f} {row['peak_mb']:>8.0f}", flush=True)


if __name__ == "__main__":
    main()
