"""Tests for ``kg.dates.resolve_date``: tables of phrases with the dates they must give."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg import dates
from kg.dates import resolve_date
from kg.types import TemporalValue
from kg.vocab import TemporalPrecision, Tense

PAST, PRESENT, FUTURE = Tense.PAST, Tense.PRESENT, Tense.FUTURE

SUN = date(2023, 6, 18)  # a Sunday: the default publication date of the tables
MON = date(2023, 6, 19)
WED = date(2023, 6, 14)
THU_JUNE_1 = date(2023, 6, 1)  # its week (May 29 - June 4) straddles two months

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def tv(lexical: str) -> TemporalValue:
    """``'2023-06-18'``, ``'2023-06'`` or ``'2023'`` as the TemporalValue it stands for."""
    parts = [int(p) for p in lexical.split("-")]
    precision = (TemporalPrecision.YEAR, TemporalPrecision.MONTH, TemporalPrecision.DAY)[len(parts) - 1]
    parts += [1] * (3 - len(parts))
    return TemporalValue(date(*parts), precision)


def check(expression: str, published: date | None, tense: Tense, expected: str | None) -> None:
    result = resolve_date(expression, published, tense)
    if expected is None:
        assert result is None, f"{expression!r} gave {result}"
    else:
        assert result == tv(expected), f"{expression!r} gave {result}, expected {expected}"


# --- weekdays ------------------------------------------------------------------------------------

WEEKDAYS = [
    # The brief's examples.
    ("On Tuesday", WED, PAST, "2023-06-13"),
    ("on Sunday", MON, PAST, "2023-06-18"),
    ("Monday morning", MON, PRESENT, "2023-06-19"),
    ("on Monday", SUN, FUTURE, "2023-06-19"),
    ("Friday", SUN, PAST, "2023-06-16"),
    ("Saturday", SUN, PAST, "2023-06-17"),
    # The publication day itself counts in every tense.
    ("Sunday", SUN, PAST, "2023-06-18"),
    ("on Sunday", SUN, PRESENT, "2023-06-18"),
    ("early on Sunday", SUN, PAST, "2023-06-18"),
    ("Sunday afternoon", SUN, FUTURE, "2023-06-18"),
    ("late on Sunday", SUN, PRESENT, "2023-06-18"),
    ("Sunday's", SUN, PAST, "2023-06-18"),
    # PAST: the latest on or before publication, up to six days back.
    ("Monday", SUN, PAST, "2023-06-12"),
    ("on Tuesday", SUN, PAST, "2023-06-13"),
    ("Wednesday", MON, PAST, "2023-06-14"),
    # FUTURE: the first on or after publication, up to six days ahead.
    ("on Tuesday", SUN, FUTURE, "2023-06-20"),
    ("Saturday", SUN, FUTURE, "2023-06-24"),
    ("Tuesday", WED, FUTURE, "2023-06-20"),
    # PRESENT: the nearest occurrence (never more than three days away).
    ("Friday", SUN, PRESENT, "2023-06-16"),
    ("Thursday", SUN, PRESENT, "2023-06-15"),  # 3 days back beats 4 ahead
    ("Wednesday", SUN, PRESENT, "2023-06-21"),  # 3 days ahead beats 4 back
    ("Monday", SUN, PRESENT, "2023-06-19"),
    ("Friday", WED, PRESENT, "2023-06-16"),
    ("Saturday", WED, PRESENT, "2023-06-17"),
    ("Sunday", WED, PRESENT, "2023-06-11"),
    # An explicit day-month wins over the weekday logic, even when they disagree.
    ("Sunday (June 18)", SUN, PAST, "2023-06-18"),
    ("early on Sunday (June 18)", SUN, FUTURE, "2023-06-18"),
    ("Sunday, June 17", SUN, PRESENT, "2023-06-17"),
    ("Sunday, June 17", SUN, FUTURE, "2024-06-17"),
    # A weekday that fits the day-month in one nearby year picks that year over the tense.
    ("Saturday, June 17", SUN, FUTURE, "2023-06-17"),
    ("Tuesday, June 20", SUN, PAST, "2023-06-20"),
    ("Monday, June 20", SUN, PAST, "2022-06-20"),
    ("Friday (Dec. 30)", date(2023, 1, 2), FUTURE, "2022-12-30"),
    # Modifiers: last/past = strictly before, next/coming = strictly after.
    ("last Sunday", SUN, PRESENT, "2023-06-11"),
    ("this past Sunday", SUN, PRESENT, "2023-06-11"),
    ("last Friday", SUN, FUTURE, "2023-06-16"),
    ("next Sunday", SUN, PRESENT, "2023-06-25"),
    ("next Monday", SUN, PAST, "2023-06-19"),
    ("this coming Tuesday", SUN, PRESENT, "2023-06-20"),
    ("this Friday", SUN, PAST, "2023-06-16"),
    ("this Friday", SUN, FUTURE, "2023-06-23"),
    # A weekday inside a named week or weekend is that day of it.
    ("Tuesday last week", SUN, PRESENT, "2023-06-06"),
    ("last week on Tuesday", SUN, FUTURE, "2023-06-06"),
    ("Tuesday next week", SUN, PRESENT, "2023-06-20"),
    ("on Monday this week", SUN, PRESENT, "2023-06-12"),
    ("Monday earlier this week", WED, PRESENT, "2023-06-12"),
    ("Saturday earlier this week", WED, PRESENT, None),  # not in that span
    ("Sunday this weekend", WED, PAST, "2023-06-18"),
    # Two weekdays ("Saturday and Sunday"): the first, as for ranges.
    ("Saturday and Sunday", SUN, PAST, "2023-06-17"),
    # A day the period does not cover gives the period.
    ("Tuesday in May", SUN, PAST, "2023-05"),
    ("Monday in June", SUN, PAST, "2023-06-12"),
    ("Tuesday in 2019", SUN, PRESENT, "2019"),
]


@pytest.mark.parametrize(("expression", "published", "tense", "expected"), WEEKDAYS)
def test_weekdays(expression: str, published: date, tense: Tense, expected: str | None) -> None:
    check(expression, published, tense, expected)


# --- days relative to publication ----------------------------------------------------------------

DAY_WORDS = [
    ("today", SUN, PRESENT, "2023-06-18"),
    ("Today", SUN, PAST, "2023-06-18"),
    ("earlier today", SUN, PAST, "2023-06-18"),
    ("tonight", SUN, FUTURE, "2023-06-18"),
    ("this morning", SUN, PAST, "2023-06-18"),
    ("this afternoon", SUN, PRESENT, "2023-06-18"),
    ("this evening", SUN, FUTURE, "2023-06-18"),
    ("yesterday", SUN, PAST, "2023-06-17"),
    ("yesterday (Saturday)", SUN, PAST, "2023-06-17"),
    ("yesterday's", SUN, PRESENT, "2023-06-17"),
    ("last night", SUN, PAST, "2023-06-17"),
    ("tomorrow", SUN, FUTURE, "2023-06-19"),
    ("tomorrow morning", SUN, FUTURE, "2023-06-19"),
    ("yesterday", date(2023, 3, 1), PAST, "2023-02-28"),
    ("tomorrow", date(2023, 12, 31), FUTURE, "2024-01-01"),
    ("the day before yesterday", SUN, PAST, "2023-06-16"),
    ("the day after tomorrow", SUN, FUTURE, "2023-06-20"),
    ("two days ago", SUN, PAST, "2023-06-16"),
    ("3 days ago", SUN, PAST, "2023-06-15"),
    ("a day ago", SUN, PAST, "2023-06-17"),
    # Relative to the story, not to publication.
    ("the day before", SUN, PAST, None),
    ("the day after", SUN, PAST, None),
    ("the next day", SUN, PAST, None),
    ("the following day", SUN, PAST, None),
    ("that day", SUN, PAST, None),
    ("the same day", SUN, PAST, None),
    ("the last night of the summit", SUN, PAST, None),
    ("a few days ago", SUN, PAST, None),
    ("about two days ago", SUN, PAST, None),
]


@pytest.mark.parametrize(("expression", "published", "tense", "expected"), DAY_WORDS)
def test_day_words(expression: str, published: date, tense: Tense, expected: str | None) -> None:
    check(expression, published, tense, expected)


# --- months --------------------------------------------------------------------------------------

MONTHS = [
    # The brief's examples (published June 2023).
    ("in May", SUN, PAST, "2023-05"),
    ("in February", SUN, PAST, "2023-02"),
    ("in February", SUN, PRESENT, "2023-02"),
    ("in November", SUN, PAST, "2022-11"),
    ("in September", SUN, FUTURE, "2023-09"),
    ("in November", SUN, FUTURE, "2023-11"),
    # The publication month counts in every tense.
    ("in June", SUN, PAST, "2023-06"),
    ("in June", SUN, FUTURE, "2023-06"),
    ("June", SUN, PRESENT, "2023-06"),
    # PAST never after the publication month; FUTURE never before it.
    ("in July", SUN, PAST, "2022-07"),
    ("in May", SUN, FUTURE, "2024-05"),
    ("January", SUN, FUTURE, "2024-01"),
    # PRESENT: the nearest; six months either way is a tie and goes to the past.
    ("in November", SUN, PRESENT, "2023-11"),  # 5 ahead vs 7 back
    ("in December", SUN, PRESENT, "2022-12"),  # 6 vs 6
    ("in January", SUN, PRESENT, "2023-01"),  # 5 back vs 7 ahead
    ("in July", SUN, PRESENT, "2023-07"),
    ("in December", date(2024, 1, 10), PRESENT, "2023-12"),
    ("in February", date(2023, 12, 5), PRESENT, "2024-02"),
    # Abbreviations, with and without a full stop.
    ("Feb.", SUN, PAST, "2023-02"),
    ("in Sept.", SUN, FUTURE, "2023-09"),
    ("Sept", SUN, FUTURE, "2023-09"),
    ("Sep", SUN, FUTURE, "2023-09"),
    ("Aug.", SUN, PAST, "2022-08"),
    ("Dec", SUN, FUTURE, "2023-12"),
    # Parts of a month are the month.
    ("early May", SUN, PRESENT, "2023-05"),
    ("mid-June", SUN, PRESENT, "2023-06"),
    ("late June", SUN, PRESENT, "2023-06"),
    ("end of June", SUN, PRESENT, "2023-06"),
    ("the end of June", SUN, FUTURE, "2023-06"),
    ("the beginning of March", SUN, PAST, "2023-03"),
    ("the last week of June", SUN, PRESENT, "2023-06"),
    ("the first half of June", SUN, PRESENT, "2023-06"),
    # A year in the phrase, given or relative.
    ("May 2021", SUN, PRESENT, "2021-05"),
    ("in May 2021", SUN, FUTURE, "2021-05"),
    ("May of 2021", SUN, PRESENT, "2021-05"),
    ("May, 2021", SUN, PRESENT, "2021-05"),
    ("the May 2021 election", SUN, PRESENT, "2021-05"),
    ("November last year", SUN, PRESENT, "2022-11"),
    ("in November last year", SUN, FUTURE, "2022-11"),
    ("November of last year", SUN, PRESENT, "2022-11"),
    ("in March next year", SUN, PRESENT, "2024-03"),
    ("November this year", SUN, PAST, "2023-11"),
    # last/next = strictly before/after the publication month; this = its year.
    ("last November", SUN, PRESENT, "2022-11"),
    ("last June", SUN, PRESENT, "2022-06"),
    ("last May", SUN, FUTURE, "2023-05"),
    ("next May", SUN, PRESENT, "2024-05"),
    ("next June", SUN, PRESENT, "2024-06"),
    ("next July", SUN, PAST, "2023-07"),
    ("this November", SUN, PAST, "2023-11"),
    # Relative months.
    ("last month", SUN, PRESENT, "2023-05"),
    ("late last month", SUN, PAST, "2023-05"),
    ("this month", SUN, PRESENT, "2023-06"),
    ("earlier this month", SUN, PAST, "2023-06"),
    ("later this month", SUN, FUTURE, "2023-06"),
    ("next month", SUN, PRESENT, "2023-07"),
    ("early next month", SUN, FUTURE, "2023-07"),
    ("last month", date(2023, 1, 15), PAST, "2022-12"),
    ("next month", date(2023, 12, 15), FUTURE, "2024-01"),
    ("three months ago", SUN, PAST, "2023-03"),
    ("a month ago", SUN, PAST, "2023-05"),
    ("18 months ago", SUN, PAST, "2021-12"),
    # ISO year-month.
    ("2023-06", SUN, PRESENT, "2023-06"),
    # Not months.
    ("the month", SUN, PAST, None),
    ("the previous month", SUN, PAST, None),
    ("over the last month", SUN, PAST, None),
    ("every May", SUN, PAST, None),
    ("that March", SUN, PAST, None),
]


@pytest.mark.parametrize(("expression", "published", "tense", "expected"), MONTHS)
def test_months(expression: str, published: date, tense: Tense, expected: str | None) -> None:
    check(expression, published, tense, expected)


# --- weeks and weekends --------------------------------------------------------------------------

WEEKS = [
    # Published Sunday June 18: its week is June 12-18, all in June.
    ("last week", SUN, PAST, "2023-06"),
    ("this week", SUN, PRESENT, "2023-06"),
    ("this week's", SUN, PRESENT, "2023-06"),
    ("earlier this week", SUN, PAST, "2023-06"),
    ("next week", SUN, FUTURE, "2023-06"),
    ("early next week", SUN, FUTURE, "2023-06"),
    ("later this week", SUN, FUTURE, None),  # nothing of the week is left after a Sunday
    ("later this week", WED, FUTURE, "2023-06"),
    # Published Monday: "earlier this week" is empty.
    ("earlier this week", MON, PAST, None),
    ("this week", MON, PRESENT, "2023-06"),
    # Published Thursday June 1: this week straddles May and June.
    ("this week", THU_JUNE_1, PRESENT, None),
    ("earlier this week", THU_JUNE_1, PAST, "2023-05"),  # May 29-31
    ("later this week", THU_JUNE_1, FUTURE, "2023-06"),  # June 2-4
    ("last week", THU_JUNE_1, PAST, "2023-05"),
    ("next week", THU_JUNE_1, FUTURE, "2023-06"),
    ("next week", date(2023, 6, 25), FUTURE, None),  # June 26 - July 2
    ("two weeks ago", WED, PAST, None),  # May 31: May 29 - June 4 straddles
    ("two weeks ago", date(2023, 6, 22), PAST, "2023-06"),  # June 8: June 5-11
    ("a week ago", SUN, PAST, "2023-06"),  # June 11: June 5-11
    ("about two weeks ago", date(2023, 6, 22), PAST, None),
    # Weekends: Saturday and Sunday of the Monday-to-Sunday week.
    ("this weekend", SUN, PAST, "2023-06"),
    ("this weekend", MON, FUTURE, "2023-06"),
    ("last weekend", MON, PAST, "2023-06"),
    ("last weekend", date(2023, 7, 3), PAST, "2023-07"),  # July 1-2
    ("next weekend", MON, FUTURE, "2023-07"),  # July 1-2
    ("next weekend", date(2023, 7, 24), FUTURE, "2023-08"),  # Aug 5-6
    ("next weekend", date(2023, 9, 18), FUTURE, None),  # Sept 30 - Oct 1
    # A bare weekend follows the tense, like a weekday.
    ("over the weekend", WED, PAST, "2023-06"),
    ("over the weekend", date(2023, 7, 5), PAST, "2023-07"),  # July 1-2
    ("over the weekend", date(2023, 7, 3), PRESENT, "2023-07"),  # Monday: the one just gone
    ("over the weekend", date(2023, 6, 29), PRESENT, "2023-07"),  # Thursday: the coming July 1-2
    ("over the weekend", date(2023, 6, 29), PAST, "2023-06"),  # June 24-25
    ("the weekend", date(2023, 4, 30), FUTURE, "2023-04"),  # a Sunday: this weekend, April 29-30
    ("the weekend", date(2023, 5, 1), FUTURE, "2023-05"),  # a Monday, FUTURE: May 6-7
    ("the weekend", date(2023, 9, 27), FUTURE, None),  # Sept 30 - Oct 1
    ("this past weekend", date(2023, 7, 5), PRESENT, "2023-07"),
    ("that weekend", SUN, PAST, None),
    ("the following weekend", SUN, PAST, None),
    # Durations and story-relative weeks.
    ("the next week", SUN, FUTURE, None),
    ("over the past week", SUN, PAST, None),
    ("the previous week", SUN, PAST, None),
    ("a week earlier", SUN, PAST, None),
    ("for a week", SUN, PAST, None),
]


@pytest.mark.parametrize(("expression", "published", "tense", "expected"), WEEKS)
def test_weeks(expression: str, published: date, tense: Tense, expected: str | None) -> None:
    check(expression, published, tense, expected)


# --- years ---------------------------------------------------------------------------------------

YEARS = [
    ("last year", SUN, PAST, "2022"),
    ("last year's", SUN, PRESENT, "2022"),
    ("late last year", SUN, PAST, "2022"),
    ("this time last year", SUN, PAST, "2022"),
    ("this year", SUN, PRESENT, "2023"),
    ("earlier this year", SUN, PAST, "2023"),
    ("later this year", SUN, FUTURE, "2023"),
    ("next year", SUN, FUTURE, "2024"),
    ("early next year", SUN, FUTURE, "2024"),
    ("in 2019", SUN, PAST, "2019"),
    ("2019", SUN, PRESENT, "2019"),
    ("since 2019", SUN, PRESENT, "2019"),
    ("mid-2019", SUN, PRESENT, "2019"),
    ("2019's", SUN, PRESENT, "2019"),
    ("until 2030", SUN, FUTURE, "2030"),
    ("in 1945", SUN, PAST, "1945"),
    ("the first quarter of 2023", SUN, PAST, "2023"),
    ("in the summer of 2021", SUN, PAST, "2021"),
    ("between 2019 and 2021", SUN, PAST, "2019"),
    ("2019-2021", SUN, PAST, "2019"),
    ("2019-20", SUN, PAST, "2019"),
    ("2011-12", SUN, PAST, "2011"),  # Dec 2011 or the 2011-12 season: the year is safe
    ("two years ago", SUN, PAST, "2021"),
    ("a year ago", SUN, PAST, "2022"),
    ("5 years ago", SUN, PAST, "2018"),
    # Not years.
    ("the year", SUN, PAST, None),
    ("later in the year", SUN, FUTURE, None),
    ("the last year", SUN, PAST, None),
    ("over the past year", SUN, PAST, None),
    ("the next year", SUN, PAST, None),
    ("a year earlier", SUN, PAST, None),
    ("the year before", SUN, PAST, None),
    ("nearly five years ago", SUN, PAST, None),
    ("more than a year ago", SUN, PAST, None),
    ("the 1990s", SUN, PAST, None),
    ("the 1990's", SUN, PAST, None),
    ("the 2020s", SUN, PAST, None),
    ("fiscal 2023", SUN, PAST, None),
    ("FY2023", SUN, PAST, None),
    ("the 2023 financial year", SUN, PAST, None),
    ("winter 2022", SUN, PAST, None),
    ("at 2000 GMT", SUN, PAST, None),
    ("1400 hours", SUN, PAST, None),
    ("$2019", SUN, PAST, None),
    ("2019%", SUN, PAST, None),
    ("every year", SUN, PAST, None),
]


@pytest.mark.parametrize(("expression", "published", "tense", "expected"), YEARS)
def test_years(expression: str, published: date, tense: Tense, expected: str | None) -> None:
    check(expression, published, tense, expected)


# --- explicit dates ------------------------------------------------------------------------------

EXPLICIT = [
    ("June 18", SUN, PRESENT, "2023-06-18"),
    ("18 June", SUN, PRESENT, "2023-06-18"),
    ("June 18, 2023", SUN, PRESENT, "2023-06-18"),
    ("18 June 2023", SUN, PRESENT, "2023-06-18"),
    ("2023-06-18", SUN, PRESENT, "2023-06-18"),
    ("on June 18th", SUN, PAST, "2023-06-18"),
    ("the 18th of June", SUN, PAST, "2023-06-18"),
    ("June the 18th", SUN, PAST, "2023-06-18"),
    ("JUNE 18", SUN, PAST, "2023-06-18"),
    ("june 18", SUN, PAST, "2023-06-18"),
    ("Sept. 5, 2022", SUN, FUTURE, "2022-09-05"),  # a given year beats the tense
    ("Feb. 3", SUN, PAST, "2023-02-03"),
    ("Mar 3", SUN, PAST, "2023-03-03"),
    ("may 5", SUN, PAST, "2023-05-05"),
    ("2023-06-18T10:00:00Z", SUN, PAST, "2023-06-18"),
    # Ranges give their first day.
    ("June 16 to 21", SUN, PRESENT, "2023-06-16"),
    ("June 16\u201321", SUN, PRESENT, "2023-06-16"),
    ("June 16-21, 2023", SUN, PRESENT, "2023-06-16"),
    ("16-21 June", SUN, PRESENT, "2023-06-16"),
    ("16 to 21 June 2022", SUN, PRESENT, "2022-06-16"),
    ("June 30 to July 2", SUN, FUTURE, "2023-06-30"),
    ("from June 16 until June 21", SUN, PAST, "2023-06-16"),
    # "the week of" a day is the week: its month if it has one.
    ("the week of June 12", SUN, PAST, "2023-06"),
    ("the week of June 26", SUN, FUTURE, None),
    # Without a year: nearest to publication consistent with the tense.
    ("June 20", SUN, PRESENT, "2023-06-20"),
    ("June 20", SUN, FUTURE, "2023-06-20"),
    ("June 20", SUN, PAST, "2022-06-20"),
    ("June 16", SUN, FUTURE, "2024-06-16"),
    ("December 30", date(2023, 1, 2), PRESENT, "2022-12-30"),
    ("Dec. 30", date(2023, 1, 2), FUTURE, "2023-12-30"),
    ("January 3", date(2022, 12, 30), PRESENT, "2023-01-03"),
    ("January 3", date(2022, 12, 30), PAST, "2022-01-03"),
    ("December 18", SUN, PRESENT, "2022-12-18"),  # 182 days back vs 183 ahead
    ("Feb 29", SUN, PAST, "2020-02-29"),
    ("Feb 29", SUN, FUTURE, "2024-02-29"),
    ("June 18 last year", SUN, PRESENT, "2022-06-18"),
    # Unambiguous numeric orders are read; ambiguous ones are not guessed.
    ("18/06/2023", SUN, PRESENT, "2023-06-18"),
    ("06/18/2023", SUN, PRESENT, "2023-06-18"),
    ("18.06.2023", SUN, PRESENT, "2023-06-18"),
    ("5/5/2023", SUN, PRESENT, "2023-05-05"),
    ("2023/06/18", SUN, PRESENT, "2023-06-18"),
    ("on 5/6/2023", SUN, PRESENT, None),
    ("5/6/23", SUN, PRESENT, None),
    ("6/18", SUN, PRESENT, None),
    ("24/7", SUN, PRESENT, None),
    # Impossible days.
    ("Feb 30", SUN, PRESENT, None),
    ("February 30, 2023", SUN, PRESENT, None),
    ("2023-02-30", SUN, PRESENT, None),
    ("June 31", SUN, PRESENT, None),
    ("June 0", SUN, PRESENT, None),
    ("Feb 29, 2023", SUN, PRESENT, None),
    # Ordinal weekdays of a month.
    ("the first Monday of May", SUN, PAST, "2023-05-01"),
    ("the last Friday in June", SUN, PRESENT, "2023-06-30"),
    ("the 2nd Tuesday of November", SUN, PAST, "2022-11-08"),
    ("the third Sunday of June 2021", SUN, PAST, "2021-06-20"),
    ("the fifth Monday of June", SUN, PAST, None),  # June 2023 has four
    # Day numbers alone say nothing.
    ("the 18th", SUN, PRESENT, None),
    ("on the 18th", SUN, PRESENT, None),
]


@pytest.mark.parametrize(("expression", "published", "tense", "expected"), EXPLICIT)
def test_explicit_dates(expression: str, published: date, tense: Tense, expected: str | None) -> None:
    check(expression, published, tense, expected)


# --- durations, vague spans, story-relative and habitual phrases ---------------------------------

NOT_DATES = [
    "in recent years",
    "in recent months",
    "for years",
    "recently",
    "soon",
    "now",
    "currently",
    "the coming months",
    "in the coming weeks",
    "over the next several months",
    "later in the year",
    "in the late evening",
    "at some point in time",
    "two days",
    "a two-day",
    "a two-day visit",
    "20-hour",
    "18-month-old",
    "five years",
    "nearly five years",
    "the final years",
    "decades",
    "this summer",
    "last winter",
    "in the spring",
    "10 a.m.",
    "noon",
    "1400 GMT",
    "overnight",
    "every Monday",
    "on Sundays",
    "Sundays",
    "the following Sunday",
    "the previous Friday",
    "that Friday",
    "a Sunday",
    "the Sunday before",
    "one Sunday",
    "two days later",
    "days earlier",
    "the day before",
    "the same week",
    "afterwards",
    "may",
    "march",
    "the march",
    "Tues.",
]


@pytest.mark.parametrize("tense", list(Tense))
@pytest.mark.parametrize("expression", NOT_DATES)
def test_not_dates(expression: str, tense: Tense) -> None:
    check(expression, SUN, tense, None)


# --- robustness ----------------------------------------------------------------------------------

ROBUSTNESS = [
    # Whitespace, invisible characters and typographic punctuation.
    ("  on   Sunday  ", SUN, PAST, "2023-06-18"),
    ("\u00a0on\u2009Sunday\u200b", SUN, PAST, "2023-06-18"),
    ("on\nSunday", SUN, PAST, "2023-06-18"),
    ("June 16\u201421", SUN, PAST, "2023-06-16"),
    ("last year\u2019s", SUN, PAST, "2022"),
    # Case.
    ("SUNDAY", SUN, PAST, "2023-06-18"),
    ("sunday", SUN, PAST, "2023-06-18"),
    ("LAST WEEK", SUN, PAST, "2023-06"),
    ("In November Last Year", SUN, PAST, "2022-11"),
    # "may" and "march" as words, and as months.
    ("May", SUN, PAST, "2023-05"),
    ("MAY", SUN, PAST, "2023-05"),
    ("in may", SUN, PAST, "2023-05"),
    ("mid-march", SUN, PAST, "2023-03"),
    ("they may meet next week", SUN, FUTURE, "2023-06"),
    ("the march on Sunday", SUN, PAST, "2023-06-18"),
    # Leading and trailing words.
    ("by Sunday", SUN, FUTURE, "2023-06-18"),
    ("until Friday", SUN, PAST, "2023-06-16"),
    ("since Monday", SUN, PAST, "2023-06-12"),
    ("as early as next month", SUN, FUTURE, "2023-07"),
    ("on the sidelines of the summit in May", SUN, PAST, "2023-05"),
    ("the", SUN, PAST, None),
    ("on", SUN, PAST, None),
    # Junk.
    ("", SUN, PAST, None),
    ("   ", SUN, PAST, None),
    ("\U0001f642", SUN, PAST, None),
    ("\U0001f642 Sunday \U0001f642", SUN, PAST, "2023-06-18"),
    ("Sunday" * 200, SUN, PAST, None),  # not a date phrase at this length
    ("\x00\x01\x02", SUN, PAST, None),
    ("99999999999999999999 days ago", SUN, PAST, None),
    ("999 days ago", SUN, PAST, "2020-09-22"),
    # At the edges of ``date``'s range: no OverflowError, just None.
    ("tomorrow", date.max, FUTURE, None),
    ("yesterday", date.min, PAST, None),
    ("next year", date(9999, 6, 1), FUTURE, None),
    ("last month", date(1, 1, 15), PAST, None),
    ("next week", date.max, FUTURE, None),
    ("Sunday", date.min, PAST, None),  # date.min is a Monday
    ("Monday", date.min, PAST, "0001-01-01"),
    ("June 18", date(9999, 6, 1), FUTURE, "9999-06-18"),
    ("June 18", date(9999, 6, 20), FUTURE, None),
]


@pytest.mark.parametrize(("expression", "published", "tense", "expected"), ROBUSTNESS)
def test_robustness(expression: str, published: date, tense: Tense, expected: str | None) -> None:
    check(expression, published, tense, expected)


@pytest.mark.parametrize("expression", [None, 42, b"Sunday", ["Sunday"]])
def test_non_string_expression_is_none(expression: object) -> None:
    assert resolve_date(expression, SUN, PAST) is None  # type: ignore[arg-type]


def test_datetime_publication_is_read_as_its_day() -> None:
    assert resolve_date("Sunday", datetime(2023, 6, 18, 23, 59), PAST) == tv("2023-06-18")
    result = resolve_date("yesterday", datetime(2023, 6, 18, 1), PAST)
    assert result is not None
    assert type(result.value) is date  # not a datetime leaking through the arithmetic


def test_tense_given_as_its_value_or_junk() -> None:
    assert resolve_date("in November", SUN, "past") == tv("2022-11")  # type: ignore[arg-type]
    assert resolve_date("in November", SUN, "future") == tv("2023-11")  # type: ignore[arg-type]
    # An unknown tense is treated as unknown: PRESENT.
    assert resolve_date("in November", SUN, "bogus") == tv("2023-11")  # type: ignore[arg-type]


def test_default_tense_is_present() -> None:
    assert resolve_date("Thursday", SUN) == resolve_date("Thursday", SUN, PRESENT) == tv("2023-06-15")


# --- without a publication date ------------------------------------------------------------------

NO_PUBLISHED = [
    ("June 18, 2023", "2023-06-18"),
    ("18 June 2023", "2023-06-18"),
    ("2023-06-18", "2023-06-18"),
    ("18/06/2023", "2023-06-18"),
    ("May 2021", "2021-05"),
    ("in May of 2021", "2021-05"),
    ("2023-06", "2023-06"),
    ("in 2019", "2019"),
    ("the third Sunday of June 2021", "2021-06-20"),
    ("June 18", None),
    ("the first Monday of May", None),
    ("Sunday", None),
    ("Sunday, June 18", None),
    ("today", None),
    ("yesterday", None),
    ("two days ago", None),
    ("in May", None),
    ("last May", None),
    ("last month", None),
    ("this week", None),
    ("over the weekend", None),
    ("last year", None),
    ("November last year", None),
    ("two years ago", None),
]


@pytest.mark.parametrize("tense", list(Tense))
@pytest.mark.parametrize(("expression", "expected"), NO_PUBLISHED)
def test_without_publication_date(expression: str, expected: str | None, tense: Tense) -> None:
    check(expression, None, tense, expected)


# --- invariants ----------------------------------------------------------------------------------

POSITIVE = [row for table in (WEEKDAYS, DAY_WORDS, MONTHS, YEARS, EXPLICIT) for row in table if row[3]]


@pytest.mark.parametrize(("expression", "published", "tense", "expected"), POSITIVE)
def test_upper_case_gives_the_same_answer(
    expression: str, published: date, tense: Tense, expected: str
) -> None:
    check(expression.upper(), published, tense, expected)


def test_module_has_no_mutable_state() -> None:
    for name, value in vars(dates).items():
        if not name.startswith("__"):
            assert not isinstance(value, (list, dict, set, bytearray)), name


def test_public_api() -> None:
    assert dates.__all__ == ["relative_phrase", "resolve_date"]


# --- properties ----------------------------------------------------------------------------------

publication_dates = st.one_of(st.none(), st.dates())
realistic_dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
tenses = st.sampled_from(list(Tense))

DATE_WORDS = (
    *WEEKDAY_NAMES, *MONTH_NAMES, "Sept.", "Feb", "may", "march", "today", "tonight", "yesterday",
    "tomorrow", "last", "this", "next", "past", "coming", "week", "weekend", "month", "year", "years",
    "ago", "days", "earlier", "later", "early", "late", "mid-", "the", "on", "in", "of", "a", "two",
    "every", "following", "day", "before", "after", "morning", "night", "first", "Friday's", "18",
    "18th", "31", "5", "2023", "1990s", "2019-20", "2023-06-18", "5/6/2023", "18/06/2023", "-", "to",
    "\u2013", "(", ")", ",", "GMT", "fiscal", "winter",
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=80), publication_dates, tenses)
def test_arbitrary_text_never_raises(expression: str, published: date | None, tense: Tense) -> None:
    result = resolve_date(expression, published, tense)
    assert result is None or isinstance(result, TemporalValue)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(DATE_WORDS), max_size=8).map(" ".join), publication_dates, tenses)
def test_date_like_word_salad_never_raises(expression: str, published: date | None, tense: Tense) -> None:
    result = resolve_date(expression, published, tense)
    assert result is None or isinstance(result, TemporalValue)
    if result is not None:
        # Values are normalised: unknown parts are 1, so equal values compare equal.
        if result.precision is not TemporalPrecision.DAY:
            assert result.value.day == 1
        if result.precision is TemporalPrecision.YEAR:
            assert result.value.month == 1


@given(st.sampled_from(WEEKDAY_NAMES), realistic_dates, tenses)
def test_weekday_lands_on_that_weekday_on_the_right_side(name: str, published: date, tense: Tense) -> None:
    result = resolve_date(f"on {name}", published, tense)
    assert result is not None and result.precision is TemporalPrecision.DAY
    assert result.value.weekday() == WEEKDAY_NAMES.index(name)
    offset = (result.value - published).days
    if tense is PAST:
        assert -6 <= offset <= 0
    elif tense is FUTURE:
        assert 0 <= offset <= 6
    else:
        assert -3 <= offset <= 3


@given(st.sampled_from(MONTH_NAMES), realistic_dates, tenses)
def test_month_lands_on_that_month_on_the_right_side(name: str, published: date, tense: Tense) -> None:
    result = resolve_date(f"in {name}", published, tense)
    assert result is not None and result.precision is TemporalPrecision.MONTH
    assert result.value.month == MONTH_NAMES.index(name) + 1
    offset = (result.value.year - published.year) * 12 + result.value.month - published.month
    if tense is PAST:
        assert -11 <= offset <= 0
    elif tense is FUTURE:
        assert 0 <= offset <= 11
    else:
        assert -6 <= offset <= 5


@given(realistic_dates, realistic_dates, tenses)
def test_day_month_without_year_is_nearest_on_the_right_side(
    target: date, published: date, tense: Tense
) -> None:
    expression = f"{MONTH_NAMES[target.month - 1]} {target.day}"
    result = resolve_date(expression, published, tense)
    assert result is not None and result.precision is TemporalPrecision.DAY
    assert (result.value.month, result.value.day) == (target.month, target.day)
    offset = (result.value - published).days
    if tense is PAST:
        assert offset <= 0
    elif tense is FUTURE:
        assert offset >= 0
    if (target.month, target.day) != (2, 29):
        assert abs(offset) <= 366


@given(realistic_dates, tenses)
def test_explicit_full_date_ignores_publication_and_tense(target: date, tense: Tense) -> None:
    expected = TemporalValue(target, TemporalPrecision.DAY)
    assert resolve_date(target.isoformat(), SUN, tense) == expected
    month = MONTH_NAMES[target.month - 1]
    assert resolve_date(f"{month} {target.day}, {target.year}", None, tense) == expected
    assert resolve_date(f"{target.day} {month} {target.year}", SUN, tense) == expected
