"""The `quotes` stage: direct and reported speech with its speaker, title and cue, as exact spans.

The finder walks the article's words once. A cue verb (`قال`, `أكد`, `أشار`…) opens a speaker noun
phrase and then, within the same sentence, a complementizer (`أن`, `إن`, `إلى أن`), a colon or a
quotation mark that starts the content. A quotation mark gives a direct quote (closed by
`_close_quote`, which steps over nested scare quotes such as `“داعش”`); anything else is reported
speech running to the end of the sentence or to the next participial continuation (`مشيراً إلى أن`).
Attributions after the words (`حسبما قال …`, `بحسب …`) and headline attributions (`X: …`) are found too.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from rasd.extract.wordscan import Word, article_words, is_word, key, sentence_bounds, strip_prefix, words
from rasd.lang.ar import speech as sp
from rasd.lang.ar.calendar import WEEKDAYS
from rasd.lang.ar.clitics import view
from rasd.lang.ar.counts import EVENT_NOUNS
from rasd.lang.ar.punctuation import CLOSERS, TERMINATORS
from rasd.model import Article, Entity, Quote

_WEEKDAY_KEYS = frozenset(key(d) for d in WEEKDAYS)

_TRIM = " \t\n.,،:؛;!?؟-–—"
_TRIM_LEFT = " \t\n,،:؛;-–—"
# A quotation mark opening a nested scare quote is closed within this many words (`“داعش”`).
NESTED_MAX_WORDS = 5
# The words a cue verb may have between itself and its content (`قال لافروف في كلمة ألقاها … إن`).
CUE_WINDOW = 24
# A "direct quote" this short followed by more of the sentence is a scare quote, not speech.
SCARE_MAX_WORDS = 3
# A quotation right after a speaker phrase (no `أن`, no colon) this short, with the sentence going
# on after it, is a quoted name (`شركة “إي تي في ستوديو فرانس” المنتجة`).
BARE_NAME_MAX_WORDS = 6
# A quotation whose closing mark is missing ends at its line, or at the first sentence stop after
# this many words (quotes in the 900-article sample run to 120 words; unclosed ones to 450).
UNCLOSED_MAX_WORDS = 80
# How far (characters) after the last quote a cue with no subject still continues its speaker
# (two or three sentences of a news paragraph).
CONTINUATION_GAP = 500
# Punctuation right after a mark glued to the word before it: the mark closes a quote.
_CLOSING_FOLLOWERS = frozenset("!؟?.,،:؛)")
_WORD_AFTER_RE = re.compile(r"\s*([\w\u064b-\u0652]+)")


@dataclass
class _Speaker:
    text: str | None
    start: int | None
    end: int | None
    title: str | None = None
    entity: str | None = None
    via: str | None = None
    kind: str = "named"  # named | description | continued (how the speaker was found)


def quotes_stage(article: Article) -> Article:
    """Add the article's quotes (direct and reported speech) to `article.quotes`."""
    article.quotes.extend(find_quotes(article))
    return article


# The keys a quote can start from (`_Finder.run`): a cue verb, bare or behind a one-letter conjunction
# (`_cue`), an in-text cue, a participle, an attribution head. Every other word is passed over at once.
_START_KEYS: frozenset[str] = frozenset(
    set(sp.CUE_VERBS) | {p + k for k in sp.CUE_VERBS for p in sp.VERB_PREFIXES if len(p) == 1 and len(k) > 2}
    | sp.IN_TEXT_CUES | set(sp.PARTICIPLES) | set(sp.ATTRIBUTION_HEADS))


def _verb_gender(k: str) -> str | None:
    """`f` for a feminine singular cue verb (`قالت`, `وأضافت`, `تقول`), `m` for a masculine singular one
    (`قال`, `وأضاف`, `يقول`), None for a plural or another form."""
    base = k[1:] if k[:1] in ("و", "ف") and k[1:] in sp.CUE_VERBS else k
    if base not in sp.CUE_VERBS or base.endswith("وا"):
        return None
    if base.endswith("ت") or (base[:1] == "ت" and "ي" + base[1:] in sp.CUE_VERBS):
        return "f"  # past -ت; present ت- beside its masculine ي- form (تقول / يقول)
    return "m"


def _speaker_gender(x: _Speaker) -> str | None:
    """The grammatical gender of a description or body speaker by its head word: feminine ending ة
    (`الوزارة`, `الحكومة`, `منظمة`) or a feminine plural (`الأمم`, `السلطات`), masculine by a list of
    common masculine heads (`مجلس`, `الجيش`, `المتحدث`); None for a personal name (not read)."""
    if not x.text:
        return None
    head = key(x.text.split()[0])
    head = head[1:] if head[:1] in ("و", "ف") and len(head) > 3 else head
    if head in sp.MASCULINE_HEADS:
        return "m"
    # a name may end in ة (`أسامة`, `حمزة`): for a named speaker only a definite common noun counts
    definite_or_described = x.kind != "named" or head.startswith("ال")
    if head in sp.FEMININE_PLURAL_HEADS or head.endswith(("ه", "ات")) and definite_or_described:
        return "f"
    return None


def find_quotes(article: Article) -> list[Quote]:
    """Every quote in `article`, in text order."""
    return _Finder(article).run()


class _Finder:
    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.ws = article_words(article)
        # The article's sentences (`article.sentences`, else the same splitter once): starts and the end
        # of each sentence's content (before its final marks and closers).
        self.sents = sentence_bounds(article)
        self.sent_starts = [s for s, _ in self.sents]
        self.sent_ends = [_content_end(self.text, s, e) for s, e in self.sents]
        self.starts = [w.start for w in self.ws]
        self.quotes: list[Quote] = []
        self.last: _Speaker | None = None
        self.last_end = -1
        self.speakers: list[_Speaker] = []
        self.ents = [e for e in article.entities if e.type in ("PER", "ORG", "MISC")]
        self._ent_keys_cache: list[tuple[Entity, list[frozenset[str]]]] | None = None
        self.kinds: dict[int, tuple[str, str, int]] = {}  # id(quote) -> (path, speaker kind, distance)
        self.path = "cue"  # which rule is finding the current quote

    # ---- the walk -------------------------------------------------------------------------------
    def run(self) -> list[Quote]:
        ws = self.ws
        covered = -1
        i = 0
        start_keys = _START_KEYS
        while i < len(ws):
            w = ws[i]
            if w.key not in start_keys or w.start < covered or not is_word(w):
                i += 1
                continue
            q: Quote | None = None
            verb, prefixed = self._cue(w)
            self.path = "cue"
            if w.key in sp.IN_TEXT_CUES and i + 2 < len(ws) and ws[i + 1].key == "في":
                q = self._from_cue(i, "جاء في", True, np_start=i + 2)
            elif verb is not None and not prefixed and i > 1 and ws[i - 1].key in sp.RELATIVES and (
                    q := self._from_relative(i, verb)) is not None:
                pass
            elif verb is not None and (prefixed or verb not in sp.WEAK_CUES or self._clause_start(i)):
                self.path = "cue"
                q = self._from_cue(i, verb, prefixed)
            elif self._participle(i):
                self.path = "participle"
                q = self._from_participle(i)
            elif w.key in sp.ATTRIBUTION_HEADS:
                self.path = "attribution"
                q = self._from_attribution(i)
            if q is not None:
                self._add(q)
                covered = q.end
            i += 1
        self.path = "headline"
        self._headlines()
        for q in self.quotes:
            path, kind, distance = self.kinds.get(id(q), ("cue", "named", 0))
            q.confidence = confidence(path=path, kind=kind, direct=q.direct, cue=q.cue,
                                      speaker=q.speaker or "", distance=distance)
        self.quotes = [q for q in self.quotes if (q.confidence or 0.0) >= QUOTE_THRESHOLD]
        self.quotes.sort(key=lambda q: q.start)
        return self.quotes

    def _add(self, q: Quote) -> None:
        if q.speaker is None:
            return  # words nobody in the article is said to speak are not kept as a quote
        self.quotes.append(q)
        if q.speaker is not None:
            self.last = _Speaker(q.speaker, q.speaker_start, q.speaker_end, q.speaker_title,
                                 q.speaker_entity)
            self.speakers.append(self.last)
        self.last_end = q.end

    def _cue(self, w: Word) -> tuple[str | None, bool]:
        k = w.key
        if k in sp.CUE_VERBS:
            return k, False
        if len(k) > 3 and k[0] in sp.VERB_PREFIXES and k[1:] in sp.CUE_VERBS:
            return k[1:], True
        return None, False

    def _participle(self, i: int) -> bool:
        """Word i continues a speaker's words (`مشيراً إلى أن`); `متهمة` right after a name is the
        passive predicate (`أن بوتينا متهمة باختراق …`), not `accusing`."""
        w = self.ws[i]
        if w.key not in sp.PARTICIPLES:
            return False
        if sp.PARTICIPLES[w.key] in sp.PASSIVE_HOMOGRAPHS and i > 0:
            prev = self.ws[i - 1]
            return not any(x.start < prev.end <= x.end for x in self.article.entities)
        return True

    def _clause_start(self, i: int) -> bool:
        """True when only openers (`من جهته`, `إلى ذلك`) stand between a sentence start and word i."""
        j = i - 1
        while j >= 0:
            w = self.ws[j]
            if not is_word(w):
                return w.text in ".!?؟؛,،:" or "\n" in self.text[w.end:self.ws[j + 1].start]
            if "\n" in self.text[w.end:self.ws[j + 1].start]:
                return True
            if w.key not in sp.OPENERS:
                return False
            j -= 1
        return True

    # ---- cue verbs ------------------------------------------------------------------------------
    def _from_cue(self, i: int, verb: str, prefixed: bool, np_start: int | None = None) -> Quote | None:
        ws = self.ws
        lemma = sp.CUE_VERBS.get(verb, verb)
        sent_end = self._sentence_end(ws[i].end)
        a = i + 1 if np_start is None else np_start
        if a < len(ws) and ws[a].key in sp.RESUMPTIVES:
            a += 1  # `في الوقت الذي أكد فيه الجيش أنه`
        if a < len(ws) and ws[a].key in sp.RETRO_OBJECTS and ws[a].start < sent_end:
            return self._retro(i, a + 1, sent_end, lemma)
        honorific = a < len(ws) and ws[a].key in sp.HONORIFICS
        np_end = a + 1 if honorific else self._speaker_np(a, sent_end, ba=lemma in sp.BA_CUES,
                                                          obj=lemma in sp.OBJECT_CUES)
        k = np_end
        limit = min(len(ws), np_end + CUE_WINDOW)
        trigger = None
        while k < limit and ws[k].start < sent_end:
            w = ws[k]
            if k == np_end and self._object_content(lemma, k):
                self.path = "object"
                trigger = k
                break
            if w.text in sp.ALL_MARKS or w.text == ":":
                if w.text != ":" and self._scare_quote(k):
                    k = self._scare_quote(k)
                    continue
                trigger = k
                break
            if w.key in sp.COMPLEMENTIZERS and ws[k - 1].key not in sp.NOT_COMP_BEFORE:
                trigger = k
                break
            if np_end < k <= np_end + sp.BA_GAP and ((lemma in sp.BA_CUES and self._ba_noun(k)) or (
                    lemma in sp.OBJECT_CUES and self._announced(k))) and self._place_or_day(np_end, k):
                # `أفادت مصادر بمحافظة الحديدة، السبت، بمقتل`, `أعلن الناطق … في القطاع مقتل`
                self.path = "object"
                trigger = k
                break
            if k > np_end and (self._cue(w)[1] or w.key in sp.PARTICIPLES):
                return None
            k += 1
        if trigger is None:
            if np_end > a and not honorific:
                return self._before_cue(i, np_end, verb)
            return None
        speaker: _Speaker | None
        if honorific:
            speaker = self.last if self.last is not None and \
                ws[i].start - self.last_end <= CONTINUATION_GAP else None
            if speaker is not None:
                speaker = _Speaker(speaker.text, speaker.start, speaker.end, speaker.title,
                                   speaker.entity, None, "continued")
        elif np_end > a:
            speaker = self._speaker_from(a, np_end)
            later = self._named_after(a, np_end, trigger, speaker)
            speaker = later or self._described_by(a, np_end, trigger, speaker) or speaker
            speaker = self._relayed(np_end, trigger, speaker, lemma)
        else:
            speaker = self._left_subject(i, prefixed) or self._continuing(i, prefixed)
        if ws[trigger].key not in sp.COMPLEMENTIZERS and ws[trigger].text not in sp.ALL_MARKS \
                and ws[trigger].text != ":":
            if ws[trigger].key == "عن":
                trigger += 1
            return self._reported(ws[trigger].start, speaker, lemma)
        return self._content(i, trigger, speaker, lemma)

    def _from_relative(self, i: int, verb: str) -> Quote | None:
        """`…، الملك سلمان بن عبد العزيز، الذي نفى بدوره علمه بما حدث`: a cue in a relative clause
        whose antecedent is a named person or body; its content follows the cue (or its `أن`)."""
        ws = self.ws
        j = i - 2
        while j >= 0 and ws[j].text in ",،":
            j -= 1
        if j < 0:
            return None
        ent = next((x for x in self.ents if x.type in ("PER", "ORG") and x.start < ws[j].end <= x.end),
                   None)
        if ent is None:
            return None
        lemma = sp.CUE_VERBS[verb]
        self.path = "relative"
        k = i + 1
        while k < len(ws) and ws[k].key in sp.CUE_FILLERS:
            k += 1
        if k >= len(ws) or ws[k].start >= self._sentence_end(ws[i].end):
            return None
        speaker = _Speaker(ent.text, ent.start, ent.end, None,
                           self._entity_for(ent.start, ent.end, ent.text))
        if ws[k].key in sp.COMPLEMENTIZERS or ws[k].text == ":":
            return self._content(i, k, speaker, lemma)
        if lemma in sp.OBJECT_CUES and is_word(ws[k]) and ws[k].key not in sp.SPEAKER_STOP:
            return self._reported(ws[k].start, speaker, lemma)
        return None

    def _object_content(self, lemma: str, k: int) -> bool:
        """A cue's content without a complementizer: `أفادت مصادر بتواصل المعارك` (a `ب` verbal noun
        after `أفاد`, `أقر`…) or `أعلن التحالف عن منح مساعدات` (`عن` + a word that names no one)."""
        ws = self.ws
        w = ws[k]
        if lemma in sp.BA_CUES and self._ba_noun(k):
            return True
        if lemma in sp.OBJECT_CUES and self._announced(k):  # `أعلنت الشرطة إصابة ثلاثة أشخاص`
            return True
        return lemma in sp.AN_CUES and w.key == "عن" and k + 1 < len(ws) and is_word(ws[k + 1]) \
            and not self._named_at(ws[k + 1].start, ws[k + 1].end) \
            and ws[k + 1].key not in sp.SPEAKER_STOP

    def _announced(self, k: int) -> bool:
        """Word k is an announced verbal noun (`إصابة`, `مقتل`, `اعتقال`) with a word after it."""
        ws = self.ws
        return is_word(ws[k]) and (ws[k].key in sp.ANNOUNCED_NOUNS or ws[k].key in EVENT_NOUNS) \
            and k + 1 < len(ws) and is_word(ws[k + 1])

    def _place_or_day(self, a: int, b: int) -> bool:
        """Words a..b-1 are only the speaker's place (a named place, its nisba, `في` + a definite
        word), the day and commas."""
        ws = self.ws
        for k in range(a, b):
            w = ws[k]
            if w.key == "في" and k + 1 < b and ws[k + 1].key.startswith("ال"):
                continue  # `في القطاع`: the definite word is read next
            if not is_word(w):
                if w.text not in ",،":
                    return False
                continue
            day = w.key[2:] if w.key.startswith("ال") else w.key
            if self._named_at(w.start, w.end) or day in _WEEKDAY_KEYS or (k > a and ws[k - 1].key == "في"):
                continue
            if k > a and w.key.endswith(("يه", "ي")) and self._named_at(ws[k - 1].start, ws[k - 1].end):
                continue  # `الحديدة اليمنية`
            return False
        return True

    def _ba_noun(self, k: int) -> bool:
        """Word k is `ب` + a verbal noun (`بتواصل`, `بارتكاب`): not `بأن`, `باسم`, a name or a place."""
        w = self.ws[k]
        return is_word(w) and w.key.startswith("ب") and len(w.key) > 3 \
            and w.key not in sp.COMPLEMENTIZERS and w.key not in sp.TITLE_GLUE \
            and w.key not in sp.SPEAKER_STOP and not self._named_at(w.start, w.end)

    def _named_at(self, s: int, e: int) -> bool:
        return any(x.start < e and s < x.end for x in self.article.entities) or any(
            x.start < e and s < x.end for x in self.article.places)

    def _scare_quote(self, k: int) -> int:
        """The word index after a short quoted name that the phrase runs on from (`موقع "تويتر"،`), or
        0 when the mark at word k opens real quoted words."""
        ws, text = self.ws, self.text
        if k == 0 or not is_word(ws[k - 1]) or ws[k - 1].key in sp.COMPLEMENTIZERS:
            return 0
        line_end = text.find("\n", ws[k].start)
        line_end = len(text) if line_end < 0 else line_end
        close = _close_quote(text, ws[k].start, line_end)
        if close >= line_end or len(text[ws[k].start + 1:close].split()) > SCARE_MAX_WORDS:
            return 0
        after = text[close + 1:self._sentence_end(close + 1)]
        if not any(ch.isalpha() for ch in after):
            return 0
        return bisect_right(self.starts, close)

    def _retro(self, i: int, a: int, sent_end: int, lemma: str) -> Quote | None:
        """`صرح بذلك المتحدث … الرائد محمد الحمادي`: the sentence before is his, and he goes on."""
        ws = self.ws
        np_end = self._speaker_np(a, sent_end)
        if np_end == a:
            return None
        speaker = self._speaker_from(a, np_end)
        speaker = self._named_after(a, np_end, min(len(ws) - 1, np_end + sp.BRIDGE_MAX_WORDS),
                                    speaker) or speaker
        prev = self._sentence_start(ws[i].start)
        j = bisect_right(self.sent_starts, prev - 1) - 1
        if j < 0 or prev == 0:
            return None
        s, e = _trim_marks(self.text, *_trim(self.text, self.sents[j][0], self.sent_ends[j]))
        if len(self.text[s:e].split()) < 3 or any(q.start < e and s < q.end for q in self.quotes):
            self.last, self.last_end = speaker, ws[np_end - 1].end
            self.speakers.append(speaker)
            return None
        self.path = "retro"
        q = self._quote(s, e, False, speaker, lemma)
        self.quotes.append(q)
        self.last, self.last_end = speaker, ws[np_end - 1].end
        self.speakers.append(speaker)
        return None

    def _before_cue(self, i: int, np_end: int, verb: str) -> Quote | None:
        """`«…»، قال الوزير`: a quotation closed right before its cue verb and speaker."""
        ws, text = self.ws, self.text
        j = i - 1
        while j >= 0 and ws[j].text in ",،":
            j -= 1
        if j < 0 or ws[j].text not in sp.ALL_MARKS:
            return None
        close = ws[j].start
        line_start = text.rfind("\n", 0, close) + 1
        for k in range(line_start, close):
            if text[k] in sp.ALL_MARKS and (k == line_start or not text[k - 1].isalpha()) \
                    and _close_quote(text, k, close + 1) == close:
                s, e = _trim(text, k + 1, close)
                if len(text[s:e].split()) <= SCARE_MAX_WORDS or any(
                        q.start < e and s < q.end for q in self.quotes):
                    return None
                self.path = "before_cue"
                return self._quote(s, e, True, self._speaker_from(i + 1, np_end), sp.CUE_VERBS[verb])
        return None

    def _content(self, cue_i: int, trigger: int, speaker: _Speaker | None, cue: str) -> Quote | None:
        ws = self.ws
        c = trigger
        if ws[c].key in sp.COMPLEMENTIZERS or ws[c].text == ":":
            c += 1
            while c < len(ws) and (ws[c].text == ":" or ws[c].key in sp.COMPLEMENTIZERS):
                c += 1
        if c >= len(ws):
            return None
        if ws[c].text in sp.ALL_MARKS:
            q = self._direct(c, speaker, cue, bare=c == trigger)
            if q is not None or c == trigger:
                return q  # a bare scare quote after a cue's phrase is no speech
        return self._reported(ws[c].start, speaker, cue)

    def _direct(self, c: int, speaker: _Speaker | None, cue: str, *,
                bare: bool = False) -> Quote | None:
        """The quotation opened at word c; `bare` when no complementizer or colon precedes it, so
        a short quoted name that the sentence runs on from (`أشارت شركة “…” المنتجة`) is no speech."""
        text = self.text
        open_pos = self.ws[c].start
        line_end = text.find("\n", open_pos)
        line_end = len(text) if line_end < 0 else line_end
        if 0 < open_pos and text[open_pos - 1].isalpha() and text[open_pos] in sp.QUOTE_MARKS \
                and text[open_pos + 1:open_pos + 2] in _CLOSING_FOLLOWERS:
            return None  # `ادعى قادتها"! …`: a mark glued to the word before it closes a quote
        close = _close_quote(text, open_pos, line_end)
        if close == line_end:
            close = _unclosed_end(text, open_pos, line_end)
        s, e = _trim(text, open_pos + 1, close)
        if e <= s:
            return None
        n_words = len(text[s:e].split())
        after = text[close + 1:self._sentence_end(close + 1)]
        if n_words <= SCARE_MAX_WORDS and any(ch.isalpha() for ch in after):
            return None
        m = _WORD_AFTER_RE.match(after)
        if bare and n_words <= BARE_NAME_MAX_WORDS and m and key(m.group(1)) not in sp.PARTICIPLES:
            return None
        return self._quote(s, e, True, speaker, cue)

    def _reported(self, start: int, speaker: _Speaker | None, cue: str) -> Quote | None:
        end = self._sentence_end(start)
        for w in self.ws[bisect_left(self.starts, start + 1):]:
            if w.start >= end:
                break
            verb, prefixed = self._cue(w)
            if self._participle(bisect_left(self.starts, w.start)) or (prefixed and verb is not None and (
                    w.key[1:] in sp.CONTINUATION_VERBS or verb not in sp.WEAK_CUES)):
                end = w.start
                break
            if w.key in sp.CONTRAST_LINKS and w.start > start and self._other_party(w.start):
                end = w.start  # `…، ولكن ناشطين أحصوا عددهم`: another party's words begin
                break
            verb = self._cue(w)[0]
            j = bisect_left(self.starts, w.start)
            if verb is not None and j > 0 and self.ws[j - 1].start > start and (
                    (verb not in sp.WEAK_CUES and self.ws[j - 1].key in sp.CLAUSE_LINKS)
                    or self.ws[j - 1].key in sp.RELATIVES):
                end = self.ws[j - 1].start  # `…، بينما قال مسؤول سعودي إن …`: another speaker
                break
        s, e = _trim_marks(self.text, *_trim(self.text, start, end))
        if len(self.text[s:e].split()) < 2:
            return None
        return self._quote(s, e, False, speaker, cue)

    def _other_party(self, pos: int) -> bool:
        """The word after the one at `pos` starts a party of its own: a description or body head or a
        PER/ORG entity (`لكن ناشطين`, `لكن مصادر`, `لكن الجيش`)."""
        j = bisect_left(self.starts, pos) + 1
        if j >= len(self.ws):
            return False
        w = self.ws[j]
        if w.key in sp.OTHER_PARTY_HEADS or w.key in sp.DESCRIPTION_HEADS or w.key in sp.SPEAKER_HEADS:
            return True
        return any(x.start == w.start and x.type in ("PER", "ORG") for x in self.ents)

    def _quote(self, s: int, e: int, direct: bool, speaker: _Speaker | None,
               cue: str | None) -> Quote:
        sp_ = speaker or _Speaker(None, None, None)
        q = Quote(text=self.text[s:e], start=s, end=e, direct=direct, cue=cue, speaker=sp_.text,
                  speaker_start=sp_.start, speaker_end=sp_.end, speaker_entity=sp_.entity,
                  speaker_title=sp_.title, via=sp_.via)
        distance = abs(s - sp_.end) if sp_.end is not None else 0
        self.kinds[id(q)] = (self.path, sp_.kind, distance)
        return q

    # ---- continuations and attributions ---------------------------------------------------------
    def _from_participle(self, i: int) -> Quote | None:
        ws = self.ws
        speaker = self._relative_antecedent(i) or self._sentence_subject(i)
        if speaker is None:
            if self.last is None or "\n" in self.text[self.last_end:ws[i].start]:
                return None
            x = self.last
            speaker = _Speaker(x.text, x.start, x.end, x.title, x.entity, x.via, "continued")
        lemma = sp.PARTICIPLES[ws[i].key]
        j = i + 1
        if j < len(ws) and ws[j].key in sp.COMP_PREPS:
            j += 1
        if j + 1 < len(ws) and ws[j].key == "ما" and ws[j + 1].key in ("يلي", "ياتي"):
            j += 2  # `مضيفة ما يلي "…"`
            if j < len(ws) and ws[j].text == ":":
                j += 1
            if j < len(ws) and ws[j].text in sp.ALL_MARKS:
                return self._direct(j, speaker, lemma)
        if j < len(ws) and (ws[j].key in sp.COMPLEMENTIZERS or ws[j].text == ":"):
            return self._content(i, j, speaker, lemma)
        if lemma in sp.OBJECT_PARTICIPLES and j < len(ws):
            return self._reported(ws[i + 1].start, speaker, lemma)
        return None

    def _relative_antecedent(self, i: int) -> _Speaker | None:
        """`لحركة حماس التي دانت الواقعة قائلة إن …`: the body or person a relative clause before the
        participle describes is its subject (the nearest `التي`/`الذي` after a name, same sentence)."""
        ws = self.ws
        s = self._sentence_start(ws[i].start)
        j = i - 1
        while j > 0 and ws[j].start >= s and i - j <= 12:
            if ws[j].key in ("التي", "الذي", "الذين") and ws[j].start > self.last_end:
                prev = ws[j - 1]
                ent = next((x for x in self.ents if x.type in ("PER", "ORG")
                            and x.start < prev.end <= x.end), None)
                if ent is None:
                    return None
                return _Speaker(ent.text, ent.start, ent.end, None,
                                self._entity_for(ent.start, ent.end, ent.text))
            j -= 1
        return None

    def _sentence_subject(self, i: int) -> _Speaker | None:
        """The first person named in the participle's sentence before it: in a verb-first sentence
        the subject (`وحضت السفيرة …، نيكي هايلي، إيران على …، قائلة إن`)."""
        s = self._sentence_start(self.ws[i].start)
        ent = next((x for x in self.ents if x.type == "PER" and s <= x.start < self.ws[i].start),
                   None)
        if ent is None:
            return None
        return _Speaker(ent.text, ent.start, ent.end, None,
                        self._entity_for(ent.start, ent.end, ent.text))

    def _from_attribution(self, i: int) -> Quote | None:
        ws = self.ws
        j = i + 1
        while j < len(ws) and ws[j].key in sp.ATTRIBUTION_FILLERS:
            j += 1
        cue = ws[i].text
        if j < len(ws) and self._cue(ws[j])[0] is not None:
            cue = self._cue(ws[j])[0] or cue
            j += 1
        elif j < len(ws) and ws[j].key.endswith("ه") and self._cue(
                ws[j]._replace(key=ws[j].key[:-1]))[0] is not None:
            cue = self._cue(ws[j]._replace(key=ws[j].key[:-1]))[0] or cue
            j += 1  # `وفق ما أكده مصدر أمني`, `وفقا لما ذكره شخصان`
        elif j == i + 1 and ws[i].key in sp.ATTRIBUTION_NEEDS_MA and not (
                j < len(ws) and (ws[j].key in ("ذات", "نفس") or ws[j].key in sp.SPEAKER_HEADS
                                 or ws[j].key in sp.SOURCE_NOUNS)):
            return None  # `وفق خطة …` is no attribution; `وفق ما أفاد …`, `وفق ذات البلاغ` are
        elif j > i + 1 and ws[j - 1].key in ("ما", "لما"):
            return None  # `وفقا لما أظهره مقطع الفيديو`: what a thing shows is no one's statement
        sent_start, sent_end = self._sentence_start(ws[i].start), self._sentence_end(ws[i].end)
        np_end = self._speaker_np(j, sent_end)
        if np_end == j:
            return None
        speaker = self._speaker_from(j, np_end)
        before_s, before_e = _trim(self.text, sent_start, ws[i].start)
        taken = next((q for q in self.quotes if q.start < before_e and before_s < q.end), None)
        if taken is not None:
            if taken.via is None and taken.speaker != speaker.text and \
                    ws[j].key.removeprefix("ال") in sp.OUTLET_HEADS:
                taken.via = speaker.entity or speaker.text  # `وقال X "…"، بحسب موقع Y`
            return None
        if len(self.text[before_s:before_e].split()) >= 3:
            return self._quote(before_s, before_e, False, speaker, sp.CUE_VERBS.get(cue, cue))
        k = np_end
        if k >= len(ws) or not (ws[k].text in ",،" or ws[k].key in sp.THEN_THAT):
            return None  # a clause-initial attribution ends at a comma or `فإن`
        while k < len(ws) and (not is_word(ws[k]) or ws[k].key in sp.THEN_THAT):
            k += 1
        if k >= len(ws) or ws[k].start >= sent_end:
            return None
        return self._reported(ws[k].start, speaker, sp.CUE_VERBS.get(cue, cue))

    def _headlines(self) -> None:
        """Lines shaped `Speaker: words` with a short speaker and no final stop: the title, or a
        sub-headline whose speaker is quoted elsewhere in the article (a related story's headline
        quotes someone the article never does)."""
        text = self.text
        starts = self.starts
        known = [_name_keys(x) for sp_ in self.speakers for x in (sp_.text, sp_.entity) if x]
        taken = [(q.start, q.end) for q in self.quotes]
        pos = 0
        for n_line, line in enumerate(text.split("\n")):
            s, e = pos, pos + len(line)
            pos = e + 1
            colon = line.find(":")
            stripped = line.rstrip()
            if colon < 0 or not stripped or stripped[-1] in ".!؟?" or len(line.split()) > 30:
                continue
            a, b = bisect_left(starts, s), bisect_left(starts, s + colon)
            head = self.ws[a:b]
            if not 1 <= len(head) <= 4 or not all(is_word(w) for w in head):
                continue
            if any(w.key in sp.HEADLINE_LABELS or self._cue(w)[0] or w.text[0].isdigit() for w in head):
                continue
            qs, qe = _trim(text, s + colon + 1, e)
            if len(text[qs:qe].split()) < 3 or any(x < qe and qs < y for x, y in taken):
                continue
            speaker = self._speaker_from(a, b)
            hs, he = head[0].start, head[-1].end
            if any(x.start < he and hs < x.end for x in self.article.places) or any(
                    x.type == "LOC" and x.start < he and hs < x.end for x in self.article.entities):
                continue  # `سوريا: …` is a dateline, not a speaker
            if n_line > 0:
                mine = _name_keys(speaker.text or "")
                if not any(_contains(k, mine) or _contains(mine, k) for k in known if k and mine):
                    continue
            self.quotes.append(self._quote(qs, qe, False, speaker, None))

    # ---- speakers -------------------------------------------------------------------------------
    def _speaker_np(self, j: int, sent_end: int, *, ba: bool = False, obj: bool = False) -> int:
        """The end (exclusive word index) of the speaker noun phrase starting at word j; `ba` when the
        cue takes a `ب` verbal noun as its content (`أفادت مصادر بتواصل …`), which ends the phrase;
        `obj` when it takes an announced verbal noun (`أعلنت الشرطة إصابة …`), which ends it too."""
        ws = self.ws
        k = j
        while k < len(ws) and k - j < sp.MAX_SPEAKER_WORDS and ws[k].start < sent_end:
            w = ws[k]
            if k > j and w.text in sp.QUOTE_MARKS and self._scare_quote(k):
                k = self._scare_quote(k)  # `صحيفة "لوباريزيان" الفرنسية`
                if k < len(ws) and ws[k].key.startswith("ال") and ws[k].start < sent_end:
                    continue
                break
            if not is_word(w) or w.text[0].isdigit():
                break
            if k == j and w.key in ("بيان", "تقرير"):
                k += 1
                continue  # `وتضمن بيان لحماس`: the statement is the speaker
            if w.key in sp.PUBLISHED_BY:
                break  # `بيان للتحالف نشرته وكالة …`: who published it is no part of the speaker
            if k > j and w.key.startswith(sp.TO_OUTLET_PREFIX) and (
                    w.key[1:] in sp.OUTLETS or w.key[1:].lower() in sp.OUTLETS):
                break  # `قال السيد لبي بي سي`: whom he told
            if ba and self._ba_noun(k):
                break
            if obj and k > j and self._announced(k) and (ws[j].key.startswith(("ال", "وال")) or any(
                    x.type in ("PER", "ORG") and x.start <= ws[j].start < x.end
                    for x in self.article.entities)):
                break  # a speaker is definite or named: `ويؤكد استمرار استخدام … انطلاق` has none
            if w.key in sp.SPEAKER_STOP and not (w.key in sp.NAME_HOMOGRAPHS and w.text[-1] == "ي"):
                break  # `على` stops a phrase, the name `علي` does not
            if w.key in sp.COMPLEMENTIZERS or w.key in sp.PARTICIPLES or self._cue(w)[1] \
                    or w.key in sp.ATTRIBUTION_HEADS:
                break
            if k == j and w.key.startswith(sp.TITLE_PREFIXES + ("بال",)):
                break  # `بالقول`, `والأوقاف`: no speaker starts with a preposition and ال
            if k == j and len(w.key) > 4 and w.key[0] == "ل" and w.key.endswith(sp.OBJECT_SUFFIXES):
                break  # `أكدت لجمهورها أن`: whom it was said to
            if k > j and "\n" in self.text[ws[k - 1].end:w.start]:
                break
            k += 1
        return k

    def _named_after(self, a: int, np_end: int, trigger: int, speaker: _Speaker) -> _Speaker | None:
        """The person a speaker phrase closes on past its first stop: an apposition (`مستشارة …
        للرئيس باراك أوباما، سوزان رايس، …`) or a title's place or body (`سفير الكويت لدى الأمم
        المتحدة منصور العتيبي`, `العضو المنتدب في شركة … مايكل سمارت`)."""
        ws = self.ws
        if np_end >= trigger:
            return None
        stop = ws[np_end]
        cands = [x for x in self.ents if x.type == "PER" and stop.end <= x.start < ws[trigger].start]
        if not cands:
            return None
        ent = cands[0] if stop.text in "،," else cands[-1]  # `في شركة … مايكل سمارت`: the last one
        between = [w for w in ws[np_end:trigger] if w.end <= ent.start]
        after = [w for w in ws[np_end:trigger] if w.start >= ent.end]
        if stop.text in "،," and len(between) == 1 and (not after or not is_word(after[0])):
            pass  # `…، سوزان رايس، يوم الأحد:`: the name in apposition is the speaker
        elif between and any(v in EVENT_NOUNS for v in strip_prefix(between[-1].key, ("و", "ب", "ل"))):
            return None  # `نفى مصدر في القنصلية مقتل خاشقجي`: the person the words are about
        elif speaker.entity is None and ws[a].key in sp.TITLE_HEADS | sp.SPEAKER_HEADS and \
                len(between) <= sp.BRIDGE_MAX_WORDS and all(
                    w.key in sp.BRIDGE_WORDS or w.text in ("(", ")") or (
                        is_word(w) and w.key not in sp.SPEAKER_STOP and not self._cue(w)[1])
                    for w in between):
            pass
        else:
            return None
        title = self.text[ws[a].start:ent.start].strip().rstrip(" ،,") or None
        return _Speaker(ent.text, ent.start, ent.end, title, self._entity_for(ent.start, ent.end,
                                                                              ent.text))

    def _described_by(self, a: int, np_end: int, trigger: int, speaker: _Speaker) -> _Speaker | None:
        """A description and the body it belongs to (`مسؤول في البيت الأبيض`, `مصدر في وزارة
        الداخلية`): the speaker phrase runs on to that body, which is the speaker's entity."""
        ws = self.ws
        head = ws[a].key.removeprefix("ال")
        if head not in sp.DESCRIPTION_HEADS or np_end + 1 >= trigger or \
                ws[np_end].key not in ("في", "من", "ب", "لدي"):
            return None
        nxt = ws[np_end + 1]
        ent = next((x for x in self.article.entities if x.type in ("ORG", "LOC", "PER")
                    and x.start <= nxt.start < x.end and x.end <= ws[trigger].start), None)
        if ent is None:
            return None
        s, e = ws[a].start, ent.end
        return _Speaker(self.text[s:e], s, e, None, ent.canonical or ent.text, None, "description")

    def _relayed(self, np_end: int, trigger: int, speaker: _Speaker, lemma: str) -> _Speaker:
        """`نقلت وكالة الأناضول عن وزارة الخارجية أنه …`, `قالت رويترز نقلا عن مصادر إن …`: the one
        it was taken from speaks; the phrase before relayed it (`via`)."""
        ws = self.ws
        k = np_end
        while k < trigger:
            if ws[k].key == "عن" and (lemma in sp.RELAY_CUES or (k > 0 and ws[k - 1].key == "نقلا")):
                break
            k += 1
        if k + 1 >= trigger:
            return speaker
        end = self._speaker_np(k + 1, ws[trigger].start)
        if end == k + 1:
            return speaker
        src = self._speaker_from(k + 1, min(end, trigger))
        src.via = speaker.entity or speaker.text
        return src

    def _speaker_from(self, a: int, b: int) -> _Speaker:
        """Split words a..b into a title and a speaker span, and link the speaker to an entity."""
        ws = self.ws
        np_s, np_e = ws[a].start, ws[b - 1].end
        s, e, title = np_s, np_e, None
        ent = next((x for x in self.ents if x.type == "PER" and np_s <= x.start < np_e), None)
        org = next((x for x in self.ents if x.type == "ORG" and x.start < ws[min(a + 1, b - 1)].end
                    and np_s < x.end), None)
        if org is not None and ent is not None and ent.start >= org.end and \
                self.text[org.end:ent.start].strip(" ،,"):
            # `وأكدت وكالة وفا نجاة الحمد الله …`: the body speaks; the person after it is the object
            e = min(org.end, np_e)
            return _Speaker(self.text[np_s:e], np_s, e, None, org.canonical or org.text)
        if ent is not None:
            s, e = ent.start, min(ent.end, np_e)
            if self._speaks_for(a, b, ent.start):
                e = min(ent.end, np_e)  # the spokesman speaks; the name is whom he speaks for
                return _Speaker(self.text[np_s:e], np_s, e, None, None, None, "description")
        else:
            first, last = _name_span([w.key for w in ws[a:b]])
            s, e = ws[a + first].start, ws[a + last - 1].end
        if s > np_s:
            title = self.text[np_s:s].strip()
            title = title.rstrip(" ،,") or None
        text = self.text[s:e]
        named = ent is not None or any(x.start < e and s < x.end for x in self.ents)
        return _Speaker(text, s, e, title, self._entity_for(s, e, text), None,
                        "named" if named else "description")

    def _speaks_for(self, a: int, b: int, name_start: int) -> bool:
        """`متحدث باسم رئيس الوزراء البلجيكي شارل ميشال`: the name after `باسم` + a person's title
        is the principal's, not the spokesman's (`المتحدث باسم الوزارة اللواء …` is the spokesman)."""
        ws = self.ws
        if ws[a].key not in sp.SPOKESMAN_HEADS:
            return False
        for k in range(a + 1, b - 1):
            if ws[k].start >= name_start:
                break
            if ws[k].key == "باسم" and ws[k + 1].key in sp.TITLE_HEADS:
                return True
        return False

    def _left_subject(self, i: int, prefixed: bool) -> _Speaker | None:
        """A subject written before its cue verb (`لافروف قال إن …`, `كان الرئيس …، قد أكد أنه`)."""
        if prefixed:
            return None
        if i > 1 and self.ws[i - 1].key == "قد":
            i -= 1
            while i > 1 and self.ws[i - 1].text in ",،":
                i -= 1
        if self._clause_start(i):
            return None
        j = i - 1
        while j >= 0 and is_word(self.ws[j]) and self.ws[j].key not in sp.OPENERS and i - j <= 6:
            if "\n" in self.text[self.ws[j].end:self.ws[j + 1].start]:
                break
            j -= 1
        a = j + 1
        if a >= i or not (j < 0 or not is_word(self.ws[j]) or self.ws[j].key in sp.OPENERS
                          or "\n" in self.text[self.ws[j].end:self.ws[a].start]):
            return None
        # Without a named entity there, only a phrase headed like a speaker is taken as one
        # (`وزارة الدفاع قالت`, `مصادر أمنية قالت`), not any clause before the verb.
        s, e = self.ws[a].start, self.ws[i - 1].end
        ent = next((x for x in self.ents if x.start < e and s < x.end), None)
        if ent is not None:
            while a < i - 1 and self.ws[a].end <= ent.start:
                a += 1  # `ويذكر أن الجيش السوري قال`: the subject starts at the entity
        elif not (self.ws[a].key in sp.SPEAKER_HEADS or self.ws[a].key in sp.TITLE_HEADS
                  or self.ws[a].key in sp.RANKS):
            return None
        return self._speaker_from(a, i)

    def _continuing(self, i: int, prefixed: bool) -> _Speaker | None:
        """The last speaker, for a cue with no subject that opens a clause (`وأضاف أن …`) close after
        that speaker's last words; a cue inside a clause (`رجلا … يحمل كيسا قال إنه …`) has its own
        implicit subject, and a speaker paragraphs back is no longer the topic."""
        if self.last is None or self.ws[i].start - self.last_end > CONTINUATION_GAP:
            return None
        if not (prefixed or self._continuation_start(i)):
            return None
        if "\n" in self.text[self.last_end:self.ws[i].start] and not self._opens_paragraph(i) and \
                self._other_person(self.last_end, self.ws[i].start):
            return None  # a new paragraph that speaks of someone else first has its own subject
        x = self.last
        verb = _verb_gender(self.ws[i].key)
        if verb is not None and _speaker_gender(x) not in (None, verb):
            # `وقالت` after `مجلس الإدارة`: the verb does not agree with the last speaker; the latest
            # earlier speaker it may agree with (a name's gender is not read), close enough, is its
            # subject (else none)
            agreeing = next((y for y in reversed(self.speakers) if _speaker_gender(y) in (verb, None)
                             and y.end is not None and self.ws[i].start - y.end <= CONTINUATION_GAP), None)
            if agreeing is None:
                return None
            x = agreeing
        return _Speaker(x.text, x.start, x.end, x.title, x.entity, x.via, "continued")

    def _other_person(self, s: int, e: int) -> bool:
        """A person other than the last speaker is named or described in [s, e) (`لكنّ أحد دبلوماسيي
        الدول الأعضاء …، قال إن`)."""
        for w in self.ws[bisect_left(self.starts, s):bisect_left(self.starts, e)]:
            if w.key in sp.DESCRIPTION_HEADS or w.key == "احد" or w.key in sp.SPEAKER_HEADS:
                return True
        mine = _name_keys((self.last.entity or self.last.text or "") if self.last else "")
        for x in self.ents:
            if x.type == "PER" and s <= x.start < e:
                k = _name_keys(x.canonical or x.text)
                if not (mine and k and (_contains(k, mine) or _contains(mine, k))):
                    return True
        return False

    def _opens_paragraph(self, i: int) -> bool:
        """Only openers (`وأضاف`, `من جهته أكد`) stand between word i and the start of its line."""
        j = i - 1
        while j >= 0:
            if "\n" in self.text[self.ws[j].end:self.ws[j + 1].start]:
                return True
            w = self.ws[j]
            if is_word(w) and w.key not in sp.OPENERS and w.key not in sp.CONTINUATION_SUBJECTS:
                return False
            if not is_word(w) and w.text not in ",،":
                return False
            j -= 1
        return True

    def _continuation_start(self, i: int) -> bool:
        """Only openers and subject pronouns (`لكنه أكد`, `وهو يقول`) stand before word i in its clause,
        or the clause opens on its topic (`وعن طبيعة الحرب أوضح أن`)."""
        j = i - 1
        first: Word | None = None
        plain = True
        while j >= 0:
            w = self.ws[j]
            if not is_word(w):
                if w.text not in ".!?؟؛,،:" and "\n" not in self.text[w.end:self.ws[j + 1].start]:
                    return False
                break
            first = w
            if w.key not in sp.OPENERS and w.key not in sp.CONTINUATION_SUBJECTS:
                plain = False
            if "\n" in self.text[w.end:self.ws[j + 1].start]:
                break
            j -= 1
        return plain or (first is not None and first.key in sp.TOPIC_OPENERS)

    def _ent_keys(self) -> list[tuple[Entity, list[frozenset[str]]]]:
        """Each entity with its name's word readings, built on first use (one per distinct name)."""
        if self._ent_keys_cache is None:
            by_name: dict[str, list[frozenset[str]]] = {}
            self._ent_keys_cache = [
                (e, by_name.setdefault(e.canonical or e.text, _name_keys(e.canonical or e.text)))
                for e in self.ents]
        return self._ent_keys_cache

    def _entity_for(self, s: int, e: int, text: str) -> str | None:
        for ent in self.ents:
            if ent.start < e and s < ent.end:
                return ent.canonical or ent.text
        toks = _name_keys(text)
        if not toks:
            return None
        best: Entity | None = None
        for ent, ek in self._ent_keys():
            if _contains(ek, toks) and (best is None or ent.start < s):
                best = ent
        if best is not None:
            return best.canonical or best.text
        if len(toks) == 1 and key(text) in sp.ANAPHORIC_HEADS:
            head = toks[0]
            for ent, ek in reversed(self._ent_keys()):
                if ent.type == "ORG" and ek and ek[0] & head and ent.start < s:
                    return ent.canonical or ent.text
            for prev in reversed(self.speakers):
                pk = _name_keys(prev.entity or prev.text or "")
                if len(pk) > 1 and pk[0] & head:
                    return prev.entity or prev.text
        return None

    # ---- bounds ---------------------------------------------------------------------------------
    def _sentence_end(self, pos: int) -> int:
        """Where the content of the sentence holding `pos` ends (before its final marks); `pos` itself
        when that sentence has already ended there (between two sentences, or on its final marks)."""
        i = bisect_right(self.sent_starts, pos) - 1
        if i < 0:
            return self.sent_ends[0] if self.sents else len(self.text)
        return max(pos, self.sent_ends[i]) if pos < self.sents[i][1] else pos

    def _sentence_start(self, pos: int) -> int:
        """Where the sentence holding `pos` starts (the end of the one before, between two)."""
        i = bisect_right(self.sent_starts, pos) - 1
        if i < 0:
            return 0
        s, e = self.sents[i]
        return s if pos < e else e


# Quotes scoring below this confidence are left out of the record (precision first; see README).
QUOTE_THRESHOLD = 0.5
# Base confidence of each way of finding a quote (measured on the dev set: README "Quotes").
_PATH_BASE = {"cue": 0.9, "before_cue": 0.85, "participle": 0.85, "attribution": 0.8,
              "headline": 0.8, "object": 0.8, "relative": 0.8, "retro": 0.7}
# Single-word "speakers" that are no one (`قال فيه أكثر من 53 في المائة`).
_NO_ONE = frozenset({"اكثر", "اقل", "نحو", "حوالي", "ان", "انه", "انها", "الذي", "التي", "بعض"})


def confidence(*, path: str, kind: str, direct: bool, cue: str | None, speaker: str,
               distance: int) -> float:
    """How likely a quote's words and speaker are both right, in [0, 1]: a base for the rule that
    found it (`_PATH_BASE`), less for a description or a continued speaker (more so far from where
    that speaker was named), a weak cue verb, a long or empty-looking speaker phrase; more for
    quotation marks. A simple additive score, checked against the dev quotes (README "Quotes")."""
    c = _PATH_BASE.get(path, 0.8)
    if direct:
        c += 0.05
    if kind == "description":
        c -= 0.05
    elif kind == "continued":
        c -= 0.1 if distance <= 300 else 0.2
    if cue is not None and any(sp.CUE_VERBS.get(w) == cue for w in sp.WEAK_CUES):
        c -= 0.1
    n = len(speaker.split())
    if n > 6:
        c -= 0.15
    if n == 0 or (n == 1 and key(speaker) in _NO_ONE):
        c -= 0.4
    return round(min(0.99, max(0.01, c)), 2)


def _content_end(text: str, start: int, end: int) -> int:
    """The end of sentence `[start, end)` without its final terminator marks and the closers after them."""
    j = end
    while j > start and text[j - 1] in CLOSERS:
        j -= 1
    if j == end or (j > start and text[j - 1] in TERMINATORS):
        k = j
        while k > start and text[k - 1] in TERMINATORS:
            k -= 1
        if k < j:
            return k
    return end


def _close_quote(text: str, open_pos: int, line_end: int) -> int:
    """The offset of the mark that closes the quote opened at `open_pos` (or the line's end)."""
    guillemet = text[open_pos] == sp.GUILLEMET_OPEN
    depth = 0
    j = open_pos + 1
    while j < line_end:
        ch = text[j]
        if guillemet:
            if ch == sp.GUILLEMET_OPEN:
                depth += 1
            elif ch == sp.GUILLEMET_CLOSE:
                if depth == 0:
                    return j
                depth -= 1
        elif ch == sp.GUILLEMET_OPEN:
            depth_g = text.find(sp.GUILLEMET_CLOSE, j, line_end)
            j = depth_g if depth_g > 0 else j
        elif ch in sp.QUOTE_MARKS:
            if depth:
                depth = 0
            elif _opens_nested(text, j, line_end):
                depth = 1
            else:
                return j
        j += 1
    return line_end


def _unclosed_end(text: str, open_pos: int, line_end: int) -> int:
    """Where a quotation with no closing mark ends: its line, or, past UNCLOSED_MAX_WORDS words, the
    first sentence stop after that many words (a lost mark must not swallow a whole column)."""
    words = 0
    for m in re.finditer(r"\S+", text[open_pos:line_end]):
        words += 1
        if words >= UNCLOSED_MAX_WORDS and m.group()[-1] in ".!?؟":
            return open_pos + m.end()
    return line_end


def _opens_nested(text: str, j: int, line_end: int) -> bool:
    """A mark glued to the next word and closed again within a few words opens a scare quote."""
    if j + 1 >= line_end or not text[j + 1].isalpha():
        return False
    m = re.match(r"[\w\u064b-\u0652]+", text[j + 1:line_end])
    if m and key(m.group()) in sp.PARTICIPLES:
        return False
    for n, ch in enumerate(text[j + 1:line_end]):
        if ch in sp.QUOTE_MARKS:
            return len(text[j + 1:j + 1 + n].split()) <= NESTED_MAX_WORDS
    return False


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _TRIM_LEFT:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    return s, e


def _trim_marks(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop an unpaired quotation mark at either edge of reported content."""
    if sum(ch in sp.QUOTE_MARKS for ch in text[s:e]) % 2:
        if text[e - 1] in sp.QUOTE_MARKS:
            e -= 1
        elif text[s] in sp.QUOTE_MARKS:
            s += 1
    return _trim(text, s, e)


_PROCLITICS = view("وال", "بال", "فال", "لل", "ال", "و", "ب", "ل", "ف")


def _name_keys(s: str) -> list[frozenset[str]]:
    """Each word of a name as the set of its readings with and without a proclitic."""
    return [frozenset(strip_prefix(w.key, _PROCLITICS, min_rest=3))
            for w in words(s) if is_word(w)]


def _contains(big: list[frozenset[str]], small: list[frozenset[str]]) -> bool:
    n = len(small)
    return any(all(x & y for x, y in zip(big[i:i + n], small, strict=True)) for i in range(len(big) - n + 1))


def _name_span(keys: list[str]) -> tuple[int, int]:
    """(first, end) word indexes of the name in a speaker phrase; (0, len) when it has no title.

    `وزير الخارجية الروسي سيرغي لافروف`: the name is the run at the end after the title's words.
    `العقيد عبدالمنعم الحيزان الناطق الإعلامي …`: a rank first, the name right after it.
    A word with ال joins a name only as its last word (`حيدر العبادي`, `أحمد أبو الغيط`).
    """
    n = len(keys)

    def titled(k: str) -> bool:
        return (k in sp.TITLE_HEADS or k in sp.RANKS or k in sp.TITLE_GLUE
                or k.startswith(sp.TITLE_PREFIXES))

    if not keys:
        return 0, 0
    if keys[0] in sp.RANKS and n > 1 and not titled(keys[1]) and not keys[1].startswith("ال"):
        k = 1
        while k < n and not titled(keys[k]):
            k += 1
            if keys[k - 1].startswith("ال"):
                break
        return 1, k
    if not (titled(keys[0]) or keys[0].removeprefix("ال") in sp.TITLE_HEADS):
        return 0, n
    i = n
    while i > 1:
        w = keys[i - 1]
        if titled(w) or (w.startswith("ال") and i < n):
            break
        if w.startswith("ال") and (keys[i - 2].startswith("ال") or titled(keys[i - 2])):
            break
        i -= 1
    return (i, n) if i < n else (0, n)
