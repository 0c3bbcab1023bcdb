"""The vocabulary of roles: office titles, descriptors, generic bodies, and the small
word lists that decide what a name is. All of it is read from ``kg/data``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from kg.knowledge import read_table, split_cell
from kg.vocab import TitleKind, TitleRank

__all__ = [
    "NameWords",
    "Title",
    "load_issuer_offices",
    "load_name_words",
    "load_office_countries",
    "load_office_synonyms",
    "load_title_compounds",
    "load_titles",
]

_Term = TypeVar("_Term", bound=Enum)


@dataclass(frozen=True, slots=True)
class Title:
    """A role noun from ``titles.tsv``.

    ``kind`` says whether it is a post, a descriptor or a body each country has
    (:class:`~kg.vocab.TitleKind`); ``rank`` how senior it is.
    """

    key: str
    title: str
    aliases: tuple[str, ...]
    kind: TitleKind
    rank: TitleRank


@dataclass(frozen=True, slots=True)
class NameWords:
    """Word lists from ``name_words.tsv`` (lower case)."""

    org_heads: frozenset[str]
    gatherings: frozenset[str]
    locatives: frozenset[str]
    particles: frozenset[str]
    modifiers: frozenset[str]
    former: frozenset[str]
    predecessor: frozenset[str]
    motion: frozenset[str]
    org_suffixes: frozenset[str]
    personal: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()
    name_suffixes: frozenset[str] = frozenset()
    headline: frozenset[str] = frozenset()
    reporter_cues: frozenset[str] = frozenset()
    not_names: frozenset[str] = frozenset()


@lru_cache(maxsize=4)
def load_titles(data_dir: Path | None = None) -> tuple[Title, ...]:
    """Every row of ``titles.tsv`` as a :class:`Title`.

    Raises
    ------
    ValueError
        If a row's kind or rank is not one of :class:`~kg.vocab.TitleKind` or
        :class:`~kg.vocab.TitleRank`; the message names the file, the row and the values allowed.

    Examples
    --------
    >>> {t.key: t.kind for t in load_titles()}["foreign-minister"]
    <TitleKind.OFFICE: 'office'>
    """
    where = str(Path(data_dir or "kg/data") / "titles.tsv")
    return tuple(
        Title(
            key=row["key"],
            title=row["title"],
            aliases=split_cell(row["aliases"]),
            kind=_member(TitleKind, row["kind"], where, row["key"]),
            rank=_member(TitleRank, row["rank"], where, row["key"]),
        )
        for row in read_table("titles.tsv", data_dir)
    )


def _member(vocabulary: type[_Term], value: str, where: str, key: str) -> _Term:
    """The member of ``vocabulary`` spelt ``value`` in the row ``key`` of data file ``where``."""
    try:
        return vocabulary(value)
    except ValueError:
        allowed = ", ".join(member.value for member in vocabulary)
        raise ValueError(f"{where}: row {key!r} has {value!r}, which is none of {allowed}") from None


@lru_cache(maxsize=4)
def load_name_words(data_dir: Path | None = None) -> NameWords:
    """The word lists of ``name_words.tsv``.

    Examples
    --------
    >>> "party" in load_name_words().org_heads
    True
    """
    by_kind: dict[str, set[str]] = {}
    for row in read_table("name_words.tsv", data_dir):
        by_kind.setdefault(row["kind"], set()).add(row["word"].lower())

    def words(kind: str) -> frozenset[str]:
        return frozenset(by_kind.get(kind, ()))

    return NameWords(
        org_heads=words("org_head"),
        gatherings=words("gathering"),
        locatives=words("locative"),
        particles=words("particle"),
        modifiers=words("modifier"),
        former=words("former"),
        predecessor=words("predecessor"),
        motion=words("motion"),
        org_suffixes=words("org_suffix"),
        personal=words("personal"),
        honorifics=words("honorific"),
        name_suffixes=words("name_suffix"),
        headline=words("headline"),
        reporter_cues=words("reporter_cue"),
        not_names=words("not_name"),
    )


@lru_cache(maxsize=4)
def load_office_synonyms(data_dir: Path | None = None) -> dict[tuple[str, str], str]:
    """``(country code, title key) -> office key``: what a press phrase means in one country.

    Examples
    --------
    >>> load_office_synonyms()[("USA", "top-diplomat")]
    'secretary-of-state'
    """
    return {
        (row["country"], row["phrase"]): row["office"]
        for row in read_table("office_synonyms.tsv", data_dir)
    }


@lru_cache(maxsize=4)
def load_office_countries(data_dir: Path | None = None) -> dict[str, str]:
    """``title key -> country code``: titles only one government uses unqualified.

    Examples
    --------
    >>> load_office_countries()["secretary-of-state"]
    'USA'
    """
    return {row["office"]: row["country"] for row in read_table("office_countries.tsv", data_dir)}


@lru_cache(maxsize=4)
def load_issuer_offices(data_dir: Path | None = None) -> dict[str, frozenset[str]]:
    """``organisation name -> title keys``: the officials a government body names by their
    bare title in its own releases.

    Examples
    --------
    >>> "spokesperson" in load_issuer_offices()["State Department"]
    True
    """
    return {
        row["body"]: frozenset(split_cell(row["offices"]))
        for row in read_table("issuer_offices.tsv", data_dir)
    }


@lru_cache(maxsize=4)
def load_title_compounds(data_dir: Path | None = None) -> dict[tuple[str, str], str]:
    """``(modifier, title key) -> title key``: "top" + "diplomat" is "top-diplomat".

    Examples
    --------
    >>> load_title_compounds()[("top", "diplomat")]
    'top-diplomat'
    """
    return {
        (row["modifier"], row["title"]): row["result"]
        for row in read_table("title_compounds.tsv", data_dir)
    }
