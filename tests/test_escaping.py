"""Names, aliases, sentences, titles and file names full of quotes, backslashes, ``<>``,
newlines and emoji survive into every export exactly: each export is parsed back with
a real parser and the string values compared, and none of them lets the text break
out of its quoting (a Turtle string, an N-Triples line, an XML element, a script)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
from rdf_graphs import rapper_count
from rdflib import RDFS, Graph, URIRef
from rdflib.namespace import DCTERMS, SKOS

from kg.export.graphml import SEPARATOR, to_graphml
from kg.export.html import to_html
from kg.export.jsonld import to_jsonld
from kg.export.namespace import KG
from kg.export.nodelink import from_node_link, to_node_link
from kg.export.ntriples import to_ntriples
from kg.export.rdf import document_iri, to_turtle
from kg.export.turtle import escape_string
from kg.iri import mint
from kg.types import DocumentInfo, Evidence

NAMES = (
    'Ann "The Fish" O\'Lee',
    "Bo \\ Chen \\n \\u0041 \\",
    "Cy <b>Old</b> & Co <!-- x --> ]]> &amp;",
    "Di\nNew Line",
    "Ed 🙂🇺🇸 Emoji 𝔸 北京 Zoë",
    "Fay </script><script>alert(1)</script>",
    "Gus \r\n Car\rriage\tTab",
    "Hal \u2028 line \u2029 separators \x85 and \u202e override",
    'Ivy """triple""" \'\'\'quotes\'\'\' {{ x }} ${y} `z`',
)
"""Names that break careless writers; each is also an alias and part of a sentence."""

SENTENCE = 'She said "{name}" said \\ <that> \n on Monday 🙂.'
DOC = 'a "quoted" <file> \\ 🙂 name.txt'
TITLE = 'Title "with" <i>markup</i> \\ and\nnewline 🙂 </script>'
TEMPLATE = "{{ name }} {% if x %}"


def _sentences() -> list[str]:
    return [SENTENCE.format(name=name) for name in NAMES]


def nasty_graph() -> nx.MultiDiGraph:
    """One person per nasty name (with aliases and a sentence as evidence), an office they hold."""
    sentences = _sentences()
    text = "\n".join(sentences)
    G = nx.MultiDiGraph()
    G.graph["documents"] = {DOC: DocumentInfo(DOC, dt.date(2023, 6, 18), TITLE, "https://example.org/?a=1&b=<2>",
                                              len(text), "digest")}
    G.graph["kg_version"] = "0.1.0"
    office = mint("office", "Envoy")
    G.add_node(office, kind="office", label=TEMPLATE, aliases=[], evidence=(Evidence(DOC, 0, 1, text[0]),))
    start = 0
    for i, (name, sentence) in enumerate(zip(NAMES, sentences, strict=True)):
        evidence = Evidence(DOC, start, start + len(sentence), sentence)
        assert text[evidence.start:evidence.end] == sentence
        person = mint("person", f"person {i}")
        G.add_node(person, kind="person", label=name, aliases=[f"alias of {name}", name + "!"],
                   evidence=(evidence,))
        G.add_edge(person, office, key="holds_office", evidence=(evidence,))
        start += len(sentence) + 1
    return G


def _people(G: nx.MultiDiGraph) -> dict[str, dict]:
    return {node: data for node, data in G.nodes(data=True) if data["kind"] == "person"}


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return nasty_graph()


# ------------------------------------------------------------------ RDF: Turtle, N-Triples, JSON-LD


def _check_rdf(parsed: Graph, G: nx.MultiDiGraph) -> None:
    """Every label, alias, sentence, title and file name comes back exactly."""
    for node, data in G.nodes(data=True):
        assert [str(o) for o in parsed.objects(URIRef(node), RDFS.label)] == [data["label"]]
        aliases = {str(o) for o in parsed.objects(URIRef(node), SKOS.altLabel)}
        assert aliases == set(data["aliases"]) - {data["label"]}
    assert set(_sentences()) <= {str(o) for o in parsed.objects(None, KG.text)}
    doc = URIRef(document_iri(DOC))
    assert str(parsed.value(doc, DCTERMS.title)) == TITLE
    assert str(parsed.value(doc, KG.source)) == DOC


@pytest.mark.parametrize(("export", "rdflib_format", "oxigraph_format", "rapper_syntax"), [
    (to_turtle, "turtle", pyoxigraph.RdfFormat.TURTLE, "turtle"),
    (to_ntriples, "nt", pyoxigraph.RdfFormat.N_TRIPLES, "ntriples"),
    (to_jsonld, "json-ld", pyoxigraph.RdfFormat.JSON_LD, None),
], ids=["turtle", "ntriples", "jsonld"])
def test_rdf_exports_give_back_every_string(graph, export, rdflib_format, oxigraph_format, rapper_syntax,
                                            tmp_path: Path) -> None:
    path = tmp_path / "graph"
    path.write_text(export(graph), encoding="utf-8")
    parsed = Graph().parse(path, format=rdflib_format)
    _check_rdf(parsed, graph)
    quads = list(pyoxigraph.parse(path=str(path), format=oxigraph_format))
    assert len(quads) == len(parsed)
    assert set(NAMES) <= {q.object.value for q in quads if q.predicate.value == str(RDFS.label)}
    if rapper_syntax:
        assert rapper_count(path, rapper_syntax) == len(parsed)


def test_ntriples_keeps_one_triple_per_line_whatever_the_text(graph) -> None:
    text = to_ntriples(graph)
    # Every line-splitting convention (\n only, or Python's, which also splits on
    # \r, \x85, \u2028, \u2029...) sees the same lines: no break character is left raw.
    assert text.split("\n")[:-1] == text.splitlines()
    assert len(text.splitlines()) == len(Graph().parse(data=text, format="nt"))


# ------------------------------------------------------------------ GraphML


def test_graphml_gives_back_every_label_and_alias(graph) -> None:
    H = nx.read_graphml(io.StringIO(to_graphml(graph)), force_multigraph=True)
    for node, data in graph.nodes(data=True):
        assert H.nodes[node]["label"] == data["label"]
        if data["aliases"]:
            assert H.nodes[node]["aliases"].split(SEPARATOR) == data["aliases"]
        assert H.nodes[node]["documents"] == DOC


# ------------------------------------------------------------------ node-link JSON


def test_node_link_gives_back_everything(graph) -> None:
    H = from_node_link(to_node_link(graph))
    assert dict(H.nodes(data=True)) == dict(graph.nodes(data=True))
    assert H.graph["documents"] == graph.graph["documents"]


# ------------------------------------------------------------------ HTML

_DATA = re.compile(r'<script type="application/json" id="kg-data">(.*?)</script>', re.S)


def test_html_gives_back_every_string_and_no_text_leaves_the_json_block(graph) -> None:
    page = to_html(graph)
    assert page.count("</script") == 3  # the page's own: no text closed one
    (block,) = _DATA.findall(page)
    assert "<" not in block and ">" not in block and "&" not in block
    data = json.loads(block)
    for node, data_ in _people(graph).items():
        entry = data["info"][node]
        assert entry["name"] == data_["label"]
        assert entry["aliases"] == data_["aliases"]
        assert [text for _, text, _ in entry["evidence"]] == [e.text for e in data_["evidence"]]
    assert {item["id"]: item["label"] for item in data["nodes"]}[mint("office", "Envoy")] == TEMPLATE
    assert data["documents"] == [{"id": DOC, "title": TITLE, "url": "https://example.org/?a=1&b=<2>",
                                  "published": "2023-06-18"}]
    # Outside the data block the names appear nowhere raw (they are drawn from the JSON only).
    outside = _DATA.sub("", page)
    assert not any(name in outside for name in NAMES if len(name) > 3)


_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "\\": "\\"}


def _unescaped(body: str) -> str:
    return re.sub(r"\\(u[0-9A-F]{4}|.)",
                  lambda m: chr(int(m[1][1:], 16)) if len(m[1]) == 5 else _ECHAR[m[1]], body)


def test_every_character_is_escaped_or_kept_and_reads_back() -> None:
    # Each code point of the Basic Multilingual Plane, and one beyond, amid plain text:
    # the literal body never holds a quote, backslash or line break raw, and reads back as
    # the text (a lone surrogate, which UTF-8 cannot carry, as U+FFFD).
    for code in [*range(0x10000), 0x1F642]:
        text = f"a {chr(code)} b"
        body = escape_string(text)
        bare = re.sub(r'\\(u[0-9A-F]{4}|[tbnrf"\\])', "", body)
        assert len(f'"{body}"'.splitlines()) == 1 and '"' not in bare and "\\" not in bare
        assert _unescaped(body) == (text if not 0xD800 <= code <= 0xDFFF else "a \ufffd b")
