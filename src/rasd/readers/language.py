"""Language identification of an article's text, with py3langid (its model ships inside the wheel).

The detector is loaded once per process, on first use, under a lock (thread-safe), and restricted to
the languages that matter for Arabic news:

- `ar`, with the dialect classes `ary` (Moroccan) and `arz` (Egyptian) folded into it: Maghreb and
  Egyptian copy is Arabic news for rasd (JawharaFM is Tunisian);
- `en`, `fr`: the second languages of the Arab press (Gulf and Levant English, Maghreb French);
- `fa`, `ur`, `ps`, `ku`: other languages in Arabic script, which must not be read as Arabic;
- `he`, `tr`: the region's other languages; `es`, `de`, `it`, `ru`: the other big wire languages;
- `zxx`: "no linguistic content" (configuration files, tables of figures, code).

Fewer candidate languages make short texts safer (a 10-word Arabic title is not taken for Kabyle or
Uyghur). The detector reads the first SAMPLE_CHARS characters (the title and the lead: 0.4 ms), so its
cost is bounded per article. A sample written only in the letters of the Arabic alphabet proper (90%
of its letters or more, none of the Persian/Urdu/Kurdish/Pashto letters) is Arabic without asking
the detector: over the three corpora the detector called every such article Arabic.
"""
from __future__ import annotations

import re
import threading
from typing import Any

LANGUAGES: tuple[str, ...] = ("ar", "ary", "arz", "en", "fr", "fa", "ur", "ps", "ku", "he", "tr",
                              "es", "de", "it", "ru", "zxx")
_FOLD = {"ary": "ar", "arz": "ar"}
ARABIC = "ar"
UNDETERMINED = "und"  # ISO 639-2: no letters to judge from
SAMPLE_CHARS = 600

_LETTER = re.compile(r"[^\W\d_]")
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_EXTENDED_LETTER = re.compile("[\u0671-\u06d3\u06d5\u06ee-\u06ff\u0750-\u077f\u08a0-\u08ff]")

_lock = threading.Lock()
_identifier: Any = None


def _detector() -> Any:
    global _identifier
    if _identifier is None:
        with _lock:
            if _identifier is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                ident = LanguageIdentifier.from_model_file(MODEL_FILE)
                ident.set_languages(list(LANGUAGES))
                _identifier = ident
    return _identifier


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language `text` is written in (`ar`, `en`, …), `zxx` for text with
    no linguistic content, `und` when it holds no letters at all."""
    sample = text[:SAMPLE_CHARS]
    letters = len(_LETTER.findall(sample))
    if not letters:
        return UNDETERMINED
    # Written wholly in the Arabic alphabet proper (no letter of the Persian, Urdu, Kurdish or Pashto
    # extensions) and at least 90% Arabic letters: the detector says `ar` for all such texts of the
    # corpora; it is spared (0.4 ms an article, more than reading and cleaning take).
    if _EXTENDED_LETTER.search(sample) is None and len(_ARABIC_LETTER.findall(sample)) >= 0.9 * letters:
        return ARABIC
    lang, _score = _detector().classify(sample)
    return _FOLD.get(lang, lang)


def language_warning(lang: str) -> str:
    """The record warning for an article that is not in Arabic."""
    return f"language: {lang}, not Arabic: Arabic stages skipped"
