"""Whom a person acts for when the text names no country for them, from the text's own signals.

Resolution first gives people the countries the text names for them (an owner, a
demonym: "Chadian Foreign Minister") or a title implies (``office_countries.tsv``). The
rules here give a country to people still without one, in this order; each rule only
to people no earlier rule placed, and none to a person for whom one rule finds two.

0. **A journey home.** "Prime Minister Jane Roe will head back home to Lisbon": the one
   person a sentence names before a ``home`` cue of ``allegiance_cues.tsv`` (a verb of
   going, then "home to") acts for the country of the place right after it. Not when
   the sentence names two people before it: whose home it is is then the parse's to say.
   A command tells it too: "At President Jane Roe's direction, the Chadian army..." or "On
   the orders of Jane Roe, the Chadian army...": the one who commands (a ``command`` cue
   of ``allegiance_cues.tsv`` on their name) acts for the country of the actor named
   right after it.
   A possessive tells it too: "Argentina's Jane Roe" is Argentina's.
1. **The home government's own officials.** A government's release names its own
   officials by a bare title and qualifies the other side's ("Foreign Minister of Chad").
   An article's home signals are the countries of a government body named in it that
   names its officials so (``issuer_offices.tsv``), of a bare-titled holder of a title
   only one government uses (``office_countries.tsv``) and of a speaker (below) whom the
   text gives a country; its home country is the one they agree on. There

   a. the speaker of the release ("The following is attributable to Spokesperson Jane
      Roe": the person named right after a ``speaker`` cue of ``allegiance_cues.tsv``)
      acts for the home country;
   b. a bare-titled official whose title the bodies of one signalled country use bare
      (a spokesperson, an under secretary; never a head of state or government) acts for
      that country.

2. **The host's officials.** A person named with a national government post
   (``national_offices.tsv``) and no country, who meets a visitor from a known country
   A in the territory of country B != A, acts for B. The territory is the meeting's
   place: the one its sentence gives, else where its paragraph puts the visitor
   (:mod:`kg.events.find`); a capital or city stands for its country. Not at a
   multilateral gathering (the meeting's sentence, or the one that gives its place,
   has a ``gathering`` cue: "summit", "on the sidelines of"), not for an official of an
   international body, and not when two host countries are possible.
3. **The bilateral counterpart.** In an article whose home country is H, a bare-titled
   person who meets or calls one other person, whom the text gives a country B != H,
   acts for H: the other side of a readout is qualified, its own side is not ("the
   President's meeting with" counts as the meeting of the one president the article
   names). This is the only rule that gives a head of state or government a home
   country, since a readout names the other side's president as bare as its own.
   An article with no home signal may still name the tie: when its headline, the event's
   sentence or the one after it joins the counterpart's country B with one other country
   A by a hyphen ("the leaders discussed the India-Maldives partnership", "the UK-India
   free trade agreement"), the bare-titled side acts for A; not a pair the article sets
   at odds ("amid US-China tensions").

4. **A delegation.** The owner, leader and members of a travelling group ("his delegation",
   "a delegation led by X", "its members included X, Y and Z") act for one country: the
   one the text names for the group ("a Chinese delegation", "a delegation from Chad"),
   else the one its other people act for, when they all act for the same one. Not when
   its people act for two countries.

A person is one node across articles, so a country found in one article holds for the
same person in the others.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from kg.types import ArticleFacts, EventCandidate, Evidence, Mention, OfficeClaim, Position
from kg.vocab import POSSESSIVE_MARKS, EntityKind, EventKind, MentionRole, Mode, TitleRank

if TYPE_CHECKING:
    from kg.knowledge import Knowledge

__all__ = ["infer_countries"]

_HEADS = {TitleRank.HEAD_OF_STATE, TitleRank.HEAD_OF_GOVERNMENT}
_PLACES = {EntityKind.COUNTRY, EntityKind.PLACE}
# Between a speaker cue and the speaker's name: a title, spaces, a colon or a quote.
_PUNCTUATION = set(" \t\n:;,\"'\u201c\u201d\u2018\u2019")
# What joins two countries into the name of their tie: "UK-India", "India\u2013Maldives".
_JOINS = {"-", "\u2010", "\u2013", "\u2014"}


@dataclass(frozen=True, slots=True)
class _Held:
    """A post a person is named with in one article, and whether it is written bare."""

    key: str
    bare: bool
    claim: OfficeClaim


@dataclass(slots=True)
class _Article:
    """What the rules read of one article, its mentions resolved (built once per article)."""

    facts: ArticleFacts
    held: dict[str, list[_Held]]
    signals: set[str]
    speakers: list[str]
    sentences: dict[Evidence, list[Mention]]

    @property
    def home(self) -> str:
        """The one country the home signals agree on, else empty."""
        return next(iter(self.signals)) if len(self.signals) == 1 else ""

    def bare(self, person: str) -> bool:
        """Whether the article names ``person`` with a title and no country or owner."""
        return any(h.bare for h in self.held.get(person, ()))


class _Inference:
    """One run of the rules over a corpus (the module docstring gives them)."""

    def __init__(self, articles: Sequence[ArticleFacts], entity_of: Mapping[Position, str],
                 known: Mapping[str, str], given: Mapping[str, str], people: Set[str],
                 knowledge: Knowledge) -> None:
        self.entity_of = entity_of
        self.known = dict(known)
        self.given = given
        self.people = people
        self.knowledge = knowledge
        self.cues = knowledge.allegiance_cues
        organizations = {o.name: o for o in knowledge.gazetteer.organizations}
        # The titles each country's bodies name their own officials by.
        self.home_titles: dict[str, set[str]] = defaultdict(set)
        for body, offices in knowledge.issuer_offices.items():
            organization = organizations.get(body)
            if organization is not None and organization.country:
                self.home_titles[organization.country].update(offices)
        # People who hold a post of a body of no country (the UN's, NATO's) act for no host.
        self.international = {
            person for person, claim in self._claims(articles)
            if claim.owner is not None and claim.owner.kind is EntityKind.ORGANIZATION
            and not claim.owner.country
        }
        self.articles = [self._article(facts) for facts in articles]

    def _claims(self, articles: Iterable[ArticleFacts]) -> Iterator[tuple[str, OfficeClaim]]:
        for facts in articles:
            for claim in facts.offices:
                person = self.entity_of.get(claim.person.position, "") if claim.person is not None else ""
                if person in self.people and claim.office.label is MentionRole.OFFICE:
                    yield person, claim

    def _article(self, facts: ArticleFacts) -> _Article:
        held: dict[str, list[_Held]] = defaultdict(list)
        signals: set[str] = set()
        for person, claim in self._claims([facts]):
            bare = claim.owner is None and not claim.office.country
            held[person].append(_Held(claim.office.key, bare, claim))
            unique = self.knowledge.office_countries.get(claim.office.key, "")
            if bare and unique and not claim.qualifier:
                signals.add(unique)
        sentences: dict[Evidence, list[Mention]] = defaultdict(list)
        for m in facts.mentions:
            sentences[m.sentence].append(m)
            if m.kind is EntityKind.ORGANIZATION and m.country and m.key in self.knowledge.issuer_offices:
                signals.add(m.country)
        speakers = list(dict.fromkeys(self._speakers(sentences)))
        signals.update(self.given[s] for s in speakers if s in self.given)
        return _Article(facts, held, signals, speakers, sentences)

    def _speakers(self, sentences: Mapping[Evidence, list[Mention]]) -> Iterator[str]:
        """The people named right after a speaker cue, with only a title between."""
        for sentence, mentions in sentences.items():
            for offset in self.cues.after_speaker_cues(sentence.text):
                start = sentence.start + offset
                after = sorted((m for m in mentions if m.start >= start), key=lambda m: m.start)
                covered: set[int] = set()
                for m in after:
                    if m.kind is EntityKind.OFFICE:
                        covered.update(range(m.start, m.end))
                        continue
                    gap = sentence.text[start - sentence.start : m.start - sentence.start]
                    plain = all(c in _PUNCTUATION for i, c in enumerate(gap, start) if i not in covered)
                    person = self.entity_of.get(m.position, "")
                    if plain and m.kind is EntityKind.PERSON and person in self.people:
                        yield person
                    break

    # -- the rules ---------------------------------------------------------------------

    def run(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for rule in (self._journeys_home, self._commanders, self._possessed, self._home_officials,
                     self._hosts, self._counterparts, self._delegations):
            votes: dict[str, set[str]] = defaultdict(set)
            for person, code in rule():
                if person not in self.known:
                    votes[person].add(code)
            for person, codes in votes.items():
                if len(codes) == 1:
                    found[person] = self.known[person] = next(iter(codes))
        return found

    def _journeys_home(self) -> Iterator[tuple[str, str]]:
        """Rule 0: the one person named before "head back home to <place>" acts for its country."""
        for article in self.articles:
            for sentence, mentions in article.sentences.items():
                for place in mentions:
                    code = place.key if place.kind is EntityKind.COUNTRY else place.country
                    if place.kind not in _PLACES or not code:
                        continue
                    if not self.cues.ends_with_home(sentence.text[: place.start - sentence.start]):
                        continue
                    before = {self.entity_of.get(m.position, "") for m in mentions
                              if m.kind is EntityKind.PERSON and m.end <= place.start}
                    people = before & self.people
                    if len(people) == 1:
                        yield next(iter(people)), code

    def _neighbours(self) -> Iterator[tuple[Evidence, Mention, Mention, str]]:
        """Each two mentions next to each other in a sentence, with the sentence and the text
        between them."""
        for article in self.articles:
            for sentence, mentions in article.sentences.items():
                for first, second in pairwise(sorted(mentions, key=lambda m: m.start)):
                    gap = sentence.text[first.end - sentence.start : second.start - sentence.start]
                    yield sentence, first, second, gap

    def _commanders(self) -> Iterator[tuple[str, str]]:
        """Rule 0b: "At X's direction, the Chadian army...": X acts for the country of the actor
        named right after the command."""
        for sentence, person, after, gap in self._neighbours():
            iri = self.entity_of.get(person.position, "")
            code = after.key if after.kind is EntityKind.COUNTRY else after.country
            if person.kind is not EntityKind.PERSON or after.kind is EntityKind.PERSON:
                continue
            before = sentence.text[: person.start - sentence.start]
            if iri in self.people and code and self.cues.commanded(before, gap):
                yield iri, code

    def _possessed(self) -> Iterator[tuple[str, str]]:
        """Rule 0c: "Argentina's Jane Roe": a person named right after a country's possessive is
        that country's."""
        for _, owner, named, gap in self._neighbours():
            iri = self.entity_of.get(named.position, "")
            if owner.kind is EntityKind.COUNTRY and named.kind is EntityKind.PERSON and owner.key and (
                iri in self.people and gap.strip() in POSSESSIVE_MARKS
            ):
                yield iri, owner.key

    def _home_officials(self) -> Iterator[tuple[str, str]]:
        """Rule 1: the speaker acts for the home country; a bare-titled official for the one
        signalled country whose bodies use that title bare."""
        titles = self.knowledge.titles
        for article in self.articles:
            if article.home:
                for speaker in article.speakers:
                    yield speaker, article.home
            for person, held in article.held.items():
                for h in held:
                    if not h.bare or titles[h.key].rank in _HEADS:
                        continue
                    homes = {code for code in article.signals if h.key in self.home_titles.get(code, ())}
                    if len(homes) == 1:
                        yield person, next(iter(homes))

    def _hosts(self) -> Iterator[tuple[str, str]]:
        """Rule 2: national officials a visitor from elsewhere meets in their country."""
        national = self.knowledge.national_offices
        for article in self.articles:
            for event in article.facts.events:
                host = self._host_country(event)
                if not host:
                    continue
                people = self._people(event, article)
                if not any(self.known.get(p, host) != host for p in people):
                    continue  # no visitor from elsewhere: the official may be the visitor
                for person in people:
                    if person in self.international:
                        continue
                    if any(h.key in national and h.claim.owner is None for h in article.held.get(person, ())):
                        yield person, host

    def _host_country(self, event: EventCandidate) -> str:
        """The country whose territory a meeting is in, if it can tell who hosts it."""
        if event.kind is not EventKind.MEETING or event.mode is Mode.MULTILATERAL or event.place is None:
            return ""
        if any(m.kind is EntityKind.ORGANIZATION for m in event.participants):
            return ""
        place = event.place
        # A seat of government is its country's, summit or not ("a trilateral summit at the White House").
        seat = place.kind is EntityKind.PLACE and place.label is MentionRole.ORG
        if not seat and (self.cues.at_gathering(event.sentence.text)
                         or self.cues.at_gathering(place.sentence.text)):
            return ""
        return place.key if place.kind is EntityKind.COUNTRY else place.country

    def _people(self, event: EventCandidate, article: _Article) -> list[str]:
        """The people of ``event``; a title standing for its holder ("the President's
        meeting") is the one person the article names with that title, bare as it is (in a
        readout, "the Prime Minister" is not the "Polish Prime Minister" it goes on to meet)."""
        found = []
        for m in event.participants:
            person = self.entity_of.get(m.position, "")
            if not person and m.label is MentionRole.TITLE_REF and not m.country:
                holders = [p for p, held in article.held.items()
                           if any(h.key == m.key and h.bare for h in held)]
                person = holders[0] if len(holders) == 1 else ""
            found.append(person)
        return list(dict.fromkeys(p for p in found if p in self.people))

    def _counterparts(self) -> Iterator[tuple[str, str]]:
        """Rule 3: the bare-titled side of a bilateral meeting or call acts for the home country,
        or, in an article with no home signal, for the other country of the one pair its
        headline, the event's sentence or the one after it joins the counterpart's country
        with ("The leaders discussed the India-Maldives partnership")."""
        for article in self.articles:
            home = article.home
            pairs = self._pairs(article) if not home else {}
            if not home and not pairs:
                continue
            order = sorted(article.sentences, key=lambda e: e.start)
            for event in article.facts.events:
                if event.kind not in {EventKind.MEETING, EventKind.PHONE_CALL}:
                    continue
                at = order.index(event.sentence) if event.sentence in order else -1
                near = {order[0], *order[max(at, 0) : at + 2]} if at >= 0 else {order[0]}
                named = [pair for pair, where in pairs.items() if where & near]
                people = self._people(event, article)
                if len(people) != 2 or len(people) != len({m.position for m in event.participants}):
                    continue
                for person, other in (people, people[::-1]):
                    other_country = self.given.get(other, "")
                    if not article.bare(person) or not other_country or person in self.international:
                        continue
                    if home and other_country != home:
                        yield person, home
                    partners = {c for pair in named if other_country in pair for c in pair} - {other_country}
                    if not home and len(partners) == 1:
                        yield person, next(iter(partners))

    @staticmethod
    def _pairs(article: _Article) -> dict[frozenset[str], set[Evidence]]:
        """The pairs of countries the article joins by a hyphen or a dash ("UK-India talks",
        "the India-Maldives partnership") as the two sides of a tie, with the sentences that
        name each; not a pair the article sets at odds ("amid US-China tensions")."""
        pairs: dict[frozenset[str], set[Evidence]] = defaultdict(set)
        for sentence, mentions in article.sentences.items():
            countries = sorted((m for m in mentions if m.kind is EntityKind.COUNTRY and m.key),
                               key=lambda m: m.start)
            for one, other in pairwise(countries):
                between = sentence.text[one.end - sentence.start : other.start - sentence.start]
                if between in _JOINS and one.key != other.key:
                    pairs[frozenset({one.key, other.key})].add(sentence)
        for event in article.facts.events:
            if event.kind is EventKind.DISPUTE:
                sides = {m.key for m in (*event.participants, *event.targets) if m.kind is EntityKind.COUNTRY}
                for pair in [pair for pair in pairs if pair <= sides]:
                    del pairs[pair]
        return pairs

    def _delegations(self) -> Iterator[tuple[str, str]]:
        """Rule 4: a delegation acts for one country: the one the text names for it, else the
        one its other people act for, when they all act for the same."""
        for article in self.articles:
            for group in article.facts.groups:
                people = list(dict.fromkeys(
                    p for m in group.members if (p := self.entity_of.get(m.position, "")) in self.people
                ))
                countries = {group.country} if group.country else {
                    self.known[p] for p in people if p in self.known
                }
                if len(countries) != 1:
                    continue
                country = next(iter(countries))
                if any(self.known.get(p, country) != country for p in people):
                    continue  # a mixed group: whose is whose, the text does not say
                for person in people:
                    yield person, country


def infer_countries(articles: Sequence[ArticleFacts], entity_of: Mapping[Position, str],
                    known: Mapping[str, str], given: Mapping[str, str], people: Set[str],
                    knowledge: Knowledge) -> dict[str, str]:
    """The countries the rules of this module give to people the text gives none.

    Parameters
    ----------
    articles:
        The facts of every article.
    entity_of:
        Where each mention resolved (:attr:`kg.types.Resolution.entity_of`).
    known:
        The countries people already have (named in the text or implied by a title): the
        rules never change them.
    given:
        The countries the text names for people (a subset of ``known``): only these
        qualify a bilateral counterpart.
    people:
        The IRIs of the person entities.
    knowledge:
        The titles, cues, issuing bodies and national posts the rules read.

    Returns
    -------
    dict
        ``person IRI -> country code`` for the people placed here, none of them in ``known``.
    """
    return _Inference(articles, entity_of, known, given, people, knowledge).run()
