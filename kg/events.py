"""Events: meetings, phone calls, visits, disputes and cooperation, with when, where,
whether, and the sentences that say so.

Extraction works on the dependency parse of one article. A trigger word from
``event_triggers.tsv`` (a verb such as "met", or a noun such as "talks") opens an
event; its actors are read from the parse: the subject (climbing through "plans to
meet", "by meeting"), objects and "with"/"between" phrases for verbs, possessors
("Okafor and Lin's meet"), compounds ("US-China tensions") and the governing verb's
subject for nouns ("held talks with"). Titles stand for their holders, pronouns for
the last person who was a subject. A list of objects with their own dates or
hedges ("Lin Tao on Sunday, ... and possibly President Lin on Monday") gives one
event per object.

Disputes and cooperation carry a PLOVER type (the trigger's, from CAMEO's categories)
and also take their targets from complements ("called on X", "aid to X", "demanded
that X withdraw", "accused by X"). "Y must..." reported by X is X's DEMAND on Y; a
promised SUPPORT or COOPERATE is AGREE; "will not accept" is REJECT; an act that is
refused, demanded or supposed ("rejected an offer to sign", "unless Y accepts") is no
event of its own.

Status comes from cue words in the trigger's clause (``status_cues.tsv``): a
postponing, cancelling or refusing word above the trigger, then hedges ("possibly",
"may", "still in the cards", a question), then plans ("will", "scheduled to");
otherwise the event occurred. Dates come from the DATE phrases nearest the trigger
in the parse, resolved by :func:`kg.dates.resolve_date` against the article's
publication date in the clause's tense.

:func:`merge_events` then joins the candidates of all articles into one node per
real event: same kind, same participants, compatible dates and places. Its status
is the word of the latest article. Disputes and cooperation are joined per set of
parties (countries where the text names people) and collect every issue named; a
sentence that names one side only gets the other from the article's last dispute,
else from the other country the sentence names.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from kg.dates import resolve_date
from kg.iri import mint
from kg.knowledge import read_table, split_cell
from kg.mentions import DocMentions
from kg.resolve import Resolution, mention_key
from kg.roles import load_name_words
from kg.types import (
    ArticleFacts,
    Entity,
    Event,
    EventCandidate,
    Evidence,
    Mention,
    OfficeClaim,
    TemporalValue,
)
from kg.vocab import EntityKind, EventKind, MentionRole, Mode, Plover, Status, TemporalPrecision, Tense

__all__ = ["EventExtractor", "EventLexicon", "IssueDef", "Trigger", "load_event_lexicon", "merge_events"]

_SUBJECTS = {"nsubj", "nsubjpass"}
_CLIMB = {"xcomp", "advcl", "conj", "pcomp", "prep", "acl", "relcl", "ccomp", "pobj", "dobj", "attr"}
_PARTNER_PREPS = {"with", "between", "among"}
_PLACE_PREPS = {"in", "at"}
_DESTINATION_PREPS = {"to", "in", "into", "for"}
_PRONOUNS = {"he", "she", "him", "her", "his"}
_TEMPORAL_PREPS = {"after", "since", "during", "following"}
_NEGATIONS = {"not", "n't", "never", "no"}
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
_RELATIONS = {EventKind.DISPUTE, EventKind.COOPERATION}
# How an act hangs below the verb that refuses or asks for it ("rejected an offer to host a
# summit to hammer out an agreement"), and the words of a clause that only supposes it.
_EMBEDDING = {"xcomp", "acl", "ccomp", "advcl", "dobj", "pobj", "prep", "pcomp", "relcl"}
_CONDITIONS = {"if", "unless"}
_INTENDED = {Plover.SUPPORT, Plover.COOPERATE, Plover.AID}
_ACTOR_KINDS = {EntityKind.PERSON, EntityKind.COUNTRY, EntityKind.ORGANIZATION}
_NAME_ENTS = {"ORG", "EVENT", "WORK_OF_ART", "LAW", "FAC", "PERSON", "GPE", "NORP"}
_STATUS_RANK = {
    Status.CANCELLED: 0,
    Status.DECLINED: 1,
    Status.POSTPONED: 2,
    Status.POSSIBLE: 3,
    Status.PLANNED: 4,
    Status.OCCURRED: 5,
}


@dataclass(frozen=True, slots=True)
class Trigger:
    """One row of ``event_triggers.tsv``."""

    lemma: str
    pos: str
    kind: EventKind
    plover: Plover
    mode: Mode | None
    needs: str


@dataclass(frozen=True, slots=True)
class IssueDef:
    """One row of ``issues.tsv``, with its terms compiled."""

    key: str
    label: str
    kind: str
    pattern: re.Pattern[str]
    #: Phrases in which a term does not name the issue ("!addiction pandemic" is not public health).
    exclude: re.Pattern[str] | None = None

    def named_in(self, text: str) -> bool:
        """Whether a term of this issue occurs in ``text`` outside every excluded phrase."""
        shadows = [m.span() for m in self.exclude.finditer(text)] if self.exclude else []
        return any(
            not any(start <= m.start() and m.end() <= end for start, end in shadows)
            for m in self.pattern.finditer(text)
        )


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """Triggers, status cues and issues, compiled from the data files."""

    triggers: dict[tuple[str, str], tuple[Trigger, ...]]
    status_words: dict[str, Status]
    status_phrases: tuple[tuple[str, Status], ...]
    issues: tuple[IssueDef, ...]
    #: Last words of the names of events and venues ("conference", "summit").
    gatherings: frozenset[str] = frozenset()
    #: Nouns that ask for an event ("request", "invitation").
    requests: frozenset[str] = frozenset()

    def issues_in(self, text: str) -> tuple[str, ...]:
        """Keys of the issues named in ``text``, in data-file order."""
        return tuple(issue.key for issue in self.issues if issue.named_in(text))


def _term_pattern(terms: Iterable[str]) -> re.Pattern[str]:
    parts = []
    for term in sorted(terms, key=len, reverse=True):
        if term.endswith("*"):
            parts.append(re.escape(term[:-1]) + r"\w*")
        else:
            parts.append(re.escape(term))
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=4)
def load_event_lexicon(data_dir: Path | None = None) -> EventLexicon:
    """The event vocabulary of the data files.

    Examples
    --------
    >>> lexicon = load_event_lexicon()
    >>> lexicon.triggers[("meet", "VERB")][0].kind
    <EventKind.MEETING: 'meeting'>
    >>> lexicon.issues_in("curbs on semiconductors and Taiwan")
    ('semiconductors', 'taiwan')
    >>> lexicon.issues_in("fentanyl, behind an addiction pandemic")
    ('drugs',)
    """
    triggers: dict[tuple[str, str], list[Trigger]] = defaultdict(list)
    for row in read_table("event_triggers.tsv", data_dir):
        trigger = Trigger(
            row["lemma"],
            row["pos"],
            EventKind(row["kind"]),
            Plover(row["plover"]),
            Mode(row["mode"]) if row["mode"] else None,
            row["needs"],
        )
        triggers[(trigger.lemma, trigger.pos)].append(trigger)
    # A rule with a condition is more specific than one without: try it first.
    ordered = {k: tuple(sorted(v, key=lambda t: t.needs == "")) for k, v in triggers.items()}
    words: dict[str, Status] = {}
    phrases: list[tuple[str, Status]] = []
    for row in read_table("status_cues.tsv", data_dir):
        status = Status(row["status"])
        if " " in row["word"]:
            phrases.append((row["word"], status))
        else:
            words[row["word"]] = status
    issues = []
    for row in read_table("issues.tsv", data_dir):
        terms = split_cell(row["terms"])
        excluded = [t[1:] for t in terms if t.startswith("!")]
        issues.append(IssueDef(
            row["key"], row["label"], row["kind"],
            _term_pattern(t for t in terms if not t.startswith("!")),
            _term_pattern(excluded) if excluded else None,
        ))
    requests = frozenset(row["word"] for row in read_table("requests.tsv", data_dir))
    return EventLexicon(ordered, words, tuple(phrases), tuple(issues), load_name_words(data_dir).gatherings,
                        requests)


# -- extraction ---------------------------------------------------------------------------


class EventExtractor:
    """Finds :class:`~kg.types.EventCandidate` records in one parsed article."""

    def __init__(self, data_dir: Path | None = None) -> None:
        self.lexicon = load_event_lexicon(data_dir)

    def __call__(self, found: DocMentions) -> Iterator[EventCandidate]:
        context = _ArticleContext(found, self.lexicon)
        for token in found.doc:
            trigger = context.trigger(token)
            if trigger is not None:
                yield from context.events(token, trigger)


class _ArticleContext:
    """The state of extraction over one article: mentions, claims, the lexicon."""

    def __init__(self, found: DocMentions, lexicon: EventLexicon) -> None:
        self.found = found
        self.doc = found.doc
        self.lexicon = lexicon
        self.claims: dict[tuple[int, int], OfficeClaim] = {
            (c.office.start, c.office.end): c for c in found.office_claims()
        }
        # Each token's trigger is asked for again by every nearby event (its window, its
        # parse neighbourhood): computed once per token. ``doc.ents`` builds new spans
        # on every access, so the entity of each token is looked up in one table.
        self._triggers: dict[int, Trigger | None] = {}
        # Issues by sentence text: every relation found in a sentence asks for its issues.
        self._issues: dict[str, tuple[str, ...]] = {}
        self._entity_at: dict[int, Span] = {
            i: ent for ent in self.doc.ents for i in range(ent.start, ent.end)
        }

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

    def _needs(self, token: Token, needs: str) -> bool:
        if not needs:
            return True
        children = list(token.children)
        if needs == "by_phone":
            for child in children:
                if child.dep_ == "compound" and child.lower_ in {"phone", "telephone"}:
                    return True
                if child.dep_ == "prep" and child.lower_ in {"by", "over", "on"} and any(
                    g.lower_ in {"phone", "telephone"} for g in child.children
                ):
                    return True
            with_partner = any(c.dep_ == "prep" and c.lower_ == "with" for c in children)
            after_phone = token.i > 0 and self.doc[token.i - 1].lower_ in {"phone", "telephone"}
            return token.pos_ == "NOUN" and with_partner and token.lower_ == "call" and after_phone
        if needs == "with":
            return any(c.dep_ == "prep" and c.lower_ in _PARTNER_PREPS for c in children) or any(
                c.dep_ == "poss" for c in children
            )
        if needs == "to_place":
            return any(c.dep_ == "prep" and c.lower_ in _DESTINATION_PREPS for c in children) or any(
                c.dep_ in {"dobj", "npadvmod"} and self._place(c) is not None for c in children
            )
        if needs == "object":
            return any(c.dep_ in {"dobj", "dative", "prep", "xcomp", "ccomp"} for c in children)
        if needs in {"on", "for"}:
            return any(c.dep_ == "prep" and c.lower_ == needs for c in children)
        if needs == "xcomp":
            return any(c.dep_ in {"xcomp", "ccomp"} for c in children)
        if needs == "reported":
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
            elif child.dep_ == "prep" and child.lower_ in _PARTNER_PREPS:
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
            nxt = []
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

    def _destination(self, trigger: Token, roots: list[Token]) -> Mention | None:
        for token in self._near(roots, 2):
            if token.dep_ == "pobj" and token.head.lower_ in _DESTINATION_PREPS:
                place = self._place(token)
                if place is not None:
                    return place
            if token.dep_ in {"dobj", "compound", "npadvmod"} and token.head == trigger:
                place = self._place(token)
                if place is not None:
                    return place
        return None

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
            if head.lemma_.lower() in {"plan", "schedule", "expect", "set", "invite"}:
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
        if trigger.kind in _RELATIONS and trigger.needs != "reported" and (
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
        if trigger.needs == "reported":
            # "Russia said that Sudan must return the helicopter": the one who says it
            # demands, the one who must is asked.
            clause = trigger_token.head
            speakers = self._actors(c for c in clause.head.children if c.dep_ in _SUBJECTS)
            asked = self._actors(c for c in clause.children if c.dep_ in _SUBJECTS)
            yield from self._relation(base, trigger_token, speakers, asked, sentence)
            return
        subjects = self._actors(self._subjects(verb)) if not noun or verb != trigger_token else []
        partners = self._actors(self._partners(trigger_token))
        if noun and subjects:
            # "In his meetings, Moreau pressed...": the possessive pronoun is the subject.
            partners = [(h, m) for h, m in partners if h.lower_ not in _PRONOUNS]
        if noun and verb != trigger_token and any(c.lower_ == "their" for c in trigger_token.children):
            partners = partners + self._actors(c for c in verb.children if c.dep_ in {"dobj", "dative"})
        if noun and len(subjects) + len(partners) < 2:
            asked = self._asked(trigger_token)
            if asked:
                subjects, partners = asked
        if trigger.kind in _RELATIONS:
            partners = partners + self._actors(self._targets(trigger_token))
        partners = self._without_owners(subjects, partners)
        if trigger.kind in _RELATIONS:
            if trigger.plover in _INTENDED and self._intended(trigger_token):
                base = replace(base, plover=Plover.AGREE)
            yield from self._relation(base, trigger_token, subjects, partners, sentence)
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
        return rule is not None and rule.kind in _RELATIONS and rule.pos == "VERB"

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
        people = {mention_key(m) for _, m in subjects + partners if m.kind is EntityKind.PERSON}
        owners = {
            mention_key(c.owner)
            for c in self.claims.values()
            if c.owner is not None and c.person is not None and mention_key(c.person) in people
        }
        return [(h, m) for h, m in partners if mention_key(m) not in owners]

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
        out = []
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
        destination = self._destination(trigger, [trigger])
        status = self._status(trigger)
        if status is Status.PLANNED:
            tense = Tense.FUTURE
        date = self._when(roots, tense)
        status = self._settled(status, date)
        for traveller in _unique(travellers):
            yield replace(base, participants=(traveller,), destination=destination, place=destination,
                          date=date, status=status)

    def _relation(self, base: EventCandidate, trigger: Token, subjects: list[tuple[Token, Mention]],
                  partners: list[tuple[Token, Mention]], sentence: Evidence) -> Iterator[EventCandidate]:
        actors = _unique([m for _, m in subjects] + [m for _, m in partners])
        text = sentence.text
        named = self._issues.get(text)
        if named is None:
            named = self._issues[text] = self.lexicon.issues_in(text)
        issues = tuple(key for key in named if not any(a.text.lower() == key for a in actors))
        if not actors and not issues:
            return
        yield replace(base, participants=tuple(actors), issues=issues, status=Status.OCCURRED)


def _phrase_head(token: Token) -> Token:
    """The noun a chain of compounds ends in ("Munich" -> "Conference" in "Munich Security Conference")."""
    while token.dep_ == "compound" and token.head != token:
        token = token.head
    return token


def _unique(mentions: Iterable[Mention]) -> list[Mention]:
    seen: set[tuple[str, int, int]] = set()
    out = []
    for m in mentions:
        key = (m.doc_id, m.start, m.end)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


# -- merging across articles --------------------------------------------------------------


@dataclass(slots=True)
class _Draft:
    """An event being merged (mutable only inside :func:`merge_events`)."""

    kind: EventKind
    participants: frozenset[str]
    candidates: list[tuple[EventCandidate, tuple[str, ...], str | None, str | None]]
    dates: list[TemporalValue]
    places: Counter[str]
    issues: Counter[str]

    def date(self) -> TemporalValue | None:
        if not self.dates:
            return None
        best = max(self.dates, key=lambda d: (_PRECISION[d.precision], d.value))
        if all(best.compatible(d) for d in self.dates):
            return best
        months = {(d.value.year, d.value.month) for d in self.dates
                  if d.precision is not TemporalPrecision.YEAR}
        if len(months) == 1:
            year, month = next(iter(months))
            return TemporalValue(best.value.replace(year=year, month=month, day=1), TemporalPrecision.MONTH)
        return None

    def accepts(self, date: TemporalValue | None, place: str | None, relaxed: bool) -> bool:
        for known in self.dates:
            if date is None:
                break
            if relaxed:
                if known.value.year != date.value.year or (
                    TemporalPrecision.YEAR not in (known.precision, date.precision)
                    and known.value.month != date.value.month
                ):
                    return False
            elif not known.compatible(date):
                return False
        return not (place and self.places and place not in self.places and not relaxed)


_PRECISION = {TemporalPrecision.YEAR: 0, TemporalPrecision.MONTH: 1, TemporalPrecision.DAY: 2}


def _another_occasion(draft: _Draft, candidate: EventCandidate) -> bool:
    """An undated plan or hope is not the same occasion as a past event ("will meet again"
    is not last year's meeting) nor as one that was refused ("would meet at some point"
    after a request for a meeting was rebuffed)."""
    if candidate.date is not None or candidate.status not in {Status.PLANNED, Status.POSSIBLE}:
        return False
    published = candidate.published
    if published and any(d.value < published.replace(day=1) for d in draft.dates):
        return True
    return all(c.status in {Status.DECLINED, Status.CANCELLED} for c, *_ in draft.candidates)


class _Merger:
    def __init__(self, facts: list[ArticleFacts], resolution: Resolution, lexicon: EventLexicon) -> None:
        self.resolution = resolution
        self.entities = resolution.entities
        self.lexicon = lexicon
        self.facts = facts
        self.drafts: list[_Draft] = []
        self.by_key: dict[tuple[EventKind, frozenset[str]], list[_Draft]] = {}
        self.doc_countries = {
            f.info.doc_id: Counter(
                resolution.entity_of[mention_key(m)]
                for m in f.mentions
                if m.kind is EntityKind.COUNTRY and mention_key(m) in resolution.entity_of
            )
            for f in facts
        }
        self.sentence_countries: dict[Evidence, list[str]] = defaultdict(list)
        for f in facts:
            for m in sorted(f.mentions, key=lambda m: m.start):
                iri = resolution.entity_of.get(mention_key(m))
                if m.kind is EntityKind.COUNTRY and iri and iri not in self.sentence_countries[m.sentence]:
                    self.sentence_countries[m.sentence].append(iri)
        # The first country entity of each code, looked up once rather than searched per actor.
        self.country_by_code: dict[str, str] = {}
        for iri, entity in self.entities.items():
            if entity.kind is EntityKind.COUNTRY:
                self.country_by_code.setdefault(entity.key, iri)

    def actor(self, mention: Mention) -> str | None:
        iri = self.resolution.entity_of.get(mention_key(mention))
        if iri is None and mention.label is MentionRole.TITLE_REF and mention.country:
            iri = self.country_by_code.get(mention.country)
        return iri

    def country_of(self, iri: str) -> str:
        entity = self.entities.get(iri)
        if entity is None or entity.kind is EntityKind.COUNTRY:
            return iri
        return entity.country or iri

    def place(self, mention: Mention | None) -> str | None:
        if mention is None:
            return None
        return self.resolution.entity_of.get(mention_key(mention))

    def run(self) -> None:
        last_parties: dict[str, frozenset[str]] = {}
        for facts in self.facts:
            for candidate in facts.events:
                actors = tuple(dict.fromkeys(a for a in (self.actor(m) for m in candidate.participants) if a))
                if candidate.kind in {EventKind.DISPUTE, EventKind.COOPERATION}:
                    parties = self._parties(actors, last_parties.get(facts.info.doc_id), candidate.sentence)
                    if len(parties) < 2:
                        continue
                    if candidate.kind is EventKind.DISPUTE:
                        last_parties[facts.info.doc_id] = parties
                    self._add(candidate, parties, actors, None, None, relaxed=True)
                    continue
                if candidate.kind is EventKind.VISIT:
                    destination = self.place(candidate.destination)
                    actors = tuple(a for a in actors if self._kind(a) is EntityKind.PERSON)
                    if not actors or destination is None:
                        continue
                    self._add(candidate, frozenset(actors), actors, destination, self.country_of(destination),
                              relaxed=True)
                    continue
                if len(set(actors)) < 2:
                    continue
                place = self.place(candidate.place)
                self._add(candidate, frozenset(actors), actors, place, None, relaxed=False)

    def _kind(self, iri: str) -> EntityKind | None:
        entity = self.entities.get(iri)
        return entity.kind if entity is not None else None

    def absorb(self) -> None:
        """A meeting of a person with a country ("Moreau met senior Chinese officials")
        joins the meeting of that person with someone of that country at a compatible
        time, when there is exactly one."""
        # A host shares the person: only the meetings of that person are looked at, in
        # draft order (scanning every draft per candidate grew with the square of the corpus).
        meetings_of: dict[str, list[_Draft]] = defaultdict(list)
        for draft in self.drafts:
            if draft.kind is EventKind.MEETING:
                for participant in draft.participants:
                    meetings_of[participant].append(draft)
        kept = []
        for draft in self.drafts:
            if draft.kind is EventKind.MEETING and len(draft.participants) == 2:
                people = [p for p in draft.participants if self._kind(p) is EntityKind.PERSON]
                countries = [p for p in draft.participants if self._kind(p) is EntityKind.COUNTRY]
                if len(people) == 1 and len(countries) == 1:
                    hosts = [
                        other for other in meetings_of[people[0]]
                        if other is not draft
                        and any(self.country_of(p) == countries[0]
                                for p in other.participants if p != people[0])
                        and all(other.accepts(d, None, False) for d in draft.dates)
                        and not any(_another_occasion(other, c) for c, *_ in draft.candidates)
                    ]
                    if draft.dates:
                        hosts = [h for h in hosts if h.dates]
                    if len(hosts) == 1:
                        host = hosts[0]
                        host.candidates.extend(
                            (c, tuple(a for a in actors if a != countries[0]), place, group)
                            for c, actors, place, group in draft.candidates
                        )
                        host.dates.extend(draft.dates)
                        host.places.update(draft.places)
                        continue
            kept.append(draft)
        self.drafts = kept

    def _parties(self, actors: tuple[str, ...], last: frozenset[str] | None,
                 sentence: Evidence) -> frozenset[str]:
        """The two or more sides of a dispute or of cooperation. When the sentence names
        one side only, the other comes from the article's last dispute that has it, else
        it is the first other country the sentence names, else the country the article
        names most (if more than once); with no side named, the last dispute's (a dispute
        continues) or the article's two main countries."""
        parties = frozenset(self.country_of(a) for a in actors)
        if len(parties) >= 2:
            return parties
        if not parties:
            return last or self._top_countries(sentence.doc_id)
        if last and parties <= last:
            return last
        named = [iri for iri in self.sentence_countries.get(sentence, ()) if iri not in parties]
        if named:
            return parties | {named[0]}
        counts = self.doc_countries.get(sentence.doc_id, Counter())
        others = sorted((iri for iri in counts if iri not in parties and counts[iri] > 1),
                        key=lambda iri: (-counts[iri], iri))
        return parties | frozenset(others[:1])

    def _top_countries(self, doc_id: str) -> frozenset[str]:
        counts = self.doc_countries.get(doc_id, Counter())
        top = [iri for iri, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:2]]
        return frozenset(top) if len(top) == 2 else frozenset()

    def _add(self, candidate: EventCandidate, participants: frozenset[str], actors: tuple[str, ...],
             place: str | None, group: str | None, relaxed: bool) -> None:
        kind = candidate.kind
        key = participants if group is None else frozenset([*participants, group])
        # Only drafts of the same kind and participants can take it: an index, not a scan.
        for draft in self.by_key.get((kind, key), ()):
            if draft.accepts(candidate.date, place, relaxed) and not _another_occasion(draft, candidate):
                break
        else:
            draft = _Draft(kind, key, [], [], Counter(), Counter())
            self.drafts.append(draft)
            self.by_key.setdefault((kind, key), []).append(draft)
        draft.candidates.append((candidate, actors, place, group))
        if candidate.date is not None:
            draft.dates.append(candidate.date)
        if place:
            draft.places[place] += 1
        for issue in candidate.issues:
            draft.issues[issue] += 1

    def events(self) -> tuple[list[Event], list[Entity]]:
        issue_defs = {i.key: i for i in self.lexicon.issues}
        issue_evidence: dict[str, set[Evidence]] = defaultdict(set)
        out: list[Event] = []
        used: Counter[str] = Counter()
        for draft in self.drafts:
            candidates = [c for c, *_ in draft.candidates]
            # The latest article's word; within it, the most cautious one.
            latest = max(candidates, key=lambda c: (c.published.isoformat() if c.published else "",
                                                    -_STATUS_RANK[c.status]))
            date = draft.date() if draft.kind not in {EventKind.DISPUTE, EventKind.COOPERATION} else None
            # The most specific place (a city before a country), then the most often named.
            place = min(
                draft.places, key=lambda p: (self._kind(p) is EntityKind.COUNTRY, -draft.places[p], p)
            ) if draft.places else None
            participants = tuple(sorted({a for _, actors, _, _ in draft.candidates for a in actors}
                                        if draft.kind not in {EventKind.DISPUTE, EventKind.COOPERATION}
                                        else draft.participants))
            traveller = destination = None
            if draft.kind is EventKind.VISIT:
                traveller = participants[0]
                destination = place
            issues = tuple(sorted(mint("issue", issue_defs[k].label) for k in draft.issues))
            for candidate in candidates:
                for key in candidate.issues:
                    issue_evidence[key].add(candidate.sentence)
            names = " – ".join(sorted(self.entities[p].label for p in participants if p in self.entities))
            when = date.lexical if date else "undated"
            label = f"{draft.kind.value.replace('_', ' ').capitalize()}: {names}"
            if draft.kind is EventKind.VISIT and destination in self.entities:
                label = f"Visit: {self.entities[traveller].label} to {self.entities[destination].label}"
            if date:
                label += f" ({when})"
            base = mint(draft.kind.value, when, names or "unknown")
            used[base] += 1
            iri = base if used[base] == 1 else f"{base}-{used[base]}"
            plover = Counter(c.plover for c in candidates).most_common(1)[0][0]
            modes = Counter(c.mode for c in candidates if c.mode is not None)
            out.append(Event(
                iri=iri,
                kind=draft.kind,
                label=label,
                participants=participants,
                evidence=tuple(sorted({c.sentence for c in candidates})),
                status=latest.status,
                plover=plover,
                mode=modes.most_common(1)[0][0] if modes else None,
                date=date,
                place=place if draft.kind is not EventKind.VISIT else destination,
                traveller=traveller,
                destination=destination,
                issues=issues,
                rules=tuple(sorted({c.rule for c in candidates})),
            ))
        issues = [
            Entity(
                iri=mint("issue", issue_defs[key].label),
                kind=EntityKind.ISSUE,
                label=issue_defs[key].label,
                evidence=tuple(sorted(evidence)),
                key=key,
                attrs=(("issue_kind", issue_defs[key].kind),),
            )
            for key, evidence in sorted(issue_evidence.items())
        ]
        return out, issues


def merge_events(
    facts: Iterable[ArticleFacts], resolution: Resolution, data_dir: Path | None = None
) -> tuple[tuple[Event, ...], tuple[Entity, ...]]:
    """Join the event candidates of all articles into events, one per real event.

    Returns the events and the issue nodes they refer to.
    """
    ordered = sorted(facts, key=lambda f: f.info.doc_id)
    merger = _Merger(ordered, resolution, load_event_lexicon(data_dir))
    merger.run()
    merger.absorb()
    events, issues = merger.events()
    return tuple(sorted(events, key=lambda e: e.iri)), tuple(issues)
