"""Extraction from HTML."""

from pressclip.extract.html.pipeline import extract_html

__all__ = ["extract_html"]
