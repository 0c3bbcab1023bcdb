"""Whom people act for when the text names no country for them (``kg.allegiance``), through
resolution, on hand-made :class:`ArticleFacts`.

An article is written sentence by sentence with its mentions marked, ``[text|kind:...]``:
``person``, ``office:KEY``, ``country:CODE``, ``demonym:CODE``, ``city:CODE``,
``org:NAME:CODE`` (no code: an international body), ``ref:KEY`` (a title standing for its
holder, "the President"). A title followed by a name is a claim
on that name, owned by a country or body written right before the title. Events are
added by hand from the marked mentions. Names and sentences are made up.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from kg.errors import KgError
from kg.iri import mint
from kg.knowledge import load_knowledge
from kg.resolve import resolve
from kg.signals import AllegianceCues
from kg.types import (
    ArticleFacts,
    DocumentInfo,
    EventCandidate,
    Evidence,
    Group,
    Mention,
    OfficeClaim,
    Resolution,
)
from kg.vocab import ClaimRule, EntityKind, EventKind, MentionRole, Mode

KNOWLEDGE = load_knowledge(None)
MARK = re.compile(r"\[([^|\]]+)\|([^\]]+)\]")
_KINDS = {
    "person": (EntityKind.PERSON, MentionRole.PERSON),
    "office": (EntityKind.OFFICE, MentionRole.OFFICE),
    "country": (EntityKind.COUNTRY, MentionRole.COUNTRY),
    "demonym": (EntityKind.COUNTRY, MentionRole.DEMONYM),
    "city": (EntityKind.PLACE, MentionRole.CITY),
    "org": (EntityKind.ORGANIZATION, MentionRole.ORG),
    "ref": (EntityKind.PERSON, MentionRole.TITLE_REF),
    "venue": (EntityKind.PLACE, MentionRole.ORG),
}


class Text:
    """One article's facts, written sentence by sentence (see the module docstring)."""

    def __init__(self, doc_id: str) -> None:
        self.doc_id = doc_id
        self.text = ""
        self.mentions: list[Mention] = []
        self.claims: list[OfficeClaim] = []
        self.events: list[EventCandidate] = []
        self.groups: list[Group] = []

    def say(self, marked: str) -> dict[str, Mention]:
        """Add one sentence; returns its mentions by their text."""
        start = len(self.text)
        plain, spans, pos = "", [], 0
        for mark in MARK.finditer(marked):
            plain += marked[pos : mark.start()]
            spans.append((len(plain), mark.group(1), mark.group(2)))
            plain += mark.group(1)
            pos = mark.end()
        plain += marked[pos:]
        sentence = Evidence(self.doc_id, start, start + len(plain), plain)
        self.text += plain + " "
        found: list[Mention] = []
        for offset, text, spec in spans:
            kind, _, rest = spec.partition(":")
            entity, role = _KINDS[kind]
            key, country = rest, ""
            if kind in {"country", "demonym"}:
                country = rest
            elif kind == "city":
                key, country = text, rest
            elif kind in {"org", "venue"}:
                key, _, country = rest.partition(":")
            at = start + offset
            found.append(Mention(self.doc_id, at, at + len(text), text, entity, sentence, role, key, country))
        for i, m in enumerate(found):
            if m.kind is not EntityKind.OFFICE:
                continue
            before = found[i - 1] if i else None
            owner = None
            if before is not None and before.kind in {EntityKind.COUNTRY, EntityKind.ORGANIZATION}:
                owner = before if plain[before.end - start : m.start - start].strip() in {"", "'s"} else None
            holder = found[i + 1] if i + 1 < len(found) and found[i + 1].kind is EntityKind.PERSON else None
            if holder is not None and plain[m.end - start : holder.start - start].strip():
                holder = None
            office = Mention(m.doc_id, m.start, m.end, m.text, m.kind, sentence, m.label, m.key,
                             owner.country if owner is not None else "")
            found[i] = office
            self.claims.append(OfficeClaim(office, holder, owner, rule=ClaimRule.TITLE_BEFORE_NAME))
        self.mentions.extend(found)
        return {m.text: m for m in found}

    def meet(self, *people: Mention, place: Mention | None = None, kind: EventKind = EventKind.MEETING,
             mode: Mode | None = None) -> None:
        """The people met (in the sentence of the first), at ``place`` if given."""
        self.events.append(EventCandidate(kind, self.doc_id, "met", people[0].sentence, tuple(people),
                                          place=place, mode=mode))

    def travel(self, *people: Mention, country: str = "") -> None:
        """The people travel as one delegation, which the text says is ``country``'s if given."""
        self.groups.append(Group(tuple(people), country))

    def facts(self) -> ArticleFacts:
        info = DocumentInfo(self.doc_id, None, None, None, len(self.text), self.doc_id)
        return ArticleFacts(info, tuple(self.mentions), tuple(self.claims), tuple(self.events),
                            tuple(self.groups))


def country(res: Resolution, name: str) -> str | None:
    [entity] = [e for e in res.entities.values() if e.kind is EntityKind.PERSON and e.label == name]
    return entity.country


def offices(res: Resolution, name: str) -> set[str]:
    iri = mint("person", name)
    return {res.entities[t.office].label for t in res.tenures if t.person == iri}


def run(*texts: Text) -> Resolution:
    return resolve([t.facts() for t in texts], KNOWLEDGE)


USA, PRT, ESP, TCD = (mint("country", c) for c in ("United States", "Portugal", "Spain", "Chad"))
VISITOR = "[American|demonym:USA] [Defense Secretary|office:defense-secretary] [Jane Roe|person]"


def visit(sentence: str, doc_id: str = "a.txt") -> tuple[Text, dict[str, Mention]]:
    """An article of one sentence, and that sentence's mentions."""
    text = Text(doc_id)
    return text, text.say(sentence)


# -- 0. a journey home ----------------------------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "[Prime Minister|office:pm] [Ana Vidal|person] will head back home to [Lisbon|city:PRT] on Friday.",
    "Officials said [Ana Vidal|person] flew home to [Portugal|country:PRT] after the talks.",
])
def test_the_one_person_going_home_to_a_place_acts_for_its_country(sentence: str) -> None:
    a, _ = visit(sentence)
    assert country(run(a), "Ana Vidal") == PRT


@pytest.mark.parametrize("sentence", [
    "[Ana Vidal|person] told [Luis Mora|person] she would fly home to [Lisbon|city:PRT].",
    "[Ana Vidal|person] said the migrants were sent back home to [Portugal|country:PRT].",
    "[Ana Vidal|person] said [Lisbon|city:PRT] is home to the fund.",
    "Returning home to [Lisbon|city:PRT], the envoy met [Ana Vidal|person].",
])
def test_no_home_when_it_is_unclear_whose_it_is_or_no_one_goes_there(sentence: str) -> None:
    a, _ = visit(sentence)
    assert country(run(a), "Ana Vidal") is None


def test_a_home_the_text_names_wins_over_a_journey_home() -> None:
    a, _ = visit("[Spanish|demonym:ESP] [Minister|office:minister] [Ana Vidal|person] will return home to "
                 "[Lisbon|city:PRT].")
    assert country(run(a), "Ana Vidal") == ESP


# -- 0b. a command -------------------------------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "At [President|office:president] [Ana Vidal|person]'s direction, the [Portuguese|demonym:PRT] navy "
    "sailed.",
    "On the orders of [Ana Vidal|person], the [Portuguese|demonym:PRT] navy sailed.",
    "At [Ana Vidal|person]\u2019s instructions, [Portugal|country:PRT] closed its border.",
])
def test_who_commands_an_actor_acts_for_its_country(sentence: str) -> None:
    a, _ = visit(sentence)
    assert country(run(a), "Ana Vidal") == PRT


@pytest.mark.parametrize("sentence", [
    # A request or an invitation may come from abroad; and the actor must be the one commanded.
    "At [Ana Vidal|person]'s request, the [Portuguese|demonym:PRT] navy sailed.",
    "At the invitation of [Ana Vidal|person], the [Portuguese|demonym:PRT] navy sailed.",
    "At [Ana Vidal|person]'s direction, officials met their [Portuguese|demonym:PRT] counterparts.",
])
def test_no_country_from_a_request_or_from_an_actor_not_commanded(sentence: str) -> None:
    a, _ = visit(sentence)
    assert country(run(a), "Ana Vidal") is None


# -- 0c. a possessive ---------------------------------------------------------------------------------


def test_a_person_named_after_a_countrys_possessive_is_that_countrys() -> None:
    a, _ = visit("[Portugal|country:PRT]'s [Ana Vidal|person] met "
                 "[Spain|country:ESP]\u2019s [Luis Mora|person].")
    res = run(a)
    assert (country(res, "Ana Vidal"), country(res, "Luis Mora")) == (PRT, ESP)


def test_no_country_from_a_possessive_of_something_else() -> None:
    a, _ = visit("[Portugal|country:PRT]'s envoy [Ana Vidal|person] met [Luis Mora|person].")
    res = run(a)
    assert country(res, "Luis Mora") is None


# -- 2. the host's officials ------------------------------------------------------------------------


def test_the_official_a_visitor_meets_in_a_capital_acts_for_its_country() -> None:
    a, s = visit(f"{VISITOR} met [Prime Minister|office:pm] [Ana Vidal|person] in [Lisbon|city:PRT].")
    a.meet(s["Jane Roe"], s["Ana Vidal"], place=s["Lisbon"])
    res = run(a)
    assert country(res, "Ana Vidal") == PRT
    assert offices(res, "Ana Vidal") == {"Prime Minister (Portugal)"}
    assert country(res, "Jane Roe") == USA


def test_the_place_may_come_from_an_earlier_sentence_that_puts_the_visitor_there() -> None:
    a = Text("a.txt")
    where = a.say(f"While in [Lisbon|city:PRT], {VISITOR} will open an office.")
    s = a.say("[Roe|person] will also meet [Foreign Minister|office:foreign-minister] [Ana Vidal|person].")
    a.meet(s["Roe"], s["Ana Vidal"], place=where["Lisbon"])
    assert country(run(a), "Ana Vidal") == PRT


@pytest.mark.parametrize("sentence", [
    f"{VISITOR} met [President|office:president] [Ana Vidal|person] at the summit in [Lisbon|city:PRT].",
    f"On the sidelines of a forum in [Lisbon|city:PRT], {VISITOR} met [President|office:president] "
    "[Ana Vidal|person].",
])
def test_no_host_at_a_multilateral_gathering(sentence: str) -> None:
    a, s = visit(sentence)
    a.meet(s["Jane Roe"], s["Ana Vidal"], place=s["Lisbon"])
    assert country(run(a), "Ana Vidal") is None


def test_a_seat_of_government_is_its_countrys_even_for_a_summit() -> None:
    a, s = visit("[President|office:president] [Luis Mora|person] hosted [Chadian|demonym:TCD] "
                 "[President|office:president] [Ana Vidal|person] at the "
                 "[White House|venue:White House, Washington:USA] for a summit.")
    a.meet(s["Luis Mora"], s["Ana Vidal"], place=s["White House"])
    assert country(run(a), "Luis Mora") == USA


def test_no_host_when_the_sentence_that_gives_the_place_is_about_a_gathering() -> None:
    a = Text("a.txt")
    where = a.say(f"{VISITOR} arrived in [Lisbon|city:PRT] for a ministerial meeting.")
    s = a.say("[Roe|person] met [Deputy Prime Minister|office:deputy-prime-minister] [Ana Vidal|person].")
    a.meet(s["Roe"], s["Ana Vidal"], place=where["Lisbon"])
    assert country(run(a), "Ana Vidal") is None


def test_no_host_for_a_multilateral_meeting_or_one_with_a_body() -> None:
    a, s = visit(f"{VISITOR} met [Prime Minister|office:pm] [Ana Vidal|person] in [Lisbon|city:PRT].")
    a.meet(s["Jane Roe"], s["Ana Vidal"], place=s["Lisbon"], mode=Mode.MULTILATERAL)
    assert country(run(a), "Ana Vidal") is None
    b, t = visit(f"{VISITOR} and the [Alliance|org:NATO] met [Prime Minister|office:pm] [Ana Vidal|person] "
                 "in [Lisbon|city:PRT].")
    b.meet(t["Jane Roe"], t["Alliance"], t["Ana Vidal"], place=t["Lisbon"])
    assert country(run(b), "Ana Vidal") is None


def test_no_host_for_an_official_of_an_international_body() -> None:
    a, s = visit(f"{VISITOR} met [Minister|office:minister] [Ana Vidal|person] in [Lisbon|city:PRT].")
    a.meet(s["Jane Roe"], s["Ana Vidal"], place=s["Lisbon"])
    a.say("[World Bank|org:World Bank] [Director|office:director] [Ana Vidal|person] spoke.")
    assert country(run(a), "Ana Vidal") is None


def test_a_country_the_text_gives_anywhere_is_never_overridden() -> None:
    a, s = visit(f"{VISITOR} met [Foreign Minister|office:foreign-minister] [Ana Vidal|person] in "
                 "[Lisbon|city:PRT].")
    a.meet(s["Jane Roe"], s["Ana Vidal"], place=s["Lisbon"])
    b = Text("b.txt")
    b.say("[Spanish|demonym:ESP] [Foreign Minister|office:foreign-minister] [Ana Vidal|person] spoke.")
    assert country(run(a, b), "Ana Vidal") == ESP


def test_no_country_rather_than_a_guess_between_two_hosts() -> None:
    a, s = visit(f"{VISITOR} met [Prime Minister|office:pm] [Ana Vidal|person] in [Lisbon|city:PRT].")
    a.meet(s["Jane Roe"], s["Ana Vidal"], place=s["Lisbon"])
    b, t = visit(f"{VISITOR} met [Prime Minister|office:pm] [Ana Vidal|person] in [Madrid|city:ESP].",
                 "b.txt")
    b.meet(t["Jane Roe"], t["Ana Vidal"], place=t["Madrid"])
    assert country(run(a), "Ana Vidal") == PRT
    assert country(run(a, b), "Ana Vidal") is None


def test_a_visitor_at_home_is_the_host_and_the_official_may_be_the_guest() -> None:
    a, s = visit(f"{VISITOR} met [Prime Minister|office:pm] [Ana Vidal|person] in [Washington|city:USA].")
    a.meet(s["Jane Roe"], s["Ana Vidal"], place=s["Washington"])
    assert country(run(a), "Ana Vidal") is None


def test_no_host_without_a_visitor_of_known_country() -> None:
    a, s = visit("[Secretary|office:secretary] [Jane Roe|person] met [Prime Minister|office:pm] "
                 "[Ana Vidal|person] in [Lisbon|city:PRT].")
    a.meet(s["Jane Roe"], s["Ana Vidal"], place=s["Lisbon"])
    assert country(run(a), "Ana Vidal") is None


def test_no_host_for_a_post_that_is_not_a_national_governments() -> None:
    a, s = visit(f"{VISITOR} met [Governor|office:governor] [Ana Vidal|person] in [Lisbon|city:PRT].")
    a.meet(s["Jane Roe"], s["Ana Vidal"], place=s["Lisbon"])
    assert country(run(a), "Ana Vidal") is None


def test_a_country_found_in_one_article_holds_in_the_others() -> None:
    a, s = visit(f"{VISITOR} met [Prime Minister|office:pm] [Ana Vidal|person] in [Lisbon|city:PRT].")
    a.meet(s["Jane Roe"], s["Ana Vidal"], place=s["Lisbon"])
    b = Text("b.txt")
    b.say("[President|office:president] [Ana Vidal|person] spoke on the radio.")
    res = run(a, b)
    assert country(res, "Ana Vidal") == PRT
    assert offices(res, "Ana Vidal") == {"Prime Minister (Portugal)", "President (Portugal)"}


def test_a_country_the_text_gives_in_one_article_holds_in_the_others() -> None:
    a, b = Text("a.txt"), Text("b.txt")
    a.say("[Chad|country:TCD]'s [Foreign Minister|office:foreign-minister] [Ana Vidal|person] spoke.")
    b.say("[Foreign Minister|office:foreign-minister] [Ana Vidal|person] arrived.")
    res = run(a, b)
    assert country(res, "Ana Vidal") == TCD
    assert offices(res, "Ana Vidal") == {"Foreign Minister (Chad)"}


# -- 1. the home government's own officials ---------------------------------------------------------


UNIQUE = "[Secretary of State|office:secretary-of-state] [Jane Roe|person] met the press."


def test_the_speaker_of_a_release_acts_for_its_home_government() -> None:
    a = Text("a.txt")
    a.say("The following is attributable to [Luis Mora|person]:")
    a.say(UNIQUE)
    assert country(run(a), "Luis Mora") == USA


def test_the_speaker_gets_no_country_without_a_home_signal() -> None:
    a = Text("a.txt")
    a.say("The following is attributable to [Luis Mora|person]:")
    a.say("[Minister|office:minister] [Jane Roe|person] met the press.")
    assert country(run(a), "Luis Mora") is None


def test_a_name_after_more_than_a_title_is_no_speaker() -> None:
    a = Text("a.txt")
    a.say("The following is attributable to officials who met [Luis Mora|person]:")
    a.say(UNIQUE)
    assert country(run(a), "Luis Mora") is None


def test_a_title_only_one_government_uses_makes_it_the_home_of_bare_titled_officials() -> None:
    a = Text("a.txt")
    a.say("[Spokesperson|office:spokesperson] [Luis Mora|person] said the talks went well.")
    a.say(UNIQUE)
    b = Text("b.txt")
    b.say("[Spokesperson|office:spokesperson] [Ines Paz|person] said the talks went well.")
    res = run(a, b)
    assert country(res, "Luis Mora") == USA
    assert country(res, "Ines Paz") is None  # no home signal in that article


def test_a_bare_foreign_president_in_a_home_release_does_not_get_the_home_country() -> None:
    a = Text("a.txt")
    a.say(UNIQUE)
    a.say("[Roe|person] thanked [Chad|country:TCD]'s [Foreign Minister|office:foreign-minister] "
          "[Ana Vidal|person] for [President|office:president] [Omar Sow|person]'s visit.")
    res = run(a)
    assert country(res, "Omar Sow") is None
    assert country(res, "Ana Vidal") == TCD


def test_a_body_listing_a_head_of_state_still_gives_a_bare_one_no_country() -> None:
    # kg's own lists never name one (a readout names the other side's president as bare as
    # its own); a data folder that does is not followed.
    knowledge = replace(KNOWLEDGE, issuer_offices={"White House": frozenset({"president", "spokesperson"})})
    a = Text("a.txt")
    a.say("The [White House|org:White House:USA] released a readout.")
    a.say("[President|office:president] [Omar Sow|person] and [Spokesperson|office:spokesperson] "
          "[Luis Mora|person] spoke.")
    res = resolve([a.facts()], knowledge)
    assert country(res, "Luis Mora") == USA
    assert country(res, "Omar Sow") is None


def test_home_signals_of_two_countries_give_a_title_both_use_no_country() -> None:
    a = Text("a.txt")
    a.say(UNIQUE)
    a.say("The [Kremlin|org:Kremlin:RUS] replied through [Spokesperson|office:spokesperson] "
          "[Luis Mora|person].")
    assert country(run(a), "Luis Mora") is None


# -- 3. the bilateral counterpart -----------------------------------------------------------------


def test_the_bare_side_of_a_bilateral_call_acts_for_the_home_country() -> None:
    a = Text("a.txt")
    a.say("The [White House|org:White House:USA] released a readout.")
    s = a.say("[President|office:president] [Luis Mora|person] spoke with [President|office:president] "
              "[Ana Vidal|person] of [Chad|country:TCD].")
    a.meet(s["Luis Mora"], s["Ana Vidal"], kind=EventKind.PHONE_CALL)
    a.say("[Chad|country:TCD]'s [President|office:president] [Ana Vidal|person] thanked him.")
    res = run(a)
    assert country(res, "Luis Mora") == USA
    assert country(res, "Ana Vidal") == TCD


def bilateral(other: str, *, home: bool = True) -> Resolution:
    """A meeting of bare-titled Luis Mora with ``other`` (marked up), in an article whose home is
    the United States when ``home``."""
    a = Text("a.txt")
    if home:
        a.say("The [White House|org:White House:USA] released a readout.")
    s = a.say(f"[President|office:president] [Luis Mora|person] met {other}.")
    # The event finder drops a participant's owner ("Chadian"), not a country met on its own.
    people = [m for m in s.values() if m.kind is EntityKind.PERSON]
    if len(people) < 2:
        people += [m for m in s.values() if m.kind is EntityKind.COUNTRY]
    a.meet(*people)
    return run(a)


@pytest.mark.parametrize(("other", "home"), [
    ("[Prime Minister|office:pm] [Ana Vidal|person]", True),  # the other side is bare too
    ("[American|demonym:USA] [Senator|office:senator] [Ana Vidal|person]", True),  # of the home country
    ("[Chadian|demonym:TCD] [Prime Minister|office:pm] [Ana Vidal|person]", False),  # no home signal
    ("[Chadian|demonym:TCD] [Prime Minister|office:pm] [Ana Vidal|person] and [Omar Sow|person]", True),
    ("[Chadian|demonym:TCD] officials", True),  # a country, not a counterpart
])
def test_no_home_country_without_one_counterpart_of_another_country(other: str, home: bool) -> None:
    assert country(bilateral(other, home=home), "Luis Mora") is None


def test_a_counterpart_of_another_country_gives_the_home_country() -> None:
    res = bilateral("[Chadian|demonym:TCD] [Prime Minister|office:pm] [Ana Vidal|person]")
    assert country(res, "Luis Mora") == USA


def paired(tie: str, *, headline: str = "A readout.") -> Resolution:
    """Bare-titled Luis Mora meets Chadian Prime Minister Ana Vidal in an article with no home
    signal; the sentence after the meeting is ``tie``; the first line ``headline``."""
    a = Text("a.txt")
    a.say(headline)
    s = a.say("[President|office:president] [Luis Mora|person] met [Chadian|demonym:TCD] "
              "[Prime Minister|office:pm] [Ana Vidal|person].")
    a.meet(s["Luis Mora"], s["Ana Vidal"])
    t = a.say(tie)
    if "tensions" in tie:  # the event finder's dispute between the two
        sides = tuple(m for m in t.values() if m.kind is EntityKind.COUNTRY)
        a.events.append(EventCandidate(EventKind.DISPUTE, "a.txt", "tensions", sides[0].sentence, sides))
    return run(a)


def test_the_other_side_of_the_tie_the_readout_names_is_the_bare_sides_country() -> None:
    res = paired("The leaders discussed the [Portugal|country:PRT]-[Chad|country:TCD] partnership.")
    assert country(res, "Luis Mora") == PRT


@pytest.mark.parametrize("tie", [
    "They welcomed the [Portugal|country:PRT]-[Chad|country:TCD] and [Spain|country:ESP]-[Chad|country:TCD] "
    "accords.",  # two pairs with the counterpart's country: no one country
    "They spoke amid [Portugal|country:PRT]-[Chad|country:TCD] tensions.",  # a pair at odds
    "They discussed the [Portugal|country:PRT]-[Spain|country:ESP] border.",  # not the counterpart's
])
def test_no_country_from_a_tie_that_does_not_name_one_other_side(tie: str) -> None:
    assert country(paired(tie), "Luis Mora") is None


def test_a_title_standing_for_the_articles_one_holder_is_that_side() -> None:
    a = Text("a.txt")
    a.say("The [White House|org:White House:USA] released a readout.")
    a.say("[President|office:president] [Luis Mora|person] thanked the staff.")
    s = a.say("[The President|ref:president] met [Chadian|demonym:TCD] [Prime Minister|office:pm] "
              "[Ana Vidal|person].")
    a.meet(s["The President"], s["Ana Vidal"])
    assert country(run(a), "Luis Mora") == USA
    a.say("[President|office:president] [Omar Sow|person] sent a letter.")
    assert country(run(a), "Luis Mora") is None  # two presidents: the title stands for neither


def test_a_bare_title_does_not_stand_for_another_countrys_holder() -> None:
    # A Downing Street readout: "The Prime Minister" is the UK's, not the Chadian one he will meet.
    a = Text("a.txt")
    a.say("A [Downing Street|org:Downing Street:GBR] spokesperson said so.")
    s = a.say("[The Prime Minister|ref:pm] spoke to [President|office:president] [Luis Mora|person].")
    a.meet(s["The Prime Minister"], s["Luis Mora"], kind=EventKind.PHONE_CALL)
    a.say("He will meet [Chadian|demonym:TCD] [Prime Minister|office:pm] [Ana Vidal|person].")
    assert country(run(a), "Luis Mora") is None


def test_an_untitled_side_of_a_bilateral_meeting_gets_no_home_country() -> None:
    a = Text("a.txt")
    a.say("The [White House|org:White House:USA] released a readout.")
    s = a.say("[Luis Mora|person] met [Chadian|demonym:TCD] [Prime Minister|office:pm] [Ana Vidal|person].")
    a.meet(s["Luis Mora"], s["Ana Vidal"])
    assert country(run(a), "Luis Mora") is None


# -- the cues and the data ------------------------------------------------------------------------


# -- 4. a delegation --------------------------------------------------------------------------------


def test_a_delegations_members_act_for_the_country_of_its_other_people() -> None:
    a, s = visit(f"{VISITOR} and the other members of her delegation, [Admiral|office:admiral] "
                 "[Luis Mora|person] and [Ana Vidal|person], flew on.")
    a.travel(s["Jane Roe"], s["Luis Mora"], s["Ana Vidal"])
    res = run(a)
    assert (country(res, "Luis Mora"), country(res, "Ana Vidal")) == (USA, USA)


def test_a_delegations_members_act_for_the_country_the_text_names_for_it() -> None:
    a, s = visit("A [Portuguese|demonym:PRT] delegation led by [Ana Vidal|person] arrived.")
    a.travel(s["Ana Vidal"], country="PRT")
    assert country(run(a), "Ana Vidal") == PRT


def test_no_country_from_a_delegation_whose_people_act_for_two() -> None:
    a, s = visit(f"{VISITOR}, [Spanish|demonym:ESP] [Minister|office:minister] [Luis Mora|person] and "
                 "[Ana Vidal|person] travelled together.")
    a.travel(s["Jane Roe"], s["Luis Mora"], s["Ana Vidal"])
    assert country(run(a), "Ana Vidal") is None


def test_cues_match_whole_words_in_any_case() -> None:
    cues = AllegianceCues(gatherings=("summit",), presence=("while in",))
    assert cues.at_gathering("The SUMMIT opened.") and not cues.at_gathering("The summitry of it.")
    assert cues.ends_with_presence("Later, while in ") and not cues.ends_with_presence("While in Lisbon, he")
    homes = AllegianceCues(homes=("head back home to",))
    assert homes.ends_with_home("She will Head Back Home To ")
    assert not homes.ends_with_home("head back home today")


def test_the_national_offices_are_titles_and_posts() -> None:
    assert KNOWLEDGE.national_offices <= set(KNOWLEDGE.titles)
    assert {"pm", "president", "foreign-minister"} <= KNOWLEDGE.national_offices
    assert not {"governor", "mayor", "director", "general-secretary"} & KNOWLEDGE.national_offices


@pytest.mark.parametrize(("name", "rows", "code", "message"), [
    ("national_offices.tsv", ["office", "pm", "prime-ministre"], "KG026",
     "office 'prime-ministre' is no title key of titles.tsv"),
    ("national_offices.tsv", ["office", "pm", "pm"], "KG025", "office 'pm' is listed twice"),
    ("allegiance_cues.tsv", ["phrase\tkind", "summit\tmeeting"], "KG024", "kind 'meeting' is none of"),
    ("allegiance_cues.tsv", ["phrase\tkind", "\tgathering"], "KG023", "the phrase cell is empty"),
])
def test_a_wrong_row_of_the_allegiance_tables_is_one_coded_line(
    tmp_path: Path, name: str, rows: Sequence[str], code: str, message: str
) -> None:
    (tmp_path / name).write_text("".join(f"{row}\n" for row in rows), encoding="utf-8")
    with pytest.raises(KgError) as caught:
        load_knowledge(tmp_path)
    assert (caught.value.code, caught.value.path) == (code, str(tmp_path / name))
    assert caught.value.message.startswith(f"line {len(rows)}: ") and message in caught.value.message
