"""Records to a ``networkx.MultiDiGraph`` whose node ids are stable IRIs.

Node attributes (all plain values, so the graph pickles and exports cleanly):

``kind``
    an :class:`~kg.vocab.EntityKind` or :class:`~kg.vocab.EventKind` value;
``label``, ``aliases``
    the canonical name and every other surface form seen;
``evidence``
    a tuple of :class:`~kg.types.Evidence`: the sentences behind the node;
``country``
    (people, organisations, places) the IRI of their country, when known;
``iso_alpha2``, ``iso_alpha3``
    (countries) their ISO 3166-1 codes, when ISO assigns them (``country_codes.tsv``);
``latitude``, ``longitude``
    (places that are a capital) where it stands, when known (``capital_coordinates.tsv``);
events also carry ``date`` (an XSD lexical form), ``date_precision``, ``status``,
``plover``, ``mode``, ``issues`` and ``rules``.

Edges are keyed by :class:`~kg.vocab.Relation` values, so
``G.has_edge(person, office, key="holds_office")`` reads as it says; an event's participants
are tied by its kind's actor relation (:data:`kg.kinds.EVENT_ROWS`: ``party`` for disputes).
The document table is ``G.graph["documents"]`` (doc id -> :class:`~kg.types.DocumentInfo`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import networkx as nx

from kg.kinds import EVENT_ROWS
from kg.knowledge import Knowledge
from kg.types import DocumentInfo, Entity, Event, Resolution
from kg.vocab import EntityKind, Relation

__all__ = ["to_graph"]


def to_graph(
    resolution: Resolution,
    events: Iterable[Event],
    documents: Iterable[DocumentInfo],
    version: str = "",
    issues: Iterable[Entity] = (),
    knowledge: Knowledge | None = None,
) -> nx.MultiDiGraph:
    """Assemble the graph. Nodes and edges are added in sorted order, so two builds
    of the same input give graphs that iterate identically.

    ``knowledge`` gives countries their ISO 3166-1 codes and capitals their coordinates
    (:func:`_gazetteer_attrs`); without it nodes have neither.

    Examples
    --------
    >>> from kg.types import Resolution
    >>> G = to_graph(Resolution({}, {}, (), {}), [], [])
    >>> G.number_of_nodes(), G.graph["documents"]
    (0, {})
    """
    G: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    G.graph["documents"] = {d.doc_id: d for d in sorted(documents, key=lambda d: d.doc_id)}
    G.graph["kg_version"] = version
    entities = {**resolution.entities, **{issue.iri: issue for issue in issues}}
    for iri, entity in sorted(entities.items()):
        attrs: dict[str, object] = {
            "kind": entity.kind.value,
            "label": entity.label,
            "aliases": list(entity.aliases),
            "evidence": entity.evidence,
        }
        if entity.country:
            attrs["country"] = entity.country
        if entity.key:
            attrs["key"] = entity.key
        if knowledge is not None:
            attrs.update(_gazetteer_attrs(entity, entities, knowledge))
        attrs.update(entity.attrs)
        G.add_node(iri, **attrs)
    for iri, entity in sorted(entities.items()):
        if entity.country and entity.country in G and entity.kind is not EntityKind.COUNTRY:
            G.add_edge(iri, entity.country, key=Relation.COUNTRY.value)
    for office, owner in sorted(resolution.office_owner.items()):
        if office in G and owner in G:
            G.add_edge(office, owner, key=Relation.OFFICE_OF.value)
    for tenure in resolution.tenures:
        relation = Relation.HELD_OFFICE if tenure.former else Relation.HOLDS_OFFICE
        G.add_edge(tenure.person, tenure.office, key=relation.value, evidence=tenure.evidence)
    for event in sorted(events, key=lambda e: e.iri):
        _add_event(G, event)
    return G


def _gazetteer_attrs(
    entity: Entity, entities: Mapping[str, Entity], knowledge: Knowledge
) -> dict[str, object]:
    """What the gazetteer adds to a node for the exports: a country's ISO codes, where a capital stands."""
    if entity.kind is EntityKind.COUNTRY:
        iso = knowledge.country_codes.get(entity.key)
        return {"iso_alpha2": iso.alpha2, "iso_alpha3": iso.alpha3} if iso is not None else {}
    country = entities.get(entity.country or "")
    if entity.kind is EntityKind.PLACE and country is not None:
        capital = knowledge.capitals.get(country.key)
        if capital is not None and capital.name == entity.label:
            return {"latitude": capital.latitude, "longitude": capital.longitude}
    return {}


def _add_event(G: nx.MultiDiGraph, event: Event) -> None:
    attrs = {
        "kind": event.kind.value,
        "label": event.label,
        "aliases": [],
        "evidence": event.evidence,
        "status": event.status.value,
        "plover": event.plover.value,
        "rules": list(event.rules),
    }
    if event.mode is not None:
        attrs["mode"] = event.mode.value
    if event.date is not None:
        attrs["date"] = event.date.lexical
        attrs["date_precision"] = event.date.precision.value
    if event.issues:
        attrs["issues"] = list(event.issues)
    G.add_node(event.iri, **attrs)
    relation = EVENT_ROWS[event.kind.value].actor
    for actor in event.participants:
        G.add_edge(event.iri, actor, key=relation.value)
    if event.traveller:
        G.add_edge(event.iri, event.traveller, key=Relation.TRAVELLER.value)
    if event.destination:
        G.add_edge(event.iri, event.destination, key=Relation.DESTINATION.value)
    if event.place:
        G.add_edge(event.iri, event.place, key=Relation.PLACE.value)
    for issue in event.issues:
        G.add_edge(event.iri, issue, key=Relation.ISSUE.value)
