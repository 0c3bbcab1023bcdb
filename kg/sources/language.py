"""Is a text English? A light test by the share of common English words, for skipping other languages.

``kg`` reads English only; a French or Chinese article would only give noise. The test is
not a language identifier: a text mostly in a script other than Latin is not English, and
a text of Latin letters is English when at least 6% of its words are in
``english_words.tsv`` of the data folder (frequent English words that the other large European
languages do not share). English news has about a third of its words in that list, even
when it is full of names; French, German, Spanish, Italian and Dutch almost none. A text
too short to tell (fewer than 30 words) counts as English.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from kg.tables import read_table

__all__ = ["WORDS_FILE", "is_english", "read_english_words"]

WORDS_FILE = "english_words.tsv"
"""The data file of common English words (one column, ``word``)."""

_WORD = re.compile(r"[^\W\d_]+")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
_MIN_WORDS_TO_JUDGE = 30
_MIN_ENGLISH_SHARE = 0.06
_LANGUAGE_SAMPLE_WORDS = 3_000
_MIN_LETTERS_TO_JUDGE = 50
_MIN_LATIN_SHARE = 0.5


def read_english_words(folder: Path | None) -> frozenset[str]:
    """The common English words that :func:`is_english` counts, from the data folder ``folder``
    (``None``, or a folder without the file: kg's own list).

    Called once per run, by :func:`kg.knowledge.load_knowledge`.

    Returns
    -------
    frozenset of str
        Lower-case words.

    Examples
    --------
    >>> words = read_english_words(None)
    >>> "the" in words, "a" in words  # "a" is a word of Spanish, Italian and Dutch too
    (True, False)
    """
    return frozenset(row.required("word").casefold() for row in read_table(WORDS_FILE, folder, ("word",)))


def is_english(text: str, words: frozenset[str]) -> bool:
    """Whether a text reads as English, by its share of common English function words.

    A light test, not a language identifier: English prose has many of these short
    words even when it is full of names; other European languages have almost none of
    them, and a text mostly in another script is not English. Texts too short to tell
    (fewer than 30 words) count as English.

    Parameters
    ----------
    text:
        The text to test (only its first 3,000 words are read).
    words:
        The common English words, case-folded (:attr:`kg.knowledge.Knowledge.english_words`).

    Returns
    -------
    bool
        ``False`` when the text is clearly not English.

    Examples
    --------
    >>> words = read_english_words(None)
    >>> is_english("Moreau met Zhou Min in Beijing on Monday, and they said the talks were candid.", words)
    True
    >>> is_english("Der Außenminister traf am Montag in Peking seinen Amtskollegen. " * 5, words)
    False
    """
    sample = text[:50_000]
    # ASCII letters are Latin; only the other letters need a look in the Unicode tables.
    ascii_letters = len(_ASCII_LETTER.findall(sample))
    others = [char for char in _NOT_ASCII.findall(sample) if char.isalpha()]
    if ascii_letters + len(others) >= _MIN_LETTERS_TO_JUDGE:
        latin = ascii_letters + sum(1 for char in others if "LATIN" in unicodedata.name(char, ""))
        if latin < _MIN_LATIN_SHARE * (ascii_letters + len(others)):
            return False
    sampled = []
    for match in _WORD.finditer(text):
        sampled.append(match.group().casefold())
        if len(sampled) >= _LANGUAGE_SAMPLE_WORDS:
            break
    if len(sampled) < _MIN_WORDS_TO_JUDGE:
        return True
    common = sum(1 for word in sampled if word in words)
    return common >= _MIN_ENGLISH_SHARE * len(sampled)
