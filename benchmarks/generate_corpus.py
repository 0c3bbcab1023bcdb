"""Write a deterministic, seeded corpus of invented news articles for benchmarks.

The world is invented: people get names made from syllables below (no real person
is named anywhere), and hold offices of real countries (``kg.knowledge``) with real
titles (``kg.roles``). The number of people grows with the corpus, so resolution
meets many distinct names, misspellings, surnames used alone and titles standing
for people, as in real news.

Usage::

    .venv/bin/python benchmarks/generate_corpus.py OUT_DIR --articles 1000 --seed 7
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.gazetteer import Country
from kg.knowledge import load_knowledge

__all__ = ["GeneratedArticle", "Person", "World", "generate", "make_world", "write_corpus"]

# Invented name parts; combined at random, so no name is chosen to be anyone's.
_ONSETS = ("b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
           "br", "dr", "kr", "tr", "st", "th", "sh", "ch", "gr", "vl", "j")
_VOWELS = ("a", "e", "i", "o", "u", "a", "e", "o", "ai", "ei", "ou", "ia")
_CODAS = ("", "", "", "n", "r", "l", "s", "m", "th", "k", "nd", "rt")
_SURNAME_ENDINGS = ("", "", "", "ov", "ez", "ani", "elli", "son", "ak", "escu", "ida", "ren", "ski", "ou")
_OFFICES = ("foreign-minister", "defense-minister", "finance-minister", "pm", "president",
            "trade-representative", "national-security-adviser", "commerce-minister",
            "energy-minister", "justice-minister", "deputy-foreign-minister", "ambassador",
            "spokesperson", "envoy", "vice-president")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_TOPICS = ("trade", "energy security", "climate finance", "maritime disputes", "grain exports",
           "debt relief", "visa rules", "a border dispute", "fishing rights", "nuclear safety",
           "semiconductor supplies", "regional security", "refugee returns", "water sharing",
           "pandemic preparedness", "cyber attacks", "rail links", "tariffs on steel")
_ADJECTIVES = ("frank", "constructive", "candid", "productive", "difficult", "long", "cordial",
               "tense", "substantive", "brief")
_FILLER = (
    "Analysts said the talks were unlikely to produce a breakthrough on the most difficult issues.",
    "Officials on both sides have played down expectations ahead of the meeting.",
    "Relations between the two governments have been strained for much of the past year.",
    "The visit is the first at this level in more than three years.",
    "Markets in the region were little changed after the announcement.",
    "Diplomats familiar with the preparations said the agenda had been agreed weeks in advance.",
    "Trade between the two countries grew by about a fifth last year, according to official figures.",
    "Opposition lawmakers criticised the government for what they called a lack of transparency.",
    "A joint statement was expected to be released later in the day.",
    "The two sides also agreed to set up a working group that will meet every three months.",
    "Protesters gathered outside the venue, but police kept them away from the delegations.",
    "Neither side gave details of any agreements reached during the closed-door session.",
    "Observers noted that the tone of the official statements had softened in recent weeks.",
    "The ministry did not respond to a request for comment on Tuesday.",
    "Several business leaders travelled with the delegation, hoping to sign new contracts.",
)


@dataclass(frozen=True, slots=True)
class Person:
    """An invented person who holds one office of one country."""

    given: str
    surname: str
    country: Country
    office: str

    @property
    def name(self) -> str:
        """Given name and surname."""
        return f"{self.given} {self.surname}"


@dataclass(frozen=True, slots=True)
class World:
    """The invented people and the real countries and titles of one corpus."""

    people: tuple[Person, ...]
    countries: tuple[Country, ...]
    titles: dict[str, str]


def _syllable(rng: random.Random) -> str:
    return rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)


def _given(rng: random.Random) -> str:
    return (_syllable(rng) + rng.choice(_VOWELS) + rng.choice(_CODAS)).capitalize()


def _surname(rng: random.Random) -> str:
    parts = [_syllable(rng) for _ in range(rng.choice((1, 2, 2)))]
    return ("".join(parts) + rng.choice(_SURNAME_ENDINGS)).capitalize()


def make_world(people: int, seed: int) -> World:
    """``people`` distinct invented office holders across the countries of the gazetteer."""
    rng = random.Random(seed)
    knowledge = load_knowledge(None)
    countries = tuple(c for c in knowledge.gazetteer.countries if c.demonyms and c.capitals)
    titles = {key: t.title for key, t in knowledge.titles.items()}
    seen: set[str] = set()
    out: list[Person] = []
    while len(out) < people:
        given, surname = _given(rng), _surname(rng)
        if len(surname) < 4 or surname in seen:
            continue
        seen.add(surname)
        out.append(Person(given, surname, rng.choice(countries), rng.choice(_OFFICES)))
    return World(tuple(out), countries, titles)


def _misspell(rng: random.Random, word: str) -> str:
    """One substitution after the first letter (the kind of typo resolution must absorb)."""
    i = rng.randrange(1, len(word))
    letter = rng.choice("aeiounrst".replace(word[i].lower(), ""))
    return word[:i] + letter + word[i + 1 :]


@dataclass(frozen=True, slots=True)
class GeneratedArticle:
    """One generated article, and every name it writes for each person it names."""

    file: str
    published: dt.date
    title: str
    text: str
    names: dict[Person, frozenset[str]]


def _article(rng: random.Random, world: World,
             published: dt.date) -> tuple[str, str, dict[Person, frozenset[str]]]:
    """A title, the text of one article, and the names it writes for each person in it."""
    host, guest, *others = rng.sample(world.people, 4)
    place = host.country.capitals[0]
    topic, topic2 = rng.sample(_TOPICS, 2)
    day = _WEEKDAYS[(published.weekday() - rng.randrange(0, 3)) % 7]
    written: dict[Person, set[str]] = {}

    def full(p: Person) -> str:
        name = p.name
        if rng.random() < 0.04:
            name = f"{p.given} {_misspell(rng, p.surname)}"
        written.setdefault(p, set()).add(name)
        return name

    def surname(p: Person) -> str:
        written.setdefault(p, set()).add(p.surname)
        return p.surname

    def titled(p: Person) -> str:
        return f"{p.country.demonyms[0]} {world.titles[p.office]} {full(p)}"

    kind = rng.choice(("meeting", "visit", "call", "dispute", "cooperation"))
    if kind == "call":
        title = f"{surname(host)} and {surname(guest)} discuss {topic} by phone"
        lead = (f"{titled(host)} spoke by phone with {titled(guest)} on {day}, "
                f"the two governments said, in a call that focused on {topic}.")
    elif kind == "visit":
        title = f"{surname(guest)} arrives in {place} for talks on {topic}"
        lead = (f"{titled(guest)} arrived in {place} on {day} for a two-day visit, "
                f"and is due to meet {titled(host)} to discuss {topic}.")
    elif kind == "dispute":
        title = f"{host.country.name} accuses {guest.country.name} over {topic}"
        lead = (f"{titled(host)} on {day} accused {guest.country.name} of bad faith over {topic}, "
                f"a charge that {titled(guest)} rejected hours later.")
    elif kind == "cooperation":
        title = f"{host.country.name} and {guest.country.name} sign deal on {topic}"
        lead = (f"{titled(host)} and {titled(guest)} signed an agreement on {topic} "
                f"in {place} on {day}, officials said.")
    else:
        title = f"{surname(host)} meets {surname(guest)} in {place}"
        lead = (f"{titled(host)} met {titled(guest)} in {place} on {day} "
                f"for talks on {topic} and {topic2}.")
    paragraphs = [lead]
    paragraphs.append(
        f"\u201cThe talks were {rng.choice(_ADJECTIVES)},\u201d {surname(host)} told reporters "
        "after the meeting, "
        f"adding that {host.country.name} wanted \u201cpractical results\u201d on {topic2}."
    )
    paragraphs.append(
        f"{surname(guest)} said {guest.country.name} was ready to work with {host.country.name}, "
        f"but warned that differences over {topic} remained."
    )
    for other in others:
        move = rng.random()
        if move < 0.4:
            paragraphs.append(
                f"Separately, {titled(other)} met {full(host if rng.random() < 0.5 else guest)} "
                f"on the sidelines, according to a statement from the {other.country.demonyms[0]} government."
            )
        elif move < 0.7:
            paragraphs.append(
                f"{titled(other)} said in {other.country.capitals[0]} that the talks were "
                f"\u201can important step\u201d, and {surname(other)} urged both sides to keep talking."
            )
        else:
            paragraphs.append(
                f"In a separate call, {titled(other)} spoke by phone with {full(guest)} about {topic2}."
            )
    if rng.random() < 0.6:
        paragraphs.append(
            f"The {guest.country.demonyms[0]} {world.titles[guest.office].lower()} is expected to travel "
            f"on to {rng.choice(world.countries).name} later this week."
        )
    paragraphs.extend(rng.sample(_FILLER, rng.randint(4, 9)))
    paragraphs.append(
        f"{surname(host)} and {surname(guest)} last met {rng.randint(2, 11)} months ago, "
        f"when they agreed to resume regular contacts."
    )
    rng.shuffle(paragraphs[3:])
    return title, "\n".join([title, *paragraphs]) + "\n", {p: frozenset(n) for p, n in written.items()}


def generate(articles: int, seed: int = 7) -> Iterator[GeneratedArticle]:
    """Yield ``articles`` articles, each with the names it writes for its people.

    The same ``articles`` and ``seed`` give the same corpus, byte for byte.
    """
    world = make_world(max(40, articles // 3), seed)
    rng = random.Random(seed * 7919 + articles)
    start = dt.date(2023, 1, 2)
    for i in range(articles):
        published = start + dt.timedelta(days=i * 365 // max(articles, 1))
        title, text, names = _article(rng, world, published)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        yield GeneratedArticle(f"{i:06d}_{digest}.txt", published, title, text, names)


def write_corpus(out: Path, articles: int, seed: int = 7) -> Path:
    """Write the corpus (``.txt`` files and ``metadata.csv``) into ``out``; returns ``out``."""
    import csv

    out.mkdir(parents=True, exist_ok=True)
    with (out / "metadata.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "published", "title"])
        for article in generate(articles, seed):
            (out / article.file).write_text(article.text, encoding="utf-8")
            writer.writerow([article.file, article.published.isoformat(), article.title])
    return out


def main() -> None:
    """Command line: write a corpus folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    write_corpus(args.out, args.articles, args.seed)
    print(f"wrote {args.articles} articles to {args.out}")


if __name__ == "__main__":
    main()
