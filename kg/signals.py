"""The vocabulary of the text's own signals of whom people act for, read from two data files.

``allegiance_cues.tsv`` holds phrases by kind: a multilateral gathering ("summit",
"on the sidelines of"), the speaker of a release ("attributable to"), a presence ("While
in"). ``national_offices.tsv`` lists the posts of a national government. The rules that
read them are in :mod:`kg.allegiance` (resolution) and :mod:`kg.events.find` (a meeting's
place); :func:`kg.knowledge.load_knowledge` reads the files once.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kg.tables import read_table

if TYPE_CHECKING:
    from kg.roles import Title

__all__ = ["AllegianceCues", "read_allegiance_cues", "read_national_offices"]

_CUE_KINDS = ("gathering", "speaker", "presence")


def _phrases(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern matching any of ``phrases`` as whole words (None for none)."""
    listed = sorted({p.lower() for p in phrases}, key=lambda p: (-len(p), p))
    if not listed:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in listed) + r")\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class AllegianceCues:
    """The phrases of ``allegiance_cues.tsv``, by kind, lower case.

    Examples
    --------
    >>> cues = AllegianceCues(gatherings=("summit",), speakers=("attributable to",))
    >>> cues.at_gathering("They met on the margins of the Summit."), cues.at_gathering("They met.")
    (True, False)
    >>> text = "The following is attributable to Spokesperson Jane Roe:"
    >>> [text[i:] for i in cues.after_speaker_cues(text)]
    [' Spokesperson Jane Roe:']
    """

    gatherings: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    presence: tuple[str, ...] = ()
    _patterns: tuple[re.Pattern[str] | None, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Compiled once per record: every meeting sentence is asked about.
        kinds = (self.gatherings, self.speakers, self.presence)
        object.__setattr__(self, "_patterns", tuple(_phrases(phrases) for phrases in kinds))

    def at_gathering(self, text: str) -> bool:
        """Whether ``text`` tells of a multilateral gathering."""
        pattern = self._patterns[0]
        return pattern is not None and pattern.search(text) is not None

    def after_speaker_cues(self, text: str) -> list[int]:
        """The offsets in ``text`` right after each speaker cue."""
        pattern = self._patterns[1]
        return [] if pattern is None else [m.end() for m in pattern.finditer(text)]

    def ends_with_presence(self, text: str) -> bool:
        """Whether ``text`` ends with a presence cue ("While in"): a place written next is
        where the sentence's subject is."""
        pattern = self._patterns[2]
        return pattern is not None and any(not text[m.end():].strip() for m in pattern.finditer(text))


def read_allegiance_cues(folder: Path | None) -> AllegianceCues:
    """The cues of ``allegiance_cues.tsv``.

    Raises
    ------
    KgError
        ``KG024`` for a kind that is none of gathering, speaker, presence; ``KG025`` for a
        phrase listed twice (and the malformed-table codes of :mod:`kg.tables`).

    Examples
    --------
    >>> cues = read_allegiance_cues(None)
    >>> "sidelines" in cues.gatherings, "attributable to" in cues.speakers
    (True, True)
    """
    by_kind: dict[str, list[str]] = defaultdict(list)
    seen: set[str] = set()
    for row in read_table("allegiance_cues.tsv", folder, ("phrase", "kind")):
        kind = row.choice("kind", _CUE_KINDS)
        by_kind[kind].append(row.unique("phrase", seen).lower())
    return AllegianceCues(*(tuple(by_kind[kind]) for kind in _CUE_KINDS))


def read_national_offices(folder: Path | None, titles: Mapping[str, Title]) -> frozenset[str]:
    """The title keys of ``national_offices.tsv``: posts of a national government.

    Raises
    ------
    KgError
        ``KG026`` for a title key ``titles`` does not have, ``KG025`` for one listed twice.

    Examples
    --------
    >>> from kg.roles import read_titles
    >>> offices = read_national_offices(None, read_titles(None))
    >>> "pm" in offices, "governor" in offices
    (True, False)
    """
    seen: set[str] = set()
    for row in read_table("national_offices.tsv", folder, ("office",)):
        row.known("office", titles, "title key of titles.tsv")
        row.unique("office", seen)
    return frozenset(seen)
