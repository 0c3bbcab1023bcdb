"""From a parsed article to typed mentions and office claims.

Reads ``doc.spans["kg"]`` (see :mod:`kg.pipeline.entities`) and turns each span into
a :class:`~kg.types.Mention` with its sentence as evidence. Titles are tied to the
people and owners the text gives them by a few word-order patterns:

- title before a name: "Chinese Foreign Minister Lin Tao", "State Councilor and
  Foreign Minister Lin Tao";
- apposition: "Daniel Kritt, the State Department's top diplomat for East Asia";
- possessive with a comma: "the president's national security adviser, Jane Roe";
  in these two comma patterns a name the model took for a place ("Amir Okafor, a
  spokesperson for ..." tagged as a place) is the person the title is tied to;
- predecessors: "his predecessor John Doe" holds, formerly, what the sentence's
  subject holds;
- the parse, where the title stands away from the name: "Jane Roe's first trip as
  President of Chad", "Jane Roe is Chad's foreign minister", and a verb of
  ``office_verbs.tsv`` with a body as object: "Jane Roe, who heads a party in Chad".

An owner is read from the words before the title (a country, demonym, organisation
or a person's possessive; past a body's name: "Chilean Southern Fleet Commander") or
after it ("Minister of Defence of Chad", "head of Chad's police council"). A nation's
body a list names without its nation takes the nation of the list's other bodies.

A reporter is not an actor in the news: a name that signs the report off ("Jane Roe
reports from Varnholm", "... has more": ``reporter_cue`` in ``name_words.tsv``) or that
stands alone on its line (a byline, optionally "Jane Roe | Varnholm") is no person
mention, and no title is tied to it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from kg.lexicon import Label, split_key
from kg.roles import Title
from kg.types import Article, Evidence, Mention, OfficeClaim
from kg.vocab import POSSESSIVE_MARKS, ClaimRule, EntityKind, MentionRole, TitleKind

if TYPE_CHECKING:
    from kg.knowledge import Knowledge

__all__ = ["DocMentions"]

_DETERMINERS = {"the", "a", "an", "his", "her", "its", "their"}
_POSSESSIVE = POSSESSIVE_MARKS
_POSSESSIVE_DETERMINERS = {"his", "her", "its", "their"}
_COUNTERPART = "counterpart"  # the title key of the descriptor "counterpart"
_OWNER_LABELS = {Label.COUNTRY, Label.DEMONYM, Label.CAPITAL, Label.COMBINING, Label.ORG}
_PERSONAL = {MentionRole.PERSON, MentionRole.NAME}
_COUNTRY_LABELS = {Label.COUNTRY, Label.DEMONYM, Label.COMBINING}
# "talks at the White House", "in the Kremlin": a seat of government as where things happen.
_SETTING_PREPS = {"at", "in", "inside"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "poss", "agent"}
# What may follow a byline's name on its line: "Jane Roe | Varnholm", "Jane Roe — Varnholm".
_BYLINE_SEPARATORS = ("|", "\u2014", "\u2013", "/")
# A byline stands among the first lines of a report or among its last (a sign-off).
_BYLINE_HEAD_LINES = 8
_BYLINE_TAIL_LINES = 3
_BYLINE_REST_WORDS = 4
_PORTFOLIO_PREPOSITIONS = {"of", "for", "on", "to"}
_PORTFOLIO_JOINERS = {"and", "of", "the", "for", "&"}
# A body's name written between a country and a title: "Chilean [Southern Fleet] Commander".
_MAX_UNIT_WORDS = 4
# A title's role is its kind; a body each country has is a generic organisation.
_TITLE_ROLES = {
    TitleKind.OFFICE: MentionRole.OFFICE,
    TitleKind.DESCRIPTOR: MentionRole.DESCRIPTOR,
    TitleKind.ORGANIZATION: MentionRole.GENERIC_ORG,
}


@dataclass(frozen=True, slots=True)
class _Chain:
    """What stands before a title in its noun phrase (:meth:`DocMentions._chain_before`).

    ``np_start`` is the phrase's first token, ``owner`` the owner's span index, ``unit`` the
    token range of a region or body's name that qualifies the title ("Pacific", "Southern
    Fleet"), ``modifiers`` the words that may make another title of it ("top").
    """

    np_start: int
    owner: int | None
    former: bool
    unit: tuple[int, int] | None
    modifiers: frozenset[str]


@dataclass(frozen=True, slots=True, kw_only=True)
class _Claim:
    """An office claim as span indices, before its mentions are made.

    ``title`` is the title's span, ``np_start`` the first token of its noun phrase and
    ``key`` the title it makes with its modifiers. A predecessor claim ("his predecessor
    John Doe") has no title span (``title`` is None): its person held formerly what its
    owner, the sentence's subject, holds, and ``np_start`` is the word "predecessor".
    """

    rule: ClaimRule
    np_start: int
    title: int | None = None
    person: int | None = None
    owner: int | None = None
    former: bool = False
    qualifier: str = ""
    referential: bool = False
    key: str = ""


class DocMentions:
    """The mentions of one parsed article, indexed by token for later stages.

    Parameters
    ----------
    doc:
        The parsed article, or one chunk of a long one (its text is the article's
        body, furniture blanked, from character ``offset`` on).
    article:
        The article as read; evidence text is cut from ``article.text``.
    knowledge:
        Its titles, name words and title compounds are the role vocabulary.
    """

    def __init__(self, doc: Doc, article: Article, knowledge: Knowledge, offset: int = 0) -> None:
        self.doc = doc
        self.article = article
        self.offset = offset
        # Sentences are trimmed against the body, so furniture at their edges (a dateline,
        # a duplicated caption) never comes back into the evidence text.
        self.body = article.body
        self.knowledge = knowledge
        self.spans: list[Span] = list(doc.spans["kg"]) if "kg" in doc.spans else []
        self.at: list[int] = [-1] * len(doc)
        for index, span in enumerate(self.spans):
            for i in range(span.start, span.end):
                self.at[i] = index
        self._sentences: dict[int, Evidence] = {}
        self._attached: dict[int, int] = {}  # title span index -> person span index

    # -- evidence -------------------------------------------------------------------

    def sentence(self, span: Span) -> Evidence:
        """The sentence containing ``span``, trimmed, as evidence cut from the article text."""
        sent = span.sent
        cached = self._sentences.get(sent.start)
        if cached is None:
            start, end = sent.start_char + self.offset, sent.end_char + self.offset
            body = self.body
            while start < end and body[start].isspace():
                start += 1
            while end > start and body[end - 1].isspace():
                end -= 1
            cached = Evidence(self.article.doc_id, start, end, self.article.text[start:end])
            self._sentences[sent.start] = cached
        return cached

    # -- span helpers ----------------------------------------------------------------

    def span_at(self, i: int) -> int:
        """Index of the span covering token ``i``, or -1."""
        return self.at[i] if 0 <= i < len(self.at) else -1

    def _title(self, index: int) -> Title | None:
        span = self.spans[index]
        return self.knowledge.titles.get(span.kb_id_) if span.label_ == Label.TITLE else None

    def _title_of_a_person(self, index: int) -> bool:
        """Span ``index`` is a post or descriptor (not a body such as "foreign ministry")."""
        title = self._title(index)
        return title is not None and title.kind is not TitleKind.ORGANIZATION

    def _is_person_span(self, index: int) -> bool:
        return index >= 0 and self.spans[index].label_ in _PERSONAL and index not in self.reporters

    def _could_be_person(self, index: int) -> bool:
        """A name span, or a place name the model found shaped like a person's (two to four
        capitalised words): a title set off by a comma can show it is a person's."""
        if self._is_person_span(index):
            return True
        if index < 0 or self.spans[index].label_ != MentionRole.PLACE:
            return False
        words = [t for t in self.spans[index] if t.lower_ not in self.knowledge.name_words.particles]
        capitalised = all(t.is_alpha and t.text[:1].isupper() and not t.is_upper for t in words)
        return capitalised and 2 <= len(words) <= 4

    @cached_property
    def text(self) -> str:
        """The text of the parse: the article body's from ``offset`` on (``Doc.text`` would join every
        token's text anew)."""
        if not len(self.doc):
            return ""
        last = self.doc[-1]
        return self.body[self.offset : self.offset + last.idx + len(last.text_with_ws)]

    @cached_property
    def reporters(self) -> frozenset[int]:
        """Indices of the name spans that are the report's byline or sign-off, not actors."""
        return frozenset(
            index for index, span in enumerate(self.spans)
            if span.label_ in _PERSONAL and (self._signs_off(span) or self._alone_on_its_line(span))
        )

    def _signs_off(self, span: Span) -> bool:
        """"Jane Roe reports from Varnholm", "Jane Roe has more.": a reporter's cue follows the
        name. A cue that does not end in a preposition must end the clause ("Jane Roe has
        more than ten years in office" is no sign-off)."""
        cues = self.knowledge.name_words.reporter_cues
        doc = self.doc
        longest = max((len(c.split()) for c in cues), default=0)
        after = [t.lower_ for t in doc[span.end : span.end + longest]]
        for n in range(1, len(after) + 1):
            if " ".join(after[:n]) not in cues:
                continue
            nxt = span.end + n
            if doc[nxt - 1].pos_ == "ADP":
                return True
            if nxt >= len(doc) or doc[nxt].is_punct or doc[nxt].is_space:
                return True
        return False

    def _alone_on_its_line(self, span: Span) -> bool:
        """A byline: the name is its line, or starts it before a separator ("Jane Roe | Varnholm"),
        and the line is among the report's first or last lines (a list of names, one a line,
        in the middle of a report is no byline)."""
        text = self.text
        start = text.rfind("\n", 0, span.start_char) + 1
        end = text.find("\n", span.end_char)
        end = len(text) if end < 0 else end
        rest = text[span.end_char : end].strip()
        if text[start : span.start_char].strip():
            return False
        # After a separator only a place or a date, not a sentence ("Jane Roe — who led ...").
        if rest and not (rest.startswith(_BYLINE_SEPARATORS) and len(rest.split()) <= _BYLINE_REST_WORDS
                         and not rest.endswith((".", "!", "?"))):
            return False
        at = self.offset + span.start_char
        before = sum(1 for line in self.body[:at].splitlines() if line.strip())
        after = sum(1 for line in self.body[at:].splitlines() if line.strip())
        return before < _BYLINE_HEAD_LINES or after <= _BYLINE_TAIL_LINES

    # -- owners and attachments -----------------------------------------------------

    def _chain_before(self, start: int) -> _Chain:
        """Walk left from a title over its noun phrase: its owner, its unit, "former" and the
        modifiers before it.

        A unit is a region ("East Asia Envoy") or the name of a body written between a country
        and the title ("Chilean Southern Fleet Commander", "US Central Command Commander"):
        the country owns the title and the body's name qualifies it (see :meth:`_unit_owner`).
        """
        words = self.knowledge.name_words
        doc = self.doc
        owner: int | None = None
        unit: tuple[int, int] | None = None
        former = False
        modifiers: set[str] = set()
        i = start - 1
        np_start = start
        while i >= 0:
            token = doc[i]
            lower = token.lower_
            index = self.span_at(i)
            if index >= 0 and owner is None and unit is None and self.spans[index].label_ == Label.REGION:
                unit = (self.spans[index].start, self.spans[index].end)
                i = self.spans[index].start - 1
                np_start = i + 1
                continue
            if index >= 0 and owner is None and self.spans[index].label_ in _OWNER_LABELS:
                owner = index
                if self._is_unit_word(self.spans[index].start):
                    found = self._unit_owner(self.spans[index].end, unit)
                    if found is not None:
                        owner, unit = found
                i = self.spans[owner].start - 1
                np_start = i + 1
                continue
            if index >= 0 and owner is None and self._is_person_span(index) and i + 1 < start and (
                doc[i + 1].text in _POSSESSIVE
            ):
                owner = index
                i = self.spans[index].start - 1
                np_start = i + 1
                continue
            if index >= 0 and owner is None and self.spans[index].label_ == Label.TITLE:
                title = self._title(index)
                if title is not None and title.kind is TitleKind.ORGANIZATION:
                    owner = index
                    i = self.spans[index].start - 1
                    np_start = i + 1
                    continue
            if token.text == ")" and owner is None:
                inner = self._parenthesised_owner(i)
                if inner is not None:
                    owner, i = inner
                    np_start = i + 1
                    continue
            if lower in words.former or lower.rstrip("-") in words.former:
                former = True
            elif lower in words.modifiers:
                modifiers.add(lower)
            elif token.text in _POSSESSIVE or token.text in {"-", "\u2010"}:
                pass
            else:
                found = self._unit_owner(i + 1, unit) if owner is None and i + 1 == np_start else None
                if found is None:
                    break
                owner, unit = found
                i = self.spans[owner].start - 1
                np_start = i + 1
                continue
            np_start = i
            i -= 1
        return _Chain(np_start, owner, former, unit, frozenset(modifiers))

    def _is_unit_word(self, i: int) -> bool:
        """Token ``i`` can be a word of a body's name written before a title: a hyphen, or a
        capitalised word that is in no span or in one of a name of unsure kind, a region, a
        place or an organisation the gazetteer does not know (a person's name never is)."""
        token = self.doc[i]
        if token.text in {"-", "\u2010"}:
            return True
        if not (token.is_alpha and token.text[:1].isupper()):
            return False
        index = self.span_at(i)
        if index < 0:
            return True
        span = self.spans[index]
        return span.label_ in {MentionRole.NAME, MentionRole.PLACE, Label.REGION} or (
            span.label_ == Label.ORG and not span.kb_id_
        )

    def _unit_owner(self, end: int, unit: tuple[int, int] | None) -> tuple[int, tuple[int, int]] | None:
        """The country before a body's name that ends at token ``end`` (exclusive), joined to the
        ``unit`` already read after it: "[Chilean] Southern Fleet Commander".

        The name is at most four words, one of them an organisation's head word ("Fleet",
        "Command", "Army"), each a word :meth:`_is_unit_word` allows; right before it stands a
        country or demonym. Returns ``(country_index, (unit_start, unit_end))``, or None.
        """
        if unit is not None and unit[0] != end:
            return None
        unit_end = unit[1] if unit is not None else end
        k = end
        while k > 0 and self._is_unit_word(k - 1):
            index = self.span_at(k - 1)
            k = self.spans[index].start if index >= 0 else k - 1
        name = self.doc[k:unit_end]
        if k == end or not name[0].is_alpha or sum(t.is_alpha for t in name) > _MAX_UNIT_WORDS:
            return None
        if not any(t.lower_ in self.knowledge.name_words.org_heads for t in name):
            return None
        country = self.span_at(k - 1)
        if country < 0 or self.spans[country].end != k or self.spans[country].label_ not in _COUNTRY_LABELS:
            return None
        return country, (k, unit_end)

    def _parenthesised_owner(self, close: int) -> tuple[int, int] | None:
        """An owner restated in brackets before a title: "Republic of Korea (ROK) Foreign
        Minister", "Agency for Development (AFD) Administrator".

        ``close`` is the closing bracket. Returns ``(owner_index, next_token)``: the owner is
        the name before the brackets when it names the same thing, else the bracketed one;
        the walk goes on from ``next_token``.
        """
        inner = self.span_at(close - 1)
        if close < 2 or self.doc[close - 2].text != "(" or inner < 0:
            return None
        span = self.spans[inner]
        if span.start != close - 1 or span.label_ not in _OWNER_LABELS:
            return None
        before = self.span_at(close - 3)
        if before >= 0 and self.spans[before].end == close - 2 and (
            self.spans[before].label_ in _OWNER_LABELS and self.spans[before].kb_id_ == span.kb_id_
        ):
            return before, self.spans[before].start - 1
        return inner, close - 3

    def _owner_after(self, end: int) -> tuple[int | None, str, int]:
        """An owner or portfolio after a title: "of China", "for East Asia", "for Foreign
        Affairs", "of the Chadian National Police", "of Chad's police council".

        A portfolio is the run of capitalised words after "of", "for", "on" or "to"; its first
        owner span (a country, demonym, organisation) is the title's owner. A country's
        possessive after "of" owns the noun phrase it governs, which is then the portfolio
        ("head of Chad's police council" is the head of the police council, for Chad). The
        seat of a post after its portfolio is passed over when a comma follows it ("Chief of
        the Chadian Police in Abeche, Jane Roe"). Returns ``(owner_index, qualifier,
        new_end)``: the qualifier is the portfolio, or empty when the run is the owner's name
        alone.
        """
        owner, qualifier, stop = self._portfolio_after(end)
        return owner, qualifier, self._after_seat(stop) if stop > end else stop

    def _portfolio_after(self, end: int) -> tuple[int | None, str, int]:
        """:meth:`_owner_after` without the seat."""
        doc = self.doc
        if end + 1 >= len(doc) or doc[end].lower_ not in _PORTFOLIO_PREPOSITIONS:
            return None, "", end
        # "to" belongs to the title only when it hangs from it ("Representative to the Talks"),
        # not when it goes with a noun before it ("her first trip as minister to Chad").
        if doc[end].lower_ == "to" and doc[end].head.i != end - 1:
            return None, "", end
        j = end + 1
        if doc[j].lower_ == "the":
            j += 1
        stop = self._portfolio_end(j)
        if stop <= j:
            return None, "", end
        index = self.span_at(j)
        alone = index >= 0 and self.spans[index].start == j and self.spans[index].end == stop
        if alone:
            span = self.spans[index]
            if doc[end].lower_ == "of" and span.label_ in _COUNTRY_LABELS:
                possessed = self._possessed_phrase_end(span)
                if possessed is not None:
                    return index, f"of the {doc[stop + 1 : possessed].text}", possessed
            if doc[end].lower_ in {"of", "to"} and span.label_ in _OWNER_LABELS:
                return index, "", stop
            if span.label_ in {Label.REGION, Label.COUNTRY, MentionRole.PLACE, Label.CITY}:
                return None, f"for {span.text}", stop
        owner = next((k for k in dict.fromkeys(map(self.span_at, range(j, stop)))
                      if k >= 0 and self.spans[k].label_ in _OWNER_LABELS), None)
        return owner, doc[end:stop].text, stop

    def _possessed_phrase_end(self, owner: Span) -> int | None:
        """The end (exclusive) of the lower-case noun phrase ``owner``'s possessive governs
        ("Chad's [police council]", "Chad's [largest business lobby]"), or None."""
        doc = self.doc
        mark = owner.end
        if mark + 1 >= len(doc) or doc[mark].text not in _POSSESSIVE or owner.root.dep_ != "poss":
            return None
        noun = owner.root.head
        words = doc[mark + 1 : noun.i + 1]
        if noun.i <= mark or not all(t.is_lower and t.is_alpha for t in words):
            return None
        return noun.i + 1

    def _after_seat(self, end: int) -> int:
        """Past "in <Place>," after a portfolio, at the comma; else ``end``."""
        doc = self.doc
        if end + 2 >= len(doc) or doc[end].lower_ != "in":
            return end
        i = end + 1
        while i < len(doc) and i - end <= _MAX_UNIT_WORDS and doc[i].is_alpha and doc[i].text[:1].isupper():
            i += 1
        return i if i > end + 1 and i < len(doc) and doc[i].text == "," else end

    def _portfolio_end(self, start: int) -> int:
        """The end of the run of capitalised words from ``start`` ("National Police", "Foreign
        Affairs and Trade"), joined by "and", "of", "the", "for" and possessives; a name or a
        further title ends it.

        A word the model took for part of an organisation and that stands right before a
        person's name is the portfolio's last word, not a name ("for Asian and Pacific
        [Affairs] Jane Roe"): two names never stand side by side.
        """
        doc = self.doc
        end = i = start
        while i < len(doc):
            index = self.span_at(i)
            if index >= 0 and self.spans[index].start == i and i > start and (
                self._is_person_span(index) or self._title_of_a_person(index)
            ) and not self._body_word_before_name(index):
                break
            token = doc[i]
            if token.lower_ == "and" and self._second_title_after(i + 1):
                break  # "General Secretary of the Party and Chadian President": two posts
            if (token.is_alpha and (token.is_title or token.is_upper)) or (
                index >= 0 and self.spans[index].label_ in _OWNER_LABELS
            ):
                end = i + 1
            elif token.lower_ not in _PORTFOLIO_JOINERS and token.text not in _POSSESSIVE:
                break
            i += 1
        return end

    def _second_title_after(self, i: int) -> bool:
        """Whether a title starts at token ``i``, after a country's name or demonym if any."""
        index = self.span_at(i)
        if index >= 0 and self.spans[index].start == i and self.spans[index].label_ in _COUNTRY_LABELS:
            i = self.spans[index].end
            index = self.span_at(i)
        return index >= 0 and self.spans[index].start == i and self.spans[index].label_ == Label.TITLE

    def _body_word_before_name(self, index: int) -> bool:
        """Span ``index`` is one word of unsure kind that the model tagged as (part of) an
        organisation, and a person's name follows it directly."""
        span = self.spans[index]
        if span.label_ != MentionRole.NAME or span.kb_id_ != "ORG":
            return False
        after = self.span_at(span.end)
        return after >= 0 and self.spans[after].start == span.end and (
            self.spans[after].label_ == MentionRole.PERSON
        )

    def _person_after(self, end: int) -> int | None:
        """A name right after a title, or after "and <title>"; courtesies and ranks between
        them are skipped ("Deputy Prime Minister Hon. Jane Roe"), and a second title right
        after the first is the same person's ("Fleet Commander Admiral Jane Roe")."""
        end = self._skip_honorifics(end)
        nxt = self.span_at(end + 1)
        if nxt >= 0 and self.spans[nxt].start == end + 1 and self._title_of_a_person(nxt) and (
            self.doc[end].lower_ in self.knowledge.name_words.former
        ):
            end += 1  # "the head of the council, former President Jane Roe": the name is still hers
        index = self.span_at(end)
        if index >= 0 and self.spans[index].start == end:
            if self._is_person_span(index):
                return index
            title = self._title(index)
            if title is not None and title.kind is TitleKind.OFFICE:
                return self._person_after(self._owner_after(self.spans[index].end)[2])
        if end < len(self.doc) and self.doc[end].lower_ == "and":
            nxt = self.span_at(end + 1)
            if nxt >= 0 and self._title(nxt) is not None and self.spans[nxt].start == end + 1:
                after = self.spans[nxt].end
                _, _, after = self._owner_after(after)
                return self._person_after(after)
        return None

    def _skip_honorifics(self, i: int) -> int:
        """The first token from ``i`` on that is not a courtesy or rank abbreviation ("Hon.",
        "Brig. Gen."), even one the model took for a name."""
        honorifics = self.knowledge.name_words.honorifics
        doc = self.doc
        while i < len(doc):
            index = self.span_at(i)
            if index >= 0 and self.spans[index].start == i and self._is_person_span(index):
                span = self.spans[index]
                if not all(t.lower_ in honorifics or t.text == "." for t in span):
                    break
                i = span.end
            elif index < 0 and (doc[i].lower_ in honorifics or (doc[i].text == "." and i > 0 and (
                doc[i - 1].lower_ in honorifics
            ))):
                i += 1
            else:
                break
        return i

    def _person_before(self, np_start: int) -> int | None:
        """Apposition: ``NAME, [the] <title>``."""
        j = np_start - 1
        if j >= 0 and self.doc[j].lower_ in _DETERMINERS:
            j -= 1
        if j < 1 or self.doc[j].text != ",":
            return None
        index = self.span_at(j - 1)
        if self._could_be_person(index) and self.spans[index].end == j:
            return index
        return None

    def _person_after_comma(self, end: int, np_start: int, owned: bool) -> int | None:
        """A title set off by a comma before its holder's name, another title and courtesies
        allowed between them: ``<owner>'s <title>, NAME``, ``his Chadian counterpart, Defence
        Minister NAME``, and, when the text gives the title an owner or a portfolio (``owned``),
        ``the Chief of the Chadian Police, NAME``. A bare "the adviser, NAME" is no apposition:
        it may as well be a list ("they met the adviser, Jane Roe and Tom Vale"), unless the
        name ends the sentence ("they met the new adviser, Jane Roe.") or a second comma closes
        it before a word that goes on with the sentence ("The adviser, Jane Roe, said"): a list
        needs an "and", and goes on with another name."""
        if end + 1 >= len(self.doc) or self.doc[end].text != ",":
            return None
        before = self.doc[np_start - 1].lower_ if np_start > 0 else ""
        possessive = before in _POSSESSIVE_DETERMINERS or any(
            self.doc[k].text in _POSSESSIVE for k in range(np_start, end)
        )
        if not possessive and not owned and before not in _DETERMINERS:
            return None
        person = self._person_after(end + 1)
        if person is None:
            index = self.span_at(end + 1)
            person = index if self._could_be_person(index) and self.spans[index].start == end + 1 else None
        after = self.spans[person].end if person is not None else 0
        if person is None or possessive or owned or self._ends_sentence(after) or self._closes(after):
            return person
        return None

    def _closes(self, i: int) -> bool:
        """Token ``i`` is a comma that closes an apposition: the next word goes on with the
        sentence, neither "and"/"or" nor a capitalised word (another name of a list)."""
        doc = self.doc
        if i + 1 >= len(doc) or doc[i].text != ",":
            return False
        following = doc[i + 1]
        goes_on = following.is_alpha and not following.text[:1].isupper()
        return goes_on and following.lower_ not in {"and", "or"}

    def _ends_sentence(self, i: int) -> bool:
        """Token ``i`` starts the next sentence, or is a full stop, question or exclamation mark."""
        doc = self.doc
        return i >= len(doc) or doc[i].is_sent_start or doc[i].text in {".", "!", "?"}

    # -- public -------------------------------------------------------------------------

    @cached_property
    def claims(self) -> tuple[_Claim, ...]:
        """Raw office claims as span indices."""
        out: list[_Claim] = []
        doc = self.doc
        for index, span in enumerate(self.spans):
            title = self._title(index)
            if title is None or title.kind is TitleKind.ORGANIZATION:
                continue
            chain = self._chain_before(span.start)
            np_start, owner, former = chain.np_start, chain.owner, chain.former
            key = title.key
            for modifier in sorted(chain.modifiers):
                key = self.knowledge.title_compounds.get((modifier, key), key)
            owner_after, qualifier, end = self._owner_after(span.end)
            if owner is None:
                owner = owner_after
            if chain.unit is not None:
                qualifier = doc[chain.unit[0] : chain.unit[1]].text
            rule = ClaimRule.TITLE_BEFORE_NAME
            person = self._person_after(end)
            if owner is None:
                owner = self._shared_owner(np_start, out, person)
            if person is not None and owner is None:
                owner = self._owner_after_name(person)
            if person is None:
                person = self._person_before(np_start)
                rule = ClaimRule.APPOSITION
                # "Jane Roe, foreign minister during the war": she held it then.
                dated = end < len(doc) and doc[end].lower_ in self.knowledge.name_words.former_after
                former = former or (person is not None and dated)
            if person is None:
                person = self._person_after_comma(end, np_start, owner is not None or bool(qualifier))
                rule = ClaimRule.POSSESSIVE_APPOSITION
            if person is None:
                found = self._holder_by_grammar(span, np_start)
                if found is not None:
                    person, rule, dated = found
                    former = former or dated
            referential = False
            if person is None:
                rule = ClaimRule.STANDALONE
                head = span.root
                referential = (
                    head.tag_ not in {"NNS", "NNPS"}
                    and head.dep_ not in {"attr", "appos", "compound", "amod", "conj"}
                    and ((np_start > 0 and doc[np_start - 1].lower_ == "the") or owner is not None)
                )
                if referential and np_start > 0 and doc[np_start - 1].lower_ == "the":
                    np_start -= 1
            holders = [person]
            if person is not None and span.root.tag_ in {"NNS", "NNPS"}:
                holders.extend(self._coordinated_holders(person))
            out.extend(
                _Claim(
                    rule=rule, np_start=np_start, title=index, person=holder, owner=owner, former=former,
                    qualifier=qualifier, referential=referential, key=key,
                )
                for holder in holders
            )
        out.extend(self._predecessors())
        out.extend(self._office_verbs())
        out.extend(list(self._counterparts(out)))  # a list: the generator reads ``out``
        return tuple(out)

    def _holder_by_grammar(self, span: Span, np_start: int) -> tuple[int, ClaimRule, bool] | None:
        """The holder of a title the parse ties to a person away from it: ``(person, rule,
        former)``, or None.

        - "as <title>" (``AS_TITLE``): the possessor of the noun it qualifies ("Jane Roe's
          first trip as President of Chad"), or the subject of the verb ("Jane Roe arrived
          as foreign minister"); a past tense of a verb of ``former_verb`` dates the post
          ("Jane Roe served as foreign minister");
        - a copula (``COPULA``): the subject of "be" whose complement the title is ("Jane Roe
          is Chad's foreign minister"); in the past tense the post is a former one.
        """
        doc = self.doc
        j = np_start - 1
        if j >= 0 and doc[j].lower_ in {"the", "a", "an"}:
            j -= 1
        if j >= 0 and doc[j].lower_ == "as" and doc[j].dep_ == "prep":
            head = doc[j].head
            if head.pos_ in {"NOUN", "PROPN"}:
                owner = next((c for c in head.children if c.dep_ == "poss"), None)
                person = self._person_of(owner) if owner is not None else None
            else:
                person = self._subject_of(head)
            dated = head.tag_ == "VBD" and head.lemma_.lower() in self.knowledge.name_words.former_verbs
            return (person, ClaimRule.AS_TITLE, dated) if person is not None else None
        root = span.root
        if root.dep_ == "attr" and root.head.lemma_ == "be":
            person = self._subject_of(root.head)
            return (person, ClaimRule.COPULA, root.head.tag_ == "VBD") if person is not None else None
        return None

    def _person_of(self, token: Token) -> int | None:
        """The person span ``token`` heads or stands in, or None."""
        index = self.span_at(token.i)
        return index if self._is_person_span(index) else None

    def _subject_of(self, verb: Token) -> int | None:
        """The person who is the subject of ``verb``: its own subject, or the name a relative
        clause's "who" stands for ("Jane Roe, who heads ...")."""
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None:
            return None
        if subject.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl":
            subject = verb.head
        return self._person_of(subject)

    def _office_verbs(self) -> Iterator[_Claim]:
        """"Jane Roe, who heads a party in Chad": a verb of ``office_verbs.tsv`` whose subject is
        a person and whose object is a body (a word of an organisation, or an organisation)
        names the post at the body's head (``OFFICE_VERB``). The body's country is its own,
        a demonym, country or possessive before it, or "in <country>" after it or the verb;
        its name is the qualifier ("of the Islamic party"). In the past tense the post is a
        former one."""
        verbs = self.knowledge.office_verbs
        heads = self.knowledge.name_words.org_heads
        # Only the tokens whose lemma is an office verb are visited, found on the token array
        # (as for predecessors: a Python loop over every token is costly).
        strings = self.doc.vocab.strings
        lemmas = self.doc.to_array(LEMMA).tolist() if len(self.doc) else []
        wanted = {h for h in set(lemmas) if strings[h].lower() in verbs}
        for i in (i for i, lemma in enumerate(lemmas) if lemma in wanted):
            token = self.doc[i]
            key = verbs[token.lemma_.lower()]
            body = next((c for c in token.children if c.dep_ == "dobj"), None)
            if token.pos_ != "VERB" or body is None:
                continue
            person = self._subject_of(token)
            known = self.span_at(body.i)
            is_body = body.lower_ in heads or (known >= 0 and self.spans[known].label_ == Label.ORG)
            if person is None or not is_body:
                continue
            owner, qualifier = self._body_owner(token, body)
            yield _Claim(
                rule=ClaimRule.OFFICE_VERB, np_start=token.i, person=person, owner=owner,
                former=token.tag_ == "VBD", qualifier=qualifier, key=key,
            )

    def _body_owner(self, verb: Token, body: Token) -> tuple[int | None, str]:
        """``(owner_index, qualifier)`` of the body an office verb governs (see :meth:`_office_verbs`)."""
        known = self.span_at(body.i)
        if known >= 0 and self.spans[known].label_ == Label.ORG:
            return known, ""
        owner = None
        words = []
        for child in body.children:
            index = self.span_at(child.i)
            if child.i < body.i and index >= 0 and self.spans[index].label_ in _COUNTRY_LABELS:
                owner = index
            elif child.i < body.i and child.dep_ in {"amod", "compound"} and child.text[:1].isupper():
                words.append(child.text)
        places = [c for t in (body, verb) for c in t.children if c.dep_ == "prep" and c.lower_ == "in"]
        for prep in places:
            index = next((self.span_at(c.i) for c in prep.children if c.dep_ == "pobj"), -1)
            if owner is None and index >= 0 and self.spans[index].label_ in _COUNTRY_LABELS:
                owner = index
        return owner, " ".join(["of the", *words, body.text])

    def _coordinated_holders(self, person: int) -> Iterator[int]:
        """The further holders of a plural title: "their Chadian counterparts, Defence Minister
        X and Interior Minister Y" (each name after "and" or a comma, a title before it allowed)."""
        doc = self.doc
        end = self.spans[person].end
        while end + 1 < len(doc) and doc[end].lower_ in {"and", ","}:
            start = end + 1 if doc[end].lower_ == "and" or doc[end + 1].lower_ != "and" else end + 2
            nxt = self._person_after(start)
            if nxt is None:
                return
            yield nxt
            end = self.spans[nxt].end

    def _owner_after_name(self, person: int) -> int | None:
        """"President Jane Roe of Chad": the owner named after the holder."""
        end = self.spans[person].end
        if end < len(self.doc) and self.doc[end].lower_ == "of":
            return self._owner_after(end)[0]
        return None

    def _shared_owner(self, np_start: int, earlier: list[_Claim], person: int | None) -> int | None:
        """"U.S. Treasury Secretary X and Commerce Secretary Y": the owner written before the
        first title-and-name pair is also the owner of the pair coordinated with it; so is
        the owner of the first of two titles one person holds ("Chadian Deputy Minister and
        Head of Police X")."""
        j = np_start - 1
        if j < 1 or self.doc[j].lower_ not in {"and", ","}:
            return None
        before = self.span_at(j - 1)
        for claim in reversed(earlier):
            same_holder = person is not None and claim.title == before and claim.person == person
            paired = claim.rule is ClaimRule.TITLE_BEFORE_NAME and (claim.person == before or same_holder)
            if paired and claim.owner is not None:
                return claim.owner
        return None

    def _predecessors(self) -> Iterator[_Claim]:
        words = self.knowledge.name_words
        # Only the tokens spelt like a predecessor word are visited, found on the token
        # array (a loop over every token of every article to find a rare word).
        strings = self.doc.vocab.strings
        lowers = self.doc.to_array(LOWER).tolist() if len(self.doc) else []
        wanted = {h for h in set(lowers) if strings[h] in words.predecessor}
        for i, lower in enumerate(lowers):
            if lower not in wanted:
                continue
            token = self.doc[i]
            person = self.span_at(token.i + 1)
            if not self._is_person_span(person) or self.spans[person].start != token.i + 1:
                continue
            subject = self._subject_before(token.i, person)
            if subject is not None:
                yield _Claim(
                    rule=ClaimRule.PREDECESSOR, np_start=token.i, person=person, owner=subject, former=True
                )

    def _subject_before(self, i: int, person: int) -> int | None:
        """The first person named in token ``i``'s sentence before it, other than ``person``:
        whom "his" refers to in "X met his predecessor Y" or "his Chadian counterpart Y". Not
        the owner of another's title ("Z's foreign minister, X, met his counterpart Y")."""
        for k in range(self.doc[i].sent.start, i):
            index = self.span_at(k)
            if self._is_person_span(index) and index != person:
                end = self.spans[index].end
                if end < len(self.doc) and self.doc[end].text in _POSSESSIVE:
                    continue
                return index
        return None

    def _counterparts(self, claims: list[_Claim]) -> Iterator[_Claim]:
        """"X met his Chadian counterpart Y": Y holds, for Y's country, the post X holds. The
        claim's title is the word "counterpart" (its owner gives Y's country) and its owner
        is X, the sentence's first person before it."""
        for claim in claims:
            if claim.rule is ClaimRule.COUNTERPART or claim.title is None or claim.person is None:
                continue
            if claim.key != _COUNTERPART:
                continue
            subject = self._subject_before(self.spans[claim.title].start, claim.person)
            if subject is not None:
                yield _Claim(
                    rule=ClaimRule.COUNTERPART, np_start=claim.np_start, title=claim.title,
                    person=claim.person, owner=subject, key=claim.key,
                )

    def kind_of(self, index: int) -> EntityKind | None:
        """The entity kind of span ``index``, or None when it names nothing we keep."""
        span = self.spans[index]
        label = span.label_
        if label in _COUNTRY_LABELS:
            return EntityKind.COUNTRY
        if label == Label.CAPITAL:
            return EntityKind.COUNTRY if self._metonymy(span) else EntityKind.PLACE
        if label in {Label.CITY, Label.REGION, MentionRole.PLACE}:
            return EntityKind.PLACE
        if label == Label.ORG:
            return EntityKind.PLACE if self._venue(span) else EntityKind.ORGANIZATION
        if label in _PERSONAL:
            return None if index in self.reporters else EntityKind.PERSON
        if label == Label.TITLE:
            title = self._title(index)
            if title is not None and title.kind is TitleKind.ORGANIZATION:
                return EntityKind.ORGANIZATION
            return EntityKind.OFFICE
        return None

    def _venue(self, span: Span) -> bool:
        """A seat of government named as a setting ("met at the White House") or as where one
        goes ("visited the White House"), not as the body that acts ("the White House said"):
        a place in its city (``venues.tsv``)."""
        root = span.root
        if split_key(span.kb_id_)[0] not in self.knowledge.venues:
            return False
        setting = root.dep_ == "pobj" and root.head.lower_ in _SETTING_PREPS
        gone_to = root.dep_ == "dobj" and root.head.lemma_.lower() in self.knowledge.name_words.motion
        return setting or gone_to

    def _metonymy(self, span: Span) -> bool:
        """A capital standing for its government: "Beijing said", "accused Washington"."""
        root = span.root
        if root.dep_ in _SUBJECT_DEPS:
            return True
        if root.dep_ == "dobj":
            return root.head.lemma_.lower() not in self.knowledge.name_words.motion
        return False

    def _preceded_by_locative(self, span: Span) -> bool:
        i = span.start - 1
        if i >= 0 and self.doc[i].lower_ == "the":
            i -= 1
        return i >= 0 and self.doc[i].lower_ in self.knowledge.name_words.locatives

    @cached_property
    def mentions(self) -> tuple[Mention | None, ...]:
        """One :class:`Mention` per span (None where the span names nothing we keep),
        aligned with :attr:`spans`."""
        attached_people = {c.person for c in self.claims if c.person is not None}
        # A counterpart claim's owner is the subject, not the owner of the title's words.
        titled = [c for c in self.claims if c.title is not None and c.rule is not ClaimRule.COUNTERPART]
        owners = {c.title: c.owner for c in titled}
        keys = {c.title: c.key for c in titled}
        national = self.national_bodies
        out: list[Mention | None] = []
        for index, span in enumerate(self.spans):
            kind = self.kind_of(index)
            if kind is EntityKind.PLACE and span.label_ == MentionRole.PLACE and index in attached_people:
                kind = EntityKind.PERSON  # a name the model took for a place, tied to a title
            if kind is None:
                out.append(None)
            elif index in national:
                out.append(self._make(span, kind, MentionRole.GENERIC_ORG, span.text, national[index]))
            elif span.label_ == Label.TITLE:
                out.append(self._title_mention(index, kind, owners.get(index), keys.get(index, span.kb_id_)))
            else:
                out.append(self._name_mention(index, kind, index in attached_people))
        return tuple(out)

    @cached_property
    def national_bodies(self) -> dict[int, str]:
        """Country codes of the nation's bodies a list names without their nation: span index
        -> code.

        "the Chadian Minister of Justice, X; a Deputy of the National Assembly, Y; and a Chief
        of the Chadian Police, Z": a body the gazetteer does not know, whose name starts with
        a word of ``national`` ("National Assembly"), owning a title whose holder the sentence
        names, is the nation's whose bodies own every other such title of the sentence, when
        there are two or more of them. One owned by another country, or by none the text
        says, leaves it without one (a list of several governments' officials)."""
        national_words = self.knowledge.name_words.national
        # (owner, sentence) of every title whose holder is named, but a counterpart's: its owner
        # is the sentence's subject, not the title's.
        owned = [(c.owner, self.spans[c.title].sent.start) for c in self.claims
                 if c.title is not None and c.person is not None and c.owner is not None
                 and c.rule is not ClaimRule.COUNTERPART]
        out: dict[int, str] = {}
        for owner, sentence in owned:
            body = self.spans[owner]
            if body.label_ != Label.ORG or body.kb_id_ or body[0].lower_ not in national_words:
                continue
            others = [other for other, where in owned if where == sentence and other != owner]
            codes = {self._span_code(other) for other in others}
            if len(others) >= 2 and len(codes) == 1 and "" not in codes:
                out[owner] = codes.pop()
        return out

    def _name_mention(self, index: int, kind: EntityKind, attached: bool) -> Mention:
        """A gazetteer hit or a name the model found: its role is its span label, except that
        a name of unsure kind, or a place name, is a person's when a title is tied to it."""
        span = self.spans[index]
        label, key, country = span.label_, span.kb_id_, ""
        if label in _COUNTRY_LABELS:
            country = key
        elif label == Label.CAPITAL:
            key, country = split_key(key)
            if kind is EntityKind.COUNTRY:
                key = country
        elif label in {Label.CITY, Label.ORG}:
            key, country = split_key(key)
            if kind is EntityKind.PLACE and label == Label.ORG:
                key = f"{key}, {self.knowledge.venues[key]}"  # the venue's label names its city
        role, locative = MentionRole(label), False
        if attached and role in {MentionRole.NAME, MentionRole.PLACE}:
            role = MentionRole.PERSON
        elif role is MentionRole.NAME:
            locative = self._preceded_by_locative(span)
        return self._make(span, kind, role, key, country, locative)

    def _title_mention(self, index: int, kind: EntityKind, owner: int | None, key: str) -> Mention | None:
        """A title, with the country of its owner; ``key`` is the title it makes with its
        modifiers ("top" + "diplomat"), whose kind is the mention's role. A generic body
        ("the foreign ministry") is kept only when the text says whose it is."""
        span = self.spans[index]
        title = self._title(index)
        assert title is not None
        if owner is None and title.kind is TitleKind.ORGANIZATION:
            owner = self._chain_before(span.start).owner
        country = self._owner_code(owner)
        if title.kind is TitleKind.ORGANIZATION:
            if not country:
                return None
            return self._make(span, kind, MentionRole.GENERIC_ORG, title.title, country)
        return self._make(span, kind, _TITLE_ROLES[self.knowledge.titles[key].kind], key, country)

    def _owner_code(self, owner: int | None) -> str:
        """The country code of the owner span ``owner`` (a country, demonym, capital or
        organisation, or a nation's body a list names without its nation), or empty."""
        if owner is None:
            return ""
        return self.national_bodies.get(owner) or self._span_code(owner)

    def _span_code(self, owner: int | None) -> str:
        """The country code the owner span ``owner`` names itself, or empty."""
        if owner is None:
            return ""
        span = self.spans[owner]
        if span.label_ in _COUNTRY_LABELS:
            return span.kb_id_
        if span.label_ in {Label.ORG, Label.CAPITAL}:
            return split_key(span.kb_id_)[1]
        return ""

    def mention_at(self, i: int) -> Mention | None:
        """The mention covering token ``i``, if any."""
        index = self.span_at(i)
        return self.mentions[index] if index >= 0 else None

    def _make(
        self, span: Span, kind: EntityKind, label: MentionRole, key: str, country: str = "",
        locative: bool = False,
    ) -> Mention:
        start, end = span.start_char + self.offset, span.end_char + self.offset
        return Mention(
            doc_id=self.article.doc_id,
            start=start,
            end=end,
            text=self.article.text[start:end],
            kind=kind,
            sentence=self.sentence(span),
            label=label,
            key=key,
            country=country,
            locative=locative,
        )

    def office_claims(self) -> tuple[OfficeClaim, ...]:
        """The claims as records of mentions.

        A referential claim gets a person mention covering the whole noun phrase
        ("the top US diplomat"), in the role ``TITLE_REF``, for resolution to map to
        the office's holder.
        """
        mentions = self.mentions
        out = []
        for claim in self.claims:
            person = mentions[claim.person] if claim.person is not None else None
            owner = mentions[claim.owner] if claim.owner is not None else None
            if claim.title is None:
                # A predecessor claim's office is its word, read as what the owner holds; an
                # office verb's is the verb, read as the post its key names.
                word = self.doc[claim.np_start : claim.np_start + 1]
                if claim.rule is ClaimRule.OFFICE_VERB:
                    office = self._make(word, EntityKind.OFFICE, MentionRole.OFFICE, claim.key,
                                        self._owner_code(claim.owner))
                else:
                    office = self._make(word, EntityKind.OFFICE, MentionRole.PREDECESSOR, "predecessor")
            else:
                office_or_none = mentions[claim.title]
                if office_or_none is None:
                    continue
                office = office_or_none
                if claim.referential:
                    span = self.spans[claim.title]
                    phrase = self.doc[claim.np_start : span.end]
                    person = self._make(
                        phrase, EntityKind.PERSON, MentionRole.TITLE_REF, office.key, office.country
                    )
            if person is None and owner is None:
                continue
            out.append(OfficeClaim(
                office=office, person=person, owner=owner, former=claim.former, qualifier=claim.qualifier,
                referential=claim.referential, rule=claim.rule,
            ))
        return tuple(out)

