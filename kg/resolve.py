"""Entity resolution within and across articles: one node per real-world thing.

Countries, places and organisations resolve by gazetteer key. People are harder:

1. Full names (two or more words) are grouped by spelling, case-insensitively.
2. A rare spelling one edit away from a more frequent one, word for word, is a
   misspelling of it ("Anthony" for "Anna") unless the two are known to act for
   different countries. The canonical label is the most frequent spelling.
2b. Two full names are one person's, when exactly one other name fits and nothing says
   they act for different countries, if they are the same words but for middle
   initials or a generational suffix ("Jane Q. Roe", "Jane Roe Jr."), the same two
   words in the other order (a family name written first), one a tail of the other
   ("bin Tariq" of "Omar bin Tariq", a sanctions list's "ROE VARGA" of "Ana Roe
   Varga"), or those forms one edit apart in one long word ("Nikolaus"/"Nikolas").
   The label is then never a spelling in capitals or a tail of another spelling.
3. A single word ("Moreau", "Lin", "Min") joins the full name in the same article
   that contains it (the nearest one before it when several do), else the only
   full name in the corpus ending in it; a long single word one edit away from such
   a word joins it too ("Moreu"). A single word with a title ("President Kim") is a
   family name, which may be written first: it also joins the only full name in the
   corpus that starts with it ("Kim Min-jun"); when several full names end or start
   with it, it joins the one whose holder the title fits, if only one's does: a post
   they hold, or its short form ("Secretary Roe" of "Secretary of Defense Jane Roe").
4. A name the model tagged as a place or organisation becomes a person when it is
   one of a person's names; a place name that equals a person's full name is that
   person ("Maria Rossi's" tagged as a facility).
5. A title standing for a person ("the top US diplomat", "China's top diplomat")
   joins the one person in the corpus who holds that office for that owner.

Single words that join nobody are left unresolved (no half-name nodes) unless the
text gives them an office ("President Duval"); so is a full name only ever written
in capitals that no proper-cased name took in (rule 2b).

Offices are keyed by title and owner. An owner is a country, an organisation, or
a person's country ("the president's national security adviser"); a title with no
owner takes the holder's country. Press phrases map to offices by country
(``office_synonyms.tsv``: in the United States the "top diplomat" is the
Secretary of State). People the text gives no country get one from its other signals
when they agree (:mod:`kg.allegiance`: the home government's own officials, the host's
officials, the bilateral counterpart).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from operator import attrgetter

from kg.allegiance import infer_countries
from kg.iri import mint
from kg.knowledge import Knowledge
from kg.types import ArticleFacts, Entity, Evidence, Mention, OfficeClaim, Position, Resolution, Tenure
from kg.vocab import ClaimRule, EntityKind, MentionRole, TitleRank

__all__ = ["resolve"]

# A qualifier starting with one of these is a portfolio written after the title ("Minister
# for Trade"); any other is written before it ("East Asia Envoy").
_PORTFOLIO_PREPOSITIONS = ("for ", "of ", "on ", "to ")
# Ranks whose bare title is its own post, never the short form of a longer one.
_NEVER_SHORT = {TitleRank.HEAD_OF_STATE, TitleRank.HEAD_OF_GOVERNMENT}


@lru_cache(maxsize=1 << 16)  # a name is written again and again across a corpus
def normalise(text: str) -> str:
    """NFKC, straight apostrophes, single spaces, no possessive ending."""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    text = " ".join(text.split())
    for ending in ("'s", "'"):
        if text.endswith(ending):
            text = text[: -len(ending)]
    return text.strip(" ,;:")


def _without_the(text: str) -> str:
    """``text`` without a leading "the" (not "a": "A Coruña" is a city's name).

    >>> _without_the("The top diplomat"), _without_the("A Coruña")
    ('top diplomat', 'A Coruña')
    """
    first, _, rest = text.partition(" ")
    return rest if rest and first.lower() == "the" else text


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one insertion, deletion, substitution or swap."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[
            diffs[1]
        ] == b[diffs[0]]
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


@dataclass(slots=True)
class _PersonCluster:
    """A growing group of person mentions (mutable only inside :func:`resolve`)."""

    spellings: Counter[str] = field(default_factory=Counter)
    mentions: list[Mention] = field(default_factory=list)
    countries: Counter[str] = field(default_factory=Counter)

    @property
    def label(self) -> str:
        # Most frequent, then longest (a fuller spelling), then alphabetical: stable. A spelling in
        # capitals or a tail of another spelling is a label only when there is nothing better.
        words = {s: tuple(s.casefold().split()) for s in self.spellings}
        best = [s for s in self.spellings if not s.isupper() and not any(
            len(w) > len(words[s]) and w[-len(words[s]):] == words[s] for w in words.values())]
        candidates = best or list(self.spellings)
        return min(candidates, key=lambda s: (-self.spellings[s], -len(s), s))

    def absorb(self, other: _PersonCluster) -> None:
        """Take ``other``'s spellings, mentions and countries (``other`` is then dropped)."""
        self.spellings.update(other.spellings)
        self.mentions.extend(other.mentions)
        self.countries.update(other.countries)

    @property
    def tokens(self) -> set[str]:
        return {t.casefold() for spelling in self.spellings for t in spelling.split()}


@dataclass(slots=True)
class _DocumentPeople:
    """The full names of one document, indexed for its single names ("Okafor said").

    ``by_word`` lists each word's full-name mentions as ``(start, cluster)`` in text order;
    ``by_variant`` holds the clusters with a word of five letters or more under each of
    that word's deletion variants (:func:`_deletions`). A single name looks up its few
    candidates there instead of scanning every full-name mention of the document, which
    made one long article take hours. Few single names need it (only a misspelt one), so
    it is made at the first look.
    """

    by_word: dict[str, list[tuple[int, _PersonCluster]]] = field(default_factory=lambda: defaultdict(list))
    clusters: dict[int, tuple[_PersonCluster, set[str]]] = field(default_factory=dict)
    variants: dict[str, dict[int, _PersonCluster]] | None = None

    def add(self, start: int, cluster: _PersonCluster, tokens: set[str]) -> None:
        """Index one full-name mention (added in text order)."""
        for token in tokens:
            self.by_word[token].append((start, cluster))
        self.clusters.setdefault(id(cluster), (cluster, tokens))

    @property
    def by_variant(self) -> dict[str, dict[int, _PersonCluster]]:
        if self.variants is None:
            self.variants = defaultdict(dict)
            for key, (cluster, tokens) in self.clusters.items():
                for token in tokens:
                    if len(token) >= 5:
                        for variant in _deletions(token):
                            self.variants[variant][key] = cluster
        return self.variants


_TEXT_ORDER = attrgetter("doc_id", "start", "end", "text")
"""The order of :class:`~kg.types.Evidence` (its fields in turn) as a sort key: sorting
by it compares tuples, not dataclasses, which took a tenth of resolution."""


@dataclass(slots=True)
class _EntityDraft:
    """An entity while resolution binds mentions to it (mutable only inside :func:`resolve`).

    ``surfaces`` counts the spellings bound to it; ``key`` and ``country`` stay empty until
    some mention knows them.
    """

    kind: EntityKind
    label: str
    surfaces: Counter[str] = field(default_factory=Counter)
    evidence: set[Evidence] = field(default_factory=set)
    key: str = ""
    country: str = ""

    def entity(self, iri: str, country: str | None) -> Entity:
        """The finished entity: every spelling but the label is an alias; evidence in text order."""
        return Entity(
            iri=iri,
            kind=self.kind,
            label=self.label,
            aliases=tuple(sorted(s for s in self.surfaces if s != self.label)),
            evidence=tuple(sorted(self.evidence, key=_TEXT_ORDER)),
            country=country,
            key=self.key,
        )


@dataclass(slots=True)
class _TenureDraft:
    """A person's tenure of an office while claims add to it: former until a claim says otherwise."""

    former: bool = True
    evidence: set[Evidence] = field(default_factory=set)


class _Resolver:
    """One resolution run. Holds the working state; :func:`resolve` is its public face."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.gaz = knowledge.gazetteer
        self.name_suffixes = knowledge.name_words.name_suffixes
        self.titles = knowledge.titles
        self.synonyms = knowledge.office_synonyms
        self.office_countries = knowledge.office_countries
        self.portfolio_office_countries = knowledge.portfolio_office_countries
        self.country_name = {c.code: c.name for c in self.gaz.countries}
        self.articles: list[ArticleFacts] = []
        self.mentions: list[Mention] = []
        self.claims: list[OfficeClaim] = []
        self.entity_of: dict[Position, str] = {}
        self.entities: dict[str, _EntityDraft] = {}
        self.unresolved: list[Mention] = []

    # -- input ------------------------------------------------------------------------

    def add(self, facts: ArticleFacts) -> None:
        self.articles.append(facts)
        self.mentions.extend(facts.mentions)
        self.claims.extend(facts.offices)

    # -- bookkeeping ------------------------------------------------------------------

    def _bind(self, iri: str, kind: EntityKind, label: str, mention: Mention, *, key: str = "",
              country: str = "", alias: bool = True) -> None:
        """Bind ``mention`` to the entity ``iri``, making it with ``kind`` and ``label`` if new;
        ``key`` and ``country`` fill in what the entity does not know yet. With ``alias``
        False the mention's sentence is evidence of the entity, but the mention does not
        name it."""
        draft = self.entities.get(iri)
        if draft is None:
            draft = self.entities[iri] = _EntityDraft(kind, label)
        draft.key = draft.key or key
        draft.country = draft.country or country
        if not alias:
            draft.evidence.add(mention.sentence)
            return
        surface = mention.text if kind is EntityKind.OFFICE else normalise(mention.text)
        if mention.label is MentionRole.TITLE_REF:
            # "The top US diplomat" at a sentence start is the same alias as "the top US diplomat".
            surface = _without_the(surface)
        draft.surfaces[surface] += 1
        draft.evidence.add(mention.sentence)
        self.entity_of[mention.position] = iri

    def country_iri(self, code: str) -> str:
        return mint("country", self.country_name.get(code, code))

    def _country(self, code: str) -> _EntityDraft:
        """A country node known only through what refers to it (no mention names it)."""
        return _EntityDraft(EntityKind.COUNTRY, self.country_name[code], key=code)

    def _key_of(self, iri: str) -> str:
        """The key of entity ``iri`` (a country's code, an office's title); empty when there is
        no such entity or ``iri`` is empty."""
        draft = self.entities.get(iri)
        return draft.key if draft is not None else ""

    # -- simple kinds ---------------------------------------------------------------

    def resolve_simple(self, mention: Mention) -> bool:
        """Countries, gazetteer places and organisations. True when handled."""
        kind = mention.kind
        if kind is EntityKind.COUNTRY and mention.key in self.country_name:
            self._bind(self.country_iri(mention.key), kind, self.country_name[mention.key], mention,
                       key=mention.key)
            return True
        if kind is EntityKind.PLACE and mention.label is not MentionRole.PLACE:
            label = mention.key or normalise(mention.text)
            self._bind(mint("place", label), kind, label, mention, country=mention.country)
            return True
        if kind is EntityKind.ORGANIZATION:
            if mention.label is MentionRole.GENERIC_ORG:
                label = f"{mention.key} of {self.country_name.get(mention.country, mention.country)}"
            elif mention.key:
                label = mention.key
            else:
                label = _without_the(normalise(mention.text))
            self._bind(mint("organization", label), kind, label, mention, country=mention.country)
            return True
        return False

    # -- people ---------------------------------------------------------------------

    def resolve_people(self) -> None:
        people = [
            m for m in self.mentions if m.kind is EntityKind.PERSON and m.label is not MentionRole.TITLE_REF
        ]
        places = [m for m in self.mentions if m.kind is EntityKind.PLACE and m.label is MentionRole.PLACE]
        full = [m for m in people if m.label is MentionRole.PERSON and len(normalise(m.text).split()) >= 2]
        cluster: _PersonCluster | None  # None for a single name that joins no full name
        clusters = []
        for cluster in self._cluster_full_names(full):
            # A name only ever written in capitals (a sanctions list's "ROE VARGA") that no
            # proper-cased name took in is no node of its own.
            if all(s.isupper() for s in cluster.spellings):
                self.unresolved.extend(cluster.mentions)
            else:
                clusters.append(cluster)
        entries: dict[str, list[tuple[int, _PersonCluster]]] = defaultdict(list)
        for cluster in clusters:
            for m in cluster.mentions:
                entries[m.doc_id].append((m.start, cluster))
        # A cluster's words do not change while single names join it: worked out once.
        tokens = {id(cluster): cluster.tokens for cluster in clusters}
        by_doc: dict[str, _DocumentPeople] = defaultdict(_DocumentPeople)
        for doc_id, found in entries.items():
            for start, cluster in sorted(found, key=lambda e: e[0]):
                by_doc[doc_id].add(start, cluster, tokens[id(cluster)])
        surname_index: dict[str, list[_PersonCluster]] = defaultdict(list)
        # A family name written first ("Kim" of "Kim Min-jun"): titled single names look here too.
        family_first: dict[str, list[_PersonCluster]] = defaultdict(list)
        # Long surnames by their deletion variants: a misspelt single name looks up its
        # few candidates instead of comparing itself with every surname of the corpus.
        typo_index: dict[str, list[_PersonCluster]] = defaultdict(list)
        for cluster in clusters:
            for spelling in cluster.spellings:
                last = spelling.split()[-1]
                surname_index[last.casefold()].append(cluster)
                family_first[spelling.split()[0].casefold()].append(cluster)
                if len(last) >= 5:
                    for variant in _deletions(last.casefold()):
                        typo_index[variant].append(cluster)
        titled = {c.person.position for c in self.claims if c.person is not None}
        full_set = set(full)  # built once: rebuilding it per mention made resolution quadratic
        singles = [m for m in people if m not in full_set]
        loose: list[Mention] = []
        for m in singles:
            cluster = self._join_single(m, by_doc, surname_index, typo_index)
            if cluster is None and m.position in titled:
                cluster = _only(family_first.get(normalise(m.text).casefold(), []))
            if cluster is not None:
                cluster.mentions.append(m)
            elif m.label is MentionRole.PERSON and m.position in titled:
                loose.append(m)
            elif m.label is MentionRole.NAME and m.locative and m.key != "ORG":
                # "in Varnholm": a place, unless the model took the name for an organisation.
                label = normalise(m.text)
                self._bind(mint("place", label), EntityKind.PLACE, label, m)
            else:
                self.unresolved.append(m)
        full_names = {normalise(s).casefold(): c for c in clusters for s in c.spellings}
        for m in places:
            cluster = full_names.get(normalise(m.text).casefold())
            if cluster is not None:
                cluster.mentions.append(m)
            else:
                label = _without_the(normalise(m.text))
                self._bind(mint("place", label), EntityKind.PLACE, label, m)
        # Titled single names ("President Duval") stand on their own, one per spelling,
        # unless the title tells which of several full names they are.
        by_name: dict[str, _PersonCluster] = {}
        for m in self._join_by_office(loose, surname_index, family_first):
            cluster = by_name.setdefault(normalise(m.text).casefold(), _PersonCluster())
            cluster.spellings[normalise(m.text)] += 1
            cluster.mentions.append(m)
        for cluster in [*clusters, *by_name.values()]:
            iri = mint("person", cluster.label)
            for m in cluster.mentions:
                self._bind(iri, EntityKind.PERSON, cluster.label, m)

    def _join_by_office(self, loose: list[Mention], surname_index: dict[str, list[_PersonCluster]],
                        family_first: dict[str, list[_PersonCluster]]) -> list[Mention]:
        """Join each titled single name that several full names end or start with to the one
        whose holder the title fits; return those that fit none or several (rule 3).

        "Secretary Roe", with "Secretary of Defense Jane Roe" and "Tom Roe" in the corpus, is
        Jane Roe: the title is a post she holds, or its short form (:meth:`_fuller_title`),
        and not one he holds. A title with a country fits no one the text gives another
        country. The posts are those the full names hold once every other single name has
        joined, so the result does not depend on the order of the names.
        """
        posts: dict[Position, list[OfficeClaim]] = defaultdict(list)
        for claim in self.claims:
            if claim.person is not None and claim.office.label is MentionRole.OFFICE:
                posts[claim.person.position].append(claim)
        held = {
            id(cluster): [claim for m in cluster.mentions for claim in posts.get(m.position, ())]
            for clusters in (*surname_index.values(), *family_first.values()) for cluster in clusters
        }

        def fits(claim: OfficeClaim, cluster: _PersonCluster) -> bool:
            code = claim.owner.country if claim.owner is not None else claim.office.country
            if code and cluster.countries and code not in cluster.countries:
                return False
            theirs = held[id(cluster)]
            return any(h.office.key == claim.office.key for h in theirs) or (
                self._fuller_title(claim, theirs) is not None)

        left = []
        for m in loose:
            word = normalise(m.text).casefold()
            candidates = {id(c): c for c in (*surname_index.get(word, ()), *family_first.get(word, ()))}
            titles = posts.get(m.position, [])
            fitting = [c for c in candidates.values() if any(fits(claim, c) for claim in titles)]
            if len(fitting) == 1:
                fitting[0].mentions.append(m)
            else:
                left.append(m)
        return left

    def _cluster_full_names(self, full: list[Mention]) -> list[_PersonCluster]:
        by_spelling: dict[str, _PersonCluster] = {}
        cluster: _PersonCluster | None  # None once merged into another
        for m in full:
            name = normalise(m.text)
            cluster = by_spelling.setdefault(name.casefold(), _PersonCluster())
            cluster.spellings[name] += 1
            cluster.mentions.append(m)
        countries = self._claimed_countries()
        for cluster in by_spelling.values():
            for m in cluster.mentions:
                for code in countries.get(m.position, ()):
                    cluster.countries[code] += 1
        # Rarest first, each joins the most frequent spelling it is one edit from. Only
        # spellings sharing a blocking key can be variants (see _variant_keys), so each
        # name is compared with its few plausible partners, not with every name.
        order = sorted(by_spelling, key=lambda s: (sum(by_spelling[s].spellings.values()), s))
        rank = {name: i for i, name in enumerate(by_spelling)}
        blocks: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for name in by_spelling:
            for key in _variant_keys(name):
                blocks[key].append(name)
        merged: dict[str, _PersonCluster] = dict(by_spelling)
        for name in order:
            cluster = merged.get(name)
            if cluster is None:
                continue
            size = len(cluster.mentions)
            partners = {other for key in _variant_keys(name) for other in blocks[key]}
            best = None
            # In first-seen order, as a scan of all names would meet them: ties go to the first.
            for other_name in sorted(partners, key=rank.__getitem__):
                other = merged.get(other_name)
                if other is None or other is cluster or len(other.mentions) <= size:
                    continue
                if not _variant_of(name, other_name):
                    continue
                ours = set(cluster.countries)
                if ours and other.countries and ours.isdisjoint(other.countries):
                    continue
                if best is None or len(other.mentions) > len(best[1].mentions):
                    best = (other_name, other)
            if best is not None:
                best[1].absorb(cluster)
                del merged[name]
        return _join_name_forms(sorted(merged.values(), key=lambda c: c.label), self.name_suffixes)

    def _claimed_countries(self) -> dict[Position, set[str]]:
        out: dict[Position, set[str]] = defaultdict(set)
        for claim in self.claims:
            if claim.person is not None and claim.owner is not None and claim.owner.country:
                out[claim.person.position].add(claim.owner.country)
            elif claim.person is not None and claim.office.country:
                out[claim.person.position].add(claim.office.country)
        return out

    def _join_single(
        self,
        m: Mention,
        by_doc: dict[str, _DocumentPeople],
        surname_index: dict[str, list[_PersonCluster]],
        typo_index: dict[str, list[_PersonCluster]],
    ) -> _PersonCluster | None:
        word = normalise(m.text).casefold()
        if " " in word:
            return None
        local = by_doc.get(m.doc_id) or _DocumentPeople()
        exact = local.by_word.get(word, [])
        if exact:
            # The last full name with this word before the single name, else the first after it.
            before = bisect_left(exact, m.start, key=lambda e: e[0])
            return exact[before - 1 if before else 0][1]
        candidates = surname_index.get(word, [])
        if len({id(c) for c in candidates}) == 1:
            return candidates[0]
        if len(word) >= 5:
            near = {
                key: c
                for variant in _deletions(word)
                for key, c in local.by_variant.get(variant, {}).items()
                if any(_one_edit(word, t) for t in c.tokens if len(t) >= 5)
            }
            if len(near) == 1:
                return next(iter(near.values()))
            near = {
                id(c): c
                for variant in _deletions(word)
                for c in typo_index.get(variant, ())
                for spelling in c.spellings
                if len(spelling.split()[-1]) >= 5 and _one_edit(word, spelling.split()[-1].casefold())
            }
            if len(near) == 1:
                return next(iter(near.values()))
        return None

    # -- offices ------------------------------------------------------------------------

    def resolve_offices(self) -> tuple[tuple[Tenure, ...], dict[str, str]]:
        person_country: dict[str, Counter[str]] = defaultdict(Counter)
        direct: list[tuple[OfficeClaim, str | None]] = []
        # Pass 1: owners named in the text, so people get their countries.
        for claim in self.claims:
            person_iri = self.entity_of.get(claim.person.position) if claim.person else None
            if claim.person is not None and claim.person.label is MentionRole.TITLE_REF:
                person_iri = None
            code = self._owner_country(claim, {})
            if person_iri is not None and code:
                person_country[person_iri][code] += 1
            direct.append((claim, person_iri))
        countries = {p: c.most_common(1)[0][0] for p, c in person_country.items()}
        given = dict(countries)
        countries.update(self._implied_countries(direct, countries))
        people = {iri for iri, draft in self.entities.items() if draft.kind is EntityKind.PERSON}
        countries.update(
            infer_countries(self.articles, self.entity_of, countries, given, people, self.knowledge))
        # Pass 2: owners that are people ("Okafor's adviser") and holders' own countries.
        tenures: dict[tuple[str, str], _TenureDraft] = {}
        office_owner: dict[str, str] = {}
        held: dict[str, list[OfficeClaim]] = defaultdict(list)
        for claim, person_iri in direct:
            if claim.office.label is MentionRole.OFFICE and person_iri is not None:
                held[person_iri].append(claim)
        for claim, person_iri in direct:
            if claim.office.label is not MentionRole.OFFICE or person_iri is None:
                continue
            fuller = self._fuller_title(claim, held[person_iri])
            office_iri = self._office(fuller or claim, person_iri, countries, office_owner, claim.office,
                                      alias=self._spells_its_title(claim.office))
            tenure = tenures.setdefault((person_iri, office_iri), _TenureDraft())
            tenure.former = tenure.former and claim.former
            tenure.evidence.add(claim.office.sentence)
            if claim.person is not None:
                tenure.evidence.add(claim.person.sentence)
            code = office_owner.get(office_iri, "")
            owner_code = self._key_of(code)
            if owner_code and person_iri not in countries:
                countries[person_iri] = owner_code
        # Predecessors held what their successor holds. The successor's current offices
        # are looked up by holder (a scan of all tenures per claim grew with the corpus);
        # the tenures added here are all former, so the index stays true while they are.
        current: dict[str, list[str]] = defaultdict(list)
        for (holder, office_iri), tenure in tenures.items():
            if not tenure.former:
                current[holder].append(office_iri)
        for claim, person_iri in direct:
            if claim.office.label is not MentionRole.PREDECESSOR or person_iri is None or claim.owner is None:
                continue
            successor = self.entity_of.get(claim.owner.position)
            for office_iri in current.get(successor, ()) if successor is not None else ():
                earlier = tenures.setdefault((person_iri, office_iri), _TenureDraft())
                earlier.evidence.add(claim.office.sentence)
        self._add_counterparts(direct, tenures, current, countries, office_owner)
        for person_iri, code in countries.items():
            if person_iri in self.entities and code in self.country_name:
                self.entities[person_iri].country = code
        self._resolve_title_references(tenures, office_owner)
        return (
            tuple(
                Tenure(p, o, t.former, tuple(sorted(t.evidence, key=_TEXT_ORDER)))
                for (p, o), t in sorted(tenures.items())
            ),
            office_owner,
        )

    def _spells_its_title(self, office: Mention) -> bool:
        """``office`` is written as one of its title's spellings: a name of the post. The verb of
        "heads a party" and the "diplomat" of a "top diplomat" say which post it is, but are
        no name of it."""
        title = self.titles[office.key]
        words = _title_words(office.text)
        return any(_title_words(spelling) == words for spelling in (title.title, *title.aliases))

    def _owner_country(self, claim: OfficeClaim, countries: dict[str, str]) -> str:
        owner = claim.owner
        if owner is None:
            return claim.office.country
        if owner.kind is EntityKind.PERSON:
            iri = self.entity_of.get(owner.position)
            return countries.get(iri, "") if iri else ""
        return owner.country

    def _add_counterparts(self, direct: list[tuple[OfficeClaim, str | None]],
                          tenures: dict[tuple[str, str], _TenureDraft], current: dict[str, list[str]],
                          countries: dict[str, str], office_owner: dict[str, str]) -> None:
        """"X met his Chadian counterpart Y": Y holds, for Chad, the post X holds.

        Only when the text gives Y no current post of its own, and only posts of X held for
        another country than Y's. X's post is named in Y's country's words: the generic
        title behind a country's own (a US Secretary of State is a foreign minister) and
        then Y's country's name for it (``office_synonyms.tsv``).
        """
        generic: dict[tuple[str, str], str] = {}
        for (code, phrase), office_key in sorted(self.synonyms.items()):
            generic.setdefault((code, office_key), phrase)
        for claim, person_iri in direct:
            if claim.rule != ClaimRule.COUNTERPART or person_iri is None or claim.owner is None:
                continue
            code = claim.office.country
            subject = self.entity_of.get(claim.owner.position)
            if code not in self.country_name or current.get(person_iri) or subject is None:
                continue
            for office_iri in current.get(subject, ()):
                key = self.entities[office_iri].key
                held_for = self._key_of(office_owner.get(office_iri, ""))
                if held_for == code or key not in self.titles:
                    continue
                key = generic.get((held_for, key), key)
                key = self.synonyms.get((code, key), key)
                office = replace(claim.office, key=key, label=MentionRole.OFFICE)
                post = OfficeClaim(office, claim.person, rule=ClaimRule.COUNTERPART)
                tenure = tenures.setdefault(
                    (person_iri, self._office(post, person_iri, countries, office_owner, alias=False)),
                    _TenureDraft(),
                )
                tenure.former = False
                tenure.evidence.add(claim.office.sentence)

    def _implied_countries(self, direct: list[tuple[OfficeClaim, str | None]],
                           countries: dict[str, str]) -> dict[str, str]:
        """Countries of holders the text names with a bare title and no country anywhere,
        when only one government uses that title unqualified ("Secretary of State Jane Roe":
        ``office_countries.tsv``); with a portfolio, only a title no other government uses so
        gives one ("Under Secretary of State for Arms Control Jane Roe"). No country rather
        than a guess: a title it does not list gives none here (:mod:`kg.allegiance` reads the
        article's other signals).
        """
        implied: dict[str, Counter[str]] = defaultdict(Counter)
        for claim, person_iri in direct:
            if person_iri is None or person_iri in countries or claim.owner is not None:
                continue
            if claim.office.label is not MentionRole.OFFICE or claim.office.country:
                continue
            known = self.portfolio_office_countries if claim.qualifier else self.office_countries
            code = known.get(claim.office.key, "")
            if code in self.country_name:
                implied[person_iri][code] += 1
        return {p: min(c, key=lambda code: (-c[code], code)) for p, c in implied.items()}

    def _fuller_title(self, claim: OfficeClaim, held: list[OfficeClaim]) -> OfficeClaim | None:
        """The claim naming in full the office a short title refers to: "Secretary Roe" is
        the same post as the "Secretary of Defense Jane Roe" she holds elsewhere.

        A short title is one with no owner or portfolio in the text whose words all occur in
        a longer title the same person holds; heads of state and government are never
        short forms ("President" of a "Vice President" is another post). The most frequent
        such title wins, then the first in title order.
        """
        title = self.titles[claim.office.key]
        if claim.owner is not None or claim.qualifier or title.rank in _NEVER_SHORT:
            return None
        words = set(_title_words(title.title))
        longer = [
            other for other in held
            if words < set(_title_words(self.titles[other.office.key].title))
        ]
        if not longer:
            return None
        counts = Counter(other.office.key for other in longer)
        key = min(counts, key=lambda k: (-counts[k], k))
        return next(other for other in longer if other.office.key == key)

    def _office(self, claim: OfficeClaim, person_iri: str, countries: dict[str, str],
                office_owner: dict[str, str], mention: Mention | None = None, alias: bool = True) -> str:
        """The office ``claim`` names for its holder ``person_iri``, bound to ``mention``
        (default: the claim's own title); with ``alias`` False the mention is only evidence
        (the word "counterpart" is no name of the post)."""
        title = self.titles[claim.office.key]
        owner = claim.owner
        owner_iri = ""
        owner_label = ""
        if owner is not None and owner.kind is EntityKind.ORGANIZATION:
            owner_iri = self.entity_of.get(owner.position, "")
        code = self._owner_country(claim, countries) if not owner_iri else ""
        if not owner_iri and not code:
            code = countries.get(person_iri, "")
        if code and code in self.country_name:
            owner_iri = self.country_iri(code)
            synonym = self.synonyms.get((code, title.key))
            if synonym is not None:
                title = self.titles[synonym]
        if owner_iri:
            known = self.entities.get(owner_iri)
            owner_label = known.label if known is not None else self.country_name[code]
        name = title.title
        qualifier = claim.qualifier if title.key == claim.office.key else ""
        if qualifier.startswith(_PORTFOLIO_PREPOSITIONS):
            name = f"{name} {qualifier}"
        elif qualifier:
            name = f"{qualifier} {name}"
        if owner_iri:
            label = f"{name} ({owner_label})"
            iri = mint("office", name, owner_label)
            office_owner[iri] = owner_iri
            if owner_iri not in self.entities and code:
                # The owner country is known only through the holder; it still gets a node.
                self.entities[owner_iri] = self._country(code)
                self.entities[owner_iri].evidence.add(claim.office.sentence)
        else:
            label = name
            iri = mint("office", name, "holder", self.entities[person_iri].label)
        self._bind(iri, EntityKind.OFFICE, label, mention or claim.office, key=title.key, alias=alias)
        return iri

    def _resolve_title_references(self, tenures: dict[tuple[str, str], _TenureDraft],
                                  office_owner: dict[str, str]) -> None:
        """Map "the top US diplomat" to the one current holder of that office. A title that
        names no country ("the Secretary-General", "the Prime Minister") is a post of
        whatever body or country the article is about: it maps only to a holder the same
        article names, never to the one holder of a like title in another article."""
        holders: dict[tuple[str, str], set[str]] = defaultdict(set)
        named_in: dict[str, set[str]] | None = None
        for (person, office), tenure in tenures.items():
            if tenure.former:
                continue
            owner = office_owner.get(office, "")
            key = self.entities[office].key
            owner_code = self._key_of(owner)
            holders[(key, owner_code)].add(person)
        for claim in self.claims:
            if claim.person is None or claim.person.label is not MentionRole.TITLE_REF:
                continue
            code = claim.office.country or (claim.owner.country if claim.owner else "")
            keys = {claim.office.key, self.synonyms.get((code, claim.office.key), claim.office.key)}
            found = set().union(*(holders.get((k, code), set()) for k in keys))
            if not code and found:
                if named_in is None:
                    named_in = self._people_named_in()
                found &= named_in.get(claim.person.doc_id, set())
            if len(found) == 1:
                person = next(iter(found))
                self._bind(person, EntityKind.PERSON, self.entities[person].label, claim.person)
            else:
                self.unresolved.append(claim.person)

    def _people_named_in(self) -> dict[str, set[str]]:
        """The people each article names (by name, not by a title alone), by article id."""
        named: dict[str, set[str]] = defaultdict(set)
        for mention in self.mentions:
            iri = self.entity_of.get(mention.position)
            if mention.kind is EntityKind.PERSON and mention.label is not MentionRole.TITLE_REF and iri:
                named[mention.doc_id].add(iri)
        return named

    # -- output -------------------------------------------------------------------------

    def _add_referenced_countries(self) -> None:
        """A country known only as where a place lies or whom a person acts for still gets
        a node; its evidence is the sentences of what refers to it."""
        for draft in list(self.entities.values()):
            code = draft.country
            if not code or code not in self.country_name or draft.kind is EntityKind.COUNTRY:
                continue
            target = self.entities.setdefault(self.country_iri(code), self._country(code))
            if not target.evidence:
                target.evidence.update(draft.evidence)

    def result(self, tenures: tuple[Tenure, ...], office_owner: dict[str, str]) -> Resolution:
        self._add_referenced_countries()
        entities = {}
        for iri, draft in sorted(self.entities.items()):
            code = draft.country
            country_iri = self.country_iri(code) if code and code in self.country_name else None
            if draft.kind is EntityKind.COUNTRY:
                country_iri = None
            entities[iri] = draft.entity(iri, country_iri)
        return Resolution(entities, dict(self.entity_of), tenures, office_owner, tuple(self.unresolved))


def _only(clusters: list[_PersonCluster]) -> _PersonCluster | None:
    """The one cluster of ``clusters`` (it may be listed several times), or None."""
    distinct = {id(c): c for c in clusters}
    return next(iter(distinct.values())) if len(distinct) == 1 else None


def _title_words(title: str) -> list[str]:
    """The lower-case words of a title, hyphens as spaces.

    >>> _title_words("Governor-General")
    ['governor', 'general']
    """
    return title.lower().replace("-", " ").split()


@lru_cache(maxsize=1 << 16)
def _deletions(word: str) -> frozenset[str]:
    """``word`` and every string one deletion shorter (symmetric-delete keys, as in SymSpell).

    Two words one edit apart (insertion, deletion, substitution or adjacent swap) always
    share one of these, so an index on them finds every candidate :func:`_one_edit` accepts.
    """
    return frozenset({word, *(word[:i] + word[i + 1 :] for i in range(len(word)))})


def _variant_keys(name: str) -> set[tuple[str, ...]]:
    """Blocking keys of a full name for :func:`_variant_of`: for each word, the other words
    in place and a deletion variant of that word. A variant shares at least one key."""
    words = name.split()
    return {
        (*words[:i], variant, *words[i + 1 :], str(i))
        for i, word in enumerate(words)
        for variant in _deletions(word)
    }


@dataclass(frozen=True, slots=True)
class _NameForm:
    """A full name's words as compared across spellings: case-folded, without middle
    initials or a generational suffix ("Jane Q. Roe Jr." has words ("jane", "roe")), and
    the initials left out."""

    words: tuple[str, ...]
    initials: frozenset[str]

    @classmethod
    def of(cls, spelling: str, suffixes: frozenset[str]) -> _NameForm:
        words: list[str] = []
        initials: set[str] = set()
        for word in spelling.casefold().replace(",", " ").split():
            bare = word.rstrip(".")
            if len(bare) == 1 and bare.isalpha():
                initials.add(bare)
            elif word not in suffixes and bare not in suffixes:
                words.append(word)
        return cls(tuple(words), frozenset(initials))

    def index_keys(self) -> set[tuple[str, ...]]:
        """Blocking keys under which another form :meth:`fits` this one is indexed."""
        out = {("=", *self.words), *(("~", *key) for key in _variant_keys(" ".join(self.words)))}
        if len(self.words) == 2:
            out.add(("=", *reversed(self.words)))
        out.update(("tail", *self.words[i:]) for i in range(1, len(self.words) - 1))
        if len(self.words) >= 2:
            out.add(("initial", self.words[0][:1], self.words[-1]))
        return out

    def lookups(self) -> set[tuple[str, ...]]:
        """The keys to look this form up under (it is the shorter or the rarer name)."""
        out = {("=", *self.words), ("tail", *self.words),
               *(("~", *key) for key in _variant_keys(" ".join(self.words)))}
        if self._initial_and_surname():
            out.add(("initial", next(iter(self.initials)), self.words[0]))
        return out

    def _initial_and_surname(self) -> bool:
        """"S. Roe": one initial and one name."""
        return len(self.words) == 1 and len(self.initials) == 1

    def fits(self, other: _NameForm, rarer: bool) -> bool:
        """This name is ``other``'s person's (``rarer``: it is the less frequent of the two)."""
        if self._initial_and_surname():
            # "S. Roe" is "Sara Roe" (and "Sara J. Roe"), not "J. Roe" nor "Tom Roe".
            theirs = other.words
            return len(theirs) >= 2 and theirs[-1] == self.words[0] and theirs[0][:1] in self.initials
        if len(self.words) < 2 or (self.initials and other.initials and self.initials != other.initials):
            return False
        mine, theirs = self.words, other.words
        if mine == theirs or (len(mine) == 2 and mine == theirs[::-1]):
            return True
        if len(mine) < len(theirs) and theirs[-len(mine):] == mine:
            return True
        if not _variant_of(" ".join(mine), " ".join(theirs)):
            return False
        # Equally frequent spellings one edit apart are one name only in a long word
        # ("Nikolas"): in a short one ("Li Wen", "Li Wei") they may well be two people.
        return rarer or min(len(a) for a, b in zip(mine, theirs, strict=True) if a != b) >= _LONG_VARIANT


_LONG_VARIANT = 6


def _join_name_forms(clusters: list[_PersonCluster], suffixes: frozenset[str]) -> list[_PersonCluster]:
    """Join clusters whose names are one person's by :meth:`_NameForm.fits` (rule 2b).

    Clusters linked by fitting names form groups; a group becomes one cluster only when
    every two of its clusters fit each other and no two act for different countries. So
    "Jane Roe" joins "Jane Q. Roe" alone, but with "Jane T. Roe" in the corpus too the
    three stay apart: the bare name could be either.
    """
    forms = {id(c): [_NameForm.of(s, suffixes) for s in c.spellings] for c in clusters}
    index: dict[tuple[str, ...], list[_PersonCluster]] = defaultdict(list)
    for cluster in clusters:
        for key in {k for form in forms[id(cluster)] for k in form.index_keys()}:
            index[key].append(cluster)

    def fit(a: _PersonCluster, b: _PersonCluster) -> bool:
        rarer_a, rarer_b = len(a.mentions) < len(b.mentions), len(b.mentions) < len(a.mentions)
        return any(x.fits(y, rarer_a) or y.fits(x, rarer_b) for x in forms[id(a)] for y in forms[id(b)])

    def at_odds(a: _PersonCluster, b: _PersonCluster) -> bool:
        return bool(a.countries and b.countries and set(a.countries).isdisjoint(b.countries))

    root = {id(c): id(c) for c in clusters}

    def find(key: int) -> int:
        while root[key] != key:
            key = root[key]
        return key

    for cluster in clusters:
        for form in forms[id(cluster)]:
            for other in {id(o): o for key in form.lookups() for o in index.get(key, ())}.values():
                if other is not cluster and fit(cluster, other):
                    root[find(id(other))] = find(id(cluster))
    groups: dict[int, list[_PersonCluster]] = defaultdict(list)
    for cluster in clusters:
        groups[find(id(cluster))].append(cluster)
    out = []
    for group in groups.values():
        pairs = [(a, b) for i, a in enumerate(group) for b in group[i + 1 :]]
        if len(group) == 1 or any(not fit(a, b) or at_odds(a, b) for a, b in pairs):
            out.extend(group)
            continue
        target = max(group, key=lambda c: (len(c.mentions), c.label))
        for cluster in group:
            if cluster is not target:
                target.absorb(cluster)
        out.append(target)
    return sorted(out, key=lambda c: c.label)


def _variant_of(rare: str, common: str) -> bool:
    """``rare`` is a misspelling of ``common``: same words but one, which is one edit away."""
    a, b = rare.split(), common.split()
    if len(a) != len(b):
        return False
    diffs = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(diffs) == 1 and _one_edit(*diffs[0]) and diffs[0][0][:1] == diffs[0][1][:1]


def resolve(facts: Iterable[ArticleFacts], knowledge: Knowledge) -> Resolution:
    """Resolve the mentions of all articles into entities.

    Parameters
    ----------
    facts:
        What extraction found in each article (any order; the result does not depend on it).
    knowledge:
        The gazetteer, the titles and the office synonyms it resolves with.
    """
    resolver = _Resolver(knowledge)
    for item in sorted(facts, key=lambda f: f.info.doc_id):
        resolver.add(item)
    for m in resolver.mentions:
        if m.kind in (EntityKind.COUNTRY, EntityKind.ORGANIZATION) or (
            m.kind is EntityKind.PLACE and m.label is not MentionRole.PLACE
        ):
            resolver.resolve_simple(m)
    resolver.resolve_people()
    tenures, office_owner = resolver.resolve_offices()
    return resolver.result(tenures, office_owner)
