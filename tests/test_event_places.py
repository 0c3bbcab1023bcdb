"""Where meetings and visits take place: places the parser hangs inside another noun.

Each sentence is given one word a line (see ``test_event_meetings.py``); names of people
are made up, places are real ones of kg's gazetteer.
"""

from __future__ import annotations

import datetime as dt

from parsed import parse, spec_rows
from spacy.language import Language

from kg.events.find import EventFinder
from kg.mentions import DocMentions
from kg.types import EventCandidate
from kg.vocab import EntityKind, EventKind

FRIDAY = dt.date(2023, 6, 16)



def sentence(nlp: Language, spec: str, ents: list[tuple[int, int, str]]) -> DocMentions:
    rows = spec_rows(spec)
    return parse(nlp, rows, ents, published=FRIDAY)


def of_kind(events: list[EventCandidate], kind: EventKind) -> list[EventCandidate]:
    return [e for e in events if e.kind is kind]


def the_meeting(nlp: Language, find_events: EventFinder, spec: str) -> EventCandidate:
    """The one meeting of a sentence whose first and third words are people."""
    [meeting] = of_kind(list(find_events(sentence(nlp, spec, [(0, 1, "PERSON"), (2, 3, "PERSON")]))),
                        EventKind.MEETING)
    return meeting


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
    meeting = the_meeting(nlp, find_events, AT_A_NAMED_LODGE)
    assert meeting.place is not None
    assert (meeting.place.kind, meeting.place.key) == (EntityKind.PLACE, "Camp David")


def test_a_country_naming_the_venue_is_not_where_the_meeting_was(
    nlp: Language, find_events: EventFinder
) -> None:
    assert the_meeting(nlp, find_events, AT_A_COUNTRY_OFFICE).place is None


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


AT_A_SEAT_OF_GOVERNMENT = """
Moreau 1 nsubj NNP
met 1 ROOT VBD meet
Okafor 1 dobj NNP
at 1 prep IN
the 5 det DT
Kremlin 3 pobj NNP
. 1 punct .
"""

A_SEAT_OF_GOVERNMENT_ACTS = """
The 1 det DT
Kremlin 2 nsubj NNP
welcomed 2 ROOT VBD welcome
Okafor 2 dobj NNP
. 2 punct .
"""


def test_a_meeting_at_a_seat_of_government_is_held_in_its_city(
    nlp: Language, find_events: EventFinder
) -> None:
    meeting = the_meeting(nlp, find_events, AT_A_SEAT_OF_GOVERNMENT)
    assert meeting.place is not None
    # The venue is a place whose label names its city, in the venue's country.
    assert (meeting.place.kind, meeting.place.key, meeting.place.country) == (
        EntityKind.PLACE, "Kremlin, Moscow", "RUS")


def test_a_seat_of_government_one_visits_is_a_place_in_its_city(nlp: Language,
                                                              find_events: EventFinder) -> None:
    spec = "\n".join(["Okafor 1 nsubj NNP", "visited 1 ROOT VBD visit", "the 3 det DT", "Kremlin 1 dobj NNP",
                      ". 1 punct ."])
    [visit] = [c for c in find_events(sentence(nlp, spec, [(0, 1, "PERSON")])) if c.kind is EventKind.VISIT]
    assert visit.destination is not None
    assert (visit.destination.kind, visit.destination.key) == (EntityKind.PLACE, "Kremlin, Moscow")


def test_a_seat_of_government_that_acts_is_the_government_body(nlp: Language) -> None:
    found = sentence(nlp, A_SEAT_OF_GOVERNMENT_ACTS, [(3, 4, "PERSON")])
    [kremlin] = [m for m in found.mentions if m is not None and m.text == "Kremlin"]
    assert kremlin.kind is EntityKind.ORGANIZATION
