"""One adapter per extractor, each called the way its authors document for main-text extraction.

An adapter factory does the imports and one-time set-up (untimed) and returns a function from
the page's bytes and URL to an :class:`Output`. Inputs are HTML, or, for ``text`` mode entries,
flattened page text. Everything here runs inside the worker subprocess.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from bench.entries import HTML, TEXT
from bench.textutil import decode_html, html_lang, html_to_text, wrap_lines


@dataclass(slots=True, kw_only=True)
class Output:
    body: str = ""
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None


Extractor = Callable[[bytes, str | None], Output]


def _iso(value: object) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


# --- pressclip -----------------------------------------------------------------------------


def make_pressclip(input_type: Literal["html", "text"]) -> Extractor:
    import pressclip

    # pressclip.extract imports the pipeline of an input type when first asked for it (about
    # 80 ms): imported here, as every other tool's adapter imports its code before the timed
    # pages, so that no tool's first page carries its imports.
    if input_type == "html":
        import pressclip.extractors.html
    else:
        import pressclip.extractors.text

    def run(data: bytes, url: str | None) -> Output:
        try:
            art = pressclip.extract(data, url=url, input_type=input_type)
        except pressclip.PressclipError:
            return Output()
        return Output(
            body=art.article_body or "",
            title=art.headline,
            authors=[p.name for p in art.author],
            date=art.date_published,
        )

    return run


# --- trafilatura ---------------------------------------------------------------------------


def make_trafilatura() -> Extractor:
    from trafilatura import bare_extraction

    def run(data: bytes, url: str | None) -> Output:
        doc = bare_extraction(data, url=url, include_comments=False, with_metadata=True)
        if doc is None:
            return Output()
        author = getattr(doc, "author", None)
        return Output(
            body=getattr(doc, "text", None) or "",
            title=getattr(doc, "title", None),
            authors=[author] if author else [],
            date=getattr(doc, "date", None),
        )

    return run


def make_trafilatura_aeb_script() -> Extractor:
    """The call the AEB repository scores trafilatura with: decoded text, no URL, no comments."""
    from trafilatura import extract

    def run(data: bytes, url: str | None) -> Output:
        return Output(body=extract(data.decode("utf-8"), include_comments=False) or "")

    return run


def make_trafilatura_wrapped() -> Extractor:
    from trafilatura import extract

    def run(data: bytes, url: str | None) -> Output:
        page = wrap_lines(decode_html(data))
        return Output(body=extract(page, url=url, include_comments=False) or "")

    return run


# --- readability-lxml ----------------------------------------------------------------------


def make_readability() -> Extractor:
    from readability import Document

    def run(data: bytes, url: str | None) -> Output:
        doc = Document(data, url=url)
        return Output(body=html_to_text(doc.summary(html_partial=True)), title=doc.short_title())

    return run


# --- newspaper4k ---------------------------------------------------------------------------


def _offline_nltk_word_tokenize() -> None:
    """newspaper4k's Korean tokenizer calls ``nltk.word_tokenize``, which loads the punkt_tab
    sentence model that nltk downloads at run time. Offline and without that data, split words
    within the line instead (``preserve_line=True``, no model needed), so Korean pages run."""
    import nltk

    try:
        nltk.data.find("tokenizers/punkt_tab")
    except LookupError:
        treebank = nltk.word_tokenize

        def word_tokenize(
            text: str, language: str = "english", preserve_line: bool = False
        ) -> list[str]:
            return list(treebank(text, language=language, preserve_line=True))

        nltk.word_tokenize = word_tokenize


def make_newspaper4k() -> Extractor:
    import newspaper

    _offline_nltk_word_tokenize()

    def run(data: bytes, url: str | None) -> Output:
        article = newspaper.article(
            url or "http://localhost/", input_html=decode_html(data), fetch_images=False
        )
        return Output(
            body=article.text or "",
            title=article.title or None,
            authors=list(article.authors or ()),
            date=_iso(article.publish_date),
        )

    return run


# --- goose3 --------------------------------------------------------------------------------


def make_goose3() -> Extractor:
    from dateutil import parser as date_parser
    from goose3 import Goose

    goose = Goose()

    def run(data: bytes, url: str | None) -> Output:
        article = goose.extract(url=url, raw_html=decode_html(data))
        raw = article.publish_date  # the page's own string; a list when the page gives several
        if isinstance(raw, list | tuple):
            raw = next((str(v) for v in raw if v), None)
        date: str | None = None
        if raw:
            try:
                date = date_parser.parse(str(raw)).isoformat()
            except (ValueError, OverflowError, TypeError):
                date = _iso(article.publish_datetime_utc)
        return Output(
            body=article.cleaned_text or "",
            title=article.title or None,
            authors=list(article.authors or ()),
            date=date,
        )

    return run


# --- jusText -------------------------------------------------------------------------------

# ISO 639-1 codes of the jusText stoplists most likely on news pages.
_JUSTEXT_LANGS = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech",
    "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek", "en": "English",
    "es": "Spanish", "et": "Estonian", "eu": "Basque", "fa": "Persian", "fi": "Finnish",
    "fr": "French", "ga": "Irish", "gl": "Galician", "he": "Hebrew", "hi": "Hindi",
    "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian", "is": "Icelandic", "it": "Italian",
    "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian", "ms": "Malay",
    "nb": "Norwegian_Bokmal", "nl": "Dutch", "nn": "Norwegian_Nynorsk", "no": "Norwegian_Bokmal",
    "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak",
    "sl": "Slovenian", "sr": "Serbian", "sv": "Swedish", "sw": "Swahili", "tl": "Tagalog",
    "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese",
}  # fmt: skip


def _stoplist_picker() -> Callable[[bytes, str], frozenset[str]]:
    """The page's stoplist: from ``<html lang>``, else the list with most hits in the text."""
    import re

    import justext

    lists = {name: frozenset(justext.get_stoplist(name)) for name in _JUSTEXT_LANGS.values()}
    word = re.compile(r"\w+")

    def pick(data: bytes, sample: str) -> frozenset[str]:
        lang = html_lang(data)
        if lang and lang[:2] in _JUSTEXT_LANGS:
            return lists[_JUSTEXT_LANGS[lang[:2]]]
        words = [w.lower() for w in word.findall(sample)[:3000]]
        if not words:
            return frozenset()
        best, hits = max(
            ((name, sum(w in stop for w in words)) for name, stop in lists.items()),
            key=lambda item: item[1],
        )
        # Too few stop words in any list: jusText's language-independent mode (no stoplist).
        return lists[best] if hits >= 0.1 * len(words) else frozenset()

    return pick


def _justext_body(page: str | bytes, stoplist: frozenset[str]) -> str:
    import justext

    if stoplist:
        paragraphs = justext.justext(page, stoplist)
    else:
        paragraphs = justext.justext(page, stoplist, stopwords_low=0, stopwords_high=0)
    return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def make_justext() -> Extractor:
    pick = _stoplist_picker()

    def run(data: bytes, url: str | None) -> Output:
        sample = "" if html_lang(data) else html_to_text(data)
        return Output(body=_justext_body(data, pick(data, sample)))

    return run


def make_justext_wrapped() -> Extractor:
    pick = _stoplist_picker()

    def run(data: bytes, url: str | None) -> Output:
        text = decode_html(data)
        return Output(body=_justext_body(wrap_lines(text), pick(b"", text)))

    return run


# --- Resiliparse ---------------------------------------------------------------------------


def make_resiliparse() -> Extractor:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import detect_encoding
    from resiliparse.parse.html import HTMLTree

    def run(data: bytes, url: str | None) -> Output:
        tree = HTMLTree.parse_from_bytes(data, detect_encoding(data) or "utf-8")
        return Output(body=extract_plain_text(tree, main_content=True))

    return run


def make_resiliparse_wrapped() -> Extractor:
    from resiliparse.extract.html2text import extract_plain_text

    def run(data: bytes, url: str | None) -> Output:
        return Output(body=extract_plain_text(wrap_lines(decode_html(data)), main_content=True))

    return run


# --- boilerpy3 -----------------------------------------------------------------------------


def make_boilerpy3() -> Extractor:
    from boilerpy3 import extractors

    extractor = extractors.ArticleExtractor()

    def run(data: bytes, url: str | None) -> Output:
        return Output(body=extractor.get_content(decode_html(data)) or "")

    return run


# --- htmldate ------------------------------------------------------------------------------


def make_htmldate() -> Extractor:
    from htmldate import find_date

    def run(data: bytes, url: str | None) -> Output:
        return Output(date=find_date(data, url=url, original_date=True))

    return run


# --- baselines -----------------------------------------------------------------------------


def make_whole_text(input_type: str) -> Extractor:
    """All visible text of the page; for flattened text, the text as it is."""

    def run(data: bytes, url: str | None) -> Output:
        if input_type == TEXT:
            return Output(body=decode_html(data))
        return Output(body=html_to_text(data))

    return run


def build(entry: str) -> Extractor:
    """The extractor of a benchmark entry by name (see ``bench.entries``), or of a
    ``module:factory`` spec (an outside adapter, e.g. in tests)."""
    if ":" in entry:
        import importlib

        module, factory = entry.split(":", 1)
        made: Extractor = getattr(importlib.import_module(module), factory)()
        return made
    factories: dict[str, Callable[[], Extractor]] = {
        "pressclip": lambda: make_pressclip("html"),
        "pressclip/text": lambda: make_pressclip("text"),
        "trafilatura": make_trafilatura,
        "trafilatura/aeb-script": make_trafilatura_aeb_script,
        "trafilatura/p-wrapped": make_trafilatura_wrapped,
        "readability": make_readability,
        "newspaper4k": make_newspaper4k,
        "goose3": make_goose3,
        "justext": make_justext,
        "justext/p-wrapped": make_justext_wrapped,
        "resiliparse": make_resiliparse,
        "resiliparse/p-wrapped": make_resiliparse_wrapped,
        "boilerpy3": make_boilerpy3,
        "htmldate": make_htmldate,
        "whole-text": lambda: make_whole_text(HTML),
        "whole-text/text": lambda: make_whole_text(TEXT),
    }
    return factories[entry]()
