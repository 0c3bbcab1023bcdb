"""Entity resolution (``kg.resolve``) on hand-made :class:`ArticleFacts`: no spaCy at all.

Each article is written as the list of mentions and office claims extraction would
give; names are made up so that nothing here can pass by knowing the sample corpus.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pytest

from kg.gazetteer import Country, Gazetteer
from kg.iri import mint
from kg.knowledge import Knowledge, load_knowledge
from kg.resolve import resolve as resolve_with
from kg.roles import Title
from kg.types import ArticleFacts, DocumentInfo, Entity, Evidence, Mention, OfficeClaim, Resolution
from kg.vocab import ClaimRule, EntityKind, MentionRole, TitleKind, TitleRank

PERSON, COUNTRY, ORG, OFFICE, PLACE = (
    EntityKind.PERSON, EntityKind.COUNTRY, EntityKind.ORGANIZATION, EntityKind.OFFICE, EntityKind.PLACE)
USA, CHN, SGP = mint("country", "United States"), mint("country", "China"), mint("country", "Singapore")
KNOWLEDGE = load_knowledge(None)


def resolve(facts: Sequence[ArticleFacts], knowledge: Knowledge = KNOWLEDGE) -> Resolution:
    """Resolve with kg's own data files, unless a test hands its own knowledge."""
    return resolve_with(facts, knowledge)


class Art:
    """One article's facts, written mention by mention (offsets grow in writing order)."""

    def __init__(self, doc_id: str) -> None:
        self.doc_id = doc_id
        self.pos = 0
        self.mentions: list[Mention] = []
        self.claims: list[OfficeClaim] = []

    def _mention(self, text: str, kind: EntityKind, label: MentionRole, key: str = "", country: str = "",
                 listed: bool = True, locative: bool = False) -> Mention:
        start, end = self.pos, self.pos + len(text)
        self.pos = end + 10
        m = Mention(self.doc_id, start, end, text, kind, Evidence(self.doc_id, start, end, text + "."),
                    label, key, country, locative=locative)
        if listed:
            self.mentions.append(m)
        return m

    def person(self, text: str, label: MentionRole = MentionRole.PERSON) -> Mention:
        return self._mention(text, PERSON, label)

    def name(self, text: str, model_label: str = "GPE", locative: bool = False) -> Mention:
        """A single capitalised word the model tagged as something else."""
        return self._mention(text, PERSON, MentionRole.NAME, model_label, locative=locative)

    def place(self, text: str) -> Mention:
        return self._mention(text, PLACE, MentionRole.PLACE)

    def country(self, text: str, code: str, label: MentionRole = MentionRole.COUNTRY) -> Mention:
        return self._mention(text, COUNTRY, label, code, code)

    def demonym(self, text: str, code: str) -> Mention:
        return self.country(text, code, MentionRole.DEMONYM)

    def org(self, text: str, key: str, code: str) -> Mention:
        return self._mention(text, ORG, MentionRole.ORG, key, code)

    def office(self, text: str, key: str, country: str = "",
               label: MentionRole = MentionRole.OFFICE) -> Mention:
        return self._mention(text, OFFICE, label, key, country)

    def holds(self, title: str, key: str, person: Mention | None = None, owner: Mention | None = None,
              *, former: bool = False, qualifier: str = "",
              label: MentionRole = MentionRole.OFFICE) -> OfficeClaim:
        """``[owner] title person``: the office's country is the owner's when it is a country."""
        country = owner.country if owner is not None and owner.kind is not PERSON else ""
        office = self.office(title, key, country, label)
        claim = OfficeClaim(office, person, owner, former, qualifier, False, rule=ClaimRule.TITLE_BEFORE_NAME)
        self.claims.append(claim)
        return claim

    def refers(self, phrase: str, key: str, country: str = "",
               label: MentionRole = MentionRole.OFFICE) -> Mention:
        """A bare title standing for a person ("the top US diplomat")."""
        office = self.office(phrase, key, country, label)
        ref = Mention(self.doc_id, office.start, office.end, phrase, PERSON, office.sentence,
                      MentionRole.TITLE_REF, key, country)
        self.claims.append(OfficeClaim(office, ref, None, False, "", True, rule=ClaimRule.STANDALONE))
        return ref

    def predecessor(self, person: Mention, successor: Mention) -> None:
        office = self.office("predecessor", "predecessor", label=MentionRole.PREDECESSOR)
        claim = OfficeClaim(office, person, successor, True, "", False, rule=ClaimRule.PREDECESSOR)
        self.claims.append(claim)

    def facts(self) -> ArticleFacts:
        info = DocumentInfo(self.doc_id, None, None, None, self.pos, self.doc_id)
        return ArticleFacts(info, tuple(self.mentions), tuple(self.claims))


def people(res: Resolution) -> dict[str, Entity]:
    out: dict[str, Entity] = {}
    for e in res.entities.values():
        if e.kind is PERSON:
            assert e.label not in out, f"two person nodes labelled {e.label!r}"
            out[e.label] = e
    return out


def who(res: Resolution, m: Mention) -> str | None:
    """The label of the entity ``m`` resolved to."""
    iri = res.entity_of.get(m.position)
    return res.entities[iri].label if iri else None


def offices_of(res: Resolution, label: str, former: bool | None = False) -> set[str]:
    iri = next(e.iri for e in res.entities.values() if e.kind is PERSON and e.label == label)
    return {res.entities[t.office].label for t in res.tenures
            if t.person == iri and (former is None or t.former == former)}


# -- spelling ----------------------------------------------------------------------------------


def test_majority_spelling_wins_and_misspellings_become_aliases() -> None:
    a, b, c = Art("a"), Art("b"), Art("c")
    a.person("Antony Marsh")
    b.person("Antony Marsh")
    c.person("Anthony Marsh")
    res = resolve([a.facts(), b.facts(), c.facts()])
    assert set(people(res)) == {"Antony Marsh"}
    assert people(res)["Antony Marsh"].aliases == ("Anthony Marsh",)
    assert people(res)["Antony Marsh"].iri == mint("person", "Antony Marsh")


def test_majority_decides_even_when_the_variant_comes_first() -> None:
    a, b, c = Art("a"), Art("b"), Art("c")
    a.person("Anthony Marsh")
    b.person("Antony Marsh")
    c.person("Antony Marsh")
    assert set(people(resolve([a.facts(), b.facts(), c.facts()]))) == {"Antony Marsh"}


def test_possessive_and_curly_apostrophe_are_the_same_spelling() -> None:
    a = Art("a")
    a.person("Jane Roe")
    a.person("Jane Roe\u2019s")
    assert people(resolve([a.facts()]))["Jane Roe"].aliases == ()


def test_names_two_edits_apart_stay_apart() -> None:
    a = Art("a")
    a.person("Wang Yi")
    a.person("Wang Yi")
    a.person("Wang Wenbin")
    assert set(people(resolve([a.facts()]))) == {"Wang Yi", "Wang Wenbin"}


def test_one_edit_apart_but_acting_for_different_countries_stay_apart() -> None:
    a, b = Art("a"), Art("b")
    a.holds("Foreign Minister", "foreign-minister", a.person("Li Wen"), a.demonym("Chinese", "CHN"))
    a.person("Li Wen")
    b.holds("Foreign Minister", "foreign-minister", b.person("Li Wei"), b.country("Singapore", "SGP"))
    res = resolve([a.facts(), b.facts()])
    assert set(people(res)) == {"Li Wen", "Li Wei"}
    assert people(res)["Li Wen"].country == CHN
    assert people(res)["Li Wei"].country == SGP


def test_one_edit_apart_with_nothing_against_it_is_a_misspelling() -> None:
    # The control for the test above: without the countries the two merge.
    a, b = Art("a"), Art("b")
    a.person("Li Wen")
    a.person("Li Wen")
    b.person("Li Wei")
    assert set(people(resolve([a.facts(), b.facts()]))) == {"Li Wen"}


def test_variant_must_keep_the_first_letter() -> None:
    a = Art("a")
    a.person("Jane Roe")
    a.person("Jane Roe")
    a.person("Jane Poe")
    assert set(people(resolve([a.facts()]))) == {"Jane Roe", "Jane Poe"}


def test_wang_wenbin_never_merges_with_wang_yi_and_a_lone_yi_finds_wang_yi() -> None:
    a, b = Art("a"), Art("b")
    a.person("Wang Yi")
    a.person("Wang Ye")  # a misspelling, one edit away
    a.person("Wang Yi")
    wenbin = b.person("Wang Wenbin")
    yi = b.name("Yi")
    res = resolve([a.facts(), b.facts()])
    assert set(people(res)) == {"Wang Yi", "Wang Wenbin"}
    assert who(res, yi) == "Wang Yi"
    assert who(res, wenbin) == "Wang Wenbin"
    assert "Wang Ye" in people(res)["Wang Yi"].aliases
    assert people(res)["Wang Wenbin"].aliases == ()


def test_surname_of_a_merged_misspelling_is_a_name_too() -> None:
    a, b = Art("a"), Art("b")
    a.person("Wang Yi")
    a.person("Wang Yi")
    b.person("Wang Ye")
    ye = b.name("Ye")
    res = resolve([a.facts(), b.facts()])
    assert who(res, ye) == "Wang Yi"
    assert set(people(res)["Wang Yi"].aliases) == {"Wang Ye", "Ye"}


# -- forms of one full name ------------------------------------------------------------------------


def test_middle_initial_and_generational_suffix_do_not_split_a_person() -> None:
    a, b, c = Art("a"), Art("b"), Art("c")
    a.person("Jane Q. Roe")
    a.person("Jane Q. Roe")
    b.person("Jane Roe")
    c.person("Jane Roe Jr.")
    res = resolve([a.facts(), b.facts(), c.facts()])
    assert set(people(res)) == {"Jane Q. Roe"}
    assert people(res)["Jane Q. Roe"].aliases == ("Jane Roe", "Jane Roe Jr.")


def test_misspelt_given_name_joins_the_spelling_with_a_middle_initial() -> None:
    a, b = Art("a"), Art("b")
    a.person("Marcus Q. Hale")
    a.person("Marcus Q. Hale")
    b.person("Markus Hale")
    assert set(people(resolve([a.facts(), b.facts()]))) == {"Marcus Q. Hale"}


def test_different_middle_initials_are_different_people_and_the_bare_name_joins_neither() -> None:
    a, b, c = Art("a"), Art("b"), Art("c")
    a.person("Jane Q. Roe")
    b.person("Jane T. Roe")
    c.person("Jane Roe")
    res = resolve([a.facts(), b.facts(), c.facts()])
    assert set(people(res)) == {"Jane Q. Roe", "Jane T. Roe", "Jane Roe"}


def test_an_initial_and_a_surname_join_the_full_name_of_that_initial() -> None:
    a, b, c = Art("a"), Art("b"), Art("c")
    a.person("Sara Vale")
    a.person("Sara Vale")
    b.person("S. Vale")
    c.person("T. Vale")  # another initial: someone else
    assert set(people(resolve([a.facts(), b.facts(), c.facts()]))) == {"Sara Vale", "T. Vale"}


def test_an_initial_and_a_surname_join_neither_of_two_full_names_it_fits() -> None:
    a, b, c = Art("a"), Art("b"), Art("c")
    a.person("Sara Vale")
    b.person("Sam Vale")
    c.person("S. Vale")
    assert set(people(resolve([a.facts(), b.facts(), c.facts()]))) == {"Sara Vale", "Sam Vale", "S. Vale"}


def test_family_name_written_first_is_the_same_person() -> None:
    a, b = Art("a"), Art("b")
    a.person("Tanaka Hiroshi")
    b.person("Hiroshi Tanaka")
    b.person("Hiroshi Tanaka")
    res = resolve([a.facts(), b.facts()])
    assert set(people(res)) == {"Hiroshi Tanaka"}


@pytest.mark.parametrize(("full", "part"), [
    ("Omar bin Tariq", "bin Tariq"),  # a tail of the full name
    ("Ana Lucia Roe Varga", "ROE VARGA"),  # a sanctions list's capitals
])
def test_a_part_of_a_full_name_joins_it_and_is_never_its_label(full: str, part: str) -> None:
    a = Art("a")
    a.person(part)
    a.person(part)
    a.person(full)
    res = resolve([a.facts()])
    assert set(people(res)) == {full}
    assert people(res)[full].aliases == (part,)


def test_a_name_only_ever_in_capitals_makes_no_node() -> None:
    a = Art("a")
    caps = a.person("ROE VARGA")
    a.person("Jane Marsh")
    res = resolve([a.facts()])
    assert set(people(res)) == {"Jane Marsh"}
    assert caps in res.unresolved


def test_a_tail_of_two_full_names_joins_neither() -> None:
    a, b, c = Art("a"), Art("b"), Art("c")
    a.person("Ana Roe Varga")
    b.person("Luis Roe Varga")
    c.person("Roe Varga")
    assert set(people(resolve([a.facts(), b.facts(), c.facts()]))) == {
        "Ana Roe Varga", "Luis Roe Varga", "Roe Varga"}


def test_equally_frequent_spellings_one_edit_apart_in_a_long_word_are_one_person() -> None:
    a, b = Art("a"), Art("b")
    a.person("Nikolaus Varga")
    b.person("Nikolas Varga")
    assert len(people(resolve([a.facts(), b.facts()]))) == 1


def test_equally_frequent_spellings_one_edit_apart_in_a_short_word_stay_apart() -> None:
    a, b = Art("a"), Art("b")
    a.person("Li Wen")
    b.person("Li Wei")
    assert set(people(resolve([a.facts(), b.facts()]))) == {"Li Wen", "Li Wei"}


def test_titled_family_name_joins_the_only_full_name_it_starts() -> None:
    a, b = Art("a"), Art("b")
    a.person("Kim Min-jun")
    kim = b.person("Kim")
    b.holds("President", "president", kim, b.demonym("South Korean", "KOR"))
    res = resolve([a.facts(), b.facts()])
    assert who(res, kim) == "Kim Min-jun"
    assert set(people(res)) == {"Kim Min-jun"}


def test_untitled_given_name_in_another_article_still_does_not_join() -> None:
    a, b = Art("a"), Art("b")
    a.person("Kim Min-jun")
    kim = b.person("Kim")
    assert who(resolve([a.facts(), b.facts()]), kim) is None


# -- single names --------------------------------------------------------------------------------


def test_single_name_joins_the_nearest_full_name_before_it_in_the_article() -> None:
    a = Art("a")
    a.person("Jane Roe")
    a.person("John Roe")
    roe = a.person("Roe")
    res = resolve([a.facts()])
    assert who(res, roe) == "John Roe"


def test_single_name_before_any_full_name_joins_the_first_in_the_article() -> None:
    a = Art("a")
    roe = a.person("Roe")
    a.person("Jane Roe")
    a.person("John Roe")
    assert who(resolve([a.facts()]), roe) == "Jane Roe"


def test_given_name_alone_joins_within_the_article() -> None:
    a = Art("a")
    a.person("Li Wei")
    li = a.person("Li")
    assert who(resolve([a.facts()]), li) == "Li Wei"


def test_single_name_across_articles_joins_the_only_full_name_ending_with_it() -> None:
    a, b = Art("a"), Art("b")
    a.person("Antony Marsh")
    marsh = b.person("Marsh")
    res = resolve([a.facts(), b.facts()])
    assert who(res, marsh) == "Antony Marsh"
    assert set(people(res)) == {"Antony Marsh"}
    assert "Marsh" in people(res)["Antony Marsh"].aliases


def test_ambiguous_single_name_stays_unresolved_and_makes_no_node() -> None:
    a, b, c = Art("a"), Art("b"), Art("c")
    a.person("Jane Roe")
    b.person("John Roe")
    roe = c.person("Roe")
    res = resolve([a.facts(), b.facts(), c.facts()])
    assert who(res, roe) is None
    assert roe in res.unresolved
    assert set(people(res)) == {"Jane Roe", "John Roe"}


def test_single_name_matching_nobody_makes_no_half_name_node() -> None:
    a = Art("a")
    a.person("Jane Roe")
    lone = a.person("Smith")
    res = resolve([a.facts()])
    assert lone in res.unresolved
    assert set(people(res)) == {"Jane Roe"}


def test_given_name_alone_in_another_article_does_not_join() -> None:
    a, b = Art("a"), Art("b")
    a.person("Antony Marsh")
    antony = b.person("Antony")
    assert who(resolve([a.facts(), b.facts()]), antony) is None


def test_typo_in_a_single_name_joins_within_the_article() -> None:
    a = Art("a")
    a.person("Antony Brenner")
    typo = a.person("Brener")
    assert who(resolve([a.facts()]), typo) == "Antony Brenner"


def test_typo_in_a_single_name_joins_across_articles() -> None:
    a, b = Art("a"), Art("b")
    a.person("Antony Brenner")
    typo = b.name("Brener")
    res = resolve([a.facts(), b.facts()])
    assert who(res, typo) == "Antony Brenner"
    assert "Brener" in people(res)["Antony Brenner"].aliases


def test_short_single_name_needs_an_exact_match() -> None:
    a = Art("a")
    a.person("Jane Roe")
    typo = a.person("Rae")
    assert who(resolve([a.facts()]), typo) is None


def test_titled_single_name_stands_on_its_own() -> None:
    a = Art("a")
    marsh = a.person("Marsh")
    a.holds("President", "president", marsh, a.demonym("French", "FRA"))
    res = resolve([a.facts()])
    assert who(res, marsh) == "Marsh"
    assert offices_of(res, "Marsh") == {"President (France)"}


def test_titled_surname_of_two_people_joins_the_one_whose_post_the_title_is() -> None:
    a, b, c = Art("a"), Art("b"), Art("c")
    a.holds("Secretary of Defense", "defense-secretary", a.person("Jane Roe"), a.country("U.S.", "USA"))
    b.holds("Governor", "governor", b.person("Tom Roe"))
    roe = c.person("Roe")
    c.holds("Secretary", "secretary", roe)
    res = resolve([a.facts(), b.facts(), c.facts()])
    assert who(res, roe) == "Jane Roe"
    assert set(people(res)) == {"Jane Roe", "Tom Roe"}


def test_titled_surname_joins_the_one_holding_that_very_post() -> None:
    a, b, c = Art("a"), Art("b"), Art("c")
    a.holds("President", "president", a.person("Kim Min-jun"))
    b.holds("Governor", "governor", b.person("Kim Dae-ho"))
    kim = c.person("Kim")
    c.holds("President", "president", kim)
    assert who(resolve([a.facts(), b.facts(), c.facts()]), kim) == "Kim Min-jun"


def test_titled_surname_that_fits_two_people_or_none_stands_on_its_own() -> None:
    a, b, c = Art("a"), Art("b"), Art("c")
    a.holds("Secretary of Defense", "defense-secretary", a.person("Jane Roe"))
    b.holds("Secretary of Energy", "secretary", b.person("Tom Roe"), qualifier="of Energy")
    roe = c.person("Roe")
    c.holds("Secretary", "secretary", roe)
    ambassador = c.person("Lin")
    c.holds("Ambassador", "ambassador", ambassador)
    a.person("Ann Lin")
    b.person("Bo Lin")
    res = resolve([a.facts(), b.facts(), c.facts()])
    assert who(res, roe) == "Roe"
    assert who(res, ambassador) == "Lin"


def test_titled_surname_with_a_country_does_not_join_a_holder_of_another() -> None:
    a, b, c = Art("a"), Art("b"), Art("c")
    a.holds("Foreign Minister", "foreign-minister", a.person("Ann Lin"), a.demonym("Chinese", "CHN"))
    b.holds("Governor", "governor", b.person("Bo Lin"))
    lin = c.person("Lin")
    c.holds("Foreign Minister", "foreign-minister", lin, c.demonym("Singaporean", "SGP"))
    assert who(resolve([a.facts(), b.facts(), c.facts()]), lin) == "Lin"


# -- model labels corrected ------------------------------------------------------------------------


def test_name_tagged_as_a_place_that_is_a_persons_surname_is_that_person() -> None:
    a, b = Art("a"), Art("b")
    a.person("Antony Marsh")
    gpe = b.name("Marsh", "GPE")
    res = resolve([a.facts(), b.facts()])
    assert who(res, gpe) == "Antony Marsh"
    assert not [e for e in res.entities.values() if e.kind is PLACE and e.label == "Marsh"]


def test_place_named_like_a_persons_full_name_is_that_person() -> None:
    a, b = Art("a"), Art("b")
    a.person("Jane Roe")
    fac = b.place("Jane Roe\u2019s")
    res = resolve([a.facts(), b.facts()])
    assert who(res, fac) == "Jane Roe"
    assert not [e for e in res.entities.values() if e.kind is PLACE]


def test_unknown_name_after_a_locative_is_a_place_else_unresolved() -> None:
    a = Art("a")
    town = a.name("Varnholm", locative=True)
    thing = a.name("Quellbrook")
    res = resolve([a.facts()])
    assert res.entities[res.entity_of[town.position]].kind is PLACE
    assert thing in res.unresolved


def test_name_after_a_locative_the_model_took_for_an_organisation_is_no_place() -> None:
    a = Art("a")
    body = a.name("Varnholm", "ORG", locative=True)
    res = resolve([a.facts()])
    assert body in res.unresolved
    assert not [e for e in res.entities.values() if e.kind is PLACE]


# -- titles standing for people ------------------------------------------------------------------


def test_title_reference_joins_the_one_holder_through_an_office_synonym() -> None:
    a, b = Art("a"), Art("b")
    a.holds("Secretary of State", "secretary-of-state", a.person("Antony Marsh"), a.country("US", "USA"))
    ref = b.refers("the top US diplomat", "top-diplomat", "USA")
    res = resolve([a.facts(), b.facts()])
    assert who(res, ref) == "Antony Marsh"


def test_title_reference_with_two_holders_stays_unresolved() -> None:
    a, b = Art("a"), Art("b")
    a.holds("Secretary of State", "secretary-of-state", a.person("Antony Marsh"), a.country("US", "USA"))
    a.holds("Secretary of State", "secretary-of-state", a.person("Jane Roe"), a.country("US", "USA"))
    ref = b.refers("the top US diplomat", "top-diplomat", "USA")
    res = resolve([a.facts(), b.facts()])
    assert who(res, ref) is None
    assert ref in res.unresolved


def test_former_holders_do_not_count_as_holders_for_a_title_reference() -> None:
    a, b = Art("a"), Art("b")
    a.holds("Secretary of State", "secretary-of-state", a.person("Antony Marsh"), a.country("US", "USA"))
    a.holds("Secretary of State", "secretary-of-state", a.person("Jane Roe"), a.country("US", "USA"),
            former=True)
    ref = b.refers("the top US diplomat", "top-diplomat", "USA")
    assert who(resolve([a.facts(), b.facts()]), ref) == "Antony Marsh"


def test_title_reference_of_another_country_does_not_join() -> None:
    a, b = Art("a"), Art("b")
    a.holds("President", "president", a.person("Jane Roe"), a.country("US", "USA"))
    ref = b.refers("China's president", "president", "CHN")
    res = resolve([a.facts(), b.facts()])
    assert who(res, ref) is None


def test_bare_title_with_no_country_and_holders_in_two_countries_stays_unresolved() -> None:
    a, b = Art("a"), Art("b")
    a.holds("President", "president", a.person("Jane Roe"), a.country("US", "USA"))
    a.holds("President", "president", a.person("Li Wei"), a.demonym("Chinese", "CHN"))
    ref = b.refers("the president", "president")
    assert who(resolve([a.facts(), b.facts()]), ref) is None


def test_a_title_with_no_country_does_not_join_the_one_holder_another_article_names() -> None:
    # A party's general secretary named in one report; another report's "the Secretary-General"
    # (of a body it never names) is not that person.
    a, b = Art("a"), Art("b")
    party = a.org("Workers' Party", "Workers' Party", "")
    a.holds("General Secretary", "general-secretary", a.person("Tran Van Ba"), party)
    ref = b.refers("The Secretary-General", "general-secretary")
    res = resolve([a.facts(), b.facts()])
    assert who(res, ref) is None
    assert ref in res.unresolved


def test_a_title_with_no_country_joins_the_one_holder_its_own_article_names() -> None:
    a = Art("a")
    party = a.org("Workers' Party", "Workers' Party", "")
    a.holds("General Secretary", "general-secretary", a.person("Tran Van Ba"), party)
    ref = a.refers("the General Secretary", "general-secretary")
    assert who(resolve([a.facts()]), ref) == "Tran Van Ba"


# -- offices -------------------------------------------------------------------------------------


def test_us_top_diplomat_is_the_secretary_of_state() -> None:
    a = Art("a")
    a.holds("top diplomat", "top-diplomat", a.person("Antony Marsh"), a.country("US", "USA"))
    res = resolve([a.facts()])
    assert offices_of(res, "Antony Marsh") == {"Secretary of State (United States)"}


def test_office_synonyms_are_those_of_the_knowledge_handed_in() -> None:
    """A tiny hand-made knowledge: in Freedonia (made up) the first minister is the chancellor."""
    first = Title("first-minister", "First Minister", (), TitleKind.OFFICE, TitleRank.HEAD_OF_GOVERNMENT)
    chancellor = Title("chancellor", "Chancellor", (), TitleKind.OFFICE, TitleRank.HEAD_OF_GOVERNMENT)
    freedonia = Gazetteer((Country("FDN", "Freedonia", (), ("Freedonian",), (), ()),), (), (), ())
    plain = Knowledge(gazetteer=freedonia, titles={t.key: t for t in (first, chancellor)})
    tiny = replace(plain, office_synonyms={("FDN", "first-minister"): "chancellor"})
    a = Art("a")
    a.holds("First Minister", "first-minister", a.person("Ola Brandt"), a.country("Freedonia", "FDN"))
    assert offices_of(resolve([a.facts()], plain), "Ola Brandt") == {"First Minister (Freedonia)"}
    assert offices_of(resolve([a.facts()], tiny), "Ola Brandt") == {"Chancellor (Freedonia)"}


def test_top_diplomat_of_a_country_without_a_synonym_stays_top_diplomat() -> None:
    a = Art("a")
    a.holds("top diplomat", "top-diplomat", a.person("Li Wei"), a.country("China", "CHN"))
    assert offices_of(resolve([a.facts()]), "Li Wei") == {"Top Diplomat (China)"}


def test_british_top_diplomat_is_the_foreign_secretary() -> None:
    a = Art("a")
    a.holds("top diplomat", "top-diplomat", a.person("Jane Roe"), a.demonym("British", "GBR"))
    assert offices_of(resolve([a.facts()]), "Jane Roe") == {"Foreign Secretary (United Kingdom)"}


def test_offices_are_keyed_by_title_and_owner() -> None:
    a, b = Art("a"), Art("b")
    a.holds("Foreign Minister", "foreign-minister", a.person("Li Wei"), a.demonym("Chinese", "CHN"))
    b.holds("Foreign Minister", "foreign-minister", b.person("Li Wei"), b.country("China", "CHN"))
    b.holds("Foreign Minister", "foreign-minister", b.person("Ravi Kumar"), b.country("Singapore", "SGP"))
    res = resolve([a.facts(), b.facts()])
    offices = {e.label: e.iri for e in res.entities.values() if e.kind is OFFICE}
    assert set(offices) == {"Foreign Minister (China)", "Foreign Minister (Singapore)"}
    assert offices["Foreign Minister (China)"] == mint("office", "Foreign Minister", "China")
    assert res.office_owner[offices["Foreign Minister (China)"]] == CHN
    assert res.office_owner[offices["Foreign Minister (Singapore)"]] == SGP


def test_office_owned_by_an_organisation() -> None:
    a = Art("a")
    a.holds("spokesman", "spokesperson", a.person("Jane Roe"), a.org("State Department", "State Department",
                                                                     "USA"))
    res = resolve([a.facts()])
    assert offices_of(res, "Jane Roe") == {"Spokesperson (State Department)"}
    office = next(e for e in res.entities.values() if e.kind is OFFICE)
    assert res.office_owner[office.iri] == mint("organization", "State Department")


def test_qualifier_is_part_of_the_office_name() -> None:
    a = Art("a")
    a.holds("top diplomat", "top-diplomat", a.person("Daniel Roe"),
            a.org("State Department", "State Department", "USA"), qualifier="for East Asia")
    assert offices_of(resolve([a.facts()]), "Daniel Roe") == {"Top Diplomat for East Asia (State Department)"}


def test_person_country_comes_from_the_office_owner() -> None:
    a = Art("a")
    a.holds("Foreign Minister", "foreign-minister", a.person("Li Wei"), a.demonym("Chinese", "CHN"))
    assert people(resolve([a.facts()]))["Li Wei"].country == CHN


def test_title_without_owner_takes_the_holders_country() -> None:
    a, b = Art("a"), Art("b")
    a.holds("Foreign Minister", "foreign-minister", a.person("Li Wei"), a.demonym("Chinese", "CHN"))
    b.holds("State Councilor", "state-councilor", b.person("Li Wei"))
    res = resolve([a.facts(), b.facts()])
    assert offices_of(res, "Li Wei") == {"Foreign Minister (China)", "State Councilor (China)"}


def test_possessive_owner_gives_the_owners_country() -> None:
    a = Art("a")
    boss = a.person("Jane Roe")
    a.holds("President", "president", boss, a.country("US", "USA"))
    boss_again = a.person("Roe")
    a.holds("national security adviser", "national-security-adviser", a.person("John Doe"), boss_again)
    res = resolve([a.facts()])
    assert offices_of(res, "John Doe") == {"National Security Adviser (United States)"}
    assert people(res)["John Doe"].country == USA


def test_office_without_any_country_is_the_holders_own() -> None:
    a = Art("a")
    a.holds("Foreign Minister", "foreign-minister", a.person("Ravi Kumar"))
    res = resolve([a.facts()])
    assert offices_of(res, "Ravi Kumar") == {"Foreign Minister"}
    assert people(res)["Ravi Kumar"].country is None


def test_descriptors_are_not_offices() -> None:
    a = Art("a")
    a.holds("diplomat", "diplomat", a.person("Li Wei"), a.demonym("Chinese", "CHN"),
            label=MentionRole.DESCRIPTOR)
    res = resolve([a.facts()])
    assert not [e for e in res.entities.values() if e.kind is OFFICE]
    assert res.tenures == ()
    # ... but the country a descriptor gives still says whom the person acts for.
    assert people(res)["Li Wei"].country == CHN


# -- former holders ------------------------------------------------------------------------------


def test_former_holder_held_the_office() -> None:
    a = Art("a")
    a.holds("President", "president", a.person("Jane Roe"), a.country("US", "USA"), former=True)
    res = resolve([a.facts()])
    (tenure,) = res.tenures
    assert tenure.former
    assert res.entities[tenure.office].label == "President (United States)"


def test_current_and_former_claims_of_the_same_tenure_make_it_current() -> None:
    a, b = Art("a"), Art("b")
    a.holds("President", "president", a.person("Jane Roe"), a.country("US", "USA"), former=True)
    b.holds("President", "president", b.person("Jane Roe"), b.country("US", "USA"))
    (tenure,) = resolve([a.facts(), b.facts()]).tenures
    assert not tenure.former


def test_predecessor_held_what_the_successor_holds() -> None:
    a = Art("a")
    marsh = a.person("Antony Marsh")
    a.holds("Secretary of State", "secretary-of-state", marsh, a.country("US", "USA"))
    successor = a.person("Marsh")
    a.predecessor(a.person("John Doe"), successor)
    res = resolve([a.facts()])
    assert offices_of(res, "John Doe", former=True) == {"Secretary of State (United States)"}
    assert offices_of(res, "John Doe", former=False) == set()
    assert offices_of(res, "Antony Marsh", former=False) == {"Secretary of State (United States)"}


def test_predecessor_of_someone_holding_nothing_holds_nothing() -> None:
    a = Art("a")
    a.predecessor(a.person("John Doe"), a.person("Antony Marsh"))
    res = resolve([a.facts()])
    assert res.tenures == ()
    assert not [e for e in res.entities.values() if e.kind is OFFICE]


def test_result_does_not_depend_on_article_order() -> None:
    a, b = Art("a"), Art("b")
    a.holds("Foreign Minister", "foreign-minister", a.person("Li Wei"), a.demonym("Chinese", "CHN"))
    b.person("Li Wei")
    b.person("Li")
    assert resolve([a.facts(), b.facts()]) == resolve([b.facts(), a.facts()])



# -- short titles ---------------------------------------------------------------------------------


def test_a_short_title_is_the_longer_post_its_holder_holds() -> None:
    a, b = Art("a.txt"), Art("b.txt")
    a.holds("Secretary of Defense", "defense-secretary", a.person("Jane Roe"), a.country("U.S.", "USA"))
    b.holds("Secretary", "secretary", b.person("Jane Roe"))
    res = resolve([a.facts(), b.facts()])
    assert offices_of(res, "Jane Roe") == {"Defense Secretary (United States)"}


def test_a_head_of_state_title_is_never_a_short_form() -> None:
    a = Art("a.txt")
    a.holds("Vice President", "vice-president", a.person("Jane Roe"), a.country("U.S.", "USA"))
    a.holds("President", "president", a.person("Jane Roe"))
    res = resolve([a.facts()])
    assert offices_of(res, "Jane Roe") == {"Vice President (United States)", "President (United States)"}


def test_a_short_title_with_its_own_portfolio_is_its_own_post() -> None:
    a = Art("a.txt")
    a.holds("Secretary of Defense", "defense-secretary", a.person("Jane Roe"), a.country("U.S.", "USA"))
    a.holds("Secretary", "secretary", a.person("Jane Roe"), qualifier="for Energy")
    res = resolve([a.facts()])
    assert offices_of(res, "Jane Roe") == {
        "Defense Secretary (United States)", "Secretary for Energy (United States)"}


# -- countries the text implies -------------------------------------------------------------------


def country_of(res: Resolution, label: str) -> str | None:
    return people(res)[label].country


def test_a_title_only_one_government_uses_gives_its_country() -> None:
    a = Art("a.txt")
    a.holds("Secretary of State", "secretary-of-state", a.person("Jane Roe"))
    res = resolve([a.facts()])
    assert country_of(res, "Jane Roe") == USA
    assert offices_of(res, "Jane Roe") == {"Secretary of State (United States)"}


def test_a_unique_title_with_a_portfolio_gives_no_country() -> None:
    a = Art("a.txt")
    a.holds("Secretary of State", "secretary-of-state", a.person("Jane Roe"), qualifier="for Wales")
    assert country_of(resolve([a.facts()]), "Jane Roe") is None


def test_a_body_named_in_the_article_vouches_for_its_bare_titled_officials() -> None:
    a, b = Art("a.txt"), Art("b.txt")
    a.org("State Department", "State Department", "USA")
    a.holds("Spokesperson", "spokesperson", a.person("Jane Roe"))
    b.holds("Spokesperson", "spokesperson", b.person("Ann Lee"))
    res = resolve([a.facts(), b.facts()])
    assert country_of(res, "Jane Roe") == USA
    assert country_of(res, "Ann Lee") is None  # no body named: no country


@pytest.mark.parametrize(("body", "code", "country"), [
    ("Downing Street", "GBR", "United Kingdom"), ("Kantei", "JPN", "Japan"),
    ("Global Affairs Canada", "CAN", "Canada"),
])
def test_issuing_bodies_beyond_washington_vouch_for_their_spokespeople(body: str, code: str,
                                                                       country: str) -> None:
    a = Art("a.txt")
    a.org(body, body, code)
    a.holds("Spokesperson", "spokesperson", a.person("Jane Roe"))
    assert country_of(resolve([a.facts()]), "Jane Roe") == mint("country", country)


def test_bodies_of_two_countries_listing_the_title_give_none() -> None:
    a = Art("a.txt")
    a.org("State Department", "State Department", "USA")
    a.org("Kremlin", "Kremlin", "RUS")
    a.holds("Spokesperson", "spokesperson", a.person("Jane Roe"))
    assert country_of(resolve([a.facts()]), "Jane Roe") is None


def test_a_body_never_vouches_for_a_head_of_state() -> None:
    a = Art("a.txt")
    a.org("White House", "White House", "USA")
    a.holds("President", "president", a.person("Jane Roe"))
    assert country_of(resolve([a.facts()]), "Jane Roe") is None


def test_a_country_the_text_names_wins_over_an_implied_one() -> None:
    a, b = Art("a.txt"), Art("b.txt")
    a.org("State Department", "State Department", "USA")
    a.holds("Spokesperson", "spokesperson", a.person("Jane Roe"))
    b.holds("Spokesperson", "spokesperson", b.person("Jane Roe"), b.demonym("Chinese", "CHN"))
    assert country_of(resolve([a.facts(), b.facts()]), "Jane Roe") == CHN


# -- counterparts ---------------------------------------------------------------------------------


def counterpart(art: Art, person: Mention, subject: Mention, code: str) -> None:
    office = art.office("counterpart", "counterpart", code, MentionRole.DESCRIPTOR)
    art.claims.append(OfficeClaim(office, person, art.demonym("Chadian", code), False, "", False,
                                  rule=ClaimRule.TITLE_BEFORE_NAME))
    art.claims.append(OfficeClaim(office, person, subject, False, "", False, rule=ClaimRule.COUNTERPART))


def test_a_counterpart_holds_the_subjects_post_in_their_countrys_words() -> None:
    a = Art("a.txt")
    roe = a.person("Jane Roe")
    a.holds("Secretary of State", "secretary-of-state", roe, a.country("U.S.", "USA"))
    counterpart(a, a.person("Ana Vidal"), roe, "TCD")
    res = resolve([a.facts()])
    assert offices_of(res, "Ana Vidal") == {"Foreign Minister (Chad)"}
    post = next(e for e in res.entities.values() if e.label == "Foreign Minister (Chad)")
    assert "counterpart" not in post.aliases


def test_a_counterpart_with_a_post_of_their_own_keeps_only_it() -> None:
    a = Art("a.txt")
    roe = a.person("Jane Roe")
    a.holds("Prime Minister", "pm", roe, a.country("France", "FRA"))
    vidal = a.person("Ana Vidal")
    a.holds("President", "president", vidal)
    counterpart(a, vidal, roe, "TCD")
    assert offices_of(resolve([a.facts()]), "Ana Vidal") == {"President (Chad)"}
