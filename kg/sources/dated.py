"""An article's own date line: its publication date when ``metadata.csv`` and the file give none.

News pages print the day they were published near the top: a line of its own ("June 7,
2022", "11 August 2021"), a byline's tail ("Posted by a desk | March 9, 2010"), or a wire
dateline opening the first paragraph ("WASHINGTON, March 12, 2023 (Agency) -"). The date
is read only from the head of the article, and only from a short line or such a dateline,
so a date the story itself tells ("On January 12, 2010, the quake struck...") is not taken
for the day it was written. No date rather than a guess: a date without a year gives none.

Month names are English whatever the locale (:data:`kg.vocab.MONTHS`).
:func:`published_date` reads the date a page's meta tags or a record's field give
(``2023-06-18T09:30:00Z``, ``June 18, 2023``) with the same patterns.
"""

from __future__ import annotations

import datetime as dt
import re

from kg.vocab import MONTHS

__all__ = ["HEAD_LINES", "MAX_LABEL_WORDS", "SHORT_LINE", "date_line", "published_date"]

HEAD_LINES = 12
"""How many non-empty lines from the top may be the article's head (a page's furniture included)."""

SHORT_LINE = 100
"""A head line this long or shorter may carry the date among other furniture."""

MAX_LABEL_WORDS = 3
"""Words a date may stand with in its piece of a head line ("Last updated on"); more is prose."""

# A timestamp's day as written, whatever its time and zone: the day the page itself gives.
_ISO_DAY = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:$|[T ])")
_SEPARATORS = re.compile(r"\||\s[•·—–-]\s")
_WIRE = re.compile(r"^[A-Z][A-Z .'-]+,")


_MONTH = "(?P<month>" + "|".join([m.title() for m in MONTHS] + [m[:3].title() + r"\.?" for m in MONTHS]
                                 + [r"Sept\.?"]) + ")"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),  # March 9, 2010
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b"),  # 9 March 2010
    re.compile(r"\b(?P<year>(?:19|20)\d\d)[-/](?P<month>[01]?\d)[-/](?P<day>[0-3]?\d)\b"),  # 2010-03-09
)
def _month_number(name: str) -> int:
    return [month[:3] for month in MONTHS].index(name.casefold()[:3]) + 1


def _date_in(line: str) -> dt.date | None:
    """The first whole date (day, month and year) written in ``line``."""
    found: list[tuple[int, dt.date]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(line):
            month = match["month"]
            number = int(month) if month.isdigit() else _month_number(month)
            try:
                found.append((match.start(), dt.date(int(match["year"]), number, int(match["day"]))))
            except ValueError:
                continue
    return min(found)[1] if found else None


def date_line(text: str) -> dt.date | None:
    """The publication date an article prints at its head, if it prints one.

    Parameters
    ----------
    text:
        The article as read.

    Returns
    -------
    datetime.date or None
        The date of a wire dateline opening the story's first line ("CITY, May 4, 2031
        -"); else the last whole date standing alone (or with a short label) in a piece of
        a short line above the story, among the first :data:`HEAD_LINES` lines, pieces
        split at "|", "·" or a dash; ``None`` otherwise.

    Examples
    --------
    >>> date_line("Ministers meet\\nPosted by the desk | March 9, 2010\\nThe ministers met today.")
    datetime.date(2010, 3, 9)
    >>> date_line("LIMA, 4 May 2031 (Wire) - The ministers met today in the capital city.")
    datetime.date(2031, 5, 4)
    >>> print(date_line("Ministers meet\\nOn March 9, 2010, the ministers met and talked for hours."))
    None
    """
    found: dt.date | None = None
    for line in [line.strip() for line in text.splitlines() if line.strip()][:HEAD_LINES]:
        if len(line) > SHORT_LINE:
            # The story starts: a dateline opening it ("CITY, May 4, 2031 -") is the last word.
            return (_date_in(line[:40]) if _WIRE.match(line) else None) or found
        # Of several dates above the story (a site's banner, then the article's), the nearest.
        found = next(filter(None, map(_date_alone, _SEPARATORS.split(line))), None) or found
    return found


def published_date(value: str) -> dt.date | None:
    """The publication date a page's meta tag or a record's field gives, if it is one.

    Parameters
    ----------
    value:
        The value as written: an ISO date or timestamp, or a whole date in words.

    Returns
    -------
    datetime.date or None
        The day as written (a timestamp's zone is not applied: the page's own day);
        ``None`` for anything that is not a whole date.

    Examples
    --------
    >>> published_date("2031-05-04T23:30:00-05:00"), published_date("4 May 2031")
    (datetime.date(2031, 5, 4), datetime.date(2031, 5, 4))
    >>> print(published_date("May 2031"), published_date("2031-02-30"))
    None None
    """
    value = value.strip()
    iso = _ISO_DAY.match(value)
    if iso is None:
        return _date_in(value) if len(value) <= SHORT_LINE else None
    try:
        return dt.date(int(iso["year"]), int(iso["month"]), int(iso["day"]))
    except ValueError:
        return None


def _date_alone(segment: str) -> dt.date | None:
    """The date a piece of a head line is, with at most a label beside it ("Updated:")."""
    found = _date_in(segment)
    if found is None:
        return None
    rest = segment
    for pattern in _PATTERNS:
        rest = pattern.sub(" ", rest)
    return found if len(re.findall(r"[A-Za-z]+", rest)) <= MAX_LABEL_WORDS else None
