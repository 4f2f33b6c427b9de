"""The public entry point: ``extract(data) -> Article``."""

from __future__ import annotations

from pressclip._errors import EmptyInputError, LimitExceededError, UsageError
from pressclip.decode import clean_text, decode_page, reject_binary, sniff_not_a_page
from pressclip.detect import detect_input_type
from pressclip.model import Article
from pressclip.settings import DEFAULT, InputTypeChoice, Limits, Settings


def extract(
    data: str | bytes,
    *,
    url: str | None = None,
    input_type: InputTypeChoice = "auto",
    reference_time: str | None = None,
    settings: Settings | None = None,
) -> Article:
    """Extract the article from a page given as HTML or as flattened text.

    ``data`` is ``str`` or ``bytes``; bytes are decoded from the BOM, the declared charset and
    the content. Raises :class:`pressclip.InputError` for input that is not a page and
    :class:`pressclip.LimitExceededError` when a limit is hit; a page without an article gives
    an ``Article`` with ``extraction.is_article`` false and the reason. The time and memory
    limits hold where pages run in a worker process (:mod:`pressclip.batch`, the CLI).
    """
    base = settings or DEFAULT
    changes: dict[str, object] = {}
    if url is not None:
        changes["url"] = url
    if input_type != "auto":
        changes["input_type"] = input_type
    if reference_time is not None:
        changes["reference_time"] = reference_time
    settings = base.replace(**changes) if changes else base
    text, charset, utf8 = prepare_text(data, settings.limits)
    kind = settings.input_type
    if kind == "auto":
        sniff_not_a_page(text)
        kind = detect_input_type(text)
    if kind == "html":
        from pressclip.extractors.html import extract_html

        return extract_html(text, settings, charset=charset, utf8=utf8)
    from pressclip.extractors.text import extract_text

    return extract_text(text, settings, charset=charset)


def prepare_text(data: str | bytes, limits: Limits) -> tuple[str, str | None, bytes | None]:
    """The pre-checks: size, emptiness, binary data, charset; the clean text, its charset and
    the input bytes when the text is exactly their UTF-8 decoding (see ``decode.Decoded``)."""
    charset: str | None = None
    utf8: bytes | None = None
    if isinstance(data, bytes | bytearray | memoryview):
        raw = bytes(data)
        _check_size(len(raw), limits)
        text, charset, utf8 = decode_page(raw)
    elif isinstance(data, str):
        _check_size(_utf8_size(data, limits.max_bytes), limits)
        if "\x00" in data[:4096]:
            reject_binary(data[:65_536].encode("utf-8", "surrogatepass"))
        text = clean_text(data)
    else:
        raise UsageError(f"extract() takes str or bytes, not {type(data).__name__}")
    if not text or text.isspace():  # (no stripped copy of the whole page)
        raise EmptyInputError("input is empty or white space only")
    return text, charset, utf8


def _utf8_size(text: str, limit: int) -> int:
    """The UTF-8 size of ``text``, computed only when it could be over ``limit``."""
    if len(text) > limit or (len(text) * 4 > limit and not text.isascii()):
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text)


def _check_size(size: int, limits: Limits) -> None:
    if size > limits.max_bytes:
        raise LimitExceededError(
            "max_bytes", f"input is {size:,} bytes, over the limit of {limits.max_bytes:,}"
        )
