"""The language test (kg.sources.language): English read, short and full of names too; others skipped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sample_texts import ENGLISH, FRENCH, GERMAN, OTHER_LANGUAGE_BRIEFS, WIRE_BRIEFS

from kg.sources.language import (
    FOREIGN_WORDS_FILE,
    WORDS_FILE,
    LanguageWords,
    is_english,
    read_language_words,
)
from kg.tables import read_table

ROOT = Path(__file__).resolve().parent.parent
# The shared dev corpus sits beside the main checkout (/work/shared), or two levels up from a worktree.
DEV_CORPUS = next(
    (
        path
        for path in (ROOT.parent / "shared/corpora/dev", ROOT.parent.parent / "shared/corpora/dev")
        if path.is_dir()
    ),
    ROOT.parent / "shared/corpora/dev",
)

WORDS = read_language_words(None)

# Words outside the list, none of them English function words.
FILLER = "Velmor Quastin Dravik Ostrel Panvey Tillor Marnak Sovrel Zentik Harlow"
# The same words in lower case, 30 of them: a word of another language right before them still counts.
PADDING = " " + " ".join([FILLER.lower()] * 3)


def _text(common: int, total: int) -> str:
    """``total`` words, of which the first ``common`` are in the English list."""
    fillers = FILLER.split()
    return " ".join(["the"] * common + [fillers[i % len(fillers)] for i in range(total - common)])


@pytest.mark.parametrize(
    "text",
    [
        "Blinken met Wang Yi in Beijing on Monday.",
        "Xi Jinping received the visitor at the Great Hall of the People for thirty-five minutes, "
        "according to Chinese state media CCTV and Xinhua, and US officials.",
        "Attending: Antony Blinken, Qin Gang, Wang Yi, Xi Jinping, Jake Sullivan, Kurt Campbell, Daniel "
        "Kritenbrink, Nicholas Burns, Gina Raimondo, Janet Yellen, Lloyd Austin, Li Shangfu, Wang Wenbin, "
        "Mao Ning. Blinken met Qin at the Diaoyutai State Guesthouse in Beijing on Sunday. Sullivan, "
        "Campbell and Kritenbrink joined Blinken, Qin and Wang Yi for dinner.",
        ENGLISH,
        *WIRE_BRIEFS,
    ],
)
def test_is_english_on_short_and_name_heavy_english(text: str) -> None:
    assert is_english(text, WORDS)


@pytest.mark.parametrize(
    "text",
    [
        FRENCH,
        GERMAN,
        "El secretario de Estado lleg\u00f3 el domingo a Pek\u00edn para una visita destinada a reducir las "
        "tensiones entre las dos potencias. Se reunir\u00e1 con su hom\u00f3logo chino y posiblemente con "
        "el presidente. Las relaciones est\u00e1n en su peor momento en a\u00f1os.",
        "\u7f8e\u56fd\u56fd\u52a1\u537f\u5e03\u6797\u80af\u5468\u65e5\u62b5\u8fbe\u5317\u4eac" * 10,
        *OTHER_LANGUAGE_BRIEFS,
    ],
)
def test_is_english_rejects_other_languages(text: str) -> None:
    assert not is_english(text, WORDS)


def test_six_in_a_hundred_common_words_make_english() -> None:
    assert is_english(_text(6, 100), WORDS)
    assert not is_english(_text(5, 100), WORDS)


def test_too_short_to_tell_counts_as_english() -> None:
    assert is_english(_text(0, 29), WORDS)
    assert not is_english(_text(0, 30), WORDS)


def test_only_the_first_3000_words_are_read() -> None:
    assert not is_english(_text(0, 3_000) + " " + ENGLISH * 40, WORDS)
    assert is_english(ENGLISH * 40 + " " + _text(0, 3_000), WORDS)


def test_a_text_mostly_in_another_script_is_not_english() -> None:
    # Enough English words to pass the word test, but more Cyrillic letters than Latin ones.
    text = "the talks and the " + "\u043f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u044b " * 8
    assert not is_english(text, WORDS)
    assert is_english("the talks and the " + "\u043f\u0435\u0440\u0435\u0433 " * 2, WORDS)  # under 50 letters


def _words(english: str, **foreign: str) -> LanguageWords:
    return LanguageWords(
        frozenset(english.split()), {code: frozenset(w.split()) for code, w in foreign.items()}
    )


def test_the_words_given_are_the_ones_counted() -> None:
    assert is_english(_text(0, 100), _words("velmor"))  # one word in ten
    assert not is_english(ENGLISH * 3, _words("velmor"))
    # "the" alone against a made-up language holding the text's other common words.
    assert not is_english(ENGLISH * 3, _words("the", xx="talks met for in of and a"))


def test_english_words_must_outnumber_each_other_languages_words() -> None:
    words = _words("the of", xx="und ist", yy="les")
    english, theirs = "the of the the", "und ist und"
    assert is_english(f"{english} {theirs}{PADDING}", words)  # 4 against 3
    assert not is_english(f"{english} {theirs} ist{PADDING}", words)  # 4 against 4
    assert not is_english(f"{english} les les les les{PADDING}", words)  # any one language


def test_a_word_both_languages_hold_counts_for_neither() -> None:
    words = _words("the in", xx="in und")
    assert not is_english(f"the in in in in und und{PADDING}", words)  # 1 against 2
    assert is_english(f"the the the in in in in und und{PADDING}", words)  # 3 against 2


def test_other_languages_words_count_in_lower_case_and_not_before_a_name() -> None:
    words = _words("the", xx="van de dan")
    names = "Tomas van Acker, Ana de Souza, Dan Hartono, Rui de Sa: the the the the"
    assert is_english(names + PADDING, words)
    assert not is_english(f"{names} van de dan de{PADDING}", words)


def test_word_lists_hold_single_lower_case_words_once_each() -> None:
    rows = [row.text("word") for row in read_table(WORDS_FILE, None, ("word",))]
    assert len(rows) == len(set(rows)) == len(WORDS.english)
    pairs = [
        (row.text("language"), row.text("word"))
        for row in read_table(FOREIGN_WORDS_FILE, None, ("language", "word"))
    ]
    assert len(pairs) == len(set(pairs)) == sum(len(w) for w in WORDS.foreign.values())
    for word in [*rows, *(word for _, word in pairs)]:
        assert re.fullmatch(r"[^\W\d_]+", word) and word == word.casefold(), word


def test_foreign_words_are_of_latin_languages_and_longer_than_one_letter() -> None:
    foreign = WORDS.foreign
    assert {"fr", "de", "es", "it", "nl", "pt"} <= set(foreign) and "en" not in foreign
    assert all(len(word) > 1 for words in foreign.values() for word in words)


@pytest.mark.parametrize(
    "folder", [ROOT / "seeds", ROOT / "tests/corpora/unseen", DEV_CORPUS], ids=lambda p: p.name
)
def test_every_article_of_the_corpora_is_english(folder: Path) -> None:
    if not folder.is_dir():
        pytest.skip(f"the shared dev corpus is not at {folder}")
    articles = sorted(folder.glob("*.txt"))
    assert articles
    assert [path.name for path in articles if not is_english(path.read_text(encoding="utf-8"), WORDS)] == []
