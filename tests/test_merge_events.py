"""Merging events across articles (``kg.events.merge.merge_events``) on hand-made candidates: no spaCy.

Each article is written as the sentences that tell an event and the candidates event
finding would give for them; the resolution that ties their mentions to entities is
written by hand too, so these tests hold whatever the parser or the resolver does.
Names are made up.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kg.events.merge import merge_events
from kg.iri import mint
from kg.knowledge import load_knowledge
from kg.types import (
    ArticleFacts,
    DocumentInfo,
    Entity,
    Event,
    EventCandidate,
    Evidence,
    Mention,
    Position,
    Resolution,
    TemporalValue,
)
from kg.vocab import EntityKind, EventKind, MentionRole, Mode, Plover, Status, TemporalPrecision

MEETING, DISPUTE = EventKind.MEETING, EventKind.DISPUTE
OCCURRED, PLANNED, POSSIBLE, POSTPONED, DECLINED = (
    Status.OCCURRED, Status.PLANNED, Status.POSSIBLE, Status.POSTPONED, Status.DECLINED)
USA, CHN, FRA = mint("country", "United States"), mint("country", "China"), mint("country", "France")
KNOWLEDGE = load_knowledge(None)  # the issues' labels and kinds


def day(y: int, m: int, d: int) -> TemporalValue:
    return TemporalValue(dt.date(y, m, d), TemporalPrecision.DAY)


def month(y: int, m: int) -> TemporalValue:
    return TemporalValue(dt.date(y, m, 1), TemporalPrecision.MONTH)


def year(y: int) -> TemporalValue:
    return TemporalValue(dt.date(y, 1, 1), TemporalPrecision.YEAR)


SUNDAY = day(2023, 6, 18)


class Corpus:
    """Entities, articles, and the resolution that ties the articles' mentions to the entities."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {
            USA: Entity(USA, EntityKind.COUNTRY, "United States", key="USA"),
            CHN: Entity(CHN, EntityKind.COUNTRY, "China", key="CHN"),
            FRA: Entity(FRA, EntityKind.COUNTRY, "France", key="FRA"),
        }
        self.entity_of: dict[Position, str] = {}
        self.articles: list[Article] = []

    def person(self, name: str, country: str) -> str:
        iri = mint("person", name)
        self.entities[iri] = Entity(iri, EntityKind.PERSON, name, country=country)
        return iri

    def article(self, doc_id: str, published: dt.date) -> Article:
        article = Article(self, doc_id, published)
        self.articles.append(article)
        return article

    def merge(self) -> tuple[list[Event], tuple[Entity, ...]]:
        resolution = Resolution(dict(self.entities), dict(self.entity_of), (), {})
        events, issues = merge_events([a.facts() for a in self.articles], resolution, KNOWLEDGE)
        return list(events), issues

    def iri_of(self, label: str) -> str:
        return next(iri for iri, e in self.entities.items() if e.label == label)


class Article:
    """One article: its sentences one after the other, their mentions and candidates."""

    def __init__(self, corpus: Corpus, doc_id: str, published: dt.date) -> None:
        self.corpus = corpus
        self.doc_id = doc_id
        self.published = published
        self.length = 0
        self.mentions: list[Mention] = []
        self.events: list[EventCandidate] = []

    def sentence(self, text: str) -> Evidence:
        start = self.length
        self.length += len(text) + 1
        return Evidence(self.doc_id, start, start + len(text), text)

    def mention(self, sentence: Evidence, words: str, kind: EntityKind = EntityKind.PERSON,
                label: MentionRole = MentionRole.PERSON, key: str = "", country: str = "",
                resolved: bool = True) -> Mention:
        """``words`` in ``sentence``; resolved to the corpus entity labelled ``words``."""
        start = sentence.start + sentence.text.index(words)
        m = Mention(self.doc_id, start, start + len(words), words, kind, sentence, label, key, country)
        self.mentions.append(m)
        if resolved:
            self.corpus.entity_of[m.position] = self.corpus.iri_of(words)
        return m

    def people(self, sentence: Evidence, *names: str) -> tuple[Mention, ...]:
        return tuple(self.mention(sentence, name) for name in names)

    def country(self, sentence: Evidence, name: str, code: str) -> Mention:
        return self.mention(sentence, name, EntityKind.COUNTRY, "COUNTRY", code, code)

    def title(self, sentence: Evidence, words: str, code: str) -> Mention:
        """A title standing for a holder no one could name ("the Chinese foreign minister")."""
        return self.mention(sentence, words, label=MentionRole.TITLE_REF, key="foreign-minister",
                            country=code, resolved=False)

    def tells(self, kind: EventKind, sentence: str | Evidence, *actors: str | Mention,
              **fields: Any) -> Evidence:
        """``sentence`` (a new one if given as text) tells an event of ``actors``: names of
        people, or mentions already made in it."""
        if isinstance(sentence, str):
            sentence = self.sentence(sentence)
        participants = tuple(a if isinstance(a, Mention) else self.mention(sentence, a) for a in actors)
        self.events.append(EventCandidate(kind=kind, doc_id=self.doc_id, trigger="met", sentence=sentence,
                                          participants=participants, published=self.published, **fields))
        return sentence

    def facts(self) -> ArticleFacts:
        info = DocumentInfo(self.doc_id, self.published, None, None, self.length, self.doc_id)
        return ArticleFacts(info, tuple(self.mentions), (), tuple(self.events))


@pytest.fixture
def corpus() -> Corpus:
    c = Corpus()
    c.person("Ilsa Quorn", USA)
    c.person("Teo Marrak", CHN)
    c.person("Vida Ostrel", CHN)
    c.person("Rene Varno", FRA)
    return c


def labels(corpus: Corpus, event: Event) -> set[str]:
    return {corpus.entities[p].label for p in event.participants}


def parties(*countries: str) -> tuple[str, ...]:
    """A dispute's participants as an event lists them."""
    return tuple(sorted(countries))


def met(article: Article, first: str, second: str, **fields: Any) -> Evidence:
    """``first`` met ``second`` on Sunday (unless ``fields`` give another date)."""
    return article.tells(MEETING, f"{first} met {second} on Sunday.", first, second,
                         **{"date": SUNDAY, **fields})


def met_minister(article: Article, demonym: str, code: str) -> Evidence:
    """Ilsa Quorn met the foreign minister of ``code`` on Sunday, and no one names the minister."""
    sentence = article.sentence(f"Ilsa Quorn met the {demonym} foreign minister on Sunday.")
    minister = article.title(sentence, f"the {demonym} foreign minister", code)
    return article.tells(MEETING, sentence, "Ilsa Quorn", minister, date=SUNDAY)


def who_met(corpus: Corpus) -> list[list[str]]:
    """The participants of each merged event, by label."""
    events, _ = corpus.merge()
    return sorted(sorted(labels(corpus, e)) for e in events)


# -- status --------------------------------------------------------------------------------------


@pytest.mark.parametrize("later_id, earlier_id", [("a", "b"), ("b", "a")])
@pytest.mark.parametrize("later_says, earlier_says", [(OCCURRED, PLANNED), (POSTPONED, PLANNED),
                                                      (PLANNED, POSSIBLE)])
def test_the_latest_article_says_whether_it_happened(
    corpus: Corpus, later_id: str, earlier_id: str, later_says: Status, earlier_says: Status
) -> None:
    # Document ids run both ways against publication dates: file order cannot stand in for time.
    later = corpus.article(later_id, dt.date(2023, 6, 19))
    earlier = corpus.article(earlier_id, dt.date(2023, 6, 12))
    met(later, "Ilsa Quorn", "Teo Marrak", status=later_says)
    met(earlier, "Ilsa Quorn", "Teo Marrak", status=earlier_says)
    (event,), _ = corpus.merge()
    assert event.status is later_says


def test_within_the_latest_article_the_most_cautious_word_wins(corpus: Corpus) -> None:
    article = corpus.article("a", dt.date(2023, 6, 19))
    met(article, "Ilsa Quorn", "Teo Marrak", status=OCCURRED)
    article.tells(MEETING, "Ilsa Quorn may have met Teo Marrak on Sunday.", "Ilsa Quorn", "Teo Marrak",
                  date=SUNDAY, status=POSSIBLE)
    (event,), _ = corpus.merge()
    assert event.status is POSSIBLE


def test_the_plover_type_goes_with_the_status_the_latest_article_gives(corpus: Corpus) -> None:
    for doc_id, published in (("a", dt.date(2023, 6, 12)), ("b", dt.date(2023, 6, 13))):
        met(corpus.article(doc_id, published), "Ilsa Quorn", "Teo Marrak", status=PLANNED,
            plover=Plover.AGREE)
    met(corpus.article("c", dt.date(2023, 6, 19)), "Ilsa Quorn", "Teo Marrak", status=OCCURRED,
        plover=Plover.CONSULT, mode=Mode.HOST)
    (event,), _ = corpus.merge()
    assert (event.status, event.plover, event.mode) == (OCCURRED, Plover.CONSULT, Mode.HOST)


# -- dates -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("vague", [month(2023, 6), year(2023)])
def test_compatible_dates_join_and_the_most_precise_dates_the_event(
    corpus: Corpus, vague: TemporalValue
) -> None:
    corpus.article("a", dt.date(2023, 6, 25)).tells(
        MEETING, "Ilsa Quorn met Teo Marrak this year.", "Ilsa Quorn", "Teo Marrak", date=vague)
    met(corpus.article("b", dt.date(2023, 6, 19)), "Ilsa Quorn", "Teo Marrak")
    (event,), _ = corpus.merge()
    assert event.date == SUNDAY
    assert labels(corpus, event) == {"Ilsa Quorn", "Teo Marrak"}


@pytest.mark.parametrize("other", [day(2023, 6, 25), month(2023, 7), year(2022)])
def test_incompatible_dates_are_two_meetings(corpus: Corpus, other: TemporalValue) -> None:
    met(corpus.article("a", dt.date(2023, 6, 19)), "Ilsa Quorn", "Teo Marrak")
    corpus.article("b", dt.date(2023, 8, 1)).tells(
        MEETING, "Ilsa Quorn met Teo Marrak again.", "Ilsa Quorn", "Teo Marrak", date=other)
    events, _ = corpus.merge()
    assert sorted(e.date for e in events) == sorted([SUNDAY, other])


def _placed(corpus: Corpus, *places: str) -> list[Event]:
    """Ilsa Quorn met Teo Marrak on Sunday, told once at each of ``places`` in one article: a
    country's name, or a palace in China."""
    palace = mint("place", "Jade Palace")
    corpus.entities[palace] = Entity(palace, EntityKind.PLACE, "Jade Palace", country=CHN)
    article = corpus.article("a", dt.date(2023, 6, 19))
    for place in places:
        sentence = article.sentence(f"Ilsa Quorn met Teo Marrak in {place}.")
        where = article.mention(sentence, place, EntityKind.PLACE, MentionRole.PLACE)
        article.tells(MEETING, sentence, "Ilsa Quorn", "Teo Marrak", date=SUNDAY, place=where)
    events, _ = corpus.merge()
    return events


def test_a_place_and_the_country_it_stands_in_are_one_meetings(corpus: Corpus) -> None:
    [event] = _placed(corpus, "Jade Palace", "China")
    assert event.place == mint("place", "Jade Palace")


def test_places_in_two_countries_are_two_meetings(corpus: Corpus) -> None:
    assert len(_placed(corpus, "Jade Palace", "France")) == 2


def _told_at(corpus: Corpus, doc_ids: tuple[str, str]) -> list[Event]:
    """Ilsa Quorn met Teo Marrak in Sunday's headline at "Port Ilse" (a city of China), then in
    the body at "the Amber Hall" (a venue kg cannot place); each told in its article of ``doc_ids``."""
    for name, country in (("Port Ilse", CHN), ("Amber Hall", "")):
        iri = mint("place", name)
        corpus.entities[iri] = Entity(iri, EntityKind.PLACE, name, country=country)
    articles = {doc_id: corpus.article(doc_id, dt.date(2023, 6, 19)) for doc_id in dict.fromkeys(doc_ids)}
    headline = articles[doc_ids[0]].sentence("Ilsa Quorn and Teo Marrak meet in Port Ilse")
    where = articles[doc_ids[0]].mention(headline, "Port Ilse", EntityKind.PLACE, MentionRole.PLACE)
    articles[doc_ids[0]].tells(MEETING, headline, "Ilsa Quorn", "Teo Marrak", place=where,
                               date=TemporalValue(dt.date(2023, 6, 1), TemporalPrecision.MONTH))
    body = articles[doc_ids[1]].sentence("Ilsa Quorn met Teo Marrak at the Amber Hall on Sunday.")
    hall = articles[doc_ids[1]].mention(body, "Amber Hall", EntityKind.PLACE, MentionRole.PLACE)
    articles[doc_ids[1]].tells(MEETING, body, "Ilsa Quorn", "Teo Marrak", place=hall, date=SUNDAY)
    events, _ = corpus.merge()
    return events


def test_one_article_telling_a_meeting_at_two_places_it_cannot_tell_apart_tells_one(corpus: Corpus) -> None:
    [event] = _told_at(corpus, ("a", "a"))
    assert event.date == SUNDAY


def test_two_articles_telling_meetings_at_two_places_tell_two(corpus: Corpus) -> None:
    assert len(_told_at(corpus, ("a", "b"))) == 2


def test_different_participants_are_different_meetings(corpus: Corpus) -> None:
    article = corpus.article("a", dt.date(2023, 6, 19))
    met(article, "Ilsa Quorn", "Teo Marrak")
    met(article, "Ilsa Quorn", "Vida Ostrel")
    assert who_met(corpus) == [["Ilsa Quorn", "Teo Marrak"], ["Ilsa Quorn", "Vida Ostrel"]]


# -- a title for someone of a country ----------------------------------------------------------


def test_a_title_no_one_names_joins_the_one_meeting_with_someone_of_its_country(corpus: Corpus) -> None:
    named = met(corpus.article("a", dt.date(2023, 6, 19)), "Ilsa Quorn", "Teo Marrak")
    untitled = met_minister(corpus.article("b", dt.date(2023, 6, 19)), "Chinese", "CHN")
    (event,), _ = corpus.merge()
    assert labels(corpus, event) == {"Ilsa Quorn", "Teo Marrak"}
    assert set(event.evidence) == {named, untitled}


def test_a_title_no_one_names_stays_apart_when_two_meetings_could_take_it(corpus: Corpus) -> None:
    article = corpus.article("a", dt.date(2023, 6, 19))
    met(article, "Ilsa Quorn", "Teo Marrak")
    met(article, "Ilsa Quorn", "Vida Ostrel")
    met_minister(article, "Chinese", "CHN")
    assert who_met(corpus) == [
        ["China", "Ilsa Quorn"], ["Ilsa Quorn", "Teo Marrak"], ["Ilsa Quorn", "Vida Ostrel"]]


def test_a_title_of_another_country_is_not_absorbed(corpus: Corpus) -> None:
    article = corpus.article("a", dt.date(2023, 6, 19))
    met(article, "Ilsa Quorn", "Teo Marrak")
    met_minister(article, "French", "FRA")
    assert who_met(corpus) == [["France", "Ilsa Quorn"], ["Ilsa Quorn", "Teo Marrak"]]


def countries_met(article: Article, first: tuple[str, str], second: tuple[str, str],
                  headline: bool = False) -> Evidence:
    """A meeting of two countries, undated: a headline's "<first> and <second> meet" (the
    article's first line, with no full stop), else the sentence "<first> and <second> met."."""
    sentence = article.sentence(f"{first[0]} and {second[0]} meet" if headline else
                                f"{first[0]} and {second[0]} met.")
    sides = (article.country(sentence, *first), article.country(sentence, *second))
    return article.tells(MEETING, sentence, *sides)


def test_a_meeting_of_two_countries_joins_the_one_meeting_of_their_people_its_article_tells(
    corpus: Corpus
) -> None:
    article = corpus.article("a", dt.date(2023, 6, 19))
    headline = countries_met(article, ("United States", "USA"), ("China", "CHN"), headline=True)
    body = met(article, "Ilsa Quorn", "Teo Marrak")
    (event,), _ = corpus.merge()
    assert labels(corpus, event) == {"Ilsa Quorn", "Teo Marrak"}
    assert set(event.evidence) == {headline, body}


def test_a_meeting_of_two_countries_stays_apart_when_two_meetings_could_take_it(corpus: Corpus) -> None:
    article = corpus.article("a", dt.date(2023, 6, 19))
    countries_met(article, ("United States", "USA"), ("China", "CHN"))
    met(article, "Ilsa Quorn", "Teo Marrak")
    met(article, "Ilsa Quorn", "Vida Ostrel")
    assert who_met(corpus) == [
        ["China", "United States"], ["Ilsa Quorn", "Teo Marrak"], ["Ilsa Quorn", "Vida Ostrel"]]


def test_a_meeting_of_two_countries_does_not_join_a_meeting_another_article_tells(corpus: Corpus) -> None:
    countries_met(corpus.article("a", dt.date(2023, 6, 19)), ("United States", "USA"), ("China", "CHN"))
    met(corpus.article("b", dt.date(2023, 6, 19)), "Ilsa Quorn", "Teo Marrak")
    assert who_met(corpus) == [["China", "United States"], ["Ilsa Quorn", "Teo Marrak"]]


def test_a_headlines_meeting_of_countries_no_sentence_tells_again_is_no_event(corpus: Corpus) -> None:
    countries_met(corpus.article("a", dt.date(2023, 6, 19)), ("United States", "USA"), ("China", "CHN"),
                  headline=True)
    countries_met(corpus.article("b", dt.date(2023, 6, 19)), ("United States", "USA"), ("France", "FRA"))
    assert who_met(corpus) == [["France", "United States"]]


def test_a_meeting_of_two_countries_does_not_join_one_of_other_countries_people(corpus: Corpus) -> None:
    article = corpus.article("a", dt.date(2023, 6, 19))
    countries_met(article, ("United States", "USA"), ("France", "FRA"))
    met(article, "Ilsa Quorn", "Teo Marrak")
    assert who_met(corpus) == [["France", "United States"], ["Ilsa Quorn", "Teo Marrak"]]


# -- another occasion ------------------------------------------------------------------------------


def test_an_undated_plan_is_not_a_meeting_of_an_earlier_month(corpus: Corpus) -> None:
    article = corpus.article("a", dt.date(2023, 6, 20))
    met(article, "Ilsa Quorn", "Teo Marrak", date=day(2023, 5, 2))
    article.tells(MEETING, "Ilsa Quorn and Teo Marrak will meet again.", "Ilsa Quorn", "Teo Marrak",
                  status=PLANNED)
    events, _ = corpus.merge()
    assert sorted((e.status, e.date is None) for e in events) == [(OCCURRED, False), (PLANNED, True)]


def test_an_undated_plan_joins_the_dated_plan_it_speaks_of(corpus: Corpus) -> None:
    article = corpus.article("a", dt.date(2023, 6, 20))
    article.tells(MEETING, "Ilsa Quorn will meet Teo Marrak on June 25.", "Ilsa Quorn", "Teo Marrak",
                  date=day(2023, 6, 25), status=PLANNED)
    article.tells(MEETING, "Ilsa Quorn and Teo Marrak will meet in the capital.", "Ilsa Quorn", "Teo Marrak",
                  status=PLANNED)
    (event,), _ = corpus.merge()
    assert (event.status, event.date, len(event.evidence)) == (PLANNED, day(2023, 6, 25), 2)


def test_a_hope_after_a_refusal_is_another_occasion(corpus: Corpus) -> None:
    corpus.article("a", dt.date(2023, 6, 12)).tells(
        MEETING, "Teo Marrak rebuffed a request from Ilsa Quorn for a meeting.", "Ilsa Quorn", "Teo Marrak",
        status=DECLINED)
    corpus.article("b", dt.date(2023, 6, 20)).tells(
        MEETING, "Ilsa Quorn said she and Teo Marrak would meet at some point.", "Ilsa Quorn", "Teo Marrak",
        status=POSSIBLE)
    events, _ = corpus.merge()
    assert sorted(e.status for e in events) == sorted([DECLINED, POSSIBLE])


# -- disputes --------------------------------------------------------------------------------------


def test_a_dispute_between_people_is_between_their_countries_and_dated_as_the_text_dates_it(
    corpus: Corpus,
) -> None:
    corpus.article("a", dt.date(2023, 6, 19)).tells(
        DISPUTE, "Ilsa Quorn accused Teo Marrak of hacking on Sunday.", "Ilsa Quorn", "Teo Marrak",
        date=SUNDAY)
    (event,), _ = corpus.merge()
    assert (event.kind, event.participants, event.date) == (DISPUTE, parties(USA, CHN), SUNDAY)


def test_one_side_named_is_no_dispute_whatever_else_the_article_names(corpus: Corpus) -> None:
    # The article has a dispute of the United States and China, and this sentence names France:
    # neither fills in the other side of a sentence that names only one.
    article = corpus.article("a", dt.date(2023, 6, 19))
    article.tells(DISPUTE, "Ilsa Quorn accused Teo Marrak over Taiwan.", "Ilsa Quorn", "Teo Marrak",
                  issues=("taiwan",))
    sentence = article.sentence("Ilsa Quorn also criticised the chip curbs, France said.")
    article.country(sentence, "France", "FRA")
    article.tells(DISPUTE, sentence, "Ilsa Quorn", issues=("semiconductors",))
    (event,), issues = corpus.merge()
    assert event.participants == parties(USA, CHN)
    assert [i.key for i in issues] == ["taiwan"]


def test_the_acting_side_and_the_side_it_aims_at_are_the_parties(corpus: Corpus) -> None:
    article = corpus.article("a", dt.date(2023, 6, 19))
    sentence = article.sentence("Ilsa Quorn and Rene Varno warned Teo Marrak.")
    quorn, varno, marrak = article.people(sentence, "Ilsa Quorn", "Rene Varno", "Teo Marrak")
    article.tells(DISPUTE, sentence, quorn, varno, marrak, targets=(marrak,))
    (event,), _ = corpus.merge()
    assert event.participants == parties(USA, FRA, CHN)


def test_a_sentence_aimed_only_at_its_own_side_is_no_dispute(corpus: Corpus) -> None:
    article = corpus.article("a", dt.date(2023, 6, 19))
    sentence = article.sentence("Teo Marrak and Rene Varno criticised Vida Ostrel.")
    marrak, varno, ostrel = article.people(sentence, "Teo Marrak", "Rene Varno", "Vida Ostrel")
    article.tells(DISPUTE, sentence, marrak, varno, ostrel, targets=(ostrel,))
    # Teo Marrak and Vida Ostrel are both of China: only France is at odds with China.
    (event,), _ = corpus.merge()
    assert event.participants == parties(CHN, FRA)
    other = corpus.article("b", dt.date(2023, 6, 19))
    sentence = other.sentence("Teo Marrak criticised Vida Ostrel.")
    marrak, ostrel = other.people(sentence, "Teo Marrak", "Vida Ostrel")
    other.tells(DISPUTE, sentence, marrak, ostrel, targets=(ostrel,))
    assert len(corpus.merge()[0]) == 1


def test_disputes_of_other_parties_stay_apart(corpus: Corpus) -> None:
    article = corpus.article("a", dt.date(2023, 6, 19))
    article.tells(DISPUTE, "Ilsa Quorn accused Teo Marrak of hacking.", "Ilsa Quorn", "Teo Marrak")
    article.tells(DISPUTE, "Ilsa Quorn accused Rene Varno of dumping.", "Ilsa Quorn", "Rene Varno")
    events, _ = corpus.merge()
    assert sorted(e.participants for e in events) == sorted([parties(USA, CHN), parties(USA, FRA)])


@pytest.mark.parametrize(("second", "episodes"), [(dt.date(2023, 6, 28), 1), (dt.date(2023, 9, 2), 2)])
def test_undated_sentences_of_articles_of_one_month_are_one_episode(
    corpus: Corpus, second: dt.date, episodes: int
) -> None:
    corpus.article("a", dt.date(2023, 6, 19)).tells(
        DISPUTE, "Ilsa Quorn accused Teo Marrak of hacking.", "Ilsa Quorn", "Teo Marrak")
    corpus.article("b", second).tells(
        DISPUTE, "Teo Marrak rebuked Ilsa Quorn over tariffs.", "Teo Marrak", "Ilsa Quorn")
    events, _ = corpus.merge()
    assert len(events) == episodes
    assert all(e.date is None and e.participants == parties(USA, CHN) for e in events)


def test_an_undated_sentence_continues_its_articles_dated_episode(corpus: Corpus) -> None:
    # Published in July, about a dispute the text dates in June: the undated sentence is that
    # episode, and an article of June joins it; a dispute dated in May is another episode.
    article = corpus.article("a", dt.date(2023, 7, 2))
    article.tells(DISPUTE, "Teo Marrak condemned Ilsa Quorn.", "Teo Marrak", "Ilsa Quorn")
    article.tells(DISPUTE, "Ilsa Quorn accused Teo Marrak on Sunday.", "Ilsa Quorn", "Teo Marrak",
                  date=SUNDAY)
    article.tells(DISPUTE, "Teo Marrak had rebuked Ilsa Quorn in May.", "Teo Marrak", "Ilsa Quorn",
                  date=month(2023, 5))
    corpus.article("b", dt.date(2023, 6, 25)).tells(
        DISPUTE, "Ilsa Quorn blamed Teo Marrak.", "Ilsa Quorn", "Teo Marrak")
    events, _ = corpus.merge()
    assert sorted((e.date, len(e.evidence)) for e in events) == [(month(2023, 5), 1), (SUNDAY, 3)]


def test_an_issue_the_vocabulary_lacks_is_a_node_named_by_the_texts_words(corpus: Corpus) -> None:
    article = corpus.article("a", dt.date(2023, 6, 19))
    first = article.tells(DISPUTE, "Ilsa Quorn accused Teo Marrak over the dam on the river.",
                          "Ilsa Quorn", "Teo Marrak", topics=("dam on the river",))
    second = corpus.article("b", dt.date(2023, 6, 20)).tells(
        DISPUTE, "Teo Marrak rejected the Dam on the River claims of Ilsa Quorn.", "Teo Marrak", "Ilsa Quorn",
        topics=("Dam on the River",))
    (event,), (issue,) = corpus.merge()
    assert (issue.iri, issue.label, issue.aliases) == (
        mint("issue", "dam on the river"), "Dam on the River", ("dam on the river",))
    assert issue.evidence == (first, second)
    assert dict(issue.attrs) == {"issue_kind": "dispute"}
    assert event.issues == (issue.iri,)


def test_a_vocabulary_issue_keeps_the_words_the_text_used_for_it(corpus: Corpus) -> None:
    corpus.article("a", dt.date(2023, 6, 19)).tells(
        DISPUTE, "Ilsa Quorn accused Teo Marrak over hackers and a cyberattack.", "Ilsa Quorn", "Teo Marrak",
        issues=("cyber",))
    _, (issue,) = corpus.merge()
    assert (issue.label, issue.aliases) == ("Cyber attacks and hacking", ("cyberattack", "hackers"))


# -- evidence --------------------------------------------------------------------------------------


def test_every_sentence_that_tells_an_event_is_its_evidence_in_document_order(corpus: Corpus) -> None:
    # The title's article comes first, but its meeting is absorbed into the later articles'.
    titled = met_minister(corpus.article("a", dt.date(2023, 6, 20)), "Chinese", "CHN")
    named = met(corpus.article("b", dt.date(2023, 6, 19)), "Ilsa Quorn", "Teo Marrak")
    article = corpus.article("c", dt.date(2023, 6, 20))
    article.sentence("An unrelated sentence comes first.")
    hosted = article.tells(MEETING, "Teo Marrak hosted Ilsa Quorn on Sunday.", "Teo Marrak", "Ilsa Quorn",
                           date=SUNDAY)
    (event,), _ = corpus.merge()
    assert event.evidence == (titled, named, hosted)


def test_an_issue_node_keeps_every_sentence_that_named_it(corpus: Corpus) -> None:
    first = corpus.article("a", dt.date(2023, 6, 19)).tells(
        DISPUTE, "Ilsa Quorn accused Teo Marrak over Taiwan.", "Ilsa Quorn", "Teo Marrak", issues=("taiwan",))
    second = corpus.article("b", dt.date(2023, 6, 20)).tells(
        DISPUTE, "Vida Ostrel rebuked Ilsa Quorn over Taiwan and trade.", "Vida Ostrel", "Ilsa Quorn",
        issues=("taiwan", "trade"))
    (event,), issues = corpus.merge()
    assert event.evidence == tuple(sorted([first, second]))
    evidence = {issue.key: issue.evidence for issue in issues}
    assert evidence == {"taiwan": tuple(sorted([first, second])), "trade": (second,)}
    assert {issue.iri for issue in issues} == set(event.issues)


def test_an_undated_plan_its_article_tells_after_a_meeting_is_the_next_one(corpus: Corpus) -> None:
    # "X met Y on Sunday. The two agreed to hold more talks": the meeting took place; the plan is ahead.
    article = corpus.article("a", dt.date(2023, 6, 19))
    met(article, "Ilsa Quorn", "Teo Marrak")
    article.tells(MEETING, "Ilsa Quorn and Teo Marrak agreed to hold more talks.", "Ilsa Quorn", "Teo Marrak",
                  status=PLANNED)
    events, _ = corpus.merge()
    assert sorted((e.status, e.date) for e in events) == sorted([(OCCURRED, SUNDAY), (PLANNED, None)])
