"""Is a text English? Its common English words weighed against those of other languages.

``kg`` reads English only; a French or Chinese article would only give noise. The test is
not a language identifier, but it must keep the shortest English news, such as a
one-sentence wire brief naming five leaders, and drop texts in other languages. The
rules, in order:

1. A text mostly in a script other than Latin (at least 50 letters, under half of them
   Latin) is not English.
2. A text of fewer than 30 words is too short to tell: it counts as English.
3. Only the first 3,000 words are read. At least 6% of them must be common English words
   (``english_words.tsv`` of the data folder, mostly function words: "the", "of", "in", "said").
   English news has about a third of its words there; a roster of names still a tenth.
4. For each other language written in Latin letters (``foreign_words.tsv`` of the data folder, about
   forty lists of common words), the text's English words that the language does not
   share must outnumber the text's words of that language that English does not share.
   A word both lists hold ("in", "also") says nothing either way. A word of the other
   language counts only when it is written in lower case and not right before a
   capitalised word: in English news those words are names ("Dan", "Long") or name
   particles ("van Acker", "de Souza", "bin Nasser", "al-Khatib").

French, German or Spanish text has many words of its own list and few English words it
does not share; English news the other way round, however many names it holds. The
decision is the same for every text: there is no rule for a kind of sentence.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from kg.tables import read_table

__all__ = ["FOREIGN_WORDS_FILE", "WORDS_FILE", "LanguageWords", "is_english", "read_language_words"]

WORDS_FILE = "english_words.tsv"
"""The data file of common English words (one column, ``word``)."""

FOREIGN_WORDS_FILE = "foreign_words.tsv"
"""The data file of common words of other languages (columns ``language``, ``word``)."""

_WORD = re.compile(r"[^\W\d_]+")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
_MIN_WORDS_TO_JUDGE = 30
_MIN_ENGLISH_SHARE = 0.06
_LANGUAGE_SAMPLE_WORDS = 3_000
_MIN_LETTERS_TO_JUDGE = 50
_MIN_LATIN_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class LanguageWords:
    """The words :func:`is_english` counts.

    Parameters
    ----------
    english:
        Common English words, lower case.
    foreign:
        For each other language (by its ISO 639 code), its common words, lower case;
        words it shares with ``english`` included.

    Attributes
    ----------
    languages:
        Each word of ``foreign`` -> the languages that hold it, made from ``foreign``, so
        that each word of a text is looked up once, not once per language.
    """

    english: frozenset[str]
    foreign: Mapping[str, frozenset[str]]
    languages: Mapping[str, frozenset[str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        languages: dict[str, set[str]] = {}
        for language, words in self.foreign.items():
            for word in words:
                languages.setdefault(word, set()).add(language)
        index = MappingProxyType({word: frozenset(codes) for word, codes in languages.items()})
        object.__setattr__(self, "languages", index)


def read_language_words(folder: Path | None) -> LanguageWords:
    """The words that :func:`is_english` counts, from the data folder ``folder``
    (``None``, or a folder without a file: kg's own list).

    Called once per run, by :func:`kg.knowledge.load_knowledge`.

    Returns
    -------
    LanguageWords
        The English words and the words of each other language.

    Examples
    --------
    >>> words = read_language_words(None)
    >>> "the" in words.english, "les" in words.foreign["fr"], "a" in words.foreign["es"]
    (True, True, False)
    """
    english = frozenset(row.required("word").casefold() for row in read_table(WORDS_FILE, folder, ("word",)))
    foreign: dict[str, set[str]] = {}
    for row in read_table(FOREIGN_WORDS_FILE, folder, ("language", "word")):
        foreign.setdefault(row.required("language"), set()).add(row.required("word"))
    return LanguageWords(
        english, MappingProxyType({language: frozenset(words) for language, words in foreign.items()})
    )


def is_english(text: str, words: LanguageWords) -> bool:
    """Whether a text reads as English, by the rules of the module docstring.

    Parameters
    ----------
    text:
        The text to test (only its first 3,000 words are read).
    words:
        The words counted (:attr:`kg.knowledge.Knowledge.language`).

    Returns
    -------
    bool
        ``False`` when the text is clearly not English.

    Examples
    --------
    >>> words = read_language_words(None)
    >>> is_english("Moreau met Zhou Min in Beijing on Monday, and they said the talks were candid.", words)
    True
    >>> is_english(
    ...     "Prime Minister Ilse van Acker met President Rui da Costa Lobo, Chancellor Dieter von Brandis, "
    ...     "Premier Hamid bin Rashid al-Nouri and Governor Dan Long in Lisbon on Tuesday for trade talks.",
    ...     words,
    ... )
    True
    >>> german = "Der Außenminister traf am Montag in Peking seinen Amtskollegen und sprach mit ihm. "
    >>> is_english(german * 3, words)
    False
    """
    if _mostly_another_script(text[:50_000]):
        return False
    tokens = []
    for match in _WORD.finditer(text):
        tokens.append(match.group())
        if len(tokens) >= _LANGUAGE_SAMPLE_WORDS:
            break
    if len(tokens) < _MIN_WORDS_TO_JUDGE:
        return True
    counts = Counter(map(str.casefold, tokens))
    english = {word: counts[word] for word in counts.keys() & words.english}
    if sum(english.values()) < _MIN_ENGLISH_SHARE * len(tokens):
        return False
    # Words of other languages that English lacks, as function words are written in running text.
    running = Counter(
        token.casefold()
        for token, after in zip(tokens, [*tokens[1:], ""], strict=True)
        if token.islower() and not after[:1].isupper()
    )
    foreign = {word: running[word] for word in running.keys() - words.english}
    # Against each language: the English words it does not share, less its own words.
    balance = dict.fromkeys(words.foreign, sum(english.values()))
    for word, count in itertools.chain(english.items(), foreign.items()):
        for language in words.languages.get(word, ()):
            balance[language] -= count
    return all(margin > 0 for margin in balance.values())


def _mostly_another_script(sample: str) -> bool:
    # ASCII letters are Latin; only the other letters need a look in the Unicode tables.
    ascii_letters = len(_ASCII_LETTER.findall(sample))
    others = [char for char in _NOT_ASCII.findall(sample) if char.isalpha()]
    if ascii_letters + len(others) < _MIN_LETTERS_TO_JUDGE:
        return False
    latin = ascii_letters + sum(1 for char in others if "LATIN" in unicodedata.name(char, ""))
    return latin < _MIN_LATIN_SHARE * (ascii_letters + len(others))
