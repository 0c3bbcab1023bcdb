"""metadata.csv (kg.sources.metadata): columns, header slips, bad dates, bad rows, unknown files."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from sample_texts import ENGLISH

from kg.settings import Settings
from kg.sources import read_corpus
from kg.sources.metadata import MAX_PROBLEMS, ArticleMeta, parse_metadata, read_metadata, unknown_files
from kg.types import Problem


def _metadata(tmp_path: Path, content: str | bytes) -> tuple[dict[str, ArticleMeta], list[Problem]]:
    path = tmp_path / "metadata.csv"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return read_metadata(path, 100_000)


def test_metadata_without_url_column(tmp_path: Path) -> None:
    meta, problems = _metadata(tmp_path, "file,published,title\na.txt,2023-06-18,A title\nb.txt,,\n")
    assert problems == []
    assert meta["a.txt"] == ArticleMeta(date(2023, 6, 18), "A title", None)
    assert meta["b.txt"] == ArticleMeta(None, None, None)


def test_metadata_header_is_lenient_about_case_space_and_bom(tmp_path: Path) -> None:
    meta, problems = _metadata(tmp_path, "\ufeffFile, Published ,TITLE\r\na.txt, 2023-06-18 ,A title\r\n")
    assert problems == []
    assert meta["a.txt"].published == date(2023, 6, 18)


def test_metadata_without_header_reads_documented_columns(tmp_path: Path) -> None:
    meta, problems = _metadata(tmp_path, "a.txt,2023-06-18,A title\nb.txt,2023-06-19,B title\n")
    assert [p.code for p in problems] == ["KG202"]
    assert "header" in problems[0].message
    assert meta["a.txt"].published == date(2023, 6, 18) and meta["b.txt"].title == "B title"


def test_metadata_with_other_header_is_ignored(tmp_path: Path) -> None:
    meta, problems = _metadata(tmp_path, "name,date\na.txt,2023-06-18\n")
    assert meta == {} and [p.code for p in problems] == ["KG202"]
    assert "'file'" in problems[0].message


def test_metadata_bad_dates(tmp_path: Path) -> None:
    content = "file,published\na.txt,June 18 2023\nb.txt,2023-02-30\nc.txt,20230618\nd.txt,2023-06-18\n"
    meta, problems = _metadata(tmp_path, content)
    assert [p.code for p in problems] == ["KG203"] * 3
    assert all(name in p.message for name, p in zip(["a.txt", "b.txt", "c.txt"], problems, strict=True))
    assert [meta[n].published for n in ["a.txt", "b.txt", "c.txt"]] == [None, None, None]
    assert meta["d.txt"].published == date(2023, 6, 18)


def test_metadata_duplicate_and_nameless_rows(tmp_path: Path) -> None:
    meta, problems = _metadata(tmp_path, "file,title\na.txt,First\n,Orphan\na.txt,Second\n")
    assert [p.code for p in problems] == ["KG207", "KG205"]
    assert "row 3" in problems[0].message and "row 4" in problems[1].message
    assert meta["a.txt"].title == "First"


def test_metadata_unknown_column(tmp_path: Path) -> None:
    meta, problems = _metadata(tmp_path, "file,publised\na.txt,2023-06-18\n")
    assert [p.code for p in problems] == ["KG209"] and "publised" in problems[0].message
    assert meta["a.txt"].published is None


def test_metadata_binary_or_empty(tmp_path: Path) -> None:
    meta, problems = _metadata(tmp_path, b"\x00\x01\x02PK\x03\x04" * 50)
    assert meta == {} and [p.code for p in problems] == ["KG201"]
    meta, problems = _metadata(tmp_path, b"")
    assert meta == {} and [p.code for p in problems] == ["KG202"]


def test_metadata_in_cp1252_is_decoded_with_a_warning(tmp_path: Path) -> None:
    content = "file,title\na.txt,\u201cFrank\u201d talks at the caf\u00e9 on the harbour front\n"
    meta, problems = _metadata(tmp_path, content.encode("cp1252"))
    assert [p.code for p in problems] == ["KG206"]
    assert meta["a.txt"].title == "\u201cFrank\u201d talks at the caf\u00e9 on the harbour front"


def test_missing_metadata_is_fine(tmp_path: Path) -> None:
    assert read_metadata(tmp_path / "metadata.csv", 100_000) == ({}, [])


def test_problems_come_in_file_order() -> None:
    content = b"file,title,author\r\n,Orphan\r\nb.txt,B\r\nb.txt,Again\r\n"
    data = content + b'c.txt,"Talks\r\nd.txt,Kept\r\n'
    meta, problems = parse_metadata(data, "in/metadata.csv")
    assert [p.code for p in problems] == ["KG209", "KG207", "KG205", "KG208"]
    assert all(p.path == "in/metadata.csv" and not p.skipped for p in problems)
    assert meta == {"b.txt": ArticleMeta(title="B"), "d.txt": ArticleMeta(title="Kept")}


def test_an_unclosed_quote_names_its_line_and_loses_no_row_after_it() -> None:
    data = b'file,title\na.txt,"Talks resume\nb.txt,Vote\nc.txt,"Vote, again"\nd.txt,He said ""no""\n'
    meta, problems = parse_metadata(data, "in/metadata.csv")
    (problem,) = problems
    assert problem.code == "KG208" and "line 2 " in problem.message and "quote" in problem.message
    assert meta == {
        "b.txt": ArticleMeta(title="Vote"),
        "c.txt": ArticleMeta(title="Vote, again"),
        "d.txt": ArticleMeta(title='He said ""no""'),
    }


def test_a_quote_left_open_does_not_pair_with_a_later_one() -> None:
    # Read as one CSV record, the open quote of line 2 would close on line 4 and swallow line 3.
    data = b'file,title\na.txt,"Talks\nb.txt,Vote\nc.txt,Polls" close\n'
    meta, problems = parse_metadata(data, "metadata.csv")
    assert [p.code for p in problems] == ["KG208"]
    assert set(meta) == {"b.txt", "c.txt"}


def test_a_quote_left_open_in_the_header_ignores_the_file_with_its_line() -> None:
    meta, problems = parse_metadata(b'file,"title\na.txt,Talks\n', "metadata.csv")
    assert meta == {} and [p.code for p in problems] == ["KG208"]
    assert "line 1 " in problems[0].message and "metadata ignored" in problems[0].message


def test_a_long_line_is_called_long_not_bad_quoting() -> None:
    data = b"file,title\nc.txt," + b"x" * 200_000 + b"\nd.txt,Kept\n"
    meta, problems = parse_metadata(data, "metadata.csv")
    (problem,) = problems
    assert problem.code == "KG211" and "line 2 is 200,006 characters long" in problem.message
    assert "quot" not in problem.message
    assert meta == {"d.txt": ArticleMeta(title="Kept")}


def test_a_long_first_row_is_quoted_short() -> None:
    meta, problems = parse_metadata(b"name," + b"x" * 5_000 + b"\n", "metadata.csv")
    assert meta == {} and [p.code for p in problems] == ["KG202"]
    assert len(problems[0].message) < 200


def test_an_encoding_warning_comes_before_the_rest() -> None:
    data = "file,published\na.txt,18 June\n".encode("utf-16")
    meta, problems = parse_metadata(data, "metadata.csv")
    assert [p.code for p in problems] == ["KG206", "KG203"]
    assert "utf-16" in problems[0].message and meta == {"a.txt": ArticleMeta()}


def test_blank_rows_are_skipped_but_counted() -> None:
    meta, problems = parse_metadata(b"file,published\n\n , \na.txt,tomorrow\n", "metadata.csv")
    assert "row 4 (a.txt)" in problems[0].message
    assert list(meta) == ["a.txt"]


def test_short_rows_leave_columns_empty_and_extra_cells_are_dropped() -> None:
    meta, problems = parse_metadata(b"file,title,url\na.txt\nb.txt,B,http://b,extra\n", "metadata.csv")
    assert problems == []
    assert meta == {"a.txt": ArticleMeta(), "b.txt": ArticleMeta(title="B", url="http://b")}


def test_columns_in_any_order() -> None:
    meta, _ = parse_metadata(b"url,published,file\nhttp://a,2023-06-18,a.txt\n", "metadata.csv")
    assert meta == {"a.txt": ArticleMeta(date(2023, 6, 18), None, "http://a")}


def test_undecodable_metadata_is_ignored_with_its_reason() -> None:
    meta, problems = parse_metadata(bytes(range(0x80, 0x100)) * 4, "metadata.csv")
    assert meta == {} and [p.code for p in problems] == ["KG201"]
    assert "cannot be decoded" in problems[0].message


def test_rows_for_files_that_are_not_articles() -> None:
    meta = {"c.txt": ArticleMeta(), "a.txt": ArticleMeta(), "b.txt": ArticleMeta(), "A.TXT": ArticleMeta()}
    problems = unknown_files(meta, {"a.txt"}, Path("corpus"))
    assert [p.code for p in problems] == ["KG204"] * 3
    assert [p.message.split("'")[1] for p in problems] == ["A.TXT", "b.txt", "c.txt"]
    assert all(p.path == str(Path("corpus") / "metadata.csv") and not p.skipped for p in problems)
    assert "corpus" in problems[0].message
    assert unknown_files(meta, set(meta), Path("corpus")) == []


def _metadata_problems(folder: Path, **changes: object) -> list[Problem]:
    settings = dataclasses.replace(Settings(), **changes)
    return [item for item in read_corpus(folder, settings) if isinstance(item, Problem) and not item.skipped]


def test_a_flood_of_bad_rows_is_listed_short_and_counted(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    rows = "".join(f"missing{n}.txt,someday\n" for n in range(5_000))
    (tmp_path / "metadata.csv").write_text("file,published\n" + rows, encoding="utf-8")
    problems = _metadata_problems(tmp_path)
    assert len(problems) == MAX_PROBLEMS + 1
    assert [p.code for p in problems[:MAX_PROBLEMS]] == ["KG203"] * MAX_PROBLEMS
    # 5,000 bad dates and 5,000 rows for files that are not there: all but the first 20 counted.
    assert problems[-1].code == "KG210"
    assert f"and {10_000 - MAX_PROBLEMS:,} more" in problems[-1].message


def test_a_few_problems_are_all_listed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    rows = "".join(f"a.txt,day {n}\n" for n in range(MAX_PROBLEMS))
    (tmp_path / "metadata.csv").write_text("file,published\n" + rows, encoding="utf-8")
    assert [p.code for p in _metadata_problems(tmp_path)] == ["KG203"] + ["KG205"] * (MAX_PROBLEMS - 1)


def test_metadata_over_the_size_limit_is_ignored_unread(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,title\n" + "a.txt,Talks\n" * 1_000, encoding="utf-8")
    (problem,) = _metadata_problems(tmp_path, max_bytes=5_000)
    assert problem.code == "KG201" and "over the limit of 5,000 bytes" in problem.message
    assert "--max-bytes" in problem.message
