"""Regression pin of the frozen model keys: the shipped models were trained on exactly this output.

The expected strings were computed once from the code the models were trained with (before the keys
moved into `rasd.text.normalize`). They must never change: a change needs a new `_v2` key and a retrain.
"""
from __future__ import annotations

import pytest

from rasd.lang.ar import clitics
from rasd.text.normalize import category_key_v1, events_key_v1, gazetteer_key_v1, ner_key_v1

WORDS = [
    '\u0623\u064e\u062d\u0652\u0645\u064e\u062f\u064f',
    '\u0625\u064a\u063a\u0648\u0631',
    '\u0622\u0644\u0627\u0641',
    '\u0671\u0644\u0644\u0647',
    '\u0645\u0633\u0624\u0648\u0644',
    '\u0633\u0626\u0644',
    '\u0627\u0644\u062c\u0627\u0631\u0649',
    '\u0633\u0648\u0631\u064a\u0629\u064c',
    '\u0627\u0644\u0639\u0640\u0640\u0640\u0631\u0628\u064a\u0629',
    '\u0662\u0660\u0661\u0667',
    '\u06f1\u06f2\u06f3',
    '\u06a9\u0631\u062f\u06cc',
    '\u0672\u062d\u0645\u062f',
    '\u200f\u0642\u0627\u0644\u200e',
    'ABC Def',
    '\u0644\u0640"\u062f\u0627\u0639\u0634"',
    '\u0647\u0670\u0630\u0627',
    '\u06d6\u0642\u0627\u0644',
    '\u062d\u0627\u0644\u064a\u0627\u064b',
    '\u0628\u0646-\u0639\u0644\u064a_\u0627\u0644\u062d\u0633\u0646',
    '\ufeff\u0645\u0635\u0631\u200b',
    '\u0645\u064f\u0633\u0652\u062a\u064e\u0634\u0652\u0641\u064e\u0649',
    '\u06cc\u06a9',
    '\u061c\u0642\u0627\u0644',
    '  \u0628\u064a\u0631\u0648\u062a  ',
]
NER_KEY_V1 = [
    '\u0627\u062d\u0645\u062f',
    '\u0627\u064a\u063a\u0648\u0631',
    '\u0627\u0644\u0627\u0641',
    '\u0627\u0644\u0644\u0647',
    '\u0645\u0633\u0648\u0648\u0644',
    '\u0633\u064a\u0644',
    '\u0627\u0644\u062c\u0627\u0631\u064a',
    '\u0633\u0648\u0631\u064a\u0647',
    '\u0627\u0644\u0639\u0631\u0628\u064a\u0647',
    '2017',
    '123',
    '\u06a9\u0631\u062f\u06cc',
    '\u0672\u062d\u0645\u062f',
    '\u200f\u0642\u0627\u0644\u200e',
    'abc def',
    '\u0644"\u062f\u0627\u0639\u0634"',
    '\u0647\u0630\u0627',
    '\u0642\u0627\u0644',
    '\u062d\u0627\u0644\u064a\u0627',
    '\u0628\u0646-\u0639\u0644\u064a_\u0627\u0644\u062d\u0633\u0646',
    '\ufeff\u0645\u0635\u0631\u200b',
    '\u0645\u0633\u062a\u0634\u0641\u064a',
    '\u06cc\u06a9',
    '\u061c\u0642\u0627\u0644',
    '  \u0628\u064a\u0631\u0648\u062a  ',
]
CATEGORY_KEY_V1 = [
    '\u0627\u062d\u0645\u062f',
    '\u0627\u064a\u063a\u0648\u0631',
    '\u0627\u0644\u0627\u0641',
    '\u0627\u0644\u0644\u0647',
    '\u0645\u0633\u0648\u0648\u0644',
    '\u0633\u064a\u0644',
    '\u0627\u0644\u062c\u0627\u0631\u064a',
    '\u0633\u0648\u0631\u064a\u0647',
    '\u0627\u0644\u0639\u0631\u0628\u064a\u0647',
    '\u0662\u0660\u0661\u0667',
    '\u06f1\u06f2\u06f3',
    '\u06a9\u0631\u062f\u06cc',
    '\u0672\u062d\u0645\u062f',
    '\u200f\u0642\u0627\u0644\u200e',
    'abc def',
    '\u0644"\u062f\u0627\u0639\u0634"',
    '\u0647\u0630\u0627',
    '\u0642\u0627\u0644',
    '\u062d\u0627\u0644\u064a\u0627',
    '\u0628\u0646-\u0639\u0644\u064a_\u0627\u0644\u062d\u0633\u0646',
    '\ufeff\u0645\u0635\u0631\u200b',
    '\u0645\u0633\u062a\u0634\u0641\u064a',
    '\u06cc\u06a9',
    '\u061c\u0642\u0627\u0644',
    '  \u0628\u064a\u0631\u0648\u062a  ',
]
EVENTS_KEY_V1 = [
    '\u0627\u062d\u0645\u062f',
    '\u0627\u064a\u063a\u0648\u0631',
    '\u0627\u0644\u0627\u0641',
    '\u0627\u0644\u0644\u0647',
    '\u0645\u0633\u0624\u0648\u0644',
    '\u0633\u0626\u0644',
    '\u0627\u0644\u062c\u0627\u0631\u064a',
    '\u0633\u0648\u0631\u064a\u0647',
    '\u0627\u0644\u0639\u0631\u0628\u064a\u0647',
    '2017',
    '123',
    '\u0643\u0631\u062f\u064a',
    '\u0672\u062d\u0645\u062f',
    '\u200f\u0642\u0627\u0644\u200e',
    'ABC Def',
    '\u0644"\u062f\u0627\u0639\u0634"',
    '\u0647\u0630\u0627',
    '\u0642\u0627\u0644',
    '\u062d\u0627\u0644\u064a\u0627',
    '\u0628\u0646-\u0639\u0644\u064a_\u0627\u0644\u062d\u0633\u0646',
    '\ufeff\u0645\u0635\u0631\u200b',
    '\u0645\u0633\u062a\u0634\u0641\u064a',
    '\u064a\u0643',
    '\u061c\u0642\u0627\u0644',
    '  \u0628\u064a\u0631\u0648\u062a  ',
]
GAZETTEER_KEY_V1 = [
    '\u0627\u062d\u0645\u062f',
    '\u0627\u064a\u063a\u0648\u0631',
    '\u0627\u0644\u0627\u0641',
    '\u0627\u0644\u0644\u0647',
    '\u0645\u0633\u0624\u0648\u0644',
    '\u0633\u0626\u0644',
    '\u0627\u0644\u062c\u0627\u0631\u064a',
    '\u0633\u0648\u0631\u064a\u0647',
    '\u0627\u0644\u0639\u0631\u0628\u064a\u0647',
    '\u0662\u0660\u0661\u0667',
    '\u06f1\u06f2\u06f3',
    '\u06a9\u0631\u062f\u06cc',
    '\u0672\u062d\u0645\u062f',
    '\u0642\u0627\u0644',
    'ABC Def',
    '\u0644"\u062f\u0627\u0639\u0634"',
    '\u0647\u0630\u0627',
    '\u0642\u0627\u0644',
    '\u062d\u0627\u0644\u064a\u0627',
    '\u0628\u0646 \u0639\u0644\u064a \u0627\u0644\u062d\u0633\u0646',
    '\ufeff\u0645\u0635\u0631\u200b',
    '\u0645\u0633\u062a\u0634\u0641\u064a',
    '\u06cc\u06a9',
    '\u061c\u0642\u0627\u0644',
    '\u0628\u064a\u0631\u0648\u062a',
]


@pytest.mark.parametrize(("fn", "expected"), [
    (ner_key_v1, NER_KEY_V1), (category_key_v1, CATEGORY_KEY_V1), (events_key_v1, EVENTS_KEY_V1),
    (gazetteer_key_v1, GAZETTEER_KEY_V1),
])
def test_frozen_keys_do_not_drift(fn, expected):
    assert [fn(w) for w in WORDS] == expected


def test_frozen_proclitic_views_do_not_drift():
    # The literal tuples the NER models, the events classifier and the category model were trained with.
    ner = ("وبال", "فبال", "وكال", "فكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال",
           "وب", "وك", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك")
    events = ("وبال", "وكال", "فبال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال",
              "وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")
    # Only the set and the longest-first order matter (two chains of one length never both match).
    for got, want in ((clitics.NER_PROCLITICS_V1, ner), (clitics.EVENTS_PROCLITICS_V1, events)):
        assert sorted(got) == sorted(want) and len(got) == len(want)
        assert [len(c) for c in got] == sorted((len(c) for c in got), reverse=True)
    assert clitics.CATEGORY_PREFIXES_V1 == ("وبال", "وال", "بال", "كال", "فال", "لل", "ال", "و")


def test_the_models_use_the_frozen_keys():
    from rasd.extract.category import normalize_for_features
    from rasd.extract.events.features import PROCLITICS, norm_token
    from rasd.extract.ner.features import normalize_word
    from rasd.extract.ner.lexicon import PROCLITICS as NER_PROCLITICS

    assert normalize_word is ner_key_v1 and normalize_for_features is category_key_v1
    assert [norm_token(w) for w in WORDS] == EVENTS_KEY_V1
    assert PROCLITICS is clitics.EVENTS_PROCLITICS_V1 and NER_PROCLITICS is clitics.NER_PROCLITICS_V1
