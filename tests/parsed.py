"""Hand-parsed Docs for rule tests: a sentence given word by word with its head, dependency
label and tag (``(word, head, dep, tag[, lemma])``, heads as absolute token indices), run
through kg's components on a blank pipeline, and read as kg's mentions. What a test on
such a Doc checks is kg's rule, never a statistical model's parse."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from kg.knowledge import Knowledge, load_knowledge
from kg.mentions import DocMentions
from kg.types import Article

Row = tuple  # (word, head, dep, tag) or (word, head, dep, tag, lemma)
NO_SPACE_BEFORE = {",", ".", "'s", "\u2019s", "?", ":", ";", "\u2019ll", "'ll"}
KNOWLEDGE = load_knowledge(None)
# Penn Treebank tags to universal parts of speech (what the model's attribute ruler does).
POS = {"NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "JJ": "ADJ", "JJR": "ADJ",
       "RB": "ADV", "RBR": "ADV", "VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB",
       "VBP": "VERB", "VBZ": "VERB", "MD": "AUX", "IN": "ADP", "DT": "DET", "PRP": "PRON",
       "PRP$": "PRON", "POS": "PART", "CC": "CCONJ", "CD": "NUM", ",": "PUNCT", ".": "PUNCT",
       "TO": "PART", "HYPH": "PUNCT"}


def spec_rows(spec: str) -> list[Row]:
    """Rows from a sentence written one word a line, ``word head dep tag [lemma]`` (blank lines
    skipped)."""
    return [tuple(int(x) if i == 1 else x for i, x in enumerate(line.split()))
            for line in spec.strip().splitlines() if line.strip()]


def natural_spaces(words: Sequence[str]) -> list[bool]:
    """A space after each word, except before punctuation and possessives and around line breaks."""
    return [i + 1 < len(words) and words[i + 1] not in NO_SPACE_BEFORE and "\n" not in words[i]
            for i in range(len(words))]


def iob_tags(length: int, ents: Sequence[tuple[int, int, str]]) -> list[str]:
    """IOB entity tags for ``length`` tokens from ``(start, end, label)`` spans."""
    iob = ["O"] * length
    for start, end, label in ents:
        iob[start] = f"B-{label}"
        iob[start + 1 : end] = [f"I-{label}"] * (end - start - 1)
    return iob


def parse(nlp: Language, rows: Sequence[Row], ents: Sequence[tuple[int, int, str]] = (), prefix: str = "",
          published: dt.date | None = None, knowledge: Knowledge = KNOWLEDGE) -> DocMentions:
    """Build the Doc, run kg's components, and read its mentions.

    ``prefix`` is article text before this chunk (the Doc is then a chunk at that offset);
    ``published`` is the article's publication date (relative dates resolve against it);
    ``knowledge`` is what the mentions are read with (kg's own data unless a test makes its own,
    which ``nlp`` should then have been given too).
    """
    words = [r[0] for r in rows]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=natural_spaces(words),
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        tags=[r[3] for r in rows],
        pos=[POS.get(r[3], "X") for r in rows],
        lemmas=[r[4] if len(r) > 4 else r[0].lower() for r in rows],
        ents=iob_tags(len(words), ents),
    )
    for _, component in nlp.pipeline:
        doc = component(doc)
    article = Article(doc_id="t.txt", text=prefix + doc.text, published=published)
    return DocMentions(doc, article, knowledge, offset=len(prefix))
