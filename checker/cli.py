"""The command line: parse arguments, call the pipeline, render, exit 0/1/2. No logic lives here."""

from __future__ import annotations

import argparse
import io
import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from checker import __version__
from checker.errors import UserError
from checker.executor import Broken, bitext_paths, check_all, guarded

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
_BILINGUAL_FORMATS = frozenset({".xlf", ".xliff", ".sdlxliff", ".tmx", ".po", ".pot"})


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one paragraph, exit 2 (argparse's default, kept explicit)
        self.print_usage(sys.stderr)
        raise SystemExit(_fail(f"{message}. Run 'claimcheck {self.prog.split()[-1]} --help' for the options."
                               if " " in self.prog else message))


def _fail(message: str) -> int:
    print(f"claimcheck: error: {message}", file=sys.stderr)
    return EXIT_ERROR


def _iso_date(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"--date expects a date as YYYY-MM-DD, got {text!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="claimcheck", description="Numbers and dates that do not add up in "
                     "bilingual Chinese/English news.")
    parser.add_argument("--version", action="version", version=f"claimcheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    ex = sub.add_parser("extract", help="list every numeric and temporal claim")
    ex.add_argument("paths", nargs="*", metavar="PATH", help="files, directories, or - for stdin")
    ex.add_argument("--source", metavar="FILE", help="the original text")
    ex.add_argument("--target", metavar="FILE", help="its translation")
    ex.add_argument("--aligned", action="store_true",
                    help="line i of TARGET translates line i of SOURCE (for check; extract lists both)")
    ex.add_argument("--format", choices=("jsonl", "json", "text"), default=None,
                    help="output format (default: text on a terminal, jsonl otherwise)")
    ex.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD",
                    help="publication date, when the document does not state one")
    ex.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")

    ck = sub.add_parser("check", help="report numbers and dates that drifted in translation")
    ck.add_argument("paths", nargs="*", metavar="PATH", help="files, directories, or - for stdin")
    ck.add_argument("--source", metavar="FILE", help="the original text")
    ck.add_argument("--target", metavar="FILE", help="its translation")
    ck.add_argument("--aligned", action="store_true", help="line i of TARGET translates line i of SOURCE")
    ck.add_argument("--format", choices=("text", "concise", "json", "sarif", "github", "junit", "html"), default=None,
                    help="output format (default: text on a terminal, concise otherwise)")
    ck.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    ck.add_argument("--fail-on", choices=("error", "warning", "info", "never"), default=None,
                    help="exit 1 when a finding is at least this severe (default: error, or the configuration's)")
    ck.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    ck.add_argument("--min-severity", choices=("error", "warning", "info"), default=None,
                    help="show only findings at or above this severity (default: info, all); what fails "
                         "is still --fail-on's")
    ck.add_argument("--statistics", action="store_true",
                    help="print how many findings each rule gave instead of the findings (json with --format json)")
    ck.add_argument("--stdin-filename", metavar="NAME", help="the name to report for text read from stdin")
    ck.add_argument("--select", metavar="RULES",
                    help="only these rules: codes, names, prefixes or categories, comma-separated")
    ck.add_argument("--ignore", metavar="RULES",
                    help="not these rules: codes, names, prefixes or categories, comma-separated")
    ck.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD",
                    help="publication date, when the document does not state one (with --ledger, "
                         "an undated draft is otherwise read as of today, and stderr says so)")
    ck.add_argument("--ledger", metavar="DB",
                    help="also check the documents against this archive of published claims (claimcheck index)")
    ck.add_argument("--config", metavar="FILE", help="the configuration file to use (.claimcheck.toml or pyproject.toml)")
    ck.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    ck.add_argument("--baseline", metavar="FILE", help="report only findings that are not in this baseline")
    ck.add_argument("--write-baseline", metavar="FILE", help="record the current findings as the baseline")
    ck.add_argument("--jobs", type=int, metavar="N", help="check documents in N processes (default 1)")
    _article_options(ck)

    ru = sub.add_parser("rules", help="list the rules, or explain one")
    ru.add_argument("rule", nargs="?", metavar="RULE", help="a code (CC101) or a name (value-mismatch)")
    ru.add_argument("--format", choices=["text", "json"], default="text",
                    help="text (default), or json: every rule's code, name, category, severity, "
                         "message, doc, parameters and examples")

    ix = sub.add_parser("index", help="add documents' claims to an archive (the ledger)")
    ix.add_argument("paths", nargs="*", metavar="PATH", help="files, directories, or - for stdin")
    ix.add_argument("--ledger", required=True, metavar="DB", help="the ledger: an SQLite file, or a postgresql:// URL (created if new)")
    ix.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD",
                    help="publication date, when a document does not state one")
    ix.add_argument("--jobs", type=int, metavar="N", help="read documents in N processes (default 1)")
    ix.add_argument("--stdin-filename", metavar="NAME",
                    help="the name under which text read from stdin is filed (required with -)")
    _article_options(ix)
    ix.add_argument("--executor", choices=("local", "dask"), default="local",
                    help="where documents are read: local (this process, or --jobs N processes; the "
                         "default) or dask (tasks of a Dask cluster, written here by one writer)")
    ix.add_argument("--scheduler", metavar="ADDRESS",
                    help="with --executor dask: the scheduler of a running cluster (tcp://HOST:8786); "
                         "default: a local cluster of one worker process per core")

    cl = sub.add_parser("claims", help="what the ledger says, by subject")
    cl.add_argument("--ledger", required=True, metavar="DB", help="the ledger (an SQLite file or a postgresql:// URL)")
    cl.add_argument("--subject", metavar="TEXT",
                    help="only this subject, in either language and any phrasing the glossary knows")
    cl.add_argument("--format", choices=("text", "json", "csv", "html"), default=None,
                    help="output format (default: text on a terminal, json otherwise); the claims are "
                         "grouped into series (a measure, a running total or a stock, in time order)")
    cl.add_argument("--output", "-o", metavar="FILE", help="write the report here instead of stdout")

    sj = sub.add_parser("subjects", help="the archive's subject keys, with counts")
    sj.add_argument("pattern", nargs="?", metavar="PATTERN",
                    help="only keys or subjects that contain this text (any case)")
    sj.add_argument("--ledger", required=True, metavar="DB", help="the ledger (an SQLite file or a postgresql:// URL)")
    sj.add_argument("--format", choices=("text", "json"), default=None,
                    help="output format (default: text on a terminal, json otherwise)")
    return parser


def _article_options(parser) -> None:
    parser.add_argument("--articles", metavar="FILE",
                        help="an export of articles, one record each, instead of PATHs: JSON lines (.jsonl, "
                             ".ndjson), CSV (.csv) or Parquet (.parquet); .jsonl.gz and .csv.gz too")
    parser.add_argument("--id-column", default="id", metavar="NAME",
                        help="with --articles: the record's id, its name in the ledger and in findings (default id)")
    parser.add_argument("--date-column", default="date", metavar="NAME",
                        help="with --articles: its publication date, YYYY-MM-DD or an ISO date-time (default "
                             "date; --date when a record has none)")
    parser.add_argument("--lang-column", default="lang", metavar="NAME",
                        help="with --articles: its language, zh or en (default lang; without one each "
                             "paragraph is sorted by its script)")
    parser.add_argument("--title-column", default="title", metavar="NAME",
                        help="with --articles: its title, read as the first paragraph (default title)")
    parser.add_argument("--text-column", default="text", metavar="NAME",
                        help="with --articles: its text (default text); a record with TEXT_zh and TEXT_en "
                             "(and TITLE_zh, TITLE_en) is an article and its translation")


def main(argv: list[str] | None = None) -> int:
    """Run one command; SIGTERM and SIGHUP end it as Ctrl-C does, through every ``finally``
    (no temporary output is left behind), with status 128 + the signal's number."""
    import signal
    import threading

    if argv is None:                    # run as the program: the process is its own
        from checker.extract import units
        units.pint_without_dask()
    if threading.current_thread() is not threading.main_thread():
        return _main(argv)
    previous = {sig: signal.signal(sig, _terminate) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        return _main(argv)
    except _Terminated as e:
        return 128 + e.signum
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


class _Terminated(BaseException):
    """SIGTERM or SIGHUP, raised where the program is, so that cleanup runs as for Ctrl-C."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _terminate(signum, frame) -> None:
    raise _Terminated(signum)


def _main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # --help, --version, or a usage error already reported
        return int(e.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        _outputs_writable(args)
        if args.command == "extract":
            return _extract(args)
        if args.command == "check":
            return _check(args)
        if args.command == "rules":
            return _rules(args)
        if args.command == "index":
            return _index(args)
        if args.command == "claims":
            return _claims(args)
        if args.command == "subjects":
            return _subjects(args)
        return _fail(f"unknown command {args.command!r}.")
    except UserError as e:
        return _fail(str(e))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader went away (| head): not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as e:  # a bug: say so in one paragraph; CLAIMCHECK_DEBUG=1 shows the traceback
        if os.environ.get("CLAIMCHECK_DEBUG"):
            raise
        return _fail(f"internal error ({type(e).__name__}: {e}). This is a bug in claimcheck; "
                     "run again with CLAIMCHECK_DEBUG=1 for the traceback and report it.")


def _documents(args, on_error=None):
    from checker.io import read_paths

    if (args.source is None) != (args.target is None):
        raise UserError("--source and --target go together: give both files, or neither.")
    paths = list(args.paths)
    if args.source:
        paths += [args.source, args.target]
    units = [p for p in paths if os.path.splitext(p)[1].lower() in _BILINGUAL_FORMATS]
    if units:
        raise UserError(f"{units[0]} is an XLIFF, TMX or PO file: these are read as source/target units by "
                        "'claimcheck check', which this version does not have yet. Extract reads plain "
                        "text, Markdown and HTML.")
    if not paths:
        if sys.stdin.isatty():
            raise UserError("no input: give one or more files or directories, or - to read stdin.")
    inputs = _Inputs.of(list(args.paths) or ([] if args.source else ["-"]), args.source, args.target)
    args.source, args.target = inputs.source, inputs.target      # an empty side: no pair to read
    paths = inputs.paths + ([inputs.source, inputs.target] if inputs.source else [])
    return read_paths(paths, stdin=inputs.stdin, on_error=on_error) if paths else [], inputs


def _extract(args) -> int:
    from checker.extract import extract_document
    from checker.report import claims as render

    _files_not_directories(args)
    skipped: list[str] = []
    docs, inputs = _documents(args, on_error=_skipper(skipped))
    if skipped and not (docs or inputs.blank):      # nothing could be read: no report at all
        return _skipped_status(skipped, "extracted", False)
    paired: dict[str, list] = {}
    if args.source:
        # a source and its translation are one document (or, --aligned, one per line): their
        # claims are those `check` compares, placed in one time
        from checker.engine import bitext_claims
        from checker.io.bilingual import read_bitexts

        for b in read_bitexts([], args.source, args.target, aligned=getattr(args, "aligned", False)):
            paired.setdefault(args.source, [])
            paired.setdefault(args.target, [])
            sides = guarded(lambda b: bitext_claims(b, args.date, {}), b, bitext_paths(b))
            if isinstance(sides, Broken):
                paired[args.source] = paired[args.target] = sides
                continue
            for side in sides:
                for claims in side:
                    for c in claims:
                        paired.setdefault(c.path, []).append(c)
    broken: list[Broken] = []

    def claims_by_doc():
        """Each document with its claims, extracted as the report asks for them and let go once
        written: memory holds one document's claims, not the whole run's."""
        for d in docs:
            claims = (paired[d.path] if d.path in paired
                      else guarded(lambda d: extract_document(d, as_of=args.date), d, [d.path]))
            if isinstance(claims, Broken):             # that document's error: the others go on
                if claims not in broken:
                    _say_broken(claims, "extracted")
                    broken.append(claims)
                continue
            yield d, (sorted(claims, key=lambda c: c.start) if d.path in paired else claims)

    fmt = args.format or ("text" if (args.output is None and sys.stdout.isatty()) else "jsonl")
    files = len(docs) + len(inputs.blank)
    if fmt == "text":
        from rich.console import Console

        terminal = args.output is None and sys.stdout.isatty()
        with _report(None if terminal else args.output) as out:
            # on a terminal rich draws (and colours) as it goes; otherwise each table is as wide
            # as it needs to be, written as it is drawn, as UTF-8
            console = _terminal() if terminal else Console(file=out, width=240, color_system=None)
            total = 0
            for doc, claims in claims_by_doc():
                console.print(render.to_table(claims, doc.path, console.width))
                total += len(claims)
            console.print(f"{total} claims in {files} file{'s' if files != 1 else ''}")
        return _skipped_status(skipped, "extracted", broken=len(broken))
    all_claims = (c for _, claims in claims_by_doc() for c in claims)
    _emit(args.output, render.jsonl_chunks(all_claims) if fmt == "jsonl" else render.json_chunks(all_claims, files))
    return _skipped_status(skipped, "extracted", broken=len(broken))


def _check(args) -> int:
    from dataclasses import replace
    from pathlib import Path

    from checker.config import load_config
    from checker.engine import compare
    from checker.engine.catalogue import SEVERITIES, catalogue
    from checker.engine.select import check_specs
    from checker.io.bilingual import read_bitexts
    from checker.report import findings as render

    catalogue()                        # validated before any work: a broken rules file is exit 2
    # a selector that names no rule would quietly check nothing (or everything): refused before
    # any work, in the words the configuration file gets
    # (an empty --select '' names no rule, as select = [""] in a configuration file does: not all of them)
    select = check_specs(_words(args.select) or ([args.select] if args.select is not None else []), "--select")
    ignore = check_specs(_words(args.ignore) or ([args.ignore] if args.ignore is not None else []), "--ignore")
    _files_not_directories(args)
    if args.statistics and args.format not in (None, "text", "concise", "json"):
        raise UserError(f"--statistics prints a table of counts (text or concise) or JSON, not {args.format}: "
                        "leave out --format, or give --format json.")
    if args.ledger:
        _existing_ledger(args.ledger)
    if (args.source is None) != (args.target is None):
        raise UserError("--source and --target go together: give both files, or neither.")
    if args.aligned and args.source is None:
        raise UserError("--aligned needs --source and --target: it says that line i of the target "
                        "translates line i of the source.")
    if args.articles and (args.paths or args.source):
        raise UserError("give PATHs (or --source and --target) or --articles FILE, not both: an export is checked alone.")
    reader = _article_reader(args)
    paths = list(args.paths)
    if not paths and args.source is None and reader is None:
        if sys.stdin.isatty():
            raise UserError("no input: give one or more files or directories, or - to read stdin.")
        paths = ["-"]
    first = args.articles or args.source or (args.stdin_filename if paths[0] == "-" and args.stdin_filename else paths[0])
    start = Path(first) if first != "-" else Path.cwd()
    config = load_config(start if start.exists() else Path.cwd(), Path(args.config) if args.config else None,
                         isolated=args.isolated)
    # the command line chooses over the configuration; both ignore lists count
    config = replace(config, select=select or config.select, ignore=config.ignore + ignore)
    compare.set_tolerances(config.tolerances)
    fail_on = args.fail_on or config.fail_on or "error"

    skipped: list[str] = []
    if reader is not None:
        inputs = _Inputs([], None, None, None, [])
        bitexts: list = []
    else:
        inputs = _Inputs.of(paths, args.source, args.target, args.stdin_filename)
        bitexts = (read_bitexts(inputs.paths, source=inputs.source, target=inputs.target,
                                aligned=args.aligned and inputs.source is not None, stdin=inputs.stdin,
                                on_error=_skipper(skipped))
                   if inputs.paths or inputs.source else [])
        if skipped and not (bitexts or inputs.blank):   # nothing could be read: no report at all
            return _skipped_status(skipped, "checked", False)
        _say_unpaired(bitexts, inputs.paths)
        if args.stdin_filename:
            bitexts = [_renamed(b, args.stdin_filename) for b in bitexts]
    fmt = args.format or ("text" if (args.output is None and sys.stdout.isatty()) else "concise")
    # on a terminal, each file's findings are shown as soon as it is checked; the archive, a
    # baseline or --statistics need the whole run first
    stream = (fmt == "text" and args.output is None and sys.stdout.isatty() and not args.statistics
              and not (args.ledger or args.baseline or args.write_baseline))
    console = _terminal() if stream else None
    findings, claims, texts, reports, broken = [], 0, {}, [], []
    failing: list = []                 # --fail-on judges every finding, --min-severity only hides
    hidden: dict[str, int] = {}
    if reader is not None:
        work = _article_checks(reader, args.jobs or 1, console)
    else:
        work = zip(bitexts, _progress(check_all(bitexts, args.date, args.jobs or 1), len(bitexts), "checking",
                                      console))
    every: set[str] = set()            # the files read, and those checked (not broken)
    checked: set[str] = set()
    for bitext, result in work:
        paths_of = bitext_paths(bitext)
        every.update(paths_of)
        if isinstance(result, Broken):
            _say_broken(result, "checked")
            broken.append(bitext)
            continue
        checked.update(paths_of)
        if args.ledger and args.date is None and _undated(result):
            result = _dated_today(bitext, result)
        mine = {seg.path: seg.doc_text for seg in bitext.source + bitext.target if seg.verbatim}
        if reader is not None:
            # an export of millions of articles: the report keeps what it shows, not every text (a
            # text for its findings' snippets and suppression comments; the results for the
            # archive's rules and the HTML report only)
            mine = {p: t for p, t in mine.items() if "claimcheck" in t.lower() or any(f.path == p for f in result.findings)}
            if not args.ledger and fmt != "html":
                result = replace(result, files=(), pairs=(), agreeing=())
        reports.append((bitext, result) if reader is None or args.ledger or fmt == "html" else (None, result))
        claims += result.claims
        texts.update(mine)
        if stream:
            settled = _settle(result.findings, mine, config)
            failing += settled
            shown = _shown(settled, args.min_severity, hidden)
            render.render_findings(console, shown, mine)
            findings += shown
        else:
            findings += result.findings
    if not stream:
        if args.ledger:
            with _articles_home(args.ledger if reader is not None else None) as ledger_path:
                findings += _corpus(ledger_path or args.ledger, [r for _, r in reports])
        findings = _settle(findings, texts, config)
        if args.write_baseline:
            from checker.engine.baseline import write_baseline

            write_baseline(findings, Path(args.write_baseline))
            print(f"claimcheck: wrote {len(findings)} findings to the baseline {args.write_baseline}", file=sys.stderr)
        if args.baseline:
            from checker.engine.baseline import apply_baseline

            findings, stale = apply_baseline(findings, Path(args.baseline), every)
            if stale:
                print(f"claimcheck: {len(stale)} baseline entries no longer match a finding (fixed?): "
                      + "; ".join(f"{e['path']} {e['rule']} {e['message']}" for e in stale[:5])
                      + (" …" if len(stale) > 5 else ""), file=sys.stderr)
        failing = findings
        findings = _shown(findings, args.min_severity, hidden)
    files = len(checked) + len(inputs.blank)
    if stream:
        render.render_summary(console, findings, files, claims, hidden)
    elif args.statistics:
        _emit(args.output, render.statistics_chunks(findings, hidden, files, fmt))
    elif fmt == "text":
        from rich.console import Console

        terminal = args.output is None and sys.stdout.isatty()
        with _report(None if terminal else args.output) as out:
            console = _terminal() if terminal else Console(file=out, width=160, color_system=None)
            render.render_text(console, findings, texts, files, claims, hidden)
    else:
        chunks = {"json": lambda: render.json_chunks(findings, files, claims),
                  "concise": lambda: render.concise_chunks(findings, hidden, files),
                  "github": lambda: render.github_chunks(findings), "sarif": lambda: _sarif(findings),
                  "junit": lambda: _junit(findings, checked, fail_on),
                  "html": lambda: _html(reports, findings, files, claims, hidden)}[fmt]()
        _emit(args.output, chunks)
    if reader is not None and reader.bad:
        print(f"claimcheck: error: {reader.bad} record(s) of {args.articles} could not be read and were not "
              "checked (see above); the rest was.", file=sys.stderr)
        _skipped_status(skipped, "checked", broken=len(broken))
        return EXIT_ERROR
    if skipped or broken:              # the report is whole, but not every file was checked
        return _skipped_status(skipped, "checked", broken=len(broken))
    if fail_on == "never" or args.exit_zero or (args.write_baseline and not args.baseline):
        return EXIT_OK                 # (findings written to a new baseline are accepted, not failures)
    floor = SEVERITIES.index(fail_on)
    return EXIT_FINDINGS if any(f.rank >= floor for f in failing) else EXIT_OK


def _settle(findings: list, texts: dict, config) -> list:
    """Findings as the report gives them: suppression comments applied (before the
    configuration, or a comment for a rule the configuration drops would look unused), then the
    configuration, in file order."""
    from checker.config import apply_config
    from checker.engine.suppress import suppress

    findings, unused = suppress(findings, texts)
    findings = apply_config(config, findings + unused)
    findings.sort(key=lambda f: (f.path, f.line, f.column, f.rule.code))
    return findings


def _shown(findings: list, min_severity: str | None, hidden: dict[str, int]) -> list:
    """The findings at or above --min-severity; those below are counted in ``hidden``."""
    if not min_severity:
        return findings
    from checker.engine.catalogue import SEVERITIES

    floor = SEVERITIES.index(min_severity)
    for f in findings:
        if f.rank < floor:
            hidden[f.severity] = hidden.get(f.severity, 0) + 1
    return [f for f in findings if f.rank >= floor]


_FILE_OPTIONS = {                     # options that name one file, and what it holds
    "source": "the original text", "target": "its translation", "config": "a configuration file",
    "baseline": "a baseline written by --write-baseline", "write_baseline": "the baseline to write",
    "output": "the report to write",
}


def _files_not_directories(args) -> None:
    """Refuse, before any work, a directory given where one file is expected: read as a file it
    would be checked as its first member (or, as --source, once more beside the target)."""
    for name, holds in _FILE_OPTIONS.items():
        value = getattr(args, name, None)
        if value and value != "-" and os.path.isdir(value):
            flag = "--" + name.replace("_", "-")
            advice = (f"To check every file of a folder, give the folder as a PATH (claimcheck "
                      f"{args.command} {value}): its name.zh.EXT and name.en.EXT files are paired."
                      if name in ("source", "target") else f"Name a file, for example {os.path.join(value, 'FILE')}.")
            raise UserError(f"{flag} {value} is a directory, but {flag} takes one file ({holds}). {advice}")


@dataclass
class _Inputs:
    """The inputs named on the command line that hold text, and those that hold none."""
    paths: list[str]
    source: str | None
    target: str | None
    stdin: io.BytesIO | None           # standard input's bytes, when "-" was read to look at them
    blank: list[str]                   # empty documents: named in a notice, left out

    @classmethod
    def of(cls, paths, source, target, stdin_name: str | None = None) -> "_Inputs":
        """Leave out each named file (or stdin) that holds no text, 0 bytes or only white space,
        with an info notice naming it: an empty document has nothing to check, which is not an
        error (as with ruff and Vale); the other inputs are read as usual. Files inside a
        directory are not looked at here: the readers skip the empty ones."""
        from checker.io.read import STDIN_PATH, blank_data, blank_file, read_stdin

        kept: list[str] = []
        blank: list[str] = []
        read: dict[str, io.BytesIO | bool] = {}

        def empty(path: str) -> bool:
            if path != "-":
                return blank_file(path)
            if "stdin" not in read:              # read once, however often it is named
                data = read_stdin()
                read["stdin"], read["blank"] = io.BytesIO(data), blank_data(data)
            return bool(read["blank"])

        for path in paths:
            if empty(path):
                blank.append((stdin_name or STDIN_PATH) if path == "-" else path)
            else:
                kept.append(path)
        alone = {}
        if source is not None and target is not None:
            sides = {p: empty(p) for p in (source, target)}
            if any(sides.values()):              # no translation to compare: the other side alone
                rest = [p for p, e in sides.items() if not e]
                for p in (p for p, e in sides.items() if e):
                    name = (stdin_name or STDIN_PATH) if p == "-" else p
                    blank.append(name)
                    if rest:
                        other = (stdin_name or STDIN_PATH) if rest[0] == "-" else rest[0]
                        alone[name] = f"; {other} is read alone (no translation to compare it with)"
                kept += [p for p in rest if p not in kept]
                source = target = None
        stdin = read.get("stdin")
        blank = list(dict.fromkeys(blank))
        for path in blank:
            print(f"claimcheck: info: {path}: empty document (no text), nothing to check{alone.get(path, '')}.",
                  file=sys.stderr)
        return cls(kept, source, target, stdin, blank)    # type: ignore[arg-type]


def _skipper(skipped: list[str]):
    """What a reader calls with a bad file of a folder: it is named on stderr and skipped."""
    def skip(e: UserError) -> None:
        skipped.append(str(e))
        print(f"claimcheck: skipped: {e}", file=sys.stderr)
    return skip


def _skipped_status(skipped: list[str], done: str, rest: bool = True, broken: int = 0) -> int:
    """Exit 2 when files could not be read, or documents met an internal error (each named
    above), else 0; ``rest``: whether anything else was read."""
    if not skipped and not broken:
        return EXIT_OK
    if skipped:
        print(f"claimcheck: error: {len(skipped)} file(s) could not be read and were not {done} (see above)"
              + ("; the rest was." if rest else "; there was nothing else to do."), file=sys.stderr)
    if broken:
        print(f"claimcheck: error: {broken} document(s) met an internal error and were not {done} (see "
              "above); the rest was.", file=sys.stderr)
    return EXIT_ERROR


def _say_unpaired(bitexts, named) -> None:
    """A language-tagged file named on the command line that found no partner: say on stderr
    that only the self-consistency rules ran, so that a hook checking one changed file of a pair
    does not pass in silence."""
    from checker.io.bilingual import language_tag, partner_of

    named = {p for p in named if p != "-"}
    for b in bitexts:
        if b.source and b.target:
            continue
        paths = {seg.path for seg in b.source + b.target}
        if not paths & named:
            continue
        path = min(paths)
        tagged = language_tag(os.path.basename(path))
        if tagged is None:
            continue          # a draft in one language, checked against itself and the archive
        name, lang, ext = tagged
        other = "en" if lang == "zh" else "zh"
        partner = partner_of((os.path.dirname(path), name, ext), other)
        why = (f"its partner {partner} {_unusable(partner)}" if partner else
               f"no {name}.{other}{ext} (or {name}.{other}-*{ext}) beside it")
        print(f"claimcheck: {path}: {why}: only the self-consistency rules ran; give the pair with "
              "--source and --target to check the translation.", file=sys.stderr)


def _unusable(path: str) -> str:
    """Why a partner file gave no text: it is blank (a stub not yet translated) or unreadable."""
    from checker.io.read import blank_data

    try:
        with open(path, "rb") as f:
            blank = blank_data(f.read(1 << 20), path)
    except OSError:
        return "could not be read"
    return "holds no text yet" if blank else "could not be read"


def _say_broken(broken: Broken, done: str) -> None:
    """One paragraph on stderr naming the document; its traceback too with CLAIMCHECK_DEBUG=1."""
    if os.environ.get("CLAIMCHECK_DEBUG"):
        sys.stderr.write(broken.trace)
    print(f"claimcheck: error: {', '.join(broken.paths)}: internal error ({broken.error}); it was not "
          f"{done}, the other files were. This is a bug in claimcheck; run again with CLAIMCHECK_DEBUG=1 "
          "for the traceback and report it.", file=sys.stderr)




def _progress(results, total: int, what: str, console=None):
    """The results as they come, with a progress bar on stderr (documents done, time spent and
    left) when stderr is a terminal and there is more than one document; otherwise nothing is
    drawn, so logs and pipes get no control characters. ``console``: the terminal the report is
    printed on as it comes, which then also carries the bar (above it, the findings)."""
    if total < 2 or not sys.stderr.isatty() or (console is not None and os.environ.get("NO_COLOR")):
        yield from results              # (a bar under the report would put control codes in it)
        return
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    console = console or Console(stderr=True, color_system=None if os.environ.get("NO_COLOR") else "auto")
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("left"), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(what, total=total)
        for result in results:
            yield result
            bar.advance(task)


def _undated(result) -> list[str]:
    """The files of a checked bitext that state figures but no date at all (as ``index`` warns)."""
    return [path for path, _, claims in result.files if claims and not any(c.as_of for c in claims)]


def _dated_today(bitext, result):
    """An undated draft checked against the archive (check --ledger, no --date) is read as of
    today, and stderr says so in one line: a draft is about to be published, and without a day
    no corpus rule could compare it in time. --date overrides the choice."""
    from datetime import date

    from checker.engine import check_bitext

    today = date.today().isoformat()
    print(f"claimcheck: note: {', '.join(_undated(result))} states no date; checked against the archive "
          f"as of today, {today} (give --date YYYY-MM-DD to choose the day)", file=sys.stderr)
    return check_bitext(bitext, as_of=today)


def _existing_ledger(path: str) -> None:
    """Fail before any work when the ledger cannot be read (missing, a folder, not a ledger)."""
    from checker.ledger import Ledger

    Ledger(path, readonly=True).close()


def _corpus(ledger_path: str, results) -> list:
    from checker.engine.corpus import check_results
    from checker.ledger import Ledger

    with Ledger(ledger_path, readonly=True) as ledger:
        return check_results(ledger, results)


def _index(args) -> int:
    from collections import Counter

    from checker.executor import BATCH, batched, index_batch, map_batches, restore_texts
    from checker.ledger import Ledger, file_results

    if args.articles and args.paths:
        raise UserError("give PATHs or --articles FILE, not both: an export is indexed alone.")
    if not args.articles and not args.paths:
        raise UserError("no input: give files or directories to index, or --articles FILE (an export of articles).")
    if args.scheduler and args.executor != "dask":
        raise UserError("--scheduler is the address of a Dask cluster: give --executor dask with it.")
    if args.executor == "dask" and (args.jobs or 1) > 1:
        raise UserError("--jobs is for --executor local; with --executor dask the cluster's workers share the work.")
    if "-" in args.paths and not args.stdin_filename:
        raise UserError("index -: give --stdin-filename NAME, the name the text is filed under "
                        "(indexing it again under that name replaces it).")
    skipped: list[str] = []
    reader = _article_reader(args)
    if reader is not None:
        bitexts: list = []
        inputs = _Inputs([], None, None, None, [])
    else:
        from checker.io.bilingual import read_bitexts

        inputs = _Inputs.of(args.paths, None, None, args.stdin_filename)
        bitexts = read_bitexts(inputs.paths, stdin=inputs.stdin, on_error=_skipper(skipped)) if inputs.paths else []
        if skipped and not (bitexts or inputs.blank):   # nothing could be read: the ledger is not touched
            return _skipped_status(skipped, "indexed", False)
        if args.stdin_filename:
            bitexts = [_renamed(b, args.stdin_filename) for b in bitexts]
    client = cluster = None
    if args.executor == "dask":       # before the ledger is touched: no Dask, or no scheduler, is exit 2
        from checker.executor import dask_client

        client, cluster = dask_client(args.scheduler)
    outcome: Counter = Counter()
    undated: list[str] = []
    broken = 0
    try:
        with Ledger(args.ledger) as ledger:
            if reader is not None:
                from checker.io.articles import bitext_of

                batches, read_to = _measured(batched(((bitext_of(a), a.as_of) for a in reader), BATCH), reader)
                work = map_batches(index_batch, batches, jobs=args.jobs or 1, client=client)
                done = _batch_progress(work, "indexing", "articles", reader.size, read_to)
            elif client is not None:
                work = map_batches(index_batch, batched(((b, args.date) for b in bitexts), BATCH), client=client)
                done = _batch_progress(work, "indexing", "documents", len(bitexts))
            else:                          # files: forked workers inherit the bitexts; filed a batch a transaction
                checked = zip(bitexts, check_all(bitexts, args.date, args.jobs or 1))
                done = _batch_progress(((batch, [(r, None) for _, r in batch]) for batch in batched(
                    (((b, args.date), r) for b, r in checked), BATCH)), "indexing", "documents", len(bitexts))
            for batch, results in done:
                filed = []
                for item, (result, made_of) in zip(batch, results):
                    bitext, as_of = item[0] if reader is None and client is None else item
                    if isinstance(result, Broken):       # not filed: what the archive held stays
                        _say_broken(result, "indexed")
                        broken += 1
                        continue
                    result = restore_texts(bitext, result)
                    filed.append((result, as_of, made_of))
                    undated += _undated(result)
                with _articles_home(args.ledger if reader is not None else None):
                    outcome.update(file_results(ledger, filed))
            stats = ledger.stats()
    finally:
        if client is not None:
            from checker.executor import close_dask

            close_dask(client, cluster)
    print(f"claimcheck: {outcome['added']} added, {outcome['replaced']} replaced, {outcome['unchanged']} unchanged; "
          f"the ledger holds {stats['documents']} documents and {stats['claims']} claims", file=sys.stderr)
    if undated:
        shown = ", ".join(undated[:5]) + (f" and {len(undated) - 5} more" if len(undated) > 5 else "")
        print(f"claimcheck: warning: {len(undated)} document(s) state no date and their figures are never "
              f"compared in time: {shown}. Index them with --date YYYY-MM-DD"
              + (" (or give each record a date)." if reader is not None else "."), file=sys.stderr)
    if reader is not None and reader.bad:
        print(f"claimcheck: error: {reader.bad} record(s) of {args.articles} could not be read and were not "
              "indexed (see above); the rest was.", file=sys.stderr)
        _skipped_status(skipped, "indexed", broken=broken)
        return EXIT_ERROR
    return _skipped_status(skipped, "indexed", broken=broken)


def _article_checks(reader, jobs: int, console=None):
    """(bitext, CheckResult or Broken) of each article of the export, in order, checked in
    batches (in ``jobs`` processes when more than one) as the export is read."""
    from checker.executor import BATCH, batched, check_batch, map_batches, restore_texts
    from checker.io.articles import bitext_of

    batches, read_to = _measured(batched(((bitext_of(a), a.as_of) for a in reader), BATCH), reader)
    work = map_batches(check_batch, batches, jobs=jobs)
    for batch, results in _batch_progress(work, "checking", "articles", reader.size, read_to, console):
        for (bitext, _), result in zip(batch, results):
            yield bitext, (result if isinstance(result, Broken) else restore_texts(bitext, result))


def _measured(batches, reader):
    """The batches, and a function giving how far the export had been read when a batch was
    made: the progress of a batch done, in the bar's unit (the reader runs ahead of the work by
    the batches in flight, so its position now would say the run is further on than it is)."""
    at: dict[int, int] = {}

    def made():
        for batch in batches:
            at[id(batch)] = reader.done()
            yield batch
    return made(), lambda batch: at.pop(id(batch), 0)


def _article_reader(args):
    """The export of --articles, opened (exit 2 before any work when it cannot be read); None
    without --articles, when a column option is refused (it would be ignored in silence)."""
    if not args.articles:
        for name, default in (("id", "id"), ("date", "date"), ("lang", "lang"), ("title", "title"), ("text", "text")):
            if getattr(args, f"{name}_column") != default:
                raise UserError(f"--{name}-column names a column of an export of articles: give --articles FILE with it.")
        return None
    from checker.io.articles import ArticleColumns, open_articles

    columns = ArticleColumns(id=args.id_column, date=args.date_column, lang=args.lang_column,
                             title=args.title_column, text=args.text_column)
    return open_articles(args.articles, columns, args.date)


@contextmanager
def _articles_home(ledger: str | None):
    """Around the ledger's work on articles: the working directory is the ledger's folder.
    The ledger knows a document by its file's real path relative to its folder; an article's
    name is its record id (ID, or ID#zh and ID#en), not a file, so that the ledger files it
    under that id whatever directory claimcheck runs in, and shows archived articles by their
    ids, the id is read as a name in the ledger's folder. Gives the ledger's path as it is to be
    opened there (None: as given)."""
    if ledger is None or "://" in ledger:
        yield None
        return
    from pathlib import Path

    here = os.getcwd()
    absolute = str(Path(ledger).resolve())
    os.chdir(Path(absolute).parent)
    try:
        yield absolute
    finally:
        os.chdir(here)


def _batch_progress(batches, what: str, unit: str, total: int, measure=None, console=None):
    """The batches ((batch, results) each) as they come, with a progress bar on stderr when it
    is a terminal: how many ``unit`` are done, how many a second, and the time left, measured
    by ``measure(batch)`` against ``total`` (bytes of an export read, or documents); as
    :func:`_progress`, nothing is drawn in a pipe or a log."""
    import time

    count = 0
    if not sys.stderr.isatty() or (console is not None and os.environ.get("NO_COLOR")):
        yield from batches
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    console = console or Console(stderr=True, color_system=None if os.environ.get("NO_COLOR") else "auto")
    columns = (TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[done]} " + unit),
               TextColumn("{task.fields[rate]}/s"), TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn())
    started = time.monotonic()
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(what, total=max(total, 1), done=0, rate="–")
        for batch, results in batches:
            yield batch, results
            count += len(batch)
            rate = count / max(time.monotonic() - started, 1e-6)
            bar.update(task, completed=measure(batch) if measure else count, done=f"{count:,}", rate=f"{rate:,.0f}")


def _claims(args) -> int:
    from checker.ledger import Ledger
    from checker.ledger.keys import subject_key
    from checker.ledger.store import claim_of
    from checker.report import archive

    if args.subject is not None and not args.subject.strip():
        raise UserError("--subject: give the subject to show (维和警察, \"peacekeeping police\"), or leave "
                        "the option out to show every claim.")
    _files_not_directories(args)
    with Ledger(args.ledger, readonly=True) as ledger:
        rows = ledger.claims_for(args.subject)
        key = subject_key(args.subject, ledger.learnt_subjects()) if args.subject else None
        if args.subject and not rows:
            known = ledger.subjects()
    if args.subject and not rows:
        # an unknown subject is a question with no answer (exit 1), with the nearest ones named
        print(f"claimcheck: the archive has no claim about {args.subject!r}.{archive.did_you_mean(args.subject, known)} "
              f"'claimcheck subjects --ledger {args.ledger}' lists what it has.", file=sys.stderr)
        return EXIT_FINDINGS
    terminal = args.output is None and sys.stdout.isatty()
    fmt = args.format or ("text" if terminal else "json")
    if fmt == "json":
        claims = [{**claim_of(r).to_json(), "key": r["subject_key"], "document_as_of": r["document_as_of"]}
                  for r in rows]
        _emit(args.output, archive.json_chunks(args.subject, key, rows, claims))
    elif fmt == "csv":
        _emit(args.output, archive.csv_chunks(rows))
    elif fmt == "html":
        _emit(args.output, archive.html_chunks(args.subject, key, rows))
    else:
        from rich.console import Console

        with _report(None if terminal else args.output) as out:
            console = _terminal() if terminal else Console(file=out, width=120, color_system=None)
            archive.render_text(console, args.subject, key, rows)
    return EXIT_OK


def _subjects(args) -> int:
    from checker.ledger import Ledger
    from checker.report import archive

    with Ledger(args.ledger, readonly=True) as ledger:
        subjects = ledger.subjects()
    if args.pattern:
        want = args.pattern.lower()
        every = subjects
        subjects = [s for s in subjects if want in s["key"].lower() or any(want in w.lower() for w in s["subjects"])]
        if not subjects:               # as for claims --subject: a question with no answer
            print(f"claimcheck: no subject of the archive holds {args.pattern!r}."
                  f"{archive.did_you_mean(args.pattern, every)}", file=sys.stderr)
            return EXIT_FINDINGS
    fmt = args.format or ("text" if sys.stdout.isatty() else "json")
    if fmt == "json":
        import json

        _stdout(json.dumps({"version": 1, "pattern": args.pattern, "subjects": subjects}, ensure_ascii=False,
                           indent=2) + "\n")
    else:
        from rich.console import Console

        terminal = sys.stdout.isatty()
        with _report(None) as out:
            console = _terminal() if terminal else Console(file=out, width=120, color_system=None)
            archive.subjects_text(console, subjects)
    return EXIT_OK


def _words(text: str | None) -> list[str]:
    return [w.strip() for w in (text or "").split(",") if w.strip()]


def _renamed(bitext, name: str):
    """Text read from stdin reported under --stdin-filename."""
    from dataclasses import replace

    from checker.io.read import STDIN_PATH

    def seg(s):
        return replace(s, path=name) if s.path == STDIN_PATH else s
    return replace(bitext, source=tuple(map(seg, bitext.source)), target=tuple(map(seg, bitext.target)))


def _terminal():
    """The console of a report drawn on a terminal: no control codes at all under NO_COLOR
    (https://no-color.org), as in a pipe."""
    from rich.console import Console

    return Console(color_system=None) if os.environ.get("NO_COLOR") else Console()


def _sarif(findings):
    from checker import __version__
    from checker.engine.select import known_rules
    from checker.report.sarif import sarif_chunks

    return sarif_chunks(findings, known_rules(), __version__)


def _html(reports, findings, files: int, claims: int, hidden):
    from checker.report.html import html_chunks

    return html_chunks(reports, findings, files, claims, hidden)


def _junit(findings, paths, fail_on: str):
    from checker.report.junit import junit_chunks

    return junit_chunks(findings, sorted(paths), fail_on)


def _rules(args) -> int:
    from checker.engine.catalogue import explain
    from checker.engine.select import known_rules, suggestion

    rules = {r.code: r for r in known_rules()}          # unused-suppression (CC001) too
    by_name = {r.name: r for r in rules.values()}
    chosen = list(rules.values())
    if args.rule is not None:
        rule = rules.get(args.rule.upper()) or by_name.get(args.rule)
        if rule is None:
            guess = suggestion(args.rule)
            hint = f"did you mean {guess!r}? " if guess and (guess in rules or guess in by_name) else ""
            raise UserError(f"no rule {args.rule!r}; {hint}'claimcheck rules' lists them ({', '.join(sorted(rules))}).")
        chosen = [rule]
    if args.format == "json":
        import json

        _stdout(json.dumps({"version": 1, "rules": [_rule_json(r) for r in chosen]}, ensure_ascii=False,
                           indent=2) + "\n")
    elif args.rule is None:
        _stdout("".join(f"{r.code}  {r.name:<20} {r.category:<12} {r.severity:<8} {r.doc}\n" for r in chosen))
    else:
        _stdout(explain(chosen[0]))
    return EXIT_OK


def _rule_json(r) -> dict:
    from checker.engine.catalogue import generic_help

    return {"code": r.code, "name": r.name, "category": r.category, "severity": r.severity,
            "message": r.message, "help": generic_help(r), "doc": r.doc, "parameters": dict(r.parameters or {}),
            "reported": r.bad, "accepted": r.good}


def _stdout(text: str) -> None:
    from checker.io.write import write_chunks

    write_chunks(None, (text,))


def _emit(path: str | None, chunks) -> None:
    """A report, written as it is rendered, into ``path`` (see checker.io.write) or stdout."""
    from checker.io.write import write_chunks

    write_chunks(path, chunks)


def _outputs_writable(args) -> None:
    """A report or baseline that could not be written is refused before the run, not after it."""
    from checker.io.write import check_output

    check_output(getattr(args, "output", None))
    check_output(getattr(args, "write_baseline", None), "the baseline")


def _report(path: str | None):
    """The text stream a report is written into: ``path`` (see checker.io.write) or stdout."""
    from checker.io.write import output_stream

    return output_stream(path)
