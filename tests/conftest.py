"""Shared fixtures.

Keep this file small: one fixture per shared resource, documented, session-scoped
when building it is expensive (parsing ``seeds/`` runs the spaCy model).
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

import kg

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The folder of sample articles shipped with the repository."""
    return ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds_graph(seeds_dir: Path) -> nx.MultiDiGraph:
    """The graph built from ``seeds/`` with default settings (built once per session)."""
    return kg.build(seeds_dir)
