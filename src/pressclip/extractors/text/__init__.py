"""Extraction from flattened page text (crawler text dumps, WET records, copy-paste)."""

from pressclip.extractors.text.pipeline import extract_text

__all__ = ["extract_text"]
