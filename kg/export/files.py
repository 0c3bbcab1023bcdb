"""Writing exports safely: one set at a time, never outside the output folder.

The exports of one build are a set: a reader must never take the Turtle of one build
with the JSON of another. Beside them ``kg build`` writes ``manifest.json``, the name,
size and SHA-256 of every file of the set and a build id (the SHA-256 of those
digests: the same files give the same id). :func:`write_all` goes in this order:

1. the folder is checked (creatable, writable, no export name taken by a folder);
   a folder that fails is refused here, before anything is written;
2. every export is written aside to a hidden temporary file (``.NAME.<random>.tmp``)
   and flushed to disk, hashed as it is written;
3. each temporary file is read back and must give the same digest (verify);
   steps 2 and 3 may run in several processes at once, each on its own exports (see
   :func:`write_all`);
4. the new ``manifest.json`` replaces the old one in one rename;
5. the temporary files are renamed over the exports, one by one.

A reader (:func:`reading`: ``kg.read_graph``, ``kg load``) checks every file the
manifest lists before it reads one, and refuses a folder whose files do not match
(``KG304``). So a failure or kill before step 4 leaves the whole old set, readable;
one between steps 4 and 5 leaves a set that no longer matches its manifest and is
refused, never half read; after step 5 it is the whole new set. The next run
replaces everything (and deletes what a killed run left aside), which repairs it. A
folder without a manifest (exports of an older ``kg``, or a file copied elsewhere) is
read as it is: there is nothing to check it against. Writers take an exclusive lock on
the folder and readers a shared one (POSIX), so a build never replaces the files a
reader is in the middle of.

Codes
-----
``KG301``  the output folder cannot be created (or the path is empty)
``KG302``  an export name is not a plain file name (it would land outside the folder)
``KG303``  the exports cannot be written; the message says whether anything was replaced
``KG304``  the exports do not match their ``manifest.json`` (an interrupted build): run it again
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from kg.errors import KgError, shown

if sys.platform != "win32":  # no fcntl on Windows: concurrent runs there are not serialised
    import fcntl

__all__ = ["MANIFEST", "TEMP_SUFFIX", "Content", "check_output", "manifest_text", "reading", "temp_prefix",
           "write_all"]

TEMP_SUFFIX = ".tmp"
"""Every temporary export ends so, and starts with a dot: never mistaken for an export."""

MANIFEST = "manifest.json"
"""The file that lists the set of exports a folder holds; written by :func:`write_all`."""

_FORMAT = "kg-exports/1"
_BUFFER = 1 << 20
"""Bytes gathered before a write to the file, when an export comes in many small pieces."""
_GATHER = 1 << 16
"""Characters of small pieces joined before they are encoded, hashed and written: far fewer
calls than pieces, and little held in memory."""


def temp_prefix(name: str) -> str:
    """How the temporary files of export ``name`` start (``.graph.ttl.``), before a random part.

    Examples
    --------
    >>> temp_prefix("graph.ttl")
    '.graph.ttl.'
    """
    return f".{name}."


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def _locked(folder: Path, *, shared: bool = False) -> Iterator[None]:
    """Hold a lock on the folder itself (no lock file is left behind)."""
    try:
        fd = os.open(folder, os.O_RDONLY) if sys.platform != "win32" else -1
    except OSError:  # a folder a reader may not list: read it unlocked
        fd = -1
    if fd < 0:
        yield
        return
    try:
        # Two runs writing one folder take turns, so neither takes the other's temporary
        # files for leftovers of a killed run; a reader waits for a run's renames.
        fcntl.flock(fd, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _remove_leftovers(out_dir: Path, names: list[str]) -> None:
    """Delete temporary files a killed run left for these export names."""
    prefixes = tuple(temp_prefix(name) for name in names)
    for entry in os.scandir(out_dir):
        if entry.name.startswith(prefixes) and entry.name.endswith(TEMP_SUFFIX) and entry.is_file():
            os.unlink(entry.path)


def _check_name(name: str) -> None:
    # A plain name, checked as text: resolving it would follow a symlink the folder may hold,
    # while os.replace only ever swaps the folder's own entry.
    if not name or name in {".", ".."} or os.sep in name or (os.altsep and os.altsep in name):
        raise KgError("KG302", name, "export names must be plain file names inside the output folder")
    if name == MANIFEST:
        raise KgError("KG302", name, "is the name write_all gives the manifest; name the export otherwise")


def check_output(out_dir: Path | str, names: Iterable[str]) -> None:
    """Refuse an output folder that :func:`write_all` could not fill, before any work is done.

    ``kg build`` calls this before it parses a single article, and :func:`write_all`
    again before it writes.

    Raises
    ------
    KgError
        ``KG301`` for an empty path, a file where the folder should be, or a missing
        folder that cannot be created; ``KG303`` for a folder that cannot be written
        or an export name taken by a folder.

    Examples
    --------
    >>> check_output("", ["graph.ttl"])
    Traceback (most recent call last):
    ...
    kg.errors.KgError: KG301 : an empty path; name the output folder (. for the current one)
    """
    if not os.fspath(out_dir):
        raise KgError("KG301", "", "an empty path; name the output folder (. for the current one)")
    out_dir = Path(out_dir)
    cannot = "cannot create the output folder"
    if not out_dir.exists():
        existing = next(p for p in (out_dir.absolute(), *out_dir.absolute().parents) if p.exists())
        if not existing.is_dir():
            raise KgError("KG301", str(out_dir), f"{cannot}: {shown(existing)} is a file")
        if not os.access(existing, os.W_OK | os.X_OK):
            raise KgError("KG301", str(out_dir), f"{cannot}: {shown(existing)} is not writable; "
                          "give another --out")
        return
    if not out_dir.is_dir():
        raise KgError("KG301", str(out_dir), f"{cannot}: a file of that name is in the way")
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise KgError("KG303", str(out_dir), "cannot write exports (the folder is not writable); nothing "
                      "was written")
    for name in [*names, MANIFEST]:
        target = out_dir / name
        if target.is_dir() and not target.is_symlink():
            raise KgError("KG303", str(target), "is a folder where an export goes; move it away; nothing "
                          "was written")


Content = str | bytes | Callable[[], str | bytes | Iterable[str | bytes]]
"""An export's text or bytes, or a function that makes them (whole, or as pieces to write
one after another) when the file is written."""


def _pieces(content: Content) -> Iterable[str | bytes]:
    made = content() if callable(content) else content
    return (made,) if isinstance(made, str | bytes) else made


@dataclass(frozen=True, slots=True)
class _Staged:
    """One export written aside: where it is, where it goes, and what it holds."""

    temporary: Path
    target: Path
    size: int
    sha256: str


def _file_digest(path: Path) -> tuple[int, str]:
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(_BUFFER), b""):
            digest.update(block)
            size += len(block)
    return size, digest.hexdigest()


def _blocks(pieces: Iterable[str | bytes]) -> Iterator[bytes]:
    """The pieces as UTF-8, small ones gathered into blocks of about :data:`_GATHER` characters:
    an export of a hundred thousand pieces is encoded, hashed and written a block at a time."""
    gathered: list[str] = []
    length = 0
    for piece in pieces:
        if isinstance(piece, bytes):
            if gathered:
                yield "".join(gathered).encode("utf-8")
                gathered, length = [], 0
            yield piece
            continue
        gathered.append(piece)
        length += len(piece)
        if length >= _GATHER:
            yield "".join(gathered).encode("utf-8")
            gathered, length = [], 0
    if gathered:
        yield "".join(gathered).encode("utf-8")


def _write_aside(out_dir: Path, name: str, content: Content, staged: list[_Staged]) -> None:
    fd, tmp = tempfile.mkstemp(prefix=temp_prefix(name), suffix=TEMP_SUFFIX, dir=out_dir)
    digest, size = hashlib.sha256(), 0
    try:
        # mkstemp makes private files; exports are ordinary files for whoever reads them.
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb", buffering=_BUFFER) as handle:
            for data in _blocks(_pieces(content)):
                digest.update(data)
                size += len(data)
                handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    finally:
        staged.append(_Staged(Path(tmp), out_dir / name, size, digest.hexdigest()))


def _stage(out_dir: Path, names: Sequence[str], files: Mapping[str, Content], staged: list[_Staged]) -> None:
    """Steps 2 and 3 for the exports ``names``: each written aside, then read back."""
    for name in names:
        _write_aside(out_dir, name, files[name], staged)
        item = staged[-1]
        if _file_digest(item.temporary) != (item.size, item.sha256):
            raise OSError(5, f"{item.target.name} did not read back as written")


_Failure = tuple[int | None, str]
"""How a helper process failed: the OSError's errno (``None`` for another error) and the
message (the traceback for another error, which is a bug)."""

_FORKS = sys.platform.startswith("linux")
"""Whether helper processes can be started by fork, which hands them the exports' makers
(and the graph behind them) without copying; elsewhere every export is written here."""


def _helper(
    connection: Connection, out_dir: Path, names: Sequence[str], files: Mapping[str, Content]
) -> None:
    """A helper process's work: stage ``names`` and send back what it staged and how it ended."""
    staged: list[_Staged] = []
    failure: _Failure | None = None
    try:
        _stage(out_dir, names, files, staged)
    except OSError as error:
        failure = (error.errno, error.strerror or str(error))
    except BaseException:  # a bug in a maker: told to the parent, which raises it
        failure = (None, traceback.format_exc())
    connection.send((staged, failure))
    connection.close()


def _stage_in_processes(
    out_dir: Path, files: Mapping[str, Content], groups: Sequence[Sequence[str]], staged: list[_Staged]
) -> None:
    """Steps 2 and 3 for every export: ``groups[0]`` in this process, each other group in a
    helper process of its own, all at once; ``staged`` is filled in the order of ``files``.

    Whatever any process staged is in ``staged`` even when one fails (so that it is
    removed); a failed helper's error is raised as ``OSError`` once all have stopped.
    """
    context = multiprocessing.get_context("fork")
    helpers = []
    for names in groups[1:]:
        receiver, sender = context.Pipe(duplex=False)
        process = context.Process(target=_helper, args=(sender, out_dir, names, files), daemon=True)
        process.start()
        sender.close()
        helpers.append((process, receiver, names))
    failures: list[_Failure] = []
    try:
        _stage(out_dir, groups[0], files, staged)
    except BaseException:
        for process, _, _ in helpers:
            process.terminate()
        raise
    finally:
        for process, receiver, names in helpers:
            try:
                theirs, failure = receiver.recv()
            except (EOFError, OSError):  # it died without a word: killed, or out of memory
                process.join()
                theirs, failure = [], (5, f"the process writing {', '.join(names)} stopped (exit code "
                                          f"{process.exitcode})")
                _remove_leftovers(out_dir, list(names))
            process.join()
            staged.extend(theirs)
            if failure is not None:
                failures.append(failure)
        order = {name: index for index, name in enumerate(files)}
        staged.sort(key=lambda item: order[item.target.name])
    for errno, message in failures:
        if errno is None:
            raise RuntimeError(f"an export failed in a helper process:\n{message}")
        raise OSError(errno, message)


def manifest_text(files: Iterable[tuple[str, int, str]]) -> str:
    """The manifest of a set of files, given as ``(name, size, sha256)`` in the order written.

    The build id is the SHA-256 of the lines ``sha256sum`` prints for the files
    (``"<sha256>  <name>\\n"`` each, in that order): the same files give the same manifest.

    Examples
    --------
    >>> a_sha256 = "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"
    >>> print(manifest_text([("a.txt", 1, a_sha256)]), end="")
    {
     "format": "kg-exports/1",
     "build": "29ef94e5c0fea664a65880e81a83b2e6dd44ee8ffe5617447daefa7ff5c2bf18",
     "files": [
      {"name": "a.txt", "bytes": 1, "sha256": "ca978112...7785afee48bb"}
     ]
    }
    """
    files = list(files)
    listing = "".join(f"{sha256}  {name}\n" for name, _, sha256 in files)
    build = hashlib.sha256(listing.encode("utf-8")).hexdigest()
    entries = ",\n".join("  " + json.dumps({"name": name, "bytes": size, "sha256": sha256})
                         for name, size, sha256 in files)
    return f'{{\n "format": "{_FORMAT}",\n "build": "{build}",\n "files": [\n{entries}\n ]\n}}\n'.replace(
        "[\n\n ]", "[]")


def _fsync_folder(folder: Path) -> None:
    if os.name == "nt":  # a folder cannot be opened for fsync there
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_all(
    out_dir: Path | str, files: Mapping[str, Content], groups: Sequence[Sequence[str]] = ()
) -> list[Path]:
    """Write ``files`` (name -> content) into ``out_dir`` as one set, with its ``manifest.json``.

    The order of steps, and what a failure or kill at each leaves, is in the module
    docstring: a reader that checks the manifest (:func:`reading`) sees the whole old
    set or the whole new one, or is refused. Temporary files a killed run left behind
    are removed by the next.

    Parameters
    ----------
    out_dir:
        The output folder (created with its parents if missing).
    files:
        Export name (a plain file name) -> text (written as UTF-8) or bytes, or a
        function returning them, whole or as an iterable of pieces: it is called only
        when its file is written, so at most one export is made at a time in a
        process, and one given in pieces is never held whole.
    groups:
        The names of ``files`` shared among processes that write at once: the first
        group is written in this process, each other one by a helper process forked
        from it (on Linux; elsewhere, and when empty, all are written here, one after
        another). A name in no group is written here too. The files, the manifest and
        what a failure leaves are the same either way.

    Returns
    -------
    list of Path
        The files written, in the order given (the manifest not among them).

    Raises
    ------
    KgError
        ``KG301``-``KG303`` (see the module docstring).

    Examples
    --------
    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> pieces = lambda: iter(["a", "b"])
    >>> [p.name for p in write_all(out, {"a.txt": "new", "b.txt": b"bytes", "c.txt": pieces})]
    ['a.txt', 'b.txt', 'c.txt']
    >>> sorted(p.name for p in out.iterdir()), (out / "c.txt").read_text()
    (['a.txt', 'b.txt', 'c.txt', 'manifest.json'], 'ab')
    """
    for name in files:
        _check_name(name)
    check_output(out_dir, files)
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise KgError("KG301", str(out_dir), f"cannot create the output folder ({error.strerror})") from error
    staged: list[_Staged] = []
    manifest: list[_Staged] = []
    committed, replaced = False, 0
    try:
        with _locked(out_dir):
            _remove_leftovers(out_dir, [*files, MANIFEST])
            shared = [[name for name in group if name in files] for group in groups] if _FORKS else []
            shared = [group for group in shared if group]
            if len(shared) > 1:
                alone = [name for name in files if not any(name in group for group in shared)]
                _stage_in_processes(out_dir, files, [[*shared[0], *alone], *shared[1:]], staged)
            else:
                _stage(out_dir, list(files), files, staged)
            check_output(out_dir, files)
            text = manifest_text((s.target.name, s.size, s.sha256) for s in staged)
            _write_aside(out_dir, MANIFEST, text, manifest)
            os.replace(manifest[0].temporary, manifest[0].target)
            committed = True
            for item in staged:
                os.replace(item.temporary, item.target)
                replaced += 1
            _fsync_folder(out_dir)
    except OSError as error:
        done = "nothing was replaced"
        if committed and replaced < len(staged):
            done = (f"{replaced} of {len(files)} were replaced, so kg refuses to read the folder (it no "
                    f"longer matches its {MANIFEST}) until a run completes")
        elif committed:
            done = "all were replaced, but may not be on disk yet"
        why = error.strerror or str(error)
        raise KgError("KG303", str(out_dir), f"cannot write exports ({why}); {done}") from error
    finally:
        for item in [*staged, *manifest]:
            if item.temporary.exists():
                item.temporary.unlink()
    return [item.target for item in staged]


def _listed(manifest: Path) -> list[dict[str, object]]:
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        files = data["files"]
        if data.get("format") != _FORMAT or not all(isinstance(f["name"], str) for f in files):
            raise ValueError(manifest)
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as error:
        raise KgError("KG304", str(manifest), "not a manifest that kg build wrote; run kg build again to "
                      "rewrite the folder") from error
    return list(files)


def _check_set(file: Path) -> None:
    manifest = file.parent / MANIFEST
    if not manifest.is_file():
        return
    listed = _listed(manifest)
    if file.name not in {entry["name"] for entry in listed}:
        return
    for entry in listed:
        path = file.parent / str(entry["name"])
        try:
            found = _file_digest(path)
        except OSError as error:
            raise KgError("KG304", str(path), f"is listed in {MANIFEST} but cannot be read "
                          f"({error.strerror}); run kg build again to write the whole set") from error
        if found != (entry["bytes"], entry["sha256"]):
            raise KgError("KG304", str(path), f"does not match {MANIFEST}: the folder holds parts of two "
                          "builds (one was interrupted); run kg build again to replace them")


@contextmanager
def reading(file: Path | str) -> Iterator[Path]:
    """Read ``file`` as one of a checked set: the context holds the folder's shared lock,
    and is entered only if every file that ``manifest.json`` lists matches it.

    A file the manifest does not list, or a folder without one, is not checked.

    Raises
    ------
    KgError
        ``KG304`` when the set does not match its manifest, or the manifest is not one.

    Examples
    --------
    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> _ = write_all(out, {"a.txt": "one", "b.txt": "two"})
    >>> with reading(out / "a.txt") as path:
    ...     path.read_text()
    'one'
    >>> _ = (out / "b.txt").write_text("changed")
    >>> with reading(out / "a.txt") as path:
    ...     pass
    Traceback (most recent call last):
    ...
    kg.errors.KgError: KG304 .../b.txt: does not match manifest.json: the folder holds parts of two builds ...
    """
    file = Path(file)
    with _locked(file.parent, shared=True):
        _check_set(file)
        yield file
