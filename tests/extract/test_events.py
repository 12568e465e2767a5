"""Event rules, negation, attack modes and the events stage on hand-built articles."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.extract.events.classifier import EventClassifier, TypeModel
from rasd.extract.events.features import tokenize
from rasd.extract.events.rules import attack_mode, cue_for, event_mode, is_negated, roles, rule_matches
from rasd.extract.events.stage import EventsStage
from rasd.model import Article, Count, DateMention, Entity, Place
from rasd.text.sentences import split_sentences


def words(text: str) -> list[str]:
    return [t.norm for t in tokenize(text)]


def rule_types(text: str) -> set[str]:
    return {m.label for m in rule_matches(words(text))}


@pytest.mark.parametrize(("text", "expected"), [
    ("طالبت المعارضة الحكومة بالإفراج عن المعتقلين", "REQUEST"),
    ("دعا الرئيس إلى وقف القتال فورا", "REQUEST"),
    ("حث الوزير الأطراف على ضبط النفس", "REQUEST"),
    ("ناشدت المنظمة المجتمع الدولي التدخل", "REQUEST"),
    ("اتهمت الحكومة المعارضة بالتخطيط للهجوم", "ACCUSE"),
    ("حمّل الجيش الجماعة المسؤولية عن التفجير", "ACCUSE"),
    ("الولايات المتحدة تدعي محاربة الإرهاب", "ACCUSE"),
    ("رفض الرئيس المبادرة الجديدة", "REJECT"),
    ("هدد الزعيم بالخروج من الحكومة", "THREATEN"),
    ("توعد التنظيم بالانتقام لمقتل قائده", "THREATEN"),
    ("اتفق الطرفان على تبادل الأسرى", "AGREE"),
    ("وقع البلدان اتفاقا للتجارة الحرة", "AGREE"),
    ("التقى وزير الخارجية نظيره الفرنسي", "CONSULT"),
    ("بحث الرئيسان في اتصال هاتفي الأوضاع في المنطقة", "CONSULT"),
    ("اجتمع الوفد مع ممثلي الأمم المتحدة", "CONSULT"),
    ("أيدت الجامعة العربية القرار", "SUPPORT"),
    ("رحب المجلس بنتائج الانتخابات", "SUPPORT"),
    ("تدعم واشنطن الحكومة العراقية", "SUPPORT"),
    ("تتعاون الشرطة مع الجيش في التحقيق", "COOPERATE"),
    ("أرسلت الإمارات مساعدات إنسانية إلى اليمن", "AID"),
    ("فرض الاتحاد الأوروبي عقوبات جديدة على روسيا", "SANCTION"),
    ("قاطعت المعارضة الانتخابات", "SANCTION"),
    ("فرض الجيش حظر التجول في المدينة", "COERCE"),
    ("حشد الجيش قواته على الحدود", "MOBILIZE"),
    ("أعلنت الحكومة استنفار قوات الأمن", "MOBILIZE"),
    ("اعتقلت الشرطة عشرة أشخاص في المدينة", "COERCE"),
    ("قررت السلطات حظر التجمعات في العاصمة", "COERCE"),
    ("انسحبت القوات من المدينة بعد أسبوع", "RETREAT"),
    ("أفرجت السلطات عن الصحفيين المعتقلين", "CONCEDE"),
])
def test_rule_cue_gives_its_type(text: str, expected: str) -> None:
    assert expected in rule_types(text)


@pytest.mark.parametrize(("text", "absent"), [
    ("الاتفاق النووي يثير جدلا واسعا", "AGREE"),  # a definite noun names an event, it reports none
    ("وصل الوفد إلى المدينة صباحا", "CONSULT"),
    ("ارتفعت أسعار النفط في الأسواق", "SANCTION"),
    ("وهو الأمر الذي ترفضه بشكل قاطع", "SANCTION"),
    ("والتي فرضها المشاهد على المسلسل", "COERCE"),
    ("قتل عشرة أشخاص في انفجار", "ASSAULT"),  # ASSAULT is the classifier's, never a bare rule
])
def test_no_rule_type(text: str, absent: str) -> None:
    assert absent not in rule_types(text)


@pytest.mark.parametrize(("text", "etype", "negated"), [
    ("ولم ترصد أي قتال بينهما", "ASSAULT", True),
    ("نافياً أن تكون الطائرات الروسية قد وجهت ضربات لمجموعات قسد", "ASSAULT", True),
    ("نفى الجيش أن يكون قد قصف القرية", "ASSAULT", True),
    ("لا يوجد أي قصف على المدينة", "ASSAULT", True),
    ("ولم ترصد الطائرات أي قتال", "ASSAULT", True),
    ("قصفت الطائرات القرية أمس", "ASSAULT", False),
    ("لم يتفق الطرفان على موعد الجولة المقبلة", "AGREE", True),
    ("رفضت الحكومة الطلب", "REJECT", False),
    ("التقى الوزير نظيره ولم يصدر بيان", "CONSULT", False),
])
def test_negation(text: str, etype: str, negated: bool) -> None:
    w = words(text)
    cue = cue_for(w, etype)
    assert cue is not None
    assert is_negated(w, cue) is negated


@pytest.mark.parametrize(("text", "mode"), [
    ("مقتل جنرال جراء انفجار قذيفة أطلقها مسلحون", "heavy-weapons"),
    ("انفجرت سيارة مفخخة قرب السوق", "bombing"),
    ("فجر انتحاري نفسه وسط المصلين", "suicide-bombing"),
    ("شنت الطائرات غارات على مواقع التنظيم", "air-strike"),
    ("أطلق مسلحون النار على دورية للشرطة", "small-arms"),
    ("اندلعت اشتباكات بين الجيش والمسلحين", "small-arms"),
    ("وقع انفجار في المدينة", "bombing"),
])
def test_attack_mode(text: str, mode: str) -> None:
    assert attack_mode(words(text)) == mode


@pytest.mark.parametrize(("text", "etype", "mode"), [
    ("بدأ عشرات المعتقلين إضرابا عن الطعام", "PROTEST", "hunger-strike"),
    ("أعلنت النقابة الإضراب العام", "PROTEST", "strike"),
    ("اعتصم مئات العمال أمام الوزارة", "PROTEST", "sit-in"),
    ("تظاهر آلاف الطلاب في العاصمة", "PROTEST", "demonstration"),
    ("فرض الجيش حظر التجول في المدينة", "COERCE", "curfew"),
    ("اعتقلت الشرطة عشرة أشخاص", "COERCE", "arrest"),
    ("رحب المجلس بالقرار", "SUPPORT", None),
])
def test_event_mode(text: str, etype: str, mode: str | None) -> None:
    assert event_mode(words(text), etype) == mode


@pytest.mark.parametrize(("text", "etype", "actor", "recipient"), [
    ("موسكو تطالب واشنطن بتوضيح وجود قوات", "REQUEST", "موسكو", "واشنطن"),
    ("تظاهر الاف الاسرائيليين مساء امس في تل ابيب", "PROTEST", "الاف الاسرائيليين", ""),
    ("أعلنت الوزارة مقتل الفريق فاليرى أسابوف جراء قذيفة أطلقها إرهابيو “داعش” عند مركز",
     "ASSAULT", "إرهابيو “داعش", "الفريق فاليرى أسابوف"),
    ("اتهمت الحكومة المعارضة بالتخطيط للهجوم", "ACCUSE", "الحكومة المعارضة", ""),
    ("هاجم مسلحون من القاعدة مركزا للشرطة", "ASSAULT", "مسلحون", "القاعدة مركزا"),
])
def test_roles(text: str, etype: str, actor: str, recipient: str) -> None:
    toks = tokenize(text)
    cue = cue_for([t.norm for t in toks], etype)
    assert cue is not None
    r = roles(text, toks, cue)

    def span(rng: tuple[int, int]) -> str:
        return text[toks[rng[0]].start:toks[rng[1] - 1].end] if rng[1] > rng[0] else ""

    assert span(r.actor) == actor
    assert span(r.recipient) == recipient


def test_events_without_sentences_split_with_the_text_layer() -> None:
    text = "العنوان\nجملة أولى. قصفت الطائرات المدينة؟ ثالثة\n\nرابعة"
    a = Article(id="x", text=text, title="العنوان")
    EventsStage(ALWAYS_ASSAULT)(a)
    assert {(e.start, e.end) for e in a.events} <= set(split_sentences(text))
    assert a.events


def _entity(text: str, sub: str, etype: str, canonical: str | None = None, nth: int = 0) -> Entity:
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return Entity(sub, etype, start, start + len(sub), canonical=canonical or sub)


def _place(text: str, sub: str, kind: str, country: str = "SY") -> Place:
    start = text.index(sub)
    return Place(sub, start, start + len(sub), name=sub, kind=kind, country=country, lat=1.0, lon=2.0)


# A classifier that says yes to every sentence holding an ASSAULT cue (no weights needed).
ALWAYS_ASSAULT = EventClassifier({"ASSAULT": TypeModel(5.0, 0.5, {})})
NEVER = EventClassifier({"ASSAULT": TypeModel(-5.0, 0.5, {})})


def test_stage_fills_roles_place_date_counts_from_the_same_sentence() -> None:
    text = ("طالبت موسكو واشنطن بتوضيح موقفها في جنيف.\n"
            "وقتل الفريق أسابوف في سورية جراء قذيفة أطلقها مسلحو داعش في دير الزور أمس.")
    s2 = text.index("وقتل")
    a = Article(id="t", text=text, title="")
    a.entities = [_entity(text, "موسكو", "LOC"), _entity(text, "واشنطن", "LOC"),
                  _entity(text, "أسابوف", "PER", "فاليرى أسابوف"), _entity(text, "داعش", "ORG")]
    a.places = [_place(text, "جنيف", "city", "CH"), _place(text, "سورية", "country"),
                _place(text, "دير الزور", "city")]
    a.dates = [DateMention("أمس", text.index("أمس"), text.index("أمس") + 3, "2017-09-24")]
    a.counts = [Count("killed", 1, "exact", "قتل الفريق", s2 + 1, s2 + 11)]
    EventsStage(ALWAYS_ASSAULT)(a)
    assert a.bad_spans() == []
    by_type = {e.type: e for e in a.events}
    req, ass = by_type["REQUEST"], by_type["ASSAULT"]
    assert (req.actor, req.recipient) == (["موسكو"], ["واشنطن"])
    assert req.place is not None and req.place.name == "جنيف"
    assert req.date is None and req.counts == {} and not req.negated
    assert ass.actor == ["داعش"] and ass.recipient == ["فاليرى أسابوف"]
    assert ass.place is not None and ass.place.name == "دير الزور"  # the city, not the country
    assert ass.date == "2017-09-24" and ass.counts == {"killed": 1}
    assert ass.mode == "heavy-weapons"
    assert text[ass.start:ass.end] == ass.text and ass.text.startswith("وقتل")


def test_verb_first_sentence_splits_subject_and_object() -> None:
    text = "اتهمت الحكومة المعارضة بالتخطيط للهجوم"
    a = Article(id="t", text=text, title="")
    a.entities = [_entity(text, "الحكومة", "ORG"), _entity(text, "المعارضة", "ORG")]
    ev = EventsStage(NEVER)(a).events
    assert [(e.type, e.actor, e.recipient) for e in ev] == [("ACCUSE", ["الحكومة"], ["المعارضة"])]


def test_stage_takes_no_place_that_is_an_actor() -> None:
    text = "موسكو تطالب واشنطن بتوضيح"
    a = Article(id="t", text=text, title="")
    a.entities = [_entity(text, "موسكو", "LOC"), _entity(text, "واشنطن", "LOC")]
    a.places = [_place(text, "موسكو", "city", "RU"), _place(text, "واشنطن", "city", "US")]
    EventsStage(NEVER)(a)
    assert [(e.type, e.place) for e in a.events] == [("REQUEST", None)]


def test_casualty_count_makes_an_assault_when_the_classifier_is_unsure() -> None:
    text = "أعلن الجيش مقتل جندي في هجوم"
    a = Article(id="t", text=text, title="", sentences=[(0, len(text))])
    assert EventsStage(NEVER)(a).events == []
    b = Article(id="t", text=text, title="", sentences=[(0, len(text))],
                counts=[Count("killed", 1, "exact", "مقتل جندي", 11, 20)])
    assert [e.type for e in EventsStage(NEVER)(b).events] == ["ASSAULT"]


def test_negated_report_is_kept_and_flagged() -> None:
    text = "ولم ترصد الطائرات أي قتال بينهما"
    a = EventsStage(ALWAYS_ASSAULT)(Article(id="t", text=text, title=""))
    assert [(e.type, e.negated) for e in a.events] == [("ASSAULT", True)]


@pytest.mark.parametrize(("text", "types"), [
    ("تزوج الفنان من فتاة تدعى سارة", []),  # تُدعى: "is called"
    ("الولايات المتحدة تدعي محاربة الإرهاب", ["ACCUSE"]),
])
def test_naming_verb_is_no_accusation(text: str, types: list[str]) -> None:
    assert [e.type for e in EventsStage(NEVER)(Article(id="t", text=text, title="")).events] == types


def test_sentence_without_cue_gives_no_event() -> None:
    text = "ارتفعت درجات الحرارة في المدينة اليوم"
    assert EventsStage(ALWAYS_ASSAULT)(Article(id="t", text=text, title="")).events == []


_WORDS = ["قتل", "مقتل", "طالبت", "موسكو", "واشنطن", "لم", "ترصد", "أي", "قتال", "نفى", "أن", "تكون",
          "الاتفاق", "اتفق", "داعش", "في", "دير", "الزور", "أطلقها", "“", "”", "،", ".", "\n", "ى", "تدعى",
          "حمّل", "المسؤولية", "١٢", "قذيفة", "بجروح"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=40), st.lists(st.integers(0, 39), max_size=4),
       st.booleans())
def test_event_spans_always_map_back(words_: list[str], marks: list[int], split: bool) -> None:
    text = " ".join(words_)
    a = Article(id="p", text=text, title="")
    toks = tokenize(text)
    for k in marks:
        if k < len(toks):
            t = toks[k]
            a.entities.append(Entity(text[t.start:t.end], "ORG", t.start, t.end, canonical="x"))
            a.places.append(Place(text[t.start:t.end], t.start, t.end, name="p", kind="city"))
    if split:
        a.sentences = split_sentences(text)
    EventsStage(ALWAYS_ASSAULT)(a)
    assert a.bad_spans() == []
    for e in a.events:
        assert e.text.strip() == e.text and e.text


def test_subject_place_and_date_run_on_inside_a_paragraph_only() -> None:
    text = ("العنوان\nاستقبل الملك الرئيس في الرياض الثلاثاء. كما طلب من الحكومة اتخاذ إجراءات.\n"
            "وطالب البيان بالإفراج عن المعتقلين.")
    a = Article(id="t", text=text, title="العنوان", published="2018-10-16")
    a.entities = [_entity(text, "الملك", "PER"), _entity(text, "الرئيس", "PER"),
                  _entity(text, "الحكومة", "ORG")]
    a.places = [_place(text, "الرياض", "city", "SA")]
    a.dates = [DateMention("الثلاثاء", text.index("الثلاثاء"), text.index("الثلاثاء") + 8, "2018-10-16")]
    EventsStage(NEVER)(a)
    by_text = {e.text[:5]: e for e in a.events}
    ask = by_text["كما ط"]
    assert ask.actor == ["الرئيس"] and ask.recipient == ["الحكومة"]  # the visitor's subject runs on
    assert ask.place is not None and ask.place.name == "الرياض" and ask.date == "2018-10-16"
    later = by_text["وطالب"]
    assert later.actor != ["الرئيس"] and later.place is None and later.date is None  # a new paragraph
    assert not ask.negated  # كما is no negator


@pytest.mark.parametrize(("text", "types"), [
    # shelling, raids, shells, gunfire and clashes report an attack whatever the classifier says
    ("وشنت مقاتلات الاحتلال غارات على مواقع في قطاع غزة", ["ASSAULT"]),
    ("مدفعية الجيش الوطني قصفت بعدة قذائف مواقع المسلحين", ["ASSAULT"]),
    ("واندلعت اشتباكات عنيفة بين الطرفين", ["ASSAULT"]),
    # not a killing word or an attack noun alone, and not when denied
    ("أعلن الجيش مقتل جندي في هجوم", []),
    ("ولم تقصف الطائرات أي موقع", []),
])
def test_strong_attack_cues_need_no_classifier(text: str, types: list[str]) -> None:
    events = EventsStage(NEVER)(Article(id="t", text=text, title="", sentences=[(0, len(text))])).events
    assert [e.type for e in events if e.modality != "denied"] == types


@pytest.mark.parametrize(("text", "types"), [
    ("واعترضت منظومة القبة الحديدية صاروخين أطلقا من غزة", []),  # an interception, not an objection
    ("وأوضح أن الدفاعات الجوية اعترضت طائرة مسيرة", []),
    ("واعترضت فرنسا على مشروع القرار", ["REJECT"]),
])
def test_an_interception_is_no_rejection(text: str, types: list[str]) -> None:
    events = EventsStage(NEVER)(Article(id="t", text=text, title="", sentences=[(0, len(text))])).events
    assert [e.type for e in events] == types


def test_an_event_noun_with_a_planned_adjective_after_it_is_no_event() -> None:
    for text in ("وكشف عن اجتماع مرتقب بين الوزيرين في تونس", "وتحدث عن الزيارة المقررة إلى موسكو"):
        a = Article(id="t", text=text, title="", sentences=[(0, len(text))])
        assert EventsStage(NEVER)(a).events == [], text
    text = "وعقد الوزيران اجتماعا في تونس"
    a = Article(id="t", text=text, title="", sentences=[(0, len(text))])
    assert [e.type for e in EventsStage(NEVER)(a).events] == ["CONSULT"]
