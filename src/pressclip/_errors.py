"""The one exception tree of pressclip.

    PressclipError                 anything pressclip raises on purpose
    ├── InputError                 the input cannot be read as a page
    │   ├── EmptyInputError        empty, or white space only
    │   ├── BinaryInputError       binary data (image, PDF, archive, ...)
    │   └── NotAPageError          readable text that is not a page (JSON, CSV, ...)
    ├── LimitExceededError         a configured limit (size, depth, elements, time) was hit
    └── UsageError                 the caller asked for something impossible

A page that *is* a page but holds no article is not an error: ``extract`` returns an
``Article`` whose ``extraction.is_article`` is false, with the reason.
"""

from __future__ import annotations


class PressclipError(Exception):
    """Base class of every error pressclip raises on purpose."""


class InputError(PressclipError):
    """The input cannot be read as a page."""


class EmptyInputError(InputError):
    """The input is empty or white space only."""


class BinaryInputError(InputError):
    """The input is binary data, not a page."""


class NotAPageError(InputError):
    """The input is text, but structured data (JSON, CSV, ...) rather than a page."""


class LimitExceededError(PressclipError):
    """A configured limit was hit; ``limit`` names it."""

    def __init__(self, limit: str, message: str) -> None:
        super().__init__(message)
        self.limit = limit


class UsageError(PressclipError):
    """The caller asked for something pressclip cannot do."""
