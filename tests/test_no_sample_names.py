"""No name of a person from the sample articles appears anywhere in ``kg/`` (code or data).

People must be found in the text, never looked up: a name in the package would let the
sample corpus pass by knowing its answers. The list is every person named in
``seeds/`` (full names, surnames, the misspellings the articles use, and distinctive
given names); given names that are ordinary English words or common first names
alone ("Bill", "Gang", "Joe", "William") are only caught as part of a full name.
"""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "kg"

FULL_NAMES = [
    "Antony Blinken", "Anthony Blinken", "Joe Biden", "Qin Gang", "Wang Yi", "Wang Ye", "Wang Wenbin",
    "Xi Jinping", "Jake Sullivan", "Bill Gates", "William Burns", "Lloyd Austin", "Janet Yellen",
    "Gina Raimondo", "Vivian Balakrishnan", "Mike Pompeo", "Donald Trump", "Danny Russel", "Barack Obama",
    "Daniel Krittenbrink", "Daniel Kritenbrink", "Kurt Campbell", "Matthew Miller", "Emmanuel Macron",
]
SINGLE_NAMES = [
    # surnames, and the surname-alone forms and misspellings the articles use
    "Blinken", "Binken", "Biden", "Qin", "Wang", "Yi", "Ye", "Xi", "Sullivan", "Gates", "Burns", "Austin",
    "Yellen", "Raimondo", "Balakrishnan", "Pompeo", "Trump", "Russel", "Obama", "Krittenbrink",
    "Kritenbrink", "Campbell", "Miller", "Macron",
    # given names no ordinary word or common first name shares
    "Jinping", "Wenbin", "Barack",
]
NAMES = FULL_NAMES + SINGLE_NAMES
PATTERN = re.compile(
    r"\b(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(NAMES, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)

# Rows that legitimately contain one of the words, each excluded exactly (path, line text).
# "Xi'an" is a Chinese city, not Xi Jinping; "YE" is Yemen's ISO 3166-1 code. (Austin, Texas is not in
# cities.tsv: nothing to exclude.)
ALLOWED = {
    ("data/cities.tsv", "Xi'an\tXian\tCHN"),
    ("data/country_codes.tsv", "YEM\tYE\tYEM"),
}


def _text_files() -> list[Path]:
    files = []
    for path in sorted(PACKAGE.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        try:
            path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # binary: nothing a person could read a name in
        files.append(path)
    return files


def hits() -> list[str]:
    """``file:line: name`` for every occurrence outside :data:`ALLOWED`."""
    found = []
    for path in _text_files():
        relative = path.relative_to(PACKAGE).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if (relative, line) in ALLOWED:
                continue
            for match in PATTERN.finditer(line):
                found.append(f"kg/{relative}:{number}: {match.group(0)!r}")
    return found


def test_the_pattern_finds_names_on_word_boundaries_in_any_case() -> None:
    assert PATTERN.search("see ANTONY  BLINKEN here")
    assert PATTERN.search("'Binken'")
    assert PATTERN.search("xi said")
    assert not PATTERN.search("Brussels")  # "russel" inside a word
    assert not PATTERN.search("Xiamen, Qingdao, yield")


def test_the_list_covers_every_person_node_of_the_seeds_graph_by_hand() -> None:
    # The people of tests/test_core_e2e.py, which were read off the articles.
    from test_core_e2e import PEOPLE

    assert {p.label for p in PEOPLE} <= set(FULL_NAMES)


def test_the_package_is_searched() -> None:
    files = {p.relative_to(PACKAGE).as_posix() for p in _text_files()}
    assert {"resolve.py", "mentions.py", "data/titles.tsv", "data/cities.tsv"} <= files


def test_no_sample_person_name_in_the_package() -> None:
    found = hits()
    assert not found, "names of people from seeds/ in kg/:\n" + "\n".join(found)
