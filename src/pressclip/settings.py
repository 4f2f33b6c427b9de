"""One settings object, normalised in one place."""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from typing import Literal

logger = logging.getLogger(__name__)

InputTypeChoice = Literal["auto", "html", "text"]

MB = 1024 * 1024


@dataclass(frozen=True, slots=True, kw_only=True)
class Limits:
    """Resource limits, checked before the expensive work where possible.

    ``max_bytes``, ``max_elements``, ``timeout_seconds`` and ``max_memory_bytes`` refuse a page
    (:class:`pressclip.LimitExceededError`, or an error outcome in a batch). ``max_depth``,
    ``max_open_formatting`` and ``max_attribute_chars`` do not refuse: markup beyond them is
    neutralised before parsing (deeper start tags and surplus formatting tags are dropped,
    giant attribute values emptied) and the text is kept, as browsers do with deep trees.
    ``timeout_seconds`` and ``max_memory_bytes`` are enforced where pages run in a worker
    process (:func:`pressclip.batch.extract_sources`, the CLI), not by ``extract()`` itself.
    """

    # Raw input size (bytes; a str is measured as UTF-8). The largest real news pages are a
    # few MB (Common Crawl truncates records at 1 MiB); 16 MB leaves room and bounds memory.
    max_bytes: int = 16 * MB
    # Estimated element count (start tags), checked before parsing: lexbor needs about
    # 150-300 bytes per element, so 500,000 elements stay near 150 MB.
    max_elements: int = 500_000
    # Nesting depth kept when parsing; deeper start tags are dropped (Blink caps at 512).
    max_depth: int = 512
    # Formatting elements (b, i, font, ...) left open at once; surplus ones are dropped, since
    # each open one is re-created in every later block by the HTML5 tree builder.
    max_open_formatting: int = 64
    # Attribute values longer than this (data: URIs, serialised state) are emptied.
    max_attribute_chars: int = 65_536
    # Wall-clock time for one page in the worker process.
    timeout_seconds: float = 30.0
    # Address-space cap of the worker process (RLIMIT_AS, where the platform has it).
    max_memory_bytes: int = 2048 * MB

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            if getattr(self, f.name) <= 0:
                raise ValueError(f"limit {f.name} must be positive")


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Everything that changes how a page is extracted."""

    input_type: InputTypeChoice = "auto"
    url: str | None = None
    reference_time: str | None = None
    limits: Limits = dataclasses.field(default_factory=Limits)

    def __post_init__(self) -> None:
        if self.input_type not in ("auto", "html", "text"):
            raise ValueError(f"input_type must be auto, html or text, not {self.input_type!r}")

    def replace(self, **changes: object) -> Settings:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


DEFAULT = Settings()
