"""The analyst's event table (``events.csv``, ``events.jsonl``): ``kg.export.events_table``."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import networkx as nx
import pytest
from rdf_graphs import tricky_graph

from kg.cli import main
from kg.export.events_table import COLUMNS, DTYPES, event_rows, iter_events_csv, iter_events_jsonl
from kg.knowledge import load_knowledge
from kg.types import DocumentInfo, Evidence

NAMES = [column.name for column in COLUMNS]
README = Path(__file__).resolve().parents[1] / "README.md"


def _rows(G: nx.MultiDiGraph) -> list[dict[str, object]]:
    return [dict(zip(NAMES, row, strict=True)) for row in event_rows(G)]


def _csv(G: nx.MultiDiGraph) -> str:
    return "".join(iter_events_csv(G))


def _summit(*, title: str | None = None) -> nx.MultiDiGraph:
    """Three leaders at a summit in a city, told by two articles of different days."""
    early = DocumentInfo("early.txt", dt.date(2031, 5, 1), title, None, 400, "e")
    late = DocumentInfo("late.txt", dt.date(2031, 5, 9), None, "https://example.org/late", 400, "l")
    G = nx.MultiDiGraph(documents={"early.txt": early, "late.txt": late})
    G.add_node("urn:c:chad", kind="country", label="Chad", aliases=[], iso_alpha2="TD", iso_alpha3="TCD")
    G.add_node("urn:c:mali", kind="country", label="Mali", aliases=[], iso_alpha2="ML", iso_alpha3="MLI")
    G.add_node("urn:p:zed", kind="person", label="Zed Ames", aliases=["Ames"], country="urn:c:chad")
    G.add_node("urn:p:ann", kind="person", label="Ann Roe", aliases=["Roe"], country="urn:c:mali")
    G.add_node("urn:o:bank", kind="organization", label="Bank of Sand", aliases=[])
    G.add_node("urn:pl:town", kind="place", label="Dune Town", aliases=[], country="urn:c:mali",
               latitude=12.65, longitude=-8.0)
    G.add_node("urn:i:salt", kind="issue", label="salt", aliases=[])
    G.add_node("urn:i:dams", kind="issue", label="Dams", aliases=[])
    sentences = (
        Evidence("early.txt", 0, 30, "Summit of three in Dune Town"),
        Evidence("early.txt", 40, 80, "Roe and Ames will meet the bank."),
        Evidence("late.txt", 10, 60, "The bank hosted the talks."),
        Evidence("late.txt", 70, 120, "Ames met Roe for hours."),
    )
    G.add_node("urn:e:summit", kind="meeting", label="Meeting", aliases=[], evidence=sentences,
               status="occurred", plover="CONSULT", date="2031-05-08", date_precision="day",
               issues=["urn:i:salt", "urn:i:dams"])
    for actor in ("urn:p:zed", "urn:p:ann", "urn:o:bank"):
        G.add_edge("urn:e:summit", actor, key="participant")
    G.add_edge("urn:e:summit", "urn:pl:town", key="place")
    return G


def test_an_event_of_three_actors_gives_each_pair_once_in_label_order() -> None:
    rows = _rows(_summit())
    pairs = [(row["actor1_label"], row["actor2_label"]) for row in rows]
    assert pairs == [("Ann Roe", "Bank of Sand"), ("Ann Roe", "Zed Ames"), ("Bank of Sand", "Zed Ames")]
    first = rows[0]
    assert (first["actor1_country"], first["actor1_iso2"], first["actor1_iso3"]) == ("Mali", "ML", "MLI")
    assert (first["actor2_country"], first["actor2_iso2"]) == (None, None)  # the bank acts for no country
    assert (first["place_label"], first["place_country"], first["place_iso3"]) == ("Dune Town", "Mali", "MLI")
    assert (first["place_latitude"], first["place_longitude"]) == (12.65, -8.0)
    assert (first["year"], first["month"], first["day"], first["date_precision"]) == (2031, 5, 8, "day")
    assert first["issues"] == "Dams; salt"


def test_sources_are_counted_and_the_first_is_the_earliest_published() -> None:
    row = _rows(_summit())[0]
    assert (row["sources"], row["first_source"], row["first_source_url"]) == (2, "early.txt", None)


def test_the_sentence_names_both_actors_from_the_latest_report() -> None:
    rows = {(r["actor1_label"], r["actor2_label"]): r["evidence"] for r in _rows(_summit())}
    assert rows["Ann Roe", "Zed Ames"] == "Ames met Roe for hours."
    # No sentence names the bank by name: the latest article's first sentence.
    assert rows["Ann Roe", "Bank of Sand"] == "The bank hosted the talks."


def test_a_headline_is_cited_only_when_nothing_else_tells_of_the_event() -> None:
    G = _summit(title="Summit of three in Dune Town")
    evidence = G.nodes["urn:e:summit"]["evidence"]
    G.nodes["urn:e:summit"]["evidence"] = (evidence[0], evidence[1])
    assert {r["evidence"] for r in _rows(G)} == {"Roe and Ames will meet the bank."}
    G.nodes["urn:e:summit"]["evidence"] = (evidence[0],)
    assert {r["evidence"] for r in _rows(G)} == {"Summit of three in Dune Town"}


def test_a_visit_by_one_traveller_is_paired_with_the_country_visited() -> None:
    G = _summit()
    G.add_node("urn:e:trip", kind="visit", label="Visit", aliases=[], evidence=(), status="planned",
               plover="CONSULT", mode="visit")
    G.add_edge("urn:e:trip", "urn:p:zed", key="participant")
    G.add_edge("urn:e:trip", "urn:p:zed", key="traveller")
    G.add_edge("urn:e:trip", "urn:pl:town", key="destination")
    G.add_edge("urn:e:trip", "urn:pl:town", key="place")
    trip = next(r for r in _rows(G) if r["event_id"] == "urn:e:trip")
    assert (trip["actor1_label"], trip["actor2_label"], trip["actor2_kind"], trip["actor2_iso2"]) == (
        "Zed Ames", "Mali", "country", "ML")
    assert (trip["date"], trip["date_precision"], trip["year"]) == (None, "none", None)
    assert (trip["sources"], trip["first_source"], trip["evidence"]) == (0, None, None)


def test_rows_come_by_date_undated_last_whatever_order_the_graph_was_built_in() -> None:
    dates = [row["date"] for row in _rows(tricky_graph())]
    assert dates == ["2023", "2023-06", "2023-06-18", None, None]
    assert _csv(tricky_graph()) == _csv(tricky_graph(reverse=True))


def test_the_csv_reads_back_cell_for_cell_with_hard_text() -> None:
    G = tricky_graph()
    text = _csv(G)
    read = list(csv.reader(io.StringIO(text, newline="")))
    assert read[0] == NAMES
    expected = [["" if cell is None else str(cell) for cell in row] for row in event_rows(G)]
    assert read[1:] == expected
    assert any("\n" in cell for row in read for cell in row)  # a sentence over two lines stays one cell


def test_the_jsonl_twin_holds_the_same_rows_with_nulls_and_numbers() -> None:
    G = tricky_graph()
    lines = "".join(iter_events_jsonl(G)).splitlines()
    assert [json.loads(line) for line in lines] == _rows(G)
    assert list(json.loads(lines[0])) == NAMES


def test_the_readme_documents_every_column_with_its_dtype() -> None:
    documented = dict(re.findall(r"^\| `(\w+)` \| `(\w+)` \|", README.read_text("utf-8"), re.MULTILINE))
    assert {name: documented.get(name) for name in NAMES} == dict(DTYPES)


# ---------------------------------------------------------------- the seeds build


@pytest.fixture(scope="module")
def seeds_out(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("events")
    assert main(["build", str(seeds_dir), "--out", str(out), "--quiet"]) == 0
    return out


@pytest.mark.slow
def test_kg_build_writes_both_files_and_lists_them_in_the_manifest(seeds_out: Path) -> None:
    manifest = json.loads((seeds_out / "manifest.json").read_text("utf-8"))
    listed = [entry["name"] for entry in manifest["files"]]
    assert {"events.csv", "events.jsonl"} <= set(listed)
    rows = (seeds_out / "events.csv").read_text("utf-8").count("\n") - 1
    assert rows == len((seeds_out / "events.jsonl").read_text("utf-8").splitlines()) > 20


@pytest.mark.slow
def test_the_seeds_table_has_the_beijing_meeting_of_the_two_foreign_ministers(seeds_out: Path) -> None:
    with (seeds_out / "events.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    meeting = [r for r in rows if r["date"] == "2023-06-18" and r["kind"] == "meeting"
               and {r["actor1_label"], r["actor2_label"]} == {"Antony Blinken", "Qin Gang"}]
    assert len(meeting) == 1
    row = meeting[0]
    assert (row["status"], row["plover_type"], row["place_label"], row["place_iso2"]) == (
        "occurred", "CONSULT", "Beijing", "CN")
    codes = {(row["actor1_iso2"], row["actor1_iso3"]), (row["actor2_iso2"], row["actor2_iso3"])}
    assert codes == {("US", "USA"), ("CN", "CHN")}
    assert int(row["sources"]) >= 2
    assert "Qin" in row["evidence"] and "Blinken" in row["evidence"]
    beijing = load_knowledge(None).capitals["CHN"]
    where = (float(row["place_latitude"]), float(row["place_longitude"]))
    assert where == (beijing.latitude, beijing.longitude)


@pytest.mark.slow
def test_the_seeds_csv_round_trips_through_pandas_with_the_documented_dtypes(seeds_out: Path) -> None:
    pd = pytest.importorskip("pandas")
    text = (seeds_out / "events.csv").read_text("utf-8")
    frame = pd.read_csv(io.StringIO(text), dtype=dict(DTYPES), keep_default_na=False, na_values=[""])
    assert list(frame.columns) == NAMES
    assert {name: str(dtype) for name, dtype in frame.dtypes.items()} == dict(DTYPES)
    assert frame.to_csv(index=False, lineterminator="\n") == text
    assert frame["year"].min() >= 2022
    assert frame["date_precision"].isin(["day", "month", "year", "none"]).all()
