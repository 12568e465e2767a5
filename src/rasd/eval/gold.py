"""Score extracted records against a gold file (SPEC §3): the rules of `tools/score_records.py`.

A gold file holds {"articles": [...]}; each names its input `file` (relative to the gold file's
folder), the `args` to extract it with (`--published`, `--source`) and the facts a correct record
holds. Names list alternatives with `|`; a name matches when its tokens equal, or run inside, the
extracted span's tokens once diacritics, alef forms and proclitics (و ف ب ل ك ال) are set aside.
"""
from __future__ import annotations

import argparse
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasd.errors import InputError, UsageError
from rasd.pipeline import Pipeline

METRICS: tuple[str, ...] = ("entities", "quotes", "counts", "count_places", "no_false_counts",
                            "boilerplate", "dates", "geocoding", "events", "fields")

_DIACRITICS_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_PUNCT_RE = re.compile(r"[^\w\s]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_PREFIXES = ("و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "كال", "لل", "ول", "وب", "فب",
             "فل", "وبال", "ولل", "فلل", "وك", "وكال", "فبال")


@dataclass
class GoldReport:
    """Hits and totals per metric, the misses behind them, and offset-rule violations."""

    hit: dict[str, int] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)
    misses: dict[str, list[str]] = field(default_factory=dict)
    offset_errors: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def add(self, metric: str, ok: bool, what: str) -> None:
        self.total[metric] = self.total.get(metric, 0) + 1
        if ok:
            self.hit[metric] = self.hit.get(metric, 0) + 1
        else:
            self.misses.setdefault(metric, []).append(what)

    def ratio(self, metric: str) -> float:
        t = self.total.get(metric, 0)
        return 1.0 if t == 0 else self.hit.get(metric, 0) / t

    def metrics(self) -> list[str]:
        return [m for m in METRICS if m in self.total]


# ---- name matching ------------------------------------------------------------------------------
def norm(s: str | None) -> str:
    s = _DIACRITICS_RE.sub("", s or "").translate(_FOLD)
    return " ".join(_PUNCT_RE.sub(" ", s).split())


def _stems(t: str) -> set[str]:
    out = {t}
    for p in _PREFIXES:
        if t.startswith(p) and len(t) - len(p) >= 2:
            out.add(t[len(p):])
    return out


def _contains(big: list[str], small: list[str]) -> bool:
    n = len(small)
    return any(all(x == y or bool(_stems(x) & _stems(y)) for x, y in zip(big[i:i + n], small, strict=True))
               for i in range(len(big) - n + 1))


def same_name(gold: str, cand: str | None) -> bool:
    """True when one of gold's `|` alternatives and `cand` contain each other as token runs."""
    c = norm(cand).split()
    if not c:
        return False
    for alt in gold.split("|"):
        g = norm(alt).split()
        if g and (_contains(c, g) or _contains(g, c)):
            return True
    return False


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(a))


def _place_names(p: dict[str, Any] | None) -> list[str]:
    return [p[k] for k in ("text", "name", "name_en", "admin1") if p and p.get(k)]


# ---- scoring ------------------------------------------------------------------------------------
def check_offsets(rec: dict[str, Any]) -> list[str]:
    """Spans of a record that break `text[start:end] == span.text`."""
    bad = []
    text = rec.get("text", "")
    for name in ("entities", "places", "dates", "quotes", "counts", "events"):
        for item in rec.get(name) or []:
            s, e, t = item.get("start"), item.get("end"), item.get("text")
            if s is None or e is None or t is None:
                bad.append(f"{name}: span without start/end/text")
            elif text[s:e] != t:
                bad.append(f"{name}: text[{s}:{e}]={text[s:e]!r} != {t!r}")
            if name == "quotes" and item.get("speaker_start") is not None:
                ss, se = item["speaker_start"], item["speaker_end"]
                if text[ss:se] != item.get("speaker"):
                    bad.append(f"quotes: speaker span {ss}:{se} != {item.get('speaker')!r}")
    return bad


def _quoted_by(speaker: str, quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [x for x in quotes if same_name(speaker, x.get("speaker"))
            or same_name(speaker, x.get("speaker_entity"))]


def score_article(gold: dict[str, Any], rec: dict[str, Any], report: GoldReport) -> None:
    """Add one gold article's checks against its record to `report`."""
    tag = gold["file"]
    ents = rec.get("entities") or []
    places = rec.get("places") or []
    for typ, names in (gold.get("entities") or {}).items():
        for name in names:
            ok = any(same_name(name, e.get("text")) or same_name(name, e.get("canonical"))
                     for e in ents if e.get("type") == typ)
            if not ok and typ == "LOC":
                ok = any(same_name(name, n) for p in places for n in _place_names(p))
            report.add("entities", ok, f"{tag}: {typ} {name}")
    quotes = rec.get("quotes") or []
    for q in gold.get("quote_speakers") or []:
        theirs = _quoted_by(q["speaker"], quotes)
        want = q.get("min", 1)
        report.add("quotes", len(theirs) >= want,
                   f"{tag}: {q['speaker']} quoted {len(theirs)}x, want >= {want}")
        if q.get("contains"):
            ok = any(norm(q["contains"]) in norm(x.get("text")) for x in theirs)
            report.add("quotes", ok, f"{tag}: {q['speaker']} quote containing {q['contains']}")
    counts = rec.get("counts") or []
    for c in gold.get("counts") or []:
        same = [x for x in counts if x.get("kind") == c["kind"] and x.get("count") == c["count"]]
        report.add("counts", bool(same), f"{tag}: {c['kind']} {c['count']}")
        if c.get("place"):
            ok = any(same_name(c["place"], n) for x in same for n in _place_names(x.get("place")))
            report.add("count_places", ok, f"{tag}: {c['kind']} {c['count']} at {c['place']}")
    for c in gold.get("forbidden_counts") or []:
        bad = any(x.get("kind") == c["kind"] and x.get("count") == c["count"] for x in counts)
        report.add("no_false_counts", not bad, f"{tag}: should not report {c['kind']} {c['count']}")
    text = norm(rec.get("text", ""))
    for b in gold.get("boilerplate") or []:
        report.add("boilerplate", norm(b) not in text, f"{tag}: boilerplate kept: {b}")
    for d in gold.get("dates") or []:
        ok = any(x.get("value") == d["value"]
                 and (d.get("value_end") is None or x.get("value_end") == d["value_end"])
                 for x in rec.get("dates") or [])
        report.add("dates", ok, f"{tag}: date {d}")
    for p in gold.get("places") or []:
        ok = any(any(same_name(p["name"], n) for n in _place_names(x))
                 and x.get("country") == p["country"] and x.get("lat") is not None
                 and km(x["lat"], x["lon"], p["lat"], p["lon"]) <= p.get("km", 50)
                 for x in places)
        report.add("geocoding", ok, f"{tag}: {p['name']} -> {p['country']} ({p['lat']},{p['lon']})")
    for ev in gold.get("events") or []:
        ok = any(x.get("type") == ev["type"]
                 and (not ev.get("place")
                      or any(same_name(ev["place"], n) for n in _place_names(x.get("place"))))
                 for x in rec.get("events") or [])
        report.add("events", ok, f"{tag}: event {ev}")
    for k, want in (gold.get("fields") or {}).items():
        report.add("fields", norm(str(rec.get(k))) == norm(str(want)),
                   f"{tag}: {k}={rec.get(k)!r}, want {want!r}")


def score_records(gold_articles: Iterable[dict[str, Any]],
                  records: dict[str, dict[str, Any] | None]) -> GoldReport:
    """Score records (by gold `file`) against gold articles; a missing record scores as empty."""
    report = GoldReport()
    for g in gold_articles:
        rec = records.get(g["file"])
        if rec is None:
            report.missing.append(g["file"])
            rec = {}
        report.offset_errors += [f"{g['file']}: {b}" for b in check_offsets(rec)]
        score_article(g, rec, report)
    return report


# ---- running the pipeline on a gold file --------------------------------------------------------
def _article_args(args: list[str]) -> tuple[str | None, str | None]:
    parser = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    parser.add_argument("--published")
    parser.add_argument("--source")
    try:
        ns, rest = parser.parse_known_args(args)
    except argparse.ArgumentError as e:
        raise UsageError(f"bad gold args {args!r}: {e}") from e
    if rest:
        raise UsageError(f"unsupported gold args: {' '.join(rest)}")
    return ns.published, ns.source


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """The gold articles of a gold file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise InputError(str(path), f"cannot read gold file: {e}") from e
    articles = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(articles, list):
        raise InputError(str(path), "gold file has no 'articles' list")
    return articles


def evaluate_gold(path: str | Path, *, pipeline: Pipeline | None = None) -> GoldReport:
    """Extract every gold article's file with its args and score the records."""
    from rasd.api import extract  # the readers load only when a gold run needs them

    gold = load_gold(path)
    folder = Path(path).resolve().parent
    records: dict[str, dict[str, Any] | None] = {}
    for g in gold:
        published, source = _article_args(list(g.get("args") or []))
        first = next(iter(extract([str(folder / g["file"])], published=published, source=source,
                                  pipeline=pipeline)), None)
        records[g["file"]] = None if first is None or isinstance(first, InputError) else first.to_dict()
    return score_records(gold, records)
