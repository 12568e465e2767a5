"""Build an Article from a RawDocument: title, body paragraphs, boilerplate removed, metadata
normalized, language detected. The cleaning itself is the pure string functions of `rasd.text.clean`."""
from __future__ import annotations

from rasd.errors import InputError
from rasd.lang.ar import boilerplate as bp
from rasd.model import Article, Removed
from rasd.readers import limits
from rasd.readers.decode import fold_presentation_forms
from rasd.readers.language import ARABIC, detect_language, language_warning
from rasd.readers.raw import RawDocument, SkippedItem
from rasd.text.clean import article_id, body_lines, clean_lines, normalize_date, text_key, title_from_url

NO_DATE_WARNING = "no publication date: relative dates unresolved"
ONE_PARAGRAPH_WARNING = "one paragraph only: it is the title, the body is empty"


def _wants_story_rule(raw: RawDocument) -> bool:
    marks = " ".join(x for x in (raw.source, raw.url, raw.source_hint) if x).lower()
    return any(o in marks for o in bp.RELATED_STORY_OUTLETS)


def _wants_headline_rule(raw: RawDocument, lines: list[str]) -> bool:
    marks = " ".join(x for x in (raw.source, raw.url, raw.source_hint) if x).lower()
    if any(o in marks for o in bp.RELATED_HEADLINE_OUTLETS):
        return True
    return any("بي بي سي" in line and "إشعارات" in line for line in lines[-3:])


def check_size(raw: RawDocument) -> str | None:
    """The limit a raw document passes (article characters, body lines), as its refusal reason."""
    chars = len(raw.body or "") + len(raw.title or "")
    if chars > limits.MAX_ARTICLE_CHARS:
        return limits.article_too_large(chars)
    lines = (raw.body or "").count("\n") + 1
    if lines > limits.MAX_ARTICLE_LINES:
        return limits.too_many_lines(lines)
    return None


def build_article(raw: RawDocument, *, published: str | None = None, source: str | None = None) -> Article:
    """The Article for one raw document; raises SkippedItem when it holds no text, InputError when it
    passes a limit of `rasd.readers.limits`.

    `published` and `source` fill in what the input does not carry (the input's value wins).
    """
    too_big = check_size(raw)
    if too_big:
        raise InputError(raw.origin, too_big)
    # Folded again here: JSON escapes and HTML entities can spell presentation forms in ASCII.
    lines = body_lines(fold_presentation_forms(raw.body or ""))
    title = " ".join(fold_presentation_forms(raw.title or "").split())
    # A plain-text input of one line (a headline piped on standard input) is a one-paragraph
    # article: that line is its title and its text. An item of a structured input (JSON, SGML,
    # HTML, feed) with a title and no body is a page scraped without its story: empty.
    if not lines and not (title and raw.fmt == "text"):
        raise SkippedItem(raw.origin, "empty article, skipped")
    warnings = list(raw.notes)
    if lines:
        kept, removed, trailer = clean_lines(lines, related_headlines=_wants_headline_rule(raw, lines),
                                             related_stories=_wants_story_rule(raw))
    else:
        kept, removed, trailer = [], [], None
        warnings.append(ONE_PARAGRAPH_WARNING)
    if not title:
        title = title_from_url(raw.url) or ""
        if title:
            warnings.append("no title in the input: title taken from the URL")
        elif len(kept) > 1 and kept[0].count(" ") < 25:
            title = kept.pop(0)
            warnings.append("no title in the input: title taken from the first line")
    if len(kept) > 1 and text_key(kept[0]) == text_key(title):
        removed.insert(0, Removed(kept.pop(0), "title-repeat"))
    if lines and not kept:
        # The whole body matched boilerplate rules (a bare "link to the story" item): keep it as
        # it is rather than drop an article the input does carry.
        kept, removed = lines, []
        warnings.append("body holds only boilerplate: kept uncleaned")
    if not title:
        words = kept[0].split()
        title = " ".join(words[:12]) + (" …" if len(words) > 12 else "")
        warnings.append("no title in the input: title made from the first words of the body")

    date = normalize_date(raw.published)
    if raw.published and date is None:
        warnings.append(f"unreadable publication date {raw.published.strip()!r}: ignored")
    if date is None and published:
        date = normalize_date(published)
    if date is None:
        warnings.append(NO_DATE_WARNING)
    outlet = (raw.source or "").strip() or trailer or (raw.source_hint or "").strip() or source or None
    text = title + "\n" + "\n".join(kept)
    language = detect_language(text)
    if language != ARABIC:
        warnings.append(language_warning(language))

    return Article(
        id=article_id(doc_id=raw.doc_id, source=outlet, url=raw.url, title=title, body="\n".join(kept)),
        text=text, title=title, source=outlet, language=language,
        url=(raw.url or "").strip() or None, published=date,
        category=(raw.category or "").strip() or None, author=(raw.author or "").strip() or None,
        removed=removed, warnings=warnings,
    )
