"""An embedded SPARQL store: load exports into Oxigraph on disk and query them.

``kg load graph.ttl --store DIR`` and ``kg query --store DIR QUERY`` call
:func:`load` and :func:`run_query`. The same ``DIR`` can be served over HTTP with
``oxigraph serve-read-only --location DIR --bind 127.0.0.1:7878``.

Data goes into the default graph; the ``kg`` ontology goes into the named graph
``<https://w3id.org/newskg/ontology>`` so that class and property definitions can be
queried (``GRAPH kgo: { ... }``) without mixing them into the data.

Query parameters are never pasted into the query text: each ``NAME=VALUE`` is parsed
into one typed RDF term (an IRI or a literal, validated by Oxigraph) and handed to
Oxigraph, which substitutes it into the parsed query (SPARQL SEP-0007). A trailing
``VALUES`` clause is not used: it joins after aggregation, so it would silently leave
``COUNT`` queries unfiltered.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import KgError, shown
from kg.export.files import reading
from kg.export.rdf import PREFIXES

if TYPE_CHECKING:
    import pyoxigraph as ox

__all__ = [
    "FORMATS",
    "QueryResult",
    "format_result",
    "load",
    "parse_binding",
    "read_query",
    "run_query",
]

FORMATS = ("table", "csv", "json")
"""Output formats of :func:`format_result`."""

_RDF_FORMATS = {".ttl": "TURTLE", ".nt": "N_TRIPLES", ".jsonld": "JSON_LD", ".nq": "N_QUADS",
                ".trig": "TRIG", ".rdf": "RDF_XML", ".owl": "RDF_XML"}
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_PREFIXED = re.compile(r"([A-Za-z][A-Za-z0-9_-]*):([A-Za-z0-9_][A-Za-z0-9_.-]*)\Z")
ONTOLOGY_GRAPH = "https://w3id.org/newskg/ontology"


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


def load(source: Path, store: Path, *, replace: bool = False) -> int:
    """Load an RDF export (Turtle, N-Triples, JSON-LD...) into the store at ``store``.

    The load is one transaction: a file that does not parse leaves the store as it was.
    An export from a folder whose files do not match its ``manifest.json`` (an
    interrupted build) is refused (``KG304``). With ``replace`` the default graph is
    emptied first. Returns the number of triples in the default graph afterwards.
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
        db = _open(store, create=True)
        try:
            data = ox.Dataset()
            try:
                for quad in ox.parse(path=str(source), format=getattr(ox.RdfFormat, name)):
                    data.add(quad)
            except (SyntaxError, ValueError) as error:
                raise KgError("KG402", str(source), f"not valid {name}: {error}".splitlines()[0]) from error
            ontology = files("kg").joinpath("data/ontology.ttl").read_bytes()
            graph = ox.NamedNode(ONTOLOGY_GRAPH)
            if replace:
                db.clear()
            if db.contains_named_graph(graph):
                db.remove_graph(graph)
            db.extend(data)
            db.load(ontology, format=ox.RdfFormat.TURTLE, to_graph=graph)
            db.flush()
            return sum(1 for _ in db.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        finally:
            del db


def read_query(text_or_path: str) -> str:
    """The query text: ``text_or_path`` itself, or the contents of the ``.rq`` / ``.sparql`` file it names.

    Examples
    --------
    >>> read_query("ASK { ?s ?p ?o }")
    'ASK { ?s ?p ?o }'
    """
    one_line = "\n" not in text_or_path
    if text_or_path.endswith((".rq", ".sparql")) or (one_line and Path(text_or_path).is_file()):
        path = Path(text_or_path)
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise KgError("KG405", text_or_path, "cannot read the query file; give a .rq file or the query "
                          "text") from error
    return text_or_path


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


@dataclass(frozen=True, slots=True)
class QueryResult:
    """What a query returned: rows of a ``SELECT``, the answer of an ``ASK``, or triples."""

    variables: tuple[str, ...] = ()
    rows: tuple[tuple[object, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[object, ...] = ()


def run_query(store: Path, query: str, bindings: Iterable[str] = ()) -> QueryResult:
    """Run a SPARQL query on the store at ``store`` (opened read-only).

    ``bindings`` are ``NAME=VALUE`` strings (see :func:`parse_binding`); in a ``SELECT``
    each bound variable must be among the selected ones. The export's
    prefixes (``kg:``, ``rdfs:``, ``prov:``...) are predeclared.
    """
    ox = _oxigraph()
    substitutions = dict(parse_binding(b) for b in bindings)
    db = _open(store, create=False)
    try:
        try:
            result = db.query(query, prefixes=dict(PREFIXES), substitutions=substitutions or None)
        except RuntimeError as error:  # Oxigraph refuses to bind a variable the SELECT does not return
            raise KgError("KG412", "--bind", f"{error}; select the bound variables (or SELECT *)"
                          .splitlines()[0]) from error
        if isinstance(result, ox.QueryBoolean):
            return QueryResult(boolean=bool(result))
        if isinstance(result, ox.QuerySolutions):
            variables = tuple(v.value for v in result.variables)
            rows = tuple(tuple(solution[v] for v in variables) for solution in result)
            return QueryResult(variables=variables, rows=rows)
        return QueryResult(triples=tuple(result))
    except SyntaxError as error:
        raise KgError("KG411", "query", f"not valid SPARQL: {error}".splitlines()[0]) from error
    except OSError as error:
        raise KgError("KG413", str(store), f"the query failed: {error}".splitlines()[0]) from error
    finally:
        del db


def _short(term: object) -> str:
    if term is None:
        return ""
    value = getattr(term, "value", str(term))
    if type(term).__name__ == "NamedNode":
        for prefix, namespace in sorted(PREFIXES.items(), key=lambda x: -len(x[1])):
            local = value[len(namespace):]
            if value.startswith(namespace) and _NAME.match(local.replace("-", "_") or "-"):
                return f"{prefix}:{local}"
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


def _table(variables: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max([len(v), *(len(r[i]) for r in rows)]) for i, v in enumerate(variables)]
    line = "  ".join("-" * w for w in widths)
    out = ["  ".join(v.ljust(w) for v, w in zip(variables, widths, strict=True)).rstrip(), line]
    out.extend("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows)
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render a result: an aligned ``table``, SPARQL 1.1 ``csv``, or SPARQL 1.1 results ``json``.

    ``ASK`` gives ``true``/``false`` (JSON: ``{"head": {}, "boolean": ...}``);
    ``CONSTRUCT``/``DESCRIBE`` give N-Triples whatever the format.

    Examples
    --------
    >>> print(format_result(QueryResult(variables=("n",), rows=((None,),)), "table"), end="")
    n
    -
    <BLANKLINE>
    (1 row)
    """
    if fmt not in FORMATS:
        raise KgError("KG414", fmt, f"unknown output format; use one of {', '.join(FORMATS)}")
    if result.boolean is not None:
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
        return ("true" if result.boolean else "false") + "\n"
    if result.triples:
        return "".join(f"{t.subject} {t.predicate} {t.object} .\n" for t in result.triples)  # type: ignore[attr-defined]
    if fmt == "json":
        bindings = [{v: c for v, c in zip(result.variables, map(_cell, row), strict=True) if c is not None}
                    for row in result.rows]
        return json.dumps({"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}},
                          ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(result.variables)
        writer.writerows([("" if t is None else t.value) for t in row] for row in result.rows)  # type: ignore[attr-defined]
        return buffer.getvalue()
    return _table(result.variables, [[_short(t) for t in row] for row in result.rows])

