"""Parse HTML within the configured limits (minimal version; hardened by the robustness work)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from pressclip.settings import Limits


def parse_html(html: str, limits: Limits) -> LexborHTMLParser:
    return LexborHTMLParser(html.replace("\x00", ""))
