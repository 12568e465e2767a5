"""Actor and recipient from the clause (rasd.extract.events.arguments) and the cue filters of rules."""
from __future__ import annotations

import pytest

from rasd.extract.events.arguments import arguments
from rasd.extract.events.features import EVENT_CUES, tokenize
from rasd.extract.events.rules import reports_event, retype
from rasd.model import Entity


def _args(text: str, etype: str, names: dict[str, str] | None = None) -> tuple[list[str], list[str]]:
    toks = tokenize(text)
    words = [t.norm for t in toks]
    cue = next(m for m in EVENT_CUES.find(words) if m.label == etype)
    ents = []
    for name, kind in (names or {}).items():
        start = text.index(name)
        e = Entity(name, kind, start, start + len(name))  # type: ignore[arg-type]
        idx = [k for k, t in enumerate(toks) if t.start < e.end and t.end > e.start]
        ents.append(((idx[0], idx[-1] + 1), e))
    return arguments(text, toks, cue, etype, ents)


@pytest.mark.parametrize(("text", "etype", "names", "actor", "recipient"), [
    # SVO: the subject before the verb (recipient left unchecked: None)
    ("الكتلة الديمقراطية تطالب بجلسة حوار", "REQUEST", {}, ["الكتلة الديمقراطية"], None),
    # a title phrase names the person in apposition; the object follows
    ("دعا وزير الخارجية الأمريكي، مايك بومبيو، حكومة السعودية", "REQUEST", {"مايك بومبيو": "PER"},
     ["مايك بومبيو"], ["حكومة السعودية"]),
    # a noun of harm: the victim follows; the reporting verb's subject is the actor
    ("وأعلن أمن حماس اعتقال ثلاثة أشخاص", "COERCE", {"حماس": "ORG"}, ["حماس"], ["ثلاثة أشخاص"]),
    # a pronoun after a preposition is skipped: the subject follows it
    ("كما طلبت منه تلميذة من ثانوية باركلاند", "REQUEST", {}, ["تلميذة"], None),
    # the host of a reception is the recipient
    ("استقبل الوزير سالم السفير خالد", "CONSULT", {"سالم": "PER", "خالد": "PER"}, ["خالد"], ["سالم"]),
    # an accusative plural after the verb is its object; the reporting verb's subject is the actor
    ("وقال التحالف إن طائراته قصفت مواقع، واتهم الحوثيين باتخاذ الأطفال دروعا", "ACCUSE",
     {"التحالف": "ORG"}, ["التحالف"], ["الحوثيين"]),
    # the nominative plural is the subject
    ("واتهم الحوثيون التحالف بقصف المدنيين", "ACCUSE", {"الحوثيون": "ORG", "التحالف": "ORG"},
     ["الحوثيون"], ["التحالف"]),
    # an action (a definite verbal noun) is no party
    ("محذرة من مغبة الانسحاب من الاتفاق", "THREATEN", {}, [], None),
    # a place visited is the recipient of the visit, not its actor
    ("خلال زيارة لقطاع غزة", "CONSULT", {"قطاع غزة": "LOC"}, [], ["قطاع غزة"]),
])
def test_arguments(text: str, etype: str, names: dict[str, str], actor: list[str],
                   recipient: list[str] | None) -> None:
    got_actor, got_recipient = _args(text, etype, names)
    assert got_actor == actor
    if recipient is not None:
        assert got_recipient == recipient


def test_a_name_that_begins_with_waw_is_no_conjunction() -> None:
    assert _args("طالبت موسكو واشنطن بتوضيح", "REQUEST", {"موسكو": "LOC", "واشنطن": "LOC"}) == (
        ["موسكو"], ["واشنطن"])


def _reports(text: str, etype: str) -> bool:
    words = [t.norm for t in tokenize(text)]
    found = [retype(words, m) for m in EVENT_CUES.find(words)]
    return any(m.label == etype and reports_event(words, m, found) for m in found)


@pytest.mark.parametrize(("text", "etype", "expected"), [
    ("اعتقلت الشرطة ثلاثة أشخاص", "COERCE", True),
    ("طلب الثلاثاء من إدارته اتخاذ إجراءات لمنع بيع جهاز", "COERCE", False),  # purpose ل
    ("وأعلن التحالف عن منح مساعدات بالتعاون مع الحكومة", "COOPERATE", False),  # manner بال
    ("تكون عقوبة حيازة المتفجرات السجن المؤبد", "SANCTION", False),  # a statute's penalty
    ("فرضت واشنطن عقوبات على الشركة", "SANCTION", True),
    ("استهدفت غارات التحالف تجمعات وتعزيزات للحوثيين", "MOBILIZE", False),  # the target of an attack
    ("رضوان طلب الإفراج عن صلاح عبد السلام", "CONCEDE", False),  # what a call asks for
    ("دعا المدير العام بأن يتقبل الله جنودنا", "REQUEST", False),  # a prayer
    ("وقال ماكرون إنه يتفق على أنه يجب التعامل", "AGREE", False),  # an opinion shared
    ("كان يعيش منعزلا", "COERCE", False),  # منع* is no prefix of منعزل
    ("واحتجز عددا من الرهائن", "ASSAULT", True),  # hostage taking is an attack
    ("استنكر الشيخ التفجير الآثم", "ACCUSE", True),  # condemnation is ACCUSE
    ("إصابة 17 شخصا في حريق بعمارة سكنية", "ASSAULT", False),  # an accident
    ("وقال لافروف في كلمة خلال مراسم استقبال بمناسبة العام الهجري", "CONSULT", False),  # a ceremony
    ("لدى استقباله في البيت الأبيض ناجين", "CONSULT", True),
])
def test_reports_event(text: str, etype: str, expected: bool) -> None:
    assert _reports(text, etype) is expected


@pytest.mark.parametrize(("text", "etype", "names", "actor", "recipient"), [
    # a light verb's subject is the actor of its event noun
    ("وكان ترامب عقد لقاء مؤثرا مع أسر ضحايا", "CONSULT", {"ترامب": "PER"}, ["ترامب"], ["أسر ضحايا"]),
    # the subject before إذ; the party named after the object is the recipient
    ("كما أن حركة حماس إذ تستهجن الاتهامات الجاهزة من الرئاسة الفلسطينية", "REJECT",
     {"حركة حماس": "ORG", "الرئاسة الفلسطينية": "ORG"}, ["حركة حماس"], ["الرئاسة الفلسطينية"]),
    # the one accused stands before the passive participle
    ("وجاء في قرار المحكمة أن بوتينا متهمة", "ACCUSE", {"بوتينا": "PER"}, [], ["بوتينا"]),
    # a party after ب for a meeting verb; the speaker named before its reporting verb, across a comma
    ("كان الرئيس دونالد ترامب، قد أكد أنه اتصل بالعاهل السعودي", "CONSULT", {"دونالد ترامب": "PER"},
     ["دونالد ترامب"], ["بالعاهل السعودي"]),
    # what a call asks for (ب) is no recipient
    ("الكتلة الديمقراطية تطالب بجلسة حوار عاجلة", "REQUEST", {}, ["الكتلة الديمقراطية"], []),
    # aid goes to the ones after ل
    ("أعلن التحالف عن منح مساعدات للمتضررين", "AID", {"التحالف": "ORG"}, ["التحالف"], ["للمتضررين"]),
    # the unnamed party joined to a named one, after كلاً من
    ("دعا المكتب كلاً من تركيا والسعودية", "REQUEST", {"تركيا": "LOC", "السعودية": "LOC"}, ["المكتب"],
     ["تركيا", "السعودية"]),
    # the one held responsible inside the gapped cue
    ("الرئاسة تحمل حماس المسؤولية عن الاستهداف", "ACCUSE", {"الرئاسة": "ORG", "حماس": "ORG"}, ["الرئاسة"],
     ["حماس"]),
])
def test_arguments_from_the_clause(text: str, etype: str, names: dict[str, str], actor: list[str],
                                   recipient: list[str]) -> None:
    assert _args(text, etype, names) == (actor, recipient)


def test_carried_subject_continues_into_a_conjoined_verb_and_a_participle() -> None:
    text = "عقد الوزير لقاءات ووقع اتفاقات عديدة"
    toks = tokenize(text)
    words = [t.norm for t in toks]
    cue = next(m for m in EVENT_CUES.find(words) if m.label == "AGREE")
    assert arguments(text, toks, cue, "AGREE", [], carried=["محمد بن سلمان"])[0] == ["محمد بن سلمان"]
    text = "وجدد العمال إضرابهم منددين بنية الحكومة"
    toks = tokenize(text)
    cue = next(m for m in EVENT_CUES.find([t.norm for t in toks]) if m.label == "ACCUSE")
    assert arguments(text, toks, cue, "ACCUSE", [], carried=["العمال"]) == (["العمال"], ["بنية الحكومة"])


def test_a_tatweel_alone_after_a_cue_does_not_stop_the_stage() -> None:
    # Asharq Al-Awsat listings: «دراما اجتماعية / فليبين ـ 2015»; the lone ـ has an empty matching key,
    # which once raised IndexError in the recipient search and lost the article's events.
    from rasd.api import load_pipeline
    from rasd.model import Article

    text = "عرض فيلم جديد.\nدراما اجتماعية / فليبين ـ 2015\nوهاجم مسلحون قرية في الشمال ـ أمس."
    art = load_pipeline()(Article(id="t", text=text, title="عرض فيلم جديد."))
    assert not any("events" in w for w in art.warnings)
    assert any(e.type == "ASSAULT" for e in art.events)
