"""Attach places and dates to counts; drop figures in headlines of other stories and repeated reports."""
from __future__ import annotations

import math
import re
from typing import cast

from rasd.extract.count_draft import Draft
from rasd.extract.wordscan import Sentences, key, strip_prefix
from rasd.lang.ar import counts as L
from rasd.lang.ar import speech as S
from rasd.model import Article, Count, CountKind, Place, PlaceRef, Qualifier

# What may stand between a figure's words and the place it happened in (`3 في حمص`, `قتلوا في
# مديرية التحيتا`).
_PLACE_LINK_RE = re.compile(r"^\s*(?:(?:في|ب|بـ|من|قرب|شمال|جنوب|شرق|غرب)\s*)?"
                            r"(?:(?:ال)?(?:مديرية|محافظة|مدينة|منطقة|بلدة|قرية|ولاية|حي|مخيم|ريف)\s*)?$")
# A place after a distance (`55 كلم غرب بغداد`, `10 كم من حلب`) is a landmark the scene is measured
# from.
_LANDMARK_RE = re.compile(r"(?:كلم|كم|كيلومترا?|كيلومترات|ميلا|أميال|متر|مترا)\s*/?\s*"
                          r"(?:(?:إلى\s+)?(?:ال)?(?:شمال|جنوب|شرق|غرب)[يى]?\s*){0,2}(?:من\s+)?$")
# A place in the name of a news outlet (`لوكالة تونس افريقيا للأنباء`, `لقناة دبي`, `صحيفة الرياض`)
# names who reports, not where the figure happened (nor does a second name in it: `تونس افريقيا`).
_OUTLET_RE = re.compile(r"(?:^|\s)[وفلب]*(?:وكالة|وكالات|صحيفة|صحف|قناة|قنوات|إذاعة|اذاعة|تلفزيون|تليفزيون)"
                        r"\s+(?:[^\s\d،,.]+\s+)?$")
# A place after `إلى` is where people were taken or went (`نقل الجرحى إلى العاصمة بغداد`), not where
# the figure happened (but the displaced are counted where they fled to).
_DESTINATION_RE = re.compile(r"(?:^|\s)(?:إلى|الى)\s+(?:(?:ال)?(?:عاصمة|مدينة|مستشفى|مستشفيات)\s+)?$")
# A figure whose sentence names no place takes the previous count's place when that count's paragraph
# starts at most this many characters before it (a story told one sentence per line).
NEAR_COUNT = 1200
# A body line this short without a final stop is a (related) headline, not a sentence of the story.
HEADLINE_MAX_WORDS = 20
_STOP_END = tuple(".!?؟:\"”»)")


def _place_ref(p: Place) -> PlaceRef:
    try:
        from rasd.geo.places import place_ref  # the geo helper's builder, when it is installed
    except ImportError:
        return PlaceRef(name=p.name, country=p.country, admin1=p.admin1, lat=p.lat, lon=p.lon)
    return place_ref(p)  # type: ignore[no-any-return]


def _loc_places(article: Article, places: list[Place]) -> list[Place]:
    """LOC entities that no resolved place covers, as unresolved places (`تريب` when the gazetteer
    has no entry): the name the text gives is still where the figure happened."""
    out = []
    text = article.text
    for e in article.entities:
        if len(e.text) <= 2 or text[max(0, e.start - 1):e.start] == "(":
            continue  # `(وات)`: an agency in brackets, not a place
        if e.type == "LOC" and not any(p.start < e.end and e.start < p.end for p in places):
            out.append(Place(text=e.text, start=e.start, end=e.end, name=e.canonical or e.text))
    return out


# Words after which a place is where something happened (`هجوم بلدة تريب`, `حريق بعمارة … الرياض`):
# the story's scene, for figures whose sentence names no place.
SCENE_WINDOW = 6


def scene_place(article: Article, places: list[Place]) -> Place | None:
    """The first non-country place within SCENE_WINDOW words after an incident word (`هجوم`,
    `انفجار`, `حريق`, `غارات`…), the place of the story's main event."""
    text = article.text
    for p in places:
        if p.kind == "country":
            continue
        before = key(text[max(0, p.start - 80):p.start]).split()[-SCENE_WINDOW:]
        if any(any(w == h or w.endswith(h) for h in L.SCENE_WORDS) for w in before):
            return p
    return None


# The dateline at the start of the body: a place, an optional country after a comma, then an agency
# in brackets and/or a dash (`دمشق-سانا`, `بيروت - (رويترز)`, `دبي، الإمارات العربية المتحدة (CNN) –`).
DATELINE_RE = re.compile(
    r"\s*(?P<place>[^\W\d][^\n،,()\-–—:.\d]{0,30}?)\s*(?:،\s*[^\n،,()\-–—:.\d]{2,40}?\s*)?"
    r"(?:\(\s*[^()\n]{1,25}\)\s*[-–—]*|[-–—]+)")


def title_end(article: Article) -> int:
    """Where the title ends in the text: its length when the text opens with it, else 0."""
    return len(article.title) if article.title and article.text.startswith(article.title) else 0


def body_start(article: Article) -> int:
    """Where the body starts: after the title line when the text opens with it, and blanks."""
    text = article.text
    start = title_end(article)
    while start < len(text) and text[start] in " \n\t\u200f\u200e":
        start += 1
    return start


def _dateline_span(article: Article) -> tuple[int, int]:
    """The span of the body's dateline words (`دبي، الإمارات العربية المتحدة (CNN) --`), empty when
    there is none: the place a report is filed from is not where its figures happened."""
    m = DATELINE_RE.match(article.text, body_start(article))
    return (m.start(), m.end()) if m else (0, 0)


def _paragraph(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _refers_back(text: str, sent: tuple[int, int]) -> bool:
    """The sentence names the story's incident again (`في الهجوم الذي قتل خلاله`, `حادث الحريق`)."""
    for w in key(text[sent[0]:sent[1]]).split():
        i = w.find("ال")
        if 0 <= i <= 2 and w[i + 2:].startswith(L.SCENE_WORDS):
            return True
    return False


def _other_story(text: str, sent: tuple[int, int]) -> bool:
    k = key(text[sent[0]:sent[1]])
    return any(m in k for m in L.OTHER_STORY)


def lead_place(article: Article, places: list[Place], sents: Sentences) -> Place | None:
    """The place of the lead (the title and the body's first sentence, dateline aside): the first
    city or region there, else its first country. News states the main event's place first."""
    end = sents.of(body_start(article))[1]
    pool = [p for p in places if p.start < end]
    return next((p for p in pool if p.kind != "country"), None) or (pool[0] if pool else None)


def _clause(text: str, d: Draft, s: int, e: int) -> tuple[int, int]:
    """The comma-delimited clause of the sentence [s, e) that holds the draft."""
    a = max(text.rfind(c, s, d.start) for c in _CLAUSE_MARKS)
    b = [x for x in (text.find(c, d.end, e) for c in _CLAUSE_MARKS) if x >= 0]
    return (a + 1 if a >= s else s, min(b) if b else e)


_CLAUSE_MARKS = ("،", "؛", ";")


def attach(article: Article, drafts: list[Draft], sents: Sentences) -> list[Count]:
    """Counts with the place and date of the clause that reports them.

    The place is, in order: one the figure's words run on to (`3 في حمص`) or hold; else the nearest
    place of its clause, then of its sentence (after it first), a city or region before a country;
    else the total's place for a part (`بينهم 41 طفلا`); else the place of the article's previous
    count; else the story's scene (`scene_place`). Unresolved LOC entities stand in where no resolved
    place is found. `claimed_by` and `confidence` are set here too.
    """
    text = article.text
    if not drafts:
        return []
    dateline = _dateline_span(article)
    places = sorted((p for p in article.places if not (dateline[0] <= p.start < dateline[1])
                     and not _actor_country(text, p) and not _landmark(text, p)), key=lambda p: p.start)
    locs = sorted((p for p in _loc_places(article, article.places)
                   if not (dateline[0] <= p.start < dateline[1]) and not _landmark(text, p)),
                  key=lambda p: p.start)
    anywhere = sorted(places + locs, key=lambda p: p.start)  # resolved places and bare LOC names
    lazy: dict[str, Place | None] = {}

    def fallback(name: str) -> Place | None:  # the scene and the lead, computed once when needed
        if name not in lazy:
            lazy[name] = scene_place(article, anywhere) \
                if name == "scene" else lead_place(article, places, sents)
        return lazy[name]

    out: list[Count] = []
    found: dict[int, Place | None] = {}
    last: tuple[int, Place] | None = None  # (paragraph start, place) of the previous placed count
    for i, d in enumerate(drafts):
        nxt = drafts[i + 1].start if i + 1 < len(drafts) else len(text)
        place = None
        for p in anywhere:
            if d.end <= p.start < nxt and _PLACE_LINK_RE.match(text[d.end:p.start]):
                d.end = p.end  # the phrase runs on to its place: `3 في حمص`
                place = p
                break
            if d.start <= p.start and p.end <= d.end:
                place = p
                break
        if place is None:
            area = _named_area(text, d.end)
            if area is not None and not any(p.start < area.end and area.start < p.end for p in anywhere):
                place = area  # `قتلوا في مديرية التحيتا`: an area the gazetteer does not know
        if place is None or place.kind == "country":
            # a country is the least specific answer: a city or region of the sentence wins
            named = place is not None  # the figure's own words name it: `مقتل 570 شخصا في نيجيريا`
            place = _sentence_place(text, d, drafts, places, sents, specific_only=place is not None) \
                or place or _sentence_place(text, d, drafts, locs, sents)
            if place is not None and not named and _broad(place):
                # `في مدينة نانغرهار شرقي أفغانستان`: a named city the gazetteer lacks is more precise
                area = _sentence_place(text, d, drafts, [p for p in locs if _AREA_BEFORE_RE.search(
                    text, max(0, p.start - 12), p.start) and _AREA_AFTER_RE.match(text, p.end)], sents)
                place = area or place
        if place is None and d.parent is not None:
            place = found.get(id(d.parent))
        para = _paragraph(text, d.start)
        if place is None and not _other_story(text, sents.of(d.start)):
            place = last[1] if last is not None and (last[0] == para or d.start - last[0] <= NEAR_COUNT) \
                else None
            if place is None and _refers_back(text, sents.of(d.start)):
                place = fallback("scene")
            if place is None:
                place = fallback("lead")
        found[id(d)] = place
        if place is not None:
            last = (para, place)
        out.append(Count(kind=cast(CountKind, d.kind), count=d.count,
                         qualifier=cast(Qualifier, d.qualifier), text=text[d.start:d.end],
                         start=d.start, end=d.end, object=d.object,
                         place=_place_ref(place) if place else None,
                         date=_sentence_date(article, d, sents),
                         claimed_by=claimed_by(article, d, sents),
                         confidence=confidence(d)))
    return out


# `قتلوا في مديرية التحيتا`: an administrative noun and the name after it, up to three words after the
# figure's words, where no entity or gazetteer entry covers the name, still say where it happened.
_AREA_RE = re.compile(r"(?:\s*[^\s\d،,.؛:]+){0,3}?\s*(?:في|ب|بـ)\s*"
                      r"(?P<area>(?:مديرية|محافظة|مدينة|بلدة|قرية|ولاية|منطقة|مخيم|ناحية|قضاء)\s+(?P<name>[^\W\d_][\w\u064b-\u0652\u0640]+))")
_AREA_NOT_NAME = frozenset({"الذي", "التي", "نفسها", "ذاتها", "واحدة", "اخري", "اخرى"})


def _named_area(text: str, pos: int) -> Place | None:
    m = _AREA_RE.match(text, pos)
    if m is None or key(m.group("name")) in _AREA_NOT_NAME or key(m.group("name")).startswith("و"):
        return None
    return Place(text=m.group("area"), start=m.start("area"), end=m.end("area"), name=m.group("area"))


# An administrative noun right before a name: the name is that kind of place (`مدينة نانغرهار`).
_AREA_BEFORE_RE = re.compile(r"(?:^|\s)[وفبل]*(?:ال)?(?:مدينة|ولاية|محافظة|إقليم|اقليم|منطقة|بلدة|قرية|"
                             r"مديرية|ناحية|قضاء)\s+$")
# `جندي من تشاد`: a person, then the country they come from.
_ORIGIN_RE = re.compile(r"([^\s\d،,.]+)\s+من\s+$")
# ... and the whole name: punctuation, `في` or a direction after it (not `نورث| هوانجهاي`).
_AREA_AFTER_RE = re.compile(r"\s*(?:$|[،,.؛:()\"«»]|(?:في|شمال|جنوب|شرق|غرب|وسط)\w*(?:\s|$))")
_DIRECTIONS = ("شمال", "جنوب", "شرق", "غرب", "وسط")


def _broad(p: Place) -> bool:
    """A country, or a quarter of one (`شرقي أفغانستان`): the least specific places."""
    return p.kind == "country" or (p.kind == "region" and p.admin1 is None
                                   and key(p.text).startswith(_DIRECTIONS))


def _landmark(text: str, p: Place) -> bool:
    """A place given as a distance from it (`35 كلم شمال الفلوجة`), in an outlet's name, or as where
    a person comes from (`وجندي من تشاد`)."""
    return bool(_LANDMARK_RE.search(text, max(0, p.start - 40), p.start)
                or _OUTLET_RE.search(text, max(0, p.start - 30), p.start)) or _origin(text, p)


def _origin(text: str, p: Place) -> bool:
    if p.kind != "country":
        return False
    m = _ORIGIN_RE.search(text, max(0, p.start - 30), p.start)
    if m is None:
        return False
    w = key(m.group(1))
    w = w[1:] if w[:1] == "و" and w[1:] in L.PERSON_SINGULAR else w
    return w in L.PERSON_SINGULAR or (w.endswith("ا") and w[:-1] in L.PERSON_SINGULAR)


def _destination(text: str, p: Place) -> bool:
    return bool(_DESTINATION_RE.search(text[max(0, p.start - 30):p.start]))


def _actor_country(text: str, p: Place) -> bool:
    """A country that is the subject of an actor's or a speaker's verb just before it (`وردت إسرائيل`,
    `قالت روسيا`): who acts, not where the figure happened."""
    before = key(text[max(0, p.start - 20):p.start]).split()
    if not before or text[p.start - 1:p.start] != " ":
        return False
    if p.kind != "country":  # a capital that speaks for its state: `أعلنت أنقرة`, `قالت موسكو`
        return p.kind == "city" and any(v in S.CUE_VERBS for v in strip_prefix(before[-1], L.VERB_PREFIXES))
    return any(v in L.ACTOR_VERBS or v in S.CUE_VERBS for v in strip_prefix(before[-1], L.VERB_PREFIXES))


def _sentence_place(text: str, d: Draft, drafts: list[Draft], places: list[Place], sents: Sentences, *,
                    specific_only: bool = False) -> Place | None:
    """The nearest place of the draft's clause, else of its sentence (after it first), most specific
    kind first."""
    s, e = sents.of(d.start)
    claimed = [(x.start, x.end) for x in drafts if x is not d]
    pool = [p for p in places if s <= p.start < e
            and not any(a <= p.start < b for a, b in claimed)]
    if not pool:
        return None
    if d.kind != "displaced":  # the displaced are counted where they fled to as well
        pool = [p for p in pool if not _destination(text, p)]
    if not pool:
        return None
    specific = [p for p in pool if not _broad(p)] or ([] if specific_only else pool)
    if not specific:
        return None
    cs, ce = _clause(text, d, s, e)
    own = [p for p in specific if cs <= p.start < ce]
    if own:
        specific = own
    else:  # a place in the clause of another figure is that figure's (`… 20 شخصا، بينما بلغ في حماة 13`)
        others = [_clause(text, x, s, e) for x in drafts if x is not d and s <= x.start < e]
        free = [p for p in specific if not any(a <= p.start < b for a, b in others if (a, b) != (cs, ce))]
        specific = free or specific
        if any(x.start >= d.end for x in drafts if x is not d and s <= x.start < e):
            # later figures of the sentence take the places after them: `درعا سجلت …، فقد بلغ عددهم
            # 20 شخصا، بينما بلغ في حماة 13، … وضحية في اللاذقية`
            specific = [p for p in specific if p.start < d.start] or specific
    after = [p for p in specific if p.start >= d.end]
    if after:
        return after[0]
    return max(specific, key=lambda p: p.start)


# ---- who gives the figure, and how sure the stage is --------------------------------------------

# Confidence of a count by how it was read (calibrated on the dev set: README "Counts").
HOW_CONFIDENCE: dict[str, float] = {
    "figure": 0.9, "combined": 0.85, "subset": 0.8, "ellipsis": 0.8, "verb-final": 0.8,
    "named": 0.75, "victim": 0.7, "bare": 0.65, "pronoun": 0.6, "infection": 0.75, "people": 0.6,
}
# A vague figure (`العشرات`) loses this much; a hedged or negated one keeps this share.
VAGUE_PENALTY = 0.1
HEDGE_FACTOR = 0.3
# Counts below this confidence are left out of the record.
CONFIDENCE_THRESHOLD = 0.5


def confidence(d: Draft) -> float:
    c = HOW_CONFIDENCE.get(d.how, 0.7)
    if d.qualifier == "about":
        c -= VAGUE_PENALTY
    if d.hedged:
        c *= HEDGE_FACTOR
    return round(c, 2)


def claimed_by(article: Article, d: Draft, sents: Sentences) -> str | None:
    """Who the sentence gives the figure to: the ORG or PER entity after an attribution head
    (`بحسب وزارة الصحة`, `وفق ما أفاد المرصد`) anywhere in the sentence, or after a reporting verb
    before the figure (`قال الهلال الأحمر إن …`); its canonical name. None when the outlet states it."""
    text = article.text
    s, e = sents.of(d.start)
    ents = [x for x in article.entities if s <= x.start < e and x.type in ("ORG", "PER")]
    if not ents:
        return None
    best: tuple[int, str] | None = None
    for m in _WORD_RE.finditer(text, s, e):
        k = key(m.group(0))
        bare = k[1:] if k[:1] in ("و", "ف") and len(k) > 3 else k
        head = k in L.CLAIM_HEADS
        verb = not head and (k in L.CLAIM_VERBS or bare in L.CLAIM_VERBS) and m.end() <= d.start
        if not (head or verb):
            continue
        window_end = _nth_word_end(text, m.end(), L.CLAIM_WINDOW, e)
        if verb:
            window_end = min(window_end, d.start)
        inside = [x for x in ents if m.end() <= x.start < window_end
                  and key(x.text) not in L.NOT_CLAIMANTS]
        if not inside:
            continue
        ent = inside[0]
        if text[m.end():ent.start].strip() and any(x.type == "PER" for x in inside):
            # `قال وزير الصحة في حكومة الحوثيين طه المتوكل`: a title, then the person who speaks
            ent = next(x for x in inside if x.type == "PER")
        dist = abs(m.start() - d.start)
        if best is None or dist < best[0]:
            best = (dist, ent.canonical or ent.text)
    return best[1] if best else None


_WORD_RE = re.compile(r"[^\W\d_][\w\u064b-\u0652\u0640]*")


def _nth_word_end(text: str, pos: int, n: int, limit: int) -> int:
    end = pos
    for k, m in enumerate(_WORD_RE.finditer(text, pos, limit)):
        end = m.end()
        if k + 1 >= n:
            break
    return end


# A year-only date (`عام 1997`) dates a count only when no finer date is in the sentence and it
# stands before the figure or close after it (`من مواليد الشيشان عام 1997` 40 characters on is a
# birth year, not the attack's date).
YEAR_AFTER_GAP = 25


def _year_only(value: str, value_end: str | None) -> bool:
    return value.endswith("-01-01") and value_end is not None and value_end.endswith("-12-31") \
        and value[:4] == value_end[:4]


def _sentence_date(article: Article, d: Draft, sents: Sentences) -> str | None:
    s, e = sents.of(d.start)
    pool = [x for x in article.dates if s <= x.start < e]
    fine = [x for x in pool if not _year_only(x.value, x.value_end)]
    if not fine:
        fine = [x for x in pool if x.end <= d.start or x.start - d.end <= YEAR_AFTER_GAP]
    if not fine:
        return None
    return min(fine, key=lambda x: abs(x.start - d.start)).value


def _place_names(c: Count) -> str | None:
    return key(c.place.name) if c.place is not None else None


# Two places this close (km) are one scene for a repeated figure (`الغوطة الشرقية` and its town
# `دوما`, `دمشق` and `جرمانا`); حمص and حماة (40 km) stay apart.
SAME_SCENE_KM = 25.0


def _places_agree(a: Count, b: Count) -> bool:
    pa, pb = _place_names(a), _place_names(b)
    if pa is None or pb is None or pa in pb or pb in pa:
        return True
    x, y = a.place, b.place
    if x is None or y is None or None in (x.lat, x.lon, y.lat, y.lon):
        return False
    return _km(x.lat, x.lon, y.lat, y.lon) <= SAME_SCENE_KM  # type: ignore[arg-type]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    h = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(h))


def _object_key(c: Count) -> str | None:
    if c.object is None:
        return None
    k = key(c.object).split()[0]
    return k[2:] if k.startswith("ال") else k


def _name_key(c: Count) -> str | None:
    return " ".join(key(c.object).split()) if c.object is not None else None


def _objects_agree(a: Count, b: Count) -> bool:
    oa, ob = _object_key(a), _object_key(b)
    return oa is None or ob is None or oa == ob or oa in L.GENERIC_OBJECTS or ob in L.GENERIC_OBJECTS


def drop_repeats(counts: list[Count], named: list[bool], title: str = "") -> list[Count]:
    """One count per reported figure: a later count of the same kind and number whose place and
    counted noun agree with an earlier one's is the same report repeated (`لمقتل 35 شخصا` in the
    lead, `35 شهيدا` further down) and is dropped; the kept one takes the place or date it lacks.

    Single victims (count 1 or 2) also merge when one is named and the other is not (`مقتل الفريق
    فاليرى أسابوف`, `استشهاد جنرال روسي`): the named one is kept. Two differently named victims stay
    two counts, as do figures whose places differ (`3 في حمص و3 في حماة`). Of two places that agree,
    the one the title names wins (`… دهساً ببريدة` over the region `القصيم`).
    """
    title_key = key(title)
    kept: list[tuple[Count, bool]] = []
    for c, is_named in zip(counts, named, strict=True):
        same = None
        for k, (o, o_named) in enumerate(kept):
            if o.kind != c.kind or o.count != c.count or not _places_agree(o, c):
                continue
            if o_named and is_named:
                if _name_key(o) == _name_key(c):  # `أبو زيد مصبح` and `أبو هاجرة` are two people
                    same = k
                    break
                continue
            if _objects_agree(o, c) or (c.count <= 2 and o_named != is_named):
                same = k
                break
        if same is None:
            kept.append((c, is_named))
            continue
        o, o_named = kept[same]
        winner, loser = (c, o) if is_named and not o_named else (o, c)
        if winner.place is not None and loser.place is not None and title_key \
                and key(loser.place.name) in title_key and key(winner.place.name) not in title_key:
            winner.place = loser.place
        winner.place = winner.place or loser.place
        winner.date = winner.date or loser.date
        kept[same] = (winner, o_named or is_named)
    return sorted((c for c, _ in kept), key=lambda c: c.start)


def drop_headline_counts(article: Article, drafts: list[Draft]) -> list[Draft]:
    """Drop figures in short unpunctuated body lines (headlines of related stories) when the article
    punctuates its sentences, and figures of the title that the body does not repeat differently."""
    text = article.text
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    punctuated = any(text[s:e].rstrip().endswith(_STOP_END) for s, e in lines[1:])
    has_title = bool(article.title) and text.startswith(article.title)
    body = [d for d in drafts if not (has_title and d.start < lines[0][1])]
    seen = {(d.kind, d.count) for d in body}
    out: list[Draft] = []
    for d in drafts:
        idx = next(k for k, (s, e) in enumerate(lines) if s <= d.start <= e)
        s, e = lines[idx]
        if idx == 0 and has_title:
            if (d.kind, d.count) in seen:
                continue
        elif punctuated and len(text[s:e].split()) <= HEADLINE_MAX_WORDS \
                and not text[s:e].rstrip().endswith(_STOP_END):
            continue
        out.append(d)
    return out
