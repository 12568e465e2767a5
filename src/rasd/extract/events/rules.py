"""Sentence-level rules: PLOVER cue matches, negation, attack mode and the actor / recipient token ranges.

The ranges follow Arabic clause order around the cue: SVO (`موسكو تطالب واشنطن`) puts the actor
before the cue; VSO (`تظاهر آلاف الإسرائيليين`) puts it right after a verb cue; a victim noun
(`مقتل الفريق …`) is followed by the recipient, and an agent marker (`أطلقها إرهابيو داعش`,
`على يد`) introduces the actor.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rasd.extract.events.features import EVENT_CUES, CueMatch, Lexicon, Tok, main_stem
from rasd.lang.ar.plover import (
    AGENT_MARKERS,
    CLAIM_CUES,
    CLASSIFIED_TYPES,
    CLAUSE_WORDS,
    COERCE_MODE_CUES,
    FUNCTION_WORDS,
    FUTURE_PREFIX_EXCEPTIONS,
    HYPOTHETICAL_CUES,
    MODE_CUES,
    NAME_PARTICLES,
    NEGATION_CLAUSE_CUES,
    NEGATION_CUES,
    PLANNED_CUES,
    PREPOSITIONS,
    PROTEST_MODE_CUES,
    REPORTING_VERBS,
    VICTIM_NOUNS,
)

RULES = EVENT_CUES  # one compiled lexicon of the 16 types' cues
# type -> (mode table, its compiled lexicon keyed by the table's index)
MODES: dict[str, tuple[tuple[tuple[str, tuple[str, ...]], ...], Lexicon]] = {
    etype: (table, Lexicon({str(k): cues for k, (_, cues) in enumerate(table)}))
    for etype, table in (("ASSAULT", MODE_CUES), ("PROTEST", PROTEST_MODE_CUES), ("COERCE", COERCE_MODE_CUES))
}
NEGATION = Lexicon({"NEG": NEGATION_CUES, "CLAUSE": NEGATION_CLAUSE_CUES})
# Words of obligation, stipulation, fear and requirement: what they govern has not happened
# (يقضي التعديل بمصادرة، وجوب تنظيم زيارة، يخشى من انسحاب، يفترض القانون أن).
NORMATIVE_CUES: tuple[str, ...] = (
    "يقضي", "تقضي", "ينص", "تنص", "يقتضي", "تقتضي", "يتطلب", "تتطلب", "وجوب", "ضروره", "يفترض", "تفترض",
    "يخشي", "تخشي", "نخشي", "مخاوف", "خشيه",
)
MODALITY = Lexicon({"planned": PLANNED_CUES, "hypothetical": HYPOTHETICAL_CUES + NORMATIVE_CUES,
                    "claimed": CLAIM_CUES})
MODALITY_WINDOW = 5  # words before the cue a modality cue may stand (من المقرر أن يلتقي الرئيسان)
ROLE_WORDS = Lexicon({
    "REPORT": REPORTING_VERBS, "AGENT": AGENT_MARKERS, "VICTIM": VICTIM_NOUNS,
    "PREP": PREPOSITIONS, "FUNC": FUNCTION_WORDS, "CLAUSE": CLAUSE_WORDS,
})
# Punctuation that ends a clause; quotation marks do not (they often wrap a name: إرهابيو “داعش”).
BOUNDARY_RE = re.compile(r"[.،,:;؛!?؟()\[\]\n]")
# Conjunctions that end like the negator ما (كما، فيما، بينما): they negate nothing.
NOT_NEGATORS = frozenset({"كما", "فيما", "بينما", "عندما", "مما", "طالما", "ربما", "انما", "حينما", "كلما",
                          "لما", "بعدما", "قبلما", "مثلما", "حيثما", "اينما"})
NEGATION_WINDOW = 4  # tokens before the cue a particle may stand (ولم ترصد الطائرات أي قتال)
CLAUSE_NEGATION_WINDOW = 8  # tokens before the cue a clause negator may stand (نفى أن تكون …)
ROLE_SPAN = 4  # at most this many tokens in an actor / recipient range
_STOP = frozenset({"REPORT", "CLAUSE", "AGENT"})
_SKIP = frozenset({"FUNC", "PREP"})
_DEFINITE: tuple[str, ...] = ("ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال")


@dataclass(frozen=True)
class Roles:
    """Token ranges [start, end) of the actor and the recipient around one cue (empty when none)."""

    actor: tuple[int, int]
    recipient: tuple[int, int]
    verb_first: bool = False  # VSO: the actor range may run on into the object (اتهمت الحكومة المعارضة)


def rule_matches(toks: list[str], found: list[CueMatch] | None = None) -> list[CueMatch]:
    """Cue matches of the rule-based types (ASSAULT / PROTEST cues are left to the classifier).

    `found` may pass `RULES.find(toks)` when the caller has it already.
    """
    found = RULES.find(toks) if found is None else found
    return [m for m in found if m.label not in CLASSIFIED_TYPES and not _definite_mention(toks, m)]


def _definite_mention(toks: list[str], m: CueMatch) -> bool:
    """A cue on a definite noun (الاتفاق، والتعاون) names an event; it does not report one."""
    word = toks[m.i]
    first = m.cue.split()[0].rstrip("*")
    if first.startswith(_DEFINITE) or word == first:
        return False
    return word.startswith(_DEFINITE)


def cue_for(toks: list[str], event_type: str, found: list[CueMatch] | None = None) -> CueMatch | None:
    """The first cue of `event_type` in the sentence, a cue that reports (not a definite noun that
    names an event) first; also for the classified types."""
    hits = [m for m in (RULES.find(toks) if found is None else found) if m.label == event_type]
    return min(hits, key=lambda m: (_definite_mention(toks, m), m.i)) if hits else None


def is_negated(toks: list[str], cue: CueMatch) -> bool:
    """True when a negator governs the cue: a particle just before it or a clause negator further back."""
    before = toks[max(0, cue.i - CLAUSE_NEGATION_WINDOW):cue.i]
    for m in NEGATION.find(before):
        if before[m.i] in NOT_NEGATORS:
            continue
        dist = len(before) - m.i
        if m.label == "CLAUSE" or dist <= NEGATION_WINDOW:
            return True
    return False


def _future_verb(word: str) -> bool:
    """A verb with the future prefix س (ستفرض، سيلتقي، سننسحب)."""
    return (len(word) >= 5 and word[0] == "س" and word[1] in "يتن"
            and not word.startswith(FUTURE_PREFIX_EXCEPTIONS))


def _may(before: list[str]) -> bool:
    """`قد` before a present verb (قد يعلن): may happen (before a past verb, قد دخل, it asserts)."""
    pairs = zip(before, before[1:], strict=False)
    return any(w == "قد" and len(nxt) > 3 and nxt[0] in "يتن" for w, nxt in pairs)


EXCEPTIVES = frozenset({"سوي", "الا"})  # matching forms of سوى / إلا: لم ... سوى is "only", not a denial
EXCEPTIVE_WINDOW = 10


def _exceptive(toks: list[str], cue: CueMatch) -> bool:
    """An exceptive after the cue turns its negation into "only" (لم يستغرق الاجتماع سوى 15 دقيقة: the
    meeting lasted only 15 minutes; لم يُفرج عنه إلا بعد: he was released only after)."""
    return any(w in EXCEPTIVES for w in toks[cue.j:cue.j + EXCEPTIVE_WINDOW])


def modality(toks: list[str], cue: CueMatch) -> str:
    """`denied`, `planned`, `hypothetical`, `claimed` or `asserted` for the event of one cue.

    `لن` (will not) makes a planned statement, not a denial; a negator otherwise denies; then a
    future or planning word (or a future verb, the cue word itself included), a conditional or
    possibility word, an allegation word, each in the MODALITY_WINDOW words before the cue.
    """
    before = toks[max(0, cue.i - MODALITY_WINDOW):cue.i]
    found = {m.label for m in MODALITY.find(before)}
    if "planned" in found or any(_future_verb(w) for w in toks[max(0, cue.i - 2):cue.i + 1]) \
            or any(w in PLANNED_AFTER for w in toks[cue.j:cue.j + 2]):
        return "planned"
    if is_negated(toks, cue) and not _exceptive(toks, cue):
        return "denied"
    if "hypothetical" in found or _may(before):
        return "hypothetical"
    if "claimed" in found:
        return "claimed"
    return "asserted"


# Adjectives after an event noun that make it planned (`اجتماع مرتقب`, `الزيارة المقررة`).
PLANNED_AFTER: frozenset[str] = frozenset({
    "مرتقب", "مرتقبه", "المرتقب", "المرتقبه", "مقرر", "مقرره", "المقرر", "المقرره", "مزمع", "مزمعه",
    "المزمع", "المزمعه", "المتوقع", "المتوقعه", "المقبل", "المقبله", "القادم", "القادمه",
})
# `اعترضت الدفاعات صاروخا`: an interception, not an objection (REJECT), by a weapon or a defence
# within INTERCEPT_WINDOW tokens of the cue.
INTERCEPT_WORDS: frozenset[str] = frozenset({
    "صاروخ", "صاروخا", "صواريخ", "الصاروخ", "الصواريخ", "قذيفه", "قذائف", "القذيفه", "القذائف",
    "طائره", "طائرات", "مسيره", "مسيرات", "منظومه", "الدفاعات", "دفاعات", "الدفاع", "القبه", "باليستي",
    "باليستيا", "بالستي",
})
INTERCEPT_WINDOW = 4

# Words of an accident or a disaster: a casualty noun beside them reports no attack (حريق، اختناق).
ACCIDENT = Lexicon({"ACCIDENT": (
    "حريق*", "الحريق", "اختناق*", "غرق*", "انهيار*", "تصادم*", "اصطدام*", "سيول", "زلزال*", "فيضان*",
    "صعق*", "انقلاب سياره",
)})
CASUALTY_CUES: frozenset[str] = frozenset({"اصابه", "مقتل*", "وفاه", "جرح*", "اصيب*", "قتل*", "مصرع"})
# Prefix cues that also begin other words (منع*: منعزل, isolated).
FALSE_FRIENDS: tuple[str, ...] = ("منعزل",)
HOSTAGE = frozenset({"رهائن", "الرهائن", "رهينه", "رهينتين"})
# Condemnation is ACCUSE in PLOVER (and in the labelled data), whatever table the cue sits in.
CONDEMN = frozenset({"استنكر*", "يستنكر*", "تستنكر*"})
TARGET_WINDOW = 4  # tokens after an attack cue where another type's noun is its target (استهدفت تعزيزات)
REQUESTED_WINDOW = 4  # tokens after a call where another type's cue is what is asked for (طلب الإفراج عن)
_TARGETED = frozenset({"MOBILIZE", "CONSULT", "COERCE", "AID", "SUPPORT", "COOPERATE", "AGREE"})
_PRAYER = frozenset({"الله", "الرحمه", "المولي"})
PRAYER_WINDOW = 10  # tokens after دعا where the name of God makes the call a prayer
# Words before a meeting noun that make it a ceremony or a place (مراسم استقبال، حفل استقبال، قاعة اجتماعات).
VENUE_WORDS = frozenset({"مراسم", "حفل", "حفله", "احتفال", "قاعه", "صاله", "غرفه", "مكتب", "مركز"})
_THAT = frozenset({"ان", "بان", "انه", "انها", "بانه", "بانها"})


def _accident(toks: list[str]) -> bool:
    return any(ACCIDENT.labels(t) for t in toks)


def retype(toks: list[str], m: CueMatch) -> CueMatch:
    """The cue with the type its context gives: hostage taking is an attack (احتجز عددا من الرهائن),
    a condemnation an accusation."""
    if m.label == "COERCE" and m.cue.startswith(("احتجز", "احتجاز", "يحتجز")) and any(
            t in HOSTAGE for t in toks[m.j:m.j + 3]):
        return CueMatch("ASSAULT", m.cue, m.i, m.j)
    if m.label == "REJECT" and m.cue in CONDEMN:
        return CueMatch("ACCUSE", m.cue, m.i, m.j)
    return m


def reports_event(toks: list[str], m: CueMatch, found: list[CueMatch]) -> bool:
    """False for a cue that, by its form or its neighbours, reports no event of its type.

    A noun behind the purpose `ل` (لمنع، لبحث) or the manner `بال` (بالتعاون مع) names an aim or a
    manner; a word that only begins like a cue (منعزل); the penal `عقوبة` of a statute (SANCTION is
    `عقوبات`); `يتفق على أن` (an opinion shared); a call to God (دعا … بأن يتقبل الله); a noun that is
    the target of an attack (استهدفت غارات التحالف تجمعات وتعزيزات) or what a call asks for (طلب
    الإفراج عن); a casualty noun in a report of an accident (إصابة 17 شخصا في حريق).
    """
    word = toks[m.i]
    first = m.cue.split()[0].rstrip("*")
    stem = main_stem(word)
    if stem.startswith(FALSE_FRIENDS):
        return False
    if m.label in CLASSIFIED_TYPES:
        if m.cue in CASUALTY_CUES and _accident(toks):
            return False
        return True
    if m.label == "REJECT" and first in ("اعترض", "يعترض", "تعترض") and any(
            main_stem(t) in INTERCEPT_WORDS or t in INTERCEPT_WORDS
            for t in toks[max(0, m.i - INTERCEPT_WINDOW):m.j + INTERCEPT_WINDOW]):
        return False
    if (word[0] == "ل" and not first.startswith("ل") and len(word) > 3 and word[1] not in "يتنل"
            and m.j == m.i + 1):
        return False
    if word.startswith(("بال", "وبال")) and not first.startswith("ب"):
        return False
    if m.label == "SANCTION" and first == "عقوبه":
        return False
    if m.label == "AGREE" and m.j < len(toks) and (
            toks[m.j] in _THAT or (toks[m.j] == "علي" and toks[m.j + 1:m.j + 2] and toks[m.j + 1] in _THAT)):
        return False
    if m.label == "REQUEST" and any(t in _PRAYER for t in toks[m.j:m.j + PRAYER_WINDOW]):
        return False
    if m.label == "COERCE" and _accident(toks):
        return False
    if m.label == "CONSULT" and m.i > 0 and toks[m.i - 1] in VENUE_WORDS:
        return False  # مراسم استقبال، قاعة الاجتماعات: a ceremony or a room, no meeting
    for o in found:
        if o is m or o.i >= m.i:
            continue
        gap = m.i - o.j
        if o.label == "ASSAULT" and m.label in _TARGETED and 0 <= gap < TARGET_WINDOW:
            return False
        if o.label == "REQUEST" and m.label != "REQUEST" and 0 <= gap < REQUESTED_WINDOW:
            return False
    return True


def event_mode(toks: list[str], event_type: str) -> str | None:
    """The mode of an event of `event_type` (first matching entry of its mode table), or None."""
    if event_type not in MODES:
        return None
    table, lexicon = MODES[event_type]
    found = [int(m.label) for m in lexicon.find(toks)]
    return table[min(found)][0] if found else None


def attack_mode(toks: list[str]) -> str | None:
    """The first attack mode (MODE_CUES order) whose words occur in the sentence."""
    return event_mode(toks, "ASSAULT")


def boundaries(text: str, toks: list[Tok]) -> list[bool]:
    """`b[k]` is True when punctuation separates token k-1 from token k."""
    out = [True]
    for a, b in zip(toks, toks[1:], strict=False):
        out.append(bool(BOUNDARY_RE.search(text, a.end, b.start)))
    return out


def _labels(toks: list[str]) -> list[set[str]]:
    return [set(ROLE_WORDS.labels(t)) for t in toks]


def _prefixed_noun(word: str) -> bool:
    """A noun behind a preposition (بتوضيح، للهجوم، بالتخطيط): it ends an actor or recipient name."""
    if word in NAME_PARTICLES or len(word) < 4 or word[0] not in "بل":
        return False
    return word.startswith(("بال", "لل")) or word[1] in "تماس"


def _run(labels: list[set[str]], words: list[str], bounds: list[bool], start: int, step: int,
         limit: int) -> tuple[int, int]:
    """Up to ROLE_SPAN content tokens from `start` walking by `step`, stopping at a clause edge."""
    idx: list[int] = []
    k = start
    while 0 <= k < limit and len(idx) < ROLE_SPAN:
        lab = labels[k]
        if lab & _STOP:
            break
        if lab & _SKIP:
            if idx:
                break
        elif idx and step > 0 and _prefixed_noun(words[k]):
            break
        else:
            idx.append(k)
        if (step > 0 and k + 1 < limit and bounds[k + 1]) or (step < 0 and bounds[k]):
            break
        k += step
    return (min(idx), max(idx) + 1) if idx else (0, 0)


def roles(text: str, toks: list[Tok], cue: CueMatch) -> Roles:
    """Actor and recipient token ranges for one cue (see the module docstring for the clause orders)."""
    words = [t.norm for t in toks]
    labels = _labels(words)
    bounds = boundaries(text, toks)
    n = len(toks)
    after = cue.j
    cue_labels = set().union(*labels[cue.i:cue.j])
    agent = next((k for k in range(cue.j, n) if "AGENT" in labels[k]), None)
    if "VICTIM" in cue_labels or (agent is not None and bounds[cue.i]):
        # مقتل الفريق … أطلقها إرهابيو داعش / وقُتل الفريق … على يد …: victim first, agent after
        recipient = _run(labels, words, bounds, after, 1, n)
        actor = _run(labels, words, bounds, agent + 1, 1, n) if agent is not None else (0, 0)
        return Roles(actor, recipient)
    # SVO: content words just before the cue, inside the clause and after any reporting verb.
    before = (0, 0)
    if cue.i > 0 and not bounds[cue.i]:
        before = _run(labels, words, bounds, cue.i - 1, -1, n)
    if before != (0, 0):
        rec_start = after + 1 if after < n and "PREP" in labels[after] else after
        recipient = (_run(labels, words, bounds, rec_start, 1, n)
                     if rec_start < n and not bounds[rec_start] else (0, 0))
        return Roles(before, recipient)
    # VSO: the subject follows the verb cue; the recipient follows a preposition after it.
    actor = _run(labels, words, bounds, after, 1, n) if after < n and not bounds[after] else (0, 0)
    recipient = (0, 0)
    k = actor[1] if actor != (0, 0) else after
    if k < n and "PREP" in labels[k] and k + 1 < n and not bounds[k + 1]:
        recipient = _run(labels, words, bounds, k + 1, 1, n)
    if agent is not None and actor == (0, 0):
        actor = _run(labels, words, bounds, agent + 1, 1, n)
    return Roles(actor, recipient, verb_first=True)


__all__ = [
    "RULES", "Roles", "attack_mode", "boundaries", "cue_for", "event_mode", "is_negated", "modality",
    "reports_event", "retype", "roles", "rule_matches",
]
