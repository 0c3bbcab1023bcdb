"""Meetings whose people, place or date the text gives outside the trigger's own phrase.

News names the people of a meeting in a list the parser breaks up, by a title that stands
for one of the article's leaders ("the Chilean leader"), as "the two leaders" many sentences
after it first told of them, or right after the noun with the "with" left out ("his meeting
President X"); it dates a meeting by the clause a "where" hangs on, or by the one told just
before it ("then met"); it names a town kg does not know beside its country.

Each article is given one word a line (see ``test_event_meetings.py``); names are made up.
"""

from __future__ import annotations

import datetime as dt

from parsed import parse, spec_rows
from spacy.language import Language

from kg.events.find import EventFinder
from kg.types import EventCandidate, TemporalValue
from kg.vocab import EventKind, Status, TemporalPrecision

FRIDAY = dt.date(2023, 6, 16)


def meetings(nlp: Language, find_events: EventFinder, spec: str,
             ents: list[tuple[int, int, str]]) -> list[EventCandidate]:
    rows = spec_rows(spec)
    found = parse(nlp, rows, ents, published=FRIDAY)
    return [c for c in find_events(found) if c.kind is EventKind.MEETING]


def names(candidate: EventCandidate) -> set[str]:
    return {m.text for m in candidate.participants}


RAIN = """
Rain {n1} nsubj NN
fell {n1} ROOT VBD fall
. {n1} punct .
"""


def rain(first: int, sentences: int) -> str:
    """``sentences`` sentences that tell of no one, from token ``first`` on."""
    return "".join(RAIN.format(n1=first + 3 * i + 1) for i in range(sentences))


# -- who: a list the parser breaks up ------------------------------------------------------------

LISTED_TO_THE_VERB = """
Prime 1 compound NNP
Minister 3 compound NNP
Ana 3 compound NNP
Soto 17 nsubj NNP
of 3 prep IN
Chile 4 pobj NNP
, 3 punct ,
President 9 compound NNP
Li 9 compound NNP
Wei 3 appos NNP
of 9 prep IN
Peru 10 pobj NNP
and 11 cc CC
Vice 14 compound NNP
President 16 compound NNP
Tom 16 compound NNP
Ash 11 conj NNP
meet 17 ROOT VBP meet
in 17 prep IN
Lima 18 pobj NNP
. 17 punct .
"""


def test_every_person_of_a_list_that_runs_up_to_the_verb_takes_part(
    nlp: Language, find_events: EventFinder
) -> None:
    ents = [(2, 4, "PERSON"), (5, 6, "GPE"), (8, 10, "PERSON"), (11, 12, "GPE"), (15, 17, "PERSON"),
            (19, 20, "GPE")]
    [meeting] = meetings(nlp, find_events, LISTED_TO_THE_VERB, ents)
    assert names(meeting) == {"Ana Soto", "Li Wei", "Tom Ash"}


def words(line: str) -> str:
    """A sentence written on one line, its words' rows separated by " | " (see ``spec_rows``)."""
    return "\n".join(line.split(" | "))


LISTED_WITH_A_BODYS_TITLE = words(
    "Ana 1 compound NNP | Soto 10 nsubj NNP | , 1 punct , | Li 4 compound NNP | Wei 1 appos NNP | "
    "and 4 cc CC | European 7 compound NNP | Commission 4 conj NNP | President 9 compound NNP | "
    "Ash 10 nsubj NNP | meet 10 ROOT VBP meet | in 10 prep IN | Lima 11 pobj NNP | . 10 punct ."
)

MET_WITH_A_LIST = words(
    "Roe 1 nsubj NNP | met 1 ROOT VBD meet | with 1 prep IN | President 8 compound NNP | "
    "Ana 5 compound NNP | Soto 8 nmod NNP | and 5 cc CC | Defense 5 conj NNP | Minister 9 compound NNP | "
    "Tom 9 compound NNP | Ash 2 pobj NNP | . 1 punct ."
)


def test_a_list_the_parser_breaks_up_keeps_a_member_a_body_gives_a_title(
    nlp: Language, find_events: EventFinder
) -> None:
    ents = [(0, 2, "PERSON"), (3, 5, "PERSON"), (6, 8, "ORG"), (9, 10, "PERSON"), (12, 13, "GPE")]
    [meeting] = meetings(nlp, find_events, LISTED_WITH_A_BODYS_TITLE, ents)
    assert names(meeting) == {"Ana Soto", "Li Wei", "Ash"}


def test_every_person_of_a_list_of_objects_the_parser_breaks_up_takes_part(
    nlp: Language, find_events: EventFinder
) -> None:
    [meeting] = meetings(nlp, find_events, MET_WITH_A_LIST, [(0, 1, "PERSON"), (4, 6, "PERSON"),
                                                             (9, 11, "PERSON")])
    assert names(meeting) == {"Roe", "Ana Soto", "Tom Ash"}


HIS_MEETING_PRESIDENT = """
Roe 2 nsubj NNP
will 2 aux MD
fly 2 ROOT VB
home 2 advmod RB
Thursday 2 npadvmod NNP
from 2 prep IN
his 7 poss PRP$
meeting 5 pobj NN
Chilean 11 amod JJ
President 11 compound NNP
Ana 11 compound NNP
Soto 2 dobj NNP
. 2 punct .
"""


def test_the_person_named_right_after_a_meeting_noun_is_its_partner_and_it_is_over(
    nlp: Language, find_events: EventFinder
) -> None:
    # "will fly home Thursday from his meeting President X": the meeting is what he comes from,
    # so it took place, and Thursday is the flight's day, not the meeting's.
    ents = [(0, 1, "PERSON"), (4, 5, "DATE"), (10, 12, "PERSON")]
    [meeting] = meetings(nlp, find_events, HIS_MEETING_PRESIDENT, ents)
    assert names(meeting) == {"Roe", "Ana Soto"}
    assert meeting.status is Status.OCCURRED
    assert meeting.date == TemporalValue(FRIDAY.replace(day=1), TemporalPrecision.MONTH)


# -- who: a title that stands for one of the article's leaders ---------------------------------------

THE_CHILEAN_LEADER = """
Chilean 3 amod JJ
President 3 compound NNP
Ana 3 compound NNP
Soto 4 nsubj NNP
arrived 4 ROOT VBD arrive
in 4 prep IN
Lima 5 pobj NNP
. 4 punct .
The 10 det DT
Chilean 10 amod JJ
leader 11 nsubj NN
met 11 ROOT VBD meet
Li 13 compound NNP
Wei 11 dobj NNP
on 11 prep IN
Friday 14 pobj NNP
. 11 punct .
"""

TWO_CHILEAN_LEADERS = """
Chilean 3 amod JJ
President 3 compound NNP
Ana 3 compound NNP
Soto 9 nsubj NNP
and 3 cc CC
Chilean 8 amod JJ
Prime 7 compound NNP
Minister 8 compound NNP
Ash 3 conj NNP
arrived 9 ROOT VBD arrive
. 9 punct .
The 13 det DT
Chilean 13 amod JJ
leader 14 nsubj NN
met 14 ROOT VBD meet
Li 16 compound NNP
Wei 14 dobj NNP
. 14 punct .
"""


def test_the_countrys_leader_is_the_one_head_of_it_the_article_names(
    nlp: Language, find_events: EventFinder
) -> None:
    ents = [(2, 4, "PERSON"), (6, 7, "GPE"), (12, 14, "PERSON"), (15, 16, "DATE")]
    [meeting] = meetings(nlp, find_events, THE_CHILEAN_LEADER, ents)
    assert names(meeting) == {"Ana Soto", "Li Wei"}


def test_the_countrys_leader_is_nobody_when_the_article_names_two_heads_of_it(
    nlp: Language, find_events: EventFinder
) -> None:
    ents = [(2, 4, "PERSON"), (8, 9, "PERSON"), (15, 17, "PERSON")]
    [meeting] = meetings(nlp, find_events, TWO_CHILEAN_LEADERS, ents)
    assert "Ana Soto" not in names(meeting) and "Ash" not in names(meeting)


# -- who: "the two leaders", far from where they were named ----------------------------------------

MET_MONDAY = """
Soto 1 nsubj NNP
met 1 ROOT VBD meet
Ash 1 dobj NNP
on 1 prep IN
Monday 3 pobj NNP
. 1 punct .
"""

OTHERS_MET_TUESDAY = """
Li 1 nsubj NNP
met 1 ROOT VBD meet
Cruz 1 dobj NNP
on 1 prep IN
Tuesday 3 pobj NNP
. 1 punct .
"""

THE_TWO_LEADERS_MET = """
The {leaders} det DT
two {leaders} nummod CD
leaders {met} nsubj NNS leader
met {met} ROOT VBD meet
on {met} prep IN
Wednesday {on} pobj NNP
. {met} punct .
"""


def _shifted(spec: str, by: int) -> str:
    """``spec`` with its heads moved ``by`` tokens on (it follows ``by`` tokens of text)."""
    rows = [line.split() for line in spec.strip().splitlines()]
    return "\n".join(" ".join([r[0], str(int(r[1]) + by), *r[2:]]) for r in rows) + "\n"


def _two_leaders(first: int) -> str:
    return THE_TWO_LEADERS_MET.format(leaders=first + 2, met=first + 3, on=first + 4)


def test_the_two_leaders_are_the_only_two_the_article_told_of_however_far_back(
    nlp: Language, find_events: EventFinder
) -> None:
    spec = MET_MONDAY + rain(6, 4) + _two_leaders(18)
    ents = [(0, 1, "PERSON"), (2, 3, "PERSON"), (4, 5, "DATE"), (23, 24, "DATE")]
    found = meetings(nlp, find_events, spec, ents)
    assert [names(m) for m in found] == [{"Soto", "Ash"}, {"Soto", "Ash"}]
    assert found[1].date == TemporalValue(dt.date(2023, 6, 14), TemporalPrecision.DAY)


def test_the_two_leaders_far_back_are_nobody_when_the_article_told_of_two_pairs(
    nlp: Language, find_events: EventFinder
) -> None:
    spec = MET_MONDAY + _shifted(OTHERS_MET_TUESDAY, 6) + rain(12, 4) + _two_leaders(24)
    ents = [(0, 1, "PERSON"), (2, 3, "PERSON"), (4, 5, "DATE"), (6, 7, "PERSON"), (8, 9, "PERSON"),
            (10, 11, "DATE"), (29, 30, "DATE")]
    found = meetings(nlp, find_events, spec, ents)
    assert [names(m) for m in found] == [{"Soto", "Ash"}, {"Li", "Cruz"}]


# -- when: the clause a "where" hangs on, and "then" ---------------------------------------------------

WHERE_SHE_WAS_GREETED = """
Today 3 npadvmod NN
, 3 punct ,
Soto 3 nsubj NNP
began 3 ROOT VBD begin
her 5 poss PRP$
trip 3 dobj NN
in 5 prep IN
Lima 6 pobj NNP
, 7 punct ,
where 12 advmod WRB
she 12 nsubjpass PRP
was 12 auxpass VBD be
greeted 7 relcl VBN greet
by 12 agent IN
Ash 13 pobj NNP
. 3 punct .
Soto 18 nsubj NNP
then 18 advmod RB
met 18 ROOT VBD meet
Cruz 18 dobj NNP
. 18 punct .
"""


def test_a_meeting_where_a_dated_clause_puts_it_and_the_one_told_then_share_its_day(
    nlp: Language, find_events: EventFinder
) -> None:
    ents = [(0, 1, "DATE"), (2, 3, "PERSON"), (7, 8, "GPE"), (14, 15, "PERSON"), (16, 17, "PERSON"),
            (19, 20, "PERSON")]
    found = meetings(nlp, find_events, WHERE_SHE_WAS_GREETED, ents)
    today = TemporalValue(FRIDAY, TemporalPrecision.DAY)
    assert [(names(m), m.date) for m in found] == [({"Soto", "Ash"}, today), ({"Soto", "Cruz"}, today)]


# -- where: a town kg does not know, beside its country -------------------------------------------------

IN_A_TOWN_OF_CHILE = """
Soto 1 nsubj NNP
met 1 ROOT VBD meet
Ash 1 dobj NNP
in 1 prep IN
Varnholm 3 pobj NNP
, 4 punct ,
Chile 4 appos NNP
. 1 punct .
"""


def test_a_meeting_in_an_unknown_town_of_a_named_country_is_held_in_that_country(
    nlp: Language, find_events: EventFinder
) -> None:
    ents = [(0, 1, "PERSON"), (2, 3, "PERSON"), (4, 5, "GPE"), (6, 7, "GPE")]
    [meeting] = meetings(nlp, find_events, IN_A_TOWN_OF_CHILE, ents)
    assert meeting.place is not None and meeting.place.text == "Chile"


HEADLINE = """
Soto 1 nsubj NNP
meets 1 ROOT VBZ meet
Ash 1 dobj NNP
in 1 prep IN
Lima 3 pobj NNP
"""


def test_a_headlines_present_is_the_news_month_and_a_sentences_its_day(
    nlp: Language, find_events: EventFinder
) -> None:
    ents = [(0, 1, "PERSON"), (2, 3, "PERSON"), (4, 5, "GPE")]
    [headline] = meetings(nlp, find_events, HEADLINE, ents)
    assert headline.date == TemporalValue(FRIDAY.replace(day=1), TemporalPrecision.MONTH)
    [sentence] = meetings(nlp, find_events, HEADLINE + ". 1 punct .\n", ents)
    assert sentence.date == TemporalValue(FRIDAY, TemporalPrecision.DAY)


DISCUSSED_THEN_CALLED = """
Soto 3 nsubj NNP
and 0 cc CC
Ash 0 conj NNP
discussed 3 ROOT VBD discuss
trade 3 dobj NN
. 3 punct .
Soto 7 nsubj NNP
spoke 7 ROOT VBD speak
by 7 prep IN
phone 8 pobj NN
with 7 prep IN
Ash 10 pobj NNP
on 7 prep IN
Friday 12 pobj NNP
. 7 punct .
"""


def test_a_meeting_told_before_a_call_of_the_same_people_is_that_call(
    nlp: Language, find_events: EventFinder
) -> None:
    # A headline's "X and Y discuss trade", then "X spoke by phone with Y on Friday": one call.
    rows = spec_rows(DISCUSSED_THEN_CALLED)
    found = parse(nlp, rows, [(0, 1, "PERSON"), (2, 3, "PERSON"), (6, 7, "PERSON"), (11, 12, "PERSON"),
                              (13, 14, "DATE")], published=FRIDAY)
    kinds = [c.kind for c in find_events(found) if c.kind in {EventKind.MEETING, EventKind.PHONE_CALL}]
    assert kinds == [EventKind.PHONE_CALL, EventKind.PHONE_CALL]
