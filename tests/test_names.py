"""Person names: what the reconciler makes of the model's PERSON spans and of names it mislabels.

Every Doc is built by hand (words, parse, the model's entities, the gazetteer's spans), so each
test checks a rule of :mod:`kg.pipeline.entities`, never a statistical model.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

import kg.pipeline  # noqa: F401  (registers the factories)
from kg.knowledge import Knowledge
from kg.pipeline.entities import SPAN_KEY
from kg.pipeline.gazetteer import SPAN_KEY as GAZETTEER_KEY
from tests.parsed import POS, iob_tags, natural_spaces


@pytest.fixture(scope="module")
def blank(knowledge: Knowledge) -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("kg_entities").initialize(lambda: [], nlp=nlp, knowledge=knowledge)
    return nlp


def names(
    nlp: Language,
    words: Sequence[str],
    ents: Sequence[tuple[int, int, str]] = (),
    gazetteer: Sequence[tuple[int, int, str, str]] = (),
    *,
    compounds: dict[int, int] | None = None,
    tags: dict[int, str] | None = None,
    glued: Sequence[int] = (),
) -> list[tuple[str, str]]:
    """Run the reconciler on a hand-built Doc; ``compounds`` maps a token to the token it is a
    compound of, ``tags`` gives Penn tags (default NNP), ``glued`` lists tokens with no space after."""
    spaces = natural_spaces(words)
    for i in glued:
        spaces[i] = False
    compounds = compounds or {}
    tags = tags or {}
    heads = [compounds.get(i, i) for i in range(len(words))]
    deps = ["compound" if i in compounds else "ROOT" for i in range(len(words))]
    tag_list = [tags.get(i, "NNP" if w[:1].isupper() else "NN") for i, w in enumerate(words)]
    doc = Doc(nlp.vocab, words=list(words), spaces=spaces, heads=heads, deps=deps, tags=tag_list,
              pos=[POS.get(t, "X") for t in tag_list], ents=iob_tags(len(words), ents))
    doc.spans[GAZETTEER_KEY] = [Span(doc, s, e, label=label, kb_id=kb) for s, e, label, kb in gazetteer]
    doc = nlp.get_pipe("kg_entities")(doc)
    return [(s.text, s.label_) for s in doc.spans[SPAN_KEY] if s.label_ != "TITLE"]


class TestWidening:
    def test_given_name_before_a_middle_initial_joins_the_name(self, blank: Language) -> None:
        words = ["Secretary", "of", "State", "Paul", "T.", "Okafor", "met", "them"]
        got = names(blank, words, [(4, 6, "PERSON")], [(0, 3, "TITLE", "secretary-of-state")],
                    compounds={3: 5, 4: 5})
        assert got == [("Paul T. Okafor", "PERSON")]

    def test_given_name_right_after_a_title_joins_the_name(self, blank: Language) -> None:
        words = ["Trade", "Minister", "Lena", "Varga", "arrived"]
        got = names(blank, words, [(3, 4, "PERSON")], [(0, 2, "TITLE", "commerce-minister")],
                    compounds={2: 3})
        assert got == [("Lena Varga", "PERSON")]

    def test_a_capitalised_word_neither_given_name_nor_titled_is_left_out(self, blank: Language) -> None:
        words = ["the", "Logistics", "Varga", "plan"]
        assert names(blank, words, [(2, 3, "PERSON")], compounds={1: 2}) == [("Varga", "PERSON")]

    def test_hyphenated_given_name_is_not_cut(self, blank: Language) -> None:
        words = ["President", "Kim", "Ji", "-", "ho", "arrived"]
        got = names(blank, words, [(1, 3, "PERSON")], [(0, 1, "TITLE", "president")], glued=[2, 3])
        assert got == [("Kim Ji-ho", "PERSON")]

    def test_hyphenated_syllable_inside_the_model_span_is_kept(self, blank: Language) -> None:
        words = ["President", "Kim", "Ji", "-", "ho", "arrived"]
        got = names(blank, words, [(1, 5, "PERSON")], [(0, 1, "TITLE", "president")], glued=[2, 3])
        assert got == [("Kim Ji-ho", "PERSON")]

    def test_given_name_after_the_country_a_title_is_of_joins_the_name(self, blank: Language) -> None:
        # The style of many governments' readouts: "President of the Republic of Varnland Lena Varga".
        words = ["President", "of", "the", "Republic", "of", "Varnland", "Lena", "Varga", "arrived"]
        got = names(blank, words, [(7, 8, "PERSON")],
                    [(0, 1, "TITLE", "president"), (3, 6, "COUNTRY", "VRN")], compounds={6: 7})
        assert [n for n in got if n[1] == "PERSON"] == [("Lena Varga", "PERSON")]

    def test_a_name_run_into_the_country_a_title_is_of_is_a_person(self, blank: Language) -> None:
        # The model took "the Republic of Varnland Lena Varga" for one place.
        words = ["Chancellor", "of", "the", "Republic", "of", "Varnland", "Lena", "Varga", "arrived"]
        got = names(blank, words, [(2, 8, "GPE")],
                    [(0, 1, "TITLE", "chancellor"), (3, 6, "COUNTRY", "VRN")], compounds={6: 7})
        assert [n for n in got if n[1] == "PERSON"] == [("Lena Varga", "PERSON")]

    def test_a_country_no_title_is_of_starts_no_name(self, blank: Language) -> None:
        words = ["Exports", "of", "Varnland", "Lena", "Varga", "praised"]
        got = names(blank, words, [(4, 5, "PERSON")], [(2, 3, "COUNTRY", "VRN")], compounds={3: 4})
        assert [n for n in got if n[1] == "PERSON"] == [("Varga", "PERSON")]

    @pytest.mark.parametrize(("owner", "gazetteer"), [
        (["Varnland", "'s"], [(3, 4, "COUNTRY", "VRN")]),
        (["the", "Varnish"], [(4, 5, "DEMONYM", "VRN")]),
    ])
    def test_an_untagged_name_before_an_apposed_title_is_a_person(
        self, blank: Language, owner: list[str], gazetteer: list[tuple[int, int, str, str]]
    ) -> None:
        words = ["Amir", "Okafor", ",", *owner, "president", ",", "said"]
        title = (3 + len(owner), 4 + len(owner), "TITLE", "president")
        got = names(blank, words, [], [*gazetteer, title], tags={0: "NNP", 1: "NNP"})
        assert [n for n in got if n[1] == "PERSON"] == [("Amir Okafor", "PERSON")]

    def test_a_place_before_an_apposed_title_is_no_person(self, blank: Language) -> None:
        words = ["In", "Lakeside", "Port", ",", "the", "president", "said"]
        got = names(blank, words, [], [(5, 6, "TITLE", "president")], tags={0: "IN"})
        assert [n for n in got if n[1] == "PERSON"] == []

    def test_an_untagged_one_word_name_with_a_regnal_number_after_a_title_is_a_person(
        self, blank: Language
    ) -> None:
        words = ["King", "Omar", "II", "spoke"]
        got = names(blank, words, [], [(0, 1, "TITLE", "king")], tags={1: "NNP", 2: "NNP"})
        assert got == [("Omar II", "PERSON")]

    def test_a_city_glued_by_a_hyphen_into_a_family_name_stays_in_the_name(self, blank: Language) -> None:
        words = ["Sheikh", "Omar", "Al", "-", "Varna", "spoke"]
        got = names(blank, words, [(1, 5, "PERSON")], [(4, 5, "CITY", "Varna")], glued=[2, 3])
        assert got == [("Omar Al-Varna", "PERSON")]
        words = ["a", "trans", "-", "Varna", "route"]
        got = names(blank, words, [], [(3, 4, "CITY", "Varna")], glued=[1, 2])
        assert got == [("Varna", "CITY")]

    def test_names_inside_a_model_entity_that_runs_over_a_verb_are_found_again(self,
                                                                               blank: Language) -> None:
        # The model took "Vidal met Okafor" for one organisation; both were named in full before.
        words = ["Ana", "Vidal", "and", "Joe", "Okafor", "spoke", ".", "Vidal", "met", "Okafor", "again"]
        got = names(blank, words, [(0, 2, "PERSON"), (3, 5, "PERSON"), (7, 10, "ORG")],
                    tags={8: "VBD"}, compounds={0: 1, 3: 4})
        assert got == [("Ana Vidal", "PERSON"), ("Joe Okafor", "PERSON"), ("Vidal", "PERSON"),
                       ("Okafor", "PERSON")]

    @pytest.mark.parametrize("suffix", ["Jr.", "III"])
    def test_generational_suffix_ends_the_name(self, blank: Language, suffix: str) -> None:
        words = ["Marcus", "Hale", suffix, "spoke"]
        assert names(blank, words, [(0, 2, "PERSON")]) == [(f"Marcus Hale {suffix}", "PERSON")]


class TestNotPartOfAName:
    def test_honorific_between_title_and_name_is_neither_person_nor_name(self, blank: Language) -> None:
        words = ["Deputy", "Prime", "Minister", "Hon", ".", "Lea", "Moana", "spoke"]
        got = names(blank, words, [(3, 4, "PERSON"), (6, 7, "PERSON")],
                    [(0, 3, "TITLE", "deputy-prime-minister")], compounds={5: 6}, glued=[3])
        assert got == [("Lea Moana", "PERSON")]

    def test_rank_abbreviations_alone_are_no_person(self, blank: Language) -> None:
        words = ["Spokesperson", "Brig", ".", "Gen", ".", "Dana", "Ruiz", "said"]
        got = names(blank, words, [(1, 2, "PERSON"), (5, 7, "PERSON")], [(0, 1, "TITLE", "spokesperson")],
                    glued=[1, 3])
        assert got == [("Dana Ruiz", "PERSON")]

    def test_honorific_at_the_start_of_the_model_span_is_trimmed(self, blank: Language) -> None:
        words = ["Dr", ".", "Dana", "Ruiz", "said"]
        assert names(blank, words, [(0, 4, "PERSON")], glued=[0]) == [("Dana Ruiz", "PERSON")]
        assert names(blank, ["Sir", "Dana", "Ruiz", "said"], [(0, 3, "PERSON")]) == [("Dana Ruiz", "PERSON")]

    @pytest.mark.parametrize("honorific", [["H.E."], ["Shri"], ["Smt."], ["Datuk", "Seri"]])
    def test_courtesy_titles_of_other_countries_are_trimmed(self, blank: Language,
                                                            honorific: list[str]) -> None:
        words = [*honorific, "Dana", "Ruiz", "said"]
        got = names(blank, words, [(0, len(honorific) + 2, "PERSON")])
        assert got == [("Dana Ruiz", "PERSON")]

    @pytest.mark.parametrize("label", ["ORG", "PERSON"])
    def test_a_portfolio_the_model_ran_into_the_name_is_cut_off(self, blank: Language, label: str) -> None:
        words = ["Assistant", "Secretary", "for", "Coastal", "Affairs", "Dana", "Ruiz", "spoke"]
        got = names(blank, words, [(2, 7, label)], [(0, 2, "TITLE", "assistant-secretary")])
        assert got == [("Dana Ruiz", "PERSON")]

    def test_a_name_with_a_title_word_inside_and_no_portfolio_is_kept(self, blank: Language) -> None:
        words = ["President", "of", "Varnland", "Hassan", "Sheikh", "Ali", "spoke"]
        gazetteer = [(0, 1, "TITLE", "president"), (2, 3, "COUNTRY", "VRN")]
        got = names(blank, words, [(3, 6, "PERSON")], gazetteer)
        assert [n for n in got if n[1] == "PERSON"] == [("Hassan Sheikh Ali", "PERSON")]

    def test_title_word_inside_the_model_span_is_trimmed(self, blank: Language) -> None:
        words = ["Ambassador", "Dana", "Ruiz", "said"]
        assert names(blank, words, [(0, 3, "PERSON")]) == [("Dana Ruiz", "PERSON")]

    def test_gazetteer_title_inside_the_model_span_ends_what_comes_before(self, blank: Language) -> None:
        words = ["Assistant", "Foreign", "Minister", "Dana", "Ruiz", "said"]
        got = names(blank, words, [(0, 5, "PERSON")], [(1, 3, "TITLE", "foreign-minister")])
        assert got == [("Dana Ruiz", "PERSON")]

    @pytest.mark.parametrize("possessive", ["'s", "\u2019s"])
    def test_possessive_ends_the_name(self, blank: Language, possessive: str) -> None:
        words = ["Secretary", "Ruiz", possessive, "Call", "with", "Varnholm"]
        assert names(blank, words, [(1, 4, "PERSON")]) == [("Ruiz", "PERSON")]

    @pytest.mark.parametrize("word", ["Visits", "With", "Readout"])
    def test_headline_word_after_a_name_is_not_part_of_it(self, blank: Language, word: str) -> None:
        words = ["Dana", "Ruiz", word, "Varnholm"]
        assert names(blank, words, [(0, 3, "PERSON")]) == [("Dana Ruiz", "PERSON")]

    def test_headline_verb_tagged_as_a_verb_is_not_part_of_the_name(self, blank: Language) -> None:
        words = ["Ruiz", "Scolds", "Varnholm"]
        assert names(blank, words, [(0, 2, "PERSON")], tags={1: "VBZ"}) == [("Ruiz", "PERSON")]

    def test_lower_case_particle_stays_in_the_name(self, blank: Language) -> None:
        words = ["Omar", "bin", "Tariq", "spoke"]
        assert names(blank, words, [(0, 3, "PERSON")], tags={1: "IN"}) == [("Omar bin Tariq", "PERSON")]

    def test_a_venue_is_no_person(self, blank: Language) -> None:
        words = ["the", "Varnholm", "Art", "Gallery", "opened"]
        assert names(blank, words, [(1, 4, "PERSON")]) == []


class TestMislabelledNames:
    @pytest.mark.parametrize("label", ["GPE", "ORG", "FAC"])
    def test_a_title_before_a_name_makes_it_a_person(self, blank: Language, label: str) -> None:
        words = ["President", "Amir", "Okafor", "arrived"]
        got = names(blank, words, [(1, 3, label)], [(0, 1, "TITLE", "president")])
        assert got == [("Amir Okafor", "PERSON")]

    @pytest.mark.parametrize("head", ["Group", "Fleet"])
    def test_an_organisation_after_a_title_stays_one(self, blank: Language, head: str) -> None:
        words = ["Chairman", "Varnholm", "Shipping", head, "said"]
        got = names(blank, words, [(1, 4, "ORG")], [(0, 1, "TITLE", "chairman")])
        assert got == [(f"Varnholm Shipping {head}", "ORG")]

    def test_a_middle_initial_inside_an_organisation_starts_a_name(self, blank: Language) -> None:
        words = ["Secretary", "of", "Coastal", "Affairs", "Paul", "T.", "Okafor", "spoke"]
        assert names(blank, words, [(2, 7, "ORG")]) == [("Paul T. Okafor", "PERSON")]

    def test_a_name_the_model_did_not_tag_after_a_title(self, blank: Language) -> None:
        words = ["Minister", "of", "Defense", "Kenji", "Mori", ",", "and", "others"]
        got = names(blank, words, [], [(0, 3, "TITLE", "defense-minister")], tags={5: ",", 6: "CC"})
        assert got == [("Kenji Mori", "PERSON")]

    def test_one_untagged_word_after_a_title_is_a_surname_the_article_gives_in_full(
        self, blank: Language
    ) -> None:
        words = ["Kenji", "Mori", "arrived", ".", "Minister", "Mori", "then", "left"]
        tags = {2: "VBD", 3: ".", 6: "RB", 7: "VBD"}
        got = names(blank, words, [(0, 2, "PERSON")], [(4, 5, "TITLE", "minister")], tags=tags)
        assert got == [("Kenji Mori", "PERSON"), ("Mori", "PERSON")]
        got = names(blank, words, [], [(4, 5, "TITLE", "minister")], tags=tags)
        assert got == []

    def test_words_the_article_writes_in_lower_case_are_no_untagged_name(self, blank: Language) -> None:
        words = ["Defense", "Minister", "Travel", "Schedule", ":", "the", "travel", "begins"]
        got = names(blank, words, [], [(0, 2, "TITLE", "defense-minister")], tags={4: ":", 5: "DT", 7: "VBZ"})
        assert got == []

    def test_headline_words_after_a_title_make_no_name(self, blank: Language) -> None:
        words = ["Minister", "Visit", "Planned", "For", "Varnholm"]
        assert names(blank, words, [], [(0, 1, "TITLE", "minister")]) == []


class TestHeadlinesAndFurniture:
    def test_a_second_name_after_a_headline_preposition_is_a_name_too(self, blank: Language) -> None:
        words = ["Roe", "With", "Varga", "At", "Summit"]
        assert names(blank, words, [(0, 3, "PERSON")]) == [("Roe", "PERSON"), ("Varga", "PERSON")]

    def test_what_follows_a_possessive_is_no_second_name(self, blank: Language) -> None:
        words = ["Roe", "'s", "Call", "With", "Varnholm"]
        assert names(blank, words, [(0, 3, "PERSON")]) == [("Roe", "PERSON")]

    @pytest.mark.parametrize("words", [["Photo", "Credit"], ["Varnholm", "News", "Logo"]])
    def test_page_furniture_is_no_person(self, blank: Language, words: list[str]) -> None:
        assert names(blank, words, [(0, len(words), "PERSON")]) == []


    def test_a_headline_word_the_lists_miss_is_cut_when_the_name_stands_without_it(
        self, blank: Language
    ) -> None:
        words = ["Jane", "Roe", "Scolds", "Varnholm", "\n", "Jane", "Roe", "spoke", "."]
        got = names(blank, words, [(0, 3, "PERSON"), (5, 7, "PERSON")], tags={4: "_SP", 7: "VBD", 8: "."})
        assert got == [("Jane Roe", "PERSON"), ("Jane Roe", "PERSON")]

    def test_in_a_sentence_the_longer_name_stands(self, blank: Language) -> None:
        words = ["Jane", "Roe", "Varga", "spoke", ".", "Jane", "Roe", "left", "."]
        tags = {3: "VBD", 4: ".", 7: "VBD", 8: "."}
        got = names(blank, words, [(0, 3, "PERSON"), (5, 7, "PERSON")], tags=tags)
        assert got == [("Jane Roe Varga", "PERSON"), ("Jane Roe", "PERSON")]

    def test_a_two_word_headline_name_is_not_cut_to_one_word(self, blank: Language) -> None:
        words = ["Lu", "Wen", "\n", "Lu", "spoke", "."]
        got = names(blank, words, [(0, 2, "PERSON"), (3, 4, "PERSON")], tags={2: "_SP", 4: "VBD", 5: "."})
        assert got == [("Lu Wen", "PERSON"), ("Lu", "PERSON")]


class TestParticles:
    def test_a_particle_after_the_model_span_joins_the_name_beyond_it(self, blank: Language) -> None:
        words = ["Anna", "von", "der", "Berg", "spoke"]
        assert names(blank, words, [(0, 2, "PERSON"), (3, 4, "GPE")]) == [("Anna von der Berg", "PERSON")]

    def test_a_particle_before_the_model_span_joins_the_name_before_it(self, blank: Language) -> None:
        words = ["Emir", "Omar", "bin", "Tariq", "Al", "Nasser", "spoke"]
        got = names(blank, words, [(1, 2, "NORP"), (3, 6, "PERSON")], [(0, 1, "TITLE", "emir")])
        assert got == [("Omar bin Tariq Al Nasser", "PERSON")]

    def test_a_place_the_gazetteer_knows_after_a_particle_is_not_taken_in(self, blank: Language) -> None:
        words = ["Anna", "Roe", "de", "Varnholm", "spoke"]
        got = names(blank, words, [(0, 2, "PERSON")], [(3, 4, "CITY", "Varnholm|FRA")])
        assert got == [("Anna Roe", "PERSON"), ("Varnholm", "CITY")]
