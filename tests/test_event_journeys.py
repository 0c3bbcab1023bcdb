"""Journeys as news tells them beyond "visited" and "travelled to": "came to", "left for", "led
a delegation to", "will be accompanied by a team including X", and a companion's visit dated by
the journey the article told before; "came to power" is no journey.

Each article is given one word a line (see ``test_event_meetings.py``); names are made up.
"""

from __future__ import annotations

import datetime as dt

import pytest
from parsed import parse, spec_rows
from spacy.language import Language

from kg.events.find import EventFinder
from kg.types import EventCandidate, TemporalValue
from kg.vocab import EventKind, Status, TemporalPrecision

FRIDAY = dt.date(2023, 6, 16)


def events(nlp: Language, find_events: EventFinder, spec: str, ents: list[tuple[int, int, str]],
           kind: EventKind) -> list[EventCandidate]:
    rows = spec_rows(spec)
    return [c for c in find_events(parse(nlp, rows, ents, published=FRIDAY)) if c.kind is kind]


def visits(nlp: Language, find_events: EventFinder, spec: str,
           ents: list[tuple[int, int, str]]) -> set[tuple[str, str]]:
    return {(c.participants[0].text, c.destination.text if c.destination else "")
            for c in events(nlp, find_events, spec, ents, EventKind.VISIT)}


CAME_TO = """
Soto 1 nsubj NNP
came 1 ROOT VBD come
to 1 prep IN
Lima 2 pobj NNP
on 1 prep IN
Monday 4 pobj NNP
. 1 punct .
"""

CAME_TO_POWER = """
Soto 1 nsubj NNP
came 1 ROOT VBD come
to 1 prep IN
power 2 pobj NN
in 1 prep IN
2019 4 pobj CD
. 1 punct .
"""

LEFT_FOR = """
Soto 1 nsubj NNP
left 1 ROOT VBD leave
for 1 prep IN
Lima 2 pobj NNP
. 1 punct .
"""


@pytest.mark.parametrize(("spec", "ents", "expected"), [
    (CAME_TO, [(0, 1, "PERSON"), (3, 4, "GPE"), (5, 6, "DATE")], {("Soto", "Lima")}),
    (LEFT_FOR, [(0, 1, "PERSON"), (3, 4, "GPE")], {("Soto", "Lima")}),
    (CAME_TO_POWER, [(0, 1, "PERSON"), (5, 6, "DATE")], set()),
])
def test_coming_to_and_leaving_for_a_place_are_visits_and_coming_to_power_is_none(
    nlp: Language, find_events: EventFinder, spec: str, ents: list[tuple[int, int, str]],
    expected: set[tuple[str, str]],
) -> None:
    assert visits(nlp, find_events, spec, ents) == expected


ACCOMPANIED_BY_A_TEAM = """
Soto 3 nsubjpass NNP
will 3 aux MD
be 3 auxpass VB
accompanied 3 ROOT VBN accompany
to 3 prep IN
Lima 4 pobj NNP
by 3 agent IN
a 8 det DT
team 6 pobj NN
of 8 prep IN
officials 9 pobj NNS official
including 10 prep VBG
envoy 14 compound NN
Tom 14 compound NNP
Ash 11 pobj NNP
. 3 punct .
"""


def test_who_accompanies_a_traveller_travels_too_and_a_team_is_its_members(
    nlp: Language, find_events: EventFinder
) -> None:
    ents = [(0, 1, "PERSON"), (5, 6, "GPE"), (13, 15, "PERSON")]
    assert visits(nlp, find_events, ACCOMPANIED_BY_A_TEAM, ents) == {("Soto", "Lima"), ("Tom Ash", "Lima")}


LED_A_DELEGATION = """
Soto 1 nsubj NNP
led 1 ROOT VBD lead
a 3 det DT
delegation 1 dobj NN
from 3 prep IN
Chile 4 pobj NNP
to 1 prep IN
Peru 6 pobj NNP
for 1 prep IN
talks 8 pobj NNS talk
with 9 prep IN
Ash 10 pobj NNP
. 1 punct .
"""


def test_leading_a_delegation_to_a_country_is_a_visit_and_its_talks_are_held_there(
    nlp: Language, find_events: EventFinder
) -> None:
    # Where the delegation comes from ("from Chile") is no place of the talks.
    ents = [(0, 1, "PERSON"), (5, 6, "GPE"), (7, 8, "GPE"), (11, 12, "PERSON")]
    assert visits(nlp, find_events, LED_A_DELEGATION, ents) == {("Soto", "Peru")}
    [talks] = events(nlp, find_events, LED_A_DELEGATION, ents, EventKind.MEETING)
    assert talks.place is not None and talks.place.text == "Peru"


THE_BANKS_PRESIDENT = """
Soto 1 nsubj NNP
met 1 ROOT VBD meet
the 4 det DT
World 4 compound NNP
Bank 1 dobj NNP
president 7 compound NN
Tom 7 compound NNP
Ash 4 appos NNP
. 1 punct .
"""


def test_a_phrase_the_parser_heads_by_a_body_stands_for_the_holder_it_names(
    nlp: Language, find_events: EventFinder
) -> None:
    ents = [(0, 1, "PERSON"), (3, 5, "ORG"), (6, 8, "PERSON")]
    [meeting] = events(nlp, find_events, THE_BANKS_PRESIDENT, ents, EventKind.MEETING)
    assert {m.text for m in meeting.participants} == {"Soto", "Tom Ash"}


def _companion_after(first_verb: str, lemma: str, day: str) -> str:
    return f"""
Soto 2 nsubj NNP
will 2 aux MD
{first_verb} 2 ROOT VB {lemma}
to 2 prep IN
Lima 3 pobj NNP
on 2 prep IN
{day} 5 pobj NNP
. 2 punct .
Soto 11 nsubjpass NNP
will 11 aux MD
be 11 auxpass VB
accompanied 11 ROOT VBN accompany
to 11 prep IN
Peru 12 pobj NNP
by 11 agent IN
Ash 14 pobj NNP
. 11 punct .
"""


COMPANION_ENTS = [(0, 1, "PERSON"), (4, 5, "GPE"), (6, 7, "DATE"), (8, 9, "PERSON"), (13, 14, "GPE"),
                  (15, 16, "PERSON")]


def test_an_undated_visit_on_a_journey_the_article_dated_takes_its_date(
    nlp: Language, find_events: EventFinder
) -> None:
    spec = _companion_after("fly", "fly", "Saturday")
    found = events(nlp, find_events, spec, COMPANION_ENTS, EventKind.VISIT)
    ash = [c for c in found if c.participants[0].text == "Ash"]
    saturday = TemporalValue(dt.date(2023, 6, 17), TemporalPrecision.DAY)
    assert [(c.destination.text if c.destination else "", c.status, c.date) for c in ash] == [
        ("Peru", Status.PLANNED, saturday),
    ]


def test_a_planned_visit_takes_no_date_already_past(nlp: Language, find_events: EventFinder) -> None:
    spec = _companion_after("fly", "fly", "Saturday").replace("will 2 aux MD\n", "did 2 aux VBD\n", 1)
    spec = spec.replace("Saturday 5 pobj NNP", "Monday 5 pobj NNP")
    found = events(nlp, find_events, spec, COMPANION_ENTS, EventKind.VISIT)
    assert [c.date for c in found if c.participants[0].text == "Ash"] == [None]


WHO_ARRIVED = """
Soto 10 nsubjpass NNP
, 0 punct ,
who 3 nsubj WP
arrived 0 relcl VBD arrive
in 3 prep IN
Lima 4 pobj NNP
on 3 prep IN
Monday 6 pobj NNP
, 0 punct ,
is 10 auxpass VBZ be
expected 10 ROOT VBN expect
to 12 aux TO
travel 10 xcomp VB travel
to 12 prep IN
Quito 13 pobj NNP
. 10 punct .
"""


def test_a_relative_clause_keeps_its_own_time(nlp: Language, find_events: EventFinder) -> None:
    # "X, who arrived in A on Monday, is expected to travel to B": the arrival took place.
    spec = WHO_ARRIVED
    ents = [(0, 1, "PERSON"), (5, 6, "GPE"), (7, 8, "DATE"), (14, 15, "GPE")]
    found = {c.destination.text: c.status for c in events(nlp, find_events, spec, ents, EventKind.VISIT)
             if c.destination is not None}
    assert found == {"Lima": Status.OCCURRED, "Quito": Status.PLANNED}


ARRIVED_FOR_TALKS = """
Soto 1 nsubj NNP
arrived 1 ROOT VBD arrive
in 1 prep IN
Lima 2 pobj NNP
on 1 prep IN
Monday 4 pobj NNP
for 1 prep IN
talks 6 pobj NNS talk
with 7 prep IN
Ash 8 pobj NNP
. 1 punct .
"""


def test_talks_a_journey_is_for_are_ahead_of_it(nlp: Language, find_events: EventFinder) -> None:
    # "arrived in X on Monday for talks with Y": the talks are planned, not dated by the arrival.
    ents = [(0, 1, "PERSON"), (3, 4, "GPE"), (5, 6, "DATE"), (9, 10, "PERSON")]
    [talks] = events(nlp, find_events, ARRIVED_FOR_TALKS, ents, EventKind.MEETING)
    place = talks.place.text if talks.place else None
    assert (talks.status, talks.date, place) == (Status.PLANNED, None, "Lima")
    [arrival] = events(nlp, find_events, ARRIVED_FOR_TALKS, ents, EventKind.VISIT)
    monday = TemporalValue(dt.date(2023, 6, 12), TemporalPrecision.DAY)
    assert (arrival.status, arrival.date) == (Status.OCCURRED, monday)


DUE_TO_VISIT = """
Soto 1 nsubj NNP
is 1 ROOT VBZ be
due 1 acomp JJ
to 4 aux TO
visit 2 xcomp VB visit
Lima 4 dobj NNP
. 1 punct .
"""


def test_who_is_due_to_visit_plans_to(nlp: Language, find_events: EventFinder) -> None:
    [visit] = events(nlp, find_events, DUE_TO_VISIT, [(0, 1, "PERSON"), (5, 6, "GPE")], EventKind.VISIT)
    assert (visit.participants[0].text, visit.status) == ("Soto", Status.PLANNED)


SAID_HE_WOULD_MEET = """
Soto 1 nsubj NNP
said 1 ROOT VBD say
he 4 nsubj PRP
would 4 aux MD
meet 1 ccomp VB meet
Ash 4 dobj NNP
in 4 prep IN
Lima 6 pobj NNP
. 1 punct .
"""


def test_would_in_what_someone_said_is_their_plan_and_elsewhere_a_hedge(
    nlp: Language, find_events: EventFinder
) -> None:
    ents = [(0, 1, "PERSON"), (5, 6, "PERSON"), (7, 8, "GPE")]
    [said] = events(nlp, find_events, SAID_HE_WOULD_MEET, ents, EventKind.MEETING)
    assert said.status is Status.PLANNED
    hedged = SAID_HE_WOULD_MEET.replace("said 1 ROOT VBD say", "hoped 1 ROOT VBD hope")
    [hoped] = events(nlp, find_events, hedged, ents, EventKind.MEETING)
    assert hoped.status is Status.POSSIBLE


def test_a_stay_begun_by_an_arrival_lasts_the_days_after_it() -> None:
    from kg.events.find import _Whereabouts

    monday = TemporalValue(dt.date(2023, 6, 12), TemporalPrecision.DAY)
    arrived = _Whereabouts(0, None, frozenset({"soto"}), monday, arrival=True)
    met = _Whereabouts(0, None, frozenset({"soto"}), monday)
    for days, apart in ((0, False), (1, False), (3, False), (4, True), (-1, True)):
        later = TemporalValue(dt.date(2023, 6, 12 + days), TemporalPrecision.DAY)
        assert arrived.dated_apart(later) is apart
    assert met.dated_apart(TemporalValue(dt.date(2023, 6, 13), TemporalPrecision.DAY))


URGED_TO_MEET = """
Soto 1 nsubj NNP
urged 1 ROOT VBD urge
Ash 1 dobj NNP
to 4 aux TO
meet 1 xcomp VB meet
Li 4 dobj NNP
. 1 punct .
"""


def test_whom_a_verb_urges_to_meet_is_who_meets(nlp: Language, find_events: EventFinder) -> None:
    # "X urged Y to meet Z": Y would meet Z; with "X planned to meet Z", X would.
    ents = [(0, 1, "PERSON"), (2, 3, "PERSON"), (5, 6, "PERSON")]
    [urged] = events(nlp, find_events, URGED_TO_MEET, ents, EventKind.MEETING)
    assert {m.text for m in urged.participants} == {"Ash", "Li"}
    planned = URGED_TO_MEET.replace("urged 1 ROOT VBD urge", "wanted 1 ROOT VBD want")
    [wanted] = events(nlp, find_events, planned, ents, EventKind.MEETING)
    assert "Soto" in {m.text for m in wanted.participants}
