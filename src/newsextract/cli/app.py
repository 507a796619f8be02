"""The ``newsextract`` command: a thin adapter over the library.

It checks arguments, calls ``extract_many``, renders records, and turns the
library's typed errors into one ``Error: ...`` line on stderr and an exit code:
0 all inputs processed, 1 some input failed, 2 usage error, 130 Ctrl-C,
143 SIGTERM.
"""
from __future__ import annotations

from ..engines import signals as _signals

_signals.install_early()  # before the imports below: a Ctrl-C at start-up exits quietly

import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Annotated, Optional  # noqa: E402

import typer  # noqa: E402

from .. import __version__  # noqa: E402
from .render import Format  # noqa: E402

app = typer.Typer(
    name="newsextract",
    help="People, places, dates and commitments from English news articles.",
    add_completion=True,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

FORMAT_NAMES = [f.value for f in Format]


def _complete_format(incomplete: str) -> list[str]:
    return [name for name in FORMAT_NAMES if name.startswith(incomplete.lower())]


def _format(value: str | None, output: Path | None) -> Format:
    """``--format`` by name (any case), else the default for where the output goes."""
    if value is None:
        return Format.table if _stdout_is_terminal(output) else Format.jsonl
    try:
        return Format(value.strip().lower())
    except ValueError:
        raise _usage(f"--format: {value!r} is not a format; choose one of "
                     + ", ".join(FORMAT_NAMES)) from None

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsextract {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
                                                    help="Print the version and exit.")] = None,
) -> None:
    """People, places, dates and commitments from English news articles."""


def _err(message: str) -> None:
    """One line on stderr; escape sequences from a file name or an article never reach the terminal."""
    from .render import safe

    try:
        sys.stderr.write(safe(message) + "\n")
        sys.stderr.flush()
    except (BrokenPipeError, OSError):
        pass


def _usage(message: str) -> typer.Exit:
    _err(f"Error: {message}")
    return typer.Exit(EXIT_USAGE)


@app.command()
def parse(
    inputs: Annotated[list[str], typer.Argument(
        help="Files (.txt, .md, .jsonl, .html), folders (read recursively) or - for standard input.",
        show_default=False)] = None,
    format: Annotated[Optional[str], typer.Option(
        "--format", "-f", metavar="FORMAT", show_default=False, autocompletion=_complete_format,
        help="Output format: table, jsonl, json, csv (one row per fact) or html (one page); "
             "default: table on a terminal, jsonl otherwise.")] = None,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help="Write records to FILE instead of standard output.", dir_okay=False)] = None,
    published: Annotated[Optional[str], typer.Option(
        help="Publication date, YYYY-MM-DD (or an ISO date-time), for inputs that carry none "
             "(the JSONL field, page metadata and a dateline in the text come first); "
             "the anchor for relative dates.")] = None,
    model: Annotated[Optional[str], typer.Option(
        help="An installed spaCy English pipeline (name or local path) to use instead of the default.")] = None,
    patterns: Annotated[Optional[Path], typer.Option(
        help="A JSONL file of extra entity rules in spaCy's pattern format.",
        exists=False, dir_okay=False)] = None,
    jobs: Annotated[int, typer.Option(
        help="Worker processes; 0 means one per core. Output order is unchanged.", min=0)] = 1,
    include_text: Annotated[bool, typer.Option(
        "--include-text", help="Add the article text (that offsets refer to) to each record.")] = False,
    scheduler: Annotated[Optional[str], typer.Option(
        help="Run on a Dask cluster: tcp://HOST:8786, or local / local:N to start N local worker "
             "processes. Needs: pip install 'newsextract[dask]'.", show_default=False)] = None,
    max_bytes: Annotated[int, typer.Option(
        "--max-bytes", min=1,
        help="The largest input read, in bytes: a file, standard input, or one JSON Lines line; "
             "a bigger one is a too_large error record.")] = 50_000_000,
    min_confidence: Annotated[Optional[float], typer.Option(
        help="Leave out people, places and organizations whose confidence is below this "
             "(0-1); default: the shipped threshold per kind, chosen for precision.",
        min=0.0, max=1.0, show_default=False)] = None,
    keep_all: Annotated[bool, typer.Option(
        "--all", help="Keep every person, place and organization, whatever its confidence.")] = False,
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v", help="Print every warning of every article, also the routine note that an "
                                "undated article's relative dates were left unresolved (by default "
                                "summed up in one line; each record's warnings always hold it).")] = False,
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
                                                    help="Print the version and exit.")] = None,
) -> None:
    """Extract people, places, organizations, dates and commitments from articles."""
    if not inputs:
        raise _usage("no input given; name files, folders, or - for standard input")
    if published is not None:
        published = _iso_published(published)
    if patterns is not None and not patterns.is_file():
        raise _usage(f"--patterns: no such file: {patterns}")
    if patterns is not None:
        _check_patterns(patterns)
    if inputs.count("-") > 1:
        raise _usage("standard input (-) can be given only once")
    if scheduler is not None:
        _check_scheduler(scheduler, jobs)
    if keep_all and min_confidence is not None:
        raise _usage("give --all or --min-confidence, not both")
    _check_streams(inputs, output)
    fmt = _format(format, output)
    code = run(inputs, fmt=fmt, output=output, published=published, model=model,
               patterns=str(patterns) if patterns else None, jobs=jobs,
               include_text=include_text or fmt is Format.html,  # the page shows the text
               scheduler=scheduler, max_bytes=max_bytes,
               min_confidence=0.0 if keep_all else min_confidence, verbose=verbose)
    raise typer.Exit(code)


def _check_streams(inputs: list[str], output: Path | None) -> None:
    """Closed standard streams and an ``-o`` that is also an input are usage errors."""
    if "-" in inputs and _closed(sys.stdin):
        raise _usage("standard input is closed; give files or folders, or pipe the articles in")
    if output is None and _closed(sys.stdout):
        raise _usage("standard output is closed; use -o FILE")
    if output is not None:
        from .output_file import OutputError, check_not_an_input

        try:
            check_not_an_input(output, inputs)
        except OutputError as exc:
            raise _usage(str(exc)) from None


def _closed(stream) -> bool:
    """Python sets a standard stream to None when its descriptor was closed at start."""
    if stream is None:
        return True
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):  # not backed by a descriptor (a test's stream)
        return False
    try:
        os.fstat(fd)
    except OSError:
        return True
    return False


def _iso_published(value: str) -> str:
    """``--published`` as given, if it is an ISO date (or date-time); else a usage error.
    Nothing else is guessed: 05/03/2025 is March 5th in one country and May 3rd in another."""
    from ..io.dateutil import iso_published

    normalized = iso_published(value)
    if normalized is None:
        raise _usage(f"--published: {value!r} is not a date of the form YYYY-MM-DD "
                     "(e.g. 2026-01-05; a date-time such as 2026-01-05T14:30 also works)")
    return normalized


def _check_patterns(patterns: Path) -> None:
    """A pattern file that cannot be used is a usage error before any input is read,
    with --jobs and --scheduler too (their workers would each fail on it)."""
    from ..errors import PatternFileError
    from ..lexicon.pattern_file import read_patterns

    try:
        read_patterns(patterns)
    except PatternFileError as exc:
        raise _usage(str(exc)) from None


def _check_scheduler(scheduler: str, jobs: int) -> None:
    if jobs != 1:
        raise _usage("--jobs and --scheduler cannot be combined (the cluster's workers are the jobs)")
    try:
        import distributed  # noqa: F401

        from ..engines.dask import parse_scheduler
    except ImportError:
        raise _usage("--scheduler needs Dask; install it with: pip install 'newsextract[dask]'") from None
    try:
        parse_scheduler(scheduler)
    except ValueError as exc:
        raise _usage(str(exc)) from None


def _stdout_is_terminal(output: Path | None) -> bool:
    if output is not None:
        return False
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _articles(items, inputs: list[str], *, output: Path | None, model: str | None, patterns: str | None,
              jobs: int, include_text: bool, scheduler: str | None, output_at_end: bool = False,
              min_confidence: float | None = None):
    """The records, from this machine (``--jobs``) or a Dask cluster, with a progress bar when wanted;
    people, places and organizations below ``min_confidence`` (None: the default threshold) left out."""
    from . import progress

    if scheduler is not None:
        from ..engines.dask import extract_on_cluster
        from ..facts.confidence import keep_confident

        stream = (keep_confident(a, min_confidence) for a in
                  extract_on_cluster(items, scheduler=scheduler, model=model, patterns=patterns,
                                     include_text=include_text))
    else:
        from ..api import extract_many

        nlp = None
        if jobs == 1:
            from ..nlp.pipeline import shared_for_run

            nlp = shared_for_run(model, patterns=patterns)
        stream = extract_many(items, nlp=nlp, model=model, patterns=patterns, jobs=jobs,
                              include_text=include_text, min_confidence=min_confidence)
    # a bar between table rows would garble them; output written only at the end leaves it room
    if progress.wanted(inputs, stdout_is_terminal=_stdout_is_terminal(output) and not output_at_end):
        stream = progress.track(stream, inputs)
    return stream


class _Warnings:
    """An article's warnings on stderr, one line each; the routine note that an undated article's
    relative dates stayed null is summed up in one line at the end unless ``verbose``."""

    def __init__(self, verbose: bool) -> None:
        self.verbose = verbose
        self.articles = self.dates = 0

    def warn(self, warnings: list[str]) -> None:
        from ..process import unresolved_dates

        for warning in warnings:
            count = 0 if self.verbose else unresolved_dates(warning)
            if count:
                self.articles += 1
                self.dates += count
            else:
                _err(f"warning: {warning}")

    def sum_up(self) -> None:
        if self.articles:
            many = "s" if self.articles > 1 else ""
            _err(f"note: {self.articles} article{many} without a publication date: {self.dates} relative "
                 f"date{'s' if self.dates > 1 else ''} left unresolved (value null); give --published "
                 "YYYY-MM-DD or a 'published' field (--verbose lists them)")
            self.articles = self.dates = 0


def run(inputs: list[str], *, fmt: Format, output: Path | None, published: str | None,
        model: str | None, patterns: str | None, jobs: int, include_text: bool,
        scheduler: str | None = None, max_bytes: int | None = None,
        min_confidence: float | None = None, verbose: bool = False) -> int:
    from ..io.inputs import iter_inputs
    from .output_file import exclude

    failures = 0
    notes = _Warnings(verbose)

    def records():
        nonlocal failures
        from ..io.inputs import MAX_BYTES

        items = iter_inputs(inputs, published=published, exclude=exclude(output),
                            max_bytes=max_bytes or MAX_BYTES)
        for article in _articles(items, inputs, output=output, model=model, patterns=patterns, jobs=jobs,
                                 include_text=include_text, scheduler=scheduler, min_confidence=min_confidence):
            _signals.check()  # a signal whose exception something swallowed still ends the run
            notes.warn(article.warnings)
            if article.error is not None:
                failures += 1
                _err(f"Error: {article.error['message']}")
            yield article.to_dict()

    def body(out_file) -> None:
        if fmt is Format.table:
            from .render import write_tables

            stream = write_tables(records(), _console(out_file))
        else:
            from .render import writer
            from ..engines.signals import WholeLines

            stream = writer(fmt)(records(), WholeLines(out_file or sys.stdout.buffer))
        for _ in stream:
            pass
        notes.sum_up()

    code = _write(output, binary=fmt is not Format.table, body=body)
    if code != EXIT_OK:
        return code
    return EXIT_FAILED if failures else EXIT_OK


def _write(output: Path | None, *, binary: bool, body) -> int:
    """Run ``body(file)`` (file None: standard output) as one write of a command's output, and turn
    what can go wrong into an ``Error:`` line and an exit code. ``-o FILE`` is written atomically
    (``OutputFile``): FILE is replaced only when ``body`` ends well, and is left as it was otherwise,
    also on Ctrl-C and SIGTERM."""
    from ..errors import NewsextractError
    from ..engines.signals import Terminated, terminate_on_sigterm

    target = None
    try:
        with terminate_on_sigterm():
            if output is not None:
                from .output_file import OutputFile

                target = OutputFile(output)
            body(target.open(binary=binary) if target is not None else None)
            if output is None:
                (sys.stdout.buffer if binary else sys.stdout).flush()
            _signals.check()
            if target is not None:
                target.commit()
    except NewsextractError as exc:
        if _signals.received() is not None:
            # a library swallowed the signal and failed in its own way: spaCy's bare
            # ``except:`` around the package check turns a Ctrl-C during the model load
            # into "can't find model", which would read as a broken install (exit 2)
            return _signal_exit(target)
        _err(f"Error: {exc}")
        return EXIT_USAGE
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        _err("Interrupted." + _unchanged(target))
        return 130
    except Terminated:
        _err("Terminated." + _unchanged(target))
        return 143
    except OSError as exc:
        if _signals.received() is not None:  # a library turned the signal into another error
            return _signal_exit(target)
        where = output if output is not None else "standard output"
        _err(f"Error: cannot write {where}: {exc.strerror or exc}" + _unchanged(target))
        if output is None:
            _silence_stdout()
        return EXIT_FAILED
    except BaseException as exc:
        if _signals.exit_code_for(exc) is None:
            raise
        return _signal_exit(target)
    finally:
        if target is not None:
            target.discard()
    return EXIT_OK


def _signal_exit(target) -> int:
    """The run's signal, however the exception it raised came out (wrapped, or as another error)."""
    code = _signals.EXIT_CODES.get(_signals.received() or 0, 130)
    _err(("Terminated." if code == 143 else "Interrupted.") + _unchanged(target))
    return code


def _unchanged(target) -> str:
    return f" {target.given} is left as it was." if target is not None and target.atomic else ""


def _console(out_file):
    """A Rich console for the tables; a closed pipe ends the run quietly (exit 0), as for JSON."""
    from rich.console import Console

    class PipeConsole(Console):
        def on_broken_pipe(self) -> None:  # Rich's own exits with status 1
            self.quiet = True
            raise BrokenPipeError

    if out_file is None:
        return PipeConsole(file=sys.stdout)
    return PipeConsole(file=out_file, force_terminal=False, width=120)


def _silence_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so exit does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


SUMMARY_FORMATS = ["table", "jsonl", "csv"]


@app.command()
def summarize(
    inputs: Annotated[list[str], typer.Argument(
        help="Records from 'newsextract parse' (.jsonl files, or - for standard input), or articles "
             "(files, folders) to extract first.", show_default=False)] = None,
    format: Annotated[Optional[str], typer.Option(
        "--format", "-f", metavar="FORMAT", show_default=False,
        autocompletion=lambda incomplete: [f for f in SUMMARY_FORMATS if f.startswith(incomplete)],
        help="table, jsonl or csv; default: table on a terminal, jsonl otherwise.")] = None,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help="Write the roll-up to FILE instead of standard output.", dir_okay=False)] = None,
    top: Annotated[Optional[int], typer.Option(
        help="At most N rows of each kind; 0 means all. Default: 20 in a table, all otherwise.",
        min=0, show_default=False)] = None,
    published: Annotated[Optional[str], typer.Option(
        help="For articles: publication date, YYYY-MM-DD, for those that carry none.")] = None,
    model: Annotated[Optional[str], typer.Option(help="For articles: the spaCy pipeline to use.")] = None,
    jobs: Annotated[int, typer.Option(help="For articles: worker processes; 0 means one per core.", min=0)] = 1,
) -> None:
    """Roll up people, places and organizations over many articles, most-covered first."""
    if not inputs:
        raise _usage("no input given; name record files (from newsextract parse), articles, or -")
    if inputs.count("-") > 1:
        raise _usage("standard input (-) can be given only once")
    if format is not None and format.strip().lower() not in SUMMARY_FORMATS:
        raise _usage(f"--format: {format!r} is not a summary format; choose one of " + ", ".join(SUMMARY_FORMATS))
    fmt = format.strip().lower() if format else ("table" if _stdout_is_terminal(output) else "jsonl")
    if published is not None:
        published = _iso_published(published)
    _check_streams(inputs, output)
    raise typer.Exit(_summarize(inputs, fmt=fmt, output=output, top=top, published=published, model=model,
                                jobs=jobs))


def _summarize(inputs: list[str], *, fmt: str, output: Path | None, top: int | None, published: str | None,
               model: str | None, jobs: int) -> int:
    from . import summarize as roll
    from ..io.inputs import iter_inputs
    from .output_file import exclude

    problems: list[str] = []
    notes = _Warnings(verbose=False)
    sources, articles, stdin = roll.split_inputs(inputs, sys.stdin.buffer if "-" in inputs else None)

    def records():
        yield from roll.read_sources(sources, stdin, problems)
        if articles:
            items = iter_inputs(articles, published=published, stdin=stdin, exclude=exclude(output))
            for article in _articles(items, articles, output=output, model=model, patterns=None, jobs=jobs,
                                     include_text=False, scheduler=None, output_at_end=True):
                notes.warn(article.warnings)
                if article.error is not None:
                    _err(f"Error: {article.error['message']}")
                yield article.to_dict()
            notes.sum_up()

    result = None

    def body(out_file) -> None:
        nonlocal result
        result = roll.roll_up(records())
        for problem in problems:
            _err(f"Error: {problem}")
        if fmt == "table":
            from rich.console import Console

            from .render import write_tables_of

            console = Console(file=out_file or sys.stdout, force_terminal=None if out_file is None else False,
                              width=None if out_file is None else 120)
            write_tables_of(roll.renderables(result, top=20 if top is None else top), console)
        else:
            (roll.write_jsonl if fmt == "jsonl" else roll.write_csv)(result, out_file or sys.stdout.buffer,
                                                                      top=top or 0)

    code = _write(output, binary=fmt != "table", body=body)
    if code != EXIT_OK or result is None:
        return code
    return EXIT_FAILED if result.failed or problems else EXIT_OK


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output records."""
    from ..lexicon.resources import schema_path

    text = schema_path().read_text(encoding="utf-8")
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def main() -> None:
    try:
        app()
    except (SystemExit, typer.Exit):
        raise
    except BaseException as exc:
        code = _signals.exit_code_for(exc)
        if code is None:
            raise
        _err("Terminated." if code == 143 else "Interrupted.")
        sys.exit(code)
