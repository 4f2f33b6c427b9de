"""Extraction from HTML."""

from pressclip.extractors.html.pipeline import extract_html

__all__ = ["extract_html"]
