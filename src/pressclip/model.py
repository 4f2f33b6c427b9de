"""The records pressclip produces.

Every record is a frozen, slotted dataclass with typed fields and tuples for collections, so it
pickles and hashes. Python attributes are snake_case; the JSON names come from the written
vocabulary in ``docs/fields.md`` (schema.org NewsArticle where a name exists) and are declared
once per field with :func:`_json`. ``to_dict()`` always emits every field, ``None`` or empty when
unknown, so consumers never need to guess.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar, cast

BlockKind = Literal["heading", "paragraph", "list", "quote", "table", "code"]
InputType = Literal["html", "text"]

_JSON_KEY = "json"


def _json(name: str, **kwargs: Any) -> Any:
    """A dataclass field whose JSON name is ``name``."""
    metadata = {_JSON_KEY: name}
    return field(metadata=metadata, **kwargs)


def _json_name(f: dataclasses.Field[Any]) -> str:
    return str(f.metadata.get(_JSON_KEY, f.name))


def _dump(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return cast("_Record", value).to_dict()
    if isinstance(value, tuple):
        return [_dump(v) for v in value]
    return value


R = TypeVar("R", bound="_Record")


class _Record:
    """Shared ``to_dict`` / ``from_dict`` for the records below."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            _json_name(f): _dump(getattr(self, f.name)) for f in dataclasses.fields(cast(Any, self))
        }

    @classmethod
    def from_dict(cls: type[R], data: dict[str, Any]) -> R:
        kwargs: dict[str, Any] = {}
        hints = {f.name: f for f in dataclasses.fields(cast(Any, cls))}
        nested = _NESTED.get(cls.__name__, {})
        for name, f in hints.items():
            key = _json_name(f)
            if key not in data:
                continue
            value = data[key]
            sub = nested.get(name)
            if sub is not None and value is not None:
                if isinstance(value, list):
                    value = tuple(sub.from_dict(v) for v in value)
                else:
                    value = sub.from_dict(value)
            elif isinstance(value, list):
                value = tuple(tuple(v) if isinstance(v, list) else v for v in value)
            kwargs[name] = value
        return cls(**kwargs)


@dataclass(frozen=True, slots=True, kw_only=True)
class Person(_Record):
    """A person who wrote the article."""

    name: str = _json("name")


@dataclass(frozen=True, slots=True, kw_only=True)
class Image(_Record):
    """An image of the article, with its caption and credit split apart."""

    url: str | None = _json("url", default=None)
    alt: str | None = _json("alt", default=None)
    caption: str | None = _json("caption", default=None)
    credit_text: str | None = _json("creditText", default=None)


@dataclass(frozen=True, slots=True, kw_only=True)
class Block(_Record):
    """One typed block of the article body, in reading order.

    ``text`` is the block's plain text (list items joined by newlines, table rows by newlines
    and cells by tabs); ``items`` holds list items, ``rows`` table cells, ``level`` the heading
    level (1-6).
    """

    kind: BlockKind = _json("type")  # noqa: RUF009 (a dataclass field, not a default)
    text: str = _json("text")
    level: int | None = _json("level", default=None)
    items: tuple[str, ...] = _json("items", default=())
    rows: tuple[tuple[str, ...], ...] = _json("rows", default=())
    ordered: bool = _json("ordered", default=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Teaser(_Record):
    """A teaser for another story (a related / most-read / more-from rail)."""

    headline: str = _json("headline")
    url: str | None = _json("url", default=None)
    author: str | None = _json("author", default=None)
    description: str | None = _json("description", default=None)
    age: str | None = _json("age", default=None)
    date_created: str | None = _json("dateCreated", default=None)
    image_alt: str | None = _json("imageAlt", default=None)


@dataclass(frozen=True, slots=True, kw_only=True)
class Sponsored(_Record):
    """A sponsored item (native advertising) shown around the article."""

    headline: str = _json("headline")
    sponsor: str | None = _json("sponsor", default=None)
    url: str | None = _json("url", default=None)
    description: str | None = _json("description", default=None)
    image_alt: str | None = _json("imageAlt", default=None)


@dataclass(frozen=True, slots=True, kw_only=True)
class Extraction(_Record):
    """How the record was decided."""

    input_type: InputType = _json("inputType")  # noqa: RUF009 (a dataclass field)
    is_article: bool = _json("isArticle", default=True)
    reason: str | None = _json("reason", default=None)
    confidence: float = _json("confidence", default=0.0)
    # (field, source) pairs, e.g. ("headline", "json-ld"), ("datePublished", "visible").
    metadata_sources: tuple[tuple[str, str], ...] = _json("metadataSources", default=())
    charset: str | None = _json("charset", default=None)

    def to_dict(self) -> dict[str, Any]:
        data = _Record.to_dict(self)
        data["metadataSources"] = dict(self.metadata_sources)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        data = dict(data)
        sources = data.get("metadataSources") or {}
        data["metadataSources"] = [list(p) for p in sources.items()]
        return super(Extraction, cls).from_dict(data)


@dataclass(frozen=True, slots=True, kw_only=True)
class Article(_Record):
    """An extracted news article and the page furniture around it.

    A page that is not an article is still an ``Article`` record, with
    ``extraction.is_article`` false and ``extraction.reason`` saying why.
    """

    headline: str | None = _json("headline", default=None)
    alternative_headline: str | None = _json("alternativeHeadline", default=None)
    description: str | None = _json("description", default=None)
    author: tuple[Person, ...] = _json("author", default=())
    date_published: str | None = _json("datePublished", default=None)
    date_modified: str | None = _json("dateModified", default=None)
    article_section: str | None = _json("articleSection", default=None)
    keywords: tuple[str, ...] = _json("keywords", default=())
    in_language: str | None = _json("inLanguage", default=None)
    url: str | None = _json("url", default=None)
    publisher: str | None = _json("publisher", default=None)
    source_organization: str | None = _json("sourceOrganization", default=None)
    dateline: str | None = _json("dateline", default=None)
    copyright_notice: str | None = _json("copyrightNotice", default=None)
    image: tuple[Image, ...] = _json("image", default=())
    article_body: str = _json("articleBody", default="")
    body: tuple[Block, ...] = _json("body", default=())
    related: tuple[Teaser, ...] = _json("related", default=())
    sponsored: tuple[Sponsored, ...] = _json("sponsored", default=())
    extraction: Extraction = _json(  # noqa: RUF009 (a dataclass field)
        "extraction", default_factory=lambda: Extraction(input_type="html")
    )

    @property
    def is_article(self) -> bool:
        return self.extraction.is_article

    def to_markdown(self) -> str:
        from pressclip.render import to_markdown

        return to_markdown(self)

    def to_text(self) -> str:
        from pressclip.render import to_text

        return to_text(self)


_NESTED: dict[str, dict[str, type[_Record]]] = {
    "Article": {
        "author": Person,
        "image": Image,
        "body": Block,
        "related": Teaser,
        "sponsored": Sponsored,
        "extraction": Extraction,
    },
}


def json_names(record_type: type[Any]) -> list[str]:
    """The JSON field names of a record type, in output order."""
    return [_json_name(f) for f in dataclasses.fields(record_type)]
