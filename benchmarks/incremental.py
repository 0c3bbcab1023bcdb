"""Incremental builds: a full ``kg build`` of N generated articles, then a rebuild after adding 1% more.

The corpus comes from ``benchmarks/generate_corpus.py`` (seeded); the added articles are a
second generated corpus of N/100 articles (another seed), copied in with their
``metadata.csv`` rows, as a user adds the day's news. Both builds run as the README runs
them, ``kg build CORPUS --out OUT`` in a fresh process, with the default cache
(``OUT/.kg-cache``), and are timed from the outside: reading, parsing what is not
cached, resolution, the graph and the six exports, model loading included. The rebuild
should take at most 10% of the full build (issue 18).

Usage::

    .venv/bin/python benchmarks/incremental.py --articles 10000
    .venv/bin/python benchmarks/incremental.py --articles 1000 --check   # and compare with --no-cache
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generate_corpus import write_corpus

__all__ = ["add_articles", "main"]

TARGET = 0.10
"""The most a rebuild after adding 1% of articles may take, as a fraction of the full build."""


def add_articles(corpus: Path, extra: Path) -> int:
    """Copy the articles of corpus folder ``extra`` into ``corpus``, with their metadata rows;
    returns how many. Each is renamed ``added-NAME`` so that no name of ``corpus`` is taken."""
    with (extra / "metadata.csv").open(encoding="utf-8", newline="") as source:
        rows = list(csv.DictReader(source))
    with (corpus / "metadata.csv").open("a", encoding="utf-8", newline="") as target:
        writer = csv.writer(target)
        for row in rows:
            name = f"added-{row['file']}"
            shutil.copyfile(extra / row["file"], corpus / name)
            writer.writerow([name, row["published"], row["title"]])
    return len(rows)


def _build(corpus: Path, out: Path, workers: int, *options: str) -> tuple[float, str]:
    """Seconds ``kg build`` took in a fresh process, and its summary line."""
    command = [sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out), "--workers", str(workers),
               *options]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"kg build failed ({done.returncode}):\n{done.stderr}")
    summary = re.search(r"kg build: \d+ articles[^\r\n]*", done.stderr)
    return seconds, summary.group(0) if summary else ""


def _same_exports(one: Path, other: Path) -> bool:
    names = sorted(p.name for p in one.glob("[!.]*") if p.is_file())
    return all((one / name).read_bytes() == (other / name).read_bytes() for name in names)


def main(argv: list[str] | None = None) -> float:
    """Command line: generate, build, add 1%, rebuild; prints the times and returns their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--check", action="store_true",
                        help="also build the grown corpus with --no-cache and compare the exports")
    args = parser.parse_args(argv)
    added = max(1, args.articles // 100)
    with tempfile.TemporaryDirectory(prefix="kg-incremental-") as folder:
        root = Path(folder)
        corpus = write_corpus(root / "corpus", args.articles, args.seed)
        extra = write_corpus(root / "extra", added, args.seed + 1)
        out = root / "out"
        full, full_summary = _build(corpus, out, args.workers)
        add_articles(corpus, extra)
        rebuild, rebuild_summary = _build(corpus, out, args.workers)
        ratio = rebuild / full
        print(f"{args.articles} generated articles (seed {args.seed}), {added} added, "
              f"--workers {args.workers}")
        print(f"full build:                {full:8.1f} s   {full_summary}")
        print(f"rebuild after adding {added:>4}: {rebuild:8.1f} s   {rebuild_summary}")
        verdict = "met" if ratio <= TARGET else "NOT met"
        print(f"rebuild / full: {ratio:.1%} (target at most {TARGET:.0%}: {verdict})")
        if args.check:
            _, check_summary = _build(corpus, root / "full", args.workers, "--no-cache")
            same = _same_exports(out, root / "full")
            print(f"--no-cache build of the grown corpus: {check_summary}")
            print(f"exports byte-identical to the rebuild's: {'yes' if same else 'NO'}")
    return ratio


if __name__ == "__main__":
    main()
