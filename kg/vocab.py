"""Closed vocabularies: every kind of thing, event, status and relation ``kg`` knows.

Kinds are ``str`` enums so that they compare equal to their plain values, read
well in a notebook (``G.nodes[n]["kind"] == "person"``) and serialise as strings.
What each kind of node is in RDF, in the graph and on the page is its row in
:mod:`kg.kinds`; a new member of :class:`EntityKind` or :class:`EventKind` needs one.
"""

from __future__ import annotations

from enum import Enum

__all__ = [
    "MONTHS",
    "POSSESSIVE_MARKS",
    "SENTENCE_ENDS",
    "ClaimRule",
    "EntityKind",
    "EventKind",
    "FurnitureKind",
    "MentionRole",
    "Mode",
    "NodeKind",
    "Plover",
    "Relation",
    "Status",
    "StrEnum",
    "TemporalPrecision",
    "Tense",
    "TitleKind",
    "TitleRank",
]

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
"""The English month names, fixed (``calendar.month_name`` follows the locale); each starts
with its own three-letter abbreviation."""

POSSESSIVE_MARKS = frozenset({"'s", "\u2019s", "'", "\u2019"})
"""The tokens that mark a possessive ("Chad's", "the Philippines'"), straight or curly."""

SENTENCE_ENDS = (".", "!", "?", ".\u201d", ".\"", ":")
"""How a line that is a sentence ends; a headline ("X Meets Y") ends otherwise."""


class StrEnum(str, Enum):
    """A closed set of names, each equal to its text and printed as it (``enum.StrEnum``
    from Python 3.11 on): every vocabulary of ``kg`` is one."""

    def __str__(self) -> str:
        return self.value


class EntityKind(StrEnum):
    """What a resolved actor or place is."""

    PERSON = "person"
    ORGANIZATION = "organization"
    COUNTRY = "country"
    PLACE = "place"
    OFFICE = "office"
    ISSUE = "issue"


class EventKind(StrEnum):
    """The event classes: the four of the public schema, and cooperation (an extension:
    parties agreeing, supporting, working together or giving aid, PLOVER AGREE/SUPPORT/COOPERATE/AID)."""

    MEETING = "meeting"
    PHONE_CALL = "phone_call"
    VISIT = "visit"
    DISPUTE = "dispute"
    COOPERATION = "cooperation"


NodeKind = EntityKind | EventKind
"""Every node of the graph is an entity or an event (documents live in the exports only);
:data:`kg.kinds.KINDS` has a row for each."""


class Status(StrEnum):
    """Whether an event happened, in the closed list of the public schema."""

    OCCURRED = "occurred"
    PLANNED = "planned"
    POSSIBLE = "possible"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"
    DECLINED = "declined"


class Plover(StrEnum):
    """PLOVER event types (Open Event Data Alliance), for comparison with event data sets."""

    CONSULT = "CONSULT"
    AGREE = "AGREE"
    SUPPORT = "SUPPORT"
    COOPERATE = "COOPERATE"
    AID = "AID"
    YIELD = "YIELD"
    ACCUSE = "ACCUSE"
    DISAPPROVE = "DISAPPROVE"
    DEMAND = "DEMAND"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


class Mode(StrEnum):
    """PLOVER modes of CONSULT events."""

    VISIT = "visit"
    HOST = "host"
    PHONE = "phone"
    THIRD_PARTY = "third-party"
    MULTILATERAL = "multilateral"


class TemporalPrecision(StrEnum):
    """How precise a resolved date is; maps to ``xsd:date``, ``xsd:gYearMonth``, ``xsd:gYear``."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class Relation(StrEnum):
    """Edge kinds of the graph (the ``key`` of each ``MultiDiGraph`` edge)."""

    HOLDS_OFFICE = "holds_office"
    HELD_OFFICE = "held_office"
    OFFICE_OF = "office_of"
    COUNTRY = "country"
    PARTICIPANT = "participant"
    TRAVELLER = "traveller"
    DESTINATION = "destination"
    PLACE = "place"
    PARTY = "party"
    ISSUE = "issue"


class Tense(StrEnum):
    """Where a clause stands in time relative to the article's publication date."""

    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"


class MentionRole(StrEnum):
    """What a mention is in its article (``Mention.label``), before resolution, and the
    span labels it starts from: this is the one definition of both.

    A gazetteer hit keeps the gazetteer's span label (the members :class:`kg.lexicon.Label`
    names) and a name the model found keeps the reconciler's (:mod:`kg.pipeline.entities`);
    the other roles are what a rule made of a span.
    """

    COUNTRY = "COUNTRY"
    DEMONYM = "DEMONYM"
    CAPITAL = "CAPITAL"
    COMBINING = "COMBINING"
    CITY = "CITY"
    REGION = "REGION"
    ORG = "ORG"
    TITLE = "TITLE"
    """A title the gazetteer found: a span label only, as its mention takes the role a rule
    gives it (:attr:`OFFICE`, :attr:`DESCRIPTOR`, :attr:`GENERIC_ORG`, :attr:`TITLE_REF`...)."""
    PERSON = "PERSON"
    """A person's name: the model's, or a name of unsure kind that a title is tied to."""
    PLACE = "PLACE"
    """A place name the model found and the gazetteer does not know."""
    NAME = "NAME"
    """One capitalised word of unsure kind ("Moreau" tagged as a place): resolution decides."""
    OFFICE = "office"
    """A title naming a post (:attr:`TitleKind.OFFICE`)."""
    DESCRIPTOR = "descriptor"
    """A title saying only whom someone acts for (:attr:`TitleKind.DESCRIPTOR`)."""
    GENERIC_ORG = "GENERIC_ORG"
    """A body each country has, with its country ("the Chinese foreign ministry")."""
    PREDECESSOR = "predecessor"
    """The word "predecessor": its person held formerly what the sentence's subject holds."""
    TITLE_REF = "TITLE-REF"
    """A title standing for its holder ("the top US diplomat said"): a person to find."""


class ClaimRule(StrEnum):
    """The word order that tied a title to its holder or owner (``OfficeClaim.rule``);
    :mod:`kg.mentions` gives an example of each."""

    TITLE_BEFORE_NAME = "title-before-name"
    APPOSITION = "apposition"
    POSSESSIVE_APPOSITION = "possessive-apposition"
    STANDALONE = "standalone"
    """A title with no name, which may stand for its holder (``OfficeClaim.referential``)."""
    PREDECESSOR = "predecessor"
    COUNTERPART = "counterpart"
    """"his Chadian counterpart X": X holds, for X's country, what the sentence's subject holds."""
    AS_TITLE = "as-title"
    """"Jane Roe's first trip as President of Chad": the title after "as" is the possessor's
    (or the subject's) post."""
    COPULA = "copula"
    """"Jane Roe is Chad's foreign minister": the subject of "be" holds the title."""
    OFFICE_VERB = "office-verb"
    """"Jane Roe, who heads a party in Chad": a verb of ``office_verbs.tsv`` and a body as its
    object name a post (it has no title span)."""


class TitleKind(StrEnum):
    """What a role noun of ``titles.tsv`` names."""

    OFFICE = "office"
    """A post someone holds: becomes an office node ("Foreign Minister")."""
    DESCRIPTOR = "descriptor"
    """Says only whom someone acts for, no post ("Chinese diplomat")."""
    ORGANIZATION = "organization"
    """A body each country has once ("foreign ministry" -> Foreign Ministry (China))."""


class TitleRank(StrEnum):
    """How senior a title of ``titles.tsv`` is, for display and resolution."""

    HEAD_OF_STATE = "head_of_state"
    HEAD_OF_GOVERNMENT = "head_of_government"
    MINISTER = "minister"
    SENIOR = "senior"
    OFFICIAL = "official"
    SPOKESPERSON = "spokesperson"
    OTHER = "other"


class FurnitureKind(StrEnum):
    """What a rule of ``furniture.tsv`` matches (the file's header says more of each)."""

    MACRO = "macro"
    """A named piece of pattern that later rules use as ``{{name}}``."""
    LINE = "line"
    PREFIX = "prefix"
    TAIL = "tail"
    CREDIT = "credit"
    SUFFIX = "suffix"
    DATELINE = "dateline"
    NOT_PLACE = "not_place"
