"""``kg query``, ``kg load`` and ``kg --version`` start without the language model.

Each runs in a fresh Python, as the ``kg`` command would, and the modules it imported
are read from that process: a stray ``import spacy`` anywhere on the way to the store
would cost seconds on every query.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdf_graphs import tricky_graph

from kg.export.rdf import to_turtle

HEAVY = ("spacy", "networkx", "pyvis", "rdflib")
"""Libraries a query or a load does not need: the model, the graph, the page, the RDF writer."""

_RUN_AND_LIST = (
    "import json, sys\n"
    "from kg.cli import main\n"
    "try:\n"
    "    sys.exit(main(sys.argv[1:]))\n"
    "finally:\n"
    f"    sys.stderr.write(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)) + '\\n')\n"
)


def _kg(*argv: str) -> tuple[str, list[str]]:
    """Run ``kg ARGV`` in a fresh process; its standard output, and which heavy libraries it imported."""
    done = subprocess.run([sys.executable, "-c", _RUN_AND_LIST, *argv], capture_output=True, text=True,
                          check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout, json.loads(done.stderr.splitlines()[-1])


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "graph.ttl"
    path.write_text(to_turtle(tricky_graph()), encoding="utf-8")
    return path


def test_load_and_query_import_neither_the_model_nor_the_graph(export: Path, tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    _, loaded = _kg("load", str(export), "--store", store)
    assert loaded == []
    out, queried = _kg("query", "SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name } ORDER BY ?name",
                       "--store", store, "--format", "csv")
    assert out.splitlines()[1:] == ["\"Ann \"\"The Fish\"\" Lee\"", "Bo Chen", "Cy Old"]
    assert queried == []


def test_version_is_the_installed_one() -> None:
    from importlib.metadata import version

    out, imported = _kg("--version")
    assert out == f"kg {version('kg')}\n"
    assert imported == []
