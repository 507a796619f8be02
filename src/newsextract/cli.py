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
    min_confidence: Annotated[Optional[float], typer.Option(
        help="Leave out people, places and organizations whose confidence is below this "
             "(0-1); default: the shipped threshold per kind, chosen for precision.",
        min=0.0, max=1.0, show_default=False)] = None,
    keep_all: Annotated[bool, typer.Option(
        "--all", help="Keep every person, place and organization, whatever its confidence.")] = False,
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
    if keep_all and min_confidence is not None:
        raise _usage("give --all or --min-confidence, not both")
    fmt = format or (Format.table if _stdout_is_terminal(output) else Format.jsonl)
    code = run(inputs, fmt=fmt, output=output, published=published, model=model,
               patterns=str(patterns) if patterns else None, jobs=jobs, include_text=include_text,
               scheduler=scheduler, min_confidence=0.0 if keep_all else min_confidence)
    raise typer.Exit(code)


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
                              include_text=include_text, keep_all=True)  # run() applies the threshold
    if progress.wanted(inputs, stdout_is_terminal=_stdout_is_terminal(output)):
        stream = progress.track(stream, inputs)
    return stream


def run(inputs: list[str], *, fmt: Format, output: Path | None, published: str | None,
        model: str | None, patterns: str | None, jobs: int, include_text: bool,
        scheduler: str | None = None, min_confidence: float | None = None) -> int:
    from .errors import NewsextractError
    from .inputs import iter_inputs

    failures = 0

    def records():
        nonlocal failures
        items = iter_inputs(inputs, published=published)
        for article in _articles(items, inputs, output=output, model=model, patterns=patterns, jobs=jobs,
                                 include_text=include_text, scheduler=scheduler):
            article.keep_confident(min_confidence)
            for warning in article.warnings:
                _err(f"warning: {warning}")
            if article.error is not None:
                failures += 1
                _err(f"error: {article.error['message']}")
            yield article.to_dict()

    from .signals import Terminated, WholeLines, terminate_on_sigterm

    out_file = None
    try:
        with terminate_on_sigterm():
            if fmt is Format.table:
                from rich.console import Console

                from .render import write_tables

                if output is not None:
                    out_file = _open_output(output, "w")
                console = Console(file=out_file or sys.stdout, force_terminal=None if output is None else False,
                                  width=None if output is None else 120)
                stream = write_tables(records(), console)
            else:
                from .render import write_json, write_jsonl

                if output is not None:
                    out_file = _open_output(output, "wb")
                sink = WholeLines(out_file or sys.stdout.buffer)
                stream = (write_jsonl if fmt is Format.jsonl else write_json)(records(), sink)
            for _ in stream:
                pass
    except NewsextractError as exc:
        _err(f"Error: {exc}")
        return EXIT_USAGE
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        _err("Interrupted.")
        return 130
    except Terminated:
        _err("Terminated.")
        return 143
    except OSError as exc:
        _err(f"Error: {exc.strerror or exc}")
        return EXIT_FAILED
    finally:
        if out_file is not None:
            out_file.close()
    return EXIT_FAILED if failures else EXIT_OK


def _open_output(output: Path, mode: str):
    from .errors import NewsextractError

    try:
        return open(output, mode, **({} if "b" in mode else {"encoding": "utf-8"}))
    except OSError as exc:
        raise NewsextractError(f"cannot write {output}: {exc.strerror or exc}") from None


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
