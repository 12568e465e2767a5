"""JSON Lines of the full records, one per line, with `story`."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import IO, Any


def write(records: Iterable[dict[str, Any]], f: IO[str], *,
          on_row: Callable[[int], None] | None = None) -> int:
    n = 0
    for r in records:
        f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")))
        f.write("\n")
        n += 1
        if on_row is not None:
            on_row(n)
    return n


__all__ = ["write"]
