"""An article's text as escaped HTML with every fact's characters marked, and the list of those facts.

Facts overlap (an event spans a sentence that holds a quote that names a person), so the text is cut
at every fact boundary and each piece carries the classes of all the facts covering it
(`data-facts` lists their ids). Each fact also gets an anchor at its first character (`id="f-q3"`),
so the fact list beside the text links to it (`href="#f-q3"`). All text is escaped here; nothing
from the article reaches the page unescaped.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

KIND_LABELS = {"entity": "كيان", "quote": "اقتباس", "count": "عدد", "date": "تاريخ", "event": "حدث",
               "place": "مكان"}


@dataclass(frozen=True)
class Fact:
    """One highlighted fact: `fid` (anchor id), its kind and css class, span, label and detail."""

    fid: str
    kind: str
    css: str
    start: int
    end: int
    label: str
    detail: str
    text: str


def _span(item: dict[str, Any], n: int) -> tuple[int, int] | None:
    s, e = item.get("start"), item.get("end")
    if isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= n:
        return s, e
    return None


def facts_of(record: dict[str, Any]) -> list[Fact]:
    """The record's facts with valid spans, in text order."""
    text = record.get("text") or ""
    n = len(text)
    out: list[Fact] = []
    for i, e in enumerate(record.get("entities") or []):
        sp = _span(e, n)
        if sp:
            out.append(Fact(f"e{i}", "entity", f"ent ent-{e.get('type', 'MISC')}", *sp,
                            str(e.get("type", "")), str(e.get("canonical") or e.get("text") or ""),
                            text[sp[0]:sp[1]]))
    for i, q in enumerate(record.get("quotes") or []):
        sp = _span(q, n)
        if sp:
            who = q.get("speaker_entity") or q.get("speaker") or "؟"
            via = f" (عبر {q['via']})" if q.get("via") else ""
            out.append(Fact(f"q{i}", "quote", "quote" + (" direct" if q.get("direct") else ""), *sp,
                            str(who) + via, str(q.get("cue") or ""), text[sp[0]:sp[1]]))
    for i, c in enumerate(record.get("counts") or []):
        sp = _span(c, n)
        if sp:
            place = (c.get("place") or {}).get("name")
            detail = f"{c.get('kind')} {c.get('count')}" + (f" · {place}" if place else "")
            if c.get("claimed_by"):
                detail += f" · حسب {c['claimed_by']}"
            out.append(Fact(f"c{i}", "count", f"count kind-{c.get('kind')}", *sp, str(c.get("kind")),
                            detail, text[sp[0]:sp[1]]))
    for i, d in enumerate(record.get("dates") or []):
        sp = _span(d, n)
        if sp:
            out.append(Fact(f"d{i}", "date", "date", *sp, str(d.get("value") or d.get("date") or ""),
                            str(d.get("calendar") or ""), text[sp[0]:sp[1]]))
    for i, ev in enumerate(record.get("events") or []):
        sp = _span(ev, n)
        if sp:
            actor = "، ".join(ev.get("actor") or [])
            recipient = "، ".join(ev.get("recipient") or [])
            place = (ev.get("place") or {}).get("name")
            bits = [b for b in (actor and f"من {actor}", recipient and f"إلى {recipient}",
                                place and f"في {place}", ev.get("date") and str(ev.get("date"))) if b]
            if ev.get("negated"):
                bits.append("منفي")
            out.append(Fact(f"v{i}", "event", f"event type-{ev.get('type')}", *sp, str(ev.get("type")),
                            " · ".join(bits), text[sp[0]:sp[1]]))
    out.sort(key=lambda f: (f.start, -f.end, f.fid))
    return out


def render_text(text: str, facts: list[Fact]) -> str:
    """The escaped text cut at fact boundaries, pieces wrapped in <span> with the covering facts'
    classes; paragraphs (line breaks) become <p>; every fact's anchor sits at its first character."""
    cuts = {0, len(text)}
    for f in facts:
        cuts.add(f.start)
        cuts.add(f.end)
    for i, ch in enumerate(text):
        if ch == "\n":
            cuts.add(i)
            cuts.add(i + 1)
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    starts: dict[int, list[Fact]] = {}
    for f in facts:
        starts.setdefault(f.start, []).append(f)
    parts: list[str] = ["<p>"]
    for a, b in zip(points, points[1:], strict=False):
        for f in starts.get(a, []):
            parts.append(f'<a class="anchor" id="f-{f.fid}"></a>')
        piece = text[a:b]
        if piece == "\n":
            parts.append("</p><p>")
            continue
        covering = [f for f in facts if f.start <= a and b <= f.end]
        if not covering:
            parts.append(html.escape(piece))
            continue
        classes = " ".join(sorted({c for f in covering for c in f.css.split()}))
        ids = " ".join(f.fid for f in covering)
        parts.append(f'<span class="hl {classes}" data-facts="{ids}">{html.escape(piece)}</span>')
    parts.append("</p>")
    return "".join(parts).replace("<p></p>", "")


__all__ = ["Fact", "KIND_LABELS", "facts_of", "render_text"]
