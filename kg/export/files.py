"""Writing exports safely: all or nothing, and never outside the output folder.

Codes
-----
``KG301``  the output folder cannot be created
``KG302``  an export name is not a plain file name (it would land outside the folder)
``KG303``  the exports cannot be written; the previous ones are left as they were
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from kg.errors import KgError

try:
    import fcntl
except ImportError:  # not on Windows: concurrent runs there are not serialised
    fcntl = None

__all__ = ["TEMP_SUFFIX", "Content", "temp_prefix", "write_all"]

TEMP_SUFFIX = ".tmp"
"""Every temporary export ends so, and starts with a dot: never mistaken for an export."""

_BUFFER = 1 << 20
"""Bytes gathered before a write to the file, when an export comes in many small pieces."""


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
def _locked(out_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock on the folder itself (no lock file is left behind)."""
    if fcntl is None:
        yield
        return
    fd = os.open(out_dir, os.O_RDONLY)
    try:
        # Two runs writing one folder take turns, so neither takes the other's temporary
        # files for leftovers of a killed run.
        fcntl.flock(fd, fcntl.LOCK_EX)
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


Content = str | bytes | Callable[[], str | bytes | Iterable[str | bytes]]
"""An export's text or bytes, or a function that makes them (whole, or as pieces to write
one after another) when the file is written."""


def _pieces(content: Content) -> Iterable[str | bytes]:
    made = content() if callable(content) else content
    return (made,) if isinstance(made, str | bytes) else made


def write_all(out_dir: Path, files: Mapping[str, Content]) -> list[Path]:
    """Write ``files`` (name -> content) into ``out_dir`` atomically.

    Every file is first written in full to a hidden temporary file in ``out_dir``
    (``.NAME.<random>.tmp``) and flushed to disk; only when all are written are they
    renamed into place. A run that fails or is killed before that leaves the previous
    exports untouched; each export is always either the old or the new file, never a
    part of one. Temporary files a killed run left behind are removed by the next.

    Parameters
    ----------
    out_dir:
        The output folder (created with its parents if missing).
    files:
        Export name (a plain file name) -> text (written as UTF-8) or bytes, or a
        function returning them, whole or as an iterable of pieces: it is called only
        when its file is written, so at most one export is made at a time, and one
        given in pieces is never held whole.

    Returns
    -------
    list of Path
        The files written, in the order given.

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
    (['a.txt', 'b.txt', 'c.txt'], 'ab')
    """
    out_dir = Path(out_dir)
    for name in files:
        _check_name(name)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise KgError("KG301", str(out_dir), f"cannot create the output folder ({error.strerror})") from error
    staged: list[tuple[Path, Path]] = []
    replaced = 0
    try:
        with _locked(out_dir):
            _remove_leftovers(out_dir, list(files))
            for name, content in files.items():
                fd, tmp = tempfile.mkstemp(prefix=temp_prefix(name), suffix=TEMP_SUFFIX, dir=out_dir)
                staged.append((Path(tmp), out_dir / name))
                # mkstemp makes private files; exports are ordinary files for whoever reads them.
                os.chmod(tmp, 0o666 & ~_umask())
                with os.fdopen(fd, "wb", buffering=_BUFFER) as handle:
                    for piece in _pieces(content):
                        handle.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
                    handle.flush()
                    os.fsync(handle.fileno())
            for tmp, target in staged:
                os.replace(tmp, target)
                replaced += 1
    except OSError as error:
        done = "nothing was replaced" if not replaced else f"{replaced} of {len(files)} were replaced"
        raise KgError("KG303", str(out_dir), f"cannot write exports ({error.strerror}); {done}") from error
    finally:
        for tmp, _ in staged:
            if tmp.exists():
                tmp.unlink()
    return [target for _, target in staged]
