"""The event vocabulary, compiled from the data files.

Trigger words (``event_triggers.tsv``: a lemma and part of speech, the event kind and
PLOVER type it opens, and the condition the parse must meet), status cues
(``status_cues.tsv``), issues (``issues.tsv``), the nouns that ask for an event
(``requests.tsv``) and the last words of gathering names (from the name words).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.knowledge import read_table, split_cell
from kg.roles import load_name_words
from kg.vocab import EventKind, Mode, Plover, Status

__all__ = ["EventLexicon", "IssueDef", "Trigger", "load_event_lexicon"]


@dataclass(frozen=True, slots=True)
class Trigger:
    """One row of ``event_triggers.tsv``."""

    lemma: str
    pos: str
    kind: EventKind
    plover: Plover
    mode: Mode | None
    needs: str


@dataclass(frozen=True, slots=True)
class IssueDef:
    """One row of ``issues.tsv``, with its terms compiled."""

    key: str
    label: str
    kind: str
    pattern: re.Pattern[str]
    #: Phrases in which a term does not name the issue ("!addiction pandemic" is not public health).
    exclude: re.Pattern[str] | None = None

    def named_in(self, text: str) -> bool:
        """Whether a term of this issue occurs in ``text`` outside every excluded phrase."""
        shadows = [m.span() for m in self.exclude.finditer(text)] if self.exclude else []
        return any(
            not any(start <= m.start() and m.end() <= end for start, end in shadows)
            for m in self.pattern.finditer(text)
        )


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """Triggers, status cues and issues, compiled from the data files."""

    triggers: dict[tuple[str, str], tuple[Trigger, ...]]
    status_words: dict[str, Status]
    status_phrases: tuple[tuple[str, Status], ...]
    issues: tuple[IssueDef, ...]
    #: Last words of the names of events and venues ("conference", "summit").
    gatherings: frozenset[str] = frozenset()
    #: Nouns that ask for an event ("request", "invitation").
    requests: frozenset[str] = frozenset()

    def issues_in(self, text: str) -> tuple[str, ...]:
        """Keys of the issues named in ``text``, in data-file order."""
        return tuple(issue.key for issue in self.issues if issue.named_in(text))


def _term_pattern(terms: Iterable[str]) -> re.Pattern[str]:
    parts = []
    for term in sorted(terms, key=len, reverse=True):
        if term.endswith("*"):
            parts.append(re.escape(term[:-1]) + r"\w*")
        else:
            parts.append(re.escape(term))
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=4)
def load_event_lexicon(data_dir: Path | None = None) -> EventLexicon:
    """The event vocabulary of the data files.

    Examples
    --------
    >>> lexicon = load_event_lexicon()
    >>> lexicon.triggers[("meet", "VERB")][0].kind
    <EventKind.MEETING: 'meeting'>
    >>> lexicon.issues_in("curbs on semiconductors and Taiwan")
    ('semiconductors', 'taiwan')
    >>> lexicon.issues_in("fentanyl, behind an addiction pandemic")
    ('drugs',)
    """
    triggers: dict[tuple[str, str], list[Trigger]] = defaultdict(list)
    for row in read_table("event_triggers.tsv", data_dir):
        trigger = Trigger(
            row["lemma"],
            row["pos"],
            EventKind(row["kind"]),
            Plover(row["plover"]),
            Mode(row["mode"]) if row["mode"] else None,
            row["needs"],
        )
        triggers[(trigger.lemma, trigger.pos)].append(trigger)
    # A rule with a condition is more specific than one without: try it first.
    ordered = {k: tuple(sorted(v, key=lambda t: t.needs == "")) for k, v in triggers.items()}
    words: dict[str, Status] = {}
    phrases: list[tuple[str, Status]] = []
    for row in read_table("status_cues.tsv", data_dir):
        status = Status(row["status"])
        if " " in row["word"]:
            phrases.append((row["word"], status))
        else:
            words[row["word"]] = status
    issues = []
    for row in read_table("issues.tsv", data_dir):
        terms = split_cell(row["terms"])
        excluded = [t[1:] for t in terms if t.startswith("!")]
        issues.append(IssueDef(
            row["key"], row["label"], row["kind"],
            _term_pattern(t for t in terms if not t.startswith("!")),
            _term_pattern(excluded) if excluded else None,
        ))
    requests = frozenset(row["word"] for row in read_table("requests.tsv", data_dir))
    return EventLexicon(ordered, words, tuple(phrases), tuple(issues), load_name_words(data_dir).gatherings,
                        requests)
