"""pressclip: news web pages (HTML or flattened text) in, the article and its facts out."""

from pressclip._errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    LimitExceededError,
    NotAPageError,
    PressclipError,
    UsageError,
)
from pressclip.api import extract
from pressclip.model import Article, Block, Extraction, Image, Person, Sponsored, Teaser
from pressclip.settings import Limits, Settings

__version__ = "0.1.0"

__all__ = [
    "Article",
    "BinaryInputError",
    "Block",
    "EmptyInputError",
    "Extraction",
    "Image",
    "InputError",
    "LimitExceededError",
    "Limits",
    "NotAPageError",
    "Person",
    "PressclipError",
    "Settings",
    "Sponsored",
    "Teaser",
    "UsageError",
    "__version__",
    "extract",
]
