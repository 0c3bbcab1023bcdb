"""Dispute and cooperation rules (``kg.events.disputes``) on hand-built, hand-parsed Docs.

Each sentence is given word by word with head, dependency label, tag and, where it
matters, lemma (see ``parsed.py``); people's names are made up. What is tested is who
the text sets on each side, what it says they are at odds over, and that no side is
taken from anywhere but the trigger's own phrase.
"""

from __future__ import annotations

import datetime as dt

import pytest
from parsed import KNOWLEDGE, Row, parse
from spacy.language import Language

from kg.events.find import EventFinder
from kg.kinds import RELATION_KINDS
from kg.types import EventCandidate
from kg.vocab import EventKind, Plover

TUESDAY = dt.date(2023, 6, 20)



def relations(find_events: EventFinder, nlp: Language, rows: list[Row],
              ents: list[tuple[int, int, str]]) -> list[EventCandidate]:
    found = parse(nlp, rows, ents, published=TUESDAY)
    return [c for c in find_events(found) if c.kind in RELATION_KINDS]


def names(mentions: tuple) -> set[str]:
    return {m.text for m in mentions}


def countries(candidate: EventCandidate) -> set[str]:
    """The country codes the candidate's actors stand for."""
    return {m.key if m.country == m.key else m.country for m in candidate.participants}


# -- sides ---------------------------------------------------------------------------------------


def test_a_designation_sets_the_designating_country_against_the_designated(
    nlp: Language, find_events: EventFinder
) -> None:
    rows = [  # Canada designated two Peruvian generals on Monday.
        ("Canada", 1, "nsubj", "NNP"),
        ("designated", 1, "ROOT", "VBD", "designate"),
        ("two", 4, "nummod", "CD"),
        ("Peruvian", 4, "amod", "JJ"),
        ("generals", 1, "dobj", "NNS", "general"),
        ("on", 1, "prep", "IN"),
        ("Monday", 5, "pobj", "NNP"),
        (".", 1, "punct", "."),
    ]
    [designation] = relations(find_events, nlp, rows, [(0, 1, "GPE"), (3, 4, "NORP"), (6, 7, "DATE")])
    assert (designation.kind, designation.plover) == (EventKind.DISPUTE, Plover.SANCTION)
    assert countries(designation) == {"CAN", "PER"}
    assert names(designation.targets) == {"Peruvian"}
    assert designation.issues == ("sanctions",)
    assert designation.date is not None and designation.date.lexical == "2023-06-19"


def test_who_imposes_sanctions_sanctions_and_who_discusses_them_does_not(
    nlp: Language, find_events: EventFinder
) -> None:
    rows = [  # Canada imposed sanctions on Peruvian generals.
        ("Canada", 1, "nsubj", "NNP"),
        ("imposed", 1, "ROOT", "VBD", "impose"),
        ("sanctions", 1, "dobj", "NNS", "sanction"),
        ("on", 2, "prep", "IN"),
        ("Peruvian", 5, "amod", "JJ"),
        ("generals", 3, "pobj", "NNS", "general"),
        (".", 1, "punct", "."),
    ]
    ents = [(0, 1, "GPE"), (4, 5, "NORP")]
    [sanction] = relations(find_events, nlp, rows, ents)
    assert (sanction.plover, countries(sanction), names(sanction.targets)) == (
        Plover.SANCTION, {"CAN", "PER"}, {"Peruvian"})
    discussed = [r if r[0] != "imposed" else ("discussed", 1, "ROOT", "VBD", "discuss") for r in rows]
    assert [countries(c) for c in relations(find_events, nlp, discussed, ents)
            if c.plover is Plover.SANCTION] in ([], [{"PER"}])


def test_summoning_an_ambassador_is_a_protest_against_the_ambassadors_country(
    nlp: Language, find_events: EventFinder
) -> None:
    rows = [  # Peru summoned the Canadian ambassador.
        ("Peru", 1, "nsubj", "NNP"),
        ("summoned", 1, "ROOT", "VBD", "summon"),
        ("the", 4, "det", "DT"),
        ("Canadian", 4, "amod", "JJ"),
        ("ambassador", 1, "dobj", "NN"),
        (".", 1, "punct", "."),
    ]
    [protest] = relations(find_events, nlp, rows, [(0, 1, "GPE"), (3, 4, "NORP")])
    assert (protest.plover, countries(protest)) == (Plover.DISAPPROVE, {"PER", "CAN"})


def test_a_possessive_pronoun_owns_the_act_and_the_verbs_subject_is_no_party(
    nlp: Language, find_events: EventFinder
) -> None:
    rows = [  # Chile held Peru accountable for its war against Bolivia.
        ("Chile", 1, "nsubj", "NNP"),
        ("held", 1, "ROOT", "VBD", "hold"),
        ("Peru", 1, "dobj", "NNP"),
        ("accountable", 1, "advcl", "JJ"),
        ("for", 3, "prep", "IN"),
        ("its", 6, "poss", "PRP$"),
        ("war", 4, "pobj", "NN"),
        ("against", 6, "prep", "IN"),
        ("Bolivia", 7, "pobj", "NNP"),
        (".", 1, "punct", "."),
    ]
    [war] = relations(find_events, nlp, rows, [(0, 1, "GPE"), (2, 3, "GPE"), (8, 9, "GPE")])
    assert names(war.participants) == {"Peru", "Bolivia"}
    assert names(war.targets) == {"Bolivia"}
    # The vocabulary has no issue here: the act is the issue, in the text's word.
    assert (war.issues, war.topics) == ((), ("war",))


def test_between_whom_a_state_noun_holds_needs_no_acting_side(
    nlp: Language, find_events: EventFinder
) -> None:
    rows = [  # Tensions rose between Chile and Peru.
        ("Tensions", 1, "nsubj", "NNS", "tension"),
        ("rose", 1, "ROOT", "VBD", "rise"),
        ("between", 1, "prep", "IN"),
        ("Chile", 2, "pobj", "NNP"),
        ("and", 3, "cc", "CC"),
        ("Peru", 3, "conj", "NNP"),
        (".", 1, "punct", "."),
    ]
    [tensions] = relations(find_events, nlp, rows, [(3, 4, "GPE"), (5, 6, "GPE")])
    assert names(tensions.participants) == {"Chile", "Peru"}
    assert tensions.targets == ()


def test_a_scene_set_before_the_subject_names_no_side(nlp: Language, find_events: EventFinder) -> None:
    rows = [  # With tensions high between Chile and Peru, Kenya called for calm.
        ("With", 9, "prep", "IN"),
        ("tensions", 0, "pobj", "NNS", "tension"),
        ("high", 1, "amod", "JJ"),
        ("between", 2, "prep", "IN"),
        ("Chile", 3, "pobj", "NNP"),
        ("and", 4, "cc", "CC"),
        ("Peru", 4, "conj", "NNP"),
        (",", 9, "punct", ","),
        ("Kenya", 9, "nsubj", "NNP"),
        ("called", 9, "ROOT", "VBD", "call"),
        ("for", 9, "prep", "IN"),
        ("calm", 10, "pobj", "NN"),
        (".", 9, "punct", "."),
    ]
    # Kenya's call is aimed at no one the text names: Chile and Peru only set the scene (and
    # the tensions, under the call, are left to it).
    assert relations(find_events, nlp, rows, [(4, 5, "GPE"), (6, 7, "GPE"), (8, 9, "GPE")]) == []


def test_subjects_that_act_together_with_no_one_they_act_on_are_no_dispute(
    nlp: Language, find_events: EventFinder
) -> None:
    rows = [  # Kenya and Ghana threatened to leave the summit.
        ("Kenya", 3, "nsubj", "NNP"),
        ("and", 0, "cc", "CC"),
        ("Ghana", 0, "conj", "NNP"),
        ("threatened", 3, "ROOT", "VBD", "threaten"),
        ("to", 5, "aux", "TO"),
        ("leave", 3, "xcomp", "VB"),
        ("the", 7, "det", "DT"),
        ("summit", 5, "dobj", "NN"),
        (".", 3, "punct", "."),
    ]
    assert relations(find_events, nlp, rows, [(0, 1, "GPE"), (2, 3, "GPE")]) == []


def test_a_call_for_someone_to_act_is_aimed_at_them(nlp: Language, find_events: EventFinder) -> None:
    rows = [  # Kenya called for Ghana to withdraw its troops.
        ("Kenya", 1, "nsubj", "NNP"),
        ("called", 1, "ROOT", "VBD", "call"),
        ("for", 5, "mark", "IN"),
        ("Ghana", 5, "nsubj", "NNP"),
        ("to", 5, "aux", "TO"),
        ("withdraw", 1, "advcl", "VB"),
        ("its", 7, "poss", "PRP$"),
        ("troops", 5, "dobj", "NNS", "troop"),
        (".", 1, "punct", "."),
    ]
    [call] = relations(find_events, nlp, rows, [(0, 1, "GPE"), (3, 4, "GPE")])
    assert (call.plover, names(call.participants), names(call.targets)) == (
        Plover.DEMAND, {"Kenya", "Ghana"}, {"Ghana"})


@pytest.mark.parametrize(("act", "aimed_at"), [("condemn", set()), ("send", {"Peru"})])
def test_who_a_refused_reproach_names_is_no_other_side_of_the_refusal(
    nlp: Language, find_events: EventFinder, act: str, aimed_at: set[str]
) -> None:
    rows = [  # Chile refused to condemn Peru. / Chile refused to send aid to Peru.
        ("Chile", 1, "nsubj", "NNP"),
        ("refused", 1, "ROOT", "VBD", "refuse"),
        ("to", 3, "aux", "TO"),
        (act, 1, "xcomp", "VB"),
    ]
    if act == "condemn":
        rows += [("Peru", 3, "dobj", "NNP")]
    else:
        rows += [("aid", 3, "dobj", "NN"), ("to", 3, "prep", "IN"), ("Peru", 5, "pobj", "NNP")]
    rows += [(".", 1, "punct", ".")]
    found = relations(find_events, nlp, rows, [(0, 1, "GPE"), (len(rows) - 2, len(rows) - 1, "GPE")])
    # Not condemning Peru is no dispute with Peru; refusing to send it aid is one (PLOVER REJECT).
    assert [names(c.targets) for c in found] == ([aimed_at] if aimed_at else [])


def test_a_subject_that_is_no_actor_stands_for_the_actor_it_names(
    nlp: Language, find_events: EventFinder
) -> None:
    rows = [  # Rebels in Chile rejected an appeal from Peru.
        ("Rebels", 3, "nsubj", "NNS", "rebel"),
        ("in", 0, "prep", "IN"),
        ("Chile", 1, "pobj", "NNP"),
        ("rejected", 3, "ROOT", "VBD", "reject"),
        ("an", 5, "det", "DT"),
        ("appeal", 3, "dobj", "NN"),
        ("from", 5, "prep", "IN"),
        ("Peru", 6, "pobj", "NNP"),
        (".", 3, "punct", "."),
    ]
    [rejection] = relations(find_events, nlp, rows, [(2, 3, "GPE"), (7, 8, "GPE")])
    assert (names(rejection.participants), names(rejection.targets)) == ({"Chile", "Peru"}, {"Peru"})


def test_a_reiterated_demand_is_aimed_at_the_subject_of_its_clause(
    nlp: Language, find_events: EventFinder
) -> None:
    rows = [  # Chile reiterated its demand that Peru withdraw.
        ("Chile", 1, "nsubj", "NNP"),
        ("reiterated", 1, "ROOT", "VBD", "reiterate"),
        ("its", 3, "poss", "PRP$"),
        ("demand", 1, "dobj", "NN"),
        ("that", 6, "mark", "IN"),
        ("Peru", 6, "nsubj", "NNP"),
        ("withdraw", 3, "acl", "VB"),
        (".", 1, "punct", "."),
    ]
    [demand] = relations(find_events, nlp, rows, [(0, 1, "GPE"), (5, 6, "GPE")])
    assert (names(demand.participants), names(demand.targets)) == ({"Chile", "Peru"}, {"Peru"})


def test_an_act_has_the_parties_its_own_phrase_names_not_who_discussed_it(
    nlp: Language, find_events: EventFinder
) -> None:
    rows = [  # Ilka Vant discussed the abduction of Chilean sailors by Peruvian agents.
        ("Ilka", 1, "compound", "NNP"),
        ("Vant", 2, "nsubj", "NNP"),
        ("discussed", 2, "ROOT", "VBD", "discuss"),
        ("the", 4, "det", "DT"),
        ("abduction", 2, "dobj", "NN"),
        ("of", 4, "prep", "IN"),
        ("Chilean", 7, "amod", "JJ"),
        ("sailors", 5, "pobj", "NNS", "sailor"),
        ("by", 4, "prep", "IN"),
        ("Peruvian", 10, "amod", "JJ"),
        ("agents", 8, "pobj", "NNS", "agent"),
        (".", 2, "punct", "."),
    ]
    [abduction] = relations(find_events, nlp, rows, [(0, 2, "PERSON"), (6, 7, "NORP"), (9, 10, "NORP")])
    assert countries(abduction) == {"CHL", "PER"}
    assert abduction.targets == ()
    assert abduction.topics == ("abduction",)


def test_an_incident_has_the_parties_of_the_clause_that_tells_it(
    nlp: Language, find_events: EventFinder
) -> None:
    rows = [  # Ilka Vant described an incident in which Chilean ships fired at a Peruvian boat.
        ("Ilka", 1, "compound", "NNP"),
        ("Vant", 2, "nsubj", "NNP"),
        ("described", 2, "ROOT", "VBD", "describe"),
        ("an", 4, "det", "DT"),
        ("incident", 2, "dobj", "NN"),
        ("in", 9, "prep", "IN"),
        ("which", 5, "pobj", "WDT"),
        ("Chilean", 8, "amod", "JJ"),
        ("ships", 9, "nsubj", "NNS", "ship"),
        ("fired", 4, "relcl", "VBD", "fire"),
        ("at", 9, "prep", "IN"),
        ("a", 13, "det", "DT"),
        ("Peruvian", 13, "amod", "JJ"),
        ("boat", 10, "pobj", "NN"),
        (".", 2, "punct", "."),
    ]
    [incident] = relations(find_events, nlp, rows, [(0, 2, "PERSON"), (7, 8, "NORP"), (12, 13, "NORP")])
    assert (countries(incident), incident.plover, incident.topics) == ({"CHL", "PER"}, Plover.COERCE,
                                                                       ("incident",))


def test_a_bare_body_word_stands_for_the_body_the_article_named_before(
    nlp: Language, find_events: EventFinder
) -> None:
    rows = [  # The Chilean military seized the port. Peru condemned the military's actions.
        ("The", 2, "det", "DT"),
        ("Chilean", 2, "amod", "JJ"),
        ("military", 3, "nsubj", "NN"),
        ("seized", 3, "ROOT", "VBD", "seize"),
        ("the", 5, "det", "DT"),
        ("port", 3, "dobj", "NN"),
        (".", 3, "punct", "."),
        ("Peru", 8, "nsubj", "NNP"),
        ("condemned", 8, "ROOT", "VBD", "condemn"),
        ("the", 10, "det", "DT"),
        ("military", 12, "poss", "NN"),
        ("'s", 10, "case", "POS"),
        ("actions", 8, "dobj", "NNS", "action"),
        (".", 8, "punct", "."),
    ]
    [condemnation] = relations(find_events, nlp, rows, [(1, 2, "NORP"), (7, 8, "GPE")])
    assert countries(condemnation) == {"PER", "CHL"}
    assert condemnation.topics == ("military's actions",)


# -- issues --------------------------------------------------------------------------------------


def test_the_object_of_over_is_the_issue_the_vocabulary_lacks(
    nlp: Language, find_events: EventFinder
) -> None:
    rows = [  # Chile and Peru are at odds over the bridge on the river.
        ("Chile", 3, "nsubj", "NNP"),
        ("and", 0, "cc", "CC"),
        ("Peru", 0, "conj", "NNP"),
        ("are", 3, "ROOT", "VBP", "be"),
        ("at", 3, "prep", "IN"),
        ("odds", 4, "pobj", "NNS"),
        ("over", 5, "prep", "IN"),
        ("the", 8, "det", "DT"),
        ("bridge", 6, "pobj", "NN"),
        ("on", 8, "prep", "IN"),
        ("the", 11, "det", "DT"),
        ("river", 9, "pobj", "NN"),
        (".", 3, "punct", "."),
    ]
    [odds] = relations(find_events, nlp, rows, [(0, 1, "GPE"), (2, 3, "GPE")])
    assert (names(odds.participants), odds.targets) == ({"Chile", "Peru"}, ())
    assert (odds.issues, odds.topics) == ((), ("bridge on the river",))


def test_a_partys_own_name_is_not_the_issue_it_is_at_odds_over(
    nlp: Language, find_events: EventFinder
) -> None:
    rows = [  # Japan condemned North Korea's abduction of Japanese citizens.
        ("Japan", 1, "nsubj", "NNP"),
        ("condemned", 1, "ROOT", "VBD", "condemn"),
        ("North", 3, "compound", "NNP"),
        ("Korea", 5, "poss", "NNP"),
        ("'s", 3, "case", "POS"),
        ("abduction", 1, "dobj", "NN"),
        ("of", 5, "prep", "IN"),
        ("Japanese", 8, "amod", "JJ"),
        ("citizens", 6, "pobj", "NNS", "citizen"),
        (".", 1, "punct", "."),
    ]
    # "north korea" is a term of an issue of kg's vocabulary; here it is only a party's name.
    assert KNOWLEDGE.events.issues_in("North Korea's abduction") == ("north-korea",)
    [condemnation] = relations(find_events, nlp, rows, [(0, 1, "GPE"), (2, 4, "GPE"), (7, 8, "NORP")])
    assert countries(condemnation) == {"JPN", "PRK"}
    assert condemnation.issues == ()
    assert condemnation.topics == ("North Korea's abduction of Japanese citizens",)


# -- cooperation ---------------------------------------------------------------------------------


AGREED = [  # Chilean and Peruvian officials agreed to share data.
    ("Chilean", 3, "amod", "JJ"),
    ("and", 0, "cc", "CC"),
    ("Peruvian", 0, "conj", "JJ"),
    ("officials", 4, "nsubj", "NNS", "official"),
    ("agreed", 4, "ROOT", "VBD", "agree"),
    ("to", 6, "aux", "TO"),
    ("share", 4, "xcomp", "VB"),
    ("data", 6, "dobj", "NNS", "datum"),
    (".", 4, "punct", "."),
]


def test_officials_of_two_countries_who_agree_are_both_sides(nlp: Language, find_events: EventFinder) -> None:
    [agreed] = relations(find_events, nlp, AGREED, [(0, 1, "NORP"), (2, 3, "NORP")])
    assert (agreed.kind, agreed.plover) == (EventKind.COOPERATION, Plover.AGREE)
    assert countries(agreed) == {"CHL", "PER"}
    assert agreed.targets == ()


@pytest.mark.parametrize(
    ("rows", "ents"),
    [
        (
            [  # Chile and Peru can cooperate.
                ("Chile", 4, "nsubj", "NNP"),
                ("and", 0, "cc", "CC"),
                ("Peru", 0, "conj", "NNP"),
                ("can", 4, "aux", "MD"),
                ("cooperate", 4, "ROOT", "VB"),
                (".", 4, "punct", "."),
            ],
            [(0, 1, "GPE"), (2, 3, "GPE")],
        ),
        (
            [  # The talks ended without an agreement between Chile and Peru.
                ("The", 1, "det", "DT"),
                ("talks", 2, "nsubj", "NNS", "talk"),
                ("ended", 2, "ROOT", "VBD", "end"),
                ("without", 2, "prep", "IN"),
                ("an", 5, "det", "DT"),
                ("agreement", 3, "pobj", "NN"),
                ("between", 5, "prep", "IN"),
                ("Chile", 6, "pobj", "NNP"),
                ("and", 7, "cc", "CC"),
                ("Peru", 7, "conj", "NNP"),
                (".", 2, "punct", "."),
            ],
            [(7, 8, "GPE"), (9, 10, "GPE")],
        ),
        (
            [  # Kenya accepted an invitation from Ghana to visit Accra.
                ("Kenya", 1, "nsubj", "NNP"),
                ("accepted", 1, "ROOT", "VBD", "accept"),
                ("an", 3, "det", "DT"),
                ("invitation", 1, "dobj", "NN"),
                ("from", 3, "prep", "IN"),
                ("Ghana", 4, "pobj", "NNP"),
                ("to", 7, "aux", "TO"),
                ("visit", 3, "acl", "VB"),
                ("Accra", 7, "dobj", "NNP"),
                (".", 1, "punct", "."),
            ],
            [(0, 1, "GPE"), (5, 6, "GPE"), (8, 9, "GPE")],
        ),
        (
            [  # Chile promised that Peru would be isolated.
                ("Chile", 1, "nsubj", "NNP"),
                ("promised", 1, "ROOT", "VBD", "promise"),
                ("that", 6, "mark", "IN"),
                ("Peru", 6, "nsubjpass", "NNP"),
                ("would", 6, "aux", "MD"),
                ("be", 6, "auxpass", "VB"),
                ("isolated", 1, "ccomp", "VBN", "isolate"),
                (".", 1, "punct", "."),
            ],
            [(0, 1, "GPE"), (3, 4, "GPE")],
        ),
    ],
    ids=["only-possible", "missing", "an-invitation-to-visit", "promised-of-another"],
)
def test_cooperation_only_where_the_text_says_the_parties_agreed_or_worked_together(
    nlp: Language, find_events: EventFinder, rows: list[Row], ents: list[tuple[int, int, str]]
) -> None:
    assert [c for c in relations(find_events, nlp, rows, ents) if c.kind is EventKind.COOPERATION] == []


@pytest.mark.parametrize(("sentence", "trade"), [
    ("Chile and Peru traded fire along the border.", False),
    ("The two governments traded accusations on Monday.", False),
    ("Chile and Peru are locked in a trade war.", True),
])
def test_trading_fire_or_accusations_is_no_trade_issue(sentence: str, trade: bool) -> None:
    assert ("trade" in KNOWLEDGE.events.issues_in(sentence)) is trade
