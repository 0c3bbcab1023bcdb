"""Event finding rules (``kg.events.find.EventFinder``) on hand-built, hand-parsed Docs.

Each sentence is given word by word with head, dependency label, tag and, where it
matters, lemma (see ``parsed.py``); names are made up. What is tested is kg's rule over
the parse: who takes part, where, when, and whether it happened.
"""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from parsed import KNOWLEDGE, parse
from spacy.language import Language

from kg.events.find import EventFinder
from kg.events.lexicon import EventLexicon, Needs, Trigger
from kg.knowledge import Knowledge
from kg.nlp import add_components
from kg.types import EventCandidate
from kg.vocab import EventKind, Mode, Plover, Status

SATURDAY = dt.date(2023, 6, 17)



def meetings(find_events: EventFinder, found) -> list[EventCandidate]:
    return [c for c in find_events(found) if c.kind is EventKind.MEETING]


def names(candidate: EventCandidate) -> set[str]:
    return {m.text for m in candidate.participants}


def test_later_partners_coordinated_with_the_talks_each_keep_their_own_hedge(
    nlp: Language, find_events: EventFinder
) -> None:
    rows = [  # Moreau'll have talks with Okafor, as well as Lin Tao and possibly Silva on Monday.
        ("Moreau", 2, "nsubj", "NNP"),
        ("\u2019ll", 2, "aux", "MD", "\u2019ll"),
        ("have", 2, "ROOT", "VB"),
        ("talks", 2, "dobj", "NNS", "talk"),
        ("with", 3, "prep", "IN"),
        ("Okafor", 4, "pobj", "NNP"),
        (",", 3, "punct", ","),
        ("as", 9, "advmod", "RB"),
        ("well", 9, "advmod", "RB"),
        ("as", 3, "cc", "IN"),
        ("Lin", 11, "compound", "NNP"),
        ("Tao", 3, "conj", "NNP"),
        ("and", 11, "cc", "CC"),
        ("possibly", 14, "advmod", "RB"),
        ("Silva", 11, "conj", "NNP"),
        ("on", 2, "prep", "IN"),
        ("Monday", 15, "pobj", "NNP"),
        (".", 2, "punct", "."),
    ]
    ents = [(0, 1, "PERSON"), (5, 6, "PERSON"), (10, 12, "PERSON"), (14, 15, "PERSON"), (16, 17, "DATE")]
    found = parse(nlp, rows, ents, published=SATURDAY)
    by_partner = {frozenset(names(c)) - {"Moreau"}: c for c in meetings(find_events, found)}
    assert set(by_partner) == {frozenset({"Okafor"}), frozenset({"Lin Tao"}), frozenset({"Silva"})}
    assert by_partner[frozenset({"Okafor"})].status is Status.PLANNED  # "’ll" is "will"
    assert by_partner[frozenset({"Lin Tao"})].status is Status.PLANNED
    assert by_partner[frozenset({"Silva"})].status is Status.POSSIBLE
    assert {c.date.lexical for c in by_partner.values()} == {"2023-06-19"}


def test_owners_written_before_a_noun_trigger_meet_and_a_past_plan_has_happened(
    nlp: Language, find_events: EventFinder
) -> None:
    rows = [  # The trip was scheduled during Moreau and Okafor's meet in Vienna last year.
        ("The", 1, "det", "DT"),
        ("trip", 3, "nsubjpass", "NN"),
        ("was", 3, "auxpass", "VBD", "be"),
        ("scheduled", 3, "ROOT", "VBN", "schedule"),
        ("during", 3, "prep", "IN"),
        ("Moreau", 4, "pobj", "NNP"),
        ("and", 5, "cc", "CC"),
        ("Okafor", 5, "conj", "NNP"),
        ("\u2019s", 7, "case", "POS"),
        ("meet", 3, "advcl", "NN"),
        ("in", 9, "prep", "IN"),
        ("Vienna", 10, "pobj", "NNP"),
        ("last", 13, "amod", "JJ"),
        ("year", 9, "npadvmod", "NN"),
        (".", 3, "punct", "."),
    ]
    ents = [(5, 6, "PERSON"), (7, 8, "PERSON"), (11, 12, "GPE"), (12, 14, "DATE")]
    found = parse(nlp, rows, ents, published=SATURDAY)
    [meeting] = meetings(find_events, found)
    assert names(meeting) == {"Moreau", "Okafor"}
    assert meeting.place is not None and meeting.place.text == "Vienna"
    assert meeting.date is not None and meeting.date.lexical == "2022"
    assert meeting.status is Status.OCCURRED  # "scheduled", but dated before publication


def test_a_rebuffed_request_for_a_meeting_is_a_declined_meeting_of_asker_and_asked(
    nlp: Language, find_events: EventFinder
) -> None:
    rows = [  # Peru's defense minister rebuffed a request from Moreau for a meeting in Vienna.
        ("Peru", 3, "poss", "NNP"),
        ("\u2019s", 0, "case", "POS"),
        ("defense", 3, "compound", "NN"),
        ("minister", 4, "nsubj", "NN"),
        ("rebuffed", 4, "ROOT", "VBD", "rebuff"),
        ("a", 6, "det", "DT"),
        ("request", 4, "dobj", "NN"),
        ("from", 6, "prep", "IN"),
        ("Moreau", 7, "pobj", "NNP"),
        ("for", 6, "prep", "IN"),
        ("a", 11, "det", "DT"),
        ("meeting", 9, "pobj", "NN"),
        ("in", 11, "prep", "IN"),
        ("Vienna", 12, "pobj", "NNP"),
        (".", 4, "punct", "."),
    ]
    ents = [(0, 1, "GPE"), (8, 9, "PERSON"), (13, 14, "GPE")]
    found = parse(nlp, rows, ents, published=SATURDAY)
    [meeting] = meetings(find_events, found)
    # The minister is unnamed: the title stands for him, and his country for the graph.
    assert names(meeting) == {"Moreau", "Peru\u2019s defense minister"}
    assert {m.country for m in meeting.participants if m.text != "Moreau"} == {"PER"}
    assert meeting.status is Status.DECLINED
    assert meeting.place is not None and meeting.place.text == "Vienna"


def test_the_city_in_a_conference_name_is_the_place(nlp: Language, find_events: EventFinder) -> None:
    rows = [  # Moreau met Okafor on the sidelines of the Munich Security Conference.
        ("Moreau", 1, "nsubj", "NNP"),
        ("met", 1, "ROOT", "VBD", "meet"),
        ("Okafor", 1, "dobj", "NNP"),
        ("on", 1, "prep", "IN"),
        ("the", 5, "det", "DT"),
        ("sidelines", 3, "pobj", "NNS", "sideline"),
        ("of", 5, "prep", "IN"),
        ("the", 10, "det", "DT"),
        ("Munich", 9, "compound", "NNP"),
        ("Security", 10, "compound", "NNP"),
        ("Conference", 6, "pobj", "NNP"),
        (".", 1, "punct", "."),
    ]
    ents = [(0, 1, "PERSON"), (2, 3, "PERSON"), (7, 11, "ORG")]
    found = parse(nlp, rows, ents, published=SATURDAY)
    [meeting] = meetings(find_events, found)
    assert meeting.place is not None and meeting.place.text == "Munich"
    assert meeting.status is Status.OCCURRED


def test_hosting_a_named_forum_is_neither_a_meeting_nor_cooperation(
    nlp: Language, find_events: EventFinder
) -> None:
    rows = [  # Peru hosts the Pacific Economic Cooperation forum.
        ("Peru", 1, "nsubj", "NNP"),
        ("hosts", 1, "ROOT", "VBZ", "host"),
        ("the", 6, "det", "DT"),
        ("Pacific", 5, "compound", "NNP"),
        ("Economic", 5, "compound", "NNP"),
        ("Cooperation", 6, "compound", "NNP", "cooperation"),
        ("forum", 1, "dobj", "NN"),
        (".", 1, "punct", "."),
    ]
    ents = [(0, 1, "GPE"), (3, 6, "ORG")]
    found = parse(nlp, rows, ents, published=SATURDAY)
    assert list(find_events(found)) == []


@pytest.mark.parametrize(
    ("sentence", "issues"),
    [
        ("fentanyl, the painkiller behind an addiction pandemic", ("drugs",)),
        ("vaccines and the pandemic", ("health",)),
        ("the pandemic and an opioid pandemic", ("drugs", "health")),
    ],
)
def test_an_excluded_phrase_shadows_only_the_terms_inside_it(sentence: str, issues: tuple[str, ...]) -> None:
    assert KNOWLEDGE.events.issues_in(sentence) == issues


# -- a hand-made knowledge: the rules read their words from what they are handed ----------------


BY_RADIO = [  # Ilka Vant spoke by radio with Oren Dask.
    ("Ilka", 1, "compound", "NNP"),
    ("Vant", 2, "nsubj", "NNP"),
    ("spoke", 2, "ROOT", "VBD", "speak"),
    ("by", 2, "prep", "IN"),
    ("radio", 3, "pobj", "NN"),
    ("with", 2, "prep", "IN"),
    ("Oren", 7, "compound", "NNP"),
    ("Dask", 5, "pobj", "NNP"),
    (".", 2, "punct", "."),
]
BY_RADIO_NAMES = [(0, 2, "PERSON"), (6, 8, "PERSON")]


def test_a_hand_made_knowledge_decides_what_a_phone_word_is(nlp: Language) -> None:
    speak = Trigger("speak", "VERB", EventKind.PHONE_CALL, Plover.CONSULT, Mode.PHONE, Needs.BY_PHONE)
    lexicon = EventLexicon(triggers={("speak", "VERB"): (speak,)}, phone_words=frozenset({"radio"}))
    radio = Knowledge(events=lexicon)
    found = parse(add_components(spacy.blank("en"), radio), BY_RADIO, BY_RADIO_NAMES, knowledge=radio)
    (call,) = EventFinder(radio)(found)
    assert (call.kind, call.mode) == (EventKind.PHONE_CALL, Mode.PHONE)
    assert names(call) == {"Ilka Vant", "Oren Dask"}
    # The same trigger without "radio" among its phone words: by radio, nobody phoned.
    no_radio = Knowledge(events=EventLexicon(triggers={("speak", "VERB"): (speak,)}))
    found = parse(add_components(spacy.blank("en"), no_radio), BY_RADIO, BY_RADIO_NAMES, knowledge=no_radio)
    assert list(EventFinder(no_radio)(found)) == []
