"""A cache of each article's facts, so that a rebuild parses only the articles that changed.

The facts of an article (:class:`~kg.types.ArticleFacts`: everything found in it before
resolution joins the articles) depend only on the article and on the pipeline, so they
are kept on disk, one file per article (``KEY.facts``), under a key that covers both:

- the article record as read (:class:`~kg.types.Article`): its id, text, publication date,
  title and URL (from ``metadata.csv`` or the file), the spans of page furniture and the
  dateline;
- the pipeline (:func:`pipeline_fingerprint`): ``kg``'s version and the SHA-256 of the
  source files that find facts (:func:`fact_sources`: an edited checkout is a new
  pipeline, but an edited exporter is not), the text of every data file the build reads
  (``kg``'s own or ``--data-dir``'s), the spaCy version, the model's name and version, and
  the limits that cut an article into pieces.

Beside them, one entry per pipeline (``KEY.checks``) keeps what the checks of
:mod:`kg.sources.check` found in each text the last build read (its language, furniture
and date line; :class:`~kg.sources.check.TextCheck`), by the text's SHA-256, so that a
rebuild does not check unchanged texts again (at 10,000 articles, reading fell from 15 s
to 3 s). It is written the same way, and refused the same way when damaged.

A changed article or pipeline has a new key, so its old entry is never found again (it
stays in the folder until the folder is deleted). The key does not cover what cannot
change the facts: the number of workers, the engine, the batch size (tests check that a
rebuild gives the same exports as a full build).

An entry is plain JSON, never pickle: the facts as nested lists in field order, the text
compressed with zlib (a tenth of the size), after a first line with the SHA-256 of the
key and the compressed bytes. It is read back only when the checksum matches, and then
decoded against the records' field types, so a damaged, truncated or foreign file is
refused (named in one ``KG030`` line and the article parsed again) and cannot run code.
An entry is written only if it decodes back equal to the facts it holds, and written
atomically: to a temporary file in the cache folder (``.KEY.<random>.tmp``), flushed to
disk, renamed over the entry. A build killed while it writes leaves a temporary file
(never read as an entry; removed by the next build that finishes) or a whole entry,
never half of one.

Codes
-----
``KG030``  a cache entry cannot be read or is damaged: it is ignored and its article parsed again
``KG031``  the cache folder cannot be written: the build goes on without writing it
"""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import hashlib
import json
import multiprocessing
import os
import sys
import tempfile
import time
import types
import typing
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from enum import Enum
from pathlib import Path
from typing import Any

from kg.knowledge import DATA_FILES
from kg.settings import Settings
from kg.sources.check import TextCheck
from kg.tables import read_text
from kg.types import Article, ArticleFacts, Problem

__all__ = ["CACHE_FORMAT", "FACT_STAGE", "AheadReader", "FactsCache", "fact_sources", "pipeline_fingerprint"]

CACHE_FORMAT = 1
"""The layout of an entry; part of every key, so a new layout never reads an old entry."""

FACT_STAGE = ("kg.engines", "kg.nlp", "kg.sources.check")
"""The modules that read, check and parse articles and find their facts, and what they import."""

_SUFFIX = ".facts"
"""An entry's name is its key and this (not ``.json``: the JSON in it is compressed)."""
_CHECKS_SUFFIX = ".checks"
"""The suffix of the entry that keeps the text checks of a build (:meth:`FactsCache.write_checks`)."""
_TEMP_SUFFIX = ".tmp"

_Decoder = Callable[[object, "_Rows"], object]


def _encode(record: object) -> list[object]:
    """``record`` as JSON values: ``[rows, fields]``, the list of its fields in order, each
    record nested in it written once, as a row, and named by its index in ``rows``.

    The same mention stands in the article's list, in an office claim and in an event,
    and one sentence in every mention of it: each is one row. A row's own records come
    before it. An enum is written as its value, a date in ISO form, a tuple as a list.

    Examples
    --------
    >>> from kg.types import Evidence, Problem, Tenure
    >>> _encode(Problem("KG1", "a", "b"))
    [[], ['KG1', 'a', 'b', True]]
    >>> said = Evidence("a", 0, 2, "Hi")
    >>> _encode(Tenure("p", "o", False, (said, said)))
    [[['a', 0, 2, 'Hi']], ['p', 'o', False, [0, 0]]]
    """
    rows: list[object] = []
    index: dict[tuple[type, object], int] = {}

    def fields_of(value: object) -> list[object]:
        return [plain(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init]  # type: ignore[arg-type]

    def plain(value: object) -> object:
        if value is None or type(value) in (str, int, bool):
            return value
        if isinstance(value, Enum):
            return value.value
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, tuple):
            return [plain(item) for item in value]
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            key = (type(value), value)
            if key not in index:
                row = fields_of(value)
                index[key] = len(rows)
                rows.append(row)
            return index[key]
        raise TypeError(f"no cache form for a {type(value).__name__}")

    return [rows, fields_of(record)]


def _exactly(kind: type) -> _Decoder:
    def decode(value: object, rows: _Rows) -> object:
        # type(), not isinstance: JSON's true must not pass for the integer 1.
        if type(value) is not kind:
            raise ValueError(f"{value!r} is not a {kind.__name__}")
        return value
    return decode


def _items(value: object) -> list[object]:
    if type(value) is not list:
        raise ValueError(f"{value!r} is not a list")
    return value


class _Rows:
    """The rows of one entry (:func:`_encode`), each decoded once per type it is read as."""

    def __init__(self, rows: object) -> None:
        self.rows = _items(rows)
        self.done: dict[tuple[int, type], object] = {}

    def get(self, index: object, kind: type, fields: _Decoder) -> object:
        """Row ``index`` as a ``kind``, whose fields ``fields`` decodes."""
        if type(index) is not int:
            raise ValueError(f"{index!r} is no row of the entry")
        found = self.done.get((index, kind))
        if found is None:
            if not 0 <= index < len(self.rows):
                raise ValueError(f"{index!r} is no row of the entry")
            found = self.done[index, kind] = fields(self.rows[index], self)
        return found


class _Decoders:
    """Decoders from :func:`_encode`'s JSON values back to typed records, made from the
    records' field types, each checking that a value is of its type (else ``ValueError``)."""

    def __init__(self) -> None:
        self._made: dict[object, _Decoder] = {}
        self._fields: dict[type, _Decoder] = {}

    def __call__(self, kind: object) -> _Decoder:
        """The decoder of values of type ``kind`` (made once, then reused); a record is a row."""
        if kind not in self._made:
            self._made[kind] = self._make(kind)
        return self._made[kind]

    def entry(self, kind: type, value: object) -> object:
        """The ``kind`` record that :func:`_encode` wrote as ``value``."""
        items = _items(value)
        if len(items) != 2:
            raise ValueError("not the rows and the fields of a record")
        rows, fields = items
        return self.fields(kind)(fields, _Rows(rows))

    def _make(self, kind: object) -> _Decoder:
        origin, args = typing.get_origin(kind), typing.get_args(kind)
        if origin in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args:
            inner = self(next(arg for arg in args if arg is not type(None)))
            return lambda value, rows: None if value is None else inner(value, rows)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            item = self(args[0])
            return lambda value, rows: tuple([item(v, rows) for v in _items(value)])
        if origin is tuple and args and Ellipsis not in args:  # a pair, such as a span
            each = [self(arg) for arg in args]
            return lambda value, rows: tuple(
                decode(v, rows) for decode, v in zip(each, _items(value), strict=True))
        if isinstance(kind, type) and issubclass(kind, Enum):
            return self._enum(kind)
        if kind is dt.date:
            text = _exactly(str)
            return lambda value, rows: dt.date.fromisoformat(text(value, rows))  # type: ignore[arg-type]
        if kind in (str, int, bool):
            return _exactly(kind)
        if isinstance(kind, type) and dataclasses.is_dataclass(kind):
            fields = self.fields(kind)
            return lambda value, rows: rows.get(value, kind, fields)
        raise TypeError(f"no cache form for {kind!r}")

    @staticmethod
    def _enum(kind: type[Enum]) -> _Decoder:
        members = {member.value: member for member in kind}

        def decode(value: object, rows: _Rows) -> object:
            if type(value) is not str or value not in members:
                raise ValueError(f"{value!r} is no {kind.__name__}")
            return members[value]
        return decode

    def fields(self, kind: type) -> _Decoder:
        """The decoder of the list of a ``kind`` record's fields."""
        if kind not in self._fields:
            self._fields[kind] = self._record(kind)
        return self._fields[kind]

    def _record(self, kind: type) -> _Decoder:
        hints = typing.get_type_hints(kind)
        init = [f for f in dataclasses.fields(kind) if f.init]
        names = [f.name for f in init]
        keywords = any(f.kw_only for f in init)
        decoders = [self(hints[name]) for name in names]
        count = len(decoders)

        def decode(value: object, rows: _Rows) -> object:
            if type(value) is not list or len(value) != count:
                raise ValueError(f"{value!r} is not the {count} fields of a {kind.__name__}")
            values = [d(item, rows) for d, item in zip(decoders, value, strict=True)]
            return kind(**dict(zip(names, values, strict=True))) if keywords else kind(*values)
        return decode


def _sha256(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def _checksum(key: str, packed: bytes) -> bytes:
    """The first line of an entry: it ties the compressed facts to the key they are kept under."""
    return hashlib.sha256(key.encode("ascii") + b"\0" + packed).hexdigest().encode("ascii")


def _model_version(model: str) -> str:
    """The installed version of the model package, or the meta of a model folder given by path."""
    import spacy.util

    version = spacy.util.get_package_version(model)
    if version is not None:
        return version
    meta = Path(model) / "meta.json"
    return meta.read_text(encoding="utf-8") if meta.is_file() else "not installed"


def _run_time_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """The nodes of ``tree``, but not those of an ``if TYPE_CHECKING:`` block (never run)."""
    todo = [tree]
    while todo:
        node = todo.pop()
        yield node
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            todo.extend(node.orelse)
        else:
            todo.extend(ast.iter_child_nodes(node))


def _kg_imports(source: Path) -> set[str]:
    """The ``kg`` modules that the module in ``source`` imports, at its top or in a function,
    with the packages above them (whose ``__init__`` runs first)."""
    found: set[str] = set()
    for node in _run_time_nodes(ast.parse(source.read_bytes(), filename=str(source))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    wanted = {name for name in found if name == "kg" or name.startswith("kg.")}
    return {".".join(name.split(".")[:end]) for name in wanted for end in range(1, name.count(".") + 2)}


def fact_sources() -> list[Path]:
    """The source files of ``kg`` that decide an article's facts, in a fixed order.

    They are :data:`FACT_STAGE` and every ``kg`` module those import, directly or through
    others (read from the sources, so an import inside a function counts too). Resolution,
    the graph and the exports come after the facts and are not among them: editing them
    leaves the cache valid.
    """
    package = Path(__file__).parent

    def path_of(module: str) -> Path | None:
        """The file of ``module`` (a package's ``__init__.py``), ``None`` for a name in a module."""
        where = package.joinpath(*module.split(".")[1:])
        for candidate in (where / "__init__.py", where.with_suffix(".py")):
            if candidate.is_file():
                return candidate
        return None

    seen: dict[str, Path] = {}
    todo = list(FACT_STAGE)
    while todo:
        module = todo.pop()
        path = path_of(module)
        if module in seen or path is None:
            continue
        seen[module] = path
        todo.extend(_kg_imports(path) - seen.keys())
    return sorted(seen.values())


def pipeline_fingerprint(settings: Settings, kg_version: str) -> str:
    """The SHA-256 of everything besides the article that decides its facts.

    That is: the cache layout, ``kg_version`` and the source files that find facts
    (:func:`fact_sources`; an edited checkout keeps its version number), the text of every
    data file the build reads (from ``settings.data_dir`` or ``kg``'s own), the spaCy
    version, the model and its version, and the limits that cut articles into pieces.

    Raises
    ------
    KgError
        ``KG021`` when a data file cannot be read (as loading the knowledge would).
    """
    import spacy

    package = Path(__file__).parent
    code = hashlib.sha256()
    for source in fact_sources():
        code.update(source.relative_to(package).as_posix().encode("utf-8") + b"\0")
        code.update(source.read_bytes())
    data = _sha256(*(part for name in DATA_FILES for part in (name, read_text(name, settings.data_dir)[0])))
    return _sha256(
        f"format {CACHE_FORMAT}", f"kg {kg_version}", code.hexdigest(), data, f"spacy {spacy.__version__}",
        f"model {settings.model} {_model_version(settings.model)}",
        f"pieces {settings.max_chars_per_chunk} {settings.max_chars_per_parse}",
    )


class FactsCache:
    """The facts of articles kept in ``folder``, keyed by article and pipeline.

    Parameters
    ----------
    folder:
        Where the entries are (created at the first write).
    settings:
        The build's settings: its model, data folder and piece limits are part of every key.
    kg_version:
        The running ``kg``'s version (:func:`kg.flow.version`).
    """

    def __init__(self, folder: Path, settings: Settings, kg_version: str) -> None:
        self.folder = Path(folder)
        self.fingerprint = pipeline_fingerprint(settings, kg_version)
        decoders = _Decoders()
        self._decode = lambda value: decoders.entry(ArticleFacts, value)
        self._decode_check = lambda value: decoders.entry(TextCheck, value)
        self._checks_key = _sha256(self.fingerprint, "text checks")
        self._checks_path = self._path(self._checks_key, _CHECKS_SUFFIX)
        self._writable = True
        self.started = time.time()
        """When this build began with the cache: a temporary file older than that is a leftover."""
        self.hits = 0
        """How many reads found their facts."""

    def key(self, article: Article) -> str:
        """The key of ``article``'s facts under this pipeline: a SHA-256 in hexadecimal."""
        return _sha256(self.fingerprint, json.dumps(_encode(article), ensure_ascii=False))

    def has(self, key: str) -> bool:
        """Whether an entry is kept under ``key`` (it may still prove damaged when read)."""
        return self._path(key).is_file()

    def _path(self, key: str, suffix: str = _SUFFIX) -> Path:
        return self.folder / f"{key}{suffix}"

    def read(self, key: str, problems: list[Problem]) -> ArticleFacts | None:
        """The facts kept under ``key``, or ``None`` when there are none or the entry is
        unreadable or damaged (then a ``KG030`` problem naming it is appended to ``problems``)."""
        facts = self._read(self._path(key), key, self._decode, problems)
        if facts is not None:
            self.hits += 1
        return facts  # type: ignore[return-value]

    def write(self, key: str, facts: ArticleFacts, problems: list[Problem]) -> None:
        """Keep ``facts`` under ``key``, atomically.

        Facts that would not read back equal are not kept. When the folder cannot be
        written, one ``KG031`` problem is appended to ``problems`` and nothing more is
        tried in this build.
        """
        self._write(self._path(key), key, facts, _encode, self._decode, problems)

    def read_checks(self, problems: list[Problem]) -> dict[str, TextCheck]:
        """The text checks the last build with this pipeline kept (:meth:`write_checks`), by
        text digest; none when there are none or their entry is damaged (``KG030``)."""
        found = self._read(self._checks_path, self._checks_key, self._decode_checks, problems)
        return found if isinstance(found, dict) else {}

    def write_checks(self, checks: Mapping[str, TextCheck], problems: list[Problem]) -> None:
        """Keep the text checks of this build (:class:`kg.sources.check.CheckMemo`), in one
        entry under the pipeline: the next build then checks only new texts."""
        self._write(self._checks_path, self._checks_key, dict(checks),
                    lambda c: [[d, _encode(one)] for d, one in c.items()], self._decode_checks, problems)

    def _decode_checks(self, value: object) -> dict[str, TextCheck]:
        """The checks entry's ``[[digest, check], ...]`` back as a dict."""
        found: dict[str, TextCheck] = {}
        for pair in _items(value):
            digest, check = _items(pair)  # ValueError unless a pair
            if type(digest) is not str:
                raise ValueError(f"{digest!r} is not a text digest")
            found[digest] = typing.cast(TextCheck, self._decode_check(check))
        return found

    def _read(self, path: Path, key: str, decode: Callable[[object], object],
              problems: list[Problem]) -> object | None:
        try:
            content = path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return None
        except OSError as error:
            problems.append(self._damaged(path, f"cannot be read ({error.strerror})"))
            return None
        checksum, _, packed = content.partition(b"\n")
        if checksum != _checksum(key, packed):
            problems.append(self._damaged(path, "does not match its checksum"))
            return None
        try:
            return decode(json.loads(zlib.decompress(packed)))
        except (ValueError, TypeError, RecursionError, zlib.error) as error:
            problems.append(self._damaged(path, f"does not hold facts this kg reads ({error})"))
            return None

    @staticmethod
    def _damaged(path: Path, why: str) -> Problem:
        checks = path.suffix == _CHECKS_SUFFIX
        again = "the texts are checked again" if checks else "its article is parsed again"
        return Problem("KG030", str(path), f"a cache entry that {why}; ignored, {again}", skipped=False)

    def _write(self, path: Path, key: str, value: object, encode: Callable[[Any], object],
               decode: Callable[[object], object], problems: list[Problem]) -> None:
        if not self._writable:
            return
        try:
            payload = json.dumps(encode(value), ensure_ascii=False, separators=(",", ":"))
            faithful = decode(json.loads(payload)) == value
        except (TypeError, ValueError):
            faithful = False
        if not faithful:
            return
        packed = zlib.compress(payload.encode("utf-8"), 1)
        content = _checksum(key, packed) + b"\n" + packed
        temporary = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=f".{key[:16]}.", suffix=_TEMP_SUFFIX)
            with os.fdopen(handle, "wb") as file:
                file.write(content)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, path)
        except OSError as error:
            self._writable = False
            if temporary is not None:
                Path(temporary).unlink(missing_ok=True)
            problems.append(Problem(
                "KG031", str(self.folder), f"cannot write the cache ({error.strerror}); the build goes on "
                "without it, so the next one parses these articles again; make the folder writable, "
                "or give another with --cache DIR", skipped=False))

    def remove_leftovers(self) -> None:
        """Delete the temporary files a killed build left in the folder (they are never read).

        Only those made before :attr:`started`: a newer one may be the write in progress of
        another build that shares the folder, and lives for a moment only.
        """
        try:
            leftovers = [path for path in self.folder.glob(f".*{_TEMP_SUFFIX}")
                         if path.is_file() and path.stat().st_mtime < self.started]
        except OSError:
            return
        for path in leftovers:
            try:
                path.unlink()
            except OSError:
                continue


_AHEAD: FactsCache | None = None
"""The cache a helper process of :class:`AheadReader` reads: set before the helper is forked."""


def _read_ahead(keys: Sequence[str]) -> list[tuple[ArticleFacts | None, list[Problem]]]:
    """In a helper process: the facts kept under each of ``keys``, with the problems met."""
    assert _AHEAD is not None
    found = []
    for key in keys:
        problems: list[Problem] = []
        found.append((_AHEAD.read(key, problems), problems))
    return found


class AheadReader:
    """Reads and decodes cache entries in a helper process while this one goes on.

    A rebuild finds most articles in the cache; decoding their entries took as long as
    parsing the new ones. Asked for a key, this sends it (in batches of ``batch``) to one
    helper process forked from this one, which reads, checks and decodes the entry as
    :meth:`FactsCache.read` does and sends the facts back; meanwhile this process reads
    on and parses what the cache does not hold. A helper that cannot be started (not on
    Linux) or that stops leaves the reading to this process: the facts are the same.

    Parameters
    ----------
    cache:
        The cache read; its ``hits`` count what is found.
    batch:
        Keys sent to the helper at a time.
    """

    def __init__(self, cache: FactsCache, batch: int = 64) -> None:
        self.cache = cache
        self.size = batch
        self._keys: list[list[str]] = [[]]
        self._sent: list[Future[list[tuple[ArticleFacts | None, list[Problem]]]] | None] = []
        self._executor: ProcessPoolExecutor | None = None
        self._forks = sys.platform.startswith("linux")

    def ask(self, key: str) -> tuple[int, int]:
        """Start reading the entry of ``key``; returns the handle :meth:`get` takes."""
        batch = self._keys[-1]
        batch.append(key)
        handle = (len(self._keys) - 1, len(batch) - 1)
        if len(batch) >= self.size:
            self._send()
        return handle

    def _send(self) -> None:
        keys = self._keys[-1]
        future = None
        if self._forks:
            try:
                if self._executor is None:
                    global _AHEAD
                    _AHEAD = self.cache
                    self._executor = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
                future = self._executor.submit(_read_ahead, keys)
            except (OSError, RuntimeError, BrokenProcessPool):
                self._forks = False
        self._sent.append(future)
        self._keys.append([])

    def done(self, handle: tuple[int, int]) -> bool:
        """Whether :meth:`get` of ``handle`` would answer without waiting."""
        batch = handle[0]
        if batch >= len(self._sent):
            return False
        future = self._sent[batch]
        return future is None or future.done()

    def get(self, handle: tuple[int, int], problems: list[Problem]) -> ArticleFacts | None:
        """The facts kept under the key of ``handle`` (waiting for them if need be), or
        ``None`` when there are none or the entry is damaged (its ``KG030`` problem is then
        appended to ``problems``)."""
        batch, index = handle
        if batch >= len(self._sent):
            self._send()
        future = self._sent[batch]
        key = self._keys[batch][index]
        try:
            found = future.result() if future is not None else None
        except (BrokenProcessPool, OSError):
            found = None
        if found is None:  # read here: no helper, or it stopped
            return self.cache.read(key, problems)
        facts, met = found[index]
        problems.extend(met)
        if facts is not None:
            self.cache.hits += 1
        return facts

    def close(self) -> None:
        """Stop the helper process (at once: what it still reads is not wanted)."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
