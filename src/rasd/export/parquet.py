"""Parquet of articles (pyarrow, the `parquet` extra): the CSV columns, the lists as lists, and the
full record as a JSON string column (`record`), written in row groups of ROW_GROUP articles."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from rasd.export.atomic import ExportError, atomic_path

INSTALL_HINT = "Parquet export needs pyarrow: pip install 'rasd[parquet]'"
ROW_GROUP = 1000


def _schema(pa: Any) -> Any:
    s, ls = pa.string(), pa.list_(pa.string())
    return pa.schema([("id", s), ("title", s), ("source", s), ("published", s), ("url", s),
                      ("category", s), ("language", s), ("story", s), ("pipeline", s),
                      ("entities", ls), ("places", ls), ("events", ls), ("count_kinds", ls),
                      ("text", s), ("record", s)])


def _row(r: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": r["id"], "title": r.get("title"), "source": r.get("source"), "published": r.get("published"),
        "url": r.get("url"), "category": r.get("category"), "language": r.get("language"),
        "story": r.get("story"), "pipeline": r.get("pipeline"),
        "entities": list(dict.fromkeys(e.get("canonical") or e["text"] for e in r.get("entities") or [])),
        "places": list(dict.fromkeys(p["name"] for p in r.get("places") or [])),
        "events": sorted({e["type"] for e in r.get("events") or []}),
        "count_kinds": sorted({c["kind"] for c in r.get("counts") or []}),
        "text": r.get("text"), "record": json.dumps(r, ensure_ascii=False, separators=(",", ":")),
    }


def write(records: Iterable[dict[str, Any]], path: str, *,
          on_row: Callable[[int], None] | None = None) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as e:
        raise ExportError(INSTALL_HINT) from e
    schema = _schema(pa)
    n = 0
    with atomic_path(path) as part:
        with pq.ParquetWriter(str(part), schema) as w:
            rows: list[dict[str, Any]] = []
            for r in records:
                rows.append(_row(r))
                n += 1
                if on_row is not None:
                    on_row(n)
                if len(rows) >= ROW_GROUP:
                    w.write_table(pa.Table.from_pylist(rows, schema=schema))
                    rows = []
            if rows or n == 0:
                w.write_table(pa.Table.from_pylist(rows, schema=schema))
    return n


__all__ = ["INSTALL_HINT", "ROW_GROUP", "write"]
