"""docs/fields.md lists exactly the fields that to_dict() emits, for every record."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from pressclip.model import (
    Article,
    Block,
    Extraction,
    Image,
    Person,
    Sponsored,
    Teaser,
    json_names,
)

DOC = Path(__file__).resolve().parents[1] / "docs" / "fields.md"

# One instance of each record, with only its required fields set.
RECORDS: dict[str, Any] = {
    "Article": Article(),
    "Person": Person(name="Jane Doe"),
    "Image": Image(),
    "Block": Block(kind="paragraph", text="Text."),
    "Teaser": Teaser(headline="A headline"),
    "Sponsored": Sponsored(headline="A headline"),
    "Extraction": Extraction(input_type="html"),
}

_HEADING = re.compile(r"^##\s+(\w+)\s*$")
_ROW = re.compile(r"^\|\s*`([^`]+)`\s*\|")


def documented_fields(text: str) -> dict[str, list[str]]:
    """Field names per record: the backticked first cell of each table row under '## Record'."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        heading = _HEADING.match(line)
        if heading:
            current = sections.setdefault(heading.group(1), [])
            continue
        row = _ROW.match(line)
        if row and current is not None:
            current.append(row.group(1))
    return sections


@pytest.fixture(scope="module")
def documented() -> dict[str, list[str]]:
    return documented_fields(DOC.read_text(encoding="utf-8"))


def test_parser_reads_a_table() -> None:
    text = "## Person\n\n| Field | Type |\n|---|---|\n| `name` | string |\n\n## Other\n"
    assert documented_fields(text) == {"Person": ["name"], "Other": []}


@pytest.mark.parametrize("record", sorted(RECORDS))
def test_documented_fields_match_to_dict(record: str, documented: dict[str, list[str]]) -> None:
    assert record in documented, f"docs/fields.md has no '## {record}' table"
    in_doc = set(documented[record])
    emitted = set(RECORDS[record].to_dict())
    assert not emitted - in_doc, f"{record}: emitted but not documented: {sorted(emitted - in_doc)}"
    assert not in_doc - emitted, f"{record}: documented but not emitted: {sorted(in_doc - emitted)}"


@pytest.mark.parametrize("record", sorted(RECORDS))
def test_each_field_documented_once(record: str, documented: dict[str, list[str]]) -> None:
    fields = documented.get(record, [])
    assert len(fields) == len(set(fields)), f"{record}: a field is listed twice"


@pytest.mark.parametrize("record", sorted(RECORDS))
def test_documented_in_output_order(record: str, documented: dict[str, list[str]]) -> None:
    assert documented.get(record) == json_names(type(RECORDS[record]))


def test_every_record_table_is_a_known_record(documented: dict[str, list[str]]) -> None:
    tables = {name for name, fields in documented.items() if fields}
    assert tables <= set(RECORDS), f"tables for unknown records: {sorted(tables - set(RECORDS))}"
