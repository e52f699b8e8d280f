"""The four output tables: their Arrow schemas (from schemas/*.json) and conversion of rows."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyarrow as pa

PROJECT_DIR = Path(__file__).resolve().parent.parent
SCHEMA_DIR = PROJECT_DIR / "schemas"
TABLES = ("articles", "quotes", "events", "rejects")
SCHEMA_VERSION_KEY = b"newsetl.schema_version"
TABLE_KEY = b"newsetl.table"

_TYPES = {
    "string": pa.string(),
    "int8": pa.int8(),
    "int16": pa.int16(),
    "int32": pa.int32(),
    "int64": pa.int64(),
    "float64": pa.float64(),
    "bool": pa.bool_(),
    "date32": pa.date32(),
    "timestamp_us_utc": pa.timestamp("us", tz="UTC"),
    "list<string>": pa.list_(pa.string()),
}


@dataclass(frozen=True)
class TableSpec:
    name: str
    version: str
    key: str | None
    partitioning: tuple[str, ...]
    schema: pa.Schema

    @property
    def columns(self) -> list[str]:
        return self.schema.names


@cache
def table_spec(name: str) -> TableSpec:
    spec = json.loads((SCHEMA_DIR / f"{name}.json").read_text(encoding="utf-8"))
    fields = [pa.field(f["name"], _TYPES[f["type"]], nullable=f["nullable"],
                       metadata={"description": f["description"]}) for f in spec["fields"]]
    metadata = {SCHEMA_VERSION_KEY: spec["version"].encode(), TABLE_KEY: name.encode()}
    return TableSpec(name, spec["version"], spec["key"], tuple(spec["partitioning"]),
                     pa.schema(fields, metadata=metadata))


def to_arrow(name: str, rows: list[dict]) -> pa.Table:
    """Rows (dicts keyed by column) as an Arrow table of exactly the table's schema."""
    schema = table_spec(name).schema
    columns = {field.name: [row.get(field.name) for row in rows] for field in schema}
    return pa.table(columns, schema=schema)
