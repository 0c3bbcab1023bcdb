"""Fuzzing the whole build: arbitrary Unicode, control characters, markup and raw bytes
as articles, through ``kg.build`` with the real model and every exporter.

Whatever the articles hold, the build must not crash, and every export must read
back: Turtle, N-Triples and JSON-LD through rdflib (Turtle also through Oxigraph and
rapper), GraphML through networkx, node-link JSON back into an equal graph, and the
HTML page's JSON data must parse with no text escaping its script element. Every
mention must still be its document's text between its offsets.

The model is loaded once for the module (``kg.nlp.load_pipeline`` is patched to
hand back the loaded pipeline); everything else runs as in a real build.
"""

from __future__ import annotations

import io
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from rdf_graphs import rapper_count
from rdflib import Graph

import kg
from kg.export.graphml import to_graphml
from kg.export.html import to_html
from kg.export.jsonld import to_jsonld
from kg.export.nodelink import from_node_link, to_node_link
from kg.export.ntriples import to_ntriples
from kg.export.rdf import to_turtle
from kg.settings import Settings
from kg.sources import read_corpus
from kg.types import Article
from kg.vocab import EventKind

pytestmark = pytest.mark.slow

# Sentences the model turns into people, offices, countries and events, so the fuzz
# reaches resolution, events and every exporter, not only the reader.
NEWS = (
    "Foreign Minister Anna Moreau met Zhou Min in Beijing on Monday. ",
    "Moreau said the talks with Zhou were candid. ",
    "US Secretary of State Tom Reyes will visit Paris next week. ",
    "China accused Japan of violating its airspace over the islands. ",
    "President Li Wen spoke by phone with Chancellor Erik Berg on Tuesday. ",
    "The two sides agreed to cooperate on climate change and trade. ",
    "\n\n",
)
MARKUP = (
    "<script>alert(1)</script>", "</script>", "<!--", "-->", "<p>", "</p>", "<html>", "<body>",
    "&amp;", "&lt;", "&#0;", "&#x1F600;", "]]>", '"""', "'''", "\\", "\\u0000", "\\n",
    "@prefix x: <y> .", "<http://x>", "{{ x }}", "${x}", "\u2028", "\u2029", "\x85", "\u202e",
    "\ufeff", "\ufffe", "\x00", "\x1b[31m", "\r", "\r\n", "\t", "\x0b", "\x0c", "🙂", "🇺🇸", "𝔸",
    "e\u0301", "\u200b", "ﬁ", "İ", "ß", "Dr.", "Mr. ", "U.S.", "...", "—", "“", "”", "’",
)
CHUNK = st.one_of(
    st.sampled_from(NEWS),
    st.sampled_from(MARKUP),
    st.text(max_size=30),  # any Unicode but lone surrogates (UTF-8 cannot hold them)
    st.text(alphabet=st.characters(max_codepoint=0x9F), max_size=10),  # controls and ASCII
)
ARTICLE = st.lists(CHUNK, max_size=30).map("".join)
FILE = st.one_of(
    ARTICLE.map(lambda text: text.encode("utf-8")),
    ARTICLE.map(lambda text: text.encode("utf-16")),
    st.binary(max_size=300),
)
EVENT_KINDS = {kind.value for kind in EventKind}
_DATA = re.compile(r'<script type="application/json" id="kg-data">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def build() -> Iterator[Callable[[Path], nx.MultiDiGraph]]:
    """``kg.build`` with the model loaded once for all examples."""
    from kg.knowledge import load_knowledge
    from kg.nlp import load_pipeline

    nlp = load_pipeline(Settings(), load_knowledge(None))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("kg.nlp.load_pipeline", lambda settings, knowledge: nlp)
        yield kg.build


def check_exports(G: nx.MultiDiGraph, texts: dict[str, str], folder: Path) -> None:
    """Every export of ``G`` reads back, and every mention is its document's text."""
    for node, data in G.nodes(data=True):
        for evidence in data["evidence"]:
            assert texts[evidence.doc_id][evidence.start:evidence.end] == evidence.text, (node, evidence)

    turtle = to_turtle(G)
    parsed = Graph().parse(data=turtle, format="turtle")
    (folder / "graph.ttl").write_text(turtle, encoding="utf-8")
    quads = list(pyoxigraph.parse(path=str(folder / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(quads) == len(parsed)
    assert rapper_count(folder / "graph.ttl") == len(parsed)

    ntriples = to_ntriples(G)
    assert len(Graph().parse(data=ntriples, format="nt")) == len(parsed) == len(ntriples.splitlines())
    assert len(Graph().parse(data=to_jsonld(G), format="json-ld")) == len(parsed)

    H = nx.read_graphml(io.StringIO(to_graphml(G)), force_multigraph=True)
    assert set(H.nodes) == set(G.nodes) and H.number_of_edges() == G.number_of_edges()
    assert dict(from_node_link(to_node_link(G)).nodes(data=True)) == dict(G.nodes(data=True))

    page = to_html(G)
    assert page.count("</script") == 3  # the page's own scripts: no text closed one
    (block,) = _DATA.findall(page)
    data = json.loads(block)
    assert set(data["info"]) == set(G.nodes)
    assert all(data["info"][n]["name"] == d["label"] for n, d in G.nodes(data=True))


def _texts(folder: Path) -> dict[str, str]:
    """Each usable article's text as read: what the mention offsets refer to."""
    return {item.doc_id: item.text for item in read_corpus(folder, Settings()) if isinstance(item, Article)}


# KG_FUZZ_EXAMPLES=2000 for a longer hunt; 30 keeps the suite fast.
@settings(max_examples=int(os.environ.get("KG_FUZZ_EXAMPLES", "30")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(files=st.lists(FILE, min_size=1, max_size=3))
def test_any_articles_build_and_export_cleanly(build, files: list[bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for i, content in enumerate(files):
            (folder / f"{i}.txt").write_bytes(content)
        G = build(folder)
        texts = _texts(folder)
        report = G.graph["report"]
        assert report.articles == len(texts)
        assert report.skipped == len(files) - len(texts)
        # Shown by --hypothesis-show-statistics: how often the fuzz reaches people and events.
        kinds = {d["kind"] for _, d in G.nodes(data=True)}
        event(f"people: {'person' in kinds}, events: {bool(kinds & EVENT_KINDS)}")
        check_exports(G, texts, Path(tmp))


def test_the_fuzz_reaches_events_and_every_exporter(build, tmp_path: Path) -> None:
    """The news sentences among the fuzz do make people and events (else the fuzz tests little)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("".join(NEWS) + "".join(MARKUP[:20]), encoding="utf-8")
    G = build(folder)
    kinds = {d["kind"] for _, d in G.nodes(data=True)}
    assert {"person", "meeting"} <= kinds, kinds
    check_exports(G, _texts(folder), tmp_path)
