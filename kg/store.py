"""An embedded SPARQL store: load exports into Oxigraph on disk and query them.

``kg load graph.ttl --store DIR`` and ``kg query --store DIR QUERY`` call
:func:`load` and :func:`open_query`. ``kg serve --store DIR`` serves the same ``DIR``
over HTTP on 127.0.0.1 (:mod:`kg.serve`). Nothing here imports spaCy, networkx or
rdflib, so the commands start in a tenth of a second.

Data goes into the default graph; the ``kg`` ontology goes into the named graph
``<https://w3id.org/newskg/ontology>`` so that class and property definitions can be
queried (``GRAPH kgo: { ... }``) without mixing them into the data. A load replaces the
store's graph: two builds mixed would give one meeting two statuses. ``append`` adds
instead, and names every node it gives a second value of a property the export
contract allows once (:class:`Contradiction`). Which builds the store holds (the build
id of the ``manifest.json`` beside each export loaded) is kept in the named graph
``<https://w3id.org/newskg/store>`` (:data:`STORE_GRAPH`, :func:`held_builds`).

Query parameters are never pasted into the query text: each ``NAME=VALUE`` is parsed
into one typed RDF term (an IRI or a literal, validated by Oxigraph) and handed to
Oxigraph, which substitutes it into the parsed query (SPARQL SEP-0007). A trailing
``VALUES`` clause is not used: it joins after aggregation, so it would silently leave
``COUNT`` queries unfiltered.

A query stays offline: Oxigraph would send a ``SERVICE`` clause to the endpoint it
names over HTTP, so a query that has one is refused (:func:`calls_service`) unless the
caller allows it. Results stream: :func:`write_result` writes each row as Oxigraph
gives it, so the memory a query takes does not grow with the number of rows (a query
that sorts or groups still gathers its rows inside Oxigraph).

Codes
-----
``KG400``  pyoxigraph is not installed
``KG401``  no such export file
``KG402``  not an RDF format kg loads, or the file does not parse
``KG403``  the store cannot be opened or created (the message says why)
``KG404``  no store in that folder
``KG405``  the query file cannot be read
``KG411``  the query is not valid SPARQL: an unknown prefix is named with its line and column;
           else where Oxigraph's parser stopped, what stands there, and what it expected
``KG412``  a ``--bind`` parameter is malformed, or binds a variable the query lacks (the closest
           names are suggested) or does not return
``KG413``  the query failed while it ran (the rows before it were written)
``KG414``  unknown output format
``KG415``  the query calls a remote endpoint (``SERVICE``) and that was not allowed
``KG420``  (a warning) an appended export contradicts the store: both values are kept
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from difflib import get_close_matches
from importlib.resources import files
from io import StringIO
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

from kg.errors import KgError, one_line, shown
from kg.export.files import MANIFEST, reading
from kg.iri import PREFIXES, RESOURCE

if TYPE_CHECKING:
    import pyoxigraph as ox

__all__ = [
    "FORMATS",
    "STORE_GRAPH",
    "Contradiction",
    "HeldBuild",
    "Loaded",
    "QueryResult",
    "calls_service",
    "csv_cell",
    "format_result",
    "held_builds",
    "load",
    "open_query",
    "parse_binding",
    "read_query",
    "run_query",
    "write_result",
]

FORMATS = ("table", "csv", "json")
"""Output formats of :func:`write_result`."""

TABLE_SAMPLE = 1000
"""Rows a table is measured on: later rows keep those column widths (a longer cell overflows)."""

_RDF_FORMATS = {".ttl": "TURTLE", ".nt": "N_TRIPLES", ".jsonld": "JSON_LD", ".nq": "N_QUADS",
                ".trig": "TRIG", ".rdf": "RDF_XML", ".owl": "RDF_XML"}
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_PREFIXED = re.compile(r"([A-Za-z][A-Za-z0-9_-]*):([A-Za-z0-9_][A-Za-z0-9_.-]*)\Z")
ONTOLOGY_GRAPH = "https://w3id.org/newskg/ontology"
STORE_GRAPH = "https://w3id.org/newskg/store"
"""The named graph where the store says which builds it holds: one node per load, with
``dcterms:identifier`` (the build id), ``dcterms:source`` (the file) and ``dcterms:created``."""
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
# The longest namespace first, so a nested one gets its own prefix.
_NAMESPACE = re.compile("|".join(re.escape(ns) for ns in sorted(PREFIXES.values(), key=len, reverse=True)))
_PREFIX_OF = {namespace: prefix for prefix, namespace in PREFIXES.items()}

# What a SPARQL query holds that is not syntax: comments, strings, IRIs (which may carry
# \u escapes) and variables; then runs of name characters; then any other character.
_QUERY_TOKEN = re.compile(
    r"""(?P<skip>
          \#[^\n\r]*
        | '''(?:[^'\\]|\\.|'(?!''))*''' | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
        | '(?:[^'\\\n\r]|\\.)*' | "(?:[^"\\\n\r]|\\.)*"
        | <(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>
        | [?$]\w+ )
      | (?P<run>[\w.:%\\-]+)
      | .""",
    re.VERBOSE | re.DOTALL,
)
_LOCAL_CHAR = r"(?:%[0-9A-Fa-f]{2}|\\[_~.!$&'()*+,;=/?#@%-])"
_PREFIXED_NAME = re.compile(  # PNAME_LN of the SPARQL grammar (\w standing for its letter classes)
    rf"(?:[^\W\d_](?:[\w.-]*[\w-])?)?:(?:[\w:]|{_LOCAL_CHAR})(?:(?:[\w.:-]|{_LOCAL_CHAR})*(?:[\w:-]|{_LOCAL_CHAR}))?"
)
_ERROR_AT = re.compile(r"error at (\d+):(\d+): (?:expected one of |expected )?(.*)", re.DOTALL)
_CHAR_CLASS = re.compile(r"\[[^\]]*\]")
_EXPECTED = re.compile(r'"(?:[^"\\]|\\.)*"|[A-Za-z][A-Za-z0-9_]*')
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\Z")


def _oxigraph() -> Any:
    # Imported late, so that ``kg build`` works without pyoxigraph installed.
    try:
        import pyoxigraph
    except ImportError as error:
        raise KgError("KG400", "pyoxigraph", "is not installed; run: pip install pyoxigraph") from error
    return pyoxigraph


def _first_line(error: BaseException) -> str:
    return (str(error).splitlines() or [type(error).__name__])[0]


def _open(store: Path | str, *, create: bool) -> ox.Store:
    ox = _oxigraph()
    if not os.fspath(store):
        raise KgError("KG403", "", "an empty path; name the store folder (. for the current one)")
    store = Path(store)
    if create and store.exists() and not store.is_dir():
        raise KgError("KG403", str(store), "is a file, not a store folder; give a folder for the store")
    if create and not store.exists() and not store.parent.is_dir():
        raise KgError("KG403", str(store), f"cannot create the store: its parent folder "
                      f"{shown(store.parent)} does not exist; create it first, or give another --store")
    if not create and not (store.is_dir() and any(store.iterdir())):
        raise KgError("KG404", str(store), "no store here; create it with: kg load GRAPH.ttl --store DIR")
    try:
        return ox.Store(str(store)) if create else ox.Store.read_only(str(store))
    except OSError as error:
        reason = _first_line(error)
        if "lock" in reason.lower():
            hint = "another process has it open: stop the oxigraph server or the other kg using it"
        elif create:
            hint = "check that the folder is a store made by kg load and that you may write in it"
        else:
            hint = "check that the folder is a store made by kg load"
        raise KgError("KG403", str(store), f"cannot open the store ({reason}); {hint}") from error


@dataclass(frozen=True, slots=True)
class Contradiction:
    """A node that a load gives a second, different value of a property that has one.

    ``label`` is the node's name in the store; the node (``subject``), ``predicate``,
    ``held`` (the store's values before the load) and ``loaded`` (the export's) are
    written as in SPARQL (``<https://...>``, ``kg:status``, ``"planned"``, ``"2023"^^xsd:gYear``).
    """

    subject: str
    label: str
    predicate: str
    held: tuple[str, ...]
    loaded: tuple[str, ...]

    def __str__(self) -> str:
        name = f" ({self.label})" if self.label else ""
        return (f"{self.predicate} of {self.subject}{name} is {' and '.join(self.held)} "
                f"in the store and {' and '.join(self.loaded)} in this export")


@dataclass(frozen=True, slots=True)
class HeldBuild:
    """One export loaded into a store: its build id (``""`` without a ``manifest.json``) and its file."""

    build: str
    source: Path


@dataclass(frozen=True, slots=True)
class Loaded:
    """What :func:`load` did: the triples in the default graph afterwards, the builds the
    store now holds (in the order loaded), and the contradictions an appended export brought."""

    triples: int
    builds: tuple[HeldBuild, ...]
    contradictions: tuple[Contradiction, ...] = ()


def _term_text(term: object) -> str:
    """A term as SPARQL writes it, with kg's prefixes where they apply."""
    if type(term).__name__ == "Literal":
        datatype = term.datatype.value  # type: ignore[attr-defined]
        text = json.dumps(term.value, ensure_ascii=False)  # type: ignore[attr-defined]
        if term.language:  # type: ignore[attr-defined]
            return f"{text}@{term.language}"  # type: ignore[attr-defined]
        if datatype == _XSD_STRING:
            return text
        return f"{text}^^{_short(term.datatype)}"  # type: ignore[attr-defined]
    return _short(term)


def _single_valued(ox: Any) -> list[tuple[ox.NamedNode, ox.NamedNode]]:
    """``(class, property)`` pairs where a node of the class has at most one value of the
    property: every ``sh:maxCount 1`` of the export contract (``kg/data/shapes.ttl``)."""
    shapes = ox.Store()
    shapes.load(files("kg").joinpath("data/shapes.ttl").read_bytes(), format=ox.RdfFormat.TURTLE)
    found = shapes.query("SELECT DISTINCT ?class ?path WHERE { ?shape sh:targetClass ?class ; sh:property "
                         "[ sh:path ?path ; sh:maxCount 1 ] }", prefixes={"sh": "http://www.w3.org/ns/shacl#"})
    return [(row["class"], row["path"]) for row in found]


def _contradictions(ox: Any, db: ox.Store, data: ox.Dataset) -> tuple[Contradiction, ...]:
    """Where ``data`` gives a node of the store a second value of a single-valued property.

    A value the store and ``data`` both hold is no contradiction, nor a value ``data``
    itself gives twice (the export's own business). One record per node and property.
    """
    default, a = ox.DefaultGraph(), ox.NamedNode(PREFIXES["rdf"] + "type")
    label = ox.NamedNode(PREFIXES["rdfs"] + "label")
    found: dict[tuple[str, str], Contradiction] = {}
    for cls, prop in _single_valued(ox):
        for quad in data.quads_for_predicate(prop):
            s = quad.subject
            key = (str(s), prop.value)
            if key in found or not any(ox.Quad(s, a, cls, default) in where for where in (db, data)):
                continue
            held = [q.object for q in db.quads_for_pattern(s, prop, None, default)
                    if ox.Quad(s, prop, q.object, default) not in data]
            if not held:
                continue
            loaded = [q.object for q in data.quads_for_subject(s) if q.predicate == prop]
            names = [getattr(q.object, "value", "") for q in db.quads_for_pattern(s, label, None, default)]
            found[key] = Contradiction(_term_text(s), min(names, default=""), _term_text(prop),
                                       tuple(sorted(map(_term_text, held))),
                                       tuple(sorted(map(_term_text, loaded))))
    return tuple(sorted(found.values(), key=lambda c: (c.subject, c.predicate)))


def _build_of(source: Path) -> str:
    """The build id of ``manifest.json`` beside ``source`` when it lists the file, else ``""``.

    Called inside :func:`~kg.export.files.reading`, which has checked the manifest."""
    manifest = source.parent / MANIFEST
    if not manifest.is_file():
        return ""
    data = json.loads(manifest.read_text(encoding="utf-8"))
    if source.name not in {entry["name"] for entry in data["files"]}:
        return ""
    return str(data.get("build", ""))


def _record_build(ox: Any, db: ox.Store, source: Path, build: str) -> None:
    """Say in the store's own named graph that ``source`` (build ``build``) was loaded, and when."""
    graph = ox.NamedNode(STORE_GRAPH)
    node = ox.NamedNode(f"{RESOURCE}build/{build}") if build else ox.BlankNode()
    terms = PREFIXES["dcterms"]
    loaded_at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")
    for quad in list(db.quads_for_pattern(node, None, None, graph)):  # a build loaded again is listed once
        db.remove(quad)
    db.add(ox.Quad(node, ox.NamedNode(terms + "source"), ox.Literal(str(source.resolve())), graph))
    db.add(ox.Quad(node, ox.NamedNode(terms + "created"),
                   ox.Literal(loaded_at, datatype=ox.NamedNode(PREFIXES["xsd"] + "dateTime")), graph))
    if build:
        db.add(ox.Quad(node, ox.NamedNode(terms + "identifier"), ox.Literal(build), graph))


_BUILDS = (f"SELECT ?id ?source WHERE {{ GRAPH <{STORE_GRAPH}> {{ ?b dcterms:created ?at ; "
           "dcterms:source ?source OPTIONAL { ?b dcterms:identifier ?id } } } ORDER BY ?at")


def _builds(db: ox.Store) -> tuple[HeldBuild, ...]:
    rows = cast("ox.QuerySolutions", db.query(_BUILDS, prefixes=dict(PREFIXES)))
    return tuple(HeldBuild(getattr(row["id"], "value", ""), Path(row["source"].value)) for row in rows)


def held_builds(store: Path | str) -> tuple[HeldBuild, ...]:
    """The exports loaded into ``store``, oldest first; none for a store whose loads kg did
    not record (made by an older ``kg``)."""
    db = _open(store, create=False)
    try:
        return _builds(db)
    finally:
        del db


def load(source: Path | str, store: Path | str, *, append: bool = False) -> Loaded:
    """Load an RDF export (Turtle, N-Triples, JSON-LD...) into the store at ``store``.

    The store's graph is replaced by the export's, unless ``append``: then the export's
    triples are added to those there, and every node to which it gives a second value
    of a single-valued property (an event's ``kg:status``, ``kg:date`` or ``kg:place``,
    a node's ``rdfs:label``...: :func:`_single_valued`) is returned as a
    :class:`Contradiction`; both values are kept.

    The load is one transaction: a file that does not parse leaves the store as it was.
    An export from a folder whose files do not match its ``manifest.json`` (an
    interrupted build) is refused (``KG304``). The store records which builds it holds
    (the build id of the ``manifest.json`` beside the export) in its named graph
    :data:`STORE_GRAPH`.
    """
    ox = _oxigraph()
    source = Path(source)
    if not source.is_file():
        raise KgError("KG401", str(source), "no such file; give the path of an export such as graph.ttl")
    name = _RDF_FORMATS.get(source.suffix.lower())
    if name is None:
        known = ", ".join(sorted(_RDF_FORMATS))
        raise KgError("KG402", str(source), f"unknown RDF format; use one of {known}")
    with reading(source):  # checked before the store is touched
        build = _build_of(source)
        db = _open(store, create=True)
        try:
            data = ox.Dataset()
            try:
                for quad in ox.parse(path=str(source), format=getattr(ox.RdfFormat, name)):
                    data.add(quad)
            except (SyntaxError, ValueError) as error:
                raise KgError("KG402", str(source), f"not valid {name}: {_first_line(error)}") from error
            ontology = files("kg").joinpath("data/ontology.ttl").read_bytes()
            graph = ox.NamedNode(ONTOLOGY_GRAPH)
            contradictions = _contradictions(ox, db, data) if append else ()
            if not append:
                db.clear()
            if db.contains_named_graph(graph):
                db.remove_graph(graph)
            db.extend(data)
            db.load(ontology, format=ox.RdfFormat.TURTLE, to_graph=graph)
            _record_build(ox, db, source, build)
            db.flush()
            count = sum(1 for _ in db.quads_for_pattern(None, None, None, ox.DefaultGraph()))
            return Loaded(count, _builds(db), contradictions)
        finally:
            del db


def read_query(text_or_path: str) -> str:
    """The query text: ``text_or_path`` itself, or the contents of the ``.rq`` / ``.sparql`` file it names.

    Examples
    --------
    >>> read_query("ASK { ?s ?p ?o }")
    'ASK { ?s ?p ?o }'
    """
    one_line_text = "\n" not in text_or_path
    if text_or_path.endswith((".rq", ".sparql")) or (one_line_text and Path(text_or_path).is_file()):
        path = Path(text_or_path)
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise KgError("KG405", text_or_path, "cannot read the query file; give a .rq file or the query "
                          "text") from error
    return text_or_path


def calls_service(query: str) -> bool:
    """Whether ``query`` may hold a ``SERVICE`` clause, which Oxigraph would send over HTTP.

    The word is looked for outside comments, strings, IRIs and variable names, in any
    case and glued to anything (Oxigraph reads ``1SERVICE<...>{...}`` as a number and
    a ``SERVICE`` clause); only a prefixed name's local part (``ex:service``) is let
    through. It errs towards yes: a query it wrongly suspects is refused with a hint,
    never sent.

    Examples
    --------
    >>> calls_service("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    True
    >>> calls_service("SELECT * { ?s ?p 1sErViCe<http://example.org/>{} }")
    True
    >>> calls_service('SELECT ?service { ?service ex:service "SERVICE" } # SERVICE')
    False
    """
    for token in _QUERY_TOKEN.finditer(query):
        run = token.group("run")
        if not run or "service" not in run.lower():
            continue
        # A whole prefixed name is read as one, greedily; but ``SERVICE:x`` is a SERVICE
        # clause to Oxigraph, so the word before the colon still counts.
        if _PREFIXED_NAME.fullmatch(run) and "service" not in run.lower().partition(":")[0]:
            continue
        return True
    return False


def parse_binding(binding: str) -> tuple[ox.Variable, ox.NamedNode | ox.Literal]:
    """Parse ``NAME=VALUE`` into a variable and one typed RDF term, never into query text.

    ``VALUE`` is an IRI (``<https://...>``), a prefixed name of the export's prefixes
    (``kg:Meeting``), an N-Triples literal (``"2023-06-18"^^<http://www.w3.org/2001/XMLSchema#date>``,
    ``"Pékin"@fr``), or else plain text, which becomes an ``xsd:string`` literal.

    Examples
    --------
    >>> var, term = parse_binding('name=Anna Moreau')
    >>> var.value, term.value
    ('name', 'Anna Moreau')
    >>> parse_binding("cls=kg:Meeting")[1].value
    'https://w3id.org/newskg/ontology#Meeting'
    """
    ox = _oxigraph()
    name, sep, value = binding.partition("=")
    name = name.lstrip("?$")
    if not sep or not _NAME.match(name):
        raise KgError("KG412", binding, "a parameter is NAME=VALUE, e.g. --bind person=<https://...>")
    prefixed = _PREFIXED.match(value)
    if prefixed and prefixed.group(1) in PREFIXES:
        return ox.Variable(name), ox.NamedNode(PREFIXES[prefixed.group(1)] + prefixed.group(2))
    if value.startswith(("<", '"')):
        try:
            found = list(ox.parse(f"<urn:kg:s> <urn:kg:p> {value} .", format=ox.RdfFormat.N_TRIPLES))
        except SyntaxError as error:
            raise KgError("KG412", binding, "the value is not one IRI <...> or literal \"...\"") from error
        if len(found) != 1:
            raise KgError("KG412", binding, "the value must be one IRI or literal")
        return ox.Variable(name), found[0].object
    return ox.Variable(name), ox.Literal(value)


def _variables(query: str) -> list[str]:
    """The variables ``query`` names (``?x`` or ``$x``), in the order they first appear."""
    found = (token.group("skip") or "" for token in _QUERY_TOKEN.finditer(query))
    return list(dict.fromkeys(text[1:] for text in found if text.startswith(("?", "$"))))


def _check_bound(query: str, names: Iterable[str]) -> None:
    """Refuse (``KG412``) a ``--bind`` of a variable the query does not have, naming the closest ones."""
    have = _variables(query)
    for name in names:
        if name in have:
            continue
        close = get_close_matches(name, have, n=3, cutoff=0.6)
        listed = ", ".join(f"?{v}" for v in have[:8]) + ("..." if len(have) > 8 else "")
        hint = f"did you mean {' or '.join(f'?{v}' for v in close)}? " if close else ""
        raise KgError("KG412", "--bind", f"no variable ?{name} in the query; {hint}it has {listed or 'none'}")


def _place(query: str, line: int, column: int) -> str:
    """What the query holds at 1-based ``line`` and ``column``: its next word, or its end."""
    lines = query.splitlines()
    rest = " ".join([lines[line - 1][column - 1:], *lines[line:]]) if 0 < line <= len(lines) else ""
    word = rest.split(maxsplit=1)
    return f"`{word[0][:30]}`" if word else "the end of the query"


def _unknown_prefix(query: str) -> tuple[str, int, int] | None:
    """The first prefixed name whose prefix neither the query nor kg declares: ``(prefix, line, column)``.

    Read outside comments, strings and IRIs; ``line`` and ``column`` count from 1.
    """
    declared, after_keyword = set(PREFIXES), False
    for token in _QUERY_TOKEN.finditer(query):
        run = token.group("run")
        if not run:
            after_keyword = after_keyword and not token.group().strip()
            continue
        prefix, colon, _ = run.partition(":")
        if after_keyword and colon:
            declared.add(prefix)
        elif colon and prefix != "_" and prefix not in declared and _PREFIXED_NAME.fullmatch(run):
            line = query.count("\n", 0, token.start()) + 1
            return prefix, line, token.start() - (query.rfind("\n", 0, token.start()) + 1) + 1
        after_keyword = run.upper() == "PREFIX"
    return None


def _syntax_error(query: str, error: SyntaxError) -> KgError:
    """Oxigraph's parse error as one line: where, and what it expected there (not its grammar dump).

    An unknown prefix is named first, with the line and column where it is written:
    Oxigraph reports the furthest place its parser reached, which may lie past it.
    """
    unknown = _unknown_prefix(query)
    if unknown:
        prefix, line, column = unknown
        return KgError("KG411", "query", f"unknown prefix `{prefix}:` at line {line}, column {column}; "
                       f"declare it (PREFIX {prefix}: <...>) or use one of kg's: "
                       + " ".join(f"{p}:" for p in PREFIXES))
    at = _ERROR_AT.match(str(error))
    if at is None:
        return KgError("KG411", "query", f"not valid SPARQL: {_first_line(error)}")
    line, column = int(at.group(1)), int(at.group(2))
    words = _EXPECTED.findall(_CHAR_CLASS.sub("", at.group(3)).replace("Prefix not found", ""))
    wanted = f": expected {', '.join(words[:8])}{'...' if len(words) > 8 else ''}" if words else ""
    return KgError("KG411", "query", f"not valid SPARQL at line {line}, column {column}, at "
                   f"{_place(query, line, column)}{wanted}")


@dataclass(frozen=True, slots=True)
class QueryResult:
    """What a query returned: rows of a ``SELECT``, the answer of an ``ASK``, or triples.

    From :func:`run_query`, ``rows`` and ``triples`` are tuples; inside
    :func:`open_query` they are iterators that read the store as they are consumed
    (once).
    """

    variables: tuple[str, ...] = ()
    rows: Iterable[tuple[object, ...]] = ()
    boolean: bool | None = None
    triples: Iterable[object] = ()


def _failing_as(where: str, items: Iterable[Any]) -> Iterator[Any]:
    """``items``, with an error Oxigraph raises while it makes them turned into one coded line."""
    try:
        yield from items
    # Only Oxigraph's own evaluation runs in this frame, and whatever it raises (an unbound
    # SERVICE variable, an unsupported function, a store error) is the query's failure.
    except Exception as error:
        raise KgError("KG413", where, f"the query failed: {_first_line(error)}") from error


@contextmanager
def open_query(
    store: Path | str, query: str, bindings: Iterable[str] = (), *, allow_service: bool = False
) -> Iterator[QueryResult]:
    """Run a SPARQL query on the store at ``store`` (opened read-only); rows come as they are read.

    ``bindings`` are ``NAME=VALUE`` strings (see :func:`parse_binding`); in a ``SELECT``
    each bound variable must be among the selected ones. The export's prefixes
    (``kg:``, ``rdfs:``, ``prov:``...) are predeclared. A query with a ``SERVICE``
    clause is refused (``KG415``) unless ``allow_service``. An error while the rows are
    read is raised from the iteration, as ``KG413``.

    Examples
    --------
    >>> with open_query("no-such-store", "ASK {}") as result:
    ...     pass
    Traceback (most recent call last):
    ...
    kg.errors.KgError: KG404 no-such-store: no store here; create it with: kg load GRAPH.ttl --store DIR
    """
    if not allow_service and calls_service(query):
        raise KgError("KG415", "query", "calls a remote endpoint (SERVICE) and kg query stays offline; "
                      "pass --allow-service to let it send the query there")
    substitutions: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = dict(
        parse_binding(b) for b in bindings
    )
    _check_bound(query, (variable.value for variable in substitutions))
    db = _open(store, create=False)
    # Late, as everywhere here; _open has said how to install pyoxigraph if it is missing.
    from pyoxigraph import QueryBoolean, QuerySolutions

    where = os.fspath(store)
    try:
        result = db.query(query, prefixes=dict(PREFIXES), substitutions=substitutions or None)
    except SyntaxError as error:
        raise _syntax_error(query, error) from error
    except RuntimeError as error:
        if substitutions:  # Oxigraph refuses to bind a variable the SELECT does not return
            raise KgError("KG412", "--bind", f"{_first_line(error)}; select the bound variables (or SELECT *)"
                          ) from error
        raise KgError("KG413", where, f"the query failed: {_first_line(error)}") from error
    except OSError as error:
        raise KgError("KG413", where, f"the query failed: {_first_line(error)}") from error
    if isinstance(result, QueryBoolean):
        yield QueryResult(boolean=bool(result))
    elif isinstance(result, QuerySolutions):
        variables = tuple(v.value for v in result.variables)
        yield QueryResult(variables=variables, rows=_failing_as(where, map(tuple, result)))
    else:
        yield QueryResult(triples=_failing_as(where, result))


def run_query(
    store: Path | str, query: str, bindings: Iterable[str] = (), *, allow_service: bool = False
) -> QueryResult:
    """:func:`open_query`, with every row read into the result (for results that fit in memory)."""
    with open_query(store, query, bindings, allow_service=allow_service) as result:
        return QueryResult(result.variables, tuple(result.rows), result.boolean, tuple(result.triples))


def _short(term: object) -> str:
    if term is None:
        return ""
    value = getattr(term, "value", str(term))
    if type(term).__name__ == "NamedNode":
        namespace = _NAMESPACE.match(value)
        if namespace:
            local = value[namespace.end():]
            if _NAME.match(local.replace("-", "_") or "-"):
                return f"{_PREFIX_OF[namespace.group()]}:{local}"
        return f"<{value}>"
    return value


def _cell(term: object) -> dict[str, str] | None:
    if term is None:
        return None
    kind = type(term).__name__
    if kind == "NamedNode":
        return {"type": "uri", "value": term.value}  # type: ignore[attr-defined]
    if kind == "BlankNode":
        return {"type": "bnode", "value": term.value}  # type: ignore[attr-defined]
    cell = {"type": "literal", "value": term.value}  # type: ignore[attr-defined]
    if term.language:  # type: ignore[attr-defined]
        cell["xml:lang"] = term.language  # type: ignore[attr-defined]
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":  # type: ignore[attr-defined]
        cell["datatype"] = term.datatype.value  # type: ignore[attr-defined]
    return cell


def csv_cell(text: str) -> str:
    """``text`` as a CSV cell that a spreadsheet shows and never runs.

    A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
    taken for a formula by Excel, LibreOffice and Google Sheets (``=cmd|' /C calc'!A0``):
    it gets a leading ``'``, which they show as text. A plain number (``-5``, ``+1.5e3``)
    is left as it is: it is read as a number, never run.

    Examples
    --------
    >>> [csv_cell(t) for t in ["=1+1", "@SUM(A1)", "-2+3", "-5", "Anna Moreau"]]
    ["'=1+1", "'@SUM(A1)", "'-2+3", '-5', 'Anna Moreau']
    """
    if text.startswith(_FORMULA_START) and not _NUMBER.match(text):
        return "'" + text
    return text


def _write_table(variables: Sequence[str], rows: Iterable[Sequence[object]], out: TextIO) -> None:
    def cells(row: Sequence[object]) -> list[str]:
        # Article text may hold escape sequences: a terminal would run them, and a newline
        # would break the table, so every unprintable character is shown escaped.
        return [one_line(_short(term)) for term in row]

    rows = iter(rows)
    sample = [cells(row) for row in islice(rows, TABLE_SAMPLE)]
    widths = [max([len(v), *(len(r[i]) for r in sample)]) for i, v in enumerate(variables)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip() + "\n"

    out.write(line(variables))
    out.write(line(["-" * w for w in widths]))
    count = 0
    for values in chain(sample, map(cells, rows)):
        out.write(line(values))
        count += 1
    out.write(f"({count} row{'s' if count != 1 else ''})\n")


def _write_csv(variables: Sequence[str], rows: Iterable[Sequence[object]], out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(variables)
    for row in rows:
        writer.writerow([csv_cell("" if term is None else term.value) for term in row])  # type: ignore[attr-defined]


def _write_json(variables: Sequence[str], rows: Iterable[Sequence[object]], out: TextIO) -> None:
    out.write(f'{{"head": {json.dumps({"vars": list(variables)})}, "results": {{"bindings": [')
    separator = "\n"
    for row in rows:
        binding = {v: c for v, c in zip(variables, map(_cell, row), strict=True) if c is not None}
        out.write(separator + json.dumps(binding, ensure_ascii=False))
        separator = ",\n"
    out.write("\n]}}\n")


_WRITERS: dict[str, Callable[[Sequence[str], Iterable[Sequence[object]], TextIO], None]] = {
    "table": _write_table, "csv": _write_csv, "json": _write_json}


def write_result(result: QueryResult, fmt: str, out: TextIO) -> None:
    """Write a result to ``out`` row by row: an aligned ``table``, SPARQL 1.1 ``csv``, or
    SPARQL 1.1 results ``json``. Nothing is gathered but the first :data:`TABLE_SAMPLE`
    rows of a table (to size its columns).

    ``ASK`` gives ``true``/``false`` (JSON: ``{"head": {}, "boolean": ...}``);
    ``CONSTRUCT``/``DESCRIBE`` give N-Triples whatever the format. A table shows
    unprintable characters escaped (``\\x1b``, ``\\n``); CSV cells that a spreadsheet
    would run as a formula are quoted (:func:`csv_cell`); JSON carries the text as it is.

    Examples
    --------
    >>> import sys
    >>> write_result(QueryResult(variables=("n",), rows=((None,),)), "table", sys.stdout)
    n
    -
    <BLANKLINE>
    (1 row)
    """
    if fmt not in FORMATS:
        raise KgError("KG414", fmt, f"unknown output format; use one of {', '.join(FORMATS)}")
    if result.boolean is not None:
        if fmt == "json":
            out.write(json.dumps({"head": {}, "boolean": result.boolean}) + "\n")
        else:
            out.write(("true" if result.boolean else "false") + "\n")
        return
    if not result.variables:
        for t in result.triples:
            text = f"{t.subject} {t.predicate} {t.object} .\n"  # type: ignore[attr-defined]
            out.write(one_line(text[:-1]) + "\n" if fmt == "table" else text)
        return
    _WRITERS[fmt](result.variables, result.rows, out)


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """:func:`write_result` into a string (for results that fit in memory).

    Examples
    --------
    >>> format_result(QueryResult(boolean=True), "json")
    '{"head": {}, "boolean": true}\\n'
    """
    buffer = StringIO()
    write_result(result, fmt, buffer)
    return buffer.getvalue()
