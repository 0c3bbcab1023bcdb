"""Event extraction (meetings, phone calls, visits, disputes). Placeholder until the events stage lands."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kg.mentions import DocMentions
from kg.types import EventCandidate

__all__ = ["EventExtractor"]


class EventExtractor:
    """Finds event candidates in one parsed article."""

    def __init__(self, data_dir: Path | None = None) -> None:
        self.data_dir = data_dir

    def __call__(self, found: DocMentions) -> Iterator[EventCandidate]:
        return iter(())


def merge_events(facts, resolution, data_dir: Path | None = None):  # noqa: ANN001, ANN201
    """Placeholder: no events yet."""
    return (), ()
