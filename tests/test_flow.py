"""How a build runs around its stages: the garbage collector's settings while it works."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import kg.export.files
import kg.flow
from kg.cli import main
from kg.flow import COLLECTION_THRESHOLDS, build, seldom_collected


def _recording(seen: list[tuple[int, int, int]], real: Callable[..., Any]) -> Callable[..., Any]:
    """``real``, noting the collector's thresholds each time it is called."""
    def call(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.get_threshold())
        return real(*args, **kwargs)
    return call


def test_seldom_collected_restores_the_thresholds_after_an_error() -> None:
    before = gc.get_threshold()
    assert before != COLLECTION_THRESHOLDS  # the test would prove nothing otherwise
    with pytest.raises(ZeroDivisionError), seldom_collected():
        assert gc.get_threshold() == COLLECTION_THRESHOLDS
        with seldom_collected():  # nested: the outer block's setting comes back
            pass
        assert gc.get_threshold() == COLLECTION_THRESHOLDS
        1 / 0  # noqa: B018
    assert gc.get_threshold() == before


def test_a_build_collects_seldom_and_leaves_the_collector_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text("The foreign minister of Peru met the president of Chile in Lima.\n",
                                    encoding="utf-8")
    seen: list[tuple[int, int, int]] = []
    monkeypatch.setattr(kg.flow, "resolve", _recording(seen, kg.flow.resolve))
    before = gc.get_threshold()
    G = build(tmp_path)
    assert G.graph["report"].articles == 1
    assert seen == [COLLECTION_THRESHOLDS]
    assert gc.get_threshold() == before


def test_the_kg_command_writes_its_exports_collecting_seldom(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The prime minister of Japan visited Canberra on Monday.\n",
                                  encoding="utf-8")
    seen: list[tuple[int, int, int]] = []
    monkeypatch.setattr(kg.export.files, "write_all", _recording(seen, kg.export.files.write_all))
    before = gc.get_threshold()
    assert main(["build", str(corpus), "--out", str(tmp_path / "out"), "--quiet", "--no-cache"]) == 0
    assert seen == [COLLECTION_THRESHOLDS]
    assert (tmp_path / "out" / "graph.ttl").is_file()
    assert gc.get_threshold() == before
