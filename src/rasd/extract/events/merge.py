"""Mentions of one event within an article, merged into one event with all its spans.

A report names its main event in the title, again in the lead and often once more further down
(`اعتقال روسية` ... `واعتقلت ماريا بوتينا الأحد` ... `وجاء إعلان اعتقالها`). Two events are mentions
of one when they have the same type and modality, nothing they say contradicts (no two different
actors, recipients, places or dates), and something ties them: a shared actor or recipient, or, for
the title's event alone, the first compatible mention after it (the lead that tells the title's
story; a third mention with no shared argument may be another event of the same type).

The merged event is the mention that says the most (actor, recipient, place, date; the earlier on a
tie), with what it lacks filled from the others; `mentions` lists the spans of every sentence that
reports it, in text order.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from rasd.model import Event, PlaceRef


def _agree(a: Sequence[str], b: Sequence[str]) -> bool:
    return not a or not b or bool(set(a) & set(b))


def _same_place(a: PlaceRef | None, b: PlaceRef | None) -> bool:
    if a is None or b is None:
        return True
    if a.name == b.name:
        return True
    # a country and a place inside it are no contradiction; two places of one country are
    return a.country is not None and a.country == b.country and (a.admin1 is None) != (b.admin1 is None)


def compatible(a: Event, b: Event) -> bool:
    """Nothing in `a` contradicts `b`: same type and modality, no two different arguments."""
    return (a.type == b.type and a.modality == b.modality and _agree(a.actor, b.actor)
            and _agree(a.recipient, b.recipient) and _same_place(a.place, b.place)
            and (a.date is None or b.date is None or a.date == b.date))


def tied(a: Event, b: Event) -> bool:
    """A shared actor or recipient says `a` and `b` are one event."""
    return bool(set(a.actor) & set(b.actor)) or bool(set(a.recipient) & set(b.recipient))


def _joins(e: Event, group: list[Event], title_end: int) -> bool:
    if not all(compatible(e, x) for x in group):
        return False
    if any(tied(e, x) for x in group):
        return True
    # the title's event, still alone, takes the first compatible mention after the title
    return len(group) == 1 and group[0].end <= title_end < e.start


def _said(e: Event) -> int:
    return sum(1 for v in (e.actor, e.recipient, e.place, e.date) if v)


def _merged(group: list[Event]) -> Event:
    best = max(group, key=lambda e: (_said(e), -e.start))
    out = replace(best, actor=list(best.actor), recipient=list(best.recipient), counts=dict(best.counts),
                  mentions=[[s, t] for s, t in sorted({(e.start, e.end) for e in group})],
                  extra=dict(best.extra))
    for e in sorted(group, key=lambda x: x.start):
        out.actor = out.actor or list(e.actor)
        out.recipient = out.recipient or list(e.recipient)
        out.place = out.place or e.place
        out.date = out.date or e.date
        out.mode = out.mode or e.mode
        for kind, n in e.counts.items():
            out.counts[kind] = max(out.counts.get(kind, 0), n)
        if e.confidence is not None and (out.confidence is None or e.confidence > out.confidence):
            out.confidence = e.confidence
    return out


def merge_mentions(events: list[Event], title_end: int = 0) -> list[Event]:
    """The article's events (in text order) with the mentions of one event merged, in the order of
    their first mention. `title_end` is where the title ends in the text (0 when it does not open it).
    """
    groups: list[list[Event]] = []
    for e in events:
        home = next((g for g in groups if _joins(e, g, title_end)), None)
        if home is None:
            groups.append([e])
        else:
            home.append(e)
    out = []
    for g in groups:
        if len(g) == 1:
            e = g[0]
            e.mentions = [[e.start, e.end]]
            out.append(e)
        else:
            out.append(_merged(g))
    return out  # each group keeps the place of its first member


__all__ = ["compatible", "merge_mentions", "tied"]
