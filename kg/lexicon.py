"""The surface forms the gazetteer matcher looks for, compiled from the data files.

One :class:`Term` per surface form: what it is (``label``), which thing it names
(``key``) and whether case matters. Country names, demonyms, capitals, cities and
organisations are matched case-sensitively ("US" is a country, "us" is not); office
titles are matched in any case ("Foreign Minister", "foreign minister").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kg.gazetteer import Gazetteer
from kg.roles import Title
from kg.vocab import MentionRole

__all__ = ["Label", "Term", "compile_terms", "split_key"]


class Label:
    """The span labels the gazetteer assigns. Each is a mention role, defined in
    :class:`~kg.vocab.MentionRole`; a ``str`` enum member, spaCy stores it as its text."""

    COUNTRY = MentionRole.COUNTRY
    DEMONYM = MentionRole.DEMONYM
    CAPITAL = MentionRole.CAPITAL
    COMBINING = MentionRole.COMBINING
    CITY = MentionRole.CITY
    REGION = MentionRole.REGION
    ORG = MentionRole.ORG
    TITLE = MentionRole.TITLE


@dataclass(frozen=True, slots=True)
class Term:
    """One surface form and what it names."""

    text: str
    label: MentionRole
    key: str
    case_sensitive: bool = True


def split_key(key: str) -> tuple[str, str]:
    """Split a compound key ``"name|country"`` (cities and organisations) in two.

    Examples
    --------
    >>> split_key("Vienna|AUT")
    ('Vienna', 'AUT')
    >>> split_key("CHN")
    ('CHN', '')
    """
    name, _, country = key.partition("|")
    return name, country


def _variants(text: str) -> set[str]:
    """The spellings a scraped article may use for one form: straight or curly apostrophes."""
    forms = {text}
    if "'" in text:
        forms.add(text.replace("'", "\u2019"))
    return forms


def compile_terms(gaz: Gazetteer, titles: Iterable[Title]) -> tuple[Term, ...]:
    """Every surface form of the gazetteer and the titles as a :class:`Term`, in a stable order.

    Examples
    --------
    >>> from kg.gazetteer import read_gazetteer
    >>> terms = compile_terms(read_gazetteer(None), ())
    >>> ("U.S.", "COUNTRY", "USA") in {(t.text, t.label, t.key) for t in terms}
    True
    """
    seen: dict[tuple[str, bool], Term] = {}

    def add(text: str, label: MentionRole, key: str, case_sensitive: bool = True) -> None:
        for form in _variants(text.strip()):
            if form:
                # The first claim on a surface form wins: countries before cities before
                # organisations, so "Washington" stays the capital, not a city of that name.
                seen.setdefault((form if case_sensitive else form.lower(), case_sensitive),
                                Term(form, label, key, case_sensitive))

    for country in gaz.countries:
        for name in (country.name, *country.aliases):
            add(name, Label.COUNTRY, country.code)
        for demonym in country.demonyms:
            add(demonym, Label.DEMONYM, country.code)
        for capital in country.capitals:
            add(capital, Label.CAPITAL, f"{country.capitals[0]}|{country.code}")
        for prefix in country.combining:
            add(prefix, Label.COMBINING, country.code)
    for region in gaz.regions:
        for name in (region.name, *region.aliases):
            add(name, Label.REGION, region.name)
    for org in gaz.organizations:
        for name in (org.name, *org.aliases):
            add(name, Label.ORG, f"{org.name}|{org.country}")
    for city in gaz.cities:
        for name in (city.name, *city.aliases):
            add(name, Label.CITY, f"{city.name}|{city.country}")
    for title in titles:
        for name in (title.title, *title.aliases):
            add(name, Label.TITLE, title.key, case_sensitive=False)
    return tuple(sorted(seen.values(), key=lambda t: (t.label, t.key, t.text)))
