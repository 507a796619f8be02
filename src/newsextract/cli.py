"""The ``newsextract`` command: a thin adapter over the library.

It checks arguments, calls ``extract_many``, renders records, and turns the
library's typed errors into one ``Error: ...`` line on stderr and an exit code:
0 all inputs processed, 1 some input failed, 2 usage error, 130 Ctrl-C,
143 SIGTERM.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .render import Format

app = typer.Typer(
    name="newsextract",
    help="People, places, dates and commitments from English news articles.",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

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
    try:
        sys.stderr.write(message.rstrip("\n").replace("\n", " ") + "\n")
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
    format: Annotated[Optional[Format], typer.Option(
        "--format", "-f", help="Output format; default: table on a terminal, jsonl otherwise.")] = None,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help="Write records to FILE instead of standard output.", dir_okay=False)] = None,
    published: Annotated[Optional[str], typer.Option(
        help="Publication date (ISO, e.g. 2026-01-05) for inputs that carry none; "
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
) -> None:
    """Extract people, places, organizations, dates and commitments from articles."""
    if not inputs:
        raise _usage("no input given; name files, folders, or - for standard input")
    if published is not None:
        from .dateutil import normalize_published

        normalized = normalize_published(published)
        if normalized is None:
            raise _usage(f"--published: cannot read {published!r} as a date (use YYYY-MM-DD)")
        published = normalized
    if patterns is not None and not patterns.is_file():
        raise _usage(f"--patterns: no such file: {patterns}")
    if inputs.count("-") > 1:
        raise _usage("standard input (-) can be given only once")
    if scheduler is not None:
        _check_scheduler(scheduler, jobs)
    _check_streams(inputs, output)
    fmt = format or (Format.table if _stdout_is_terminal(output) else Format.jsonl)
    code = run(inputs, fmt=fmt, output=output, published=published, model=model,
               patterns=str(patterns) if patterns else None, jobs=jobs, include_text=include_text,
               scheduler=scheduler)
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


def _check_scheduler(scheduler: str, jobs: int) -> None:
    if jobs != 1:
        raise _usage("--jobs and --scheduler cannot be combined (the cluster's workers are the jobs)")
    try:
        import distributed  # noqa: F401

        from .dask import parse_scheduler
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
              jobs: int, include_text: bool, scheduler: str | None):
    """The records, from this machine (``--jobs``) or a Dask cluster, with a progress bar when wanted."""
    from . import progress

    if scheduler is not None:
        from .dask import extract_on_cluster

        stream = extract_on_cluster(items, scheduler=scheduler, model=model, patterns=patterns,
                                    include_text=include_text)
    else:
        from .core import extract_many

        nlp = None
        if jobs == 1:
            from .pipeline import shared_for_run

            nlp = shared_for_run(model, patterns=patterns)
        stream = extract_many(items, nlp=nlp, model=model, patterns=patterns, jobs=jobs,
                              include_text=include_text)
    if progress.wanted(inputs, stdout_is_terminal=_stdout_is_terminal(output)):
        stream = progress.track(stream, inputs)
    return stream


def run(inputs: list[str], *, fmt: Format, output: Path | None, published: str | None,
        model: str | None, patterns: str | None, jobs: int, include_text: bool,
        scheduler: str | None = None) -> int:
    from .errors import NewsextractError
    from .inputs import iter_inputs
    from .output_file import exclude

    failures = 0

    def records():
        nonlocal failures
        items = iter_inputs(inputs, published=published, exclude=exclude(output))
        for article in _articles(items, inputs, output=output, model=model, patterns=patterns, jobs=jobs,
                                 include_text=include_text, scheduler=scheduler):
            for warning in article.warnings:
                _err(f"warning: {warning}")
            if article.error is not None:
                failures += 1
                _err(f"error: {article.error['message']}")
            yield article.to_dict()

    from .signals import Terminated, WholeLines, terminate_on_sigterm

    target = None
    try:
        with terminate_on_sigterm():
            if output is not None:
                from .output_file import OutputFile

                target = OutputFile(output)
            if fmt is Format.table:
                from .render import write_tables

                out_file = target.open(binary=False) if target is not None else None
                console = _console(out_file)
                stream = write_tables(records(), console)
            else:
                from .render import write_json, write_jsonl

                out_file = target.open(binary=True) if target is not None else None
                sink = WholeLines(out_file or sys.stdout.buffer)
                stream = (write_jsonl if fmt is Format.jsonl else write_json)(records(), sink)
            for _ in stream:
                pass
            if target is not None:
                target.commit()
    except NewsextractError as exc:
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
        where = output if output is not None else "standard output"
        _err(f"Error: cannot write {where}: {exc.strerror or exc}" + _unchanged(target))
        if output is None:
            _silence_stdout()
        return EXIT_FAILED
    finally:
        if target is not None:
            target.discard()
    return EXIT_FAILED if failures else EXIT_OK


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


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output records."""
    from .resources import schema_path

    text = schema_path().read_text(encoding="utf-8")
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        _err("Interrupted.")
        sys.exit(130)
