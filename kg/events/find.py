"""Event candidates in one parsed article: meetings, phone calls, visits, disputes and
cooperation, with when, where, whether, and the sentence that says so.

Extraction works on the dependency parse of one article. A trigger word from
``event_triggers.tsv`` (a verb such as "met", or a noun such as "talks") opens an
event when the parse shows what its row ``needs``; its actors are read from the parse:

* the subject, climbing through "plans to meet", "by meeting", coordinated verbs and a
  relative clause to the noun it describes (or, when that noun is no actor, to whoever
  holds it: "is in X for a stay that includes talks with Y"); when the parser gave no
  subject, the person named right before the verb;
* objects, "with"/"between" phrases and the passive's "by" phrase ("was greeted by X") for
  verbs ("to" for verbs of speaking; the object
  of a talk verb is its topic: "discussed trade with X"), the partner hung on a medium
  ("by phone with X") or on the object; possessors ("Okafor and Lin's meet"), compounds
  ("US-China tensions") and appositives for nouns; the governing verb's subject for a
  noun that is its argument or a part of one ("held a round of talks"), not for one
  another noun is about ("a readout of the call");
* titles stand for their holders (a bare title for the person last named with it),
  pronouns for the last person who was a subject, "the two leaders" for the last pair
  named together, "the delegation" for the people named as its members, "their
  counterparts, A and B" for A and B.

"X and Y met with students" (no one kg knows on the other side) is no meeting of X and Y.
A list of partners with their own dates or hedges ("Lin Tao on Sunday, ... and possibly
President Lin on Monday") gives one event per partner; a list of places one visit per place.
"X spoke with Y" is a call unless a place is named; a meeting told after a call of the same
people, with no place of its own, is the call again.

Disputes and cooperation carry a PLOVER type (the trigger's, from CAMEO's categories)
and also take their targets from complements ("called on X", "aid to X", "demanded
that X withdraw", "accused by X"); :mod:`kg.events.disputes` then sets their sides,
issues and dates. "Y must..." reported by X is X's DEMAND on Y; a
promised SUPPORT or COOPERATE is AGREE; "will not accept" is REJECT; an act that is
refused, demanded or supposed ("rejected an offer to sign", "unless Y accepts") is no
event of its own. A meeting, call or visit is CONSULT when it took place, AGREE (an
intent to meet) when planned or hoped for, REJECT when refused, cancelled or put off.

Status comes from cue words in the trigger's clause (``status_cues.tsv``): a
postponing, cancelling or refusing word above the trigger, then hedges ("possibly",
"may", "still in the cards", a question), then plans ("will", "scheduled to");
otherwise the event occurred. Dates come from the DATE phrases nearest the trigger
in the parse (not reference points, "since 2019", nor what a purpose clause names),
resolved by :func:`kg.dates.resolve_date` against the article's publication date in
the clause's tense; else from a predicate sharing the subject ("arrived Thursday in X
and met Y") or the journey the meeting is the purpose of ("will fly to X Saturday to
meet Y"); else, for what happened, the article's own time: its publication day when
told in the present or the present perfect, its month when told in the past or for a
visit, nothing when habitual or from before ("regularly", "had met").

A meeting's place is the one its clause gives ("met X in Lisbon", "flew to Lisbon, where
she met X"), or a predicate linked to it gives ("arrived in Lisbon and met X", "welcomed X
to Lisbon"), else where its paragraph last put one of its people ("X arrived in Lisbon.
She met Y."): a visit's destination, a meeting's own place, or a place after a presence
cue of ``allegiance_cues.tsv`` ("While in Lisbon, X..."). Not a stay in two countries at once
("a trip to Lisbon and Madrid"), nor when the meeting is dated at another time than the
stay or its sentence names a place in another country.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import TYPE_CHECKING

from spacy.attrs import LEMMA
from spacy.tokens import Span, Token

from kg.dates import resolve_date
from kg.events.disputes import RelationReader
from kg.events.lexicon import EventLexicon, Needs, Trigger
from kg.kinds import RELATION_KINDS
from kg.mentions import DocMentions
from kg.pipeline.entities import in_unfinished_line
from kg.types import EventCandidate, Group, Mention, OfficeClaim, Position, TemporalValue
from kg.vocab import EntityKind, EventKind, MentionRole, Mode, Plover, Status, TemporalPrecision, Tense

if TYPE_CHECKING:
    from kg.knowledge import Knowledge
    from kg.signals import AllegianceCues

__all__ = ["EventFinder"]

_SUBJECTS = {"nsubj", "nsubjpass"}
_CLIMB = {"xcomp", "advcl", "conj", "pcomp", "prep", "acl", "relcl", "ccomp", "pobj", "dobj", "attr", "acomp"}
_PARTNER_PREPS = {"with", "between", "among"}
# The model's labels of a time: "called on X on Tuesday" calls on X, not on Tuesday.
_TIME_ENTS = {"DATE", "TIME"}
_SPOKEN_PREPS = {"with", "to"}
_TOPIC_PREPS = {"about", "regarding", "concerning", "over"}
# Verbs whose partner comes after "with" ("discussed trade with X"): their object is a topic.
_SPOKEN = {Needs.WITH_OR_TO, Needs.REMOTE}
_TALKED_WITH = {Needs.WITH, *_SPOKEN}
# How a medium is named: "by phone", "over the telephone", "on a video call", "via videoconference".
_MEDIUM_PREPS = {"by", "over", "on", "via"}
_PLACE_PREPS = {"in", "at"}
_MODIFIER_DEPS = {"compound", "amod", "nmod", "poss"}
_DESTINATION_PREPS = {"to", "in", "into", "for"}
_TOWARD_PREPS = {"to", "for", "toward", "towards"}
_PRONOUNS = {"he", "she", "him", "her", "his"}
_TEMPORAL_PREPS = {"after", "since", "during", "following"}
_REFERENCE_PREPS = {"since", "until", "till", "before", "prior"}
# The event a noun names after these is over when the clause is told ("is back from his trip").
_OVER_PREPS = {"from", "after", "since", "following"}
# Auxiliaries of the present and the present perfect ("is meeting", "has met").
_PRESENT_AUX = {"is", "are", "am", "'s", "\u2019s", "'re", "\u2019re", "has", "have", "'ve", "\u2019ve"}
# Where the words that date or undate an event hang on its verb or noun.
_TIME_WORD_DEPS = {"advmod", "npadvmod", "amod", "aux", "neg", "prep"}
# Prepositions of a setting: "agreed at the talks", "hoped in their meeting" say where the
# cue word happened, so the cue does not set the status of the event named there.
# The days after an arrival that a stay lasts at least ("arrived Monday ... will meet Y on Thursday").
_STAY_DAYS = 3
# The relative adverbs of a clause set in the place or time of the noun it describes.
_RELATIVE_ADVERBS = {"where", "when"}
# The prepositions of where a journey starts ("back from talks in Lisbon").
_SOURCE_PREPS = {"from"}
_SETTING_PREPS = {"at", "in", "during", "before", "amid", "despite"}
_FUTURE_AUX = {"will", "'ll", "\u2019ll", "shall", "wo"}
#: Actors found in a sentence: the head token of each and its mention.
_Actors = list[tuple[Token, Mention]]
# Where the target of a dispute or of cooperation stands after a verb: "accused X", "called
# on X", "offered troops to X", "sanctions against X", "demanded support from X".
_TARGET_PREPS = {"with", "between", "among", "to", "on", "against", "for", "from", "toward", "towards", "by"}
# ...and after the object: "a request from X", "the withdrawal of X", "aid to X".
_OBJECT_PREPS = {"from", "by", "of", "to", "for", "against", "with"}
# Modal words that make a cooperative act an intention (PLOVER AGREE: CAMEO 03, "express
# intent to cooperate, support, give aid"): "will support", "would cooperate".
_INTENT_AUX = {"will", "would", "shall", "should", "'ll", "\u2019ll", "wo", "could", "may", "might"}
# Pronouns that stand for an organisation or country said to act: "X said it would...".
_BODY_PRONOUNS = {"it", "they", "we"}
# Pronouns that may stand for "the two leaders" of their sentence.
_PLURAL_PRONOUNS = {"they", "them", "their"}
# How an act hangs below the verb that refuses or asks for it ("rejected an offer to host a
# summit to hammer out an agreement"), and the words of a clause that only supposes it.
_EMBEDDING = {"xcomp", "acl", "ccomp", "advcl", "dobj", "pobj", "prep", "pcomp", "relcl"}
_CONDITIONS = {"if", "unless"}
_INTENDED = {Plover.SUPPORT, Plover.COOPERATE, Plover.AID}
_CONTACT_KINDS = {EventKind.MEETING, EventKind.PHONE_CALL}
_ACTOR_KINDS = {EntityKind.PERSON, EntityKind.COUNTRY, EntityKind.ORGANIZATION}
# The words between the items of a list of people with their titles and countries.
_LIST_GLUE = {",", "and", "of", "the"}
# Words for the two people an article has just told of: "the pair", "both men", "the two women".
_PAIR_NOUNS = {"pair", "duo"}
_PEOPLE_NOUNS = {"man", "woman"}
# PLOVER codes a meeting, call or visit as CONSULT only when it takes place. One that is
# planned or hoped for is an intent to meet (CAMEO 036, PLOVER AGREE); one that is refused,
# cancelled or put off is a rejection (CAMEO 125, "reject proposal to meet", PLOVER REJECT).
_PLOVER_OF_STATUS = {
    Status.OCCURRED: Plover.CONSULT,
    Status.PLANNED: Plover.AGREE,
    Status.POSSIBLE: Plover.AGREE,
    Status.DECLINED: Plover.REJECT,
    Status.CANCELLED: Plover.REJECT,
    Status.POSTPONED: Plover.REJECT,
}
_NAME_ENTS = {"ORG", "EVENT", "WORK_OF_ART", "LAW", "FAC", "PERSON", "GPE", "NORP"}


class EventFinder:
    """Finds :class:`~kg.types.EventCandidate` records in one parsed article, with the
    event vocabulary of ``knowledge``."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.lexicon = knowledge.events
        self.titles = frozenset(knowledge.titles)
        self.cues = knowledge.allegiance_cues
        self.references = knowledge.title_references

    def __call__(self, found: DocMentions) -> Iterator[EventCandidate]:
        return iter(self.read(found)[0])

    def read(self, found: DocMentions) -> tuple[tuple[EventCandidate, ...], tuple[Group, ...]]:
        """The event candidates of one article, and the travelling groups it names members of."""
        context = _ArticleContext(found, self.lexicon, self.cues, self.titles, self.references)
        return tuple(self._events(context)), context.groups()

    @staticmethod
    def _events(context: _ArticleContext) -> Iterator[EventCandidate]:
        found: list[EventCandidate] = []
        for token in context.doc:
            trigger = context.trigger(token)
            if trigger is None:
                continue
            for candidate in context.events(token, trigger):
                context.told_pair(token.i, candidate.participants)
                context.told_date(token.i, candidate)
                found.append(candidate)
        # A meeting of people the article tells a call of, before or after it (a headline's
        # "X, Y discuss migration", then "X spoke by phone with Y"), is that call.
        calls = [c for c in found if c.kind is EventKind.PHONE_CALL]
        for candidate in found:
            yield _on_the_call(candidate, calls) if candidate.kind is EventKind.MEETING else candidate


def _on_the_call(meeting: EventCandidate, calls: list[EventCandidate]) -> EventCandidate:
    """A meeting that took place, told in an article that tells a call of the same people,
    with no place of its own and no other date, is that call told again ("X spoke with Y
    today. X and Y discussed trade."): it becomes a call. People are matched by the last word
    of their names, as within one article a surname stands for the full name."""
    if meeting.place is not None or meeting.status is not Status.OCCURRED:
        return meeting
    people = _last_names(meeting.participants)
    for call in calls:
        dates = (meeting.date, call.date)
        if _last_names(call.participants) == people and (None in dates or (meeting.date and call.date and (
            meeting.date.covers(call.date) or call.date.covers(meeting.date)
        ))):
            mode = Mode.PHONE if meeting.plover is Plover.CONSULT else None
            return replace(meeting, kind=EventKind.PHONE_CALL, mode=mode)
    return meeting


@dataclass(frozen=True, slots=True)
class _Whereabouts:
    """The text puts people somewhere: a visit's destination, a meeting's own place, "While
    in X, ...". ``at`` is the token that says so, ``place`` None when it names places of
    two countries ("a trip to X and Y"), ``names`` the people's last names, lower case,
    ``date`` when the text says they were there; ``arrival`` when that date is the day they
    came (a visit's: they are still there the days after)."""

    at: int
    place: Mention | None
    names: frozenset[str]
    date: TemporalValue | None = None
    arrival: bool = False

    def dated_apart(self, date: TemporalValue | None) -> bool:
        """Whether an event at ``date`` cannot fall in this stay: not its date, nor, after an
        arrival, one of the three days after it."""
        if date is None or self.date is None or date.compatible(self.date):
            return False
        if self.arrival and date.precision is self.date.precision is TemporalPrecision.DAY:
            return not 0 < (date.value - self.date.value).days <= _STAY_DAYS
        return True


class _ArticleContext:
    """The state of extraction over one article: mentions, claims, the lexicon."""

    def __init__(self, found: DocMentions, lexicon: EventLexicon, cues: AllegianceCues,
                 titles: frozenset[str] = frozenset(),
                 references: Mapping[str, frozenset[str]] = MappingProxyType({})) -> None:
        self.found = found
        self.doc = found.doc
        self.lexicon = lexicon
        # The two-word cues of status_cues.tsv, for a verb and its particle ("look forward").
        self._phrasal = {p: st for p, st in lexicon.status_phrases if len(p.split()) == 2}
        self.cues = cues
        #: The keys of the office titles ("leader", "foreign-minister").
        self.titles = titles
        #: The posts a title may stand for ("leader": a president, a prime minister...).
        self.references = references
        # Paragraphs are lines: where each begins, to tell which one a token is in; and
        # where each paragraph puts its people, in text order.
        self._paragraph_starts = [m.end() for m in re.finditer("\n", found.text)]
        self._whereabouts: dict[int, list[_Whereabouts]] = defaultdict(list)
        self.claims: dict[tuple[int, int], OfficeClaim] = {
            (c.office.start, c.office.end): c for c in found.office_claims()
        }
        # Each token's trigger is asked for again by every nearby event (its window, its
        # parse neighbourhood): computed once per token. ``doc.ents`` builds new spans
        # on every access, so the entity of each token is looked up in one table.
        self._triggers: dict[int, Trigger | None] = {}
        self.relations = RelationReader(found, lexicon, self.actor, self._when)
        # Titles tied to a named person, in text order: computed when a bare title first asks.
        self._named_holders: list[tuple[int, str, str, Mention]] | None = None
        # Two people told together, by token: coordinated names ("A and B"), and the two of
        # each event found so far (for "the two leaders").
        self._coordinated: list[tuple[int, tuple[Mention, Mention]]] | None = None
        self._pairs: list[tuple[int, tuple[Mention, Mention]]] = []
        # The dates of the events that took place, by token, in text order.
        self._dates: list[tuple[int, TemporalValue]] = []
        # The members of travelling groups the article names, by token: found when first asked.
        self._membership: list[tuple[int, str, Mention, int]] | None = None
        self._entity_at: dict[int, Span] = {
            i: ent for ent in self.doc.ents for i in range(ent.start, ent.end)
        }
        self._presence()

    # -- triggers ---------------------------------------------------------------------

    def trigger(self, token: Token) -> Trigger | None:
        """The event rule ``token`` opens, if any (cached per token)."""
        index = token.i
        if index not in self._triggers:
            self._triggers[index] = self._find_trigger(token)
        return self._triggers[index]

    def _find_trigger(self, token: Token) -> Trigger | None:
        if token.pos_ in {"VERB", "AUX"}:
            pos = "VERB"
        elif token.pos_ in {"NOUN", "PROPN"}:
            pos = "NOUN"
        elif token.pos_ == "ADJ":
            pos = "ADJ"
        else:
            return None
        rules = self.lexicon.triggers.get((token.lemma_.lower(), pos)) or self.lexicon.triggers.get(
            (token.lower_, pos)
        )
        if not rules or self._in_a_name(token):  # the word list first: most words are in no rule
            return None
        for rule in rules:
            if self._needs(token, rule.needs):
                return rule
        return None

    def _in_a_name(self, token: Token) -> bool:
        """A word of a name ("Asia-Pacific Economic Cooperation", "Peace Treaty Organization")
        names a body or a thing, not an event: a proper noun in one of the model's name
        entities, or any word of an organisation kg found."""
        if token.pos_ == "PROPN" and token.ent_type_ in _NAME_ENTS:
            return True
        mention = self.found.mention_at(token.i)
        return mention is not None and mention.kind is EntityKind.ORGANIZATION

    def _needs(self, token: Token, needs: Needs) -> bool:
        if needs is Needs.NONE:
            return True
        children = list(token.children)
        if needs is Needs.BY_PHONE:
            phone = self.lexicon.phone_words
            for child in children:
                if child.dep_ in {"compound", "amod", "advmod"} and child.lower_ in phone:
                    return True
                if child.dep_ in {"prep", "agent"} and child.lower_ in _MEDIUM_PREPS and any(
                    w.lower_ in phone for g in child.children if g.dep_ == "pobj"
                    for w in (g, *(c for c in g.children if c.dep_ in {"compound", "amod"}))
                ):
                    return True  # "by phone", "by video link", "via secure video"
            if any(c.dep_ == "dobj" and c.lemma_.lower() == "call" for c in children):
                return True  # "received a (phone) call from X"
            with_partner = any(c.dep_ == "prep" and c.lower_ == "with" for c in children)
            after_phone = token.i > 0 and self.doc[token.i - 1].lower_ in phone
            return token.pos_ == "NOUN" and with_partner and token.lower_ == "call" and after_phone
        if needs in _SPOKEN:
            partners = self._spoken_to(token)
            return bool(partners) and (needs is Needs.WITH_OR_TO or not self._placed([token, *partners]))
        if needs is Needs.WITH:
            objects = [c for c in children if c.dep_ == "dobj"]
            return bool(
                _after(token, _PARTNER_PREPS) or any(_objects(o, {"with"}) for o in objects)
                or any(c.dep_ == "poss" for c in children)
                # "X and Y discussed trade": the partners are the subjects.
                or (token.pos_ in {"VERB", "AUX"} and len(self._actors(self._subjects(token))) > 1)
            )
        if needs is Needs.TOWARD:
            return any(self._place(g) is not None for g in _objects(token, _TOWARD_PREPS))
        if needs is Needs.STAY:
            # "X is in Y to meet Z", "X was in Y June 20-23 to sign...", "X is in Y for talks".
            purpose = any(c.dep_ in {"xcomp", "advcl"} and any(g.dep_ == "aux" and g.lower_ == "to"
                                                              for g in c.children) for c in children)
            return bool(_objects(token, {"for"}) or purpose) and any(
                self._place(g) is not None for g in _objects(token, {"in"})
            )
        if needs is Needs.TO_KNOWN_PLACE:
            # "came to Lisbon", not "came to power".
            return any(self._place(g) is not None for g in _objects(token, _DESTINATION_PREPS))
        if needs is Needs.TO_PLACE:
            children = [c for t in self._journey(token) for c in t.children]
            return any(c.dep_ == "prep" and c.lower_ in _DESTINATION_PREPS for c in children) or any(
                c.dep_ in {"dobj", "npadvmod"} and self._place(c) is not None for c in children
            )
        if needs is Needs.OBJECT:
            return any(c.dep_ in {"dobj", "dative", "prep", "xcomp", "ccomp", "agent"} for c in children)
        if needs in {Needs.ON, Needs.FOR}:
            # "called for X to act": the parser makes "for" the mark of the clause.
            return any(c.dep_ == "prep" and c.lower_ == needs.value for c in children) or any(
                g.dep_ == "mark" and g.lower_ == needs.value
                for c in children if c.dep_ in {"advcl", "ccomp"} for g in c.children
            )
        if needs is Needs.XCOMP:
            return any(c.dep_ in {"xcomp", "ccomp"} for c in children)
        if needs is Needs.COURTESY:
            # "called on President X" (a visit of respect), not "called on X to act" (a demand).
            hosts = [h for h in _objects(token, {"on"}) if h.ent_type_ not in _TIME_ENTS]
            asks = any(c.dep_ in {"xcomp", "ccomp", "advcl"} for t in (token, *hosts) for c in t.children)
            return bool(hosts) and not asks and all(self._a_person(h) for h in hosts)
        if needs is Needs.REPORTED:
            clause = token.head
            return token.dep_ == "aux" and clause.dep_ == "ccomp" and clause.head.pos_ in {"VERB", "AUX"}
        return False

    def _talked_about(self, token: Token) -> bool:
        """Whether ``token`` is a verb of talking whose partner comes after "with"
        ("discussed trade with X"): its direct object is what is talked about."""
        rule = self.trigger(token)
        return rule is not None and rule.pos == "VERB" and rule.needs in _TALKED_WITH

    def _a_person(self, token: Token) -> bool:
        """Whether the noun phrase headed by ``token`` names a person (by name or by title)."""
        actor = self.actor(token)
        return actor is not None and actor.kind is EntityKind.PERSON

    def _spoken_to(self, token: Token) -> list[Token]:
        """Whom a verb of speaking is addressed to: "spoke with X", "talked to X", "spoke by
        phone with X"."""
        return _after(token, _SPOKEN_PREPS) + self._through_medium(token)

    def _placed(self, roots: list[Token]) -> bool:
        """Whether a place or a gathering is named at ``roots``: "spoke with X in Rome", "spoke
        with X on the sidelines of the summit" (a topic's place, "about the war in Y", is not)."""
        for token in self._near(roots, 2):
            if token.dep_ == "pobj" and token.head.lower_ in _PLACE_PREPS and token.head.head in roots and (
                self._place(token) is not None
            ):
                return True
            if token.lemma_.lower() in self.lexicon.gatherings:
                return True
        return False

    # -- actors -----------------------------------------------------------------------

    def actor(self, token: Token) -> Mention | None:
        """The actor named by the noun phrase headed by ``token``."""
        if token.lower_ in _PRONOUNS:
            return self._antecedent(token)
        if token.lower_ in _BODY_PRONOUNS:
            return self._speaker(token)
        mention = self.found.mention_at(token.i)
        if mention is None and token.lower_ in self.lexicon.gatherings:
            return None  # "hosts the APEC forum": a gathering, not its organiser
        if mention is None:
            for child in token.children:
                if child.dep_ in {"compound", "amod", "poss", "nmod"}:
                    inner = self.found.mention_at(child.i)
                    if inner is not None and inner.kind in _ACTOR_KINDS:
                        return inner
            if token.lemma_.lower() in self.titles:
                # "leaders of Romania's new government": officials stand for whom they serve.
                for owner in _objects(token, {"of"}):
                    inner = self.actor(owner)
                    if inner is not None and inner.kind is not EntityKind.PERSON:
                        return inner
            return None
        if mention.kind is EntityKind.OFFICE:
            claim = self.claims.get((mention.start, mention.end))
            if claim is None:
                return None
            if claim.person is not None:
                return self._holder(claim) if claim.person.label is MentionRole.TITLE_REF else claim.person
            return claim.owner if claim.owner is not None and claim.owner.kind in _ACTOR_KINDS else None
        return mention if mention.kind in _ACTOR_KINDS else None

    def _holder(self, claim: OfficeClaim) -> Mention | None:
        """Whom a bare title stands for ("the president", "the Foreign Minister"): the person
        the article last named with that title before it (of the title's country, when it
        names one), else the title itself, for resolution to map."""
        office = claim.office
        if self._named_holders is None:
            self._named_holders = sorted(
                ((c.office.start, c.office.key, c.office.country, c.person) for c in self.claims.values()
                 if c.person is not None and c.person.label is not MentionRole.TITLE_REF and not c.former),
                key=lambda h: h[0],
            )
        for start, key, country, person in reversed(self._named_holders):
            same_country = not office.country or country == office.country
            if start < office.start and key == office.key and same_country:
                return person
        # "the Afghan leader": the one person the article names with a post it stands for.
        posts = self.references.get(office.key, frozenset())
        if office.country and posts:
            holders = {person.text: person for _, key, country, person in self._named_holders
                       if key in posts and country == office.country}
            if len(_last_names(holders.values())) == 1:
                return next(iter(holders.values()))
        return claim.person

    def told_date(self, at: int, event: EventCandidate) -> None:
        """Note when the event at token ``at`` took place, for one told next "then" to share it."""
        if event.date is not None and event.status is Status.OCCURRED:
            self._dates.append((at, event.date))

    def _then(self, verb: Token) -> TemporalValue | None:
        """"X then met Y": the date of the event the article told just before, within the
        three sentences before the verb's."""
        if not any(c.dep_ == "advmod" and c.lower_ == "then" for c in verb.children):
            return None
        earlier = [(at, date) for at, date in self._dates if at < verb.i]
        if not earlier:
            return None
        at, date = earlier[-1]
        return date if len({t.sent.start for t in self.doc[at : verb.sent.start]}) <= 3 else None

    def told_pair(self, at: int, people: Iterable[Mention]) -> None:
        """Note that the event at token ``at`` was between two people (the ``_pair`` of later
        sentences)."""
        persons = _unique(m for m in people if m.kind is EntityKind.PERSON)
        if len(persons) == 2:
            self._pairs.append((at, (persons[0], persons[1])))

    def _pair(self, token: Token) -> tuple[Mention, ...]:
        """The two people "the two leaders" (or "they", "their" in a sentence that says "the two
        leaders") stand for: the last two the article named together before it ("A and B
        announced...") or the two of its last event (within three sentences)."""
        if token.lower_ in _PLURAL_PRONOUNS:
            if not any(self._the_two(t) for t in token.sent):
                return ()
        elif not self._the_two(token):
            return ()
        return self._last_pair(token)

    def _last_pair(self, token: Token) -> tuple[Mention, ...]:
        """The last two people named together before ``token``, or the two of the article's
        last event, within three sentences, or further back when every pair the article told
        of before is the same two; none if there is no such pair."""
        sentence = token.sent
        if self._coordinated is None:
            self._coordinated = [
                (t.i, (a, b)) for t in self.doc if t.dep_ == "conj"
                for a, b in [(self.found.mention_at(t.head.i), self.found.mention_at(t.i))]
                if a is not None and b is not None and a.kind is b.kind is EntityKind.PERSON and a != b
            ]
        earlier = [p for p in self._coordinated + self._pairs if p[0] < token.i]
        if not earlier:
            return ()
        at, pair = max(earlier, key=lambda p: p[0])
        back = len({t.sent.start for t in self.doc[at : sentence.start]}) if at < sentence.start else 0
        # Further back only when the article has told of no other two: they are its two.
        return pair if back <= 3 or len({_last_names(p) for _, p in earlier}) == 1 else ()

    def _members(self, token: Token) -> tuple[Mention, ...]:
        """The people "the delegation" stands for: those the article named as its members
        before it (:meth:`_membership`). Nothing for a group with an owner ("China's
        delegation") or one the article said nothing of."""
        if token.lemma_.lower() not in self.lexicon.group_words or any(
            c.dep_ == "poss" for c in token.children
        ):
            return ()
        if self._membership is None:
            self._membership = list(self._find_members())
        group = token.lemma_.lower()
        return tuple(_unique(m for at, kind, m, _ in self._membership if at <= token.i and kind == group))

    def groups(self) -> tuple[Group, ...]:
        """The travelling groups the article names members of, each with the country it names
        for the group ("a Chinese delegation", "a delegation from Chad"), if any."""
        if self._membership is None:
            self._membership = list(self._find_members())
        members: dict[int, list[Mention]] = defaultdict(list)
        for _, _, mention, group in self._membership:
            members[group].append(mention)
        return tuple(Group(tuple(_unique(people)), self._group_country(self.doc[group]))
                     for group, people in sorted(members.items()))

    def _group_country(self, group: Token) -> str:
        """The country the text names for a group: "a Chinese delegation", "a delegation from Chad"."""
        words = [c for c in group.children if c.dep_ in {"amod", "compound", "nmod"}]
        for word in words + _objects(group, {"from"}):
            mention = self.found.mention_at(word.i)
            if mention is not None and mention.kind is EntityKind.COUNTRY:
                return mention.key
        return ""

    def _find_members(self) -> Iterator[tuple[int, str, Mention, int]]:
        """Who the article says is in a travelling group, with where it says so: the owner of
        "his delegation", who leads it ("a delegation led by X", "X headed the delegation"),
        who it includes ("a delegation including X", "its members included X, Y and Z"), and
        who is named with its members ("X and the other members of his delegation"); and the
        token of the group word they are members of."""
        words = self.lexicon
        group, group_at = "", 0
        # Nothing is a member before the first group word: start there (most articles have none,
        # which the lemmas' ids tell without making a Token of each word).
        lemmas = self.doc.to_array(LEMMA).tolist()
        strings = self.doc.vocab.strings
        groups = {h for h in set(lemmas) if strings[h].lower() in words.group_words}
        first = next((i for i, h in enumerate(lemmas) if h in groups), len(lemmas))
        for token in self.doc[first:]:
            lemma = token.lemma_.lower()
            named: list[Token] = []
            if lemma in words.group_words:
                group, group_at = lemma, token.i
                named += [c for c in token.children if c.dep_ == "poss"]
                named += _objects(token, words.include_words)
                # "a team of officials including X"
                named += [g for o in _objects(token, {"of"}) for g in _objects(o, words.include_words)]
                for verb in token.children:
                    if verb.dep_ == "acl" and verb.lemma_.lower() in words.lead_words:
                        named += [g for c in verb.children if c.dep_ == "agent" for g in c.children]
                if token.dep_ == "dobj" and token.head.lemma_.lower() in words.lead_words:
                    named += self._subjects(token.head)
                member = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
                if member is not None and member.lemma_.lower() in words.member_words:
                    named += [c for c in member.conjuncts if c.lemma_.lower() not in words.member_words]
            if (lemma in words.group_words or lemma in words.member_words) and token.dep_ in _SUBJECTS and (
                token.head.lemma_.lower() in words.include_words
            ):
                named += [c for c in token.head.children if c.dep_ in {"dobj", "attr"}]
            # "Admiral A, an agency's Administrator B, and General C": a person set beside an
            # item of the list is in it too.
            named += [a for t in list(named) for c in (t, *t.conjuncts) for a in c.children
                      if a.dep_ == "appos"]
            for _, mention in self._actors(named):
                if mention.kind is EntityKind.PERSON and group:
                    yield token.i, group, mention, group_at

    def _the_two(self, token: Token) -> bool:
        """Whether ``token`` heads "the two leaders", "both ministers", "both men" or "the pair":
        a pair of people ("the two sides" may be countries; "the leaders" may be more than two)."""
        words = {c.lower_ for c in token.children if c.dep_ in {"nummod", "det", "predet"}}
        if token.lower_ in _PAIR_NOUNS:
            return "the" in words
        people = token.lemma_.lower() in self.titles or token.lemma_.lower() in _PEOPLE_NOUNS
        return token.tag_ in {"NNS", "NNPS"} and people and bool(words & {"two", "both"})

    def _speaker(self, token: Token) -> Mention | None:
        """The actor an "it"/"they" subject of a reported clause stands for: the subject of
        the reporting verb ("Hungary has said it will support...")."""
        clause = token.head
        if token.dep_ not in _SUBJECTS or clause.dep_ != "ccomp":
            return None
        for subject in (c for c in clause.head.children if c.dep_ in _SUBJECTS):
            if subject.lower_ not in _BODY_PRONOUNS:
                return self.actor(subject)
        return None

    def _antecedent(self, token: Token) -> Mention | None:
        """The last person who was a subject before ``token`` (within three sentences), a bare
        title ("the president") standing for its holder."""
        first_sentence = token.sent.start
        sentences_back = 0
        sent = token.sent
        fallback = None
        for index in range(len(self.found.spans) - 1, -1, -1):
            span = self.found.spans[index]
            if span.start >= token.i:
                continue
            if span.sent.start != sent.start:
                sent = span.sent
                sentences_back += 1
                if sentences_back > 3:
                    break
            mention = self.found.mentions[index]
            if mention is not None and mention.kind is EntityKind.OFFICE:
                # "The president spent a day in Japan. He met...": a bare title is its holder.
                claim = self.claims.get((mention.start, mention.end))
                referential = claim is not None and claim.person is not None and (
                    claim.person.label is MentionRole.TITLE_REF
                )
                mention = self._holder(claim) if claim is not None and referential else None
            if mention is None or mention.kind is not EntityKind.PERSON:
                continue
            if span.root.dep_ in _SUBJECTS:
                return mention
            if fallback is None and span.start >= first_sentence:
                fallback = mention
        return fallback

    def _actors(self, tokens: Iterable[Token]) -> list[tuple[Token, Mention]]:
        out: list[tuple[Token, Mention]] = []
        for token in tokens:
            for head in (token, *token.conjuncts, *self._listed_beside(token)):
                together = self._pair(head) or self._members(head)
                if together:
                    out.extend((head, m) for m in together)
                    continue
                mention = self.actor(head)
                own = self.found.mention_at(head.i)
                title = own is not None and own.kind is EntityKind.OFFICE
                named = self._actors(_named_after(head)) if title else []
                owners = self._owners_listed(head) if title or head.lemma_.lower() in self.titles else []
                if named:
                    # "their counterparts, Foreign Minister A and Defense Minister B": the
                    # people named after a title stand for it (not its country).
                    out.extend(named)
                elif owners:
                    out.extend(owners)
                elif mention is not None:
                    out.append((head, self._holder_within(head, mention) or mention))
        return out

    def _owners_listed(self, head: Token) -> list[tuple[Token, Mention]]:
        """"The presidents of Brazil, Colombia and Mexico": officials in the plural, of a list of
        countries or bodies, stand for each of them, as the officials of one stand for it
        (:meth:`actor`)."""
        if head.tag_ not in {"NNS", "NNPS"}:
            return []
        out = []
        for owner in _objects(head, {"of"}):
            for token in (owner, *owner.conjuncts):
                inner = self.actor(token)
                if inner is not None and inner.kind is not EntityKind.PERSON:
                    out.append((token, inner))
        return out if len(out) > 1 else []

    def _holder_within(self, head: Token, owner: Mention) -> Mention | None:
        """"including the Agency for Development administrator Jane Roe": the parser heads the
        phrase by the body; the person the phrase names, holder of the body's title, is meant."""
        if owner.kind not in {EntityKind.ORGANIZATION, EntityKind.COUNTRY}:
            return None
        within = {t.i for t in head.subtree}
        offset = self.found.offset
        for claim in self.claims.values():
            person = claim.person
            if claim.owner != owner or person is None or person.label is MentionRole.TITLE_REF:
                continue
            words = self.doc.char_span(person.start - offset, person.end - offset)
            if words is not None and all(t.i in within for t in words):
                return person
        return None
        within = {t.i for t in head.subtree}
        for claim in self.claims.values():
            person = claim.person
            if claim.owner == owner and person is not None and person.label is not MentionRole.TITLE_REF:
                index = self.found.span_at(head.i)
                words = self.found.spans[index] if index >= 0 else None
                if words is not None and all(i in within for i in self._token_range(person)):
                    return person
        return None

    def _listed_beside(self, token: Token) -> list[Token]:
        """"Prime Minister A of X, President B of Y and Vice President C meet": the other people of
        a list of names, titles and countries that runs from a subject up to its verb, or from
        a verb or preposition up to its object ("met with President A and Defense Minister B"),
        however the parser hangs them (a person is no description of another)."""
        own = self.found.mention_at(token.i)
        if own is None or own.kind is not EntityKind.PERSON:
            return []
        head = token.head
        if token.dep_ in _SUBJECTS and head.i > token.i:
            words = self.doc[token.i + 1 : head.i]
        elif token.dep_ in {"pobj", "dobj"} and head.i < token.i:
            words = self.doc[head.i + 1 : token.i]
        else:
            return []
        out: list[Token] = []
        last = own
        for word in words:
            if word.head == head and word.dep_ in {"aux", "auxpass", "neg", "advmod"}:
                break
            mention = self.found.mention_at(word.i)
            if mention is None:
                if word.lower_ not in _LIST_GLUE:
                    return []
            elif mention.kind is EntityKind.PERSON:
                if mention != last:
                    out.append(word)
                last = mention
            elif mention.kind is EntityKind.ORGANIZATION:
                # "European Commission President C": a body that owns the title after it.
                end = self.found.spans[self.found.span_at(word.i)].end
                after = self.found.mention_at(end) if end < words.end else None
                if after is None or after.kind is not EntityKind.OFFICE:
                    return []
            elif mention.kind not in {EntityKind.COUNTRY, EntityKind.OFFICE}:
                return []
        return out

    @staticmethod
    def _governor(token: Token) -> Token:
        """The verb a noun trigger depends on ("held talks", "at odds")."""
        head = token
        for _ in range(5):
            if head.dep_ == "ROOT" or head.head == head:
                return head
            head = head.head
            if head.pos_ in {"VERB", "AUX"}:
                return head
        return head

    def _holds(self, trigger: Token, verb: Token) -> bool:
        """Whether the subject of ``verb`` takes part in the event a noun trigger names: the
        noun is the verb's own argument ("held talks", "during a meeting") or a part of one
        ("a round of talks"), not what another noun is about ("took a tone in a readout of
        the call with X": no call of the subject's), nor what the subject calls the event
        ("in what X called pre-negotiation talks": the noun is an object predicate)."""
        if trigger.dep_ == "oprd":
            return False
        child, head = trigger, trigger.head
        while head != verb and head.head != head:
            embedded = child.dep_ == "pobj" and head.dep_ == "prep"
            if embedded and head.head.pos_ in {"NOUN", "PROPN"} and (
                head.head.lemma_.lower() not in self.lexicon.part_words
            ):
                return False
            child, head = head, head.head
        return True

    def _subjects(self, verb: Token) -> list[Token]:
        """Who does what ``verb`` says: its subject, else that of the verb it depends on
        ("plans to meet", "arrived and met"), through a relative clause to the noun it
        describes ("X, who met Y") or, when that noun is no actor, on to whoever holds it ("is
        in Y for a stay that includes talks with Z"). When the parser gives no subject at all,
        the actor named right before the verb ("Under Secretary X will also meet...")."""
        head = verb
        for _ in range(6):
            # A relative pronoun ("that", "who") is no subject of its own: the noun it stands for is.
            subjects = [c for c in head.children if c.dep_ in _SUBJECTS and c.tag_ not in {"WDT", "WP"}]
            if subjects:
                return subjects
            if head.dep_ == "relcl":
                described = head.head
                if self.actor(described) is not None:
                    return [described]
                owners = [c for c in described.children if c.dep_ == "poss"]
                if owners:
                    return owners
                head = described
                continue
            coordinated = head.dep_ == "dep" and head.pos_ == "VERB" and head.head.pos_ == "VERB"
            if (head.dep_ not in _CLIMB and not coordinated) or head.head == head:
                break
            controller = self._controller(head)
            if controller is not None:
                return controller
            head = head.head
        return self._named_before(verb)

    def _controller(self, clause: Token) -> list[Token] | None:
        """Who does what an infinitive says when the verb above it has an object that does it
        ("urged X to meet Y", "invited him to visit": X, him; ``control`` words of
        ``event_words.tsv``), through coordinated infinitives ("to show restraint and resolve");
        an empty list when that object is no actor ("urged both sides to..."), None when the
        verb above is none of those."""
        while clause.dep_ == "conj" and clause.head != clause:
            clause = clause.head
        verb = clause.head
        if clause.dep_ != "xcomp" or verb.lemma_.lower() not in self.lexicon.control_words:
            return None
        objects = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
        if not objects:
            return None
        return [o for o in objects if self.actor(o) is not None]

    def _named_before(self, verb: Token) -> list[Token]:
        """The actor whose name ends right before ``verb`` and its auxiliaries and adverbs."""
        i = verb.i - 1
        while i >= verb.sent.start and self.doc[i].dep_ in {"aux", "auxpass", "advmod", "neg"}:
            i -= 1
        if i < verb.sent.start or verb.pos_ not in {"VERB", "AUX"}:
            return []
        index = self.found.span_at(i)
        mention = self.found.mentions[index] if index >= 0 else None
        if mention is None or mention.kind is not EntityKind.PERSON or self.found.spans[index].end != i + 1:
            return []
        return [self.doc[i]]

    def _partners(self, token: Token, topic_object: bool = False) -> list[Token]:
        """Who else takes part in the event of ``token``: its objects (unless the object is
        what is talked about, ``topic_object``: "discussed trade with X"), "with"/"between"
        phrases, owners and compounds of a noun ("Lin's visit"), partners coordinated with a noun."""
        out = []
        for child in token.children:
            if child.dep_ in {"dobj", "dative"}:
                # "received a delegation from X", "discussed trade with X": the parser hangs
                # the partner on the object.
                if not topic_object:
                    out.append(child)
                out.extend(_objects(child, {"from", "with"}))
            elif (child.dep_ == "prep" and child.lower_ in _PARTNER_PREPS) or child.dep_ == "agent":
                # "met with X", and the passive's "was greeted by X"
                out.extend(g for g in child.children if g.dep_ == "pobj")
            elif child.dep_ in {"poss", "compound", "nmod"} and token.pos_ in {"NOUN", "PROPN"}:
                out.append(child)
            elif child.dep_ == "appos" and token.pos_ in {"NOUN", "PROPN"}:
                # "held talks with their counterparts, A and B": the parser may hang the
                # names on the talks.
                out.append(child)
            elif child.dep_ == "conj" and token.pos_ in {"NOUN", "PROPN"} and self.trigger(child) is None:
                # "talks with X, as well as China's top diplomat Y and Z": the parser
                # coordinates the later partners with the talks, not with X.
                out.append(child)
                out.extend(g for g in child.children if g.dep_ == "appos")
        out.extend(self._through_medium(token))
        if token.pos_ in {"NOUN", "PROPN"}:
            out.extend(g for g in _after(token, _PARTNER_PREPS) if g.head.head != token)
        if token.pos_ in {"NOUN", "PROPN"}:
            out.extend(self._named_right_after(token))
        if not out and token.pos_ in {"NOUN", "PROPN"}:
            out.extend(self._possessors(token))
        return out

    def _named_right_after(self, trigger: Token) -> list[Token]:
        """"his meeting Chilean President X": the person named right after a noun trigger, with
        only their country and title between, when the parser has hung them elsewhere (the
        "with" of "his meeting with X" left out)."""
        i = trigger.i + 1
        while i < trigger.sent.end:
            mention = self.found.mention_at(i)
            if mention is None:
                return []
            if mention.kind is EntityKind.PERSON:
                return [self.doc[i]]
            if mention.kind not in {EntityKind.COUNTRY, EntityKind.OFFICE}:
                return []
            i += 1
        return []

    def _through_medium(self, token: Token) -> list[Token]:
        """"spoke by phone with X": the partner the parser hangs on the medium."""
        return [p for g in _objects(token, _MEDIUM_PREPS) if g.lower_ in self.lexicon.phone_words
                for p in _objects(g, {"with"})]

    def _possessors(self, trigger: Token) -> list[Token]:
        """"X and Y's meet": the owners written just before a noun trigger, when the parser
        has not attached them to it."""
        i = trigger.i - 1
        while i > trigger.sent.start and self.doc[i].pos_ in {"ADJ", "ADV"}:
            i -= 1
        if i <= trigger.sent.start or self.doc[i].tag_ != "POS":
            return []
        owner = self.doc[i - 1]
        if owner.i in {c.i for c in trigger.children} or self.actor(owner) is None:
            return []
        return [owner]

    # -- where, when, whether -----------------------------------------------------------

    def _place(self, token: Token) -> Mention | None:
        """The place ``token`` names: a place or country, or the country of a locale named by
        its country ("the Indian capital", "a Chinese port")."""
        mention = self.found.mention_at(token.i)
        if mention is not None and mention.kind in {EntityKind.PLACE, EntityKind.COUNTRY}:
            return mention
        if mention is None or (mention.label is MentionRole.NAME and mention.locative):
            # "in Varnholm, Chad" with a town kg does not know: what it knows is the country.
            for child in token.children:
                inner = self.found.mention_at(child.i) if child.dep_ in {"appos", "conj"} else None
                beside = token.i + 1 < len(self.doc) and self.doc[token.i + 1].text == ","
                if inner is not None and inner.kind is EntityKind.COUNTRY and beside:
                    return inner
        if mention is None and token.lemma_.lower() in self.lexicon.locale_words:
            for child in token.children:
                inner = self.found.mention_at(child.i) if child.dep_ in {"amod", "compound", "poss"} else None
                if inner is not None and inner.kind is EntityKind.COUNTRY:
                    return inner
        return None

    def _near(self, roots: Iterable[Token], depth: int = 3, setting: bool = False,
              avoid: Token | None = None) -> Iterator[Token]:
        """Tokens below ``roots`` in the parse, nearest first, not entering other clauses.

        ``depth`` counts the words stepped through, less prepositions: a chain of
        phrases ("on the sidelines of a summit in Bali") is as near as its nouns. With
        ``setting``, only the event's own setting is searched: not what it is about ("spoke
        about the war in X", "discussed the situation in X") nor what it was for ("met to
        discuss the talks in Y"). Other
        events' words are not entered, unless ``avoid`` is given: then ``roots`` is a
        predicate coordinated with the event's own (``avoid``, whose words are not entered),
        and the date or place they share may hang on any word of it.
        """
        frontier = list(roots)
        seen = {t.i for t in frontier}
        if avoid is not None:
            seen |= {t.i for t in avoid.subtree} - {t.i for r in frontier for t in r.subtree}
        for _ in range(depth):
            nxt: list[Token] = []
            layer = list(frontier)
            while layer:
                token = layer.pop(0)
                for child in token.children:
                    if child.i in seen or child.dep_ in {"relcl", "ccomp", "advcl", "parataxis"}:
                        continue
                    if setting and (child.dep_ == "xcomp" or (
                        child.dep_ == "prep" and child.lower_ in _TOPIC_PREPS
                    ) or (child.dep_ == "dobj" and self._talked_about(token))):
                        continue
                    if avoid is None and self.trigger(child) is not None:
                        # Another event's words describe that event, not this one.
                        continue
                    seen.add(child.i)
                    yield child
                    (layer if child.dep_ == "prep" else nxt).append(child)
            frontier = nxt

    def _where(self, roots: list[Token], exclude: set[str]) -> Mention | None:
        for root in roots:
            # "flew to Lima, where she met X": the clause hangs below the place it is in.
            if root.dep_ == "relcl" and any(c.lower_ == "where" for c in root.children):
                place = self._place(root.head)
                if place is not None and place.key not in exclude:
                    return place
        for token in self._near(roots, 6, setting=True):
            if token.dep_ == "pobj" and token.head.lower_ in _PLACE_PREPS:
                place = self._place(token) or self._named_venue(token)
            elif token.dep_ == "compound" and _phrase_head(token).lower_ in self.lexicon.gatherings:
                # "on the sidelines of the Munich Security Conference": the venue's city.
                place = self._place(token)
            else:
                continue
            if place is not None and place.key not in exclude:
                return place
        return None

    def _named_venue(self, token: Token) -> Mention | None:
        """The place named in the noun a preposition governs ("at the Lakeside retreat", "to
        Varnholm Sunday"): a city or venue compounded into it. Not a country ("a look at
        Varnland relief efforts" is about the country, not held in it)."""
        for child in token.children:
            mention = self.found.mention_at(child.i) if child.dep_ == "compound" else None
            if mention is not None and mention.kind is EntityKind.PLACE:
                return mention
        return None

    def _destination(self, trigger: Token, roots: list[Token]) -> Mention | None:
        """Where a journey goes: the first place after "to"/"in"/"for", or the verb's place object."""
        found = self._destinations(trigger, roots)
        return found[0][1] if found else None

    def _journey_onward(self, token: Token, trigger: Token) -> bool:
        """Whether ``token`` is where a journey other than ``trigger``'s own goes ("before flying
        to Z"): the object of a destination preposition of another visit verb."""
        if token.dep_ != "pobj" or token.head.lower_ not in _DESTINATION_PREPS:
            return False
        verb = token.head.head
        rule = self.trigger(verb)
        return verb != trigger and rule is not None and rule.kind is EventKind.VISIT and rule.pos == "VERB"

    def _journey_purpose(self, trigger: Token) -> bool:
        """Whether a noun trigger is what a journey is for ("arrived in X for talks with Y"; not
        "arrived for a state visit", which is the journey itself)."""
        if trigger.pos_ not in {"NOUN", "PROPN"} or trigger.dep_ != "pobj" or trigger.head.lower_ != "for":
            return False
        own = self.trigger(trigger)
        if own is None or own.kind is EventKind.VISIT:
            return False
        rule = self.trigger(trigger.head.head)
        return rule is not None and rule.kind is EventKind.VISIT and rule.pos == "VERB"

    def _journey(self, trigger: Token) -> list[Token]:
        """The words that say where a journey goes: the trigger's, and for a group someone leads,
        the leading verb's ("led a delegation to X")."""
        lead = trigger.head
        if (trigger.lemma_.lower() in self.lexicon.group_words and trigger.dep_ == "dobj"
                and lead.lemma_.lower() in self.lexicon.lead_words):
            return [trigger, lead]
        return [trigger]

    def _destinations(self, trigger: Token, roots: list[Token]) -> list[tuple[Token, Mention]]:
        """Every place a journey goes to: the first (:meth:`_destination`) and the places
        listed with it ("will travel to A, B and C", "a trip to A, B and C"), in text order."""
        for token in self._near(roots, 2):
            to_place = token.dep_ == "pobj" and token.head.lower_ in _DESTINATION_PREPS
            if to_place or (token.dep_ in {"dobj", "compound", "npadvmod"} and token.head == trigger):
                place = self._place(token) or (self._named_venue(token) if to_place else None)
                if place is not None:
                    place = self._narrowed(token, place)
                    # "visited A on June 29, and B June 29-30": the parser may coordinate B
                    # with the verb.
                    later = [c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
                    listed = [(t, self._place(t)) for t in (*token.conjuncts, *later)]
                    return [(token, place), *((t, m) for t, m in listed if m is not None)]
        return []

    def _narrowed(self, token: Token, place: Mention) -> Mention:
        """The city a country named at ``token`` is narrowed to ("a trip to Varnland in its
        capital"), else ``place``: a place in that country after "in"."""
        if place.kind is not EntityKind.COUNTRY:
            return place
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "in"):
            for inner in (self._place(g) for g in prep.children if g.dep_ == "pobj"):
                if inner is not None and inner.kind is EntityKind.PLACE and inner.country == place.key:
                    return inner
        return place

    def _own_date(self, head: Token, tense: Tense) -> TemporalValue | None:
        """The date a listed item gives itself ("Honiara on June 29, and Port Moresby June 29-30")."""
        beside = [head, *(c for c in head.children if c.dep_ == "appos")]  # "Port Moresby, PNG June 29-30"
        near = [c for t in beside for c in t.children if c.dep_ in {"npadvmod", "prep"}]
        near += [g for c in near if c.dep_ == "prep" for g in c.children]
        return self._when([head], tense, near=near) if any(t.ent_type_ == "DATE" for t in near) else None

    # -- whereabouts --------------------------------------------------------------------

    def _paragraph(self, i: int) -> int:
        return bisect_right(self._paragraph_starts, self.doc[i].idx)

    def _one_place(self, token: Token) -> Mention | None:
        """The place ``token`` names, unless it is one of a list of places in two countries."""
        place = self._place(token)
        others = (self._place(t) for t in token.conjuncts)
        keys = {_country_key(p) for p in (place, *others) if p is not None}
        return self._narrowed(token, place) if place is not None and len(keys) == 1 else None

    def _said_to_be(self, at: Token, place: Mention | None, people: Iterable[Mention],
                    date: TemporalValue | None = None, arrival: bool = False) -> None:
        """Note that the text puts ``people`` at ``place`` (None: in two countries at once), by
        their last names and the first words of their full names ("Tan Wen" is "Tan" later on)."""
        people = list(people)
        names = _last_names(people, self.found.knowledge.name_words.name_suffixes) | {
            words[0] for m in people if m.kind is EntityKind.PERSON
            for words in [m.text.lower().split()] if len(words) > 1
        }
        if names:
            self._whereabouts[self._paragraph(at.i)].append(_Whereabouts(at.i, place, names, date, arrival))

    def _presence(self) -> None:
        """Note each "While in X, S..." (a presence cue right before a place): S is at X."""
        for index, span in enumerate(self.found.spans):
            mention = self.found.mentions[index]
            if mention is None or mention.kind not in {EntityKind.PLACE, EntityKind.COUNTRY}:
                continue
            before = self.found.text[span.sent.start_char : span.start_char]
            if not self.cues.ends_with_presence(before):
                continue
            clause = span.root.head
            while clause.pos_ not in {"VERB", "AUX"} and clause.head != clause:
                clause = clause.head
            people = [m for _, m in self._actors(self._subjects(clause)) if m.kind is EntityKind.PERSON]
            self._said_to_be(span.root, self._one_place(span.root), people)

    def _context_place(self, trigger: Token, actors: Iterable[Mention],
                       date: TemporalValue | None, trip: bool = False) -> Mention | None:
        """Where the paragraph last put one of ``actors`` before ``trigger``: "X arrived in
        Y. He met Z." is a meeting in Y; else, with ``trip`` (a meeting that took place, not
        one yet to come), where the article put them, when all it said before puts them in
        one country. Not when the meeting is dated at another time than that stay ("met Z
        last week"), nor when its sentence names a place in another country ("talks in the
        North", "chose W for the next meeting")."""
        names = _last_names(actors, self.found.knowledge.name_words.name_suffixes)
        paragraph = self._whereabouts.get(self._paragraph(trigger.i), [])
        said = [w for w in paragraph if w.at < trigger.i and w.names & names]
        if not said and trip:
            # Else the one trip the article has told of them so far ("began her trip to X.
            # ... She then met Y."): not when it has put them in two countries.
            said = [w for stays in self._whereabouts.values() for w in stays
                    if w.at < trigger.i and w.names & names]
            if len({None if w.place is None else _country_key(w.place) for w in said}) != 1:
                return None
        if not said:
            return None
        stay = max(said, key=lambda w: w.at)
        if stay.place is None:
            return None
        if stay.dated_apart(date):
            return None
        here = _country_key(stay.place)
        # A country that only modifies a noun ("the Varnland-Roskia dialogue") names a party,
        # not a place; nor is where a journey starts ("a delegation from Varnland") a place of
        # it, nor where the next one goes ("will meet Y before flying to Z").
        for token in (t for t in trigger.sent if t.dep_ not in _MODIFIER_DEPS
                      and not _from(t) and not self._journey_onward(t, trigger)):
            elsewhere = self._place(token)
            if elsewhere is not None and _country_key(elsewhere) != here:
                return None
        return stay.place

    def _date_phrases(self, roots: list[Token], within: range | None = None,
                      near: Iterable[Token] | None = None) -> list[Span]:
        """The date phrases of the event at ``roots`` (the trigger, then the verb a noun
        trigger depends on), nearest first. Below the verb only its setting is searched ("his
        visit was to build on the January talks" is not dated January). A date that is only a
        reference point ("the first visit since 2019", "before May") dates nothing."""
        if near is None:
            trigger, *governors = roots
            # "talks with X and a planned address on Wednesday": what is coordinated with the
            # trigger and is no one's name is another thing, with its own date.
            others = {t.i for c in trigger.children if c.dep_ == "conj" and self.actor(c) is None
                      for t in c.subtree}
            near = (*roots, *(t for t in self._near([trigger], 6) if t.i not in others),
                    *(t for g in governors for t in self._near([g], 6, setting=True)))
        spans = []
        for token in near:
            if token.ent_type_ in _TIME_ENTS and (within is None or token.i in within):
                ent = self._entity_at.get(token.i)
                if ent is not None and ent not in spans and not self._reference_point(ent):
                    spans.append(ent)
        spans.sort(key=lambda s: min(abs(s.start - r.i) for r in roots))
        return spans

    @staticmethod
    def _reference_point(span: Span) -> bool:
        """Whether a date phrase is the object of "since", "until", "before"...: a time the
        event is measured from, not its own."""
        head = span.root.head
        return span.root.dep_ == "pobj" and head.lower_ in _REFERENCE_PREPS

    def _when(self, roots: list[Token], tense: Tense, within: range | None = None,
              near: Iterable[Token] | None = None) -> TemporalValue | None:
        published = self.found.article.published
        for span in self._date_phrases(roots, within, near):
            offset = self.found.offset
            text = self.found.article.text[span.start_char + offset : span.end_char + offset]
            # "Sunday (June 18)": the parenthesised day is part of the phrase.
            nxt = self.doc[span.end : span.end + 4].text
            if nxt.startswith("(") and ")" in nxt:
                text = f"{text} {nxt}"
            value = resolve_date(text, published, tense)
            if value is not None:
                return value
        return None

    def _dated(self, roots: list[Token], tense: Tense, status: Status,
               kind: EventKind) -> TemporalValue | None:
        """When the event at ``roots`` (the trigger, then a noun trigger's verb) took place: its
        own date phrase; else that of a predicate it shares its subject with (:meth:`_linked`);
        else, for an event that happened, the time the article tells it in (:meth:`_news_time`)."""
        verb = roots[-1]
        date = self._when(roots, tense) or self._then(verb)
        for linked in self._linked(verb):
            if date is None:
                date = self._when([linked], tense, near=self._near([linked], 6, setting=True, avoid=verb))
        if date is None and status is Status.OCCURRED:
            date = self._news_time(roots[0], verb, kind)
        return date

    def _linked(self, verb: Token) -> list[Token]:
        """The predicates whose date and place an event's verb shares: verbs coordinated with
        it under one subject ("arrived Thursday in X and met Y", "met X and held talks with Y,
        June 1 in Z"), and the journey it is the purpose of ("will fly to X Saturday to meet Y")."""
        out = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}
               and not any(g.dep_ in _SUBJECTS for g in c.children)]
        head = verb.head
        if verb.dep_ == "conj" and head.pos_ in {"VERB", "AUX"} and not any(
            c.dep_ in _SUBJECTS for c in verb.children
        ):
            out.append(head)
        if verb.dep_ == "relcl" and any(c.lower_ in _RELATIVE_ADVERBS for c in verb.children):
            # "began her trip in X, where she was greeted by Y": the clause of the place.
            out.append(self._governor(head))
        if verb.dep_ in {"xcomp", "advcl"} and any(c.dep_ == "aux" and c.lower_ == "to"
                                                   for c in verb.children):
            rule = self.trigger(head)
            if rule is not None and rule.kind is EventKind.VISIT:
                out.append(head)
        return out

    def _linked_place(self, verb: Token, exclude: set[str]) -> Mention | None:
        """The place of a predicate linked to the event's verb (:meth:`_linked`): where one
        arrived or flew to, or the setting of a coordinated verb."""
        for linked in self._linked(verb):
            rule = self.trigger(linked)
            place = (self._destination(linked, [linked]) if rule is not None and rule.kind is EventKind.VISIT
                     else self._where([linked], exclude))
            if place is not None and place.key not in exclude:
                return place
        return None

    def _news_time(self, trigger: Token, verb: Token, kind: EventKind) -> TemporalValue | None:
        """The time of the article's own telling, for an event that happened and that no
        date phrase dates: news tells what is new. Told in the present or the present
        perfect ("is in X for talks", "has met Y") or as just done ("we just concluded a
        session"), it is the publication day; told in the past ("met Y"), the publication
        month, as is a noun of what is over ("is back from his trip"). Nothing when words on
        the verb or the noun say it is habitual or from before ("meet regularly", "had met",
        "his last visit"), and nothing without a publication date."""
        published = self.found.article.published
        if published is None:
            return None
        words = {c.lower_ for t in (trigger, verb) for c in t.children if c.dep_ in _TIME_WORD_DEPS}
        if words & self.lexicon.undated_words:
            return None
        aux = _auxiliaries(verb)
        passive = verb != trigger and any(c.dep_ == "auxpass" for c in verb.children)
        if aux & {"had", "'d", "\u2019d"} or passive:
            # "had met": before the story's past. "the visit has been confirmed": the news is
            # what was done to the event, not the event.
            return None
        # "released early to coincide with his arrival": the tense is the finite verb's.
        finite = verb
        for _ in range(6):
            non_finite = finite.pos_ == "ADP" or (finite.tag_ in {"VB", "VBG"} and not _auxiliaries(finite))
            if not non_finite or finite.head == finite:
                break
            if finite.dep_ not in {"xcomp", "advcl", "pcomp", "conj", "prep", "pobj", "acl"}:
                break
            finite = finite.head
        aux = _auxiliaries(finite)
        if aux & {"had", "'d", "\u2019d"}:
            return None
        month = TemporalValue(published.replace(day=1), TemporalPrecision.MONTH)
        if self._in_headline(trigger):
            # A headline's present is the news of the last days ("X holds talks with Y"), not its day.
            return month
        over = trigger.dep_ == "pobj" and trigger.head.lower_ in _OVER_PREPS
        present = finite.tag_ in {"VBZ", "VBP"} or bool(aux & _PRESENT_AUX)
        if not over and (present or words & self.lexicon.recent_words):
            # A visit lasts days: the publication day lies in it but is not its date.
            return month if kind is EventKind.VISIT else TemporalValue(published, TemporalPrecision.DAY)
        if over or finite.tag_ in {"VBD", "VBN"} or aux & {"was", "were", "did"}:
            return month
        return None

    def _in_headline(self, token: Token) -> bool:
        """Whether ``token`` stands on the article's first line, and it does not end like a sentence."""
        text = self.found.text
        if self.found.offset or text[: token.idx].strip().count("\n"):
            return False
        return in_unfinished_line(text, token.idx, token.idx + len(token))

    def _tense(self, verb: Token) -> Tense:
        """FUTURE on "will"; else PAST on a past verb up the chain ("postponed plans to
        visit"); else FUTURE on a plan word ("scheduled to"); else PRESENT."""
        head = verb
        past = planned = False
        for _ in range(4):
            aux = {c.lower_ for c in head.children if c.dep_ in {"aux", "auxpass"}}
            if aux & _FUTURE_AUX:
                return Tense.FUTURE
            if head.tag_ in {"VBD", "VBN"} or aux & {"had", "has", "have", "was", "were", "did"}:
                past = True
            if head.lemma_.lower() in self.lexicon.plan_verbs:
                planned = True
            if head.dep_ not in _CLIMB or head.head == head:
                break
            head = head.head
        if past:
            return Tense.PAST
        return Tense.FUTURE if planned else Tense.PRESENT

    def cue(self, token: Token) -> Status | None:
        """The status a single word signals, by lemma or by form ("’ll" is "'ll")."""
        words = self.lexicon.status_words
        return words.get(token.lemma_.lower().replace("’", "'")) or words.get(
            token.lower_.replace("’", "'")
        )

    def _phrasal_cue(self, token: Token) -> Status | None:
        """The status a verb and its particle signal together ("look forward" to meeting,
        "called off" the visit), by the verb's lemma."""
        for child in token.children:
            if child.dep_ in {"prt", "advmod"}:
                status = self._phrasal.get(f"{token.lemma_.lower()} {child.lower_}")
                if status is not None:
                    return status
        return None

    def _status(self, trigger: Token, segment: Iterable[Token] = ()) -> Status:
        sent = trigger.sent
        found: set[Status] = set()
        chain = [trigger]
        for ancestor in list(trigger.ancestors)[:6]:
            if chain[-1].dep_ == "relcl":
                break  # "X, who arrived on Monday, is expected to...": the clause has its own time
            if ancestor.dep_ == "prep" and (ancestor.lower_ in _TEMPORAL_PREPS | _SOURCE_PREPS or (
                ancestor.lower_ in _SETTING_PREPS and self.cue(ancestor.head) is not None
            )):
                # "hoped to meet again after their meeting in November": the earlier
                # meeting is not hedged by the hope; nor are "the talks" where they agreed.
                break
            chain.append(ancestor)
        # "the upcoming G-20 meetings": the adjectives before a noun cue it too.
        modifiers = [a for left in trigger.lefts for a in left.subtree if a.dep_ == "amod"]
        found.update(c for c in map(self.cue, modifiers) if c is not None)
        for at, token in enumerate(chain):
            status = self.cue(token) or self._phrasal_cue(token)
            if token.lemma_ == "be" and at and chain[at - 1].dep_ == "xcomp" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in chain[at - 1].children
            ):
                status = Status.PLANNED  # "X is to visit Y": an arrangement
            if status in {Status.POSTPONED, Status.CANCELLED, Status.DECLINED} and token != trigger:
                return status
            for child in token.children:
                if child.dep_ in {"aux", "advmod", "auxpass"}:
                    cue = self.cue(child)
                    if cue is Status.POSSIBLE and child.lower_ == "would" and self._reported(token):
                        cue = Status.PLANNED  # "said he would meet X": the future as it was said
                    if cue is not None:
                        found.add(cue)
            if token != trigger and status is not None:
                found.add(status)
        for token in segment:
            cue = self.cue(token)
            if cue in {Status.POSSIBLE}:
                found.add(cue)
        window = []
        for token in sent[trigger.i - sent.start + 1 :]:
            if self.trigger(token) is not None:
                break
            window.append(token)
        text = " ".join(t.lower_ for t in self._clause(trigger)) + " | " + " ".join(t.lower_ for t in window)
        for phrase, status in self.lexicon.status_phrases:
            if phrase in text:
                found.add(status)
        if sent.text.rstrip().endswith("?"):
            found.add(Status.POSSIBLE)
        if self._journey_purpose(trigger):
            found.add(Status.PLANNED)
        for status in (Status.POSSIBLE, Status.PLANNED):
            if status in found:
                return status
        return Status.OCCURRED

    def _reported(self, verb: Token) -> bool:
        """Whether ``verb``'s clause is what a verb of saying in the past reports ("said he would...")."""
        head = verb.head
        said = head.tag_ == "VBD" and head.lemma_.lower() in self.lexicon.report_words
        return verb.dep_ == "ccomp" and said

    def _settled(self, status: Status, date: TemporalValue | None) -> Status:
        """A plan dated wholly before the article was published is a past event ("the trip was
        scheduled during their meet last year": the meet is not scheduled); an event dated
        wholly after it has not taken place yet, whatever the words ("intends to travel there
        in May", in April's news)."""
        published = self.found.article.published
        if date is None or not published:
            return status
        if status is Status.PLANNED and date.ends_before(published):
            return Status.OCCURRED
        if status is Status.OCCURRED and date.begins_after(published):
            return Status.PLANNED
        return status

    def _clause(self, trigger: Token) -> list[Token]:
        """The words of the trigger's own clause: its governing verb's subtree, less
        the clauses joined to it ("X was meeting Y and [an encounter was in the cards]")."""
        verb = self._governor(trigger) if trigger.pos_ in {"NOUN", "PROPN"} else trigger
        skip: set[int] = set()
        for child in verb.children:
            if child.dep_ in {"conj", "ccomp", "advcl", "parataxis"} and child.i > trigger.i and (
                child.pos_ in {"VERB", "AUX"}
            ):
                skip.update(t.i for t in child.subtree)
        return [t for t in verb.subtree if t.i not in skip]

    def _negated(self, token: Token) -> bool:
        for head in (token, token.head):
            if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in head.children):
                return True
        return False

    # -- candidates ---------------------------------------------------------------------

    def events(self, trigger_token: Token, trigger: Trigger) -> Iterator[EventCandidate]:
        if self._negated(trigger_token):
            if not (trigger.plover is Plover.AGREE and trigger.pos == "VERB"):
                return
            # "will not accept", "did not agree": refusing what one is asked to agree to
            # is a rejection (CAMEO 12), a dispute, not cooperation.
            trigger = replace(trigger, kind=EventKind.DISPUTE, plover=Plover.REJECT,
                              lemma=f"not-{trigger.lemma}")
        if trigger.kind in RELATION_KINDS and trigger.needs is not Needs.REPORTED and (
            (trigger.pos != "VERB" and self._told_by_verb(trigger_token))
            or self._demanded(trigger_token) or self._refused(trigger_token)
        ):
            return
        noun = trigger.pos in {"NOUN", "ADJ"}
        verb = self._governor(trigger_token) if noun else trigger_token
        # "will head home Thursday from his meeting with Y": what one comes from took place
        # before, at no time the journey's words give.
        source = noun and trigger_token.dep_ == "pobj" and trigger_token.head.lower_ in _SOURCE_PREPS
        # "arrived in X on Monday for talks with Y": the talks are ahead, at no time the arrival gives.
        ahead = noun and self._journey_purpose(trigger_token)
        roots = [trigger_token] if not noun or source or ahead else [trigger_token, verb]
        sentence = self.found.sentence(self.doc[trigger_token.i : trigger_token.i + 1])
        tense = self._tense(verb)
        base = EventCandidate(
            kind=trigger.kind,
            doc_id=self.found.article.doc_id,
            trigger=trigger_token.text,
            sentence=sentence,
            plover=trigger.plover,
            mode=trigger.mode,
            rule=f"{trigger.kind.value}:{trigger.pos.lower()}:{trigger.lemma}",
            published=self.found.article.published,
        )
        if trigger.needs is Needs.REPORTED:
            # "Russia said that Sudan must return the helicopter": the one who says it
            # demands, the one who must is asked.
            clause = trigger_token.head
            speakers = self._actors(c for c in clause.head.children if c.dep_ in _SUBJECTS)
            asked = self._actors(c for c in clause.children if c.dep_ in _SUBJECTS)
            yield from self.relations.candidates(base, trigger_token, trigger, trigger_token, speakers, asked,
                                                 tense)
            return
        holds = not noun or (verb != trigger_token and self._holds(trigger_token, verb))
        subjects = self._actors(self._subjects(verb)) if holds else []
        talked_with = trigger.pos == "VERB" and trigger.needs in _TALKED_WITH
        partners = self._actors(self._partners(trigger_token, topic_object=talked_with))
        if trigger.needs in _SPOKEN:
            partners += self._actors(g for g in self._spoken_to(trigger_token) if g.head.lower_ == "to")
        if trigger.needs is Needs.COURTESY:
            partners += self._actors(_objects(trigger_token, {"on"}))
        if noun and subjects:
            # "In his meetings, Moreau pressed...": the possessive pronoun is the subject.
            partners = [(h, m) for h, m in partners if h.lower_ not in _PRONOUNS]
        if noun and verb != trigger_token and any(c.lower_ == "their" for c in trigger_token.children):
            partners = partners + self._actors(c for c in verb.children if c.dep_ in {"dobj", "dative"})
        if noun and len(subjects) + len(partners) < 2:
            request = self._asked(trigger_token)
            if request:
                subjects, partners = request
        if trigger.kind in RELATION_KINDS:
            partners = partners + self._actors(self._targets(trigger_token))
        partners = self._without_owners(subjects, partners)
        if trigger.kind in _CONTACT_KINDS and not partners and self._other_side(trigger_token, talked_with):
            # "X and Y met with students", "X and Y held talks with their counterparts": the
            # other side is no one kg knows, and the subjects did not meet each other; but
            # where they met them is where they were ("after meeting officials in Lima").
            place = self._where(roots, set())
            if place is not None:
                self._said_to_be(trigger_token, place, [m for _, m in subjects])
            return
        if trigger.kind in RELATION_KINDS:
            if trigger.plover in _INTENDED and self._intended(trigger_token):
                base = replace(base, plover=Plover.AGREE)
            yield from self.relations.candidates(base, trigger_token, trigger, verb, subjects, partners,
                                                 tense)
            return
        if trigger.kind is EventKind.VISIT:
            yield from self._visit(base, trigger_token, roots, subjects, partners, tense)
            return
        yield from self._meeting(base, trigger_token, roots, subjects, partners, tense)

    def _other_side(self, trigger: Token, topic_object: bool) -> list[Token]:
        """Whom the subjects of a meeting or call met, as the sentence names them: the objects of
        "with"/"between"/"to", and the direct object unless it is a topic."""
        objects = [] if topic_object else [c for c in trigger.children if c.dep_ in {"dobj", "dative"}]
        return objects + _objects(trigger, _PARTNER_PREPS | _SPOKEN_PREPS)

    def _asked(self, trigger: Token) -> tuple[_Actors, _Actors] | None:
        """"Y rebuffed a request from X for a meeting": X asked Y for the event. Returns the
        askers and the asked, or None when the trigger is not the object of a request."""
        prep = trigger.head
        if trigger.dep_ != "pobj" or prep.lower_ != "for":
            return None
        if prep.head.lemma_.lower() not in self.lexicon.requests:
            return None
        request = prep.head
        askers = [g for c in request.children if c.dep_ == "prep" and c.lower_ == "from"
                  for g in c.children if g.dep_ == "pobj"]
        askers += [c for c in request.children if c.dep_ == "poss"]
        asked = [g for c in request.children if c.dep_ == "prep" and c.lower_ == "to"
                 for g in c.children if g.dep_ == "pobj"]
        if request.dep_ in {"dobj", "nsubjpass"}:
            asked += self._subjects(request.head)
        found_askers, found_asked = self._actors(askers), self._actors(asked)
        if not found_askers or not found_asked:
            return None
        return found_askers, found_asked

    def _told_by_verb(self, token: Token) -> bool:
        """Whether a dispute or cooperation noun or adjective is the object of a verb that
        is itself such a trigger ("signed a treaty", "rejected the demand"): the verb's
        event is the one the sentence reports."""
        verb = self._governor(token)
        if verb == token:
            return False
        rule = self.trigger(verb)
        return rule is not None and rule.kind in RELATION_KINDS and rule.pos == "VERB"

    def _targets(self, token: Token, depth: int = 2) -> list[Token]:
        """Who a dispute or cooperation verb acts on: objects (and who a requested thing is
        "from" or "by"), "to"/"on"/"against"/"with"... complements, the subject of a "that"
        clause ("demanded that X cancel"), the agent of a passive ("accused by X"), and the
        same within a "to" complement ("threatened to cut off electricity to X")."""
        out: list[Token] = []
        for child in token.children:
            if child.dep_ in {"dobj", "dative"}:
                out.append(child)
                out.extend(g for p in child.children if p.dep_ == "prep" and p.lower_ in _OBJECT_PREPS
                           for g in p.children if g.dep_ == "pobj")
            elif (child.dep_ == "prep" and child.lower_ in _TARGET_PREPS) or child.dep_ == "agent":
                out.extend(g for g in child.children if g.dep_ == "pobj")
            elif child.dep_ == "ccomp":
                out.extend(g for g in child.children
                           if g.dep_ in _SUBJECTS and g.lower_ not in _BODY_PRONOUNS)
            elif child.dep_ == "xcomp" and depth > 1:
                out.extend(self._targets(child, depth - 1))
        return out

    def _refused(self, token: Token) -> bool:
        """Whether the act is only refused, asked for or supposed: "refused to condemn",
        "rejected an offer to sign a treaty", "urged X to sign", "unless Y accepts". The
        refusal or demand is the event; the act itself did not happen."""
        head = token
        for _ in range(6):
            if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in head.children):
                return True
            if head.dep_ not in _EMBEDDING or head.head == head:
                return False
            head = head.head
            rule = self.trigger(head)
            if rule is not None and rule.plover in {Plover.REJECT, Plover.DEMAND}:
                return True
        return False

    def _demanded(self, token: Token) -> bool:
        """Whether the act is what someone says another must do ("X must reach an
        agreement"): the demand is the event, the act has not happened."""
        verb = self._governor(token) if token.pos_ not in {"VERB", "AUX"} else token
        for head in (verb, verb.head):
            if any(c.dep_ == "aux" and c.lower_ == "must" for c in head.children):
                return True
        return False

    def _intended(self, token: Token) -> bool:
        """Whether a cooperative act is only promised: "will support", "agreed to cooperate",
        "ready to contribute" (PLOVER codes the intention as AGREE)."""
        verb = self._governor(token) if token.pos_ not in {"VERB", "AUX"} else token
        if any(c.dep_ == "aux" and c.lower_ in _INTENT_AUX for c in verb.children):
            return True
        if verb.dep_ in {"xcomp", "ccomp"}:
            rule = self.trigger(verb.head)
            return rule is not None and rule.plover is Plover.AGREE
        return False

    def _without_owners(self, subjects: list[tuple[Token, Mention]],
                        partners: list[tuple[Token, Mention]]) -> list[tuple[Token, Mention]]:
        """Drop the organisation or country that is only the owner of a participant's office
        ("Acme Corp. co-founder Jan Novak" is one participant)."""
        people = {m.position for _, m in subjects + partners if m.kind is EntityKind.PERSON}
        owners = {
            c.owner.position
            for c in self.claims.values()
            if c.owner is not None and c.person is not None and c.person.position in people
        }
        return [(h, m) for h, m in partners if m.position not in owners]

    def _meeting(self, base: EventCandidate, trigger: Token, roots: list[Token],
                 subjects: list[tuple[Token, Mention]], partners: list[tuple[Token, Mention]],
                 tense: Tense) -> Iterator[EventCandidate]:
        status = self._status(trigger)
        if status is Status.PLANNED:
            tense = Tense.FUTURE
        date = self._dated(roots, tense, status, base.kind)
        status = self._settled(status, date)
        exclude = {m.key for _, m in subjects + partners}
        place = self._where(roots, exclude) or self._linked_place(roots[-1], exclude)
        rule = self.trigger(trigger)
        if place is None and rule is not None and rule.needs is Needs.TO_PLACE:
            place = self._destination(trigger, [trigger])  # "welcomed X to Lima": received in Lima
        everyone = [m for _, m in subjects + partners]
        if place is not None:
            self._said_to_be(trigger, place, everyone, date)
        else:
            # A plan dated during the stay the article told is held where they stay.
            trip = status is Status.OCCURRED or date is not None
            place = self._context_place(trigger, everyone, date, trip=trip)
        groups = self._split(partners, trigger)
        for group in groups:
            heads = [h for h, _ in group]
            segment = range(min(h.i for h in heads), max(h.i for h in heads) + 3) if len(groups) > 1 else None
            group_date = (self._when(roots, tense, segment) if segment else None) or date
            group_status = self._status(trigger, self._segment_tokens(heads)) if len(groups) > 1 else status
            if group_status is Status.OCCURRED and status is not Status.OCCURRED:
                group_status = status
            group_status = self._settled(group_status, group_date)
            actors = _unique([m for _, m in subjects] + [m for _, m in group])
            if len(actors) < 2:
                continue
            plover, mode = _consulted(base, group_status)
            yield replace(base, participants=tuple(actors), place=place, date=group_date, status=group_status,
                          plover=plover, mode=mode)

    def _segment_tokens(self, heads: list[Token]) -> list[Token]:
        """The words from just before a conjunct to it: "and possibly President X"."""
        out: list[Token] = []
        for head in heads:
            start = head.left_edge.i
            out.extend(self.doc[max(start - 2, 0) : head.i + 1])
        return out

    def _split(self, partners: _Actors, trigger: Token) -> list[_Actors]:
        """One group per partner when partners carry their own hedges or dates, else one group."""
        if len(partners) < 2:
            return [partners]
        marked = False
        for head, _ in partners:
            segment = self._segment_tokens([head])
            if any(self.cue(t) is Status.POSSIBLE for t in segment):
                marked = True
            if any(c.ent_type_ == "DATE" for c in head.subtree) or any(
                c.dep_ == "prep" and any(g.ent_type_ == "DATE" for g in c.subtree) for c in head.children
            ):
                marked = True
        return [[p] for p in partners] if marked else [partners]

    def _visit(self, base: EventCandidate, trigger: Token, roots: list[Token],
               subjects: list[tuple[Token, Mention]], partners: list[tuple[Token, Mention]],
               tense: Tense) -> Iterator[EventCandidate]:
        if any(c.dep_ == "advmod" and c.lower_ in self.lexicon.return_words for c in trigger.children):
            return  # "flew back to X", "heads home": a return is no visit
        travellers = [m for _, m in subjects if m.kind is EntityKind.PERSON]
        if trigger.pos_ in {"VERB", "AUX"}:
            # "will be accompanied to Y by X", "was visited by X": who does it travels too.
            agents = (g for c in trigger.children if c.dep_ == "agent"
                      for g in c.children if g.dep_ == "pobj")
            travellers += [m for _, m in self._actors(agents) if m.kind is EntityKind.PERSON]
        if trigger.pos_ in {"NOUN", "PROPN"}:
            owners = [m for h, m in partners if m.kind is EntityKind.PERSON and h.dep_ == "poss"]
            # "X is part of Y's delegation to Z": a group's leader and its members travel.
            group = trigger.lemma_.lower() in self.lexicon.group_words
            travellers = owners + travellers if group else owners or travellers
            for child in trigger.children:
                if child.dep_ == "prep" and child.lower_ == "by":
                    travellers = [m for _, m in self._actors(c for c in child.children if c.dep_ == "pobj")
                                  if m.kind is EntityKind.PERSON] or travellers
        if not travellers:
            return
        listed: list[tuple[Token, Mention | None]] = [*self._destinations(trigger, self._journey(trigger))]
        destinations = listed or [(trigger, None)]
        status = self._status(trigger)
        if status is Status.PLANNED:
            tense = Tense.FUTURE
        date = self._dated(roots, tense, status, base.kind)
        if date is None and listed and listed[0][1] is not None:
            date = self._journey_date(trigger, listed[0][1], travellers, status)
        if listed:
            self._said_to_be(trigger, self._one_place(listed[0][0]), travellers, date,
                             arrival=status is Status.OCCURRED)
        for n, (head, destination) in enumerate(destinations):
            # "visited A on June 29, and B June 29-30": one visit per place, each on its own
            # date; a place listed after the first shares the journey's day only as its month
            # ("will travel to A, B and C from November 3 to 9": A on the 3rd, B later).
            when = (self._own_date(head, tense) if len(destinations) > 1 else None) or (
                date if n == 0 or date is None or date.precision is not TemporalPrecision.DAY
                else TemporalValue(date.value.replace(day=1), TemporalPrecision.MONTH)
            )
            settled = self._settled(status, when)
            plover, mode = _consulted(base, settled)
            for traveller in _unique(travellers):
                yield replace(base, participants=(traveller,), destination=destination, place=destination,
                              date=when, status=settled, plover=plover, mode=mode)


    def _journey_date(self, trigger: Token, destination: Mention, travellers: Iterable[Mention],
                      status: Status) -> TemporalValue | None:
        """"X will fly to Lisbon on Saturday. She will be accompanied to Portugal by Y": an
        undated visit of people the article already put, on a date, in the destination's country
        is that journey (a plan only on a date not yet past)."""
        names = _last_names(travellers, self.found.knowledge.name_words.name_suffixes)
        key = _country_key(destination)
        published = self.found.article.published
        dates = [w.date for stays in self._whereabouts.values() for w in stays
                 if w.at < trigger.i and w.names & names and w.date is not None and w.place is not None
                 and _country_key(w.place) == key]
        if not dates:
            return None
        date = dates[-1]
        if status is Status.PLANNED and published is not None and date.ends_before(published):
            return None
        return date


def _consulted(base: EventCandidate, status: Status) -> tuple[Plover, Mode | None]:
    """The PLOVER type and mode of a meeting, call or visit of ``status`` (a mode only for CONSULT)."""
    plover = _PLOVER_OF_STATUS[status]
    return plover, base.mode if plover is Plover.CONSULT else None


def _auxiliaries(verb: Token) -> set[str]:
    """The auxiliaries of ``verb``, lower case ("has", "was", "will"; not the infinitive's "to")."""
    return {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.tag_ != "TO"}


def _after(token: Token, preps: AbstractSet[str]) -> list[Token]:
    """The objects of the prepositions in ``preps`` on ``token`` and, for the object of a light
    verb, on that verb: "gave a warm welcome on Thursday to X", "held talks on Friday with X"."""
    out = _objects(token, preps)
    if token.dep_ == "dobj" and token.pos_ in {"NOUN", "PROPN"}:
        verb = token.head
        out += _objects(verb, preps) + [g for c in verb.children if c.dep_ == "dative" and c.lower_ in preps
                                        for g in c.children if g.dep_ == "pobj"]
    return out


def _objects(token: Token, preps: AbstractSet[str]) -> list[Token]:
    """The objects of the prepositions in ``preps`` that hang on ``token``."""
    return [g for c in token.children if c.dep_ == "prep" and c.lower_ in preps
            for g in c.children if g.dep_ == "pobj"]


def _named_after(token: Token) -> list[Token]:
    """The appositives of ``token``: "their counterparts, A and B" (conjuncts follow from them)."""
    return [c for c in token.children if c.dep_ == "appos"]


def _from(token: Token) -> bool:
    """Whether ``token`` names where something comes from ("a delegation from X")."""
    return token.dep_ == "pobj" and token.head.lower_ in _SOURCE_PREPS


def _country_key(place: Mention) -> str:
    """What tells places in two countries apart: the country's code, else the place's own name."""
    if place.kind is EntityKind.COUNTRY:
        return place.key
    return place.country or place.text


def _last_names(people: Iterable[Mention], suffixes: AbstractSet[str] = frozenset()) -> frozenset[str]:
    """The last words of the people's names, lower case ("Jane Roe" and "Roe" share "roe"),
    before a generational suffix of ``suffixes`` ("Jane Roe III" is "roe" too)."""
    names = ([w for w in m.text.replace("\u2019", "'").removesuffix("'s").lower().split()
              if w not in suffixes] for m in people if m.kind is EntityKind.PERSON)
    return frozenset(words[-1] for words in names if words)


def _phrase_head(token: Token) -> Token:
    """The noun a chain of compounds ends in ("Munich" -> "Conference" in "Munich Security Conference")."""
    while token.dep_ == "compound" and token.head != token:
        token = token.head
    return token


def _unique(mentions: Iterable[Mention]) -> list[Mention]:
    seen: set[Position] = set()
    out = []
    for m in mentions:
        key = m.position
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out
