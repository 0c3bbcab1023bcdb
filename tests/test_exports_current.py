"""``exports/`` holds what the code produces for ``seeds/``, byte for byte.

The committed exports are what a reader sees without installing anything; they must
not drift from the code. When this fails after an intended change, rebuild them with
the README's command and commit the result.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from kg.cli import main

pytestmark = pytest.mark.slow

ROOT = Path(__file__).parent.parent
COMMITTED = ROOT / "exports"
REFRESH = ".venv/bin/kg build seeds/ --out exports/"


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    """A fresh ``kg build`` of ``seeds/``, exactly as the README runs it."""
    out = tmp_path_factory.mktemp("exports")
    assert main(["build", str(seeds_dir), "--out", str(out), "--quiet"]) == 0
    return out


def _first_difference(old: bytes, new: bytes) -> str:
    diff = difflib.unified_diff(
        old.decode("utf-8", "replace").splitlines(), new.decode("utf-8", "replace").splitlines(),
        "committed", "fresh build", n=1, lineterm="",
    )
    return "\n".join(line[:160] for _, line in zip(range(12), diff, strict=False))


def _compare(fresh: Path, name: str) -> None:
    committed = COMMITTED / name
    if not committed.is_file():
        pytest.fail(f"exports/{name} is missing: run `{REFRESH}` (the README's build command) and commit it",
                    pytrace=False)
    old, new = committed.read_bytes(), (fresh / name).read_bytes()
    if old != new:
        pytest.fail(
            f"exports/{name} no longer matches what the code produces for seeds/: run `{REFRESH}` "
            f"(the README's build command) and commit the result.\n{_first_difference(old, new)}",
            pytrace=False,
        )


def test_committed_graph_ttl_matches_a_fresh_build(fresh: Path) -> None:
    _compare(fresh, "graph.ttl")


def test_every_committed_export_matches_a_fresh_build(fresh: Path) -> None:
    names = sorted(p.name for p in fresh.iterdir() if p.is_file())  # not the facts cache's folder
    assert "graph.ttl" in names
    stale = []
    for name in names:
        committed = COMMITTED / name
        if not committed.is_file() or committed.read_bytes() != (fresh / name).read_bytes():
            stale.append(name)
    if stale:
        pytest.fail(
            f"exports/ is out of date for {', '.join(stale)}: run `{REFRESH}` (the README's build command) "
            "and commit the result.", pytrace=False)


@pytest.mark.parametrize("processes", ["1", "3"])
def test_the_exports_are_the_same_however_many_processes_write_them(
    tmp_path: Path, seeds_dir: Path, processes: str
) -> None:
    out = tmp_path / "out"
    assert main(["build", str(seeds_dir), "--out", str(out), "--quiet", "--export-workers", processes]) == 0
    written = sorted(p.name for p in out.glob("[!.]*") if p.is_file())
    assert written == sorted(p.name for p in COMMITTED.glob("[!.]*") if p.is_file())
    assert all((out / name).read_bytes() == (COMMITTED / name).read_bytes() for name in written)
