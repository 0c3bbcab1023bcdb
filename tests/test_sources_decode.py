"""Bytes to text (kg.sources.decode): byte-order marks, binary files, stray bytes, code pages."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.sources.decode import NotText, Text, decode, normalise_line_ends

SENTENCE = "The delegates met at the caf\u00e9 by the harbour and talked until late in the evening.\n"
PRINTABLE = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=200)
# Text whose UTF-16 has a NUL high byte in every character.
LATIN_1 = st.text(
    st.characters(min_codepoint=0x20, max_codepoint=0xFF, blacklist_categories=("Cc",)), min_size=1
)


@given(PRINTABLE)
def test_utf8_reads_back_unchanged(text: str) -> None:
    assert decode(text.encode("utf-8")) == Text(text.removeprefix("\ufeff"))


@given(PRINTABLE, st.sampled_from(["utf-16", "utf-32"]))
def test_a_unicode_byte_order_mark_names_the_encoding(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)) == Text(text, encoding)


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ],
)
def test_big_endian_and_utf32_marks(bom: bytes, codec: str) -> None:
    assert decode(bom + SENTENCE.encode(codec)) == Text(SENTENCE, codec[:6])


def test_utf8_byte_order_mark_is_dropped() -> None:
    assert decode(codecs.BOM_UTF8 + SENTENCE.encode("utf-8")) == Text(SENTENCE)


def test_a_mark_the_bytes_do_not_follow_is_not_text() -> None:
    # A UTF-16 mark, then an odd number of bytes: no UTF-16 text ends there.
    assert decode(codecs.BOM_UTF16_LE + SENTENCE.encode("utf-16-le") + b"x") is NotText.UNDECODABLE


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_mark_is_text(codec: str) -> None:
    text = SENTENCE + "They spoke of \u201cZ\u00fcrich\u201d and of the \u20ac100 fee.\n"
    assert decode(text.encode(codec)) == Text(text, f"{codec} without a byte-order mark")


@given(LATIN_1)
def test_latin_text_in_utf16_without_a_mark_reads_back(text: str) -> None:
    assert decode(text.encode("utf-16-le")) == Text(text, "utf-16-le without a byte-order mark")


def test_nuls_in_the_place_of_utf16_that_do_not_read_as_text_are_binary() -> None:
    # Every other byte NUL, but the characters they make are control characters.
    assert decode(b"\x01\x00\x02\x00" * 200) is NotText.BINARY
    # Nearly all NUL, on both sides: not the pattern of UTF-16.
    assert decode(bytes(1_000)) is NotText.BINARY
    # An odd number of bytes is not UTF-16.
    assert decode(SENTENCE.encode("utf-16-le") + b"x") is NotText.BINARY


def test_nul_bytes_are_binary() -> None:
    assert decode(SENTENCE.encode("utf-8") + b"\x00" + SENTENCE.encode("utf-8")) is NotText.BINARY


def test_many_control_bytes_are_binary_but_whitespace_controls_are_not() -> None:
    words = SENTENCE.encode("utf-8")  # 87 bytes
    assert decode(words + b"\x01" * 6) is NotText.BINARY  # over 5% control bytes
    assert decode(words + b"\x01" * 4) == Text(SENTENCE + "\x01" * 4)  # under 5%
    # Tabs, form feeds, vertical tabs and the DOS end-of-file mark are text.
    assert decode(words + b"\t\x0b\x0c\x1a" * 20) == Text(SENTENCE + "\t\x0b\x0c\x1a" * 20)


def test_stray_windows_bytes_in_utf8_are_read_as_cp1252() -> None:
    # Three stray bytes in some 200 characters: under 2%.
    decoded = decode((SENTENCE * 2).encode("utf-8") + b"It was \x96 he said \x93late\x94.\n")
    assert decoded == Text(
        SENTENCE * 2 + "It was \u2013 he said \u201clate\u201d.\n", "UTF-8 with 3 stray bytes read as cp1252"
    )


def test_one_stray_byte_is_named_in_the_singular() -> None:
    decoded = decode(SENTENCE.encode("utf-8") + b"\x85\n")
    assert isinstance(decoded, Text) and decoded.encoding == "UTF-8 with 1 stray byte read as cp1252"


def test_stray_bytes_without_multibyte_utf8_are_a_code_page() -> None:
    # No valid multi-byte UTF-8 at all: the whole file is in a code page, not UTF-8 with strays.
    ascii_only = SENTENCE.replace("\u00e9", "e")
    decoded = decode(ascii_only.encode("ascii") + b"He said \x93late\x94.\n")
    assert decoded == Text(ascii_only + "He said \u201clate\u201d.\n", "cp1252")


def test_too_many_stray_bytes_make_the_whole_file_a_code_page() -> None:
    # More than 2% stray bytes: not UTF-8 with a few slips, so the whole file is guessed.
    data = SENTENCE.encode("utf-8") + b"\x93\x94" * 5
    assert decode(data) == Text(data.decode("cp1252"), "cp1252")


def test_windows_1252_is_preferred_to_its_look_alikes() -> None:
    text = "\u201cWe will meet again,\u201d the minister said at the caf\u00e9 on Monday.\n" * 3
    assert decode(text.encode("cp1252")) == Text(text, "cp1252")


def test_bytes_no_code_page_reads_are_not_text() -> None:
    # Every high byte, C1 controls included: any 8-bit reading of it is mostly garbage.
    assert decode(bytes(range(0x80, 0x100)) * 40) is NotText.UNDECODABLE


def test_empty_bytes_are_empty_text() -> None:
    assert decode(b"") == Text("")


def test_line_ends() -> None:
    assert normalise_line_ends("a\r\nb\rc\nd\r\n\r\n") == "a\nb\nc\nd\n\n"
    assert normalise_line_ends("no line end") == "no line end"
