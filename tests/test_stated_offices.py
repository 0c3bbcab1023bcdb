"""Offices and countries the sentence itself states, in the longer forms real reports use.

Each rule is checked on a sentence of our own, given word by word, run through kg's
gazetteer and reconciler on a blank pipeline. Names are made up on purpose.
"""

from __future__ import annotations

from parsed import parse
from spacy.language import Language
from test_offices import claim_on, flat, held, names, read
from test_resolve import USA, Art, country_of, offices_of, resolve

import kg.pipeline  # noqa: F401  (registers the factories)

# -- a long portfolio after the title ------------------------------------------------------------


def test_a_body_word_before_the_name_ends_the_portfolio_not_the_name(nlp: Language) -> None:
    words = "Chilean Assistant Minister for Asian and Andean Affairs Ana Vidal arrived ."
    ents = [(7, 8, "ORG"), *names(words, "Ana Vidal")]
    found = parse(nlp, flat(words), ents)
    claim = claim_on(found, "Ana Vidal", "assistant-minister")
    assert claim.qualifier == "for Asian and Andean Affairs"
    assert held(found, "Ana Vidal") == [("assistant-minister", "CHL")]
    assert held(found, "Affairs") == []


def test_a_name_the_model_took_for_a_place_still_ends_the_portfolio(nlp: Language) -> None:
    words = "Minister for Trade Vidal Ana Roe spoke ."
    ents = [(3, 4, "GPE"), *names(words, "Ana Roe")]
    found = parse(nlp, flat(words), ents)
    assert [c.person.text for c in found.office_claims() if c.person is not None] == ["Vidal"]


def test_a_title_only_one_government_uses_even_with_a_portfolio_gives_its_country() -> None:
    a = Art("a.txt")
    a.holds("Under Secretary of State", "under-secretary-of-state", a.person("Jane Roe"),
            qualifier="for Arms Control")
    res = resolve([a.facts()])
    assert country_of(res, "Jane Roe") == USA
    assert offices_of(res, "Jane Roe") == {"Under Secretary of State for Arms Control (United States)"}


def test_a_parliamentary_under_secretary_of_state_is_a_title_of_its_own(nlp: Language) -> None:
    words = "Parliamentary Under Secretary of State for Asia Tom Vale spoke ."
    assert held(read(nlp, words, "Tom Vale"), "Tom Vale") == [("parliamentary-under-secretary-of-state", "")]


# -- a body's name between the country and the title ------------------------------------------------


def test_a_body_named_between_country_and_title_qualifies_it_and_the_country_owns_it(nlp: Language) -> None:
    words = "Chilean Southern Fleet Commander Admiral Ana Vidal spoke ."
    found = parse(nlp, flat(words), [(0, 3, "ORG"), *names(words, "Ana Vidal")])
    claim = claim_on(found, "Ana Vidal", "commander")
    assert claim.qualifier == "Southern Fleet"
    assert held(found, "Ana Vidal") == [("admiral", ""), ("commander", "CHL")]


def test_a_region_and_a_split_off_body_word_make_one_unit(nlp: Language) -> None:
    words = "Chilean Pacific Fleet Commander Ana Vidal spoke ."
    found = parse(nlp, flat(words), [(0, 3, "ORG"), *names(words, "Ana Vidal")])
    claim = claim_on(found, "Ana Vidal", "commander")
    assert (claim.qualifier, claim.office.country) == ("Pacific Fleet", "CHL")


def test_a_body_without_a_country_before_it_stays_the_owner(nlp: Language) -> None:
    words = "the Southern Fleet Commander Ana Vidal spoke ."
    found = parse(nlp, flat(words), [(1, 3, "ORG"), *names(words, "Ana Vidal")])
    claim = claim_on(found, "Ana Vidal", "commander")
    assert claim.owner is not None and (claim.owner.text, claim.owner.country) == ("Southern Fleet", "")


def test_words_that_name_no_body_give_the_country_nothing(nlp: Language) -> None:
    words = "Chilean Southern Star Commander Ana Vidal spoke ."
    assert held(read(nlp, words, "Ana Vidal"), "Ana Vidal") == [("commander", "")]


def test_a_known_body_without_a_country_is_not_the_countrys_post(nlp: Language) -> None:
    words = "Afghan Taliban commander Ana Vidal spoke ."
    claim = claim_on(read(nlp, words, "Ana Vidal"), "Ana Vidal", "commander")
    assert claim.owner is not None and claim.owner.text == "Taliban"


# -- a title with its portfolio set off before the name ---------------------------------------------

HEAD_OF_COUNCIL = [
    ("The", 1, "det", "DT"), ("head", 13, "nsubj", "NN"), ("of", 1, "prep", "IN"),
    ("Chad", 6, "poss", "NNP"), ("'s", 3, "case", "POS"), ("police", 6, "compound", "NN"),
    ("council", 2, "pobj", "NN"), (",", 1, "punct", ","), ("former", 11, "amod", "JJ"),
    ("President", 11, "compound", "NNP"), ("Ana", 11, "compound", "NNP"), ("Vidal", 1, "appos", "NNP"),
    (",", 1, "punct", ","), ("spoke", 13, "ROOT", "VBD"), (".", 13, "punct", "."),
]


def test_a_countrys_possessive_after_of_owns_the_body_the_title_heads(nlp: Language) -> None:
    found = parse(nlp, HEAD_OF_COUNCIL, [(10, 12, "PERSON")])
    head = claim_on(found, "Ana Vidal", "head")
    assert (head.qualifier, head.former) == ("of the police council", False)
    assert head.owner is not None and head.owner.country == "TCD"
    assert claim_on(found, "Ana Vidal", "president").former


def test_the_seat_of_a_post_after_its_portfolio_does_not_part_it_from_the_name(nlp: Language) -> None:
    words = "and a Chief of the Chadian National Police in Abeche , Ana Vidal , left ."
    found = read(nlp, words, "Ana Vidal")
    assert held(found, "Ana Vidal") == [("chief", "TCD")]
    assert claim_on(found, "Ana Vidal", "chief").qualifier == "of the Chadian National Police"


def test_a_seat_without_a_comma_after_it_is_no_apposition(nlp: Language) -> None:
    words = "a Chief of the Chadian National Police in Abeche said Ana Vidal left ."
    assert held(read(nlp, words, "Ana Vidal"), "Ana Vidal") == []
