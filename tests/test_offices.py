"""Offices and the countries their holders act for, as real text writes them.

Each rule is checked on a sentence of our own, given word by word (a flat parse: the
rules read word order and spans, not dependencies), run through kg's gazetteer and
reconciler on a blank pipeline. Names are made up on purpose.
"""

from __future__ import annotations

from parsed import Row, parse
from spacy.language import Language

import kg.pipeline  # noqa: F401  (registers the factories)
from kg.mentions import DocMentions
from kg.types import OfficeClaim
from kg.vocab import ClaimRule


def flat(words: str) -> list[Row]:
    """A sentence as rows with every word hanging from the last one (space-separated words)."""
    tokens = words.split()
    root = len(tokens) - 1
    return [
        (w, root, "ROOT" if i == root else "dep", "NNP" if w[:1].isupper() else "NN")
        for i, w in enumerate(tokens)
    ]


def names(words: str, *names: str) -> list[tuple[int, int, str]]:
    """Entity spans (as the model would tag them PERSON) for each of ``names`` in ``words``."""
    tokens = words.split()
    out = []
    for name in names:
        parts = name.split()
        start = next(i for i in range(len(tokens)) if tokens[i : i + len(parts)] == parts)
        out.append((start, start + len(parts), "PERSON"))
    return out


def read(nlp: Language, words: str, *people: str) -> DocMentions:
    return parse(nlp, flat(words), names(words, *people))


def held(found: DocMentions, person: str) -> list[tuple[str, str]]:
    """``(title key, owner country)`` of every claim on ``person``."""
    return sorted(
        (c.office.key, c.owner.country if c.owner is not None else c.office.country)
        for c in found.office_claims()
        if c.person is not None and c.person.text == person
    )


def claim_on(found: DocMentions, person: str, key: str) -> OfficeClaim:
    matching = [c for c in found.office_claims() if c.person is not None and c.person.text == person
                and c.office.key == key]
    assert len(matching) == 1, [(c.office.key, c.person and c.person.text) for c in found.office_claims()]
    return matching[0]


# -- between the title and the name ------------------------------------------------------------


def test_a_courtesy_between_title_and_name_is_skipped(nlp: Language) -> None:
    words = "Deputy Prime Minister Hon . Jane Roe arrived ."
    assert held(read(nlp, words, "Jane Roe"), "Jane Roe") == [("deputy-prime-minister", "")]


def test_two_titles_and_a_courtesy_before_one_name_are_all_hers(nlp: Language) -> None:
    words = "talks with Chilean Prime Minister and Foreign Minister Sheikh Ana Vidal bin Omar ."
    found = read(nlp, words, "Ana Vidal bin Omar")
    assert held(found, "Ana Vidal bin Omar") == [("foreign-minister", "CHL"), ("pm", "CHL")]


def test_a_portfolio_ends_before_a_second_post(nlp: Language) -> None:
    words = "talks with Ana Vidal , General Secretary of the Unity Party and Chilean President ."
    claim = claim_on(read(nlp, words, "Ana Vidal"), "Ana Vidal", "general-secretary")
    assert claim.qualifier == "of the Unity Party"


def test_a_royal_courtesy_is_no_post_and_a_counterpart_keeps_the_post(nlp: Language) -> None:
    # "his Chadian counterpart Prince X": the prince is the foreign minister's counterpart.
    words = "Paul Dane met his Chadian counterpart Prince Ana Vidal in Paris ."
    found = read(nlp, words, "Paul Dane", "Ana Vidal")
    claims = [c for c in found.office_claims() if c.person is not None and c.person.text == "Ana Vidal"]
    assert {c.office.key for c in claims} == {"counterpart"}
    assert ClaimRule.COUNTERPART in {c.rule for c in claims}


def test_a_party_post_gives_the_partys_country(nlp: Language) -> None:
    words = "Member of the Political Bureau of the CPC Central Committee Li Wen arrived ."
    assert held(read(nlp, words, "Li Wen"), "Li Wen") == [("politburo-member", "CHN")]


def test_a_rank_the_model_took_for_a_name_is_skipped(nlp: Language) -> None:
    words = "Army Press Secretary Brig . Gen. Tom Vale spoke ."
    found = read(nlp, words, "Brig", "Tom Vale")
    assert held(found, "Tom Vale") == [("press-secretary", "")]
    assert held(found, "Brig") == []


def test_a_rank_after_a_post_is_the_same_persons(nlp: Language) -> None:
    words = "Chilean Commander Rear Admiral Ana Vidal spoke ."
    found = read(nlp, words, "Ana Vidal")
    assert held(found, "Ana Vidal") == [("commander", "CHL"), ("rear-admiral", "")]


# -- owners the text writes elsewhere -----------------------------------------------------------


def test_an_owner_restated_in_brackets(nlp: Language) -> None:
    words = "Republic of Korea ( ROK ) Foreign Minister Min Soo arrived ."
    claim = claim_on(read(nlp, words, "Min Soo"), "Min Soo", "foreign-minister")
    assert claim.owner is not None and (claim.owner.text, claim.owner.country) == ("Republic of Korea", "KOR")


def test_a_bracketed_acronym_alone_is_the_owner(nlp: Language) -> None:
    words = "talks with ( ROK ) Foreign Minister Min Soo ."
    claim = claim_on(read(nlp, words, "Min Soo"), "Min Soo", "foreign-minister")
    assert claim.owner is not None and claim.owner.country == "KOR"


def test_the_owner_after_the_holders_name(nlp: Language) -> None:
    words = "President Rosa Lind of Chile called ."
    assert held(read(nlp, words, "Rosa Lind"), "Rosa Lind") == [("president", "CHL")]


def test_of_after_the_name_without_an_owner_gives_none(nlp: Language) -> None:
    words = "President Rosa Lind of course called ."
    assert held(read(nlp, words, "Rosa Lind"), "Rosa Lind") == [("president", "")]


# -- portfolios after the title -------------------------------------------------------------------


def test_a_portfolio_after_the_title_qualifies_it(nlp: Language) -> None:
    words = "Secretary for Foreign Affairs Rosa Lind spoke ."
    claim = claim_on(read(nlp, words, "Rosa Lind"), "Rosa Lind", "secretary")
    assert claim.qualifier == "for Foreign Affairs"
    assert claim.owner is None


def test_an_owner_inside_the_portfolio(nlp: Language) -> None:
    words = "Chief of the Chadian National Police Ana Vidal spoke ."
    claim = claim_on(read(nlp, words, "Ana Vidal"), "Ana Vidal", "chief")
    assert claim.qualifier == "of the Chadian National Police"
    assert claim.owner is not None and claim.owner.country == "TCD"


def test_a_country_alone_after_of_is_the_owner_not_a_portfolio(nlp: Language) -> None:
    words = "Premier of the People 's Republic of China Wu Lan spoke ."
    claim = claim_on(read(nlp, words, "Wu Lan"), "Wu Lan", "pm")
    assert claim.owner is not None and claim.owner.country == "CHN"
    assert claim.qualifier == ""


def test_a_lower_case_word_after_of_is_no_portfolio(nlp: Language) -> None:
    words = "the Minister of course , Ana Vidal , agreed ."
    assert all(c.qualifier == "" for c in read(nlp, words, "Ana Vidal").office_claims())


def test_titles_of_deputies_and_portfolios(nlp: Language) -> None:
    words = "Under Secretary of State for Management Tom Vale and Assistant Administrator Ana Vidal left ."
    found = read(nlp, words, "Tom Vale", "Ana Vidal")
    assert claim_on(found, "Tom Vale", "under-secretary-of-state").qualifier == "for Management"
    assert held(found, "Ana Vidal") == [("assistant-administrator", "")]


def test_two_titles_of_one_person_share_the_owner_before_them(nlp: Language) -> None:
    words = "Chilean Senior Undersecretary and Officer in Charge of the Navy Tom Vale called ."
    found = read(nlp, words, "Tom Vale")
    assert held(found, "Tom Vale") == [("officer-in-charge", "CHL"), ("under-secretary", "CHL")]
    assert claim_on(found, "Tom Vale", "officer-in-charge").qualifier == "of the Navy"


# -- a title set off by a comma --------------------------------------------------------------------


def test_his_counterpart_then_a_title_before_the_name(nlp: Language) -> None:
    words = "Paul Dane met his Chadian counterpart , Defence Minister Ana Vidal , in Paris ."
    found = read(nlp, words, "Paul Dane", "Ana Vidal")
    assert held(found, "Ana Vidal") == [("counterpart", ""), ("counterpart", "TCD"), ("defense-minister", "")]


def test_an_owned_title_after_the_is_an_apposition(nlp: Language) -> None:
    words = "the Chief of the Chadian National Police , Ana Vidal , resigned ."
    assert held(read(nlp, words, "Ana Vidal"), "Ana Vidal") == [("chief", "TCD")]


def test_a_bare_title_after_the_is_still_no_apposition(nlp: Language) -> None:
    words = "they met the minister , Ana Vidal and Tom Vale ."
    assert held(read(nlp, words, "Ana Vidal", "Tom Vale"), "Ana Vidal") == []


def test_a_countrys_leader_holds_a_post(nlp: Language) -> None:
    found = read(nlp, "Chadian leader Ana Vidal spoke .", "Ana Vidal")
    claim = claim_on(found, "Ana Vidal", "leader")
    assert (claim.office.label, claim.office.country) == ("office", "TCD")


# -- the data the country rules read --------------------------------------------------------------


def test_office_countries_and_issuer_offices_name_known_titles_and_bodies() -> None:
    from kg.knowledge import load_knowledge
    from kg.vocab import TitleRank

    knowledge = load_knowledge(None)
    titles = set(knowledge.titles)
    ranks = {TitleRank.HEAD_OF_STATE, TitleRank.HEAD_OF_GOVERNMENT}
    heads = {key for key, t in knowledge.titles.items() if t.rank in ranks}
    bodies = {o.name for o in knowledge.gazetteer.organizations}
    assert set(knowledge.office_countries) <= titles
    assert set(knowledge.office_countries.values()) <= {c.code for c in knowledge.gazetteer.countries}
    for body, offices in knowledge.issuer_offices.items():
        assert body in bodies, body
        assert offices <= titles, (body, offices - titles)
        assert not offices & heads, (body, offices & heads)  # a readout names the other side's as bare


# -- counterparts -----------------------------------------------------------------------------------


def test_a_counterpart_is_claimed_against_the_sentences_subject(nlp: Language) -> None:
    words = "Paul Dane met his Chadian counterpart Ana Vidal in Paris ."
    found = read(nlp, words, "Paul Dane", "Ana Vidal")
    [claim] = [c for c in found.office_claims() if c.rule == ClaimRule.COUNTERPART]
    assert claim.person is not None and claim.person.text == "Ana Vidal"
    assert claim.owner is not None and claim.owner.text == "Paul Dane"
    assert claim.office.country == "TCD"


def test_the_owner_of_anothers_title_is_not_whom_his_counterpart_is_of(nlp: Language) -> None:
    words = "Rosa Lind 's foreign minister , Paul Dane , met his Chadian counterpart Ana Vidal ."
    found = read(nlp, words, "Rosa Lind", "Paul Dane", "Ana Vidal")
    [claim] = [c for c in found.office_claims() if c.rule == ClaimRule.COUNTERPART]
    assert claim.owner is not None and claim.owner.text == "Paul Dane"


def test_a_counterpart_without_a_subject_is_no_counterpart_claim(nlp: Language) -> None:
    found = read(nlp, "his Chadian counterpart Ana Vidal arrived .", "Ana Vidal")
    assert not [c for c in found.office_claims() if c.rule == ClaimRule.COUNTERPART]


def test_a_plural_title_is_held_by_each_coordinated_name(nlp: Language) -> None:
    words = ("Paul Dane met their Chadian counterparts , Defence Minister Ana Vidal and Chief of Police"
             " Tom Vale .")
    rows = flat(words)
    rows[5] = ("counterparts", rows[5][1], "dep", "NNS")
    found = parse(nlp, rows, names(words, "Paul Dane", "Ana Vidal", "Tom Vale"))
    assert ("counterpart", "TCD") in held(found, "Ana Vidal")
    assert ("counterpart", "TCD") in held(found, "Tom Vale")
    assert ("chief", "") in held(found, "Tom Vale")


def test_a_singular_title_is_held_by_the_first_name_only(nlp: Language) -> None:
    words = ("Paul Dane met his Chadian counterpart , Defence Minister Ana Vidal and Chief of Police"
             " Tom Vale .")
    found = read(nlp, words, "Paul Dane", "Ana Vidal", "Tom Vale")
    assert ("counterpart", "TCD") not in held(found, "Tom Vale")
