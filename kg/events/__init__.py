"""Events: found in each parsed article (:mod:`kg.events.find`), then merged across
articles once mentions are resolved (:mod:`kg.events.merge`), both with the vocabulary
of the data files (:mod:`kg.events.lexicon`).
"""

from __future__ import annotations

from kg.events.find import EventFinder
from kg.events.lexicon import EventLexicon, IssueDef, Needs, Trigger
from kg.events.merge import merge_events

__all__ = ["EventFinder", "EventLexicon", "IssueDef", "Needs", "Trigger", "merge_events"]
