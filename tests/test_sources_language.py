"""The language test (kg.sources.language): English read, other languages and scripts skipped."""

from __future__ import annotations

import re

import pytest
from sample_texts import ENGLISH, FRENCH, GERMAN

from kg.sources.language import WORDS_FILE, is_english, read_english_words
from kg.tables import read_table

WORDS = read_english_words(None)

# Words outside the list, none of them English function words.
FILLER = "Velmor Quastin Dravik Ostrel Panvey Tillor Marnak Sovrel Zentik Harlow"


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


def test_the_words_given_are_the_ones_counted() -> None:
    assert is_english(_text(0, 100), frozenset({"velmor"}))  # one word in ten
    assert not is_english(ENGLISH * 3, frozenset({"velmor"}))


def test_word_list_holds_single_lower_case_words_once_each() -> None:
    rows = [row.text("word") for row in read_table(WORDS_FILE, None, ("word",))]
    assert len(rows) == len(set(rows)) == len(WORDS)
    assert all(re.fullmatch(r"[^\W\d_]+", word) and word == word.casefold() for word in rows)


@pytest.mark.parametrize("word", ["a", "in", "an", "is", "was", "will", "also", "so", "on"])
def test_words_other_languages_share_are_left_out(word: str) -> None:
    assert word not in WORDS
