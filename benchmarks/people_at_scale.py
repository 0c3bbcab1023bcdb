"""People at scale: how many of a generated corpus's people ``kg build`` makes one node each.

The generator (``benchmarks/generate_corpus.py``) knows every person it put in an
article and every name it wrote for them there: the full name, a misspelt full name
now and then, the surname alone. This builds the corpus with ``kg`` and, for each
distinct person, looks for the person nodes whose label or aliases hold one of the
full names written for them. The person is then

- **one node** when exactly one node holds their full names and no other person's,
  and no other node is labelled with their surname alone;
- **split** when several nodes hold their full names, or a node of its own is
  labelled with their surname alone (as ``../shared/eval/score.py`` counts a stray);
- **merged** when their one node also holds another generated person's full name;
- **missing** when no person node holds any of their full names.

It also counts the surname-only person nodes (a one-word label that is a surname the
generator wrote) and the person nodes that are no generated person at all. The
issue's target at 1,000 articles: at least 98% one node each, no surname-only node.

Usage::

    .venv/bin/python benchmarks/people_at_scale.py --articles 1000 --workers 2
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).parent))
from generate_corpus import GeneratedArticle, Person, generate, write_corpus

__all__ = ["Failure", "PeopleTally", "main", "names_written", "tally_people"]


@dataclass(frozen=True, slots=True)
class Failure:
    """A generated person not found as one node, and the labels of the nodes that show why."""

    person: Person
    labels: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.person.name}: {list(self.labels)}"


@dataclass(frozen=True, slots=True)
class PeopleTally:
    """How the distinct generated people of a corpus came out in its graph."""

    people: int
    one_node: int
    split: tuple[Failure, ...]
    merged: tuple[Failure, ...]
    missing: tuple[Failure, ...]
    surname_only: tuple[str, ...]
    strangers: tuple[str, ...]

    @property
    def fraction_one_node(self) -> float:
        """The share of the distinct people found as one node each."""
        return self.one_node / self.people if self.people else 1.0


def names_written(articles: Iterable[GeneratedArticle]) -> dict[Person, frozenset[str]]:
    """Every name the articles write for each person they name, over the whole corpus."""
    names: dict[Person, frozenset[str]] = {}
    for article in articles:
        for person, written in article.names.items():
            names[person] = names.get(person, frozenset()) | written
    return names


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


def tally_people(G: nx.MultiDiGraph, names: Mapping[Person, frozenset[str]]) -> PeopleTally:
    """Sort the generated people by how the person nodes of ``G`` hold the names written for them.

    Parameters
    ----------
    G:
        A graph built by ``kg`` from the generated articles.
    names:
        Every name written for each generated person (``names_written``); one with a
        space is a full name, one without a surname alone.

    Returns
    -------
    PeopleTally
        The counts and the failures, each person in exactly one of one node, split,
        merged or missing.
    """
    people = {n: d for n, d in G.nodes(data=True) if d["kind"] == "person"}
    held = {n: {_fold(d["label"]), *map(_fold, d["aliases"])} for n, d in people.items()}
    full = {p: {_fold(w) for w in written if " " in w} for p, written in names.items()}
    surnames = {_fold(w.split()[-1]) for written in names.values() for w in written}
    nodes_of = {p: {n for n, h in held.items() if h & wanted} for p, wanted in full.items()}
    holders: dict[str, int] = {}
    for nodes in nodes_of.values():
        for n in nodes:
            holders[n] = holders.get(n, 0) + 1

    def labels(nodes: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted(G.nodes[n]["label"] for n in nodes))

    split, merged, missing = [], [], []
    for person in sorted(names, key=lambda p: p.name):
        nodes = nodes_of[person]
        alone = {_fold(w) for w in names[person] if " " not in w}
        strays = {n for n, d in people.items() if _fold(d["label"]) in alone} - nodes
        if not nodes:
            # What the person's surname became instead: a node of another kind, or a surname alone.
            surname = person.surname.casefold()
            seen = [f"{d['label']} ({d['kind']})" for _, d in G.nodes(data=True)
                    if surname in d["label"].casefold()]
            missing.append(Failure(person, tuple(sorted(seen))))
        elif len(nodes) > 1 or strays:
            split.append(Failure(person, labels(nodes | strays)))
        elif holders[next(iter(nodes))] > 1:
            merged.append(Failure(person, labels(nodes)))
    matched = set().union(*nodes_of.values()) if nodes_of else set()
    one_word = sorted(d["label"] for d in people.values() if " " not in d["label"].strip())
    return PeopleTally(
        people=len(names),
        one_node=len(names) - len(split) - len(merged) - len(missing),
        split=tuple(split),
        merged=tuple(merged),
        missing=tuple(missing),
        surname_only=tuple(label for label in one_word if _fold(label) in surnames),
        strangers=tuple(sorted(d["label"] for n, d in people.items()
                               if n not in matched and _fold(d["label"]) not in surnames)),
    )


def _report(tally: PeopleTally, show: int) -> None:
    def listing(title: str, items: tuple[object, ...]) -> None:
        print(f"{title}: {len(items)}")
        for item in items[:show]:
            print(f"    {item}")

    print(f"distinct generated people: {tally.people}")
    print(f"found as exactly one person node: {tally.one_node} "
          f"({tally.fraction_one_node:.1%}; target >= 98%)")
    listing("split into several nodes", tally.split)
    listing("merged with another person", tally.merged)
    listing("missing", tally.missing)
    listing("surname-only person nodes (target 0)", tally.surname_only)
    listing("person nodes that are no generated person", tally.strangers)


def main(argv: list[str] | None = None) -> PeopleTally:
    """Command line: generate the corpus, build it, print the tally; returns it."""
    from kg.flow import build
    from kg.settings import Settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--show", type=int, default=8, help="failures listed of each kind")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kg-people-") as folder:
        write_corpus(Path(folder), args.articles, args.seed)
        G = build(Path(folder), Settings(workers=args.workers))
    tally = tally_people(G, names_written(generate(args.articles, args.seed)))
    print(f"{args.articles} generated articles, seed {args.seed}")
    _report(tally, args.show)
    return tally


if __name__ == "__main__":
    main()
