"""The notebooks in ``notebooks/`` are committed clean and run top to bottom on the seeds export.

Each notebook is executed headless with ``nbclient``, in a kernel started from the
interpreter that runs the tests (so it imports the ``kg`` installed here, not whatever a
global ``python3`` kernelspec points at), with the notebook's folder as working directory,
as Jupyter does. A cell that raises fails the test. The executed outputs are then read
the way a person reads them: there must be a figure (PNG) and a table (HTML), and the
tables must show what the articles say.
"""

from __future__ import annotations

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
def test_actors_notebook_finds_the_secretary_of_state_most_central(executed: dict[str, NotebookNode]) -> None:
    nb = executed["01_actors.ipynb"]
    centrality = _rows(_table_with(nb, "degree", "betweenness"))
    assert centrality[0][""] == "Antony Blinken"
    assert float(centrality[0]["betweenness"]) > float(centrality[3]["betweenness"]) > 0
    people = {row[""]: row for row in _rows(_table_with(nb, "office", "former office", "country"))}
    assert people["Antony Blinken"]["office"] == "Secretary of State (United States)"
    assert people["Antony Blinken"]["country"] == "United States"
    assert "Secretary of State (United States)" in people["Mike Pompeo"]["former office"]
    assert people["Qin Gang"]["country"] == "China"
    communities = _rows(_table_with(nb, "people", "countries"))
    assert any("Antony Blinken" in row["people"] for row in communities)


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
    sentences = _rows(_table_with(nb, "label", "document", "text"))
    meeting = "Meeting: Antony Blinken – Qin Gang (2023-06-18)"
    assert sentences and all(row["label"] == meeting for row in sentences)
    assert any("Qin Gang" in row["text"] for row in sentences)
    busiest = _rows(_table_with(nb, "person", "events"))
    assert busiest[0]["person"] == "Antony Blinken" and int(busiest[0]["events"]) >= 5


@pytest.mark.slow
def test_events_notebook_sets_cooperation_against_conflict(executed: dict[str, NotebookNode]) -> None:
    nb = executed["03_events_over_time.ipynb"]
    by_status = {row[""]: row for row in _rows(_table_with(nb, "occurred", "all"))}
    assert int(by_status["meeting"]["occurred"]) >= 5 and int(by_status["all"]["all"]) >= 15
    pairs = {row[""]: row for row in _rows(_table_with(nb, "CONSULT", "events"))}
    china_us = pairs["China – United States"]
    assert int(china_us["CONSULT"]) >= 5
    conflict = {"ACCUSE", "DISAPPROVE", "DEMAND", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                "COERCE", "ASSAULT"}
    assert sum(int(v) for k, v in china_us.items() if k in conflict) >= 1
    # Undated: Russia's war in Ukraine, told in passing; the US-China dispute is dated (June 2023).
    undated = _table_with(nb, "kind", "status", "plover", "actors")
    assert any(row[0] == "Dispute: Russia – Ukraine" for row in undated)
    assert not any(row[0].startswith("Dispute: China – United States") for row in undated)
