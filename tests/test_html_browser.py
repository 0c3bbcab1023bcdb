"""The HTML export in a real browser: headless Chromium driven through Playwright, offline.

Every page is opened from a ``file://`` URL with every other request aborted and
recorded; each test asserts that none was attempted and that the console stayed free
of errors.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pytest
from html_graphs import XSS_PAYLOADS, R, big_graph, event_graph, xss_graph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.export.html import to_html
from kg.export.pyvis import KgNetwork, to_pyvis
from kg.types import Evidence

playwright_api = pytest.importorskip("playwright.sync_api",
                                     reason="pip install playwright to run browser tests")

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).parent.parent / "test-artifacts"
READY = "html[data-kg-ready]"


@dataclass
class Opened:
    """A loaded page and what it tried to do."""

    page: object
    graph: nx.MultiDiGraph
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, expression: str, arg: object = None) -> object:
        return self.page.evaluate(expression, arg)

    def assert_clean(self) -> None:
        assert self.blocked == [], f"the page tried to reach the network: {self.blocked}"
        assert self.errors == [], f"console errors: {self.errors}"
        assert self.dialogs == [], f"the page opened dialogs: {self.dialogs}"

    def click_node(self, node: str) -> None:
        """Click the node where it is drawn, as a person would."""
        box = self.page.locator("#kg-network").bounding_box()
        point = self.js("""id => { const net = kgGraph.network;
                                   return net.canvasToDOM(net.getPositions([id])[id]); }""", node)
        self.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip(f"no Chromium at {CHROMIUM}")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run"],
        )
        yield browser
        browser.close()


@pytest.fixture
def open_graph(browser: object, tmp_path: Path) -> Iterator[Callable[..., Opened]]:
    contexts = []

    def _open(G: nx.MultiDiGraph, name: str = "graph.html", network: KgNetwork | None = None,
              fragment: str = "", **kwargs: object) -> Opened:
        # The page of G, or the page a network of G writes of itself, opened at #fragment.
        path = tmp_path / name
        if network is None:
            path.write_text(to_html(G, **kwargs), encoding="utf-8")
        else:
            network.write_html(str(path))
        context = browser.new_context(viewport={"width": 1800, "height": 1100})
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page, G)

        def route(r: object) -> None:
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                opened.blocked.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: opened.errors.append(str(e)))

        def dialog(d: object) -> None:
            opened.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)
        page.goto(path.as_uri() + (f"#{fragment}" if fragment else ""))
        page.wait_for_selector(READY, state="attached", timeout=60_000)
        return opened

    yield _open
    for context in contexts:
        context.close()


def _drawn(opened: Opened) -> dict[str, int]:
    return opened.js("""() => ({
        nodes: kgGraph.nodes.length, edges: kgGraph.edges.length,
        drawnNodes: kgGraph.network.body.nodeIndices.length,
        drawnEdges: kgGraph.network.body.edgeIndices.length,
        attrNodes: +document.documentElement.dataset.kgNodesDrawn,
        attrEdges: +document.documentElement.dataset.kgEdgesDrawn,
        ids: kgGraph.nodes.getIds()})""")


def _full_view(opened: Opened) -> None:
    """Tick the full view and wait until the nodes it adds are laid out."""
    opened.page.check("#kg-full-view")
    opened.page.wait_for_function("() => kgGraph.settled()")


def _assert_draws_everything(opened: Opened) -> None:
    G = opened.graph
    _full_view(opened)
    drawn = _drawn(opened)
    assert set(drawn.pop("ids")) == set(G.nodes)
    n, m = G.number_of_nodes(), G.number_of_edges()
    assert drawn == {"nodes": n, "edges": m, "drawnNodes": n, "drawnEdges": m, "attrNodes": n, "attrEdges": m}


def test_hand_built_graph_loads_offline_and_draws_every_node_and_edge(open_graph) -> None:
    opened = open_graph(event_graph())
    _assert_draws_everything(opened)
    opened.assert_clean()


def test_a_restyled_network_writes_a_page_that_loads_offline_and_draws_it_restyled(open_graph) -> None:
    G = event_graph()
    net = to_pyvis(G)
    qin = R + "person/qin-gang"
    net.get_node(qin)["color"] = "#123456"
    net.get_node(qin)["label"] = "Qin (restyled)"
    opened = open_graph(G, network=net)
    _assert_draws_everything(opened)
    drawn = opened.js("id => kgGraph.nodes.get(id)", qin)
    assert drawn["color"] == "#123456" and drawn["label"] == "Qin (restyled)"
    opened.assert_clean()


def test_seeds_graph_loads_offline_draws_everything_and_is_saved_as_a_screenshot(
        open_graph, seeds_graph: nx.MultiDiGraph) -> None:
    opened = open_graph(seeds_graph)
    _assert_draws_everything(opened)
    header = opened.page.inner_text("#kg-summary")
    articles = len(seeds_graph.graph["documents"])
    people = sum(1 for _, d in seeds_graph.nodes(data=True) if d["kind"] == "person")
    assert f"{articles} articles" in header and f"{people} people" in header
    dates = sorted(d["date"] for _, d in seeds_graph.nodes(data=True) if d.get("date"))
    dates = dates or sorted(str(d.published) for d in seeds_graph.graph["documents"].values())
    assert f"{dates[0]} to {dates[-1]}" in header
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "graph.png"
    opened.page.screenshot(path=str(shot))
    assert shot.stat().st_size > 50_000
    opened.assert_clean()


def test_physics_settles_and_then_stops(open_graph) -> None:
    opened = open_graph(event_graph())
    assert opened.js("() => kgGraph.network.physics.options.enabled") is False
    before = opened.js("() => kgGraph.network.getPositions()")
    opened.page.wait_for_timeout(500)
    assert opened.js("() => kgGraph.network.getPositions()") == before
    timing = opened.js("() => kgGraph.timing")
    assert timing["stabilized"] > 0 and timing["firstDraw"] > 0


def _panel(opened: Opened) -> str:
    return opened.page.inner_text("#kg-panel")


def test_clicking_a_meeting_shows_date_place_status_and_evidence(open_graph) -> None:
    opened = open_graph(event_graph())
    meeting = R + "event/meeting-1"
    opened.click_node(meeting)
    assert opened.page.get_attribute("#kg-panel", "data-node") == meeting
    panel = _panel(opened)
    for expected in ("Meeting", "2023-06-18", "Diaoyutai State Guesthouse", "occurred",
                     "Antony Blinken", "Qin Gang",
                     "Blinken met Qin Gang for five and a half hours on Sunday.",
                     "The talks at the Diaoyutai State Guesthouse were candid.",
                     "Blinken arrives in Beijing", "Talks at the guesthouse"):
        assert expected in panel
    opened.assert_clean()


def test_clicking_a_person_shows_aliases_and_offices(open_graph) -> None:
    opened = open_graph(event_graph())
    opened.click_node(R + "person/antony-blinken")
    panel = _panel(opened)
    assert "Antony Blinken" in panel and "Blinken" in panel
    assert "Secretary of State (United States)" in panel
    opened.assert_clean()


def _find_meeting(G: nx.MultiDiGraph, a: str, b: str, date: str) -> str | None:
    by_label = {d["label"]: n for n, d in G.nodes(data=True) if d["kind"] == "person"}
    people = {by_label.get(a), by_label.get(b)}
    for node, data in G.nodes(data=True):
        if data["kind"] != "meeting" or data.get("date") != date:
            continue
        participants = {v for _, v, k in G.out_edges(node, keys=True) if k == "participant"}
        if people <= participants:
            return node
    return None


def test_seeds_blinken_qin_gang_meeting_shows_its_details(open_graph, seeds_graph: nx.MultiDiGraph) -> None:
    meeting = _find_meeting(seeds_graph, "Antony Blinken", "Qin Gang", "2023-06-18")
    assert meeting is not None, "no meeting of Antony Blinken and Qin Gang on 2023-06-18 in the seeds graph"
    opened = open_graph(seeds_graph)
    opened.click_node(meeting)
    assert opened.page.get_attribute("#kg-panel", "data-node") == meeting
    panel = _panel(opened)
    data = seeds_graph.nodes[meeting]
    assert "2023-06-18" in panel and data["status"] in panel
    places = [seeds_graph.nodes[v]["label"]
              for _, v, k in seeds_graph.out_edges(meeting, keys=True) if k == "place"]
    assert places and all(place in panel for place in places)
    assert data["evidence"] and all(" ".join(e.text.split()) in " ".join(panel.split())
                                    for e in data["evidence"][:5])
    opened.assert_clean()


def _search(opened: Opened, text: str) -> list[str]:
    opened.page.fill("#kg-search", text)
    return opened.page.locator("#kg-search-results button").all_inner_texts()


@pytest.mark.parametrize("source", ["hand-built", "seeds"])
def test_search_finds_wang_yi_by_the_alias_wang_ye(open_graph, request, source: str) -> None:
    G = event_graph() if source == "hand-built" else request.getfixturevalue("seeds_graph")
    opened = open_graph(G)
    results = _search(opened, "wang ye")
    assert results and results[0].startswith("Wang Yi")
    assert "Wang Ye" in results[0]
    opened.page.locator("#kg-search-results button").first.click()
    assert opened.page.inner_text("#kg-panel h2") == "Wang Yi"
    assert opened.js("() => kgGraph.network.getSelectedNodes()") == [
        n for n, d in G.nodes(data=True) if d["label"] == "Wang Yi"]
    opened.assert_clean()


def test_filters_by_kind_status_and_article_and_the_event_toggle(open_graph) -> None:
    G = event_graph()
    opened = open_graph(G)
    page = opened.page
    _full_view(opened)

    def drawn_ids() -> set[str]:
        return set(opened.js("() => kgGraph.drawn.nodes.getIds()"))

    def kinds(ids: set[str]) -> set[str]:
        return {G.nodes[n]["kind"] for n in ids}

    page.uncheck("input[data-kind=office]")
    assert "office" not in kinds(drawn_ids()) and len(drawn_ids()) == G.number_of_nodes() - 1
    page.check("input[data-kind=office]")

    page.uncheck("input[data-status=planned]")
    assert R + "event/call-1" not in drawn_ids()
    assert R + "event/meeting-1" in drawn_ids()
    page.check("input[data-status=planned]")

    page.select_option("#kg-article", label="Talks at the guesthouse (2023-06-19)")
    in_b = {n for n, d in G.nodes(data=True) if any(e.doc_id == "b.txt" for e in d["evidence"])}
    assert drawn_ids() == in_b
    page.select_option("#kg-article", value="")
    assert len(drawn_ids()) == G.number_of_nodes()

    page.check("#kg-hide-events")
    assert kinds(drawn_ids()) == {"person", "country", "office", "place", "issue"}
    edges = opened.js("() => kgGraph.drawn.edges.get().map(e => e.label)")
    assert "met 2023-06-18" in edges and "visited 2023-06-18" in edges
    page.uncheck("#kg-hide-events")
    assert len(drawn_ids()) == G.number_of_nodes()
    assert opened.js("() => kgGraph.drawn.edges.length") == G.number_of_edges()
    opened.assert_clean()


def test_article_text_cannot_run_script(open_graph) -> None:
    G = xss_graph()
    opened = open_graph(G)
    _assert_draws_everything(opened)
    opened.click_node(R + "event/meeting-1")
    panel = _panel(opened)
    assert "Quote: " + " ".join(XSS_PAYLOADS) in panel
    opened.click_node(R + "person/mallory")
    panel = _panel(opened)
    assert all(payload in panel for payload in XSS_PAYLOADS)
    results = _search(opened, "onerror")
    assert results and results[0].startswith(XSS_PAYLOADS[1])
    opened.page.select_option("#kg-article", index=1)
    assert opened.page.locator("img").count() == 0
    assert opened.page.locator("script").count() == 3
    assert opened.js("() => window.__pwned") is None
    opened.assert_clean()


def test_large_graph_starts_reduced_and_says_so(open_graph) -> None:
    G = big_graph(60)
    opened = open_graph(G, max_nodes=40)
    notice = opened.page.locator("#kg-reduced")
    assert notice.is_visible() and "most connected" in notice.inner_text()
    assert opened.js("() => kgGraph.network.body.nodeIndices.length") == 40
    opened.page.click("#kg-show-all")
    opened.page.wait_for_function("() => kgGraph.network.body.nodeIndices.length > 40 && kgGraph.settled()")
    people_view = {n for n, d in G.nodes(data=True) if d["kind"] in ("person", "meeting")}
    assert set(opened.js("() => kgGraph.drawn.nodes.getIds()")) == people_view
    _assert_draws_everything(opened)
    opened.assert_clean()


_FUZZ_TEXT = st.one_of(
    st.text(min_size=1, max_size=60),
    st.sampled_from(XSS_PAYLOADS),
    st.lists(st.sampled_from(["<", "</script>", "\\", '"', "'", "\n", "\r", "\x00", "\u2028", "🙂", "&amp;",
                              "${x}", "{{x}}", "\u202e", "`", "<!--"]), min_size=1, max_size=12).map("".join),
)


@settings(max_examples=6, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(name=_FUZZ_TEXT, alias=_FUZZ_TEXT, sentence=_FUZZ_TEXT, title=_FUZZ_TEXT)
def test_fuzzed_text_loads_cleanly_and_shows_exactly_as_text(
    open_graph, name: str, alias: str, sentence: str, title: str
) -> None:
    G = event_graph()
    person = R + "person/antony-blinken"
    G.nodes[person].update(label=name, aliases=[alias],
                           evidence=(Evidence("a.txt", 0, len(sentence), sentence),))
    G.graph["documents"]["a.txt"] = dataclasses.replace(G.graph["documents"]["a.txt"], title=title)
    opened = open_graph(G, name=f"fuzz-{abs(hash((name, alias, sentence, title)))}.html")
    _assert_draws_everything(opened)
    opened.click_node(person)
    assert opened.page.get_attribute("#kg-panel", "data-node") == person
    # textContent, not innerText: the exact characters, nothing normalised or parsed as markup.
    assert opened.js("() => document.querySelector('#kg-panel h2').textContent") == name
    shown = opened.js("() => document.querySelector('#kg-panel').textContent")
    assert alias in shown and sentence in shown
    assert opened.page.locator("script").count() == 3
    assert opened.js("() => window.__pwned") is None
    opened.assert_clean()


# ------------------------------------------------------------------ the people view, time and focus


def _node_id(G: nx.MultiDiGraph, label: str) -> str:
    [node] = [n for n, d in G.nodes(data=True) if d["label"] == label]
    return node


def _events(G: nx.MultiDiGraph, date_prefix: str) -> set[str]:
    return {n for n, d in G.nodes(data=True)
            if d["kind"] in ("meeting", "phone_call", "visit")
            and str(d.get("date", "")).startswith(date_prefix)}


def test_seeds_default_view_shows_who_met_whom_with_legible_labels(
        open_graph, seeds_graph: nx.MultiDiGraph) -> None:
    opened = open_graph(seeds_graph)
    blinken, qin = _node_id(seeds_graph, "Antony Blinken"), _node_id(seeds_graph, "Qin Gang")
    meeting = _find_meeting(seeds_graph, "Antony Blinken", "Qin Gang", "2023-06-18")
    drawn = set(opened.js("() => kgGraph.drawn.nodes.getIds()"))
    assert {blinken, qin, meeting} <= drawn
    # People and events, not offices, places or issues.
    assert {seeds_graph.nodes[n]["kind"] for n in drawn} <= {
        "person", "country", "organization", "meeting", "phone_call", "visit", "dispute", "cooperation"}
    labels = opened.js("ids => ids.map(id => kgGraph.nodes.get(id).label)", [blinken, qin, meeting])
    assert "Blinken" in labels[0] and labels[1] == "Qin Gang"
    assert labels[2] == "Blinken – Qin Gang\nBeijing, 18 Jun 2023"
    # ... and those labels are drawn at the zoom the page opens on, at least 11 pixels high.
    assert {blinken, qin, meeting} <= set(opened.js("() => kgGraph.labelled(11)"))
    opened.assert_clean()


def test_the_time_slider_hides_events_outside_it_and_moves_no_node(
        open_graph, seeds_graph: nx.MultiDiGraph) -> None:
    opened = open_graph(seeds_graph)
    vienna = _find_meeting(seeds_graph, "Jake Sullivan", "Wang Yi", "2023-05")
    june = _events(seeds_graph, "2023-06")
    before = opened.js("() => kgGraph.network.getPositions()")
    assert vienna in before and june <= set(before)
    months = opened.js("() => [document.querySelector('#kg-to').max, "
                       "document.querySelector('#kg-range').textContent]")
    assert months[1] == "Nov 2022 – Nov 2023"
    opened.page.fill("#kg-to", "6")  # Nov 2022 + 6 months
    assert opened.page.inner_text("#kg-range") == "Nov 2022 – May 2023"
    after = opened.js("() => kgGraph.network.getPositions()")
    assert vienna in after and not june & set(after)
    assert after == {n: before[n] for n in after}
    # Undated events go with their own toggle.
    undated = {n for n, d in seeds_graph.nodes(data=True) if d["kind"] == "meeting" and not d.get("date")}
    assert undated and undated <= set(after)
    opened.page.uncheck("#kg-undated")
    assert not undated & set(opened.js("() => kgGraph.drawn.nodes.getIds()"))
    opened.page.fill("#kg-to", months[0])
    assert june <= set(opened.js("() => kgGraph.network.getPositions()"))
    assert opened.js("() => kgGraph.network.getPositions()")[vienna] == before[vienna]
    opened.assert_clean()


def test_clicking_a_person_dims_what_is_not_their_neighbourhood(
        open_graph, seeds_graph: nx.MultiDiGraph) -> None:
    opened = open_graph(seeds_graph)
    blinken, qin = _node_id(seeds_graph, "Antony Blinken"), _node_id(seeds_graph, "Qin Gang")
    gates = _node_id(seeds_graph, "Bill Gates")
    meeting = _find_meeting(seeds_graph, "Antony Blinken", "Qin Gang", "2023-06-18")
    opened.click_node(blinken)
    assert opened.page.get_attribute("html", "data-kg-focus") == blinken
    opacity = opened.js("ids => ids.map(id => kgGraph.nodes.get(id).opacity ?? 1)",
                        [blinken, meeting, qin, gates])
    assert opacity[:3] == [1, 1, 1] and opacity[3] < 0.5
    # The panel's events are links that open the event.
    link = opened.page.locator(f'#kg-panel a[data-node="{meeting}"]')
    link.click()
    opened.page.wait_for_function(f"() => document.documentElement.dataset.kgFocus === {meeting!r}")
    assert opened.page.inner_text("#kg-panel h2").startswith("Meeting: Antony Blinken – Qin Gang")
    # Clicking the empty canvas lights everything again.
    box = opened.page.locator("#kg-network").bounding_box()
    opened.page.mouse.click(box["x"] + 3, box["y"] + 3)
    assert opened.js("id => kgGraph.nodes.get(id).opacity ?? 1", gates) == 1
    opened.assert_clean()


@pytest.mark.parametrize(("label", "short"), [
    ("Qin Gang", False), ("Secretary of State (United States)", False), ("Qin Gang", True)])
def test_a_link_to_a_node_opens_the_page_on_it(open_graph, seeds_graph: nx.MultiDiGraph, label: str,
                                               short: bool) -> None:
    node = _node_id(seeds_graph, label)
    # The whole IRI, or its end after the resource namespace ("person/qin-gang").
    opened = open_graph(seeds_graph, fragment=node.split("/id/", 1)[1] if short else node)
    opened.page.wait_for_function("() => kgGraph.settled()")
    assert opened.page.get_attribute("#kg-panel", "data-node") == node
    assert opened.page.inner_text("#kg-panel h2") == label
    assert opened.page.get_attribute("html", "data-kg-focus") == node
    # An office is not in the people view: the link draws it all the same.
    assert node in opened.js("() => kgGraph.drawn.nodes.getIds()")
    opened.assert_clean()


def test_a_participant_edge_shows_its_sentences_with_the_name_marked(
        open_graph, seeds_graph: nx.MultiDiGraph) -> None:
    qin = _node_id(seeds_graph, "Qin Gang")
    meeting = _find_meeting(seeds_graph, "Antony Blinken", "Qin Gang", "2023-06-18")
    opened = open_graph(seeds_graph)
    edge = opened.js("""([u, v]) => kgGraph.drawn.edges.get().find(e => e.from === u && e.to === v).id""",
                     [meeting, qin])
    box = opened.page.locator("#kg-network").bounding_box()
    # Click the edge halfway between its ends, as a person would.
    ends = opened.js("""([u, v]) => { const net = kgGraph.network, p = net.getPositions([u, v]);
                        return [net.canvasToDOM(p[u]), net.canvasToDOM(p[v])]; }""", [meeting, qin])
    middle = ((ends[0]["x"] + ends[1]["x"]) / 2, (ends[0]["y"] + ends[1]["y"]) / 2)
    opened.page.mouse.click(box["x"] + middle[0], box["y"] + middle[1])
    assert opened.page.get_attribute("#kg-panel", "data-edge") == edge
    panel = _panel(opened)
    assert "Evidence (0 sentences)" not in panel
    marks = opened.page.locator("#kg-panel blockquote mark").all_inner_texts()
    assert marks and set(marks) <= {"Qin Gang", "Qin"}
    # Every sentence shown names him, and each article is cited once, by title and date.
    quotes = opened.page.locator("#kg-panel blockquote").all_inner_texts()
    assert quotes and all("Qin" in q for q in quotes)
    cites = opened.page.locator("#kg-panel cite").all_inner_texts()
    assert len(cites) == len(set(cites)) and all("Jun 2023" in c for c in cites)
    opened.assert_clean()


def test_citations_give_title_date_and_link_and_an_untitled_article_its_id_once(open_graph) -> None:
    G = event_graph()
    G.graph["documents"]["b.txt"] = dataclasses.replace(G.graph["documents"]["b.txt"], title=None,
                                                         url="https://example.org/b")
    G.graph["documents"]["a.txt"] = dataclasses.replace(G.graph["documents"]["a.txt"],
                                                         url="javascript:alert(1)")
    opened = open_graph(G)
    opened.js("id => kgGraph.showNode(id)", R + "event/meeting-1")
    cites = opened.page.locator("#kg-panel .kg-source cite").all_inner_texts()
    assert cites == ["Blinken arrives in Beijing · 18 Jun 2023", "b.txt · 19 Jun 2023 · source"]
    hrefs = opened.js("() => [...document.querySelectorAll('#kg-panel a[target]')].map(a => a.href)")
    assert set(hrefs) == {"https://example.org/b"}  # never the javascript: address
    opened.assert_clean()


def test_the_tooltip_goes_when_the_graph_changes_and_a_narrow_window_keeps_the_graph_tall(
        browser, open_graph) -> None:
    opened = open_graph(event_graph())
    node = R + "person/qin-gang"
    box = opened.page.locator("#kg-network").bounding_box()
    point = opened.js("id => kgGraph.network.canvasToDOM(kgGraph.network.getPositions([id])[id])", node)
    opened.page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    opened.page.wait_for_selector("#kg-tooltip:not([hidden])")
    opened.page.check("#kg-full-view")
    assert opened.page.locator("#kg-tooltip").is_hidden()
    opened.page.set_viewport_size({"width": 700, "height": 900})
    assert opened.page.locator("#kg-network").bounding_box()["height"] >= 360
    opened.assert_clean()


def test_a_large_graph_keeps_its_hubs_labels_at_fit_to_screen_and_the_rest_on_zoom(open_graph) -> None:
    G = big_graph(400)
    opened = open_graph(G, max_nodes=300)
    drawn = opened.js("() => kgGraph.drawn.nodes.getIds()")
    shown = set(opened.js("() => kgGraph.labelled(11)"))
    hub = max(drawn, key=G.degree)
    assert hub in shown and len(shown) < len(drawn) / 2
    quiet = min(drawn, key=G.degree)
    assert quiet not in shown
    opened.js("""id => kgGraph.network.moveTo({position: kgGraph.network.getPositions([id])[id], scale: 3,
                                              animation: false})""", quiet)
    assert quiet in opened.js("() => kgGraph.labelled(11)")
    opened.assert_clean()
