"""The layout is the data flow: no module of ``kg`` imports a later stage, and a worker
process, which only parses articles and finds their facts, loads none of what comes after.

The stages, in the order the data goes through them (STYLE.md):

records
    vocabularies, records, errors, settings and the readers of the data files
sources
    reading the corpus; :mod:`kg.knowledge` stands here, as it gathers every data file,
    the sources' own furniture rules and word lists among them; so does :mod:`kg.dates`
    (the date phrases, text to dates, nothing parsed), as reading an article tells whether
    its relative dates have a publication date to be resolved against
nlp
    the spaCy pipeline and kg's components
facts
    per article, over a parsed ``Doc``: mentions, dates, event candidates
resolve
    mentions across the corpus to entities
events
    candidates merged into events, with the resolution
graph
    the entities and events as one ``MultiDiGraph``
export
    the graph written out in each format, the store that loads an export, and its server
cli
    orchestration: the engines that run the per-article work, the build, the command line
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "kg"

STAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("records", ("kg.vocab", "kg.types", "kg.errors", "kg.settings", "kg.iri", "kg.kinds", "kg.tables",
                 "kg.gazetteer", "kg.roles", "kg.lexicon", "kg.events.lexicon", "kg.signals")),
    ("sources", ("kg.sources", "kg.knowledge", "kg.dates")),
    ("nlp", ("kg.nlp", "kg.pipeline")),
    ("facts", ("kg.mentions", "kg.events.find", "kg.events.disputes", "kg.facts")),
    ("resolve", ("kg.resolve", "kg.allegiance")),
    ("events", ("kg.events", "kg.events.merge")),
    ("graph", ("kg.graph",)),
    ("export", ("kg.export", "kg.store", "kg.serve")),
    ("cli", ("kg.engines", "kg.cache", "kg.flow", "kg.cli", "kg.__main__", "kg")),
)
"""Each stage and its modules; a package stands for its submodules unless one is named apart."""

AFTER_THE_WORKERS = ("kg.resolve", "kg.events.merge", "kg.graph", "kg.export", "kg.flow", "kg.store",
                     "networkx", "rdflib", "pyvis")
"""What only the parent process needs, once every article's facts are in."""


def _module_names() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def _stage(module: str) -> int:
    """The index in :data:`STAGES` of the longest entry that names ``module`` or a package of it
    (the bare ``kg`` names only the package's own ``__init__``)."""
    best: tuple[int, int] | None = None
    for index, (_, entries) in enumerate(STAGES):
        for entry in entries:
            names = module == entry or (entry != "kg" and module.startswith(entry + "."))
            if names and (best is None or len(entry) > best[0]):
                best = (len(entry), index)
    if best is None:
        raise LookupError(f"{module} belongs to no stage: add it to STAGES in {Path(__file__).name}")
    return best[1]


def _source(module: str) -> str:
    path = PACKAGE.parent.joinpath(*module.split("."))
    path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
    return path.read_text(encoding="utf-8")


def _imports(source: str, known: set[str]) -> set[str]:
    """Every module of ``kg`` that ``source`` imports, anywhere in it (in a function, or only
    for type checking, too): ``from kg.events import find`` imports ``kg.events.find``."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names
                         if f"{node.module}.{alias.name}" in known)
    return {name for name in found if name == "kg" or name.startswith("kg.")}


def _later_imports(module: str, source: str, known: set[str]) -> list[str]:
    return [
        f"{module} ({STAGES[_stage(module)][0]}) imports {imported} ({STAGES[_stage(imported)][0]})"
        for imported in sorted(_imports(source, known))
        if _stage(imported) > _stage(module)
    ]


def test_every_module_has_a_stage() -> None:
    for module in _module_names():
        _stage(module)


def test_the_table_names_only_modules_that_exist() -> None:
    known = set(_module_names())
    assert {entry for _, entries in STAGES for entry in entries} <= known


def test_no_module_imports_a_later_stage() -> None:
    known = set(_module_names())
    assert [line for module in sorted(known) for line in _later_imports(module, _source(module), known)] == []


def test_an_import_of_a_later_stage_is_seen() -> None:
    known = set(_module_names())
    source = ("from typing import TYPE_CHECKING\n"
              "from kg.events import find\n"
              "if TYPE_CHECKING:\n    from kg.types import Resolution\n"
              "def f():\n    import kg.graph\n    from kg.events import merge\n")
    assert _later_imports("kg.mentions", source, known) == [
        "kg.mentions (facts) imports kg.events (events)",
        "kg.mentions (facts) imports kg.events.merge (events)",
        "kg.mentions (facts) imports kg.graph (graph)",
    ]


_WORKER = """
import sys
from kg.engines import parse_batch
from kg.settings import Settings
from kg.types import Article

text = "The foreign minister of Norway met officials in Oslo on Monday."
batch = parse_batch([Article("a.txt", text)], Settings())
assert len(batch.facts) == 1 and batch.facts[0].mentions, batch
print("\\n".join(sorted(sys.modules)))
"""


@pytest.mark.slow
def test_a_worker_loads_nothing_of_the_later_stages() -> None:
    # A fresh interpreter, as a spawned worker is: it imports the engine and runs its job.
    done = subprocess.run([sys.executable, "-c", _WORKER], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    loaded = set(done.stdout.split())
    assert {"kg.engines", "kg.facts", "kg.events.find", "kg.nlp"} <= loaded
    assert sorted(m for m in loaded for name in AFTER_THE_WORKERS
                  if m == name or m.startswith(name + ".")) == []


def test_importing_kg_loads_no_stage() -> None:
    done = subprocess.run([sys.executable, "-c", "import sys, kg; print('\\n'.join(sorted(sys.modules)))"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert [m for m in done.stdout.split() if m.startswith("kg")] == ["kg"]


def test_kg_names_stay_its_functions_when_their_modules_load() -> None:
    code = ("import kg, kg.flow, kg.export.pyvis, kg.settings\n"
            "print(callable(kg.build), kg.to_pyvis.__module__, kg.Settings.__name__, sorted(kg.__all__) "
            "== sorted(n for n in kg.__all__ if n in dir(kg)))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "kg.export.pyvis", "Settings", "True"]
