"""The `counts` stage: figures of people and incidents (GDELT-style), with kind, qualifier, place and date.

Every number from `rasd.text.numbers.find_numbers` is read in its context: a kind noun after it
(`27 قتيلا`, `42 غارة`), an event noun or verb before it (`مقتل 27`, `أصيب أكثر من 70`), a subset link
(`بينهم 5 أطفال`) or an ellipsis that repeats the previous count's noun (`و3 في حمص`). Numbers with no
kind, and measures (years, ages, money, percentages, dates), are not counts. Figures without digits
come from indefinite singular/dual kind nouns (`وانتهاكاً في درعا` = 1) and named or singular victims
(`مقتل الفريق فاليرى أسابوف`, `استشهاد جنرال روسي` = 1). Places and dates attach afterwards
(`rasd.extract.count_attach`).
"""
from __future__ import annotations

import re
from bisect import bisect_right

from rasd.extract.count_attach import (
    CONFIDENCE_THRESHOLD,
    DATELINE_RE,
    attach,
    body_start,
    drop_headline_counts,
    drop_repeats,
)
from rasd.extract.count_draft import Draft
from rasd.extract.wordscan import Sentences, Word, article_words, is_word, key, sentence_bounds, strip_prefix
from rasd.lang.ar import counts as L
from rasd.lang.ar import speech as S
from rasd.model import Article, Count, Entity, Place
from rasd.text.numbers import NumberMention, find_numbers

_YEAR_RE = re.compile(r"^(1[89]\d\d|20\d\d)$")
# Words that never name what is counted (a figure followed by `في حمص` counts the previous noun).
_NOT_OBJECT = frozenset({"في", "من", "علي", "الي", "عن", "مع", "و", "او", "ثم", "بين", "منذ",
                         "خلال", "حتي", "قد", "كما", "بعد", "قبل", "عند", "ان", "التي", "الذي",
                         "الذين", "حيث", "فيما", "بينما", "لدي", "نحو", "حوالي"})
# Words that start another clause: no apposed name of a victim's title lies past them.
_CLAUSE_STARTS = frozenset({"الذي", "التي", "الذين", "حيث", "فيما", "بينما", "ثم", "كما", "بعد", "قبل"})
# How far (characters) an elliptic figure may sit from the count it continues (`… في اللاذقية و3`).
ELLIPSIS_GAP = 16
# How far (characters) a subset figure may sit from the count it splits (`مقتل 27 … بينهم 5`).
SUBSET_GAP = 80
# How far (characters) a definite dual (`التفجيرين`) may sit from the indefinite one it repeats.
REPEAT_GAP = 300
# A word with a preposition and the article (`بالمرض`) is no counted noun.
_PREP_ARTICLE = ("بال", "لل", "كال", "فال", "وال")
_TANWEEN_RE = re.compile("ا?\u064b$|[\u064c-\u0652\u0640]")
# What may stand between a bare violation noun and its place (`وانتهاكاً في درعا`).
_PLACE_AFTER_RE = re.compile(r"^\s*(?:في|ب|بـ)\s*$")


def _surface(bases: object, prefixes: tuple[str, ...]) -> dict[str, str]:
    """Every written form (base, or proclitic + base) -> base, so a word needs one lookup."""
    out: dict[str, str] = {}
    for base in bases:  # type: ignore[attr-defined]
        out.setdefault(base, base)
        for p in prefixes:
            out.setdefault(p + base, base)
    return out


_BARE_SURFACE = _surface(L.SINGULAR_NOUNS | L.DUAL_NOUNS, ("و", "ف", "ب"))
_EVENT_SURFACE = _surface(L.EVENT_NOUNS, L.NOUN_PREFIXES)
_TRIGGERS: frozenset[str] = frozenset(
    set(_surface(L.KIND_NOUNS, L.NOUN_PREFIXES)) | set(_EVENT_SURFACE)
    | set(_surface(L.EVENT_VERBS, L.VERB_PREFIXES)) | set(L.DEATH_AFTER) | set(L.KIND_AFTER)
    | set(L.TOLL_HEADS) | set(_surface(L.DEATH_BEFORE, ("و",))))
# Words that make a sentence worth reading for figures: the kind words, and the heads and idioms that
# give a figure its kind from further away (`القضاء على`, `بطاقات إيداع`, `عدد الضحايا`, `حالة وفاة`:
# a NEEDS_NEXT noun stands bare right after its figure).
_ON_SURFACE = _surface(L.ON_PHRASES, ("و", "ب", "وب"))
# `تفجيرين`, `والهجومان`, `بالانفجارين`: two explosions or attacks, by surface form -> dual
_EXPLOSION_DUAL_SURFACE = _surface(L.EXPLOSION_DUALS | {"ال" + d for d in L.EXPLOSION_DUALS},
                                   ("و", "ف", "ب", "وب"))
_SPAN_WORDS: frozenset[str] = _TRIGGERS | frozenset(
    set(_ON_SURFACE) | set(L.ORDER_NOUNS) | set(L.COUNT_HEADS) | set(L.COUNT_HEAD_PRONOUNS)
    | set(_surface(L.SEIZE_WORDS, L.NOUN_PREFIXES)) | set(L.NEEDS_NEXT)
    | set(_surface(L.PROTEST_NOUNS, L.NOUN_PREFIXES)) | L.CONDITIONS | L.EXPLOSION_NOUNS | set(L.BOMB_NOUNS)
    | L.VICTIM_OF | set(_EXPLOSION_DUAL_SURFACE) | L.PEOPLE_NOUNS)
_VICTIM_VERB_SURFACE = _surface(L.VICTIM_VERBS, L.VERB_PREFIXES)
_PROTEST_SURFACE = _surface(L.PROTEST_NOUNS | {k for k, v in L.KIND_NOUNS.items() if v == L.CROWD_KIND},
                            L.NOUN_PREFIXES)
_SINGULAR = frozenset(L.SINGULAR_NOUNS)
_AMONG_NEXT = frozenset({"بين"} | {p + k for k in L.KIND_NOUNS for p in ("ال", "لل")})
# `مقتله`, `وتوقيفها`, `باعتقاله`: a pronoun victim, by its surface form -> event noun + suffix
_PRONOUN_SURFACE = _surface({e + s for e in L.PRONOUN_EVENTS for s in L.PRONOUN_SUFFIXES},
                            ("و", "ب", "وب", "ف"))  # `لاعتقاله`: in order to arrest him


def find_dateline(article: Article) -> Place | None:
    """The place the report is filed from: a place (or an unresolved LOC entity) that opens the body
    and is followed by an agency in brackets or a dash. None when the body opens otherwise."""
    m = DATELINE_RE.match(article.text, body_start(article))
    if m is None:
        return None
    a, b = m.span("place")
    for p in article.places:
        if p.start == a and p.end <= b + 1:
            return p
    for e in article.entities:
        if e.type == "LOC" and e.start == a and e.end <= b + 1:
            return Place(text=e.text, start=e.start, end=e.end, name=e.canonical or e.text)
    return None


def dateline_stage(article: Article) -> Article:
    """Set `article.dateline` (reads places and entities)."""
    article.dateline = find_dateline(article)
    return article


# Every word `_Finder._bare_nouns` may start from (bare and dual nouns, victims' event words and verbs,
# pronoun victims, `بين القتلى`).
_BARE_ANY = frozenset(set(_BARE_SURFACE) | set(_EVENT_SURFACE) | set(_VICTIM_VERB_SURFACE)
                      | set(_PRONOUN_SURFACE) | set(L.AMONG_HEADS) | set(L.PERSON_DUAL_NOMINATIVE)
                      | {"و" + k for k in L.PERSON_DUAL_NOMINATIVE} | set(L.SUBSET_WORDS)
                      | set(_EXPLOSION_DUAL_SURFACE) | L.SINGLE_DEATH | L.SELF_WORDS)


def counts_stage(article: Article) -> Article:
    """Add the article's counts to `article.counts`."""
    article.counts.extend(find_counts(article))
    return article


def find_counts(article: Article, *, threshold: float = CONFIDENCE_THRESHOLD) -> list[Count]:
    """Every count in `article` whose confidence clears `threshold`, in text order, with places,
    dates and claimants attached."""
    finder = _Finder(article)
    drafts = finder.run()
    split = _split_combined(article.text, drafts)
    drafts = drop_headline_counts(article, drafts)
    kept = drop_repeats(attach(article, drafts, finder.sents), [d.named for d in drafts], article.title or "")
    kept = [c for c in kept if not (c.kind == "other" and c.object == L.COMBINED_OBJECT and c.count in split)]
    return [c for c in kept if c.confidence is None or c.confidence >= threshold]


def _split_combined(text: str, drafts: list[Draft]) -> set[int]:
    """The figures of dead and hurt together (`مصرع وإصابة 4 أشخاص`) that the text splits: their
    paragraph (for a title, the lead paragraph too) gives the dead and the hurt figures of their own
    (`وفاة واحدة … اثنان مصابين`). Those are left out, every mention of them."""
    def para(pos: int) -> int:
        return text.count("\n", 0, pos)

    out: set[int] = set()
    for d in drafts:
        if d.kind != "other" or d.object != L.COMBINED_OBJECT:
            continue
        scope = {para(d.start)} | ({1} if para(d.start) == 0 else set())
        kinds = {x.kind for x in drafts if para(x.start) in scope}
        if "killed" in kinds and "injured" in kinds:
            out.add(d.count)
    return out


class _Finder:
    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.ws = article_words(article)
        self.starts = [w.start for w in self.ws]
        self.sents = Sentences(sentence_bounds(article), len(self.text))
        self.dates = [(d.start, d.end) for d in article.dates]
        self.used: set[int] = set()
        self.number_ends: set[int] = set()
        self._number_starts: set[int] = set()
        self.drafts: list[Draft] = []
        self._has_disease: bool | None = None

    def run(self) -> list[Draft]:
        spans = self._counting_spans()
        numbers = _join_compounds(self.text, [n for s, e in spans for n in find_numbers(self.text, s, e)])
        self._number_starts = {n.start for n in numbers}
        for n in numbers:
            self.number_ends.add(n.end)
            d = self._from_number(n)
            if d is not None:
                self.drafts.append(d)
        self._bare_nouns()
        self._one_more()
        self.drafts.sort(key=lambda d: d.start)
        return self.drafts

    def _counting_spans(self) -> list[tuple[int, int]]:
        """The sentences that hold a word of some kind: a figure elsewhere counts nothing, so numbers
        are read only there (number parsing is the costly step)."""
        spans: list[tuple[int, int]] = []
        for w in self.ws:
            if w.key in _SPAN_WORDS or (w.key[-1:].isdigit() and w.key.rstrip("0123456789") in _SPAN_WORDS):
                s, e = self.sents.of(w.start)
                if spans and spans[-1][1] >= s:
                    spans[-1] = (spans[-1][0], max(spans[-1][1], e))
                else:
                    spans.append((s, e))
        return spans

    # ---- figures --------------------------------------------------------------------------------
    def _word_at(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1

    def _same_sentence(self, i: int, pos: int) -> bool:
        return 0 <= i < len(self.ws) and self.sents.of(self.ws[i].start) == self.sents.of(pos)

    def _from_number(self, n: NumberMention) -> Draft | None:
        ws, text = self.ws, self.text
        if any(s < n.end and n.start < e for s, e in self.dates):
            return None
        if self._restates_bracketed(n):
            return None  # `(15) خمسة عشر`: the figure spelled out again
        if text[max(0, n.start - 1):n.start] in ":/" or text[n.end:n.end + 1] in (":", "/", "%", "٪"):
            return None
        a, b = self._word_at(n.start), self._word_at(n.end - 1)
        if a < 0:
            return None
        left = a - 1
        r = b + 1
        start = n.start
        if left >= 0 and ws[left].text == "(" and r < len(ws) and ws[r].text == ")":
            left, r, start = left - 1, r + 1, ws[left].start  # a figure in brackets: `إصابة (17) شخصاً`
        glued = text[ws[a].start:n.start]
        if left >= 0 and glued != "و" and (ws[left].key in L.NOT_COUNT_BEFORE or strip_prefix(
                ws[left].key, L.NOUN_PREFIXES)[-1] in L.NOT_COUNT_BEFORE):
            return None  # `عام 2017`, `القرار 2254` (but `العمر و48 جريحا` starts a new figure)
        end, qualifier = n.end if start == n.start else ws[r - 1].end, "about" if n.vague else "exact"
        kind: str | None = None
        kind_after = False  # the kind came from a word after the counted noun (`5 جنود بجروح`)
        how = "figure"
        obj: Word | None = None
        obj_text: str | None = None
        # what stands after the figure
        if r < len(ws) and self._same_sentence(r, n.start) and is_word(ws[r]):
            rk = ws[r].key
            if rk in L.UNITS:
                return None
            nxt = ws[r + 1].key if r + 1 < len(ws) else ""
            if rk in L.KIND_NOUNS:
                kind, obj, end = L.KIND_NOUNS[rk], ws[r], ws[r].end
                self.used.add(r)
                both = self._combined_after(r, n.start, noun_first=True)
                if both is not None:  # `50 قتيلا وجريحا`: one figure of dead and hurt
                    kind, end, obj_text, how = "other", ws[both].end, L.COMBINED_OBJECT, "combined"
            elif rk in L.KIND_AFTER and rk not in L.DEATH_AFTER and rk not in L.KIND_NOUNS \
                    and L.KIND_AFTER[rk] in ("killed", "injured"):
                # `و32 أصيبوا بجروح`; not `آلاف فقدوا وظائفهم` (lost), `مجموعة 3 اختطفوا فتاة` (who did it)
                kind, end, kind_after = L.KIND_AFTER[rk], ws[r].end, True
            elif rk in L.EXPLOSION_NOUNS or (rk in L.BOMB_NOUNS and nxt.startswith(L.BOMB_NOUNS[rk])):
                kind, obj, end = "strikes", ws[r], ws[r].end  # `3 تفجيرات`, `3 عبوات ناسفة`
            elif rk in L.NEEDS_NEXT and nxt.startswith(L.NEEDS_NEXT[rk][0]):
                kind, obj, end = L.NEEDS_NEXT[rk][1], ws[r], ws[r].end  # `براميل متفجرة`
            elif rk in L.DEATH_AFTER:
                kind, end = "killed", ws[r].end
            elif n.vague and rk.startswith("ال") and rk[2:] in L.KIND_NOUNS:
                kind, obj, end = L.KIND_NOUNS[rk[2:]], ws[r], ws[r].end  # `آلاف المتظاهرين`, `مئات المصابين`
                if self._definite_combined(r, n.start):  # `عشرات القتلى والجرحى`: dead and hurt together
                    kind, end, obj_text, how = "other", ws[r + 1].end, L.COMBINED_OBJECT, "combined"
            elif rk == "بين" and self._combined_after(r, n.start, noun_first=False) is not None:
                # `سقوط مئات بين قتيل وجريح`: the figure, then dead and hurt together
                kind, end, obj_text, how = "other", ws[r + 2].end, L.COMBINED_OBJECT, "combined"
            elif rk == "من" and n.value >= 2:  # `ثلاثة من منفذي الهجوم قتلوا`: a partitive
                for k in range(r + 1, min(r + 5, len(ws))):
                    if k == r + 1 and self._same_sentence(k, n.start):  # `17 من الجرحى`: of the hurt
                        noun = self._definite_kind(ws[k].key)
                        if noun is None and n.vague and any(L.KIND_NOUNS.get(v) == L.CROWD_KIND for v in
                                                            strip_prefix(ws[k].key, L.NOUN_PREFIXES)):
                            kind, obj, end = L.CROWD_KIND, ws[k], ws[k].end  # `الآلاف من المحتجين`
                            break
                        if noun is not None:
                            kind, end, kind_after = noun, ws[k].end, True
                            continue  # a verb after it still says what befell them
                    if not self._same_sentence(k, n.start) or ws[k].key in ("الذين", "الذي", "التي",
                                                                           "ضمن") \
                            or (ws[k].key in _TRIGGERS and ws[k].key not in L.KIND_AFTER
                                and not self._people_noun(ws[k].key)):
                        break
                    if ws[k].key in L.KIND_AFTER and ws[k].key not in L.KIND_NOUNS:
                        kind, end, kind_after = L.KIND_AFTER[ws[k].key], ws[k].end, True
                        break
            elif rk not in _NOT_OBJECT and rk not in _TRIGGERS and rk not in L.SUBSET_WORDS \
                    and rk not in L.NOT_OBJECT_WORDS and rk not in L.CAUSE_WORDS \
                    and not rk[0].isdigit() \
                    and not rk.startswith(_PREP_ARTICLE):
                obj, end = ws[r], ws[r].end
                both = self._combined_after(r + 1, n.start, noun_first=False)
                if both is not None:  # `سقط 5122 شخصاً بين قتيل وجريح`
                    kind, end, obj_text, how = "other", ws[both].end, L.COMBINED_OBJECT, "combined"
                else:
                    k_after = self._kind_after(r + 1, n.start)
                    if k_after is not None:
                        kind = L.KIND_AFTER.get(ws[k_after].key) \
                            or L.KIND_NOUNS.get(ws[k_after].key, "injured")  # or a condition
                        end = ws[k_after].end
                        kind_after = True
                        if k_after > r + 3:
                            how = "verb-final"
        elif r < len(ws) and ws[r].text in ("%", "٪"):
            return None
        q_after, q_end = self._qualifier_after(r + (1 if obj is not None else 0), n.start)
        if q_after:
            qualifier, end = q_after, max(end, q_end)
        # what stands before it
        lk, l_start, lq, l_obj = self._left(left, n, start)
        if lq:
            qualifier = lq
        if obj is None and l_obj is not None:
            obj = l_obj
        if (kind in L.PEOPLE_KINDS or kind_after) and lk in L.EVENT_KINDS and how != "combined":
            kind, how = None, "figure"  # `قتل 11 مسلحاً`: the event before the figure says what happened
        parent: Draft | None = None
        if lk == "combined":
            if kind is None or kind in L.PEOPLE_KINDS or kind_after:
                kind, obj_text, how = "other", L.COMBINED_OBJECT, "combined"
                start = min(start, l_start)
        elif kind is None and lk is not None:
            if lk in ("subset", "ellipsis"):
                prev = self._previous(n.start, SUBSET_GAP if lk == "subset" else ELLIPSIS_GAP)
                if prev is None and lk == "ellipsis" and r < len(ws) and ws[r].key == "من":
                    prev = self._list_item(n.start)  # `18 عنصرا من جبهة النصرة …، وسبعة من الفرقة 30`
                if prev is None:
                    if lk == "ellipsis":
                        return None
                    kind = self._kind_noun_before(n.start)  # `للمصابين …، وهم 9 حالات`
                    if kind is None:
                        return None
                else:
                    kind, parent = prev.kind, prev
                    if prev.kind == "other" and prev.object == L.COMBINED_OBJECT and lk == "subset":
                        return None  # `بينهم 20 طفلا` of dead and hurt together: no kind of its own
                how = lk
                if lk == "ellipsis" and prev is not None and prev.how == "people" and obj is not None \
                        and obj.key not in L.PEOPLE_NOUNS:
                    return None  # `أربعة أفراد وسبع شركات`: companies are no people
                if lk == "ellipsis" and obj is None and prev is not None:
                    return Draft(kind, n.value, qualifier, start, end, prev.object, how=how,
                                 hedged=prev.hedged, parent=prev.parent)
            else:
                kind = lk
                start = min(start, l_start)
        elif lk not in (None, "subset", "ellipsis"):
            start = min(start, l_start)
        if kind is None and obj is not None and obj.key in L.SEIZED_PEOPLE and left >= 0 \
                and any(v in L.SEIZE_WORDS for v in strip_prefix(ws[left].key, L.NOUN_PREFIXES)):
            kind, start = "arrested", ws[left].start  # `ضبط 7 متهمين` (but `ضبط 3 سيارات` counts no one)
        if kind is None and self._crowd(a, b, n):
            kind, how = L.CROWD_KIND, "crowd"  # `شاركت آلاف الفلسطينيات في مسيرة`
        if kind is None and lk is None and obj is not None and obj.start > n.start \
                and obj.key in L.PEOPLE_NOUNS and not self._people_not_counted(left):
            kind, how = "other", "people"  # `54 عنصرا`: a figure of people that nothing befell here
            k = self._word_at(obj.start)
            if any(ws[j].key in L.PEOPLE_DISPLACED_WORDS and self._same_sentence(j, n.start)
                   for j in range(k + 1, min(k + 1 + L.PEOPLE_DISPLACED_WINDOW, len(ws)))):
                kind, how = "displaced", "verb-final"  # `دفع 270 ألف مدني إلى النزوح`
        if kind is None:
            return None
        if kind == "injured" and (self._disease(n.start) or (
                obj is not None and obj.key in L.CASE_NOUNS
                and (how not in ("subset", "ellipsis") or self._disease_article()))):
            # `إصابة الملايين بالمرض`, `إصابة 12 حالة`: infections, not wounds (a figure of people of
            # its own, `other`); cases are the hurt only in the breakdown of a count of the hurt
            # (`للمصابين …، وهم 9 حالات للرجال`)
            kind, how = "other", "infection"
        if kind == "strikes" and obj is not None and obj.key in L.MISSILE_NOUNS \
                and not self._strike_context(self._word_at(obj.start)):
            return None  # `غواصة تحمل 6 صواريخ`: weapons carried, not missiles fired
        if _YEAR_RE.match(n.text) and obj is None:
            return None
        if n.text.isdigit() and len(n.text) >= 7:
            return None  # a phone or record number, not a figure
        return Draft(kind, n.value, qualifier, start, end, obj_text or _object(obj), how=how,
                     hedged=self._hedged(start), parent=parent)

    def _people_not_counted(self, left: int) -> bool:
        """A plain figure of people that names no group of people reported, by the word before it: a
        capacity, a share, a make-up or a plan (`يتسع لـ 500 شخص`, `لكل 1000 مواطن`, `تضم 5 أشخاص`)."""
        for k in (left, left - 1):  # `تتسع لـ 500`, `وتضم اللجنة 5 أشخاص`
            if k < 0 or not self._same_sentence(k, self.ws[left + 1].start):
                return False
            if any(v in L.PEOPLE_NOT_BEFORE for v in strip_prefix(self.ws[k].key, ("و", "ف"))):
                return True
        return False

    def _crowd(self, a: int, b: int, n: NumberMention) -> bool:
        """A crowd figure (words `a`..`b`): vague or at least CROWD_MIN, a verb of taking part within
        CROWD_VERB_WINDOW words before or after it (no figure or comma between), and a protest noun
        in its sentence."""
        if not (n.vague or n.value >= L.CROWD_MIN):
            return False
        ws = self.ws
        found = False
        for step, edge in ((-1, a), (1, b)):
            k = edge + step
            while 0 <= k < len(ws) and abs(k - edge) <= L.CROWD_VERB_WINDOW \
                    and self._same_sentence(k, n.start):
                w = ws[k]
                if not is_word(w) or w.key[0].isdigit() or w.end in self.number_ends:
                    break
                if any(v in L.CROWD_VERBS for v in strip_prefix(w.key, ("و", "ف"))):
                    found = True
                    break
                k += step
            if found:
                break
        if not found:
            return False
        if b + 1 < len(ws) and ws[b + 1].key in L.NOT_CROWD_NOUNS:
            return False  # `شارك 40 وفدا`: delegations, not a crowd
        lo, hi = max(0, a - L.PROTEST_WINDOW), min(len(ws), b + L.PROTEST_WINDOW + 1)
        return any(ws[k].key in _PROTEST_SURFACE and self._same_sentence(k, n.start) for k in range(lo, hi))

    def _restates_bracketed(self, n: NumberMention) -> bool:
        a = self._word_at(n.start)
        return a >= 2 and self.ws[a - 1].text == ")" and self.ws[a - 2].key[:1].isdigit() \
            and not n.text[:1].isdigit()

    def _left(self, i: int, n: NumberMention, fig_start: int | None = None
              ) -> tuple[str | None, int, str | None, Word | None]:
        """(kind or 'subset'/'ellipsis'/'combined', start of the words that gave it, qualifier,
        counted noun) read before a figure."""
        ws = self.ws
        fig_start = n.start if fig_start is None else fig_start
        glued = self.text[ws[i + 1].start:fig_start] if i + 1 < len(ws) else ""
        if glued == "و" or glued == "،":
            return "ellipsis", n.start, None, None
        if len(glued) > 2 and glued not in L.GLUED_QUALIFIER_ENDS:
            g = key(glued)  # `بمقتل31 شخصا`: the event word written onto the figure
            for v in strip_prefix(g, L.NOUN_PREFIXES):
                if v in L.EVENT_NOUNS:
                    return L.EVENT_NOUNS[v], ws[i + 1].start, None, None
            for v in strip_prefix(g, L.VERB_PREFIXES):
                if v in L.EVENT_VERBS:
                    return L.EVENT_VERBS[v], ws[i + 1].start, None, None
        qualifier = None
        # `أكثر من1700`: the preposition of a qualifier written onto the figure
        tail = (glued,) if glued in L.GLUED_QUALIFIER_ENDS else ()
        for seq, q in L.QUALIFIERS_BEFORE:
            if tail and seq[-1:] != tail:
                continue
            m = len(seq) - len(tail)
            if i - m + 1 < 0 or m == 0:
                continue
            got = [ws[k].key for k in range(i - m + 1, i + 1)] + list(tail)
            got[0] = got[0][1:] if got[0][:1] == "و" and got[0][1:] == seq[0] else got[0]
            if tuple(got) == seq:
                qualifier, i = q, i - m
                break
        if i < 0 or not self._same_sentence(i, n.start) or not is_word(ws[i]):
            if i >= 0 and ws[i].text in ("،", ",") and qualifier is None:
                if self._previous(n.start, ELLIPSIS_GAP) is None:
                    subj = self._verb_before_subject(i, n.start)
                    if subj is not None:  # `وقتل رضوان لقديم المغربي الأصل، 4 أشخاص`
                        return L.EVENT_VERBS[subj[1]], ws[subj[0]].start, qualifier, None
                return "ellipsis", n.start, None, None
            return None, n.start, qualifier, None
        # `قتل خلاله 3 أشخاص`, `أصيب أمس 5`: a pronoun adverb or a date between the verb and its figure
        skipped = 0
        while i > 0 and skipped < 3 and self._same_sentence(i - 1, n.start) and (
                ws[i].key in L.VERB_FIGURE_LINKS or any(s <= ws[i].start < e for s, e in self.dates)
                or (ws[i].text in ("،", ",") and skipped and is_word(ws[i - 1]))):
            i, skipped = i - 1, skipped + 1
        if skipped and not is_word(ws[i]):
            return None, n.start, qualifier, None
        w = ws[i]
        if w.key in L.BREAKDOWN_WORDS:
            return "subset", w.start, qualifier, None
        if w.key in L.DEATH_BEFORE or (w.key[:1] == "و" and w.key[1:] in L.DEATH_BEFORE):
            return "killed", w.start, qualifier, None  # `أودى بحياة 16 شخصا`
        if w.key in L.ACTIVE_PLURAL_VERBS and not skipped:
            return L.ACTIVE_PLURAL_VERBS[w.key], w.start, qualifier, None  # `قتلوا المئات`
        if w.key in L.VICTIM_OF and i > 0 and ws[i - 1].key in L.WENT_VERBS:
            return "killed", ws[i - 1].start, qualifier, None  # `راح ضحيتها ثلاثة أشخاص`
        variants = strip_prefix(w.key, L.NOUN_PREFIXES)
        if w.key == "و":
            return "ellipsis", n.start, qualifier, None
        if any(v in L.SUBSET_WORDS for v in variants):
            return "subset", w.start, qualifier, None
        for v in variants:
            if v in L.EVENT_NOUNS:
                if w.key[0] == "و" and i > 0 and any(
                        x in L.EVENT_NOUNS and L.EVENT_NOUNS[x] != L.EVENT_NOUNS[v]
                        for x in strip_prefix(ws[i - 1].key, L.NOUN_PREFIXES)):
                    if self._killed_and_injured(ws[i - 1].key, w.key[1:]):
                        return "combined", ws[i - 1].start, qualifier, None  # `مصرع وإصابة 4`
                    return None, n.start, qualifier, None
                return L.EVENT_NOUNS[v], w.start, qualifier, None
        for v in strip_prefix(w.key, L.VERB_PREFIXES):
            if v in L.EVENT_VERBS:
                if w.key[0] == "و" and i > 0 and self._killed_and_injured(ws[i - 1].key, w.key[1:]) \
                        and not (i > 1 and (self._person_word(ws[i - 2].key)
                                            or ws[i - 2].end in self.number_ends)):
                    # `قتل وأصيب 20 شخصا`; but `شخصا قتل وأصيب أربعة` is one dead, four hurt
                    return "combined", ws[i - 1].start, qualifier, None
                return L.EVENT_VERBS[v], w.start, qualifier, None
        subj = self._verb_before_subject(i, n.start)
        if subj is not None:
            return L.EVENT_VERBS[subj[1]], ws[subj[0]].start, qualifier, None
        on = self._on_phrase(i)
        if on is not None:  # `ألقت القبض على 12`, `القضاء على 5 مسلحين`
            return on, ws[i - 1].start, qualifier, None
        if w.key in L.AGAINST_WORDS:
            for k in range(i - 1, max(-1, i - 1 - L.ORDER_WINDOW), -1):
                if not self._same_sentence(k, n.start):
                    break
                if ws[k].key in L.ORDER_NOUNS:  # `بطاقات إيداع بالسجن في حق 5 أشخاص`
                    return L.ORDER_NOUNS[ws[k].key], ws[k].start, qualifier, None
        head = self._count_head(i, n.start)
        if head is not None:
            return head[0], head[1], qualifier, None
        if w.key == L.TOLL_PREP:
            toll = None  # `ارتفعت حصيلة القتلى جراء القصف … إلى 1517`: the toll's noun, far back
            for k in range(i - 1, max(-1, i - 1 - L.TOLL_WINDOW_LONG), -1):
                if not self._same_sentence(k, n.start) or (ws[k].end in self.number_ends and not any(
                        s <= ws[k].start < e for s, e in self.dates)):
                    break  # `عدد القتلى … إلى أكثر من ستين قتيلاً، إضافةً إلى مئات`: another figure's toll
                headed = k > 0 and (ws[k - 1].key in L.TOLL_HEADS or ws[k - 1].key in L.COUNT_HEADS)
                for v in strip_prefix(ws[k].key, L.NOUN_PREFIXES):
                    # definite (`حصيلة القتلى`), or in construct after the head (`حصيلة قتلى الاحتجاجات`)
                    if v in L.KIND_NOUNS and (ws[k].key != v or headed) \
                            and L.KIND_NOUNS[v] != L.CROWD_KIND and (
                            i - k <= L.TOLL_WINDOW or (k > 0 and (ws[k - 1].key in L.TOLL_HEADS
                                                                  or ws[k - 1].key in L.COUNT_HEADS))):
                        kind = L.KIND_NOUNS[v]
                        if kind in L.PEOPLE_KINDS:  # `عدد المسلحين الذين قتلهم الجيش … إلى 22`
                            kind = self._relative_kind(k) or kind
                        return kind, ws[k].start, qualifier, None
                if ws[k].key in L.TOLL_HEADS and toll is None:
                    toll = k
            if toll is not None and i - toll <= L.TOLL_WINDOW:
                return "killed", ws[toll].start, qualifier, None  # `حصيلة القصف إلى 35`
        # a number word after its noun (`انتهاكاً واحداً`, `مدنيين اثنين`)
        if not n.text[0].isdigit() and n.value <= 2:
            noun = next((v for v in strip_prefix(w.key, ("و", "ف")) if v in L.KIND_NOUNS), None)
            if noun is not None:  # `انتهاكاً واحداً`, `وضحية واحدة`
                self.used.add(i)
                return L.KIND_NOUNS[noun], w.start + len(w.key) - len(noun), qualifier, w
            if i > 0:
                for v in strip_prefix(ws[i - 1].key, L.NOUN_PREFIXES):
                    if v in L.EVENT_NOUNS:
                        return L.EVENT_NOUNS[v], ws[i - 1].start, qualifier, w
                verb = _VICTIM_VERB_SURFACE.get(ws[i - 1].key)
                if verb is not None:  # `قتلوا مدنيين اثنين`
                    return L.VICTIM_VERBS[verb], ws[i - 1].start, qualifier, w
            on = self._on_phrase(i - 1)
            if on is not None:  # `القضاء على ارهابيين اثنين`
                return on, ws[i - 2].start, qualifier, w
        return None, n.start, qualifier, None

    def _on_phrase(self, k: int) -> str | None:
        """The kind of `القبض على` / `القضاء على` when word `k` is that `على`, else None."""
        ws = self.ws
        if k < 1 or ws[k].key != L.ARREST_PHRASE_PREP or ws[k - 1].key not in _ON_SURFACE:
            return None
        return L.ON_PHRASES[_ON_SURFACE[ws[k - 1].key]]

    def _count_head(self, i: int, pos: int) -> tuple[str, int] | None:
        """(kind, start) of `عدد` + a definite kind noun up to COUNT_HEAD_WINDOW words before the
        figure (`بلغ عدد القتلى 45`, `بلغ عدد الضحايا في حماة 13`), or of `عددهم` whose noun is
        earlier in the sentence (`في عدد الضحايا بسبب التعذيب، فقد بلغ عددهم 20`)."""
        ws = self.ws
        toll = i >= 0 and any(v in L.TOLL_VERBS for v in strip_prefix(ws[i].key, ("و", "ف"))) or (
            i > 0 and ws[i].key == L.TOLL_PREP and any(  # `قد ارتفع إلى 11 شخصا`
                v in L.TOLL_VERBS for v in strip_prefix(ws[i - 1].key, ("و", "ف"))))
        window = L.COUNT_HEAD_TOLL_WINDOW if toll else L.COUNT_HEAD_WINDOW
        for k in range(i, max(-1, i - window), -1):
            if not self._same_sentence(k, pos) or not is_word(ws[k]) or ws[k].key[0].isdigit() \
                    or ws[k].end in self.number_ends:
                return None
            if ws[k].key in L.COUNT_HEADS and k + 1 <= i:
                kind = self._definite_kind(ws[k + 1].key)
                if kind is None and k + 2 <= i and ws[k + 2].key.startswith("ال") \
                        and L.KIND_NOUNS.get(ws[k + 1].key) in L.EVENT_KINDS:
                    kind = L.KIND_NOUNS[ws[k + 1].key]  # in construct: `عدد قتلى الاحتجاجات`
                return (kind, ws[k].start) if kind is not None else None
            if ws[k].key in L.COUNT_HEAD_PRONOUNS:
                for j in range(k - 1, -1, -1):
                    if not self._same_sentence(j, pos):
                        return None
                    if ws[j].key in L.COUNT_HEADS and j + 1 < k:
                        kind = self._definite_kind(ws[j + 1].key)
                        if kind is not None:
                            return kind, ws[k].start
                return None
            if k < i and (ws[k].key in _TRIGGERS or ws[k].key in S.CUE_VERBS) \
                    and not (k > 0 and ws[k - 1].key in L.COUNT_HEADS):
                return None
        return None

    def _relative_kind(self, k: int) -> str | None:
        """The kind of an event verb in a relative clause right after the people noun at `k`
        (`المسلحين الذين قتلهم الجيش`, `الأشخاص الذين اعتقلوا`), else None."""
        ws = self.ws
        if k + 2 >= len(ws) or ws[k + 1].key not in L.RELATIVE_PRONOUNS \
                or not self._same_sentence(k + 2, ws[k].start):
            return None
        verb = ws[k + 2].key
        for form in (verb, *(verb[:-len(x)] for x in L.VERB_OBJECT_SUFFIXES if verb.endswith(x))):
            for v in strip_prefix(form, L.VERB_PREFIXES):
                if v in L.EVENT_VERBS:
                    return L.EVENT_VERBS[v]
        return None

    @staticmethod
    def _definite_kind(key: str) -> str | None:
        """The event kind of a definite kind noun (`القتلى`, `الضحايا`, `الجرحى`), else None."""
        return next((L.KIND_NOUNS[v] for v in strip_prefix(key, L.NOUN_PREFIXES)
                     if v != key and L.KIND_NOUNS.get(v) in L.EVENT_KINDS), None)

    def _combined_after(self, k: int, pos: int, *, noun_first: bool) -> int | None:
        """The index of the last word of `بين قتيل وجريح` (from `k`), or of `وجريحا` after a killed
        noun at `k` (`50 قتيلا وجريحا`); None when the words do not say dead and hurt together."""
        ws = self.ws
        if noun_first:
            if k + 1 < len(ws) and self._same_sentence(k + 1, pos) \
                    and self._killed_and_injured(ws[k].key, ws[k + 1].key[1:]) \
                    and ws[k + 1].key[:1] == "و" and not self._figure_at(k + 2):
                self.used.add(k + 1)
                return k + 1
            return None
        if k < len(ws) and ws[k].key == "ما":
            k += 1
        if k + 2 < len(ws) and ws[k].key == "بين" and self._same_sentence(k + 2, pos) \
                and ws[k + 2].key[:1] == "و" and self._killed_and_injured(ws[k + 1].key, ws[k + 2].key[1:]):
            self.used.update((k + 1, k + 2))
            return k + 2
        return None

    def _definite_combined(self, k: int, pos: int) -> bool:
        """`القتلى والجرحى` (either order) at `k`: the dead and the hurt of one vague figure."""
        ws = self.ws
        if k + 1 >= len(ws) or not self._same_sentence(k + 1, pos) or ws[k + 1].key[:3] != "وال":
            return False
        if self._killed_and_injured(ws[k].key[2:], ws[k + 1].key[3:]):
            self.used.add(k + 1)
            return True
        return False

    def _figure_at(self, k: int) -> bool:
        """A figure starts at word `k` (`وجرح العشرات`: the hurt have their own)."""
        if k >= len(self.ws):
            return False
        w = self.ws[k]
        return w.key[:1].isdigit() or any(p in self._number_starts for p in range(w.start, w.end))

    @staticmethod
    def _killed_and_injured(a: str, b: str) -> bool:
        """`قتيل` and `جريح` (either order, any proclitic on the first): dead and hurt."""
        a = next((v for v in strip_prefix(a, L.NOUN_PREFIXES) if v in L.COMBINED_KILLED
                  or v in L.COMBINED_INJURED), a)
        return (a in L.COMBINED_KILLED and b in L.COMBINED_INJURED) \
            or (a in L.COMBINED_INJURED and b in L.COMBINED_KILLED)

    def _kind_after(self, k: int, pos: int) -> int | None:
        """The word after the counted noun that gives the figure its kind, up to VERB_FINAL_WINDOW
        words on (`أكثر من 230 مدنيا، من بينهم 35 طفلا، قتلوا`); a subset between commas is passed
        over, anything else that starts a new clause (another kind word, a comma, a figure) ends it."""
        ws = self.ws
        stop = min(k + L.VERB_FINAL_WINDOW, len(ws))
        start_k = k
        while k < stop and self._same_sentence(k, pos):
            w = ws[k]
            need = L.KIND_AFTER_NEXT.get(w.key)
            if need is not None and not (k + 1 < len(ws) and ws[k + 1].key == need):
                return None  # `خرجوا للتظاهر`: went out to protest, not out of a place
            if w.key in L.KIND_AFTER:
                return k
            if w.key in L.STILL_WORDS and k + 1 < stop:
                k += 1  # `12 شخصا ما زالوا مفقودين`
                if L.KIND_NOUNS.get(ws[k].key) in L.EVENT_KINDS and self._same_sentence(k, pos):
                    return k
                continue
            if w.key in L.CONDITION_HEADS and k + 1 < len(ws) and ws[k + 1].key in L.CONDITIONS \
                    and self._same_sentence(k + 1, pos):
                return k + 1  # `5 أشخاص في حالة حرجة`: the hurt, by their condition
            if L.KIND_NOUNS.get(w.key) in L.EVENT_KINDS and w.key not in _SINGULAR and (
                    k == start_k or (k == start_k + 1 and ws[start_k].key[:1] == "و")):
                return k  # `120 صحفي وإعلامي معتقلين`: the kind as an adjective of the counted noun
            if w.key in L.SUBSET_WORDS and k + 1 < stop and (ws[k + 1].key[:1].isdigit()
                                                              or ws[k + 1].end in self.number_ends
                                                              or ws[k + 1].start in self._number_starts):
                k += 3  # `36 شخصا بينهم 32 صينيا لقوا حتفهم`: the subset, its figure and its noun
                continue
            if w.text in ("،", ","):
                nxt = ws[k + 1].key if k + 1 < len(ws) else ""
                nxt2 = ws[k + 2].key if k + 2 < len(ws) else ""
                if nxt in L.SUBSET_WORDS or (nxt == "من" and nxt2 in L.SUBSET_WORDS):
                    close = next((j for j in range(k + 2, stop) if ws[j].text in ("،", ",")), None)
                    if close is None:
                        return None
                    k = close + 1
                    continue
                return None
            if w.key in _TRIGGERS or w.key in S.CUE_VERBS or not is_word(w) or w.key[0].isdigit() \
                    or w.key in _VICTIM_VERB_SURFACE or w.key[1:2].isdigit() \
                    or (w.key in L.MET_VERBS and w.key[:1] == "و"):  # `و32`, `ولقي رابع`: a new clause
                return None  # a new clause (`قتل 3 أشخاص وأصيب آخر بجروح`, `4 أشخاص وأصاب واحدا بجروح`)
            k += 1
        return None

    def _kind_noun_before(self, pos: int) -> str | None:
        """The kind of the nearest people noun before `pos` in its sentence (`للمصابين`, `القتلى`)."""
        s, _ = self.sents.of(pos)
        i = self._word_at(pos) - 1
        while i >= 0 and self.ws[i].start >= s and pos - self.ws[i].end <= SUBSET_GAP:
            for v in strip_prefix(self.ws[i].key, L.NOUN_PREFIXES):
                kind = L.KIND_NOUNS.get(v)
                if kind in L.EVENT_KINDS:
                    return kind
            i -= 1
        return None

    @staticmethod
    def _person_word(k: str) -> bool:
        base = k[:-1] if k.endswith("ا") else k
        return base in L.PERSON_SINGULAR or k in L.KIND_NOUNS or k in L.PERSON_DUAL_NOMINATIVE

    def _hedged(self, start: int) -> bool:
        """A hedge or negation within HEDGE_WINDOW words before `start`, in its sentence, or a question."""
        i = self._word_at(start) - 1
        s, e = self.sents.of(start)
        if self.text[s:e].rstrip().endswith(("؟", "?")):
            return True
        first = self.ws[i + 1].key if i + 1 < len(self.ws) else ""
        if first[:1] == "و" and (first[1:] in L.EVENT_VERBS or first[1:] in L.EVENT_NOUNS):
            return False  # `إحباط محاولة هجوم … وقتلت 21 منهم`: a new clause; the hedge is the last one's
        for k in range(i, max(-1, i - L.HEDGE_WINDOW), -1):
            if not self._same_sentence(k, start) or self.ws[k].key[:1].isdigit() \
                    or self.ws[k].end in self.number_ends:
                break  # the words of another figure's clause
            variants = strip_prefix(self.ws[k].key, ("و", "ف"))
            if "حال" in variants and k > 0 and self.ws[k - 1].key in ("في", "وفي"):
                return True  # `في حال`: in case (`حال` alone is a state)
            if "قد" in variants:
                nxt = self.ws[k + 1].key if k + 1 < len(self.ws) else ""
                if nxt[:1] in ("ي", "ت") and nxt not in ("تم", "تمت"):
                    return True  # `قد تؤدي`: may; `قد أعلنت`, `فقد قتل`: has (done)
                continue
            if any(v in L.HEDGES for v in variants) and not self._student(k):
                return True
        return False

    def _student(self, k: int) -> bool:
        """`طالب` as a noun (`طالب لجوء`, `طالب جامعي`, `طالب سوري`), not the verb `demanded`."""
        ws = self.ws
        if strip_prefix(ws[k].key, ("و", "ف"))[-1] != "طالب" or k + 1 >= len(ws):
            return False
        nxt = ws[k + 1].key
        return nxt in L.STUDENT_NEXT or (not nxt.startswith("ال") and nxt.endswith("ي") and len(nxt) > 3)

    def _disease_article(self) -> bool:
        if self._has_disease is None:
            self._has_disease = any(w.key in L.DISEASE_WORDS for w in self.ws)
        return self._has_disease

    def _verb_before_subject(self, i: int, pos: int) -> tuple[int, str] | None:
        """(index, verb) of an event verb up to SUBJECT_WORDS words before the figure with its subject
        between (`قتلت القوات الإسرائيلية 3 فلسطينيين`); the subject holds no preposition, figure,
        kind word or other verb, and at most one comma."""
        ws = self.ws
        commas = 0
        for k in range(i, max(-1, i - L.SUBJECT_WORDS - 4), -1):
            if not self._same_sentence(k, pos):
                return None
            w = ws[k]
            if w.text in ("،", ","):
                commas += 1
                if commas > 2:
                    return None
                continue
            if k < i - L.SUBJECT_WORDS - commas - 1:
                return None  # the subject is SUBJECT_WORDS words at most
            if w.key == "من" and k + 1 <= i and ws[k + 1].key == "اصل":
                continue  # `الفرنسي من أصل مغربي`: an apposition inside the subject
            if not is_word(w) or w.key[0].isdigit() or w.end in self.number_ends:
                return None
            if k < i:
                for v in strip_prefix(w.key, L.VERB_PREFIXES):
                    if v in L.EVENT_VERBS:
                        return k, v
            if w.key in L.SUBJECT_PREPOSITIONS and k < i:
                continue  # `قتل في الهجوم 5 أشخاص`: a short prepositional phrase
            if w.key in _NOT_OBJECT or (w.key in _TRIGGERS and not self._people_noun(w.key)) \
                    or w.key in S.CUE_VERBS \
                    or w.key in S.SPEAKER_STOP or w.key in L.CAUSE_WORDS or w.key in L.CLAUSE_STARTS \
                    or w.key in L.NOT_OBJECT_WORDS:
                return None
        return None

    @staticmethod
    def _people_noun(key: str) -> bool:
        """`المهاجمين`, `مسلحون`: a noun naming who people are, which may head a subject or a
        partitive (`اختطف مسلحون 5 عمال`, `أربعة من المهاجمين قتلوا`) without being counted."""
        return any(L.KIND_NOUNS.get(v) == "attackers" for v in strip_prefix(key, L.NOUN_PREFIXES))

    def _disease(self, pos: int) -> bool:
        s, e = self.sents.of(pos)
        return any(w.key in L.DISEASE_WORDS for w in self.ws[self._word_at(s) + 1:self._word_at(e) + 1])

    def _qualifier_after(self, r: int, pos: int) -> tuple[str | None, int]:
        ws = self.ws
        for seq, q in L.QUALIFIERS_AFTER:
            m = len(seq)
            if r + m <= len(ws) and tuple(ws[k].key for k in range(r, r + m)) == seq:
                if self._same_sentence(r, pos):
                    return q, ws[r + m - 1].end
        return None, 0

    def _list_item(self, pos: int) -> Draft | None:
        """The people count a partitive figure after `، و` continues (`القتلى هم 18 عنصرا من جبهة
        النصرة والمقاتلين الموالين لها، وسبعة من الفرقة 30`): the last count of its sentence, within
        SUBSET_GAP characters, with a comma and no other figure between."""
        prev = self._previous(pos, SUBSET_GAP)
        if prev is None or prev.kind in ("strikes", "violations") or prev.how == "combined":
            return None
        between = self.text[prev.end:pos]
        if "،" not in between and "," not in between:
            return None
        if any(prev.end <= s < pos for s in self._number_starts):
            return None
        return prev

    def _previous(self, pos: int, gap: int) -> Draft | None:
        """The count of `pos`'s sentence that ends nearest before it, within `gap` characters (figures
        are read before bare nouns, so the list is not in text order)."""
        sent = self.sents.of(pos)
        best: Draft | None = None
        for d in self.drafts:
            if d.start < pos and pos - d.end <= gap and (best is None or d.end > best.end) \
                    and self.sents.of(d.start) == sent:
                best = d
        return best

    # ---- figures without digits -----------------------------------------------------------------
    def _bare_nouns(self) -> None:
        ws = self.ws
        for i, w in enumerate(ws):
            if w.key not in _BARE_ANY or i in self.used:
                continue  # one set lookup for the words no reader below starts from
            if w.key in L.SINGLE_DEATH:
                self._met_death(i)
                continue
            if w.key in L.SELF_WORDS:
                self._surrender(i)
                continue
            dual = _EXPLOSION_DUAL_SURFACE.get(w.key)
            if dual is not None:  # `تفجيرين`, `والهجومان`
                self._explosion_dual(i, dual)
                continue
            noun = _BARE_SURFACE.get(w.key)
            if noun is not None:
                self._bare_kind_noun(i, noun)
                continue
            if w.key in L.PERSON_DUAL_NOMINATIVE or (w.key[:1] == "و" and w.key[1:]
                                                     in L.PERSON_DUAL_NOMINATIVE):
                self._dual(i)
                continue
            event = _EVENT_SURFACE.get(w.key)
            if event is not None and i + 1 < len(ws) and L.EVENT_NOUNS[event] == "injured" \
                    and self._same_sentence(i + 1, w.start) and not self._covered(ws[i + 1].start) \
                    and self._another(i + 1):  # `وإصابة ثالث`: one more hurt
                start = w.start + len(w.key) - len(event)
                self.drafts.append(Draft("injured", 1, "exact", start, ws[i + 1].end, _object(ws[i + 1]),
                                         how="victim", hedged=self._hedged(w.start)))
                continue
            if event is not None and i + 1 < len(ws) and event not in L.NO_VICTIM_EVENTS and (
                    L.EVENT_NOUNS[event] in L.VICTIM_KINDS or L.EVENT_NOUNS[event] in L.NAMED_ONLY_KINDS):
                kind = L.EVENT_NOUNS[event]
                if kind in L.NAMED_ONLY_KINDS and event not in L.NAMED_MISSING_EVENTS:
                    continue  # `فقد إبراهيم ساقه`: lost, not missing
                before = len(self.drafts)
                self._victim(i, kind, named_ok=event not in L.NO_NAMED_VICTIM_EVENTS,
                             named_only=kind in L.NAMED_ONLY_KINDS)
                if len(self.drafts) > before or w.key not in _VICTIM_VERB_SURFACE:
                    continue  # `قتل` is a noun and a verb: `قتل شخصا` reads as the verb
            verb = _VICTIM_VERB_SURFACE.get(w.key)
            if verb is not None and i + 1 < len(ws):
                self._verb_victim(i, L.VICTIM_VERBS[verb])
                continue
            pron = _PRONOUN_SURFACE.get(w.key)
            if pron is not None and not self._covered(w.start):
                start = w.start + len(w.key) - len(pron)  # the proclitic stays out: `و|مقتله`
                self.drafts.append(Draft(L.EVENT_NOUNS[pron[:-2] if pron.endswith("ها") else pron[:-1]],
                                         1, "exact", start, w.end, None, how="pronoun",
                                         hedged=self._hedged(w.start)))
                continue
            if w.key in L.AMONG_HEADS and i + 1 < len(ws) and ws[i + 1].key in _AMONG_NEXT:
                self._among(i)
                continue
            if w.key in L.SUBSET_WORDS:
                self._named_part(i)

    def _named_part(self, i: int) -> None:
        """`نحو ثلاثين عنصرا قتلوا بينهم القيادي الحوثي حميد الفديع`: a named person after `بينهم`,
        with no figure between, is one count of the total's kind, part of it."""
        ws = self.ws
        prev = self._previous(ws[i].start, SUBSET_GAP)
        kind = prev.kind if prev is not None else self._some_of_kind(i)
        if kind not in L.EVENT_KINDS or (prev is not None and prev.count < 2):
            return
        for j in range(i + 1, min(i + 1 + L.VICTIM_DESCRIPTION_WORDS, len(ws))):
            w = ws[j]
            if not self._same_sentence(j, ws[i].start) or self._covered(w.start) \
                    or w.key[:1].isdigit() or w.end in self.number_ends or w.text in ("،", ",", ".", "؛"):
                break
            ent = self._per_at(w)
            if ent is not None:
                self.drafts.append(Draft(kind, 1, "exact", ent.start, ent.end, ent.text, named=True,
                                         how="named", hedged=prev.hedged if prev is not None
                                         else self._hedged(ws[i].start), parent=prev))
                return
            if is_word(w) and (w.key in _TRIGGERS or w.key in S.CUE_VERBS or w.key in _NOT_OBJECT):
                break
        one = ws[i + 1] if i + 1 < len(ws) and self._same_sentence(i + 1, ws[i].start) else None
        if prev is not None and one is not None and is_word(one) and one.key in L.PERSON_SINGULAR \
                and self._per_at(one) is None and not self._figure_at(i + 2) and not self._covered(one.start):
            # `قضى 27 حوثيا، بينهم قائد بارز`: one unnamed person, part of the total (no name follows)
            self.drafts.append(Draft(kind, 1, "exact", one.start, one.end, _object(one), how="victim",
                                     hedged=prev.hedged, parent=prev))

    def _some_of_kind(self, i: int) -> str | None:
        """The kind of an unnumbered total before `بينهم` at `i`: an event word right before `عدد من`
        (`تمكنت من قتل عدد من عناصر داعش، بينهم …`), within SOME_OF_WINDOW words, in its sentence."""
        ws = self.ws
        for k in range(i - 1, max(0, i - L.SOME_OF_WINDOW), -1):
            if not self._same_sentence(k, ws[i].start):
                return None
            if ws[k].key in L.SOME_OF_HEADS and k + 1 < i and ws[k + 1].key == "من" and k > 0:
                for v in strip_prefix(ws[k - 1].key, L.NOUN_PREFIXES):
                    if v in L.EVENT_NOUNS:
                        return L.EVENT_NOUNS[v]
                for v in strip_prefix(ws[k - 1].key, L.VERB_PREFIXES):
                    if v in L.EVENT_VERBS:
                        return L.EVENT_VERBS[v]
                return None
        return None

    def _bare_kind_noun(self, i: int, noun: str) -> None:
        ws = self.ws
        if i > 0 and (ws[i - 1].end in self.number_ends or i - 1 in self.used):
            return  # the noun of a figure (`و48 جريحا`) or joined to a counted one (`70 صاروخا وقذيفة`)
        nxt = ws[i + 1] if i + 1 < len(ws) else None
        if nxt is not None and is_word(nxt) and self._same_sentence(i + 1, ws[i].start):
            if (nxt.key.startswith("ال") and nxt.key not in _NOT_OBJECT) or nxt.text[0].isdigit():
                return  # `انتهاك الهدنة` names no single incident; a figure after is read above
            if any(d.start <= nxt.start < d.end for d in self.drafts):
                return
        if i > 0 and ws[i - 1].key in L.NO_COUNT_BEFORE_NOUN:
            return  # `أي خرق`: any violation, not one
        kind = L.KIND_NOUNS[noun]
        if kind == "strikes" and not self._strike_context(i) and not (
                noun in L.RAID_NOUNS and nxt is not None and self._nisba(nxt)):
            return  # `صاروخ كروز`: a weapon, not a strike (but `غارة أمريكية` is one)
        if kind == "violations" and not self._violation_tally(i):
            return  # `انتهاك حقوق الملكية`: a breach in general, not one counted violation
        count = 2 if noun in L.DUAL_NOUNS else 1
        start = ws[i].start + len(ws[i].key) - len(noun)  # the proclitic stays out: `و|انتهاكاً`
        self.drafts.append(Draft(kind, count, "exact", start, ws[i].end, _object(ws[i], start), how="bare",
                                 hedged=self._hedged(start)))

    def _apposed_name(self, j: int) -> Entity | None:
        """A PER entity set off by a comma after the title at `j` and its description (`قائد قوات
        التدخل السريع في ميليشيات الحوثي الإيرانية، منصور السودي،`): who the title is."""
        ws = self.ws
        for k in range(j + 1, min(j + 1 + L.APPOSITION_WORDS, len(ws) - 1)):
            w = ws[k]
            if not self._same_sentence(k + 1, ws[j].start) or w.key[:1].isdigit() or self._covered(w.start):
                return None
            if w.text in ("،", ","):
                ent = self._per_at(ws[k + 1])
                if ent is None or ent.start != ws[k + 1].start:
                    return None
                after = self.text[ent.end:ent.end + 2].strip()
                return ent if after[:1] in ("،", ",", ".", "") else None
            if is_word(w) and (w.key in _TRIGGERS or w.key in S.CUE_VERBS or w.key in _CLAUSE_STARTS):
                return None
        return None

    def _one_more(self) -> None:
        """`قتل 10 مدنيين وجندي من تشاد`: a singular person joined to a figure of victims is one more."""
        ws = self.ws
        for d in list(self.drafts):
            if d.kind not in L.EVENT_KINDS or d.how not in ("figure", "verb-final"):
                continue
            j = self._word_at(d.end - 1) + 1
            if j >= len(ws) or not self._same_sentence(j, d.start) or ws[j].key[:1] != "و" \
                    or self._covered(ws[j].start):
                continue
            noun = ws[j - 1].key[:-1] if ws[j - 1].key.endswith("ا") else ws[j - 1].key
            if d.count > 10 and noun in L.PERSON_SINGULAR:
                continue  # `سبعة آلاف مقاتل ومدني`: a singular counted noun and its pair, one figure
            base = ws[j].key[1:-1] if ws[j].key.endswith("ا") else ws[j].key[1:]
            nxt = ws[j + 1] if j + 1 < len(ws) and self._same_sentence(j + 1, d.start) else None
            if base not in L.PERSON_SINGULAR or (nxt is not None and (
                    nxt.key[:1].isdigit() or nxt.start in self._number_starts or nxt.key in L.KIND_AFTER)):
                continue  # `وجندي 5`? `وشخص قتلوا`: the next word starts its own reading
            start = ws[j].start + 1  # the `و` stays out
            self.drafts.append(Draft(d.kind, 1, "exact", start, ws[j].end, _object(ws[j], start),
                                     how="victim", hedged=d.hedged))

    def _surrender(self, i: int) -> None:
        """`المشتبه به قد سلم نفسه إلى السلطات`: one person held, who gave themself up."""
        ws = self.ws
        if i == 0 or ws[i - 1].key not in L.SURRENDER_VERBS or not self._same_sentence(i - 1, ws[i].start) \
                or self._covered(ws[i - 1].start) or (i > 1 and ws[i - 2].key in L.REFUSALS):
            return
        start = ws[i - 1].start + (1 if ws[i - 1].key[:1] in ("و", "ف") else 0)
        self.drafts.append(Draft("arrested", 1, "exact", start, ws[i].end, None, how="victim",
                                 hedged=self._hedged(start)))

    def _met_death(self, i: int) -> None:
        """`ولقي شخص مصرعه`, `لقي القيادي الميداني الحوثي أبو طه مصرعه`: one dead, the words between
        the verb and the death phrase (no figure, no other clause) naming who."""
        ws = self.ws
        if self._covered(ws[i].start):
            return
        for k in range(i - 1, max(-1, i - 1 - L.MET_WINDOW), -1):
            if not self._same_sentence(k, ws[i].start) or self._covered(ws[k].start) \
                    or ws[k].key[:1].isdigit() or ws[k].end in self.number_ends:
                return
            if ws[k].key in L.MET_VERBS:
                if k + 1 >= i:
                    return  # `لقي مصرعه`: the victim was named before, and counted there
                if any(not is_word(ws[j]) and ws[j].text not in ("،", ",", '"', "«", "»")
                       for j in range(k + 1, i)):
                    return
                # the name nearest the death phrase, after the descriptions (`القيادي الحوثي، … أبو زيد مصبح`)
                ent = next((e for j in range(i - 1, k, -1) if (e := self._per_at(ws[j])) is not None), None)
                start = ws[k].start + (1 if ws[k].key[:1] in ("و", "ف") else 0)
                who = ent.text if ent is not None else self.text[ws[k + 1].start:ws[i - 1].end]
                self.drafts.append(Draft("killed", 1, "exact", start, ws[i].end, who,
                                         named=ent is not None, how="named" if ent else "victim",
                                         hedged=self._hedged(start)))
                return
            if ws[k].key in _TRIGGERS or ws[k].key in S.CUE_VERBS:
                return

    def _explosion_dual(self, i: int, dual: str) -> None:
        """`تفجيرين استهدفا محطتي حافلات`, `والهجومان`, `عبوتان ناسفتان`: two explosions or attacks."""
        ws = self.ws
        if self._covered(ws[i].start) or (i > 0 and ws[i - 1].end in self.number_ends):
            return
        base = dual[2:] if dual.startswith("ال") else dual
        if base != dual and any(d.kind == "strikes" and d.count == 2 and d.start < ws[i].start and (
                ws[i].start - d.end <= REPEAT_GAP or key(self.text[d.start:d.end])[:4] == base[:4])
                for d in self.drafts):
            return  # `التفجيران` after `وتفجيرين`, or just after `عبوتين ناسفتين`: the same two again
        nxt = ws[i + 1].key if i + 1 < len(ws) and self._same_sentence(i + 1, ws[i].start) else ""
        if base in L.BOMB_NOUNS and not nxt.startswith(L.BOMB_NOUNS[base]):
            return  # `عبوتين` of water: bombs only with `ناسفتين`
        if i > 0 and ws[i - 1].key in L.NO_COUNT_BEFORE_NOUN:
            return
        start = ws[i].start + len(ws[i].key) - len(dual)
        self.drafts.append(Draft("strikes", 2, "exact", start, ws[i].end, _object(ws[i], start), how="bare",
                                 hedged=self._hedged(start)))

    def _nisba(self, w: Word) -> bool:
        """An indefinite feminine nisba adjective (`أمريكية`, `إسرائيلية`) in the noun's sentence."""
        return is_word(w) and not w.key.startswith("ال") and w.key.endswith("يه") and len(w.key) > 3 \
            and w.key not in _NOT_OBJECT

    def _strike_context(self, i: int) -> bool:
        ws = self.ws
        for k in range(max(0, i - L.STRIKE_CONTEXT_WORDS), min(len(ws), i + L.STRIKE_CONTEXT_WORDS + 1)):
            if k != i and self._same_sentence(k, ws[i].start) and any(
                    v in L.STRIKE_CONTEXT for v in strip_prefix(ws[k].key, ("و", "ف", "ب"))):
                return True
        return False

    def _violation_tally(self, i: int) -> bool:
        w = self.ws[i]
        sent = self.sents.of(w.start)
        if any(d.kind == "violations" and self.sents.of(d.start) == sent for d in self.drafts):
            return True
        nxt = next((p for p in self.article.places if p.start >= w.end), None)
        return nxt is not None and _PLACE_AFTER_RE.match(self.text[w.end:nxt.start]) is not None

    def _dual(self, i: int) -> None:
        """`قتل جنديان آخران`, `لقيت امرأتان مصرعهما`: two people, with the verb before them or the
        death phrase after them."""
        ws = self.ws
        if any(d.start <= ws[i].start < d.end for d in self.drafts):
            return
        kind = None
        start, end = ws[i].start, ws[i].end
        h = i - 1
        if h > 0 and ws[h].key in L.VERB_FIGURE_LINKS and self._same_sentence(h - 1, ws[i].start):
            h -= 1  # `قتل فيها شخصان`: a pronoun adverb between the verb and its victims
        if h > 0 and ws[h].key in L.VICTIM_OF and ws[h - 1].key in L.WENT_VERBS:
            kind, start = "killed", ws[h - 1].start  # `راح ضحيته شرطيان`
        elif h >= 0 and self._same_sentence(h, ws[i].start):
            for v in strip_prefix(ws[h].key, L.VERB_PREFIXES):
                if v in L.EVENT_VERBS:
                    kind, start = L.EVENT_VERBS[v], ws[h].start
        for k in range(i + 1, min(i + 3, len(ws))):
            if kind is None and ws[k].key in L.KIND_AFTER and self._same_sentence(k, ws[i].start):
                kind, end = L.KIND_AFTER[ws[k].key], ws[k].end
                break
        if kind is not None:
            if ws[i].key[:1] == "و" and start == ws[i].start:
                start += 1
            self.drafts.append(Draft(kind, 2, "exact", start, end, _object(ws[i]), how="victim",
                                     hedged=self._hedged(start)))

    def _among(self, i: int) -> None:
        """`وكان بين القتلى بلترام والجزار كريستيان ميدفيز`: each PER entity named among a kind's
        victims (`بين القتلى`, `من بين الجرحى`) is one count of that kind."""
        ws = self.ws
        j = i + 1
        if j < len(ws) and ws[j].key == "بين":
            j += 1
        if j >= len(ws) or not self._same_sentence(j, ws[i].start):
            return
        kind = next((L.KIND_NOUNS[v] for v in strip_prefix(ws[j].key, L.NOUN_PREFIXES)
                     if v in L.KIND_NOUNS and v != ws[j].key), None)  # a definite plural: `القتلى`
        if kind not in L.EVENT_KINDS or (ws[i].key != "بين" and j == i + 1):
            return
        for k in range(j + 1, min(j + 1 + L.AMONG_WINDOW, len(ws))):
            w = ws[k]
            if not self._same_sentence(k, ws[i].start) or w.text in (".", "؛") or w.key[:1].isdigit():
                return
            ent = self._per_at(w)
            if ent is not None and not self._covered(ent.start):
                self.drafts.append(Draft(kind, 1, "exact", ent.start, ent.end, ent.text, named=True,
                                         how="named", hedged=self._hedged(ws[i].start)))

    def _covered(self, pos: int) -> bool:
        return any(d.start <= pos < d.end for d in self.drafts)

    def _figure_follows(self, j: int) -> bool:
        """A figure's count starts within 8 words after word `j`, in its sentence: the person at `j`
        is the subject of the verb before it (`وقتل رضوان لقديم، الفرنسي من أصل مغربي، 4 أشخاص`)."""
        ws = self.ws
        for k in range(j + 1, min(j + 9, len(ws))):
            if not self._same_sentence(k, ws[j].start) or ws[k].key in _VICTIM_VERB_SURFACE:
                return False
            if ws[k].start in self._number_starts and self._covered(ws[k].start):
                return True
        return False

    def _person_after(self, i: int, *, verb: bool) -> Entity | None:
        """The PER entity a victim's event word at `i` names, past descriptions (`الروسية #ماريا_بوتينا`,
        `الصحفي والكاتب السعودي جمال خاشقجي`) and, after an active verb, its subject (`اعتقلت السلطات
        البريطانية رجل الأعمال الفرنسي ألكسندر الجوهري`): VICTIM_DESCRIPTION_WORDS words at most, no
        figure, stop word or kind word between."""
        ws = self.ws
        pos = ws[i].start
        for j in range(i + 1, min(i + 1 + L.VICTIM_DESCRIPTION_WORDS, len(ws))):
            w = ws[j]
            if not self._same_sentence(j, pos) or self._covered(w.start):
                return None
            ent = self._per_at(w)
            if ent is not None:
                return ent
            if w.text == "#":
                continue
            if not is_word(w) or w.key[0].isdigit() or w.key in _TRIGGERS or w.key in S.SPEAKER_STOP \
                    or w.key in S.CUE_VERBS or w.key in L.CAUSE_WORDS or w.key in _NOT_OBJECT:
                return None
            if not verb and not (w.key.startswith(("ال", "وال")) or w.key in S.RANKS):
                return None  # a noun phrase: `مقتل` + the victim's description
        return None

    def _another(self, j: int) -> bool:
        """`آخر`, `ثالث` as the whole victim phrase (`وأصيب آخر`, `وإصابة ثالث`): one more person, not
        an adjective of a noun after it (`أصيب آخر الجنود`) nor the end of a phrase (`قتل آخر مرة`)."""
        ws = self.ws
        if ws[j].key not in L.ANOTHER_ONE:
            return False
        nxt = ws[j + 1] if j + 1 < len(ws) and self._same_sentence(j + 1, ws[j].start) else None
        return nxt is None or not is_word(nxt) or nxt.key[:1] in ("و", "ف") or nxt.key in _NOT_OBJECT \
            or nxt.key in L.CAUSE_WORDS or (nxt.key[:1] in ("ب", "ل") and not nxt.key.startswith("ال"))

    def _per_at(self, w: Word) -> Entity | None:
        return next((e for e in self.article.entities if e.type == "PER" and w.start <= e.start < w.end),
                    None)

    def _whoever(self, i: int) -> bool:
        """`من قتل`, `لكل من قتل نفسا أو قتل رجلا`: a verb of whoever does it."""
        ws = self.ws
        if i > 0 and ws[i - 1].key in L.WHOEVER:
            return True
        return i > 0 and ws[i - 1].key == "او" and any(
            ws[k].key in L.WHOEVER for k in range(max(0, i - 5), i - 1)
            if self._same_sentence(k, ws[i].start))

    def _verb_start(self, i: int) -> int:
        """Where the victim verb at `i` starts, its conjunction left out (`و|قتل`)."""
        w = self.ws[i]
        return w.start + (1 if w.key[:1] == "و" and w.key[1:] in L.VICTIM_VERBS else 0)

    def _verb_victim(self, i: int, kind: str) -> None:
        """`قتل شخصا بداخلها وأصاب السائق … أصاب أحدهم`, `قُتل المراهق بلال خفاجة`: one victim of a
        verb, a singular person noun, `أحدهم` or a named person."""
        ws = self.ws
        if self._subject_before(i, kind):
            return
        j = i + 1
        if j + 2 < len(ws) and ws[j].key in L.SUBJECT_PREPOSITIONS and ws[j + 1].key.startswith("ال") \
                and self._same_sentence(j + 2, ws[i].start):
            j += 2  # `استشهد في الهجوم عون أمن`: a short prepositional phrase before the victim
        v = ws[j]
        if not is_word(v) or not self._same_sentence(j, ws[i].start) or self._covered(v.start) \
                or v.start in self.number_ends or v.key[0].isdigit():
            return
        if L.KIND_NOUNS.get(v.key) == "strikes":  # `قتلت غارة للتحالف في الحديدة، محمد المنصور،`
            ent = self._apposed_name(j)
            if ent is not None and not self._figure_follows(self._word_at(ent.end - 1)):
                start = self._verb_start(i)
                self.drafts.append(Draft(kind, 1, "exact", start, ent.end, ent.text, named=True, how="named",
                                         hedged=self._hedged(ws[i].start)))
            return
        if self._whoever(i):
            return  # `من قتل نفسا`: whoever kills, no one counted
        if v.key.startswith("ال") and v.key[2:] not in L.PERSON_SINGULAR and v.key not in _NOT_OBJECT \
                and self._person_after(i, verb=True) is None:
            obj = self._object_after_subject(j)  # `اعتقلت الشرطة امرأة`: the subject, then one person
            if obj is not None:
                j, v = obj, ws[obj]
        if v.key in L.PERSON_DUAL and not any(self._covered(ws[k].start) for k in range(j + 1, min(
                j + 4, len(ws))) if self._same_sentence(k, v.start)):  # `أوقفت الشرطة رجلين`
            self.drafts.append(Draft(kind, 2, "exact", self._verb_start(i), v.end, _object(v),
                                     how="victim", hedged=self._hedged(ws[i].start)))
            return
        if v.key in L.PERSON_DUAL_NOMINATIVE or (v.key in L.KIND_NOUNS and v.key not in L.PERSON_SINGULAR):
            return  # nominative duals are read by `_dual`
        base = v.key[:-1] if v.key.endswith("ا") else v.key  # accusative `شخصا`
        for k in range(j + 1, min(j + 4, len(ws))):
            if not self._same_sentence(k, v.start) or not is_word(ws[k]):
                break  # `استشهد عون أمن، وأصيب إثنان`: the next clause's figure is its own
            if self._covered(ws[k].start):
                return  # `قتل شاب أمريكي 4 أشخاص`: the subject, then the figure of the dead
        if v.key in L.ONE_OF_THEM or base in L.PERSON_SINGULAR or self._another(j):
            start = self._verb_start(i)
            hedged = self._hedged(ws[i].start)
            self.drafts.append(Draft(kind, 1, "exact", start, v.end, _object(v), how="victim",
                                     hedged=hedged))
            nxt = ws[j + 1] if j + 1 < len(ws) and self._same_sentence(j + 1, v.start) else None
            if nxt is not None and nxt.key[:1] == "و" and not self._covered(nxt.start):
                other = nxt.key[1:-1] if nxt.key.endswith("ا") else nxt.key[1:]
                if other in L.PERSON_SINGULAR:  # `قتل شرطيا ورجلا آخر`: a second victim
                    self.drafts.append(Draft(kind, 1, "exact", nxt.start + 1, nxt.end, _object(nxt),
                                             how="victim", hedged=hedged))
            return
        ent = self._person_after(i, verb=True)
        if ent is not None and not self._figure_follows(self._word_at(ent.end - 1)):
            start = self._verb_start(i)
            self.drafts.append(Draft(kind, 1, "exact", start, ent.end, ent.text, named=True, how="named",
                                     hedged=self._hedged(ws[i].start)))

    def _subject_before(self, i: int, kind: str) -> bool:
        """`وكان فتى فلسطيني قد قتل برصاص الجيش`: one person named by a singular noun (and its nisba)
        right before `قد` and the victim verb at `i`; the count is added and True returned."""
        ws = self.ws
        if i < 2 or ws[i - 1].key != "قد" or not self._same_sentence(i - 2, ws[i].start):
            return False
        h = i - 2
        nisba = ws[h]
        if h > 0 and is_word(nisba) and not nisba.key.startswith("ال") and len(nisba.key) > 3 \
                and nisba.key.endswith(("ي", "يه")) and self._same_sentence(h - 1, ws[i].start):
            h -= 1  # `فتى فلسطيني`
        w = ws[h]
        base = w.key[1:] if w.key[:1] == "و" and w.key[1:] in L.PERSON_SINGULAR else w.key
        if base.endswith("ا") and base[:-1] in L.PERSON_SINGULAR:
            base = base[:-1]  # accusative: `إن شابا قد قتل`
        if not is_word(w) or base not in L.PERSON_SINGULAR or self._covered(w.start):
            return False
        self.drafts.append(Draft(kind, 1, "exact", w.start, ws[i].end, _object(w), how="victim",
                                 hedged=self._hedged(w.start)))
        return True

    def _object_after_subject(self, j: int) -> int | None:
        """After an active verb and its definite subject at `j` (and a definite adjective), the word
        of one indefinite person noun that is its object (`اعتقلت الشرطة امرأة`), or None."""
        ws = self.ws
        for k in range(j + 1, min(j + 3, len(ws))):
            w = ws[k]
            if not is_word(w) or not self._same_sentence(k, ws[j].start) or self._covered(w.start):
                return None
            base = w.key[:-1] if w.key.endswith("ا") else w.key
            if base in L.PERSON_SINGULAR or w.key in L.PERSON_DUAL:
                return k
            if not w.key.startswith("ال"):
                return None
        return None

    def _victim(self, i: int, kind: str, *, named_ok: bool = True, named_only: bool = False) -> None:
        """`مقتل الفريق فاليرى أسابوف`, `استشهاد جنرال روسي`: one (or two) named or singular victims."""
        ws = self.ws
        j = i + 1
        v = ws[j]
        if not is_word(v) or not self._same_sentence(j, ws[i].start) or v.text[0].isdigit() \
                or (v.key in L.KIND_NOUNS and v.key not in L.PERSON_SINGULAR):
            return  # `احتجاز رهائن`: a plural noun with no figure counts no one (`مقتل متظاهر`: one)
        if any(d.start <= v.start < d.end for d in self.drafts):
            return
        ent = self._per_at(v)
        if ent is None and named_ok and v.key not in S.RANKS:
            ent = self._person_after(i, verb=False)
        if ent is not None:
            if named_ok and not self._figure_follows(self._word_at(ent.end - 1)):
                self.drafts.append(Draft(kind, 1, "exact", ws[i].start, ent.end, ent.text, named=True,
                                         how="named", hedged=self._hedged(ws[i].start)))
            return
        if named_only:
            return
        if named_ok and (v.key in L.PERSON_SINGULAR or v.key in S.RANKS):
            ent = self._apposed_name(j)
            if ent is not None:  # `مقتل قائد قوات التدخل السريع في ميليشيات الحوثي، منصور السودي،`
                self.drafts.append(Draft(kind, 1, "exact", ws[i].start, ent.end, ent.text, named=True,
                                         how="named", hedged=self._hedged(ws[i].start)))
                return
        if v.key in S.RANKS and named_ok:
            k = j + 1
            while k < len(ws) and k - j <= L.VICTIM_NAME_WORDS and is_word(ws[k]) \
                    and ws[k].key not in S.SPEAKER_STOP and ws[k].key not in L.CAUSE_WORDS \
                    and not ws[k].key.startswith("ال") and self._same_sentence(k, v.start):
                k += 1
            if k > j + 1:
                end = ws[k - 1].end
                self.drafts.append(Draft(kind, 1, "exact", ws[i].start, end, self.text[v.start:end],
                                         named=True, how="named", hedged=self._hedged(ws[i].start)))
            return
        definite = v.key.startswith("ال") and v.key[2:] in L.PERSON_SINGULAR and kind in L.VICTIM_KINDS \
            and v.key[2:] not in L.NOT_DEFINITE_VICTIMS \
            and not any(e in L.NATURAL_DEATHS for e in strip_prefix(ws[i].key, L.NOUN_PREFIXES))
        if v.key in L.PERSON_SINGULAR or v.key in L.PERSON_DUAL or self._another(j) or definite:
            count = 2 if v.key in L.PERSON_DUAL else 1
            end = v.end
            if j + 1 < len(ws) and is_word(ws[j + 1]) and self._same_sentence(j + 1, v.start) \
                    and not ws[j + 1].key.startswith("ال") and ws[j + 1].key not in _NOT_OBJECT \
                    and ws[j + 1].key.endswith(("ي", "يه", "يين", "يان")):
                end = ws[j + 1].end  # a nisba adjective: `جنرال روسي`
            self.drafts.append(Draft(kind, count, "exact", ws[i].start, end, self.text[v.start:end],
                                     how="victim", hedged=self._hedged(ws[i].start)))


def _join_compounds(text: str, numbers: list[NumberMention]) -> list[NumberMention]:
    """`ألفين و200` is one figure (2200): thousands in words, then `و` and a smaller figure."""
    out: list[NumberMention] = []
    for n in numbers:
        p = out[-1] if out else None
        if p is not None and p.value >= 1000 and p.value % 1000 == 0 and n.value < 1000 \
                and not p.text[:1].isdigit() and text[p.end:n.start].strip() == "و":
            out[-1] = NumberMention(start=p.start, end=n.end, text=text[p.start:n.end],
                                    value=p.value + n.value, vague=p.vague)
            continue
        out.append(n)
    return out


def _object(w: Word | None, start: int | None = None) -> str | None:
    """The counted noun as written, without proclitic or case ending (`وانتهاكاً` -> `انتهاك`)."""
    if w is None:
        return None
    text = w.text[start - w.start:] if start is not None else w.text
    return _TANWEEN_RE.sub("", text) or text
