"""Boilerplate rules for Arabic news bodies: the lines cleaning removes, each with the reason it records.

Judged on the shared corpora (ANT v1/v2.1, SaudiNewsNet) with benchmarks/boilerplate_report.py; the
README lists how many articles each rule touched. Patterns apply to one line whose spaces are already
collapsed; all are anchored so a rule never cuts into a sentence.
"""
from __future__ import annotations

import re

_YA = "[اأإ]"
_ALSO = "(?:أيضا|أيضاً|ايضا|ايضاً|أيضًا)"

# Whole-line rules, valid anywhere in the body. reason -> patterns (the line must match fully).
LINE_RULES: dict[str, tuple[str, ...]] = {
    "comment-prompt": (
        r"(?:إضافة|اضافة|أضف|اضف|أضِف) (?:تعليق|تعليقا|تعليقاً|تعليقك)(?: جديد)?\.?",
        r"(?:التعليقات|تعليقات|اكتب تعليقك|اكتب تعليقا|أضف رأيك|شارك برأيك|اترك تعليقا)(?: \(\d*\))?\s*:?",
        r"(?:عدد التعليقات|لا توجد تعليقات)(?:\s*:?\s*\d*)?",
    ),
    "share": (
        r"(?:شارك|شاركوا|مشاركة|انشر)(?: (?:الخبر|المقال|هذا الخبر|هذا المقال))?(?: (?:على|عبر|من خلال|في))?"
        r"(?: ?(?:تويتر|فيسبوك|فيس بوك|جوجل بلس|جوجل|واتساب|واتس اب|تلغرام|لينكد إن"
        r"|البريد الإلكتروني|،|,|و))*"
        r"(?: اكتب رأيك)?",
        r"(?:طباعة|اطبع|إطبع|طباعة الخبر|طباعة المقال|أرسل لصديق|ارسل لصديق|إرسال لصديق|أرسل إلى صديق|حفظ)"
        r"(?: ?[|/-] ?(?:طباعة|أرسل لصديق|ارسل لصديق|إرسال لصديق|حفظ|مشاركة))*",
        r"(?:share|print|tweet|email|facebook|twitter|whatsapp)(?: ?[|/-]? ?(?:share|print|tweet|email|"
        r"facebook|twitter|whatsapp))*",
    ),
    "app-promo": (
        r"يمكنكم (?:استلام|تسلم|تسلّم) إشعارات .*(?:تطبيق|التطبيق).*",
        r"(?:حمّل|حمل|نزّل|نزل|قم بتحميل) (?:تطبيق|التطبيق) .{0,80}",
        r"(?:تابعونا|تابعوا|تابعنا) (?:على|عبر) .{0,60}",
    ),
    "more-link": (
        r"\.{2,}\s*المزيد\.?",
        r"المزيد\s*\.{2,}",
        rf"(?:{_YA}قر{_YA}|قراءة) (?:المزيد|التفاصيل|المقال كاملا|الخبر كاملا)\s*(?:\.{{2,}}|:)?",
        r"(?:التفاصيل|للمزيد) (?:ص|صفحة)\s*\d+",
    ),
    "related-link": (
        rf"{_YA}قر{_YA} {_ALSO}\s*[:：]?.*",
        rf"(?:شاهد|طالع|اقرأ كذلك) {_ALSO}?\s*[:：].*",
        rf"قد (?:يهمك|يهمّك|تهمك)(?: {_ALSO})?\s*[|:/：]\s*.*",
        rf"{_YA}قر{_YA}\s*(?:\.{{2,}}|:)\s*.+",
        r"(?:مواضيع|أخبار|اخبار|مقالات|موضوعات|قصص) (?:ذات صلة|متعلقة|مرتبطة|قد تهمك)\s*:?",
        r"رابط الخبر (?:بصحيفة|في صحيفة) .{0,200}",
    ),
    "separator": (
        r"[-_=*~•ـ.]{3,}(?: ?[-_=*~•ـ.]+)*",
        r"\* ?\*(?: ?\*)*",
    ),
    "contact": (
        r"للتواصل(?: مع الكاتب)? (?:ارسل|أرسل|إرسل) .{0,120}",
        r"\d{4,7} ?- ?(?:zain|mobily|stc|زين|موبايلي)",
        r"زين تبدأ بالرمز.{0,80}",
        r"ثم الرسالة",
        r"لمراسلة الكاتب\s*:?.{0,80}",
        r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
    ),
    "wire-marker": (
        r"//\s*(?:انتهى|يتبع)\s*//(?:\s*\d{1,2}:\d{2} ?ت ?[مغ])?",
        r"\d{1,2}:\d{2} ?ت ?[مغ](?: NNNN)?",
        r"NNNN",
    ),
}

# Rules that strip a prefix from a line and keep the rest (the text after it is the article's).
PREFIX_RULES: dict[str, tuple[str, ...]] = {
    "share": (r"شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك\s*",),
    "navigation": (r"Next Previous\s*",),
}

# Rules for the end of the body only: removed while they form the last line, repeatedly.
TAIL_RULES: dict[str, tuple[str, ...]] = {
    "tags": (
        r"(?:سمات|الوسوم|وسوم|الكلمات المفتاحية|كلمات مفتاحية|كلمات دلالية|الكلمات الدلالية|Tags)\s*:?"
        r"(?: [^.!؟?:\n]{1,40}){1,12}",
    ),
    "photo-credit": (
        r"[(（]\s*(?:تصوير|عدسة|ارشيف|أرشيف|الصورة|صورة)\s*[:/].{1,60}[)）]\.?",
    ),
}

# A closing source line: "المصدر: سانا", "المصدر : وكالات", "(سانا)". Group 1 is the outlet.
SOURCE_LINE_RULES: tuple[str, ...] = (
    r"(?:المصدر|مصدر الخبر|المصادر)\s*[:：-]\s*([^\n]{1,60}?)\.?",
    r"[(（]\s*((?:[^()\d\s:/،,]+ ?){1,3}?)\s*[)）]\.?",
)

# Headlines of other stories pasted into the body (BBC Arabic): applied only to articles from these
# outlets, judged by source, URL or the app promotion line; a headline-shaped line has 5-16 words, no
# closing sentence mark, and does not open like a sentence (و/ف + verb) or a list item.
RELATED_HEADLINE_OUTLETS: tuple[str, ...] = ("bbc", "بي بي سي")
HEADLINE_MIN_WORDS = 5
HEADLINE_MAX_WORDS = 16
HEADLINE_BAD_END = re.compile(r"[.،,:;!\"»”…)\]]$")
HEADLINE_BAD_START = re.compile(r"^(?:[وف][\u0621-\u064a]|[-–•*\d٠-٩(\"«“])")
# Short questions are the article's own subheadings in BBC explainers ("ما الذي حدث يوم السبت؟");
# related headlines that are questions run longer. Judged on a sample of the ANT BBC bodies.
HEADLINE_SUBHEAD = re.compile(
    r"^(?:ما|ماذا|لماذا|كيف|متى|هل|من|أين|إذن|وما|وكيف|وهل)\s(?:\S+\s){0,5}\S+[؟?]$")


# A bare header of related links ("اقرأ أيضا:" alone on its line): the headline-shaped lines right
# after it are the links (any outlet).
RELATED_HEADER = re.compile(
    rf"(?:{_YA}قر{_YA}|شاهد|طالع) {_ALSO}\s*[:：]?|(?:مواضيع|أخبار|اخبار|مقالات) ذات صلة\s*:?")
# The "related stories" block CNN Arabic pastes after the article body: the leads of RELATED_STORIES
# other stories, one paragraph each. Applied only to articles from these outlets (source or URL); the
# block is taken when the body's last RELATED_STORIES paragraphs are all lead-shaped (a full sentence,
# not a list item, a question or a subheading), the last one and all but one of the others opening like
# a news lead rather than a continuation or an essay's argument (و/ف + word, a present verb, يذكر، كما،
# لم، إن، لقد، إذا، كان …). Judged on the 3,506 ANT v2.1 CNN bodies: the block begins in August 2018;
# the rule takes it from 740 of the 1,321 articles since then and from 1 of the 2,185 before.
RELATED_STORY_OUTLETS: tuple[str, ...] = ("cnn",)
RELATED_STORIES = 5
STORY_LEAD_MIN_CHARS = 50
STORY_CONTINUATION = re.compile(
    r"^(?:[وف][\u0621-\u064a]|ي[\u0621-\u064a]{3}|(?:يشار|يذكر|يُذكر|بدوره|بدورها|بالمقابل|كما|لكن|لكنه|إلا|"
    r"أما|بينما|غير|من|إذ|حيث|ثم|هذا|هذه|هكذا|هو|هي|لم|لا|لن|ما|قد|لقد|علما|علماً|إن|أن|أجل|أخيرا|أخيراً|إذا|اذا|"
    r"إذاً|اذاً|سواء|كان|كانت)\b)")
STORY_NOT_LEAD = re.compile(r"^[-–•*\d٠-٩]|[؟?:]$")


def _compile(rules: dict[str, tuple[str, ...]]) -> re.Pattern[str]:
    """One alternation with a named group per reason, so a single match names the rule."""
    parts = []
    for reason, pats in rules.items():
        group = reason.replace("-", "_")
        parts.append(f"(?P<{group}>" + "|".join(f"(?:{p})" for p in pats) + ")")
    return re.compile("|".join(parts), re.IGNORECASE)  # only the Latin words have case


LINE_RE = _compile(LINE_RULES)
PREFIX_RE = _compile(PREFIX_RULES)
TAIL_RE = _compile(TAIL_RULES)
SOURCE_LINE_RE = tuple(re.compile(p) for p in SOURCE_LINE_RULES)

# Longest line a whole-line rule is tried on (the BBC app promotion line is ~105 characters);
# longer lines are article paragraphs and skip the rules, which keeps cleaning fast.
MAX_RULE_LINE = 260


def reason_of(match: re.Match[str]) -> str:
    """The rule name (reason) of a match made by one of the compiled alternations."""
    return (match.lastgroup or "boilerplate").replace("_", "-")
