"""Offices and countries the sentence itself states, in the longer forms real reports use.

Each rule is checked on a sentence of our own, given word by word, run through kg's
gazetteer and reconciler on a blank pipeline. Names are made up on purpose.
"""

from __future__ import annotations

from parsed import Row, parse
from spacy.language import Language
from test_offices import claim_on, flat, held, names, read
from test_resolve import USA, Art, country_of, offices_of, resolve

import kg.pipeline  # noqa: F401  (registers the factories)
from kg.mentions import DocMentions
from kg.vocab import ClaimRule, EntityKind, MentionRole

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


# -- the grammar ties the title to a person away from it ---------------------------------------------


def rules_on(found: DocMentions, person: str) -> list[tuple[str, str, str, bool]]:
    """``(rule, title key, owner country, former)`` of every claim on ``person``."""
    return sorted(
        (c.rule, c.office.key, c.owner.country if c.owner is not None else c.office.country, c.former)
        for c in found.office_claims()
        if c.person is not None and c.person.text == person
    )


def test_a_title_after_as_is_the_possessors_post(nlp: Language) -> None:
    rows = [
        ("Ana", 1, "compound", "NNP"), ("Vidal", 4, "poss", "NNP"), ("'s", 1, "case", "POS"),
        ("last", 4, "amod", "JJ"), ("trip", 9, "nsubj", "NN"), ("as", 4, "prep", "IN"),
        ("President", 5, "pobj", "NNP"), ("of", 6, "prep", "IN"), ("Chad", 7, "pobj", "NNP"),
        ("ended", 9, "ROOT", "VBD", "end"), (".", 9, "punct", "."),
    ]
    found = parse(nlp, rows, [(0, 2, "PERSON")])
    assert rules_on(found, "Ana Vidal") == [(ClaimRule.AS_TITLE, "president", "TCD", False)]


def test_to_after_a_title_that_goes_with_the_noun_before_names_no_owner(nlp: Language) -> None:
    rows = [
        ("Ana", 1, "compound", "NNP"), ("Vidal", 4, "poss", "NNP"), ("'s", 1, "case", "POS"),
        ("first", 4, "amod", "JJ"), ("trip", 9, "nsubj", "NN"), ("as", 4, "prep", "IN"),
        ("President", 5, "pobj", "NNP"), ("to", 4, "prep", "IN"), ("Chad", 7, "pobj", "NNP"),
        ("ended", 9, "ROOT", "VBD", "end"), (".", 9, "punct", "."),
    ]
    found = parse(nlp, rows, [(0, 2, "PERSON")])
    assert rules_on(found, "Ana Vidal") == [(ClaimRule.AS_TITLE, "president", "", False)]
    assert claim_on(found, "Ana Vidal", "president").qualifier == ""


def served_as(verb: str, tag: str, lemma: str) -> list[Row]:
    return [
        ("Ana", 1, "compound", "NNP"), ("Vidal", 2, "nsubj", "NNP"), (verb, 2, "ROOT", tag, lemma),
        ("as", 2, "prep", "IN"), ("Chadian", 5, "amod", "JJ"), ("ambassador", 3, "pobj", "NN"),
        (".", 2, "punct", "."),
    ]


def test_a_title_after_as_is_the_subjects_post_and_served_dates_it(nlp: Language) -> None:
    served = parse(nlp, served_as("served", "VBD", "serve"), [(0, 2, "PERSON")])
    assert rules_on(served, "Ana Vidal") == [(ClaimRule.AS_TITLE, "ambassador", "TCD", True)]
    arrives = parse(nlp, served_as("arrives", "VBZ", "arrive"), [(0, 2, "PERSON")])
    assert rules_on(arrives, "Ana Vidal") == [(ClaimRule.AS_TITLE, "ambassador", "TCD", False)]


def test_as_that_starts_a_clause_ties_no_title(nlp: Language) -> None:
    rows = [
        ("Ana", 1, "compound", "NNP"), ("Vidal", 2, "nsubj", "NNP"), ("left", 2, "ROOT", "VBD", "leave"),
        ("as", 6, "mark", "IN"), ("the", 5, "det", "DT"), ("President", 6, "nsubj", "NNP"),
        ("spoke", 2, "advcl", "VBD", "speak"), (".", 2, "punct", "."),
    ]
    assert rules_on(parse(nlp, rows, [(0, 2, "PERSON")]), "Ana Vidal") == []


def copula(verb: str, tag: str) -> list[Row]:
    return [
        ("Ana", 1, "compound", "NNP"), ("Vidal", 2, "nsubj", "NNP"), (verb, 2, "ROOT", tag, "be"),
        ("Chad", 6, "poss", "NNP"), ("'s", 3, "case", "POS"), ("foreign", 6, "amod", "JJ"),
        ("minister", 2, "attr", "NN"), (".", 2, "punct", "."),
    ]


def test_the_subject_of_be_holds_the_title_and_was_dates_it(nlp: Language) -> None:
    now = parse(nlp, copula("is", "VBZ"), [(0, 2, "PERSON")])
    assert rules_on(now, "Ana Vidal") == [(ClaimRule.COPULA, "foreign-minister", "TCD", False)]
    then = parse(nlp, copula("was", "VBD"), [(0, 2, "PERSON")])
    assert rules_on(then, "Ana Vidal") == [(ClaimRule.COPULA, "foreign-minister", "TCD", True)]


def heads(verb: str, tag: str, lemma: str, body: str) -> list[Row]:
    return [
        ("Tom", 1, "compound", "NNP"), ("Vale", 12, "nsubj", "NNP"), (",", 1, "punct", ","),
        ("who", 4, "nsubj", "WP"), (verb, 1, "relcl", tag, lemma), ("a", 8, "det", "DT"),
        ("small", 8, "amod", "JJ"), ("Islamic", 8, "amod", "JJ"), (body, 4, "dobj", "NN"),
        ("in", 8, "prep", "IN"), ("Chad", 9, "pobj", "NNP"), (",", 1, "punct", ","),
        ("spoke", 12, "ROOT", "VBD", "speak"), (".", 12, "punct", "."),
    ]


def test_who_heads_a_body_in_a_country_holds_its_head(nlp: Language) -> None:
    found = parse(nlp, heads("heads", "VBZ", "head", "party"), [(0, 2, "PERSON")])
    assert rules_on(found, "Tom Vale") == [(ClaimRule.OFFICE_VERB, "head", "TCD", False)]
    claim = claim_on(found, "Tom Vale", "head")
    assert (claim.office.text, claim.qualifier) == ("heads", "of the Islamic party")
    earlier = parse(nlp, heads("headed", "VBD", "head", "party"), [(0, 2, "PERSON")])
    assert rules_on(earlier, "Tom Vale") == [(ClaimRule.OFFICE_VERB, "head", "TCD", True)]


def test_leading_what_is_no_body_names_no_post(nlp: Language) -> None:
    found = parse(nlp, heads("leads", "VBZ", "lead", "talks"), [(0, 2, "PERSON")])
    assert rules_on(found, "Tom Vale") == []


def test_only_a_spelling_of_the_title_is_an_alias_of_the_office() -> None:
    a = Art("a.txt")
    a.holds("heads", "head", a.person("Tom Vale"), a.country("Chad", "TCD"), qualifier="of the Islamic party")
    a.holds("diplomat", "top-diplomat", a.person("Ana Vidal"), a.country("Chad", "TCD"))
    a.holds("Top Diplomat", "top-diplomat", a.person("Ana Vidal"), a.country("Chad", "TCD"))
    res = resolve([a.facts()])
    aliases = {e.label: e.aliases for e in res.entities.values() if e.kind is EntityKind.OFFICE}
    assert aliases == {"Head of the Islamic party (Chad)": (), "Top Diplomat (Chad)": ("Top Diplomat",)}
    assert offices_of(res, "Tom Vale") == {"Head of the Islamic party (Chad)"}


def test_a_supreme_court_is_each_countrys_not_only_washingtons(nlp: Language) -> None:
    chadian = [m for m in read(nlp, "the Chadian Supreme Court ruled .").mentions if m is not None]
    assert [(m.text, m.country) for m in chadian] == [("Chadian", "TCD"), ("Supreme Court", "TCD")]
    bare = [m for m in read(nlp, "the Supreme Court ruled .").mentions if m is not None]
    assert bare == []
    us = [m for m in read(nlp, "the U.S. Supreme Court ruled .").mentions if m is not None]
    assert [(m.text, m.country) for m in us] == [("U.S. Supreme Court", "USA")]


# -- a nation's body a list names without its nation ------------------------------------------------

NAMED = ("the Chadian Minister of Justice , Ana Vidal ; a Deputy of the National Assembly , Tom Vale ;"
         " and a Chief of the {} Police , Rosa Lind , were named .")


def with_body(nlp: Language, words: str, *people: str) -> DocMentions:
    """``words`` parsed with "National Assembly" tagged as an organisation and ``people`` as names."""
    body = words.split().index("National")
    return parse(nlp, flat(words), [(body, body + 2, "ORG"), *names(words, *people)])


def named_list(nlp: Language, demonym: str) -> DocMentions:
    return with_body(nlp, NAMED.format(demonym), "Ana Vidal", "Tom Vale", "Rosa Lind")


def test_a_national_body_in_a_list_of_one_nations_bodies_is_that_nations(nlp: Language) -> None:
    found = named_list(nlp, "Chadian")
    assert held(found, "Tom Vale") == [("deputy", "TCD")]
    [body] = [m for m in found.mentions if m is not None and m.text == "National Assembly"]
    assert (body.label, body.key, body.country) == (MentionRole.GENERIC_ORG, "National Assembly", "TCD")


def test_a_national_body_in_a_list_of_two_nations_bodies_is_neither(nlp: Language) -> None:
    found = named_list(nlp, "Malian")
    assert held(found, "Tom Vale") == [("deputy", "")]


def test_one_other_body_of_the_nation_is_not_enough(nlp: Language) -> None:
    words = ("the Chadian Minister of Justice , Ana Vidal , and a Deputy of the National Assembly ,"
             " Tom Vale , left .")
    found = with_body(nlp, words, "Ana Vidal", "Tom Vale")
    assert held(found, "Tom Vale") == [("deputy", "")]


def test_a_bare_title_set_off_before_a_name_that_ends_the_sentence_is_an_apposition(nlp: Language) -> None:
    found = read(nlp, "they met the new adviser , Ana Vidal .", "Ana Vidal")
    assert held(found, "Ana Vidal") == [("adviser", "")]
    found = read(nlp, "they met the adviser , Ana Vidal and Tom Vale .", "Ana Vidal", "Tom Vale")
    assert held(found, "Ana Vidal") == []


def test_a_professor_holds_a_post_and_an_emeritus_one_held_it(nlp: Language) -> None:
    words = "Professor Ana Vidal , emeritus president of the Chadian Academy , said so ."
    found = read(nlp, words, "Ana Vidal")
    assert held(found, "Ana Vidal") == [("president", "TCD"), ("professor", "")]
    assert claim_on(found, "Ana Vidal", "president").former


# -- a post someone is elected to and does not hold yet --------------------------------------------


def test_a_president_elect_holds_that_post_not_the_presidency(nlp: Language) -> None:
    words = "Chilean President - elect Ana Vidal spoke ."  # the tokenizer splits at the hyphen
    assert held(read(nlp, words, "Ana Vidal"), "Ana Vidal") == [("president-elect", "CHL")]
    words = "Prime Minister - elect Ana Vidal spoke ."
    assert held(read(nlp, words, "Ana Vidal"), "Ana Vidal") == [("pm-elect", "")]


# -- a title with its country, set off by a comma before the name ------------------------------------


def test_a_title_of_a_country_set_off_by_a_comma_with_no_determiner_is_the_next_names(nlp: Language) -> None:
    # The style of many governments' readouts: "met President of the Republic of Chad, Ana Vidal, ..."
    words = "Roe met President of the Republic of Chad , Ana Vidal , in Lisbon ."
    found = parse(nlp, flat(words), [(6, 7, "GPE"), *names(words, "Ana Vidal", "Roe")])
    assert held(found, "Ana Vidal") == [("president", "TCD")]


def test_a_countrys_negotiator_holds_a_post_of_that_country(nlp: Language) -> None:
    words = "Chile 's top nuclear negotiator Ana Vidal spoke ."
    found = parse(nlp, flat(words), [(0, 1, "GPE"), *names(words, "Ana Vidal")])
    assert held(found, "Ana Vidal") == [("negotiator", "CHL")]


def test_a_political_or_military_leader_of_a_body_leads_that_body(nlp: Language) -> None:
    words = "Hamas political leader Ana Vidal spoke ."
    found = parse(nlp, flat(words), [(0, 1, "ORG"), *names(words, "Ana Vidal")])
    claim = claim_on(found, "Ana Vidal", "leader")
    assert claim.owner is not None and claim.owner.text == "Hamas"


def test_an_ousted_or_deposed_president_held_the_post_before(nlp: Language) -> None:
    for word in ("ousted", "deposed"):
        words = f"{word} Chilean President Ana Vidal spoke ."
        found = parse(nlp, flat(words), [(1, 2, "NORP"), *names(words, "Ana Vidal")])
        assert claim_on(found, "Ana Vidal", "president").former
