"""Exports are replaced as one set: a failed, interrupted or killed run leaves the whole
previous set, the whole new set, or a set that no longer matches its ``manifest.json``
and that ``kg.read_graph`` and ``kg load`` refuse (``KG304``) until the next run repairs
it; temporary files never pass for exports and the next run removes them; nothing is
written outside the output folder.

The kill tests run a subprocess and kill it with a signal: a real ``kg build`` while it
parses (after its first batch of articles), and ``write_all`` (and a real build) from
inside ``os.fsync`` or ``os.replace``, after every step in turn, so each kill lands at a
known point of :func:`kg.export.files.write_all`.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import kg
from kg.cli import main
from kg.errors import KgError
from kg.export.files import MANIFEST, TEMP_SUFFIX, reading, write_all

ROOT = Path(__file__).resolve().parent.parent
EXPORTS = ROOT / "exports"
NAMES = ("graph.ttl", "graph.html", "graph.nt", "graph.jsonld", "graph.graphml", "graph.json")


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX))


@pytest.fixture
def previous(tmp_path: Path) -> Path:
    """An output folder holding a previous run's exports (the committed seeds exports)."""
    out = tmp_path / "out"
    out.mkdir()
    for name in NAMES:
        shutil.copy(EXPORTS / name, out / name)
    return out


# ------------------------------------------------------------------ write_all, in process


def test_a_failed_write_replaces_nothing_and_leaves_no_temporary_file(
    previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _snapshot(previous)
    calls = []
    real_fsync = os.fsync

    def failing_fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(KgError) as caught:
        write_all(previous, {name: f"new {name}" for name in NAMES})
    assert caught.value.code == "KG303"
    assert "No space left on device" in str(caught.value) and "nothing was replaced" in str(caught.value)
    assert _snapshot(previous) == before


def test_exports_given_as_functions_are_made_one_at_a_time_as_they_are_written(previous: Path) -> None:
    made: list[str] = []

    def maker(name: str):
        def make() -> str:
            # The exports before this one are already on disk (as temporary files), and
            # this one's temporary file is open to receive it.
            assert len(list(previous.glob(f".*{TEMP_SUFFIX}"))) == len(made) + 1
            made.append(name)
            return f"made {name}"
        return make

    write_all(previous, {name: maker(name) for name in NAMES})
    assert made == list(NAMES)
    assert all((previous / name).read_text(encoding="utf-8") == f"made {name}" for name in NAMES)


def test_an_export_given_in_pieces_is_written_piece_by_piece(previous: Path) -> None:
    target = previous / NAMES[0]
    seen: list[int] = []

    def pieces():
        for i in range(3):
            # What came before is in the temporary file already, not gathered in memory.
            temporary = next(previous.glob(f".{NAMES[0]}.*{TEMP_SUFFIX}"))
            seen.append(len(temporary.read_bytes()) if i else 0)
            yield ("é" * 400_000) if i < 2 else b"end"

    write_all(previous, {NAMES[0]: pieces})
    assert target.read_bytes() == ("é" * 800_000).encode("utf-8") + b"end"
    assert seen[2] >= 800_000  # the first two pieces reached the file before the third was made


def test_an_export_that_fails_half_way_through_its_pieces_replaces_nothing(previous: Path) -> None:
    before = _snapshot(previous)

    def pieces():
        yield "half of a file"
        raise RuntimeError("exporter bug")

    with pytest.raises(RuntimeError):
        write_all(previous, {NAMES[0]: "new", NAMES[1]: pieces})
    assert _snapshot(previous) == before
    assert not list(previous.glob(f".*{TEMP_SUFFIX}"))


def test_an_export_function_that_fails_replaces_nothing(previous: Path) -> None:
    before = _snapshot(previous)

    def broken() -> str:
        raise RuntimeError("exporter bug")

    files = {name: f"new {name}" for name in NAMES} | {NAMES[-1]: broken}
    with pytest.raises(RuntimeError):
        write_all(previous, files)
    assert _snapshot(previous) == before


# ------------------------------------------------------------------ write_all, in several processes

GROUPS = [list(NAMES[:2]), list(NAMES[2:5])]
"""Two processes at once; the last name in no group, so written by this one."""


def _pieces_of(name: str):
    return lambda: (f"{name} line {i}\n" for i in range(5_000))


def test_exports_written_by_several_processes_are_those_one_process_writes(tmp_path: Path) -> None:
    files = {name: _pieces_of(name) for name in NAMES}
    one, several = tmp_path / "one", tmp_path / "several"
    assert write_all(one, files) == [one / name for name in NAMES]
    assert write_all(several, files, GROUPS) == [several / name for name in NAMES]
    assert _snapshot(several) == _snapshot(one)  # the manifest too: same files, same order
    assert not _leftovers(several)


def test_each_group_is_written_by_its_own_process(tmp_path: Path) -> None:
    writers: dict[str, int] = {}

    def maker(name: str):
        def make() -> str:
            return f"{name} {os.getpid()}"
        return make

    write_all(tmp_path, {name: maker(name) for name in NAMES}, GROUPS)
    for name in NAMES:
        writers[name] = int((tmp_path / name).read_text(encoding="utf-8").split()[1])
    assert writers[NAMES[0]] == writers[NAMES[1]] == writers[NAMES[5]] == os.getpid()
    assert writers[NAMES[2]] == writers[NAMES[3]] == writers[NAMES[4]] != os.getpid()


def _fails_in_helper(how: str):
    parent = os.getpid()

    def make():
        yield "half of a file"
        if os.getpid() != parent:
            if how == "disk full":
                raise OSError(28, "No space left on device")
            if how == "killed":
                os.kill(os.getpid(), signal.SIGKILL)
            raise RuntimeError("exporter bug")
        yield " and the rest"
    return make


@pytest.mark.parametrize("how", ["disk full", "bug", "killed"])
def test_a_helper_process_that_fails_replaces_nothing_and_leaves_no_temporary_file(
    previous: Path, how: str
) -> None:
    before = _snapshot(previous)
    files = {name: _pieces_of(name) for name in NAMES} | {NAMES[3]: _fails_in_helper(how)}
    if how == "bug":
        with pytest.raises(RuntimeError, match="exporter bug"):
            write_all(previous, files, GROUPS)
    else:
        with pytest.raises(KgError) as caught:
            write_all(previous, files, GROUPS)
        assert caught.value.code == "KG303" and "nothing was replaced" in str(caught.value)
        assert ("No space left" if how == "disk full" else "stopped") in str(caught.value)
    assert _snapshot(previous) == before
    assert not _leftovers(previous)


def test_leftovers_of_a_killed_run_are_removed_and_nothing_else(previous: Path) -> None:
    stale = [previous / f".graph.ttl.k1ll3d{TEMP_SUFFIX}", previous / f".graph.html.x{TEMP_SUFFIX}"]
    for path in stale:
        path.write_text("half a file", encoding="utf-8")
    keep = [previous / ".gitkeep", previous / f".notes.txt.a{TEMP_SUFFIX}", previous / "graph.ttl.tmp"]
    for path in keep:
        path.write_text("not ours", encoding="utf-8")
    write_all(previous, {"graph.ttl": "new", "graph.html": "new"})
    assert not any(path.exists() for path in stale)
    assert all(path.read_text(encoding="utf-8") == "not ours" for path in keep)
    assert (previous / "graph.ttl").read_text(encoding="utf-8") == "new"


@pytest.mark.parametrize("name", ["../escape.ttl", "sub/graph.ttl", "..", "", "/tmp/abs.ttl"])
def test_names_that_leave_the_folder_are_refused_before_anything_is_written(
    tmp_path: Path, name: str
) -> None:
    out = tmp_path / "deep" / "out"
    with pytest.raises(KgError) as caught:
        write_all(out, {"graph.ttl": "x", name: "y"})
    assert caught.value.code == "KG302"
    assert not (tmp_path / "deep").exists()
    assert sorted(p.name for p in tmp_path.rglob("*")) == []


def test_an_export_that_is_a_symlink_is_replaced_not_followed(previous: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.ttl"
    elsewhere.write_text("someone else's file", encoding="utf-8")
    (previous / "graph.ttl").unlink()
    (previous / "graph.ttl").symlink_to(elsewhere)
    write_all(previous, {"graph.ttl": "new"})
    assert elsewhere.read_text(encoding="utf-8") == "someone else's file"
    assert not (previous / "graph.ttl").is_symlink()
    assert (previous / "graph.ttl").read_text(encoding="utf-8") == "new"


@pytest.mark.skipif(sys.platform == "win32", reason="flock is POSIX")
def test_two_runs_writing_one_folder_take_turns(previous: Path) -> None:
    import fcntl

    fd = os.open(previous, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)  # another run is writing
    done = threading.Event()
    writer = threading.Thread(target=lambda: (write_all(previous, {"graph.ttl": "mine"}), done.set()))
    writer.start()
    try:
        time.sleep(0.3)
        assert not done.is_set(), "write_all did not wait for the other run"
        assert not _leftovers(previous)
    finally:
        os.close(fd)
        writer.join(10)
    assert done.is_set()
    assert (previous / "graph.ttl").read_text(encoding="utf-8") == "mine"


# ------------------------------------------------------------------ one set: the manifest, step by step

_KILL_INSIDE = """
import os, signal, sys, types

calls, when, mode = sys.argv[1].split(","), int(sys.argv[2]), sys.argv[3]
if mode == "write":
    # The package without its __init__ (which loads the NLP stack): only files are written.
    sys.modules["kg"] = types.ModuleType("kg")
    sys.modules["kg"].__path__ = [sys.argv[4]]
count = 0

def step(real):
    def counted(*args):
        global count
        result = real(*args)
        count += 1
        if count == when:
            os.kill(os.getpid(), signal.SIGKILL)
        return result
    return counted

# Every step of write_all that changes what is on disk ends in an fsync or a rename.
for call in calls:
    setattr(os, call, step(getattr(os, call)))
if mode == "write":
    from pathlib import Path
    from kg.export.files import write_all
    write_all(Path(sys.argv[5]), {name: f"new {name}\\n" for name in sys.argv[6:]})
    print(count)
else:
    from kg.cli import main
    sys.exit(main(sys.argv[4:]))
"""


def _new_set() -> dict[str, bytes]:
    return {name: f"new {name}\n".encode() for name in NAMES}


def _what_a_reader_sees(folder: Path) -> str:
    """``"old"`` or ``"new"`` when every checked read succeeds (and says which set), ``"refused"``
    when they all fail with KG304; anything else (some read, some refused, or a mixed set) is a bug."""
    outcomes = set()
    for name in NAMES:
        try:
            with reading(folder / name) as path:
                outcomes.add(path.read_bytes())
        except KgError as error:
            assert error.code == "KG304", error
            outcomes.add(b"refused")
    files = {name: (folder / name).read_bytes() for name in NAMES}
    if outcomes == {b"refused"}:
        return "refused"
    assert b"refused" not in outcomes, f"one reader was refused and another was not: {files}"
    if files == _new_set():
        return "new"
    assert all(data.startswith(b"old ") for data in files.values()), f"a mixed set was read: {files}"
    return "old"


def _run_steps(out: Path, when: int) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", _KILL_INSIDE, "fsync,replace", str(when), "write", str(ROOT / "kg"),
               str(out), *NAMES]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def _old_set(out: Path, *, manifest: bool) -> None:
    old = {name: f"old {name}\n" for name in NAMES}
    if manifest:
        write_all(out, old)
    else:  # exports of a kg from before manifests
        out.mkdir(parents=True)
        for name, text in old.items():
            (out / name).write_text(text, encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("manifest", [True, False], ids=["old-set-with-manifest", "old-set-without"])
def test_a_kill_between_any_two_steps_leaves_the_old_set_the_new_set_or_a_refused_one(
    tmp_path: Path, manifest: bool
) -> None:
    dry = _run_steps(tmp_path / "dry", 0)
    steps = int(dry.stdout)
    assert steps == 2 * len(NAMES) + 3  # six fsyncs, the manifest's fsync and rename, six renames, the folder
    seen = []
    for when in range(1, steps + 1):
        out = tmp_path / f"killed-after-step-{when}"
        _old_set(out, manifest=manifest)
        done = _run_steps(out, when)
        assert done.returncode == -signal.SIGKILL, done.stderr
        seen.append(_what_a_reader_sees(out))
        # The next run repairs whatever the kill left.
        write_all(out, {name: f"new {name}\n" for name in NAMES})
        assert _what_a_reader_sees(out) == "new" and _leftovers(out) == []
    # Killed before the new manifest is in place, the old set stands; from then until the
    # last rename the folder is refused; after it, the new set is read.
    manifest_renamed = len(NAMES) + 2
    assert seen == ["old"] * (manifest_renamed - 1) + ["refused"] * len(NAMES) + ["new"] * 2


@pytest.mark.parametrize("failing", range(1, 2 * len(NAMES) + 4))
def test_a_failure_at_any_step_leaves_the_old_set_the_new_set_or_a_refused_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: int
) -> None:
    out = tmp_path / "out"
    _old_set(out, manifest=True)
    count = 0

    def failing_at(real):
        def call(*args):
            nonlocal count
            count += 1
            if count == failing:
                raise OSError(28, "No space left on device")
            return real(*args)
        return call

    monkeypatch.setattr(os, "fsync", failing_at(os.fsync))
    monkeypatch.setattr(os, "replace", failing_at(os.replace))
    with pytest.raises(KgError) as caught:
        write_all(out, {name: f"new {name}\n" for name in NAMES})
    monkeypatch.undo()
    assert caught.value.code == "KG303" and "No space left on device" in str(caught.value)
    seen = _what_a_reader_sees(out)
    manifest_renamed = len(NAMES) + 2
    if failing <= manifest_renamed:
        assert seen == "old" and "nothing was replaced" in str(caught.value)
    elif failing <= manifest_renamed + len(NAMES):
        replaced = failing - manifest_renamed - 1
        assert seen == "refused" and f"{replaced} of 6 were replaced" in str(caught.value)
    else:
        assert seen == "new"
    assert _leftovers(out) == []


def test_an_export_name_taken_by_a_folder_is_refused_before_anything_is_written(previous: Path) -> None:
    write_all(previous, {name: f"old {name}\n" for name in NAMES})
    before = _snapshot(previous)
    (previous / "graph.nt").unlink()
    (previous / "graph.nt").mkdir()
    with pytest.raises(KgError) as caught:
        write_all(previous, {name: f"new {name}\n" for name in NAMES})
    assert caught.value.code == "KG303" and "is a folder" in str(caught.value)
    assert caught.value.path == str(previous / "graph.nt")
    assert _snapshot(previous) == {k: v for k, v in before.items() if k != "graph.nt"}
    assert _leftovers(previous) == []


def test_the_manifest_lists_every_file_with_its_digest_and_a_build_id(previous: Path) -> None:
    import hashlib
    import json

    write_all(previous, {name: f"new {name}\n" for name in NAMES})
    manifest = json.loads((previous / MANIFEST).read_text(encoding="utf-8"))
    assert [entry["name"] for entry in manifest["files"]] == list(NAMES)
    listing = ""
    for entry in manifest["files"]:
        data = (previous / entry["name"]).read_bytes()
        assert entry["bytes"] == len(data) and entry["sha256"] == hashlib.sha256(data).hexdigest()
        listing += f"{entry['sha256']}  {entry['name']}\n"
    assert manifest["build"] == hashlib.sha256(listing.encode()).hexdigest()
    text = (previous / MANIFEST).read_bytes()
    write_all(previous, {name: f"new {name}\n" for name in NAMES})
    assert (previous / MANIFEST).read_bytes() == text  # the same set, the same manifest


def test_readers_refuse_a_set_that_does_not_match_its_manifest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    write_all(out, {"graph.ttl": "<urn:a> <urn:b> <urn:c> .\n",
                    "graph.json": (EXPORTS / "graph.json").read_text(encoding="utf-8")})
    assert kg.read_graph(out).number_of_nodes() > 0
    (out / "graph.ttl").write_text("<urn:a> <urn:b> <urn:other> .\n", encoding="utf-8")
    with pytest.raises(KgError) as caught:
        kg.read_graph(out)
    assert caught.value.code == "KG304" and caught.value.path == str(out / "graph.ttl")
    assert main(["load", str(out / "graph.ttl"), "--store", str(tmp_path / "store")]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"kg: error: KG304 {out / 'graph.ttl'}: does not match manifest.json")
    assert not (tmp_path / "store").exists()  # refused before the store was made
    # A file the manifest does not list is no part of the set, and is read as it is.
    (out / "mine.ttl").write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    (out / "graph.ttl").unlink()
    assert main(["load", str(out / "mine.ttl"), "--store", str(tmp_path / "store")]) == 0


# ------------------------------------------------------------------ a real kg build, killed

def _one_article(tmp_path: Path) -> Path:
    corpus = tmp_path / "in"
    corpus.mkdir()
    shutil.copy(ROOT / "seeds" / "001_07214785902e2096.txt", corpus)
    return corpus


def _killed_inside(call: str, when: int, corpus: Path, out: Path) -> subprocess.CompletedProcess[str]:
    # No facts cache: its own fsyncs and renames would move the count (tests/test_cache.py kills those).
    # One process writes the exports, so that the count is of its steps (helpers: tests above).
    command = [sys.executable, "-c", _KILL_INSIDE, call, str(when), "build",
               "build", str(corpus), "--out", str(out), "--no-cache", "--export-workers", "1"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == -signal.SIGKILL, done.stderr
    return done


@pytest.mark.slow
def test_killed_while_writing_the_exports_leaves_the_previous_ones(previous: Path, tmp_path: Path) -> None:
    before = _snapshot(previous)
    # Killed right after the third export was flushed to its temporary file.
    _killed_inside("fsync", 3, _one_article(tmp_path), previous)

    left = _leftovers(previous)
    assert len(left) == 3, left  # the kill did land while writing
    assert _snapshot(previous) == {**before, **{name: (previous / name).read_bytes() for name in left}}
    assert {name: (previous / name).read_bytes() for name in NAMES} == before
    # What a killed run leaves is hidden and says it is temporary: never taken for an export.
    assert all(name.startswith(".") and name.endswith(TEMP_SUFFIX) for name in left)
    assert sorted(p.name for p in previous.iterdir() if not p.name.startswith(".")) == sorted(NAMES)

    # The next run removes them.
    write_all(previous, {name: "next run" for name in NAMES})
    assert _leftovers(previous) == []


@pytest.mark.slow
def test_killed_between_renames_the_mixed_set_is_refused_and_the_next_build_repairs_it(
    previous: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _one_article(tmp_path)
    before = _snapshot(previous)
    # Killed right after the new manifest and the first export (graph.ttl) were renamed into place.
    _killed_inside("replace", 2, corpus, previous)
    new_turtle = (previous / "graph.ttl").read_text(encoding="utf-8")
    assert "001_07214785902e2096.txt" in new_turtle and "000_7e9a2b2bbecab8b2.txt" not in new_turtle
    assert {name: (previous / name).read_bytes() for name in NAMES[1:]} == {n: before[n] for n in NAMES[1:]}

    # Neither reader takes the new Turtle with the old JSON: both refuse, in one coded line.
    with pytest.raises(KgError) as caught:
        kg.read_graph(previous)
    assert caught.value.code == "KG304"
    assert main(["load", str(previous / "graph.ttl"), "--store", str(tmp_path / "store")]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("kg: error: KG304 ") and "run kg build again" in line

    # The next build repairs the folder.
    assert main(["build", str(corpus), "--out", str(previous), "--quiet"]) == 0
    assert _leftovers(previous) == []
    assert "001_07214785902e2096.txt" in str(kg.read_graph(previous).graph["documents"])
    assert main(["load", str(previous / "graph.ttl"), "--store", str(tmp_path / "store")]) == 0


def _many_articles(folder: Path, count: int) -> None:
    """``count`` distinct short articles cut from the seeds (several parse batches)."""
    folder.mkdir()
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for i in range(count):
        text = f"This is dispatch number {i}.\n\n" + seeds[i % len(seeds)][:2000]
        (folder / f"{i:03d}.txt").write_text(text, encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_killed_while_parsing_leaves_the_previous_exports(
    previous: Path, tmp_path: Path, signum: int
) -> None:
    corpus = tmp_path / "in"
    _many_articles(corpus, 160)  # five batches of 32
    before = _snapshot(previous)
    process = subprocess.Popen([sys.executable, "-m", "kg", "build", str(corpus), "--out", str(previous)],
                               stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    err = bytearray()

    def read() -> None:
        for chunk in iter(lambda: os.read(process.stderr.fileno(), 4096), b""):
            err.extend(chunk)

    reader = threading.Thread(target=read)
    reader.start()
    progress = re.compile(rb"\| *(\d+)/160 ")
    deadline = time.monotonic() + 300
    try:
        # Wait for the first batch of articles to be done: the build is in the parse stage.
        while not any(0 < int(n) < 160 for n in progress.findall(bytes(err))):
            assert process.poll() is None, f"the build ended before it could be killed: {err.decode()}"
            assert time.monotonic() < deadline, "no progress in 300 s"
            time.sleep(0.05)
        process.send_signal(signum)
        code = process.wait(60)
    finally:
        process.kill()
        reader.join(10)
    text = err.decode("utf-8", errors="replace")
    assert not re.search(r"kg build: \d+ articles", text)  # no summary: it never finished
    assert _snapshot(previous) == before
    if signum == signal.SIGKILL:
        assert code == -signal.SIGKILL
    else:
        # Ctrl-C is a clean stop: one line, no traceback.
        assert code == 130, text
        assert "Traceback" not in text
        assert text.rstrip().splitlines()[-1] == "kg: interrupted; previous exports are unchanged"
