"""Disputes and cooperation as one sentence tells them: who stands on each side, when, and
over what.

:mod:`kg.events.find` opens the event on a dispute or cooperation trigger and reads the
trigger's subjects and partners off the parse; the rules here decide, in this order:

1. **Whether the text says it is there.** Not a relation it says is missing ("without a
   binding agreement"). Not cooperation it only calls possible ("can cooperate": a modal
   other than a ``planned`` cue of ``status_cues.tsv``; "a possible deal"), nor an
   agreement to a meeting or visit ("accepted an invitation to visit", which that event
   records).
2. **The acting side.** A verb's subjects, with the countries coordinated in them
   ("Hungarian and Romanian officials", "the advisers of X and Y"); a subject that is no
   actor stands for the one its phrase names ("rebels in X"). A noun's governing verb's
   subjects only when the noun is what that verb states ("X and Y are at odds", "X
   repeated accusations") and names fewer than two parties itself ("sought to cool
   US-China tensions" is the two's); never for an act (a noun of PLOVER ASSAULT, COERCE
   or SANCTION: who "discussed the abduction" took no part in it). Else the noun's owner
   ("X's refusal"; "its war": the nearest country or organisation before the pronoun).
3. **The other side.** Whom the act is aimed at: the partners and targets
   :mod:`kg.events.find` gives ("accused X", "designated X's officials", "called on X"),
   but not whom a promise speaks of ("promised that Y would...") or a refused reproach
   names ("refused to condemn Y"). When there are none, the first actor the trigger's own
   phrase names, with those coordinated with it: not in its subjects, joined clauses, time
   or manner clauses or a phrase set before the subject ("With tensions high, X
   called..."), but in a purpose or condition ("to help defend Y", "unless Y withdrew",
   "called for Y to act") and, for a stated noun, the verb's that-clause ("reiterated its
   demand that Y withdraw"). A bare body word ("the military") stands for the body of
   that name the article named before ("the Burmese military").
4. **No direction.** With no acting side, every party the phrase names is a side: an
   act's actors ("an incident in which X fired at Y"), a state noun's "between", "with"
   or "that" clause ("tensions rose between X and Y").

A verb with no acting side, or one side acting at no one ("X and Y threatened to leave"),
tells no dispute; only parties that act together ("X and Y agreed") need no other. No
party comes from outside the sentence, and :mod:`kg.events.merge` keeps a relation only
where it has two sides.

Issues: the keys of the vocabulary's issues (``issues.tsv``) the sentence names, for
grouping, less those named only in a party's own name ("North Korea's abduction" is not
over the issue North Korea); an act is over what its own phrase names, else it is an
issue of its own ("the abduction") beside those of its sentence. When the vocabulary
names none, the text's own words become topics: what "over", "about", "concerning",
"regarding" introduce, a noun's "of" or "on" ("criticism of the plan"), and what is
reproached ("blamed the attack on X", "accused X of fraud").

The date is the one the trigger's clause gives, resolved as a meeting's is.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg.vocab import EntityKind, EventKind, Plover, Status, Tense

if TYPE_CHECKING:
    from kg.events.lexicon import EventLexicon, Trigger
    from kg.mentions import DocMentions
    from kg.types import EventCandidate, Evidence, Mention, TemporalValue

__all__ = ["ACTS", "RelationReader"]

ACTS = frozenset({Plover.ASSAULT, Plover.COERCE, Plover.SANCTION})
"""PLOVER types of material acts: a noun of one names the act itself ("the abduction"),
which carries its own parties and is its own issue when the vocabulary has none."""

#: _Actors found in a sentence: the head token of each and its mention.
_Actors = list[tuple[Token, "Mention"]]

_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_BODIES = {EntityKind.COUNTRY, EntityKind.ORGANIZATION}
_SIDE_KINDS = {*_BODIES, EntityKind.PERSON}
# How a noun is what its verb states: its object or complement, or after "at"/"in" ("at odds").
_STATED = {"dobj", "attr", "oprd", "nsubj", "nsubjpass"}
_STATE_PREPS = {"at", "in"}
# What the other side's search does not enter: joined clauses (other events), and asides.
_NOT_THE_PHRASE = {"cc", "parataxis", "punct", "mark"}
# Clauses the search enters: a condition names who must act ("unless Y withdrew"), and
# "called for Y to act" is the call's object.
_ASKED_CLAUSES = {"if", "unless", "for"}
_POSSESSIVE_PRONOUNS = {"its", "their"}
_BETWEEN = {"between", "among", "with"}
# Prepositions whose object is what a dispute is about.
_ABOUT = {"over", "about", "concerning", "regarding"}
# ...and those whose object is a noun's matter unless it names an actor ("cooperation on X",
# "criticism of X"), or a reproach's ("accused Y of X", "blamed Y for X").
_OF_A_NOUN = {"on", "of"}
_OF_A_REPROACH = {"of", "for"}
_MATTER_VERBS = {Plover.DISAPPROVE}
# The words of a topic's noun phrase: what is left out of it.
_NOT_IN_TOPIC = {"predet", "punct", "relcl", "acl", "appos", "advcl", "cc", "conj", "nummod", "quantmod"}


class RelationReader:
    """Reads the sides, issues and date of disputes and cooperation in one parsed article.

    Parameters
    ----------
    found:
        The article's parse and mentions.
    lexicon:
        The issues and status cues.
    actor:
        The actor a noun phrase's head names (:meth:`kg.events.find` resolves titles and
        pronouns).
    when:
        The date the DATE phrases nearest some tokens give, in a tense.
    """

    def __init__(self, found: DocMentions, lexicon: EventLexicon,
                 actor: Callable[[Token], Mention | None],
                 when: Callable[[list[Token], Tense], TemporalValue | None]) -> None:
        self.found = found
        self.lexicon = lexicon
        self._actor = actor
        self._when = when
        # The country names of each sentence, as (start, end, country code) in its text.
        self._countries: dict[Evidence, list[tuple[int, int, str]]] = defaultdict(list)
        for mention in found.mentions:
            if mention is not None and mention.kind is EntityKind.COUNTRY:
                start = mention.start - mention.sentence.start
                self._countries[mention.sentence].append((start, start + len(mention.text), mention.key))
        # Organisations as the article names them, in text order, for bare body words.
        self._bodies = [
            (span.start, mention) for span, mention in zip(found.spans, found.mentions, strict=True)
            if mention is not None and mention.kind is EntityKind.ORGANIZATION
        ]

    def candidates(self, base: EventCandidate, trigger: Token, rule: Trigger, verb: Token,
                   subjects: _Actors, partners: _Actors, tense: Tense) -> Iterator[EventCandidate]:
        """The dispute or cooperation ``trigger`` opens, as ``base`` with its sides, issues and date.

        ``verb`` is the trigger itself or, for a noun, the verb it depends on; ``subjects``
        and ``partners`` are the actors :mod:`kg.events.find` read for the trigger (its
        clause's subjects; its objects, complements and owners).
        """
        if self._absent(trigger, rule):
            return
        acting, other = self._sides(trigger, rule, verb, subjects, partners)
        if rule.pos != "NOUN" and (not acting or (not other and (
                rule.kind is EventKind.DISPUTE or _side_count(acting) < 2))):
            # No one acts ("a commitment to supporting X, Y and Z" names those it is aimed
            # at); or one side acts at no one ("X and Y threatened..."): only sides that act
            # together ("X and Y agreed") need no other.
            return
        actors = _unique([m for _, m in acting] + [m for _, m in other])
        if not actors:
            return
        targets = tuple(_unique(m for _, m in other)) if acting else ()
        topics: tuple[str, ...]
        if rule.pos == "NOUN" and rule.plover in ACTS:
            # An act is over what its own phrase names (a sentence that lists many matters,
            # "from trade to Russia's war in Ukraine", lists others'); else it is an issue of
            # its own, beside those of its sentence.
            issues = self._named_issues(base.sentence, actors, self._chars(trigger, base.sentence))
            topics = () if issues else (self._phrase(trigger, bare=True),)
            issues = issues or self._named_issues(base.sentence, actors)
        else:
            issues = self._named_issues(base.sentence, actors)
            topics = () if issues else self._topics(trigger, rule, verb)
        roots = [trigger] if verb == trigger else [trigger, verb]
        yield replace(base, participants=tuple(actors), targets=targets, issues=issues, topics=topics,
                      date=self._when(roots, tense), status=Status.OCCURRED)

    # -- whether ------------------------------------------------------------------------------

    def _absent(self, trigger: Token, rule: Trigger) -> bool:
        """Whether the sentence does not say the relation is there (rule 1 of the module
        docstring)."""
        if trigger.dep_ in {"pobj", "pcomp"} and trigger.head.lower_ == "without":
            return True
        if rule.kind is not EventKind.COOPERATION:
            return False
        if rule.pos == "VERB":
            hedged = any(c.dep_ == "aux" and c.tag_ == "MD" and self._cue(c) is not Status.PLANNED
                         for c in trigger.children)
            return hedged or any(self._asks_to_meet(c) for c in trigger.children if c.dep_ == "dobj")
        return any(self._cue(c) in {Status.POSSIBLE, Status.PLANNED} for c in trigger.children
                   if c.dep_ == "amod")

    def _cue(self, token: Token) -> Status | None:
        words = self.lexicon.status_words
        return words.get(token.lemma_.lower()) or words.get(token.lower_)

    def _asks_to_meet(self, noun: Token) -> bool:
        """Whether ``noun`` asks for a meeting or visit: "an invitation to visit", "a request
        for talks" (a ``requests.tsv`` noun whose complement opens one)."""
        if noun.lemma_.lower() not in self.lexicon.requests:
            return False
        asked = [c for c in noun.children if c.dep_ in {"acl", "relcl"}]
        asked += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "for"
                  for g in c.children if g.dep_ == "pobj"]
        meetings = {EventKind.MEETING, EventKind.PHONE_CALL, EventKind.VISIT}
        return any(rule.kind in meetings for word in asked
                   for pos in ("VERB", "NOUN")
                   for rule in self.lexicon.triggers.get((word.lemma_.lower(), pos), ()))

    # -- sides --------------------------------------------------------------------------------

    def _sides(self, trigger: Token, rule: Trigger, verb: Token, subjects: _Actors,
               partners: _Actors) -> tuple[_Actors, _Actors]:
        """The acting side and the other side (rules 2 to 4 of the module docstring); no
        acting side means the text gives no direction."""
        stated = False
        # Words whose actors the act is not aimed at: what a promise says of them ("promised
        # that Y will..."), a reproach refused ("refused to condemn Y").
        unaimed: set[int] = set()
        if rule.pos == "NOUN":
            stated = verb != trigger and self._stated(trigger, rule) and bool(subjects)
            # "X reiterated its demand": the pronoun is the subject again.
            own = self._owner(trigger, pronouns=not stated)
            partners = partners + own
            # A noun that names two parties itself ("US-China tensions") is theirs, not the
            # verb's subject's ("sought to cool US-China tensions").
            acting = self._with_coordinated(subjects) if stated and _side_count(partners) < 2 else own
        else:
            acting = self._with_coordinated(subjects) or self._within_subjects(verb)
            if rule.kind is EventKind.COOPERATION:
                unaimed = {t.i for c in trigger.children if c.dep_ == "ccomp" for t in c.subtree}
        if rule.plover is Plover.REJECT:
            unaimed |= self._refused_reproach(trigger)
        partners = [(h, m) for h, m in partners if h.i not in unaimed]
        taken = {m.position for _, m in acting}
        other = [(h, m) for h, m in partners if m.position not in taken]
        # One side and no other, or no sides: look in the trigger's phrase. Two sides that act
        # together ("X and Y agreed") need no other.
        if (acting and not other and _side_count(acting) < 2) or (not acting and _side_count(other) < 2):
            skip = unaimed | {t.i for h, _ in acting for t in h.subtree}
            if acting or rule.pos != "NOUN" or rule.plover in ACTS:
                named = self._named_within(trigger, skip)
            else:
                named = self._between(trigger)
            named = [(h, m) for h, m in named if m.position not in taken]
            if rule.pos == "NOUN" and stated:
                # "reiterated its demand that Y act": the clause is the noun's content.
                clauses = [c for c in verb.children if c.dep_ == "ccomp"]
                named += [(h, m) for h, m in self._named_within(verb, skip, clauses)
                          if m.position not in taken]
            if acting and named:
                # The first one the phrase names, with those coordinated with it.
                first = named[0][0]
                named = [(h, m) for h, m in named if h == first or h in first.conjuncts]
            other += named
        return acting, other

    def _refused_reproach(self, trigger: Token) -> set[int]:
        """The words of a dispute the trigger refuses ("refused to condemn X"): who is not
        reproached is no other side of the refusal."""
        out: set[int] = set()
        for clause in trigger.children:
            if clause.dep_ in {"xcomp", "acl", "ccomp"} and any(
                    rule.kind is EventKind.DISPUTE
                    for rule in self.lexicon.triggers.get((clause.lemma_.lower(), "VERB"), ())):
                out.update(t.i for t in clause.subtree)
        return out

    def _with_coordinated(self, actors: _Actors) -> _Actors:
        """``actors`` and the countries or bodies coordinated in their modifiers: "Hungarian
        and Romanian officials", "the advisers of X, Y and Z" are of every side they name,
        whichever one their title was tied to."""
        out = list(actors)
        for head, _ in actors:
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    child = next((g for g in child.children if g.dep_ == "pobj"), child)
                elif child.dep_ not in {"amod", "compound", "nmod"}:
                    continue
                for word in (child, *child.conjuncts) if child.conjuncts else ():
                    mention = self.found.mention_at(word.i)
                    if mention is not None and mention.kind in _BODIES:
                        out.append((word, mention))
        return out

    def _within_subjects(self, verb: Token) -> _Actors:
        """The actors named within subjects that are no actors themselves: "Rebels in the
        Ivory Coast", "opposition groups in Zimbabwe"."""
        out: _Actors = []
        for subject in (c for c in verb.children if c.dep_ in _SUBJECTS):
            out += self._named_within(subject, set())[:1]
        return out

    def _stated(self, noun: Token, rule: Trigger) -> bool:
        """Whether the governing verb's subjects are a side of ``noun``: the noun is what the
        verb states, or an act the verb performs ("imposed sanctions"; who "discussed the
        kidnappings" took no part)."""
        if rule.plover in ACTS:
            return noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.lexicon.perform_words
        if noun.dep_ in _STATED:
            return True
        return noun.dep_ == "pobj" and noun.head.lower_ in _STATE_PREPS

    def _owner(self, noun: Token, pronouns: bool) -> _Actors:
        """Who owns ``noun``: "X's refusal", and, if ``pronouns``, "its war" (the nearest
        country or organisation before the pronoun in its sentence)."""
        out: _Actors = []
        for child in noun.children:
            if child.dep_ != "poss":
                continue
            if child.lower_ in _POSSESSIVE_PRONOUNS:
                if not pronouns:
                    continue
                mention = self._nearest_body(child)
            else:
                mention = self._actor(child)
            if mention is not None:
                out.append((child, mention))
        return out

    def _nearest_body(self, pronoun: Token) -> Mention | None:
        for i in range(pronoun.i - 1, pronoun.sent.start - 1, -1):
            mention = self.found.mention_at(i)
            if mention is not None and mention.kind in _BODIES:
                return mention
        return None

    def _named_within(self, trigger: Token, skip: set[int], parts: list[Token] | None = None) -> _Actors:
        """The actors named within the trigger's own phrase (or only within those of its
        ``parts``), in text order (rule 3)."""
        out: _Actors = []
        stack = parts if parts is not None else [
            c for c in trigger.children if c.dep_ not in _SUBJECTS and _in_phrase(c)]
        while stack:
            token = stack.pop()
            if token.i in skip:
                continue
            if token.pos_ != "PRON":
                mention = self._actor(token) or self._body(token)
                if mention is not None:
                    out.append((token, mention))
            stack.extend(c for c in token.children if _in_phrase(c))
        return sorted(out, key=lambda found: found[0].i)

    def _between(self, noun: Token) -> _Actors:
        """The parties a state noun names itself: after "between", "among" or "with" within
        its phrase ("tensions heightened between X and Y"), and the subject of its "that"
        clause ("allegations that Y spied"); not every place its phrase lists ("disagreements
        ranging from trade with X to Y's war")."""
        heads: list[Token] = []
        # "Tensions rose between X and Y": the verb the noun is the subject of says between whom.
        around = [c for c in noun.head.children if c.dep_ == "prep"] if noun.dep_ in _SUBJECTS else []
        for token in (*noun.subtree, *around):
            # Not a "with" of a listed matter ("from trade with X").
            listed = token.head not in (noun, noun.head) and token.head.dep_ == "pobj"
            if token.dep_ == "prep" and token.lower_ in _BETWEEN and not listed:
                heads += [g for g in token.children if g.dep_ == "pobj"]
            elif token.head == noun and token.dep_ in {"acl", "ccomp"} and any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in token.children):
                heads += [c for c in token.children if c.dep_ in _SUBJECTS]
        out: _Actors = []
        for head in heads:
            for token in (head, *head.conjuncts, *(c for c in head.children if c.dep_ == "appos")):
                mention = self._actor(token)
                if mention is not None:
                    out.append((token, mention))
        return sorted(out, key=lambda found: found[0].i)

    def _body(self, token: Token) -> Mention | None:
        """The organisation a bare body word stands for: "the military" after "the Burmese
        military" (the last organisation the article named by that word before it)."""
        words = {token.lower_} | {c.lower_ for c in token.children if c.dep_ in {"amod", "compound"}}
        for start, mention in reversed(self._bodies):
            if start < token.i and mention.text.lower() in words and mention.country:
                return mention
        return None

    # -- issues -------------------------------------------------------------------------------

    def _named_issues(self, sentence: Evidence, actors: Iterable[Mention],
                      within: range | None = None) -> tuple[str, ...]:
        """Keys of the vocabulary's issues ``sentence`` names (``within`` those characters of
        its text), less those it names only in the name of a party's country: "North Korea's
        abductions" are not over the issue North Korea."""
        codes = {m.key if m.kind is EntityKind.COUNTRY else m.country for m in actors}
        names = [range(start, end) for start, end, code in self._countries[sentence] if code in codes]
        where = within if within is not None else range(len(sentence.text))
        return tuple(
            issue.key for issue in self.lexicon.issues
            if any(m.start() in where and not any(m.start() in name for name in names)
                   for m in issue.terms_in(sentence.text))
        )

    def _names_a_party(self, token: Token) -> bool:
        """Whether the noun ``token`` names a party rather than a matter: an actor, or a
        group of one ("Chilean sailors"); a thing an actor owns is a matter ("X's abduction")."""
        words = [token, *(c for c in token.children if c.dep_ in {"amod", "compound", "nmod"})]
        return any((m := self.found.mention_at(w.i)) is not None and m.kind in _SIDE_KINDS for w in words)

    def _chars(self, trigger: Token, sentence: Evidence) -> range:
        """Where the phrase ``trigger`` heads stands in the text of ``sentence``."""
        doc, offset = self.found.doc, self.found.offset - sentence.start
        first, last = doc[trigger.left_edge.i], doc[trigger.right_edge.i]
        return range(first.idx + offset, last.idx + len(last.text) + offset)

    def _topics(self, trigger: Token, rule: Trigger, verb: Token) -> tuple[str, ...]:
        """The text's own words for what the relation is about, when the sentence names no
        issue of the vocabulary: what "over", "about", "concerning", "regarding" introduce,
        a noun's "of" or "on" ("criticism of the plan"), and what is disapproved ("blamed
        the attack on X", "accused X of fraud")."""
        heads: list[Token] = []
        for holder in [trigger] if verb == trigger else [trigger, verb]:
            for prep in filter(_in_phrase, holder.children):
                word = prep.lower_
                own = set() if holder != trigger else _OF_A_NOUN if rule.pos == "NOUN" else (
                    _OF_A_REPROACH if rule.plover in _MATTER_VERBS else set())
                if prep.dep_ == "prep" and (word in _ABOUT or word in own):
                    heads.extend(g for g in prep.children if g.dep_ == "pobj")
        if rule.pos == "VERB" and rule.plover in _MATTER_VERBS:
            heads.extend(c for c in trigger.children if c.dep_ == "dobj")
        out: list[str] = []
        for head in heads:
            for token in (head, *head.conjuncts):
                if token.pos_ not in {"NOUN", "PROPN"} or token.ent_type_ in {"DATE", "TIME"}:
                    continue
                if self._names_a_party(token):
                    continue
                label = self._phrase(token, bare=False)
                if label and label not in out:
                    out.append(label)
        return tuple(out)

    @staticmethod
    def _phrase(head: Token, bare: bool) -> str:
        """The noun phrase ``head`` heads ("the bridge on the river", "Kosovo's independence"),
        without determiners, clauses, asides or times; a trigger noun (``bare``) with its
        compounds only ("terror attack")."""
        keep: list[Token] = []
        stack = [head]
        while stack:
            token = stack.pop()
            keep.append(token)
            for child in token.children:
                if bare and token == head and child.dep_ != "compound":
                    continue
                if child.dep_ in _NOT_IN_TOPIC or (child.dep_ == "poss" and child.pos_ == "PRON"):
                    continue
                if child.dep_ == "det" and (token == head or token.dep_ != "pobj"):
                    continue  # "the" only within a phrase: "bridge on the river"
                if child.dep_ == "prep" and any(g.ent_type_ in {"DATE", "TIME"} for g in child.children):
                    continue
                stack.append(child)
        words = sorted(keep, key=lambda t: t.i)
        # "'s" stays on its owner, words left out leave a space; the first word keeps its
        # capital only if it is a name.
        text = words[0].text
        for before, word in pairwise(words):
            text += (before.whitespace_ if word.i == before.i + 1 else " ") + word.text
        if words[0].pos_ != "PROPN":
            text = text[:1].lower() + text[1:]
        return text.strip()


def _in_phrase(token: Token) -> bool:
    """Whether the search for the other side goes into ``token`` (rule 3): not a joined
    clause, an aside, a time or manner clause, nor a phrase set before its clause's subject
    ("With tensions high, X called..." sets the scene)."""
    if token.dep_ in _NOT_THE_PHRASE or (token.dep_ == "conj" and token.pos_ in {"VERB", "AUX"}):
        return False
    if token.dep_ == "advcl":
        # A purpose ("to help defend Y") or a condition; not a time or manner clause.
        marks = [c.lower_ for c in token.children if c.dep_ == "mark"]
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        return any(m in _ASKED_CLAUSES for m in marks) or (infinitive and not marks)
    if token.dep_ == "prep" and token.head.pos_ in {"VERB", "AUX"}:
        subjects = [c.i for c in token.head.children if c.dep_ in _SUBJECTS]
        return not subjects or token.i > min(subjects)
    return True


def _side_count(actors: _Actors) -> int:
    """How many sides ``actors`` stand for: a country, or the country the text gives an actor,
    counts once ("China" and "Beijing" are one side)."""
    return len({m.key if m.kind is EntityKind.COUNTRY else (m.country or m.text.lower()) for _, m in actors})


def _unique(mentions: Iterable[Mention]) -> list[Mention]:
    """Each mention once, first place first."""
    return list({m.position: m for m in mentions}.values())
