"""kg: knowledge graphs of people, offices, countries and events from English news.

``kg.build(folder)`` parses a folder of articles into a graph; ``kg.read_graph(folder)``
reads back the graph that ``kg build`` exported there (no parsing).

>>> import kg
>>> callable(kg.build), callable(kg.read_graph)
(True, True)
"""

from __future__ import annotations

from kg.build import BuildReport, build, version
from kg.export.nodelink import read_graph
from kg.settings import Settings

__all__ = ["BuildReport", "Settings", "build", "read_graph", "version"]
__version__ = version()
