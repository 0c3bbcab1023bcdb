"""PLOVER coding of disputes and cooperation, end to end on made-up one-sentence articles:
the type each trigger gets, and the source and target actors it finds."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

import kg

pytestmark = pytest.mark.slow

ARTICLES = {
    "pronoun": "Hungary said on Monday that it will support France's proposal.",
    "that_clause": "Japan demanded that Russia withdraw its troops from the islands, a Chinese paper said.",
    "refused_offer": "Canada rejected an offer from Brazil to sign a trade agreement.",
    "negated_accept": "Egypt will not accept the plan put forward by Sudan.",
    "must": "Chile said on Tuesday that Peru must return the fishing boat.",
    "to_complement": "Norway threatened to cut off aid to Ethiopia, Danish officials said.",
    "name_word": "Chile and Peru attended the Asia-Pacific Economic Cooperation summit in Lima.",
    "conditional": "Kenya will withdraw its envoy unless Uganda accepts the ruling.",
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph:
    folder: Path = tmp_path_factory.mktemp("plover_articles")
    rows = ["file,published,title,url"]
    for name, text in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
        rows.append(f"{name}.txt,2021-03-01,,")
    (folder / "metadata.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return kg.build(folder)


def _events(G: nx.MultiDiGraph, article: str) -> list[tuple[str, str, frozenset[str]]]:
    """(kind, PLOVER type, actor labels) of the events with evidence in ``article``."""
    out = []
    for node, data in G.nodes(data=True):
        if "plover" in data and any(e.doc_id == f"{article}.txt" for e in data["evidence"]):
            actors = frozenset(G.nodes[t]["label"] for _, t, k in G.out_edges(node, keys=True)
                               if k in {"participant", "party"})
            out.append((data["kind"], data["plover"], actors))
    return out


def test_a_promised_support_is_agree_and_it_stands_for_the_reporter(graph: nx.MultiDiGraph) -> None:
    assert _events(graph, "pronoun") == [("cooperation", "AGREE", frozenset({"Hungary", "France"}))]


def test_the_subject_of_a_that_clause_is_the_target(graph: nx.MultiDiGraph) -> None:
    assert _events(graph, "that_clause") == [("dispute", "DEMAND", frozenset({"Japan", "Russia"}))]


def test_a_rejected_offer_gives_no_cooperation(graph: nx.MultiDiGraph) -> None:
    assert _events(graph, "refused_offer") == [("dispute", "REJECT", frozenset({"Canada", "Brazil"}))]


def test_not_accepting_is_rejecting(graph: nx.MultiDiGraph) -> None:
    assert _events(graph, "negated_accept") == [("dispute", "REJECT", frozenset({"Egypt", "Sudan"}))]


def test_must_in_a_reported_clause_is_a_demand(graph: nx.MultiDiGraph) -> None:
    assert _events(graph, "must") == [("dispute", "DEMAND", frozenset({"Chile", "Peru"}))]


def test_the_target_inside_a_to_complement(graph: nx.MultiDiGraph) -> None:
    assert _events(graph, "to_complement") == [("dispute", "THREATEN", frozenset({"Norway", "Ethiopia"}))]


def test_a_trigger_word_inside_a_name_is_no_event(graph: nx.MultiDiGraph) -> None:
    assert not [e for e in _events(graph, "name_word") if e[0] == "cooperation"]


def test_an_act_supposed_by_unless_is_no_event(graph: nx.MultiDiGraph) -> None:
    assert not [e for e in _events(graph, "conditional") if e[1] == "AGREE"]
