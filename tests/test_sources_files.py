"""Reading a file of the input folder (kg.sources.files, and through it kg.sources.corpus).

Nothing outside the folder is read through a link unless links out are allowed; links,
pipes, sockets and folders that are not articles each get one line and the run goes on;
a name swapped between the check and the open is not read.
"""

from __future__ import annotations

import dataclasses
import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from sample_texts import ENGLISH, OTHER_ENGLISH

from kg.settings import Settings
from kg.sources import count_articles, files, read_corpus
from kg.sources.files import Refusal, Unread, read_in_folder
from kg.types import Article, Problem

SECRET = "The private notes of the treasurer list every account number held at the bank in full."
LIMIT = 100_000


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A private file outside the input folder, long enough to pass as an English article."""
    private = tmp_path / "private"
    private.mkdir()
    path = private / "notes.txt"
    path.write_text((SECRET + "\n") * 4, encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "in"
    path.mkdir()
    (path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    return path


def _read(folder: Path, **changes: object) -> list[Article | Problem]:
    return list(read_corpus(folder, dataclasses.replace(Settings(), **changes)))


def _lines(items: list[Article | Problem]) -> dict[str, list[str]]:
    """File name -> the codes of the problems naming it."""
    lines: dict[str, list[str]] = {}
    for item in items:
        if isinstance(item, Problem):
            lines.setdefault(Path(item.path).name, []).append(item.code)
    return lines


def _articles(items: list[Article | Problem]) -> list[str]:
    return [item.doc_id for item in items if isinstance(item, Article)]


def test_a_link_inside_the_folder_is_read(folder: Path) -> None:
    (folder / "sub").mkdir()
    (folder / "sub" / "story.txt").write_text(OTHER_ENGLISH, encoding="utf-8")
    (folder / "b.txt").symlink_to("sub/story.txt")
    (folder / "c.txt").symlink_to(folder / "b.txt")  # absolute, and a link to a link
    items = _read(folder)
    assert _articles(items) == ["a.txt", "b.txt"]
    # Read, and found to be b.txt again; the subfolder is read too, after b.txt.
    assert _lines(items) == {"c.txt": ["KG117"], "story.txt": ["KG117"]}


def test_a_link_out_of_the_folder_is_refused_and_not_read(folder: Path, outside: Path) -> None:
    (folder / "b.txt").symlink_to(outside)
    (folder / "c.txt").symlink_to(Path("..") / outside.parent.name / outside.name)
    items = _read(folder)
    assert _articles(items) == ["a.txt"]
    assert _lines(items) == {"b.txt": ["KG119"], "c.txt": ["KG119"]}
    problem = next(item for item in items if isinstance(item, Problem))
    assert problem.skipped and "--follow-links" in problem.message and str(outside) in problem.message
    assert all(SECRET not in str(item) for item in items)


def test_links_out_are_read_when_allowed(folder: Path, outside: Path) -> None:
    (folder / "b.txt").symlink_to(outside)
    items = _read(folder, follow_links=True)
    assert _articles(items) == ["a.txt", "b.txt"] and _lines(items) == {}
    assert SECRET in next(item.text for item in items if isinstance(item, Article) and item.doc_id == "b.txt")


def test_a_folder_given_through_a_link_is_read(folder: Path, tmp_path: Path) -> None:
    (folder / "b.txt").symlink_to(folder / "a.txt")
    (tmp_path / "shortcut").symlink_to(folder)
    items = _read(tmp_path / "shortcut")
    assert _articles(items) == ["a.txt"] and _lines(items) == {"b.txt": ["KG117"]}


def test_a_link_out_is_refused_for_metadata_even_when_links_are_allowed(folder: Path, outside: Path) -> None:
    (folder / "metadata.csv").symlink_to(outside)
    for follow in (False, True):
        items = _read(folder, follow_links=follow)
        assert _articles(items) == ["a.txt"]
        assert _lines(items) == {"metadata.csv": ["KG201"]}
        # Its first line is neither quoted nor used.
        assert all(SECRET not in str(item) for item in items)
        assert next(item for item in items if isinstance(item, Article)).title is None


def test_loops_and_dangling_links_get_one_line_each_and_the_run_goes_on(folder: Path) -> None:
    (folder / "loop1.txt").symlink_to("loop2.txt")
    (folder / "loop2.txt").symlink_to("loop1.txt")
    (folder / "self.txt").symlink_to("self.txt")
    (folder / "gone.txt").symlink_to("nowhere.txt")
    (folder / "z.txt").write_text(OTHER_ENGLISH, encoding="utf-8")
    items = _read(folder)
    assert _articles(items) == ["a.txt", "z.txt"]
    assert _lines(items) == {name: ["KG121"] for name in ("gone.txt", "loop1.txt", "loop2.txt", "self.txt")}
    gone = next(item for item in items if isinstance(item, Problem) and item.path.endswith("gone.txt"))
    assert "nowhere.txt" in gone.message and "does not exist" in gone.message


def test_a_metadata_loop_is_one_line(folder: Path) -> None:
    (folder / "metadata.csv").symlink_to("metadata.csv")
    items = _read(folder)
    assert _articles(items) == ["a.txt"] and _lines(items) == {"metadata.csv": ["KG201"]}


def _spy_on_open(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    opened: list[str] = []
    real_open = os.open

    def spy(path: str | Path, *args: object, **kwargs: object) -> int:
        opened.append(Path(path).name)
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", spy)
    return opened


def test_pipes_sockets_and_folders_named_like_articles_are_never_opened(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    os.mkfifo(folder / "pipe.txt")
    (folder / "piped.txt").symlink_to("pipe.txt")
    (folder / "folder.txt").mkdir()
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(folder / "socket.txt"))
        opened = _spy_on_open(monkeypatch)
        # Opening the pipe would wait for a writer for ever: the test would hang.
        items = _read(folder)
    assert _articles(items) == ["a.txt"]
    names = ("folder.txt", "pipe.txt", "piped.txt", "socket.txt")
    assert _lines(items) == {name: ["KG120"] for name in names}
    assert not set(opened) & set(names)
    messages = {Path(item.path).name: item.message for item in items if isinstance(item, Problem)}
    assert messages["pipe.txt"].startswith("a named pipe") and messages["folder.txt"].startswith("a folder")
    assert messages["piped.txt"].startswith("a link to ")


def test_a_file_over_the_limit_is_never_opened(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (folder / "large.txt").write_text(ENGLISH * 20, encoding="utf-8")
    opened = _spy_on_open(monkeypatch)
    items = _read(folder, max_bytes=len(ENGLISH) * 2)
    assert "large.txt" not in opened and "a.txt" in opened
    assert _articles(items) == ["a.txt"] and _lines(items) == {"large.txt": ["KG114"]}


def test_a_metadata_pipe_or_folder_is_one_line_and_never_opened(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    os.mkfifo(folder / "metadata.csv")
    opened = _spy_on_open(monkeypatch)
    items = _read(folder)
    assert "metadata.csv" not in opened
    assert _articles(items) == ["a.txt"] and _lines(items) == {"metadata.csv": ["KG201"]}
    assert "named pipe" in str(items[0])
    os.remove(folder / "metadata.csv")
    (folder / "metadata.csv").mkdir()
    assert _lines(_read(folder)) == {"metadata.csv": ["KG201"]}


def test_count_articles_counts_every_name_that_gets_a_line(folder: Path) -> None:
    (folder / "gone.txt").symlink_to("nowhere.txt")
    (folder / "folder.txt").mkdir()
    os.mkfifo(folder / "pipe.txt")
    assert count_articles(folder) == 4 == len(_read(folder))


def _swap_after_check(monkeypatch: pytest.MonkeyPatch, swap: Iterator[None]) -> None:
    """Run ``swap`` right after the checks of a name, before its open: the race to lose."""
    real_refuse = files._refuse

    def refuse_then_swap(*args: object) -> Unread | None:
        refused = real_refuse(*args)  # type: ignore[arg-type]
        next(swap, None)
        return refused

    monkeypatch.setattr(files, "_refuse", refuse_then_swap)


def test_a_file_swapped_for_a_link_out_after_the_check_is_not_read(
    folder: Path, outside: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def swap() -> Iterator[None]:
        os.replace(folder / "a.txt", folder / "kept.bak")
        (folder / "a.txt").symlink_to(outside)
        yield

    _swap_after_check(monkeypatch, swap())
    unread = read_in_folder(folder, "a.txt", LIMIT)
    assert isinstance(unread, Unread) and unread.refusal is Refusal.CHANGED


def test_a_folder_on_the_way_swapped_for_a_link_out_is_not_read(
    folder: Path, outside: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (folder / "sub").mkdir()
    (folder / "sub" / "notes.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "b.txt").symlink_to("sub/notes.txt")

    def swap() -> Iterator[None]:
        os.replace(folder / "sub", folder / "old_sub")
        (folder / "sub").symlink_to(outside.parent)  # sub/notes.txt is now the private file
        yield

    _swap_after_check(monkeypatch, swap())
    unread = read_in_folder(folder, "b.txt", LIMIT)
    assert isinstance(unread, Unread) and unread.refusal is Refusal.CHANGED


def test_a_file_swapped_for_another_after_the_check_is_not_read(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def swap() -> Iterator[None]:
        (folder / "other.txt").write_text(OTHER_ENGLISH, encoding="utf-8")
        os.replace(folder / "other.txt", folder / "a.txt")
        yield

    _swap_after_check(monkeypatch, swap())
    items = _read(folder)
    assert _articles(items) == [] and _lines(items) == {"a.txt": ["KG118"]}
    assert "changed as it was read" in str(items[0])


def test_a_file_that_grows_past_the_limit_after_the_check_is_refused(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def grow() -> Iterator[None]:
        with (folder / "a.txt").open("a", encoding="utf-8") as handle:
            handle.write(ENGLISH * 10)
        yield

    _swap_after_check(monkeypatch, grow())
    unread = read_in_folder(folder, "a.txt", len(ENGLISH) + 10)
    assert isinstance(unread, Unread) and unread.refusal is Refusal.TOO_LARGE
