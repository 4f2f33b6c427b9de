"""The command line: thin commands over the library.

Exit status of ``pressclip extract``: 0 when every input was read, 1 when any failed (each
failure is one line on standard error, naming the input and the reason), 2 for usage errors.
"""

from __future__ import annotations

import json
import os
import re
import sys
from typing import Any

import click

from pressclip.batch import Outcome, extract_sources
from pressclip.settings import Limits, Settings
from pressclip.sources.files import STDIN, iter_paths

FORMATS = ("json", "jsonl", "markdown", "text")
_CONTROL = re.compile("[\x00-\x1f\x7f]")


def _render(outcome: Outcome, fmt: str) -> str:
    if outcome.article is None:  # only jsonl shows failures on standard output
        return json.dumps({"source": outcome.source, "error": outcome.error}) + "\n"
    if fmt == "markdown":
        return outcome.article.to_markdown()
    if fmt == "text":
        return outcome.article.to_text()
    data: dict[str, Any] = outcome.article.to_dict()
    if fmt == "jsonl":
        data = {"source": outcome.source, **data}
        return json.dumps(data, ensure_ascii=False) + "\n"
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@click.group()
@click.version_option(package_name="pressclip")
def main() -> None:
    """pressclip: news pages in, articles out."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="json",
    show_default=True,
    help="json takes one input; jsonl writes one object per input, with its source.",
)
@click.option("--url", default=None, help="The page's URL (for stdin or a saved file).")
@click.option(
    "--input-type",
    type=click.Choice(("auto", "html", "text")),
    default="auto",
    show_default=True,
    help="Force HTML or flattened-text mode.",
)
@click.option(
    "--reference-time",
    default=None,
    help="When the page was captured (ISO 8601): relative times like '9 hours ago' get dates.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=Limits().timeout_seconds,
    show_default=True,
    help="Seconds per page; a page that takes longer is reported and skipped.",
)
def extract(
    paths: tuple[str, ...],
    fmt: str,
    url: str | None,
    input_type: str,
    reference_time: str | None,
    timeout: float,
) -> None:
    """Extract the article from each PATH (a file, a directory read recursively, or - for
    standard input)."""
    if paths.count(STDIN) > 1:
        raise click.UsageError("standard input (-) can be given only once")
    sources = list(iter_paths(paths))
    if not sources:
        raise click.UsageError("no page files (.html, .htm, .txt, optionally .gz) found")
    if fmt == "json" and len(sources) > 1:
        raise click.UsageError(
            f"--format json takes one input, got {len(sources)}; use --format jsonl"
        )
    settings = Settings(
        input_type=input_type,  # type: ignore[arg-type]
        url=url,
        reference_time=reference_time,
        limits=Limits(timeout_seconds=timeout),
    )
    failed = 0
    out = sys.stdout
    try:
        for outcome in extract_sources(sources, settings):
            if outcome.article is None:
                failed += 1
                click.echo(f"pressclip: {_printable(outcome.source)}: {outcome.error}", err=True)
                if fmt != "jsonl":
                    continue
            out.write(_render(outcome, fmt))
            out.flush()
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    sys.exit(1 if failed else 0)


def _printable(source: str) -> str:
    """A path as it can be shown on one line (file names may hold line breaks or bytes that
    are not UTF-8)."""
    shown = source.encode("utf-8", "backslashreplace").decode("utf-8")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", shown)
