"""Arabic word lists used as NER features (cue words before names); all in normalized form.

Written in the form `normalize_word` gives (no hamza on alef, ة -> ه, ى -> ي), so a lookup is one
set membership after normalization.
"""
from __future__ import annotations

from rasd.lang.ar.clitics import NER_PROCLITICS_V1

# Words that open or head an organization name.
ORG_CUES: frozenset[str] = frozenset("""
وزاره حزب شركه جامعه منظمه اتحاد مجلس جبهه حركه وكاله بنك مصرف هييه موسسه جمعيه نادي
لجنه صندوق محكمه مجموعه منتدي معهد مركز اكاديميه رابطه نقابه تحالف جيش قوات كتايب سراي
مكتب اداره دايره سلطه مفوضيه برلمان الكونغرس الكونجرس مجمع اذاعه تلفزيون صحيفه مجله وكالات
الامم الجامعه حلف المنظمه الاتحاد المجلس الحزب الحركه الجبهه الوكاله البنك الشركه الوزاره
""".split())

# Titles and roles that come right before a person's name.
PER_CUES: frozenset[str] = frozenset("""
الرييس رييس السيد السيده الشيخ الامير الملك المللكه الملكه الدكتور د الاستاذ المهندس الوزير
وزير الجنرال العقيد اللواء العميد المشير الفريق الرايد النقيب الامام البابا القس الحاخام
المستشار النايب السفير المتحدث الناطق الزعيم القايد المدرب اللاعب الكاتب الشاعر الفنان المطرب
المغني الممثل المخرج الروايي الصحافي الصحفي المحامي القاضي الجنرال السناتور السيناتور المرشح
زعيم قايد نايب الاخ المواطن الطفل الحاج الفنانه الكاتبه الشاعره المطربه الممثله الاميره
مستشار سفير المبعوث مبعوث المدير مدير الامين امين النجم ولي عهد
""".split())

# Words that commonly come right before a place name.
LOC_CUES: frozenset[str] = frozenset("""
مدينه بلده قريه محافظه ولايه اقليم منطقه عاصمه العاصمه جزيره جزر نهر بحر جبل جبال
دوله مقاطعه شمال جنوب شرق غرب وسط مخيم حي شارع ميناء مطار بحيره خليج قطاع الضفه
""".split())

# Speech and reporting verbs that often follow or precede a person.
SPEECH_CUES: frozenset[str] = frozenset("""
قال وقال اكد واكد اضاف واضاف اعلن واعلن صرح وصرح اوضح واوضح قالت وقالت اكدت واكدت اعلنت
واعلنت اشار واشار اشارت واشارت ذكر وذكر ذكرت وذكرت
""".split())

# Name particles inside person names.
NAME_PARTICLES: frozenset[str] = frozenset("بن ابن بنت ابو ابي ام عبد ال دي فان فون دو دا".split())

# Proclitic strings tried longest first when stripping a word to its stem.
# Frozen with the models: the chains of the one proclitic table minus فك (see `rasd.lang.ar.clitics`).
PROCLITICS: tuple[str, ...] = NER_PROCLITICS_V1
