"""Mentions and office claims (``kg.mentions``) on hand-built, hand-parsed Docs.

Every sentence below is given word by word with its head, dependency label and tag
(``(word, head, dep, tag[, lemma])``, heads as absolute token indices), then run
through kg's gazetteer and reconciler on a blank pipeline: what is tested is the
attachment rule, never a statistical model's parse. Names are made up on purpose.
"""

from __future__ import annotations

import pytest
from parsed import Row, parse
from spacy.language import Language

import kg.pipeline  # noqa: F401  (registers the factories)
from kg.mentions import DocMentions
from kg.types import Mention, OfficeClaim
from kg.vocab import ClaimRule, EntityKind, MentionRole


def claims(found: DocMentions, rule: str | None = None) -> list[OfficeClaim]:
    return [c for c in found.office_claims() if rule is None or c.rule == rule]


def only_claim(found: DocMentions, key: str) -> OfficeClaim:
    matching = [c for c in found.office_claims() if c.office.key == key]
    assert len(matching) == 1, [(c.office.text, c.office.key, c.rule) for c in found.office_claims()]
    return matching[0]


def mention(found: DocMentions, text: str) -> Mention:
    matching = [m for m in found.mentions if m is not None and m.text == text]
    assert len(matching) == 1, [m.text for m in found.mentions if m is not None]
    return matching[0]


# -- sentences ---------------------------------------------------------------------------------

CHINESE_FM = [  # Chinese Foreign Minister Li Wei arrived.
    ("Chinese", 2, "amod", "JJ"),
    ("Foreign", 2, "compound", "NNP"),
    ("Minister", 4, "compound", "NNP"),
    ("Li", 4, "compound", "NNP"),
    ("Wei", 5, "nsubj", "NNP"),
    ("arrived", 5, "ROOT", "VBD"),
    (".", 5, "punct", "."),
]

COORDINATED = [  # Chinese State Councilor and Foreign Minister Li Wei spoke.
    ("Chinese", 2, "amod", "JJ"),
    ("State", 2, "compound", "NNP"),
    ("Councilor", 7, "compound", "NNP"),
    ("and", 2, "cc", "CC"),
    ("Foreign", 5, "compound", "NNP"),
    ("Minister", 2, "conj", "NNP"),
    ("Li", 7, "compound", "NNP"),
    ("Wei", 8, "nsubj", "NNP"),
    ("spoke", 8, "ROOT", "VBD"),
    (".", 8, "punct", "."),
]

OWNER_APPOSITION = [  # Daniel Roe, the State Department's top diplomat for East Asia, told reporters.
    ("Daniel", 1, "compound", "NNP"),
    ("Roe", 13, "nsubj", "NNP"),
    (",", 1, "punct", ","),
    ("the", 5, "det", "DT"),
    ("State", 5, "compound", "NNP"),
    ("Department", 8, "poss", "NNP"),
    ("'s", 5, "case", "POS"),
    ("top", 8, "amod", "JJ"),
    ("diplomat", 1, "appos", "NN"),
    ("for", 8, "prep", "IN"),
    ("East", 11, "compound", "NNP"),
    ("Asia", 9, "pobj", "NNP"),
    (",", 1, "punct", ","),
    ("told", 13, "ROOT", "VBD"),
    ("reporters", 13, "dobj", "NNS"),
    (".", 13, "punct", "."),
]

POSSESSIVE_APPOSITION = [  # Smith's national security adviser, Jane Roe, travelled to Tokyo.
    ("Smith", 4, "poss", "NNP"),
    ("'s", 0, "case", "POS"),
    ("national", 3, "amod", "JJ"),
    ("security", 4, "compound", "NN"),
    ("adviser", 9, "nsubj", "NN"),
    (",", 4, "punct", ","),
    ("Jane", 7, "compound", "NNP"),
    ("Roe", 4, "appos", "NNP"),
    (",", 4, "punct", ","),
    ("travelled", 9, "ROOT", "VBD", "travel"),
    ("to", 9, "prep", "IN"),
    ("Tokyo", 10, "pobj", "NNP"),
    (".", 9, "punct", "."),
]

FORMER_PRESIDENT = [  # The tariffs were imposed by former President Jane Roe.
    ("The", 1, "det", "DT"),
    ("tariffs", 3, "nsubjpass", "NNS"),
    ("were", 3, "auxpass", "VBD"),
    ("imposed", 3, "ROOT", "VBN", "impose"),
    ("by", 3, "agent", "IN"),
    ("former", 6, "amod", "JJ"),
    ("President", 8, "compound", "NNP"),
    ("Jane", 8, "compound", "NNP"),
    ("Roe", 4, "pobj", "NNP"),
    (".", 3, "punct", "."),
]

FORMER_DURING = [  # Danny Roe, the top diplomat on East Asia during Jane Doe's second term, doubted it.
    ("Danny", 1, "compound", "NNP"),
    ("Roe", 16, "nsubj", "NNP"),
    (",", 1, "punct", ","),
    ("the", 5, "det", "DT"),
    ("top", 5, "amod", "JJ"),
    ("diplomat", 1, "appos", "NN"),
    ("on", 5, "prep", "IN"),
    ("East", 8, "compound", "NNP"),
    ("Asia", 6, "pobj", "NNP"),
    ("during", 5, "prep", "IN"),
    ("Jane", 11, "compound", "NNP"),
    ("Doe", 14, "poss", "NNP"),
    ("'s", 11, "case", "POS"),
    ("second", 14, "amod", "JJ"),
    ("term", 9, "pobj", "NN"),
    (",", 1, "punct", ","),
    ("doubted", 16, "ROOT", "VBD", "doubt"),
    ("it", 16, "dobj", "PRP"),
    (".", 16, "punct", "."),
]

PREDECESSOR = [  # Marsh succeeded his predecessor John Doe.
    ("Marsh", 1, "nsubj", "NNP"),
    ("succeeded", 1, "ROOT", "VBD", "succeed"),
    ("his", 3, "poss", "PRP$"),
    ("predecessor", 1, "dobj", "NN"),
    ("John", 5, "compound", "NNP"),
    ("Doe", 3, "appos", "NNP"),
    (".", 1, "punct", "."),
]

TOP_US_DIPLOMAT = [  # The top US diplomat will highlight cooperation.
    ("The", 3, "det", "DT"),
    ("top", 3, "amod", "JJ"),
    ("US", 3, "compound", "NNP"),
    ("diplomat", 5, "nsubj", "NN"),
    ("will", 5, "aux", "MD"),
    ("highlight", 5, "ROOT", "VB"),
    ("cooperation", 5, "dobj", "NN"),
    (".", 5, "punct", "."),
]

COUNTRY_TOP_DIPLOMAT = [  # He met China's top diplomat Li Wei.
    ("He", 1, "nsubj", "PRP"),
    ("met", 1, "ROOT", "VBD", "meet"),
    ("China", 4, "poss", "NNP"),
    ("'s", 2, "case", "POS"),
    ("top", 4, "amod", "JJ"),
    ("diplomat", 6, "compound", "NN"),
    ("Li", 6, "compound", "NNP"),
    ("Wei", 1, "dobj", "NNP"),
    (".", 1, "punct", "."),
]

TREASURY_AND_COMMERCE = [  # trips by U.S. Treasury Secretary Jane Roe and Commerce Secretary Ann Lee.
    ("trips", 0, "ROOT", "NNS", "trip"),
    ("by", 0, "prep", "IN"),
    ("U.S.", 4, "compound", "NNP"),
    ("Treasury", 4, "compound", "NNP"),
    ("Secretary", 6, "compound", "NNP"),
    ("Jane", 6, "compound", "NNP"),
    ("Roe", 1, "pobj", "NNP"),
    ("and", 6, "cc", "CC"),
    ("Commerce", 9, "compound", "NNP"),
    ("Secretary", 11, "compound", "NNP"),
    ("Ann", 11, "compound", "NNP"),
    ("Lee", 6, "conj", "NNP"),
    (".", 0, "punct", "."),
]


# -- title before a name -------------------------------------------------------------------------


def test_title_before_name_with_demonym_owner(nlp: Language) -> None:
    found = parse(nlp, CHINESE_FM, [(3, 5, "PERSON")])
    claim = only_claim(found, "foreign-minister")
    assert claim.rule == "title-before-name"
    assert claim.person is not None and claim.person.text == "Li Wei"
    assert claim.person.kind is EntityKind.PERSON
    assert claim.owner is not None and (claim.owner.text, claim.owner.country) == ("Chinese", "CHN")
    assert (claim.office.label, claim.office.country) == ("office", "CHN")
    assert not claim.former and not claim.referential


def test_owner_after_the_title(nlp: Language) -> None:
    rows = [  # Prime Minister of India Ravi Kumar arrived.
        ("Prime", 1, "compound", "NNP"),
        ("Minister", 6, "nsubj", "NNP"),
        ("of", 1, "prep", "IN"),
        ("India", 2, "pobj", "NNP"),
        ("Ravi", 5, "compound", "NNP"),
        ("Kumar", 1, "appos", "NNP"),
        ("arrived", 6, "ROOT", "VBD", "arrive"),
        (".", 6, "punct", "."),
    ]
    claim = only_claim(parse(nlp, rows, [(4, 6, "PERSON")]), "pm")
    assert claim.person is not None and claim.person.text == "Ravi Kumar"
    assert claim.owner is not None and claim.owner.country == "IND"


def test_single_name_after_a_title_becomes_a_person(nlp: Language) -> None:
    rows = [  # President Marsh arrived.
        ("President", 1, "compound", "NNP"),
        ("Marsh", 2, "nsubj", "NNP"),
        ("arrived", 2, "ROOT", "VBD", "arrive"),
        (".", 2, "punct", "."),
    ]
    found = parse(nlp, rows, [(1, 2, "GPE")])  # the model thought it a place
    assert mention(found, "Marsh").label == "PERSON"
    assert only_claim(found, "president").person == mention(found, "Marsh")


def test_coordinated_titles_both_attach_to_the_name(nlp: Language) -> None:
    found = parse(nlp, COORDINATED, [(6, 8, "PERSON")])
    councilor = only_claim(found, "state-councilor")
    minister = only_claim(found, "foreign-minister")
    assert councilor.person is not None and councilor.person.text == "Li Wei"
    assert minister.person is not None and minister.person.text == "Li Wei"
    assert councilor.owner is not None and councilor.owner.country == "CHN"


def test_owner_distributes_over_coordinated_title_name_pairs(nlp: Language) -> None:
    found = parse(nlp, TREASURY_AND_COMMERCE, [(5, 7, "PERSON"), (10, 12, "PERSON")])
    treasury = only_claim(found, "treasury-secretary")
    assert treasury.person is not None and treasury.person.text == "Jane Roe"
    assert treasury.owner is not None and treasury.owner.country == "USA"
    commerce = only_claim(found, "commerce-secretary")
    assert commerce.person is not None and commerce.person.text == "Ann Lee"
    assert (commerce.owner.country if commerce.owner else commerce.office.country) == "USA"


# -- apposition ----------------------------------------------------------------------------------


def test_apposition_with_an_organisation_owner_and_a_qualifier(nlp: Language) -> None:
    found = parse(nlp, OWNER_APPOSITION, [(0, 2, "PERSON")])
    claim = only_claim(found, "top-diplomat")
    assert claim.rule == "apposition"
    assert claim.person is not None and claim.person.text == "Daniel Roe"
    assert claim.owner is not None
    assert (claim.owner.text, claim.owner.kind, claim.owner.country) == (
        "State Department", EntityKind.ORGANIZATION, "USA")
    assert claim.qualifier == "for East Asia"
    assert claim.office.label == "office"  # "top" + descriptor "diplomat" is an office
    assert not claim.former


def test_possessive_apposition_owner_is_a_person(nlp: Language) -> None:
    found = parse(nlp, POSSESSIVE_APPOSITION, [(0, 1, "PERSON"), (6, 8, "PERSON")])
    claim = only_claim(found, "national-security-adviser")
    assert claim.rule == "possessive-apposition"
    assert claim.person is not None and claim.person.text == "Jane Roe"
    assert claim.owner is not None and (claim.owner.text, claim.owner.kind) == ("Smith", EntityKind.PERSON)


APPOSITION_CLOSED = [  # The adviser, Jane Roe, left.
    ("The", 1, "det", "DT"),
    ("adviser", 6, "nsubj", "NN"),
    (",", 1, "punct", ","),
    ("Jane", 4, "compound", "NNP"),
    ("Roe", 1, "appos", "NNP"),
    (",", 1, "punct", ","),
    ("left", 6, "ROOT", "VBD", "leave"),
    (".", 6, "punct", "."),
]

A_LIST = [  # They met the adviser, Jane Roe, and Tom Vale.
    ("They", 1, "nsubj", "PRP"),
    ("met", 1, "ROOT", "VBD", "meet"),
    ("the", 3, "det", "DT"),
    ("adviser", 1, "dobj", "NN"),
    (",", 3, "punct", ","),
    ("Jane", 6, "compound", "NNP"),
    ("Roe", 3, "conj", "NNP"),
    (",", 6, "punct", ","),
    ("and", 6, "cc", "CC"),
    ("Tom", 10, "compound", "NNP"),
    ("Vale", 6, "conj", "NNP"),
    (".", 1, "punct", "."),
]


def test_a_bare_title_set_off_by_commas_before_a_name_is_its_holders(nlp: Language) -> None:
    found = parse(nlp, APPOSITION_CLOSED, [(3, 5, "PERSON")])
    assert [c.office.key for c in found.office_claims() if c.person is not None
            and c.person.text == "Jane Roe"] == ["adviser"]


def test_a_bare_title_before_a_list_of_names_is_no_ones(nlp: Language) -> None:
    found = parse(nlp, A_LIST, [(5, 7, "PERSON"), (9, 11, "PERSON")])
    holders = {c.person.text for c in found.office_claims() if c.person is not None}
    assert not holders & {"Jane Roe", "Tom Vale"}


# -- former holders and predecessors -------------------------------------------------------------


def test_former_before_the_title(nlp: Language) -> None:
    claim = only_claim(parse(nlp, FORMER_PRESIDENT, [(7, 9, "PERSON")]), "president")
    assert claim.person is not None and claim.person.text == "Jane Roe"
    assert claim.former
    assert claim.rule == "title-before-name"


def test_apposition_followed_by_during_is_a_former_office(nlp: Language) -> None:
    found = parse(nlp, FORMER_DURING, [(0, 2, "PERSON"), (10, 12, "PERSON")])
    claim = only_claim(found, "top-diplomat")
    assert claim.rule == "apposition"
    assert claim.person is not None and claim.person.text == "Danny Roe"
    assert claim.former
    assert claim.qualifier == "for East Asia"


def test_apposition_without_during_is_current(nlp: Language) -> None:
    assert not only_claim(parse(nlp, OWNER_APPOSITION, [(0, 2, "PERSON")]), "top-diplomat").former


def test_predecessor_holds_formerly_what_the_subject_holds(nlp: Language) -> None:
    found = parse(nlp, PREDECESSOR, [(0, 1, "GPE"), (4, 6, "PERSON")])
    (claim,) = claims(found, "predecessor")
    assert claim.person is not None and claim.person.text == "John Doe"
    assert claim.owner is not None and claim.owner.text == "Marsh"
    assert claim.former
    assert (claim.office.label, claim.office.key, claim.office.text) == ("predecessor",) * 3


def test_predecessor_claim_is_known_by_its_rule_and_its_offices_role(nlp: Language) -> None:
    found = parse(nlp, PREDECESSOR, [(0, 1, "GPE"), (4, 6, "PERSON")])
    (claim,) = found.office_claims()
    assert claim.rule is ClaimRule.PREDECESSOR
    assert (claim.office.kind, claim.office.label) == (EntityKind.OFFICE, MentionRole.PREDECESSOR)


def test_predecessor_without_a_subject_claims_nothing(nlp: Language) -> None:
    rows = [  # His predecessor John Doe left.
        ("His", 1, "poss", "PRP$"),
        ("predecessor", 4, "nsubj", "NN"),
        ("John", 3, "compound", "NNP"),
        ("Doe", 1, "appos", "NNP"),
        ("left", 4, "ROOT", "VBD", "leave"),
        (".", 4, "punct", "."),
    ]
    assert not claims(parse(nlp, rows, [(2, 4, "PERSON")]), "predecessor")


# -- "top diplomat" and titles standing for people -----------------------------------------------


def test_top_us_diplomat_is_the_top_diplomat_of_the_us_and_stands_for_a_person(nlp: Language) -> None:
    found = parse(nlp, TOP_US_DIPLOMAT)
    claim = only_claim(found, "top-diplomat")
    assert (claim.office.label, claim.office.country) == ("office", "USA")
    assert claim.owner is not None and claim.owner.text == "US"
    assert claim.referential
    assert claim.person is not None
    assert (claim.person.label, claim.person.text, claim.person.key, claim.person.country) == (
        "TITLE-REF", "The top US diplomat", "top-diplomat", "USA")
    assert claim.person.kind is EntityKind.PERSON


def test_countrys_top_diplomat_before_a_name(nlp: Language) -> None:
    claim = only_claim(parse(nlp, COUNTRY_TOP_DIPLOMAT, [(6, 8, "PERSON")]), "top-diplomat")
    assert claim.rule == "title-before-name"
    assert claim.person is not None and claim.person.text == "Li Wei"
    assert claim.owner is not None and claim.owner.country == "CHN"
    assert not claim.referential


def test_the_bare_title_stands_for_its_holder(nlp: Language) -> None:
    rows = [("the", 1, "det", "DT"), ("president", 2, "nsubj", "NN"), ("said", 2, "ROOT", "VBD", "say"),
            (".", 2, "punct", ".")]
    claim = only_claim(parse(nlp, rows), "president")
    assert claim.referential
    assert claim.person is not None
    assert (claim.person.label, claim.person.text) == ("TITLE-REF", "the president")


@pytest.mark.parametrize("rows", [
    pytest.param([("the", 1, "det", "DT"), ("officials", 2, "nsubj", "NNS"), ("said", 2, "ROOT", "VBD"),
                  (".", 2, "punct", ".")], id="plural"),
    pytest.param([("a", 1, "det", "DT"), ("president", 2, "nsubj", "NN"), ("said", 2, "ROOT", "VBD"),
                  (".", 2, "punct", ".")], id="indefinite"),
    pytest.param([("She", 1, "nsubj", "PRP"), ("is", 1, "ROOT", "VBZ", "be"), ("the", 3, "det", "DT"),
                  ("president", 1, "attr", "NN"), (".", 1, "punct", ".")], id="predicate"),
])
def test_titles_that_do_not_stand_for_one_person(nlp: Language, rows: list[Row]) -> None:
    found = parse(nlp, rows)
    assert not [c for c in found.office_claims() if c.referential]
    assert all(c.person is None or c.person.label != "TITLE-REF" for c in found.office_claims())


# -- capitals: government or place ---------------------------------------------------------------


def test_capital_as_subject_is_its_country(nlp: Language) -> None:
    rows = [("Beijing", 1, "nsubj", "NNP"), ("said", 1, "ROOT", "VBD", "say"), ("no", 1, "dobj", "UH"),
            (".", 1, "punct", ".")]
    m = mention(parse(nlp, rows), "Beijing")
    assert (m.kind, m.key, m.country) == (EntityKind.COUNTRY, "CHN", "CHN")


def test_capital_after_in_is_a_place(nlp: Language) -> None:
    rows = [("Roe", 1, "nsubj", "NNP"), ("arrived", 1, "ROOT", "VBD", "arrive"), ("in", 1, "prep", "IN"),
            ("Beijing", 2, "pobj", "NNP"), (".", 1, "punct", ".")]
    m = mention(parse(nlp, rows, [(0, 1, "PERSON")]), "Beijing")
    assert (m.kind, m.key, m.country) == (EntityKind.PLACE, "Beijing", "CHN")


def test_capital_as_object_of_a_verb_of_motion_is_a_place(nlp: Language) -> None:
    rows = [("Roe", 2, "nsubj", "NNP"), ("will", 2, "aux", "MD"), ("visit", 2, "ROOT", "VB", "visit"),
            ("Beijing", 2, "dobj", "NNP"), (".", 2, "punct", ".")]
    m = mention(parse(nlp, rows, [(0, 1, "PERSON")]), "Beijing")
    assert m.kind is EntityKind.PLACE


def test_capital_as_object_of_another_verb_is_its_country(nlp: Language) -> None:
    rows = [("They", 1, "nsubj", "PRP"), ("accused", 1, "ROOT", "VBD", "accuse"),
            ("Washington", 1, "dobj", "NNP"), (".", 1, "punct", ".")]
    m = mention(parse(nlp, rows), "Washington")
    assert (m.kind, m.key) == (EntityKind.COUNTRY, "USA")


def test_unknown_name_after_a_locative_is_marked_for_a_place(nlp: Language) -> None:
    rows = [("Roe", 1, "nsubj", "NNP"), ("arrived", 1, "ROOT", "VBD", "arrive"), ("in", 1, "prep", "IN"),
            ("Varnholm", 2, "pobj", "NNP"), (".", 1, "punct", ".")]
    m = mention(parse(nlp, rows, [(0, 1, "PERSON"), (3, 4, "GPE")]), "Varnholm")
    assert (m.kind, m.label, m.key, m.locative) == (EntityKind.PERSON, MentionRole.NAME, "GPE", True)


def test_name_of_unsure_kind_keeps_the_models_label_apart_from_its_role(nlp: Language) -> None:
    rows = [("Varnholm", 1, "nsubj", "NNP"), ("arrived", 1, "ROOT", "VBD", "arrive"), (".", 1, "punct", ".")]
    m = mention(parse(nlp, rows, [(0, 1, "GPE")]), "Varnholm")
    assert (m.kind, m.label, m.key, m.locative) == (EntityKind.PERSON, MentionRole.NAME, "GPE", False)


def test_name_of_unsure_kind_with_a_title_is_a_person(nlp: Language) -> None:
    rows = [("President", 1, "compound", "NNP"), ("Varnholm", 2, "nsubj", "NNP"),
            ("arrived", 2, "ROOT", "VBD", "arrive"), (".", 2, "punct", ".")]
    found = parse(nlp, rows, [(1, 2, "GPE")])
    assert only_claim(found, "president").person == mention(found, "Varnholm")
    m = mention(found, "Varnholm")
    assert (m.label, m.key, m.locative) == (MentionRole.PERSON, "GPE", False)


# -- offsets and evidence ------------------------------------------------------------------------


def test_mentions_are_cut_from_the_article_text_at_the_chunk_offset(nlp: Language) -> None:
    prefix = "Earlier text of the same article.\n"
    found = parse(nlp, CHINESE_FM, [(3, 5, "PERSON")], prefix=prefix)
    m = mention(found, "Li Wei")
    assert m.start == len(prefix) + len("Chinese Foreign Minister ")
    assert found.article.text[m.start : m.end] == "Li Wei"
    assert m.sentence.text == "Chinese Foreign Minister Li Wei arrived."
    assert found.article.text[m.sentence.start : m.sentence.end] == m.sentence.text


# -- reporters -----------------------------------------------------------------------------------


def person_texts(found: DocMentions) -> list[str]:
    return [m.text for m in found.mentions if m is not None and m.kind is EntityKind.PERSON]


SIGN_OFF = [  # Correspondent Jane Roe reports from Varnholm.
    ("Correspondent", 2, "compound", "NNP"),
    ("Jane", 2, "compound", "NNP"),
    ("Roe", 3, "nsubj", "NNP"),
    ("reports", 3, "ROOT", "VBZ", "report"),
    ("from", 3, "prep", "IN"),
    ("Varnholm", 4, "pobj", "NNP"),
    (".", 3, "punct", "."),
]


def test_a_reporter_signing_off_is_no_person_and_holds_no_title(nlp: Language) -> None:
    found = parse(nlp, SIGN_OFF, [(1, 3, "PERSON"), (5, 6, "GPE")])
    assert person_texts(found) == ["Varnholm"]
    assert all(c.person is None for c in found.office_claims())


@pytest.mark.parametrize("cue", [
    [("has", 2, "ROOT", "VBZ"), ("more", 2, "dobj", "JJR")],
    [("reports", 2, "ROOT", "VBZ"), ("from", 2, "prep", "IN"), ("Varnholm", 3, "pobj", "NNP")],
])
def test_a_name_before_a_reporters_cue_is_no_person(nlp: Language, cue: list[Row]) -> None:
    rows = [("Jane", 1, "compound", "NNP"), ("Roe", 2, "nsubj", "NNP"), *cue, (".", 2, "punct", ".")]
    assert person_texts(parse(nlp, rows, [(0, 2, "PERSON")])) == []


def test_a_name_reporting_something_else_stays_a_person(nlp: Language) -> None:
    rows = [("Jane", 1, "compound", "NNP"), ("Roe", 2, "nsubj", "NNP"), ("reported", 2, "ROOT", "VBD"),
            ("the", 4, "det", "DT"), ("figures", 2, "dobj", "NNS"), (".", 2, "punct", ".")]
    assert mention(parse(nlp, rows, [(0, 2, "PERSON")]), "Jane Roe").kind is EntityKind.PERSON


@pytest.mark.parametrize("after", [[], ["|", "Varnholm"]])
def test_a_name_alone_on_its_line_is_a_byline_not_a_person(nlp: Language, after: list[str]) -> None:
    line = [("Jane", 1, "compound", "NNP"), ("Roe", 1, "ROOT", "NNP")]
    line += [(word, 1, "punct" if word == "|" else "appos", "NNP") for word in after]
    body = [("\n", len(line), "dep", "_SP"), ("Paul", len(line) + 2, "compound", "NNP"),
            ("Okafor", len(line) + 3, "nsubj", "NNP"), ("spoke", len(line) + 3, "ROOT", "VBD"),
            (".", len(line) + 3, "punct", ".")]
    n = len(line)
    found = parse(nlp, line + body, [(0, 2, "PERSON"), (n + 1, n + 3, "PERSON")])
    assert person_texts(found) == ["Paul Okafor"]


# -- a name the model took for a place ------------------------------------------------------------

PLACE_APPOSITION = [  # Amir Okafor, a spokesperson for the ministry, said so.
    ("Amir", 1, "compound", "NNP"),
    ("Okafor", 10, "nsubj", "NNP"),
    (",", 1, "punct", ","),
    ("a", 4, "det", "DT"),
    ("spokesperson", 1, "appos", "NN"),
    ("for", 4, "prep", "IN"),
    ("the", 7, "det", "DT"),
    ("ministry", 5, "pobj", "NN"),
    (",", 1, "punct", ","),
    ("said", 10, "ROOT", "VBD", "say"),
    ("so", 10, "advmod", "RB"),
    (".", 10, "punct", "."),
]


def test_a_place_name_in_apposition_to_a_title_is_a_person(nlp: Language) -> None:
    found = parse(nlp, PLACE_APPOSITION, [(0, 2, "GPE")])
    m = mention(found, "Amir Okafor")
    assert (m.kind, m.label) == (EntityKind.PERSON, MentionRole.PERSON)
    assert only_claim(found, "spokesperson").person == m


def test_a_place_name_after_a_possessive_title_and_comma_is_a_person(nlp: Language) -> None:
    rows = [("Chad", 3, "poss", "NNP"), ("'s", 0, "case", "POS"), ("Trade", 3, "compound", "NNP"),
            ("Minister", 7, "nsubj", "NNP"), (",", 3, "punct", ","), ("Amir", 6, "compound", "NNP"),
            ("Okafor", 3, "appos", "NNP"), ("spoke", 7, "ROOT", "VBD"), (".", 7, "punct", ".")]
    found = parse(nlp, rows, [(5, 7, "GPE")])
    assert only_claim(found, "commerce-minister").person == mention(found, "Amir Okafor")
    assert mention(found, "Amir Okafor").kind is EntityKind.PERSON


def test_a_place_name_with_no_title_tied_to_it_stays_a_place(nlp: Language) -> None:
    rows = [("Okafor", 1, "compound", "NNP"), ("Bay", 2, "nsubj", "NNP"), ("froze", 2, "ROOT", "VBD"),
            (".", 2, "punct", ".")]
    m = mention(parse(nlp, rows, [(0, 2, "LOC")]), "Okafor Bay")
    assert (m.kind, m.label) == (EntityKind.PLACE, MentionRole.PLACE)


def test_a_cue_that_does_not_end_the_clause_is_no_sign_off(nlp: Language) -> None:
    rows = [("Jane", 1, "compound", "NNP"), ("Roe", 2, "nsubj", "NNP"), ("has", 2, "ROOT", "VBZ"),
            ("more", 4, "amod", "JJR"), ("votes", 2, "dobj", "NNS"), (".", 2, "punct", ".")]
    assert person_texts(parse(nlp, rows, [(0, 2, "PERSON")])) == ["Jane Roe"]


def test_names_one_a_line_in_the_middle_of_a_report_are_no_bylines(nlp: Language) -> None:
    rows: list[Row] = []
    for _ in range(10):  # ten lines of prose: "Officials met."
        rows += [("Officials", len(rows) + 1, "nsubj", "NNS"), ("met", len(rows) + 1, "ROOT", "VBD"),
                 (".", len(rows) + 1, "punct", "."), ("\n", len(rows) + 2, "dep", "_SP")]
    names = len(rows)
    for _ in range(2):
        rows += [("Jane", len(rows) + 1, "compound", "NNP"), ("Roe", len(rows) + 1, "ROOT", "NNP"),
                 ("\n", len(rows) + 1, "dep", "_SP")]
    for _ in range(5):
        rows += [("Officials", len(rows) + 1, "nsubj", "NNS"), ("met", len(rows) + 1, "ROOT", "VBD"),
                 (".", len(rows) + 1, "punct", "."), ("\n", len(rows) + 2, "dep", "_SP")]
    rows[-1] = ("\n", len(rows) - 2, "dep", "_SP")
    found = parse(nlp, rows, [(names, names + 2, "PERSON"), (names + 3, names + 5, "PERSON")])
    assert person_texts(found) == ["Jane Roe", "Jane Roe"]


def test_a_name_before_a_dash_and_a_sentence_is_no_byline(nlp: Language) -> None:
    rows = [("Jane", 1, "compound", "NNP"), ("Roe", 6, "nsubj", "NNP"), ("\u2014", 1, "punct", ":"),
            ("who", 4, "nsubj", "WP"), ("led", 1, "relcl", "VBD"), ("talks", 4, "dobj", "NNS"),
            ("resigned", 6, "ROOT", "VBD"), (".", 6, "punct", ".")]
    assert person_texts(parse(nlp, rows, [(0, 2, "PERSON")])) == ["Jane Roe"]
