"""``kg serve``: the store over HTTP on 127.0.0.1, the graph's page beside it, stopped cleanly."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdf_graphs import tricky_graph

from kg.export.files import write_all
from kg.export.rdf import to_turtle
from kg.serve import prefix_lines
from kg.store import load

PAGE = "<!doctype html><title>the graph</title>"
KG = [sys.executable, "-c", "import sys; from kg.cli import main; sys.exit(main(sys.argv[1:]))"]
"""The ``kg`` command, in this Python."""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture
def store(tmp_path: Path) -> Path:
    write_all(tmp_path / "out", {"graph.ttl": to_turtle(tricky_graph()), "graph.html": PAGE})
    load(tmp_path / "out" / "graph.ttl", tmp_path / "store")
    return tmp_path / "store"


@pytest.mark.slow
def test_serve_answers_sparql_and_the_page_on_localhost_then_stops(store: Path) -> None:
    port, page_port = _free_port(), _free_port()
    command = [*KG, "serve", "--store", str(store), "--port", str(port), "--page-port", str(page_port)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        said = []
        for line in process.stdout:  # type: ignore[union-attr]
            said.append(line)
            if "Ctrl-C stops it" in line:
                break
        else:
            pytest.fail("kg serve stopped: " + process.stderr.read())  # type: ignore[union-attr]
        assert f"SPARQL endpoint http://127.0.0.1:{port}/query" in said[0]
        assert f"graph page http://127.0.0.1:{page_port}/graph.html" in said[1]
        assert "".join(line for line in said if line.startswith("PREFIX")) == prefix_lines()
        # a query as pasted from the README: its own PREFIX lines, the server knows none
        query = prefix_lines() + "SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name } ORDER BY ?name"
        url = f"http://127.0.0.1:{port}/query?" + urllib.parse.urlencode({"query": query})
        request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            names = [b["name"]["value"] for b in json.load(response)["results"]["bindings"]]
        assert names == ['Ann "The Fish" Lee', "Bo Chen", "Cy Old"]
        with urllib.request.urlopen(f"http://127.0.0.1:{page_port}/graph.html", timeout=10) as response:
            assert response.read().decode() == PAGE
        # read-only: an update is refused
        update = urllib.request.Request(f"http://127.0.0.1:{port}/update", method="POST",
                                        data=b"INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                                        headers={"Content-Type": "application/sparql-update"})
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(update, timeout=10)
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=20) == 0
        assert not _listening(port) and not _listening(page_port)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_serve_a_folder_that_is_no_store_says_so(tmp_path: Path) -> None:
    done = subprocess.run([*KG, "serve", "--store", str(tmp_path / "none")], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 1
    assert done.stderr.startswith("kg: error: KG404 ") and len(done.stderr.splitlines()) == 1


def test_serve_on_a_taken_port_says_so_and_starts_nothing(store: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([*KG, "serve", "--store", str(store), "--port", str(port)], capture_output=True,
                              text=True, timeout=60, check=False)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr == (f"kg: error: KG431 127.0.0.1:{port}: the port is taken (Address already in use); "
                           "pass another --port\n")
