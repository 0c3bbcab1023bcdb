"""The README's "How well it reads real news" figures hold: the shared scorer
(``../shared/eval/score.py``) run on a build of the dev corpus (``../shared/corpora/dev``,
its gold ``dev_gold.json``) and on a build of ``seeds/`` (gold ``tests/gold/seeds_gold.json``).

The issue's targets are asserted where they are met; a figure still short of its target
has a floor at today's value, raised as work lands, so that no change lowers it.
``../shared`` is found beside the repository root, as in the main checkout; from a
worktree elsewhere set ``KG_SHARED`` to it. Without it the dev tests skip, saying so."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

import kg
from kg.export.files import write_all
from kg.export.rdf import to_turtle

pytestmark = pytest.mark.slow

ROOT = Path(__file__).parent.parent
SHARED = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))
SEEDS_GOLD = Path(__file__).parent / "gold" / "seeds_gold.json"

# The issues' targets on the dev corpus, met today.
PEOPLE_FOUND = 0.97
PERSON_PRECISION = 0.95
OFFICE_RIGHT = 0.90
DISPUTE_ISSUES = 0.75
MEETINGS_FOUND = 0.90
MEETINGS_RIGHT = 0.75
VISITS_FOUND = 0.80
COUNTRY_RIGHT = 0.90
# The target is 0 persons split, met: no person with several full-name nodes, and no node of a
# surname alone beside the full name's (``score.py``'s "stray").
DEV_STRAY_SURNAME_NODES_CEILING = 0

# seeds/: today's figures, every one a floor.
SEEDS_FLOORS = {
    "person_recall_all": 1.0,
    "person_precision": 1.0,
    "office_accuracy": 1.0,
    "person_country_accuracy": 0.78,
    "meeting_recall": 0.90,
    "meeting_full_accuracy": 0.63,
    "visit_recall": 0.60,
    "dispute_issue_recall": 0.75,
    "evidence_offsets_ok": 1.0,
}


def _scorer() -> ModuleType:
    path = SHARED / "eval" / "score.py"
    if not path.is_file():
        pytest.skip(f"the shared scorer is not at {path} (../shared beside the repository, or set KG_SHARED)")
    spec = importlib.util.spec_from_file_location("kg_shared_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _score(corpus: Path, gold: Path, out: Path) -> dict:
    """Build ``corpus``, write its Turtle as ``kg build`` does, and score it against ``gold``."""
    score = _scorer()
    write_all(out, {"graph.ttl": to_turtle(kg.build(corpus))})
    figures = score.score(json.loads(gold.read_text(encoding="utf-8")), score.KG(out / "graph.ttl"), corpus)
    print(json.dumps({k: v for k, v in figures.items() if isinstance(v, (int, float))}))
    return figures


def _split(figures: dict) -> tuple[list, list]:
    """``score.py``'s duplicates as (people with several full-name nodes, stray surname-only nodes)."""
    strays = [d for d in figures["person_duplicates"] if d[0].endswith(" (stray)")]
    return [d for d in figures["person_duplicates"] if d not in strays], strays


@pytest.fixture(scope="module")
def dev(tmp_path_factory: pytest.TempPathFactory) -> dict:
    corpus = SHARED / "corpora" / "dev"
    if not corpus.is_dir():
        pytest.skip(f"the dev corpus is not at {corpus} (../shared beside the repository, or set KG_SHARED)")
    return _score(corpus, SHARED / "corpora" / "dev_gold.json", tmp_path_factory.mktemp("dev"))


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return _score(ROOT / "seeds", SEEDS_GOLD, tmp_path_factory.mktemp("seeds"))


def test_dev_people_found_real_and_whole(dev: dict) -> None:
    assert dev["person_recall_all"] >= PEOPLE_FOUND
    assert dev["person_precision"] >= PERSON_PRECISION, dev["person_unmatched"]
    assert dev["person_bad_canonical"] == []
    several, strays = _split(dev)
    assert several == []
    assert len(strays) <= DEV_STRAY_SURNAME_NODES_CEILING, strays


def test_dev_offices_and_countries(dev: dict) -> None:
    assert dev["office_accuracy"] >= OFFICE_RIGHT, dev["office_misses"]
    assert dev["person_country_accuracy"] >= COUNTRY_RIGHT, dev["person_country_misses"]


def test_dev_events_meet_their_targets(dev: dict) -> None:
    assert dev["meeting_recall"] >= MEETINGS_FOUND, dev["meeting_details"]
    assert dev["meeting_full_accuracy"] >= MEETINGS_RIGHT, dev["meeting_details"]
    assert dev["visit_recall"] >= VISITS_FOUND, dev["visit_details"]
    assert dev["dispute_issue_recall"] >= DISPUTE_ISSUES, dev["dispute_issues_missing"]
    assert dev["evidence_offsets_ok"] == 1.0, dev["evidence_problems"]


def test_seeds_hold_todays_figures(seeds: dict) -> None:
    below = {k: (seeds[k], floor) for k, floor in SEEDS_FLOORS.items() if seeds[k] < floor}
    why = {k: v for k, v in seeds.items() if k.endswith(("misses", "details", "missing", "unmatched"))}
    assert below == {}, why
    assert seeds["person_duplicates"] == []
    assert seeds["person_bad_canonical"] == []
