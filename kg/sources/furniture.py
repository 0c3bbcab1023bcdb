"""Page furniture: the parts of a scraped news page that are not the article.

Scraped text keeps ad markers ("Advertisment"), bylines ("NewsDrum Desk"), share
buttons, comment forms, "Also read: ..." links, copyright lines, photo captions
(sometimes twice) and a wire dateline ("New Delhi:") that names where the story
was filed, not where anything happened. :func:`find_furniture` returns the
character spans of all of these; the text is never altered (later stages blank
the spans with spaces, so offsets stay true to the file).

The general rules are data: ``furniture.tsv`` of the data folder (its header documents
the rule kinds), read once per run by :func:`read_furniture` for
:func:`kg.knowledge.load_knowledge`. Three rules are code because they compare lines with each other
rather than match one line:

* a line of at least ``min_duplicate_words`` words repeated verbatim later: the
  later copies are furniture (scrapers often keep a photo caption twice; the first
  copy stays, it is real text);
* a short caption line without final punctuation directly before a photo credit
  line is furniture with it;
* a ``tail`` rule (comment section, "Source link", copyright...) marks everything
  after it too, but only in the last part of the article and only when no
  paragraph of prose follows it, so a "Related articles" box in mid-article
  cannot swallow the rest.

The headline (the first line no rule marks) is never marked by the line-comparing
rules, and section headings ("Conflict points") are left alone: they are not
sentences, so extraction finds nothing in them anyway.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KgError
from kg.tables import read_text
from kg.types import Span
from kg.vocab import FurnitureKind

__all__ = [
    "KINDS",
    "FurnitureRules",
    "Rule",
    "explain_furniture",
    "find_furniture",
    "read_furniture",
]

KINDS = tuple(FurnitureKind)
"""The rule kinds ``furniture.tsv`` may use (see the file's header for their meaning)."""

_RULES_FILE = "furniture.tsv"
_HEADER = ["name", "kind", "pattern", "note"]
_MACRO = re.compile(r"\{\{(\w+)\}\}")
# A paragraph that ends like a sentence: final punctuation, maybe inside quotes or brackets.
_FINAL_PUNCT = re.compile(r"[.!?…][\"”’')\]]*$")
_COMBINED_KINDS = (FurnitureKind.LINE, FurnitureKind.PREFIX, FurnitureKind.TAIL, FurnitureKind.CREDIT,
                   FurnitureKind.SUFFIX)
_SEARCH_WINDOW = 160


@dataclass(frozen=True, slots=True)
class Rule:
    """One row of ``furniture.tsv``, its macros expanded and its pattern compiled."""

    name: str
    kind: FurnitureKind
    pattern: re.Pattern[str]
    note: str = ""


@dataclass(frozen=True, slots=True)
class FurnitureRules:
    """The compiled furniture rules and the thresholds of the line-comparing rules.

    Parameters
    ----------
    rules:
        Every rule of the data file except macros, in file order.
    min_duplicate_words:
        A line repeated verbatim is furniture from its second copy on when it has at
        least this many words (shorter lines, "Advertisement", repeat legitimately).
    max_caption_words:
        A caption line before a credit line has at most this many words.
    tail_from:
        A ``tail`` rule only cuts the rest of the text when its line starts after this
        share of the text.
    prose_words:
        A line of at least this many words ending like a sentence is a paragraph of
        prose; none may follow a ``tail`` line that cuts the rest.
    dateline_lines:
        The dateline is looked for in the first paragraph of prose among this many
        first unmarked lines.
    """

    rules: tuple[Rule, ...]
    min_duplicate_words: int = 6
    max_caption_words: int = 30
    tail_from: float = 0.5
    prose_words: int = 20
    dateline_lines: int = 6
    combined: dict[FurnitureKind, tuple[re.Pattern[str], tuple[str, ...]]] = field(
        init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        # Derived once here, never changed after: frozen in all but the type of the field.
        object.__setattr__(self, "combined", _combine(self.rules))

    def of_kind(self, kind: FurnitureKind) -> tuple[Rule, ...]:
        """The rules of one kind, in file order."""
        return tuple(rule for rule in self.rules if rule.kind == kind)


_Marker = Callable[[int, str], None]


@dataclass(frozen=True, slots=True)
class _Line:
    """One non-blank line: the offsets of its stripped content and that content."""

    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def _combine(rules: tuple[Rule, ...]) -> dict[FurnitureKind, tuple[re.Pattern[str], tuple[str, ...]]]:
    # One alternation per kind: a line is tried once per kind instead of once per rule,
    # which matters over 100,000 articles of a hundred lines each.
    combined: dict[FurnitureKind, tuple[re.Pattern[str], tuple[str, ...]]] = {}
    for kind in _COMBINED_KINDS:
        chosen = [rule for rule in rules if rule.kind == kind]
        if not chosen:
            combined[kind] = (re.compile(r"(?!x)x"), ())
            continue
        source = "|".join(f"(?P<r{i}>{rule.pattern.pattern})" for i, rule in enumerate(chosen))
        combined[kind] = (re.compile(source), tuple(rule.name for rule in chosen))
    return combined


def _parse(raw: str, path: str) -> FurnitureRules:
    macros: dict[str, str] = {}
    rules: list[Rule] = []
    names: set[str] = set()
    header_seen = False
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        where = f"line {number}"
        if not header_seen:
            if [cell.strip() for cell in cells[:4]] != _HEADER:
                raise KgError("KG190", path, f"{where}: the header must be name, kind, pattern, note")
            header_seen = True
            continue
        if len(cells) < 3:
            raise KgError("KG190", path, f"{where}: needs name, kind and pattern separated by tabs")
        name, written, pattern = cells[0].strip(), cells[1].strip(), cells[2]
        note = cells[3].strip() if len(cells) > 3 else ""
        if written not in KINDS:
            raise KgError(
                "KG190", path, f"{where}: unknown kind {written!r}; use one of {', '.join(KINDS)}"
            )
        kind = FurnitureKind(written)
        if name in names:
            raise KgError("KG190", path, f"{where}: the name {name!r} is used twice; rename one rule")
        names.add(name)
        expanded = _expand(pattern, macros, path, where)
        if kind is FurnitureKind.MACRO:
            macros[name] = expanded
            continue
        rules.append(Rule(name, kind, _compile(expanded, kind, path, where), note))
    if not header_seen:
        raise KgError("KG190", path, "no rules found; the file needs a header row and rules")
    return FurnitureRules(rules=tuple(rules))


def _expand(pattern: str, macros: dict[str, str], path: str, where: str) -> str:
    def substitute(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in macros:
            raise KgError("KG190", path, f"{where}: unknown macro {{{{{key}}}}}; define it above")
        return f"(?:{macros[key]})"

    return _MACRO.sub(substitute, pattern)


def _compile(pattern: str, kind: FurnitureKind, path: str, where: str) -> re.Pattern[str]:
    try:
        compiled = re.compile(pattern)
        # Rules of one kind are joined into one alternation; that only works when each
        # compiles inside a group (no global flags) and owns no named groups.
        re.compile(f"(?:{pattern})")
    except re.error as error:
        raise KgError(
            "KG190", path, f"{where}: bad pattern ({error}); fix the regular expression"
        ) from None
    groups = set(compiled.groupindex)
    allowed = {"place"} if kind is FurnitureKind.DATELINE else set()
    if groups - allowed:
        raise KgError(
            "KG190",
            path,
            f"{where}: named groups {sorted(groups - allowed)} are not allowed here; use (?:...)",
        )
    return compiled


def read_furniture(folder: Path | None) -> FurnitureRules:
    """Read and compile the furniture rules of the data folder ``folder``.

    Parameters
    ----------
    folder:
        A data folder; ``None`` (or a folder without ``furniture.tsv``) uses the rules
        shipped with ``kg``.

    Returns
    -------
    FurnitureRules
        The compiled rules.

    Raises
    ------
    KgError
        ``KG021`` when the file is unreadable, ``KG190`` when a row is malformed.

    Examples
    --------
    >>> rules = read_furniture(None)
    >>> "advertisement" in {rule.name for rule in rules.of_kind(FurnitureKind.LINE)}
    True
    """
    return _parse(*read_text(_RULES_FILE, folder))


def _lines(text: str) -> list[_Line]:
    lines = []
    offset = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = offset + (len(raw) - len(raw.lstrip()))
            lines.append(_Line(start, start + len(stripped), stripped))
        offset += len(raw) + 1
    return lines


def _is_prose(line: _Line, min_words: int) -> bool:
    return line.words >= min_words and _FINAL_PUNCT.search(line.text) is not None


def _first_match(kind: FurnitureKind, line: _Line, rules: FurnitureRules) -> tuple[str, re.Match[str]] | None:
    pattern, names = rules.combined[kind]
    if kind in (FurnitureKind.LINE, FurnitureKind.TAIL):
        match = pattern.fullmatch(line.text)
    elif kind is FurnitureKind.PREFIX:
        match = pattern.match(line.text)
    else:
        # Credits and suffixes sit at the end of a line: searching a long paragraph from
        # its first character is wasted work. ``pos`` keeps ``^`` and look-behinds exact.
        match = pattern.search(line.text, max(0, len(line.text) - _SEARCH_WINDOW))
    if match is None or match.lastgroup is None:
        return None
    return names[int(match.lastgroup[1:])], match


def explain_furniture(text: str, rules: FurnitureRules) -> tuple[tuple[Span, str], ...]:
    """Every furniture span with the name of the rule that found it (before merging).

    The spans may overlap; :func:`find_furniture` merges them. Useful to see why a
    line was dropped, and to test one rule at a time.

    Parameters
    ----------
    text:
        The article text as read.
    rules:
        The compiled rules (:attr:`kg.knowledge.Knowledge.furniture`).

    Returns
    -------
    tuple of ((start, end), rule name)
        Sorted by start offset. The dateline is reported under the name of its rule.

    Examples
    --------
    >>> explain_furniture("Talks resume\\nAdvertisement\\nThe talks resumed on Monday.", read_furniture(None))
    (((13, 26), 'advertisement'),)
    """
    found, _ = _scan(text, rules)
    return tuple(sorted(found))


def find_furniture(text: str, rules: FurnitureRules) -> tuple[tuple[Span, ...], str | None]:
    """Find the page furniture of one article, and its wire dateline place.

    Parameters
    ----------
    text:
        The article text as read (lines separated by ``\\n``).
    rules:
        The compiled rules (:attr:`kg.knowledge.Knowledge.furniture`).

    Returns
    -------
    spans : tuple of (start, end)
        Sorted, disjoint, non-empty half-open character ranges of furniture.
    dateline : str or None
        The place of a wire dateline opening the first paragraph ("New Delhi"), as
        written; ``None`` when there is none or the dateline names only an agency.

    Examples
    --------
    >>> text = "Talks resume\\nNew Delhi: The talks resumed on Monday in the capital city.\\nShare"
    >>> spans, place = find_furniture(text, read_furniture(None))
    >>> [text[s:e] for s, e in spans], place
    (['New Delhi:', 'Share'], 'New Delhi')
    """
    found, place = _scan(text, rules)
    return _merge(span for span, _ in found), place


def _merge(spans: Iterable[Span]) -> tuple[Span, ...]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((start, end) for start, end in merged)


def _scan(text: str, rules: FurnitureRules) -> tuple[list[tuple[Span, str]], str | None]:
    lines = _lines(text)
    found: list[tuple[Span, str]] = []
    marked: set[int] = set()
    tails: list[int] = []
    credits: list[int] = []

    def mark(index: int, rule: str) -> None:
        marked.add(index)
        found.append(((lines[index].start, lines[index].end), rule))

    for i, line in enumerate(lines):
        for kind in (FurnitureKind.LINE, FurnitureKind.PREFIX, FurnitureKind.TAIL, FurnitureKind.CREDIT):
            hit = _first_match(kind, line, rules)
            if hit is not None:
                mark(i, hit[0])
                if kind is FurnitureKind.TAIL:
                    tails.append(i)
                elif kind is FurnitureKind.CREDIT:
                    credits.append(i)
                break
        else:
            hit = _first_match(FurnitureKind.SUFFIX, line, rules)
            if hit is not None:
                name, match = hit
                # The match may start with the space before the tag: keep the span tight.
                start = match.start() + (len(match.group()) - len(match.group().lstrip()))
                found.append(((line.start + start, line.start + match.end()), name))

    headline = next((i for i in range(len(lines)) if i not in marked), None)
    _mark_duplicates(lines, rules, headline, mark)
    _mark_captions(lines, rules, headline, credits, marked, mark)
    _mark_tail(text, lines, rules, tails, marked, found)
    dateline = _find_dateline(lines, rules, headline, marked)
    place = None
    if dateline is not None:
        span, name, place = dateline
        found.append((span, name))
    return found, place


def _mark_duplicates(lines: list[_Line], rules: FurnitureRules, headline: int | None, mark: _Marker) -> None:
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if line.words < rules.min_duplicate_words:
            continue
        key = " ".join(line.text.split())
        if key in seen and i != headline:
            mark(i, "duplicate_line")
        seen.add(key)


def _mark_captions(
    lines: list[_Line],
    rules: FurnitureRules,
    headline: int | None,
    credits: list[int],
    marked: set[int],
    mark: _Marker,
) -> None:
    for i in credits:
        j = i - 1
        if j < 0 or j in marked or j == headline:
            continue
        caption = lines[j]
        if caption.words <= rules.max_caption_words and _FINAL_PUNCT.search(caption.text) is None:
            mark(j, "caption_before_credit")


def _mark_tail(
    text: str,
    lines: list[_Line],
    rules: FurnitureRules,
    tails: list[int],
    marked: set[int],
    found: list[tuple[Span, str]],
) -> None:
    threshold = rules.tail_from * len(text)
    for i in tails:
        if lines[i].start < threshold:
            continue
        after = lines[i + 1 :]
        if any(
            _is_prose(line, rules.prose_words) for k, line in enumerate(after, start=i + 1) if k not in marked
        ):
            continue
        found.append(((lines[i].start, lines[-1].end), "tail"))
        return


def _find_dateline(
    lines: list[_Line], rules: FurnitureRules, headline: int | None, marked: set[int]
) -> tuple[Span, str, str | None] | None:
    candidates = [i for i in range(len(lines)) if i not in marked][: rules.dateline_lines]
    for i in candidates:
        line = lines[i]
        # A short headline may read like a dateline ("Taiwan: ..."); the first paragraph is prose.
        if i == headline and line.words < rules.prose_words:
            continue
        if not _is_prose(line, 8) and line.words < rules.prose_words:
            continue
        for rule in rules.of_kind(FurnitureKind.DATELINE):
            match = rule.pattern.match(line.text)
            if match is None:
                continue
            place = match.groupdict().get("place")
            if place is not None:
                place = " ".join(place.split())
                if any(label.pattern.fullmatch(place) for label in rules.of_kind(FurnitureKind.NOT_PLACE)):
                    return None
            return (line.start, line.start + match.end()), rule.name, place
        return None
    return None
