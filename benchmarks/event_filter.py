#!/usr/bin/env python3
"""Would a learned filter over the extracted events raise their precision on unseen articles?

Trains a logistic regression on the events the default pipeline extracts from the tuning fact sets
(examples/dev, benchmarks/facts_dev5.json, benchmarks/facts_dev6.json), each labelled precise when it
matches some gold event of its article as `score_facts.py` matches them (accepted type, an anchor in
its text), on the event's type, modality, filled fields, classifier probability, length and words (also
paired with its type). It then reports, on `benchmarks/facts_heldout.json`, how many events each
threshold keeps, their precision and how many precise ones it drops. Run from the repository root:

    PYTHONPATH=src python benchmarks/event_filter.py

At 2be7f38 the best threshold lifted held-out precision from 0.57 to 0.64 and dropped 5 of 71 precise
events, so no such filter is in the pipeline (docs/training.md, "Events").
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent))
import counts_heldout as ch  # noqa: E402  (the sibling module)

from rasd.api import load_pipeline  # noqa: E402
from rasd.extract.events.features import words  # noqa: E402
from rasd.readers import read_blob  # noqa: E402
from rasd.readers.article import build_article  # noqa: E402

HERE = Path(__file__).resolve().parent
DEV = HERE.parent / ".." / "shared" / "examples" / "dev"
TRAIN = (DEV / "facts.json", HERE / "facts_dev5.json", HERE / "facts_dev6.json")
TEST = HERE / "facts_heldout.json"


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location("score_facts", ch.SHARED / "tools" / "score_facts.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _records(gold: dict[str, Any], dev: bool, pipe: Any) -> list[dict[str, Any]]:
    out = []
    files = [a["file"] for a in gold["articles"]]
    blobs = {} if dev else ch._blobs(files)
    for a in gold["articles"]:
        args = a.get("args", [])
        published = args[args.index("--published") + 1] if "--published" in args else None
        if dev:
            item = next(iter(read_blob(ch.Blob(a["file"], (DEV / "articles" / a["file"]).read_bytes()))))
        else:
            item = next(r for r in read_blob(blobs[a["file"]]) if not isinstance(r, Exception))
        assert not isinstance(item, Exception)
        out.append(pipe(build_article(item, published=published)).to_dict())
    return out


def _features(x: dict[str, Any]) -> dict[str, float]:
    f: dict[str, float] = {"type=" + x["type"]: 1, "mod=" + str(x.get("modality")): 1,
                           "conf": x["confidence"] if x.get("confidence") is not None else -0.5,
                           "mentions": min(len(x.get("mentions") or []), 3)}
    for field in ("actor", "recipient", "place", "date"):
        f["has_" + field] = float(bool(x.get(field)))
    ws = words(x["text"])
    f["len"] = min(len(ws), 60) / 60
    for w in set(ws):
        f["w=" + w] = 1
        f[x["type"] + "|" + w] = 1
    return f


def main() -> int:
    sf = _scorer()
    pipe = load_pipeline()
    rows: list[tuple[str, dict[str, Any], bool]] = []
    for path in (*TRAIN, TEST):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for g, r in zip(gold["articles"], _records(gold, path.parent == DEV, pipe), strict=True):
            for x in r["events"]:
                t = sf.norm(x.get("text"))
                hit = any(x["type"] in sf._alts(e["type"])
                          and any(sf.norm(a) in t for a in sf._alts(e["anchor"])) for e in g["events"])
                rows.append(("test" if path == TEST else "train", x, hit))
    v = DictVectorizer()
    x_train = v.fit_transform([_features(x) for s, x, _ in rows if s == "train"])
    y_train = np.array([h for s, _, h in rows if s == "train"])
    x_test = v.transform([_features(x) for s, x, _ in rows if s == "test"])
    y_test = np.array([h for s, _, h in rows if s == "test"])
    print(f"train: {len(y_train)} events, {y_train.sum()} precise; held out: {len(y_test)},"
          f" {y_test.sum()} precise (precision {y_test.mean():.2f})")
    for c in (0.1, 0.3, 1.0):
        p = LogisticRegression(C=c, max_iter=2000).fit(x_train, y_train).predict_proba(x_test)[:, 1]
        for t in (0.4, 0.5, 0.6):
            keep = p >= t
            print(f"C={c} threshold {t}: keeps {keep.sum()}/{len(y_test)},"
                  f" precision {y_test[keep].mean():.2f}, precise kept {y_test[keep].sum()}/{y_test.sum()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
