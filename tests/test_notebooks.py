"""The notebooks in ``notebooks/`` are committed clean and run top to bottom on the seeds export.

Each notebook is executed headless with ``nbclient``, in a kernel started from the
interpreter that runs the tests (so it imports the ``kg`` installed here, not whatever a
global ``python3`` kernelspec points at), with the notebook's folder as working directory,
as Jupyter does. A cell that raises fails the test. The executed outputs are then read
the way a person reads them: there must be a figure (PNG) and a table (HTML), and the
tables must show what the articles say.
"""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from jupyter_client.manager import AsyncKernelManager
    from nbformat import NotebookNode

# The `notebooks` extra, which scripts/test.sh installs: missing, the suite fails rather
# than skipping the notebooks it is meant to check.
import nbclient  # noqa: F401
import nbformat
import networkx as nx

import kg
from kg.kinds import EVENT_ROWS
from kg.vocab import Plover

ROOT = Path(__file__).parent.parent
NOTEBOOKS = ROOT / "notebooks"
ALL = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))
KERNEL = "kg-test-python"

Table = list[list[str]]


# ------------------------------------------------------------------ committed clean


def test_the_notebooks_are_there() -> None:
    assert {"01_actors.ipynb", "02_sparql.ipynb", "03_events_over_time.ipynb"} <= set(ALL)


@pytest.mark.parametrize("name", ALL)
def test_committed_notebook_has_no_outputs(name: str) -> None:
    """Outputs and execution counts are not committed: they bloat diffs and go stale."""
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(nb)
    dirty = [i for i, cell in enumerate(nb.cells)
             if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)]
    assert not dirty, (f"notebooks/{name}: cells {dirty} have outputs or execution counts; clear them "
                       f"(Jupyter: Edit > Clear Outputs of All Cells) before committing")
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3"


@pytest.mark.parametrize("name", ALL)
def test_committed_notebook_has_no_paths_of_this_machine(name: str) -> None:
    text = (NOTEBOOKS / name).read_text("utf-8")
    assert str(ROOT.resolve()) not in text and str(Path.home()) not in text


# ------------------------------------------------------------------ executed


@pytest.fixture(scope="module")
def kernels(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A kernelspec folder whose only kernel runs ``sys.executable``: this venv's Python and its ``kg``."""
    from ipykernel.kernelspec import write_kernel_spec

    folder = tmp_path_factory.mktemp("kernels")
    write_kernel_spec(folder / KERNEL, overrides={"display_name": "kg tests"})
    return folder


def _kernel_manager(kernels: Path) -> AsyncKernelManager:
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager

    specs = KernelSpecManager(kernel_dirs=[str(kernels)], ensure_native_kernel=False)
    return AsyncKernelManager(kernel_name=KERNEL, kernel_spec_manager=specs)


def _execute(nb: NotebookNode, folder: Path, kernels: Path) -> NotebookNode:
    """Run every cell of ``nb`` with ``folder`` as working directory; raises on the first failing cell."""
    from nbclient import NotebookClient

    client = NotebookClient(nb, km=_kernel_manager(kernels), timeout=600,
                            resources={"metadata": {"path": str(folder)}})
    client.execute()
    return nb


class _Executed(dict):
    """Notebook name -> the notebook executed, each run once, on first use (a cell that raises
    fails the tests of that notebook only)."""

    def __init__(self, kernels: Path) -> None:
        super().__init__()
        self.kernels = kernels

    def __missing__(self, name: str) -> NotebookNode:
        self[name] = _execute(nbformat.read(NOTEBOOKS / name, as_version=4), NOTEBOOKS, self.kernels)
        return self[name]


@pytest.fixture(scope="module")
def executed(kernels: Path) -> dict[str, NotebookNode]:
    """The executed notebooks, by file name."""
    return _Executed(kernels)


def _outputs(nb: NotebookNode) -> list[dict]:
    return [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]


class _Tables(HTMLParser):
    """Every ``<table>`` of pandas' HTML: its header row and its body rows, as cell texts."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[Table] = []  # [header row, *body rows]
        self.part = ""
        self.row: list[str] | None = None
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag in {"thead", "tbody"}:
            self.part = tag
        elif tag == "tr":
            self.row = []
        elif tag in {"td", "th"}:
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in {"td", "th"} and self.cell is not None and self.row is not None:
            self.row.append("".join(self.cell).strip())
            self.cell = None
        elif tag == "tr" and self.row is not None and self.tables:
            # pandas writes the column names in the first header row; a second one holds the index name.
            if self.part == "tbody" or not self.tables[-1]:
                self.tables[-1].append(self.row)
            self.row = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def _tables(nb: NotebookNode) -> list[Table]:
    parser = _Tables()
    for output in _outputs(nb):
        html = output.get("data", {}).get("text/html")
        if html:
            parser.feed(html)
    return parser.tables


def _table_with(nb: NotebookNode, *columns: str) -> Table:
    """The first table whose header row names all ``columns``."""
    for table in _tables(nb):
        if table and set(columns) <= set(table[0]):
            return table
    raise AssertionError(f"no table with columns {columns}")


def _rows(table: Table) -> list[dict[str, str]]:
    """Body rows as dicts by column name; the index (pandas' first cell) is under ``""``."""
    header = ["", *table[0][1:]]
    return [dict(zip(header, row, strict=True)) for row in table[1:]]


def test_the_kernel_is_this_interpreter(kernels: Path) -> None:
    from nbformat.v4 import new_code_cell, new_notebook

    nb = _execute(new_notebook(cells=[new_code_cell("import sys\nprint(sys.prefix)")]), NOTEBOOKS, kernels)
    assert _outputs(nb)[0]["text"].strip() == sys.prefix


@pytest.mark.slow
@pytest.mark.parametrize("name", ALL)
def test_notebook_shows_a_figure_and_a_table(name: str, executed: dict[str, NotebookNode]) -> None:
    outputs = _outputs(executed[name])
    assert not [o for o in outputs if o["output_type"] == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs), f"{name} draws no figure"
    assert any("<table" in o.get("data", {}).get("text/html", "") for o in outputs), f"{name} shows no table"


@pytest.mark.slow
@pytest.mark.parametrize("name", ALL)
def test_notebook_ends_with_a_question_it_answers_from_its_figures(
    name: str, executed: dict[str, NotebookNode]
) -> None:
    """The closing markdown asks a question; the last cell prints the answer, computed, not written in."""
    committed = nbformat.read(NOTEBOOKS / name, as_version=4)
    question, answer = committed.cells[-2:]
    assert question.cell_type == "markdown" and "?" in question.source
    assert answer.cell_type == "code" and "print(" in answer.source
    printed = [o["text"] for o in executed[name].cells[-1].outputs if o["output_type"] == "stream"]
    assert len(printed) == 1 and printed[0].strip().endswith(".")
    # The printed figures are not in the source: they come from the notebook's tables.
    assert not set(re.findall(r"\d+", printed[0])) <= set(re.findall(r"\d+", answer.source))


def _answer(nb: NotebookNode) -> str:
    return "".join(o["text"] for o in nb.cells[-1].outputs if o["output_type"] == "stream")


@pytest.mark.slow
def test_actors_notebook_ranks_people_only_each_by_its_own_measure(executed: dict[str, NotebookNode]) -> None:
    nb = executed["01_actors.ipynb"]
    people = {row[""]: row for row in _rows(_table_with(nb, "office", "former office", "country"))}
    ranking = _rows(_table_with(nb, "ties", "degree", "betweenness"))
    # People only: no office, country or place among them, and the first by degree is the one who met most.
    assert ranking[0][""] == "Antony Blinken"
    assert all(row[""] in people for row in ranking)
    degrees = [float(row["degree"]) for row in ranking]
    assert degrees == sorted(degrees, reverse=True)
    assert float(ranking[0]["betweenness"]) > float(ranking[3]["betweenness"]) > 0
    assert people["Antony Blinken"]["office"] == "Secretary of State (United States)"
    assert people["Antony Blinken"]["country"] == "United States"
    assert "Secretary of State (United States)" in people["Mike Pompeo"]["former office"]
    assert people["Qin Gang"]["country"] == "China"
    communities = _rows(_table_with(nb, "people", "countries"))
    assert any("Antony Blinken" in row["people"] and "Qin Gang" in row["people"] for row in communities)
    answer = _answer(nb)
    assert answer.startswith("Antony Blinken lies on") and "Qin Gang" in answer
    assert f"{float(ranking[0]['betweenness']):.0%}" in answer


@pytest.mark.slow
def test_sparql_notebook_answers_who_met_whom_and_why_we_know(executed: dict[str, NotebookNode]) -> None:
    nb = executed["02_sparql.ipynb"]
    meetings = _rows(_table_with(nb, "a", "b", "date", "place", "status"))
    assert {"a": "Antony Blinken", "b": "Qin Gang", "date": "2023-06-18", "place": "Beijing",
            "status": "occurred", "kind": "meeting"}.items() <= next(
        row for row in meetings if row["date"] == "2023-06-18").items()
    offices = _rows(_table_with(nb, "person", "office", "of", "tenure"))
    assert {"person": "Qin Gang", "office": "Foreign Minister (China)", "of": "China", "tenure": "current"} \
        in [{k: row[k] for k in ("person", "office", "of", "tenure")} for row in offices]
    disputes = _rows(_table_with(nb, "issue", "parties"))
    assert any(row["issue"] == "Taiwan" and set(row["parties"].split(", ")) == {"China", "United States"}
               for row in disputes)
    facts = _rows(_table_with(nb, "person", "relation", "office", "document"))
    assert facts and {row["relation"] for row in facts} <= {"kg:holdsOffice", "kg:heldOffice"}
    assert not any("https://w3id.org/newskg/ontology#" in cell for table in _tables(nb) for row in table
                   for cell in row)
    sentences = _rows(_table_with(nb, "label", "document", "text"))
    meeting = "Meeting: Antony Blinken – Qin Gang (2023-06-18)"
    assert sentences and all(row["label"] == meeting for row in sentences)
    assert any("Qin Gang" in row["text"] for row in sentences)
    busiest = _rows(_table_with(nb, "person", "events"))
    assert busiest[0]["person"] == "Antony Blinken" and int(busiest[0]["events"]) >= 5
    answer = _answer(nb)
    assert "Antony Blinken and Qin Gang" in answer
    assert f"told by {len(sentences)} sentences" in answer


def _sentences_between(G: nx.MultiDiGraph, countries: set[str], plovers: set[Plover]) -> set[tuple[str, int]]:
    """The sentences of the events of ``plovers`` whose actors act for all of ``countries``."""
    def country(node: str) -> str | None:
        data = G.nodes[node]
        home = node if data["kind"] == "country" else data.get("country")
        return G.nodes[home]["label"] if home in G else None

    found = set()
    for event, data in G.nodes(data=True):
        if data["kind"] in EVENT_ROWS and Plover(data["plover"]) in plovers:
            actors = [v for _, v, key in G.out_edges(event, keys=True) if key in {"participant", "party"}]
            sides = {country(actor) for actor in actors}
            if countries <= sides:
                found |= {(ev.doc_id, ev.start) for ev in data["evidence"]}
    return found


@pytest.mark.slow
def test_events_notebook_counts_cooperation_against_conflict_per_sentence(
    executed: dict[str, NotebookNode]
) -> None:
    nb = executed["03_events_over_time.ipynb"]
    by_status = {row[""]: row for row in _rows(_table_with(nb, "occurred", "all"))}
    assert int(by_status["meeting"]["occurred"]) >= 5 and int(by_status["all"]["all"]) >= 15
    pairs = {row[""]: row for row in _rows(_table_with(nb, "CONSULT", "sentences"))}
    assert int(pairs["China – United States"]["CONSULT"]) >= 5
    sides = {row[""]: row for row in _rows(_table_with(nb, "cooperation", "conflict"))}
    china_us = sides["China – United States"]
    # Per sentence: the one dispute node counts for every sentence that tells of it, each sentence once.
    G = kg.read_graph(ROOT / "exports")
    conflict = set(Plover) - {Plover.CONSULT, Plover.AGREE, Plover.SUPPORT, Plover.COOPERATE, Plover.AID,
                              Plover.YIELD}
    told = _sentences_between(G, {"China", "United States"}, conflict)
    assert int(china_us["conflict"]) == len(told) > 1
    beijing = G.nodes["https://w3id.org/newskg/id/meeting/2023-06-18/antony-blinken-qin-gang"]["evidence"]
    assert int(china_us["cooperation"]) >= len(beijing)
    assert f"{china_us['conflict']} of conflict" in _answer(nb)
    # Undated: Russia's war in Ukraine, told in passing; the US-China dispute is dated (June 2023).
    undated = _table_with(nb, "kind", "status", "plover", "actors")
    assert any(row[0] == "Dispute: Russia – Ukraine" for row in undated)
    assert not any(row[0].startswith("Dispute: China – United States") for row in undated)
