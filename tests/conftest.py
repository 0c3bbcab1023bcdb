"""Shared fixtures.

Keep this file small: one fixture per shared resource, documented, session-scoped
when building it is expensive (parsing ``seeds/`` runs the spaCy model).
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

import kg
from kg.knowledge import Knowledge, load_knowledge

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    """What kg knows from its own data files (``kg/data``), loaded once per session."""
    return load_knowledge(None)


@pytest.fixture(scope="session")
def nlp(knowledge: Knowledge):
    """A blank English pipeline with kg's gazetteer and reconciler over the packaged data:
    no statistical model, so tests on hand-built Docs do not move when a model changes."""
    import spacy

    from kg.nlp import add_components

    return add_components(spacy.blank("en"), knowledge)


@pytest.fixture(scope="session")
def find_events(knowledge: Knowledge):
    """kg's event finder over the packaged data, for the rule tests on hand-built Docs."""
    from kg.events.find import EventFinder

    return EventFinder(knowledge)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The folder of sample articles shipped with the repository."""
    return ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds_graph(seeds_dir: Path) -> nx.MultiDiGraph:
    """The graph built from ``seeds/`` with default settings (built once per session)."""
    return kg.build(seeds_dir)


@pytest.fixture(scope="session")
def seeds_export(seeds_graph: nx.MultiDiGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the RDF exports of ``seeds_graph``: ``graph.ttl``, ``graph.nt``, ``graph.jsonld``."""
    from kg.export.files import write_all
    from kg.export.jsonld import to_jsonld
    from kg.export.ntriples import to_ntriples
    from kg.export.rdf import to_turtle

    out = tmp_path_factory.mktemp("seeds_export")
    write_all(out, {"graph.ttl": to_turtle(seeds_graph), "graph.nt": to_ntriples(seeds_graph),
                    "graph.jsonld": to_jsonld(seeds_graph)})
    return out
