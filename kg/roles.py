"""The vocabulary of roles: office titles, descriptors, generic bodies, and the small
word lists that decide what a name is. All of it is read from the data folder
(``titles.tsv``, ``name_words.tsv``, ``title_compounds.tsv``, ``office_synonyms.tsv``)
by :func:`kg.knowledge.load_knowledge`, which calls the readers here once per run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from types import MappingProxyType

from kg.gazetteer import Gazetteer
from kg.tables import read_table
from kg.vocab import TitleKind, TitleRank

__all__ = [
    "NameWords",
    "Title",
    "WordKind",
    "read_issuer_offices",
    "read_name_words",
    "read_office_countries",
    "read_office_synonyms",
    "read_office_verbs",
    "read_title_compounds",
    "read_title_references",
    "read_titles",
]


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


class WordKind(str, Enum):
    """The ``kind`` column of ``name_words.tsv``: which list of :class:`NameWords` a word is in."""

    ORG_HEAD = "org_head"
    GATHERING = "gathering"
    LOCATIVE = "locative"
    PARTICLE = "particle"
    MODIFIER = "modifier"
    FORMER = "former"
    FORMER_AFTER = "former_after"
    FORMER_VERB = "former_verb"
    PREDECESSOR = "predecessor"
    MOTION = "motion"
    ORG_SUFFIX = "org_suffix"
    PERSONAL = "personal"
    HONORIFIC = "honorific"
    NAME_SUFFIX = "name_suffix"
    HEADLINE = "headline"
    REPORTER_CUE = "reporter_cue"
    NOT_NAME = "not_name"
    NATIONAL = "national"
    SHORTHAND = "shorthand"


@dataclass(frozen=True, slots=True)
class NameWords:
    """Word lists from ``name_words.tsv`` (lower case), one per :class:`WordKind`."""

    org_heads: frozenset[str] = frozenset()
    gatherings: frozenset[str] = frozenset()
    locatives: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()
    former: frozenset[str] = frozenset()
    #: Words right after an apposed title that date the post to the past ("Jane Roe,
    #: foreign minister during the war": she held it then).
    former_after: frozenset[str] = frozenset()
    #: Verbs (lemmas) that, in the past tense before "as <title>", put the post in the past
    #: ("Jane Roe served as foreign minister").
    former_verbs: frozenset[str] = frozenset()
    predecessor: frozenset[str] = frozenset()
    motion: frozenset[str] = frozenset()
    org_suffixes: frozenset[str] = frozenset()
    personal: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()
    name_suffixes: frozenset[str] = frozenset()
    headline: frozenset[str] = frozenset()
    reporter_cues: frozenset[str] = frozenset()
    not_names: frozenset[str] = frozenset()
    #: First words of a body's name that make it some nation's ("National Assembly").
    national: frozenset[str] = frozenset()
    #: First words of a country's name that, after "the", stand for it in an article that
    #: names it ("the North" for North Korea).
    shorthand: frozenset[str] = frozenset()


_TITLE_KEY = "title key of titles.tsv"
# The field of NameWords each kind of name_words.tsv fills.
_WORD_LISTS = {
    WordKind.ORG_HEAD: "org_heads",
    WordKind.GATHERING: "gatherings",
    WordKind.LOCATIVE: "locatives",
    WordKind.PARTICLE: "particles",
    WordKind.MODIFIER: "modifiers",
    WordKind.FORMER: "former",
    WordKind.FORMER_AFTER: "former_after",
    WordKind.FORMER_VERB: "former_verbs",
    WordKind.PREDECESSOR: "predecessor",
    WordKind.MOTION: "motion",
    WordKind.ORG_SUFFIX: "org_suffixes",
    WordKind.PERSONAL: "personal",
    WordKind.HONORIFIC: "honorifics",
    WordKind.NAME_SUFFIX: "name_suffixes",
    WordKind.HEADLINE: "headline",
    WordKind.REPORTER_CUE: "reporter_cues",
    WordKind.NOT_NAME: "not_names",
    WordKind.NATIONAL: "national",
    WordKind.SHORTHAND: "shorthand",
}


def read_titles(folder: Path | None) -> Mapping[str, Title]:
    """Every row of ``titles.tsv`` as a :class:`Title`, by key, in file order.

    Raises
    ------
    KgError
        ``KG024`` when a row's kind or rank is not one of :class:`~kg.vocab.TitleKind` or
        :class:`~kg.vocab.TitleRank`, ``KG025`` when a key is listed twice (and the
        malformed-table codes of :mod:`kg.tables`).

    Examples
    --------
    >>> read_titles(None)["foreign-minister"].kind
    <TitleKind.OFFICE: 'office'>
    """
    keys: set[str] = set()
    titles = (
        Title(
            key=row.unique("key", keys),
            title=row.required("title"),
            aliases=row.values("aliases"),
            kind=row.member("kind", TitleKind),
            rank=row.member("rank", TitleRank),
        )
        for row in read_table("titles.tsv", folder, ("key", "title", "aliases", "kind", "rank"))
    )
    return MappingProxyType({title.key: title for title in titles})


def read_name_words(folder: Path | None) -> NameWords:
    """The word lists of ``name_words.tsv``.

    Raises
    ------
    KgError
        ``KG024`` when a row's kind is not one of :class:`WordKind` (and the malformed-table
        codes of :mod:`kg.tables`).

    Examples
    --------
    >>> "party" in read_name_words(None).org_heads
    True
    """
    lists: dict[WordKind, set[str]] = {kind: set() for kind in WordKind}
    for row in read_table("name_words.tsv", folder, ("word", "kind")):
        lists[row.member("kind", WordKind)].add(row.required("word").lower())
    return NameWords(**{_WORD_LISTS[kind]: frozenset(words) for kind, words in lists.items()})


def read_office_synonyms(
    folder: Path | None, titles: Mapping[str, Title], gazetteer: Gazetteer
) -> Mapping[tuple[str, str], str]:
    """``(country code, title key) -> office key``: what a press phrase means in one country.

    Raises
    ------
    KgError
        ``KG026`` when a row names a country code or title key that the gazetteer or
        ``titles`` does not have (and the malformed-table codes of :mod:`kg.tables`).

    Examples
    --------
    >>> from kg.gazetteer import read_gazetteer
    >>> read_office_synonyms(None, read_titles(None), read_gazetteer(None))[("USA", "top-diplomat")]
    'secretary-of-state'
    """
    codes = {country.code for country in gazetteer.countries}
    synonyms: dict[tuple[str, str], str] = {}
    for row in read_table("office_synonyms.tsv", folder, ("country", "phrase", "office")):
        country = row.known("country", codes, "country code of countries.tsv")
        synonyms[(country, row.known("phrase", titles, _TITLE_KEY))] = row.known("office", titles, _TITLE_KEY)
    return MappingProxyType(synonyms)


def read_office_countries(
    folder: Path | None, titles: Mapping[str, Title], gazetteer: Gazetteer, *, with_portfolio: bool = False
) -> Mapping[str, str]:
    """``title key -> country code``: titles only one government uses unqualified; with
    ``with_portfolio``, those of them that are still only its own with a portfolio after them
    ("Under Secretary of State for Arms Control").

    Raises
    ------
    KgError
        ``KG026`` when a row names a title key or country code that ``titles`` or the
        gazetteer does not have, ``KG024`` when its ``with_portfolio`` is neither ``yes`` nor
        ``no`` (and the malformed-table codes of :mod:`kg.tables`).

    Examples
    --------
    >>> from kg.gazetteer import read_gazetteer
    >>> read_office_countries(None, read_titles(None), read_gazetteer(None))["secretary-of-state"]
    'USA'
    >>> portfolio = read_office_countries(None, read_titles(None), read_gazetteer(None), with_portfolio=True)
    >>> "secretary-of-state" in portfolio, portfolio["under-secretary-of-state"]
    (False, 'USA')
    """
    codes = {country.code for country in gazetteer.countries}
    return MappingProxyType({
        row.known("office", titles, _TITLE_KEY): row.known("country", codes, "country code of countries.tsv")
        for row in read_table("office_countries.tsv", folder, ("office", "country", "with_portfolio"))
        if row.choice("with_portfolio", ("yes", "no")) == "yes" or not with_portfolio
    })


def read_issuer_offices(folder: Path | None, titles: Mapping[str, Title]) -> Mapping[str, frozenset[str]]:
    """``organisation name -> title keys``: the officials a government body names by their
    bare title in its own releases.

    Examples
    --------
    >>> "spokesperson" in read_issuer_offices(None, read_titles(None))["State Department"]
    True
    """
    return MappingProxyType({
        row.required("body"): frozenset(row.values("offices"))
        for row in read_table("issuer_offices.tsv", folder, ("body", "offices"))
    })


def read_title_references(folder: Path | None, titles: Mapping[str, Title]) -> Mapping[str, frozenset[str]]:
    """``title key -> title keys``: the posts a title with no name may stand for ("the Afghan
    leader" is Afghanistan's president or prime minister; ``title_references.tsv``). A title
    key ``titles`` lacks is refused (``KG026``), as is a malformed table (:mod:`kg.tables`).

    Examples
    --------
    >>> references = read_title_references(None, read_titles(None))
    >>> "pm" in references["leader"], "vice-president" in references["leader"]
    (True, False)
    """
    out = {}
    for row in read_table("title_references.tsv", folder, ("title", "offices")):
        key = row.known("title", titles, _TITLE_KEY)
        offices = row.values("offices")
        for office in offices:
            if office not in titles:
                row.fail("KG026", f"offices {office!r} is no {_TITLE_KEY}; add it there or correct the cell")
        out[key] = frozenset(offices)
    return MappingProxyType(out)


def read_office_verbs(folder: Path | None, titles: Mapping[str, Title]) -> Mapping[str, str]:
    """``verb lemma -> title key``: the verbs that say their subject heads a body ("heads" a
    party is its head). A title key ``titles`` lacks is refused (``KG026``), as is a malformed
    table (:mod:`kg.tables`).

    Examples
    --------
    >>> read_office_verbs(None, read_titles(None))["head"]
    'head'
    """
    return MappingProxyType({
        row.required("verb").lower(): row.known("title", titles, _TITLE_KEY)
        for row in read_table("office_verbs.tsv", folder, ("verb", "title"))
    })


def read_title_compounds(folder: Path | None, titles: Mapping[str, Title]) -> Mapping[tuple[str, str], str]:
    """``(modifier, title key) -> title key``: "top" + "diplomat" is "top-diplomat".

    Raises
    ------
    KgError
        ``KG026`` when a row names a title key ``titles`` does not have (and the
        malformed-table codes of :mod:`kg.tables`).

    Examples
    --------
    >>> read_title_compounds(None, read_titles(None))[("top", "diplomat")]
    'top-diplomat'
    """
    return MappingProxyType({
        (row.required("modifier").lower(), row.known("title", titles, _TITLE_KEY)):
            row.known("result", titles, _TITLE_KEY)
        for row in read_table("title_compounds.tsv", folder, ("modifier", "title", "result"))
    })
