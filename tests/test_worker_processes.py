"""Worker processes import nothing from the current folder, and a worker that cannot
start or dies stops the build at once with one coded line.

These run the ``kg`` command as a user does (its own process, its own current folder),
so what the workers import and how the build ends are seen from outside.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
KG = Path(sys.executable).parent / "kg"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not KG.exists(), reason="needs the kg command installed beside this Python"),
]


def _plant(folder: Path, marker: Path, package: str) -> None:
    """A ``tqdm.py`` that leaves ``marker`` if it is ever imported, and a folder named ``kg``:
    a package that leaves ``marker`` too, or a plain folder (an output folder, say)."""
    (folder / "tqdm.py").write_text(f"open({str(marker)!r}, 'w').write('tqdm')\n")
    (folder / "kg" / "data").mkdir(parents=True)
    if package == "package":
        (folder / "kg" / "__init__.py").write_text(f"open({str(marker)!r}, 'w').write('kg')\n")


def _stderr_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("package", ["package", "plain folder"])
def test_workers_import_nothing_from_the_current_folder(
    tmp_path: Path, seeds_dir: Path, package: str
) -> None:
    here, marker = tmp_path / "here", tmp_path / "imported-from-the-current-folder"
    here.mkdir()
    _plant(here, marker, package)
    done = subprocess.run([str(KG), "build", str(seeds_dir), "--out", str(tmp_path / "out"), "--quiet",
                           "--workers", "2"], cwd=here, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert not marker.exists(), marker.read_text()
    assert "Traceback" not in done.stderr
    for name in ("graph.ttl", "graph.json"):
        assert (tmp_path / "out" / name).read_bytes() == (ROOT / "exports" / name).read_bytes(), name


def test_python_m_refuses_a_folder_that_hides_the_package(tmp_path: Path, seeds_dir: Path) -> None:
    (tmp_path / "kg" / "data").mkdir(parents=True)
    command = [sys.executable, "-m", "kg", "build", str(seeds_dir), "--out", str(tmp_path / "out")]
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    (line,) = _stderr_lines(done.stderr)
    assert line.startswith("kg: error: KG008 ") and "python -P -m kg" in line
    assert not (tmp_path / "out").exists()


def test_dask_workers_import_nothing_from_the_current_folder(
    tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    distributed = pytest.importorskip("distributed", reason="needs the dask extra: pip install 'kg[dask]'")
    from kg.export.rdf import to_turtle
    from kg.flow import build
    from kg.settings import Engine, Settings

    marker = tmp_path / "imported-from-the-current-folder"
    _plant(tmp_path, marker, "package")
    monkeypatch.chdir(tmp_path)
    with distributed.LocalCluster(
        host="127.0.0.1", n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        G = build(seeds_dir, Settings(batch_size=2, engine=Engine.DASK, scheduler=cluster.scheduler_address))
    assert not marker.exists(), marker.read_text()
    assert to_turtle(G) == (ROOT / "exports" / "graph.ttl").read_text(encoding="utf-8")


def _corpus(folder: Path, articles: int) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate_corpus import write_corpus
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return write_corpus(folder, articles, seed=3)


def _workers_of(pid: int) -> list:
    """The pool's worker processes under ``pid`` (not multiprocessing's resource tracker)."""
    import psutil

    found = []
    for child in psutil.Process(pid).children(recursive=True):
        try:
            if any("spawn_main" in part for part in child.cmdline()):
                found.append(child)
        except psutil.Error:
            continue
    return found


def test_a_worker_killed_mid_build_stops_the_build_with_one_coded_line(tmp_path: Path) -> None:
    pytest.importorskip("psutil")
    corpus = _corpus(tmp_path / "corpus", 400)
    build = subprocess.Popen([str(KG), "build", str(corpus), "--out", str(tmp_path / "out"), "--quiet",
                              "--workers", "2"], stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 300
        workers: list = []
        # Mid-build: both workers up, and one has loaded the model (well over 150 MB) and parses.
        while time.monotonic() < deadline and build.poll() is None:
            workers = _workers_of(build.pid)
            if len(workers) == 2 and max(w.memory_info().rss for w in workers) > 150 * 2**20:
                break
            time.sleep(0.2)
        assert build.poll() is None, "the build ended before a worker could be killed"
        time.sleep(1)
        victim = max(workers, key=lambda w: w.memory_info().rss)
        os.kill(victim.pid, signal.SIGKILL)
        killed = time.monotonic()
        _, err = build.communicate(timeout=120)
        took = time.monotonic() - killed
    finally:
        if build.poll() is None:
            build.kill()
            build.communicate()
    assert build.returncode == 1
    (line,) = _stderr_lines(err)
    assert line.startswith("kg: error: KG006 --workers 2: a worker process was killed by SIGKILL"), line
    assert took < 30, f"the build took {took:.0f} s to stop"
    assert not (tmp_path / "out").exists()
    # The other worker was stopped too, not left running on its batch.
    assert not any(w.is_running() and w.status() != "zombie" for w in workers if w.pid != victim.pid)


def test_a_worker_that_cannot_start_stops_the_build_with_one_coded_line(
    tmp_path: Path, seeds_dir: Path
) -> None:
    # A worker that dies as it starts, before any of kg is imported: Python runs
    # sitecustomize first in every interpreter, and only workers carry this argument.
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(
        "import os, sys\nif '--multiprocessing-fork' in sys.orig_argv:\n    os._exit(3)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    started = time.monotonic()
    done = subprocess.run([str(KG), "build", str(seeds_dir), "--out", str(tmp_path / "out"), "--quiet",
                           "--workers", "2"], env=env, capture_output=True, text=True, timeout=300)
    took = time.monotonic() - started
    assert done.returncode == 1
    (line,) = _stderr_lines(done.stderr)
    assert line.startswith("kg: error: KG006 --workers 2: a worker process exited with code 3"), line
    assert took < 60, f"the build took {took:.0f} s to stop"
    assert not (tmp_path / "out").exists()
