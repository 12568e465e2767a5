#!/usr/bin/env python3
"""Quality sample: run the default pipeline over a seeded sample of the three shared corpora.

Reports, per corpus: articles read, crashes outside the pipeline, stage-failure warnings,
offset-rule violations (Article.bad_spans()) and per-field counts; dumps a readable sample (and the
JSON Lines records) to a folder for reading by eye. Run from the repository root:

    nice -n 10 .venv/bin/python benchmarks/quality_sample.py                  # 300 per corpus
    nice -n 10 .venv/bin/python benchmarks/quality_sample.py -n 100 --seed 7 --out /tmp/qs
    nice -n 10 .venv/bin/python benchmarks/quality_sample.py --stages sentences,dates,entities

The sample is a reservoir sample over one pass of each archive (seeded, so the same articles come
back run after run as long as the archives do not change).
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import tarfile
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from rasd.errors import InputError
from rasd.model import Article
from rasd.pipeline import DEFAULT_PIPELINE, Pipeline
from rasd.readers import read_blob
from rasd.readers.article import build_article
from rasd.readers.containers import Blob

NEWS = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "news"
CORPORA = {
    "ant": NEWS / "ant_multisource.tar.gz",
    "jawhara": NEWS / "ant_v1_jawharafm.tar.gz",
    "saudi": NEWS / "saudinewsnet",
}
FIELDS = ("entities", "places", "dates", "quotes", "counts", "events")


def _reservoir(items: Iterator[tuple[str, bytes]], n: int, rng: random.Random) -> list[Blob]:
    keep: list[Blob] = []
    for i, (name, data) in enumerate(items):
        if i < n:
            keep.append(Blob(name, data))
        else:
            j = rng.randint(0, i)
            if j < n:
                keep[j] = Blob(name, data)
    return sorted(keep, key=lambda b: b.origin)


def _tar_members(path: Path) -> Iterator[tuple[str, bytes]]:
    with tarfile.open(path, "r|gz") as tar:
        for m in tar:
            if m.isfile() and m.name.endswith(".txt"):
                f = tar.extractfile(m)
                if f is not None:
                    yield f"{path.name}::{m.name}", f.read()


def _json_items(folder: Path) -> Iterator[tuple[str, bytes]]:
    for p in sorted(folder.glob("*.json.gz")):
        with gzip.open(p, "rt", encoding="utf-8") as f:
            for k, item in enumerate(json.load(f)):
                yield f"{p.name}#{k}", json.dumps(item, ensure_ascii=False).encode("utf-8")


def sample_blobs(corpus: str, n: int, seed: int) -> list[Blob]:
    """A seeded sample of `n` raw items (one article each) of a corpus."""
    path = CORPORA[corpus]
    items = _json_items(path) if path.is_dir() else _tar_members(path)
    return _reservoir(items, n, random.Random(f"{seed}:{corpus}"))


def build(blob: Blob) -> list[Article | str]:
    """The cleaned articles of one item, or the reason it was skipped."""
    out: list[Article | str] = []
    for raw in read_blob(blob):
        if isinstance(raw, InputError):
            out.append(str(raw))
            continue
        try:
            out.append(build_article(raw))
        except InputError as e:
            out.append(str(e))
    return out


def readable(a: Article) -> str:
    """A short view of a record for reading by eye."""
    lines = [f"=== {a.id}  {a.source}  {a.published}  {a.category}", a.text, "---"]
    lines.append("ENT  " + " | ".join(f"{e.text}/{e.type}" + (f"={e.canonical}" if e.canonical
                                      and e.canonical != e.text else "") for e in a.entities))
    lines.append("PLC  " + " | ".join(f"{p.text}->{p.name},{p.country},{p.kind}" for p in a.places))
    lines.append("DAT  " + " | ".join(f"{d.text}={d.value}" for d in a.dates))
    for q in a.quotes:
        lines.append(f"QUO  [{'D' if q.direct else 'R'}] {q.speaker!r} ({q.speaker_entity}; "
                     f"{q.speaker_title}) {q.cue}: {q.text[:160]!r}")
    for c in a.counts:
        place = c.place.name if c.place else None
        lines.append(f"CNT  {c.kind} {c.count} {c.qualifier} obj={c.object} place={place} "
                     f"date={c.date} {c.text!r}")
    for e in a.events:
        lines.append(f"EVT  {e.type} {e.mode} actor={e.actor} recip={e.recipient} "
                     f"neg={e.negated} counts={e.counts} {e.text[:100]!r}")
    for w in a.warnings:
        lines.append(f"WRN  {w}")
    return "\n".join(lines) + "\n"


def run_corpus(corpus: str, pipeline: Pipeline, n: int, seed: int, out: Path) -> dict[str, object]:
    t0 = time.perf_counter()
    blobs = sample_blobs(corpus, n, seed)
    t_load = time.perf_counter() - t0
    stats: Counter[str] = Counter()
    nonempty: Counter[str] = Counter()
    crashes: list[str] = []
    stage_failures: Counter[str] = Counter()
    bad: list[str] = []
    t1 = time.perf_counter()
    with open(out / f"{corpus}.txt", "w", encoding="utf-8") as txt, \
            open(out / f"{corpus}.jsonl", "w", encoding="utf-8") as jl:
        for blob in blobs:
            for item in build(blob):
                if isinstance(item, str):
                    stats["skipped"] += 1
                    continue
                stats["articles"] += 1
                try:
                    a = pipeline(item)
                except Exception:  # noqa: BLE001 - a benchmark reports crashes, it does not stop
                    crashes.append(f"{blob.origin}: {traceback.format_exc(limit=3)}")
                    continue
                for w in a.warnings:
                    if w.startswith("stage "):
                        stage_failures[w.split(":")[0]] += 1
                        crashes.append(f"{blob.origin}: {w}")
                bad.extend(f"{blob.origin}: {b}" for b in a.bad_spans())
                for f in FIELDS:
                    k = len(getattr(a, f))
                    stats[f] += k
                    nonempty[f] += k > 0
                txt.write(readable(a) + "\n")
                jl.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")
    n_art = max(stats["articles"], 1)
    return {
        "corpus": corpus, "articles": stats["articles"], "skipped": stats["skipped"],
        "crashes": len(crashes), "stage_failures": dict(stage_failures), "bad_spans": len(bad),
        "per_article": {f: round(stats[f] / n_art, 2) for f in FIELDS},
        "share_nonempty": {f: round(nonempty[f] / n_art, 2) for f in FIELDS},
        "load_s": round(t_load, 1), "pipeline_s": round(time.perf_counter() - t1, 1),
        "examples": (crashes[:3], bad[:3]),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=300, help="articles per corpus (default 300)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--corpora", default=",".join(CORPORA), help="comma-separated subset")
    parser.add_argument("--stages", default=None,
                        help="comma-separated stages (default: the default pipeline)")
    parser.add_argument("--out", type=Path, default=Path("/tmp/rasd_quality_sample"))
    args = parser.parse_args()
    if not NEWS.exists():
        print(f"quality_sample: {NEWS} not found", file=sys.stderr)
        return 1
    names = tuple(args.stages.split(",")) if args.stages else DEFAULT_PIPELINE
    pipeline = Pipeline(names)
    args.out.mkdir(parents=True, exist_ok=True)
    print(f"stages: {','.join(names)}  seed {args.seed}  n {args.n}  dump {args.out}")
    for corpus in args.corpora.split(","):
        r = run_corpus(corpus, pipeline, args.n, args.seed, args.out)
        crashes, bad = r.pop("examples")  # type: ignore[misc]
        print(json.dumps(r, ensure_ascii=False))
        for line in [*crashes, *bad]:
            print("   ", line.strip()[:400])
    return 0


if __name__ == "__main__":
    sys.exit(main())
