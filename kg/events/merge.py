"""Events across articles: the candidates of every article joined into one event per
real event, once mentions are resolved to entities.

Candidates join when they have the same kind, the same participants, compatible dates
and places. An event's status is the word of the latest article. Disputes and
cooperation are joined per set of parties (countries where the text names people)
and collect every issue named; a sentence that names one side only gets the other
from the article's last dispute, else from the other country the sentence names.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from kg.events.lexicon import EventLexicon
from kg.iri import mint
from kg.kinds import RELATION_KINDS
from kg.types import ArticleFacts, Entity, Event, EventCandidate, Evidence, Mention, Resolution, TemporalValue
from kg.vocab import EntityKind, EventKind, MentionRole, Status, TemporalPrecision

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
    return all(a.candidate.status in {Status.DECLINED, Status.CANCELLED} for a in draft.accounts)


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
                resolution.entity_of[m.position]
                for m in f.mentions
                if m.kind is EntityKind.COUNTRY and m.position in resolution.entity_of
            )
            for f in facts
        }
        self.sentence_countries: dict[Evidence, list[str]] = defaultdict(list)
        for f in facts:
            for m in sorted(f.mentions, key=lambda m: m.start):
                iri = resolution.entity_of.get(m.position)
                if m.kind is EntityKind.COUNTRY and iri and iri not in self.sentence_countries[m.sentence]:
                    self.sentence_countries[m.sentence].append(iri)
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
        last_parties: dict[str, frozenset[str]] = {}
        for facts in self.facts:
            for candidate in facts.events:
                actors = tuple(dict.fromkeys(a for a in (self.actor(m) for m in candidate.participants) if a))
                if candidate.kind in RELATION_KINDS:
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
                        and not any(_another_occasion(other, a.candidate) for a in draft.accounts)
                    ]
                    if draft.dates:
                        hosts = [h for h in hosts if h.dates]
                    if len(hosts) == 1:
                        host = hosts[0]
                        # The country stood for the host's partner, who is already there.
                        host.accounts.extend(
                            replace(a, actors=tuple(x for x in a.actors if x != countries[0]))
                            for a in draft.accounts
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
        out: list[Event] = []
        used: Counter[str] = Counter()
        for draft in self.drafts:
            candidates = [a.candidate for a in draft.accounts]
            # The latest article's word; within it, the most cautious one.
            latest = max(candidates, key=lambda c: (c.published.isoformat() if c.published else "",
                                                    -_STATUS_RANK[c.status]))
            date = draft.date() if draft.kind not in RELATION_KINDS else None
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
            issues = tuple(sorted(mint("issue", issue_defs[k].label) for k in draft.issues))
            for candidate in candidates:
                for key in candidate.issues:
                    issue_evidence[key].add(candidate.sentence)
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
                evidence=tuple(sorted(evidence)),
                key=key,
                attrs=(("issue_kind", issue_defs[key].kind),),
            )
            for key, evidence in sorted(issue_evidence.items())
        ]
        return out, issue_nodes


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
