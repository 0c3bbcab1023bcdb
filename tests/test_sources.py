"""Reading the corpus folder (kg.sources.corpus): good articles, every kind of bad file, metadata.csv."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import MappingProxyType

import pytest
from sample_texts import CP1252_TEXT, ENGLISH, FRENCH, GERMAN, HTML_PAGE, LATIN1_TEXT, OTHER_ENGLISH

from kg.errors import KgError
from kg.settings import Settings
from kg.sources import corpus, count_articles, read_corpus
from kg.sources.check import RawArticle
from kg.sources.reading import InputFile
from kg.types import Article, Problem

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

METADATA = (
    "file,published,title,url\n"
    "a_good.txt,2023-06-18,Talks resume,https://example.com/a\n"
    "e_cp1252.txt,18/06/2023,A caf\u00e9 meeting,\n"
    "missing.txt,2023-06-19,Not here,\n"
    "a_good.txt,2023-06-20,Talks resume again,\n"
    "m_crlf.txt,,,\n"
)

BAD = {
    "b_empty.txt": "KG110",
    "c_blank.txt": "KG110",
    "d_binary.txt": "KG111",
    "e_cp1252.txt": "KG112",
    "f_latin1.txt": "KG112",
    "g_large.txt": "KG114",
    "h_page.txt": "KG115",
    "i_french.txt": "KG116",
    "j_german.txt": "KG116",
    "k_copy.txt": "KG117",
    "folder.txt": "KG120",
    "notes.csv": "KG126",  # a table without a text column: not articles
}
WARNED = {"e_cp1252.txt", "f_latin1.txt", "h_page.txt"}
GOOD = ["a_good.txt", "e_cp1252.txt", "f_latin1.txt", "h_page.txt", "l_bom.txt", "m_crlf.txt"]
LIMIT = 2_000


@pytest.fixture
def bad_corpus(tmp_path: Path) -> Path:
    """A folder with one file of each bad kind, good files, non-articles and metadata.csv."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a_good.txt").write_text("Talks resume\n\n" + ENGLISH, encoding="utf-8")
    (folder / "b_empty.txt").write_bytes(b"")
    (folder / "c_blank.txt").write_text("  \n\t\n   \n", encoding="utf-8")
    (folder / "d_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (folder / "e_cp1252.txt").write_bytes(CP1252_TEXT.encode("cp1252"))
    (folder / "f_latin1.txt").write_bytes(LATIN1_TEXT.encode("latin-1"))
    (folder / "g_large.txt").write_text(ENGLISH * 20, encoding="utf-8")
    (folder / "h_page.txt").write_text(HTML_PAGE, encoding="utf-8")
    (folder / "i_french.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "j_german.txt").write_text(GERMAN, encoding="utf-8")
    # The same article again, with different page furniture and spacing.
    copy = "Advertisement\nTalks  resume\n\n" + ENGLISH + "\nShare\n"
    (folder / "k_copy.txt").write_text(copy, encoding="utf-8")
    (folder / "l_bom.txt").write_bytes(b"\xef\xbb\xbf" + OTHER_ENGLISH.encode("utf-8"))
    crlf = "A vote in parliament\r\n\r\n" + OTHER_ENGLISH.replace("Tuesday", "Wednesday")
    (folder / "m_crlf.txt").write_bytes(crlf.replace("\n", "\r\n").replace("\r\r\n", "\r\n").encode("utf-8"))
    (folder / "README.md").write_text("Not an article.\n", encoding="utf-8")
    (folder / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (folder / ".hidden.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "folder.txt").mkdir()
    (folder / "metadata.csv").write_text(METADATA, encoding="utf-8")
    return folder


def _split(items: list[Article | Problem]) -> tuple[list[Article], list[Problem]]:
    articles = [item for item in items if isinstance(item, Article)]
    problems = [item for item in items if isinstance(item, Problem)]
    return articles, problems


def _read(folder: Path, **changes: object) -> list[Article | Problem]:
    return list(read_corpus(folder, dataclasses.replace(Settings(), **changes)))


def test_one_problem_per_bad_file_with_code_and_name(bad_corpus: Path) -> None:
    _, problems = _split(_read(bad_corpus, max_bytes=LIMIT))
    per_file = [p for p in problems if not p.path.endswith("metadata.csv")]
    assert sorted(Path(p.path).name for p in per_file) == sorted(BAD)
    for problem in per_file:
        name = Path(problem.path).name
        assert problem.code == BAD[name], str(problem)
        assert str(problem).startswith(f"{problem.code} {problem.path}: ")
        assert problem.skipped is (name not in WARNED)
        assert "\n" not in str(problem)


def test_good_articles_in_sorted_order_with_metadata(bad_corpus: Path) -> None:
    articles, _ = _split(_read(bad_corpus, max_bytes=LIMIT))
    assert [a.doc_id for a in articles] == GOOD
    by_name = {a.doc_id: a for a in articles}
    good = by_name["a_good.txt"]
    assert good.published == date(2023, 6, 18)  # the first of the two rows wins
    assert good.title == "Talks resume"
    assert good.url == "https://example.com/a"
    # A bad date is dropped, the rest of the row is kept.
    assert by_name["e_cp1252.txt"].published is None
    assert by_name["e_cp1252.txt"].title == "A caf\u00e9 meeting"
    # No metadata row, or an empty one: nothing is guessed.
    assert by_name["l_bom.txt"].title is None and by_name["l_bom.txt"].published is None
    assert by_name["m_crlf.txt"].title is None and by_name["m_crlf.txt"].url is None


def test_items_come_in_file_order_warnings_before_their_article(bad_corpus: Path) -> None:
    items = _read(bad_corpus, max_bytes=LIMIT)
    names = [Path(i.path).name if isinstance(i, Problem) else i.doc_id for i in items]
    metadata = [n for n in names if n == "metadata.csv"]
    assert names[: len(metadata)] == metadata  # metadata problems come first
    rest = names[len(metadata) :]
    assert rest == sorted(rest)
    for index, item in enumerate(items):
        if isinstance(item, Problem) and not item.skipped and item.code.startswith("KG1"):
            following = items[index + 1]
            assert isinstance(following, Article) and following.doc_id == Path(item.path).name


def test_metadata_problems(bad_corpus: Path) -> None:
    _, problems = _split(_read(bad_corpus, max_bytes=LIMIT))
    meta = [p for p in problems if p.path.endswith("metadata.csv")]
    assert sorted(p.code for p in meta) == ["KG203", "KG204", "KG205"]
    by_code = {p.code: p for p in meta}
    assert "e_cp1252.txt" in by_code["KG203"].message and "18/06/2023" in by_code["KG203"].message
    assert "missing.txt" in by_code["KG204"].message
    assert "a_good.txt" in by_code["KG205"].message
    assert not any(p.skipped for p in meta)


def test_decoded_texts(bad_corpus: Path) -> None:
    articles, problems = _split(_read(bad_corpus, max_bytes=LIMIT))
    by_name = {a.doc_id: a for a in articles}
    assert by_name["e_cp1252.txt"].text == CP1252_TEXT
    assert by_name["f_latin1.txt"].text == LATIN1_TEXT
    assert "cp1252" in next(p for p in problems if p.path.endswith("e_cp1252.txt")).message
    assert not by_name["l_bom.txt"].text.startswith("\ufeff")
    assert by_name["l_bom.txt"].text == OTHER_ENGLISH
    assert "\r" not in by_name["m_crlf.txt"].text
    assert by_name["m_crlf.txt"].text.startswith("A vote in parliament\n\nThe prime minister")


def test_html_is_reduced_to_its_visible_text(bad_corpus: Path) -> None:
    articles, _ = _split(_read(bad_corpus, max_bytes=LIMIT))
    page = next(a for a in articles if a.doc_id == "h_page.txt")
    assert "alert(1)" not in page.text
    assert "<" not in page.text and "color: red" not in page.text
    assert "Home" not in page.text and "Copyright" not in page.text
    assert page.text.startswith("Talks resume in the capital\n\nOfficials from the two countries")
    assert "six hours & more." in page.text
    assert "\nNo date was given for the next round." in page.text


def test_duplicate_names_the_earlier_file(bad_corpus: Path) -> None:
    _, problems = _split(_read(bad_corpus, max_bytes=LIMIT))
    duplicate = next(p for p in problems if p.code == "KG117")
    assert duplicate.path.endswith("k_copy.txt") and "a_good.txt" in duplicate.message


def test_large_file_message_says_limit_and_what_to_do(bad_corpus: Path) -> None:
    _, problems = _split(_read(bad_corpus, max_bytes=LIMIT))
    large = next(p for p in problems if p.code == "KG114")
    assert f"{LIMIT:,}" in large.message and "split" in large.message


def test_files_are_read_lazily_one_at_a_time(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER_ENGLISH, encoding="utf-8")
    items = read_corpus(tmp_path, Settings())
    first = next(items)
    assert isinstance(first, Article) and first.doc_id == "a.txt"
    # b.txt is only opened when asked for: it vanished meanwhile, and that is one problem.
    os.remove(tmp_path / "b.txt")
    rest = list(items)
    assert len(rest) == 1 and isinstance(rest[0], Problem)
    assert rest[0].code == "KG118" and "b.txt" in str(rest[0]) and rest[0].skipped


def test_utf16_with_byte_order_mark_is_decoded(tmp_path: Path) -> None:
    (tmp_path / "wide.txt").write_bytes(ENGLISH.encode("utf-16"))
    items = _read(tmp_path)
    assert [type(i).__name__ for i in items] == ["Problem", "Article"]
    assert items[0].code == "KG112" and items[1].text == ENGLISH  # type: ignore[union-attr]


def test_utf16_without_byte_order_mark_is_decoded_not_called_binary(tmp_path: Path) -> None:
    (tmp_path / "wide.txt").write_bytes(ENGLISH.encode("utf-16-le"))
    items = _read(tmp_path)
    assert [type(i).__name__ for i in items] == ["Problem", "Article"]
    assert items[0].code == "KG112" and "utf-16-le" in items[0].message  # type: ignore[union-attr]
    assert items[1].text == ENGLISH  # type: ignore[union-attr]


def test_utf8_with_stray_windows_bytes_keeps_the_utf8(tmp_path: Path) -> None:
    data = ENGLISH.replace("candid", "caf\u00e9-style").encode("utf-8") + b"He said \x93no\x94.\n"
    (tmp_path / "mixed.txt").write_bytes(data)
    items = _read(tmp_path)
    assert [type(i).__name__ for i in items] == ["Problem", "Article"]
    warning, article = items
    assert isinstance(warning, Problem) and isinstance(article, Article)
    assert warning.code == "KG112" and "2 stray bytes" in warning.message
    assert "caf\u00e9-style" in article.text
    assert article.text.endswith("He said \u201cno\u201d.\n")


def test_undecodable_text_is_skipped(tmp_path: Path) -> None:
    # Bytes no 8-bit code page reads as text: not binary (no control bytes), not UTF-8.
    (tmp_path / "mojibake.txt").write_bytes(bytes(range(0x80, 0x100)) * 40)
    (tmp_path / "ok.txt").write_text(ENGLISH, encoding="utf-8")
    articles, problems = _split(_read(tmp_path))
    assert [a.doc_id for a in articles] == ["ok.txt"]
    assert len(problems) == 1 and problems[0].path.endswith("mojibake.txt")
    assert problems[0].code in {"KG113", "KG116"} and problems[0].skipped


def test_html_without_visible_text_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "blank.txt").write_text("<html><body><script>x()</script></body></html>", encoding="utf-8")
    (tmp_path / "ok.txt").write_text(ENGLISH, encoding="utf-8")
    _, problems = _split(_read(tmp_path))
    assert [(p.code, Path(p.path).name) for p in problems] == [("KG110", "blank.txt")]


def test_articles_carry_furniture_and_dateline(tmp_path: Path) -> None:
    text = "Talks resume\nNew Delhi: " + ENGLISH + "Advertisement\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (article,) = _read(tmp_path)
    assert isinstance(article, Article)
    assert article.dateline == "New Delhi"
    assert [article.text[s:e] for s, e in article.furniture] == ["New Delhi:", "Advertisement"]


def test_missing_folder_raises(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    with pytest.raises(KgError) as caught:
        read_corpus(missing, Settings())  # raised at once, not at the first next()
    assert caught.value.code == "KG101" and str(missing) in str(caught.value)


def test_file_instead_of_folder_raises(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    with pytest.raises(KgError) as caught:
        read_corpus(path, Settings())
    assert caught.value.code == "KG102" and str(path) in str(caught.value)


def test_folder_without_txt_files_raises(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("hello", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,published\n", encoding="utf-8")
    with pytest.raises(KgError) as caught:
        read_corpus(tmp_path, Settings())
    assert caught.value.code == "KG103" and str(tmp_path) in str(caught.value)
    assert ".txt" in caught.value.message


def test_count_articles(bad_corpus: Path, tmp_path: Path) -> None:
    assert count_articles(bad_corpus) == len(BAD) + len(GOOD) - len(WARNED)
    with pytest.raises(KgError):
        count_articles(tmp_path / "nope")


def test_metadata_problems_never_skip_articles(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "metadata.csv").write_bytes(b"\x00\x00binary")
    items = _read(tmp_path)
    assert [type(i).__name__ for i in items] == ["Problem", "Article"]
    assert items[0].code == "KG201" and not items[0].skipped  # type: ignore[union-attr]


def test_suffixes_are_matched_in_any_case(tmp_path: Path) -> None:
    (tmp_path / "A.TXT").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "b.Txt").write_text(OTHER_ENGLISH, encoding="utf-8")
    (tmp_path / "c.txt.bak").write_text(ENGLISH, encoding="utf-8")
    articles, problems = _split(_read(tmp_path))
    assert [a.doc_id for a in articles] == ["A.TXT", "b.Txt"]
    assert [(p.code, Path(p.path).name) for p in problems] == [("KG124", "c.txt.bak")]
    assert count_articles(tmp_path) == 3


def _read_parts(file: InputFile) -> Iterator[RawArticle | Problem]:
    """A reader of another format: one article per part between '===' lines, numbered after the file."""
    for number, part in enumerate(file.data.decode("utf-8").split("\n===\n"), start=1):
        yield RawArticle(f"{file.name}#{number}", str(file.path), part)


def test_a_new_format_is_a_reader_for_its_suffix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(corpus, "READERS", MappingProxyType({**corpus.READERS, ".paras": _read_parts}))
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "b.paras").write_text("\n===\n".join([OTHER_ENGLISH, FRENCH, ENGLISH, " "]), encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,title\nb.paras,Four parts\n", encoding="utf-8")
    items = _read(tmp_path)
    articles, problems = _split(items)
    # The same checks and the same records as for .txt files, and the metadata row for the file.
    assert [(a.doc_id, a.title) for a in articles] == [("a.txt", None), ("b.paras#1", "Four parts")]
    assert [p.code for p in problems] == ["KG116", "KG117", "KG110"]
    assert all(p.path == str(tmp_path / "b.paras") for p in problems)
    assert "the same article as a.txt" in problems[1].message
    assert count_articles(tmp_path) == 2


def test_seeds_read_without_problems() -> None:
    items = list(read_corpus(SEEDS, Settings()))
    articles, problems = _split(items)
    assert problems == []
    assert [a.doc_id for a in articles] == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert len(articles) == 5
    published = {a.doc_id[:3]: a.published for a in articles}
    assert published == {
        "000": date(2023, 6, 18),
        "001": date(2023, 6, 18),
        "002": date(2023, 6, 18),
        "003": date(2023, 6, 19),
        "004": date(2023, 6, 14),
    }
    titles = {a.doc_id[:3]: a.title for a in articles}
    assert titles["001"] is None
    assert titles["003"] == "Will Blinken meet Xi Jinping on his last day in Beijing?"
    assert all(a.url is None for a in articles)
    # Text as read: the file decoded, nothing else changed.
    for article in articles:
        assert article.text == (SEEDS / article.doc_id).read_text(encoding="utf-8")
    assert {a.doc_id[:3]: a.dateline for a in articles}["003"] == "New Delhi"
