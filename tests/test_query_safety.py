"""``kg query`` on hostile queries and hostile data: it stays offline, streams its rows,
fails in one coded line, and prints nothing a terminal or a spreadsheet would run."""

from __future__ import annotations

import csv
import http.server
import io
import json
import os
import resource
import select
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdf_graphs import tricky_graph

from kg.cli import main
from kg.export.rdf import to_turtle
from kg.store import calls_service, csv_cell, load

# Oxigraph refuses HTTP to port 9 before it connects: a query that reaches for it says so
# with an OSError, which tells whether Oxigraph would have sent it, without a network.
NOWHERE = "<http://127.0.0.1:9/sparql>"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("query_safety")
    export = folder / "graph.ttl"
    export.write_text(to_turtle(tricky_graph()), encoding="utf-8")
    load(export, folder / "store")
    return folder / "store"


def _one_line_error(err: str, code: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"kg: error: {code} "), err
    return lines[0]


# ------------------------------------------------------------------ offline: SERVICE


class _Endpoint(http.server.BaseHTTPRequestHandler):
    """A SPARQL endpoint on the loopback that counts the requests it gets."""

    requests: list[str]

    def _answer(self) -> None:
        self.requests.append(self.path)
        body = json.dumps({"head": {"vars": ["remote"]},
                           "results": {"bindings": [{"remote": {"type": "uri", "value": "urn:remote"}}]}})
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body.encode())

    do_GET = do_POST = _answer

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def endpoint() -> Iterator[tuple[str, list[str]]]:
    requests: list[str] = []
    handler = type("Handler", (_Endpoint,), {"requests": requests})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql", requests
    finally:
        server.shutdown()


def test_service_is_refused_and_sends_nothing(
    store: Path, endpoint: tuple[str, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    url, requests = endpoint
    query = f"SELECT * {{ SERVICE <{url}> {{ ?remote ?p ?o }} }}"
    assert main(["query", query, "--store", str(store)]) == 1
    assert "--allow-service" in _one_line_error(capsys.readouterr().err, "KG415")
    assert requests == []


def test_allow_service_sends_the_query(
    store: Path, endpoint: tuple[str, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    url, requests = endpoint
    query = f"SELECT ?remote {{ SERVICE <{url}> {{ ?remote ?p ?o }} }}"
    assert main(["query", query, "--store", str(store), "--format", "csv", "--allow-service"]) == 0
    assert capsys.readouterr().out == "remote\r\nurn:remote\r\n"
    assert len(requests) == 1


def _oxigraph_would_call(query: str) -> bool | None:
    """True when Oxigraph reaches for the endpoint, False when it does not, None when it
    does not run the query at all."""
    xsd = "http://www.w3.org/2001/XMLSchema#"
    data = ox.Store()
    for s, o in [("urn:a", ox.Literal("1", datatype=ox.NamedNode(xsd + "integer"))),
                 ("urn:a", ox.Literal("true", datatype=ox.NamedNode(xsd + "boolean"))),
                 ("http://x/A#", ox.NamedNode("urn:b"))]:
        data.add(ox.Quad(ox.NamedNode(s), ox.NamedNode("urn:p"), o))
    try:
        result = data.query(query, prefixes={"ex": "urn:"})
        if not isinstance(result, ox.QueryBoolean):
            list(result)
    except OSError:
        return True
    except (SyntaxError, RuntimeError):
        return None
    return False


# Each of these makes Oxigraph send the query out, though a careless reading sees no SERVICE.
SNEAKY = [
    f"SELECT * {{ sErViCe{NOWHERE}{{}} }}",
    f"SELECT * {{ ?s ?p 1SERVICE{NOWHERE}{{}} }}",
    f"SELECT * {{ ?s ?p 1.SERVICE {NOWHERE} {{}} }}",
    f"SELECT * {{ ?s ?p trueSERVICE{NOWHERE}{{}} }}",
    f"SELECT * {{ <http://x/\\u0041#> ?p ?o . SERVICE {NOWHERE} {{}} }}",
    f"SELECT * {{ ?s ?p ?o OPTIONAL{{}}SERVICE{NOWHERE}{{}} }}",
    f"SELECT * {{ ?s ?p ?o # a comment\nSERVICE {NOWHERE} {{}} }}",
]


@pytest.mark.parametrize("query", SNEAKY)
def test_every_way_oxigraph_reads_service_is_refused(query: str) -> None:
    assert _oxigraph_would_call(query) is True
    assert calls_service(query)


@pytest.mark.parametrize("query", [
    'SELECT ?service { ?service ex:service "SERVICE" } # SERVICE',
    "SELECT * { ?s <http://example.org/SERVICE> ?o . ?s ex:serviceLevel ?l }",
    "SELECT * { ?s ?p '''a SERVICE <x> {} in a long string''' }",
])
def test_the_word_in_names_strings_and_comments_is_not_service(query: str) -> None:
    assert not calls_service(query)


FRAGMENTS = ["SERVICE", "sErViCe", NOWHERE, "{", "}", "{}", "?s", "?o", "1", "1.", "true", ".", "#", "\n",
             "'", '"', "'''", "<", ">", "\\u0041", "ex:", ":", "x", " ", "SILENT", "FILTER(", ")", "?", "*",
             "/", "-", "%41", "\\.", "(", "&&", "a", "<http://x/\\u0041#>"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=10))
def test_whatever_oxigraph_would_send_is_refused(fragments: list[str]) -> None:
    query = "SELECT * { ?s ?p ?o " + "".join(fragments) + " }"
    if _oxigraph_would_call(query):
        assert calls_service(query), query


# ------------------------------------------------------------------ one coded line per failure


@pytest.mark.parametrize(("query", "code"), [
    ("SELECT * { SERVICE ?u { ?s ?p ?o } }", "KG413"),          # the endpoint is an unbound variable
    ("SELECT ?x { BIND(<urn:no-such-function>(1) AS ?x) }", "KG413"),
    ("SELECT * WHERE { ?s ?p }", "KG411"),
    ("DELETE WHERE { ?s ?p ?o }", "KG411"),                     # an update is not a query
])
def test_every_query_error_is_one_coded_line(
    store: Path, query: str, code: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["query", query, "--store", str(store), "--allow-service"]) == 1
    captured = capsys.readouterr()
    _one_line_error(captured.err, code)
    assert "Traceback" not in captured.err


# ------------------------------------------------------------------ nothing a terminal or spreadsheet runs


def test_a_table_shows_control_characters_escaped(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    query = "SELECT ?text { ?m kg:text ?text } ORDER BY ?text"
    assert main(["query", query, "--store", str(store)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert all(ch == "\n" or ch.isprintable() for ch in out), "a raw control character reached the terminal"
    assert any(line.startswith("control \\x00\\x01\\x07\\x1b\\x7f characters") for line in lines)
    assert any(line.startswith("two\\nlines\\r\\nand a\\ttab") for line in lines)
    assert lines[-1] == f"({len(lines) - 3} rows)"  # one line per row: no row broke the table


def test_csv_cells_a_spreadsheet_would_run_are_quoted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cells = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "-5", "+1.5e3", "Ann Lee", ""]
    export = tmp_path / "cells.nt"
    export.write_text("".join(f'<urn:s{i}> <urn:p> "{json.dumps(c)[1:-1]}" .\n' for i, c in enumerate(cells)),
                      encoding="utf-8")
    load(export, tmp_path / "store")
    query = "SELECT ?v { ?s <urn:p> ?v } ORDER BY ?s"
    assert main(["query", query, "--store", str(tmp_path / "store"), "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out, newline="")))
    by_subject = sorted(range(len(cells)), key=lambda i: f"urn:s{i}")
    got = dict(zip(by_subject, (row[0] for row in rows[1:]), strict=True))
    assert [got[i] for i in range(len(cells))] == [
        "'=cmd|' /C calc'!A0", "'+1+1", "'-2+3", "'@SUM(A1)", "'\tx", "'\rx", "-5", "+1.5e3", "Ann Lee", ""]
    assert all(csv_cell(c) == c for c in ["", "x=1", "1-2", " =1"])


# ------------------------------------------------------------------ streaming


def _limit_memory() -> None:
    # A runaway query is stopped at 3 GB instead of taking the machine with it.
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_rows_stream_out_before_a_huge_result_is_done_and_a_closed_pipe_ends_it_quietly(
    store: Path, fmt: str
) -> None:
    # About 10^9 rows: held whole, they would not fit; streamed, the first come at once.
    query = "SELECT ?a ?b ?c ?d { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z . ?d ?t ?w }"
    command = [sys.executable, "-m", "kg", "query", query, "--store", str(store), "--format", fmt]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               preexec_fn=_limit_memory)
    try:
        deadline, got = time.monotonic() + 60, b""
        while got.count(b"\n") < 1200 and time.monotonic() < deadline:
            if select.select([process.stdout], [], [], 1)[0]:
                got += os.read(process.stdout.fileno(), 65536)  # type: ignore[union-attr]
            assert process.poll() is None, process.stderr.read().decode()  # type: ignore[union-attr]
        assert got.count(b"\n") >= 1200, "no rows came out within 60 s"
        process.stdout.close()  # type: ignore[union-attr]  (the reader goes away, as `| head` does)
        code = process.wait(30)
    finally:
        process.kill()
    assert code == 141
    assert process.stderr.read() == b""  # type: ignore[union-attr]
