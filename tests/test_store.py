"""``kg load`` and ``kg query``: an Oxigraph store on disk, results as table, CSV or
JSON, parameters bound as typed RDF terms, errors as one coded line."""

from __future__ import annotations

import csv
import io
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import networkx as nx
import pytest
from rdf_graphs import tricky_graph

from kg.cli import main
from kg.errors import KgError
from kg.export.files import write_all
from kg.export.rdf import to_turtle
from kg.iri import mint
from kg.store import format_result, held_builds, load, parse_binding, read_query, run_query

PEOPLE = "SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name } ORDER BY ?name"


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "graph.ttl"
    path.write_text(to_turtle(tricky_graph()), encoding="utf-8")
    return path


@pytest.fixture
def store(export: Path, tmp_path: Path) -> Path:
    where = tmp_path / "store"
    load(export, where)
    return where


def test_load_counts_the_triples(export: Path, tmp_path: Path) -> None:
    from rdflib import Graph

    assert load(export, tmp_path / "s").triples == len(Graph().parse(export, format="turtle"))
    # loading again is idempotent, and the ontology lives in its own named graph
    assert load(export, tmp_path / "s").triples == len(Graph().parse(export, format="turtle"))
    ask = "ASK { GRAPH <https://w3id.org/newskg/ontology> { kg:Meeting a owl:Class } }"
    result = run_query(tmp_path / "s", ask)
    assert result.boolean is True


def test_select_as_table_csv_and_json(store: Path) -> None:
    result = run_query(store, PEOPLE)
    assert [row[0].value for row in result.rows] == ['Ann "The Fish" Lee', "Bo Chen", "Cy Old"]
    table = format_result(result, "table").splitlines()
    assert table[0].strip() == "name" and table[-1] == "(3 rows)"
    assert 'Ann "The Fish" Lee' in table[2]
    rows = list(csv.reader(io.StringIO(format_result(result, "csv"))))
    assert rows == [["name"], ['Ann "The Fish" Lee'], ["Bo Chen"], ["Cy Old"]]
    data = json.loads(format_result(result, "json"))
    assert data["head"]["vars"] == ["name"]
    assert data["results"]["bindings"][1] == {"name": {"type": "literal", "value": "Bo Chen"}}


def test_json_results_keep_datatypes_and_iris(store: Path) -> None:
    result = run_query(store, "SELECT ?e ?d WHERE { ?e kg:date ?d } ORDER BY ?d")
    bindings = json.loads(format_result(result, "json"))["results"]["bindings"]
    assert bindings[0]["d"] == {"type": "literal", "value": "2023",
                                "datatype": "http://www.w3.org/2001/XMLSchema#gYear"}
    assert bindings[0]["e"]["type"] == "uri"


def test_ask_and_construct(store: Path) -> None:
    assert format_result(run_query(store, "ASK { ?x a kg:Visit }"), "table") == "true\n"
    assert json.loads(format_result(run_query(store, "ASK { ?x a kg:Country ; kg:status ?s }"), "json")) == {
        "head": {}, "boolean": False}
    text = format_result(run_query(store, "CONSTRUCT { ?p a kg:Person } WHERE { ?p a kg:Person }"), "table")
    assert len(text.splitlines()) == 3 and text.endswith(" .\n")


def test_bindings_are_typed_terms_not_query_text(store: Path) -> None:
    query = "SELECT ?p ?name WHERE { ?p rdfs:label ?name }"
    found = run_query(store, query, ["name=Bo Chen"])
    assert [row[0].value for row in found.rows] == [mint("person", "Bo Chen")]
    # an attempt to break out of the literal is just an odd name that matches nothing
    hostile = run_query(store, query, ['name=x" } UNION { ?p ?q ?name } #'])
    assert hostile.rows == ()
    hostile = run_query(store, query, ["name=?p"])
    assert hostile.rows == ()
    assert len(run_query(store, PEOPLE).rows) == 3
    iri = mint("person", "Cy Old")
    by_iri = run_query(store, "SELECT ?x ?name WHERE { ?x rdfs:label ?name }", [f"x=<{iri}>"])
    assert [row[1].value for row in by_iri.rows] == ["Cy Old"]
    typed = run_query(store, "SELECT ?e ?d WHERE { ?e kg:date ?d }",
                      ['d="2023-06"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>'])
    assert len(typed.rows) == 1
    untyped = run_query(store, "SELECT ?e ?d WHERE { ?e kg:date ?d }", ["d=2023-06"])
    assert untyped.rows == ()  # a plain string is not a gYearMonth
    classes = run_query(store, "SELECT ?e ?c WHERE { ?e a ?c }", ["c=kg:PhoneCall"])
    assert len(classes.rows) == 1


@pytest.mark.parametrize("binding", ["noequals", "1x=a", "x=<not an iri>", 'x="a" . <urn:a> <urn:b> <urn:c>',
                                     'x="unterminated'])
def test_bad_bindings_are_refused(binding: str) -> None:
    with pytest.raises(KgError) as caught:
        parse_binding(binding)
    assert caught.value.code == "KG412"


def test_binding_an_unselected_variable_is_refused_not_ignored(store: Path) -> None:
    with pytest.raises(KgError) as caught:
        run_query(store, "SELECT (COUNT(*) AS ?n) WHERE { ?p a ?c }", ["c=kg:Person"])
    assert caught.value.code == "KG412"


def test_errors_are_coded(store: Path, tmp_path: Path) -> None:
    cases = [
        (lambda: load(tmp_path / "missing.ttl", store), "KG401"),
        (lambda: run_query(tmp_path / "nowhere", PEOPLE), "KG404"),
        (lambda: run_query(store, "SELECT WHERE {"), "KG411"),
        (lambda: read_query(str(tmp_path / "missing.rq")), "KG405"),
        (lambda: format_result(run_query(store, PEOPLE), "xml"), "KG414"),
    ]
    for call, code in cases:
        with pytest.raises(KgError) as caught:
            call()
        assert caught.value.code == code


@pytest.mark.parametrize(
    ("query", "line"),
    [
        ("SELECT ?x WHERE { ?x a foo:Bar }",
         "KG411 query: unknown prefix `foo:` at line 1, column 24; declare it (PREFIX foo: <...>) or use one "
         "of kg's: dcterms: kg: owl: prov: rdf: rdfs: skos: xsd:"),
        ('SELECT ?x # ex:no\nWHERE { ?x rdfs:label "ex:no" ;\n  a ex:Y }',
         "unknown prefix `ex:` at line 3, column 5;"),
        ("SELECT ?x WHERE {",
         "KG411 query: not valid SPARQL at line 1, column 18, at the end of the query: expected "),
        ("SELECT ?x WHERE { ?x ?p ?o } LIMIT ten",
         "KG411 query: not valid SPARQL at line 1, column 36, at `ten`"),
    ],
)
def test_a_query_error_says_where_and_what_in_one_line(store: Path, query: str, line: str) -> None:
    with pytest.raises(KgError) as caught:
        run_query(store, query)
    assert line in str(caught.value)
    assert "\n" not in str(caught.value) and "u{" not in str(caught.value)


def test_binding_a_variable_the_query_lacks_names_the_closest(store: Path) -> None:
    query = ('SELECT ?status ?date WHERE { ?e kg:status ?status ; rdfs:label "?stat" '
             "OPTIONAL { ?e kg:date ?date } }")
    with pytest.raises(KgError) as caught:
        run_query(store, query, ["stauts=planned"])
    assert str(caught.value) == ("KG412 --bind: no variable ?stauts in the query; did you mean ?status? "
                                 "it has ?status, ?date, ?e")
    with pytest.raises(KgError) as caught:
        run_query(store, query, ["stat=planned"])  # a string or a comment holds no variable
    assert caught.value.message.startswith("no variable ?stat in the query; did you mean ?status?")


def test_a_bad_file_leaves_the_store_unchanged(store: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text('<urn:a> <urn:b> "ok" .\n<urn:a> <urn:b> "broken .\n', encoding="utf-8")
    before = len(run_query(store, "SELECT * WHERE { ?s ?p ?o }").rows)
    with pytest.raises(KgError) as caught:
        load(bad, store)
    assert caught.value.code == "KG402"
    assert len(run_query(store, "SELECT * WHERE { ?s ?p ?o }").rows) == before


def test_a_load_replaces_the_graph_and_append_adds(store: Path, tmp_path: Path) -> None:
    small = tmp_path / "small.nt"
    small.write_text('<urn:a> <urn:b> "c" .\n', encoding="utf-8")
    assert load(small, store, append=True).triples > 1
    assert load(small, store).triples == 1


STATUSES = "SELECT ?e ?status WHERE { ?e kg:status ?status } ORDER BY ?e ?status"


def _build_folder(folder: Path, graph: nx.MultiDiGraph) -> Path:
    """``graph.ttl`` of ``graph`` written as kg build writes it, with its manifest."""
    write_all(folder, {"graph.ttl": to_turtle(graph)})
    return folder / "graph.ttl"


def _planned(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``graph`` where the meeting that took place is only planned, and held in another place."""
    changed = graph.copy()
    meeting = mint("meeting", "2023-06-18", "ann-lee-bo-chen")
    changed.nodes[meeting]["status"] = "planned"
    changed.remove_edge(meeting, mint("place", "Port Town"), "place")
    changed.add_edge(meeting, mint("country", "Lemuria"), key="place")
    return changed


def test_loading_twice_leaves_one_status_per_event_and_names_the_build(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = _build_folder(tmp_path / "one", tricky_graph())
    second = _build_folder(tmp_path / "two", _planned(tricky_graph()))
    where = tmp_path / "store"
    assert main(["load", str(first), "--store", str(where)]) == 0
    assert main(["load", str(second), "--store", str(where)]) == 0
    err = capsys.readouterr().err.splitlines()
    build = json.loads((tmp_path / "two" / "manifest.json").read_text())["build"]
    assert err[-1].endswith(f"; store now holds build {build}")
    assert not any("KG420" in line for line in err)
    rows = run_query(where, STATUSES).rows
    assert len({row[0] for row in rows}) == len(rows) == 5
    assert "planned" in {row[1].value for row in rows}
    assert [held.build for held in held_builds(where)] == [build]
    assert main(["query", "--builds", "--store", str(where)]) == 0
    assert capsys.readouterr().out == f"{where} holds build {build}\n"


def test_append_names_each_contradiction_and_keeps_both(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    first = _build_folder(tmp_path / "one", tricky_graph())
    second = _build_folder(tmp_path / "two", _planned(tricky_graph()))
    where = tmp_path / "store"
    assert main(["load", str(first), "--store", str(where)]) == 0
    capsys.readouterr()
    assert main(["load", str(second), "--store", str(where), "--append"]) == 0
    warnings = [line for line in capsys.readouterr().err.splitlines() if "KG420" in line]
    meeting = mint("meeting", "2023-06-18", "ann-lee-bo-chen")
    assert len(warnings) == 2, warnings
    status, place = sorted(warnings, key=lambda line: "kg:place" in line)
    assert f'kg:status of <{meeting}>' in status and '"occurred" in the store and "planned"' in status
    assert f'kg:place of <{meeting}>' in place and f"<{mint('country', 'Lemuria')}> in this export" in place
    statuses = [row[1].value for row in run_query(where, STATUSES).rows if row[0].value == meeting]
    assert statuses == ["occurred", "planned"]
    assert len(held_builds(where)) == 2
    # an export in agreement with the store has nothing to warn about, and is listed once
    load(first, where)
    again = load(first, where, append=True)
    assert again.contradictions == () and len(again.builds) == 1


def test_query_file(store: Path, tmp_path: Path) -> None:
    rq = tmp_path / "people.rq"
    rq.write_text("# people\n" + PEOPLE + "\n", encoding="utf-8")
    assert len(run_query(store, read_query(str(rq))).rows) == 3


def test_cli_load_and_query(export: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    where = tmp_path / "cli-store"
    assert main(["load", str(export), "--store", str(where)]) == 0
    capsys.readouterr()
    assert main(["query", PEOPLE, "--store", str(where), "--format", "csv", "--bind", "name=Cy Old"]) == 0
    assert capsys.readouterr().out == "name\r\nCy Old\r\n"


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["query", "SELECT ?x WHERE {", "--store", "{store}"], "KG411"),
        (["query", PEOPLE, "--store", "{tmp}/none"], "KG404"),
        (["load", "{tmp}/none.ttl", "--store", "{store}"], "KG401"),
        (["query", PEOPLE, "--store", "{store}", "--bind", "oops"], "KG412"),
    ],
)
def test_cli_errors_are_one_line(argv: list[str], code: str, store: Path, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    argv = [a.replace("{store}", str(store)).replace("{tmp}", str(tmp_path)) for a in argv]
    assert main(argv) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"kg: error: {code} "), err
    assert "Traceback" not in err[0]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_the_same_store_serves_over_http(store: Path) -> None:
    """What the README tells users to do: serve the store read-only on 127.0.0.1."""
    server = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    if server is None:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    port = _free_port()
    command = [server, "serve-read-only", "--location", str(store), "--bind", f"127.0.0.1:{port}"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        url = f"http://127.0.0.1:{port}/query?" + urllib.parse.urlencode({"query": PEOPLE.replace(
            "SELECT", "PREFIX kg: <https://w3id.org/newskg/ontology#> "
                      "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT", 1)})
        request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
        for _ in range(100):
            try:
                with urllib.request.urlopen(request, timeout=5) as response:
                    data = json.load(response)
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("the oxigraph server did not answer: " + process.stderr.read1().decode())  # type: ignore[union-attr]
        assert [b["name"]["value"] for b in data["results"]["bindings"]] == ['Ann "The Fish" Lee', "Bo Chen",
                                                                            "Cy Old"]
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_store_whose_parent_is_missing_says_so(export: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["load", str(export), "--store", str(tmp_path / "a" / "b")]) == 1
    line = capsys.readouterr().err.strip()
    assert line.startswith(f"kg: error: KG403 {tmp_path / 'a' / 'b'}: ")
    assert f"its parent folder {tmp_path / 'a'} does not exist" in line
    assert "server" not in line
    assert not (tmp_path / "a").exists()


def test_a_file_in_place_of_the_store_says_so(export: Path, tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("not a store", encoding="utf-8")
    with pytest.raises(KgError) as caught:
        load(export, tmp_path / "taken")
    assert caught.value.code == "KG403" and "is a file, not a store folder" in caught.value.message


def test_a_store_held_by_another_process_names_that_cause(store: Path, export: Path) -> None:
    hold = "import sys, pyoxigraph as ox; s = ox.Store(sys.argv[1]); print('open', flush=True); input()"
    holder = subprocess.Popen([sys.executable, "-c", hold, str(store)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"  # type: ignore[union-attr]
        with pytest.raises(KgError) as caught:
            load(export, store)
        assert caught.value.code == "KG403" and "another process has it open" in caught.value.message
    finally:
        holder.kill()
        holder.wait()
