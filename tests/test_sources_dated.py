"""An article's publication date from its own head when metadata.csv gives none."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from kg.knowledge import load_knowledge
from kg.sources.check import RawArticle, check, check_rules
from kg.sources.dated import date_line
from kg.types import Article


@pytest.mark.parametrize(("text", "expected"), [
    ("Harbour talks\nPosted by the news desk | 4 October 2029\nThe envoys met today.", dt.date(2029, 10, 4)),
    ("Harbour talks\nOct. 4, 2029\nThe envoys met today.", dt.date(2029, 10, 4)),
    ("Harbour talks\nPublished 2029-10-04 09:12\nThe envoys met.", dt.date(2029, 10, 4)),
    # a site's banner date, then the article's own: the one nearest the story
    ("News in brief\n3 October 2029\nHarbour talks\n4 October 2029\nThe envoys met.", dt.date(2029, 10, 4)),
    ("QUITO, October 4, 2029 (Wire) - The envoys of both countries met today in the capital "
     "city to talk about the harbour.", dt.date(2029, 10, 4)),
])
def test_a_date_line_at_the_head_dates_the_article(text: str, expected: dt.date) -> None:
    assert date_line(text) == expected


@pytest.mark.parametrize("text", [
    # a date the story tells, in a sentence of prose, is not the day it was written
    "Harbour talks\nThe envoys, who first met on October 4, 2029 in the port city, met again today.",
    # no year: no date rather than a guessed one
    "Harbour talks\nOctober 4\nThe envoys met today.",
    # a date far down the article is not its head
    "\n".join(["Harbour talks"] + [f"Paragraph {i} of the story." for i in range(14)] + ["October 4, 2029"]),
    # an impossible day
    "Harbour talks\nFebruary 30, 2029\nThe envoys met today.",
])
def test_no_date_is_taken_from_outside_a_date_line(text: str) -> None:
    assert date_line(text) is None


def _raw(name: str, text: str, published: dt.date | None = None) -> RawArticle:
    raw = RawArticle(name, f"in/{name}", text)
    return replace(raw, meta=replace(raw.meta, published=published)) if published else raw


def test_metadata_wins_over_the_date_line() -> None:
    rules = check_rules(load_knowledge(None))
    text = "Harbour talks\nOctober 4, 2029\nThe envoys of the two countries met today in the port."
    article = check(_raw("a.txt", text, dt.date(2029, 10, 5)), rules)
    assert isinstance(article, Article) and article.published == dt.date(2029, 10, 5)
    article = check(_raw("a.txt", text), rules)
    assert isinstance(article, Article) and article.published == dt.date(2029, 10, 4)
