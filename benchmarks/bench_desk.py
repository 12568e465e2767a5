"""Latency of the desk's pages and API over a store: p50/p95 per endpoint, in process (no network).

    python benchmarks/bench_desk.py --db full.db [--rounds 3] [--json]

Queries are drawn from the store itself: titles' words, its most frequent entities and places, its
stories, so every request has something to find. Each endpoint is asked `--rounds` times per
parameter set; the first call of the run (opening the store, warming caches) is not counted.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from typing import Any
from urllib.parse import quote


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p * (len(ordered) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--samples", type=int, default=20, help="parameter sets per endpoint")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    from fastapi.testclient import TestClient

    from rasd.desk.app import create_app
    rng = random.Random(7)
    client = TestClient(create_app(args.db))
    client.get("/api/health")
    everything = client.get("/api/search", params={"limit": 100}).json()
    facets = everything["facets"]
    words = [w for h in everything["results"] for w in h["title"].split() if len(w) > 3]
    ids = [h["id"] for h in everything["results"]]
    stories = [h["story"] for h in everything["results"] if h["story"]]
    entities = [v["value"] for v in facets.get("entity", [])]
    places = [v["value"] for v in facets.get("place", [])]
    n = args.samples
    plan: dict[str, list[str]] = {
        "api search (words)": [f"/api/search?q={quote(w)}" for w in rng.sample(words, min(n, len(words)))],
        "api search (entity filter)": [f"/api/search?entity={quote(e)}" for e in entities[:n]],
        "page /": [f"/?q={quote(w)}" for w in rng.sample(words, min(n, len(words)))],
        "api article": [f"/api/articles/{i}" for i in ids[:n]],
        "page article": [f"/articles/{i}" for i in ids[:n]],
        "api story": [f"/api/stories/{s}" for s in stories[:n]],
        "api entity": [f"/api/entities/{quote(e)}" for e in entities[:n]],
        "page entity": [f"/entities/{quote(e)}" for e in entities[: max(1, n // 2)]],
        "api counts by place": ["/api/counts?by=place"]
        + [f"/api/counts?place={quote(p)}" for p in places[:n]],
        "api counts killed by day": ["/api/counts?kind=killed"],
        "page map": ["/map", "/map?kind=killed", "/map?country=SY"],
        "page timeline": ["/timeline", "/timeline?kind=killed"]
        + [f"/timeline?place={quote(p)}" for p in places[:5]],
    }
    out: dict[str, Any] = {}
    for name, urls in plan.items():
        if not urls:
            continue
        times: list[float] = []
        for _ in range(args.rounds):
            for u in urls:
                t0 = time.perf_counter()
                r = client.get(u)
                times.append((time.perf_counter() - t0) * 1000)
                if r.status_code >= 500:
                    raise SystemExit(f"{u}: {r.status_code} {r.text[:200]}")
        out[name] = {"requests": len(times), "p50_ms": round(statistics.median(times), 1),
                     "p95_ms": round(_pct(times, 0.95), 1), "max_ms": round(max(times), 1)}
    articles = client.get("/api/health").json()["articles"]
    if args.json:
        print(json.dumps({"articles": articles, "endpoints": out}, ensure_ascii=False, indent=1))
        return
    print(f"{articles} articles in {args.db}")
    print(f"{'endpoint':32} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name, row in out.items():
        print(f"{name:32} {row['requests']:>5} {row['p50_ms']:>8} {row['p95_ms']:>8} {row['max_ms']:>8}")


if __name__ == "__main__":
    main()
