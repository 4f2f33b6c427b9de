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
    """Resource limits, checked before the expensive work where possible."""

    max_bytes: int = 64 * MB
    max_depth: int = 2048
    max_elements: int = 500_000
    timeout_seconds: float = 30.0

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
