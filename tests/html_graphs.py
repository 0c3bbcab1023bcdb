"""Hand-built graphs for the HTML export tests (shaped like :func:`kg.graph.to_graph` output)."""

from __future__ import annotations

import datetime as dt

import networkx as nx

from kg.types import DocumentInfo, Evidence

__all__ = ["XSS_PAYLOADS", "R", "big_graph", "event_graph", "said", "xss_graph"]

R = "https://w3id.org/newskg/id/"

XSS_PAYLOADS = (
    "</script><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<img src=x onerror="window.__pwned=1">',
)


def _doc(doc_id: str, title: str, day: int) -> DocumentInfo:
    return DocumentInfo(doc_id, dt.date(2023, 6, day), title, None, 1000, doc_id)


def said(doc_id: str, start: int, text: str) -> Evidence:
    return Evidence(doc_id, start, start + len(text), text)


def event_graph() -> nx.MultiDiGraph:
    """Three people, two countries, an office, a place, an issue and one event of every kind."""
    G = nx.MultiDiGraph()
    G.graph["documents"] = {
        "a.txt": _doc("a.txt", "Blinken arrives in Beijing", 18),
        "b.txt": _doc("b.txt", "Talks at the guesthouse", 19),
    }
    G.graph["kg_version"] = "test"
    people = {
        "person/antony-blinken": ("Antony Blinken", ["Blinken"], "country/united-states"),
        "person/qin-gang": ("Qin Gang", ["Qin"], "country/china"),
        "person/wang-yi": ("Wang Yi", ["Wang Ye", "Wang"], "country/china"),
    }
    G.add_node(R + "country/china", kind="country", label="China", aliases=["Beijing"],
               evidence=(said("a.txt", 0, "China said so."),))
    G.add_node(R + "country/united-states", kind="country", label="United States", aliases=["US"],
               evidence=(said("a.txt", 20, "The US said so."),))
    for iri, (label, aliases, country) in people.items():
        G.add_node(R + iri, kind="person", label=label, aliases=aliases, country=R + country,
                   evidence=(said("a.txt", 100, f"{label} spoke."),))
        G.add_edge(R + iri, R + country, key="country")
    G.add_node(R + "office/secretary-of-state", kind="office", label="Secretary of State (United States)",
               aliases=["Secretary of State"], evidence=(said("a.txt", 200, "Secretary of State Blinken."),))
    G.add_edge(R + "office/secretary-of-state", R + "country/united-states", key="office_of")
    G.add_edge(R + "person/antony-blinken", R + "office/secretary-of-state", key="holds_office",
               evidence=(said("a.txt", 200, "Secretary of State Blinken."),))
    G.add_node(R + "place/diaoyutai", kind="place", label="Diaoyutai State Guesthouse", aliases=["Diaoyutai"],
               country=R + "country/china", evidence=(said("b.txt", 5, "at the Diaoyutai State Guesthouse"),))
    G.add_edge(R + "place/diaoyutai", R + "country/china", key="country")
    G.add_node(R + "issue/taiwan", kind="issue", label="Taiwan", aliases=[],
               evidence=(said("b.txt", 400, "They differ on Taiwan."),))

    def event(name: str, kind: str, date: str, status: str, sentences: tuple[Evidence, ...],
              **edges: list[str]) -> None:
        iri = R + "event/" + name
        G.add_node(iri, kind=kind, label=f"{kind} {date}", aliases=[], evidence=sentences, date=date,
                   date_precision="day" if len(date) == 10 else "month", status=status, plover="CONSULT",
                   rules=["test"])
        for key, targets in edges.items():
            for target in targets:
                G.add_edge(iri, R + target, key=key)

    event("meeting-1", "meeting", "2023-06-18", "occurred",
          (said("a.txt", 300, "Blinken met Qin Gang for five and a half hours on Sunday."),
           said("b.txt", 10, "The talks at the Diaoyutai State Guesthouse were candid.")),
          participant=["person/antony-blinken", "person/qin-gang"], place=["place/diaoyutai"])
    event("call-1", "phone_call", "2023-06-14", "planned",
          (said("a.txt", 500, "Blinken will call Wang Yi."),),
          participant=["person/antony-blinken", "person/wang-yi"])
    event("visit-1", "visit", "2023-06-18", "occurred", (said("a.txt", 600, "Blinken arrived in Beijing."),),
          traveller=["person/antony-blinken"], destination=["country/china"])
    event("dispute-1", "dispute", "2023-06", "occurred", (said("b.txt", 400, "They differ on Taiwan."),),
          party=["country/united-states", "country/china"], issue=["issue/taiwan"])
    event("cooperation-1", "cooperation", "2023-06-19", "possible",
          (said("b.txt", 700, "Both sides may work together on fentanyl."),),
          participant=["country/united-states", "country/china"])
    return G


def xss_graph() -> nx.MultiDiGraph:
    """The event graph with script and image-tag payloads in every text field the page shows."""
    G = event_graph()
    bad = " ".join(XSS_PAYLOADS)
    G.graph["documents"]["a.txt"] = _doc("a.txt", "Title " + bad, 18)
    meeting = R + "event/meeting-1"
    G.nodes[meeting]["evidence"] = (*G.nodes[meeting]["evidence"], said("a.txt", 900, "Quote: " + bad))
    G.add_node(R + "person/mallory", kind="person", label=XSS_PAYLOADS[1], aliases=list(XSS_PAYLOADS),
               evidence=tuple(said("a.txt", 1000 + i, p) for i, p in enumerate(XSS_PAYLOADS)))
    G.add_edge(meeting, R + "person/mallory", key="participant")
    return G


def big_graph(n_people: int, seed: int = 0) -> nx.MultiDiGraph:
    """A synthetic corpus graph of roughly ``2.2 * n_people`` nodes: people with countries and
    offices, meetings between them, a few sentences each. For size tests and benchmarks."""
    import random

    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    n_docs = max(5, n_people // 20)
    G.graph["documents"] = {f"{i:05d}.txt": _doc(f"{i:05d}.txt", f"Article {i}", 1 + i % 28)
                            for i in range(n_docs)}
    docs = list(G.graph["documents"])
    countries = [R + f"country/c{i}" for i in range(max(5, n_people // 30))]
    for i, c in enumerate(countries):
        G.add_node(c, kind="country", label=f"Country {i}", aliases=[],
                   evidence=(said(docs[i % n_docs], 0, "x"),))
    people = [R + f"person/p{i}" for i in range(n_people)]
    for i, p in enumerate(people):
        doc = rng.choice(docs)
        G.add_node(p, kind="person", label=f"Person {i}", aliases=[f"P{i}"],
                   evidence=(said(doc, i, f"Person {i} said something about the talks."),))
        G.add_edge(p, rng.choice(countries), key="country")
        if i % 3 == 0:
            office = R + f"office/o{i}"
            G.add_node(office, kind="office", label=f"Minister {i}", aliases=[], evidence=())
            G.add_edge(p, office, key="holds_office")
    for i in range(int(n_people * 0.85)):
        event = R + f"event/m{i}"
        doc = rng.choice(docs)
        G.add_node(event, kind="meeting", label=f"meeting {i}", aliases=[], date=f"2023-06-{1 + i % 28:02d}",
                   date_precision="day", status="occurred", plover="CONSULT", rules=[],
                   evidence=(said(doc, i, f"Two officials met on day {i}."),))
        # Preferential choice, so that a few people are much more connected than the rest.
        a, b = rng.sample(people[: max(2, int(n_people * rng.random() ** 2))] or people, 2)
        G.add_edge(event, a, key="participant")
        G.add_edge(event, b, key="participant")
    return G
