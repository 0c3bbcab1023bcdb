"""Read a file of the input folder without being led out of it, blocked or fooled on the way.

A corpus folder is often a copy of a scrape, a shared drive or an unpacked download, and
any name in it may be a link, a pipe or a folder. :func:`read_in_folder` applies these
rules to one name, in this order, and says which one refused it (:class:`Refusal`):

1. A name that is a link is resolved to its real path, every link on the way followed:
   a loop (``LOOP``) or a link to nothing (``DANGLING``) is not read.
2. A real path outside the folder's real path is not read (``OUTSIDE``) unless links out
   of the folder are allowed: a link in the folder never makes ``kg`` read, and publish,
   a file its author chose elsewhere on the machine, whoever runs ``kg``. Links that
   stay inside the folder (into a subfolder too) are read.
3. What the name leads to must be a regular file: a folder, a named pipe, a socket or a
   device is never opened (``NOT_A_FILE``); opening a pipe would wait for a writer for ever.
4. A file larger than the limit is not opened (``TOO_LARGE``).
5. The file is opened one path step at a time from the folder, never following a link
   (``O_NOFOLLOW``) and never waiting (``O_NONBLOCK``), and what was opened must be the
   file checked in steps 1 to 4 (same device and inode, by ``fstat``): a name swapped for
   a link, a pipe or another file between the check and the open is not read
   (``CHANGED``). At most the limit plus one byte is read, so a file that grew is refused.

Any other error of the system (permissions, a file removed meanwhile) is ``UNREADABLE``.
The callers turn a refusal into their own coded problem (:mod:`kg.sources.corpus` for
articles, :mod:`kg.sources.metadata` for ``metadata.csv``).
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

__all__ = ["Refusal", "Unread", "read_in_folder"]

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)
# Never follow a link, never wait on a pipe, never leak the descriptor to a child process.
_OPEN_FILE = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
_CHANGED = "changed as it was read (replaced by a link or another file)"
_OPEN_FOLDER = os.O_RDONLY | os.O_NOFOLLOW | os.O_DIRECTORY | os.O_CLOEXEC


class Refusal(Enum):
    """Why a name of the folder was not read (the rules of the module docstring)."""

    LOOP = "loop"
    """A link that leads back to itself."""
    DANGLING = "dangling"
    """A link to nothing."""
    OUTSIDE = "outside"
    """A link to a file outside the folder, and links out are not allowed."""
    NOT_A_FILE = "not a file"
    """A folder, a named pipe, a socket or a device."""
    TOO_LARGE = "too large"
    """More bytes than the limit."""
    CHANGED = "changed"
    """Not the same file when opened as when checked."""
    UNREADABLE = "unreadable"
    """The system refused (permissions, a file removed meanwhile...)."""


@dataclass(frozen=True, slots=True)
class Unread:
    """A name of the folder that was not read, and why.

    Parameters
    ----------
    refusal:
        Which rule refused it.
    what:
        What it is, to begin a message: ``"a link to /etc/passwd, outside the folder"``,
        ``"a folder, not a file"``, ``"cannot read the file (Permission denied)"``.
    """

    refusal: Refusal
    what: str


def read_in_folder(folder: Path, name: str, max_bytes: int, *, follow_links: bool = False) -> bytes | Unread:
    """The bytes of the file ``name`` in ``folder``, by the rules of the module docstring.

    Parameters
    ----------
    folder:
        The input folder (resolved here: a folder given through a link is fine).
    name:
        A name directly in the folder.
    max_bytes:
        Files larger than this are not read.
    follow_links:
        Read what links out of the folder lead to (``kg build --follow-links``).

    Returns
    -------
    bytes or Unread
        The whole file, or why it was not read.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Talks resumed.")
    >>> (folder / "b.txt").symlink_to("a.txt")
    >>> elsewhere = Path(tempfile.mkdtemp()) / "private.txt"
    >>> _ = elsewhere.write_text("Not for publication.")
    >>> (folder / "c.txt").symlink_to(elsewhere)
    >>> (folder / "d.txt").mkdir()
    >>> read_in_folder(folder, "b.txt", 100)
    b'Talks resumed.'
    >>> [read_in_folder(folder, name, 100).refusal.name for name in ("c.txt", "d.txt")]
    ['OUTSIDE', 'NOT_A_FILE']
    >>> read_in_folder(folder, "a.txt", 10).what
    '14 bytes, over the limit of 10 bytes'
    """
    root = Path(os.path.realpath(folder))
    path = root / name
    try:
        link = stat.S_ISLNK(os.lstat(path).st_mode)
        real = _resolve(path) if link else path
        if isinstance(real, Unread):
            return real
        inside = real == root or real.is_relative_to(root)
        if not inside and not follow_links:
            return Unread(Refusal.OUTSIDE, f"a link to {real}, outside the folder")
        checked = os.lstat(real)
        refused = _refuse(checked, max_bytes, f"a link to {real}, " if link else "")
        if refused is not None:
            return refused
        fd = _open_beneath(root, real.relative_to(root).parts) if inside else os.open(real, _OPEN_FILE)
    except OSError as error:
        if error.errno in {errno.ELOOP, errno.ENOTDIR}:
            # A step that was a folder or a file when checked is a link now.
            return Unread(Refusal.CHANGED, _CHANGED)
        return _unreadable(error)
    with os.fdopen(fd, "rb") as handle:
        opened = os.fstat(handle.fileno())
        if (opened.st_dev, opened.st_ino) != (checked.st_dev, checked.st_ino):
            return Unread(Refusal.CHANGED, _CHANGED)
        try:
            data = handle.read(max_bytes + 1)
        except OSError as error:
            return _unreadable(error)
    if len(data) > max_bytes:
        return _too_large(len(data), max_bytes)
    return data


def _resolve(path: Path) -> Path | Unread:
    """The real path a link leads to, or why it leads nowhere."""
    try:
        return Path(os.path.realpath(path, strict=True))
    except FileNotFoundError:
        return Unread(Refusal.DANGLING, f"a link to {os.readlink(path)}, which does not exist")
    except OSError as error:
        if error.errno == errno.ELOOP:
            return Unread(Refusal.LOOP, "a link in a loop (it leads back to itself)")
        raise


def _refuse(checked: os.stat_result, max_bytes: int, prefix: str) -> Unread | None:
    """Rules 3 and 4 on what a name leads to (``prefix`` says it came through a link)."""
    for test, kind in _KINDS:
        if test(checked.st_mode):
            return Unread(Refusal.NOT_A_FILE, f"{prefix}{kind}, not a file")
    if not stat.S_ISREG(checked.st_mode):
        return Unread(Refusal.CHANGED, _CHANGED)
    if checked.st_size > max_bytes:
        return _too_large(checked.st_size, max_bytes)
    return None


def _too_large(size: int, limit: int) -> Unread:
    return Unread(Refusal.TOO_LARGE, f"{size:,} bytes, over the limit of {limit:,} bytes")


def _unreadable(error: OSError) -> Unread:
    return Unread(Refusal.UNREADABLE, f"cannot read the file ({error.strerror or error})")


def _open_beneath(root: Path, parts: tuple[str, ...]) -> int:
    """Open ``root/parts...`` one step at a time, no step a link: no swap can lead outside."""
    folder = os.open(root, _OPEN_FOLDER)
    try:
        for part in parts[:-1]:
            inner = os.open(part, _OPEN_FOLDER, dir_fd=folder)
            os.close(folder)
            folder = inner
        return os.open(parts[-1], _OPEN_FILE, dir_fd=folder)
    finally:
        os.close(folder)
