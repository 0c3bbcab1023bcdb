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

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.build import BuildReport, build, version
    from kg.export.nodelink import read_graph
    from kg.export.pyvis import to_pyvis
    from kg.settings import Settings

__all__ = ["BuildReport", "Settings", "build", "read_graph", "to_pyvis", "version"]

_HOMES = {
    "BuildReport": "kg.build",
    "Settings": "kg.settings",
    "build": "kg.build",
    "read_graph": "kg.export.nodelink",
    "to_pyvis": "kg.export.pyvis",
    "version": "kg.build",
}
"""The module that defines each public name."""


def __getattr__(name: str) -> Any:
    """A public name, from the module that defines it; ``__version__`` is the installed version."""
    if name == "__version__":
        return import_module("kg.build").version()
    if name not in _HOMES:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    return getattr(import_module(_HOMES[name]), name)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__, "__version__"})


class _Package(ModuleType):
    """The ``kg`` module, which keeps its public names when a submodule of the same name loads."""

    def __setattr__(self, name: str, value: object) -> None:
        # Loading the module kg.build names it on the package, where it would hide the
        # function kg.build for good; the function keeps the name, as when kg imported it.
        if name in _HOMES and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
