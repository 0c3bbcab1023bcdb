"""How well ``kg`` codes PLOVER events, scored on the PLOVER gold-standard records.

Usage::

    .venv/bin/python benchmarks/plover_eval.py [GOLD_JSON] [--limit N] [--misses]

``GOLD_JSON`` defaults to ``../shared/peers/plover/plover_gsr_subset.json`` relative to
the repository root: coded example sentences from the Open Event Data Alliance's PLOVER
gold standard (CC BY-SA 4.0; read from there, never copied into this repository).

What runs: every distinct sentence becomes a one-sentence article (publication date
2000-01-01, the records' placeholder date) in a temporary folder, and the folder goes
through ``kg``'s own build code: :func:`kg.flow.parse_corpus` parses and finds the facts of
every article in one pass (as ``kg build`` does), then :func:`kg.flow.graph_from_facts`
builds one graph per article, so events of different sentences are never merged into
one node (which a single build of all sentences would do: disputes are joined per set
of parties). The predicted events of a sentence are the event nodes of its graph, each
with its ``plover`` type and its actors (``participant``, ``party``, ``traveller`` and
``destination`` edges).

Scoring, per sentence:

* Each gold record codes exactly one event (a type and its source and target actors);
  records with the same text are one sentence with several gold events.
* A predicted actor *matches* a gold actor span when, after normalisation (lower case,
  no dots, possessives or punctuation, no "the"/"of"/"and"), one of the actor's names
  (its label or any alias, i.e. every surface form ``kg`` saw) is a run of words of the
  span or the span a run of words of the name; or when ``kg``'s gazetteer finds in the
  span a country or organisation that is the actor, or the country the actor acts for
  ("Great Britain" matches United Kingdom, "Zimbabwean Prime Minister Robert Mugabe"
  matches Zimbabwe, as ``kg`` records disputes between countries).
* A predicted event *matches* a gold event when it has the gold type and its actors
  match the gold actors: one actor matches a source span and another one a target span;
  when the record has no target (a reciprocal event, its actors all listed as sources)
  the sources count as a set and two of them must be matched by two actors (one, if
  only one is listed). ``kg``'s graph does not record who acted on whom (dispute parties
  are unordered), so direction is not scored; extra predicted actors are not penalised.
* Matching is one to one: a gold event takes at most one predicted event. A true
  positive is a matched pair; every other predicted event of the sentence is a false
  positive (including correct events the gold record does not code, e.g. the
  COOPERATE in "agreed that their countries should cooperate": precision is a lower
  bound); every unmatched gold event is a false negative.

Printed: per gold type the gold count, predicted count, true positives, precision,
recall and F1, with micro totals; the same scores with actors ignored (type only);
a confusion summary: for each gold type, how many of its records got each predicted
type (or none); and how many CONSULT true positives have the gold mode.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT.parent / "shared" / "peers" / "plover" / "plover_gsr_subset.json"
PUBLISHED = "2000-01-01"
ACTOR_EDGES = ("participant", "party", "traveller", "destination")
NONE = "none"

__all__ = [
    "Actor",
    "GoldEvent",
    "Predicted",
    "Scores",
    "Sentence",
    "actor_matches",
    "event_matches",
    "gazetteer_codes",
    "load_gold",
    "main",
    "match_sentence",
    "mode_agreement",
    "predict",
    "predicted_events",
    "score",
]


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One gold record: its id, PLOVER type and mode, and its actor spans."""

    id: str
    plover: str
    mode: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One distinct gold sentence and the events its records code."""

    text: str
    gold: tuple[GoldEvent, ...]


@dataclass(frozen=True, slots=True)
class Actor:
    """A predicted event's actor: every name ``kg`` has for it, and the gazetteer codes it stands for."""

    names: tuple[str, ...]
    codes: frozenset[str]


@dataclass(frozen=True, slots=True)
class Predicted:
    """One event node of a sentence's graph."""

    plover: str
    mode: str
    kind: str
    actors: tuple[Actor, ...]


# -- gold ---------------------------------------------------------------------------------


def _spans(actors: object) -> tuple[str, ...]:
    """The non-empty actor texts of a record's ``source`` or ``target`` field."""
    if isinstance(actors, str):
        actors = [actors]
    out = []
    for actor in actors or ():
        text = actor.get("actorText", "") if isinstance(actor, dict) else str(actor)
        if text.strip():
            out.append(text.strip())
    return tuple(out)


def load_gold(path: Path) -> list[Sentence]:
    """The gold sentences of ``path``, in file order (the DOCUMENT record is skipped)."""
    records = json.loads(path.read_text(encoding="utf-8"))
    by_text: dict[str, list[GoldEvent]] = {}
    for record in records:
        if record.get("event") == "DOCUMENT" or not record.get("text"):
            continue
        text = " ".join(record["text"].strip().strip("{}").split())
        by_text.setdefault(text, []).append(GoldEvent(
            id=record["id"],
            plover=record["event"],
            mode=record.get("mode", "") or "",
            sources=_spans(record.get("source")),
            targets=_spans(record.get("target")),
        ))
    return [Sentence(text, tuple(events)) for text, events in by_text.items()]


# -- matching -----------------------------------------------------------------------------

_STOP = {"the", "of", "and", "a", "an"}


def _words(text: str) -> tuple[str, ...]:
    text = text.lower().replace("\u2019", "'").replace(".", "")
    text = re.sub(r"'s\b", "", text)
    return tuple(w for w in re.findall(r"[\w-]+", text) if w not in _STOP)


def _contains(outer: Sequence[str], inner: Sequence[str]) -> bool:
    if not inner or len(inner) > len(outer):
        return False
    return any(tuple(outer[i : i + len(inner)]) == tuple(inner) for i in range(len(outer) - len(inner) + 1))


@lru_cache(maxsize=1)
def _gazetteer_pattern() -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    """One case-sensitive pattern over every name the gazetteer knows, and the codes of each."""
    from kg.gazetteer import read_gazetteer

    gaz = read_gazetteer(None)
    codes: dict[str, set[str]] = {}
    for country in gaz.countries:
        for name in (country.name, *country.aliases, *country.demonyms, *country.capitals):
            codes.setdefault(name, set()).add(country.code)
    for city in gaz.cities:
        for name in (city.name, *city.aliases):
            codes.setdefault(name, set()).add(city.country)
    for org in gaz.organizations:
        for name in (org.name, *org.aliases):
            codes.setdefault(name, set()).add(f"org:{org.name}")
    names = sorted(codes, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])")
    return pattern, {name: frozenset(c) for name, c in codes.items()}


def gazetteer_codes(text: str) -> frozenset[str]:
    """Country codes (ISO alpha-3) and ``org:NAME`` of what ``kg``'s gazetteer finds in ``text``.

    >>> sorted(gazetteer_codes("Great Britain and the Hungarian officials"))
    ['GBR', 'HUN']
    """
    pattern, codes = _gazetteer_pattern()
    found: set[str] = set()
    for match in pattern.finditer(text.replace("\u2019", "'")):
        found |= codes[match.group(0)]
    return frozenset(found)


def actor_matches(span: str, actor: Actor) -> bool:
    """Whether the predicted ``actor`` is the one the gold ``span`` names (see the module doc)."""
    words = _words(span)
    for name in actor.names:
        name_words = _words(name)
        if _contains(words, name_words) or _contains(name_words, words):
            return True
    return bool(gazetteer_codes(span) & actor.codes)


def _assign(spans: Sequence[str], actors: Sequence[Actor], used: frozenset[int] = frozenset()) -> set[int]:
    """Indices of the actors (not in ``used``) that match at least one of ``spans``."""
    return {i for i, a in enumerate(actors) if i not in used and any(actor_matches(s, a) for s in spans)}


def _distinct_matches(spans: Sequence[str], actors: Sequence[Actor], needed: int) -> bool:
    """Whether ``needed`` different spans are matched by ``needed`` different actors."""
    def search(k: int, used: frozenset[int], hits: int) -> bool:
        if hits >= needed:
            return True
        if k == len(spans):
            return False
        for i, actor in enumerate(actors):
            if i not in used and actor_matches(spans[k], actor) and search(k + 1, used | {i}, hits + 1):
                return True
        return search(k + 1, used, hits)

    return search(0, frozenset(), 0)


def event_matches(gold: GoldEvent, predicted: Predicted, actors: bool = True) -> bool:
    """Whether ``predicted`` is ``gold``: the same PLOVER type and, unless ``actors`` is
    false, matching actors."""
    if predicted.plover != gold.plover:
        return False
    if not actors:
        return True
    if gold.targets:
        for i in _assign(gold.sources, predicted.actors):
            if _assign(gold.targets, predicted.actors, frozenset({i})):
                return True
        return not gold.sources and bool(_assign(gold.targets, predicted.actors))
    if not gold.sources:
        return True
    return _distinct_matches(gold.sources, predicted.actors, min(2, len(gold.sources)))


def match_sentence(gold: Sequence[GoldEvent], predicted: Sequence[Predicted],
                   actors: bool = True) -> list[tuple[GoldEvent, Predicted | None]]:
    """Pair each gold event with at most one predicted event, one to one, in order."""
    free = list(range(len(predicted)))
    out: list[tuple[GoldEvent, Predicted | None]] = []
    for event in gold:
        hit = next((i for i in free if event_matches(event, predicted[i], actors)), None)
        if hit is not None:
            free.remove(hit)
        out.append((event, predicted[hit] if hit is not None else None))
    return out


# -- prediction ---------------------------------------------------------------------------


def predicted_events(G: nx.MultiDiGraph) -> list[Predicted]:
    """The event nodes of ``G`` with their PLOVER type and actors."""
    out = []
    for node, data in sorted(G.nodes(data=True)):
        if "plover" not in data:
            continue
        actors = []
        for _, target, key in sorted(G.out_edges(node, keys=True)):
            if key not in ACTOR_EDGES:
                continue
            attrs = G.nodes[target]
            names = (attrs.get("label", ""), *attrs.get("aliases", ()))
            codes = set()
            for holder in (target, attrs.get("country")):
                if holder in G:
                    holder_attrs = G.nodes[holder]
                    if holder_attrs.get("kind") == "country" and holder_attrs.get("key"):
                        codes.add(holder_attrs["key"])
            if attrs.get("kind") == "organization":
                codes.add(f"org:{attrs.get('label', '')}")
            actors.append(Actor(tuple(n for n in names if n), frozenset(codes)))
        out.append(Predicted(data["plover"], data.get("mode", ""), data["kind"], tuple(actors)))
    return out


def predict(sentences: Sequence[Sentence]) -> list[list[Predicted]]:
    """Run every sentence through ``kg`` as a one-sentence article; the events of each."""
    from kg.flow import graph_from_facts, parse_corpus
    from kg.knowledge import load_knowledge
    from kg.settings import Settings

    settings = Settings()
    knowledge = load_knowledge(settings.data_dir)
    with tempfile.TemporaryDirectory(prefix="plover-eval-") as tmp:
        folder = Path(tmp)
        names = [f"{i:04d}.txt" for i in range(len(sentences))]
        with open(folder / "metadata.csv", "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["file", "published", "title", "url"])
            for name, sentence in zip(names, sentences, strict=True):
                (folder / name).write_text(sentence.text + "\n", encoding="utf-8")
                writer.writerow([name, PUBLISHED, "", ""])
        problems: list = []
        facts = {f.info.doc_id: f for f in parse_corpus(folder, settings, problems, knowledge=knowledge)}
    out = []
    for name in names:
        item = facts.get(name)
        out.append(predicted_events(graph_from_facts([item], settings, knowledge=knowledge))
                   if item is not None else [])
    return out


# -- scores -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Scores:
    """Counts per PLOVER type (and ``"all"``): gold events, predicted events, true positives."""

    gold: Counter[str]
    predicted: Counter[str]
    true: Counter[str]

    def row(self, key: str) -> tuple[int, int, int, float, float, float]:
        """Gold, predicted, true positives, precision, recall, F1 for ``key``."""
        g, p, t = self.gold[key], self.predicted[key], self.true[key]
        precision = t / p if p else 0.0
        recall = t / g if g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return g, p, t, precision, recall, f1


def score(sentences: Sequence[Sentence], predictions: Sequence[Sequence[Predicted]],
          actors: bool = True) -> Scores:
    """Per-type and micro (``"all"``) counts over all sentences."""
    gold: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    true: Counter[str] = Counter()
    for sentence, events in zip(sentences, predictions, strict=True):
        for event in sentence.gold:
            gold[event.plover] += 1
            gold["all"] += 1
        for event in events:
            predicted[event.plover] += 1
            predicted["all"] += 1
        for event, hit in match_sentence(sentence.gold, events, actors):
            if hit is not None:
                true[event.plover] += 1
                true["all"] += 1
    return Scores(gold, predicted, true)


def confusion(sentences: Sequence[Sentence],
              predictions: Sequence[Sequence[Predicted]]) -> dict[str, Counter[str]]:
    """Gold type -> how many of its records got each predicted type (``"none"`` when no event)."""
    table: dict[str, Counter[str]] = {}
    for sentence, events in zip(sentences, predictions, strict=True):
        types = sorted({e.plover for e in events}) or [NONE]
        for event in sentence.gold:
            table.setdefault(event.plover, Counter()).update(types)
    return table


def _types(sentences: Iterable[Sentence], predictions: Iterable[Sequence[Predicted]]) -> list[str]:
    gold = Counter(e.plover for s in sentences for e in s.gold)
    extra = sorted({e.plover for p in predictions for e in p} - set(gold))
    return [t for t, _ in sorted(gold.items(), key=lambda kv: (-kv[1], kv[0]))] + extra


def _table(title: str, scores: Scores, types: Sequence[str]) -> str:
    lines = [title, f"{'type':<12}{'gold':>6}{'pred':>6}{'TP':>6}{'P':>8}{'R':>8}{'F1':>8}"]
    for key in [*types, "all"]:
        g, p, t, precision, recall, f1 = scores.row(key)
        label = "micro" if key == "all" else key
        lines.append(f"{label:<12}{g:>6}{p:>6}{t:>6}{precision:>8.2f}{recall:>8.2f}{f1:>8.2f}")
    return "\n".join(lines)


def report(sentences: Sequence[Sentence], predictions: Sequence[Sequence[Predicted]]) -> str:
    """The printed evaluation: both score tables and the confusion summary."""
    types = _types(sentences, predictions)
    records = sum(len(s.gold) for s in sentences)
    parts = [
        f"PLOVER gold records: {records} in {len(sentences)} sentences; predicted events: "
        f"{sum(len(p) for p in predictions)}",
        "",
        _table("Type and actors (a true positive has the gold type and matching actors):",
               score(sentences, predictions), types),
        "",
        _table("Type only (actors ignored):", score(sentences, predictions, actors=False), types),
        "",
        "Confusion (gold type: records per predicted type on the same sentence):",
    ]
    table = confusion(sentences, predictions)
    for gold_type in [t for t in types if t in table]:
        counts = sorted(table[gold_type].items(), key=lambda kv: (-kv[1], kv[0]))
        cells = ", ".join(f"{t} {n}" for t, n in counts)
        parts.append(f"  {gold_type:<11} {cells}")
    agree, total = mode_agreement(sentences, predictions)
    parts += ["", f"CONSULT mode (visit, host, phone...) right on {agree} of {total} CONSULT true positives"]
    return "\n".join(parts)


def mode_agreement(sentences: Sequence[Sentence],
                   predictions: Sequence[Sequence[Predicted]]) -> tuple[int, int]:
    """Of the CONSULT true positives, how many have the gold mode (no mode counts as a mode)."""
    agree = total = 0
    for sentence, events in zip(sentences, predictions, strict=True):
        for event, hit in match_sentence(sentence.gold, events):
            if hit is not None and event.plover == "CONSULT":
                total += 1
                agree += hit.mode == event.mode
    return agree, total


def misses(sentences: Sequence[Sentence], predictions: Sequence[Sequence[Predicted]]) -> str:
    """One line per gold event that got no matching prediction, with what was predicted."""
    lines = []
    for sentence, events in zip(sentences, predictions, strict=True):
        for event, hit in match_sentence(sentence.gold, events):
            if hit is None:
                got = "; ".join(f"{e.plover}[{', '.join(a.names[0] for a in e.actors if a.names)}]"
                                for e in events)
                lines.append(f"{event.id} {event.plover} S={list(event.sources)} T={list(event.targets)}\n"
                             f"    {sentence.text}\n    kg: {got or '-'}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the evaluation and print it; 2 when the gold file is missing."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD, help="the gold records (JSON)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N sentences")
    parser.add_argument("--misses", action="store_true", help="also list every gold event kg missed")
    args = parser.parse_args(argv)
    if not args.gold.is_file():
        print(f"plover_eval: no gold file at {args.gold}; pass its path as the first argument",
              file=sys.stderr)
        return 2
    sentences = load_gold(args.gold)[: args.limit]
    predictions = predict(sentences)
    print(report(sentences, predictions))
    if args.misses:
        print("\nMissed gold events:\n" + misses(sentences, predictions))
    return 0


if __name__ == "__main__":
    sys.exit(main())
