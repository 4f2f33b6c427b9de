"""Many pages, one outcome each, in order; a bad page is reported and the batch goes on.

Placeholder: runs in process. The worker-process version (kill and replace on timeout) keeps
this contract.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pressclip._errors import PressclipError
from pressclip.api import extract
from pressclip.model import Article
from pressclip.settings import Settings
from pressclip.sources.files import read_page

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    """The result for one input: an article, or the one-line reason it failed."""

    source: str
    article: Article | None = None
    error: str | None = None


def extract_sources(sources: Iterable[str], settings: Settings) -> Iterator[Outcome]:
    for source in sources:
        try:
            page = read_page(source, max_bytes=settings.limits.max_bytes, url=settings.url)
            article = extract(page.data, settings=settings)
        except PressclipError as exc:
            yield Outcome(source=source, error=str(exc))
        except Exception as exc:  # batch boundary: report and go on
            logger.exception("unexpected failure on %s", source)
            yield Outcome(source=source, error=f"internal error: {type(exc).__name__}: {exc}")
        else:
            yield Outcome(source=source, article=article)
