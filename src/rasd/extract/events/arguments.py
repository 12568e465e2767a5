"""Actor and recipient of one event cue from the clause around it: noun phrases, named by entities.

Arabic clause orders around a cue (token ranges, no parser):

- a verb cue takes its subject before it (SVO: `الكتلة الديمقراطية تطالب`) or right after it (VSO:
  `اعتقلت السلطات البريطانية رجل الأعمال`), then its object: the next noun phrase, or the phrase
  after a preposition of the recipient (`على`, `ضد`, `إلى`, `من`, `مع`, `ل`);
- a noun cue of harm (`مقتل`, `اعتقال`: the victim nouns, and COERCE nouns) is followed by the one it
  befell; its perpetrator comes after an agent marker (`على يد`, `أطلقها`); another noun cue is followed
  by its agent (`اجتماع بومبيو مع …`, `مطالب نواب المعارضة`, `غارات التحالف`);
- with no subject of its own, a speech act or an announced action takes the subject of the reporting
  verb before it (`أعلن أمن حماس اعتقال ثلاثة`, `أكد جيش الدفاع أنه منع`);
- the host of a reception (`استقبل X Y`) is the recipient, the visitor the actor (PLOVER CONSULT).

A phrase is named by the entities in it (a person first, as in `وزير الخارجية، مايك بومبيو`, else the
entity at its head), canonical names as the entities stage gives them; a phrase without an entity is
kept as written (`مقاتلات التحالف`, `عمال السكك الحديد الفرنسية`), at most PHRASE_TOKENS tokens.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rasd.extract.events.features import EVENT_CUES, CueMatch, Lexicon, Tok, main_stem
from rasd.extract.events.rules import ROLE_WORDS, boundaries
from rasd.lang.ar.plover import NAME_PARTICLES, WORD_CLASSES
from rasd.model import Entity

PHRASE_TOKENS = 4  # at most this many tokens in a phrase kept as written
SKIP_WORDS = 3  # function or time words skipped before a phrase (دعا، الثلاثاء، …)
CONJUNCTS = 3  # at most this many further parties joined by و (بريطانيا وفرنسا وألمانيا)
TIME = Lexicon({"TIME": WORD_CLASSES["TIME"] + (
    "مرارا", "ايضا", "كذلك", "بدوره", "بدورها", "وقتها", "عام", "العام", "الشهر", "الاسبوع", "الماضي",
    # a preposition with a pronoun: no party of its own (طلبت منه تلميذة، قتل خلاله)
    "منه", "منها", "عليه", "عليها", "له", "لها", "معه", "معها", "خلاله", "خلالها", "فيه", "فيها", "عنه",
    "عنها", "اليه", "اليها", "اياه", "اياها",
)})
# Compound prepositions (بشأن، بحسب): they end a phrase.
PREP_WORDS = frozenset({"بشان", "بسبب", "لصالح", "بحسب", "حسب", "وفق", "وفقا", "عبر", "ازاء", "بخصوص",
                        "بهدف", "اثر", "اثناء", "لدي", "لدى", "برفقه", "بمشاركه"})
# Title words: a phrase they head names its holder when a person's name follows (وزير الخارجية، مايك بومبيو)
TITLES = Lexicon({"TITLE": (
    "وزير*", "الوزير*", "رئيس*", "الرئيس*", "المدير", "مدير", "الامين", "امين", "المتحدث*", "متحدث*",
    "السفير", "سفير", "الشيخ", "الملك", "العاهل", "ولي", "نائب", "النائب", "قائد", "زعيم", "الزعيم",
    "المستشار", "مستشار", "الدكتور", "العميد", "اللواء", "الفنان", "الصحفي", "الكاتب", "المراهق",
)})
APPOSITION_TOKENS = 14  # how far after a title a person's name may follow
# Types whose verb takes its party after ب (اتصل بالعاهل، ندد بالحكومة، رحب بالقرار، أشاد بالمركز).
BY_OBJECT = frozenset({"CONSULT", "ACCUSE", "SUPPORT", "REJECT"})
RECIPIENT_PREPS = frozenset({"علي", "ضد", "الي", "من", "مع", "بحق", "تجاه"})
RECEPTION = ("استقبل", "يستقبل", "تستقبل", "استقبال", "لاستقبال")
# Verbs that take an event noun as object (عقد لقاء، شن غارات، أبدى استعداده): their subject is the
# noun's actor.
LIGHT_VERBS = frozenset({
    "عقد", "عقدت", "عقدوا", "اجري", "اجرت", "اجروا", "شن", "شنت", "شنوا", "نفذ", "نفذت", "نفذوا", "ابدي",
    "ابدت", "وجه", "وجهت", "قدم", "قدمت", "باشر", "باشرت", "باشروا", "جدد", "جددت", "جددوا", "نظم", "نظمت",
    "نظموا", "خاض", "خاضت", "بدا", "بدات", "بداوا", "واصل", "واصلت", "واصلوا",
})
# Types whose verb puts the object right after it when the subject continues (وعقد … واتهم الحوثيين):
# for the others, or after a comma, an entity right after a conjoined verb is its own subject
# (ووقعت عليه روسيا، …، واتهمت الحكومة المعارضة).
OBJECT_FIRST = frozenset({"ACCUSE", "REQUEST", "THREATEN", "COERCE", "ASSAULT", "SUPPORT", "REJECT"})
# Verb-initial forms of the passive or impersonal (تم الاتفاق، جرى توقيف): no subject of their own.
IMPERSONAL = frozenset({"تم", "يتم", "جري", "يجري", "تمت"})
_STOP = frozenset({"PREP", "CLAUSE", "REPORT", "AGENT", "FUNC"})
# The form of a verbal noun (masdar) or a plural: a noun cue, not a verb (اعتقال، تهديد، زياره، غارات)
# A preposition carrying a pronoun (معهم، عليه، لهم): no party of its own.
_PRONOUN_PREP_RE = re.compile(r"^(من|عن|مع|لدي|علي|ل|ب|في|الي|خلال|بين)(ه|ها|هم|هما|هن|كم|نا|ي)$")
_MASDAR_RE = re.compile(r"^(ا...?ا.|ت..ي.?|ت...ي.?)$")  # اتخاذ، تلقي، تخطيط: verbal nouns
_NOUN_RE = re.compile(r"^(ال.*|.*(ه|ات|اء)|ا...?ا.|ت..ي.|م.ا..ه?)$")


@dataclass(frozen=True)
class _Sentence:
    text: str
    toks: list[Tok]
    words: list[str]
    labels: list[frozenset[str]]
    bounds: list[bool]
    ents: list[tuple[tuple[int, int], Entity]]


def _content(s: _Sentence, k: int) -> bool:
    w = s.words[k]
    return (not (s.labels[k] & _STOP) and not w.isdigit() and len(w) > 1 and w not in PREP_WORDS
            and not _PRONOUN_PREP_RE.match(w))


def _prefixed(w: str) -> bool:
    """A word behind the prepositions ب / ل (بقيادة، للأمم، بالبرلمان): it ends a phrase."""
    if w in NAME_PARTICLES or len(w) < 4 or w[0] not in "بل":
        return False
    return w.startswith(("بال", "لل")) or w[1] in "تماسقح"


def _entity_at(s: _Sentence, k: int) -> tuple[tuple[int, int], Entity] | None:
    return next((x for x in s.ents if x[0][0] <= k < x[0][1]), None)


def _phrase(s: _Sentence, k: int, lead_ok: bool = False) -> tuple[int, int] | None:
    """The noun phrase that starts at token k (an entity runs to its end); `lead_ok` lets its first
    word carry the prepositions ب / ل (the object of اتصل ب، مساعدات ل)."""
    n = len(s.toks)
    if k >= n or not _content(s, k):
        return None
    hit = _entity_at(s, k)
    if hit is not None:
        return k, hit[0][1]
    if (_prefixed(s.words[k]) and not lead_ok) or s.words[k].startswith(("ي", "وي")):  # بتواصل، يتحول
        return None
    j = k + 1
    while (j < n and j - k < PHRASE_TOKENS and not s.bounds[j] and _content(s, j)
           and not _prefixed(s.words[j])):
        hit = _entity_at(s, j)
        if hit is not None:
            return k, hit[0][1]
        j += 1
    return k, j


def _skip(s: _Sentence, k: int, limit: int, cross: bool = False) -> int:
    """k moved past up to SKIP_WORDS function and time words (across commas when `cross`)."""
    n = min(limit, len(s.toks))
    for _ in range(SKIP_WORDS):
        if k < n and (("FUNC" in s.labels[k] and not s.labels[k] & {"PREP", "CLAUSE"})
                      or TIME.labels(s.words[k])) and (cross or not s.bounds[k]):
            k += 1
        else:
            break
    return k


def _forward(s: _Sentence, k: int, cross: bool = False) -> tuple[int, int] | None:
    """The phrase after token k-1 (function and time words skipped), in the same clause."""
    if k >= len(s.toks) or (s.bounds[k] and not cross):
        return None
    return _phrase(s, _skip(s, k, len(s.toks), cross))


def _gap(s: _Sentence, k: int) -> str:
    """The text between token k-1 and token k."""
    return s.text[s.toks[k - 1].end:s.toks[k].start].strip()


def _backward(s: _Sentence, k: int) -> tuple[int, int] | None:
    """The phrase that ends before token k (SVO subject), in the same clause as token k; a
    parenthesis between them is passed over (نيكولاس كروز (19 عاما) اقتحم)."""
    end = k
    if 0 < end < len(s.toks) and s.bounds[end] and _gap(s, end) == ")":
        opened = next((m for m in range(end - 1, 0, -1) if "(" in _gap(s, m)), None)
        if opened is None or end - opened > PHRASE_TOKENS:
            return None
        end = opened
    elif end <= 0 or s.bounds[end]:
        return None
    while end > 0 and (("FUNC" in s.labels[end - 1] and not s.labels[end - 1] & {"PREP", "CLAUSE"})
                       or s.words[end - 1] == "اذ"):
        end -= 1  # كانت، قد، إذ (حماس إذ تستهجن)
        if s.bounds[end]:
            return None
    i = end
    while i > 0 and end - i < PHRASE_TOKENS and _content(s, i - 1):
        i -= 1
        if s.bounds[i]:
            break
    if i == end:
        return None
    while i < end and _prefixed(s.words[i]):
        i += 1
    cut = next((m for m in range(i + 1, end) if _prefixed(s.words[m]) and _entity_at(s, m) is None), end)
    return (i, cut) if i < cut else None


def _possessor(s: _Sentence, k: int) -> tuple[int, int] | None:
    """The subject of the verb before a noun cue with a possessive suffix (V S N-hum): the phrase
    before the cue less its first word when that word opens the clause (the verb)."""
    back = _backward(s, k)
    if back is None or back[1] - back[0] < 2:
        return None
    i = back[0]
    if i == 0 or s.bounds[i] or s.labels[i - 1] & {"CLAUSE", "FUNC"}:
        return _party(s, (i + 1, back[1]))
    if i == 1 or s.bounds[i - 1] or s.labels[i - 2] & {"CLAUSE", "FUNC"}:
        return _party(s, back)  # the verb just before the phrase opens the clause
    return None


def _appositive(s: _Sentence, rng: tuple[int, int] | None) -> tuple[int, int] | None:
    """A title phrase without a person runs on to the person's name that follows it (apposition)."""
    if rng is None or not TITLES.labels(s.words[rng[0]]):
        return rng
    i, j = rng
    if any(e.type == "PER" for (a, b), e in s.ents if a < j and i < b):
        return rng
    commas = 0
    for k in range(j, min(len(s.toks), j + APPOSITION_TOKENS)):
        if s.bounds[k]:
            commas += 1
            if commas > 1 or s.text[s.toks[k - 1].end:s.toks[k].start].strip() not in ("،", ","):
                return rng
        if s.labels[k] & {"CLAUSE", "REPORT"}:
            return rng
        hit = _entity_at(s, k)
        if hit is not None and hit[1].type == "PER":
            return i, hit[0][1]
    return rng


def _names(s: _Sentence, rng: tuple[int, int] | None) -> list[str]:
    if rng is None:
        return []
    i, j = rng
    inside = [e for (a, b), e in s.ents if a < j and i < b]
    people = [e for e in inside if e.type == "PER"] or [e for e in inside if e.type == "ORG"]
    head = _entity_at(s, i)
    chosen = people or ([head[1]] if head is not None else [])  # إرهابيو داعش: the organisation
    if chosen:
        names = list(dict.fromkeys(e.canonical or e.text for e in chosen))
        first = min(a for (a, b), e in s.ents if a < j and i < b)
        if head is None and first > i and s.words[first].startswith("و"):
            # الجهات الأمنية ووزارة الداخلية: the unnamed party joined to the named one
            names.insert(0, s.text[s.toks[i].start:s.toks[first - 1].end])
        return names
    return [s.text[s.toks[i].start:s.toks[j - 1].end]]


def _with_conjuncts(s: _Sentence, rng: tuple[int, int] | None) -> list[str]:
    """The names of a phrase and of the entities joined to it by و."""
    out = _names(s, rng)
    if rng is None:
        return out
    k = rng[1]
    for _ in range(CONJUNCTS):
        if k >= len(s.toks) or s.bounds[k] or not s.words[k].startswith("و"):
            break
        hit = _entity_at(s, k)
        if hit is None or hit[0][0] != k or hit[1].start <= s.toks[k].start:
            break  # no entity, or one whose name begins with و (واشنطن): no conjunction
        name = hit[1].canonical or hit[1].text
        if name not in out:
            out.append(name)
        k = hit[0][1]
    return out


def _recipient_after(s: _Sentence, k: int, event_type: str = "") -> tuple[int, int] | None:
    """The object at token k: a phrase, or the phrase after a preposition of the recipient."""
    k = _skip(s, k, len(s.toks), cross=True)
    if k >= len(s.toks):
        return None
    w = s.words[k]
    if w in ("كلا", "كل") and k + 1 < len(s.toks) and s.words[k + 1] == "من":  # كلاً من تركيا والسعودية
        return _forward(s, k + 2)
    if w in ("لـ", "ل") and event_type == "REQUEST":
        return None  # تدعو لـ"تحقيق سريع": what is called for
    if w in RECIPIENT_PREPS or w in ("لـ", "ل"):
        return _forward(s, k + 1)
    if "PREP" in s.labels[k]:
        return None
    if len(w) > 3 and w[0] in "لب" and _entity_at(s, k) is not None:  # للحركة، لماريا
        return _phrase(s, k)
    if len(w) > 3 and w[0] == "ب" and w not in NAME_PARTICLES:
        # اتصل بالعاهل السعودي: the one met; طالب بجلسة، اتهم بالتخطيط: what is asked or charged
        obj = _phrase(s, k, lead_ok=True) if event_type in BY_OBJECT else None
        if obj is None or _entity_at(s, k) is not None or any(
                a < obj[1] and obj[0] < b for (a, b), _ in s.ents):
            return obj
        if event_type == "CONSULT":
            return _named_after(s, obj) or obj
        stem = w[3:] if w.startswith("بال") else w[1:]
        return None if _MASDAR_RE.match(stem) else obj  # اتهم … باتخاذ: the charge, not a party
    if _prefixed(w):
        return None
    obj = _phrase(s, k)
    if obj is not None and not any(a < obj[1] and obj[0] < b for (a, b), _ in s.ents):
        j = obj[0] + 1
        if (obj[1] == j and s.words[obj[0]].endswith("ا") and j < len(s.toks) and not s.bounds[j]
                and s.words[j][:1] == "ل" and len(s.words[j]) > 3):
            return _phrase(s, j, lead_ok=True)  # استهدفت اجتماعا لقيادات حوثية: those it gathered
        return _named_after(s, obj) or obj
    return obj


def _named_after(s: _Sentence, obj: tuple[int, int]) -> tuple[int, int] | None:
    """The party named right after an unnamed object (تستهجن الاتهامات الجاهزة من الرئاسة، يلتقي بأي
    مسؤول من حركة حماس): the recipient; a place after من is an origin, no party."""
    j = obj[1]
    if j < len(s.toks) and not s.bounds[j] and s.words[j] in RECIPIENT_PREPS:
        named = _forward(s, j + 1)
        hit = _entity_at(s, named[0]) if named is not None else None
        if hit is not None and hit[1].type != "LOC":
            return named
    return None


def _is_noun(words: list[str], cue: CueMatch) -> bool:
    first = cue.cue.split()[0].rstrip("*")
    w = main_stem(words[cue.i])
    if words[cue.i][:1] == "ب" and w != words[cue.i]:
        return True  # بطلب، بزيارة: a verbal noun behind ب
    return bool(_NOUN_RE.match(first)) or w.startswith("ال") or w.endswith(("ا", "ه", "ات"))


def _circumstantial(word: str, noun: bool) -> bool:
    """An accusative active participle (داعيا، مطالبا، محذرا): a circumstantial clause."""
    stem = main_stem(word)
    if stem.startswith("ال"):
        return False
    if len(stem) >= 6 and stem[0] == "م" and stem.endswith(("ين", "ون")):  # منددين، مؤكدين، مطالبين
        return True
    return (len(stem) >= 5 and stem.endswith("ا") and not stem.endswith("اا")
            and (stem[1] == "ا" or stem[0] == "م"))


# Verbal nouns that name a party (الاحتلال، الائتلاف، التنظيم): not filtered as actions.
PARTY_NOUNS = frozenset({"احتلال", "ائتلاف", "اتحاد", "تنظيم", "تجمع", "تيار", "تحالف", "امن"})


def _action(w: str, raw: str) -> bool:
    """A definite or possessed verbal noun (الانسحاب، التخطيط، احتجازه): an action, which is no party;
    `raw` is the word as written (a pronoun ه, not the feminine ة)."""
    if w.startswith("ال"):
        stem = w[2:]
    elif raw.endswith(("ه", "ها", "هم")) and len(w) >= 6:
        stem = w[:-1] if raw.endswith("ه") else w[:-2]
    else:
        return False
    return stem not in PARTY_NOUNS and bool(_MASDAR_RE.match(stem))


def _oblique(s: _Sentence, rng: tuple[int, int] | None) -> bool:
    """A phrase headed by a sound masculine plural in the accusative or genitive (الحوثيين، المسلحين):
    after a verb it is the object, never the subject (الحوثيون، المسلحون)."""
    if rng is None:
        return False
    w = s.words[rng[0]]
    hit = _entity_at(s, rng[0])
    if hit is not None and hit[1].type == "LOC":
        return False  # البحرين، فلسطين
    stem = w[1:] if w[:1] == "و" and w[1:3] == "ال" else w
    return stem.startswith("ال") and len(stem) >= 7 and (stem.endswith("يين") or (
        stem[2] == "م" and stem.endswith("ين")))


def _party(s: _Sentence, rng: tuple[int, int] | None) -> tuple[int, int] | None:
    """`rng` unless its head is an indefinite accusative (مؤثرا، احتجاجا، عددا) or an action
    (الانسحاب، التخطيط): no subject, no agent."""
    if rng is None or _entity_at(s, rng[0]) is not None:
        return rng
    raw = s.text[s.toks[rng[0]].start:s.toks[rng[0]].end]
    if s.words[rng[0]].endswith("ا") or (rng[1] - rng[0] == 1 and raw.endswith(("ه", "هم", "ها"))):
        return None  # بلاده، حكومته: a pronoun that refers back, not a name
    if not any(a < rng[1] and rng[0] < b for (a, b), _ in s.ents) and (
            _action(s.words[rng[0]], raw) or raw.endswith(("ه", "هم", "ها"))):
        return None  # غاراته استهدفت …: the possessor is the party, named elsewhere
    return rng


def _speaker(s: _Sentence, before: int) -> tuple[int, int] | None:
    """The subject of the clause `أن X` or else of the last reporting verb before token `before`
    (أفادت الوزارة أن الفرقة تولت مداهمة، أعلن أمن حماس اعتقال، أكد جيش الدفاع أنه منع)."""
    for k in range(before - 1, -1, -1):
        if s.words[k] in ("ان", "بان") and k + 1 < before:
            sub = _party(s, _forward(s, k + 1))
            if sub is not None and sub[1] <= before:
                return sub
        if s.words[k] in ("ان", "بان", "انه", "انها", "بانه", "بانها"):
            continue
        if "REPORT" in s.labels[k] and s.words[k] not in ("مصدر", "مصادر", "بيان", "وكاله", "شهود"):
            found = _forward(s, k + 1, cross=True)
            if found is not None and found[1] > before:
                found = None  # أكد أنه اتصل: the phrase after the reporting verb is the event's own verb
            found = found or _backward(s, k)
            if found is None:
                # الرئيس الأمريكي دونالد ترامب، قد أكد: the name just before, across the comma
                near = [x for x in s.ents
                        if x[0][1] <= k and k - x[0][1] <= 3 and x[1].type in ("PER", "ORG")]
                if near:
                    return max(near, key=lambda x: x[0][1])[0]
            return found
    return None


def sentence(text: str, toks: list[Tok], ents: list[tuple[tuple[int, int], Entity]]) -> _Sentence:
    """What `arguments` reads of one sentence (built once for all its cues); `ents` are the sentence's
    entities with their token ranges."""
    words = [t.norm for t in toks]
    return _Sentence(text, toks, words, [ROLE_WORDS.labels(w) for w in words], boundaries(text, toks), ents)


def _adjective(s: _Sentence, k: int) -> bool:
    """A relative adjective after a noun (جوية، الجوية، عسكرية، إسرائيلية): describes it, names no party."""
    w = s.words[k]
    return (_entity_at(s, k) is None and len(w) >= 4 and w.endswith(("يه", "ي")) and w[0] not in "وفبل"
            and not (s.labels[k] & _STOP))


def _only_places(s: _Sentence, rng: tuple[int, int]) -> bool:
    inside = [e for (a, b), e in s.ents if a < rng[1] and rng[0] < b]
    return bool(inside) and all(e.type == "LOC" for e in inside) and _entity_at(s, rng[0]) is not None


def _possessed(w: str, cue: CueMatch) -> bool:
    """A noun cue with a possessive pronoun (هجومه، استقباله، إضرابهم): the cue's prefix, then the suffix."""
    first = cue.cue.split()[0]
    if not first.endswith("*"):
        return False
    stem = main_stem(w)
    part = first.rstrip("*")
    rest = stem[len(part):] if stem.startswith(part) else w[len(part):] if w.startswith(part) else None
    return rest in ("ه", "ها", "هم", "هما", "هن")


SUBJECT_SLOT = 4  # the main clause's subject starts within the sentence's first tokens (V S …, S V …)


def _first_party(s: _Sentence, before: int) -> tuple[int, int] | None:
    """The first person or organisation of the sentence before token `before` (the main clause's
    subject, which a possessive or a circumstantial participle later in the sentence refers to)."""
    for (a, b), e in sorted(s.ents, key=lambda x: x[0]):
        if a >= min(before, SUBJECT_SLOT):
            break
        if b <= before and e.type in ("PER", "ORG"):
            return a, b
    if before > 1 and s.words[0] in ("كان", "كانت", "وكان", "وكانت"):
        sub = _party(s, _phrase(s, 1))  # وكان عمال سكك الحديد قد باشروا …، منددين
        if sub is not None and sub[1] <= before:
            return sub
    return None


def _impersonal(w: str) -> bool:
    return w in IMPERSONAL or (w[:1] != "" and w[0] in "وف" and w[1:] in IMPERSONAL)


def _conjoined(words: list[str], cue: CueMatch, noun: bool) -> bool:
    """A verb cue joined to the clause before it (ووقع، فاعتقلت، لتطالب) inside a sentence: it continues
    that clause's subject, and the phrase before it is that clause's object, not its subject."""
    w = words[cue.i]
    first = cue.cue.split()[0].rstrip("*")
    if noun or cue.i == 0 or not w or w[0] not in "وفل" or w.startswith(first):  # وافق: its own و
        return False
    return w[0] != "ل" or w[1] in "يت"


def arguments(text: str, toks: list[Tok], cue: CueMatch, event_type: str,
              ents: list[tuple[tuple[int, int], Entity]], ctx: _Sentence | None = None,
              carried: list[str] | None = None) -> tuple[list[str], list[str]]:
    """(actor names, recipient names) of the event of `cue`; `ents` are the sentence's entities with
    their token ranges; `ctx` may pass `sentence(text, toks, ents)` when the caller has it.

    `carried` is the actor of the clause before (an earlier event of the sentence or paragraph): the
    subject a conjoined verb, a circumstantial participle or a verb without a subject of its own
    continues (واتفق … ووقع، منددين، كما طلب)."""
    s = ctx or sentence(text, toks, ents)
    words = s.words
    n = len(toks)
    labels = frozenset().union(*s.labels[cue.i:cue.j])
    noun = _is_noun(words, cue)
    actor: tuple[int, int] | None = None
    recipient: tuple[int, int] | None = None
    agent = next((k for k in range(cue.j, n) if "AGENT" in s.labels[k] and (
        s.words[k] not in ("قبل", "يد", "ايدي") or (k > 0 and s.words[k - 1] in ("من", "علي")))), None)
    impersonal = _impersonal(words[cue.i]) or (cue.i > 0 and _impersonal(words[cue.i - 1]))
    keep: list[str] | None = None  # the carried actor, when the clause continues it
    if main_stem(words[cue.i]).startswith("متهم"):
        # أن بوتينا متهمة: the one accused stands before the passive participle; the accuser is unnamed
        return [], _with_conjuncts(s, _party(s, _backward(s, cue.i)))
    if _circumstantial(words[cue.i], noun):
        # مضيفا، داعيا واشنطن إلى: the participle's subject is the clause's; what follows is its object
        actor, recipient = None, _recipient_after(s, cue.j, event_type)
        keep = carried or None
        if keep is None:
            actor = _first_party(s, cue.i)
    elif impersonal:
        # تم الاتفاق، فتم حجز البضاعة: no subject of its own (a speaker's, else the one it continues)
        actor = _appositive(s, _speaker(s, cue.i))
        if actor is None:
            keep = carried or []
    elif carried and _conjoined(words, cue, noun) and not (
            (after := _forward(s, cue.j)) is not None and _entity_at(s, after[0]) is not None
            and (event_type not in OBJECT_FIRST or s.bounds[cue.i]) and not _oblique(s, after)):
        # ووقع اتفاقات، لتطالب الجهات الأمنية: the subject continues, the phrase after is the object
        keep, recipient = carried, _recipient_after(s, cue.j, event_type)
    elif "VICTIM" in labels or (noun and event_type == "COERCE") or (
            agent is not None and s.bounds[cue.i] and event_type in ("ASSAULT", "COERCE")):
        # مقتل الفريق … / وقُتل الفريق … أطلقها مسلحو داعش: the victim first, the agent after its marker
        recipient = _forward(s, cue.j)
        if agent is not None:
            actor = _forward(s, agent + 1)
    elif noun:
        k = cue.j
        while k < min(n, cue.j + 2) and not s.bounds[k] and _adjective(s, k):
            k += 1  # غارات جوية على …: the adjective describes the noun; no party
        after = _forward(s, k)
        possessed = _possessed(words[cue.i], cue)
        if event_type == "AID" and cue.j < n and s.words[cue.j][0] == "ل" and not s.bounds[cue.j]:
            after, recipient = None, _phrase(s, cue.j, lead_ok=True)  # مساعدات للمتضررين: the ones aided
        if possessed and after is not None and _entity_at(s, after[0]) is None:
            after = None  # هجومه الجمعة وقام: the possessor is the agent, not the phrase after
        if after is not None and _entity_at(s, after[0]) is None and words[after[0]][0] in "وف" and any(
                m.i == 0 and not words[after[0]].startswith(m.cue.split()[0].rstrip("*"))
                for m in EVENT_CUES.find(words[after[0]:after[0] + 3])):
            after = None  # عقد لقاءات ووقع اتفاقات: a conjoined event verb, not the noun's agent
        if after is not None and not _prefixed(words[after[0]]):
            actor = _party(s, _appositive(s, after))
            recipient = _recipient_after(s, (actor or after)[1], event_type)
        elif after is not None and words[after[0]][0] == "ل" and (hit := _entity_at(s, after[0])) is not None:
            if event_type == "CONSULT" and hit[1].type == "LOC":
                recipient = after  # زيارة لقطاع غزة: the place visited
            else:
                actor = after  # هجوما لمليشيا الحوثي
        elif cue.j < n and words[cue.j] in RECIPIENT_PREPS:
            recipient = _forward(s, cue.j + 1)
        if actor is None and words[cue.i].endswith(("هم", "ها", "ه")) and cue.j == cue.i + 1:
            actor = _possessor(s, cue.i)  # وجدد عمال السكك الحديد إضرابهم
        if actor is None and cue.i > 0 and main_stem(words[cue.i - 1]) in LIGHT_VERBS:
            # وكان ترامب عقد لقاء، عقد ترامب لقاء: the light verb's subject, else the one it continues
            actor = _party(s, _appositive(s, _backward(s, cue.i - 1)))
            if actor is None and s.bounds[cue.i - 1]:
                keep = carried or None
        if actor is None and keep is None and possessed:
            # لدى استقباله في البيت الأبيض: the possessor is the clause's subject, or the one it continues
            actor = _first_party(s, cue.i)
            if actor is None:
                keep = carried or None
    else:
        # a conjoined verb (ووقع اتفاقات): the phrase before it ends the clause before, no subject
        actor = None if _conjoined(words, cue, noun) else _party(s, _appositive(s, _backward(s, cue.i)))
        if actor is not None:
            recipient = _recipient_after(s, cue.j, event_type)
        elif cue.j < n and s.words[cue.j][0] == "ب" and event_type in BY_OBJECT and not s.bounds[cue.j]:
            recipient = _recipient_after(s, cue.j, event_type)  # يلتقي بأي مسؤول: the object, no subject
        else:
            actor = _party(s, _appositive(s, _forward(s, cue.j)))
            if _oblique(s, actor):
                actor, recipient = None, actor  # واتهم الحوثيين: the object, the subject is elsewhere
            elif actor is not None:
                recipient = _recipient_after(s, actor[1], event_type)
    if actor is None and keep is None:
        actor = _appositive(s, _speaker(s, cue.i))
        if actor is not None and recipient is None and not noun and actor[1] <= cue.i:
            recipient = _recipient_after(s, cue.j, event_type)  # أكد أنه اتصل بالعاهل: its object
        if actor is None and carried and not noun and "VICTIM" not in labels:
            keep = carried  # كما طلب الثلاثاء من إدارته: a verb without a subject continues the last one
    if keep is not None:
        if recipient is None and not impersonal:
            recipient = _recipient_after(s, cue.j, event_type)
        a = list(keep)
        r = [x for x in _with_conjuncts(s, recipient) if x not in a]
        if words[cue.i].startswith(RECEPTION) or main_stem(words[cue.i]).startswith(RECEPTION):
            a, r = r, a
        return a, r
    if "~" in cue.cue and cue.j - cue.i > 2 and _entity_at(s, cue.i + 1) is not None:
        recipient = _phrase(s, cue.i + 1)  # تحمّل حماس المسؤولية: the one held responsible
    a = _with_conjuncts(s, actor)
    r = [x for x in _with_conjuncts(s, recipient) if x not in a]
    if event_type == "ASSAULT" and recipient is not None and _only_places(s, recipient):
        r = []  # غارات على محافظة صعدة: the place attacked is the event's place, not a party
    if words[cue.i].startswith(RECEPTION) or main_stem(words[cue.i]).startswith(RECEPTION):
        a, r = r, a  # the host receives: the visitor is the actor
    return a, r


__all__ = ["arguments", "sentence"]
