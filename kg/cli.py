"""The ``kg`` command. It only parses arguments into :class:`~kg.settings.Settings` and
calls the library; every expected failure is one line on standard error.

Codes
-----
``KG010``  the command line itself is wrong (a missing ``--out``, an unknown option,
           a value of the wrong type): the message says which and shows the usage
``KG105``  no file of the input folder could be used (each is named in a line above):
           nothing is written, so the previous exports are not replaced by an empty graph
``KG106``  the ``--report`` file cannot be written (checked before the parse)

Exit codes: 0 done, 1 an error (one coded line), 3 some input files were skipped,
130 interrupted, 141 the reader of the output went away (``kg query ... | head``).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from kg.errors import KgError, one_line, problem_line, shown
from kg.settings import Engine, Settings

if TYPE_CHECKING:
    from kg.store import HeldBuild
    from kg.types import Mention, Problem

__all__ = ["main"]

EXIT_OK, EXIT_ERROR, EXIT_SKIPPED, EXIT_BROKEN_PIPE = 0, 1, 3, 141
CACHE_DIR = ".kg-cache"
"""The cache's folder inside the output folder, unless ``--cache`` names another."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose mistakes are one coded line, like every other error.

    argparse's own ``error`` prints a multi-line usage block and exits with 2; the
    README promises one line and exit code 1 for every error. Sub-command parsers
    are made from the same class, so ``kg build`` errors come here too.
    """

    def error(self, message: str) -> NoReturn:
        usage = " ".join(self.format_usage().split())
        raise KgError("KG010", self.prog, f"{message}; {usage} (see {self.prog} --help)")


def _positive(text: str) -> int:
    """An integer of 1 or more, for argparse (its error becomes a ``KG010`` line)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def _port(text: str) -> int:
    """A TCP port number, for argparse."""
    value = _positive(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"a port is at most 65535, not {value}")
    return value


def _path(text: str) -> Path:
    """A path, for argparse: an empty one would mean the current folder, which nobody types on purpose."""
    if not text:
        raise argparse.ArgumentTypeError("an empty path; give one (. is the current folder)")
    return Path(text)


class _Version(argparse.Action):
    """``--version``: the installed version, looked up only when asked for (it reads the package metadata)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="print kg's version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> NoReturn:
        from importlib import metadata

        try:
            found = metadata.version("kg")
        except metadata.PackageNotFoundError:
            found = "(not installed: run pip install -e . in the checkout)"
        print(f"kg {found}")
        parser.exit()


def _fields(text: str) -> tuple[tuple[str, str], ...]:
    """The renamed record fields of ``--fields text=body,...``, for argparse (a bad one: ``KG010``)."""
    from kg.sources.reading import parse_fields

    try:
        return parse_fields(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


_CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
_EXPORT_WORKERS = min(2, _CORES)
"""Processes that write the exports by default: the HTML page takes as long as the others
together, so more than two gain little."""


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="kg", description="Knowledge graphs from news articles.")
    parser.add_argument("--version", action=_Version)
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build the graph of a folder of articles")
    build.add_argument("input", type=_path, metavar="INPUT_DIR",
                       help="folder of articles: .txt, .html, .jsonl, .json and .csv files, subfolders "
                            "too (optionally with metadata.csv)")
    build.add_argument("--out", type=_path, required=True, metavar="OUTPUT_DIR",
                       help="output folder for graph.ttl, graph.html...")
    build.add_argument("--workers", type=int, default=1, help="processes for parsing (default 1)")
    build.add_argument("--export-workers", type=_positive, default=_EXPORT_WORKERS, metavar="N",
                       help="processes that write the exports at once (default: 2, or 1 on a machine with "
                            "one core; only on Linux)")
    build.add_argument("--engine", choices=[engine.value for engine in Engine], default=Engine.LOCAL.value)
    build.add_argument("--scheduler", help="Dask scheduler address, with --engine dask")
    limit = Settings().max_bytes
    build.add_argument("--max-bytes", type=_positive, default=limit, metavar="N",
                       help=f"refuse larger input files, unread (default {limit:,})")
    build.add_argument("--follow-links", action="store_true",
                       help="read articles that links in INPUT_DIR lead to outside it (refused by default)")
    build.add_argument("--quiet", action="store_true",
                       help="no progress bar or summary; problems with input files are still printed")
    build.add_argument("--report", type=_path, metavar="FILE.tsv",
                       help="write the mentions left unresolved (article, offsets, text, sentence) as TSV")
    build.add_argument("--fields", type=_fields, default=(), metavar="FIELD=NAME,...",
                       help="what .jsonl, .json and .csv files call an article's fields, where not "
                            "text, id, published, title, url: e.g. text=body,published=date")
    build.add_argument("--data-dir", type=_path, metavar="DIR",
                       help="a folder of data files (titles.tsv, countries.tsv, event_triggers.tsv...) that "
                            "replace kg's own; each file it lacks is read from kg's own")
    cache = build.add_mutually_exclusive_group()
    cache.add_argument("--cache", type=_path, metavar="DIR",
                       help="folder that keeps each article's facts, so that a rebuild parses only new "
                            f"or changed articles (default: OUTPUT_DIR/{CACHE_DIR})")
    cache.add_argument("--no-cache", action="store_true", help="parse every article; read and write no cache")
    load = commands.add_parser("load", help="load an export into an Oxigraph store on disk")
    load.add_argument("graph", type=_path, help="an export: graph.ttl, graph.nt or graph.jsonld")
    load.add_argument("--store", type=_path, required=True, help="store folder (created if missing)")
    how = load.add_mutually_exclusive_group()
    how.add_argument("--append", action="store_true",
                     help="add to the store's graph, with one warning per node given a second value of a "
                          "single-valued property (an event's status, date or place...)")
    how.add_argument("--replace", action="store_true",
                     help="replace the store's graph with the export's (the default; kept for old scripts)")
    query = commands.add_parser("query", help="run a SPARQL query on a store made by kg load")
    query.add_argument("query", nargs="?", help="the query text, or a .rq file")
    query.add_argument("--builds", action="store_true",
                       help="instead of a query, print the build ids of the exports loaded into the store")
    query.add_argument("--store", type=_path, required=True, help="store folder made by kg load")
    query.add_argument("--format", choices=["table", "csv", "json"], default="table")
    query.add_argument("--bind", action="append", default=[], metavar="NAME=VALUE",
                       help="set ?NAME to an RDF term: <iri>, kg:Term, \"literal\"^^<type>, or plain text")
    query.add_argument("--allow-service", action="store_true",
                       help="let a SERVICE clause send the query over the network (refused by default)")
    serve = commands.add_parser("serve", help="serve a store on 127.0.0.1: SPARQL, and the graph's page")
    serve.add_argument("--store", type=_path, required=True, help="store folder made by kg load")
    serve.add_argument("--port", type=_port, default=7878, help="port of the SPARQL server (default 7878)")
    serve.add_argument("--page-port", type=_port, metavar="PORT",
                       help="port of the page, graph.html of the export last loaded (default: --port + 1)")
    return parser


def _problem_lines(problems: Sequence[Problem]) -> list[str]:
    """One line per problem, whatever its file is called (a name may hold a newline)."""
    return [f"  {problem_line(p.code, p.path, p.message)}" for p in problems]


def _summary(G, out_dir: Path) -> str:
    report = G.graph["report"]
    kinds = Counter(data["kind"] for _, data in G.nodes(data=True))
    cached = "" if report.cached is None else f" ({report.parsed} parsed, {report.cached} from cache)"
    lines = [
        f"kg build: {report.articles} articles{cached}, {report.words} words in {report.seconds:.1f}s"
        f" -> {shown(out_dir)}",
        "  nodes: " + (", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items())) or "none"),
        f"  edges: {G.number_of_edges()}; mentions left unresolved: {len(report.unresolved)}",
    ]
    if report.problems:
        lines.append(f"  warnings: {len(report.problems)} ({report.skipped} files skipped)")
        lines.extend(_problem_lines(report.problems))
    else:
        lines.append("  warnings: none")
    return "\n".join(lines)


UNRESOLVED_COLUMNS = ("article", "start", "end", "mention", "kind", "role", "sentence")
"""The header of ``kg build --report``: one row per mention that joined no node."""


def _check_report(path: Path) -> None:
    """Refuse, before the parse, a report path that cannot be written (``KG106``)."""
    if path.is_dir():
        raise KgError("KG106", str(path), "is a folder; give the report a file name, such as unresolved.tsv")
    if not path.parent.is_dir():
        raise KgError("KG106", str(path), f"its folder {shown(path.parent)} does not exist; create it first")


def _write_unresolved(path: Path, mentions: Sequence[Mention]) -> None:
    """The mentions as TSV, by article and offset; a tab or line break in a cell is written escaped."""
    rows = sorted({(m.doc_id, m.start, m.end, m.text, m.kind.value, m.label.value, m.sentence.text)
                   for m in mentions})
    try:
        with path.open("w", encoding="utf-8", newline="\n") as out:
            out.write("\t".join(UNRESOLVED_COLUMNS) + "\n")
            for row in rows:
                out.write("\t".join(one_line(str(cell)) for cell in row) + "\n")
    except OSError as error:
        raise KgError("KG106", str(path), f"the report cannot be written ({error.strerror}); the exports "
                      "were written") from error


def _build(args: argparse.Namespace) -> int:
    from kg.engines import check_engine
    from kg.export import EXPORT_NAMES, export_files, export_groups
    from kg.export.files import check_output, write_all
    from kg.flow import build, seldom_collected

    # Before the parse, which can take minutes: a folder that cannot take the exports, or
    # a scheduler address Dask would try for a minute, fails now.
    check_output(args.out, EXPORT_NAMES)
    if args.report:
        _check_report(args.report)
    settings = Settings(workers=args.workers, progress=not args.quiet, engine=Engine(args.engine),
                        scheduler=args.scheduler, max_bytes=args.max_bytes, follow_links=args.follow_links,
                        data_dir=args.data_dir, fields=args.fields)
    check_engine(settings)
    G = build(args.input, settings, cache=None if args.no_cache else args.cache or args.out / CACHE_DIR)
    report = G.graph["report"]
    if not report.articles:
        # An empty graph would silently replace a good one: that is a failed run.
        print("\n".join(_problem_lines(report.problems)), file=sys.stderr)
        raise KgError("KG105", str(args.input), f"none of its {report.skipped} article files could be used "
                      f"(each is named above); fix them; nothing was written to {args.out}")
    # Each export is made in pieces as its file is written: none is ever held whole. The
    # graph is the large long-lived heap the build's collector settings are there for.
    with seldom_collected():
        write_all(args.out, export_files(G), export_groups(args.export_workers))
    if args.report:
        _write_unresolved(args.report, report.unresolved)
    if not args.quiet:
        print(_summary(G, args.out), file=sys.stderr)
    elif report.problems:
        # Quiet drops the progress bar and the summary, never what a person must act on.
        print("\n".join(_problem_lines(report.problems)), file=sys.stderr)
    return EXIT_SKIPPED if report.skipped else EXIT_OK


def _builds_line(builds: Sequence[HeldBuild]) -> str:
    """What a store holds, said in one line: its build ids (an export without a manifest has none)."""
    named = [held.build or f"({shown(held.source)}, no manifest.json)" for held in builds]
    if not named:
        return "no build recorded (loaded by an older kg)"
    return f"build{'s' if len(named) > 1 else ''} {', '.join(named)}"


def _load(args: argparse.Namespace) -> int:
    from kg.store import load

    loaded = load(args.graph, args.store, append=args.append)
    for contradiction in loaded.contradictions:
        print(f"kg load: warning: {problem_line('KG420', str(args.graph), str(contradiction))}; both are "
              "kept (load without --append to replace the store's graph)", file=sys.stderr)
    print(f"kg load: {shown(args.graph)} -> {shown(args.store)} ({loaded.triples} triples in the default "
          f"graph); store now holds {_builds_line(loaded.builds)}", file=sys.stderr)
    return EXIT_OK


def _query(args: argparse.Namespace) -> int:
    from kg.store import held_builds, open_query, read_query, write_result

    if args.builds:
        print(f"{shown(args.store)} holds {_builds_line(held_builds(args.store))}")
        return EXIT_OK
    if args.query is None:
        raise KgError("KG010", "kg query", "give the query text or a .rq file (or --builds)")
    query = read_query(args.query)
    with open_query(args.store, query, args.bind, allow_service=args.allow_service) as result:
        # Row by row as Oxigraph gives them: a result of millions of rows is never held.
        write_result(result, args.format, sys.stdout)
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from kg.serve import serve
    from kg.store import held_builds

    held = held_builds(args.store)
    page = held[-1].source.parent if held and (held[-1].source.parent / "graph.html").is_file() else None
    if page is None:
        print(f"kg serve: no graph.html beside the export last loaded into {shown(args.store)}; serving "
              "SPARQL only", file=sys.stderr)
    page_port = args.page_port or (args.port + 1 if args.port < 65535 else args.port - 1)
    return serve(args.store, args.port, page, page_port, sys.stdout)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 error, 3 some input skipped)."""
    try:
        args = _parser().parse_args(argv)
        if args.command == "build":
            return _build(args)
        if args.command == "load":
            return _load(args)
        if args.command == "query":
            return _query(args)
        if args.command == "serve":
            return _serve(args)
    except KgError as error:
        print(f"kg: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("kg: interrupted; previous exports are unchanged", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``kg query ... | head``): stop quietly, as other Unix tools
        # do, and keep Python from reporting the pipe again when it flushes at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    return EXIT_ERROR


def run() -> NoReturn:
    """The ``kg`` command: :func:`main`, then the process ends at once with its code.

    A build leaves a large graph in memory, and freeing it object by object as Python
    shuts down took a second at 10,000 articles, for nothing. By then everything is
    written: the exports and the cache are on disk (flushed and synced), standard output
    and error are flushed here, and no helper process is left.
    """
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        code = EXIT_BROKEN_PIPE
    os._exit(code)


if __name__ == "__main__":
    run()
