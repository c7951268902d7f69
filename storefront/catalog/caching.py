"""HTTP validators for public catalog pages: a cheap data version, ETag, Last-Modified, 304.

The version is one statement of index-only lookups (newest carpet change, highest carpet and photo
ids, newest weaver change, newest exchange rate), plus a counter of this process's own writes
(SQLite timestamps have one-second resolution, so two edits in one second look alike).
The ETag hashes it with the URL, the language, the code version and the visitor's session cookie
(so signing in or adding to the cart changes it). Anonymous pages without a session are
``public, max-age=60``; anything with a session is ``private, no-cache`` (revalidated with the
ETag every time). ``Vary: Cookie`` on both.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import Response, current_app, request
from sqlalchemy import Select, event, func, select
from sqlalchemy.orm import ORMExecuteState, Session
from werkzeug.http import http_date

from storefront.catalog.models import Carpet, CarpetImage
from storefront.extensions import db
from storefront.i18n import current_lang
from storefront.money import ExchangeRate

PUBLIC_MAX_AGE = 60
WATCHED_TABLES = {"carpet", "carpet_image", "carpet_weaver", "weaver", "exchange_rate"}
_code_version: str | None = None
_local_changes = 0  # bumped by this process's own writes (timestamps may share a second)


def _bump(*_args: Any) -> None:
    global _local_changes
    _local_changes += 1


def _after_flush(session: Session, _context: Any) -> None:
    for obj in (*session.new, *session.dirty, *session.deleted):
        table = getattr(obj, "__tablename__", None)
        if table in WATCHED_TABLES:
            _bump()
            return


def _on_execute(state: ORMExecuteState) -> None:
    if state.is_update or state.is_delete or state.is_insert:
        tables = {t.name for t in getattr(state.statement, "_from_objects", ())}
        table = getattr(state.statement, "table", None)
        if table is not None:
            tables.add(getattr(table, "name", ""))
        if tables & WATCHED_TABLES:
            _bump()


def watch_writes() -> None:
    """Count this process's writes to catalog tables (once per process)."""
    if not event.contains(Session, "after_flush", _after_flush):
        event.listen(Session, "after_flush", _after_flush)
        event.listen(Session, "do_orm_execute", _on_execute)


def code_version() -> str:
    """A fingerprint of templates, styles and translations (computed once per process)."""
    global _code_version
    if _code_version is None:
        root = Path(current_app.root_path).parent
        latest = 0.0
        for folder in ("templates", "static/css", "translations", "storefront"):
            for path in (root / folder).rglob("*"):
                if path.suffix in {".html", ".css", ".mo", ".py"}:
                    latest = max(latest, path.stat().st_mtime)
        _code_version = f"{latest:.0f}"
    return _code_version


_VERSION_STMT: Select[Any] | None = None
VERSION_SECONDS = 1.0  # other processes' writes are seen within this time


def catalog_version() -> tuple[Any, ...]:
    """Changes whenever anything a public catalog page shows changes.

    One statement of index lookups, reused for ``VERSION_SECONDS`` unless this process wrote to
    the catalog meanwhile (then at once).
    """
    now = time.monotonic()
    memo = current_app.extensions.get("catalog_version")
    if memo and memo[1] == _local_changes and now - memo[0] < VERSION_SECONDS:
        return memo[2]
    version = _query_version()
    current_app.extensions["catalog_version"] = (now, _local_changes, version)
    return version


def _query_version() -> tuple[Any, ...]:
    global _VERSION_STMT
    if _VERSION_STMT is None:
        from storefront.weavers.models import Weaver

        _VERSION_STMT = select(
            select(func.max(Carpet.updated_at)).scalar_subquery(),
            select(func.max(Carpet.id)).scalar_subquery(),
            select(func.max(CarpetImage.id)).scalar_subquery(),
            select(func.max(Weaver.updated_at)).scalar_subquery(),
            select(func.max(ExchangeRate.id)).scalar_subquery(),
        )
    row = db.session.execute(_VERSION_STMT).one()
    return (*row, _local_changes)


@functools.lru_cache(maxsize=64)
def last_modified(version: tuple[Any, ...]) -> dt.datetime | None:
    stamps = [v for v in (version[0], version[3]) if isinstance(v, dt.datetime)]
    if not stamps:
        return None
    latest = max(s if s.tzinfo else s.replace(tzinfo=dt.UTC) for s in stamps)
    return latest.replace(microsecond=0)


def _session_cookie() -> str:
    return request.cookies.get(current_app.config.get("SESSION_COOKIE_NAME", "session"), "")


def etag_for(version: tuple[Any, ...], *extra: Any) -> str:
    cookie = _session_cookie()
    # Pages with a session may carry a CSRF token (valid for hours): renew those hourly.
    period = f"{time.time() // 3600:.0f}" if cookie else dt.date.today().isoformat()
    parts = (
        repr(version),
        request.full_path,
        current_lang(),
        code_version(),
        cookie,
        period,  # exchange rates take effect by date
        *map(repr, extra),
    )
    return hashlib.blake2b("\x1f".join(parts).encode(), digest_size=12).hexdigest()


def conditional(render: Callable[[tuple[Any, ...]], Any]) -> Response:
    """Answer 304 when the client's copy is current, else render and attach the validators."""
    version = catalog_version()
    etag = etag_for(version)
    modified = last_modified(version)
    has_session = bool(_session_cookie())
    if_none_match = request.if_none_match
    not_modified = False
    if if_none_match:
        # "*" would also match a page that does not exist: only a real tag counts here.
        not_modified = not if_none_match.star_tag and if_none_match.contains_weak(etag)
    elif modified is not None and request.if_modified_since and not has_session:
        not_modified = modified <= request.if_modified_since
    if not_modified:
        response = current_app.response_class(status=304)
    else:
        response = current_app.make_response(render(version))
    response.set_etag(etag)
    if modified is not None:
        response.headers["Last-Modified"] = http_date(modified)
    _cache_headers(response, has_session)
    return response


def _cache_headers(response: Response, had_session: bool) -> None:
    from flask import session
    from flask_login import current_user

    private = had_session or session.modified or bool(session)
    if not private and request.cookies:  # signed in by a remember-me cookie?
        private = bool(getattr(current_user, "is_authenticated", False))
    if private:
        response.headers["Cache-Control"] = "private, no-cache"
    else:
        response.headers["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE}"
    response.vary.add("Cookie")
