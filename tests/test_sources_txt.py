"""The .txt reader (kg.sources.txt): one file's bytes to one raw article, or why it is not text."""

from __future__ import annotations

from pathlib import Path

from sample_texts import CP1252_TEXT, ENGLISH, HTML_PAGE

from kg.sources.check import RawArticle
from kg.sources.reading import InputFile
from kg.sources.txt import read_txt
from kg.types import Problem

PATH = Path("corpus") / "a.txt"


def _one(data: bytes) -> RawArticle | Problem:
    (item,) = read_txt(InputFile(PATH, "a.txt", data))
    return item


def test_utf8_text_is_read_as_it_is() -> None:
    assert _one(ENGLISH.encode("utf-8")) == RawArticle("a.txt", str(PATH), ENGLISH)


def test_line_ends_become_newlines() -> None:
    raw = _one(b"Talks resume\r\n\r\nThe envoys met.\rThey left.\r\n")
    assert isinstance(raw, RawArticle) and raw.text == "Talks resume\n\nThe envoys met.\nThey left.\n"


def test_another_encoding_is_read_with_a_warning() -> None:
    raw = _one(CP1252_TEXT.encode("cp1252"))
    assert isinstance(raw, RawArticle) and raw.text == CP1252_TEXT
    (warning,) = raw.warnings
    assert (warning.code, warning.path, warning.skipped) == ("KG112", str(PATH), False)
    assert "cp1252" in warning.message and "UTF-8" in warning.message


def test_a_page_is_read_as_its_visible_text_with_a_warning() -> None:
    raw = _one(HTML_PAGE.encode("utf-8"))
    assert isinstance(raw, RawArticle) and raw.html
    assert raw.text.startswith("Talks resume in the capital\n\nOfficials from the two countries")
    assert [(w.code, w.skipped) for w in raw.warnings] == [("KG115", False)]


def test_a_page_in_another_encoding_has_both_warnings_in_order() -> None:
    page = HTML_PAGE.replace("Talks resume", "Caf\u00e9 talks resume")
    raw = _one(page.encode("cp1252"))
    assert isinstance(raw, RawArticle) and raw.text.startswith("Caf\u00e9 talks resume")
    assert [w.code for w in raw.warnings] == ["KG112", "KG115"]


def test_an_empty_file_is_an_empty_text_for_the_checks() -> None:
    assert _one(b"") == RawArticle("a.txt", str(PATH), "")


def test_binary_and_undecodable_files_are_skipped() -> None:
    binary = _one(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    undecodable = _one(bytes(range(0x80, 0x100)) * 40)
    assert isinstance(binary, Problem) and isinstance(undecodable, Problem)
    assert (binary.code, binary.path, binary.skipped) == ("KG111", str(PATH), True)
    assert (undecodable.code, undecodable.path, undecodable.skipped) == ("KG113", str(PATH), True)
