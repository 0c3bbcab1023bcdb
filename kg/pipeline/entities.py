"""Reconcile the model's named entities with the gazetteer into one clean span list.

The gazetteer is right about what it knows; the model is right about names it has
never seen but often wrong about their kind ("Moreau" as a place, "Secretary of
State" as an organisation "State"). The result, ``doc.spans["kg"]``, holds the gazetteer
spans, unchanged (labels from :class:`kg.lexicon.Label`), and the names the model found,
labelled with the :class:`~kg.vocab.MentionRole` their mentions start from:

- ``PERSON``: a clean personal name. The model's span is cut to the name (titles, "the",
  honorifics such as "Dr." or "Brig. Gen.", a possessive "'s" and what follows it, a
  headline word after the name: "X Visits Y", "X With Y") and widened where the model
  stopped short: over given names and initials before it ("[Jane Q.] Roe"), a hyphenated
  syllable after it ("Kim Ji[-ho]") and a generational suffix ("Roe [Jr.]");
- a name the model labelled a place or organisation is a person's when a title comes
  right before it ("President [Amir Okafor]" tagged as a place) or when it holds a
  middle initial ("Secretary of Trade [Paul T. Okafor]" tagged as an organisation:
  the name starts at the word before the initial);
- a name the model did not tag at all is a person's when it comes right after a title
  (or after the country a title is "of": "President of the Republic of Chad [Amir
  Okafor]"): two to four capitalised proper nouns ("Minister of Defense [Kenji Mori]"),
  one that ends a name the model found elsewhere in the article ("Minister [Mori]"), or
  one with a regnal number ("King [Omar II]"); or right before an apposed title ("[Amir
  Okafor], Chad's president,"), not after a preposition or determiner (a place);
- a title's portfolio the model ran into the next name is cut off ("for African
  Affairs [Jane Roe]"); a model entity that runs over a verb ("[Roe met Vale]" as one
  organisation) is no name, its words count as untagged; a city's name glued by a hyphen
  to a capitalised word ("Al-Sabah") is part of a family name, not the city;
- ``ORG``: an organisation name the model found that looks like one (an acronym,
  or a name ending in an organisation word such as "Party" or "Corp.");
- ``PLACE``: a multi-word place name the gazetteer does not know (unless what follows
  it is something only a person has: "Paul Okafor's second term" is a person);
- ``NAME``: a single capitalised word of unsure kind ("Moreau" tagged GPE), left
  for cross-document resolution to decide; ``kb_id`` keeps the model's label.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.attrs import IS_ALPHA, IS_LOWER, LOWER
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.knowledge import Knowledge
from kg.lexicon import Label
from kg.pipeline.gazetteer import SPAN_KEY as GAZETTEER_KEY
from kg.roles import NameWords
from kg.vocab import SENTENCE_ENDS, MentionRole

__all__ = ["SPAN_KEY", "EntityReconciler", "in_unfinished_line"]

SPAN_KEY = "kg"

_MODEL_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC"}
_LEADING = {"the", "a", "an"}
_POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}
_HYPHENS = {"-", "\u2010"}
# Parts of speech a name is never made of: a verb or preposition after a name is a headline's.
_NOT_NAME_POS = {"VERB", "AUX", "ADP", "CCONJ", "SCONJ"}
_INITIAL = re.compile(r"[A-Z]\.")
_MAX_NAME_WORDS = 4
# The prepositions a title's portfolio follows: "Minister for [Trade]", "Secretary of [Defense]".
_PORTFOLIO_PREPS = {"for", "of"}


@dataclass(frozen=True, slots=True)
class _Marks:
    """What the reconciler knows of an article's tokens before it reads the model's entities.

    ``taken``: owned by a gazetteer span; ``not_given``: no given name (see
    :meth:`EntityReconciler._not_given_names`); ``titled``: the first token after an
    office title and its honorifics, where a name the title belongs to starts.
    """

    taken: bytearray
    not_given: bytearray
    titled: frozenset[int]
    #: Tokens of a model entity that runs over a verb ("[Lula met Zelenskyy]" tagged as one
    #: organisation): no name as the model tagged it, so its words count as untagged.
    unnamed: frozenset[int] = frozenset()


class EntityReconciler:
    """Merge ``doc.ents`` and the gazetteer spans into ``doc.spans["kg"]``.

    Examples
    --------
    >>> import spacy
    >>> from spacy.tokens import Doc, Span, Token
    >>> nlp = spacy.blank("en")
    >>> doc = Doc(nlp.vocab, words=["President", "Paul", "Okafor", "met", "Moreau"])
    >>> doc.ents = [Span(doc, 0, 3, "PERSON"), Span(doc, 4, 5, "GPE")]
    >>> doc.spans["kg_gazetteer"] = [Span(doc, 0, 1, "TITLE", kb_id="president")]
    >>> from kg.roles import read_name_words
    >>> doc = EntityReconciler(read_name_words(None))(doc)
    >>> [(s.text, s.label_) for s in doc.spans["kg"]]
    [('President', 'TITLE'), ('Paul Okafor', 'PERSON'), ('Moreau', 'NAME')]
    """

    def __init__(self, words: NameWords | None = None, title_words: frozenset[str] = frozenset()) -> None:
        # None until ``initialize`` gives the words: reconciling without them would hide the mistake.
        self._words = words
        self._set_title_words(title_words)

    def _set_title_words(self, title_words: frozenset[str]) -> None:
        self.title_words = title_words
        self._title_hashes = frozenset(get_string_id(w) for w in title_words)

    def initialize(self, get_examples: Callable[[], Iterable[Any]], *, nlp: Language | None = None,
                   knowledge: Knowledge) -> None:
        """Use the name words and the words of office titles of ``knowledge`` (spaCy's
        ``initialize`` protocol; ``get_examples`` is not used)."""
        self._words = knowledge.name_words
        self._set_title_words(frozenset(
            word for title in knowledge.titles.values() for phrase in (title.title, *title.aliases)
            for word in phrase.lower().split() if word.isalpha()
        ))

    @property
    def words(self) -> NameWords:
        """The word lists that decide what a name is."""
        if self._words is None:
            raise ValueError("kg_entities has no name words: call its initialize(..., knowledge=...) first "
                             "(kg.nlp.add_components does)")
        return self._words

    def __call__(self, doc: Doc) -> Doc:
        known = [self._with_suffix(s) for s in doc.spans[GAZETTEER_KEY]] if GAZETTEER_KEY in doc.spans else []
        # "Al-Sabah": a city's name joined by a hyphen to a capitalised word before it is a
        # word of a personal or family name, not the city ("trans-Pacific" stays the ocean's).
        known = [s for s in known if not (s.label_ in {Label.CITY, Label.CAPITAL} and s.start >= 2
                                          and _glued(s[0]) and doc[s.start - 2].text[:1].isupper())]
        taken = bytearray(len(doc))
        for span in known:
            taken[span.start : span.end] = b"\x01" * (span.end - span.start)
        titled = frozenset(self._after_honorifics(doc, end) for end in _title_ends(known))
        run_on = [ent for ent in doc.ents if ent.label_ != "PERSON" and any(
            t.pos_ in {"VERB", "AUX"} and t.i not in {ent.start, ent.end - 1} for t in ent)]
        unnamed = frozenset(t.i for ent in run_on for t in ent)
        marks = _Marks(taken, self._not_given_names(doc, taken), titled, unnamed)
        found = [s for s in (self._from_model(ent, marks) for ent in doc.ents if ent not in run_on)
                 if s is not None]
        found += [s for s in (self._after_headline_word(span) for span in found) if s is not None]
        # A surname the article gives with a full name elsewhere ("Jane Roe", then "Minister Roe").
        surnames = frozenset(s[-1].text for s in found if s.label_ == MentionRole.PERSON and len(s) > 1)
        untagged = (self._untagged_after(doc, i, marks, surnames) for i in sorted(marks.titled))
        found += [s for s in untagged if s is not None]
        apposed = (self._untagged_before(doc, end, marks) for end in _apposition_commas(known))
        found += [s for s in apposed if s is not None]
        found += self._names_again(doc, found, marks)
        found = _without_headline_tails(found)
        found += self._shorthands(doc, known, found)
        doc.spans[SPAN_KEY] = sorted(filter_spans(known + found), key=lambda s: s.start)
        return doc

    def _shorthands(self, doc: Doc, known: list[Span], found: list[Span]) -> list[Span]:
        """"the North" in an article that names North Korea (and no other country whose name
        starts so): the country, where no other span is and no capitalised word follows ("the
        North Atlantic")."""
        codes: dict[str, set[str]] = {}
        for span in known:
            if span.label_ in {Label.COUNTRY, Label.DEMONYM} and len(span) > 1:
                word = span[0].lower_
                if word in self.words.shorthand:
                    codes.setdefault(word, set()).add(span.kb_id_)
        if not codes:
            return []
        covered = {i for s in known + found for i in range(s.start, s.end)}
        out = []
        for token in doc[1:]:
            country = codes.get(token.lower_, set())
            after = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if (len(country) == 1 and token.text[:1].isupper() and doc[token.i - 1].lower_ == "the"
                    and token.i not in covered and not (after is not None and after.text[:1].isupper())):
                out.append(Span(doc, token.i, token.i + 1, label=Label.COUNTRY, kb_id=next(iter(country))))
        return out

    def _with_suffix(self, span: Span) -> Span:
        """A known organisation takes a corporate suffix after it ("Microsoft Corp.")."""
        doc = span.doc
        suffixed = span.end < len(doc) and doc[span.end].lower_ in self.words.org_suffixes
        if span.label_ == MentionRole.ORG and suffixed:
            return Span(doc, span.start, span.end + 1, label=span.label_, kb_id=span.kb_id_)
        return span

    def _not_given_names(self, doc: Doc, taken: bytearray) -> bytearray:
        """Tokens a name cannot be widened over: the gazetteer's, words of office titles
        ("Secretary" alone is no title, but no given name either), and words the article
        also writes in lower case (a common noun, not a name)."""
        marks = bytearray(taken)
        if not len(doc):
            return marks
        # On the token arrays: a Python loop over every token cost as much as the rest of the component.
        flags = doc.to_array([LOWER, IS_ALPHA, IS_LOWER]).tolist()
        common = {lower for lower, alpha, is_lower in flags if alpha and is_lower} | self._title_hashes
        for i, (lower, _, _) in enumerate(flags):
            if lower in common:
                marks[i] = 1
        return marks

    def _from_model(self, ent: Span, marks: _Marks) -> Span | None:
        if ent.label_ not in _MODEL_LABELS:
            return None
        taken = marks.taken
        span = _trim(ent, taken, after_taken=ent.label_ == "PERSON")
        if span is None or not any(t.is_alpha for t in span):
            return None
        if ent.label_ == "PERSON":
            return self._person(self._widened(_with_name_head(self._after_portfolio(span), taken), marks))
        named = self._misnamed_person(span, marks)
        if named is not None:
            return named
        if len(span) == 1:
            return self._single(span, ent.label_)
        last = span[-1].lower_
        if last in self.words.gatherings:
            return None
        if ent.label_ == "ORG":
            if not self._org_like(span):
                return None
            return Span(span.doc, span.start, span.end, label=MentionRole.ORG)
        if self._owns_personal(span):
            return self._person(span)
        return Span(span.doc, span.start, span.end, label=MentionRole.PLACE, kb_id=ent.label_)

    def _owns_personal(self, span: Span) -> bool:
        """"<Name>'s [second] term": only a person has what follows the possessive."""
        doc = span.doc
        if span.end >= len(doc) or doc[span.end].text not in _POSSESSIVE:
            return False
        for token in doc[span.end + 1 : span.end + 4]:
            if token.lower_ in self.words.personal:
                return True
            if token.is_punct:
                return False
        return False

    def _person(self, span: Span) -> Span | None:
        """The personal name in ``span``, or None when it is not one."""
        cut = self._name_part(span)
        if cut is None:
            return None
        span = cut
        # A headline's auxiliary is not a first name: "Will Smith meet ...?" at a sentence start.
        while len(span) > 1 and span[0].is_sent_start and span[0].is_stop:
            span = span[1:]
        words = 0
        for token in span:
            if token.lower_ in self.words.particles or token.text in {"-", "."} or _glued(token):
                continue
            if not token.text[:1].isupper() or not any(c.isalpha() for c in token.text):
                return None
            words += 1
        if words > _MAX_NAME_WORDS or not words:
            return None
        # "Art Gallery", "National Museum": a name ending in an organisation's head word is not a person's;
        # "Photo Credit", "News Logo": page furniture is no one's.
        if len(span) > 1 and span[-1].lower_ in self.words.org_heads | self.words.gatherings:
            return None
        if any(t.lower_ in self.words.not_names for t in span):
            return None
        return Span(span.doc, span.start, span.end, label=MentionRole.PERSON)

    def _name_part(self, span: Span) -> Span | None:
        """``span`` without leading honorifics and title words, and cut before a possessive
        or a headline word.

        "Dr. Jane Roe" and "Administrator Jane Roe" are "Jane Roe"; "Roe's Visit" and
        "Roe Visits Varnholm" are "Roe"; a span of honorifics only ("Brig.") is no name at all.
        """
        doc = span.doc
        start = self._after_honorifics(doc, span.start, span.end)
        while start + 1 < span.end and doc[start].lower_ in self.title_words:
            start = self._after_honorifics(doc, start + 1, span.end)
        end = span.end
        for i in range(start, span.end):
            token = doc[i]
            if token.text in _POSSESSIVE:
                end = i
                break
            # Headline case: a capitalised word after the name's first, set off by a space.
            headline_case = i > start and doc[i - 1].whitespace_ != "" and token.text[:1].isupper()
            if headline_case and token.lower_ not in self.words.particles and (
                token.lower_ in self.words.headline or token.pos_ in _NOT_NAME_POS
            ):
                end = i
                break
        return doc[start:end] if start < end else None

    def _after_headline_word(self, name: Span) -> Span | None:
        """The second name of a headline the model ran together ("Roe With [Varga] At Summit"):
        the model's entity goes on after the headline word that ended ``name``."""
        doc = name.doc
        if name.label_ != MentionRole.PERSON or name.end + 1 >= len(doc):
            return None
        cut = doc[name.end]
        if cut.lower_ not in self.words.headline and cut.pos_ not in _NOT_NAME_POS:
            return None
        end = name.end + 1
        while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].ent_type_ == "PERSON":
            end += 1
        if doc[name.end].ent_iob_ != "I" or end == name.end + 1:
            return None
        return self._person(doc[name.end + 1 : end])

    def _is_honorific(self, token: Token) -> bool:
        return token.text[:1].isupper() and token.lower_.rstrip(".") in self.words.honorifics

    def _after_honorifics(self, doc: Doc, i: int, end: int | None = None) -> int:
        """The first token from ``i`` on that is neither an honorific nor its full stop."""
        stop = len(doc) if end is None else end
        while i < stop and self._is_honorific(doc[i]):
            i += 1
            if i < stop and doc[i].text == "." and not doc[i - 1].whitespace_:
                i += 1
        return i

    def _widened(self, span: Span, marks: _Marks) -> Span:
        """Widen a person's name where the model stopped short of it.

        Left over given names and initials that modify it ("Jane Q. [Roe]"), unless they
        are the gazetteer's, honorifics or headline words; both ways over a lower-case name
        particle and the name word beyond it ("[Omar bin] Tariq", "Ana von [der Berg]");
        right over a syllable joined by a hyphen ("Kim Ji[-ho]") and a generational suffix
        ("Roe [Jr.]").
        """
        doc = span.doc
        taken = marks.taken
        start, end = span.start, span.end
        left = start
        while left > 0 and end - left < _MAX_NAME_WORDS + 1:
            token = doc[left - 1]
            capitalised = token.is_alpha and token.text[:1].isupper() and not token.is_upper
            modifies = token.dep_ == "compound" and left <= token.head.i < end and token.whitespace_ != ""
            if (not (capitalised or _is_initial(token)) or not modifies or marks.not_given[left - 1]
                    or token.is_stop or self._is_honorific(token) or token.lower_ in self.words.headline):
                break
            left -= 1
        # Only where the words are surely a given name: a middle initial is among them
        # ("[Jane] Q. Roe"), or a title stands right before them ("Adviser [Jane] Roe").
        if left < start and (left in marks.titled or any(_is_initial(t) for t in doc[left : start + 1])):
            start = left
        # A particle joins the words around it into one name: "[Omar bin] Tariq", "Ana von [der Berg]".
        if start >= 2 and self._is_particle(doc[start - 1]) and self._given_name(doc[start - 2], marks):
            start -= 2
        while end + 1 < len(doc) and doc[end].text in _HYPHENS and not doc[end - 1].whitespace_ and (
            not doc[end].whitespace_ and doc[end + 1].is_alpha and not taken[end + 1]
        ):
            end += 2
        after = end
        while after < len(doc) and self._is_particle(doc[after]):
            after += 1
        particles = after > end or self._is_particle(doc[end - 1])
        if particles and after < len(doc) and self._given_name(doc[after], marks):
            end = after + 1
        if end < len(doc) and not taken[end] and doc[end].text[:1].isupper() and (
            doc[end].lower_ in self.words.name_suffixes
        ):
            end += 1
            if end < len(doc) and doc[end].text == "." and not doc[end - 1].whitespace_:
                end += 1
        return doc[start:end]

    def _untagged_after(self, doc: Doc, i: int, marks: _Marks, surnames: frozenset[str]) -> Span | None:
        """A name right after a title that the model did not tag at all ("Minister of
        Defense Kenji Mori," with no entity): two to four capitalised proper nouns, then
        a word that is not one; or one, when it ends a person's name the article gives
        in full (``surnames``: "Minister Mori" after "Kenji Mori")."""
        end = i
        limit = min(len(doc), i + _MAX_NAME_WORDS + 1)
        while end < limit and _untagged_name_word(doc[end], marks):
            end += 1
        # A regnal number ends a name that may be one word: "King Abdullah II".
        suffixes = self.words.name_suffixes
        regnal = i < end < len(doc) and doc[end].is_upper and doc[end].lower_ in suffixes
        shortest = 1 if end == i + 1 and (doc[i].text in surnames or regnal) else 2
        if not shortest <= end - i <= _MAX_NAME_WORDS or doc[i].lower_ in self.words.headline:
            return None
        name = self._person(doc[i : end + 1] if regnal else doc[i:end])
        # What is left of a headline ("Secretary Visit Planned": "Visit") is not a name.
        return name if name is not None and len(name) >= shortest else None

    def _untagged_before(self, doc: Doc, end: int, marks: _Marks) -> Span | None:
        """A name right before the comma of an apposed title that the model did not tag at
        all ("Amir Okafor, Chad's president, said"): two to four capitalised proper nouns,
        not after a preposition or a determiner ("In Lakeside Port, the president said")."""
        start, first = end, max(0, end - _MAX_NAME_WORDS - 1)
        while start > first and _untagged_name_word(doc[start - 1], marks):
            start -= 1
        if not 2 <= end - start <= _MAX_NAME_WORDS or doc[start].lower_ in self.words.headline:
            return None
        if start > 0 and doc[start - 1].pos_ in {"ADP", "DET"}:
            return None  # "In Lakeside Port, the president said": a place
        name = self._person(doc[start:end])
        return name if name is not None and len(name) == end - start else None

    def _names_again(self, doc: Doc, found: list[Span], marks: _Marks) -> list[Span]:
        """A word of a person's full name, written again alone where the model tagged nothing
        ("William Ruto met..." then "Ruto said"; "Abiy Ahmed", then "Abiy"): the person, when
        it is a proper noun in no other span and no word of a longer untagged name."""
        words = {t.text for span in found if span.label_ == MentionRole.PERSON and len(span) > 1
                 for t in span if t.is_alpha and t.text[:1].isupper()}
        if not words:
            return []
        covered = bytearray(marks.taken)
        for span in found:
            covered[span.start : span.end] = b"\x01" * len(span)
        out = []
        for token in doc:
            i = token.i
            if token.text not in words or covered[i] or not _untagged_name_word(token, marks):
                continue
            beside = [doc[j] for j in (i - 1, i + 1) if 0 <= j < len(doc)]
            if any(not covered[t.i] and _untagged_name_word(t, marks) for t in beside):
                continue
            out.append(Span(doc, i, i + 1, label=MentionRole.PERSON))
        return out

    def _is_particle(self, token: Token) -> bool:
        """A lower-case name particle ("bin", "von", "da")."""
        return token.is_lower and token.lower_ in self.words.particles

    def _given_name(self, token: Token, marks: _Marks) -> bool:
        """``token`` can be a given name: capitalised, and no gazetteer term, title word,
        honorific, headline word or word the article also writes in lower case."""
        capitalised = token.is_alpha and token.text[:1].isupper() and not token.is_upper
        return (capitalised and not marks.not_given[token.i] and not self._is_honorific(token)
                and token.lower_ not in self.words.headline)

    def _misnamed_person(self, span: Span, marks: _Marks) -> Span | None:
        """A person's name the model labelled a place or organisation.

        It is one when an office title comes right before it ("President [Amir Okafor]"),
        or from the word before a middle initial inside it ("Trade Secretary [Paul T. Okafor]").
        """
        doc = span.doc
        for i in range(span.start + 1, span.end - 1):
            if _is_initial(doc[i]) and doc[i - 1].is_alpha and doc[i - 1].text[:1].isupper():
                return self._person(self._widened(doc[i - 1 : span.end], marks))
        if len(span) > 1 and span.start in marks.titled and not self._org_like(span):
            return self._person(self._widened(self._after_portfolio(span), marks))
        return None

    def _after_portfolio(self, span: Span) -> Span:
        """``span`` without the portfolio of the title before it that the model ran into the
        name ("Assistant Secretary of State [for African Affairs] Jane Roe"): what follows
        the last word of an office title after "for" or "of", when two words or more follow it."""
        doc = span.doc
        start = span.start + 1 if doc[span.start].lower_ in _PORTFOLIO_PREPS else span.start
        if start == span.start and (span.start == 0 or doc[span.start - 1].lower_ not in _PORTFOLIO_PREPS):
            return span
        last = max((k for k in range(start, span.end - 2) if doc[k].text[:1].isupper()
                    and doc[k].lower_ in self.title_words), default=None)
        return span if last is None else doc[last + 1 : span.end]

    def _single(self, span: Span, model_label: str) -> Span | None:
        token = span[0]
        if token.is_upper and 2 <= len(token) <= 6 and model_label == "ORG":
            return Span(span.doc, span.start, span.end, label=MentionRole.ORG)
        if not token.text[:1].isupper() or not token.is_alpha:
            return None
        if span.start > 0 and span.doc[span.start - 1].lower_ == "the":
            return None  # "the North", "the Kremlin": a name with an article is no person's
        return Span(span.doc, span.start, span.end, label=MentionRole.NAME, kb_id=model_label)

    def _org_like(self, span: Span) -> bool:
        return span[-1].lower_ in self.words.org_heads or span[-1].text.rstrip(".").lower() in {
            w.rstrip(".") for w in self.words.org_heads
        }


def _without_headline_tails(found: list[Span]) -> list[Span]:
    """Cut the last word off a person's name in a headline when the article names the
    person without it elsewhere ("Jane Roe Slams Critics" above "Jane Roe said ..."):
    a headline verb the word lists and the tagger both missed. A headline is a line
    without final punctuation. What is left must be two words or more: "Lu Wen" in a
    headline stays whole when the article calls the person "Lu" alone."""
    people = [s for s in found if s.label_ == MentionRole.PERSON]
    elsewhere = {tuple(t.lower_ for t in s) for s in people}
    out = []
    for span in found:
        shorter = span[:-1]
        if (span.label_ == MentionRole.PERSON and len(span) > 2 and span[-1].is_alpha
                and tuple(t.lower_ for t in shorter) in elsewhere and _in_headline(span)):
            span = Span(span.doc, shorter.start, shorter.end, label=span.label_)
        out.append(span)
    return out


def _in_headline(span: Span) -> bool:
    """``span`` stands on a line that does not end like a sentence."""
    return in_unfinished_line(span.doc.text, span.start_char, span.end_char)


def in_unfinished_line(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands on a line that does not end like a sentence (a
    headline's: "X Meets Y", no full stop).

    >>> in_unfinished_line("Roe Meets Lin\\nRoe met Lin.", 0, 3), in_unfinished_line("Roe met Lin.", 0, 3)
    (True, False)
    """
    stop = text.find("\n", end)
    line = text[text.rfind("\n", 0, start) + 1 : len(text) if stop < 0 else stop].rstrip()
    return not line.endswith(SENTENCE_ENDS)


def _title_ends(known: list[Span]) -> Iterator[int]:
    """Where each office title ends, with the country it is "of" when one follows:
    "President [of the Republic of Korea]", whose holder's name comes after the country
    in the style of many governments' readouts ("Chancellor of the Federal Republic of
    Germany Jane Roe")."""
    spans = sorted(known, key=lambda s: s.start)
    for at, title in enumerate(spans):
        if title.label_ != MentionRole.TITLE:
            continue
        yield title.end
        country = spans[at + 1] if at + 1 < len(spans) else None
        if country is None or country.label_ != Label.COUNTRY:
            continue
        between = [t.lower_ for t in title.doc[title.end : country.start]]
        if between in (["of"], ["of", "the"]):
            yield country.end


def _apposition_commas(known: list[Span]) -> Iterator[int]:
    """Where a comma stands before an apposed office title: ", <country>'s <title>", ", the
    <demonym> <title>", ", <demonym> <title>" (the title's owner and determiner between)."""
    owners = {s.end: s.start for s in known if s.label_ in {Label.COUNTRY, Label.DEMONYM}}
    for title in known:
        if title.label_ != MentionRole.TITLE:
            continue
        doc = title.doc
        i = title.start
        for _ in range(3):  # a country and its possessive, a demonym, a determiner
            if i in owners:
                i = owners[i]
            elif i > 0 and (doc[i - 1].text in _POSSESSIVE or doc[i - 1].lower_ in _LEADING):
                i -= 1
        if i > 0 and doc[i - 1].text == ",":
            yield i - 1


def _untagged_name_word(token: Token, marks: _Marks) -> bool:
    """A capitalised proper noun (not all capitals) in no entity (or in one that is no name,
    see :class:`_Marks`), that can be a name (see :meth:`EntityReconciler._not_given_names`:
    "Travel Schedule" is no one's name when the article also writes "travel")."""
    untagged = not token.ent_type_ or token.i in marks.unnamed
    return (not marks.not_given[token.i] and untagged and token.pos_ == "PROPN" and token.is_alpha
            and token.text[:1].isupper() and not token.is_upper)


def _is_initial(token: Token) -> bool:
    """A middle initial: one capital letter and a full stop ("J.")."""
    return _INITIAL.fullmatch(token.text) is not None


def _glued(token: Token) -> bool:
    """A syllable joined to the word before it by a hyphen: "ho" of "Ji-ho"."""
    doc = token.doc
    i = token.i
    return i >= 2 and doc[i - 1].text in _HYPHENS and not (doc[i - 1].whitespace_ or doc[i - 2].whitespace_)


def _with_name_head(span: Span, taken: bytearray) -> Span:
    """Extend a name over the capitalised word its last word is a compound of, when the
    model stopped short ("President [Yoon Suk] Yeol": "Yeol" heads the name)."""
    doc = span.doc
    end = span.end
    while (end < len(doc) and end - span.start < 4 and not taken[end] and doc[end].ent_type_ in {"", "PERSON"}
           and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end
           and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and doc[end].is_alpha):
        end += 1
    return doc[span.start : end] if end > span.end else span


def _trim(ent: Span, taken: bytearray, after_taken: bool = False) -> Span | None:
    """Cut the parts of a model entity that are not a name: words the gazetteer owns,
    a leading article, a possessive ending, and anything after a line break.

    With ``after_taken`` (a person's name), gazetteer words inside the entity end what
    comes before them: "Assistant [Administrator] Jane Roe" is "Jane Roe".
    """
    start, end = ent.start, ent.end
    doc = ent.doc
    if after_taken:
        for i in range(end - 1, start - 1, -1):
            if taken[i]:
                start = i + 1
                break
    for i in range(start, end):
        if doc[i].is_space or "\n" in doc[i].text:
            end = i
            break
    while start < end and (taken[start] or doc[start].lower_ in _LEADING or doc[start].is_punct):
        start += 1
    while end > start and (taken[end - 1] or doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    if start >= end or any(taken[start:end]):
        return None
    return doc[start:end]


@Language.factory("kg_entities", assigns=["doc.spans"], requires=["doc.spans", "doc.ents"])
def make_entity_reconciler(nlp: Language, name: str) -> EntityReconciler:
    """spaCy factory: an :class:`EntityReconciler` that gets its name words from ``initialize``."""
    return EntityReconciler()
