"""Exporters: one module per format. None of them changes the graph."""

from __future__ import annotations

__all__: list[str] = []
