"""The command line: thin commands over the library."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from pressclip.batch import Outcome, extract_sources
from pressclip.settings import Limits, Settings
from pressclip.sources.files import iter_paths

FORMATS = ("json", "jsonl", "markdown", "text")


def _render(outcome: Outcome, fmt: str) -> str:
    assert outcome.article is not None
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
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True)
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
@click.option("--timeout", type=float, default=30.0, show_default=True, help="Seconds per page.")
def extract(
    paths: tuple[str, ...],
    fmt: str,
    url: str | None,
    input_type: str,
    reference_time: str | None,
    timeout: float,
) -> None:
    """Extract the article from each PATH (file, directory, or - for stdin)."""
    sources = list(iter_paths(paths))
    if fmt == "json" and len(sources) > 1:
        raise click.UsageError(
            f"--format json takes one input, got {len(sources)}; use --format jsonl"
        )
    if not sources:
        raise click.UsageError("no page files found in the given paths")
    settings = Settings(
        input_type=input_type,  # type: ignore[arg-type]
        url=url,
        reference_time=reference_time,
        limits=Limits(timeout_seconds=timeout),
    )
    failed = 0
    out = sys.stdout
    for outcome in extract_sources(sources, settings):
        if outcome.article is None:
            failed += 1
            click.echo(f"pressclip: {outcome.source}: {outcome.error}", err=True)
            continue
        out.write(_render(outcome, fmt))
        out.flush()
    sys.exit(1 if failed else 0)
