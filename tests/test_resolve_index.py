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
