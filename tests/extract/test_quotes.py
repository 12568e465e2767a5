"""The quotes stage: direct and reported speech, speakers before/after the cue, titles, continuations."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.extract.quotes import quotes_stage
from rasd.model import Article, Entity


def article(text: str, entities: tuple[tuple[str, str, str], ...] = ()) -> Article:
    """An article with the given (text, type, canonical) entities marked at every occurrence."""
    a = Article(id="t", text=text, title=text.split("\n")[0])
    for name, typ, canonical in entities:
        for m in re.finditer(name, text):
            if not any(e.start <= m.start() < e.end for e in a.entities):
                a.entities.append(Entity(text=name, type=typ, start=m.start(), end=m.end(),
                                         canonical=canonical))
    a.entities.sort(key=lambda e: e.start)
    return a


def quotes(text: str, entities: tuple[tuple[str, str, str], ...] = ()) -> list[tuple[object, ...]]:
    a = quotes_stage(article(text, entities))
    assert a.bad_spans() == []
    return [(q.text, q.direct, q.speaker) for q in a.quotes]


@pytest.mark.parametrize(("text", "expected"), [
    ('وقال الوزير: "الوضع تحت السيطرة تماما".', ("الوضع تحت السيطرة تماما", True, "الوزير")),
    ("وقال لافروف: “المناطق الأربع تشهد خفضا ملموسا للعنف”.",
     ("المناطق الأربع تشهد خفضا ملموسا للعنف", True, "لافروف")),
    ("وقال لافروف: «المناطق الأربع تشهد خفضا ملموسا للعنف».",
     ("المناطق الأربع تشهد خفضا ملموسا للعنف", True, "لافروف")),
    # a reversed opening mark
    ("وأضاف ريابكوف في تصريح للصحفيين” إننا نريد عملا فعليا من الجانب الأمريكي”.",
     ("إننا نريد عملا فعليا من الجانب الأمريكي", True, "ريابكوف")),
    # a scare quote nested inside the quote, and the closing mark glued to the next word
    ("قال ريابكوف: إن “واشنطن تدعي محاربة تنظيم “داعش” الإرهابي بينما أفعالها تثبت عكس ذلك “داعياً"
     " واشنطن إلى إثبات ذلك.",
     ("واشنطن تدعي محاربة تنظيم “داعش” الإرهابي بينما أفعالها تثبت عكس ذلك", True, "ريابكوف")),
    # the cue and speaker after the quotation
    ("«الوضع تحت السيطرة تماما»، قال الوزير للصحفيين.", ("الوضع تحت السيطرة تماما", True, "الوزير")),
    ('"لن نتراجع عن موقفنا أبدا" قال المتحدث باسم الحركة.',
     ("لن نتراجع عن موقفنا أبدا", True, "المتحدث باسم الحركة")),
    ("قال الوزير إن الوضع تحت السيطرة تماما.", ("الوضع تحت السيطرة تماما", False, "الوزير")),
    ("أكد المتحدث أن القوات انسحبت من المدينة.", ("القوات انسحبت من المدينة", False, "المتحدث")),
    ("أشار الوزير إلى أن المفاوضات ستستأنف قريبا.", ("المفاوضات ستستأنف قريبا", False, "الوزير")),
    ("نفى الجيش أن تكون طائراته قصفت المستشفى.", ("تكون طائراته قصفت المستشفى", False, "الجيش")),
    ("أعلن الرئيس أن الانتخابات ستجري في موعدها.", ("الانتخابات ستجري في موعدها", False, "الرئيس")),
    ("أوضح المصدر أن الهجوم وقع فجرا.", ("الهجوم وقع فجرا", False, "المصدر")),
    ("لفت التقرير إلى أن الأسعار ارتفعت كثيرا.", ("الأسعار ارتفعت كثيرا", False, "التقرير")),
    ("اعتبر المحلل أن القرار جاء متأخرا.", ("القرار جاء متأخرا", False, "المحلل")),
    ("قتل خمسة أشخاص في الانفجار، حسبما قال مسؤول أمني يمني.",
     ("قتل خمسة أشخاص في الانفجار", False, "مسؤول أمني يمني")),
    ("وصلت التعزيزات إلى المدينة، وفق ما أفاد صحفي محلي.",
     ("وصلت التعزيزات إلى المدينة", False, "صحفي محلي")),
    ("اندلعت اشتباكات عنيفة في الحي بحسب مصادر صحفية.",
     ("اندلعت اشتباكات عنيفة في الحي", False, "مصادر صحفية")),
])
def test_quote_patterns(text: str, expected: tuple[object, ...]) -> None:
    assert quotes(text)[0] == expected


@pytest.mark.parametrize(("text", "speaker", "title"), [
    ("قال وزير الخارجية الروسي سيرغي لافروف إن الوضع مطمئن جدا.", "سيرغي لافروف",
     "وزير الخارجية الروسي"),
    ("من جهته قال نائب وزير الخارجية الروسي سيرغي ريابكوف: إن “واشنطن لم تثبت التزامها بعد”.",
     "سيرغي ريابكوف", "نائب وزير الخارجية الروسي"),
    ("وأشار المتحدث الرسمي باسم الوزارة اللواء إيغور كوناشينكوف إلى أن الطائرات لم ترصد قتالا.",
     "إيغور كوناشينكوف", "المتحدث الرسمي باسم الوزارة اللواء"),
    ("وقال رئيس الوزراء العراقي حيدر العبادي إن المعركة انتهت.", "حيدر العبادي",
     "رئيس الوزراء العراقي"),
    ("وقال مسؤول أمني يمني إن الهجوم وقع فجرا.", "مسؤول أمني يمني", None),
    # a rank before the name, the role after it
    ("وأكد العقيد عبدالمنعم الحيزان الناطق الإعلامي بالجوازات أن الإجراءات مستمرة.",
     "عبدالمنعم الحيزان", "العقيد"),
    # a name word with ال only at the end; words with a preposition and ال stay in the title
    ("وأكد مدرب يونايتد الهولندي لويس فان غال أن الفريق جاهز تماما.", "لويس فان غال",
     "مدرب يونايتد الهولندي"),
    ("وأضاف رئيس قسم الفلك بالمعهد القومي للبحوث الفلكية أشرف تادرس أن الصور واضحة.",
     "أشرف تادرس", "رئيس قسم الفلك بالمعهد القومي للبحوث الفلكية"),
    # `علي` (a name) is no `على` (a preposition)
    ("وأكد المدعي العام أحمد علي أن التحقيقات بدأت بالفعل.", "أحمد علي", "المدعي العام"),
])
def test_titles_are_kept_apart_from_the_name(text: str, speaker: str, title: str | None) -> None:
    q = quotes_stage(article(text)).quotes[0]
    assert (q.speaker, q.speaker_title) == (speaker, title)
    assert text[q.speaker_start:q.speaker_end] == speaker  # type: ignore[misc]


def test_speaker_before_the_cue() -> None:
    text = "وزارة الدفاع الروسية قالت إن الطائرات لم تقصف المدينة."
    assert quotes(text) == [("الطائرات لم تقصف المدينة", False, "وزارة الدفاع الروسية")]


def test_speaker_before_the_cue_starts_at_its_entity() -> None:
    text = "ويذكر أن الجيش السوري قال إن الصواريخ استهدفت مطارا عسكريا."
    q = quotes_stage(article(text, (("الجيش السوري", "ORG", "الجيش السوري"),))).quotes[0]
    assert (q.speaker, q.speaker_entity) == ("الجيش السوري", "الجيش السوري")


def test_a_dateline_is_no_speaker() -> None:
    a = article("سوريا: ثماني بلدات تسلم أسلحتها في إطار اتفاق\nنص الخبر.")
    a.entities.append(Entity(text="سوريا", type="LOC", start=0, end=5, canonical="سوريا"))
    assert quotes_stage(a).quotes == []


def test_hearers_are_no_speaker() -> None:
    text = "وقالت ماريا للصحفيين إن الفوز الحقيقي هو أنتم.\nوأكدت لجمهورها أن الحب باق دائما."
    assert [q[2] for q in quotes(text)] == ["ماريا", "ماريا"]


def test_speaker_after_the_cue_is_an_organisation() -> None:
    text = "إلى ذلك أكدت وزارة الدفاع الروسية أنها لم تحصل على أي إيضاحات من واشنطن."
    assert quotes(text) == [("لم تحصل على أي إيضاحات من واشنطن", False, "وزارة الدفاع الروسية")]


@pytest.mark.parametrize("cue", ["وأضاف", "وتابع", "وأوضح"])
def test_continuation_verb_without_subject_keeps_the_last_speaker(cue: str) -> None:
    text = f"وقال لافروف إن الوضع مطمئن جدا.\n{cue}: “نحن مستعدون للحوار مع الجميع”."
    got = quotes(text)
    assert got[1] == ("نحن مستعدون للحوار مع الجميع", True, "لافروف")


@pytest.mark.parametrize(("participle", "content"), [
    ("مشيراً إلى أن", "المفاوضات مستمرة"),
    ("موضحاً أن", "المفاوضات مستمرة"),
    ("معتبراً أن", "المفاوضات مستمرة"),
    ("داعياً", "واشنطن إلى الحوار"),
])
def test_participial_continuation_keeps_the_speaker(participle: str, content: str) -> None:
    text = f"أعلن لافروف أن الوضع مطمئن {participle} {content}."
    got = quotes(text)
    assert got == [("الوضع مطمئن", False, "لافروف"), (content, False, "لافروف")]


def test_speaker_entity_is_the_canonical_name() -> None:
    ents = (("سيرغي لافروف", "PER", "سيرغي لافروف"), ("لافروف", "PER", "سيرغي لافروف"))
    text = "التقى سيرغي لافروف نظيره التركي.\nوقال لافروف إن اللقاء كان مثمرا للغاية."
    q = quotes_stage(article(text, ents)).quotes[0]
    assert (q.speaker, q.speaker_entity) == ("لافروف", "سيرغي لافروف")


def test_speaker_entity_without_an_entity_is_empty_but_the_span_is_set() -> None:
    q = quotes_stage(article("وقال لافروف إن اللقاء كان مثمرا للغاية.")).quotes[0]
    assert q.speaker_entity is None and (q.speaker_start, q.speaker_end) == (5, 11)


def test_definite_description_resolves_to_the_earlier_body() -> None:
    text = ("أكدت وزارة الدفاع الروسية أنها لم تحصل على أي إيضاحات.\n"
            "إلى ذلك لفتت الوزارة في بيان آخر اليوم أن “مجموعات المراقبة رصدت خمسة انتهاكات”.")
    q = quotes_stage(article(text)).quotes[1]
    assert (q.speaker, q.speaker_entity, q.direct) == ("الوزارة", "وزارة الدفاع الروسية", True)


@pytest.mark.parametrize("text", [
    "يشار إلى أن وزارة الدفاع نشرت صورا فضائية.",
    "وأعلن لافروف ترحيب بلاده بالجهود الرامية إلى توحيد “المعارضة” قبل الجولة.",
    "وقعت الاشتباكات بين الجيش والمسلحين في الحي.",
    "نشرت الوزارة صورا لمركز قيادة تابع للجيش في المدينة.",
    # no speaker anywhere: a continuation verb with nobody before it
    "وأضاف أن الوضع مطمئن جدا.",
    # a clause before the verb is no subject unless it is headed like a speaker
    "وبعد أن انتهت المباراة قال إن الفريق لعب جيدا.",
    "وصلت المساعدات وفق خطة أعدتها الوزارة مسبقا.",
    "وحسب سجلات المدينة فارقت كاثرين الحياة سنة 1536.",
    # a quoted name after the speaker phrase, the sentence running on
    "وأشارت شركة “إي تي في ستوديو فرانس” المنتجة للبرنامج إلى تأجيل العرض.",
])
def test_no_quote(text: str) -> None:
    assert quotes(text) == []


def test_scare_quotes_after_a_cue_are_reported_speech() -> None:
    text = "وقال المسؤول إن “داعش” يسيطر على أجزاء واسعة من الريف."
    assert quotes(text) == [("“داعش” يسيطر على أجزاء واسعة من الريف", False, "المسؤول")]


def test_title_attribution() -> None:
    text = "لافروف: لن نسمح بتقسيم سورية\nنص الخبر."
    assert quotes(text) == [("لن نسمح بتقسيم سورية", False, "لافروف")]


def test_sub_headline_attribution_of_a_speaker_of_the_article() -> None:
    text = ("عنوان\nأكدت وزارة الدفاع الروسية أنها لم تحصل على أي إيضاحات.\n"
            "الدفاع الروسية: لم نحصل على توضيح من واشنطن\nنص الخبر.")
    assert quotes(text)[1] == ("لم نحصل على توضيح من واشنطن", False, "الدفاع الروسية")


def test_related_headline_quoting_someone_else_is_left_out() -> None:
    text = ("عنوان\nوقال لافروف إن الوضع مطمئن جدا.\n"
            "أرملة أشرف مروان: عملاء الموساد اغتالوا زوجي\nنص الخبر.")
    assert [q[2] for q in quotes(text)] == ["لافروف"]


_PIECES = ["قال", "وأضاف", "لافروف", "وزير الخارجية", "إن", "أن", "إلى", ":", "“", "”", "«", "»", '"',
           "داعياً", "مشيراً إلى أن", "حسبما", "بحسب", "مصادر", "الوضع", "مطمئن", "،", ".", "\n",
           "في", "حمص", "3", "مقتل", "الوزارة", "علي", "على"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.lists(st.sampled_from([" ", "", "  "]),
                                                                  max_size=40))
def test_every_quote_span_maps_back_to_the_text(pieces: list[str], seps: list[str]) -> None:
    text = "".join(p + (seps[i] if i < len(seps) else " ") for i, p in enumerate(pieces))
    a = quotes_stage(article(text, (("لافروف", "PER", "سيرغي لافروف"),)))
    assert a.bad_spans() == []
    assert all(q.speaker for q in a.quotes)


def test_a_mark_glued_to_the_word_before_and_to_punctuation_closes_a_quote() -> None:
    text = ('ظنت أن قتل الأبرياء جهاد "أو هكذا ادعى قادتها"! تلك الشرذمة "لعبت" بعقول بعض الناس '
            "ودمتم.")
    assert all("تلك الشرذمة" not in q[0] for q in quotes(text))


def test_a_quotation_without_closing_mark_stops_at_a_sentence_end_after_many_words() -> None:
    body = " ".join(["الوضع مستقر"] * 45) + ". " + " ".join(["كلام آخر"] * 30) + "."
    got = quotes('وقال الوزير: "' + body)
    assert got and got[0][0].endswith("الوضع مستقر") and "كلام آخر" not in got[0][0]


@pytest.mark.parametrize("text", [
    "عقد الوزير لقاء صحفيا مع نظيره، أكد خلاله أنه تم الاتفاق على ضرورة الحوار.",
    "وعقد مؤتمرا صحفيا أوضح خلالها أن الحكومة ستواصل الإصلاحات.",
])
def test_a_preposition_with_pronoun_is_no_speaker(text: str) -> None:
    assert all(q[2] not in ("خلاله", "خلالها") for q in quotes(text))


def test_a_cue_inside_a_clause_does_not_continue_an_earlier_speaker() -> None:
    text = ('وقال الرئيس بشار الأسد للجنود إن "أهالي دمشق سيتذكرون ما فعلتم".\n'
            "وفي مشرحة قريبة، شاهد المراسل رجلا ينتحب وهو يحمل كيسا من القماش قال إنه يحتوي أشلاء.")
    got = quotes(text, (("بشار الأسد", "PER", "بشار الأسد"),))
    assert all("أشلاء" not in q[0] for q in got if q[2] == "بشار الأسد")


def test_a_clause_initial_cue_continues_the_last_speaker() -> None:
    text = "قال الوزير إن الوضع مستقر تماما. وأضاف أن المفاوضات ستستأنف قريبا."
    assert [q[2] for q in quotes(text)] == ["الوزير", "الوزير"]


PEOPLE = (("باراك أوباما", "PER", "باراك أوباما"), ("سوزان رايس", "PER", "سوزان رايس"),
          ("منصور العتيبي", "PER", "منصور العتيبي"), ("مايكل سمارت", "PER", "مايكل سمارت"),
          ("تيري هينز", "PER", "تيري هينز"), ("سيرغي لافروف", "PER", "سيرغي لافروف"))


@pytest.mark.parametrize(("text", "speaker"), [
    ('وقالت مستشارة الأمن القومي السابقة للرئيس باراك أوباما، سوزان رايس، يوم الأحد: "لدينا أسباب '
     'مشروعة للقلق".', "سوزان رايس"),
    ('وقال سفير الكويت لدى الأمم المتحدة منصور العتيبي بعد ظهر الجمعة لصحافيين إنّ "هذا موضوع يجب '
     'أن يهتم به مجلس الأمن".', "منصور العتيبي"),
    ('وقال العضو المنتدب في شركة روك كريك غلوبال مايكل سمارت "يمكن أن تكون الحرب معركة شاملة".',
     "مايكل سمارت"),
    ('المدير الإداري تيري هينز قال لتلفزيون بلومبرغ "ترمب لا يريد مواصلة المفاوضات فحسب".',
     "تيري هينز"),
    ("وقال الوزير في مؤتمر صحفي مع نظيره سيرغي لافروف إن المحادثات كانت مثمرة.", "الوزير"),
])
def test_speaker_named_past_the_first_stop_of_the_phrase(text: str, speaker: str) -> None:
    assert [q[2] for q in quotes(text, PEOPLE)] == [speaker]


def test_a_cue_with_a_pronoun_after_an_attribution_head_is_no_part_of_the_speaker() -> None:
    text = "ويقترب المسؤولون الأميركيون من استكمال قائمة المنتجات، وفقا لما ذكره شخصان مطلعان."
    assert [q[2] for q in quotes(text)] == ["شخصان مطلعان"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("وقال متحدث باسم رئيس الوزراء البلجيكي شارل ميشال إن بلجيكا فرضت قيودا على الحدود.",
     "متحدث باسم رئيس الوزراء البلجيكي شارل ميشال"),
    ("وقال المتحدث باسم الوزارة اللواء إيغور كوناشينكوف إن الطائرات لم تقصف المدينة.",
     "إيغور كوناشينكوف"),
])
def test_a_spokesman_speaks_for_the_person_named_after_his_title(text: str, speaker: str) -> None:
    ents = (("شارل ميشال", "PER", "شارل ميشال"), ("إيغور كوناشينكوف", "PER", "إيغور كوناشينكوف"))
    assert [q[2] for q in quotes(text, ents)] == [speaker]


def test_a_participle_quotes_the_person_its_sentence_names_first() -> None:
    text = ("وقال مسؤولون إن المسلحين ارتدوا زي الجيش.\n"
            "وحضت السفيرة الأمريكية لدى الأمم المتحدة، نيكي هايلي، إيران على النظر للمرآة، "
            'قائلة إن "الرئيس الإيراني قمع شعبه لمدة طويلة".')
    got = quotes(text, (("نيكي هايلي", "PER", "نيكي هايلي"),))
    assert ("الرئيس الإيراني قمع شعبه لمدة طويلة", True, "نيكي هايلي") in got


def full(text: str, entities: tuple[tuple[str, str, str], ...] = ()) -> list[object]:
    a = quotes_stage(article(text, entities))
    assert a.bad_spans() == []
    return list(a.quotes)


def test_relayed_speech_keeps_the_relaying_agency() -> None:
    qs = full("نقلت وكالة الأناضول عن وزارة الخارجية التركية أنه سيجري تفتيش القنصلية السعودية.",
              (("وكالة الأناضول", "ORG", "وكالة الأناضول"),
               ("وزارة الخارجية التركية", "ORG", "وزارة الخارجية التركية")))
    assert [(q.speaker, q.via) for q in qs] == [("وزارة الخارجية التركية", "وكالة الأناضول")]


def test_description_speaker_takes_its_body() -> None:
    qs = full("وقال مسؤول في البيت الأبيض إن الرئيس قد يعلن عن انسحاب جزئي من الاتفاق.",
              (("البيت الأبيض", "ORG", "البيت الأبيض"),))
    assert [(q.speaker, q.speaker_entity) for q in qs] == [("مسؤول في البيت الأبيض", "البيت الأبيض")]


def test_new_clause_with_its_own_speaker_is_not_swallowed() -> None:
    qs = full("ولكنها قالت إنها لم تره مرة أخرى، بينما قال مسؤول سعودي إن خاشقجي غادر القنصلية.")
    assert [q.speaker for q in qs] == ["مسؤول سعودي"]  # the first has no speaker in scope


def test_continuation_does_not_cross_to_another_persons_paragraph() -> None:
    text = ("وقالت الوزارة إن التفتيش سيجري قريبا.\n"
            "وكان خاشقجي قد دخل القنصلية بينما كانت خطيبته تنتظر، ولكنها قالت إنها لم تره أبدا.")
    qs = full(text, (("خاشقجي", "PER", "جمال خاشقجي"),))
    assert [q.speaker for q in qs] == ["الوزارة"]


@pytest.mark.parametrize(("text", "speaker", "words"), [
    ("مصادر ميدانية أفادت بتواصل المعارك العنيفة غرب المديرية.", "مصادر ميدانية", "تواصل المعارك"),
    ("أقر التحالف بارتكاب أخطاء في غارات جوية على صعدة.", "التحالف", "ارتكاب أخطاء"),
    ("وأعلن التحالف عن منح مساعدات للمتضررين في اليمن.", "التحالف", "منح مساعدات"),
    ("وجاء في بيان للتحالف أن القيادة تعبر عن أسفها لتلك الأخطاء.", "بيان للتحالف", "تعبر عن أسفها"),
    ("في الوقت الذي أكد فيه الجيش الإسرائيلي أنه سيقوم بتحليل الحادثتين.", "الجيش الإسرائيلي",
     "سيقوم بتحليل"),
    ("وأوصى المنصور أيضا بأن يحاسب التحالف المسؤولين عن الأخطاء.", "المنصور", "يحاسب التحالف"),
    ("واستبعد الوزير أن تجري الانتخابات في موعدها المحدد.", "الوزير", "تجري الانتخابات"),
])
def test_less_common_cues(text: str, speaker: str, words: str) -> None:
    qs = full(text, (("المنصور", "PER", "منصور المنصور"),
                     ("الجيش الإسرائيلي", "ORG", "الجيش الإسرائيلي")))
    assert any(q.speaker == speaker and words in q.text for q in qs), [(q.speaker, q.text) for q in qs]


def test_relative_clause_cue_speaks_for_its_antecedent() -> None:
    text = "وأكد ترامب أنه اتصل بالملك سلمان، الذي نفى بدوره علمه بما حدث للصحفي."
    qs = full(text, (("ترامب", "PER", "دونالد ترامب"), ("الملك سلمان", "PER", "سلمان بن عبد العزيز")))
    assert [(q.speaker, q.text) for q in qs] == [("ترامب", "اتصل بالملك سلمان"),
                                                 ("الملك سلمان", "علمه بما حدث للصحفي")]


def test_retroactive_attribution_and_its_continuation() -> None:
    text = ("وحذرت المديرية من خطورة التخزين في بيت الدرج قرب المداخل.\n"
            "صرح بذلك المتحدث الرسمي الرائد محمد الحمادي، وأوضح أن الحالات تتلقى العلاج.")
    qs = full(text, (("محمد الحمادي", "PER", "محمد الحمادي"),))
    assert [q.speaker for q in qs] == ["محمد الحمادي", "محمد الحمادي"]
    assert "خطورة التخزين" in qs[0].text


def test_passive_participle_is_no_continuation() -> None:
    qs = full("وجاء في قرار الاتهام أن بوتينا متهمة باختراق منظمات سياسية أميركية.",
              (("بوتينا", "PER", "ماريا بوتينا"),))
    assert [(q.speaker, q.text) for q in qs] == [
        ("قرار الاتهام", "بوتينا متهمة باختراق منظمات سياسية أميركية")]


def test_confidence_is_in_range_and_ranks_the_rules() -> None:
    qs = full('وقال الوزير: "الوضع تحت السيطرة تماما". وأضاف أن الأمن مستتب في كل المدن.')
    assert [q.speaker for q in qs] == ["الوزير", "الوزير"]
    c = [q.confidence for q in qs]
    assert all(x is not None and 0.0 <= x <= 1.0 for x in c)
    assert c[0] is not None and c[1] is not None and c[0] > c[1]  # direct and named > continued


@pytest.mark.parametrize(("text", "expected"), [
    ("ويصر التحالف على أنه لا يستهدف المدنيين عمدا.", ("لا يستهدف المدنيين عمدا", False, "التحالف")),
    ("وأنكر الزفزافي أن تكون لديه نوايا انفصالية.", ("تكون لديه نوايا انفصالية", False, "الزفزافي")),
    ("ووصفه أساتذته في الجامعة بأنه شخص مهذب.", ("شخص مهذب", False, "أساتذته")),
    ('وردد المحتجون شعارات "الشعب يريد إسقاط الحكومة".', ("الشعب يريد إسقاط الحكومة", True, "المحتجون")),
    ('وهتف المتظاهرون "ارحل ارحل".', ("ارحل ارحل", True, "المتظاهرون")),
])
def test_insisting_denying_describing_and_chanting(text: str, expected: tuple[object, ...]) -> None:
    assert quotes(text, (("التحالف", "ORG", "التحالف"), ("الزفزافي", "PER", "ناصر الزفزافي"))) == [expected]


def test_a_bare_describing_verb_gives_no_quote() -> None:
    # `وصفت X Y بأنه`: the speaker and the one described side by side; the nearer is the described
    text = 'ووصفت إيران رئيس الوزراء الإسرائيلي، بنيامين نتنياهو، بأنه "كذاب سيئ السمعة".'
    assert quotes(text, (("إيران", "LOC", "إيران"), ("بنيامين نتنياهو", "PER", "بنيامين نتنياهو"))) == []


@pytest.mark.parametrize(("text", "expected"), [
    # a continuation verb agrees with its subject: a feminine verb cannot continue a masculine body
    ("وقال مجلس إدارة الشركة في بيان إن الحادث مؤسف. وقالت إن إحدى الموظفات اتصلت بالشرطة.",
     [("الحادث مؤسف", False, "مجلس إدارة الشركة")]),
    ("وقالت الوزارة في بيان إن الوضع مستقر. وأضاف أن الفرق تعمل.", [("الوضع مستقر", False, "الوزارة")]),
    # agreeing verbs continue as before
    ("وقالت الوزارة في بيان إن الوضع مستقر. وأضافت أن الفرق تعمل.",
     [("الوضع مستقر", False, "الوزارة"), ("الفرق تعمل", False, "الوزارة")]),
    ("وقال المتحدث باسم الجيش إن القوات تقدمت. وأضاف أن المعارك مستمرة.",
     [("القوات تقدمت", False, "المتحدث باسم الجيش"), ("المعارك مستمرة", False, "المتحدث باسم الجيش")]),
])
def test_a_continuation_verb_agrees_with_its_speaker(text: str, expected: list[tuple[object, ...]]) -> None:
    assert quotes(text) == expected


def test_a_contrast_with_another_party_ends_the_reported_words() -> None:
    text = "وقالت الأمم المتحدة إن 2500 شخص نزحوا من مناطقهم، ولكن ناشطين أحصوا عددهم بأكثر من 12 ألف شخص."
    assert quotes(text, (("الأمم المتحدة", "ORG", "الأمم المتحدة"),)) == [
        ("2500 شخص نزحوا من مناطقهم", False, "الأمم المتحدة")]
    # the same speaker after `لكنه` goes on
    text = "وقال الوزير إن المحادثات مستمرة لكنه لا يتوقع اتفاقا قريبا."
    assert quotes(text) == [("المحادثات مستمرة لكنه لا يتوقع اتفاقا قريبا", False, "الوزير")]


def test_the_person_a_denial_is_about_is_not_its_speaker() -> None:
    text = 'ونفى مصدر في القنصلية السعودية مقتل خاشقجي داخل المبنى، واصفا الاتهامات بأنها "دون دليل".'
    got = quotes(text, (("خاشقجي", "PER", "جمال خاشقجي"),))
    assert got and all(speaker != "خاشقجي" for _, _, speaker in got)
    # an apposed name still closes a description (`المتحدث باسم الجيش، فلان`)
    text = "وقال المتحدث باسم الجيش، أحمد المسماري، إن القوات تقدمت."
    assert quotes(text, (("أحمد المسماري", "PER", "أحمد المسماري"),)) == [
        ("القوات تقدمت", False, "أحمد المسماري")]


def test_a_masculine_continuation_does_not_continue_reports() -> None:
    # non-human plurals take a feminine verb (`قالت التقارير`): `وقال` has another subject
    text = "وذكرت تقارير أن القوات تستعد للهجوم. وقال في مقابلة إنه يسعى إلى حل سياسي."
    assert quotes(text) == [("القوات تستعد للهجوم", False, "تقارير")]
    text = "وذكرت تقارير أن القوات تستعد للهجوم. وأضافت أن المعارك قد تبدأ قريبا."
    assert [q[2] for q in quotes(text)] == ["تقارير", "تقارير"]


@pytest.mark.parametrize(("text", "entities", "speaker", "start"), [
    # an object cue whose content is an announced verbal noun right after its speaker
    ("أعلنت الشرطة الأميركية إصابة ثلاثة أشخاص على الأقل برصاص امرأة.", (), "الشرطة الأميركية", "إصابة"),
    ("وأعلنت وزارة الداخلية اعتقال الجاني بعد ساعات.", (("وزارة الداخلية", "ORG", "وزارة الداخلية"),),
     "وزارة الداخلية", "اعتقال"),
    ("وأكد الجيش مقتل قائد ميداني في الاشتباكات.", (), "الجيش", "مقتل"),
    # past the speaker's place
    ("وأعلن الناطق باسم وزارة الصحة في القطاع مقتل أربعة فلسطينيين.", (), "الناطق باسم وزارة الصحة", "مقتل"),
    # a ب cue past the speaker's place and the day
    ("أفادت مصادر محلية بمحافظة الحديدة، السبت، بمقتل ثلاثة مدنيين.", (("محافظة الحديدة", "LOC", "الحديدة"),),
     "مصادر محلية بمحافظة الحديدة", "بمقتل"),
])
def test_announced_verbal_noun_content(text: str, entities: tuple[tuple[str, str, str], ...], speaker: str,
                                       start: str) -> None:
    got = quotes(text, entities)
    assert len(got) == 1 and got[0][2] == speaker and str(got[0][0]).startswith(start), got


@pytest.mark.parametrize("text", [
    "ويؤكد استمرار استخدام الميناء كنقطة انطلاق للعمليات.",  # no definite or named speaker before the noun
    "وأعلن الرئيس الحداد ثلاثة أيام.",  # mourning is no announced event
    "وأفادت مصادر محلية في المدينة الكبيرة القديمة جدا المزدحمة بالسكان بمقتل ثلاثة.",  # too far
])
def test_no_announced_content(text: str) -> None:
    assert quotes(text) == []
