"""The spaCy components of ``kg.pipeline``, on hand-built Docs (no statistical model).

Each component is run on a ``Doc`` made from explicit words and entities, so what is
tested is the rule, not whatever a model happens to tag this year.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from parsed import iob_tags, natural_spaces
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

import kg.pipeline  # noqa: F401  (registers the factories)
from kg.knowledge import Knowledge
from kg.lexicon import Label, Term
from kg.pipeline.abbreviations import HonorificStops, add_abbreviations
from kg.pipeline.entities import SPAN_KEY as KG_KEY
from kg.pipeline.entities import EntityReconciler
from kg.pipeline.gazetteer import SPAN_KEY as GAZ_KEY
from kg.pipeline.gazetteer import GazetteerMatcher
from kg.pipeline.paragraphs import ParagraphBreaker
from kg.roles import read_name_words

BLANK_VOCAB = spacy.blank("en").vocab
WORDS = read_name_words(None)


def make_doc(vocab: Vocab, words: list[str], ents: Sequence[tuple[int, int, str]] = (),
             sent_starts: list[bool] | None = None) -> Doc:
    """A Doc with natural spacing and the given model entities ``(start, end, label)``."""
    return Doc(vocab, words=words, spaces=natural_spaces(words), ents=iob_tags(len(words), ents),
               sent_starts=sent_starts)


def spans(doc: Doc, key: str) -> list[tuple[str, str, str]]:
    return [(s.text, s.label_, s.kb_id_) for s in doc.spans[key]]


def run(nlp: Language, doc: Doc) -> Doc:
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def reconcile(doc: Doc, gazetteer: Sequence[tuple[int, int, str, str]] = ()) -> list[tuple[str, str, str]]:
    """Run only the reconciler, with gazetteer spans ``(start, end, label, kb_id)`` given by hand."""
    doc.spans[GAZ_KEY] = [Span(doc, s, e, label=label, kb_id=kb) for s, e, label, kb in gazetteer]
    return spans(EntityReconciler(WORDS)(doc), KG_KEY)


# -- paragraphs -------------------------------------------------------------------------------


class TestParagraphBreaker:
    def test_first_token_after_each_newline_starts_a_sentence(self) -> None:
        vocab = spacy.blank("en").vocab
        words = ["A", "heading", "\n", "The", "first", "paragraph", "\n\n", "Second", "one"]
        doc = ParagraphBreaker()(Doc(vocab, words=words, spaces=[True, False] + [False] * 7))
        starts = [t.text for t in doc if t.is_sent_start]
        assert starts == ["A", "The", "Second"]

    def test_newline_tokens_themselves_do_not_start_sentences(self) -> None:
        vocab = spacy.blank("en").vocab
        doc = ParagraphBreaker()(Doc(vocab, words=["Caption", "\n", "\n", "Body"]))
        assert [t.i for t in doc if t.is_sent_start] == [0, 3]

    def test_no_break_leaves_boundaries_to_the_parser(self) -> None:
        vocab = spacy.blank("en").vocab
        doc = ParagraphBreaker()(Doc(vocab, words=["One", "line", "only", "."]))
        # None means "not decided": the parser is free to set it.
        assert [t.is_sent_start for t in doc] == [True, None, None, None]

    @settings(max_examples=200, deadline=None)
    @given(st.lists(st.tuples(st.sampled_from(["Word", ".", "\n", "\n\n", " \n ", "  "]), st.booleans()),
                    min_size=1, max_size=30))
    def test_exactly_the_first_word_after_each_line_break_starts_a_sentence(
        self, tokens: list[tuple[str, bool]]
    ) -> None:
        words, spaces = [w for w, _ in tokens], [s for _, s in tokens]
        doc = ParagraphBreaker()(Doc(BLANK_VOCAB, words=words, spaces=spaces))
        expected = {0}
        for i, token in enumerate(doc):
            if "\n" in token.text_with_ws:
                after = next((t.i for t in doc[i + 1 :] if not t.is_space), None)
                if after is not None:
                    expected.add(after)
        assert {t.i for t in doc if t.is_sent_start} == expected

    def test_factory_is_registered(self) -> None:
        nlp = spacy.blank("en")
        nlp.add_pipe("kg_paragraphs")
        doc = nlp("Title line\nBody text here")
        assert [t.text for t in doc if t.is_sent_start] == ["Title", "Body"]


# -- honorific abbreviations ------------------------------------------------------------------


class TestHonorificStops:
    def test_the_word_after_an_abbreviation_starts_no_sentence(self) -> None:
        words = ["Envoy", "Amb.", "Tom", "Reyes", "left", ".", "Capt.", "Ana", "Lopez", "stayed"]
        doc = HonorificStops(["amb.", "capt."])(Doc(BLANK_VOCAB, words=words))
        assert [t.text for t in doc if t.is_sent_start is False] == ["Tom", "Ana"]
        assert [t.text for t in doc if t.is_sent_start] == ["Envoy"]

    def test_a_line_break_after_an_abbreviation_still_starts_a_sentence(self) -> None:
        words = ["Rank", ":", "Capt.", "\n", "Ana", "Lopez"]
        spaces = [False, True, False, False, True, False]
        doc = Doc(BLANK_VOCAB, words=words, spaces=spaces)
        doc = HonorificStops(["capt."])(ParagraphBreaker()(doc))
        assert doc[4].is_sent_start is True

    def test_the_tokenizer_keeps_the_tables_abbreviations_whole(self, knowledge: Knowledge) -> None:
        nlp = add_abbreviations(spacy.blank("en"), knowledge)
        doc = nlp("Deputy Minister Hon. Ana Lopez greeted BRIG. Tom Reyes and Xyz. Bo Lin")
        assert [t.text for t in doc][2:9] == ["Hon.", "Ana", "Lopez", "greeted", "BRIG.", "Tom", "Reyes"]
        assert [t.text for t in doc][10:12] == ["Xyz", "."]
        assert doc[3].is_sent_start is False and doc[7].is_sent_start is False
        assert doc[12].is_sent_start is None

    def test_an_honorific_that_is_a_word_may_end_a_sentence(self, knowledge: Knowledge) -> None:
        nlp = add_abbreviations(spacy.blank("en"), knowledge)
        doc = nlp("They thanked the General. Ana Lopez spoke")
        assert doc[5].text == "Ana" and doc[5].is_sent_start is None

    def test_without_its_honorifics_the_component_refuses_to_run(self) -> None:
        with pytest.raises(ValueError, match="initialize"):
            HonorificStops()(Doc(BLANK_VOCAB, words=["Hon.", "Ana"]))


@pytest.mark.slow
def test_the_model_keeps_a_title_and_its_holder_in_one_sentence(knowledge: Knowledge) -> None:
    from kg.nlp import load_pipeline
    from kg.settings import Settings

    nlp = load_pipeline(Settings(), knowledge)
    doc = nlp("The envoy then met with Deputy Prime Minister Hon. Ana Lopez. They spoke of trade.")
    assert [s.text for s in doc.sents] == [
        "The envoy then met with Deputy Prime Minister Hon. Ana Lopez.", "They spoke of trade."]


# -- gazetteer --------------------------------------------------------------------------------


class TestGazetteer:
    TERMS = (
        Term("U.S.", Label.COUNTRY, "USA"),
        Term("U.S. Treasury", Label.ORG, "Treasury Department|USA"),
        Term("treasury secretary", Label.TITLE, "treasury-secretary", case_sensitive=False),
        Term("US", Label.COUNTRY, "USA"),
    )

    def matcher(self, first: frozenset[str]) -> tuple[GazetteerMatcher, Language]:
        nlp = spacy.blank("en")
        return GazetteerMatcher(nlp.vocab, self.TERMS, nlp.make_doc, first), nlp

    def test_office_title_wins_over_an_overlapping_organisation(self) -> None:
        matcher, nlp = self.matcher(frozenset({"treasury-secretary"}))
        doc = matcher(make_doc(nlp.vocab, ["U.S.", "Treasury", "Secretary", "Jane", "Roe", "spoke"]))
        assert spans(doc, GAZ_KEY) == [
            ("U.S.", "COUNTRY", "USA"),
            ("Treasury Secretary", "TITLE", "treasury-secretary"),
        ]

    def test_without_priority_the_longest_leftmost_match_would_win(self) -> None:
        # The control for the test above: the priority is what makes the difference.
        matcher, nlp = self.matcher(frozenset())
        doc = matcher(make_doc(nlp.vocab, ["U.S.", "Treasury", "Secretary", "Jane", "Roe"]))
        assert ("U.S. Treasury", "ORG", "Treasury Department|USA") in spans(doc, GAZ_KEY)

    def test_organisation_still_found_where_no_title_overlaps(self) -> None:
        matcher, nlp = self.matcher(frozenset({"treasury-secretary"}))
        doc = matcher(make_doc(nlp.vocab, ["the", "U.S.", "Treasury", "said"]))
        assert spans(doc, GAZ_KEY) == [("U.S. Treasury", "ORG", "Treasury Department|USA")]

    def test_titles_match_in_any_case_countries_only_in_their_own(self) -> None:
        matcher, nlp = self.matcher(frozenset({"treasury-secretary"}))
        doc = matcher(make_doc(nlp.vocab, ["us", "and", "the", "treasury", "secretary", "of", "US"]))
        assert spans(doc, GAZ_KEY) == [
            ("treasury secretary", "TITLE", "treasury-secretary"),
            ("US", "COUNTRY", "USA"),
        ]

    def test_packaged_data_us_treasury_secretary(self, nlp: Language) -> None:
        doc = run(nlp, make_doc(nlp.vocab, ["U.S.", "Treasury", "Secretary", "Jane", "Roe", "and",
                                            "Commerce", "Secretary", "Ann", "Lee"]))
        assert spans(doc, GAZ_KEY) == [
            ("U.S.", "COUNTRY", "USA"),
            ("Treasury Secretary", "TITLE", "treasury-secretary"),
            ("Commerce Secretary", "TITLE", "commerce-secretary"),
        ]

    def test_packaged_data_demonym_organisation_title_and_spokesman(self, nlp: Language) -> None:
        doc = run(nlp, make_doc(nlp.vocab, ["Chinese", "foreign", "ministry", "spokesman", "Li", "Wei"]))
        assert spans(doc, GAZ_KEY) == [
            ("Chinese", "DEMONYM", "CHN"),
            ("foreign ministry", "TITLE", "foreign-ministry"),
            ("spokesman", "TITLE", "spokesperson"),
        ]


# -- entity reconciliation --------------------------------------------------------------------


class TestEntityReconciler:
    vocab = spacy.blank("en").vocab

    def test_title_words_owned_by_the_gazetteer_are_trimmed_from_a_person(self) -> None:
        doc = make_doc(self.vocab, ["Secretary", "of", "State", "Jane", "Roe", "arrived"], [(0, 5, "PERSON")])
        assert reconcile(doc, [(0, 3, "TITLE", "secretary-of-state")]) == [
            ("Secretary of State", "TITLE", "secretary-of-state"),
            ("Jane Roe", "PERSON", ""),
        ]

    def test_leading_article_and_possessive_are_trimmed(self) -> None:
        doc = make_doc(self.vocab, ["the", "Jane", "Roe", "'s", "visit"], [(0, 4, "PERSON")])
        assert reconcile(doc) == [("Jane Roe", "PERSON", "")]

    def test_curly_possessive_is_trimmed(self) -> None:
        doc = make_doc(self.vocab, ["Jane", "Roe", "\u2019s", "visit"], [(0, 3, "PERSON")])
        assert reconcile(doc) == [("Jane Roe", "PERSON", "")]

    @pytest.mark.parametrize("label", ["FAC", "LOC", "GPE"])
    def test_a_place_name_owning_what_only_a_person_has_is_a_person(self, label: str) -> None:
        words = ["during", "Jane", "Roe", "\u2019s", "second", "term"]
        doc = make_doc(self.vocab, words, [(1, 4, label)])
        assert reconcile(doc) == [("Jane Roe", "PERSON", "")]

    def test_a_place_name_owning_something_else_stays_a_place(self) -> None:
        doc = make_doc(self.vocab, ["Long", "Island", "'s", "beaches"], [(0, 3, "LOC")])
        assert reconcile(doc) == [("Long Island", "PLACE", "LOC")]

    def test_a_name_is_extended_over_the_word_it_is_a_compound_of(self) -> None:
        words = ["President", "Kim", "Min", "Jae", "arrived"]
        doc = Doc(self.vocab, words=words, heads=[3, 3, 3, 4, 4], deps=["compound", "compound", "compound",
                  "nsubj", "ROOT"], pos=["PROPN", "PROPN", "PROPN", "PROPN", "VERB"],
                  ents=["O", "B-PERSON", "I-PERSON", "O", "O"])
        assert reconcile(doc, [(0, 1, "TITLE", "president")]) == [
            ("President", "TITLE", "president"), ("Kim Min Jae", "PERSON", ""),
        ]

    def test_a_name_is_not_extended_over_a_word_it_does_not_head(self) -> None:
        doc = Doc(self.vocab, words=["Kim", "Min", "Monday"], heads=[1, 1, 1],
                  deps=["compound", "ROOT", "npadvmod"], pos=["PROPN", "PROPN", "PROPN"],
                  ents=["B-PERSON", "I-PERSON", "O"])
        assert reconcile(doc) == [("Kim Min", "PERSON", "")]

    def test_entity_is_cut_at_a_line_break(self) -> None:
        doc = make_doc(self.vocab, ["Jane", "Roe", "\n", "Advert"], [(0, 4, "PERSON")])
        assert reconcile(doc) == [("Jane Roe", "PERSON", "")]

    def test_headline_auxiliary_will_is_not_a_first_name(self) -> None:
        words = ["Will", "Marsh", "meet", "Li", "Wei", "on", "Monday", "?"]
        doc = make_doc(self.vocab, words, [(0, 2, "PERSON"), (3, 5, "PERSON")],
                       sent_starts=[True] + [False] * 7)
        assert reconcile(doc) == [("Marsh", "PERSON", ""), ("Li Wei", "PERSON", "")]

    def test_will_inside_a_sentence_stays_a_first_name(self) -> None:
        words = ["They", "met", "Will", "Marsh", "."]
        doc = make_doc(self.vocab, words, [(2, 4, "PERSON")], sent_starts=[True] + [False] * 4)
        assert reconcile(doc) == [("Will Marsh", "PERSON", "")]

    def test_single_word_of_unsure_kind_becomes_name_with_model_label(self) -> None:
        doc = make_doc(self.vocab, ["Marsh", "arrived", "in", "Varnholm"], [(0, 1, "GPE"), (3, 4, "GPE")])
        assert reconcile(doc) == [("Marsh", "NAME", "GPE"), ("Varnholm", "NAME", "GPE")]

    def test_a_single_name_after_the_article_is_no_persons(self) -> None:
        # "the North", "the Kremlin": a region or a seat named for its government, never a person.
        words = ["Troops", "of", "the", "North", "met", "Marsh"]
        doc = make_doc(self.vocab, words, [(3, 4, "LOC"), (5, 6, "GPE")])
        assert reconcile(doc) == [("Marsh", "NAME", "GPE")]

    def test_the_north_is_the_one_country_of_that_first_word_the_article_names(self) -> None:
        words = ["North", "Korea", "said", "the", "North", "would", "talk", "."]
        assert reconcile(make_doc(self.vocab, words), [(0, 2, "COUNTRY", "PRK")]) == [
            ("North Korea", "COUNTRY", "PRK"), ("North", "COUNTRY", "PRK"),
        ]

    def test_no_shorthand_for_two_such_countries_or_before_a_name(self) -> None:
        two = ["North", "Korea", "and", "North", "Macedonia", "met", "the", "North", "."]
        assert ("North", "COUNTRY", "PRK") not in reconcile(
            make_doc(self.vocab, two), [(0, 2, "COUNTRY", "PRK"), (3, 5, "COUNTRY", "MKD")]
        )
        ocean = ["North", "Korea", "sailed", "the", "North", "Atlantic", "."]
        assert reconcile(make_doc(self.vocab, ocean), [(0, 2, "COUNTRY", "PRK")]) == [
            ("North Korea", "COUNTRY", "PRK"),
        ]

    def test_a_word_of_a_full_name_written_again_alone_is_the_person(self) -> None:
        # The model tags "Jane Roe" but not the bare "Roe" nor "Jane" later on.
        words = ["Jane", "Roe", "met", "Li", ".", "Roe", "said", "Jane", "agreed", "."]
        pos = ["PROPN", "PROPN", "VERB", "PROPN", "PUNCT", "PROPN", "VERB", "PROPN", "VERB", "PUNCT"]
        doc = Doc(self.vocab, words=words, spaces=natural_spaces(words), pos=pos,
                  ents=iob_tags(len(words), [(0, 2, "PERSON")]))
        assert reconcile(doc) == [("Jane Roe", "PERSON", ""), ("Roe", "PERSON", ""), ("Jane", "PERSON", "")]

    def test_no_lone_name_word_inside_a_longer_untagged_name(self) -> None:
        words = ["Jane", "Roe", "met", "Tom", "Roe", "Smith", "."]
        pos = ["PROPN", "PROPN", "VERB", "PROPN", "PROPN", "PROPN", "PUNCT"]
        doc = Doc(self.vocab, words=words, spaces=natural_spaces(words), pos=pos,
                  ents=iob_tags(len(words), [(0, 2, "PERSON")]))
        assert reconcile(doc) == [("Jane Roe", "PERSON", "")]

    def test_lower_case_single_word_is_dropped(self) -> None:
        doc = make_doc(self.vocab, ["the", "balloon", "flew"], [(1, 2, "GPE")])
        assert reconcile(doc) == []

    def test_person_with_a_lower_case_word_or_too_long_is_dropped(self) -> None:
        doc = make_doc(self.vocab, ["Jane", "said", "Jo", "Bo", "Cy", "Ed", "Flo"],
                       [(0, 2, "PERSON"), (2, 7, "PERSON")])
        assert reconcile(doc) == []

    def test_known_organisation_takes_a_corporate_suffix(self) -> None:
        doc = make_doc(self.vocab, ["Microsoft", "Corp.", "co-founder"], [(0, 2, "ORG")])
        assert reconcile(doc, [(0, 1, "ORG", "Microsoft|USA")]) == [
            ("Microsoft Corp.", "ORG", "Microsoft|USA"),
        ]

    def test_unknown_organisation_kept_only_when_it_looks_like_one(self) -> None:
        words = ["Acme", "Holdings", "Group", "and", "Blue", "Lantern", "and", "NATOX"]
        doc = make_doc(self.vocab, words, [(0, 3, "ORG"), (4, 6, "ORG"), (7, 8, "ORG")])
        assert reconcile(doc) == [("Acme Holdings Group", "ORG", ""), ("NATOX", "ORG", "")]

    def test_gathering_is_not_an_actor(self) -> None:
        doc = make_doc(self.vocab, ["the", "Varnholm", "Security", "Conference"], [(1, 4, "ORG")])
        assert reconcile(doc) == []

    def test_multi_word_place_keeps_the_model_label(self) -> None:
        doc = make_doc(self.vocab, ["at", "the", "Varnholm", "State", "Guesthouse"], [(1, 5, "FAC")])
        assert reconcile(doc) == [("Varnholm State Guesthouse", "PLACE", "FAC")]

    def test_gazetteer_span_wins_over_an_overlapping_model_entity(self) -> None:
        doc = make_doc(self.vocab, ["Beijing", "said"], [(0, 1, "PERSON")])
        assert reconcile(doc, [(0, 1, "CAPITAL", "Beijing|CHN")]) == [("Beijing", "CAPITAL", "Beijing|CHN")]

    def test_through_the_pipeline_with_packaged_data(self, nlp: Language) -> None:
        words = ["Chinese", "Foreign", "Minister", "Li", "Wei", "met", "Marsh"]
        doc = run(nlp, make_doc(nlp.vocab, words, [(0, 5, "PERSON"), (6, 7, "GPE")]))
        assert spans(doc, KG_KEY) == [
            ("Chinese", "DEMONYM", "CHN"),
            ("Foreign Minister", "TITLE", "foreign-minister"),
            ("Li Wei", "PERSON", ""),
            ("Marsh", "NAME", "GPE"),
        ]
