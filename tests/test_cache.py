"""The facts cache: what its key covers, what it refuses to trust, and that a rebuild from it
gives the same exports as a build without it (:mod:`kg.cache`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from test_atomic_exports import _KILL_INSIDE

import kg
from kg import cache as cache_module
from kg.cache import FactsCache, fact_sources, pipeline_fingerprint
from kg.cli import main
from kg.export.rdf import to_turtle
from kg.settings import Engine, Settings
from kg.sources import check as check_module
from kg.tables import SHIPPED
from kg.types import (
    Article,
    ArticleFacts,
    EventCandidate,
    Evidence,
    Group,
    Mention,
    OfficeClaim,
    Problem,
    TemporalValue,
)
from kg.vocab import ClaimRule, EntityKind, EventKind, MentionRole, Mode, Plover, Status, TemporalPrecision

ROOT = Path(__file__).parent.parent

TEXT = "Envoy Marit Solvang met Dovan Reyk in Oslo on Monday.\nThey spoke of fishing rights."
ARTICLE = Article("a.txt", TEXT, dt.date(2024, 3, 4), "Talks in Oslo", "https://example.org/a")


def _facts() -> ArticleFacts:
    """Facts of ``ARTICLE`` as extraction makes them: every kind of field filled somewhere."""
    sentence = Evidence("a.txt", 0, 53, TEXT[:53])
    envoy = Mention("a.txt", 0, 5, "Envoy", EntityKind.OFFICE, sentence, MentionRole.OFFICE, key="envoy")
    solvang = Mention("a.txt", 6, 18, "Marit Solvang", EntityKind.PERSON, sentence, MentionRole.PERSON)
    reyk = Mention("a.txt", 23, 33, "Dovan Reyk", EntityKind.PERSON, sentence, MentionRole.PERSON,
                   former=True)
    oslo = Mention("a.txt", 37, 41, "Oslo", EntityKind.PLACE, sentence, MentionRole.CITY, key="oslo",
                   country="NOR", locative=True)
    meeting = EventCandidate(
        EventKind.MEETING, "a.txt", "met", sentence, participants=(solvang, reyk), place=oslo,
        date=TemporalValue(dt.date(2024, 3, 4), TemporalPrecision.DAY), status=Status.OCCURRED,
        issues=("fishing",), topics=("fishing rights",), plover=Plover.CONSULT, mode=Mode.HOST,
        rule="meet", published=ARTICLE.published,
    )
    return ArticleFacts(
        info=ARTICLE.info(), mentions=(envoy, solvang, reyk, oslo),
        offices=(OfficeClaim(envoy, person=solvang, rule=ClaimRule.TITLE_BEFORE_NAME),),
        events=(meeting, dataclasses.replace(meeting, place=None, date=None, mode=None, published=None)),
        groups=(Group((solvang, reyk), country="NOR"),),
        words=11, problems=(Problem("KG999", "a.txt", "a note", skipped=False),),
    )


@pytest.fixture(scope="module")
def fingerprint() -> str:
    return pipeline_fingerprint(Settings(), kg.version())


@pytest.fixture
def cache(tmp_path: Path, fingerprint: str, monkeypatch: pytest.MonkeyPatch) -> FactsCache:
    # The fingerprint reads every source and data file: once for the module is enough.
    monkeypatch.setattr(cache_module, "pipeline_fingerprint", lambda settings, version: fingerprint)
    return FactsCache(tmp_path / "cache", Settings(), kg.version())


def _field(name: str) -> int:
    """Where field ``name`` of :class:`ArticleFacts` stands in an entry's list of its fields."""
    return [f.name for f in dataclasses.fields(ArticleFacts)].index(name)


def _entry(cache: FactsCache, key: str) -> Path:
    (path,) = cache.folder.glob(f"{key}.facts")
    return path


def _store(cache: FactsCache, key: str, plain: object) -> None:
    """An entry holding ``plain`` (JSON values) with a right checksum, as if kg had written it."""
    packed = zlib.compress(json.dumps(plain).encode("utf-8"))
    cache.folder.mkdir(parents=True, exist_ok=True)
    (cache.folder / f"{key}.facts").write_bytes(cache_module._checksum(key, packed) + b"\n" + packed)


def test_facts_read_back_equal_from_a_plain_json_entry(cache: FactsCache) -> None:
    facts, problems = _facts(), []
    key = cache.key(ARTICLE)
    cache.write(key, facts, problems)
    assert cache.read(key, problems) == facts
    assert problems == [] and cache.hits == 1
    checksum, _, packed = _entry(cache, key).read_bytes().partition(b"\n")
    assert re.fullmatch(rb"[0-9a-f]{64}", checksum)
    rows, fields = json.loads(zlib.decompress(packed))  # JSON, readable without kg: never pickle
    assert rows[fields[_field("info")]][0] == "a.txt" and fields[_field("words")] == 11
    # Each distinct record once: the information, the sentence, four mentions (each also in
    # the claim, the events or the group), the claim, two events, their date, the group and
    # the problem.
    assert len(rows) == 12


def test_a_missing_entry_is_no_problem(cache: FactsCache) -> None:
    problems: list[Problem] = []
    assert cache.read(cache.key(ARTICLE), problems) is None
    assert problems == [] and cache.hits == 0


@pytest.mark.parametrize("change", [
    {"text": TEXT + " More."}, {"doc_id": "b.txt"}, {"published": dt.date(2024, 3, 5)}, {"published": None},
    {"title": "Other talks"}, {"url": None}, {"furniture": ((0, 5),)}, {"dateline": "OSLO, March 4"},
])
def test_the_key_covers_every_field_of_the_article(cache: FactsCache, change: dict[str, object]) -> None:
    assert cache.key(dataclasses.replace(ARTICLE, **change)) != cache.key(ARTICLE)
    assert cache.key(dataclasses.replace(ARTICLE)) == cache.key(ARTICLE)


def test_the_pipeline_fingerprint_follows_version_model_and_data(fingerprint: str, tmp_path: Path) -> None:
    assert pipeline_fingerprint(Settings(), kg.version()) == fingerprint
    assert pipeline_fingerprint(Settings(), kg.version() + ".1") != fingerprint
    assert pipeline_fingerprint(Settings(model="en_core_web_md"), kg.version()) != fingerprint
    assert pipeline_fingerprint(Settings(max_chars_per_chunk=5_000), kg.version()) != fingerprint
    # A data folder counts by what it holds: kg's own file again changes nothing, an edited one does.
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(SHIPPED / "titles.tsv", data / "titles.tsv")
    assert pipeline_fingerprint(Settings(data_dir=data), kg.version()) == fingerprint
    with (data / "titles.tsv").open("a", encoding="utf-8") as file:
        file.write("\n# one more line\n")
    assert pipeline_fingerprint(Settings(data_dir=data), kg.version()) != fingerprint


def test_the_fingerprint_covers_every_module_a_worker_runs_and_no_exporter() -> None:
    # A worker parses with what kg.engines imports; after it has parsed an article, every kg
    # module loaded must be one the fingerprint reads, or an edit to it would keep stale facts.
    script = (
        "import sys, datetime\n"
        "from kg.engines import parse_batch\n"
        "from kg.settings import Settings\n"
        "from kg.types import Article\n"
        f"parse_batch([Article('a.txt', {TEXT!r}, datetime.date(2024, 3, 4))], Settings())\n"
        "print(' '.join(sorted(m for m in sys.modules if m == 'kg' or m.startswith('kg.'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    package = ROOT / "kg"
    read = {".".join(("kg", *p.relative_to(package).with_suffix("").parts)).removesuffix(".__init__")
            for p in fact_sources()}
    assert set(done.stdout.split()) <= read
    assert {"kg.facts", "kg.events.find", "kg.mentions", "kg.knowledge"} <= read
    assert not any(name.startswith(("kg.export", "kg.store", "kg.cli")) for name in read)


@pytest.mark.parametrize("forks", [True, False], ids=["helper process", "this process"])
def test_entries_read_ahead_are_those_read_here_and_a_damaged_one_is_named(
    cache: FactsCache, forks: bool
) -> None:
    problems: list[Problem] = []
    keys = [cache.key(dataclasses.replace(ARTICLE, doc_id=f"{i}.txt")) for i in range(5)]
    for key in keys:
        cache.write(key, _facts(), problems)
    cache._path(keys[3]).write_bytes(b"not an entry")
    reader = cache_module.AheadReader(cache, batch=2)
    reader._forks = forks
    try:
        handles = [reader.ask(key) for key in keys]
        found = [reader.get(handle, problems) for handle in handles]
    finally:
        reader.close()
    assert found == [_facts(), _facts(), _facts(), None, _facts()]
    assert cache.hits == 4  # counted here, whoever decoded them
    assert [(p.code, p.path) for p in problems] == [("KG030", str(cache._path(keys[3])))]


@pytest.mark.parametrize("damage", ["truncated", "garbage", "flipped", "empty", "another key's"])
def test_a_damaged_entry_is_named_once_and_not_trusted(cache: FactsCache, damage: str) -> None:
    problems: list[Problem] = []
    key, other = cache.key(ARTICLE), cache.key(dataclasses.replace(ARTICLE, doc_id="b.txt"))
    cache.write(key, _facts(), problems)
    path = _entry(cache, key)
    content = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(content[: len(content) // 2])
    elif damage == "garbage":
        path.write_bytes(b"\x00\xff not an entry")
    elif damage == "flipped":
        middle = len(content) - 10
        path.write_bytes(content[:middle] + bytes([content[middle] ^ 1]) + content[middle + 1:])
    elif damage == "empty":
        path.write_bytes(b"")
    else:
        path.rename(cache.folder / f"{other}.facts")
        path, key = cache.folder / f"{other}.facts", other
    assert cache.read(key, problems) is None
    (problem,) = problems
    assert (problem.code, problem.path, problem.skipped) == ("KG030", str(path), False)
    assert "its article is parsed again" in problem.message
    cache.write(key, _facts(), problems)  # the next build's write replaces it
    assert cache.read(key, problems) == _facts() and len(problems) == 1


@pytest.mark.parametrize("change", ["a bool for a number", "an unknown kind", "one field more", "no list",
                                    "a row that is not there", "a row of another type"])
def test_an_entry_with_a_right_checksum_is_still_checked_field_by_field(
    cache: FactsCache, change: str
) -> None:
    plain = cache_module._encode(_facts())
    rows, fields = plain
    assert isinstance(rows, list) and isinstance(fields, list)
    if change == "a bool for a number":
        fields[_field("words")] = True
    elif change == "an unknown kind":
        rows[fields[_field("mentions")][0]][4] = "planet"
    elif change == "one field more":
        rows[fields[_field("info")]].append("extra")
    elif change == "no list":
        plain = {"facts": fields}
    elif change == "a row that is not there":
        fields[_field("mentions")][0] = len(rows)
    else:
        # The document's information where a mention belongs.
        fields[_field("mentions")][0] = fields[_field("info")]
    key = cache.key(ARTICLE)
    _store(cache, key, plain)
    problems: list[Problem] = []
    assert cache.read(key, problems) is None
    assert [p.code for p in problems] == ["KG030"]
    assert "does not hold facts this kg reads" in problems[0].message


def test_facts_that_would_not_read_back_equal_are_not_kept(cache: FactsCache) -> None:
    # A date and time where a date belongs would come back as something else: not kept.
    info = dataclasses.replace(ARTICLE.info(), published=dt.datetime(2024, 3, 4, 9))
    odd = dataclasses.replace(_facts(), info=info)
    problems: list[Problem] = []
    cache.write(cache.key(ARTICLE), odd, problems)
    assert cache.read(cache.key(ARTICLE), problems) is None
    assert problems == []


def test_a_folder_that_cannot_be_written_is_one_warning_and_no_error(tmp_path: Path, fingerprint: str,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache_module, "pipeline_fingerprint", lambda settings, version: fingerprint)
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    cache = FactsCache(tmp_path / "file" / "cache", Settings(), kg.version())
    problems: list[Problem] = []
    for doc_id in ("a.txt", "b.txt"):
        article = dataclasses.replace(ARTICLE, doc_id=doc_id)
        cache.write(cache.key(article), _facts(), problems)
        assert cache.read(cache.key(article), problems) is None
    assert [(p.code, p.path, p.skipped) for p in problems] == [("KG031", str(cache.folder), False)]


def test_leftover_temporary_files_are_never_read_and_are_removed(cache: FactsCache) -> None:
    problems: list[Problem] = []
    key = cache.key(ARTICLE)
    cache.write(key, _facts(), problems)
    leftover, writing = cache.folder / f".{key[:16]}.x1y2.tmp", cache.folder / f".{key[:16]}.z3w4.tmp"
    leftover.write_bytes(b"half an entr")
    writing.write_bytes(b"half an entr")
    # The leftover is from before this build; the other one, made since, may be another
    # build's write in progress, and is left to it.
    made = cache.started - 60
    os.utime(leftover, (made, made))
    assert cache.read(key, problems) == _facts()
    cache.remove_leftovers()
    assert sorted(p.name for p in cache.folder.iterdir()) == [writing.name, f"{key}.facts"]
    assert problems == []


# End to end, with the model: a copy of seeds/ and an article of our own.

NEW_ARTICLE = (
    "Foreign Minister Ilse Varnaby of Norway met her Kenyan counterpart, Foreign Minister Tobias Mwenda, "
    "in Nairobi on Tuesday.\n"
    "Varnaby said the two governments would work together on fisheries and on trade.\n"
    "Mwenda will visit Oslo in May, his ministry said.\n"
)


def _summary(err: str) -> str:
    (line,) = re.findall(r"^kg build: .*$", err, re.MULTILINE)
    return line


def _build(capsys: pytest.CaptureFixture[str], corpus: Path, out: Path, *options: str) -> tuple[str, str]:
    """Run ``kg build``; its summary line and its whole standard error."""
    assert main(["build", str(corpus), "--out", str(out), *options]) == 0
    err = capsys.readouterr().err
    return _summary(err), err


def _exports(out: Path) -> dict[str, bytes]:
    """The exports in ``out`` (not the cache, not the committed folder's .gitattributes)."""
    return {p.name: p.read_bytes() for p in sorted(out.glob("[!.]*")) if p.is_file()}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(ROOT / "seeds", folder)
    return folder


def _add_article(corpus: Path) -> None:
    (corpus / "900_own.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    with (corpus / "metadata.csv").open("a", encoding="utf-8") as file:
        file.write("900_own.txt,2024-02-06,Norway and Kenya talk fisheries\n")


@pytest.mark.slow
def test_a_rebuild_after_adding_an_article_parses_only_it_and_matches_a_full_build(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    summary, _ = _build(capsys, corpus, out)
    assert summary.startswith("kg build: 5 articles (5 parsed, 0 from cache),")
    assert _exports(out) == _exports(ROOT / "exports")
    _add_article(corpus)
    summary, err = _build(capsys, corpus, out, "--workers", "2")
    assert summary.startswith("kg build: 6 articles (1 parsed, 5 from cache),"), summary
    assert "warnings: none" in err
    full = tmp_path / "full"
    summary, _ = _build(capsys, corpus, full, "--no-cache")
    assert summary.startswith("kg build: 6 articles,")
    assert not (full / ".kg-cache").exists()
    assert _exports(out) == _exports(full)
    assert b"Varnaby" in _exports(out)["graph.ttl"]


@pytest.fixture
def built(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path]:
    """The output and cache folders of a first build of ``corpus`` with ``--cache``."""
    out, cache = tmp_path / "out", tmp_path / "kept"
    _build(capsys, corpus, out, "--cache", str(cache))
    assert not (out / ".kg-cache").exists()
    return out, cache


@pytest.mark.slow
def test_a_changed_article_or_metadata_row_is_parsed_again(
    corpus: Path, built: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    out, cache = built
    first = sorted(corpus.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nThe talks ended late.\n", encoding="utf-8")
    metadata = corpus / "metadata.csv"
    metadata.write_text(metadata.read_text(encoding="utf-8").replace(",2023-06-18,\n", ",2023-06-19,\n", 1),
                        encoding="utf-8")
    summary, _ = _build(capsys, corpus, out, "--cache", str(cache))
    assert summary.startswith("kg build: 5 articles (2 parsed, 3 from cache),"), summary
    full = out.parent / "full"
    _build(capsys, corpus, full, "--no-cache")
    assert _exports(out) == _exports(full)


@pytest.mark.slow
def test_damaged_entries_and_leftovers_still_give_a_correct_build(
    corpus: Path, built: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    out, cache = built
    entries = sorted(cache.glob("*.facts"))
    assert len(entries) == 5
    entries[0].write_bytes(entries[0].read_bytes()[:100])  # cut short
    entries[1].write_bytes(b"\x00garbage\n\xff")
    (cache / ".0123456789abcdef.k1ll3d.tmp").write_bytes(entries[2].read_bytes()[:50])
    summary, err = _build(capsys, corpus, out, "--cache", str(cache))
    assert summary.startswith("kg build: 5 articles (2 parsed, 3 from cache),"), summary
    damaged = re.findall(r"^\s+KG030 (\S+): ", err, re.MULTILINE)
    assert sorted(damaged) == [str(entries[0]), str(entries[1])]
    assert _exports(out) == _exports(ROOT / "exports")
    assert not list(cache.glob("*.tmp")) and len(list(cache.glob("*.facts"))) == 5
    summary, err = _build(capsys, corpus, out, "--cache", str(cache))
    assert summary.startswith("kg build: 5 articles (0 parsed, 5 from cache),")
    assert "warnings: none" in err


@pytest.mark.slow
def test_a_rebuild_checks_only_new_texts_and_a_damaged_checks_entry_is_not_trusted(
    corpus: Path, built: tuple[Path, Path], capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out, cache = built
    checked: list[str] = []
    real = check_module.text_check

    def counted(text: str, rules: check_module.CheckRules) -> check_module.TextCheck:
        checked.append(text)
        return real(text, rules)

    monkeypatch.setattr(check_module, "text_check", counted)
    _add_article(corpus)
    _build(capsys, corpus, out, "--cache", str(cache))
    assert checked == [NEW_ARTICLE]  # the language and furniture of the five others were kept
    (kept,) = cache.glob("*.checks")
    kept.write_bytes(kept.read_bytes()[:-20])
    checked.clear()
    summary, err = _build(capsys, corpus, out, "--cache", str(cache))
    assert summary.startswith("kg build: 6 articles (0 parsed, 6 from cache),"), summary
    assert re.findall(r"^\s+KG030 (\S+): .*the texts are checked again$", err, re.MULTILINE) == [str(kept)]
    assert len(checked) == 6
    full = out.parent / "full"
    _build(capsys, corpus, full, "--no-cache")
    assert _exports(out) == _exports(full)


@pytest.mark.slow
def test_a_build_killed_while_it_writes_the_cache_leaves_the_next_one_correct(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache, out = tmp_path / "kept", tmp_path / "out"
    # SIGKILL right after the second entry is flushed to its temporary file, before its rename.
    command = [sys.executable, "-c", _KILL_INSIDE, "fsync", "2", "build",
               "build", str(corpus), "--out", str(out), "--cache", str(cache), "--quiet"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert len(list(cache.glob("*.facts"))) == 1 and len(list(cache.glob(".*.tmp"))) == 1
    assert not out.exists()
    summary, err = _build(capsys, corpus, out, "--cache", str(cache))
    assert summary.startswith("kg build: 5 articles (4 parsed, 1 from cache),"), summary
    assert "warnings: none" in err
    assert _exports(out) == _exports(ROOT / "exports")
    assert not list(cache.glob(".*.tmp"))


@pytest.mark.slow
def test_a_dask_rebuild_sends_only_the_new_article_and_matches_a_full_build(
    corpus: Path, tmp_path: Path
) -> None:
    distributed = pytest.importorskip("distributed", reason="needs the dask extra: pip install 'kg[dask]'")

    cache = tmp_path / "kept"
    kg.build(corpus, Settings(), cache=cache)
    _add_article(corpus)
    with distributed.LocalCluster(
        host="127.0.0.1", n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        G = kg.build(corpus, Settings(engine=Engine.DASK, scheduler=cluster.scheduler_address), cache=cache)
    report = G.graph["report"]
    assert (report.articles, report.parsed, report.cached) == (6, 1, 5)
    assert to_turtle(G) == to_turtle(kg.build(corpus, Settings()))


def test_cache_and_no_cache_together_are_one_coded_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["build", "seeds", "--out", str(out), "--cache", str(tmp_path), "--no-cache"]) == 1
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert "KG010 kg build: argument --no-cache: not allowed with argument --cache;" in line
    assert not out.exists()
