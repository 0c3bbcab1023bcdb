"""Bytes to text: how a scraped file's bytes are read, whatever encoding it was saved in.

The rules, in the order they are tried:

1. A UTF-32 or UTF-16 byte-order mark names the encoding; bytes that do not decode
   under it are not text.
2. UTF-16 without a mark shows in its NUL bytes: text in Latin letters has a NUL as
   the high byte of nearly every character, so in the first 64 KiB at least 70% of the
   odd bytes are NUL and at most 5% of the even ones (little-endian), or the other way
   round (big-endian). Such bytes are read as UTF-16 in that order when they decode
   and leave at most 2% control or replacement characters.
3. NUL bytes, or more than 5% control bytes (other than whitespace and the DOS
   end-of-file mark) in the first 64 KiB: binary, not text.
4. Valid UTF-8 is read as UTF-8, a UTF-8 byte-order mark dropped.
5. UTF-8 with a few stray single bytes (at most 2% of the text, and only when real
   multi-byte UTF-8 is there too) keeps its UTF-8; each stray byte is read as
   Windows-1252, the usual culprit.
6. Anything else is guessed by ``charset-normalizer``, preferring Windows-1252 when it
   is among the candidates; a guess that leaves more than 2% replacement or control
   characters is not text.

Line ends are left as they are: :func:`normalise_line_ends` is for article texts only
(``metadata.csv`` leaves them to the CSV reader).
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass
from enum import Enum

from charset_normalizer import from_bytes

__all__ = ["NotText", "Text", "decode", "normalise_line_ends"]

_BINARY_SAMPLE = 65_536
# Control bytes other than whitespace (and the DOS end-of-file mark) never occur in text.
_CONTROL_BYTES = frozenset(range(32)) - {9, 10, 11, 12, 13, 26}
_MAX_CONTROL_SHARE = 0.05
# UTF-16 of Latin text: a NUL high byte in most characters, a NUL low byte in almost none.
_MIN_UTF16_HIGH_NULS = 0.7
_MAX_UTF16_LOW_NULS = 0.05
_MAX_GARBAGE_SHARE = 0.02
_UNICODE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: its mark starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True)
class Text:
    """Bytes read as text.

    Parameters
    ----------
    text:
        The decoded text (a byte-order mark dropped, line ends as in the bytes).
    encoding:
        ``None`` for UTF-8; otherwise how the bytes were read (``"cp1252"``,
        ``"utf-16"``, ``"UTF-8 with 2 stray bytes read as cp1252"``), for a warning.
    """

    text: str
    encoding: str | None = None


class NotText(Enum):
    """Bytes that are not read as text, and why."""

    BINARY = "binary"
    """NUL bytes or many control bytes: an image, an archive, a program."""
    UNDECODABLE = "undecodable"
    """Not UTF-8, and no encoding reads it without garbage."""


def decode(data: bytes) -> Text | NotText:
    """Read bytes as text by the rules of the module docstring.

    Parameters
    ----------
    data:
        The whole file.

    Returns
    -------
    Text or NotText
        The text and, when not UTF-8, how it was read; or why it is not text.

    Examples
    --------
    >>> decode("caf\\u00e9".encode("utf-8"))
    Text(text='café', encoding=None)
    >>> decode("caf\\u00e9 \\u201cau lait\\u201d".encode("cp1252"))
    Text(text='café “au lait”', encoding='cp1252')
    >>> decode(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
    <NotText.BINARY: 'binary'>
    """
    for bom, encoding in _UNICODE_BOMS:
        if data.startswith(bom):
            try:
                return Text(data.decode(encoding), encoding)
            except UnicodeDecodeError:
                return NotText.UNDECODABLE
    wide = _utf16_without_mark(data)
    if wide is not None:
        return wide
    if _looks_binary(data):
        return NotText.BINARY
    try:
        return Text(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    mixed = _repair_mixed_utf8(data)
    if mixed is not None:
        return mixed
    guess = _guess_encoding(data)
    if guess is None:
        return NotText.UNDECODABLE
    text = data.decode(guess, errors="replace")
    if _garbage_share(text) > _MAX_GARBAGE_SHARE:
        return NotText.UNDECODABLE
    return Text(text, guess)


def normalise_line_ends(text: str) -> str:
    """Windows (``\\r\\n``) and old Mac (``\\r``) line ends as ``\\n``: an article's text as read.

    >>> normalise_line_ends("one\\r\\ntwo\\rthree\\n")
    'one\\ntwo\\nthree\\n'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _repair_mixed_utf8(data: bytes) -> Text | None:
    """UTF-8 text with a few stray single bytes (pasted from a Windows page): keep the UTF-8."""
    text = data.decode("utf-8", errors="surrogateescape")
    if text.startswith("\ufeff"):
        text = text[1:]
    stray = sum(1 for char in text if "\udc80" <= char <= "\udcff")
    # Only when real multi-byte UTF-8 is there too: a file with no valid UTF-8 sequence at
    # all is in some other encoding, and charset-normalizer should name it.
    if not any(char > "\x7f" and not "\udc80" <= char <= "\udcff" for char in text):
        return None
    if stray > _MAX_GARBAGE_SHARE * len(text):
        return None
    # Each stray byte escaped as U+DC80..U+DCFF is re-read as Windows-1252, the usual culprit.
    repaired = "".join(
        bytes([ord(char) - 0xDC00]).decode("cp1252", errors="replace")
        if "\udc80" <= char <= "\udcff"
        else char
        for char in text
    )
    return Text(repaired, f"UTF-8 with {stray} stray byte{'s' if stray != 1 else ''} read as cp1252")


def _utf16_without_mark(data: bytes) -> Text | None:
    """Rule 2: UTF-16 text with no byte-order mark, known by where its NUL bytes are."""
    sample = data[: _BINARY_SAMPLE - _BINARY_SAMPLE % 2]
    pairs = len(sample) // 2
    if not pairs or len(data) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    for encoding, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high >= _MIN_UTF16_HIGH_NULS * pairs and low <= _MAX_UTF16_LOW_NULS * pairs:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            if _garbage_share(text) > _MAX_GARBAGE_SHARE:
                return None
            return Text(text, f"{encoding} without a byte-order mark")
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:_BINARY_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    return controls > _MAX_CONTROL_SHARE * len(sample)


def _guess_encoding(data: bytes) -> str | None:
    matches = list(from_bytes(data))
    if not matches:
        return None
    # English web text that is not UTF-8 is nearly always Windows-1252 (or Latin-1, its
    # subset); charset-normalizer often names an equivalent code page (cp1250) that
    # differs on the accents it cannot see. Prefer cp1252 whenever it decodes the same.
    for match in matches:
        if "cp1252" in match.could_be_from_charset:
            return "cp1252"
    return matches[0].encoding


def _garbage_share(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(
        1
        for char in text
        if char == "\ufffd"
        or (unicodedata.category(char) in {"Cc", "Cs", "Co", "Cn"} and char not in "\t\n\r\f\v")
    )
    return bad / len(text)
