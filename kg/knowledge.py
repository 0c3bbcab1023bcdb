"""What ``kg`` knows about the world, as one immutable record loaded once per run.

:func:`load_knowledge` reads every data file of a data folder, checks each row on the
way and returns a :class:`Knowledge`; the stages are handed that record (the sources'
checks, the spaCy components, mentions, events, resolution) and read no file
themselves, so a data folder a user names is honoured everywhere, and a rule test can
hand a stage a small :class:`Knowledge` of its own.

A data folder holds any of the files of :data:`DATA_FILES` (the format is in
:mod:`kg.tables`); each file it lacks is read from ``kg``'s own ``kg/data``, so a folder
may replace one table and keep the rest. Nothing here comes from any one article: these
are facts about the world and about English, never about the people in the news.

Codes
-----
``KG020``  the data folder does not exist, is not a folder, holds none of the data files,
           or holds a ``.tsv`` file that is none of them (a misspelt name would be ignored)
``KG021``-``KG026``  a data file is unreadable or one of its rows is wrong (:mod:`kg.tables`)
``KG190``  a rule of ``furniture.tsv`` is malformed (:mod:`kg.sources.furniture`)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from kg.errors import KgError
from kg.events.lexicon import EventLexicon, read_event_lexicon
from kg.gazetteer import (
    Capital,
    Gazetteer,
    IsoCodes,
    read_capital_coordinates,
    read_country_codes,
    read_gazetteer,
    read_venues,
)
from kg.lexicon import Term, compile_terms
from kg.roles import (
    NameWords,
    Title,
    read_issuer_offices,
    read_name_words,
    read_office_countries,
    read_office_synonyms,
    read_office_verbs,
    read_title_compounds,
    read_title_references,
    read_titles,
)
from kg.signals import AllegianceCues, read_allegiance_cues, read_national_offices
from kg.sources.furniture import FurnitureRules, read_furniture
from kg.sources.language import FOREIGN_WORDS_FILE, WORDS_FILE, LanguageWords, read_language_words
from kg.vocab import TitleKind

__all__ = ["DATA_FILES", "Knowledge", "load_knowledge"]

DATA_FILES = (
    "countries.tsv",
    "country_codes.tsv",
    "capital_coordinates.tsv",
    "cities.tsv",
    "regions.tsv",
    "organizations.tsv",
    "venues.tsv",
    "titles.tsv",
    "name_words.tsv",
    "title_compounds.tsv",
    "office_synonyms.tsv",
    "office_countries.tsv",
    "issuer_offices.tsv",
    "office_verbs.tsv",
    "title_references.tsv",
    "national_offices.tsv",
    "allegiance_cues.tsv",
    "event_triggers.tsv",
    "event_words.tsv",
    "status_cues.tsv",
    "issues.tsv",
    "requests.tsv",
    "furniture.tsv",
    WORDS_FILE,
    FOREIGN_WORDS_FILE,
)
"""The data files :func:`load_knowledge` reads (and the only ``.tsv`` files a data folder may hold)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Knowledge:
    """Everything ``kg`` knows before it reads an article. Immutable; one per run.

    Every field has an empty default, so a rule test can make the little it needs:
    ``Knowledge(titles={"envoy": Title(...)})``.

    Parameters
    ----------
    gazetteer:
        Countries, cities, regions and organisations.
    country_codes:
        ``country code -> ISO 3166-1 codes`` (``country_codes.tsv``), which the exports give
        each country; a country without a row has none.
    capitals:
        ``country code -> where its capital stands`` (``capital_coordinates.tsv``), which the
        event table gives a place that is a capital; a capital without a row has no coordinates.
    venues:
        ``organisation name -> city``: the seats of government news names as where leaders
        meet, and the city each stands in (``venues.tsv``).
    titles:
        Office titles, descriptors and generic bodies by key (``titles.tsv``), in file order.
    name_words:
        The word lists that decide what a name is (``name_words.tsv``).
    title_compounds:
        ``(modifier, title key) -> title key``: "top" + "diplomat" (``title_compounds.tsv``).
    office_synonyms:
        ``(country code, title key) -> office key``: the "top diplomat" of the United States
        is its Secretary of State (``office_synonyms.tsv``).
    office_countries:
        ``title key -> country code``: titles only one government uses unqualified
        (``office_countries.tsv``).
    portfolio_office_countries:
        The part of ``office_countries`` whose titles are still only that government's with a
        portfolio after them ("Under Secretary of State for Arms Control").
    issuer_offices:
        ``organisation name -> title keys``: the officials a government body names by their
        bare title in its own releases (``issuer_offices.tsv``).
    office_verbs:
        ``verb lemma -> title key``: the verbs that say their subject heads a body ("heads a
        party": its head; ``office_verbs.tsv``).
    title_references:
        ``title key -> title keys``: the posts a title with no name may stand for ("the Afghan
        leader" is Afghanistan's president or prime minister; ``title_references.tsv``).
    national_offices:
        Title keys of the posts of a national government (``national_offices.tsv``): whom a
        visitor meets in a country holding one acts for it (:mod:`kg.allegiance`).
    allegiance_cues:
        The phrases that tell whom people act for: gatherings, speakers, presence
        (``allegiance_cues.tsv``).
    events:
        Triggers, status cues, issues, request nouns, plan verbs and phone words.
    furniture:
        The compiled page-furniture rules (``furniture.tsv``).
    language:
        The common English words and those of other languages the language check counts
        (``english_words.tsv``, ``foreign_words.tsv``).
    terms:
        Not given: every surface form of the gazetteer and the titles, compiled for the
        gazetteer component (:func:`kg.lexicon.compile_terms`).

    Examples
    --------
    >>> from kg.roles import Title
    >>> from kg.vocab import TitleKind, TitleRank
    >>> envoy = Title("envoy", "Envoy", ("special envoy",), TitleKind.OFFICE, TitleRank.SENIOR)
    >>> knowledge = Knowledge(titles={"envoy": envoy})
    >>> sorted(t.text for t in knowledge.terms), sorted(knowledge.office_keys)
    (['Envoy', 'special envoy'], ['envoy'])
    """

    gazetteer: Gazetteer = field(default_factory=lambda: Gazetteer((), (), (), ()))
    country_codes: Mapping[str, IsoCodes] = field(default_factory=dict)
    capitals: Mapping[str, Capital] = field(default_factory=dict)
    venues: Mapping[str, str] = field(default_factory=dict)
    titles: Mapping[str, Title] = field(default_factory=dict)
    name_words: NameWords = field(default_factory=NameWords)
    title_compounds: Mapping[tuple[str, str], str] = field(default_factory=dict)
    office_synonyms: Mapping[tuple[str, str], str] = field(default_factory=dict)
    office_countries: Mapping[str, str] = field(default_factory=dict)
    portfolio_office_countries: Mapping[str, str] = field(default_factory=dict)
    issuer_offices: Mapping[str, frozenset[str]] = field(default_factory=dict)
    office_verbs: Mapping[str, str] = field(default_factory=dict)
    title_references: Mapping[str, frozenset[str]] = field(default_factory=dict)
    national_offices: frozenset[str] = frozenset()
    allegiance_cues: AllegianceCues = field(default_factory=AllegianceCues)
    events: EventLexicon = field(default_factory=EventLexicon)
    furniture: FurnitureRules = field(default_factory=lambda: FurnitureRules(rules=()))
    language: LanguageWords = field(default_factory=lambda: LanguageWords(frozenset(), {}))
    terms: tuple[Term, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Read-only views, so that no stage can change what the others read; and the terms,
        # derived here once so that a hand-made record is as consistent as a loaded one.
        for name in ("country_codes", "capitals", "venues", "titles", "title_compounds", "office_synonyms",
                     "office_countries", "portfolio_office_countries", "issuer_offices", "office_verbs",
                     "title_references"):
            object.__setattr__(self, name, MappingProxyType(dict(getattr(self, name))))
        object.__setattr__(self, "terms", compile_terms(self.gazetteer, self.titles.values()))

    @property
    def office_keys(self) -> frozenset[str]:
        """Keys of the titles that are posts or descriptors (all but generic bodies)."""
        return frozenset(key for key, t in self.titles.items() if t.kind is not TitleKind.ORGANIZATION)


def load_knowledge(data_dir: Path | None) -> Knowledge:
    """Read and check every data file of ``data_dir`` into one :class:`Knowledge`.

    Call it once per run (and once per worker process) and hand the result down: it
    reads about fifteen files and compiles their rules.

    Parameters
    ----------
    data_dir:
        The data folder as the user named it (``Settings.data_dir``, ``kg build
        --data-dir``); each file of :data:`DATA_FILES` it lacks is read from ``kg``'s own.
        ``None``: ``kg``'s own data only.

    Returns
    -------
    Knowledge
        The checked, compiled knowledge.

    Raises
    ------
    KgError
        ``KG020`` for a data folder that cannot be one, ``KG021``-``KG026`` and ``KG190``
        for a file or row that is wrong: one line naming the file, the line and what to do.

    Examples
    --------
    >>> knowledge = load_knowledge(None)
    >>> knowledge.gazetteer.country("USA").name, knowledge.titles["foreign-minister"].title
    ('United States', 'Foreign Minister')
    >>> load_knowledge(Path("no/such/folder"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    kg.errors.KgError: KG020 no/such/folder: no such data folder; give a folder of kg data files (...)
    """
    if data_dir is not None:
        _check_folder(Path(data_dir))
    gazetteer = read_gazetteer(data_dir)
    titles = read_titles(data_dir)
    name_words = read_name_words(data_dir)
    return Knowledge(
        gazetteer=gazetteer,
        country_codes=read_country_codes(data_dir, gazetteer),
        capitals=read_capital_coordinates(data_dir, gazetteer),
        venues=read_venues(data_dir, gazetteer),
        titles=titles,
        name_words=name_words,
        title_compounds=read_title_compounds(data_dir, titles),
        office_synonyms=read_office_synonyms(data_dir, titles, gazetteer),
        events=read_event_lexicon(data_dir, name_words.gatherings),
        furniture=read_furniture(data_dir),
        office_countries=read_office_countries(data_dir, titles, gazetteer),
        portfolio_office_countries=read_office_countries(data_dir, titles, gazetteer, with_portfolio=True),
        issuer_offices=read_issuer_offices(data_dir, titles),
        office_verbs=read_office_verbs(data_dir, titles),
        title_references=read_title_references(data_dir, titles),
        national_offices=read_national_offices(data_dir, titles),
        allegiance_cues=read_allegiance_cues(data_dir),
        language=read_language_words(data_dir),
    )


def _check_folder(folder: Path) -> None:
    """Refuse a data folder that cannot be what the user meant (``KG020``)."""
    known = ", ".join(DATA_FILES)
    if not folder.exists():
        raise KgError("KG020", str(folder), f"no such data folder; give a folder of kg data files ({known})")
    if not folder.is_dir():
        raise KgError("KG020", str(folder), "not a folder; give the folder that holds the data files")
    try:
        with os.scandir(folder) as entries:
            names = sorted(entry.name for entry in entries if entry.is_file())
    except OSError as error:
        raise KgError("KG020", str(folder), f"cannot list the data folder ({error.strerror}); "
                      "check its permissions") from None
    for name in names:
        if name.endswith(".tsv") and name not in DATA_FILES:
            raise KgError("KG020", str(folder / name), f"not a data file kg reads, so it would be ignored; "
                          f"rename it to the one it replaces ({known}) or move it out")
    if not set(names) & set(DATA_FILES):
        raise KgError("KG020", str(folder), f"holds none of kg's data files ({known}); "
                      "give the folder that holds them")
