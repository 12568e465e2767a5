"""The Arabic event gold standard (openeventdata GSR): reading its files and the fixed hash split."""
from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from rasd.errors import UsageError

# Labels that count as positive / negative; "ambiguous" sentences are left out of training and scoring.
POSITIVE = frozenset({"yes"})
NEGATIVE = frozenset({"easy no", "difficult no"})
TEST_PERCENT = 30  # held out, never tuned on
DEV_PERCENT = 25  # of the remaining 70%: the dev split used for tuning


@dataclass
class GsrSentence:
    """One labelled sentence; `actors` holds the gold source-actor token lists of a "yes" sentence."""

    id: str
    event_type: str
    label: str
    text: str
    actors: list[list[str]] = field(default_factory=list)
    accept: int = 0  # annotators who accepted the label "this sentence reports an event of the type"
    total: int = 0  # annotators who judged it ("yes": all accepted; "ambiguous": mostly 2 of 3)

    @property
    def positive(self) -> bool:
        return self.label in POSITIVE


def split_of(text: str) -> str:
    """"test" (30%), "dev" or "train", from the SHA-1 of the sentence text (stable across runs)."""
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
    if int(digest[-4:], 16) % 100 < TEST_PERCENT:
        return "test"
    return "dev" if int(digest[-8:-4], 16) % 100 < DEV_PERCENT else "train"


def read_gsr(directory: str | Path) -> list[GsrSentence]:
    """Every labelled sentence of every `*_gsr.csv` in `directory`, with actors from `*_spans.json`."""
    root = Path(directory)
    files = sorted(root.glob("*_gsr.csv"))
    if not files:
        raise UsageError(f"{root}: no *_gsr.csv files (expected the arabic_event_gsr format)")
    out: list[GsrSentence] = []
    for path in files:
        actors = _read_actors(path.with_name(path.name.replace("_gsr.csv", "_spans.json")))
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                text = row["text"].strip()
                label = row["label"].strip()
                if not text or label not in POSITIVE | NEGATIVE | {"ambiguous"}:
                    continue
                etype = row["event_type"].strip().upper()
                out.append(GsrSentence(row["id"], etype, label, text,
                                       actors.get((etype, text), []) if label in POSITIVE else [],
                                       _int(row.get("accept")), _int(row.get("total"))))
    return out


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


def _read_actors(path: Path) -> dict[tuple[str, str], list[list[str]]]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as f:
        items = json.load(f)
    out: dict[tuple[str, str], list[list[str]]] = {}
    for item in items:
        key = (str(item.get("event_type", "")).upper(), str(item.get("text", "")).strip())
        for span in item.get("spans") or []:
            actor = [str(t) for t in span.get("source_actor") or []]
            if actor:
                out.setdefault(key, []).append(actor)
    return out


def scored(sentences: list[GsrSentence], split: str | None = None) -> list[GsrSentence]:
    """Sentences with a yes/no label (no "ambiguous"), optionally only those of one split."""
    return [s for s in sentences if s.label != "ambiguous" and (split is None or split_of(s.text) == split)]


__all__ = ["DEV_PERCENT", "GsrSentence", "TEST_PERCENT", "read_gsr", "scored", "split_of"]
