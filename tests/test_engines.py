"""Where extraction runs never changes the result: one process, a pool, or a Dask cluster."""

from __future__ import annotations

import dataclasses
import os
import sys
from pathlib import Path

import pytest

from kg.engines import _ordered, check_engine, run_batches
from kg.errors import KgError
from kg.export.rdf import to_turtle
from kg.flow import build
from kg.settings import Engine, Settings

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def one_process_turtle(seeds_dir: Path) -> str:
    """Turtle of ``seeds/`` built in this process (batches of 2 so several batches are in flight)."""
    return to_turtle(build(seeds_dir, Settings(batch_size=2)))


def test_ordered_keeps_submission_order_with_a_bounded_window() -> None:
    submitted: list[int] = []

    def submit(item: int) -> int:
        submitted.append(item)
        return item

    seen = []
    for result in _ordered(submit, lambda x: x * 10, range(7), window=3):
        # Never more than the window submitted ahead of what was handed back.
        assert len(submitted) - len(seen) <= 3
        seen.append(result)
    assert seen == [0, 10, 20, 30, 40, 50, 60]


def test_bad_engine_settings_are_coded_errors() -> None:
    with pytest.raises(KgError, match="KG005"):
        run_batches([], Settings(workers=0))
    with pytest.raises(KgError, match="KG005"):
        run_batches([], Settings(engine="spark"))
    with pytest.raises(KgError, match="KG003"):
        run_batches([], Settings(engine=Engine.DASK))


@pytest.mark.parametrize("address", [
    "tcp://10.0.0.5:8786", "10.0.0.5:8786", "tls://scheduler.example.org:8786", "tcp://[::1]:8786",
    "scheduler:8786/",
])
def test_a_scheduler_address_with_a_port_is_accepted(address: str) -> None:
    check_engine(Settings(engine=Engine.DASK, scheduler=address))


@pytest.mark.parametrize("address", [
    "127.0.0.1", "tcp://127.0.0.1", "tcp://127.0.0.1:", "127.0.0.1:0", "127.0.0.1:70000", "tpc://127.0.0.1:8786",
    ":8786", "http://127.0.0.1:8786/status", "10.0.0.5 8786",
])
def test_a_scheduler_address_dask_cannot_connect_to_is_refused(address: str) -> None:
    with pytest.raises(KgError, match="KG007") as refused:
        check_engine(Settings(engine=Engine.DASK, scheduler=address))
    assert "HOST:PORT" in str(refused.value) and "\n" not in str(refused.value)


def test_cli_refuses_a_scheduler_without_a_port_before_reading_anything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import importlib

    from kg.cli import main

    def parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the build started before the scheduler address was checked")

    # Dask would try the address for a minute and end in a traceback.
    monkeypatch.setattr(importlib.import_module("kg.flow"), "build", parse)
    argv = ["build", str(ROOT / "seeds"), "--out", str(tmp_path / "out"), "--engine", "dask",
            "--scheduler", "127.0.0.1"]
    assert main(argv) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("kg: error: KG007 --scheduler: '127.0.0.1' ")


def test_kg_error_survives_pickling() -> None:
    # Errors raised in a worker process come back to the parent pickled.
    import pickle

    error = pickle.loads(pickle.dumps(KgError("KG001", "model", "install it")))
    assert (error.code, error.path, error.message) == ("KG001", "model", "install it")


@pytest.mark.slow
def test_two_workers_give_byte_identical_turtle(seeds_dir: Path, one_process_turtle: str) -> None:
    before = os.environ.get("PYTHONSAFEPATH")
    G = build(seeds_dir, Settings(batch_size=2, workers=2))
    assert G.graph["report"].articles == 5
    assert to_turtle(G) == one_process_turtle
    # The workers' start-up setting is not left behind for the programs this process runs later.
    assert os.environ.get("PYTHONSAFEPATH") == before


@pytest.mark.slow
def test_dask_engine_gives_byte_identical_turtle(seeds_dir: Path, one_process_turtle: str) -> None:
    distributed = pytest.importorskip("distributed", reason="needs the dask extra: pip install 'kg[dask]'")
    with distributed.LocalCluster(
        host="127.0.0.1", n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        settings = Settings(batch_size=2, engine=Engine.DASK, scheduler=cluster.scheduler_address)
        G = build(seeds_dir, settings)
    stages = dict(G.graph["report"].stages)
    assert stages["parse"] > 0 and stages["resolve"] > 0
    assert to_turtle(G) == one_process_turtle


@pytest.mark.slow
def test_cli_workers_flag_gives_the_same_files(seeds_dir: Path, tmp_path: Path) -> None:
    import subprocess

    outs = []
    for workers in ("1", "2"):
        out = tmp_path / workers
        subprocess.run(
            [sys.executable, "-m", "kg", "build", str(seeds_dir), "--out", str(out), "--quiet",
             "--workers", workers],
            check=True, cwd=ROOT, timeout=300,
        )
        outs.append(out)
    for name in ("graph.ttl", "graph.html"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name


def test_settings_carry_engine_fields() -> None:
    settings = dataclasses.replace(Settings(), engine=Engine.DASK, scheduler="tcp://127.0.0.1:8786")
    assert (settings.engine, settings.scheduler, settings.workers) == ("dask", "tcp://127.0.0.1:8786", 1)
