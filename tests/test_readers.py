"""The readers by file kind (kg.sources: txt, html_page, jsonl, csv_rows) and what the corpus does with them.

Every text here is written for these tests; the names in them are made up.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import pytest

from kg.dates import relative_phrase
from kg.knowledge import Knowledge
from kg.settings import Settings
from kg.sources import read_corpus
from kg.sources.check import RawArticle
from kg.sources.csv_rows import read_csv
from kg.sources.html_page import page_meta, read_html
from kg.sources.jsonl import read_json, read_jsonl
from kg.sources.reading import FieldNames, InputFile, parse_fields
from kg.sources.txt import read_txt
from kg.types import Article, Problem

# Long enough for the language check, and no relative date: nothing here warns unless a test wants it.
STORY = (
    "The harbour authority opened a new container terminal in the northern port, officials said, "
    "and the first ships are expected to dock there before the summer season begins in earnest. "
    "The project cost more than the government had planned, and the opposition asked for an audit."
)
OTHER_STORY = (
    "Farmers drove their tractors through the old town to protest against the new water rules, and "
    "the police closed several streets for most of the afternoon while the mayor met their leaders. "
    "The rules limit how much water a farm may take from the river in a dry year."
)
# An article whose only date is relative to the day it was published.
UNDATED = (
    "The two foreign ministers met in the capital on Tuesday for talks on trade and fishing rights, "
    "their offices said in a statement, and agreed that their officials would meet again soon to "
    "prepare an agreement that both parliaments would then have to approve."
)


def _file(name: str, data: bytes | str, fields: FieldNames | None = None) -> InputFile:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return InputFile(Path("in") / name, name, raw, fields or FieldNames())


def _split(items: object) -> tuple[list, list[Problem]]:
    items = list(items)  # type: ignore[call-overload]
    return [i for i in items if not isinstance(i, Problem)], [i for i in items if isinstance(i, Problem)]


def _read(folder: Path, knowledge: Knowledge, **changes: object) -> tuple[list[Article], list[Problem]]:
    return _split(read_corpus(folder, dataclasses.replace(Settings(), **changes), knowledge))


# --- --fields -------------------------------------------------------------------------------------


def test_fields_are_renamed_as_written() -> None:
    pairs = parse_fields("text=body, published=date,id=uid")
    assert pairs == (("text", "body"), ("published", "date"), ("id", "uid"))
    names = FieldNames.renamed(pairs)
    assert (names.text, names.published, names.id, names.title) == ("body", "date", "uid", "title")


@pytest.mark.parametrize(
    ("spec", "said"),
    [
        ("txt=body", "unknown field 'txt'"),
        ("text", "'text' is not FIELD=NAME"),
        ("text=", "'text=' is not FIELD=NAME"),
        ("text=body,text=content", "'text' is named twice"),
        ("text=body,title=body", "two fields are called 'body'"),
        ("", "'' is not FIELD=NAME"),
    ],
)
def test_a_bad_fields_spec_says_what_is_wrong(spec: str, said: str) -> None:
    with pytest.raises(ValueError, match=said):
        parse_fields(spec)


def test_a_bad_fields_option_is_one_coded_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from kg.cli import main

    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    assert main(["build", str(tmp_path), "--out", str(tmp_path / "out"), "--fields", "txt=body"]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and err.startswith("kg: error: KG010 ")
    assert "unknown field 'txt'" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


# --- .txt -----------------------------------------------------------------------------------------


def test_a_txt_file_in_a_subfolder_has_its_path_for_id() -> None:
    [raw] = read_txt(_file("sub/a.txt", STORY + "\r\n"))
    assert raw == RawArticle("sub/a.txt", str(Path("in/sub/a.txt")), STORY + "\n")


# --- .html ----------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head>
<title>Port opens | The Coast Courier</title>
<meta property="og:title" content="A new terminal opens in the northern port">
<meta property="og:url" content="https://courier.example.org/port">
<link rel="canonical" href="https://courier.example.org/canonical-port">
<meta property="article:published_time" content="2031-03-04T18:30:00+01:00">
<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2031-01-01"}</script>
<style>body { font-family: serif; }</style>
<script>window.track("page view");</script>
</head><body>
<nav><a href="/">Home</a> <a href="/ports">Ports</a></nav>
<header>The Coast Courier</header>
<article><h1>A new terminal opens</h1><p>%s</p>
<p>It was <time datetime="2030-12-24">long awaited</time>.</p></article>
<aside>Most read: weather</aside>
<footer>All rights reserved</footer>
</body></html>
""" % STORY  # noqa: UP031 (braces of the CSS and the JSON)


def test_a_page_is_its_visible_text_without_scripts_styles_or_chrome() -> None:
    [raw] = read_html(_file("port.html", PAGE))
    assert isinstance(raw, RawArticle) and raw.html and raw.warnings == ()
    assert raw.text == f"A new terminal opens\n\n{STORY}\n\nIt was long awaited."
    for chrome in ("track", "font-family", "Home", "Coast Courier", "Most read", "rights", "NewsArticle"):
        assert chrome not in raw.text


def test_a_page_gives_its_own_title_date_and_url_from_its_head() -> None:
    [raw] = read_html(_file("port.html", PAGE))
    assert raw.meta.title == "A new terminal opens in the northern port"  # og:title before <title>
    assert raw.meta.published == date(2031, 3, 4)  # the page's own day, before JSON-LD and <time>
    assert raw.meta.url == "https://courier.example.org/port"  # og:url before the canonical link


def test_a_page_falls_back_tag_by_tag() -> None:
    bare = "<html><head><title> Port\n opens </title></head><body><p>x</p></body></html>"
    assert (page_meta(bare).title, page_meta(bare).published, page_meta(bare).url) == ("Port opens", None,
                                                                                        None)
    linked = bare.replace("</head>", '<link rel="canonical" href="https://e.example/p">'
                          '<script type="application/ld+json">{"datePublished": "2031-02-03T10:00:00Z"}'
                          "</script></head>")
    assert (page_meta(linked).published, page_meta(linked).url) == (date(2031, 2, 3), "https://e.example/p")
    timed = bare.replace("<p>x</p>", '<time datetime="2031-02-05">Feb 5</time>')
    assert page_meta(timed).published == date(2031, 2, 5)
    # A value that is not a date is passed over for the next place that gives one.
    vague = timed.replace("</head>", '<meta name="pubdate" content="last spring"></head>')
    assert page_meta(vague).published == date(2031, 2, 5)


def test_a_page_with_nothing_visible_is_empty_for_the_checks(tmp_path: Path, knowledge: Knowledge) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "blank.htm").write_text("<html><head><title>Nothing</title></head><body><nav>Home</nav>"
                                        "</body></html>", encoding="utf-8")
    _, problems = _read(tmp_path, knowledge)
    assert [(p.code, Path(p.path).name) for p in problems] == [("KG110", "blank.htm")]
    assert "HTML page with no visible text" in problems[0].message


# --- .jsonl and .json -------------------------------------------------------------------------------


def test_jsonl_records_get_their_id_or_file_and_line() -> None:
    lines = [
        json.dumps({"id": "w-17", "text": STORY, "title": "Port", "url": "https://e.example/1",
                    "published": "2031-03-04"}),
        "",
        json.dumps({"id": 42, "text": OTHER_STORY}),
        json.dumps({"text": "Short.\r\nTwo lines.", "published": "March 5, 2031"}),
    ]
    raws, problems = _split(read_jsonl(_file("sub/day.jsonl", "\n".join(lines))))
    assert problems == []
    assert [r.doc_id for r in raws] == ["w-17", "42", "sub/day.jsonl#4"]
    assert [r.path for r in raws] == [f"{Path('in/sub/day.jsonl')}#{n}" for n in (1, 3, 4)]
    first = raws[0]
    assert (first.text, first.meta.title, first.meta.url, first.meta.published) == (
        STORY, "Port", "https://e.example/1", date(2031, 3, 4))
    assert raws[2].text == "Short.\nTwo lines." and raws[2].meta.published == date(2031, 3, 5)


def test_an_invalid_json_line_is_one_line_naming_file_and_line_and_the_rest_is_read() -> None:
    lines = [json.dumps({"text": STORY}), '{"text": "The envoys met.",', json.dumps({"text": OTHER_STORY}),
             "not json at all", "[1, 2]"]
    raws, problems = _split(read_jsonl(_file("day.jsonl", "\n".join(lines))))
    assert [r.doc_id for r in raws] == ["day.jsonl#1", "day.jsonl#3"]
    assert [(p.code, p.path, p.skipped) for p in problems] == [
        ("KG125", str(Path("in/day.jsonl")), True), ("KG125", str(Path("in/day.jsonl")), True)]
    not_json, not_object = (str(p) for p in problems)
    assert "line 2 is not JSON" in not_json and "and 1 more lines like it (4)" in not_json
    assert "line 5 is a list, not an object" in not_object
    assert all("\n" not in str(p) and "Traceback" not in str(p) for p in problems)


def test_a_record_without_its_text_field_is_skipped_with_one_line_for_the_file() -> None:
    lines = [json.dumps({"body": STORY, "date": "2031-03-04"}) for _ in range(8)]
    lines.append(json.dumps({"text": 12}))
    raws, problems = _split(read_jsonl(_file("day.jsonl", "\n".join(lines))))
    assert raws == []
    [missing] = problems
    assert missing.code == "KG126" and missing.skipped
    assert missing.message.startswith("line 1 has no 'text' field (its fields: body, date), and 8 more lines")
    assert "(2, 3, 4, 5, 6, ...)" in missing.message and "--fields text=NAME" in missing.message


def test_renamed_fields_read_records_written_with_other_names() -> None:
    names = FieldNames.renamed(parse_fields("text=body,published=date,id=uid"))
    line = json.dumps({"uid": "x1", "body": STORY, "date": "2031-03-04"})
    [raw] = read_jsonl(_file("day.jsonl", line, names))
    assert (raw.doc_id, raw.text, raw.meta.published) == ("x1", STORY, date(2031, 3, 4))


def test_a_published_value_that_is_no_date_is_a_warning_and_the_record_is_kept() -> None:
    line = json.dumps({"text": STORY, "published": "some day"})
    raws, problems = _split(read_jsonl(_file("day.jsonl", line)))
    assert len(raws) == 1 and raws[0].meta.published is None
    assert [(p.code, p.skipped) for p in problems] == [("KG127", False)]
    assert "'some day', not a date" in problems[0].message


def test_a_record_text_that_is_a_page_is_its_visible_text_with_a_warning() -> None:
    line = json.dumps({"text": f"<html><body><nav>Menu</nav><p>{STORY}</p></body></html>"})
    [raw] = read_jsonl(_file("day.jsonl", line))
    assert raw.text == STORY and raw.html and [w.code for w in raw.warnings] == ["KG115"]


def test_a_json_file_is_a_list_of_records_or_one() -> None:
    listed = json.dumps([{"text": STORY}, "a string", {"text": OTHER_STORY, "id": "b"}])
    raws, problems = _split(read_json(_file("list.json", listed)))
    assert [r.doc_id for r in raws] == ["list.json#1", "b"]
    assert [p.code for p in problems] == ["KG125"] and "item 2 is a string" in problems[0].message
    [one] = read_json(_file("one.json", json.dumps({"text": STORY})))
    assert one.doc_id == "one.json#1"


def test_a_json_file_that_does_not_parse_is_one_line_saying_where() -> None:
    [problem] = read_json(_file("list.json", '[{"text": "a"},\n {"text": }]'))
    assert problem.code == "KG125" and problem.skipped
    start = f"KG125 {Path('in/list.json')}: not JSON (Expecting value at line 2, column"
    assert str(problem).startswith(start)


# --- .csv -----------------------------------------------------------------------------------------


def test_csv_rows_are_records_numbered_by_the_line_they_start_on() -> None:
    data = (
        "id,title,text,published\n"
        f'a1,Port,"{STORY}\nA second paragraph.",2031-03-04\n'
        "\n"
        f",Farm,{OTHER_STORY.replace(',', '')},\n"
    )
    raws, problems = _split(read_csv(_file("t.csv", data)))
    assert problems == []
    assert [(r.doc_id, r.meta.title) for r in raws] == [("a1", "Port"), ("t.csv#5", "Farm")]
    assert raws[0].text == STORY + "\nA second paragraph." and raws[0].meta.published == date(2031, 3, 4)


def test_a_csv_without_the_text_column_is_one_line_naming_its_columns() -> None:
    [problem] = read_csv(_file("t.csv", f"id,body\na1,{STORY.replace(',', '')}\n"))
    assert problem.code == "KG126" and problem.skipped and problem.path == str(Path("in/t.csv"))
    assert "no 'text' column (its columns: id, body)" in problem.message
    [raw] = read_csv(_file("t.csv", f"id,body\na1,{STORY.replace(',', '')}\n", FieldNames(text="body")))
    assert raw.doc_id == "a1"


def test_a_line_the_csv_reader_cannot_take_ends_the_file_with_one_line() -> None:
    data = f"text\n{STORY.replace(',', '')}\n\"{'x' * 200_000}\"\n{OTHER_STORY.replace(',', '')}\n"
    raws, problems = _split(read_csv(_file("t.csv", data)))
    assert [r.doc_id for r in raws] == ["t.csv#2"]
    [problem] = problems
    assert problem.code == "KG125" and "line 3 is not CSV (field larger than field limit" in problem.message


# --- the folder: subfolders, kinds not read, metadata, ids --------------------------------------------


def test_subfolders_are_read_with_ids_from_their_paths_and_metadata_by_path(
    tmp_path: Path, knowledge: Knowledge
) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "a.txt").write_text(OTHER_STORY, encoding="utf-8")
    (tmp_path / ".hidden" / "c.txt").write_text(UNDATED, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(
        "file,published,title\na.txt,2031-03-04,Top\nsub/deeper/a.txt,2031-03-05,Deep\n", encoding="utf-8")
    articles, problems = _read(tmp_path, knowledge)
    assert problems == []
    assert [(a.doc_id, a.title, a.published) for a in articles] == [
        ("a.txt", "Top", date(2031, 3, 4)), ("sub/deeper/a.txt", "Deep", date(2031, 3, 5))]


def test_a_file_of_another_kind_is_one_line_and_a_readme_none(tmp_path: Path, knowledge: Knowledge) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "README.md").write_text("What this folder is.\n", encoding="utf-8")
    (tmp_path / "report.docx").write_bytes(b"PK\x03\x04 not read")
    (tmp_path / "sub" / "scan.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / "sub" / "metadata.csv").write_text("file,title\nx.txt,X\n", encoding="utf-8")
    (tmp_path / "sub" / "NOTES").write_text("no suffix", encoding="utf-8")
    articles, problems = _read(tmp_path, knowledge)
    assert [a.doc_id for a in articles] == ["a.txt"]
    lines = [(p.code, p.path, p.skipped) for p in problems]
    assert lines == [
        ("KG124", str(tmp_path / "report.docx"), True),
        ("KG124", str(tmp_path / "sub" / "NOTES"), True),
        ("KG124", str(tmp_path / "sub" / "metadata.csv"), True),
        ("KG124", str(tmp_path / "sub" / "scan.pdf"), True),
    ]
    said = [p.message for p in problems]
    assert said[0].startswith("a .docx file, a kind kg does not read")
    assert "a file without a suffix" in said[1]
    assert "only the top folder's metadata.csv is read" in said[2]


def test_metadata_rows_name_records_by_id_or_by_their_file(tmp_path: Path, knowledge: Knowledge) -> None:
    lines = [json.dumps({"id": "r1", "text": STORY, "title": "Own"}), json.dumps({"text": OTHER_STORY})]
    (tmp_path / "day.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(
        "file,published,title\nr1,2031-03-04,\nday.jsonl,2031-03-09,From the row\nr9,2031-03-01,\n"
        "gone.txt,2031-03-01,\n", encoding="utf-8")
    items = list(read_corpus(tmp_path, Settings(), knowledge))
    articles = [i for i in items if isinstance(i, Article)]
    # The record's own row, then the file's row, then what the record says.
    assert [(a.doc_id, a.published, a.title) for a in articles] == [
        ("r1", date(2031, 3, 4), "Own"), ("day.jsonl#2", date(2031, 3, 9), "From the row")]
    # A file that is not there is named first; an id no record has once every record is read.
    codes = [(i.code, i.message.split(",")[0]) for i in items if isinstance(i, Problem)]
    assert [c for c, _ in codes] == ["KG204", "KG204"]
    assert "'gone.txt'" in codes[0][1] and "'r9'" in codes[1][1]
    assert isinstance(items[0], Problem) and isinstance(items[-1], Problem)


def test_an_id_given_twice_is_skipped_the_second_time(tmp_path: Path, knowledge: Knowledge) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    records = [{"id": "a.txt", "text": OTHER_STORY}, {"id": "k", "text": UNDATED + " One."},
               {"id": "k", "text": UNDATED + " Two."}]
    (tmp_path / "b.json").write_text(json.dumps(records), encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,published\nk,2031-03-04\n", encoding="utf-8")
    articles, problems = _read(tmp_path, knowledge)
    assert [a.doc_id for a in articles] == ["a.txt", "k"]
    assert [(p.code, p.path) for p in problems] == [
        ("KG123", f"{tmp_path / 'b.json'}#1"), ("KG123", f"{tmp_path / 'b.json'}#3")]
    assert "its id 'a.txt' is that of an article read earlier" in problems[0].message


# --- publication dates and KG122 --------------------------------------------------------------------


def test_the_date_comes_from_metadata_then_the_file_then_the_date_line(
    tmp_path: Path, knowledge: Knowledge
) -> None:
    dateline = "Posted on March 1, 2031\n\n"
    records = [
        {"id": "row", "text": dateline + STORY, "published": "2031-03-02"},
        {"id": "own", "text": dateline + OTHER_STORY, "published": "2031-03-02"},
        {"id": "line", "text": dateline + UNDATED},
    ]
    (tmp_path / "day.json").write_text(json.dumps(records), encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,published\nrow,2031-03-03\n", encoding="utf-8")
    articles, problems = _read(tmp_path, knowledge)
    assert problems == []
    assert {a.doc_id: a.published for a in articles} == {
        "row": date(2031, 3, 3), "own": date(2031, 3, 2), "line": date(2031, 3, 1)}


def test_an_undated_article_with_relative_dates_is_named_once(tmp_path: Path, knowledge: Knowledge) -> None:
    (tmp_path / "a_undated.txt").write_text(UNDATED + "\nThey spoke again yesterday.\n", encoding="utf-8")
    (tmp_path / "b_no_relative.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "c_dated.txt").write_text(UNDATED.replace("trade", "trade and ports"), encoding="utf-8")
    (tmp_path / "d_own_year.txt").write_text(
        UNDATED.replace("on Tuesday", "on Tuesday, March 4, 2031,").replace("soon", "in April 2031"),
        encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,published\nc_dated.txt,2031-03-06\n", encoding="utf-8")
    items = list(read_corpus(tmp_path, Settings(), knowledge))
    problems = [i for i in items if isinstance(i, Problem)]
    assert [(p.code, Path(p.path).name, p.skipped) for p in problems] == [("KG122", "a_undated.txt", False)]
    assert "'Tuesday'" in problems[0].message and "metadata.csv" in problems[0].message
    # A warning, right before its article, which is kept.
    warned = items.index(problems[0])
    assert isinstance(items[warned + 1], Article) and items[warned + 1].doc_id == "a_undated.txt"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The ministers met on Tuesday in the capital.", "Tuesday"),
        ("Talks that began last week ended without a deal.", "last week"),
        ("Two days ago the border was closed.", "Two days ago"),
        ("The vote will take place on June 18 in the capital.", "June"),
        ("The vote took place on June 18, 2031, in the capital.", None),
        ("The ministers may meet the following Sunday, after the vote.", None),
        ("Every Monday the market closes early.", None),
        ("Since 2019 the two countries have held talks in the spring.", None),
    ],
)
def test_relative_phrases_are_those_only_a_publication_date_resolves(text: str, found: str | None) -> None:
    assert relative_phrase(text) == found
