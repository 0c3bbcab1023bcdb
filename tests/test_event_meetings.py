"""How news says meetings, calls and visits: rules of ``kg.events.EventFinder`` on hand-parsed Docs.

Each sentence is given one word a line: the word, its head (a token index), its dependency
label, its tag and, where it matters, its lemma (see ``parsed.py``). Names are made up.
What is tested is kg's rule over the parse: what kind of event, who takes part, where,
when, whether it happened, and how PLOVER codes it.
"""

from __future__ import annotations

import datetime as dt

import pytest
from parsed import parse, spec_rows
from spacy.language import Language

from kg.events.find import EventFinder
from kg.mentions import DocMentions
from kg.types import EventCandidate
from kg.vocab import EventKind, Mode, Plover, Status, TemporalPrecision

FRIDAY = dt.date(2023, 6, 16)



def sentence(nlp: Language, spec: str, ents: list[tuple[int, int, str]],
             published: dt.date | None = FRIDAY) -> DocMentions:
    """The parse of one sentence written one word a line: ``word head dep tag [lemma]``."""
    rows = spec_rows(spec)
    return parse(nlp, rows, ents, published=published)


def contacts(find_events: EventFinder, found: DocMentions) -> list[EventCandidate]:
    """The meetings, calls and visits found."""
    kinds = {EventKind.MEETING, EventKind.PHONE_CALL, EventKind.VISIT}
    return [c for c in find_events(found) if c.kind in kinds]


def names(candidate: EventCandidate) -> set[str]:
    return {m.text for m in candidate.participants}


# -- PLOVER: CONSULT only for what took place -------------------------------------------------

WILL_MEET = """
Moreau 2 nsubj NNP
will 2 aux MD
meet 2 ROOT VB
Okafor 2 dobj NNP
in 2 prep IN
Vienna 4 pobj NNP
. 2 punct .
"""

REFUSED_TO_MEET = """
Moreau 1 nsubj NNP
refused 1 ROOT VBD refuse
to 3 aux TO
meet 1 xcomp VB
Okafor 3 dobj NNP
. 1 punct .
"""


def test_a_planned_meeting_is_an_intent_to_meet_and_a_refused_one_a_rejection(
    nlp: Language, find_events: EventFinder
) -> None:
    [planned] = contacts(find_events, sentence(nlp, WILL_MEET, [(0, 1, "PERSON"), (3, 4, "PERSON"),
                                                               (5, 6, "GPE")]))
    assert (planned.status, planned.plover, planned.mode) == (Status.PLANNED, Plover.AGREE, None)
    refused = [c for c in contacts(find_events, sentence(nlp, REFUSED_TO_MEET, [(0, 1, "PERSON"),
                                                                               (4, 5, "PERSON")]))]
    assert [(c.status, c.plover) for c in refused] == [(Status.DECLINED, Plover.REJECT)]


# -- calls: "spoke with" in a readout ---------------------------------------------------------

SPOKE_TODAY = """
Moreau 1 nsubj NNP
spoke 1 ROOT VBD speak
with 1 prep IN
Okafor 2 pobj NNP
today 1 npadvmod NN
. 1 punct .
"""

SPOKE_IN_VIENNA = """
Moreau 1 nsubj NNP
spoke 1 ROOT VBD speak
with 1 prep IN
Okafor 2 pobj NNP
in 1 prep IN
Vienna 4 pobj NNP
. 1 punct .
"""

SPOKE_ABOUT_A_PLACE = """
Moreau 1 nsubj NNP
spoke 1 ROOT VBD speak
to 1 prep IN
Okafor 2 pobj NNP
about 1 prep IN
the 6 det DT
war 4 pobj NN
in 6 prep IN
Ukraine 7 pobj NNP
. 1 punct .
"""

SPOKE_TO_REPORTERS = """
Moreau 1 nsubj NNP
spoke 1 ROOT VBD speak
to 1 prep IN
reporters 2 pobj NNS reporter
in 1 prep IN
Vienna 4 pobj NNP
. 1 punct .
"""


def test_speaking_with_someone_with_no_place_named_is_a_call_on_the_day_said(
    nlp: Language, find_events: EventFinder
) -> None:
    [call] = contacts(find_events, sentence(nlp, SPOKE_TODAY, [(0, 1, "PERSON"), (3, 4, "PERSON"),
                                                              (4, 5, "DATE")]))
    assert (call.kind, call.mode, call.plover) == (EventKind.PHONE_CALL, Mode.PHONE, Plover.CONSULT)
    assert names(call) == {"Moreau", "Okafor"}
    assert call.date is not None and call.date.lexical == "2023-06-16"


def test_speaking_with_someone_in_a_place_is_a_meeting_there(nlp: Language, find_events: EventFinder) -> None:
    [meeting] = contacts(find_events, sentence(nlp, SPOKE_IN_VIENNA, [(0, 1, "PERSON"), (3, 4, "PERSON"),
                                                                      (5, 6, "GPE")]))
    assert meeting.kind is EventKind.MEETING
    assert meeting.place is not None and meeting.place.text == "Vienna"


def test_the_place_a_call_is_about_is_not_where_it_was(nlp: Language, find_events: EventFinder) -> None:
    [call] = contacts(find_events, sentence(nlp, SPOKE_ABOUT_A_PLACE, [(0, 1, "PERSON"), (3, 4, "PERSON"),
                                                                       (8, 9, "GPE")]))
    assert call.kind is EventKind.PHONE_CALL
    assert names(call) == {"Moreau", "Okafor"}
    assert call.place is None


def test_speaking_to_reporters_is_no_meeting(nlp: Language, find_events: EventFinder) -> None:
    found = sentence(nlp, SPOKE_TO_REPORTERS, [(0, 1, "PERSON"), (5, 6, "GPE")])
    assert contacts(find_events, found) == []


VIRTUAL_MEETING = """
Moreau 3 nsubj NNP
and 0 cc CC
Okafor 0 conj NNP
held 3 ROOT VBD hold
a 6 det DT
virtual 6 amod JJ
meeting 3 dobj NN
. 3 punct .
"""

BY_PHONE_WITH = """
Moreau 1 nsubj NNP
spoke 1 ROOT VBD speak
by 1 prep IN
phone 2 pobj NN
with 3 prep IN
Okafor 4 pobj NNP
. 1 punct .
"""


def noun_with(verb: str, noun: str, *before: str, after: str = "", prep: str = "with") -> str:
    """The spec of "Moreau VERB [BEFORE...] NOUN with Okafor [AFTER]." (``before`` as
    ``word dep tag``, each a child of the noun; ``after``, "in Vienna", a child of the noun;
    ``prep`` in place of "with")."""
    at = 2 + len(before)
    lines = ["Moreau 1 nsubj NNP", verb]
    lines += [f"{word} {at} {dep} {tag}" for word, dep, tag in (b.split() for b in before)]
    lines += [f"{noun} 1 dobj NN", f"{prep} {at} prep IN", f"Okafor {at + 1} pobj NNP"]
    if after:
        preposition, place = after.split()
        lines += [f"{preposition} {at} prep IN", f"{place} {at + 3} pobj NNP"]
    return "\n".join([*lines, ". 1 punct ."])


TELEPHONE_CONVERSATION = noun_with("had 1 ROOT VBD have", "conversation", "a det DT", "telephone compound NN")
PHONE_TALKS = noun_with("held 1 ROOT VBD hold", "talks", "phone compound NN")
VIDEOCONFERENCE_WITH = noun_with("held 1 ROOT VBD hold", "videoconference", "a det DT")
CONVERSATION_IN_PERSON = noun_with("had 1 ROOT VBD have", "conversation", "a det DT", "long amod JJ",
                                   after="in Vienna")


@pytest.mark.parametrize(("spec", "ents"), [
    (VIRTUAL_MEETING, [(0, 1, "PERSON"), (2, 3, "PERSON")]),
    (BY_PHONE_WITH, [(0, 1, "PERSON"), (5, 6, "PERSON")]),
    (TELEPHONE_CONVERSATION, [(0, 1, "PERSON"), (6, 7, "PERSON")]),
    (PHONE_TALKS, [(0, 1, "PERSON"), (5, 6, "PERSON")]),
    (VIDEOCONFERENCE_WITH, [(0, 1, "PERSON"), (5, 6, "PERSON")]),
])
def test_a_meeting_at_a_distance_is_a_call(nlp: Language, find_events: EventFinder, spec: str,
                                           ents: list[tuple[int, int, str]]) -> None:
    [call] = contacts(find_events, sentence(nlp, spec, ents))
    assert call.kind is EventKind.PHONE_CALL
    assert names(call) == {"Moreau", "Okafor"}


CONFERRED_BY_VIDEO_LINK = "\n".join([
    "Moreau 1 nsubj NNP", "conferred 1 ROOT VBD confer", "with 1 prep IN", "Okafor 2 pobj NNP",
    "by 1 agent IN", "video 6 compound NN", "link 4 pobj NN", ". 1 punct .",
])
SAT_DOWN_WITH = "\n".join([
    "Moreau 1 nsubj NNP", "sat 1 ROOT VBD sit", "down 1 prt RP", "with 1 prep IN", "Okafor 3 pobj NNP",
    ". 1 punct .",
])


def test_conferring_by_video_link_is_a_call_and_sitting_down_with_someone_a_meeting(
    nlp: Language, find_events: EventFinder
) -> None:
    people = [(0, 1, "PERSON"), (3, 4, "PERSON")]
    [call] = contacts(find_events, sentence(nlp, CONFERRED_BY_VIDEO_LINK, people))
    assert (call.kind, names(call)) == (EventKind.PHONE_CALL, {"Moreau", "Okafor"})
    [meeting] = contacts(find_events, sentence(nlp, SAT_DOWN_WITH, [(0, 1, "PERSON"), (4, 5, "PERSON")]))
    assert (meeting.kind, names(meeting)) == (EventKind.MEETING, {"Moreau", "Okafor"})


def test_receiving_a_call_from_someone_is_a_call_with_them(nlp: Language, find_events: EventFinder) -> None:
    spec = "\n".join([  # Moreau received a phone call from Okafor.
        "Moreau 1 nsubj NNP", "received 1 ROOT VBD receive", "a 4 det DT", "phone 4 compound NN",
        "call 1 dobj NN", "from 4 prep IN", "Okafor 5 pobj NNP", ". 1 punct .",
    ])
    [call] = contacts(find_events, sentence(nlp, spec, [(0, 1, "PERSON"), (6, 7, "PERSON")]))
    assert (call.kind, names(call)) == (EventKind.PHONE_CALL, {"Moreau", "Okafor"})


def test_a_conversation_with_someone_is_a_meeting_unless_at_a_distance(
    nlp: Language, find_events: EventFinder
) -> None:
    [meeting] = contacts(find_events, sentence(nlp, CONVERSATION_IN_PERSON,
                                               [(0, 1, "PERSON"), (6, 7, "PERSON"), (8, 9, "GPE")]))
    assert meeting.kind is EventKind.MEETING
    assert names(meeting) == {"Moreau", "Okafor"}


# -- who takes part ------------------------------------------------------------------------------

DISCUSSED_WITH = """
Moreau 1 nsubj NNP
discussed 1 ROOT VBD discuss
Peruvian 3 amod JJ
exports 1 dobj NNS export
with 3 prep IN
Okafor 4 pobj NNP
. 1 punct .
"""


def test_what_is_discussed_with_someone_takes_no_part(nlp: Language, find_events: EventFinder) -> None:
    [meeting] = contacts(find_events, sentence(nlp, DISCUSSED_WITH, [(0, 1, "PERSON"), (2, 3, "NORP"),
                                                                     (5, 6, "PERSON")]))
    assert names(meeting) == {"Moreau", "Okafor"}


READOUT_OF_THE_CALL = """
Peru 1 nsubj NNP
took 1 ROOT VBD take
a 3 det DT
tone 1 dobj NN
in 1 prep IN
a 6 det DT
readout 4 pobj NN
of 6 prep IN
the 9 det DT
call 7 pobj NN
with 9 prep IN
Okafor 10 pobj NNP
. 1 punct .
"""

ROUND_OF_TALKS = """
Moreau 1 nsubj NNP
held 1 ROOT VBD hold
a 4 det DT
second 4 amod JJ
round 1 dobj NN
of 4 prep IN
talks 5 pobj NNS talk
with 6 prep IN
Okafor 7 pobj NNP
. 1 punct .
"""


def test_the_subject_holds_a_part_of_an_event_not_what_another_noun_is_about(
    nlp: Language, find_events: EventFinder
) -> None:
    readout = sentence(nlp, READOUT_OF_THE_CALL, [(0, 1, "GPE"), (11, 12, "PERSON")])
    assert contacts(find_events, readout) == []
    [talks] = contacts(find_events, sentence(nlp, ROUND_OF_TALKS, [(0, 1, "PERSON"), (8, 9, "PERSON")]))
    assert names(talks) == {"Moreau", "Okafor"}


def test_those_who_call_something_talks_take_no_part_in_them(nlp: Language, find_events: EventFinder) -> None:
    # "Envoys met in Vienna, in what Moreau and Okafor called exploratory talks."
    spec = "\n".join([
        "Envoys 1 nsubj NNS envoy", "met 1 ROOT VBD meet", "in 1 prep IN", "Vienna 2 pobj NNP", ", 1 punct ,",
        "in 1 prep IN", "what 10 dobj WP", "Moreau 10 nsubj NNP", "and 7 cc CC", "Okafor 7 conj NNP",
        "called 5 pcomp VBD call", "exploratory 12 amod JJ", "talks 10 oprd NNS talk", ". 1 punct .",
    ])
    ents = [(3, 4, "GPE"), (7, 8, "PERSON"), (9, 10, "PERSON")]
    assert contacts(find_events, sentence(nlp, spec, ents)) == []


# -- when and where: shared with linked predicates, else the article's own time ---------------

ARRIVED_AND_MET = """
Moreau 1 nsubj NNP
arrived 1 ROOT VBD arrive
Thursday 1 npadvmod NNP
in 1 prep IN
Vienna 3 pobj NNP
and 1 cc CC
met 1 conj VBD meet
with 6 prep IN
Okafor 7 pobj NNP
. 1 punct .
"""

FLY_TO_MEET = """
Moreau 2 nsubj NNP
will 2 aux MD
fly 2 ROOT VB
to 2 prep IN
Vienna 3 pobj NNP
Saturday 2 npadvmod NNP
to 7 aux TO
meet 2 advcl VB
Okafor 7 dobj NNP
. 2 punct .
"""


def test_a_meeting_shares_the_date_and_place_of_the_journey_it_is_part_of(
    nlp: Language, find_events: EventFinder
) -> None:
    found = sentence(nlp, ARRIVED_AND_MET,
                     [(0, 1, "PERSON"), (2, 3, "DATE"), (4, 5, "GPE"), (8, 9, "PERSON")])
    by_kind = {c.kind: c for c in contacts(find_events, found)}
    meeting, visit = by_kind[EventKind.MEETING], by_kind[EventKind.VISIT]
    assert meeting.date is not None and visit.date is not None
    assert meeting.date.lexical == visit.date.lexical == "2023-06-15"
    assert meeting.place is not None and meeting.place.text == "Vienna"
    found = sentence(nlp, FLY_TO_MEET, [(0, 1, "PERSON"), (4, 5, "GPE"), (5, 6, "DATE"), (8, 9, "PERSON")])
    [meeting] = [c for c in contacts(find_events, found) if c.kind is EventKind.MEETING]
    assert meeting.status is Status.PLANNED
    assert meeting.date is not None and meeting.date.lexical == "2023-06-17"
    assert meeting.place is not None and meeting.place.text == "Vienna"


HAS_MET = """
Moreau 2 nsubj NNP
has 2 aux VBZ have
met 2 ROOT VBN meet
with 2 prep IN
Okafor 3 pobj NNP
. 2 punct .
"""

MET = """
Moreau 1 nsubj NNP
met 1 ROOT VBD meet
with 1 prep IN
Okafor 2 pobj NNP
. 1 punct .
"""

HAD_MET = HAS_MET.replace("has 2 aux VBZ have", "had 2 aux VBD have")

MEET_REGULARLY = """
Moreau 1 nsubj NNP
meets 1 ROOT VBZ meet
Okafor 1 dobj NNP
regularly 1 advmod RB
. 1 punct .
"""

HAS_ARRIVED = """
Moreau 2 nsubj NNP
has 2 aux VBZ have
arrived 2 ROOT VBN arrive
in 2 prep IN
Vienna 3 pobj NNP
. 2 punct .
"""


BY_MEETING = """
Moreau 1 nsubj NNP
opened 1 ROOT VBD open
the 3 det DT
day 1 dobj NN
by 1 prep IN
meeting 4 pcomp VBG meet
Okafor 5 dobj NNP
. 1 punct .
"""


@pytest.mark.parametrize(("spec", "ents", "when"), [
    (HAS_MET, [(0, 1, "PERSON"), (4, 5, "PERSON")], "2023-06-16"),
    (BY_MEETING, [(0, 1, "PERSON"), (6, 7, "PERSON")], "2023-06"),
    (MET, [(0, 1, "PERSON"), (3, 4, "PERSON")], "2023-06"),
    (HAD_MET, [(0, 1, "PERSON"), (4, 5, "PERSON")], None),
    (MEET_REGULARLY, [(0, 1, "PERSON"), (2, 3, "PERSON")], None),
    (HAS_ARRIVED, [(0, 1, "PERSON"), (4, 5, "GPE")], "2023-06"),
])
def test_an_event_no_phrase_dates_is_of_the_time_the_news_tells_it(
    nlp: Language, find_events: EventFinder, spec: str, ents: list[tuple[int, int, str]], when: str | None
) -> None:
    """Just done ("has met") is the publication day, told in the past the publication month (a
    visit lasts days: the month); before the story's past, or habitual, it is undated."""
    [event] = contacts(find_events, sentence(nlp, spec, ents))
    assert (event.date.lexical if event.date else None) == when
    [undated] = contacts(find_events, sentence(nlp, spec, ents, published=None))
    assert undated.date is None


SINCE_A_YEAR = """
Moreau 1 nsubj NNP
met 1 ROOT VBD meet
Okafor 1 dobj NNP
for 1 prep IN
the 5 det DT
first 5 amod JJ
time 3 pobj NN
since 1 prep IN
2019 7 pobj CD
. 1 punct .
"""

VISIT_FOR_A_PURPOSE = """
Moreau 2 poss NNP
's 0 case POS
visit 5 nsubj NN
to 2 prep IN
Vienna 3 pobj NNP
was 5 ROOT VBD be
to 7 aux TO
build 5 xcomp VB
on 7 prep IN
the 11 det DT
January 11 compound NNP
accords 8 pobj NNS accord
. 5 punct .
"""


def test_a_reference_point_or_a_purpose_does_not_date_the_event(
    nlp: Language, find_events: EventFinder
) -> None:
    [meeting] = contacts(find_events, sentence(nlp, SINCE_A_YEAR, [(0, 1, "PERSON"), (2, 3, "PERSON"),
                                                                   (8, 9, "DATE")]))
    assert meeting.date is not None and meeting.date.precision is TemporalPrecision.MONTH
    assert meeting.date.lexical == "2023-06"
    found = sentence(nlp, VISIT_FOR_A_PURPOSE, [(0, 1, "PERSON"), (4, 5, "GPE"), (10, 11, "DATE")])
    [visit] = contacts(find_events, found)
    assert visit.date is not None and visit.date.lexical == "2023-06"  # not the accords' January


# -- lists on one side ------------------------------------------------------------------------

THEIR_COUNTERPARTS = """
Moreau 3 nsubj NNP
and 0 cc CC
Okafor 0 conj NNP
held 3 ROOT VBD hold
talks 3 dobj NNS talk
with 4 prep IN
their 8 poss PRP$
Peruvian 8 amod JJ
counterparts 5 pobj NNS counterpart
, 8 punct ,
Silva 8 appos NNP
and 10 cc CC
Vargas 10 conj NNP
. 3 punct .
"""


def test_their_counterparts_named_after_the_title_are_the_other_side(
    nlp: Language, find_events: EventFinder
) -> None:
    ents = [(0, 1, "PERSON"), (2, 3, "PERSON"), (7, 8, "NORP"), (10, 11, "PERSON"), (12, 13, "PERSON")]
    [talks] = contacts(find_events, sentence(nlp, THEIR_COUNTERPARTS, ents))
    assert names(talks) == {"Moreau", "Okafor", "Silva", "Vargas"}
    # Unnamed, the counterparts stand for their country; with no one kg knows on the other
    # side ("with students"), Moreau and Okafor, on one side of the table, did not meet each other.
    unnamed = "\n".join([*THEIR_COUNTERPARTS.strip().splitlines()[:9], ". 3 punct ."])
    [talks] = contacts(find_events, sentence(nlp, unnamed, ents[:3]))
    assert names(talks) == {"Moreau", "Okafor", "Peruvian"}
    students = (unnamed.replace("their 8 poss PRP$", "the 8 det DT")
                .replace("Peruvian 8 amod JJ", "visiting 8 amod JJ")
                .replace("counterparts 5 pobj NNS counterpart", "students 5 pobj NNS student"))
    assert contacts(find_events, sentence(nlp, students, ents[:2])) == []


MET_AND_HELD_TALKS = """
Moreau 1 nsubj NNP
met 1 ROOT VBD meet
Okafor 1 dobj NNP
and 1 cc CC
held 1 conj VBD hold
talks 4 dobj NNS talk
with 5 prep IN
Silva 6 pobj NNP
on 7 prep IN
Thursday 8 pobj NNP
in 4 prep IN
Vienna 10 pobj NNP
. 1 punct .
"""


def test_each_meeting_of_a_sentence_gets_the_date_and_place_it_ends_with(
    nlp: Language, find_events: EventFinder
) -> None:
    ents = [(0, 1, "PERSON"), (2, 3, "PERSON"), (7, 8, "PERSON"), (9, 10, "DATE"), (11, 12, "GPE")]
    found = contacts(find_events, sentence(nlp, MET_AND_HELD_TALKS, ents))
    assert {frozenset(names(c)) for c in found} == {frozenset({"Moreau", "Okafor"}),
                                                    frozenset({"Moreau", "Silva"})}
    for meeting in found:
        assert meeting.date is not None and meeting.date.lexical == "2023-06-15"
        assert meeting.place is not None and meeting.place.text == "Vienna"


# -- who: titles, relative clauses, subjects the parser lost -------------------------------------

TITLE_THEN_BARE_TITLE = """
Foreign 1 compound NNP
Minister 3 compound NNP
Ana 3 compound NNP
Okafor 4 nsubj NNP
arrived 4 ROOT VBD arrive
. 4 punct .
The 8 det DT
foreign 8 compound JJ
minister 9 nsubj NN
met 9 ROOT VBD meet
Moreau 9 dobj NNP
. 9 punct .
"""


def test_a_bare_title_stands_for_the_person_last_named_with_it(
    nlp: Language, find_events: EventFinder
) -> None:
    found = sentence(nlp, TITLE_THEN_BARE_TITLE, [(2, 4, "PERSON"), (10, 11, "PERSON")])
    [meeting] = [c for c in contacts(find_events, found) if c.kind is EventKind.MEETING]
    assert names(meeting) == {"Ana Okafor", "Moreau"}


STAY_WITH_TALKS = """
Moreau 1 nsubj NNP
is 1 ROOT VBZ be
in 1 prep IN
Peru 2 pobj NNP
for 1 prep IN
a 6 det DT
stay 4 pobj NN
that 8 nsubj WDT
includes 6 relcl VBZ include
talks 8 dobj NNS talk
with 9 prep IN
Okafor 10 pobj NNP
. 1 punct .
"""

SUBJECT_LOST = """
Under 4 prep IN
Secretary 2 compound NNP
Moreau 0 pobj NNP
will 4 aux MD
meet 4 ROOT VB
Okafor 4 dobj NNP
. 4 punct .
"""

THE_TWO_DISCUSSED = """
Moreau 3 nsubj NNP
and 0 cc CC
Okafor 0 conj NNP
discussed 3 ROOT VBD discuss
trade 3 dobj NN
. 3 punct .
"""


@pytest.mark.parametrize(("spec", "ents"), [
    (STAY_WITH_TALKS, [(0, 1, "PERSON"), (3, 4, "GPE"), (11, 12, "PERSON")]),
    (SUBJECT_LOST, [(2, 3, "PERSON"), (5, 6, "PERSON")]),
    (THE_TWO_DISCUSSED, [(0, 1, "PERSON"), (2, 3, "PERSON")]),
])
def test_the_subject_of_a_meeting_where_the_parse_hides_it(
    nlp: Language, find_events: EventFinder, spec: str, ents: list[tuple[int, int, str]]
) -> None:
    """Through a relative clause to whoever holds the noun it describes; the name right before a
    verb the parser gave no subject; the people who discuss something among themselves."""
    [meeting] = [c for c in contacts(find_events, sentence(nlp, spec, ents)) if c.kind is EventKind.MEETING]
    assert names(meeting) == {"Moreau", "Okafor"}


CALL_THEN_DISCUSSED = SPOKE_TODAY.strip() + """
Moreau 9 nsubj NNP
and 6 cc CC
Okafor 6 conj NNP
discussed 9 ROOT VBD discuss
trade 9 dobj NN
. 9 punct .
"""


def test_what_the_two_discussed_after_their_call_is_the_call(nlp: Language, find_events: EventFinder) -> None:
    ents = [(0, 1, "PERSON"), (3, 4, "PERSON"), (4, 5, "DATE"), (6, 7, "PERSON"), (8, 9, "PERSON")]
    found = contacts(find_events, sentence(nlp, CALL_THEN_DISCUSSED, ents))
    assert [c.kind for c in found] == [EventKind.PHONE_CALL, EventKind.PHONE_CALL]
    # What they will discuss is another occasion, not the call.
    planned = SPOKE_TODAY.strip() + """
Moreau 10 nsubj NNP
and 6 cc CC
Okafor 6 conj NNP
will 10 aux MD
discuss 10 ROOT VB discuss
trade 10 dobj NN
. 10 punct .
"""
    found = contacts(find_events, sentence(nlp, planned, ents))
    assert [(c.kind, c.status) for c in found] == [(EventKind.PHONE_CALL, Status.OCCURRED),
                                                  (EventKind.MEETING, Status.PLANNED)]


CALL_THEN_DISCUSSED_A_PLACE = CALL_THEN_DISCUSSED.replace("trade 9 dobj NN", """the 11 det DT
situation 9 dobj NN
in 11 prep IN
Chad 12 pobj NNP""")


def test_a_place_in_what_is_discussed_is_no_place_of_the_discussion(
    nlp: Language, find_events: EventFinder
) -> None:
    # "discussed the situation in Chad" after their call: the call, not a meeting in Chad.
    ents = [(0, 1, "PERSON"), (3, 4, "PERSON"), (4, 5, "DATE"), (6, 7, "PERSON"), (8, 9, "PERSON"),
            (13, 14, "GPE")]
    found = contacts(find_events, sentence(nlp, CALL_THEN_DISCUSSED_A_PLACE, ents))
    assert [(c.kind, c.place) for c in found] == [(EventKind.PHONE_CALL, None), (EventKind.PHONE_CALL, None)]


# -- visits --------------------------------------------------------------------------------------

VISITED_A_LIST = """
Moreau 1 nsubj NNP
visited 1 ROOT VBD visit
Lima 1 dobj NNP
on 2 prep IN
June 3 pobj NNP
29 4 nummod CD
, 2 punct ,
and 2 cc CC
Quito 2 conj NNP
June 8 npadvmod NNP
30 9 nummod CD
. 1 punct .
"""

WILL_TRAVEL_TO_A_LIST = """
Moreau 2 nsubj NNP
will 2 aux MD
travel 2 ROOT VB
to 2 prep IN
Lima 3 pobj NNP
, 4 punct ,
Quito 4 conj NNP
and 6 cc CC
Bogota 6 conj NNP
on 2 prep IN
June 9 pobj NNP
20 10 nummod CD
. 2 punct .
"""


def test_one_visit_per_place_listed_each_on_its_own_date(nlp: Language, find_events: EventFinder) -> None:
    ents = [(0, 1, "PERSON"), (2, 3, "GPE"), (4, 6, "DATE"), (8, 9, "GPE"), (9, 11, "DATE")]
    found = sentence(nlp, VISITED_A_LIST, ents, published=dt.date(2023, 7, 3))
    visits = {c.destination.text: c for c in contacts(find_events, found) if c.destination is not None}
    assert {place: v.date.lexical for place, v in visits.items() if v.date} == {
        "Lima": "2023-06-29", "Quito": "2023-06-30"}
    ents = [(0, 1, "PERSON"), (4, 5, "GPE"), (6, 7, "GPE"), (8, 9, "GPE"), (10, 12, "DATE")]
    visits = {c.destination.text: c for c in contacts(find_events, sentence(nlp, WILL_TRAVEL_TO_A_LIST, ents))
              if c.destination is not None}
    # The journey starts in Lima on the day given; the later stops fall in its month.
    assert {place: v.date.lexical for place, v in visits.items() if v.date} == {
        "Lima": "2023-06-20", "Quito": "2023-06", "Bogota": "2023-06"}
    assert {v.status for v in visits.values()} == {Status.PLANNED}


HEADS_A_PARTY = """
Okafor 1 nsubj NNP
heads 1 ROOT VBZ head
a 3 det DT
party 1 dobj NN
in 1 prep IN
Peru 4 pobj NNP
. 1 punct .
"""


def test_heading_somewhere_is_a_visit_heading_a_party_there_is_not(
    nlp: Language, find_events: EventFinder
) -> None:
    ents = [(0, 1, "PERSON"), (5, 6, "GPE")]
    assert contacts(find_events, sentence(nlp, HEADS_A_PARTY, ents)) == []
    heading = HEADS_A_PARTY.replace("a 3 det DT\nparty 1 dobj NN\nin 1 prep IN",
                                    "straight 1 advmod RB\non 1 advmod RB\nto 1 prep IN")
    [visit] = contacts(find_events, sentence(nlp, heading, ents))
    assert visit.destination is not None and visit.destination.text == "Peru"
    # Heading back home is a return, no visit.
    home = heading.replace("straight 1 advmod RB\non 1 advmod RB", "back 1 advmod RB\nhome 1 advmod RB")
    assert contacts(find_events, sentence(nlp, home, ents)) == []


TALKS_AND_AN_ADDRESS = """
Moreau 1 nsubj NNP
held 1 ROOT VBD hold
talks 1 dobj NNS talk
with 2 prep IN
Okafor 3 pobj NNP
and 2 cc CC
an 7 det DT
address 2 conj NN
on 7 prep IN
Wednesday 8 pobj NNP
. 1 punct .
"""


def test_what_is_listed_with_the_talks_keeps_its_date(nlp: Language, find_events: EventFinder) -> None:
    ents = [(0, 1, "PERSON"), (4, 5, "PERSON"), (9, 10, "DATE")]
    [talks] = contacts(find_events, sentence(nlp, TALKS_AND_AN_ADDRESS, ents))
    assert talks.date is not None and talks.date.lexical == "2023-06"  # not Wednesday's address


# -- visits as stays, arrivals and delegations ----------------------------------------------------

IN_THE_CAPITAL_TO_MEET = """
Moreau 1 nsubj NNP
is 1 ROOT VBZ be
in 1 prep IN
the 5 det DT
Peruvian 5 amod JJ
capital 2 pobj NN capital
to 7 aux TO
meet 1 advcl VB
officials 7 dobj NNS official
. 1 punct .
"""

IN_PERU_FOR_TALKS = """
Moreau 1 nsubj NNP
is 1 ROOT VBZ be
in 1 prep IN
Peru 2 pobj NNP
for 1 prep IN
talks 4 pobj NNS talk
. 1 punct .
"""

IN_PERU = """
Moreau 1 nsubj NNP
is 1 ROOT VBZ be
in 1 prep IN
Peru 2 pobj NNP
. 1 punct .
"""


def test_being_somewhere_for_a_purpose_is_a_visit(nlp: Language, find_events: EventFinder) -> None:
    for spec, ents in ((IN_THE_CAPITAL_TO_MEET, [(0, 1, "PERSON"), (4, 5, "NORP")]),
                       (IN_PERU_FOR_TALKS, [(0, 1, "PERSON"), (3, 4, "GPE")])):
        [visit] = [c for c in contacts(find_events, sentence(nlp, spec, ents)) if c.kind is EventKind.VISIT]
        assert names(visit) == {"Moreau"}
        assert visit.destination is not None and visit.destination.key == "PER"
        assert visit.date is not None and visit.date.lexical == "2023-06"
    # Where someone simply is (at home, maybe) is no visit.
    assert contacts(find_events, sentence(nlp, IN_PERU, [(0, 1, "PERSON"), (3, 4, "GPE")])) == []


ARRIVAL_AND_DELEGATION = """
Moreau 1 nsubj NNP
spoke 1 ROOT VBD speak
on 1 prep IN
his 4 poss PRP$
arrival 2 pobj NN
in 4 prep IN
Peru 5 pobj NNP
. 1 punct .
Okafor 9 nsubj NNP
is 9 ROOT VBZ be
part 9 attr NN
of 10 prep IN
Moreau 14 poss NNP
's 12 case POS
delegation 11 pobj NN
to 14 prep IN
Peru 15 pobj NNP
. 9 punct .
"""


def test_an_arrival_and_a_delegation_are_visits_of_all_who_go(
    nlp: Language, find_events: EventFinder
) -> None:
    ents = [(0, 1, "PERSON"), (6, 7, "GPE"), (8, 9, "PERSON"), (12, 13, "PERSON"), (16, 17, "GPE")]
    visits = [c for c in contacts(find_events, sentence(nlp, ARRIVAL_AND_DELEGATION, ents))
              if c.kind is EventKind.VISIT]
    assert sorted((names(v).pop(), v.destination.text if v.destination else None) for v in visits) == [
        ("Moreau", "Peru"), ("Moreau", "Peru"), ("Okafor", "Peru")]
    assert all(v.date is not None and v.date.lexical == "2023-06" for v in visits)


THE_PRESIDENT_THEN_HE = """
President 2 compound NNP
Ana 2 compound NNP
Moreau 3 nsubj NNP
flew 3 ROOT VBD fly
in 3 prt RP
. 3 punct .
Okafor 7 nsubj NNP
waited 7 ROOT VBD wait
. 7 punct .
The 10 det DT
president 11 nsubj NN
arrived 11 ROOT VBD arrive
. 11 punct .
He 14 nsubj PRP
met 14 ROOT VBD meet
Okafor 14 dobj NNP
. 14 punct .
"""


def test_he_after_a_bare_title_is_the_person_last_named_with_it(  # not the last name said
    nlp: Language, find_events: EventFinder
) -> None:
    found = sentence(nlp, THE_PRESIDENT_THEN_HE, [(1, 3, "PERSON"), (6, 7, "PERSON"), (15, 16, "PERSON")])
    [meeting] = [c for c in find_events(found) if c.kind is EventKind.MEETING]
    assert names(meeting) == {"Ana Moreau", "Okafor"}


THE_TWO_LEADERS = """
Moreau 3 nsubj NNP
and 0 cc CC
Okafor 0 conj NNP
announced 3 ROOT VBD announce
a 5 det DT
plan 3 dobj NN
. 3 punct .
The 9 det DT
two 9 nummod CD
leaders 10 nsubj NNS leader
met 10 ROOT VBD meet
on 10 prep IN
Friday 11 pobj NNP
. 10 punct .
"""


def test_the_two_leaders_are_the_two_people_named_together_before(
    nlp: Language, find_events: EventFinder
) -> None:
    ents = [(0, 1, "PERSON"), (2, 3, "PERSON"), (12, 13, "DATE")]
    [meeting] = contacts(find_events, sentence(nlp, THE_TWO_LEADERS, ents))
    assert names(meeting) == {"Moreau", "Okafor"}
    assert meeting.date is not None and meeting.date.lexical == "2023-06-16"
    # "the two sides" may be countries: no pair of people stands for them.
    sides = THE_TWO_LEADERS.replace("leaders 10 nsubj NNS leader", "sides 10 nsubj NNS side")
    assert contacts(find_events, sentence(nlp, sides, ents)) == []
    # "Both men", "the two women", "the pair" are the two as well; "the leaders" may be more.
    for words in ("Both 9 predet PDT\nthe 9 det DT\nmen 10 nsubj NNS man",
                  "The 9 det DT\ntwo 9 nummod CD\nwomen 10 nsubj NNS woman",
                  "The 9 det DT\nsame 9 amod JJ\npair 10 nsubj NN pair"):
        spec = THE_TWO_LEADERS.replace("The 9 det DT\ntwo 9 nummod CD\nleaders 10 nsubj NNS leader", words)
        [meeting] = contacts(find_events, sentence(nlp, spec, ents))
        assert names(meeting) == {"Moreau", "Okafor"}, words
    spec = THE_TWO_LEADERS.replace("The 9 det DT\ntwo 9 nummod CD\nleaders 10 nsubj NNS leader",
                                   "The 9 det DT\nsenior 9 amod JJ\nleaders 10 nsubj NNS leader")
    assert contacts(find_events, sentence(nlp, spec, ents)) == []


THE_DELEGATION = """
We 1 nsubj PRP
hosted 1 ROOT VBD host
Moreau 1 dobj NNP
and 2 cc CC
the 6 det DT
other 6 amod JJ
members 2 conj NNS member
of 6 prep IN
his 9 poss PRP$
delegation 7 pobj NN
. 1 punct .
These 12 det DT
members 13 nsubj NNS member
included 13 ROOT VBD include
Okafor 13 dobj NNP
and 14 cc CC
Silva 14 conj NNP
. 13 punct .
The 19 det DT
delegation 20 nsubj NN
visited 20 ROOT VBD visit
Lima 20 dobj NNP
on 20 prep IN
June 22 pobj NNP
29 23 nummod CD
, 20 punct ,
and 20 cc CC
Quito 20 conj NNP
. 20 punct .
"""


def test_the_delegation_is_the_people_named_as_its_members(nlp: Language, find_events: EventFinder) -> None:
    ents = [(2, 3, "PERSON"), (14, 15, "PERSON"), (16, 17, "PERSON"), (21, 22, "GPE"), (23, 25, "DATE"),
            (27, 28, "GPE")]
    found = sentence(nlp, THE_DELEGATION, ents, published=dt.date(2023, 7, 3))
    visits = {(names(c).pop(), c.destination.text) for c in contacts(find_events, found)
              if c.kind is EventKind.VISIT and c.destination is not None}
    assert visits == {(who, where) for who in ("Moreau", "Okafor", "Silva") for where in ("Lima", "Quito")}


def test_the_finder_reports_the_delegation_and_its_members(nlp: Language, find_events: EventFinder) -> None:
    # The people of one delegation act for one country (kg.allegiance): the finder hands them on.
    ents = [(2, 3, "PERSON"), (14, 15, "PERSON"), (16, 17, "PERSON"), (21, 22, "GPE"), (23, 25, "DATE"),
            (27, 28, "GPE")]
    _, groups = find_events.read(sentence(nlp, THE_DELEGATION, ents, published=dt.date(2023, 7, 3)))
    assert [({m.text for m in g.members}, g.country) for g in groups] == [({"Moreau", "Okafor", "Silva"}, "")]


A_CHILEAN_DELEGATION = """
A 2 det DT
Chilean 2 amod JJ
delegation 3 nsubj NN
arrived 3 ROOT VBD arrive
, 3 punct ,
led 2 acl VBN lead
by 5 agent IN
Moreau 6 pobj NNP
. 3 punct .
"""


def test_a_delegation_the_text_gives_a_country_is_that_countrys(
    nlp: Language, find_events: EventFinder
) -> None:
    _, groups = find_events.read(sentence(nlp, A_CHILEAN_DELEGATION, [(7, 8, "PERSON")]))
    assert [({m.text for m in g.members}, g.country) for g in groups] == [({"Moreau"}, "CHL")]


# -- hosting: welcomed, a warm welcome, a working lunch ---------------------------------------------

WELCOMED_TO = """
Moreau 1 nsubj NNP
welcomed 1 ROOT VBD welcome
Okafor 1 dobj NNP
to 1 prep IN
Lima 3 pobj NNP
. 1 punct .
"""

WELCOMED_A_DECISION = """
Moreau 1 nsubj NNP
welcomed 1 ROOT VBD welcome
the 3 det DT
decision 1 dobj NN
. 1 punct .
"""

GAVE_A_WELCOME = """
Moreau 1 nsubj NNP
gave 1 ROOT VBD give
a 4 det DT
warm 4 amod JJ
welcome 1 dobj NN
on 1 prep IN
Thursday 5 pobj NNP
to 1 dative IN
Okafor 7 pobj NNP
. 1 punct .
"""


def test_welcoming_someone_to_a_place_is_hosting_them_there(nlp: Language, find_events: EventFinder) -> None:
    [meeting] = contacts(find_events, sentence(nlp, WELCOMED_TO, [(0, 1, "PERSON"), (2, 3, "PERSON"),
                                                                  (4, 5, "GPE")]))
    assert (meeting.kind, meeting.mode) == (EventKind.MEETING, Mode.HOST)
    assert meeting.place is not None and meeting.place.text == "Lima"
    assert contacts(find_events, sentence(nlp, WELCOMED_A_DECISION, [(0, 1, "PERSON")])) == []
    # The light verb carries the partner of its noun: "gave a warm welcome ... to Okafor".
    [welcome] = contacts(find_events, sentence(nlp, GAVE_A_WELCOME, [(0, 1, "PERSON"), (6, 7, "DATE"),
                                                                     (8, 9, "PERSON")]))
    assert names(welcome) == {"Moreau", "Okafor"}
    assert welcome.date is not None and welcome.date.lexical == "2023-06-15"


LEADERS_OF = """
Moreau 1 nsubj NNP
held 1 ROOT VBD hold
talks 1 dobj NNS talk
with 2 prep IN
leaders 3 pobj NNS leader
of 4 prep IN
Peru 5 pobj NNP
. 1 punct .
"""


def test_officials_of_a_country_stand_for_it(nlp: Language, find_events: EventFinder) -> None:
    [talks] = contacts(find_events, sentence(nlp, LEADERS_OF, [(0, 1, "PERSON"), (6, 7, "GPE")]))
    assert names(talks) == {"Moreau", "Peru"}


# -- a call of respect -----------------------------------------------------------------------------

CALLED_ON = """
Moreau 1 nsubj NNP
called 1 ROOT VBD call
on 1 prep IN
President 4 compound NNP
Okafor 2 pobj NNP
on 1 prep IN
Tuesday 5 pobj NNP
. 1 punct .
"""

CALLED_ON_TO_ACT = """
Moreau 1 nsubj NNP
called 1 ROOT VBD call
on 1 prep IN
Okafor 2 pobj NNP
to 5 aux TO
resign 1 xcomp VB
. 1 punct .
"""

COURTESY_CALL_ON = noun_with("paid 1 ROOT VBD pay", "call", "a det DT", "courtesy amod JJ", prep="on")


def test_calling_on_someone_is_a_meeting_with_them(nlp: Language, find_events: EventFinder) -> None:
    [meeting] = contacts(find_events, sentence(nlp, CALLED_ON, [(0, 1, "PERSON"), (4, 5, "PERSON"),
                                                                (6, 7, "DATE")]))
    assert (meeting.kind, names(meeting)) == (EventKind.MEETING, {"Moreau", "Okafor"})
    assert meeting.date is not None and meeting.date.value == dt.date(2023, 6, 13)
    [courtesy] = contacts(find_events, sentence(nlp, COURTESY_CALL_ON, [(0, 1, "PERSON"), (6, 7, "PERSON")]))
    assert (courtesy.kind, names(courtesy)) == (EventKind.MEETING, {"Moreau", "Okafor"})


def test_calling_on_someone_to_act_is_a_demand_not_a_meeting(nlp: Language, find_events: EventFinder) -> None:
    found = list(find_events(sentence(nlp, CALLED_ON_TO_ACT, [(0, 1, "PERSON"), (3, 4, "PERSON")])))
    assert [(c.kind, c.plover) for c in found] == [(EventKind.DISPUTE, Plover.DEMAND)]


# -- what lies ahead ---------------------------------------------------------------------------------

LOOKS_FORWARD = """
Moreau 1 nsubj NNP
looked 1 ROOT VBD look
forward 1 advmod RB
to 1 prep IN
visiting 3 pcomp VBG visit
Vienna 4 dobj NNP
. 1 punct .
"""


def intends(verb: str, lemma: str, trigger: str = "meet", whom: str = "Okafor") -> str:
    """The spec of "Moreau <verb> to <trigger> <whom>." (a verb with a clause complement)."""
    rows = ["Moreau 1 nsubj NNP", f"{verb} 1 ROOT VBZ {lemma}", "to 3 aux TO", f"{trigger} 1 xcomp VB",
            f"{whom} 3 dobj NNP", ". 1 punct ."]
    return "\n".join(rows)


@pytest.mark.parametrize(("spec", "ents", "status"), [
    (LOOKS_FORWARD, [(0, 1, "PERSON"), (5, 6, "GPE")], Status.PLANNED),
    (intends("is", "be", "visit", "Vienna"), [(0, 1, "PERSON"), (4, 5, "GPE")], Status.PLANNED),
    (intends("intends", "intend", "visit", "Vienna"), [(0, 1, "PERSON"), (4, 5, "GPE")], Status.PLANNED),
    (intends("is-preparing", "prepare"), [(0, 1, "PERSON"), (4, 5, "PERSON")], Status.PLANNED),
    (intends("wants", "want"), [(0, 1, "PERSON"), (4, 5, "PERSON")], Status.POSSIBLE),
    (intends("seeks", "seek"), [(0, 1, "PERSON"), (4, 5, "PERSON")], Status.POSSIBLE),
])
def test_an_event_looked_forward_to_intended_or_wanted_lies_ahead(
    nlp: Language, find_events: EventFinder, spec: str, ents: list[tuple[int, int, str]], status: Status
) -> None:
    [event] = contacts(find_events, sentence(nlp, spec, ents))
    assert event.status is status


def test_an_event_dated_after_the_news_has_not_taken_place_yet(nlp: Language,
                                                              find_events: EventFinder) -> None:
    # "Moreau spoke with Okafor in Vienna in 2024", in news of 2023: a date the parse gives wrongly
    # or a tense the tagger missed; either way, no meeting has taken place on a day still to come.
    spec = SPOKE_IN_VIENNA.replace(". 1 punct .", "in 1 prep IN\n2024 6 pobj CD\n. 1 punct .")
    rows = spec_rows(spec)
    [meeting] = contacts(find_events, parse(nlp, rows, [(0, 1, "PERSON"), (3, 4, "PERSON"), (5, 6, "GPE"),
                                                        (7, 8, "DATE")], published=FRIDAY))
    assert meeting.date is not None and meeting.date.value > FRIDAY
    assert meeting.status is Status.PLANNED


# -- holders of a title of several countries ---------------------------------------------------------


def test_the_holders_of_a_title_of_several_countries_stand_for_each_country(
    nlp: Language, find_events: EventFinder
) -> None:
    # "The national security advisers of Chile, Peru and Canada held talks."
    spec = "\n".join([
        "The 3 det DT", "national 2 amod JJ", "security 3 compound NN", "advisers 10 nsubj NNS adviser",
        "of 3 prep IN", "Chile 4 pobj NNP", ", 5 punct ,", "Peru 5 conj NNP", "and 7 cc CC",
        "Canada 7 conj NNP", "held 10 ROOT VBD hold", "talks 10 dobj NNS talk", ". 10 punct .",
    ])
    [talks] = contacts(find_events, sentence(nlp, spec, [(5, 6, "GPE"), (7, 8, "GPE"), (9, 10, "GPE")]))
    assert names(talks) == {"Chile", "Peru", "Canada"}
    # A plural kg does not know as a title ("the senior foreign ministers") stands for each too.
    spec = spec.replace("national 2 amod JJ\nsecurity 3 compound NN\nadvisers 10 nsubj NNS adviser",
                        "senior 3 amod JJ\nforeign 3 amod JJ\nministers 10 nsubj NNS minister")
    [talks] = contacts(find_events, sentence(nlp, spec, [(5, 6, "GPE"), (7, 8, "GPE"), (9, 10, "GPE")]))
    assert names(talks) == {"Chile", "Peru", "Canada"}
