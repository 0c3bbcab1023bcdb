"""Throughput of ``kg build`` against spaCy alone, on the same generated texts, in one run.

For each corpus size it prints raw ``nlp.pipe`` words per second (the model alone),
``kg build`` words per second end to end (reading, parsing, extraction, resolution,
graph, and the six exports written to files as ``kg build`` writes them, model
loading included) with 1 and N workers, their ratios to raw spaCy, seconds per
stage, peak memory, and how time grows with size.
Every measurement runs in a fresh process, so peak memory is its own.

Usage::

    .venv/bin/python benchmarks/throughput.py --sizes 100 1000 10000

``--repeat N`` runs every configuration N times, in turns, and reports the median
run of each: this machine's speed drifts by several percent over minutes, as much as
the ratios being measured.

Corpora are generated once (``benchmarks/generate_corpus.py``, seeded) into
``--corpora`` and reused. ``--configs`` picks measurements: ``raw`` (spaCy model
alone), ``kg1`` and ``kgN`` (``kg build`` with 1 and ``--workers`` processes),
``spacy-mp`` (kg's components and extraction fed by ``nlp.pipe(n_process=N)``,
the alternative the process pool replaces).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).parent
CONFIGS = ("raw", "kg1", "kgN", "spacy-mp")


class _TreeMemory:
    """Samples the resident memory of every descendant process (pool workers are the
    forkserver's children, not ours, so ``RUSAGE_CHILDREN`` cannot see them)."""

    def __init__(self, interval: float = 0.2) -> None:
        self.peak_worker_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, args=(interval,), daemon=True)

    def _sample(self, interval: float) -> None:
        try:
            import psutil
        except ImportError:
            return
        me = psutil.Process()
        while not self._stop.wait(interval):
            for proc in me.children(recursive=True):
                try:
                    self.peak_worker_mb = max(self.peak_worker_mb, proc.memory_info().rss / 2**20)
                except psutil.Error:
                    continue

    def __enter__(self) -> _TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _peak_mb() -> float:
    """Peak resident memory of this process, in MB (``ru_maxrss`` is in KB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _words(doc) -> int:  # a spaCy Doc (spaCy is imported lazily)
    return sum(1 for t in doc if not t.is_space and not t.is_punct)


def _run_raw(folder: Path, workers: int) -> dict:
    import spacy

    from kg.settings import DEFAULT_MODEL

    started = time.perf_counter()
    nlp = spacy.load(DEFAULT_MODEL)
    loaded = time.perf_counter()
    texts = (p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt")))
    words = sum(_words(doc) for doc in nlp.pipe(texts, batch_size=32))
    done = time.perf_counter()
    # Raw throughput leaves out loading the model: the most favourable figure for spaCy.
    return {"words": words, "seconds": done - loaded, "stages": {"load": loaded - started,
                                                                 "read+parse": done - loaded}}


def _write_exports(G, stages: dict) -> int:
    """Write the six exports as ``kg build`` does (streamed, atomically); time each. Returns bytes."""
    import tempfile

    from kg.export import export_files
    from kg.export.files import write_all

    written = 0
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as out:
        for name, pieces in export_files(G).items():
            started = time.perf_counter()
            (path,) = write_all(Path(out), {name: pieces})
            stages[f"export {name.removeprefix('graph.')}"] = time.perf_counter() - started
            written += path.stat().st_size
    return written


def _run_kg(folder: Path, workers: int) -> dict:
    from kg.flow import build
    from kg.settings import Settings

    started = time.perf_counter()
    G = build(folder, Settings(workers=workers))
    built = time.perf_counter()
    report = G.graph["report"]
    stages = dict(report.stages)
    stages["build (wall)"] = built - started
    written = _write_exports(G, stages)
    done = time.perf_counter()
    return {"words": report.words, "seconds": done - started, "stages": stages,
            "nodes": G.number_of_nodes(), "edges": G.number_of_edges(), "bytes": written}


def _run_spacy_mp(folder: Path, workers: int) -> dict:
    from kg.facts import FactFinder
    from kg.flow import graph_from_facts
    from kg.knowledge import load_knowledge
    from kg.nlp import load_pipeline
    from kg.settings import Settings
    from kg.sources import read_corpus
    from kg.types import Article

    settings = Settings()
    started = time.perf_counter()
    knowledge = load_knowledge(settings.data_dir)
    nlp = load_pipeline(settings, knowledge)
    find_facts = FactFinder(knowledge)
    articles = (a for a in read_corpus(folder, settings, knowledge) if isinstance(a, Article))
    facts = [
        find_facts(doc, article)
        for doc, article in nlp.pipe(((a.body, a) for a in articles), as_tuples=True, batch_size=32,
                                     n_process=workers)
    ]
    extracted = time.perf_counter()
    G = graph_from_facts(facts, settings, knowledge=knowledge)
    _write_exports(G, {})
    done = time.perf_counter()
    return {"words": sum(f.words for f in facts), "seconds": done - started,
            "stages": {"parse+extract (wall)": extracted - started, "graph+export": done - extracted}}


def _child(config: str, folder: Path, workers: int) -> None:
    run = {"raw": _run_raw, "kg1": _run_kg, "kgN": _run_kg, "spacy-mp": _run_spacy_mp}[config]
    with _TreeMemory() as memory:
        result = run(folder, 1 if config == "kg1" else workers)
    result["peak_mb"] = _peak_mb()
    result["children_peak_mb"] = memory.peak_worker_mb
    print(json.dumps(result))


def _measure(config: str, folder: Path, workers: int) -> dict:
    output = subprocess.run(
        [sys.executable, __file__, "--child", config, "--folder", str(folder), "--workers", str(workers)],
        check=True, capture_output=True, text=True,
    )
    return json.loads(output.stdout.strip().splitlines()[-1])


def _corpus(root: Path, size: int, seed: int) -> Path:
    sys.path.insert(0, str(HERE))
    from generate_corpus import write_corpus

    folder = root / f"{size}-seed{seed}"
    if not (folder / "metadata.csv").exists():
        write_corpus(folder, size, seed)
    return folder


def _machine() -> str:
    import spacy

    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GB RAM, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}, spaCy {spacy.__version__}")


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def main() -> None:
    """Generate the corpora, measure every configuration, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--workers", type=int, default=2, help="processes for the kgN and spacy-mp runs")
    parser.add_argument("--configs", nargs="+", choices=CONFIGS, default=["raw", "kg1", "kgN"])
    parser.add_argument("--repeat", type=int, default=1,
                        help="rounds of all configurations per size; the median run of each is reported")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--corpora", type=Path, default=Path("/tmp/kg-bench"))
    parser.add_argument("--child", choices=CONFIGS, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.folder, args.workers)
        return

    n = args.workers
    names = {"raw": "raw spaCy", "kg1": "kg build, 1 worker", "kgN": f"kg build, {n} workers",
             "spacy-mp": f"kg + nlp.pipe(n_process={n})"}
    print(f"machine: {_machine()}")
    print(f"load average at start: {_load()}")
    results: dict[int, dict[str, dict]] = {}
    for size in args.sizes:
        folder = _corpus(args.corpora, size, args.seed)
        runs: dict[str, list[dict]] = {config: [] for config in args.configs}
        # Rounds of every configuration in turn, so a machine that slows down or speeds
        # up over minutes weighs on all of them alike; the median run of each is kept.
        for _ in range(args.repeat):
            for config in args.configs:
                r = _measure(config, folder, n)
                runs[config].append(r)
                print(f"  {size:>6} articles  {names[config]:<28} {r['words']:>9,} words"
                      f"  {r['seconds']:8.1f} s  {r['words'] / r['seconds']:8.0f} words/s"
                      f"  peak {r['peak_mb']:6.0f} MB (workers {r['children_peak_mb']:.0f} MB)", flush=True)
        results[size] = {config: _median(found) for config, found in runs.items()}
    print(f"load average at end: {_load()}")

    print("\nthroughput (words per second; ratio to raw spaCy, model loading counted for kg only)")
    header = f"{'articles':>8} " + "".join(f"{names[c]:>30}" for c in args.configs)
    print(header)
    for size, by_config in results.items():
        raw = by_config.get("raw")
        cells = []
        for config in args.configs:
            r = by_config[config]
            rate = r["words"] / r["seconds"]
            ratio = f" ({rate / (raw['words'] / raw['seconds']):.2f}x)" if raw and config != "raw" else ""
            cells.append(f"{rate:>21.0f}{ratio:>9}")
        print(f"{size:>8} " + "".join(cells))

    print("\nseconds per stage (parse and extract are summed over worker processes)")
    for config in args.configs:
        for size, by_config in results.items():
            stages = by_config[config]["stages"]
            print(f"  {names[config]:<28} {size:>6}: " + ", ".join(f"{k} {v:.2f}" for k, v in stages.items()))

    print("\npeak resident memory, MB (parent process / largest worker process)")
    for size, by_config in results.items():
        print(f"  {size:>6}: " + ", ".join(
            f"{names[c]} {r['peak_mb']:.0f}/{r['children_peak_mb']:.0f}" for c, r in by_config.items()))

    sizes = list(results)
    if len(sizes) > 1:
        print("\nscaling: time(large) / time(small) per stage, against the ratio of articles")
        print("(linear means equal; the issue allows 12x time for 10x articles; '!' marks a stage")
        print("growing more than 1.2 times faster than the corpus, '~' one under 0.05 s, too short to judge)")
        for small, large in itertools.pairwise(sizes):
            size_ratio = large / small
            for config in args.configs:
                t = results[large][config]["seconds"] / results[small][config]["seconds"]
                print(f"  {names[config]:<28} {small} -> {large} articles ({size_ratio:.1f}x): "
                      f"{t:.1f}x time{_flag(t, size_ratio, results[small][config]['seconds'])}")
                stages_small = results[small][config]["stages"]
                stages_large = results[large][config]["stages"]
                for stage, before in stages_small.items():
                    if stage in stages_large and before > 0:
                        ratio = stages_large[stage] / before
                        print(f"      {stage:<22} {before:8.2f} s -> {stages_large[stage]:8.2f} s"
                              f"  {ratio:5.1f}x{_flag(ratio, size_ratio, before)}")


def _median(runs: list[dict]) -> dict:
    """The run with the median time (the lower middle one of an even number)."""
    return sorted(runs, key=lambda r: r["seconds"])[(len(runs) - 1) // 2]


def _flag(ratio: float, size_ratio: float, seconds: float) -> str:
    """A mark for a time ratio: superlinear ('!'), or too short a time to say ('~')."""
    if seconds < 0.05:
        return " ~"
    return " !" if ratio > 1.2 * size_ratio else ""


if __name__ == "__main__":
    main()
