"""The desk's web application: the JSON API under `/api` and the pages, from one FastAPI app.

`create_app(db)` serves a store (a SQLite path or a PostgreSQL URL) read-only, except
`POST /api/ingest`, which needs the operator's token (`Authorization: Bearer TOKEN`) and answers
401 without it. Every error of the API has one shape, `{"error": {"status": 404, "message": "…"}}`;
a page's error is an HTML page with the same status and message.

Each worker thread opens its own store connection once (SQLite and psycopg connections are not
shared between threads). Every asset a page needs is served by rasd itself under `/static`; the pages
send a Content-Security-Policy that allows nothing from elsewhere and no inline script.
"""
from __future__ import annotations

import contextlib
import datetime
import hmac
import io
import threading
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from rasd.desk import queries
from rasd.desk.queries import DeskError
from rasd.errors import InputError, RasdError
from rasd.store import open_store
from rasd.store.sql import SqlStore
from rasd.version import __version__

STATIC = Path(__file__).parent / "static"
MAX_INGEST_BYTES = 20 * 1024 * 1024
CSP = ("default-src 'none'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
       "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


Text = Annotated[str | None, Query(max_length=1000)]
DateFrom = Annotated[datetime.date | None, Query(alias="from", description="on or after (YYYY-MM-DD)")]
DateTo = Annotated[datetime.date | None, Query(alias="to", description="on or before (YYYY-MM-DD)")]
Country = Annotated[str | None, Query(pattern="^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2")]
Limit = Annotated[int, Query(ge=1, le=queries.MAX_PAGE)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
Words = Annotated[str, Query(max_length=1000)]
By = Annotated[str, Query(pattern="^(day|place)$")]
Authorization = Annotated[str | None, Header()]


class ErrorDetail(BaseModel):
    status: int
    message: str


class ErrorBody(BaseModel):
    """The one shape of every API error."""

    error: ErrorDetail


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    text = {400: "a bad parameter", 401: "no valid operator token", 404: "nothing there",
            413: "body too large", 503: "the store cannot answer"}
    return {c: {"model": ErrorBody, "description": text.get(c, "error")} for c in codes}


class _Stores:
    """One open store per thread, opened on first use; all closed by `close`."""

    def __init__(self, db: str) -> None:
        self.db = db
        self.local = threading.local()
        self.lock = threading.Lock()
        self.opened: list[SqlStore] = []

    def get(self) -> SqlStore:
        store: SqlStore | None = getattr(self.local, "store", None)
        if store is None:
            store = open_store(self.db)
            self.local.store = store
            with self.lock:
                self.opened.append(store)
        return store

    def close(self) -> None:
        with self.lock:
            for s in self.opened:
                try:
                    s.close()
                except Exception:  # noqa: BLE001 - closing on shutdown: nothing to report to
                    pass
            self.opened.clear()


def _iso(d: datetime.date | None) -> str | None:
    return None if d is None else d.isoformat()


def _error_json(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        loc = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{loc or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def create_app(db: str, *, token: str | None = None,
               pipeline_factory: Callable[[], Any] | None = None) -> FastAPI:
    """The desk over the store `db`. `token`: the operator's token for `POST /api/ingest` (no token:
    ingest is refused). `pipeline_factory` builds the pipeline ingest runs (default: the default one)."""
    from rasd.desk import pages

    stores = _Stores(db)
    open_store(db).close()  # fail now (a clear StoreError) rather than on the first request
    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close()

    app = FastAPI(title="rasd", version=__version__, lifespan=lifespan,
                  description="rasd (رصد): search and read the records of Arabic news articles.",
                  docs_url=None, redoc_url=None)
    app.state.stores = stores
    app.state.token = token
    ingest_lock = threading.Lock()
    pipeline_box: dict[str, Any] = {}

    def store() -> SqlStore:
        return stores.get()

    # --- errors: one shape for the API, an HTML page for the pages ----------------------------------

    def _is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/") or request.url.path in ("/api", "/openapi.json")

    def _error(request: Request, status: int, message: str) -> Response:
        if _is_api(request):
            return _error_json(status, message)
        return pages.error_page(request, status, message)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page: {request.url.path}"
        response = _error(request, exc.status_code, message)
        for k, v in (exc.headers or {}).items():
            response.headers[k] = v
        return response

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return _error(request, 400, _validation_message(exc))

    @app.exception_handler(DeskError)
    async def _desk_error(request: Request, exc: DeskError) -> Response:
        return _error(request, exc.status, exc.message)

    @app.exception_handler(RasdError)
    async def _rasd_error(request: Request, exc: RasdError) -> Response:
        return _error(request, 503, f"the store cannot answer: {exc}")

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> Response:
        return _error(request, 500, f"internal error: {type(exc).__name__}")

    @app.middleware("http")
    async def _headers(request: Request, call_next: Callable[[Request], Any]) -> Response:
        response: Response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    # --- the JSON API ------------------------------------------------------------------------------

    @app.get("/api/health", tags=["api"], responses=_errors(503))
    def api_health() -> dict[str, Any]:
        """Liveness and what is served: version, backend, number of articles."""
        return queries.health(store())

    @app.get("/api/search", tags=["api"], responses=_errors(400, 503))
    def api_search(q: Words = "", source: Text = None, category: Text = None,
                   date_from: DateFrom = None,
                   date_to: DateTo = None,
                   entity: Text = None, place: Text = None, country: Country = None, event: Text = None,
                   count: Text = None, limit: Limit = 20,
                   offset: Offset = 0) -> dict[str, Any]:
        """Full-text search with filters: {"total", "results", "facets"} as `rasd search --json`."""
        params = {"q": q, "source": source, "category": category, "from": _iso(date_from),
                  "to": _iso(date_to), "entity": entity, "place": place, "country": country, "event": event,
                  "count": count}
        return queries.search(store(), params, limit=limit, offset=offset)

    @app.get("/api/articles/{article_id}", tags=["api"], responses=_errors(400, 404, 503))
    def api_article(article_id: str) -> dict[str, Any]:
        """The stored record (the SPEC record) with its `story`."""
        return queries.article(store(), article_id)

    @app.get("/api/stories/{story_id}", tags=["api"], responses=_errors(400, 404, 503))
    def api_story(story_id: str) -> dict[str, Any]:
        """A story: its articles, outlets, dates and the counts each outlet reported, side by side."""
        return queries.story(store(), story_id)

    @app.get("/api/entities/{name}", tags=["api"], responses=_errors(400, 404, 503))
    def api_entity(name: str) -> dict[str, Any]:
        """An entity (canonical name or id): mentions per day, its quotes, co-occurring entities,
        its newest articles."""
        return queries.entity(store(), name)

    @app.get("/api/counts", tags=["api"], responses=_errors(400, 503))
    def api_counts(kind: Text = None, place: Text = None, country: Country = None,
                   date_from: DateFrom = None,
                   date_to: DateTo = None,
                   actor: Text = None, by: By = "day"
                   ) -> dict[str, Any]:
        """Counts summed by day or by place; a figure many articles of one story repeat counts once,
        and the stories whose articles disagree are listed under `disagreements`."""
        params = {"kind": kind, "place": place, "country": country, "from": _iso(date_from),
                  "to": _iso(date_to), "actor": actor}
        return queries.counts(store(), params, by=by)

    @app.get("/api/map", tags=["api"], responses=_errors(400, 503))
    def api_map(kind: Text = None, country: Country = None,
                date_from: DateFrom = None,
                date_to: DateTo = None) -> dict[str, Any]:
        """The map's symbols: counts and events per geocoded place."""
        params = {"kind": kind, "country": country, "from": _iso(date_from), "to": _iso(date_to)}
        return queries.map_points(store(), params)

    @app.get("/api/timeline", tags=["api"], responses=_errors(400, 503))
    def api_timeline(kind: Text = None, place: Text = None, actor: Text = None,
                     date_from: DateFrom = None,
                     date_to: DateTo = None
                     ) -> dict[str, Any]:
        """Counts by kind and events by type, per day."""
        params = {"kind": kind, "place": place, "actor": actor, "from": _iso(date_from), "to": _iso(date_to)}
        return queries.timeline(store(), params)

    def check_token(authorization: Authorization = None) -> None:
        expected = app.state.token
        if not expected:
            raise StarletteHTTPException(401, "ingest is disabled: start rasd serve with --token",
                                         headers={"WWW-Authenticate": "Bearer"})
        scheme, _, given = (authorization or "").strip().partition(" ")
        if scheme.lower() != "bearer" or not given.strip() or \
                not hmac.compare_digest(given.strip().encode(), str(expected).encode()):
            raise StarletteHTTPException(401, "a valid operator token is needed (Bearer TOKEN)",
                                         headers={"WWW-Authenticate": "Bearer"})

    @app.post("/api/ingest", tags=["api"], dependencies=[Depends(check_token)],
              responses=_errors(400, 401, 413, 503), openapi_extra={
        "requestBody": {"required": True, "content": {"application/json": {"schema": {
            "type": "array", "items": {"type": "object"},
            "description": "articles: objects with title, text (or content), date, source, url"}}}}})
    async def api_ingest(request: Request) -> dict[str, Any]:
        """Run the pipeline on a body of articles (what `rasd ingest` reads: a JSON array of articles,
        JSON Lines, …) and store them. Needs the operator's token."""
        body = await request.body()
        if len(body) > MAX_INGEST_BYTES:
            raise DeskError(413, f"body larger than {MAX_INGEST_BYTES} bytes")
        if not body.strip():
            raise DeskError(400, "empty body: send articles as a JSON array")
        from starlette.concurrency import run_in_threadpool
        return await run_in_threadpool(_ingest_body, body)

    def _ingest_body(body: bytes) -> dict[str, Any]:
        from rasd.ingest import ingest
        errors: list[str] = []

        def on_error(e: InputError) -> None:
            message = str(e)
            errors.append("body" + message[1:] if message.startswith("-") else message)

        with ingest_lock:
            if "p" not in pipeline_box:
                if pipeline_factory is not None:
                    pipeline_box["p"] = pipeline_factory()
                else:
                    from rasd.api import load_pipeline
                    pipeline_box["p"] = load_pipeline()
            stats = ingest(["-"], store(), pipeline_box["p"], stdin=io.BytesIO(body), on_error=on_error)
        if stats.new + stats.updated + stats.unchanged + stats.duplicates == 0 and errors:
            raise DeskError(400, errors[0])
        return {"new": stats.new, "updated": stats.updated, "unchanged": stats.unchanged,
                "duplicates": stats.duplicates, "errors": errors}

    # --- pages and assets --------------------------------------------------------------------------

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    pages.add_pages(app, store)

    return app


__all__ = ["CSP", "create_app"]
