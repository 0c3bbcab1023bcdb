"""The HTML export as a string: self-contained, escaped, deterministic, and true to ``G``."""

from __future__ import annotations

import copy
import dataclasses
import json
import re

import networkx as nx
import pytest
from html_graphs import XSS_PAYLOADS, R, big_graph, event_graph, said, xss_graph

from kg.export.html import page_data, to_html
from kg.export.pyvis import KIND_STYLES, REDUCED_NODES, to_pyvis
from kg.vocab import EntityKind, EventKind

_DATA = re.compile(r'<script type="application/json" id="kg-data">(.*?)</script>', re.S)


def _data(page: str) -> dict:
    match = _DATA.search(page)
    assert match, "the page has no JSON data block"
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def page() -> str:
    return to_html(event_graph())


def test_page_links_nothing_outside_itself(page: str) -> None:
    assert page.startswith("<!DOCTYPE html>")
    assert "<link" not in page
    assert "@import" not in page
    assert not re.search(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert not re.search(r"url\(\s*[\"']?\s*(?:https?:)?//", page, re.I)
    assert not re.search(r"<script[^>]*\bsrc\s*=", page, re.I)
    # The only https? strings left are in licence comments and the SVG namespace, never fetched.
    assert "cdn" not in page.lower()


def test_page_holds_exactly_three_scripts_and_the_data_parses(page: str) -> None:
    assert page.count("</script") == 3
    data = _data(page)
    assert data["meta"]["nodes"] == 13 and data["meta"]["events"] == 5


def test_every_node_and_edge_of_the_graph_is_in_the_page(page: str) -> None:
    G = event_graph()
    data = _data(page)
    assert {n["id"] for n in data["nodes"]} == set(G.nodes)
    graph_edges = [e for e in data["edges"] if not e.get("projected")]
    assert len(graph_edges) == G.number_of_edges()
    assert sorted((e["from"], e["to"]) for e in graph_edges) == sorted((u, v) for u, v in G.edges())
    assert len({e["id"] for e in data["edges"]}) == len(data["edges"])


def test_article_text_is_escaped_inside_the_json_block() -> None:
    G = xss_graph()
    page = to_html(G)
    for payload in XSS_PAYLOADS:
        assert payload not in page
    assert "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in page
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in page
    assert page.count("</script") == 3
    # ... and it reads back as the very text of the article.
    data = _data(page)
    mallory = data["info"][R + "person/mallory"]
    assert mallory["name"] == XSS_PAYLOADS[1]
    assert [text for _, text, _ in mallory["evidence"]] == list(XSS_PAYLOADS)
    assert data["documents"][0]["title"].endswith(" ".join(XSS_PAYLOADS))


def test_the_exporter_does_not_change_the_graph() -> None:
    G = event_graph()
    before = copy.deepcopy(G)
    to_html(G)
    assert nx.utils.graphs_equal(G, before)
    assert list(G.nodes(data=True)) == list(before.nodes(data=True))
    assert list(G.edges(keys=True, data=True)) == list(before.edges(keys=True, data=True))
    assert G.graph == before.graph


def test_same_graph_same_bytes() -> None:
    assert to_html(event_graph()) == to_html(event_graph())


def test_one_colour_and_one_shape_for_every_kind() -> None:
    kinds = {k.value for k in EntityKind} | {k.value for k in EventKind}
    assert set(KIND_STYLES) == kinds
    assert len({s.colour for s in KIND_STYLES.values()}) == len(kinds)
    assert len({s.shape for s in KIND_STYLES.values()}) == len(kinds)
    data = page_data(event_graph())
    assert {k["kind"] for k in data["kinds"]} == kinds
    shapes = {n["id"]: n["shape"] for n in data["nodes"]}
    assert shapes[R + "event/meeting-1"] == KIND_STYLES["meeting"].shape
    assert shapes[R + "person/qin-gang"] == KIND_STYLES["person"].shape


def test_events_are_captioned_with_who_where_and_when_and_panel_facts() -> None:
    data = page_data(event_graph())
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    assert labels[R + "event/meeting-1"] == "Blinken – Qin Gang\nDiaoyutai State Guesthouse, 18 Jun 2023"
    assert labels[R + "event/call-1"] == "Blinken – Wang Yi\nPhone call, 14 Jun 2023, planned"
    assert labels[R + "event/visit-1"] == "Blinken → China\nVisit, 18 Jun 2023"
    assert labels[R + "event/dispute-1"] == "United States – China\nDispute, Jun 2023"
    meeting = data["info"][R + "event/meeting-1"]
    assert meeting["date"] == "2023-06-18" and meeting["status"] == "occurred"
    assert meeting["facts"]["place"] == [R + "place/diaoyutai"]
    assert meeting["facts"]["participants"] == [R + "person/antony-blinken", R + "person/qin-gang"]
    titles = [data["documents"][d]["title"] for d, _, _ in meeting["evidence"]]
    assert titles == ["Blinken arrives in Beijing", "Talks at the guesthouse"]
    blinken = data["info"][R + "person/antony-blinken"]
    assert blinken["facts"]["offices"] == [R + "office/secretary-of-state"]
    assert blinken["aliases"] == ["Blinken"]
    # A person's events in date order: the call of the 14th before the meeting and visit of the 18th.
    assert blinken["facts"]["events"][0] == R + "event/call-1"
    assert data["info"][R + "event/visit-1"]["facts"]["destination"] == [R + "country/china"]


def test_edges_are_labelled_with_their_relation_but_an_events_actors_go_without() -> None:
    data = page_data(event_graph())
    labels = {(e["from"], e["to"]): e.get("label") for e in data["edges"] if not e.get("projected")}
    assert labels[R + "event/meeting-1", R + "place/diaoyutai"] == "place"
    assert labels[R + "person/antony-blinken", R + "office/secretary-of-state"] == "holds"
    assert labels[R + "event/meeting-1", R + "person/qin-gang"] is None  # the caption names them


def test_the_people_view_holds_people_events_and_country_actors_only() -> None:
    G = event_graph()
    G.add_edge(R + "event/visit-1", R + "person/antony-blinken", key="participant")
    data = page_data(G)
    people = {n for n, info in data["info"].items() if info["people"]}
    assert people == {R + "person/antony-blinken", R + "person/qin-gang", R + "person/wang-yi",
                      R + "country/china", R + "country/united-states",
                      *(R + "event/" + e for e in ("meeting-1", "call-1", "visit-1", "dispute-1",
                                                   "cooperation-1"))}
    by_id = {e["id"]: e for e in data["edges"]}
    shown = {(by_id[i]["from"], by_id[i]["to"]) for i, info in data["edgeInfo"].items() if info.get("people")}
    # A visit's traveller is its participant: one edge, not two.
    assert sum(1 for u, v in shown if u == R + "event/visit-1") == 1
    assert (R + "event/meeting-1", R + "person/qin-gang") in shown
    assert not any(v == R + "place/diaoyutai" for _, v in shown)
    assert data["meta"]["timeline"] == {"first": "2023-06", "last": "2023-06", "undated": 0}


def _edge_id(data: dict, u: str, v: str) -> str:
    [edge] = [e["id"] for e in data["edges"]
              if (e["from"], e["to"]) == (R + u, R + v) and not e.get("projected")]
    return edge


def _edge_sentences(data: dict, edge: str) -> list[list]:
    """An edge's sentences as ``[doc, text, marks]``, its picks read from its source's."""
    info = data["edgeInfo"][edge]
    if "picks" not in info:
        return info["evidence"]
    [source] = [e["from"] for e in data["edges"] if e["id"] == edge]
    return [[*data["info"][source]["evidence"][i][:2], marks] for i, marks in info["picks"]]


def _marked(item: list) -> list[str]:
    _, text, marks = item
    return [text[marks[i]:marks[i + 1]] for i in range(0, len(marks), 2)]


def test_a_participant_edge_has_the_events_sentences_that_name_it_with_the_name_marked() -> None:
    data = page_data(event_graph())
    edge = _edge_id(data, "event/meeting-1", "person/qin-gang")
    # Written once, in the meeting's sentences, and picked from them.
    assert "evidence" not in data["edgeInfo"][edge]
    evidence = _edge_sentences(data, edge)
    # Of the meeting's two sentences, the one that names Qin Gang.
    assert [text for _, text, _ in evidence] == ["Blinken met Qin Gang for five and a half hours on Sunday."]
    assert _marked(evidence[0]) == ["Qin Gang"]
    place = _edge_id(data, "event/meeting-1", "place/diaoyutai")
    assert _marked(_edge_sentences(data, place)[0]) == ["Diaoyutai State Guesthouse"]
    holds = _edge_id(data, "person/antony-blinken", "office/secretary-of-state")
    assert _marked(_edge_sentences(data, holds)[0]) == ["Secretary of State", "Blinken"]


def test_an_edge_no_sentence_names_falls_back_to_its_events_sentences() -> None:
    G = event_graph()
    # The call's one sentence names Wang Yi by no name the graph knows.
    G.nodes[R + "person/wang-yi"]["aliases"] = []
    G.nodes[R + "person/wang-yi"]["label"] = "Wang Yee"
    data = page_data(G)
    edge = _edge_id(data, "event/call-1", "person/wang-yi")
    assert [text for _, text, _ in _edge_sentences(data, edge)] == ["Blinken will call Wang Yi."]


def test_headlines_are_no_evidence_and_marks_count_utf16_units() -> None:
    G = event_graph()
    blinken = R + "person/antony-blinken"
    headline = said("a.txt", 0, "Blinken arrives in Beijing")
    astral = said("b.txt", 50, "🙂 Blinken smiled.")
    G.nodes[blinken]["evidence"] = (headline, astral)
    evidence = page_data(G)["info"][blinken]["evidence"]
    assert [text for _, text, _ in evidence] == ["🙂 Blinken smiled."]
    # The emoji is two UTF-16 code units, as the page's script counts.
    assert evidence[0][2] == [3, 10]


def test_documents_carry_title_date_and_url_and_no_title_stays_empty() -> None:
    G = event_graph()
    G.graph["documents"]["b.txt"] = dataclasses.replace(G.graph["documents"]["b.txt"], title=None,
                                                         url="https://example.org/b")
    docs = page_data(G)["documents"]
    assert docs[1] == {"id": "b.txt", "title": "", "url": "https://example.org/b", "published": "2023-06-19"}


def test_hidden_events_view_joins_the_actors_directly() -> None:
    data = page_data(event_graph())
    projected = {(e["from"], e["to"], e["label"]) for e in data["edges"] if e.get("projected")}
    assert (R + "person/antony-blinken", R + "person/qin-gang", "met 2023-06-18") in projected
    assert (R + "person/antony-blinken", R + "country/china", "visited 2023-06-18") in projected
    assert (R + "person/antony-blinken", R + "person/wang-yi", "phoned 2023-06-14") in projected


def test_header_figures() -> None:
    meta = page_data(event_graph())["meta"]
    assert (meta["articles"], meta["people"], meta["events"]) == (2, 3, 5)
    assert meta["dates"] == {"from": "2023-06", "to": "2023-06-19", "source": "events"}
    assert meta["reduced"] is False


def test_large_graphs_start_reduced_to_the_most_connected_people_and_their_events() -> None:
    G = big_graph(60)
    data = page_data(G, max_nodes=40)
    assert data["meta"]["reduced"] is True
    core = {n for n, info in data["info"].items() if info["core"]}
    assert len(core) == data["meta"]["coreNodes"] == min(REDUCED_NODES, 40)
    assert all(data["info"][n]["people"] for n in core)
    hub = max((n for n in G if G.nodes[n]["kind"] == "person"), key=G.degree)
    assert hub in core
    # Every event drawn has all its people drawn.
    for event in (n for n in core if G.nodes[n]["kind"] == "meeting"):
        assert set(G.successors(event)) <= core
    assert any(G.nodes[n]["kind"] == "meeting" for n in core)
    assert len(data["nodes"]) == G.number_of_nodes()
    assert page_data(G)["meta"]["reduced"] is False


def test_empty_graph() -> None:
    data = _data(to_html(nx.MultiDiGraph()))
    assert data["nodes"] == [] and data["meta"]["articles"] == 0


def test_the_page_script_never_parses_text_as_html() -> None:
    from importlib import resources

    script = (resources.files("kg") / "data" / "graph.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/", "", script, flags=re.S)
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "Function("):
        assert sink not in code


# ------------------------------------------------------------------ the pyvis network


def _tiny_graph() -> nx.MultiDiGraph:
    """A person who holds an office, a country, and a meeting the person attended there."""
    G = nx.MultiDiGraph(documents={})
    G.add_node("p", kind="person", label="Ada Lovelace", aliases=["Ada", "Countess"], evidence=())
    G.add_node("o", kind="office", label="Analyst", aliases=[], evidence=())
    G.add_node("c", kind="country", label="Erewhon", aliases=[], evidence=())
    G.add_node("m", kind="meeting", label="meeting", aliases=[], evidence=(), date="1843-07-01",
               status="planned")
    G.add_edge("p", "o", key="holds_office")
    G.add_edge("p", "c", key="country")
    G.add_edge("m", "p", key="participant")
    G.add_edge("m", "c", key="place")
    return G


def test_to_pyvis_gives_a_pyvis_network_with_every_node_and_edge() -> None:
    import pyvis.network

    G = _tiny_graph()
    net = to_pyvis(G)
    assert isinstance(net, pyvis.network.Network)
    assert (net.num_nodes(), net.num_edges()) == (4, 4)
    assert set(net.get_nodes()) == set(G.nodes)
    assert sorted((e["from"], e["to"], e["relation"]) for e in net.get_edges()) == sorted(G.edges(keys=True))
    assert net.neighbors("m") == {"p", "c"}


def test_to_pyvis_styles_each_node_by_its_kind() -> None:
    net = to_pyvis(_tiny_graph())
    for node, kind in (("p", "person"), ("o", "office"), ("c", "country"), ("m", "meeting")):
        item = net.get_node(node)
        style = KIND_STYLES[kind]
        assert item["group"] == item["kind"] == kind
        assert item["shape"] == style.shape
        assert item["color"]["background"] == item["color"]["border"] == style.colour
    ada, meeting = net.get_node("p"), net.get_node("m")
    assert ada["label"] == "Ada Lovelace" and ada["aliases"] == ["Ada", "Countess"]
    assert ada["title"] == "Ada Lovelace\nPerson · also: Ada, Countess"
    assert meeting["label"] == "Ada Lovelace\nErewhon, 1 Jul 1843, planned"
    assert meeting["title"] == "meeting\nMeeting · 1843-07-01 · planned"
    assert meeting["font"]["color"] == "#ffffff"  # a box holds its label: white on purple
    edges = {e["relation"]: e for e in net.get_edges()}
    assert edges["holds_office"]["label"] == "holds"
    assert edges["holds_office"]["title"] == "Ada Lovelace → holds → Analyst"
    assert edges["country"]["dashes"] and edges["country"]["width"] < edges["holds_office"]["width"]
    assert edges["place"]["color"]["color"] == KIND_STYLES["meeting"].colour  # an event's edges in its colour


def test_polygon_kinds_are_drawn_as_svg_images() -> None:
    G = _tiny_graph()
    G.add_node("d", kind="dispute", label="dispute", aliases=[], evidence=())
    item = to_pyvis(G).get_node("d")
    assert item["shape"] == "image" and item["image"].startswith("data:image/svg+xml")
    assert KIND_STYLES["dispute"].colour.replace("#", "%23") in item["image"]


def test_editing_the_network_never_edits_the_graph() -> None:
    G = _tiny_graph()
    before = copy.deepcopy(G)
    net = to_pyvis(G)
    net.get_node("p")["aliases"].append("Enchantress")
    net.get_node("p")["color"]["background"] = "#000000"
    assert list(G.nodes(data=True)) == list(before.nodes(data=True))


def _written(net, tmp_path, name: str = "net.html") -> str:
    path = tmp_path / name
    net.write_html(str(path))
    return path.read_text(encoding="utf-8")


def test_the_network_writes_kgs_self_contained_page(tmp_path) -> None:
    G = event_graph()
    page = _written(to_pyvis(G), tmp_path)
    assert page == to_html(G)
    assert not re.search(r"<script[^>]*\bsrc\s*=", page, re.I)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert "<link" not in page and "cdn" not in page.lower()
    assert not (tmp_path / "lib").exists()  # pyvis's "local" resources are never copied


def test_a_restyled_node_or_edge_is_drawn_as_restyled(tmp_path) -> None:
    G = event_graph()
    net = to_pyvis(G)
    qin = R + "person/qin-gang"
    net.get_node(qin)["color"] = "#123456"
    net.get_node(qin)["size"] = 40
    net.get_edges()[0]["width"] = 7
    net.options["physics"]["solver"] = "barnesHut"
    data = _data(_written(net, tmp_path))
    drawn = {n["id"]: n for n in data["nodes"]}
    assert drawn[qin]["color"] == "#123456" and drawn[qin]["size"] == 40
    assert data["edges"][0]["width"] == 7
    assert data["options"]["physics"]["solver"] == "barnesHut"
    assert _data(to_html(G)) != data  # ... and the graph's own page is as it was


def test_the_page_draws_no_descriptive_keys_and_only_the_graphs_nodes(tmp_path) -> None:
    G = event_graph()
    net = to_pyvis(G)
    net.add_node("stray", label="not in the graph")
    net.add_edge("stray", R + "country/china")
    data = _data(_written(net, tmp_path))
    assert {n["id"] for n in data["nodes"]} == set(G.nodes) == set(data["info"])
    described = {"title", "group", "kind", "aliases", "relation"}
    assert all(not described & set(item) for item in data["nodes"] + data["edges"])
    assert {e["id"] for e in data["edges"] if not e.get("projected")} == set(data["edgeInfo"])


def test_show_writes_the_page_for_a_notebook(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    G = event_graph()
    frame = to_pyvis(G).show("shown.html")
    assert frame.src == "shown.html"
    assert (tmp_path / "shown.html").read_text(encoding="utf-8") == to_html(G)
