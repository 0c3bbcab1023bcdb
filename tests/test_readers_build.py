"""End to end: one folder mixing every kind of input file builds into one graph.

The folder (made here; names and stories made up) holds a ``.txt`` article, an ``.html``
page, a ``.jsonl`` file of two records, a ``.json`` list, a ``.csv`` table, a nested
subfolder and a ``.pdf``. Each article tells one meeting of two people on a weekday, so
its date comes from where the article's publication date came from.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
from pathlib import Path

import networkx as nx
import pytest

import kg
from kg.cli import main

pytestmark = pytest.mark.slow

AFTER = (
    " Both sides agreed to meet again before the end of the year and to keep their officials in close "
    "contact, a spokesman told reporters outside the building."
)
MEETINGS = {
    # doc id: (the two people, the meeting's day: the weekday before the publication date)
    "a.txt": ({"Talvo Renske", "Anselmo Quirino"}, "2031-05-06"),
    "page.html": ({"Oswin Dalgard", "Mirela Vostrik"}, "2031-05-09"),
    "wire-1": ({"Eero Lanttila", "Kadri Soomets"}, "2031-05-12"),
    "feed.jsonl#2": ({"Lucien Marchetti", "Witold Sarnecki"}, "2031-05-14"),
    "list.json#1": ({"Nikos Varvatsis", "Andreas Lefkaritis"}, "2031-05-15"),
    "table.csv#2": ({"Ciaran Dunleavy", "Sigrun Haldorsdottir"}, "2031-05-17"),
    "sub/deeper/b.txt": ({"Ueli Brandauer", "Matej Kovacic"}, "2031-05-18"),
}


def _story(first: str, second: str, place: str, day: str, topic: str) -> str:
    return f"{first} met {second} in {place} on {day} to discuss {topic}.{AFTER}"


def make_mixed_folder(folder: Path) -> None:
    """Write the folder of the module docstring."""
    (folder / "sub" / "deeper").mkdir(parents=True)
    (folder / "a.txt").write_text(
        "Ministers meet in Lisbon\n\n"
        + _story("Foreign Minister Talvo Renske of Norway", "Portuguese Foreign Minister Anselmo Quirino",
                 "Lisbon", "Tuesday", "fishing rights and shipping in the North Atlantic") + "\n",
        encoding="utf-8")
    page = _story("Prime Minister Oswin Dalgard of Denmark", "Austrian Chancellor Mirela Vostrik", "Vienna",
                  "Friday", "energy prices and the transit of gas through the region")
    (folder / "page.html").write_text(
        "<!DOCTYPE html><html><head><title>Energy talks | Example News</title>"
        '<meta property="og:title" content="Danish and Austrian leaders discuss energy">'
        '<meta property="article:published_time" content="2031-05-10T08:00:00Z">'
        '<link rel="canonical" href="https://news.example.org/energy-talks">'
        '<script>var note = "Chancellor Bogus Widget met Prime Minister Nobody Else";</script></head>'
        '<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        f"<article><h1>Danish and Austrian leaders discuss energy</h1><p>{page}</p></article>"
        "<footer>Copyright Example News. Share on social media.</footer></body></html>",
        encoding="utf-8")
    records = [
        {"id": "wire-1", "title": "Baltic talks", "published": "2031-05-12",
         "text": _story("Finnish President Eero Lanttila", "Estonian Prime Minister Kadri Soomets",
                        "Helsinki", "Monday", "a new ferry link and the defence of the Baltic Sea")},
        {"published": "2031-05-14T09:00:00Z",
         "text": _story("Belgian Foreign Minister Lucien Marchetti",
                        "Polish Foreign Minister Witold Sarnecki", "Warsaw", "Wednesday",
                        "the budget of the union and farm subsidies")},
    ]
    (folder / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    items = [{"title": "Athens meeting", "published": "2031-05-15", "url": "https://news.example.org/athens",
              "text": _story("Greek Prime Minister Nikos Varvatsis", "Cypriot President Andreas Lefkaritis",
                             "Athens", "Thursday", "the island and gas fields off its southern coast")}]
    (folder / "list.json").write_text(json.dumps(items), encoding="utf-8")
    with (folder / "table.csv").open("w", newline="", encoding="utf-8") as handle:
        table = csv.writer(handle)
        table.writerow(["published", "title", "text"])
        table.writerow(["2031-05-17", "Fishing talks",
                        _story("Irish Foreign Minister Ciaran Dunleavy",
                               "Icelandic Foreign Minister Sigrun Haldorsdottir", "Dublin", "Saturday",
                               "fishing quotas and the North Atlantic")])
    (folder / "sub" / "deeper" / "b.txt").write_text(
        "Alpine talks\n\n"
        + _story("Swiss President Ueli Brandauer", "Slovenian Prime Minister Matej Kovacic", "Bern", "Sunday",
                 "rail freight through the Alps and the price of electricity") + "\n",
        encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n")
    (folder / "metadata.csv").write_text(
        "file,published\na.txt,2031-05-08\nsub/deeper/b.txt,2031-05-18\n", encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, str, nx.MultiDiGraph]:
    """``kg build`` of the mixed folder: its exit code, its standard error and the graph it wrote."""
    root = tmp_path_factory.mktemp("mixed")
    make_mixed_folder(root / "in")
    # A module's fixture cannot take capsys: standard error is caught here.
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["build", str(root / "in"), "--out", str(root / "out"), "--quiet"])
    return code, err.getvalue(), kg.read_graph(root / "out")


def test_the_unknown_file_is_the_one_warning_line_and_the_exit_code_says_so(
    built: tuple[int, str, nx.MultiDiGraph],
) -> None:
    code, err, _ = built
    assert code == 3
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert re.match(r"^\s*KG124 \S*notes\.pdf: a \.pdf file, a kind kg does not read; skipped; ", lines[0])


def test_every_article_of_every_kind_is_one_document(built: tuple[int, str, nx.MultiDiGraph]) -> None:
    _, _, G = built
    documents = G.graph["documents"]
    assert set(documents) == set(MEETINGS)
    page = documents["page.html"]
    assert (page.title, page.url) == ("Danish and Austrian leaders discuss energy",
                                       "https://news.example.org/energy-talks")
    assert documents["list.json#1"].url == "https://news.example.org/athens"
    assert str(documents["a.txt"].published) == "2031-05-08"


def test_each_article_s_facts_appear_once(built: tuple[int, str, nx.MultiDiGraph]) -> None:
    _, _, G = built
    people = {d["label"]: d for _, d in G.nodes(data=True) if d["kind"] == "person"}
    assert set(people) == set().union(*(pair for pair, _ in MEETINGS.values()))
    meetings = [d for _, d in G.nodes(data=True) if d["kind"] == "meeting"]
    assert len(meetings) == len(MEETINGS)
    for doc_id, (pair, day) in MEETINGS.items():
        for name in pair:
            assert {e.doc_id for e in people[name]["evidence"]} == {doc_id}, name
        [meeting] = [m for m in meetings if {e.doc_id for e in m["evidence"]} == {doc_id}]
        assert all(name in meeting["label"] for name in pair)
        # Dated from the publication date each kind of file gave: metadata.csv, meta tag, field.
        assert meeting["date"] == day, doc_id
    assert len({(e.doc_id, e.start) for m in meetings for e in m["evidence"]}) == sum(
        len(m["evidence"]) for m in meetings)


def test_no_page_chrome_or_script_becomes_a_fact(built: tuple[int, str, nx.MultiDiGraph]) -> None:
    _, _, G = built
    labels = " ".join(d["label"] for _, d in G.nodes(data=True))
    assert "Bogus" not in labels and "Nobody" not in labels and "Example News" not in labels


def test_bad_records_are_coded_lines_never_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        _story("Foreign Minister Talvo Renske of Norway", "Portuguese Foreign Minister Anselmo Quirino",
               "Lisbon", "Tuesday", "fishing rights"), encoding="utf-8")
    (folder / "metadata.csv").write_text("file,published\na.txt,2031-05-08\n", encoding="utf-8")
    (folder / "bad.jsonl").write_text('{"text": "cut off\n{"body": "no text field"}\n', encoding="utf-8")
    (folder / "bad.json").write_text("[{]", encoding="utf-8")
    (folder / "bad.csv").write_text("title,body\nA,B\n", encoding="utf-8")
    assert main(["build", str(folder), "--out", str(tmp_path / "out"), "--quiet"]) == 3
    err = capsys.readouterr().err
    assert "Traceback" not in err
    line = r"^\s*(KG\d{3}) \S*?(bad\.\w+): (line \d+|not JSON|no 'text' column)"
    found = re.findall(line, err, re.MULTILINE)
    assert sorted(found) == [("KG125", "bad.json", "not JSON"), ("KG125", "bad.jsonl", "line 1"),
                             ("KG126", "bad.csv", "no 'text' column"), ("KG126", "bad.jsonl", "line 2")]
    assert len(err.splitlines()) == 4
