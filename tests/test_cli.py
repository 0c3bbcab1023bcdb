"""The ``kg`` command end to end, through ``kg.cli.main`` (no subprocess)."""

from __future__ import annotations

import os
import re
import shutil
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from kg.cli import main
from kg.export.rdf import to_turtle


def summary_lines(text: str) -> dict[str, str]:
    """The summary's lines by their first word (``kg build:``, ``nodes:``, ``edges:``, ``warnings:``)."""
    out = {}
    for line in text.splitlines():
        match = re.match(r"\s*(kg build|nodes|edges|warnings):\s*(.*)", line)
        if match:
            out[match.group(1)] = match.group(2)
    return out


@pytest.mark.slow
def test_build_writes_exports_and_prints_a_closing_summary(
    tmp_path: Path, seeds_dir: Path, seeds_graph: nx.MultiDiGraph, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    report = tmp_path / "unresolved.tsv"
    assert main(["build", str(seeds_dir), "--out", str(out), "--report", str(report)]) == 0
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    lines = summary_lines(captured.out + captured.err)

    assert re.match(r"5 articles\b", lines["kg build"]), lines
    kinds = Counter(d["kind"] for _, d in seeds_graph.nodes(data=True))
    printed = {kind: int(n) for kind, n in re.findall(r"([a-z_]+) (\d+)", lines["nodes"])}
    assert printed == dict(kinds)
    assert printed["person"] >= 19
    unresolved = seeds_graph.graph["report"].unresolved
    assert f"mentions left unresolved: {len(unresolved)}" in lines["edges"]
    assert lines["warnings"] == "none"
    # --report lists them, one row each, where they stand in their article and in which sentence
    header, *rows = [line.split("\t") for line in report.read_text().splitlines()]
    assert header == ["article", "start", "end", "mention", "kind", "role", "sentence"]
    assert len(rows) == len({m.position for m in unresolved}) > 0
    assert rows == sorted(rows, key=lambda row: (row[0], int(row[1]), int(row[2])))
    for article, start, end, mention, _, _, sentence in rows:
        text = (seeds_dir / article).read_text(encoding="utf-8")
        assert text[int(start):int(end)] == mention and mention in sentence.replace("\\n", "\n")

    assert {"graph.html", "graph.ttl"} <= {p.name for p in out.iterdir()}
    # No temporary files left; the facts cache is kept for the next build.
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == [".kg-cache"]
    # The command writes what the library builds.
    assert (out / "graph.ttl").read_text(encoding="utf-8") == to_turtle(seeds_graph)


@pytest.mark.slow
def test_quiet_build_prints_nothing(
    tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", str(seeds_dir), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", "")
    assert (tmp_path / "out" / "graph.ttl").is_file()


@pytest.mark.slow
@pytest.mark.parametrize("quiet", [False, True], ids=["summary", "quiet"])
def test_skipped_file_gives_a_warning_and_exit_code_3(
    tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str], quiet: bool
) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    shutil.copy(seeds_dir / "004_e4b6ac584cf4c5b7.txt", corpus)
    # Its date, or its relative dates would be a warning of their own (KG122).
    (corpus / "metadata.csv").write_text("file,published\n004_e4b6ac584cf4c5b7.txt,2023-06-14\n")
    (corpus / "empty.txt").write_text("  \n", encoding="utf-8")
    assert main(["build", str(corpus), "--out", str(tmp_path / "out"), *(["--quiet"] if quiet else [])]) == 3
    captured = capsys.readouterr()
    assert re.search(r"^\s*KG110 \S*empty\.txt: ", captured.err, re.MULTILINE)
    assert (tmp_path / "out" / "graph.ttl").is_file()
    if quiet:
        # Quiet drops the progress bar and the summary, not the line naming the bad file.
        assert captured.out == "" and len(captured.err.splitlines()) == 1
        return
    lines = summary_lines(captured.out + captured.err)
    assert lines["kg build"].startswith("1 articles")
    assert lines["warnings"].startswith("1 (1 files skipped)")


def _one_line_error(err: str, code: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert re.match(rf"kg: error: {code}\d* ", lines[0]), lines[0]
    return lines[0]


def test_missing_input_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "no-such-folder"
    assert main(["build", str(missing), "--out", str(tmp_path / "out")]) == 1
    captured = capsys.readouterr()
    line = _one_line_error(captured.err, "KG101")
    assert str(missing) in line
    assert captured.out == ""
    assert not (tmp_path / "out").exists()


def test_input_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Some text.", encoding="utf-8")
    assert main(["build", str(article), "--out", str(tmp_path / "out")]) == 1
    assert str(article) in _one_line_error(capsys.readouterr().err, "KG102")


def test_folder_without_articles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notes.md").write_text("# not an article", encoding="utf-8")
    assert main(["build", str(tmp_path / "in"), "--out", str(tmp_path / "out")]) == 1
    _one_line_error(capsys.readouterr().err, "KG103")


@pytest.mark.slow
def test_output_folder_that_cannot_be_created(
    tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "taken"
    blocker.write_text("a file where the output folder should go", encoding="utf-8")
    assert main(["build", str(seeds_dir), "--out", str(blocker), "--quiet"]) == 1
    assert str(blocker) in _one_line_error(capsys.readouterr().err, "KG301")
    assert blocker.read_text(encoding="utf-8").startswith("a file")


def test_missing_out_option_is_a_one_line_coded_error(
    seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", str(seeds_dir)]) == 1
    line = _one_line_error(capsys.readouterr().err, "KG010")
    assert "required: --out" in line
    assert "kg build" in line and "--out OUTPUT_DIR" in line  # says what to type


@pytest.mark.parametrize(("argv", "says"), [
    ([], "required: command"),
    (["build"], "required: INPUT_DIR, --out"),
    (["build", "in", "--out", "out", "--workers", "two"], "--workers: invalid int value: 'two'"),
    (["build", "in", "--out", "out", "--colour"], "unrecognized arguments: --colour"),
    (["explode"], "invalid choice: 'explode'"),
    (["query", "SELECT * {}"], "required: --store"),
    (["build", "in", "--out", "out", "--max-bytes", "0"], "--max-bytes: must be 1 or more, not 0"),
])
def test_every_argument_error_is_one_coded_line_and_exit_1(
    argv: list[str], says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert says in _one_line_error(captured.err, "KG010")
    assert captured.out == ""


def test_help_still_prints_usage_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["build", "--help"])
    assert exit_.value.code == 0
    assert "--out OUTPUT_DIR" in capsys.readouterr().out


def test_a_folder_of_only_unusable_files_is_an_error_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, out = tmp_path / "in", tmp_path / "out"
    corpus.mkdir()
    out.mkdir()
    (out / "graph.ttl").write_text("the previous graph", encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert main(["build", str(corpus), "--out", str(out), "--quiet"]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert [line.split()[:2] for line in lines[:-1]] == [
        ["KG110", f"{corpus / 'empty.txt'}:"], ["KG111", f"{corpus / 'image.txt'}:"]]
    assert lines[-1].startswith(f"kg: error: KG105 {corpus}: none of its 2 article files could be used")
    assert [p.name for p in out.iterdir()] == ["graph.ttl"]
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "the previous graph"



def test_max_bytes_refuses_larger_files_unread(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "long.txt").write_text("The ministers met on Monday. " * 10, encoding="utf-8")
    assert main(["build", str(corpus), "--out", str(tmp_path / "out"), "--quiet", "--max-bytes", "100"]) == 1
    problem, error = capsys.readouterr().err.strip().splitlines()
    assert problem.split()[:2] == ["KG114", f"{corpus / 'long.txt'}:"]
    assert "over the limit of 100 bytes" in problem and "--max-bytes" in problem
    assert error.startswith("kg: error: KG105 ")


def test_a_file_name_cannot_forge_a_line_or_drive_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    forger = "x.txt: empty\n  KG999 forged.txt"
    (corpus / forger).write_bytes(b"")
    (corpus / "\x1b[2J\x1b[31mred.txt").write_bytes(b"\x00\x01")
    assert main(["build", str(corpus), "--out", str(tmp_path / "out\nKG000"), "--quiet"]) == 1
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert len(lines) == 3, err  # two problems and the error: one line each
    assert "\x1b" not in err
    assert not any(line.lstrip().startswith("KG999") for line in lines)
    # The name is printed as a Python literal: it reads back exactly.
    assert f"KG110 {str(corpus / forger)!r}: " in lines[1]
    assert lines[0].startswith(f"  KG111 '{corpus}/\\x1b[2J\\x1b[31mred.txt': ")


@pytest.mark.parametrize("blocked", ["file", "folder-export", "read-only"])
def test_an_unusable_out_is_refused_before_a_single_article_is_parsed(
    blocked: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import importlib

    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The ministers met on Monday.", encoding="utf-8")
    out = tmp_path / "out"
    if blocked == "file":
        out.write_text("in the way", encoding="utf-8")
        code = "KG301"
    elif blocked == "folder-export":
        (out / "graph.nt").mkdir(parents=True)
        code = "KG303"
    else:
        if os.geteuid() == 0:
            pytest.skip("root writes into read-only folders")
        out.mkdir(mode=0o500)
        code = "KG303"

    def parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the articles were parsed before --out was checked")

    monkeypatch.setattr(importlib.import_module("kg.flow"), "build", parse)
    assert main(["build", str(corpus), "--out", str(out), "--quiet"]) == 1
    _one_line_error(capsys.readouterr().err, code)


@pytest.mark.parametrize("where", ["missing/unresolved.tsv", "."])
def test_a_report_that_cannot_be_written_is_refused_before_the_parse(
    where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import importlib

    def parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the articles were parsed before --report was checked")

    monkeypatch.setattr(importlib.import_module("kg.flow"), "build", parse)
    corpus = tmp_path / "in"
    corpus.mkdir()
    argv = ["build", str(corpus), "--out", str(tmp_path / "out"), "--report", str(tmp_path / where)]
    assert main(argv) == 1
    _one_line_error(capsys.readouterr().err, "KG106")


@pytest.mark.parametrize("argv", [
    ["build", "{corpus}", "--out", ""],
    ["build", "", "--out", "{tmp}/out"],
    ["load", "{tmp}/graph.ttl", "--store", ""],
    ["query", "ASK {}", "--store", ""],
])
def test_an_empty_path_is_refused_not_taken_for_the_current_folder(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The ministers met on Monday.", encoding="utf-8")
    (tmp_path / "graph.ttl").write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    argv = [a.replace("{corpus}", str(corpus)).replace("{tmp}", str(tmp_path)) for a in argv]
    assert main(argv) == 1
    assert "an empty path" in _one_line_error(capsys.readouterr().err, "KG010")
    assert list(here.iterdir()) == []  # nothing sprayed into the current folder
