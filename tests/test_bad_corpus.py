"""Every kind of bad input at once, through the real ``kg build`` command (a subprocess).

One folder holds two good articles and one file of every bad kind the issue lists:
an empty file, a binary file, text that is not UTF-8 (one decodable, one not), a
50 MB file, an HTML page, a French article, the same article twice, a link to a file
outside the folder, a link in a loop, a link to nothing, a named pipe, a folder named
like an article, and a ``metadata.csv`` with no header, a bad date and a row for a
missing file. The run must go through: no traceback, exit code 3 (files were skipped),
exactly one line per bad file naming it, the good articles' facts in ``graph.ttl``, the
duplicate's evidence counted once, nothing read outside the input folder and nothing
written outside the output folder.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import DCTERMS
from sample_texts import CP1252_TEXT, FRENCH

from kg.export.namespace import KG

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
GOOD_A, GOOD_B = "good_a.txt", "good_b.txt"
# File -> the codes its one line may carry (KG112 and KG115 are warnings: the file is used).
BAD = {
    "empty.txt": {"KG110"},
    "image.txt": {"KG111"},
    "windows.txt": {"KG112"},
    "mojibake.txt": {"KG113", "KG116"},
    "huge.txt": {"KG114"},
    "page.txt": {"KG115"},
    "french.txt": {"KG116"},
    "good_a_again.txt": {"KG117"},
    "private.txt": {"KG119"},
    "loop.txt": {"KG121"},
    "dangling.txt": {"KG121"},
    "pipe.txt": {"KG120"},
    "folder.txt": {"KG120"},
}
USED = {GOOD_A, GOOD_B, "windows.txt", "page.txt"}
# No valid publication date (a date that is not YYYY-MM-DD, no row) and relative dates in the text:
# one KG122 line each, beside any other.
UNDATED = {GOOD_B, "page.txt"}
METADATA_CODES = {"KG202", "KG203", "KG204"}
HUGE_BYTES = 50 * 1024 * 1024
# A file outside the input folder that a link in it leads to (names made up).
PRIVATE_NAME = "Velmor Quastin"
PRIVATE = (
    f"Prime Minister {PRIVATE_NAME} of Norway met the Swedish foreign minister in Oslo on Monday, "
    "his office said, and the two discussed trade and the security of the region for three hours.\n"
)


def _seed(name: str) -> str:
    return (ROOT / "seeds" / name).read_text(encoding="utf-8")


def _html_page(text: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n") if p.strip())
    return (
        "<!DOCTYPE html><html><head><title>Site</title><script>track()</script></head><body>"
        "<nav><a href='/'>Home</a></nav><article>" + paragraphs + "</article>"
        "<footer>Copyright Example News</footer></body></html>"
    )


def make_bad_corpus(folder: Path) -> None:
    """Write the folder described in the module docstring."""
    folder.mkdir()
    (folder / GOOD_A).write_text(_seed("000_7e9a2b2bbecab8b2.txt"), encoding="utf-8")
    (folder / GOOD_B).write_text(_seed("001_07214785902e2096.txt"), encoding="utf-8")
    # The first article again, with page furniture around it and its lines ended the Windows way.
    again = "Advertisement\n" + _seed("000_7e9a2b2bbecab8b2.txt") + "\nShare\n"
    (folder / "good_a_again.txt").write_bytes(again.replace("\n", "\r\n").encode("utf-8"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (folder / "windows.txt").write_bytes(CP1252_TEXT.encode("cp1252"))
    (folder / "mojibake.txt").write_bytes(bytes(range(0x80, 0x100)) * 40)
    (folder / "page.txt").write_text(_html_page(_seed("002_4452ea78a6b027d6.txt")), encoding="utf-8")
    (folder / "french.txt").write_text(FRENCH, encoding="utf-8")
    line = ("The talks went on late into the night, officials said, and no statement was issued. " * 8 + "\n")
    with (folder / "huge.txt").open("w", encoding="utf-8") as handle:
        for _ in range(HUGE_BYTES // len(line) + 1):
            handle.write(line)
    # A link to a file outside the folder, a loop, a link to nothing, a pipe and a folder.
    outside = folder.parent / "private"
    outside.mkdir()
    (outside / "notes.txt").write_text(PRIVATE, encoding="utf-8")
    (folder / "private.txt").symlink_to(outside / "notes.txt")
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "dangling.txt").symlink_to("nowhere.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "folder.txt").mkdir()
    # No header row, a date that is not YYYY-MM-DD, and a row for a file that is not there.
    (folder / "metadata.csv").write_text(
        f"{GOOD_A},2023-06-18,Blinken arrives in Beijing\n{GOOD_B},18/06/2023,\nghost.txt,2023-06-19,\n",
        encoding="utf-8",
    )


def _tree(root: Path, skip: Path) -> dict[str, tuple[int, int]]:
    """Every path under ``root`` but ``skip``, with its size and modification time."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if Path(dirpath, d) != skip]
        for name in dirnames + filenames:
            stat = Path(dirpath, name).lstat()
            out[str(Path(dirpath, name).relative_to(root))] = (stat.st_size, stat.st_mtime_ns)
    return out


@dataclass(frozen=True)
class Run:
    """One ``kg build`` of the bad corpus and what it left."""

    corpus: Path
    out: Path
    code: int
    stderr: str
    before: dict[str, tuple[int, int]]
    after: dict[str, tuple[int, int]]


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    root = tmp_path_factory.mktemp("bad")
    corpus, out = root / "in", root / "out"
    make_bad_corpus(corpus)
    # The run's home and temporary folders are watched too: a cache written there is a write outside.
    (root / "home").mkdir()
    (root / "tmp").mkdir()
    env = {**os.environ, "HOME": str(root / "home"), "TMPDIR": str(root / "tmp"),
           "PYTHONDONTWRITEBYTECODE": "1"}
    before = _tree(root, out)
    done = subprocess.run([sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out)],
                          capture_output=True, text=True, env=env, timeout=600, check=False)
    return Run(corpus, out, done.returncode, done.stderr, before, _tree(root, out))


def _problem_lines(stderr: str) -> dict[str, list[str]]:
    """File name -> the codes of the problem lines naming it."""
    lines: dict[str, list[str]] = defaultdict(list)
    for code, path in re.findall(r"^\s*(KG\d{3}) (.+?): ", stderr, re.MULTILINE):
        lines[Path(path).name].append(code)
    return lines


def test_the_run_goes_through_and_its_exit_code_says_files_were_skipped(run: Run) -> None:
    assert "Traceback" not in run.stderr
    assert run.code == 3, run.stderr
    assert re.search(r"^kg build: 4 articles\b", run.stderr, re.MULTILINE), run.stderr
    skipped = sum(1 for name, codes in BAD.items() if name not in USED)
    assert f"({skipped} files skipped)" in run.stderr


def test_one_line_per_bad_file_naming_it(run: Run) -> None:
    lines = _problem_lines(run.stderr)
    for name in UNDATED:
        lines[name].remove("KG122")
    lines = {name: codes for name, codes in lines.items() if codes}
    for name, codes in BAD.items():
        assert len(lines[name]) == 1, (name, lines[name])
        assert lines[name][0] in codes, (name, lines[name])
    assert GOOD_A not in lines and GOOD_B not in lines
    assert sorted(lines["metadata.csv"]) == sorted(METADATA_CODES)
    assert set(lines) == {*BAD, "metadata.csv"}
    # Each line says what to do about it and stays one line.
    verbs = "remove|re-save|split|save|fix|drop|add|check|give|write|rename|copy|put|make|keep|run"
    for line in re.findall(r"^\s*KG\d{3} .*$", run.stderr, re.MULTILINE):
        assert re.search(rf"\b({verbs})\b", line), line
    (huge,) = re.findall(r"^\s*KG114 .*huge\.txt: (.*)$", run.stderr, re.MULTILINE)
    assert "over the limit" in huge


@pytest.fixture(scope="module")
def turtle(run: Run) -> Graph:
    return Graph().parse(run.out / "graph.ttl", format="turtle")


def _node(graph: Graph, kind: str, label: str):
    nodes = [s for s in graph.subjects(RDFS.label, Literal(label)) if (s, RDF.type, KG[kind]) in graph]
    assert len(nodes) == 1, f"no single {kind} labelled {label!r}"
    return nodes[0]


def test_good_articles_facts_are_in_the_graph(turtle: Graph) -> None:
    blinken = _node(turtle, "Person", "Antony Blinken")
    qin = _node(turtle, "Person", "Qin Gang")
    meetings = {m for m in turtle.subjects(KG.participant, blinken) if (m, RDF.type, KG.Meeting) in turtle}
    assert any((m, KG.participant, qin) in turtle for m in meetings)
    # The two good articles, the decoded Windows text and the HTML page's text are the documents.
    sources = {str(o) for o in turtle.objects(None, KG.source)}
    assert sources == USED


def test_the_duplicate_article_is_counted_once(turtle: Graph) -> None:
    mentions = list(turtle.subjects(RDF.type, KG.Mention))
    documents = {str(turtle.value(turtle.value(m, KG.document), KG.source)) for m in mentions}
    assert "good_a_again.txt" not in documents
    # No sentence is evidence twice: each (document, start, end) is one mention.
    spans = [(turtle.value(m, KG.document), int(turtle.value(m, KG.start)), int(turtle.value(m, KG.end)))
             for m in mentions]
    assert len(spans) == len(set(spans))
    blinken = _node(turtle, "Person", "Antony Blinken")
    texts = [str(turtle.value(m, KG.text)) for m in turtle.objects(blinken, KG.evidence)]
    assert len(texts) == len(set(texts))


def test_metadata_that_was_good_is_used_and_bad_parts_ignored(turtle: Graph) -> None:
    by_source = {str(turtle.value(d, KG.source)): d for d in turtle.subjects(RDF.type, KG.Document)}
    assert str(turtle.value(by_source[GOOD_A], DCTERMS.date)) == "2023-06-18"
    assert turtle.value(by_source[GOOD_B], DCTERMS.date) is None


def test_nothing_outside_the_input_folder_is_read_through_a_link(run: Run) -> None:
    for export in (path for path in run.out.iterdir() if path.is_file()):  # not the facts cache's folder
        assert PRIVATE_NAME.split()[-1] not in export.read_text(encoding="utf-8"), export.name
    (line,) = re.findall(r"^\s*KG119 .*private\.txt: (.*)$", run.stderr, re.MULTILINE)
    assert "--follow-links" in line


def test_follow_links_reads_a_link_out_of_the_folder(tmp_path: Path) -> None:
    corpus, outside = tmp_path / "in", tmp_path / "elsewhere"
    corpus.mkdir()
    outside.mkdir()
    (corpus / GOOD_A).write_text(_seed("000_7e9a2b2bbecab8b2.txt"), encoding="utf-8")
    (outside / "notes.txt").write_text(PRIVATE, encoding="utf-8")
    (corpus / "linked.txt").symlink_to(outside / "notes.txt")
    done = subprocess.run([sys.executable, "-m", "kg", "build", str(corpus), "--out", str(tmp_path / "out"),
                           "--quiet", "--follow-links"],
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    turtle = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    assert {str(o) for o in turtle.objects(None, KG.source)} == {GOOD_A, "linked.txt"}


def test_nothing_is_written_outside_the_output_folder(run: Run) -> None:
    assert run.after == run.before
    assert sorted(p.name for p in run.out.iterdir()) == sorted(
        [".kg-cache", "events.csv", "events.jsonl", "graph.graphml", "graph.html", "graph.json",
         "graph.jsonld", "graph.nt", "graph.ttl", "manifest.json"])
