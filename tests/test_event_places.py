"""Where meetings and visits take place: places the parser hangs inside another noun.

Each sentence is given one word a line (see ``test_event_meetings.py``); names of people
are made up, places are real ones of kg's gazetteer.
"""

from __future__ import annotations

import datetime as dt

import pytest
from parsed import KNOWLEDGE, parse
from spacy.language import Language

from kg.events.find import EventFinder
from kg.mentions import DocMentions
from kg.types import EventCandidate
from kg.vocab import EntityKind, EventKind

FRIDAY = dt.date(2023, 6, 16)


@pytest.fixture(scope="module")
def find_events() -> EventFinder:
    return EventFinder(KNOWLEDGE)


def sentence(nlp: Language, spec: str, ents: list[tuple[int, int, str]]) -> DocMentions:
    rows = [tuple(int(x) if i == 1 else x for i, x in enumerate(line.split()))
            for line in spec.strip().splitlines()]
    return parse(nlp, rows, ents, published=FRIDAY)


def of_kind(events: list[EventCandidate], kind: EventKind) -> list[EventCandidate]:
    return [e for e in events if e.kind is kind]


AT_A_NAMED_LODGE = """
Moreau 1 nsubj NNP
met 1 ROOT VBD meet
Okafor 1 dobj NNP
at 1 prep IN
the 7 det DT
Camp 6 compound NNP
David 7 compound NNP
lodge 3 pobj NN
. 1 punct .
"""

AT_A_COUNTRY_OFFICE = """
Moreau 1 nsubj NNP
met 1 ROOT VBD meet
Okafor 1 dobj NNP
at 1 prep IN
the 7 det DT
Brazil 7 compound NNP
trade 7 compound NN
office 3 pobj NN
. 1 punct .
"""

# The parser often takes a city before a day for a modifier of the day.
FLY_TO_A_CITY_ON_A_DAY = """
Moreau 2 nsubj NNP
will 2 aux MD
fly 2 ROOT VB
to 2 prep IN
Port 8 compound NNP
- 4 punct HYPH
au 4 advmod IN
- 4 punct HYPH
Prince 9 compound NNP
Sunday 3 pobj NNP
to 11 aux TO
meet 2 advcl VB
Okafor 11 dobj NNP
. 2 punct .
"""


def test_a_meeting_at_a_venue_named_by_a_place_is_held_there(nlp: Language, find_events: EventFinder) -> None:
    events = list(find_events(sentence(nlp, AT_A_NAMED_LODGE, [(0, 1, "PERSON"), (2, 3, "PERSON")])))
    [meeting] = of_kind(events, EventKind.MEETING)
    assert meeting.place is not None
    assert (meeting.place.kind, meeting.place.key) == (EntityKind.PLACE, "Camp David")


def test_a_country_naming_the_venue_is_not_where_the_meeting_was(
    nlp: Language, find_events: EventFinder
) -> None:
    events = list(find_events(sentence(nlp, AT_A_COUNTRY_OFFICE, [(0, 1, "PERSON"), (2, 3, "PERSON")])))
    [meeting] = of_kind(events, EventKind.MEETING)
    assert meeting.place is None


def test_a_city_the_parser_hangs_on_the_day_is_the_journey_and_meeting_place(
    nlp: Language, find_events: EventFinder
) -> None:
    events = list(find_events(sentence(nlp, FLY_TO_A_CITY_ON_A_DAY, [(0, 1, "PERSON"), (12, 13, "PERSON")])))
    [visit] = of_kind(events, EventKind.VISIT)
    [meeting] = of_kind(events, EventKind.MEETING)
    # The hyphenated capital is one place, its last word no title ("Prince").
    assert visit.destination is not None and visit.destination.key == "Port-au-Prince"
    assert meeting.place is not None
    assert (meeting.place.kind, meeting.place.key) == (EntityKind.PLACE, "Port-au-Prince")
