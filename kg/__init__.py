"""kg: knowledge graphs of people, offices, countries and events from English news.

``kg.build(folder)`` parses a folder of articles into a graph; ``kg.read_graph(folder)``
reads back the graph that ``kg build`` exported there (no parsing); ``kg.to_pyvis(G)``
gives the graph as a pyvis network in kg's styling, to restyle and show as kg's page.

>>> import kg
>>> callable(kg.build), callable(kg.read_graph), callable(kg.to_pyvis)
(True, True, True)
"""

from __future__ import annotations

from kg.build import BuildReport, build, version
from kg.export.nodelink import read_graph
from kg.export.pyvis import to_pyvis
from kg.settings import Settings

__all__ = ["BuildReport", "Settings", "build", "read_graph", "to_pyvis", "version"]
__version__ = version()
