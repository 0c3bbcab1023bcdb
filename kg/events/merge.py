"""Events across articles: the candidates of every article joined into one event per
real event, once mentions are resolved to entities.

Candidates join when they have the same kind, the same participants, compatible dates
and places. An event's status is the word of the latest article.

Disputes and cooperation are between sides, each a country where the text names people
(their country): the actors of a sentence and those they aim at, or all it names when
the text gives no sides ("tensions between X and Y"). Only the text's own parties count
(:mod:`kg.events.disputes`): a sentence that names one side tells no dispute. The
sentences of one set of parties join per episode: an undated sentence joins its article's
episode of those parties, others join when every sentence of the episode falls in their
month (their date, else the month their article was published). Each episode is dated as
precisely as its sentences agree, and collects every issue they name, the vocabulary's
(``issues.tsv``, with the words the text used for it as its other names) and the text's
own (a topic: "the abductions").
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from kg.events.lexicon import EventLexicon, IssueDef
from kg.iri import mint, slug
from kg.kinds import RELATION_KINDS
from kg.types import ArticleFacts, Entity, Event, EventCandidate, Evidence, Mention, Resolution, TemporalValue
from kg.vocab import SENTENCE_ENDS, EntityKind, EventKind, MentionRole, Status, TemporalPrecision

if TYPE_CHECKING:
    from kg.knowledge import Knowledge

__all__ = ["merge_events"]

_STATUS_RANK = {
    Status.CANCELLED: 0,
    Status.DECLINED: 1,
    Status.POSTPONED: 2,
    Status.POSSIBLE: 3,
    Status.PLANNED: 4,
    Status.OCCURRED: 5,
}


@dataclass(frozen=True, slots=True)
class _Account:
    """One sentence's account of an event: the candidate and the entities its actors resolved to."""

    candidate: EventCandidate
    actors: tuple[str, ...]


@dataclass(slots=True)
class _Draft:
    """An event being merged (mutable only inside :func:`merge_events`)."""

    kind: EventKind
    participants: frozenset[str]
    accounts: list[_Account]
    dates: list[TemporalValue]
    places: Counter[str]
    issues: Counter[str]
    #: For a dispute or cooperation: when the sentences that set its episode tell it (:func:`_episode`).
    episodes: list[TemporalValue | None] = field(default_factory=list)
    #: For a dispute or cooperation: the text's own words for its issues.
    topics: Counter[str] = field(default_factory=Counter)

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

    def accepts(self, date: TemporalValue | None, place: str | None, relaxed: bool,
                inside: Callable[[str, str], bool] = lambda place, country: False) -> bool:
        """Whether an account at ``date`` and ``place`` can be of this event: dates compatible,
        and the place one of its places, or in one, or one of them in it (``inside``: "the
        palace" and the country it stands in)."""
        for known in self.dates:
            if date is None:
                break
            if relaxed:
                if not _same_month(known, date):
                    return False
            elif not known.compatible(date):
                return False
        if not place or not self.places or relaxed or place in self.places:
            return True
        return any(inside(place, known) or inside(known, place) for known in self.places)


# The events between people that a country can stand in for one side of.
_CONTACTS = frozenset({EventKind.MEETING, EventKind.PHONE_CALL})

_PRECISION = {TemporalPrecision.YEAR: 0, TemporalPrecision.MONTH: 1, TemporalPrecision.DAY: 2}


def _in_headline(sentence: Evidence) -> bool:
    """Whether ``sentence`` is its article's first line and does not end like a sentence."""
    return sentence.start == 0 and not sentence.text.rstrip().endswith(SENTENCE_ENDS)


def _same_month(one: TemporalValue, other: TemporalValue) -> bool:
    """Whether two dates can be in the same month (a year is in each of its months)."""
    return one.value.year == other.value.year and (
        TemporalPrecision.YEAR in (one.precision, other.precision) or one.value.month == other.value.month
    )


def _episode(candidate: EventCandidate) -> TemporalValue | None:
    """When a dispute or cooperation is told: the date its sentence gives, else the month
    its article was published (the news of that month), else unknown."""
    if candidate.date is not None:
        return candidate.date
    if candidate.published is None:
        return None
    return TemporalValue(candidate.published.replace(day=1), TemporalPrecision.MONTH)


def _same_month_as(draft: _Draft, episode: TemporalValue | None) -> bool:
    """Whether every sentence that set ``draft``'s episode falls in the month of ``episode``."""
    return episode is not None and all(e is not None and _same_month(e, episode) for e in draft.episodes)


def _another_occasion(draft: _Draft, candidate: EventCandidate) -> bool:
    """An undated plan or hope is not the same occasion as a past event ("will meet again"
    is not last year's meeting), as one its own article says took place, nor as one that was
    refused ("would meet at some point" after a request for a meeting was rebuffed)."""
    if candidate.date is not None or candidate.status not in {Status.PLANNED, Status.POSSIBLE}:
        return False
    if any(a.candidate.doc_id == candidate.doc_id and a.candidate.status is Status.OCCURRED
           for a in draft.accounts):
        return True  # "X met Y on Monday. They agreed to hold more talks": the article's next one
    published = candidate.published
    if published and any(d.value < published.replace(day=1) for d in draft.dates):
        return True
    return all(a.candidate.status in {Status.DECLINED, Status.CANCELLED} for a in draft.accounts)


class _Merger:
    def __init__(self, facts: list[ArticleFacts], resolution: Resolution, lexicon: EventLexicon) -> None:
        self.resolution = resolution
        self.entities = resolution.entities
        self.lexicon = lexicon
        self.facts = facts
        self.drafts: list[_Draft] = []
        self.by_key: dict[tuple[EventKind, frozenset[str]], list[_Draft]] = {}
        # The first country entity of each code, looked up once rather than searched per actor.
        self.country_by_code: dict[str, str] = {}
        for iri, entity in self.entities.items():
            if entity.kind is EntityKind.COUNTRY:
                self.country_by_code.setdefault(entity.key, iri)

    def actor(self, mention: Mention) -> str | None:
        iri = self.resolution.entity_of.get(mention.position)
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
        return self.resolution.entity_of.get(mention.position)

    def run(self) -> None:
        for facts in self.facts:
            # An article's dated relations set its episodes before its undated ones join them.
            ordered = sorted(facts.events, key=lambda c: c.kind in RELATION_KINDS and c.date is None)
            for candidate in ordered:
                actors = tuple(dict.fromkeys(a for a in (self.actor(m) for m in candidate.participants) if a))
                if candidate.kind in RELATION_KINDS:
                    parties = self._parties(candidate)
                    if parties:
                        self._relate(candidate, parties)
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

    def _told_again(self, draft: _Draft, candidate: EventCandidate, place: str | None) -> bool:
        """Whether ``candidate`` tells again a meeting or call its own article told of the same
        people at a compatible time, at a place named otherwise ("meet in Brasilia" in the
        headline, "at the Planalto Palace" in the body): one occasion, unless the two places
        lie in two countries kg knows."""
        if not draft.accepts(candidate.date, None, False):
            return False
        if not any(a.candidate.doc_id == candidate.doc_id for a in draft.accounts):
            return False
        country = self._country_code(place)
        return not country or all(self._country_code(known) in {"", country} for known in draft.places)

    def _country_code(self, place: str | None) -> str:
        """The country ``place`` (an entity IRI) is or lies in, as an IRI; empty when unknown."""
        if not place:
            return ""
        where = self.country_of(place)
        return where if self._kind(where) is EntityKind.COUNTRY else ""

    def _inside(self, place: str, country: str) -> bool:
        """Whether ``place`` stands in ``country`` (both entity IRIs)."""
        is_country = self._kind(country) is EntityKind.COUNTRY
        return is_country and place != country and self.country_of(place) == country

    def _kind(self, iri: str) -> EntityKind | None:
        entity = self.entities.get(iri)
        return entity.kind if entity is not None else None

    def absorb(self) -> None:
        """A meeting or call that names a country for one side ("Moreau met senior Chinese
        officials", a headline's "Japan's top diplomat meets Chinese counterpart") joins the
        one meeting or call of the same kind at a compatible time whose people stand for
        every such country and include the rest: the person's own (anywhere in the corpus)
        when it names one, else one its own article tells."""
        # Only the events of the draft's person, or of its article, are looked at (scanning
        # every draft per candidate grew with the square of the corpus).
        of_participant: dict[tuple[EventKind, str], list[_Draft]] = defaultdict(list)
        of_article: dict[tuple[EventKind, str], list[_Draft]] = defaultdict(list)
        for draft in self.drafts:
            if draft.kind in _CONTACTS:
                for participant in draft.participants:
                    of_participant[(draft.kind, participant)].append(draft)
                for doc_id in dict.fromkeys(a.candidate.doc_id for a in draft.accounts):
                    of_article[(draft.kind, doc_id)].append(draft)
        kept = []
        for draft in self.drafts:
            host = self._host(draft, of_participant, of_article) if draft.kind in _CONTACTS else None
            if host is None:
                kept.append(draft)
                continue
            # The countries stood for the host's participants, who are already there.
            countries = {p for p in draft.participants if self._kind(p) is EntityKind.COUNTRY}
            host.accounts.extend(replace(a, actors=tuple(x for x in a.actors if x not in countries))
                                 for a in draft.accounts)
            host.dates.extend(draft.dates)
            host.places.update(draft.places)
        # A headline's meeting of countries that no sentence of its article tells again is the
        # parse of a headline's clipped words ("Saudi Arabia, US Host Sudan Talks"), no event.
        self.drafts = [d for d in kept if not (d.kind in _CONTACTS and self._headline_only(d))]

    def _headline_only(self, draft: _Draft) -> bool:
        """Whether ``draft`` is a meeting or call of countries only, told only by headlines."""
        return all(self._kind(p) is EntityKind.COUNTRY for p in draft.participants) and all(
            _in_headline(a.candidate.sentence) for a in draft.accounts
        )

    def _host(self, draft: _Draft, of_participant: dict[tuple[EventKind, str], list[_Draft]],
              of_article: dict[tuple[EventKind, str], list[_Draft]]) -> _Draft | None:
        """The one event ``draft`` tells with countries for people (see :meth:`absorb`), or None;
        the events of each kind are indexed by participant and by article."""
        kinds = [self._kind(p) for p in draft.participants]
        if len(kinds) < 2 or EntityKind.COUNTRY not in kinds or any(
            k not in {EntityKind.PERSON, EntityKind.COUNTRY} for k in kinds
        ):
            return None
        people = {p for p in draft.participants if self._kind(p) is EntityKind.PERSON}
        countries = draft.participants - people
        if people:
            pool = of_participant[(draft.kind, min(people))]
        else:
            docs = dict.fromkeys(a.candidate.doc_id for a in draft.accounts)
            pool = list({id(d): d for doc_id in docs for d in of_article[(draft.kind, doc_id)]}.values())
        hosts = [
            other for other in pool
            if other is not draft and people <= other.participants
            and countries <= {self.country_of(p) for p in other.participants - people
                              if self._kind(p) is EntityKind.PERSON}
            and all(other.accepts(d, None, False) for d in draft.dates)
            and not any(_another_occasion(other, a.candidate) for a in draft.accounts)
            and (other.dates or not draft.dates)
        ]
        return hosts[0] if len(hosts) == 1 else None

    def _sides(self, mentions: Iterable[Mention]) -> list[str]:
        """The sides ``mentions`` stand for, in order: countries for people, once each."""
        actors = (self.actor(m) for m in mentions)
        return list(dict.fromkeys(self.country_of(a) for a in actors if a))

    def _parties(self, candidate: EventCandidate) -> frozenset[str]:
        """The sides a dispute or cooperation candidate names, if there are two: each that
        acts and each it aims at on another side, or, when the text gives no sides, all it
        names. Empty when it aims at no side but the actors' own ("X criticised its own
        envoy")."""
        aimed = {m.position for m in candidate.targets}
        acting = self._sides(m for m in candidate.participants if m.position not in aimed)
        if aimed:
            other = self._sides(candidate.targets)
            return frozenset(side for a in acting for b in other if a != b for side in (a, b))
        return frozenset(acting) if len(acting) >= 2 else frozenset()

    def _relate(self, candidate: EventCandidate, parties: frozenset[str]) -> None:
        """Add the account of a dispute or cooperation between ``parties`` to its episode.

        An undated sentence continues the story its article tells of the parties (the
        article's episode in the month it was published, else its first); others join the
        episode whose every sentence falls in their month. So that an article's dated
        sentences set its episodes, :meth:`run` hands them over first.
        """
        key = (candidate.kind, parties)
        drafts = self.by_key.get(key, [])
        episode = _episode(candidate)
        draft = None
        if candidate.date is None:
            told = [d for d in drafts if any(a.candidate.doc_id == candidate.doc_id for a in d.accounts)]
            draft = next((d for d in told if _same_month_as(d, episode)), told[0] if told else None)
        if draft is None:
            draft = next((d for d in drafts if _same_month_as(d, episode)), None)
            if draft is None:
                draft = _Draft(candidate.kind, parties, [], [], Counter(), Counter())
                self.drafts.append(draft)
                self.by_key.setdefault(key, []).append(draft)
            draft.episodes.append(episode)
        draft.accounts.append(_Account(candidate, tuple(sorted(parties))))
        if candidate.date is not None:
            draft.dates.append(candidate.date)
        draft.issues.update(candidate.issues)
        draft.topics.update(candidate.topics)

    def _add(self, candidate: EventCandidate, participants: frozenset[str], actors: tuple[str, ...],
             place: str | None, group: str | None, relaxed: bool) -> None:
        kind = candidate.kind
        key = participants if group is None else frozenset([*participants, group])
        # Only drafts of the same kind and participants can take it: an index, not a scan.
        for draft in self.by_key.get((kind, key), ()):
            fits = draft.accepts(candidate.date, place, relaxed, self._inside) or (
                group is None and self._told_again(draft, candidate, place)
            )
            if fits and not _another_occasion(draft, candidate):
                break
        else:
            draft = _Draft(kind, key, [], [], Counter(), Counter())
            self.drafts.append(draft)
            self.by_key.setdefault((kind, key), []).append(draft)
        draft.accounts.append(_Account(candidate, actors))
        if candidate.date is not None:
            draft.dates.append(candidate.date)
        if place:
            draft.places[place] += 1
        for issue in candidate.issues:
            draft.issues[issue] += 1

    def events(self) -> tuple[list[Event], list[Entity]]:
        issue_defs = {i.key: i for i in self.lexicon.issues}
        issue_evidence: dict[str, set[Evidence]] = defaultdict(set)
        topic_evidence: dict[str, set[Evidence]] = defaultdict(set)
        topic_kinds: dict[str, EventKind] = {}
        out: list[Event] = []
        used: Counter[str] = Counter()
        for draft in self.drafts:
            candidates = [a.candidate for a in draft.accounts]
            # The latest article's word; within it, the most cautious one.
            latest = max(candidates, key=lambda c: (c.published.isoformat() if c.published else "",
                                                    -_STATUS_RANK[c.status]))
            date = draft.date()
            # The most specific place (a city before a country), then the most often named.
            place = min(
                draft.places, key=lambda p: (self._kind(p) is EntityKind.COUNTRY, -draft.places[p], p)
            ) if draft.places else None
            participants = tuple(sorted({x for a in draft.accounts for x in a.actors}
                                        if draft.kind not in RELATION_KINDS
                                        else draft.participants))
            traveller = destination = None
            if draft.kind is EventKind.VISIT:
                traveller = participants[0]
                destination = place
            issues = tuple(sorted({mint("issue", issue_defs[k].label) for k in draft.issues}
                                  | {mint("issue", topic) for topic in draft.topics}))
            for candidate in candidates:
                for key in candidate.issues:
                    issue_evidence[key].add(candidate.sentence)
                for topic in candidate.topics:
                    topic_evidence[topic].add(candidate.sentence)
                    topic_kinds.setdefault(topic, draft.kind)
            names = " – ".join(sorted(self.entities[p].label for p in participants if p in self.entities))
            when = date.lexical if date else "undated"
            label = f"{draft.kind.value.replace('_', ' ').capitalize()}: {names}"
            if traveller is not None and destination in self.entities:
                label = f"Visit: {self.entities[traveller].label} to {self.entities[destination].label}"
            if date:
                label += f" ({when})"
            base = mint(draft.kind.value, when, names or "unknown")
            used[base] += 1
            iri = base if used[base] == 1 else f"{base}-{used[base]}"
            # A meeting's PLOVER type goes with its status (CONSULT only when it took place).
            plover = (Counter(c.plover for c in candidates).most_common(1)[0][0]
                      if draft.kind in RELATION_KINDS else latest.plover)
            modes = Counter(c.mode for c in candidates if c.mode is not None and c.plover is plover)
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
        issue_nodes = [
            Entity(
                iri=mint("issue", issue_defs[key].label),
                kind=EntityKind.ISSUE,
                label=issue_defs[key].label,
                aliases=_surface_forms(issue_defs[key], evidence),
                evidence=tuple(sorted(evidence)),
                key=key,
                attrs=(("issue_kind", issue_defs[key].kind),),
            )
            for key, evidence in sorted(issue_evidence.items())
        ]
        # A topic is named by its words; two spellings of one slug are one node, named by the first.
        topics: dict[str, Entity] = {}
        for topic, evidence in sorted(topic_evidence.items()):
            iri = mint("issue", topic)
            known = topics.get(iri)
            if known is None:
                topics[iri] = Entity(iri=iri, kind=EntityKind.ISSUE, label=topic, key=slug(topic),
                                     evidence=tuple(sorted(evidence)),
                                     attrs=(("issue_kind", topic_kinds[topic].value),))
            else:
                topics[iri] = replace(known, aliases=(*known.aliases, topic),
                                      evidence=tuple(sorted({*known.evidence, *evidence})))
        vocabulary = {node.iri for node in issue_nodes}
        return out, issue_nodes + [node for iri, node in topics.items() if iri not in vocabulary]


def _surface_forms(issue: IssueDef, evidence: Iterable[Evidence]) -> tuple[str, ...]:
    """The words the sentences used for ``issue``, once each whatever their case, less its label."""
    seen: dict[str, str] = {issue.label.lower(): issue.label}
    for sentence in sorted(evidence):
        for term in issue.terms_in(sentence.text):
            seen.setdefault(term.group().lower(), term.group())
    return tuple(sorted(term for lower, term in seen.items() if lower != issue.label.lower()))


def merge_events(
    facts: Iterable[ArticleFacts], resolution: Resolution, knowledge: Knowledge
) -> tuple[tuple[Event, ...], tuple[Entity, ...]]:
    """Join the event candidates of all articles into events, one per real event.

    ``knowledge`` gives the issues' labels and kinds. Returns the events and the issue
    nodes they refer to.
    """
    ordered = sorted(facts, key=lambda f: f.info.doc_id)
    merger = _Merger(ordered, resolution, knowledge.events)
    merger.run()
    merger.absorb()
    events, issues = merger.events()
    return tuple(sorted(events, key=lambda e: e.iri)), tuple(issues)
