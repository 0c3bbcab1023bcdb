"""kg: knowledge graphs of people, offices, countries and events from English news.

``kg.build(folder)`` parses a folder of articles into a graph; ``kg.read_graph(folder)``
reads back the graph that ``kg build`` exported there (no parsing); ``kg.to_pyvis(G)``
gives the graph as a pyvis network in kg's styling, to restyle and show as kg's page.

The names are imported when first used (PEP 562), so that importing one stage, as a
worker process does to parse articles, does not import the whole flow with it.

>>> import kg
>>> callable(kg.build), callable(kg.read_graph), callable(kg.to_pyvis)
(True, True, True)
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.export.nodelink import read_graph
    from kg.export.pyvis import to_pyvis
    from kg.flow import BuildReport, build, version
    from kg.settings import Settings

__all__ = ["BuildReport", "Settings", "build", "read_graph", "to_pyvis", "version"]

_HOMES = {
    "BuildReport": "kg.flow",
    "Settings": "kg.settings",
    "build": "kg.flow",
    "read_graph": "kg.export.nodelink",
    "to_pyvis": "kg.export.pyvis",
    "version": "kg.flow",
}
"""The module that defines each public name."""


def __getattr__(name: str) -> Any:
    """A public name, from the module that defines it; ``__version__`` is the installed version."""
    if name == "__version__":
        return import_module("kg.flow").version()
    if name not in _HOMES:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    return getattr(import_module(_HOMES[name]), name)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__, "__version__"})
