"""``kg serve``: a store made by ``kg load`` over HTTP on this machine, with its graph's page.

Oxigraph's own server (the ``oxigraph`` command, ``pip install oxigraph``) answers the
SPARQL 1.1 protocol at ``/query`` and has a query editor at ``/``. It runs read-only
(``serve-read-only``): an endpoint that takes updates would let any web page open in a
browser on this machine change the store with one form post. Beside it a small file
server gives the folder of the export the store was loaded from, so its ``graph.html``
opens at a URL of its own. Both listen on 127.0.0.1 only: nothing is published to the
network. Ctrl-C (or SIGTERM) stops both.

The server knows none of kg's prefixes: a query sent to it declares its own
``PREFIX`` lines (:func:`prefix_lines` gives them, and ``kg serve`` prints them).

Codes
-----
``KG430``  the oxigraph server is not installed
``KG431``  the server did not start (the port is taken, or it stopped): the message says what it said
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import FrameType
from typing import TextIO

from kg.errors import KgError, shown
from kg.iri import PREFIXES

__all__ = ["HOST", "prefix_lines", "serve"]

HOST = "127.0.0.1"
"""The only interface kg serves on."""

_START_SECONDS = 30.0


def prefix_lines() -> str:
    """kg's prefixes as SPARQL ``PREFIX`` lines, to put above a query sent to the server.

    Examples
    --------
    >>> prefix_lines().splitlines()[1]
    'PREFIX kg: <https://w3id.org/newskg/ontology#>'
    """
    return "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())


def _oxigraph() -> str:
    """The ``oxigraph`` command: on the ``PATH``, or beside this Python (a venv not activated)."""
    found = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    if found is None:
        raise KgError("KG430", "oxigraph", "the Oxigraph server is not installed; run: pip install oxigraph")
    return found


class _QuietFiles(SimpleHTTPRequestHandler):
    """The export folder's files, without a log line per request on the terminal."""

    def log_message(self, format: str, *args: object) -> None:
        return


@contextmanager
def _page_server(folder: Path, port: int) -> Iterator[ThreadingHTTPServer]:
    """Serve ``folder`` on ``HOST``:``port`` from a thread while the ``with`` block runs."""
    try:
        server = ThreadingHTTPServer((HOST, port), partial(_QuietFiles, directory=str(folder)))
    except OSError as error:
        raise KgError("KG431", f"{HOST}:{port}", f"cannot serve the page ({error.strerror}); "
                      "pass another --page-port") from error
    thread = threading.Thread(target=server.serve_forever, name="kg-page", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def _check_free(port: int, option: str) -> None:
    """``KG431`` unless ``port`` can be listened on (else a probe would find the other program there)."""
    with socket.socket() as probe:
        try:
            probe.bind((HOST, port))
        except OSError as error:
            raise KgError("KG431", f"{HOST}:{port}", f"the port is taken ({error.strerror}); pass another "
                          f"{option}") from error


def _stopped(process: subprocess.Popen[bytes]) -> str:
    """The last line the stopped server wrote, or its exit code."""
    said = (process.stderr.read() if process.stderr else b"").decode(errors="replace").strip()
    return said.splitlines()[-1] if said else f"exit code {process.returncode}"


def _wait_until_listening(process: subprocess.Popen[bytes], port: int) -> None:
    """Return once the server accepts connections on ``port``; ``KG431`` if it stops or takes too long."""
    deadline = time.monotonic() + _START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise KgError("KG431", f"{HOST}:{port}", f"the Oxigraph server stopped: {_stopped(process)}; "
                          "if the store is open elsewhere (kg load, another server) close it")
        with socket.socket() as probe:
            probe.settimeout(0.2)
            if probe.connect_ex((HOST, port)) == 0:
                return
        time.sleep(0.05)
    raise KgError("KG431", f"{HOST}:{port}", f"the Oxigraph server did not answer in {_START_SECONDS:.0f} s")


def _stop_on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def serve(store: Path, port: int, page_folder: Path | None, page_port: int, out: TextIO) -> int:
    """Serve ``store`` read-only at ``http://127.0.0.1:PORT/`` and ``page_folder`` beside it, until stopped.

    The URLs and kg's ``PREFIX`` lines are written to ``out`` once the endpoint answers.
    Returns 0 when stopped by Ctrl-C or SIGTERM (or when the server ends by itself without
    an error).
    """
    command = [_oxigraph(), "serve-read-only", "--location", str(store), "--bind", f"{HOST}:{port}"]
    _check_free(port, "--port")
    if page_folder:
        _check_free(page_port, "--page-port")
    previous = signal.signal(signal.SIGTERM, _stop_on_sigterm)
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_until_listening(process, port)
        with _page_server(page_folder, page_port) if page_folder else nullcontext() as page:
            lines = [f"kg serve: SPARQL endpoint http://{HOST}:{port}/query, query editor http://{HOST}:{port}/"]
            if page:
                lines.append(f"kg serve: graph page http://{HOST}:{page_port}/graph.html "
                             f"(the folder {shown(page_folder or '')})")
            lines.append("kg serve: the server knows no prefixes; put these above a query:")
            out.write("\n".join(lines) + "\n" + prefix_lines() + "kg serve: Ctrl-C stops it\n")
            out.flush()
            if process.wait():
                raise KgError("KG431", f"{HOST}:{port}", f"the Oxigraph server stopped: {_stopped(process)}")
            return 0
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
