"""Long articles are parsed in bounded pieces whose facts still join up.

Pieces (:func:`kg.facts.chunks`) are checked on strings of our own; the bound on what
one parse is given, and the offsets of every fact, on a blank pipeline (no model, so
the test is quick and does not move with a model); that a person named in one piece
is found again in another, and that an event's sentence and actors are right, with the
model. The memory itself is measured by ``benchmarks/memory_long_articles.py``.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st

import kg.pipeline  # noqa: F401  (registers kg's components)
from kg.engines import BatchParser
from kg.facts import chunks, merge_chunks, read_in_pieces
from kg.flow import build
from kg.knowledge import load_knowledge
from kg.nlp import add_components
from kg.settings import Settings
from kg.types import Article, ArticleFacts, Evidence, Mention, Problem


@given(st.text(alphabet="abA1 .!?\n\u201d", max_size=400), st.integers(min_value=1, max_value=60))
def test_pieces_give_back_the_text_and_none_is_over_the_limit(text: str, limit: int) -> None:
    pieces = list(chunks(text, limit))
    assert "".join(piece for _, piece in pieces) == text
    assert all(0 < len(piece) <= limit for _, piece in pieces)
    offsets = [offset for offset, _ in pieces]
    assert offsets == [sum(len(p) for _, p in pieces[:i]) for i in range(len(pieces))]
    if len(text) <= limit:
        assert len(pieces) == (1 if text else 0)


def test_a_piece_ends_at_a_line_break_then_a_sentence_end_then_a_space() -> None:
    line = "The envoy arrived on Monday. Talks began at once.\nThey went on late."
    assert [p for _, p in chunks(line, 60)] == ["The envoy arrived on Monday. Talks began at once.\n",
                                               "They went on late."]
    sentences = "The envoy arrived on Monday. Talks began at once and went on late."
    assert next(p for _, p in chunks(sentences, 40)) == "The envoy arrived on Monday. "
    words = "The envoy arrived on Monday and talks began at once"
    assert next(p for _, p in chunks(words, 20)) == "The envoy arrived "
    # A line break or sentence end in the second half wins; one in the first half still
    # beats a space, as a smaller piece is better than a sentence cut in two.
    late = "Hi.\nThe envoy arrived. Talks began at once"
    assert next(p for _, p in chunks(late, 30)) == "Hi.\nThe envoy arrived. "
    early = "Hi.\nThe envoy arrived on Monday and talks began at once"
    assert next(p for _, p in chunks(early, 30)) == "Hi.\n"
    # "Mr." and "U.S." end no sentence.
    titles = "Talks with Mr. Dalberg of the U.S. Trade office"
    assert next(p for _, p in chunks(titles, 40)) == "Talks with Mr. Dalberg of the U.S. "
    assert [p for _, p in chunks("x" * 25, 10)] == ["x" * 10, "x" * 10, "x" * 5]


def test_read_in_pieces_keeps_the_text_the_body_and_the_identity() -> None:
    text = "By Staff Writer\nThe envoy arrived on Monday.\n"
    article = Article("doc", text, title="Talks", furniture=((0, 15),))
    pieced = read_in_pieces(article)
    assert (pieced.text, pieced.body, pieced.info()) == (article.text, article.body, article.info())
    assert pieced.body.startswith(" " * 15 + "\n")


def test_merged_pieces_keep_text_order_and_every_problem() -> None:
    article = Article("doc", "Oslo. Lima.")
    info = article.info()

    def place(start: int, end: int) -> Mention:
        from kg.vocab import EntityKind, MentionRole

        sentence = Evidence("doc", start, end + 1, article.text[start : end + 1])
        text = article.text[start:end]
        return Mention("doc", start, end, text, EntityKind.PLACE, sentence, MentionRole.NAME)

    first = ArticleFacts(info, mentions=(place(0, 4),), words=1)
    second = ArticleFacts(info, mentions=(place(6, 10),), words=1,
                          problems=(Problem("KG199", "doc", "made up", skipped=False),))
    merged = merge_chunks([first, second])
    assert [m.text for m in merged.mentions] == ["Oslo", "Lima"]
    assert merged.words == 2 and [p.code for p in merged.problems] == ["KG199"]


class _Recording:
    """A pipeline that records how many characters each ``nlp.pipe`` call is given."""

    def __init__(self) -> None:
        self.nlp = spacy.blank("en")
        for name in ("sentencizer", "kg_paragraphs"):
            self.nlp.add_pipe(name)
        add_components(self.nlp, load_knowledge(None))
        self.calls: list[list[int]] = []

    def pipe(self, texts, as_tuples: bool, batch_size: int):  # as spaCy's Language.pipe
        texts = list(texts)
        self.calls.append([len(text) for text, _ in texts])
        return self.nlp.pipe(texts, as_tuples=as_tuples, batch_size=batch_size)


def _long_article(paragraphs: int) -> Article:
    lines = [f"Officials of Norway and Chile met in Lima on day {i}, and the envoy of Peru flew on to "
             f"Santiago. Talks in Oslo are due next. " * 3 for i in range(paragraphs)]
    text = "Talks go on\n" + "\n".join(line.strip() for line in lines) + "\n"
    # The first line is page furniture: blanked for the parse, kept in the text.
    return Article("long", text, title="Talks go on", furniture=((0, 11),))


def test_a_long_article_goes_to_the_parser_in_bounded_pieces_with_exact_offsets() -> None:
    article = _long_article(600)
    assert len(article.text) > 200_000
    recording = _Recording()
    settings = Settings(max_chars_per_chunk=2_000, max_chars_per_parse=5_000)
    # Two long articles in one batch: the bound holds across them too.
    facts, again = BatchParser(settings, nlp=recording)([article, article]).facts  # type: ignore[arg-type]
    assert max(sum(call) for call in recording.calls) <= 5_000
    assert max(size for call in recording.calls for size in call) <= 2_000
    assert sum(sum(call) for call in recording.calls) == 2 * len(article.text)
    assert facts == again
    assert facts.info == article.info()
    places = [m for m in facts.mentions if m.text in {"Norway", "Chile", "Lima", "Peru", "Santiago", "Oslo"}]
    assert len(places) == 600 * 3 * 6
    for mention in facts.mentions:
        assert article.text[mention.start : mention.end] == mention.text
        sentence = mention.sentence
        assert article.text[sentence.start : sentence.end] == sentence.text
        assert sentence.start <= mention.start < mention.end <= sentence.end
    starts = [m.start for m in facts.mentions]
    assert starts == sorted(starts)


def test_a_whole_article_is_one_piece_under_the_limit() -> None:
    article = _long_article(3)
    recording = _Recording()
    BatchParser(Settings(), nlp=recording)([article, article])  # type: ignore[arg-type]
    assert recording.calls == [[len(article.text), len(article.text)]]


_TOLD = (
    "Norwegian Foreign Minister Henrik Dalberg met Chilean President Mateo Quiroga in Oslo on Monday.",
    "The two leaders discussed fishing rights and trade, officials said.",
    "Markets in the region were calm after the announcement.",
    "Speaking to reporters, Dalberg said afterwards that the talks had been constructive.",
    "Officials said Quiroga is expected to travel on to Stockholm later this week.",
)


@pytest.mark.slow
def test_facts_from_pieces_join_up_as_in_the_whole_article(tmp_path: Path) -> None:
    whole, pieces = tmp_path / "whole", tmp_path / "pieces"
    for folder in (whole, pieces):
        folder.mkdir()
        (folder / "talks.txt").write_text("Talks in Oslo\n" + "\n".join(_TOLD) + "\n", encoding="utf-8")
    # Each sentence is a piece of its own, parsed a sentence or two at a time.
    G_pieces = build(pieces, Settings(max_chars_per_chunk=120, max_chars_per_parse=150))
    G_whole = build(whole, Settings())

    def people(G: nx.MultiDiGraph) -> dict[str, set[str]]:
        return {data["label"]: {e.text for e in data["evidence"]}
                for _, data in G.nodes(data=True) if data["kind"] == "person"}

    found = people(G_pieces)
    assert found == people(G_whole)
    # The surname alone, pieces away from the full name, is the same person.
    assert {_TOLD[0], _TOLD[3]} <= found["Henrik Dalberg"]
    assert {_TOLD[0], _TOLD[4]} <= found["Mateo Quiroga"]
    text = (pieces / "talks.txt").read_text(encoding="utf-8")
    told = {}
    for name, G in (("pieces", G_pieces), ("whole", G_whole)):
        [meeting] = [data for _, data in G.nodes(data=True) if data["kind"] == "meeting"]
        told[name] = {e.text for e in meeting["evidence"]}
        for _, data in G.nodes(data=True):
            for evidence in data.get("evidence", ()):
                assert text[evidence.start : evidence.end] == evidence.text
    # "The two leaders" are the two who met: the whole article sees it; a piece that begins
    # there cannot look back across the cut (see kg.facts), and tells no meeting of its own.
    assert told == {"whole": {_TOLD[0], _TOLD[1]}, "pieces": {_TOLD[0]}}


@pytest.mark.slow
def test_how_pieces_are_grouped_for_the_parser_changes_nothing(
    seeds_dir: Path, seeds_graph: nx.MultiDiGraph
) -> None:
    from kg.export.rdf import to_turtle

    # One article per nlp.pipe call against the default (all of seeds/ in one call).
    assert to_turtle(build(seeds_dir, Settings(max_chars_per_parse=1))) == to_turtle(seeds_graph)
