"""The store side of story clustering (`rasd/stories.py`): signatures, LSH buckets, story ids, stories.

A mixin of `SqlStore`: plain SQL both backends speak, over the tables of migration 2 and the
`articles.story` column and `stories` table of migration 1. The clustering logic itself lives in
`rasd.stories`; this module only reads and writes.
"""
from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from rasd.store.connection import SqlConnection


@dataclass(frozen=True)
class StoryRow:
    """What story assignment writes for one article: its signature, its LSH buckets and its story."""

    article_id: str
    published: str | None
    signature: bytes
    buckets: tuple[int, ...]
    story: str


class StorySql(SqlConnection):
    """Reads and writes of story clustering; mixed into SqlStore (whose backend runs the statements)."""

    # --- settings ----------------------------------------------------------------------------------

    def story_settings(self) -> dict[str, str]:
        return {str(k): str(v) for k, v in self._execute("SELECT name, value FROM story_settings").fetchall()}

    def reset_story_signatures(self, settings: dict[str, str]) -> None:
        """Drop every signature and bucket (made with other parameters) and record the new settings;
        story ids already given stay."""
        with self._transaction():
            self._execute("DELETE FROM story_buckets")
            self._execute("DELETE FROM story_signatures")
            self._execute("DELETE FROM story_settings")
            self._executemany("INSERT INTO story_settings (name, value) VALUES (?, ?)",
                              sorted(settings.items()))

    # --- assignment --------------------------------------------------------------------------------

    def story_candidates(self, buckets: Sequence[int]
                         ) -> list[tuple[str, str | None, str | None, bytes, str | None, str | None]]:
        """The signed articles sharing a bucket: (id, published, story, signature, and the first and
        last publication date of that story as the `stories` table holds them)."""
        if not buckets:
            return []
        marks = ", ".join("?" * len(buckets))
        rows = self._execute(
            "SELECT s.article_id, s.published, a.story, s.signature, t.first_published, t.last_published "
            "FROM story_signatures s JOIN articles a ON a.id = s.article_id "
            "LEFT JOIN stories t ON t.id = a.story WHERE s.article_id IN "
            f"(SELECT article_id FROM story_buckets WHERE bucket IN ({marks}))", list(buckets)).fetchall()
        return [(r[0], r[1], r[2], bytes(r[3]), r[4], r[5]) for r in rows]

    def unsigned_articles(self, limit: int) -> list[tuple[str, str | None, str | None, dict[str, Any], str]]:
        """Up to `limit` stored articles without a signature, oldest first: (id, published, story, record,
        folded text)."""
        rows = self._execute(
            "SELECT a.id, a.published, a.story, a.record, a.folded FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM story_signatures s WHERE s.article_id = a.id) "
            f"ORDER BY a.published NULLS LAST, a.id{self.collate} LIMIT ?", (limit,)).fetchall()
        return [(r[0], r[1], r[2], json.loads(r[3]), r[4]) for r in rows]

    def has_signature(self, article_ids: Sequence[str]) -> dict[str, str | None]:
        """Of `article_ids`, those already signed, with their story."""
        if not article_ids:
            return {}
        marks = ", ".join("?" * len(article_ids))
        rows = self._execute(f"SELECT s.article_id, a.story FROM story_signatures s JOIN articles a "
                             f"ON a.id = s.article_id WHERE s.article_id IN ({marks})",
                             list(article_ids)).fetchall()
        return {r[0]: r[1] for r in rows}

    def put_story_rows(self, rows: Sequence[StoryRow]) -> None:
        """In one transaction: the signatures and buckets, `articles.story`, and the `stories` rows of
        every story touched (first and last date, size)."""
        if not rows:
            return
        with self._transaction():
            for r in rows:
                self._execute("DELETE FROM story_buckets WHERE article_id = ?", (r.article_id,))
                self._execute("DELETE FROM story_signatures WHERE article_id = ?", (r.article_id,))
            self._executemany("INSERT INTO story_signatures (article_id, published, signature) "
                              "VALUES (?, ?, ?)",
                              [(r.article_id, r.published, r.signature) for r in rows])
            self._executemany("INSERT INTO story_buckets (bucket, article_id) VALUES (?, ?)",
                              [(b, r.article_id) for r in rows for b in r.buckets])
            self._executemany("UPDATE articles SET story = ? WHERE id = ?",
                              [(r.story, r.article_id) for r in rows])
            for story in sorted({r.story for r in rows}):
                first, last, size = self._execute(
                    "SELECT MIN(published), MAX(published), COUNT(*) FROM articles WHERE story = ?",
                    (story,)).fetchone()
                self._execute(
                    "INSERT INTO stories (id, first_published, last_published, size) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (id) DO UPDATE SET first_published = excluded.first_published, "
                    "last_published = excluded.last_published, size = excluded.size",
                    (story, first, last, int(size)))

    # --- reading -----------------------------------------------------------------------------------

    def story_records(self, story_id: str) -> Iterator[dict[str, Any]]:
        """The records of a story's articles (with `story`), oldest first."""
        rows = self._execute(f"SELECT record, story FROM articles WHERE story = ? "
                             f"ORDER BY published NULLS LAST, id{self.collate}", (story_id,)).fetchall()
        for rec, story in rows:
            record: dict[str, Any] = json.loads(rec)
            record["story"] = story
            yield record

    def story_sizes(self) -> dict[str, int]:
        """Every story id with its number of articles."""
        return {str(i): int(n) for i, n in
                self._execute("SELECT story, COUNT(*) FROM articles WHERE story IS NOT NULL "
                              "GROUP BY story").fetchall()}

    def story_rows(self) -> Iterator[tuple[str, int, str | None, str | None]]:
        """Every story of the `stories` table: (id, size, first published, last published)."""
        for r in self._execute("SELECT id, size, first_published, last_published FROM stories").fetchall():
            yield str(r[0]), int(r[1]), r[2], r[3]

    def stories_of(self, article_ids: Sequence[str]) -> dict[str, str | None]:
        """The story of each stored article among `article_ids`."""
        out: dict[str, str | None] = {}
        ids = list(article_ids)
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ", ".join("?" * len(chunk))
            out.update({r[0]: r[1] for r in self._execute(
                f"SELECT id, story FROM articles WHERE id IN ({marks})", chunk).fetchall()})
        return out


__all__ = ["StoryRow", "StorySql"]
