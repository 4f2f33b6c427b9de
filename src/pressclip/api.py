"""The public entry point: ``extract(data) -> Article``."""

from __future__ import annotations

from pressclip._errors import EmptyInputError, LimitExceededError
from pressclip.decode import decode, sniff_not_a_page
from pressclip.detect import detect_input_type
from pressclip.model import Article
from pressclip.settings import DEFAULT, InputTypeChoice, Settings


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
    an ``Article`` with ``extraction.is_article`` false and the reason.
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
    limits = settings.limits

    if len(data) > limits.max_bytes:
        raise LimitExceededError(
            "max_bytes", f"input is {len(data):,} bytes, over the limit of {limits.max_bytes:,}"
        )
    charset: str | None = None
    if isinstance(data, bytes):
        text, charset = decode(data)
    else:
        text = data
    if not text.strip():
        raise EmptyInputError("input is empty or white space only")
    kind = settings.input_type
    if kind == "auto":
        sniff_not_a_page(text)
        kind = detect_input_type(text)
    if kind == "html":
        from pressclip.extractors.html import extract_html

        return extract_html(text, settings, charset=charset)
    from pressclip.extractors.text import extract_text

    return extract_text(text, settings, charset=charset)
