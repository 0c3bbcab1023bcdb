"""The checks every article passes (kg.sources.check): empty, not English, furniture, duplicate."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sample_texts import ENGLISH, FRENCH, OTHER_ENGLISH

from kg.knowledge import Knowledge
from kg.sources.check import CheckRules, RawArticle, check, check_rules, check_stream
from kg.sources.language import LanguageWords
from kg.sources.metadata import ArticleMeta
from kg.types import Article, Problem


@pytest.fixture(scope="module")
def rules(knowledge: Knowledge) -> CheckRules:
    return check_rules(knowledge)


def _warning(code: str, path: str) -> Problem:
    return Problem(code, path, "a warning", skipped=False)


def _raw(doc_id: str, text: str, **changes: object) -> RawArticle:
    return RawArticle(doc_id, f"in/{doc_id}", text, **changes)  # type: ignore[arg-type]


def test_an_english_text_becomes_its_article(rules: CheckRules) -> None:
    meta = ArticleMeta(date(2023, 6, 18), "Talks resume", "https://example.com/a")
    text = "Talks resume\nNew Delhi: " + ENGLISH + "Advertisement\n"
    article = check(_raw("a.txt", text, meta=meta), rules)
    assert isinstance(article, Article)
    assert (article.doc_id, article.text) == ("a.txt", text)
    assert (article.published, article.title, article.url) == (meta.published, meta.title, meta.url)
    assert article.dateline == "New Delhi"
    assert [text[s:e] for s, e in article.furniture] == ["New Delhi:", "Advertisement"]


@pytest.mark.parametrize("text", ["", " ", "\n\n\t \n"])
def test_an_empty_text_is_skipped(rules: CheckRules, text: str) -> None:
    problem = check(_raw("a.txt", text), rules)
    assert problem == Problem(
        "KG110", "in/a.txt", "empty or only whitespace; remove the file or put the article text in it"
    )
    page = check(_raw("b.txt", text, html=True), rules)
    assert page == Problem("KG110", "in/b.txt", "an HTML page with no visible text; remove it")


def test_a_text_not_in_english_is_skipped(rules: CheckRules) -> None:
    problem = check(_raw("a.txt", FRENCH), rules)
    assert isinstance(problem, Problem) and problem.skipped
    assert (problem.code, problem.path) == ("KG116", "in/a.txt")
    assert "English" in problem.message


def test_the_language_words_come_from_the_rules(rules: CheckRules) -> None:
    french_words = CheckRules(rules.furniture, LanguageWords(frozenset({"le", "la", "les", "des", "de"}), {}))
    assert isinstance(check(_raw("a.txt", FRENCH), french_words), Article)
    assert isinstance(check(_raw("a.txt", ENGLISH), french_words), Problem)


def test_warnings_come_right_before_their_article(rules: CheckRules) -> None:
    warned = _raw(
        "b.txt", OTHER_ENGLISH, warnings=(_warning("KG112", "in/b.txt"), _warning("KG115", "in/b.txt"))
    )
    found = Problem("KG118", "in/c.txt", "cannot read the file")
    items = list(check_stream([_raw("a.txt", ENGLISH), found, warned], rules))
    assert [(type(i).__name__, getattr(i, "code", None)) for i in items] == [
        ("Article", None),
        ("Problem", "KG118"),
        ("Problem", "KG112"),
        ("Problem", "KG115"),
        ("Article", None),
    ]


def test_a_skipped_text_loses_its_warnings(rules: CheckRules) -> None:
    warning = (_warning("KG112", "in/a.txt"),)
    items = list(
        check_stream([_raw("a.txt", FRENCH, warnings=warning), _raw("b.txt", "", warnings=warning)], rules)
    )
    assert [(p.code, p.path) for p in items if isinstance(p, Problem)] == [
        ("KG116", "in/a.txt"),
        ("KG110", "in/b.txt"),
    ]


def test_duplicates_name_the_first_article_kept(rules: CheckRules) -> None:
    # The same article: other furniture around it, other spacing and case.
    copy = "Advertisement\n" + ENGLISH.upper().replace(" ", "  ") + "\nShare\n"
    warning = (_warning("KG112", "in/c.txt"),)
    raws = [_raw("a.txt", ENGLISH), _raw("b.txt", OTHER_ENGLISH), _raw("c.txt", copy, warnings=warning)]
    items = list(check_stream([*raws, _raw("d.txt", ENGLISH)], rules))
    assert [i.doc_id for i in items if isinstance(i, Article)] == ["a.txt", "b.txt"]
    problems = [i for i in items if isinstance(i, Problem)]
    assert [(p.code, p.path) for p in problems] == [("KG117", "in/c.txt"), ("KG117", "in/d.txt")]
    assert all("the same article as a.txt" in p.message and p.skipped for p in problems)


def test_a_skipped_text_is_not_kept_for_the_duplicate_check(rules: CheckRules) -> None:
    items = list(check_stream([_raw("a.txt", "  "), _raw("b.txt", "\n")], rules))
    assert [p.code for p in items if isinstance(p, Problem)] == ["KG110", "KG110"]


def test_the_stream_is_read_one_item_at_a_time(rules: CheckRules) -> None:
    pulled: list[str] = []

    def raws() -> Iterator[RawArticle]:
        for doc_id, text in (("a.txt", ENGLISH), ("b.txt", OTHER_ENGLISH)):
            pulled.append(doc_id)
            yield _raw(doc_id, text)

    items = check_stream(raws(), rules)
    assert pulled == []
    first = next(items)
    assert isinstance(first, Article) and first.doc_id == "a.txt" and pulled == ["a.txt"]
