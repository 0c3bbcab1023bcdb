"""Every SPARQL example of the README runs as pasted on a server that knows no prefixes.

The examples are the ``sparql`` code blocks and the quoted queries of ``kg query``
command lines; each runs through pyoxigraph on the committed ``exports/graph.ttl``
with no prefix predeclared (as on ``kg serve``'s Oxigraph server), and must give rows.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

ROOT = Path(__file__).resolve().parent.parent
_BLOCK = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
_QUOTED_QUERY = re.compile(r"kg query [^'\n]*'([^']*\b(?:SELECT|ASK|CONSTRUCT|DESCRIBE)\b[^']*)'")


def readme_queries(text: str) -> list[str]:
    """The SPARQL examples of a README: ``sparql`` blocks, and queries quoted in ``kg query`` commands."""
    found = []
    for language, body in _BLOCK.findall(text):
        if language == "sparql":
            found.append(body)
        elif language in ("bash", "sh"):
            found.extend(_QUOTED_QUERY.findall(body))
    return found


QUERIES = readme_queries((ROOT / "README.md").read_text(encoding="utf-8"))


def test_the_examples_are_found_in_blocks_and_command_lines() -> None:
    assert len(QUERIES) >= 2
    sample = "```bash\nkg query --store s/ 'SELECT ?x {}'\n```\n```sparql\nASK {}\n```\n"
    assert readme_queries(sample) == ["SELECT ?x {}", "ASK {}\n"]


@pytest.fixture(scope="module")
def server_like_store() -> ox.Store:
    store = ox.Store()
    store.load(path=str(ROOT / "exports" / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    return store


@pytest.mark.parametrize("query", QUERIES, ids=[q.split("SELECT")[-1][:40].strip() for q in QUERIES])
def test_each_readme_query_runs_without_predeclared_prefixes(server_like_store: ox.Store, query: str) -> None:
    result = server_like_store.query(query)  # no prefixes=: a missing PREFIX line fails here
    assert len(list(result)) > 0  # type: ignore[arg-type]
