"""Writing exports safely: all or nothing, and never outside the output folder."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from kg.errors import KgError

__all__ = ["write_all"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_all(out_dir: Path, files: Mapping[str, str | bytes]) -> list[Path]:
    """Write ``files`` (name -> content) into ``out_dir`` atomically.

    Every file is first written in full to a temporary file in ``out_dir`` and
    flushed to disk; only when all are written are they renamed into place. A run
    that fails or is killed before that leaves the previous exports untouched.
    """
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise KgError("KG301", str(out_dir), f"cannot create the output folder ({error.strerror})") from error
    staged: list[tuple[Path, Path]] = []
    try:
        for name, content in files.items():
            target = (out_dir / name).resolve()
            if target.parent != out_dir.resolve():
                raise KgError("KG302", name, "export names must be plain file names inside the output folder")
            data = content.encode("utf-8") if isinstance(content, str) else content
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out_dir)
            # mkstemp makes private files; exports are ordinary files for whoever reads them.
            os.chmod(tmp, 0o666 & ~_umask())
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            staged.append((Path(tmp), target))
        for tmp, target in staged:
            os.replace(tmp, target)
    except OSError as error:
        raise KgError("KG303", str(out_dir), f"cannot write exports ({error.strerror}); nothing was replaced") from error
    finally:
        for tmp, _ in staged:
            if tmp.exists():
                tmp.unlink()
    return [target for _, target in staged]
