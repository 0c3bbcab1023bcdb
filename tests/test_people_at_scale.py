"""People at scale (``benchmarks/people_at_scale.py``): the tally sorts generated people
into one node, split, merged and missing by the names the generator wrote for them, and
on a small generated corpus every person is one node of their own, none a surname alone.

The benchmark runs 1,000 articles; this runs 30, so that a regression fails the suite."""

from __future__ import annotations

import sys
from pathlib import Path

import networkx as nx
import pytest

import kg

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
from generate_corpus import Person, generate, make_world, write_corpus
from people_at_scale import names_written, tally_people


@pytest.fixture(scope="module")
def three() -> tuple[Person, Person, Person]:
    """Three invented people of the generator's world."""
    first, second, third = make_world(3, seed=11).people
    return first, second, third


def _graph(*people: tuple[str, list[str]]) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for i, (label, aliases) in enumerate(people):
        G.add_node(f"p{i}", kind="person", label=label, aliases=aliases)
    return G


def test_each_person_one_node_of_their_own(three: tuple[Person, Person, Person]) -> None:
    a, b, c = three
    names = {a: frozenset({a.name, a.surname}), b: frozenset({b.name}), c: frozenset({c.name})}
    tally = tally_people(_graph((a.name, [a.surname]), (b.name, []), (c.name, [])), names)
    assert (tally.people, tally.one_node, tally.fraction_one_node) == (3, 3, 1.0)
    assert tally.split == tally.merged == tally.missing == tally.surname_only == tally.strangers == ()


def test_a_misspelt_name_or_a_surname_on_a_node_of_its_own_splits_the_person(
        three: tuple[Person, Person, Person]) -> None:
    a, b, c = three
    misspelt = f"{b.given} {b.surname}x"
    names = {a: frozenset({a.name, a.surname}), b: frozenset({b.name, misspelt}), c: frozenset({c.name})}
    G = _graph((a.name, []), (a.surname, []), (b.name, []), (misspelt, []), (c.name, []))
    tally = tally_people(G, names)
    assert {f.person: f.labels for f in tally.split} == {a: tuple(sorted((a.name, a.surname))),
                                                         b: tuple(sorted((b.name, misspelt)))}
    assert tally.surname_only == (a.surname,)
    assert tally.one_node == 1


def test_the_misspelling_as_an_alias_is_one_node(three: tuple[Person, Person, Person]) -> None:
    a, _, _ = three
    misspelt = f"{a.given} {a.surname}x"
    tally = tally_people(_graph((a.name, [misspelt])), {a: frozenset({a.name, misspelt})})
    assert tally.one_node == 1


def test_two_people_on_one_node_are_merged_and_a_lost_name_is_missing(
        three: tuple[Person, Person, Person]) -> None:
    a, b, c = three
    names = {a: frozenset({a.name}), b: frozenset({b.name}), c: frozenset({c.name, c.surname})}
    G = _graph((a.name, [b.name]), ("Someone Else", []))
    G.add_node("org", kind="organization", label=f"{c.surname} Group", aliases=[])
    tally = tally_people(G, names)
    assert {f.person for f in tally.merged} == {a, b}
    assert [(f.person, f.labels) for f in tally.missing] == [(c, (f"{c.surname} Group (organization)",))]
    assert tally.strangers == ("Someone Else",)
    assert tally.one_node == 0


def test_names_written_gathers_every_article() -> None:
    articles = list(generate(6, seed=5))
    names = names_written(articles)
    for article in articles:
        for person, written in article.names.items():
            assert written <= names[person]
            assert all(name in article.text for name in written)
            assert all(name == person.surname or name.startswith(f"{person.given} ") for name in written)


@pytest.mark.slow
def test_thirty_generated_articles_give_every_person_one_node(tmp_path: Path) -> None:
    articles = 30
    G = kg.build(write_corpus(tmp_path, articles))
    tally = tally_people(G, names_written(generate(articles)))
    assert tally.people >= 30
    assert tally.split == (), [str(f) for f in tally.split]
    assert tally.merged == (), [str(f) for f in tally.merged]
    assert tally.missing == (), [str(f) for f in tally.missing]
    assert tally.surname_only == ()
