"""Ingest: read -> skip what is stored with the same pipeline fingerprint -> pipeline -> store, in batches.

Each input item is read and cleaned (cheap), then looked up: an article stored under the same id,
canonical URL or normalized text is not run through the stages again. When it was made by the same
pipeline it only gains a sighting (this file, member, source and category) if this place is new;
when it was made by another pipeline (a model or code change) and this is the same article (same
id), it is redone and replaced. Everything else runs through the pipeline and is written with its
sighting. Writes are batched, one transaction per batch, so a run killed at any moment leaves a
consistent store and the same command run again finishes the job: what was committed is skipped,
what was not is done, and the unique keys of the store keep every article exactly once.

Memory stays flat: items stream from the readers and at most one batch is held; the stages' per-word
caches are bounded; and an ingest into SQLite reads through SQLite's bounded page cache, not the
memory map the store opens for search (every page of a growing file read through the map would stay
in the process's RSS; `_unmapped`).

Stories (`rasd.stories`): after each batch is written, its new articles are placed in stories (a
second transaction); opening the story index first places any stored article left without one, so
a run killed between the two transactions is finished by the next.
"""
from __future__ import annotations

import contextlib
import gzip
import json
import sys
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, Any, Protocol

from rasd.errors import InputError
from rasd.model import Article
from rasd.readers import read_inputs
from rasd.readers.article import build_article
from rasd.readers.raw import SkippedItem
from rasd.store.base import Sighting, StoredArticle, canonical_url, text_key
from rasd.store.sql import SqlStore
from rasd.stories import DEFAULT_PARAMS, Incoming, Stories, StoryParams

BATCH_SIZE = 100  # articles per transaction; also committed every BATCH_SECONDS
BATCH_SECONDS = 5.0


class Pipeline(Protocol):
    fingerprint: str

    def __call__(self, article: Article) -> Article: ...


@dataclass
class IngestStats:
    """What one ingest did. `stages_run` counts the articles that went through the pipeline."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    errors: int = 0
    empty: int = 0
    stages_run: int = 0
    seconds: float = 0.0
    started: float = field(default_factory=time.monotonic, repr=False)

    @property
    def items(self) -> int:
        """Input items handled so far (articles, duplicates and the ones that failed)."""
        return self.new + self.updated + self.unchanged + self.duplicates + self.errors + self.empty

    def summary(self) -> str:
        updated = f", {self.updated} updated" if self.updated else ""
        return (f"stored {self.new} new{updated}, {self.unchanged} unchanged, {self.duplicates} duplicates, "
                f"{self.errors} errors in {self.seconds:.0f} s")


class _Batch:
    """The articles and sightings not yet committed, with the keys that find a pending article."""

    def __init__(self) -> None:
        self.articles: list[StoredArticle] = []
        self.sightings: list[tuple[str, Sighting]] = []
        self.keys: dict[tuple[str, str], str] = {}
        self.seen: set[tuple[str, str]] = set()
        self.opened = time.monotonic()

    def full(self, batch_size: int) -> bool:
        """Time to commit: `batch_size` articles, ten times as many sightings, or BATCH_SECONDS old."""
        return len(self.articles) >= batch_size or len(self.sightings) >= 10 * batch_size \
            or time.monotonic() - self.opened > BATCH_SECONDS

    def find(self, article_id: str, curl: str | None, tkey: str) -> str | None:
        for k in (("id", article_id), ("url", curl or ""), ("text", tkey)):
            if k[1] and k in self.keys:
                return self.keys[k]
        return None

    def add_article(self, a: StoredArticle) -> None:
        self.articles.append(a)
        for k in (("id", a.id), ("url", a.canonical_url or ""), ("text", a.text_key)):
            if k[1]:
                self.keys.setdefault(k, a.id)

    def add_sighting(self, article_id: str, s: Sighting) -> None:
        if (article_id, s.origin) not in self.seen:
            self.seen.add((article_id, s.origin))
            self.sightings.append((article_id, s))


def ingest(inputs: Iterable[str], store: SqlStore, pipeline: Pipeline, *, published: str | None = None,
           source: str | None = None, stdin: IO[bytes] | None = None, batch_size: int = BATCH_SIZE,
           on_error: Callable[[InputError], None] | None = None,
           on_progress: Callable[[IngestStats], None] | None = None, max_items: int | None = None,
           stories: bool = True, story_params: StoryParams = DEFAULT_PARAMS) -> IngestStats:
    """Read `inputs`, run `pipeline` on what the store lacks (or holds from another pipeline), store.

    Bad inputs are passed to `on_error` (empty items as SkippedItem) and never stop the run;
    `on_progress` is called after every item; `max_items` stops after that many input items;
    `stories=False` leaves story assignment to a later run; `story_params` are the clustering's.
    Raises StoreError when the database fails.
    """
    with _unmapped(store):
        return _ingest(inputs, store, pipeline, published, source, stdin, batch_size, on_error, on_progress,
                       max_items, story_params if stories else None)


def _ingest(inputs: Iterable[str], store: SqlStore, pipeline: Pipeline, published: str | None,
            source: str | None, stdin: IO[bytes] | None, batch_size: int,
            on_error: Callable[[InputError], None] | None, on_progress: Callable[[IngestStats], None] | None,
            max_items: int | None, story_params: StoryParams | None) -> IngestStats:
    stats = IngestStats()
    fingerprint = pipeline.fingerprint
    batch = _Batch()
    story_index = Stories(store, story_params) if story_params is not None else None

    def flush() -> None:
        nonlocal batch
        _write(store, batch, stats, story_index)
        batch = _Batch()

    for raw in read_inputs(inputs, stdin=stdin):
        if isinstance(raw, InputError):
            _count_error(stats, raw, on_error)
        else:
            try:
                article = build_article(raw, published=published, source=source)
            except InputError as e:
                _count_error(stats, e, on_error)
            else:
                sighting = Sighting(origin=raw.origin, doc_id=raw.doc_id, source=article.source,
                                    category=raw.category or article.category, url=article.url)
                _one(article, sighting, store, pipeline, fingerprint, batch, stats)
        if batch.full(batch_size):
            flush()
        _progress(stats, on_progress)
        if max_items is not None and stats.items >= max_items:
            break
    flush()
    stats.seconds = time.monotonic() - stats.started
    return stats


def ingest_records(paths: Iterable[str], store: SqlStore, pipeline: Pipeline, *,
                   stdin: IO[bytes] | None = None, batch_size: int = BATCH_SIZE,
                   on_error: Callable[[InputError], None] | None = None,
                   on_progress: Callable[[IngestStats], None] | None = None,
                   as_is: bool = False) -> IngestStats:
    """Store JSON Lines of records (as `rasd extract` prints them or an export writes them).

    Each line is one `Article.from_dict` record. A record made by this pipeline (same `pipeline`
    fingerprint) is stored as it is, no stage run; any other is run again through the pipeline from
    its text, title and metadata (the same article: same id). Duplicates and sightings are handled as
    by `ingest`: the sighting of a line is `PATH:LINE` with the record's source, category and URL,
    unless the record carries its own under `sightings` (as `benchmarks/store_records.py` writes
    them: a store copied keeps where each article was seen). A bad line is passed to `on_error` as
    `PATH:LINE: reason` and skipped.

    `as_is`: store every record as it is, whatever pipeline made it (copying a store between
    backends): each keeps its own `pipeline`, so a later ingest of the same articles by this
    pipeline still sees the ones another pipeline made as stale and redoes them.
    """
    with _unmapped(store):
        return _ingest_records(paths, store, pipeline, stdin, batch_size, on_error, on_progress, as_is)


def _ingest_records(paths: Iterable[str], store: SqlStore, pipeline: Pipeline, stdin: IO[bytes] | None,
                    batch_size: int, on_error: Callable[[InputError], None] | None,
                    on_progress: Callable[[IngestStats], None] | None, as_is: bool) -> IngestStats:
    stats = IngestStats()
    fingerprint = pipeline.fingerprint
    batch = _Batch()

    def flush() -> None:
        nonlocal batch
        _write(store, batch, stats, None)
        batch = _Batch()

    for path, lineno, line in _record_lines(paths, stdin, stats, on_error):
        where = f"{path}:{lineno}"
        try:
            record, article, carried = _read_record(line)
        except (ValueError, TypeError, KeyError, AttributeError) as e:
            _count_error(stats, InputError(where, _reason(e)), on_error)
        else:
            sighting = carried.pop(0) if carried else \
                Sighting(origin=where, source=article.source, category=article.category, url=article.url)
            own = record.get("pipeline")
            if as_is and isinstance(own, str) and own:
                _one(article, sighting, store, pipeline, own, batch, stats, ready=record, more=carried)
            elif own == fingerprint:
                _one(article, sighting, store, pipeline, fingerprint, batch, stats, ready=record,
                     more=carried)
            else:
                _one(_fresh(article), sighting, store, pipeline, fingerprint, batch, stats, more=carried)
        if batch.full(batch_size):
            flush()
        _progress(stats, on_progress)
    flush()
    stats.seconds = time.monotonic() - stats.started
    return stats


@contextlib.contextmanager
def _unmapped(store: SqlStore) -> Iterator[None]:
    """While ingesting into SQLite, read without the memory map the store opens for search
    (`PRAGMA mmap_size`): an ingest reads little of the file (lookups, story candidates), but each page
    it reads through the map stays resident in the process, so its RSS would grow with the file (a GB
    over the shared corpora). Reads go through SQLite's bounded page cache instead; the map comes
    back afterwards."""
    if store.backend != "sqlite":
        yield
        return
    row = store._execute("PRAGMA mmap_size").fetchone()
    store._execute("PRAGMA mmap_size = 0")
    try:
        yield
    finally:
        if row is not None:
            store._execute(f"PRAGMA mmap_size = {int(row[0])}")


def _record_lines(paths: Iterable[str], stdin: IO[bytes] | None, stats: IngestStats,
                  on_error: Callable[[InputError], None] | None) -> Iterator[tuple[str, int, str]]:
    """(path, line number, line) of every non-blank line of the record files (`-`: standard input;
    `.gz` files are read through gzip); a file that cannot be read is one error."""
    for path in paths:
        try:
            if path == "-":
                stream: IO[bytes] = stdin if stdin is not None else sys.stdin.buffer
                lines: Iterable[bytes] = stream
            else:
                lines = gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")  # noqa: SIM115
            with contextlib.ExitStack() as stack:
                if path != "-":
                    stack.enter_context(lines)  # type: ignore[arg-type]
                for n, raw in enumerate(lines, 1):
                    try:
                        text = raw.decode("utf-8")
                    except UnicodeDecodeError as e:
                        _count_error(stats, InputError(f"{path}:{n}", f"not UTF-8: {e.reason}"), on_error)
                        continue
                    if text.strip():
                        yield path, n, text
        except (OSError, EOFError) as e:
            reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
            _count_error(stats, InputError(path, reason), on_error)


def _read_record(line: str) -> tuple[dict[str, Any], Article, list[Sighting]]:
    record = json.loads(line)
    if not isinstance(record, dict):
        raise ValueError(f"a record must be a JSON object, not {type(record).__name__}")
    carried = [Sighting(origin=str(s["origin"]), doc_id=s.get("doc_id"), source=s.get("source"),
                        category=s.get("category"), url=s.get("url"))
               for s in record.pop("sightings", None) or []]
    record.pop("story", None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a kind outside the allowed values is kept as it is
        article = Article.from_dict(record)
    return record, article, carried


def _fresh(article: Article) -> Article:
    """The input side of a record (what the reader and cleaning made) with no stage's output: what
    the pipeline runs on again."""
    return Article(id=article.id, text=article.text, title=article.title, language=article.language,
                   source=article.source, url=article.url, published=article.published,
                   category=article.category, author=article.author, removed=list(article.removed),
                   warnings=[w for w in article.warnings if not w.startswith("stage ")])


def _reason(e: Exception) -> str:
    if isinstance(e, json.JSONDecodeError):
        return f"not a JSON record: {e.msg} at column {e.colno}"
    if isinstance(e, KeyError):
        return f"not a record: no {e.args[0]!r} key"
    return f"not a record: {e}"


def _progress(stats: IngestStats, on_progress: Callable[[IngestStats], None] | None) -> None:
    if on_progress is not None:
        stats.seconds = time.monotonic() - stats.started
        on_progress(stats)


def _count_error(stats: IngestStats, e: InputError, on_error: Callable[[InputError], None] | None) -> None:
    if isinstance(e, SkippedItem):
        stats.empty += 1
    else:
        stats.errors += 1
    if on_error is not None:
        on_error(e)


def _write(store: SqlStore, batch: _Batch, stats: IngestStats, story_index: Stories | None) -> None:
    """Write one batch in a transaction, then place its new articles in stories (when asked)."""
    if not (batch.articles or batch.sightings):
        return
    refused = store.put_batch(batch.articles, batch.sightings)
    # Another stored article already holds the URL or text of these (a stale record whose cleaning
    # changed): they are duplicates of it.
    stats.new -= len(refused)
    stats.duplicates += len(refused)
    if story_index is not None:
        gone = set(refused)
        story_index.assign([Incoming(a.id, a.title, a.record["text"], a.published, a.folded)
                            for a in batch.articles if a.id not in gone])


def _one(article: Article, sighting: Sighting, store: SqlStore, pipeline: Pipeline, fingerprint: str,
         batch: _Batch, stats: IngestStats, *, ready: dict[str, Any] | None = None,
         more: Sequence[Sighting] = ()) -> None:
    """Store one article (or give a stored one a sighting). `ready`: its record, made by this
    pipeline, stored as it is without running a stage; `more`: further sightings it carries."""
    curl = canonical_url(article.url)
    tkey = text_key(article.text)
    pending = batch.find(article.id, curl, tkey)
    if pending is not None:
        if (pending, sighting.origin) in batch.seen:
            stats.unchanged += 1
        else:
            stats.duplicates += 1
            for s in (sighting, *more):
                batch.add_sighting(pending, s)
        return
    match = store.find(article.id, curl, tkey, sighting.origin)
    if match is not None and (match.pipeline == fingerprint or match.id != article.id):
        if match.seen:
            stats.unchanged += 1
        elif match.id == article.id:
            stats.unchanged += 1  # the same article read from another place: a new sighting only
        else:
            stats.duplicates += 1
        if not match.seen or more:
            for s in (sighting, *more):
                batch.add_sighting(match.id, s)
        return
    if ready is not None:
        record = ready
    else:
        article = pipeline(article)
        stats.stages_run += 1
        if article.pipeline is None:
            article.pipeline = fingerprint
        record = article.to_dict()
    record.pop("story", None)  # the store owns `story` (its own column)
    batch.add_article(StoredArticle.from_record(record))
    for s in (sighting, *more):
        batch.add_sighting(article.id, s)
    if match is None:
        stats.new += 1
    else:
        stats.updated += 1


__all__ = ["BATCH_SIZE", "IngestStats", "Pipeline", "ingest", "ingest_records"]
