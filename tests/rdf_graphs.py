"""Hand-built graphs for the RDF and format tests: every node kind, every relation,
every date precision, and text that is hard to escape. No spaCy, no events stage."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest

from kg.iri import mint
from kg.types import DocumentInfo, Evidence

NASTY = (
    'She said "no"; he said \'yes\'.',
    "a back\\slash, a \\n that is not a newline, and \\u0041",
    "two\nlines\r\nand a\ttab",
    "emoji 🙂🇺🇸 and math 𝔸, <b>tags</b> & {braces} | ^ ` ~",
    'triple quotes """ and \'\'\' inside',
    "ends with a backslash \\",
    "control \x00\x01\x07\x1b\x7f characters",
    "Zoë O’Neill — «Pékin» 北京",
)
"""Sentences that break a careless Turtle writer."""


def rapper_count(path: Path, syntax: str = "turtle") -> int:
    """How many triples ``rapper`` (Raptor, a third parser) reads from ``path``; it must
    report no error or warning. Skips the test when rapper is not installed."""
    rapper = shutil.which("rapper")
    if rapper is None:
        pytest.skip("rapper not installed (apt-get install raptor2-utils)")
    command = [rapper, "-i", syntax, "-c", str(path)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "error" not in done.stderr.lower() and "warning" not in done.stderr.lower(), done.stderr
    return int(done.stderr.split("returned ")[1].split()[0])

DOC_A = "a.txt"
DOC_B = "b b.txt"


def document_text() -> str:
    """The text of ``a.txt``: the nasty sentences, one per line."""
    return "\n".join(NASTY)


def _evidence(doc_id: str, text: str, index: int) -> Evidence:
    start = sum(len(s) + 1 for s in NASTY[:index])
    assert text[start:start + len(NASTY[index])] == NASTY[index]
    return Evidence(doc_id, start, start + len(NASTY[index]), NASTY[index])


def tricky_graph(reverse: bool = False) -> nx.MultiDiGraph:
    """A small graph with one node of every kind and one edge of every relation.

    With ``reverse`` the same nodes and edges are added in the opposite order (the
    exports must not change).
    """
    text = document_text()
    ev = [_evidence(DOC_A, text, i) for i in range(len(NASTY))]
    other = Evidence(DOC_B, 0, 5, "Hello")
    person, person2 = mint("person", "Ann Lee"), mint("person", "Bo Chen")
    former = mint("person", "Cy Old")
    country, country2 = mint("country", "Atlantis"), mint("country", "Lemuria")
    org, place = mint("organization", "Sea Council"), mint("place", "Port Town")
    office, issue = mint("office", "Foreign Minister", "Atlantis"), mint("issue", "Fishing rights")
    meeting = mint("meeting", "2023-06-18", "ann-lee-bo-chen")
    call = mint("phone_call", "2023-06", "ann-lee-bo-chen")
    visit = mint("visit", "2023", "ann-lee")
    dispute = mint("dispute", "undated", "atlantis-lemuria")
    coop = mint("cooperation", "undated", "atlantis-sea-council")
    nodes = [
        (person, {"kind": "person", "label": 'Ann "The Fish" Lee', "aliases": ["Lee", "A. Lee"],
                  "evidence": (ev[0], ev[1]), "country": country}),
        (person2, {"kind": "person", "label": "Bo Chen", "aliases": [], "evidence": (ev[2],),
                   "country": country2}),
        (former, {"kind": "person", "label": "Cy Old", "aliases": [], "evidence": (other,)}),
        (country, {"kind": "country", "label": "Atlantis", "aliases": ["Atlantean"],
                   "evidence": (ev[3],), "key": "ATL", "iso_alpha2": "XA", "iso_alpha3": "XAT"}),
        (country2, {"kind": "country", "label": "Lemuria", "aliases": [], "evidence": (ev[4],)}),
        (org, {"kind": "organization", "label": "Sea Council", "aliases": [], "evidence": (ev[5],),
               "country": country}),
        (place, {"kind": "place", "label": "Port <Town>", "aliases": ["Port\\Town"], "evidence": (ev[6],),
                 "country": country2}),
        (office, {"kind": "office", "label": "Foreign Minister (Atlantis)", "aliases": ["FM"],
                  "evidence": (ev[0],), "key": "foreign-minister"}),
        (issue, {"kind": "issue", "label": "Fishing rights", "aliases": ["fish"], "evidence": (ev[7],)}),
        (meeting, {"kind": "meeting", "label": "Meeting: Ann – Bo", "aliases": [], "evidence": (ev[2], ev[7]),
                   "status": "occurred", "plover": "CONSULT", "date": "2023-06-18", "date_precision": "day",
                   "rules": ["meeting:verb:meet", "meeting:noun:talk"]}),
        (call, {"kind": "phone_call", "label": "Phone call: Ann – Bo", "aliases": [], "evidence": (ev[1],),
                "status": "planned", "plover": "CONSULT", "mode": "phone", "rules": ["call:noun:call"],
                "date": "2023-06", "date_precision": "month"}),
        (visit, {"kind": "visit", "label": "Visit: Ann to Port Town", "aliases": [], "evidence": (ev[6],),
                 "status": "cancelled", "plover": "CONSULT", "mode": "visit", "rules": ["visit:verb:visit"],
                 "date": "2023", "date_precision": "year"}),
        (dispute, {"kind": "dispute", "label": "Dispute: Atlantis – Lemuria", "aliases": [],
                   "evidence": (ev[4],), "status": "occurred", "plover": "ACCUSE",
                   "rules": ["dispute:verb:accuse"],
                   "issues": [issue]}),
        (coop, {"kind": "cooperation", "label": "Cooperation: Atlantis – Sea Council", "aliases": [],
                "evidence": (ev[5],), "status": "possible", "plover": "COOPERATE",
                "rules": ["cooperation:verb:agree"], "issues": [issue]}),
    ]
    edges = [
        (person, office, "holds_office", {"evidence": (ev[0], ev[3])}),
        (former, office, "held_office", {"evidence": (other,)}),
        (office, country, "office_of", {}),
        (person, country, "country", {}),
        (person2, country2, "country", {}),
        (org, country, "country", {}),
        (place, country2, "country", {}),
        (meeting, person, "participant", {}),
        (meeting, person2, "participant", {}),
        (meeting, place, "place", {}),
        (call, person, "participant", {}),
        (call, person2, "participant", {}),
        (visit, person, "traveller", {}),
        (visit, place, "destination", {}),
        (dispute, country, "party", {}),
        (dispute, country2, "party", {}),
        (dispute, issue, "issue", {}),
        (coop, country, "participant", {}),
        (coop, org, "participant", {}),
        (coop, issue, "issue", {}),
    ]
    documents = [
        DocumentInfo(DOC_A, dt.date(2023, 6, 18), 'Title with "quotes" and \\ and\nnewline', "https://example.org/a?x=1&y=2",
                     len(text), "d1"),
        DocumentInfo(DOC_B, None, None, None, 5, "d2"),
    ]
    if reverse:
        nodes, edges, documents = nodes[::-1], edges[::-1], documents[::-1]
    G = nx.MultiDiGraph()
    G.graph["documents"] = {d.doc_id: d for d in documents}
    G.graph["kg_version"] = "0.1.0"
    for node, data in nodes:
        G.add_node(node, **data)
    for u, v, key, data in edges:
        G.add_edge(u, v, key=key, **data)
    return G


def big_graph(n_people: int = 5000) -> nx.MultiDiGraph:
    """A synthetic graph of about ``2 * n_people`` nodes for timing exports."""
    G = nx.MultiDiGraph()
    docs = {f"doc{i}.txt": DocumentInfo(f"doc{i}.txt", dt.date(2023, 1, 1), f"Doc {i}", None, 10_000, str(i))
            for i in range(200)}
    G.graph["documents"] = docs
    G.graph["kg_version"] = "0.1.0"
    for i in range(n_people):
        ev = tuple(Evidence(f"doc{(i + j) % 200}.txt", 10 * j, 10 * j + 9, f"Sentence {i} {j} “quoted”")
                   for j in range(3))
        person, office = mint("person", f"Person {i}"), mint("office", f"Office {i}")
        G.add_node(person, kind="person", label=f"Person {i}", aliases=[f"P{i}", f"Per {i}"], evidence=ev)
        G.add_node(office, kind="office", label=f"Office {i}", aliases=[], evidence=ev[:1])
        G.add_edge(person, office, key="holds_office", evidence=ev[:2])
    return G
