"""Event candidates in one parsed article: meetings, phone calls, visits, disputes and
cooperation, with when, where, whether, and the sentence that says so.

Extraction works on the dependency parse of one article. A trigger word from
``event_triggers.tsv`` (a verb such as "met", or a noun such as "talks") opens an
event; its actors are read from the parse: the subject (climbing through "plans to
meet", "by meeting"), objects, "with"/"between" phrases and the passive's "by" phrase
("was greeted by X") for verbs, possessors
("Okafor and Lin's meet"), compounds ("US-China tensions") and the governing verb's
subject for nouns ("held talks with"). Titles stand for their holders, pronouns for
the last person who was a subject. A list of objects with their own dates or
hedges ("Lin Tao on Sunday, ... and possibly President Lin on Monday") gives one
event per object.

Disputes and cooperation carry a PLOVER type (the trigger's, from CAMEO's categories)
and also take their targets from complements ("called on X", "aid to X", "demanded
that X withdraw", "accused by X"); :mod:`kg.events.disputes` then sets their sides,
issues and dates. "Y must..." reported by X is X's DEMAND on Y; a
promised SUPPORT or COOPERATE is AGREE; "will not accept" is REJECT; an act that is
refused, demanded or supposed ("rejected an offer to sign", "unless Y accepts") is no
event of its own.

Status comes from cue words in the trigger's clause (``status_cues.tsv``): a
postponing, cancelling or refusing word above the trigger, then hedges ("possibly",
"may", "still in the cards", a question), then plans ("will", "scheduled to");
otherwise the event occurred. Dates come from the DATE phrases nearest the trigger
in the parse, resolved by :func:`kg.dates.resolve_date` against the article's
publication date in the clause's tense.

A meeting's place is the one its clause gives ("met X in Lisbon", "flew to Lisbon, where
she met X"), else where its
paragraph last put one of its people ("X arrived in Lisbon. She met Y."): a visit's
destination, a meeting's own place, or a place after a presence cue of
``allegiance_cues.tsv`` ("While in Lisbon, X..."). Not a stay in two countries at once
("a trip to Lisbon and Madrid"), nor when the meeting is dated at another time than the
stay or its sentence names a place in another country.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from kg.dates import resolve_date
from kg.events.disputes import RelationReader
from kg.events.lexicon import EventLexicon, Needs, Trigger
from kg.kinds import RELATION_KINDS
from kg.mentions import DocMentions
from kg.types import EventCandidate, Mention, OfficeClaim, Position, TemporalValue
from kg.vocab import EntityKind, EventKind, Plover, Status, Tense

if TYPE_CHECKING:
    from kg.knowledge import Knowledge
    from kg.signals import AllegianceCues

__all__ = ["EventFinder"]

_SUBJECTS = {"nsubj", "nsubjpass"}
_CLIMB = {"xcomp", "advcl", "conj", "pcomp", "prep", "acl", "relcl", "ccomp", "pobj", "dobj", "attr"}
_PARTNER_PREPS = {"with", "between", "among"}
_PLACE_PREPS = {"in", "at"}
_DESTINATION_PREPS = {"to", "in", "into", "for"}
_PRONOUNS = {"he", "she", "him", "her", "his"}
_TEMPORAL_PREPS = {"after", "since", "during", "following"}
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
# How an act hangs below the verb that refuses or asks for it ("rejected an offer to host a
# summit to hammer out an agreement"), and the words of a clause that only supposes it.
_EMBEDDING = {"xcomp", "acl", "ccomp", "advcl", "dobj", "pobj", "prep", "pcomp", "relcl"}
_CONDITIONS = {"if", "unless"}
_INTENDED = {Plover.SUPPORT, Plover.COOPERATE, Plover.AID}
_ACTOR_KINDS = {EntityKind.PERSON, EntityKind.COUNTRY, EntityKind.ORGANIZATION}
_NAME_ENTS = {"ORG", "EVENT", "WORK_OF_ART", "LAW", "FAC", "PERSON", "GPE", "NORP"}


class EventFinder:
    """Finds :class:`~kg.types.EventCandidate` records in one parsed article, with the
    event vocabulary of ``knowledge``."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.lexicon = knowledge.events
        self.cues = knowledge.allegiance_cues

    def __call__(self, found: DocMentions) -> Iterator[EventCandidate]:
        context = _ArticleContext(found, self.lexicon, self.cues)
        for token in found.doc:
            trigger = context.trigger(token)
            if trigger is not None:
                yield from context.events(token, trigger)


@dataclass(frozen=True, slots=True)
class _Whereabouts:
    """The text puts people somewhere: a visit's destination, a meeting's own place, "While
    in X, ...". ``at`` is the token that says so, ``place`` None when it names places of
    two countries ("a trip to X and Y"), ``names`` the people's last names, lower case,
    ``date`` when the text says they were there."""

    at: int
    place: Mention | None
    names: frozenset[str]
    date: TemporalValue | None = None


class _ArticleContext:
    """The state of extraction over one article: mentions, claims, the lexicon."""

    def __init__(self, found: DocMentions, lexicon: EventLexicon, cues: AllegianceCues) -> None:
        self.found = found
        self.doc = found.doc
        self.lexicon = lexicon
        self.cues = cues
        # Paragraphs are lines: where each begins, to tell which one a token is in; and
        # where each paragraph puts its people, in text order.
        self._paragraph_starts = [m.end() for m in re.finditer("\n", self.doc.text)]
        self._whereabouts: dict[int, list[_Whereabouts]] = defaultdict(list)
        self.claims: dict[tuple[int, int], OfficeClaim] = {
            (c.office.start, c.office.end): c for c in found.office_claims()
        }
        # Each token's trigger is asked for again by every nearby event (its window, its
        # parse neighbourhood): computed once per token. ``doc.ents`` builds new spans
        # on every access, so the entity of each token is looked up in one table.
        self._triggers: dict[int, Trigger | None] = {}
        self.relations = RelationReader(found, lexicon, self.actor, self._when)
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
                if child.dep_ == "compound" and child.lower_ in phone:
                    return True
                if child.dep_ == "prep" and child.lower_ in {"by", "over", "on"} and any(
                    g.lower_ in phone for g in child.children
                ):
                    return True
            with_partner = any(c.dep_ == "prep" and c.lower_ == "with" for c in children)
            after_phone = token.i > 0 and self.doc[token.i - 1].lower_ in phone
            # "X's call with Y": a call someone has with someone is one by telephone (a
            # readout's headline), unlike "a call for" or "calls on".
            owned = any(c.dep_ == "poss" for c in children)
            return token.pos_ == "NOUN" and with_partner and token.lower_ == "call" and (after_phone or owned)
        if needs is Needs.WITH:
            return any(c.dep_ == "prep" and c.lower_ in _PARTNER_PREPS for c in children) or any(
                c.dep_ == "poss" for c in children
            )
        if needs is Needs.TO_PLACE:
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
        if needs is Needs.REPORTED:
            clause = token.head
            return token.dep_ == "aux" and clause.dep_ == "ccomp" and clause.head.pos_ in {"VERB", "AUX"}
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
            return None
        if mention.kind is EntityKind.OFFICE:
            claim = self.claims.get((mention.start, mention.end))
            if claim is None:
                return None
            if claim.person is not None:
                return claim.person
            return claim.owner if claim.owner is not None and claim.owner.kind in _ACTOR_KINDS else None
        return mention if mention.kind in _ACTOR_KINDS else None

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
        """The last person who was a subject before ``token`` (within three sentences)."""
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
            if mention is None or mention.kind is not EntityKind.PERSON:
                continue
            if span.root.dep_ in _SUBJECTS:
                return mention
            if fallback is None and span.start >= first_sentence:
                fallback = mention
        return fallback

    def _actors(self, tokens: Iterable[Token]) -> list[tuple[Token, Mention]]:
        out = []
        for token in tokens:
            for head in (token, *token.conjuncts):
                mention = self.actor(head)
                if mention is not None:
                    out.append((head, mention))
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

    def _subjects(self, verb: Token) -> list[Token]:
        head = verb
        for _ in range(5):
            subjects = [c for c in head.children if c.dep_ in _SUBJECTS]
            if subjects:
                return subjects
            if head.dep_ == "relcl":
                return [head.head]
            if head.dep_ not in _CLIMB or head.head == head:
                return []
            head = head.head
        return []

    def _partners(self, token: Token) -> list[Token]:
        out = []
        for child in token.children:
            if child.dep_ in {"dobj", "dative"}:
                out.append(child)
                out.extend(g for p in child.children if p.dep_ == "prep" and p.lower_ == "from"
                           for g in p.children if g.dep_ == "pobj")
            elif (child.dep_ == "prep" and child.lower_ in _PARTNER_PREPS) or child.dep_ == "agent":
                # "met with X", and the passive's "was greeted by X"
                out.extend(g for g in child.children if g.dep_ == "pobj")
            elif child.dep_ in {"poss", "compound", "nmod"} and token.pos_ in {"NOUN", "PROPN"}:
                out.append(child)
            elif child.dep_ == "conj" and token.pos_ in {"NOUN", "PROPN"} and self.trigger(child) is None:
                # "talks with X, as well as China's top diplomat Y and Z": the parser
                # coordinates the later partners with the talks, not with X.
                out.append(child)
                out.extend(g for g in child.children if g.dep_ == "appos")
        if not out and token.pos_ in {"NOUN", "PROPN"}:
            out.extend(self._possessors(token))
        return out

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
        mention = self.found.mention_at(token.i)
        if mention is not None and mention.kind in {EntityKind.PLACE, EntityKind.COUNTRY}:
            return mention
        return None

    def _near(self, roots: Iterable[Token], depth: int = 3) -> Iterator[Token]:
        """Tokens below ``roots`` in the parse, nearest first, not entering other clauses.

        ``depth`` counts the words stepped through, less prepositions: a chain of
        phrases ("on the sidelines of a summit in Bali") is as near as its nouns.
        """
        frontier = list(roots)
        seen = {t.i for t in frontier}
        for _ in range(depth):
            nxt: list[Token] = []
            layer = list(frontier)
            while layer:
                token = layer.pop(0)
                for child in token.children:
                    if child.i in seen or child.dep_ in {"relcl", "ccomp", "advcl", "parataxis"}:
                        continue
                    if self.trigger(child) is not None:
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
        for token in self._near(roots, 6):
            if token.dep_ == "pobj" and token.head.lower_ in _PLACE_PREPS:
                place = self._place(token)
            elif token.dep_ == "compound" and _phrase_head(token).lower_ in self.lexicon.gatherings:
                # "on the sidelines of the Munich Security Conference": the venue's city.
                place = self._place(token)
            else:
                continue
            if place is not None and place.key not in exclude:
                return place
        return None

    def _destination(self, trigger: Token, roots: list[Token]) -> Token | None:
        """The token that names where a visit goes."""
        for token in self._near(roots, 2):
            towards = token.dep_ == "pobj" and token.head.lower_ in _DESTINATION_PREPS
            named = token.dep_ in {"dobj", "compound", "npadvmod"} and token.head == trigger
            if (towards or named) and self._place(token) is not None:
                return token
        return None

    # -- whereabouts --------------------------------------------------------------------

    def _paragraph(self, i: int) -> int:
        return bisect_right(self._paragraph_starts, self.doc[i].idx)

    def _one_place(self, token: Token) -> Mention | None:
        """The place ``token`` names, unless it is one of a list of places in two countries."""
        place = self._place(token)
        others = (self._place(t) for t in token.conjuncts)
        keys = {_country_key(p) for p in (place, *others) if p is not None}
        return place if len(keys) == 1 else None

    def _said_to_be(self, at: Token, place: Mention | None, people: Iterable[Mention],
                    date: TemporalValue | None = None) -> None:
        """Note that the text puts ``people`` at ``place`` (None: in two countries at once)."""
        names = _last_names(people)
        if names:
            self._whereabouts[self._paragraph(at.i)].append(_Whereabouts(at.i, place, names, date))

    def _presence(self) -> None:
        """Note each "While in X, S..." (a presence cue right before a place): S is at X."""
        for index, span in enumerate(self.found.spans):
            mention = self.found.mentions[index]
            if mention is None or mention.kind not in {EntityKind.PLACE, EntityKind.COUNTRY}:
                continue
            before = self.doc.text[span.sent.start_char : span.start_char]
            if not self.cues.ends_with_presence(before):
                continue
            clause = span.root.head
            while clause.pos_ not in {"VERB", "AUX"} and clause.head != clause:
                clause = clause.head
            people = [m for _, m in self._actors(self._subjects(clause)) if m.kind is EntityKind.PERSON]
            self._said_to_be(span.root, self._one_place(span.root), people)

    def _context_place(self, trigger: Token, actors: Iterable[Mention],
                       date: TemporalValue | None) -> Mention | None:
        """Where the paragraph last put one of ``actors`` before ``trigger``: "X arrived in
        Y. He met Z." is a meeting in Y. Not when the meeting is dated at another time than
        that stay ("met Z last week"), nor when its sentence names a place in another
        country ("talks in the North", "chose W for the next meeting")."""
        names = _last_names(actors)
        paragraph = self._whereabouts.get(self._paragraph(trigger.i), [])
        said = [w for w in paragraph if w.at < trigger.i and w.names & names]
        if not said:
            return None
        stay = max(said, key=lambda w: w.at)
        if stay.place is None:
            return None
        if date is not None and stay.date is not None and not date.compatible(stay.date):
            return None
        here = _country_key(stay.place)
        for token in trigger.sent:
            elsewhere = self._place(token)
            if elsewhere is not None and _country_key(elsewhere) != here:
                return None
        return stay.place

    def _date_phrases(self, roots: list[Token], within: range | None = None) -> list[Span]:
        spans = []
        for token in (*roots, *self._near(roots, 6)):
            if token.ent_type_ in {"DATE", "TIME"} and (within is None or token.i in within):
                ent = self._entity_at.get(token.i)
                if ent is not None and ent not in spans:
                    spans.append(ent)
        spans.sort(key=lambda s: min(abs(s.start - r.i) for r in roots))
        return spans

    def _when(self, roots: list[Token], tense: Tense, within: range | None = None) -> TemporalValue | None:
        published = self.found.article.published
        for span in self._date_phrases(roots, within):
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

    def _status(self, trigger: Token, segment: Iterable[Token] = ()) -> Status:
        sent = trigger.sent
        found: set[Status] = set()
        chain = [trigger]
        for ancestor in list(trigger.ancestors)[:6]:
            if ancestor.dep_ == "prep" and ancestor.lower_ in _TEMPORAL_PREPS:
                # "hoped to meet again after their meeting in November": the earlier
                # meeting is not hedged by the hope.
                break
            chain.append(ancestor)
        for token in chain:
            status = self.cue(token)
            if status in {Status.POSTPONED, Status.CANCELLED, Status.DECLINED} and token != trigger:
                return status
            for child in token.children:
                if child.dep_ in {"aux", "advmod", "auxpass"}:
                    cue = self.cue(child)
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
        for status in (Status.POSSIBLE, Status.PLANNED):
            if status in found:
                return status
        return Status.OCCURRED

    def _settled(self, status: Status, date: TemporalValue | None) -> Status:
        """A plan dated wholly before the article was published is a past event ("the trip was
        scheduled during their meet last year": the meet is not scheduled)."""
        published = self.found.article.published
        if status is Status.PLANNED and date is not None and published and date.ends_before(published):
            return Status.OCCURRED
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
        roots = [trigger_token] if not noun else [trigger_token, verb]
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
        subjects = self._actors(self._subjects(verb)) if not noun or verb != trigger_token else []
        partners = self._actors(self._partners(trigger_token))
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
        date = self._when(roots, tense)
        status = self._settled(status, date)
        exclude = {m.key for _, m in subjects + partners}
        place = self._where(roots, exclude)
        everyone = [m for _, m in subjects + partners]
        if place is not None:
            self._said_to_be(trigger, place, everyone, date)
        else:
            place = self._context_place(trigger, everyone, date)
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
            yield replace(base, participants=tuple(actors), place=place, date=group_date, status=group_status)

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
        travellers = [m for _, m in subjects if m.kind is EntityKind.PERSON]
        if trigger.pos_ in {"NOUN", "PROPN"}:
            owners = [m for h, m in partners if m.kind is EntityKind.PERSON and h.dep_ == "poss"]
            travellers = owners or travellers
            for child in trigger.children:
                if child.dep_ == "prep" and child.lower_ == "by":
                    travellers = [m for _, m in self._actors(c for c in child.children if c.dep_ == "pobj")
                                  if m.kind is EntityKind.PERSON] or travellers
        if not travellers:
            return
        towards = self._destination(trigger, [trigger])
        destination = self._place(towards) if towards is not None else None
        status = self._status(trigger)
        if status is Status.PLANNED:
            tense = Tense.FUTURE
        date = self._when(roots, tense)
        status = self._settled(status, date)
        if towards is not None:
            self._said_to_be(trigger, self._one_place(towards), travellers, date)
        for traveller in _unique(travellers):
            yield replace(base, participants=(traveller,), destination=destination, place=destination,
                          date=date, status=status)


def _country_key(place: Mention) -> str:
    """What tells places in two countries apart: the country's code, else the place's own name."""
    if place.kind is EntityKind.COUNTRY:
        return place.key
    return place.country or place.text


def _last_names(people: Iterable[Mention]) -> frozenset[str]:
    """The last words of the people's names, lower case ("Jane Roe" and "Roe" share "roe")."""
    names = (m.text.replace("\u2019", "'").removesuffix("'s").split()
             for m in people if m.kind is EntityKind.PERSON)
    return frozenset(words[-1].lower() for words in names if words)


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
