"""From a parsed article to typed mentions and office claims.

Reads ``doc.spans["kg"]`` (see :mod:`kg.pipeline.entities`) and turns each span into
a :class:`~kg.types.Mention` with its sentence as evidence. Titles are tied to the
people and owners the text gives them by a few word-order patterns:

- title before a name: "Chinese Foreign Minister Lin Tao", "State Councilor and
  Foreign Minister Lin Tao";
- apposition: "Daniel Kritt, the State Department's top diplomat for East Asia";
- possessive with a comma: "the president's national security adviser, Jane Roe";
- predecessors: "his predecessor John Doe" holds, formerly, what the sentence's
  subject holds.

An owner is read from the words before the title (a country, demonym, organisation
or a person's possessive) or after it ("Minister of Defence of Chad").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span

from kg.lexicon import Label, split_key
from kg.roles import Title
from kg.types import Article, Evidence, Mention, OfficeClaim
from kg.vocab import ClaimRule, EntityKind, MentionRole, TitleKind

if TYPE_CHECKING:
    from kg.knowledge import Knowledge

__all__ = ["DocMentions"]

_DETERMINERS = {"the", "a", "an", "his", "her", "its", "their"}
_POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}
_OWNER_LABELS = {Label.COUNTRY, Label.DEMONYM, Label.CAPITAL, Label.COMBINING, Label.ORG}
_PERSONAL = {MentionRole.PERSON, MentionRole.NAME}
_COUNTRY_LABELS = {Label.COUNTRY, Label.DEMONYM, Label.COMBINING}
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "poss", "agent"}
# A title's role is its kind; a body each country has is a generic organisation.
_TITLE_ROLES = {
    TitleKind.OFFICE: MentionRole.OFFICE,
    TitleKind.DESCRIPTOR: MentionRole.DESCRIPTOR,
    TitleKind.ORGANIZATION: MentionRole.GENERIC_ORG,
}


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

    def _is_person_span(self, index: int) -> bool:
        return index >= 0 and self.spans[index].label_ in _PERSONAL

    # -- owners and attachments -----------------------------------------------------

    def _chain_before(self, start: int) -> tuple[int, int | None, bool, int | None, frozenset[str]]:
        """Walk left from a title over its noun phrase.

        Returns ``(np_start, owner_index, former, region_index, modifiers)``.
        """
        words = self.knowledge.name_words
        doc = self.doc
        owner: int | None = None
        region: int | None = None
        former = False
        modifiers: set[str] = set()
        i = start - 1
        np_start = start
        while i >= 0:
            token = doc[i]
            lower = token.lower_
            index = self.span_at(i)
            if index >= 0 and owner is None and region is None and self.spans[index].label_ == Label.REGION:
                region = index
                i = self.spans[index].start - 1
                np_start = i + 1
                continue
            if index >= 0 and owner is None and self.spans[index].label_ in _OWNER_LABELS:
                owner = index
                i = self.spans[index].start - 1
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
            if lower in words.former or lower.rstrip("-") in words.former:
                former = True
            elif lower in words.modifiers:
                modifiers.add(lower)
            elif token.text in _POSSESSIVE or token.text in {"-", "\u2010"}:
                pass
            else:
                break
            np_start = i
            i -= 1
        return np_start, owner, former, region, frozenset(modifiers)

    def _owner_after(self, end: int) -> tuple[int | None, str, int]:
        """An owner or qualifier after a title: "of China", "for East Asia".

        Returns ``(owner_index, qualifier, new_end)``.
        """
        doc = self.doc
        if end + 1 >= len(doc) or doc[end].lower_ not in {"of", "for", "on", "to"}:
            return None, "", end
        j = end + 1
        if doc[j].lower_ == "the":
            j += 1
        index = self.span_at(j)
        if index < 0 or self.spans[index].start != j:
            return None, "", end
        span = self.spans[index]
        if doc[end].lower_ in {"of", "to"} and span.label_ in _OWNER_LABELS:
            return index, "", span.end
        if span.label_ in {Label.REGION, Label.COUNTRY, MentionRole.PLACE, Label.CITY}:
            return None, f"for {span.text}", span.end
        return None, "", end

    def _person_after(self, end: int) -> int | None:
        """A name right after a title (or after "and <title>"), skipping a stray comma."""
        index = self.span_at(end)
        if self._is_person_span(index) and self.spans[index].start == end:
            return index
        if end < len(self.doc) and self.doc[end].lower_ == "and":
            nxt = self.span_at(end + 1)
            if nxt >= 0 and self._title(nxt) is not None and self.spans[nxt].start == end + 1:
                after = self.spans[nxt].end
                _, _, after = self._owner_after(after)
                return self._person_after(after)
        return None

    def _person_before(self, np_start: int) -> int | None:
        """Apposition: ``NAME, [the] <title>``."""
        j = np_start - 1
        if j >= 0 and self.doc[j].lower_ in _DETERMINERS:
            j -= 1
        if j < 1 or self.doc[j].text != ",":
            return None
        index = self.span_at(j - 1)
        if self._is_person_span(index) and self.spans[index].end == j:
            return index
        return None

    def _person_after_comma(self, end: int, np_start: int) -> int | None:
        """``<owner>'s <title>, NAME``: a possessive title set off by a comma."""
        if end + 1 >= len(self.doc) or self.doc[end].text != ",":
            return None
        possessive = any(self.doc[k].text in _POSSESSIVE for k in range(np_start, end))
        if not possessive:
            return None
        index = self.span_at(end + 1)
        if self._is_person_span(index) and self.spans[index].start == end + 1:
            return index
        return None

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
            np_start, owner, former, region, modifiers = self._chain_before(span.start)
            key = title.key
            for modifier in sorted(modifiers):
                key = self.knowledge.title_compounds.get((modifier, key), key)
            owner_after, qualifier, end = self._owner_after(span.end)
            if owner is None:
                owner = owner_after
            if owner is None:
                owner = self._shared_owner(np_start, out)
            if region is not None:
                qualifier = self.spans[region].text
            rule = ClaimRule.TITLE_BEFORE_NAME
            person = self._person_after(end)
            if person is None:
                person = self._person_before(np_start)
                rule = ClaimRule.APPOSITION
                # "Jane Roe, foreign minister during the war": she held it then.
                dated = end < len(doc) and doc[end].lower_ in self.knowledge.name_words.former_after
                former = former or (person is not None and dated)
            if person is None:
                person = self._person_after_comma(end, np_start)
                rule = ClaimRule.POSSESSIVE_APPOSITION
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
            out.append(_Claim(
                rule=rule, np_start=np_start, title=index, person=person, owner=owner, former=former,
                qualifier=qualifier, referential=referential, key=key,
            ))
        out.extend(self._predecessors())
        return tuple(out)

    def _shared_owner(self, np_start: int, earlier: list[_Claim]) -> int | None:
        """"U.S. Treasury Secretary X and Commerce Secretary Y": the owner written before the
        first title-and-name pair is also the owner of the pair coordinated with it."""
        j = np_start - 1
        if j < 1 or self.doc[j].lower_ not in {"and", ","}:
            return None
        before = self.span_at(j - 1)
        for claim in reversed(earlier):
            paired = claim.rule is ClaimRule.TITLE_BEFORE_NAME and claim.person == before
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
            subject = None
            for k in range(token.sent.start, token.i):
                index = self.span_at(k)
                if self._is_person_span(index) and index != person:
                    subject = index
                    break
            if subject is not None:
                yield _Claim(
                    rule=ClaimRule.PREDECESSOR, np_start=token.i, person=person, owner=subject, former=True
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
            return EntityKind.ORGANIZATION
        if label in _PERSONAL:
            return EntityKind.PERSON
        if label == Label.TITLE:
            title = self._title(index)
            if title is not None and title.kind is TitleKind.ORGANIZATION:
                return EntityKind.ORGANIZATION
            return EntityKind.OFFICE
        return None

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
        owners = {c.title: c.owner for c in self.claims if c.title is not None}
        keys = {c.title: c.key for c in self.claims if c.title is not None}
        out: list[Mention | None] = []
        for index, span in enumerate(self.spans):
            kind = self.kind_of(index)
            if kind is None:
                out.append(None)
            elif span.label_ == Label.TITLE:
                out.append(self._title_mention(index, kind, owners.get(index), keys.get(index, span.kb_id_)))
            else:
                out.append(self._name_mention(index, kind, index in attached_people))
        return tuple(out)

    def _name_mention(self, index: int, kind: EntityKind, attached: bool) -> Mention:
        """A gazetteer hit or a name the model found: its role is its span label, except that
        a name of unsure kind is a person's when a title is tied to it."""
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
        role, locative = MentionRole(label), False
        if role is MentionRole.NAME:
            if attached:
                role = MentionRole.PERSON
            else:
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
            owner = self._chain_before(span.start)[1]
        country = ""
        if owner is not None:
            owner_span = self.spans[owner]
            if owner_span.label_ in _COUNTRY_LABELS:
                country = owner_span.kb_id_
            elif owner_span.label_ in {Label.ORG, Label.CAPITAL}:
                country = split_key(owner_span.kb_id_)[1]
        if title.kind is TitleKind.ORGANIZATION:
            if not country:
                return None
            return self._make(span, kind, MentionRole.GENERIC_ORG, title.title, country)
        return self._make(span, kind, _TITLE_ROLES[self.knowledge.titles[key].kind], key, country)

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
                # A predecessor claim's office is its word, read as what the owner holds.
                word = self.doc[claim.np_start : claim.np_start + 1]
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

