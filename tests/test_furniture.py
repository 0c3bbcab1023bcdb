"""Page furniture: concrete finds on the seed articles, one hand-made text per rule, and properties."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import KgError
from kg.sources.furniture import KINDS, explain_furniture, find_furniture, read_furniture
from kg.types import Span

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
RULES_FILE = Path(__file__).resolve().parent.parent / "kg" / "data" / "furniture.tsv"
RULES = read_furniture(None)

PROSE = "The talks resumed on Monday after a long break, officials in the capital said."
MORE_PROSE = (
    "Both delegations said they would meet again next month, and a joint statement promised closer "
    "cooperation on trade, climate and security in the region."
)


def _seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def _texts(text: str, spans: tuple[Span, ...]) -> list[str]:
    return [text[start:end] for start, end in spans]


def _inside(spans: tuple[Span, ...], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _masked(spans: tuple[Span, ...], start: int, end: int) -> int:
    return sum(max(0, min(end, e) - max(start, s)) for s, e in spans)


def _find(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    starts = [m.start() for m in re.finditer(re.escape(needle), text)]
    return starts[occurrence], starts[occurrence] + len(needle)


# The seed articles


def test_seed_000_also_read_lines_and_agency_note() -> None:
    text = _seed("000")
    spans, dateline = find_furniture(text, RULES)
    assert _texts(text, spans) == [
        "Also read: EU must avoid getting dragged in US-China face-off over Taiwan: Macron",
        "Also read: G20: Russia-Ukraine prime on world leaders\u2019 minds; US-China meet key",
        "Also read: US-China trade war: Put off by US, Chinese students eye other univ",
        "(With inputs from agencies)",
    ]
    assert dateline is None


def test_seed_001_has_no_furniture() -> None:
    assert find_furniture(_seed("001"), RULES) == ((), None)


def test_seed_002_counters_and_everything_from_the_agency_credit_on() -> None:
    text = _seed("002")
    spans, dateline = find_furniture(text, RULES)
    found = _texts(text, spans)
    assert found[:2] == ['" "', "0 308"]
    assert len(found) == 3
    assert found[2].startswith("\u00a9\ufe0f Agence France-Presse\n\nAbout Author\n\nLeave a Reply")
    assert spans[2][1] == len(text.rstrip())
    assert dateline is None
    # The headline (second line, after the counter) and the last paragraph stay.
    assert not _masked(spans, *_find(text, "Blinken on rare Beijing visit in bid to lower temperature"))
    assert not _masked(spans, *_find(text, "send a signal that both countries are moving"))


def test_seed_003_ads_byline_duplicate_caption_dateline() -> None:
    text = _seed("003")
    spans, dateline = find_furniture(text, RULES)
    starts = [m.start() for m in re.finditer(r"(?m)^Advertisment$", text)]
    assert len(starts) == 10
    assert all(_inside(spans, s, s + len("Advertisment")) for s in starts)
    for needle in ["author-image", "NewsDrum Desk", "New Update", "Subscribe", "New Delhi:"]:
        assert _inside(spans, *_find(text, needle)), needle
    caption = "Antony Blinken meets with People\u2019s Republic of China State Councilor"
    assert not _masked(spans, *_find(text, caption, 0))  # the first copy is real text
    assert _inside(spans, *_find(text, caption, 1))
    assert dateline == "New Delhi"
    delhi = _find(text, "New Delhi:")
    assert delhi in spans  # the span is exactly the dateline
    assert not _masked(spans, delhi[1], delhi[1] + 40)
    assert not _masked(spans, *_find(text, "Will Blinken meet Xi Jinping on his last day in Beijing?"))
    assert _texts(text, spans).count("(AP)") == 1


def test_seed_004_labels_caption_and_tail() -> None:
    text = _seed("004")
    spans, dateline = find_furniture(text, RULES)
    found = _texts(text, spans)
    assert len(found) == 4
    assert found[0] == "Top Story"
    assert found[1] == "A view from the cockpit of a white balloon carrying equipment"
    assert found[2].startswith("Images provided by the US government show the alleged spy balloon")
    assert found[2].endswith("[Department of Defense/Reuters]")
    assert found[-1].startswith("Source link\n\nRelated Articles\n\nLeave a Reply")
    assert found[-1].endswith("Back to top button")
    assert dateline is None
    headline = "Blinken\u2019s long-awaited visit to China has been confirmed by top US diplomat"
    assert not _masked(spans, *_find(text, headline))
    # The paragraph before "Source link" is the end of the article, not furniture.
    assert not _masked(spans, *_find(text, "Blinken previously met Ye on the sidelines"))


@pytest.mark.parametrize(
    ("prefix", "sentence"),
    [
        ("000", "Blinken arrived in Beijing"),
        ("000", "Jake Sullivan met with Yi in Vienna in May."),
        ("000", "China said Qin had in a phone call with Blinken urged"),
        ("001", "Blinken opened his program by meeting Chinese Foreign Minister Qin Gang"),
        ("001", "Blinken will travel to London June 16"),
        ("002", "Secretary of State Antony Blinken on Sunday began the highest-level trip"),
        ("002", "Blinken spoke by telephone with his counterparts from both Japan and South Korea"),
        ("002", "Jake Sullivan, travelled to Tokyo"),
        ("003", "US Secretary of State Antony Blinken has opened a second and final day"),
        ("003", "Blinken met for nearly six hours with Chinese Foreign Minister Qin Gang"),
        ("003", "Jake Sullivan met with senior Chinese foreign policy adviser Wang Yi in Vienna in May."),
        ("004", "On Tuesday, Blinken spoke by phone with Chinese Foreign Minister Qin Gang"),
        ("004", "Jake Sullivan, held extensive, closed-door meetings with senior Chinese diplomat Wang Ye"),
        ("004", "Blinken previously met Ye on the sidelines of the Munich Security Conference in February."),
    ],
)
def test_event_sentences_are_never_masked(prefix: str, sentence: str) -> None:
    text = _seed(prefix)
    spans, _ = find_furniture(text, RULES)
    assert not _masked(spans, *_find(text, sentence))


SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s*$")
EVENT_WORDS = re.compile(r"\b(?:met|meet|meets|meeting|arriv\w*|visit\w*|spoke|talks|travel\w*|call)\b")


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_no_first_copy_of_a_line_with_an_event_word_is_masked(prefix: str) -> None:
    text = _seed(prefix)
    reasons = explain_furniture(text, RULES)
    # Only a dateline opening the paragraph or an agency tag closing it may sit inside such a line.
    allowed = tuple(span for span, name in reasons if name.startswith("dateline") or name.startswith("wire"))
    masking = tuple(span for span, name in reasons if span not in allowed and name != "duplicate_line")
    seen: set[str] = set()
    offset = 0
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        # Sentences only: "Also read: ... meet ..." is a link to another story, not a sentence.
        if line.strip() in seen or not EVENT_WORDS.search(line) or not SENTENCE_END.search(line):
            continue
        seen.add(line.strip())
        assert not _masked(masking, start, end), line


def test_section_headings_are_not_furniture() -> None:
    for prefix, heading in [
        ("000", "Conflict points"),
        ("000", "China pushes back"),
        ("000", "Biden hopes for more dialogue"),
        ("001", "3 Main Objectives"),
        ("002", "\u2013 Array of disputes \u2013"),
        ("002", "\u2013 Keeping allies close \u2013"),
    ]:
        text = _seed(prefix)
        spans, _ = find_furniture(text, RULES)
        assert not _masked(spans, *_find(text, heading)), heading


# One hand-made text per rule


def _article(line: str) -> str:
    return f"A headline about the talks\n{PROSE}\n{line}\n{MORE_PROSE}\n"


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Advertisement", "advertisement"),
        ("Advertisment", "advertisement"),
        ("ADVERTISEMENT", "advertisement"),
        ("- Advertisement -", "advertisement"),
        ("Sponsored", "sponsored"),
        ("Sponsored Content", "sponsored"),
        ("Story continues below advertisement", "continue_reading"),
        ('" "', "no_letters"),
        ("0 308", "no_letters"),
        ("* * *", "no_letters"),
        ("https://example.com/news/story-1", "url"),
        ("By Jane Doe", "byline_by"),
        ("By JANE DOE and John Roe, Reuters", "byline_by"),
        ("Written by John Roe", "byline_verb"),
        ("NewsDrum Desk", "desk"),
        ("Web Desk", "desk"),
        ("FP Staff", "desk"),
        ("Staff Reporter", "staff_byline"),
        ("Our Correspondent", "staff_byline"),
        ("Press Trust of India", "agency_byline"),
        ("PTI", "agency_byline"),
        ("author-image", "author_image"),
        ("New Update", "update_label"),
        ("Top Story", "top_story"),
        ("Trending Now", "top_story"),
        ("Subscribe", "subscribe"),
        ("Subscribe to our newsletter", "subscribe"),
        ("Share", "share"),
        ("Share this article", "share"),
        ("Facebook Twitter WhatsApp Email", "share_row"),
        ("Updated: June 18, 2023 10:31 IST", "published_stamp"),
        ("June 18, 2023", "date_stamp"),
        ("5 min read", "reading_time"),
        ("Also read: Ministers to meet in the capital next week", "also_read"),
        ("ALSO READ | Talks to resume", "also_read"),
        ("Read more: What the talks mean", "also_read"),
        ("Read More", "also_read"),
        ("Follow us on Twitter and Facebook", "follow_us"),
        ("Join our WhatsApp channel for updates", "follow_us"),
        ("Your email address will not be published. Required fields are marked *", "comment_notice"),
        ("Required fields are marked *", "comment_notice"),
        ("FILE PHOTO: Flags fly outside a government building", "file_photo"),
        ("Tags: Trade, Security", "tags"),
        ("Leave a Reply", "leave_a_reply"),
        ("Source link", "source_link"),
        ("Related Articles", "related"),
        ("Back to top button", "back_to_top"),
        ("About Author", "about_author"),
        ("Copyright \u00a9 2023 Example News. All rights reserved.", "copyright"),
        ("\u00a9\ufe0f Agence France-Presse", "copyright"),
        ("(c) 2023 Example Media", "copyright"),
        ("(With inputs from agencies)", "with_inputs"),
        ("(Reporting by Jane Doe; Editing by John Roe)", "reporting_credits"),
        ("Crowds wait outside the hall as the talks begin [Jane Doe/Reuters]", "bracket_credit"),
        ("Crowds wait outside the hall (AP Photo/Jane Doe)", "paren_credit"),
        ("Crowds wait outside the hall. REUTERS/Jane Doe", "slash_credit"),
        ("Photo: Reuters", "photo_label"),
    ],
)
def test_each_rule_on_a_hand_made_line(line: str, rule: str) -> None:
    text = _article(line)
    start = text.index(f"\n{line}\n") + 1
    assert ((start, start + len(line)), rule) in explain_furniture(text, RULES)
    spans, _ = find_furniture(text, RULES)
    assert not _masked(spans, *_find(text, PROSE)) and not _masked(spans, *_find(text, MORE_PROSE))


@pytest.mark.parametrize(
    "line",
    [
        "By Sunday evening, the two sides had agreed to keep talking.",
        "Share prices fell in Hong Kong after the announcement.",
        "Advertising revenue at the state broadcaster fell sharply last year.",
        "Comments by the minister drew a sharp rebuke from the capital.",
        "Related talks are planned for next month in the capital.",
        "Follow-up talks will be held next week, officials said.",
        "Copyright disputes between the two countries' firms have grown.",
        "Updated figures show trade fell 5% in May.",
        "Images of the balloon were shown on state television.",
        "Live fire drills were held near the island on Saturday.",
        "Staff at the embassy were told to stay home.",
        "The White House Staff",
        "Press Trust of India reported that the meeting lasted an hour.",
        "The US-China relationship (AP Photo diplomacy) remains tense.",
        "Conflict points",
        "\u2013 Array of disputes \u2013",
        "3 Main Objectives",
        "What we know about the balloon",
    ],
)
def test_real_text_is_not_marked(line: str) -> None:
    assert explain_furniture(_article(line), RULES) == ()


def test_wire_tag_closing_a_paragraph_is_only_the_tag() -> None:
    text = f"A headline about the talks\n{PROSE}\n{MORE_PROSE}(AP)\n"
    spans, _ = find_furniture(text, RULES)
    assert _texts(text, spans) == ["(AP)"]


# Tails


def test_tail_cuts_a_related_list_at_the_end() -> None:
    text = f"A headline\n{PROSE}\n{MORE_PROSE}\nRelated Articles\nTalks stall again\nMinister resigns\n"
    spans, _ = find_furniture(text, RULES)
    assert _texts(text, spans) == ["Related Articles\nTalks stall again\nMinister resigns"]


def test_tail_in_mid_article_marks_only_its_line() -> None:
    text = f"A headline\n{PROSE}\nRelated Articles\n{MORE_PROSE}\n{MORE_PROSE.replace('month', 'year')}\n"
    spans, _ = find_furniture(text, RULES)
    assert _texts(text, spans) == ["Related Articles"]


def test_tail_followed_by_a_paragraph_of_prose_marks_only_its_line() -> None:
    filler = "\n".join(PROSE.replace("Monday", day) for day in ["Monday", "Tuesday", "Friday"])
    text = f"A headline\n{filler}\nRelated Articles\n{MORE_PROSE}\n"
    spans, _ = find_furniture(text, RULES)
    assert _texts(text, spans) == ["Related Articles"]


def test_tail_too_early_in_the_text_marks_only_its_line() -> None:
    text = f"A headline\nSource link\nShort note\n{'x' * 200}\n"
    spans, _ = find_furniture(text, RULES)
    assert _texts(text, spans) == ["Source link"]


# Duplicates and captions


def test_later_copies_of_a_repeated_line_are_furniture() -> None:
    caption = "The minister greets her counterpart at the airport"
    text = f"A headline\n{caption}\n{PROSE}\n{caption}\n{MORE_PROSE}\n{caption}\n"
    spans, _ = find_furniture(text, RULES)
    assert _texts(text, spans) == [caption, caption]
    assert spans[0][0] > text.index(PROSE)


def test_short_repeated_lines_are_not_duplicates() -> None:
    text = f"A headline\nTalks in the capital\n{PROSE}\nTalks in the capital\n{MORE_PROSE}\n"
    assert find_furniture(text, RULES) == ((), None)


def test_repeated_headline_keeps_the_headline() -> None:
    headline = "Ministers meet for the first time in five years"
    text = f"{headline}\n{PROSE}\n{headline}\n{MORE_PROSE}\n"
    spans, _ = find_furniture(text, RULES)
    assert spans == ((text.rindex(headline), text.rindex(headline) + len(headline)),)


def test_caption_before_a_credit_line_is_furniture() -> None:
    caption = "Delegates at the opening session"
    credit = "The opening session of the talks in the capital [Jane Doe/Reuters]"
    text = f"A headline\n{PROSE}\n{caption}\n{credit}\n{MORE_PROSE}\n"
    reasons = explain_furniture(text, RULES)
    assert [(text[s:e], n) for (s, e), n in reasons] == [
        (caption, "caption_before_credit"),
        (credit, "bracket_credit"),
    ]


def test_a_sentence_before_a_credit_line_stays() -> None:
    credit = "The opening session of the talks in the capital [Jane Doe/Reuters]"
    text = f"A headline\n{PROSE}\n{credit}\n{MORE_PROSE}\n"
    spans, _ = find_furniture(text, RULES)
    assert _texts(text, spans) == [credit]


def test_the_headline_before_a_credit_line_stays() -> None:
    credit = "Delegates at the opening session [Jane Doe/Reuters]"
    text = f"Ministers meet again\n{credit}\n{PROSE}\n{MORE_PROSE}\n"
    spans, _ = find_furniture(text, RULES)
    assert _texts(text, spans) == [credit]


# Datelines


@pytest.mark.parametrize(
    ("opening", "place"),
    [
        ("New Delhi:", "New Delhi"),
        ("BEIJING (Reuters) -", "BEIJING"),
        ("WASHINGTON, June 18 (AP) \u2014", "WASHINGTON"),
        ("New Delhi, Jun 18 (PTI)", "New Delhi"),
        ("LONDON \u2014", "LONDON"),
        ("Beijing, June 18:", "Beijing"),
        ("Hong Kong CNN \u2014", "Hong Kong"),
        ("Rio de Janeiro, 18 June 2023 (AFP) --", "Rio de Janeiro"),
        ("(Reuters) -", None),
    ],
)
def test_dateline_forms(opening: str, place: str | None) -> None:
    text = f"A headline about talks\n{opening} {PROSE}\n{MORE_PROSE}\n"
    spans, found = find_furniture(text, RULES)
    assert found == place
    assert _texts(text, spans) == [opening]


@pytest.mark.parametrize(
    "text",
    [
        # A headline of the form "Topic: ..." is not a dateline.
        f"Taiwan: talks to resume\n{PROSE}\n",
        # A label is not a place.
        f"A headline\nExclusive: {PROSE}\n",
        # Only the first paragraph can open with a dateline.
        f"A headline\n{PROSE}\nBEIJING \u2014 {MORE_PROSE}\n",
        # A sentence with a colon is not a dateline.
        f"A headline\nThe minister said: {PROSE}\n",
    ],
)
def test_not_a_dateline(text: str) -> None:
    spans, place = find_furniture(text, RULES)
    assert place is None
    assert spans == ()


# Properties

POOL = [
    "Advertisement",
    "Also read: Talks to resume",
    "Related Articles",
    "Source link",
    "Leave a Reply",
    "\u00a9 2023 Example News",
    "Delegates at the opening session",
    "Delegates at the opening session of the summit today",
    "Crowds outside the hall [Jane Doe/Reuters]",
    "BEIJING (Reuters) - The talks resumed on Monday after a long break, officials said.",
    "New Delhi: The talks resumed on Monday after a long break, officials said.",
    PROSE,
    MORE_PROSE,
    "Conflict points",
    '" "',
    "",
    "   ",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(POOL), st.text(max_size=40)), max_size=25),
    st.sampled_from(["\n", "\n\n", "\n \n"]),
)
def test_spans_are_sorted_disjoint_and_in_bounds(lines: list[str], separator: str) -> None:
    text = separator.join(lines)
    spans, place = find_furniture(text, RULES)
    for start, end in spans:
        assert 0 <= start < end <= len(text)
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end < start
    # Every rule's find lies inside the merged spans; a dateline place is in the text.
    for (start, end), _ in explain_furniture(text, RULES):
        assert _inside(spans, start, end) or start == end
    if place is not None:
        assert place in text


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_any_text_gives_valid_spans(text: str) -> None:
    spans, _ = find_furniture(text, RULES)
    assert list(spans) == sorted(spans)
    assert all(0 <= s < e <= len(text) for s, e in spans)


# The rules file

# Text that occurs only in the sample articles; general rules never need it.
SAMPLE_ONLY = [
    "Blinken", "Binken", "Antony", "Anthony", "Qin", "Wang", "Xi Jinping", "Sullivan", "Krittenbrink",
    "Campbell", "Balakrishnan", "Russel", "Pompeo", "NewsDrum", "Muslim Media", "Department of Defense",
    "Diaoyutai", "Macron", "cockpit", "balloon", "Array of disputes", "Conflict points", "308",
]  # fmt: skip


def test_rules_name_nothing_from_the_samples() -> None:
    data = RULES_FILE.read_text(encoding="utf-8")
    for term in SAMPLE_ONLY:
        assert term.lower() not in data.lower(), term


def test_shipped_rules_cover_every_kind() -> None:
    assert {rule.kind for rule in RULES.rules} == set(KINDS) - {"macro"}


def test_data_dir_without_rules_uses_the_shipped_ones(tmp_path: Path) -> None:
    assert [r.name for r in read_furniture(tmp_path).rules] == [r.name for r in RULES.rules]


def test_data_dir_with_its_own_rules(tmp_path: Path) -> None:
    (tmp_path / "furniture.tsv").write_text(
        "# test rules\nname\tkind\tpattern\tnote\nword\tmacro\t(?i:promo)\t\npromo\tline\t{{word}}\ta note\n",
        encoding="utf-8",
    )
    rules = read_furniture(tmp_path)
    text = "Headline\nPROMO\nAdvertisement\n"
    assert _texts(text, find_furniture(text, rules)[0]) == ["PROMO"]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ("name\tkind\tpattern\tnote\nx\tline\t(unclosed\t\n", "bad pattern"),
        ("name\tkind\tpattern\tnote\nx\tlines\tabc\t\n", "unknown kind"),
        ("name\tkind\tpattern\tnote\nx\tline\t(?i)abc\t\n", "bad pattern"),
        ("name\tkind\tpattern\tnote\nx\tline\t(?P<who>abc)\t\n", "named groups"),
        ("name\tkind\tpattern\tnote\nx\tline\t{{nope}}\t\n", "unknown macro"),
        ("name\tkind\tpattern\tnote\nx\tline\tabc\t\nx\tline\tdef\t\n", "used twice"),
        ("x\tline\tabc\t\n", "header"),
        ("name\tkind\tpattern\tnote\nx\tline\n", "tabs"),
    ],
)
def test_malformed_rules_file_raises(tmp_path: Path, rows: str, expected: str) -> None:
    path = tmp_path / "furniture.tsv"
    path.write_text(rows, encoding="utf-8")
    with pytest.raises(KgError) as caught:
        read_furniture(tmp_path)
    assert caught.value.code == "KG190"
    assert str(path) in str(caught.value) and expected in caught.value.message
