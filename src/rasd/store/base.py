"""The store interface: what `rasd ingest`, `rasd search` (and later the exports and the desk) need.

Two backends implement it: `SqliteStore` (the embedded default, one file) and `PostgresStore`.
They hold the same tables (`store/migrations.py`) and answer the same queries with the same ids.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from rasd.errors import RasdError
from rasd.search import Query, SearchResult, index_text, name_key
from rasd.text.normalize import normalize


class StoreError(RasdError):
    """The database cannot be opened, migrated or written."""


@dataclass(frozen=True)
class Sighting:
    """One place an article was seen: the input item (`origin`: path, '::member', '#n') and what it said."""

    origin: str
    doc_id: str | None = None
    source: str | None = None
    category: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Match:
    """A stored article that an incoming one is the same as (by id, canonical URL or text)."""

    id: str
    pipeline: str | None
    seen: bool  # this origin is already among its sightings


@dataclass
class StoredArticle:
    """One row of `articles` with its search and facet rows, built from a record by `from_record`."""

    id: str
    pipeline: str | None
    schema: int | None
    source: str | None
    url: str | None
    canonical_url: str | None
    text_key: str
    title: str
    published: str | None
    category: str | None
    language: str | None
    record: dict[str, Any]
    folded: str
    entities: list[tuple[str, str, str | None, str]] = field(default_factory=list)  # name, key, id, type
    places: list[tuple[str, str, int | None, str | None]] = field(default_factory=list)  # name, key, gid, cc
    events: list[str] = field(default_factory=list)
    count_kinds: list[str] = field(default_factory=list)

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> StoredArticle:
        ents: dict[tuple[str, str | None], tuple[str, str, str | None, str]] = {}
        for e in record.get("entities", []):
            name = e.get("canonical") or e["text"]
            ents.setdefault((name_key(name), e.get("id")), (name, name_key(name), e.get("id"), e["type"]))
        places: dict[tuple[str, int | None], tuple[str, str, int | None, str | None]] = {}
        for p in record.get("places", []):
            places.setdefault((name_key(p["name"]), p.get("geonameid")),
                              (p["name"], name_key(p["name"]), p.get("geonameid"), p.get("country")))
        return cls(
            id=record["id"], pipeline=record.get("pipeline"), schema=record.get("schema"),
            source=record.get("source"), url=record.get("url"),
            canonical_url=canonical_url(record.get("url")),
            text_key=text_key(record["text"]), title=record.get("title") or "",
            published=record.get("published"), category=record.get("category"),
            language=record.get("language"), record=record, folded=index_text(record["text"]),
            entities=list(ents.values()), places=list(places.values()),
            events=sorted({e["type"] for e in record.get("events", [])}),
            count_kinds=sorted({c["kind"] for c in record.get("counts", [])}),
        )

    def record_json(self) -> str:
        return json.dumps(self.record, ensure_ascii=False, separators=(",", ":"))


_TRACKING = re.compile(r"^(utm_|fbclid$|gclid$|ref$|ref_src$)")


def canonical_url(url: str | None) -> str | None:
    """The URL two copies of one page share: scheme and host lower-cased, `www.` and default ports,
    fragments, tracking parameters and a trailing slash dropped, the remaining parameters sorted."""
    if not url or not url.strip():
        return None
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:
        return url.strip()
    if not host:
        return url.strip()
    host = host.removeprefix("www.")
    if port and (parts.scheme, port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{port}"
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                             if not _TRACKING.match(k)))
    path = parts.path.rstrip("/") or "/"
    scheme = "https" if parts.scheme.lower() in ("http", "https") else parts.scheme.lower()
    return urlunsplit((scheme, host, path, query, ""))


def text_key(text: str) -> str:
    """The hash of an article's normalized text (folded letters, one space between words)."""
    return hashlib.sha1(" ".join(normalize(text).split()).encode("utf-8")).hexdigest()


class Store(Protocol):
    """The store interface. Every write is one transaction; every method may raise StoreError."""

    backend: str

    def migrate(self) -> list[int]:
        """Run the migrations not yet applied (each in its own transaction); the versions run."""
        ...

    def find(self, article_id: str, canonical_url: str | None, text_key: str, origin: str) -> Match | None:
        """The stored article an incoming one is (same id, else same canonical URL, else same text)."""
        ...

    def stale_ids(self, fingerprint: str) -> Iterator[str]:
        """Ids of the stored articles made by another pipeline than `fingerprint`."""
        ...

    def put_batch(self, articles: Sequence[StoredArticle], sightings: Sequence[tuple[str, Sighting]]
                  ) -> None:
        """In one transaction: insert or replace the articles (with their index and facet rows) and add
        the (article id, sighting) pairs not yet stored."""
        ...

    def get(self, article_id: str) -> dict[str, Any] | None:
        """The stored record (with `story`), or None."""
        ...

    def sightings(self, article_id: str) -> list[Sighting]:
        ...

    def count(self) -> int:
        """How many articles are stored."""
        ...

    def search(self, query: Query) -> SearchResult:
        """Ranked matches (newest first for an empty query), one page of hits and the facets."""
        ...

    def close(self) -> None:
        ...


__all__ = ["Match", "Sighting", "Store", "StoreError", "StoredArticle", "canonical_url", "text_key"]
