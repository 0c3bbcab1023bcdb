"""Resolve the date phrases of news articles to calendar dates.

``resolve_date`` turns the text of a date phrase ("early on Sunday", "in November
last year", "June 16–21", "last week") into a :class:`~kg.types.TemporalValue` as
precise as the text allows: a day, a month or a year. It returns ``None`` rather than
a guess. The rules, in the order they are tried:

1. **Explicit days** win over everything else: ISO ``2023-06-18``, numeric dates whose
   order is unambiguous (``18/06/2023``; ``5/6/2023`` is ``None``), "June 18",
   "18 June", "the 18th of June", ranges "June 16 to 21" / "16-21 June" (the start
   day), "the first Monday of May". A day-month without a year takes the year named
   in the phrase ("June 18 last year"); or the one year within a year of publication
   in which it falls on the weekday named with it ("Saturday, June 17"); or else the
   year that puts it nearest to the publication date consistent with the tense: PAST
   not after it, FUTURE not before it, PRESENT the nearest (ties go to the past).
   Impossible days ("Feb 30") are ``None``.
2. **Narrative-relative and habitual phrases** are ``None``: "the following Sunday",
   "the previous week", "every Monday", "the day before", "two days later". They are
   relative to the story, not to the publication date.
3. **Days relative to publication**: "today", "tonight", "this morning" (the
   publication day), "yesterday", "last night", "tomorrow", "the day before
   yesterday", "two days ago".
4. **Weekdays**: inside a named week ("Tuesday last week") the day of that week.
   "last Sunday" is the latest Sunday strictly before publication, "next Sunday" the
   first strictly after. Otherwise by tense: PAST the latest such weekday on or
   before publication, FUTURE the first on or after, PRESENT the nearest one (at
   most three days away, so there is never a tie).
5. **Months**: "May 2021", "May last year" use the year given. "last May" is the
   latest May strictly before the publication month, "next May" the first strictly
   after, "this May" the publication year's. Otherwise by tense: PAST the latest not
   after the publication month, FUTURE the first not before it, PRESENT the nearest
   (a month six months away either side is a tie and goes to the past, since news
   reports the past more than it announces the future). "last/this/next month" and
   "three months ago" are months too; "early", "mid-", "late", "end of" are ignored.
6. **Weeks and weekends** (Monday to Sunday): "last week", "this week", "next week",
   "earlier this week" (Monday up to the day before publication), "later this week",
   "two weeks ago", "last/this/next weekend", "over the weekend" (by tense, as for
   weekdays). These resolve to the month when every day of the span lies in one
   month, else ``None``.
7. **Years**: "2019", "in 2019", "last year", "this year", "next year", "two years
   ago".

When a phrase names both a day and a coarser period ("Tuesday in May"), the day is
kept only if the period covers it; otherwise the period is returned. Durations and
vague spans ("five years", "a two-day", "in recent months", "the coming months",
"soon"), decades ("the 1990s"), seasons ("this summer"; "the summer of 2021" keeps
its year, but winters straddle two years and are ``None``), fiscal years, weekday
abbreviations ("Tues.") and times of day alone are ``None``. Without a publication
date only phrases that carry their own year resolve.

:func:`relative_phrase` finds, in a whole text, a phrase that these rules can resolve
only with a publication date: an article that has one and no publication date loses
its dates, which deserves a warning (:mod:`kg.sources.check`).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from kg.types import TemporalValue
from kg.vocab import MONTHS, TemporalPrecision, Tense

__all__ = ["relative_phrase", "resolve_date"]

# Longer "phrases" are not date phrases; the cap also bounds the regex work per call.
_MAX_CHARS = 500

# Fixed English names: ``calendar.month_name`` and ``day_name`` follow the locale.
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Every English month name and abbreviation starts with a unique three-letter prefix.
_MONTH_PREFIXES = tuple(month[:3] for month in MONTHS)
_ORDINALS = ("first", "second", "third", "fourth", "fifth")
_NUMBER_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
)  # fmt: skip

# Month names that are also common lowercase English words ("may" meet, a "march").
_AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar"})
# Words that, written before a lowercase "may"/"march", show it is still the month.
_MONTH_CONTEXT = frozenset(
    {
        "in", "early", "mid", "late", "of", "since", "until", "till", "by", "through", "from",
        "last", "next", "this", "past", "coming", "before", "after", "during", "end", "beginning",
        "start", "middle", "between", "on",
    }
)  # fmt: skip
# "that Sunday", "a Sunday", "the Sunday before": the story's day, not the calendar's.
_WEEKDAY_BLOCKERS = frozenset({"the", "that", "a", "an", "one", "any", "some", "every", "each"})
_MONTH_BLOCKERS = _WEEKDAY_BLOCKERS - {"the"}  # "the May 2021 election" is a real month
# "over the weekend" is fine; "the last weekend" (of what?) and "that weekend" are not.
_WEEKEND_BLOCKERS = _MONTH_BLOCKERS | {"last", "next", "this", "first", "final"}
# "the last year", "that next week": spans relative to the story, or durations.
_RELATIVE_BLOCKERS = frozenset({"the", "that"})
# "about two years ago" is an estimate, not a date.
_APPROXIMATORS = frozenset(
    {
        "about", "around", "some", "nearly", "almost", "roughly", "approximately", "over", "than",
        "under", "least", "maybe", "perhaps", "circa",
    }
)  # fmt: skip

_FLAGS = re.IGNORECASE | re.ASCII

_MON = (
    r"\b(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_WD = r"\b(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
_ORD = r"(?:st|nd|rd|th)?"

_MONTH_RE = re.compile(_MON, _FLAGS)
_WEEKDAY_RE = re.compile(_WD, _FLAGS)
_MONTH_DAY_RE = re.compile(_MON + r"\s+(?:the\s+)?(?P<day>\d{1,2})" + _ORD + r"\b", _FLAGS)
_DAY_MONTH_RE = re.compile(
    r"\b(?P<day>\d{1,2})" + _ORD
    + r"(?:\s*(?:-|to|and|through|till|until)\s*\d{1,2}" + _ORD + r")?"
    + r"\s+(?:of\s+)?" + _MON,
    _FLAGS,
)  # fmt: skip
_ORDINAL_WEEKDAY_RE = re.compile(
    r"\b(?P<ord>first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last|final)\s+"
    + _WD + r"\s+(?:of|in)\s+" + _MON,
    _FLAGS,
)  # fmt: skip
_WEEK_OF_RE = re.compile(r"\bweek\s+of\s+(?:the\s+)?$", _FLAGS)
_NUMERIC3_RE = re.compile(
    r"(?<![\d/.-])(?P<a>\d{1,4})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{1,4})(?!\d|[/.-]\d)", _FLAGS
)
_NUMERIC2_RE = re.compile(r"(?<![\d/])\d{1,4}/\d{1,4}(?![\d/])", _FLAGS)
_ISO_MONTH_RE = re.compile(r"(?<![\d/.-])(?P<y>(?:18|19|20|21)\d\d)-(?P<n>\d\d)(?![\d-])", _FLAGS)
_YEAR_RE = re.compile(
    r"(?<![\d$#\u00a3\u20ac])\b(?P<y>(?:18|19|20|21)\d\d)\b(?P<s>'s\b)?"
    r"(?!\s*(?:gmt|utc|hrs?|hours|local)\b|%|,\d)",
    _FLAGS,
)
_DAY_WORD_RE = re.compile(
    r"\b(?:(?P<before2>(?:the\s+)?day\s+before\s+yesterday)|(?P<after2>(?:the\s+)?day\s+after\s+tomorrow)"
    r"|(?P<today>today|tonight|this\s+(?:morning|afternoon|evening))"
    r"|(?P<yesterday>yesterday|last\s+(?:night|evening))|(?P<tomorrow>tomorrow))\b",
    _FLAGS,
)
_AGO_RE = re.compile(
    r"\b(?P<n>\d{1,3}|an?|" + "|".join(_NUMBER_WORDS) + r")\s+(?P<unit>day|week|month|year)s?\s+ago\b",
    _FLAGS,
)
_RELATIVE_RE = re.compile(
    r"\b(?:(?P<q>earlier|later|early|late)\s+)?(?P<rel>last|this|next)\s+(?P<unit>week|weekend|month|year)\b",
    _FLAGS,
)
_WEEKEND_RE = re.compile(r"\bweekend\b", _FLAGS)
_WORD_BEFORE_RE = re.compile(r"([a-z]+)[^a-z]*$", _FLAGS)
_REJECT_RE = re.compile(
    r"\b(?:every|each|following|previous|preceding|prior|same|subsequent|ensuing|winter|fiscal|fy)\b"
    r"|\bfy\d|\bfinancial\s+year\b"
    r"|\b(?:earlier|later|before|after|afterwards?|beforehand)\W*$",
    _FLAGS,
)
_DASH_RE = re.compile("[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
_INVISIBLE_RE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")


# What may start a phrase dated from the publication date; the rules above judge it.
_RELATIVE_CUES = (_DAY_WORD_RE, _AGO_RE, _RELATIVE_RE, _WEEKDAY_RE, _MONTH_RE, _WEEKEND_RE)
# Words of context each side of a cue: enough for "the following", a day and year after it.
_CONTEXT_WORDS = 4
_CONTEXT_CHARS = 60
_CLAUSE_END_RE = re.compile(r"[.!?;:\n]")
# Any day will do to tell whether a phrase needs one; this one is no month's edge.
_SOME_DAY = date(2000, 6, 15)


class _Unresolvable(Exception):
    """A date phrase was found, but resolving it would be a guess: the answer is ``None``."""


def resolve_date(
    expression: str, published: date | None, tense: Tense = Tense.PRESENT
) -> TemporalValue | None:
    """Resolve a date phrase from a news article to a day, month or year.

    Parameters
    ----------
    expression : str
        The text of a date phrase as found in the article (a spaCy DATE or TIME entity,
        possibly with prepositions or other words around it).
    published : datetime.date or None
        The article's publication date, against which relative phrases resolve. When
        ``None``, only phrases that carry their own year resolve.
    tense : Tense, optional
        The tense of the clause the phrase belongs to. PAST picks the latest matching
        date not after ``published``, FUTURE the first not before it, PRESENT (unknown)
        the nearest one.

    Returns
    -------
    TemporalValue or None
        The date at the precision the text supports, or ``None`` when the phrase is not
        a date (a duration, a vague span, a story-relative day) or cannot be resolved
        without guessing. Never raises.

    Examples
    --------
    >>> from datetime import date
    >>> from kg.vocab import Tense
    >>> sunday = date(2023, 6, 18)
    >>> print(resolve_date("early on Sunday (June 18)", sunday, Tense.PAST))
    2023-06-18
    >>> print(resolve_date("Friday", sunday, Tense.PAST))
    2023-06-16
    >>> print(resolve_date("on Monday", sunday, Tense.FUTURE))
    2023-06-19
    >>> print(resolve_date("in November", sunday, Tense.PAST))
    2022-11
    >>> print(resolve_date("in November", sunday, Tense.FUTURE))
    2023-11
    >>> print(resolve_date("last year", sunday))
    2022
    >>> print(resolve_date("last week", sunday))
    2023-06
    >>> resolve_date("in recent years", sunday) is None
    True
    >>> resolve_date("on 5/6/2023", sunday) is None
    True
    >>> print(resolve_date("May 2021", None))
    2021-05
    """
    if not isinstance(expression, str):
        return None
    if isinstance(published, datetime):
        published = published.date()  # a datetime would leak into date arithmetic
    elif not isinstance(published, date):
        published = None
    try:
        tense = Tense(tense)
    except (ValueError, TypeError):
        tense = Tense.PRESENT
    text = _normalize(expression)
    if not text or len(text) > _MAX_CHARS:
        return None
    try:
        return _resolve(text, published, tense)
    except (_Unresolvable, ValueError, OverflowError):
        # ValueError/OverflowError: impossible days and dates past date.min/date.max.
        return None


def relative_phrase(text: str) -> str | None:
    """The first date phrase of a text that only a publication date can resolve, if any.

    Parameters
    ----------
    text : str
        A whole article.

    Returns
    -------
    str or None
        The words that start such a phrase as written ("Tuesday", "last week",
        "yesterday", "June 18"): each candidate is judged with a few words of its clause
        around it by :func:`resolve_date`, which must resolve it with a publication date
        and not without one. ``None`` when the text has none: its dates carry their
        years, or are the story's own ("the following day").

    Examples
    --------
    >>> relative_phrase("The envoys met on June 18, 2031. They met again on Tuesday.")
    'Tuesday'
    >>> print(relative_phrase("The envoys may meet in 2031, the following Sunday after the vote."))
    None
    """
    cues = sorted((m.start(), m.end()) for cue in _RELATIVE_CUES for m in cue.finditer(text))
    for start, end in cues:
        before = _words(_CLAUSE_END_RE.split(text[max(0, start - _CONTEXT_CHARS) : start])[-1])
        after = _words(_CLAUSE_END_RE.split(text[end : end + _CONTEXT_CHARS])[0])
        phrase = " ".join([*before[-_CONTEXT_WORDS:], text[start:end], *after[:_CONTEXT_WORDS]])
        if resolve_date(phrase, None) is None and resolve_date(phrase, _SOME_DAY) is not None:
            return text[start:end].rstrip(".")
    return None


def _words(text: str) -> list[str]:
    """The words of a piece of text, lone punctuation aside ("Monday , 4 May": the comma is no word)."""
    return [word for word in text.split() if any(ch.isalnum() for ch in word)]


# --- the pipeline -------------------------------------------------------------------------------


def _resolve(text: str, published: date | None, tense: Tense) -> TemporalValue | None:
    """Try the rules from the most explicit to the least; see the module docstring."""
    explicit = (
        _numeric_date(text)
        or _ordinal_weekday(text, published, tense)
        or _calendar_day(text, published, tense)
    )
    if explicit is not None:
        return explicit
    if _REJECT_RE.search(text):
        return None
    span = _span(text, published, tense)
    if span is not None:
        day_in_span = _weekday_in_span(text, span)
        if day_in_span is not None:
            return _day(day_in_span)
    day = _day_word(text, published) or _days_ago(text, published) or _weekday(text, published, tense)
    coarse = _coarse(text, published, tense, span)
    if day is None:
        return coarse
    if coarse is None or coarse.covers(day):
        return day
    # "Tuesday in 2019": the weekday logic placed it near publication, the text says otherwise.
    return coarse


def _coarse(
    text: str, published: date | None, tense: Tense, span: tuple[date, date] | None
) -> TemporalValue | None:
    """The month or year the phrase names, preferring the month when the year agrees."""
    year = _year_value(text, published)
    month = (
        _iso_month(text)
        or _named_month(text, published, tense, year)
        or (_span_month(span) if span is not None else None)
        or _relative_month(text, published)
        or _months_ago(text, published)
    )
    if month is None:
        return year
    if year is None or year.covers(month):
        return month
    return year  # an explicit year outranks a relative month that contradicts it


# --- explicit days --------------------------------------------------------------------------------


def _numeric_date(text: str) -> TemporalValue | None:
    """ISO and other all-digit dates; ambiguous day/month orders raise ``_Unresolvable``."""
    match = _NUMERIC3_RE.search(text)
    if match is not None:
        a, b, c = match["a"], match["b"], match["c"]
        if len(a) == 4 and len(c) <= 2:
            return _day(date(int(a), int(b), int(c)))
        if len(c) == 4 and len(a) <= 2:
            first, second = int(a), int(b)
            if first == second or (first > 12 and second <= 12):
                return _day(date(int(c), second, first))
            if second > 12 and first <= 12:
                return _day(date(int(c), first, second))
        raise _Unresolvable  # 5/6/2023 is May 6 or 5 June; two-digit years are worse
    if _NUMERIC2_RE.search(text):
        raise _Unresolvable  # "6/18", "24/7": not a date we can place
    return None


def _ordinal_weekday(text: str, published: date | None, tense: Tense) -> TemporalValue | None:
    """'the first Monday of May', 'the last Friday in June'."""
    match = _ORDINAL_WEEKDAY_RE.search(text)
    if match is None:
        return None
    month = _month_number(match["mon"])
    year, month = _month_year(month, "", text, published, tense)
    weekday = _WEEKDAYS.index(match["wd"].lower())
    days = [d for d in _days_of_month(year, month) if d.weekday() == weekday]
    ordinal = match["ord"].lower()
    if ordinal in ("last", "final"):
        return _day(days[-1])
    index = int(ordinal[0]) - 1 if ordinal[0].isdigit() else _ORDINALS.index(ordinal)
    if index >= len(days):
        raise _Unresolvable  # "the fifth Monday" of a month that has four
    return _day(days[index])


def _calendar_day(text: str, published: date | None, tense: Tense) -> TemporalValue | None:
    """'June 18', '18 June 2023', 'June 16 to 21' (the start), 'the week of June 12' (a span)."""
    matches = [m for m in (_MONTH_DAY_RE.search(text), _DAY_MONTH_RE.search(text)) if m is not None]
    if not matches:
        return None
    match = min(matches, key=lambda m: m.start())
    month, day_of_month = _month_number(match["mon"]), int(match["day"])
    year = _year_value(text, published)
    if year is not None:
        day = date(year.value.year, month, day_of_month)
    elif published is None:
        raise _Unresolvable
    else:
        day = _nearest_year(month, day_of_month, published, tense, _named_weekday(text))
    if _WEEK_OF_RE.search(text[: match.start()]):
        return _span_month((day, day + timedelta(days=6)))
    return _day(day)


def _nearest_year(
    month: int, day_of_month: int, published: date, tense: Tense, weekday: int | None = None
) -> date:
    """The month-day in the year that puts it nearest ``published`` consistent with ``tense``.

    A weekday named with it ("Saturday, June 17") that fits the month-day in exactly one
    year within a year of publication picks that year: the calendar is firmer evidence
    than the tense of the clause, which is only a heuristic.
    """
    # Four years either side so that "Feb 29" still finds a leap year.
    candidates = [
        d
        for year in range(published.year - 4, published.year + 5)
        if (d := _valid_date(year, month, day_of_month)) is not None
    ]
    if weekday is not None:
        fitting = [d for d in candidates if d.weekday() == weekday and abs((d - published).days) <= 366]
        if len(fitting) == 1:
            return fitting[0]
    if tense is Tense.PAST:
        candidates = [d for d in candidates if d <= published]
    elif tense is Tense.FUTURE:
        candidates = [d for d in candidates if d >= published]
    if not candidates:
        raise _Unresolvable  # "Feb 30", or no leap year on the right side
    return min(candidates, key=lambda d: (abs((d - published).days), d > published))


# --- days relative to publication ----------------------------------------------------------------


def _day_word(text: str, published: date | None) -> TemporalValue | None:
    """'today', 'tonight', 'this morning', 'yesterday', 'last night', 'tomorrow'."""
    for match in _DAY_WORD_RE.finditer(text):
        if match["yesterday"] and _word_before(text, match.start()) in _RELATIVE_BLOCKERS:
            continue  # "the last night of the summit"
        if published is None:
            raise _Unresolvable
        offsets = {"before2": -2, "yesterday": -1, "today": 0, "tomorrow": 1, "after2": 2}
        group = match.lastgroup or "today"
        return _day(published + timedelta(days=offsets[group]))
    return None


def _ago(text: str) -> tuple[str, int] | None:
    """('day', 2) for 'two days ago'; estimates ('about two years ago') raise."""
    match = _AGO_RE.search(text)
    if match is None:
        return None
    if _word_before(text, match.start()) in _APPROXIMATORS:
        raise _Unresolvable
    word = match["n"].lower()
    if word.isdigit():
        count = int(word)
    elif word in ("a", "an"):
        count = 1
    else:
        count = _NUMBER_WORDS.index(word) + 1
    return match["unit"].lower(), count


def _days_ago(text: str, published: date | None) -> TemporalValue | None:
    """'two days ago'."""
    ago = _ago(text)
    if ago is None or ago[0] != "day":
        return None
    if published is None:
        raise _Unresolvable
    return _day(published - timedelta(days=ago[1]))


def _named_weekday(text: str) -> int | None:
    """The first weekday named anywhere in the phrase (0 = Monday), whatever precedes it."""
    match = _WEEKDAY_RE.search(text)
    return None if match is None else _WEEKDAYS.index(match["wd"].lower())


def _first_weekday(text: str) -> tuple[int, str] | None:
    """The first weekday named (0 = Monday) and the word before it."""
    match = _WEEKDAY_RE.search(text)
    if match is None:
        return None
    before = _word_before(text, match.start())
    if before in _WEEKDAY_BLOCKERS:
        raise _Unresolvable  # "the Sunday before", "every Monday", "that Friday"
    return _WEEKDAYS.index(match["wd"].lower()), before


def _weekday(text: str, published: date | None, tense: Tense) -> TemporalValue | None:
    """A weekday placed by its modifier ('last', 'next') or by the tense of its clause."""
    found = _first_weekday(text)
    if found is None:
        return None
    if published is None:
        raise _Unresolvable
    weekday, before = found
    back = (published.weekday() - weekday) % 7
    forward = (weekday - published.weekday()) % 7
    if before in ("last", "past"):
        return _day(published - timedelta(days=back or 7))
    if before in ("next", "coming"):
        return _day(published + timedelta(days=forward or 7))
    if tense is Tense.PAST or (tense is Tense.PRESENT and back <= forward):
        return _day(published - timedelta(days=back))
    return _day(published + timedelta(days=forward))


def _weekday_in_span(text: str, span: tuple[date, date]) -> date | None:
    """'Tuesday last week': the named weekday inside the span, which must contain it."""
    found = _first_weekday(text)
    if found is None:
        return None
    start, end = span
    for offset in range((end - start).days + 1):
        day = start + timedelta(days=offset)
        if day.weekday() == found[0]:
            return day
    raise _Unresolvable  # "Saturday earlier this week" published on a Wednesday


# --- weeks and weekends --------------------------------------------------------------------------


def _relative(text: str, units: tuple[str, ...]) -> tuple[str, str, str] | None:
    """The first 'last/this/next UNIT' (with 'earlier'/'later') not made story-relative by 'the'."""
    for match in _RELATIVE_RE.finditer(text):
        if match["unit"].lower() not in units:
            continue
        if _word_before(text, match.start()) in _RELATIVE_BLOCKERS:
            continue  # "over the next week", "the last year": durations, not dates
        return (match["q"] or "").lower(), match["rel"].lower(), match["unit"].lower()
    return None


def _span(text: str, published: date | None, tense: Tense) -> tuple[date, date] | None:
    """The days of the week or weekend the phrase names, inclusive."""
    relative = _relative(text, ("week", "weekend"))
    ago = _ago(text)
    weeks_ago = ago is not None and ago[0] == "week"
    weekend = _WEEKEND_RE.search(text)
    if relative is None and not weeks_ago and weekend is None:
        return None
    if published is None:
        raise _Unresolvable
    monday = published - timedelta(days=published.weekday())
    if relative is not None:
        qualifier, rel, unit = relative
        shift = {"last": -7, "this": 0, "next": 7}[rel]
        if unit == "weekend":
            saturday = monday + timedelta(days=5 + shift)
            return saturday, saturday + timedelta(days=1)
        if rel == "this" and qualifier == "earlier":
            if published == monday:
                raise _Unresolvable  # nothing of this week lies before a Monday
            return monday, published - timedelta(days=1)
        if rel == "this" and qualifier == "later":
            if published.weekday() == 6:
                raise _Unresolvable  # nothing of this week lies after a Sunday
            return published + timedelta(days=1), monday + timedelta(days=6)
        start = monday + timedelta(days=shift)
        return start, start + timedelta(days=6)
    if weeks_ago and ago is not None:
        day = published - timedelta(days=7 * ago[1])
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=6)
    before = _word_before(text, weekend.start()) if weekend is not None else ""
    if before in _WEEKEND_BLOCKERS:
        # "that weekend", "a weekend"; "the last weekend", "the first weekend" without a month.
        raise _Unresolvable
    if before == "past":
        tense = Tense.PAST
    elif before == "coming":
        tense = Tense.FUTURE
    return _nearest_weekend(published, tense)


def _nearest_weekend(published: date, tense: Tense) -> tuple[date, date]:
    """The weekend a bare 'weekend' means, by tense, as for weekdays."""
    last_saturday = published - timedelta(days=(published.weekday() - 5) % 7)
    if published.weekday() >= 5:  # written during the weekend: that weekend
        return last_saturday, last_saturday + timedelta(days=1)
    next_saturday = last_saturday + timedelta(days=7)
    back = (published - (last_saturday + timedelta(days=1))).days
    forward = (next_saturday - published).days
    if tense is Tense.PAST or (tense is Tense.PRESENT and back <= forward):
        return last_saturday, last_saturday + timedelta(days=1)
    return next_saturday, next_saturday + timedelta(days=1)


def _span_month(span: tuple[date, date]) -> TemporalValue:
    """The month of a span that lies in one month; a span across two raises."""
    start, end = span
    if (start.year, start.month) != (end.year, end.month):
        raise _Unresolvable
    return _month(start.year, start.month)


# --- months --------------------------------------------------------------------------------------


def _iso_month(text: str) -> TemporalValue | None:
    """'2023-06'; '2019-20' is a span of years and is left to the year rule."""
    match = _ISO_MONTH_RE.search(text)
    if match is None:
        return None
    year, number = int(match["y"]), int(match["n"])
    if 1 <= number <= 12 and number != (year + 1) % 100:
        return _month(year, number)
    return None


def _named_month(
    text: str, published: date | None, tense: Tense, year: TemporalValue | None
) -> TemporalValue | None:
    """'May', 'Sept.', 'last November', 'November last year', 'mid-June'."""
    for match in _MONTH_RE.finditer(text):
        if not _is_month(text, match):
            continue
        before = _word_before(text, match.start())
        if before in _MONTH_BLOCKERS:
            raise _Unresolvable  # "every May", "that March"
        month = _month_number(match["mon"])
        if year is not None:
            return _month(year.value.year, month)
        return _month(*_month_year(month, before, text, published, tense))
    return None


def _month_year(month: int, before: str, text: str, published: date | None, tense: Tense) -> tuple[int, int]:
    """The (year, month) a month name means, from a year in the text, a modifier or the tense."""
    year = _year_value(text, published)
    if year is not None:
        return year.value.year, month
    if published is None:
        raise _Unresolvable
    here = published.year * 12 + published.month - 1
    back = (published.month - month) % 12
    forward = (month - published.month) % 12
    if before in ("last", "past"):
        index = here - (back or 12)
    elif before in ("next", "coming"):
        index = here + (forward or 12)
    elif before == "this":
        index = published.year * 12 + month - 1
    elif tense is Tense.PAST or (tense is Tense.PRESENT and back <= forward):
        index = here - back
    else:
        index = here + forward
    return index // 12, index % 12 + 1


def _relative_month(text: str, published: date | None) -> TemporalValue | None:
    """'last month', 'earlier this month', 'next month'."""
    relative = _relative(text, ("month",))
    if relative is None:
        return None
    if published is None:
        raise _Unresolvable
    return _shift_month(published, {"last": -1, "this": 0, "next": 1}[relative[1]])


def _months_ago(text: str, published: date | None) -> TemporalValue | None:
    """'three months ago'."""
    ago = _ago(text)
    if ago is None or ago[0] != "month":
        return None
    if published is None:
        raise _Unresolvable
    return _shift_month(published, -ago[1])


def _shift_month(published: date, months: int) -> TemporalValue:
    index = published.year * 12 + published.month - 1 + months
    return _month(index // 12, index % 12 + 1)


# --- years ---------------------------------------------------------------------------------------


def _year_value(text: str, published: date | None) -> TemporalValue | None:
    """The year the phrase names: '2019', 'last year', 'two years ago'."""
    for match in _YEAR_RE.finditer(text):
        year = int(match["y"])
        if match["s"] and year % 10 == 0:
            continue  # "the 1990's" is a decade; "2019's budget" is a year
        return _year(year)
    relative = _relative(text, ("year",))
    if relative is not None:
        if published is None:
            raise _Unresolvable
        return _year(published.year + {"last": -1, "this": 0, "next": 1}[relative[1]])
    ago = _ago(text)
    if ago is not None and ago[0] == "year":
        if published is None:
            raise _Unresolvable
        return _year(published.year - ago[1])
    return None


# --- small helpers -------------------------------------------------------------------------------


def _normalize(expression: str) -> str:
    """One space between words, ASCII hyphens and apostrophes, no invisible characters."""
    text = _INVISIBLE_RE.sub("", expression)
    text = _DASH_RE.sub("-", text).replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(text.split())


def _word_before(text: str, index: int) -> str:
    """The last word before ``index``, lowercased ('' at the start)."""
    match = _WORD_BEFORE_RE.search(text, max(0, index - 40), index)
    return match.group(1).lower() if match else ""


def _is_month(text: str, match: re.Match[str]) -> bool:
    """False for the verb 'may' and the noun 'march' (lowercase, with nothing date-like nearby)."""
    token = match["mon"]
    if token.lower() not in _AMBIGUOUS_MONTHS or not token.islower():
        return True
    after = text[match.end() :].lstrip(" ,")
    return after[:1].isdigit() or _word_before(text, match.start()) in _MONTH_CONTEXT


def _month_number(name: str) -> int:
    return _MONTH_PREFIXES.index(name[:3].lower()) + 1


def _days_of_month(year: int, month: int) -> list[date]:
    first = date(year, month, 1)
    return [first + timedelta(days=i) for i in range(31) if (first + timedelta(days=i)).month == month]


def _valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _day(value: date) -> TemporalValue:
    return TemporalValue(value, TemporalPrecision.DAY)


def _month(year: int, month: int) -> TemporalValue:
    return TemporalValue(date(year, month, 1), TemporalPrecision.MONTH)


def _year(year: int) -> TemporalValue:
    return TemporalValue(date(year, 1, 1), TemporalPrecision.YEAR)
