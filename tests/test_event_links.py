"""Who a meeting or call is with when the text says it passively or in a headline's "X's
call with Y", and where a meeting is when its sentence does not say but its paragraph does
(``kg.events.find``), on hand-parsed sentences of our own."""

from __future__ import annotations

import datetime as dt

from parsed import Row, parse
from spacy.language import Language

from kg.events.find import EventFinder
from kg.types import EventCandidate
from kg.vocab import EventKind

SATURDAY = dt.date(2023, 6, 17)
PERSON, GPE, DATE = "PERSON", "GPE", "DATE"



def meetings(nlp: Language, find_events: EventFinder, rows: list[Row],
             ents: list[tuple[int, int, str]]) -> list[EventCandidate]:
    found = parse(nlp, rows, ents, published=SATURDAY)
    return [c for c in find_events(found) if c.kind is EventKind.MEETING]


def arrived(*place: Row, date: tuple[Row, ...] = (("on", 2, "prep", "IN"), ("Monday", -1, "pobj", "NNP"))
            ) -> tuple[list[Row], list[tuple[int, int, str]]]:
    """ "Jane Roe arrived in PLACE [on Monday] ." (the rows of ``place`` head at 3, "in")."""
    rows: list[Row] = [("Jane", 1, "compound", "NNP"), ("Roe", 2, "nsubj", "NNP"),
                       ("arrived", 2, "ROOT", "VBD", "arrive"), ("in", 2, "prep", "IN"), *place]
    ents = [(0, 2, PERSON)] + [(4 + i, 5 + i, GPE) for i, r in enumerate(place) if r[2] in {"pobj", "conj"}]
    if date:
        rows.append(date[0])
        rows.append((date[1][0], len(rows) - 1, *date[1][2:]))
        ents.append((len(rows) - 1, len(rows), DATE))
    rows.append((".", 2, "punct", "."))
    return rows, ents


def then_met(rows: list[Row], ents: list[tuple[int, int, str]], subject: tuple[str, ...] = ("She",),
             after: tuple[Row, ...] = ()) -> tuple[list[Row], list[tuple[int, int, str]]]:
    """Append "SUBJECT met Prime Minister Ana Vidal [AFTER] ." (``after`` heads relative to "met")."""
    n = len(rows)
    verb = n + len(subject)
    out = list(rows)
    for i, word in enumerate(subject):
        last = i == len(subject) - 1
        out.append((word, verb if last else n + len(subject) - 1, "nsubj" if last else "compound",
                    "PRP" if word == "She" else "NNP"))
    out += [("met", verb, "ROOT", "VBD", "meet"), ("Prime", verb + 2, "compound", "NNP"),
            ("Minister", verb + 4, "compound", "NNP"), ("Ana", verb + 4, "compound", "NNP"),
            ("Vidal", verb, "dobj", "NNP")]
    out += [(r[0], verb + r[1], *r[2:]) for r in after]
    out.append((".", verb, "punct", "."))
    spans = [*ents, (verb + 3, verb + 5, PERSON)]
    if subject != ("She",):
        spans.append((n, n + len(subject), PERSON))
    return out, spans


def the_meeting(found: list[EventCandidate]) -> EventCandidate:
    [meeting] = [c for c in found if {m.text for m in c.participants} >= {"Ana Vidal"}]
    return meeting


LISBON = (("Lisbon", 3, "pobj", "NNP"),)


def test_who_greets_a_visitor_in_the_passive_meets_them(nlp: Language, find_events: EventFinder) -> None:
    rows: list[Row] = [  # Jane Roe was greeted by Prime Minister Ana Vidal.
        ("Jane", 1, "compound", "NNP"), ("Roe", 3, "nsubjpass", "NNP"), ("was", 3, "auxpass", "VBD", "be"),
        ("greeted", 3, "ROOT", "VBN", "greet"), ("by", 3, "agent", "IN"), ("Prime", 6, "compound", "NNP"),
        ("Minister", 8, "compound", "NNP"), ("Ana", 8, "compound", "NNP"), ("Vidal", 4, "pobj", "NNP"),
        (".", 3, "punct", "."),
    ]
    [meeting] = meetings(nlp, find_events, rows, [(0, 2, PERSON), (7, 9, PERSON)])
    assert {m.text for m in meeting.participants} == {"Jane Roe", "Ana Vidal"}


def test_someones_call_with_someone_is_a_phone_call(nlp: Language, find_events: EventFinder) -> None:
    rows: list[Row] = [  # Jane Roe's call with Prime Minister Ana Vidal
        ("Jane", 1, "compound", "NNP"), ("Roe", 3, "poss", "NNP"), ("\u2019s", 1, "case", "POS"),
        ("call", 3, "ROOT", "NN"), ("with", 3, "prep", "IN"), ("Prime", 6, "compound", "NNP"),
        ("Minister", 8, "compound", "NNP"), ("Ana", 8, "compound", "NNP"), ("Vidal", 4, "pobj", "NNP"),
    ]
    found = parse(nlp, rows, [(0, 2, PERSON), (7, 9, PERSON)], published=SATURDAY)
    [call] = [c for c in find_events(found) if c.kind is EventKind.PHONE_CALL]
    assert {m.text for m in call.participants} == {"Jane Roe", "Ana Vidal"}


def test_a_meeting_takes_the_place_its_paragraph_put_the_visitor_in(
    nlp: Language, find_events: EventFinder
) -> None:
    meeting = the_meeting(meetings(nlp, find_events, *then_met(*arrived(*LISBON))))
    assert meeting.place is not None and meeting.place.text == "Lisbon"


Told = tuple[list[Row], list[tuple[int, int, str]]]


def paragraphs(*parts: Told) -> Told:
    """The sentences ``parts`` (each indexed from 0), one paragraph each."""
    rows: list[Row] = []
    ents: list[tuple[int, int, str]] = []
    for part_rows, part_ents in parts:
        if rows:
            rows.append(("\n", len(rows) - 1, "dep", "_SP"))
        n = len(rows)
        rows += [(r[0], r[1] + n, *r[2:]) for r in part_rows]
        ents += [(start + n, end + n, label) for start, end, label in part_ents]
    return rows, ents


def test_a_meeting_in_another_paragraph_is_on_the_one_trip_told(
    nlp: Language, find_events: EventFinder
) -> None:
    meeting = the_meeting(meetings(nlp, find_events, *then_met(*paragraphs(arrived(*LISBON), ([], [])))))
    assert meeting.place is not None and meeting.place.text == "Lisbon"


def test_a_country_narrowed_to_its_city_puts_the_visitor_in_the_city(
    nlp: Language, find_events: EventFinder
) -> None:
    narrowed = (("Portugal", 3, "pobj", "NNP"), ("in", 4, "prep", "IN"), ("Lisbon", 5, "pobj", "NNP"))
    meeting = the_meeting(meetings(nlp, find_events, *then_met(*arrived(*narrowed))))
    assert meeting.place is not None and meeting.place.text == "Lisbon"


def test_a_generational_suffix_is_not_the_visitors_last_name(
    nlp: Language, find_events: EventFinder
) -> None:
    rows: list[Row] = [("Jane", 2, "compound", "NNP"), ("Roe", 2, "compound", "NNP"),
                       ("III", 3, "nsubj", "NNP"), ("arrived", 3, "ROOT", "VBD", "arrive"),
                       ("in", 3, "prep", "IN"), ("Lisbon", 4, "pobj", "NNP"), (".", 3, "punct", ".")]
    meeting = the_meeting(meetings(nlp, find_events, *then_met(rows, [(0, 3, PERSON), (5, 6, GPE)],
                                                              subject=("Roe",))))
    assert meeting.place is not None and meeting.place.text == "Lisbon"


def test_meeting_people_kg_cannot_name_somewhere_puts_the_visitor_there(
    nlp: Language, find_events: EventFinder
) -> None:
    rows: list[Row] = [("Jane", 1, "compound", "NNP"), ("Roe", 2, "nsubj", "NNP"),
                       ("met", 2, "ROOT", "VBD", "meet"), ("students", 2, "dobj", "NNS"),
                       ("in", 2, "prep", "IN"), ("Lisbon", 4, "pobj", "NNP"), (".", 2, "punct", ".")]
    told = paragraphs((rows, [(0, 2, PERSON), (5, 6, GPE)]), ([], []))
    meeting = the_meeting(meetings(nlp, find_events, *then_met(*told)))
    assert meeting.place is not None and meeting.place.text == "Lisbon"


def test_a_foreign_country_that_only_modifies_a_noun_keeps_the_visitors_place(
    nlp: Language, find_events: EventFinder
) -> None:
    about = (("about", 0, "prep", "IN"), ("Spanish", 7, "amod", "JJ"), ("trade", 5, "pobj", "NN"))
    meeting = the_meeting(meetings(nlp, find_events, *then_met(*arrived(*LISBON), after=about)))
    assert meeting.place is not None and meeting.place.text == "Lisbon"


def test_a_meeting_yet_to_come_is_not_placed_by_a_trip_told_in_another_paragraph(
    nlp: Language, find_events: EventFinder
) -> None:
    rows, ents = paragraphs(arrived(*LISBON), ([], []))
    n = len(rows)  # "She will meet Prime Minister Ana Vidal."
    rows += [("She", n + 2, "nsubj", "PRP"), ("will", n + 2, "aux", "MD"),
             ("meet", n + 2, "ROOT", "VB", "meet"), ("Prime", n + 4, "compound", "NNP"),
             ("Minister", n + 6, "compound", "NNP"), ("Ana", n + 6, "compound", "NNP"),
             ("Vidal", n + 2, "dobj", "NNP"), (".", n + 2, "punct", ".")]
    meeting = the_meeting(meetings(nlp, find_events, rows, [*ents, (n + 5, n + 7, PERSON)]))
    assert meeting.place is None


def test_no_place_from_other_paragraphs_that_tell_two_trips(nlp: Language, find_events: EventFinder) -> None:
    madrid = (("Madrid", 3, "pobj", "NNP"),)
    told = paragraphs(arrived(*LISBON), arrived(*madrid), ([], []))
    meeting = the_meeting(meetings(nlp, find_events, *then_met(*told)))
    assert meeting.place is None


def test_no_place_from_what_the_paragraph_says_of_someone_else(
    nlp: Language, find_events: EventFinder
) -> None:
    meeting = the_meeting(meetings(nlp, find_events, *then_met(*arrived(*LISBON), subject=("Omar", "Sow"))))
    assert meeting.place is None


def test_a_last_name_is_the_same_visitor(nlp: Language, find_events: EventFinder) -> None:
    meeting = the_meeting(meetings(nlp, find_events, *then_met(*arrived(*LISBON), subject=("Roe",))))
    assert meeting.place is not None and meeting.place.text == "Lisbon"


def test_no_place_from_a_stay_in_two_countries(nlp: Language, find_events: EventFinder) -> None:
    both = (("Lisbon", 3, "pobj", "NNP"), ("and", 4, "cc", "CC"), ("Madrid", 4, "conj", "NNP"))
    meeting = the_meeting(meetings(nlp, find_events, *then_met(*arrived(*both))))
    assert meeting.place is None


def test_no_place_for_a_meeting_at_another_time(nlp: Language, find_events: EventFinder) -> None:
    in_may = (("in", 0, "prep", "IN"), ("May", 5, "pobj", "NNP"))  # heads relative to "met"
    rows, ents = then_met(*arrived(*LISBON), after=in_may)
    ents.append((len(rows) - 2, len(rows) - 1, DATE))
    meeting = the_meeting(meetings(nlp, find_events, rows, ents))
    assert meeting.date is not None and meeting.date.lexical == "2023-05"
    assert meeting.place is None


def test_no_place_when_the_meetings_sentence_names_another_country(
    nlp: Language, find_events: EventFinder
) -> None:
    to_discuss_madrid = (("to", 6, "aux", "TO"), ("discuss", 0, "advcl", "VB", "discuss"),
                         ("Madrid", 6, "dobj", "NNP"))
    rows, ents = then_met(*arrived(*LISBON), after=to_discuss_madrid)
    ents.append((len(rows) - 2, len(rows) - 1, GPE))
    meeting = the_meeting(meetings(nlp, find_events, rows, ents))
    assert meeting.place is None


def test_where_the_next_journey_goes_is_no_place_of_the_meeting(
    nlp: Language, find_events: EventFinder
) -> None:
    # "X arrived in Lisbon. X met Y before flying to Madrid": the meeting is in Lisbon.
    before_madrid = (("before", 0, "prep", "IN"), ("flying", 5, "pcomp", "VBG", "fly"),
                     ("to", 6, "prep", "IN"), ("Madrid", 7, "pobj", "NNP"))
    rows, ents = then_met(*arrived(*LISBON), after=before_madrid)
    ents.append((len(rows) - 2, len(rows) - 1, GPE))
    meeting = the_meeting(meetings(nlp, find_events, rows, ents))
    assert meeting.place is not None and meeting.place.text == "Lisbon"


def test_a_meeting_where_a_place_is_said_is_there(nlp: Language, find_events: EventFinder) -> None:
    rows: list[Row] = [  # Jane Roe recalled Lisbon, where she met Prime Minister Ana Vidal.
        ("Jane", 1, "compound", "NNP"), ("Roe", 2, "nsubj", "NNP"), ("recalled", 2, "ROOT", "VBD", "recall"),
        ("Lisbon", 2, "dobj", "NNP"), (",", 3, "punct", ","), ("where", 7, "advmod", "WRB"),
        ("she", 7, "nsubj", "PRP"), ("met", 3, "relcl", "VBD", "meet"), ("Prime", 9, "compound", "NNP"),
        ("Minister", 11, "compound", "NNP"), ("Ana", 11, "compound", "NNP"), ("Vidal", 7, "dobj", "NNP"),
        (".", 2, "punct", "."),
    ]
    meeting = the_meeting(meetings(nlp, find_events, rows, [(0, 2, PERSON), (3, 4, GPE), (10, 12, PERSON)]))
    assert meeting.place is not None and meeting.place.text == "Lisbon"


def test_while_in_a_place_puts_the_sentences_subject_there(nlp: Language, find_events: EventFinder) -> None:
    # While in Lisbon, Jane Roe will open an office. Roe will meet Prime Minister Ana Vidal.
    rows: list[Row] = [
        ("While", 1, "mark", "IN"), ("in", 7, "prep", "IN"), ("Lisbon", 1, "pobj", "NNP"),
        (",", 7, "punct", ","), ("Jane", 5, "compound", "NNP"), ("Roe", 7, "nsubj", "NNP"),
        ("will", 7, "aux", "MD"), ("open", 7, "ROOT", "VB"), ("an", 9, "det", "DT"),
        ("office", 7, "dobj", "NN"), (".", 7, "punct", "."),
        ("Roe", 13, "nsubj", "NNP"), ("will", 13, "aux", "MD"), ("meet", 13, "ROOT", "VB"),
        ("Prime", 15, "compound", "NNP"), ("Minister", 17, "compound", "NNP"), ("Ana", 17, "compound", "NNP"),
        ("Vidal", 13, "dobj", "NNP"), (".", 13, "punct", "."),
    ]
    ents = [(2, 3, GPE), (4, 6, PERSON), (11, 12, PERSON), (16, 18, PERSON)]
    meeting = the_meeting(meetings(nlp, find_events, rows, ents))
    assert meeting.place is not None and meeting.place.text == "Lisbon"


def test_a_stay_of_some_days_in_a_place_puts_its_subject_there(
    nlp: Language, find_events: EventFinder
) -> None:
    # Jane Roe spent two days in Lisbon. Roe met Prime Minister Ana Vidal.
    rows: list[Row] = [
        ("Jane", 1, "compound", "NNP"), ("Roe", 2, "nsubj", "NNP"), ("spent", 2, "ROOT", "VBD", "spend"),
        ("two", 4, "nummod", "CD"), ("days", 2, "dobj", "NNS"), ("in", 2, "prep", "IN"),
        ("Lisbon", 5, "pobj", "NNP"), (".", 2, "punct", "."),
        ("Roe", 9, "nsubj", "NNP"), ("met", 9, "ROOT", "VBD", "meet"), ("Prime", 11, "compound", "NNP"),
        ("Minister", 13, "compound", "NNP"), ("Ana", 13, "compound", "NNP"), ("Vidal", 9, "dobj", "NNP"),
        (".", 9, "punct", "."),
    ]
    ents = [(0, 2, PERSON), (6, 7, GPE), (8, 9, PERSON), (12, 14, PERSON)]
    meeting = the_meeting(meetings(nlp, find_events, rows, ents))
    assert meeting.place is not None and meeting.place.text == "Lisbon"
