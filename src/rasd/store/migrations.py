"""Numbered schema migrations per backend; each runs in one transaction and is recorded in `rasd_migrations`.

A migration is never edited once released: a schema change is a new number at the end of the list.
Both backends hold the same tables; only types and the full-text index differ:

- `articles`: one row per article (id, pipeline fingerprint, the columns filters read, the full
  record as JSON text, `folded`: the search fold of its text, `story`: its story id, set by story
  clustering); unique on `canonical_url` and on `text_key`, so an exact duplicate cannot be stored
  twice.
- `sightings`: every input item an article was seen in (file or member, its own id, source, category).
- `article_entities`, `article_places`, `article_events`, `article_counts`: the facet rows.
- `stories`: one row per story (filled by story clustering).
- SQLite: `articles_fts`, an FTS5 index over `articles.folded` (external content, built-in unicode61
  tokenizer, kept in sync by triggers). PostgreSQL: a generated `tsv` column
  (`to_tsvector('simple', folded)`) with a GIN index.
- Migration 2 (story clustering, `rasd/stories.py`): `story_signatures` (each article's MinHash
  signature and date), `story_buckets` (its LSH band buckets, indexed: the candidate lookup) and
  `story_settings` (the clustering parameters the signatures were made with).
"""
from __future__ import annotations

from typing import NamedTuple


class Migration(NamedTuple):
    version: int
    name: str
    statements: tuple[str, ...]


_COMMON_TAIL = (
    """CREATE TABLE sightings (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        origin TEXT NOT NULL,
        doc_id TEXT, source TEXT, category TEXT, url TEXT,
        PRIMARY KEY (article_id, origin))""",
    "CREATE INDEX sightings_origin ON sightings(origin)",
    "CREATE INDEX sightings_category ON sightings(category, article_id)",
    """CREATE TABLE article_entities (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        name TEXT NOT NULL, name_key TEXT NOT NULL, entity_id TEXT, type TEXT NOT NULL)""",
    "CREATE INDEX article_entities_article ON article_entities(article_id)",
    "CREATE INDEX article_entities_key ON article_entities(name_key, article_id)",
    "CREATE INDEX article_entities_name ON article_entities(name, article_id)",
    "CREATE INDEX article_entities_id ON article_entities(entity_id, article_id)",
    """CREATE TABLE article_places (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        name TEXT NOT NULL, name_key TEXT NOT NULL, geonameid BIGINT, country TEXT)""",
    "CREATE INDEX article_places_article ON article_places(article_id)",
    "CREATE INDEX article_places_key ON article_places(name_key, article_id)",
    "CREATE INDEX article_places_name ON article_places(name, article_id)",
    "CREATE INDEX article_places_gid ON article_places(geonameid, article_id)",
    "CREATE INDEX article_places_country ON article_places(country, article_id)",
    """CREATE TABLE article_events (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, type TEXT NOT NULL)""",
    "CREATE INDEX article_events_article ON article_events(article_id)",
    "CREATE INDEX article_events_type ON article_events(type, article_id)",
    """CREATE TABLE article_counts (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, kind TEXT NOT NULL)""",
    "CREATE INDEX article_counts_article ON article_counts(article_id)",
    "CREATE INDEX article_counts_kind ON article_counts(kind, article_id)",
    """CREATE TABLE stories (
        id TEXT PRIMARY KEY, first_published TEXT, last_published TEXT,
        size INTEGER NOT NULL DEFAULT 0, data TEXT)""",
    "CREATE UNIQUE INDEX articles_canonical_url ON articles(canonical_url) WHERE canonical_url IS NOT NULL",
    "CREATE UNIQUE INDEX articles_text_key ON articles(text_key)",
    "CREATE INDEX articles_published ON articles(published DESC, id)",
    "CREATE INDEX articles_source ON articles(source)",
    "CREATE INDEX articles_category ON articles(category)",
    "CREATE INDEX articles_pipeline ON articles(pipeline)",
    "CREATE INDEX articles_story ON articles(story)",
)

_ARTICLE_COLUMNS = """
        id TEXT NOT NULL UNIQUE,
        pipeline TEXT, schema INTEGER,
        source TEXT, url TEXT, canonical_url TEXT, text_key TEXT NOT NULL,
        title TEXT NOT NULL, published TEXT, category TEXT, language TEXT,
        story TEXT,
        record TEXT NOT NULL,
        folded TEXT NOT NULL,
        stored_at TEXT NOT NULL"""

SQLITE: tuple[Migration, ...] = (
    Migration(1, "articles, sightings, facets, stories, fts5 index", (
        f"CREATE TABLE articles (seq INTEGER PRIMARY KEY, {_ARTICLE_COLUMNS})",
        *_COMMON_TAIL,
        "CREATE VIRTUAL TABLE articles_fts USING fts5(folded, content='articles', content_rowid='seq')",
        """CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
             INSERT INTO articles_fts(rowid, folded) VALUES (new.seq, new.folded); END""",
        """CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
             INSERT INTO articles_fts(articles_fts, rowid, folded)
             VALUES ('delete', old.seq, old.folded); END""",
        """CREATE TRIGGER articles_au AFTER UPDATE OF folded ON articles BEGIN
             INSERT INTO articles_fts(articles_fts, rowid, folded) VALUES ('delete', old.seq, old.folded);
             INSERT INTO articles_fts(rowid, folded) VALUES (new.seq, new.folded); END""",
    )),
)

POSTGRES: tuple[Migration, ...] = (
    Migration(1, "articles, sightings, facets, stories, tsvector index", (
        f"""CREATE TABLE articles (seq BIGSERIAL PRIMARY KEY, {_ARTICLE_COLUMNS},
            tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', folded)) STORED)""",
        *_COMMON_TAIL,
        "CREATE INDEX articles_tsv ON articles USING GIN (tsv)",
    )),
)


def _stories(blob: str) -> Migration:
    return Migration(2, "story signatures and LSH buckets", (
        f"""CREATE TABLE story_signatures (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            published TEXT, signature {blob} NOT NULL)""",
        """CREATE TABLE story_buckets (
            bucket BIGINT NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE)""",
        "CREATE INDEX story_buckets_bucket ON story_buckets(bucket, article_id)",
        "CREATE INDEX story_buckets_article ON story_buckets(article_id)",
        "CREATE TABLE story_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ))


SQLITE += (_stories("BLOB"),)
POSTGRES += (_stories("BYTEA"),)


# Migration 3 (search speed): the facet tables indexed by article with the facet value, so the facets
# of a matched set read one covering-index range per article (no table row); they replace the
# article-only indexes of migration 1 (a prefix of them).
_FACET_INDEXES = Migration(3, "covering facet indexes by article", (
    "CREATE INDEX article_entities_article_name ON article_entities(article_id, name)",
    "CREATE INDEX article_places_article_name ON article_places(article_id, name, country)",
    "CREATE INDEX article_events_article_type ON article_events(article_id, type)",
    "CREATE INDEX article_counts_article_kind ON article_counts(article_id, kind)",
    "DROP INDEX article_entities_article",
    "DROP INDEX article_places_article",
    "DROP INDEX article_events_article",
    "DROP INDEX article_counts_article",
))
SQLITE += (_FACET_INDEXES,)
POSTGRES += (_FACET_INDEXES,)


# Migration 4 (the desk): one row per count, event and quote of each record (`store/facts_sql.py`),
# for the aggregated count series, the map and the entity pages. Filled from the stored records when
# it runs on an older store (`SqlStore.migrate` calls `backfill_facts`).
def _facts(real: str) -> Migration:
    return Migration(4, "count, event and quote facts", (
        f"""CREATE TABLE count_facts (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            kind TEXT NOT NULL, value BIGINT NOT NULL, qualifier TEXT,
            place TEXT, place_key TEXT NOT NULL, country TEXT, lat {real}, lon {real},
            day TEXT, claimed TEXT NOT NULL, span_start INTEGER, span_end INTEGER)""",
        "CREATE INDEX count_facts_article ON count_facts(article_id)",
        "CREATE INDEX count_facts_kind ON count_facts(kind, day)",
        "CREATE INDEX count_facts_place ON count_facts(place_key, kind)",
        "CREATE INDEX count_facts_day ON count_facts(day)",
        f"""CREATE TABLE event_facts (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            type TEXT NOT NULL, place TEXT, place_key TEXT NOT NULL, country TEXT, lat {real}, lon {real},
            day TEXT, actors TEXT NOT NULL, recipients TEXT NOT NULL,
            span_start INTEGER, span_end INTEGER)""",
        "CREATE INDEX event_facts_article ON event_facts(article_id)",
        "CREATE INDEX event_facts_type ON event_facts(type, day)",
        "CREATE INDEX event_facts_place ON event_facts(place_key, type)",
        """CREATE TABLE quote_facts (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            n INTEGER NOT NULL, speaker TEXT NOT NULL, speaker_key TEXT NOT NULL, day TEXT)""",
        "CREATE INDEX quote_facts_article ON quote_facts(article_id)",
        "CREATE INDEX quote_facts_speaker ON quote_facts(speaker_key, day)",
    ))


SQLITE += (_facts("REAL"),)
POSTGRES += (_facts("DOUBLE PRECISION"),)

MIGRATIONS: dict[str, tuple[Migration, ...]] = {"sqlite": SQLITE, "postgres": POSTGRES}

_LEDGER = ("CREATE TABLE IF NOT EXISTS rasd_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
           "applied_at TEXT NOT NULL)")
TABLE_DDL = {"sqlite": _LEDGER, "postgres": _LEDGER}

__all__ = ["MIGRATIONS", "Migration", "POSTGRES", "SQLITE", "TABLE_DDL"]
