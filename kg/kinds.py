"""The node kinds as one table: how each kind of node is typed, tied, drawn and said.

Every place that treats one kind of node differently from another reads its row here:
the RDF export types a node with the row's ``kg:`` classes, the graph ties an event to
its participants by the row's actor relation, the page draws a node in the row's colour
and shape and names it by the row's legend name, the page's view without events writes
the row's verb between two actors, and event finding and merging read relation kinds
(:data:`RELATION_KINDS`) as sides at odds or at one, placeless, joined per episode
(:mod:`kg.events.disputes`, :mod:`kg.events.merge`). The table sits below the stages and the
exporters and imports neither, so both read it.

Adding a kind of node is: a member of :class:`~kg.vocab.EntityKind` or
:class:`~kg.vocab.EventKind`, a row here, its trigger rows in ``event_triggers.tsv`` (for
an event) and its class in ``kg/data/ontology.ttl`` and :class:`kg.export.namespace.KG`.
``tests/test_kinds.py`` checks that every member has a row and every class is declared.

Examples
--------
>>> KINDS["phone_call"].classes
('PhoneCall', 'Meeting', 'Event')
>>> EVENT_ROWS["dispute"].actor, EVENT_ROWS["dispute"].verb
(<Relation.PARTY: 'party'>, 'dispute')
>>> sorted(RELATION_KINDS)
[<EventKind.COOPERATION: 'cooperation'>, <EventKind.DISPUTE: 'dispute'>]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from kg.vocab import EntityKind, EventKind, NodeKind, Relation

__all__ = ["EVENT_ROWS", "KINDS", "RELATION_KINDS", "EventRow", "KindRow"]


@dataclass(frozen=True, slots=True)
class KindRow:
    """What one kind of node is in RDF and on the page."""

    kind: NodeKind
    classes: tuple[str, ...]
    """Local names of its ``kg:`` classes, its own first; a node is typed with each, so that
    a query for a class finds the nodes of every kind below it without a reasoner."""
    name: str
    """What the page's legend and tooltips call it."""
    colour: str
    shape: str
    """A vis-network shape, or one of :data:`kg.export.pyvis.POLYGONS`."""

    @property
    def event(self) -> bool:
        """Whether it is a kind of event (its row is an :class:`EventRow`)."""
        return isinstance(self, EventRow)


@dataclass(frozen=True, slots=True)
class EventRow(KindRow):
    """What one kind of event is, beyond what every kind of node is."""

    actor: Relation
    """The edge from an event of this kind to each of its participants (a visit's traveller,
    one of them, also gets a ``traveller`` edge, whatever the kind)."""
    verb: str
    """What the page's view without events writes on the edge between two of its actors."""
    is_relation: bool = False
    """A relation between parties about issues rather than an occasion: no place, and the
    sentences about the same parties in one episode are one event, dated where they date it."""


def _table(*rows: KindRow) -> Mapping[str, KindRow]:
    return MappingProxyType({row.kind.value: row for row in rows})


KINDS: Mapping[str, KindRow] = _table(
    KindRow(EntityKind.PERSON, ("Person",), "Person", "#e15759", "dot"),
    KindRow(EntityKind.OFFICE, ("Office",), "Office", "#f28e2b", "square"),
    KindRow(EntityKind.COUNTRY, ("Country",), "Country", "#4e79a7", "hexagon"),
    KindRow(EntityKind.ORGANIZATION, ("Organization",), "Organisation", "#59a1a0", "triangle"),
    KindRow(EntityKind.PLACE, ("Place",), "Place", "#59a14f", "triangleDown"),
    KindRow(EntityKind.ISSUE, ("Issue",), "Issue", "#d4a72c", "star"),
    EventRow(EventKind.MEETING, ("Meeting", "Event"), "Meeting", "#9b5fc0", "box",
             actor=Relation.PARTICIPANT, verb="met"),
    EventRow(EventKind.PHONE_CALL, ("PhoneCall", "Meeting", "Event"), "Phone call", "#e377c2", "ellipse",
             actor=Relation.PARTICIPANT, verb="phoned"),
    EventRow(EventKind.VISIT, ("Visit", "Event"), "Visit", "#9c755f", "diamond",
             actor=Relation.PARTICIPANT, verb="visited"),
    EventRow(EventKind.DISPUTE, ("Dispute", "Event"), "Dispute", "#444444", "cross",
             actor=Relation.PARTY, verb="dispute", is_relation=True),
    EventRow(EventKind.COOPERATION, ("Cooperation", "Event"), "Cooperation", "#2ca02c", "pentagon",
             actor=Relation.PARTICIPANT, verb="cooperate", is_relation=True),
)
"""Every kind of node by its value, in the order of the page's legend."""

EVENT_ROWS: Mapping[str, EventRow] = MappingProxyType(
    {kind: row for kind, row in KINDS.items() if isinstance(row, EventRow)}
)
"""The rows of the event kinds, by value."""

RELATION_KINDS: frozenset[EventKind] = frozenset(
    EventKind(row.kind) for row in EVENT_ROWS.values() if row.is_relation
)
"""The event kinds that are relations between parties (:attr:`EventRow.is_relation`)."""
