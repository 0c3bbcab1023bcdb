"""The event vocabulary, compiled from the data files.

Trigger words (``event_triggers.tsv``: a lemma and part of speech, the event kind and
PLOVER type it opens, and the condition the parse must meet, a :class:`Needs`), status cues
(``status_cues.tsv``), issues (``issues.tsv``), the nouns that ask for an event
(``requests.tsv``), the plan verbs and the other word lists of ``event_words.tsv``,
and the last words of gathering names (from the name words).
:func:`read_event_lexicon` reads them once per run, for :func:`kg.knowledge.load_knowledge`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from types import MappingProxyType

from kg.tables import read_table
from kg.vocab import EventKind, Mode, Plover, Status

__all__ = [
    "TRIGGER_POS",
    "EventLexicon",
    "EventWordKind",
    "IssueDef",
    "Needs",
    "Trigger",
    "read_event_lexicon",
]

TRIGGER_POS = ("VERB", "NOUN", "ADJ")
"""The parts of speech a trigger row may give (``AUX`` words are looked up as ``VERB``,
``PROPN`` as ``NOUN``)."""


class Needs(str, Enum):
    """The ``needs`` column of ``event_triggers.tsv``: what the parse must show around a
    trigger word for it to open an event (the file's header says what each one asks)."""

    NONE = ""
    WITH = "with"
    WITH_OR_TO = "with_or_to"
    REMOTE = "remote"
    BY_PHONE = "by_phone"
    TO_PLACE = "to_place"
    TO_KNOWN_PLACE = "to_known_place"
    TOWARD = "toward"
    STAY = "stay"
    OBJECT = "object"
    ON = "on"
    FOR = "for"
    XCOMP = "xcomp"
    REPORTED = "reported"
    COURTESY = "courtesy"


class EventWordKind(str, Enum):
    """The ``kind`` column of ``event_words.tsv``."""

    PLAN = "plan"
    PHONE = "phone"
    PART = "part"
    UNDATED = "undated"
    RECENT = "recent"
    LOCALE = "locale"
    GROUP = "group"
    MEMBER = "member"
    LEAD = "lead"
    INCLUDE = "include"
    RETURN = "return"
    REPORT = "report"
    PERFORM = "perform"
    CONTROL = "control"


@dataclass(frozen=True, slots=True)
class Trigger:
    """One row of ``event_triggers.tsv``."""

    lemma: str
    pos: str
    kind: EventKind
    plover: Plover
    mode: Mode | None = None
    needs: Needs = Needs.NONE


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
        return bool(self.terms_in(text))

    def terms_in(self, text: str) -> list[re.Match[str]]:
        """Where the terms of this issue occur in ``text`` outside every excluded phrase."""
        shadows = [m.span() for m in self.exclude.finditer(text)] if self.exclude else []
        return [
            m for m in self.pattern.finditer(text)
            if not any(start <= m.start() and m.end() <= end for start, end in shadows)
        ]


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """Triggers, status cues and issues, compiled from the data files.

    Every field has an empty default, so a rule test can make a lexicon of the few words it needs.
    """

    #: The rules each ``(lemma, part of speech)`` opens, those with a condition first.
    triggers: Mapping[tuple[str, str], tuple[Trigger, ...]] = field(default_factory=dict)
    status_words: Mapping[str, Status] = field(default_factory=dict)
    status_phrases: tuple[tuple[str, Status], ...] = ()
    issues: tuple[IssueDef, ...] = ()
    #: Last words of the names of events and venues ("conference", "summit").
    gatherings: frozenset[str] = frozenset()
    #: Nouns that ask for an event ("request", "invitation").
    requests: frozenset[str] = frozenset()
    #: Verbs above a trigger that set its event ahead ("scheduled to meet").
    plan_verbs: frozenset[str] = frozenset()
    #: Words that make a call a telephone call ("by phone", "a phone call").
    phone_words: frozenset[str] = frozenset()
    #: Nouns for a part of an event ("a round of talks"): its holder holds the event.
    part_words: frozenset[str] = frozenset()
    #: Words that keep an undated event from the article's date ("regularly", "previous").
    undated_words: frozenset[str] = frozenset()
    #: Words that put a past event on the article's day ("just concluded").
    recent_words: frozenset[str] = frozenset()
    #: Nouns of a place that its country's name can stand before ("the Indian capital").
    locale_words: frozenset[str] = frozenset()
    #: Nouns of a group that travels ("Y's delegation to Z"): its leader and its members go.
    group_words: frozenset[str] = frozenset()
    #: Nouns for one of a group ("the other members of his delegation").
    member_words: frozenset[str] = frozenset()
    #: Verbs for leading a group ("a delegation led by X").
    lead_words: frozenset[str] = frozenset()
    #: Words for what a group is made of ("a delegation including X", "its members included X").
    include_words: frozenset[str] = frozenset()
    #: Adverbs that make a journey a return ("flew back", "heads home"): no visit.
    return_words: frozenset[str] = frozenset()
    #: Verbs that report what someone said ("said he would meet X": "would" is then a plan).
    report_words: frozenset[str] = frozenset()
    #: Verbs by which their subject does the act a noun names ("imposed sanctions", "launched an attack").
    perform_words: frozenset[str] = frozenset()
    #: Verbs whose object does what their infinitive says ("urged X to meet Y": X meets Y).
    control_words: frozenset[str] = frozenset()

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


def read_event_lexicon(folder: Path | None, gatherings: frozenset[str] = frozenset()) -> EventLexicon:
    """The event vocabulary of the data folder ``folder`` (``None``: kg's own).

    Parameters
    ----------
    folder:
        The data folder (files it lacks are read from kg's own, :func:`kg.tables.read_text`).
    gatherings:
        The last words of the names of events and venues (:attr:`kg.roles.NameWords.gatherings`).

    Raises
    ------
    KgError
        ``KG024`` when a trigger's pos, kind, plover, mode or needs, a cue's status, an
        issue's kind or an event word's kind is not one its column allows (and the
        malformed-table codes of :mod:`kg.tables`).

    Examples
    --------
    >>> lexicon = read_event_lexicon(None)
    >>> [t.kind.value for t in lexicon.triggers[("meet", "VERB")]]  # "met by video", else a meeting
    ['phone_call', 'meeting']
    >>> lexicon.issues_in("curbs on semiconductors and Taiwan")
    ('semiconductors', 'taiwan')
    >>> lexicon.issues_in("fentanyl, behind an addiction pandemic")
    ('drugs',)
    """
    triggers: dict[tuple[str, str], list[Trigger]] = defaultdict(list)
    columns = ("lemma", "pos", "kind", "plover", "mode", "needs")
    for row in read_table("event_triggers.tsv", folder, columns):
        trigger = Trigger(
            row.required("lemma"),
            row.choice("pos", TRIGGER_POS),
            row.member("kind", EventKind),
            row.member("plover", Plover),
            row.member("mode", Mode) if row.text("mode") else None,
            row.member("needs", Needs),
        )
        triggers[(trigger.lemma, trigger.pos)].append(trigger)
    # A rule with a condition is more specific than one without: try it first.
    ordered = {k: tuple(sorted(v, key=lambda t: t.needs is Needs.NONE)) for k, v in triggers.items()}
    words: dict[str, Status] = {}
    phrases: list[tuple[str, Status]] = []
    for row in read_table("status_cues.tsv", folder, ("word", "status")):
        word, status = row.required("word"), row.member("status", Status)
        if " " in word:
            phrases.append((word, status))
        else:
            words[word] = status
    issues = []
    issue_kinds = [kind.value for kind in EventKind]
    for row in read_table("issues.tsv", folder, ("key", "label", "kind", "terms")):
        key, label, kind = row.required("key"), row.required("label"), row.choice("kind", issue_kinds)
        terms = row.values("terms")
        included = [t for t in terms if not t.startswith("!")]
        if not included:
            row.fail("KG023", "the terms cell names no phrase of the issue (a !phrase only excludes); "
                     "add the phrases that name it")
        excluded = [t[1:] for t in terms if t.startswith("!")]
        issues.append(IssueDef(
            key, label, kind, _term_pattern(included), _term_pattern(excluded) if excluded else None,
        ))
    requests = frozenset(row.required("word") for row in read_table("requests.tsv", folder, ("word",)))
    event_words: dict[EventWordKind, set[str]] = {kind: set() for kind in EventWordKind}
    for row in read_table("event_words.tsv", folder, ("word", "kind")):
        event_words[row.member("kind", EventWordKind)].add(row.required("word").lower())
    return EventLexicon(
        triggers=MappingProxyType(ordered),
        status_words=MappingProxyType(words),
        status_phrases=tuple(phrases),
        issues=tuple(issues),
        gatherings=gatherings,
        requests=requests,
        plan_verbs=frozenset(event_words[EventWordKind.PLAN]),
        phone_words=frozenset(event_words[EventWordKind.PHONE]),
        part_words=frozenset(event_words[EventWordKind.PART]),
        undated_words=frozenset(event_words[EventWordKind.UNDATED]),
        recent_words=frozenset(event_words[EventWordKind.RECENT]),
        locale_words=frozenset(event_words[EventWordKind.LOCALE]),
        group_words=frozenset(event_words[EventWordKind.GROUP]),
        member_words=frozenset(event_words[EventWordKind.MEMBER]),
        lead_words=frozenset(event_words[EventWordKind.LEAD]),
        include_words=frozenset(event_words[EventWordKind.INCLUDE]),
        return_words=frozenset(event_words[EventWordKind.RETURN]),
        report_words=frozenset(event_words[EventWordKind.REPORT]),
        perform_words=frozenset(event_words[EventWordKind.PERFORM]),
        control_words=frozenset(event_words[EventWordKind.CONTROL]),
    )
