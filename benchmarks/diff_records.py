#!/usr/bin/env python3
"""Diff the records of two checkouts on a fixed sample of shared articles, as a Markdown report.

Draws a seeded sample (default 500) from the three corpora of ../shared/data/news (reservoir samples
of the JawharaFM and ANT multisource archives, and of all SaudiNewsNet items), writes each article as
its own input file, and runs the `rasd extract` path (read, clean, the default pipeline, `to_dict`)
over the same files once per checkout, each in its own subprocess with `PYTHONPATH=<checkout>/src`.
Then, per record field, it counts the records that differ, the items removed, added and changed
(an item on the same span whose other keys changed), and shows a few examples. Fields only one side
has (such as `schema` and `pipeline`) are listed and left out of the comparison, and so are item keys
only one side has. Run from the repository root:

    python benchmarks/diff_records.py                                  # /work/base against this tree
    python benchmarks/diff_records.py --before ../old --after . --output diff.md --save /tmp/recs
    python benchmarks/diff_records.py --sample 100 --seed 3 --examples 8
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import shlex
import sys
import tarfile
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sides  # noqa: E402  (the sibling module, not an installed package)

ARCHIVES = {"jawhara": sides.NEWS / "ant_v1_jawharafm.tar.gz", "ant": sides.NEWS / "ant_multisource.tar.gz"}
SAUDI = sides.NEWS / "saudinewsnet"
DEFAULT_SEED = 10
SNIPPET = 90  # characters of a value shown in an example


# ---- the sample (parent side: no rasd import) ----------------------------------------------------------

def _reservoir(rng: random.Random, keep: list[Any], seen: int, n: int, item: Any) -> None:
    slot = seen - 1 if seen <= n else rng.randrange(seen)
    if slot < n:
        if len(keep) < n:
            keep.append(item)
        else:
            keep[slot] = item


def draw_sample(total: int, seed: int, out: Path) -> list[Path]:
    """Write `total` articles (a third from each corpus) as files under `out`; the same files every run."""
    rng = random.Random(seed)
    shares = [total // 3 + (1 if k < total % 3 else 0) for k in range(3)]
    paths: list[Path] = []
    for (corpus, archive), n in zip(ARCHIVES.items(), shares[:2], strict=True):
        keep: list[tuple[str, bytes]] = []
        seen = 0
        with tarfile.open(archive, "r|gz") as tar:
            for m in tar:
                if not (m.isfile() and m.name.endswith(".txt")):
                    continue
                seen += 1
                f = tar.extractfile(m)
                if f is not None:
                    _reservoir(rng, keep, seen, n, (m.name, f.read()))
        for name, data in sorted(keep):
            p = out / f"{corpus}__{name.replace('/', '__')}"
            p.write_bytes(data)
            paths.append(p)
    items: list[tuple[str, int, dict[str, Any]]] = []
    seen = 0
    for day in sorted(SAUDI.glob("*.json.gz")):
        with gzip.open(day, "rt", encoding="utf-8") as f:
            for k, item in enumerate(json.load(f)):
                seen += 1
                _reservoir(rng, items, seen, shares[2], (day.name.split(".")[0], k, item))
    for day_name, k, item in sorted(items, key=lambda x: (x[0], x[1])):
        p = out / f"saudinewsnet__{day_name}__{k:05d}.json"
        p.write_text(json.dumps(item, ensure_ascii=False), encoding="utf-8")
        paths.append(p)
    return paths


# ---- worker side --------------------------------------------------------------------------------------

def worker(src: str, manifest: str, out: str) -> int:
    rasd = sides.worker_setup(src)
    inputs = json.loads(Path(manifest).read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    pipe = sides.load_pipeline(rasd)
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    with open(out, "w", encoding="utf-8") as f:
        for path in inputs:
            records: list[dict[str, Any]] = []
            errors: list[str] = []
            try:
                for item in sides.read_articles(rasd, [path]):
                    if isinstance(item, Exception):
                        errors.append(str(item).replace(str(Path(path).parent) + "/", ""))
                    else:
                        records.append(pipe(item).to_dict())
            except Exception as e:  # noqa: BLE001  (a crash is a difference to report, not a stop)
                errors.append(f"crash: {type(e).__name__}: {e}")
            f.write(json.dumps({"input": Path(path).name, "records": records, "errors": errors},
                               ensure_ascii=False) + "\n")
    sides.reply({"load_s": round(load_s, 2), "run_s": round(time.perf_counter() - t0, 2),
                 "peak_rss_mb": round(sides.peak_rss_mb(), 1), "rasd": rasd.__file__})
    return 0


# ---- the comparison -----------------------------------------------------------------------------------

@dataclass
class FieldDiff:
    """What changed in one record field over the sample."""

    records: int = 0
    removed: int = 0
    added: int = 0
    changed: int = 0
    examples: list[str] = field(default_factory=list)


def _short(value: Any, limit: int = SNIPPET) -> str:
    s = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
    s = s.replace("\n", "⏎").replace("|", "¦")
    return s if len(s) <= limit else s[:limit - 1] + "…"


def _item_label(item: Any) -> str:
    if not isinstance(item, dict):
        return _short(item)
    head = f"«{_short(item.get('text', ''), 60)}»"
    kind = "/".join(str(item[k]) for k in ("type", "kind", "reason") if item.get(k) is not None)
    span = f"@{item['start']}-{item['end']}" if "start" in item and "end" in item else ""
    extra = [f"{k}={_short(item[k], 40)}" for k in ("name_en", "canonical", "speaker", "value", "count",
                                                   "geonameid", "id") if item.get(k) is not None]
    return " ".join(x for x in (head, kind, span, ", ".join(extra[:2])) if x)


def _span_key(item: Any) -> Any:
    if isinstance(item, dict) and "start" in item and "end" in item:
        return ("span", item["start"], item["end"])
    if isinstance(item, dict) and "text" in item:
        return ("text", item["text"])
    return None


def _text_diff(before: str, after: str) -> str:
    """The first place two strings differ, with a little context."""
    i = 0
    while i < min(len(before), len(after)) and before[i] == after[i]:
        i += 1
    j = 0
    while (j < min(len(before), len(after)) - i and before[len(before) - 1 - j] == after[len(after) - 1 - j]):
        j += 1
    ctx, tail = max(0, i - 30), max(0, j - 30)
    b, a = before[ctx:len(before) - tail], after[ctx:len(after) - tail]
    return f"at {i}: `{_short(b, 120)}` → `{_short(a, 120)}` (lengths {len(before)} → {len(after)})"


class Comparison:
    """Accumulates the differences between paired records."""

    def __init__(self, before: list[dict[str, Any]], after: list[dict[str, Any]], examples: int) -> None:
        self.max_examples = examples
        self.keys_before = set().union(*(r.keys() for r in before)) if before else set()
        self.keys_after = set().union(*(r.keys() for r in after)) if after else set()
        self.common = sorted(self.keys_before & self.keys_after)
        self.list_fields = {k for k in self.common
                            if any(isinstance(r.get(k), list) for r in before + after)}
        self.item_keys: dict[str, tuple[set[str], set[str]]] = {}
        for k in self.list_fields:
            kb = {ik for r in before for it in r.get(k) or [] if isinstance(it, dict) for ik in it}
            ka = {ik for r in after for it in r.get(k) or [] if isinstance(it, dict) for ik in it}
            self.item_keys[k] = (kb, ka)
        self.fields = {k: FieldDiff() for k in self.common}
        self.records_differing = 0

    def _example(self, fd: FieldDiff, name: str, text: str) -> None:
        if len(fd.examples) < self.max_examples:
            fd.examples.append(f"`{name}`: {text}")

    def _norm_item(self, k: str, item: Any) -> str:
        if isinstance(item, dict):
            kb, ka = self.item_keys[k]
            item = {ik: v for ik, v in item.items() if ik in kb and ik in ka}
        return json.dumps(item, ensure_ascii=False, sort_keys=True)

    def add(self, name: str, before: dict[str, Any], after: dict[str, Any]) -> None:
        any_diff = False
        for k in self.common:
            b, a = before.get(k), after.get(k)
            fd = self.fields[k]
            if k in self.list_fields:
                cb = Counter(self._norm_item(k, x) for x in b or [])
                ca = Counter(self._norm_item(k, x) for x in a or [])
                if cb == ca:
                    continue
                removed = [json.loads(s) for s in (cb - ca).elements()]
                added = [json.loads(s) for s in (ca - cb).elements()]
                changed: list[tuple[Any, Any]] = []
                by_key: dict[Any, list[Any]] = {}
                for x in added:
                    by_key.setdefault(_span_key(x), []).append(x)
                still_removed = []
                for x in removed:
                    key = _span_key(x)
                    if key is not None and by_key.get(key):
                        y = by_key[key].pop(0)
                        changed.append((x, y))
                    else:
                        still_removed.append(x)
                still_added = [x for xs in by_key.values() for x in xs]
                fd.records += 1
                fd.removed += len(still_removed)
                fd.added += len(still_added)
                fd.changed += len(changed)
                any_diff = True
                for x in still_removed[:1]:
                    self._example(fd, name, f"removed {_item_label(x)}")
                for x in still_added[:1]:
                    self._example(fd, name, f"added {_item_label(x)}")
                for x, y in changed[:1]:
                    keys = sorted(ik for ik in set(x) | set(y) if x.get(ik) != y.get(ik))
                    what = "; ".join(f"{ik}: {_short(x.get(ik), 40)} → {_short(y.get(ik), 40)}"
                                     for ik in keys)
                    self._example(fd, name, f"changed {_item_label(x)}: {what}")
            elif b != a:
                fd.records += 1
                any_diff = True
                if isinstance(b, str) and isinstance(a, str):
                    self._example(fd, name, _text_diff(b, a))
                else:
                    self._example(fd, name, f"`{_short(b)}` → `{_short(a)}`")
        self.records_differing += any_diff


def _load(path: Path) -> dict[str, dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return {row["input"]: row for row in map(json.loads, f)}


def _corpus(name: str) -> str:
    return name.split("__", 1)[0]


def report(args: argparse.Namespace, before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]],
           runs: dict[str, dict[str, Any]], labels: dict[str, str]) -> str:
    names = sorted(set(before) | set(after))
    recs_b = [r for n in names for r in before.get(n, {}).get("records", [])]
    recs_a = [r for n in names for r in after.get(n, {}).get("records", [])]
    cmp = Comparison(recs_b, recs_a, args.examples)
    count_diff: list[str] = []
    error_diff: list[str] = []
    pairs = 0
    for n in names:
        rb, ra = before.get(n, {}).get("records", []), after.get(n, {}).get("records", [])
        if len(rb) != len(ra):
            count_diff.append(f"`{n}`: {len(rb)} → {len(ra)} records")
        eb, ea = before.get(n, {}).get("errors", []), after.get(n, {}).get("errors", [])
        if eb != ea:
            error_diff.append(f"`{n}`: {_short(eb, 150)} → {_short(ea, 150)}")
        for x, y in zip(rb, ra, strict=False):
            cmp.add(n, x, y)
            pairs += 1
    corpora = Counter(_corpus(n) for n in names)
    out: list[str] = []
    w = out.append
    w("# Record differences: before → after\n")
    w(f"- before: `{args.before}` ({labels['before']}); after: `{args.after}` ({labels['after']})")
    w(f"- sample: {len(names)} input files, seed {args.seed} "
      f"({', '.join(f'{c} {k}' for c, k in sorted(corpora.items()))}), the `rasd extract` path "
      f"(read, clean, default pipeline, `to_dict`)")
    for side in ("before", "after"):
        r = runs[side]
        recs = recs_b if side == "before" else recs_a
        errs = sum(len(x.get("errors", [])) for x in (before if side == "before" else after).values())
        w(f"- {side}: {len(recs)} records, {errs} input errors/skips; pipeline load {r['load_s']} s, "
          f"run {r['run_s']} s, peak RSS {r['peak_rss_mb']} MB")
    w(f"- records compared in pairs: {pairs}; records with any difference: {cmp.records_differing}")
    w(f"- command: `{' '.join(shlex.quote(a) for a in sys.argv)}`\n")
    only_b = sorted(cmp.keys_before - cmp.keys_after)
    only_a = sorted(cmp.keys_after - cmp.keys_before)
    w("## Fields only one side has (not compared)\n")
    w(f"- only before: {', '.join(f'`{k}`' for k in only_b) or 'none'}")
    w(f"- only after: {', '.join(f'`{k}`' for k in only_a) or 'none'}")
    for k in sorted(cmp.item_keys):
        kb, ka = cmp.item_keys[k]
        if kb != ka:
            w(f"- item keys of `{k}`: only before {sorted(kb - ka) or 'none'}, "
              f"only after {sorted(ka - kb) or 'none'}")
    w("")
    w("## Per field\n")
    w("| field | records differing | items removed | items added | items changed (same span) |")
    w("|---|---:|---:|---:|---:|")
    for k in cmp.common:
        fd = cmp.fields[k]
        if k in cmp.list_fields:
            w(f"| `{k}` | {fd.records} | {fd.removed} | {fd.added} | {fd.changed} |")
        else:
            w(f"| `{k}` | {fd.records} | | | |")
    w("")
    if count_diff or error_diff:
        w("## Inputs whose records or errors differ\n")
        for line in (count_diff + error_diff)[:args.examples * 4]:
            w(f"- {line}")
        if len(count_diff) + len(error_diff) > args.examples * 4:
            w(f"- … {len(count_diff) + len(error_diff) - args.examples * 4} more")
        w("")
    shown = [k for k in cmp.common if cmp.fields[k].examples]
    if shown:
        w("## Examples\n")
        for k in shown:
            w(f"### `{k}`\n")
            for e in cmp.fields[k].examples:
                w(f"- {e}")
            w("")
    else:
        w("No record differs in any compared field.\n")
    return "\n".join(out)


def main(argv: Iterable[str] | None = None) -> int:
    raw = list(sys.argv[1:] if argv is None else argv)
    if raw[:1] == ["--worker"]:
        return worker(*raw[1:4])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, default=sides.DEFAULT_BEFORE,
                        help=f"checkout of the old code (default {sides.DEFAULT_BEFORE})")
    parser.add_argument("--after", type=Path, default=sides.REPO,
                        help=f"checkout of the new code (default this tree, {sides.REPO})")
    parser.add_argument("--sample", type=int, default=500, help="articles in the sample (default 500)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED,
                        help=f"sample seed (default {DEFAULT_SEED})")
    parser.add_argument("--examples", type=int, default=5, help="examples shown per field (default 5)")
    parser.add_argument("--output", type=Path, default=None, help="write the report here (default stdout)")
    parser.add_argument("--save", type=Path, default=None,
                        help="keep the sample and both sides' records (before.jsonl, after.jsonl) here")
    args = parser.parse_args(raw)
    for d in (args.before, args.after):
        sides.check_checkout(d)
    if not SAUDI.exists() or not all(p.exists() for p in ARCHIVES.values()):
        print(f"diff_records: the shared corpora are not under {sides.NEWS}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="rasd-diff-") as tmp:
        work = args.save or Path(tmp)
        sample_dir = work / "sample"
        sample_dir.mkdir(parents=True, exist_ok=True)
        paths = draw_sample(args.sample, args.seed, sample_dir)
        manifest = work / "inputs.json"
        manifest.write_text(json.dumps([str(p.resolve()) for p in paths]), encoding="utf-8")
        runs: dict[str, dict[str, Any]] = {}
        for side, checkout in (("before", args.before), ("after", args.after)):
            print(f"diff_records: {side} ({checkout}) over {len(paths)} inputs…", file=sys.stderr)
            s = sides.Side(side, checkout, Path(__file__).resolve(),
                           [str(manifest.resolve()), str((work / f"{side}.jsonl").resolve())])
            runs[side] = s.receive()
            s.close()
        text = report(args, _load(work / "before.jsonl"), _load(work / "after.jsonl"), runs,
                      {"before": sides.git_label(args.before), "after": sides.git_label(args.after)})
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")
        print(f"diff_records: wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
