"""Small text helpers shared by the tool adapters: decoding, HTML to text, line wrapping."""

from __future__ import annotations

import codecs
import html as html_lib
import re

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_HTML_LANG = re.compile(rb"""<html[^>]*?\slang\s*=\s*["']?\s*([A-Za-z]{2,3})""", re.I)

# Elements whose text a browser does not show as page text.
SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object", "embed"}
)
# Elements that start a new line of text.
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
        "table", "td", "th", "tr", "ul", "body", "html", "title", "option", "label", "button",
    }
)  # fmt: skip


def decode_html(data: bytes) -> str:
    """Bytes to text the way a careful caller would: BOM, UTF-8, declared charset, then guess."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = _META_CHARSET.search(data[:4096])
    if m:
        try:
            return data.decode(m.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None:
            return str(best)
    except ImportError:  # pragma: no cover - charset-normalizer is a runtime dependency
        pass
    return data.decode("cp1252", errors="replace")


def html_lang(data: bytes) -> str | None:
    """The two- or three-letter language declared on ``<html lang>``, lower-cased."""
    m = _HTML_LANG.search(data[:20000])
    return m.group(1).decode("ascii").lower() if m else None


def _squash(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.split("\n"))
    out: list[str] = []
    for line in lines:
        if line:
            out.append(line)
        elif out and out[-1]:
            out.append("")
    return "\n".join(out).strip()


def element_text(root: object) -> str:
    """Visible text of an lxml element, one line per block element."""
    from lxml import etree

    parts: list[str] = []
    skipping = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        is_node = isinstance(el.tag, str)
        name = tag.lower().rsplit("}", 1)[-1]
        if event == "start":
            if name in SKIP_TAGS or not is_node:
                skipping += 1
                continue
            if skipping:
                continue
            if name in BLOCK_TAGS:
                parts.append("\n")
            if el.text:
                parts.append(el.text)
        else:
            if name in SKIP_TAGS or not is_node:
                skipping -= 1
            elif not skipping and name in BLOCK_TAGS:
                parts.append("\n")
            if not skipping and el.tail:
                parts.append(el.tail)
    return _squash("".join(parts))


def html_to_text(html: str | bytes) -> str:
    """All visible text of an HTML document or fragment (no CSS: hidden elements count too)."""
    import lxml.html
    from lxml import etree

    text = decode_html(html) if isinstance(html, bytes) else html
    text = _XML_DECL.sub("", text, count=1)
    if not text.strip():
        return ""
    try:
        root = lxml.html.fromstring(text)
    except (etree.ParserError, ValueError):
        return ""
    return element_text(root)


def wrap_lines(text: str) -> str:
    """A minimal HTML document with each non-empty line of ``text`` as one ``<p>``."""
    paras = "\n".join(
        f"<p>{html_lib.escape(line.strip())}</p>" for line in text.splitlines() if line.strip()
    )
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title></title></head>\n'
        f"<body>\n{paras}\n</body></html>"
    )
