"""The vocabulary of the text's own signals of whom people act for, read from two data files.

``allegiance_cues.tsv`` holds phrases by kind: a multilateral gathering ("summit",
"on the sidelines of"), the speaker of a release ("attributable to"), a presence ("While
in"), a journey home ("head back home to"), a command ("At X's direction, the ...").
``national_offices.tsv`` lists the posts of a
national government. The rules that read them are in :mod:`kg.allegiance` (resolution)
and :mod:`kg.events.find` (a meeting's place); :func:`kg.knowledge.load_knowledge` reads
the files once.
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

_CUE_KINDS = ("gathering", "speaker", "presence", "home", "command")
# Between a command's words and the actor it names: a comma and an article.
_COMMA_THE = re.compile(r"\s*,\s*(?:the\s+)?", re.IGNORECASE)


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
    homes: tuple[str, ...] = ()
    commands: tuple[str, ...] = ()
    _patterns: tuple[re.Pattern[str] | None, ...] = field(init=False, repr=False, compare=False)
    _commanded: tuple[re.Pattern[str], re.Pattern[str]] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Compiled once per record: every meeting sentence is asked about.
        kinds = (self.gatherings, self.speakers, self.presence, self.homes)
        object.__setattr__(self, "_patterns", tuple(_phrases(phrases) for phrases in kinds))
        words = "|".join(re.escape(c) for c in sorted(self.commands, key=lambda c: (-len(c), c)))
        object.__setattr__(self, "_commanded", (
            re.compile(rf"\s*['\u2019]s\s+(?:{words})\s*,\s*(?:the\s+)?", re.IGNORECASE),
            re.compile(rf"\b(?:{words})\s+of\s+(?:the\s+)?$", re.IGNORECASE),
        ) if words else None)

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
        return _ends_with(self._patterns[2], text)

    def ends_with_home(self, text: str) -> bool:
        """Whether ``text`` ends with a cue of a journey home ("will head back home to"): a
        place written next is in the country of the one who goes there."""
        return _ends_with(self._patterns[3], text)

    def commanded(self, before: str, gap: str) -> bool:
        """Whether a person's name, with ``before`` it and ``gap`` between it and the next name,
        says that the person commands the actor named next: "At X's direction, the ...", "On
        the orders of X, the ...".

        >>> cues = AllegianceCues(commands=("direction", "orders"))
        >>> cues.commanded("At President ", "\u2019s direction, the "), cues.commanded("At ", "'s request, ")
        (True, False)
        >>> cues.commanded("On the orders of ", ", "), cues.commanded("In talks with ", ", the ")
        (True, False)
        """
        if self._commanded is None:
            return False
        possessive, of = self._commanded
        if possessive.fullmatch(gap):
            return True
        return of.search(before) is not None and _COMMA_THE.fullmatch(gap) is not None


def _ends_with(pattern: re.Pattern[str] | None, text: str) -> bool:
    """Whether ``text`` ends with a match of ``pattern`` (and spaces)."""
    return pattern is not None and any(not text[m.end():].strip() for m in pattern.finditer(text))


def read_allegiance_cues(folder: Path | None) -> AllegianceCues:
    """The cues of ``allegiance_cues.tsv``.

    Raises
    ------
    KgError
        ``KG024`` for a kind that is none of gathering, speaker, presence, home; ``KG025`` for a
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
