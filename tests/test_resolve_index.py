"""The indexes that keep fuzzy name matching linear find exactly what a comparison of
every pair would find (property tests on random names from a tiny alphabet, so that
names one edit apart are common)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.resolve import _deletions, _one_edit, _variant_keys, _variant_of

# Two letters and short words: random names are often one edit apart (substitutions,
# insertions, deletions and swaps all occur), and sometimes equal.
words = st.text(alphabet="abé", min_size=1, max_size=5)
full_names = st.lists(words, min_size=2, max_size=3).map(" ".join)


def found_by_index(items: list[str], keys: Callable[[str], Iterable[Hashable]],
                   match: Callable[[str, str], bool]) -> set[tuple[str, str]]:
    """The matching pairs an index on ``keys`` proposes (as resolution looks them up)."""
    index: dict[Hashable, set[str]] = defaultdict(set)
    for item in items:
        for key in keys(item):
            index[key].add(item)
    return {(a, b) for a in items for key in keys(a) for b in index[key] if match(a, b)}


def every_pair(items: list[str], match: Callable[[str, str], bool]) -> set[tuple[str, str]]:
    return {(a, b) for a in items for b in items if match(a, b)}


@settings(max_examples=300, deadline=None)
@given(st.lists(full_names, min_size=2, max_size=40, unique=True))
def test_blocking_keys_find_every_pair_of_variant_spellings(names: list[str]) -> None:
    assert found_by_index(names, _variant_keys, _variant_of) == every_pair(names, _variant_of)


@settings(max_examples=300, deadline=None)
@given(st.lists(words, min_size=2, max_size=40, unique=True))
def test_deletion_index_finds_every_word_one_edit_away(vocabulary: list[str]) -> None:
    assert found_by_index(vocabulary, _deletions, _one_edit) == every_pair(vocabulary, _one_edit)


def test_an_adjacent_swap_shares_a_deletion_variant() -> None:
    # The case a plain "same first letters" block would miss: only a deletion meets it.
    assert _one_edit("brenner", "bernner")
    assert _deletions("brenner") & _deletions("bernner")
    assert not _deletions("brenner") & _deletions("xyz")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 5)), max_size=30), full_names, words)
def test_a_documents_index_finds_what_a_scan_of_its_full_names_finds(
    placed: list[tuple[int, int]], spelling: str, word: str
) -> None:
    from kg.resolve import _DocumentPeople, _PersonCluster

    # Six clusters with names from the tiny alphabet; each placed at a start in the document.
    clusters = []
    for i in range(6):
        cluster = _PersonCluster()
        cluster.spellings[f"{spelling} {'ab'[i % 2] * (i + 1)}"] += 1
        clusters.append(cluster)
    entries = sorted(((start, clusters[i]) for start, i in placed), key=lambda e: e[0])
    people = _DocumentPeople()
    for start, cluster in entries:
        people.add(start, cluster, cluster.tokens)
    assert people.by_word.get(word, []) == [(s, c) for s, c in entries if word in c.tokens]
    found = {id(c) for v in _deletions(word) for c in people.by_variant.get(v, {}).values()
             if any(_one_edit(word, t) for t in c.tokens if len(t) >= 5)}
    scanned = {id(c) for _, c in entries if any(_one_edit(word, t) for t in c.tokens if len(t) >= 5)}
    assert found == scanned
