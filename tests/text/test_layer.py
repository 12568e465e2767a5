"""The per-article text layer: words and sentences once per article, shared, thread-safe."""
from __future__ import annotations

import copy
import pickle
from concurrent.futures import ThreadPoolExecutor

from rasd.extract.wordscan import article_words, sentence_bounds, words
from rasd.model import Article
from rasd.text.layer import TextLayer, sentences_stage, text_layer
from rasd.text.sentences import split_sentences
from rasd.text.tokens import scan_words


def _article(i: int) -> Article:
    text = f"قال الوزير {i} إن بالعراق {'كلمة ' * (i % 7)}أمس. وأكد الرئيس ذلك\u200f اليوم."
    return Article(id=str(i), text=text, title="")


def test_words_are_computed_once_per_article_and_shared():
    a = _article(3)
    first = article_words(a)
    assert article_words(a) is first and text_layer(a).words is first
    assert first == scan_words(a.text) == words(a.text)
    assert [w.key for w in first][:2] == ["قال", "الوزير"]


def test_layer_follows_the_text():
    a = _article(1)
    old = text_layer(a)
    a.text = a.text + " جديد"
    assert text_layer(a) is not old and text_layer(a).text is a.text


def test_sentences_come_from_the_article_or_the_one_splitter():
    a = _article(2)
    assert sentence_bounds(a) == split_sentences(a.text)  # not yet split by the stage
    sentences_stage(a)
    assert a.sentences == split_sentences(a.text) == sentence_bounds(a)


def test_stems_use_the_proclitic_table():
    a = Article(id="x", text="وبالعراق والوزير لندن", title="")
    assert text_layer(a).stems() == ["عراق", "وزير", "لندن"]


def test_layer_is_not_part_of_the_record_nor_of_equality():
    a = _article(4)
    b = _article(4)
    article_words(a)
    assert a == b and "layer" not in a.to_dict()
    assert copy.deepcopy(a).layer is a.layer  # `asdict` must not copy a whole token list
    back = pickle.loads(pickle.dumps(a))
    assert isinstance(back.layer, TextLayer) and back.layer.words == a.layer.words


def test_threads_get_their_own_articles_words():
    # The old module-level cache was read twice: under threads one article could get another's words.
    articles = [_article(i) for i in range(400)]
    expected = [[(w.text, w.start, w.end, w.key) for w in scan_words(a.text)] for a in articles]

    def run(a: Article) -> list[tuple[str, int, int, str]]:
        got = [(w.text, w.start, w.end, w.key) for w in article_words(a)]
        got2 = [(w.text, w.start, w.end, w.key) for w in words(a.text)]
        assert got == got2
        return got

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(run, articles))
    assert results == expected
