"""kg: knowledge graphs of people, offices, countries and events from English news.

>>> import kg
>>> callable(kg.build)
True
"""

from __future__ import annotations

from kg.build import BuildReport, build, version
from kg.settings import Settings

__all__ = ["BuildReport", "Settings", "build", "version"]
__version__ = version()
