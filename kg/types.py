"""Typed records that flow between the stages of ``kg``.

Every stage is a function from these records to these records; none of them is
mutated after it is made. Offsets are always character offsets into
``Article.text``, the document's text as read, so that
``article.text[m.start:m.end] == m.text`` holds for every record here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from kg.vocab import ClaimRule, EntityKind, EventKind, MentionRole, Mode, Plover, Status, TemporalPrecision

__all__ = [
    "Article",
    "ArticleFacts",
    "DocumentInfo",
    "Entity",
    "Event",
    "EventCandidate",
    "Evidence",
    "Group",
    "Mention",
    "OfficeClaim",
    "Position",
    "Problem",
    "Resolution",
    "Span",
    "TemporalValue",
    "Tenure",
]

Span = tuple[int, int]
"""A half-open character range ``(start, end)`` into an article's text."""

Position = tuple[str, int, int]
"""``(doc_id, start, end)``: where a mention stands in the corpus, and how it is found
again after resolution (:attr:`Resolution.entity_of`)."""


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with the input that a person can act on.

    ``code`` is stable (``KG1xx`` input, ``KG2xx`` metadata, ``KG3xx`` output), ``path``
    names the file, ``message`` says what is wrong and what to do.
    """

    code: str
    path: str
    message: str
    skipped: bool = True

    def __str__(self) -> str:
        return f"{self.code} {self.path}: {self.message}"


@dataclass(frozen=True, slots=True)
class Article:
    """One input article, as read and decoded.

    ``furniture`` lists the spans of page furniture (ad markers, bylines, comment
    forms, duplicated captions, wire datelines) that extraction must ignore; the
    text itself is never altered so offsets stay true to the file.
    """

    doc_id: str
    text: str
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    furniture: tuple[Span, ...] = ()
    dateline: str | None = None

    @property
    def body(self) -> str:
        """The text with furniture blanked out by spaces (newlines kept): same length, same offsets."""
        if not self.furniture:
            return self.text
        chars = list(self.text)
        for start, end in self.furniture:
            for i in range(start, end):
                if chars[i] != "\n":
                    chars[i] = " "
        return "".join(chars)

    @property
    def digest(self) -> str:
        """A content hash used to notice the same article twice under two names."""
        normal = " ".join(self.body.split()).casefold()
        return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]

    def info(self) -> DocumentInfo:
        """The article without its text: what the graph keeps about the document."""
        return DocumentInfo(
            doc_id=self.doc_id,
            published=self.published,
            title=self.title,
            url=self.url,
            chars=len(self.text),
            digest=self.digest,
        )


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What the graph keeps about a source article."""

    doc_id: str
    published: dt.date | None
    title: str | None
    url: str | None
    chars: int
    digest: str


@dataclass(frozen=True, slots=True, order=True)
class Evidence:
    """One sentence of one article that supports a node (a ``kg:Mention`` in RDF)."""

    doc_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True, order=True)
class TemporalValue:
    """A date as precise as the text allows.

    ``value`` carries the year (and month, and day) that ``precision`` says are known;
    the rest is set to 1 and means nothing.
    """

    value: dt.date
    precision: TemporalPrecision

    @property
    def lexical(self) -> str:
        """The XSD lexical form: ``2023-06-18``, ``2023-06`` or ``2023``."""
        if self.precision is TemporalPrecision.DAY:
            return self.value.isoformat()
        if self.precision is TemporalPrecision.MONTH:
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return f"{self.value.year:04d}"

    def covers(self, other: TemporalValue) -> bool:
        """True when ``other`` lies inside this value (2023 covers 2023-06-18)."""
        if self.value.year != other.value.year:
            return False
        if self.precision is TemporalPrecision.YEAR:
            return True
        if self.value.month != other.value.month:
            return False
        if self.precision is TemporalPrecision.MONTH:
            return True
        return other.precision is TemporalPrecision.DAY and self.value == other.value

    def ends_before(self, day: dt.date) -> bool:
        """True when the whole of this value lies before ``day`` (2022 ends before 2023-06-18;
        2023-06 does not).

        >>> TemporalValue(dt.date(2023, 5, 1), TemporalPrecision.MONTH).ends_before(dt.date(2023, 6, 18))
        True
        """
        if self.precision is TemporalPrecision.DAY:
            return self.value < day
        if self.precision is TemporalPrecision.MONTH:
            return (self.value.year, self.value.month) < (day.year, day.month)
        return self.value.year < day.year

    def begins_after(self, day: dt.date) -> bool:
        """True when the whole of this value lies after ``day`` (2023-07 begins after
        2023-06-18; 2023-06 does not).

        >>> TemporalValue(dt.date(2023, 7, 1), TemporalPrecision.MONTH).begins_after(dt.date(2023, 6, 18))
        True
        """
        return self.value > day

    def compatible(self, other: TemporalValue) -> bool:
        """True when the two values may name the same time (one covers the other)."""
        return self.covers(other) or other.covers(self)

    def __str__(self) -> str:
        return self.lexical


@dataclass(frozen=True, slots=True)
class Mention:
    """One place in one article that names an actor, place or office.

    ``label`` is the mention's role (:class:`~kg.vocab.MentionRole`): the span label it
    was found with, or what a rule made of it. ``key`` is the normalised lookup key for
    gazetteer hits (an ISO code for a country, a title key for an office); for a name
    only the model found, it is the model's own label (``GPE`` for a ``NAME`` the model
    took for a place). ``country`` is the ISO code the mention is tied to where the text
    says so ("Chinese Foreign Minister" -> ``CHN``). ``locative`` marks a ``NAME`` right
    after a locative preposition ("in Varnholm"): a place unless it is a person's name.
    """

    doc_id: str
    start: int
    end: int
    text: str
    kind: EntityKind
    sentence: Evidence
    label: MentionRole
    key: str = ""
    country: str = ""
    former: bool = False
    locative: bool = False

    @property
    def position(self) -> Position:
        """Where the mention stands: its key in :attr:`Resolution.entity_of`."""
        return (self.doc_id, self.start, self.end)


@dataclass(frozen=True, slots=True)
class OfficeClaim:
    """The text ties a title to a person, an owner, or both.

    ``office`` is the title mention (``kind`` OFFICE, ``key`` the title key, ``label``
    the title's kind: ``office``, ``descriptor`` or ``predecessor``). ``owner`` is the
    country, organisation or person whose office it is ("China's", "State Department's",
    "Okafor's"). ``person`` is who holds it, if the text names them. A ``referential``
    claim is a bare title standing for its holder ("the top US diplomat said"). ``rule``
    is the word order that tied them, always named (a keyword argument).
    """

    office: Mention
    person: Mention | None = None
    owner: Mention | None = None
    former: bool = False
    qualifier: str = ""
    referential: bool = False
    rule: ClaimRule = field(kw_only=True)


@dataclass(frozen=True, slots=True)
class EventCandidate:
    """An event as one sentence tells it, before events are merged across articles.

    Actors are mentions; resolution turns them into entity IRIs. For a dispute or
    cooperation, ``targets`` are the participants on the other side from the rest (whom
    the act is aimed at; empty when the text gives no sides: "tensions between X and Y"),
    ``issues`` the keys of the vocabulary's issues the sentence names and ``topics`` the
    noun phrases that name an issue the vocabulary lacks ("the abductions").
    """

    kind: EventKind
    doc_id: str
    trigger: str
    sentence: Evidence
    participants: tuple[Mention, ...] = ()
    place: Mention | None = None
    destination: Mention | None = None
    date: TemporalValue | None = None
    status: Status = Status.OCCURRED
    issues: tuple[str, ...] = ()
    targets: tuple[Mention, ...] = ()
    topics: tuple[str, ...] = ()
    plover: Plover = Plover.CONSULT
    mode: Mode | None = None
    rule: str = ""
    published: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Group:
    """People the text says travel as one group: the owner, leader and members of "his
    delegation", "a delegation led by X", "its members included X, Y and Z". ``country`` is
    the ISO code of the country the text names for the group ("a Chinese delegation", "a
    delegation from Chad"), if it names one."""

    members: tuple[Mention, ...]
    country: str = ""


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """Everything extraction found in one article: small, picklable, free of spaCy objects."""

    info: DocumentInfo
    mentions: tuple[Mention, ...] = ()
    offices: tuple[OfficeClaim, ...] = ()
    events: tuple[EventCandidate, ...] = ()
    groups: tuple[Group, ...] = ()
    words: int = 0
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    """A resolved real-world thing: one node of the graph however it is spelt."""

    iri: str
    kind: EntityKind
    label: str
    aliases: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    country: str | None = None
    key: str = ""
    attrs: tuple[tuple[str, str], ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Tenure:
    """A person holds (or held) an office."""

    person: str
    office: str
    former: bool
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class Resolution:
    """The entities of a corpus and where each mention went.

    ``unresolved`` counts the mentions that joined nothing (single names with no
    full name, titles with no holder, unknown names that are neither person nor place).
    """

    entities: dict[str, Entity]
    entity_of: dict[Position, str]
    tenures: tuple[Tenure, ...]
    office_owner: dict[str, str]
    unresolved: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    """A resolved event: one node per real event, with every sentence that tells it."""

    iri: str
    kind: EventKind
    label: str
    participants: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    status: Status
    plover: Plover
    mode: Mode | None = None
    date: TemporalValue | None = None
    place: str | None = None
    traveller: str | None = None
    destination: str | None = None
    issues: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
