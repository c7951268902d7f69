"""Marketplace feed pull endpoints (/feeds/...): stable URLs that fetchers poll on a schedule.

Each answer carries a strong ETag and Last-Modified computed from the catalog summary (no
rendering), honours If-None-Match / If-Modified-Since with a body-less 304, supports HEAD, gzips
when asked, and streams the body from one database snapshot. Optional HTTP Basic auth
(FEED_USERNAME / FEED_PASSWORD) answers 401 with a challenge: never a redirect to a login page.
"""

from __future__ import annotations

import hmac
import zlib
from collections.abc import Iterator

from flask import Blueprint, Response, current_app, request, stream_with_context
from flask.typing import ResponseReturnValue
from werkzeug.http import http_date

from storefront.feeds.context import MissingRate
from storefront.feeds.export import FeedExport, UnknownFeed, open_export
from storefront.feeds.fields import batched

bp = Blueprint("feeds", __name__, url_prefix="/feeds")
REALM = 'Basic realm="feeds", charset="UTF-8"'


def _plain(body: str, status: int, **headers: str) -> Response:
    response = Response(body + "\n", status=status, mimetype="text/plain")
    response.headers.update(headers)
    response.headers["Cache-Control"] = "no-store"
    return response


def _authorised() -> bool:
    """True when no feed credentials are configured, or the request carries them."""
    username = current_app.config.get("FEED_USERNAME") or ""
    password = current_app.config.get("FEED_PASSWORD") or ""
    if not username and not password:
        return True
    auth = request.authorization
    if auth is None or auth.type != "basic":
        return False
    given_user = (auth.username or "").encode()
    given_password = (auth.password or "").encode()
    # Compare both, always, in constant time.
    user_ok = hmac.compare_digest(given_user, username.encode())
    password_ok = hmac.compare_digest(given_password, password.encode())
    return user_ok and password_ok


def _not_modified(export: FeedExport, tags: tuple[str, str]) -> bool:
    """If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2)."""
    if request.if_none_match:
        return any(request.if_none_match.contains_weak(tag) for tag in tags)
    since = request.if_modified_since
    if since is not None and export.last_modified is not None:
        return export.last_modified.replace(microsecond=0) <= since
    return False


def _gzip(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """A streamed gzip member (mtime 0, so identical input gives identical bytes)."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)
    for chunk in chunks:
        data = compressor.compress(chunk)
        if data:
            yield data
    yield compressor.flush()


def _wants_gzip() -> bool:
    return request.accept_encodings["gzip"] > 0


@bp.route("/<path:path>", methods=["GET", "HEAD"])
def feed(path: str) -> ResponseReturnValue:
    if not _authorised():
        return _plain("Authentication required.", 401, **{"WWW-Authenticate": REALM})
    part = request.args.get("part", "1")
    if not part.isdigit():
        return _plain("No such feed.", 404)
    try:
        export = open_export(path, int(part))
    except UnknownFeed:
        return _plain("No such feed.", 404)
    except MissingRate as exc:
        return _plain(f"No exchange rate for {exc.args[0]} yet.", 503, **{"Retry-After": "3600"})
    gzip = _wants_gzip()
    tags = (export.etag, export.etag + "-gz")
    private = current_app.config.get("FEED_USERNAME") or current_app.config.get("FEED_PASSWORD")
    headers = {
        "ETag": f'"{tags[1] if gzip else tags[0]}"',
        "Vary": "Accept-Encoding",
        "Cache-Control": "private, no-cache" if private else "no-cache",
    }
    if export.last_modified is not None:
        headers["Last-Modified"] = http_date(export.last_modified)
    if export.parts > 1:
        headers["X-Feed-Parts"] = str(export.parts)
    if _not_modified(export, tags):
        export.close()
        return Response(status=304, headers=headers)
    if gzip:
        headers["Content-Encoding"] = "gzip"
    if request.method == "HEAD":
        export.close()
        return Response(status=200, headers=headers, content_type=export.content_type)
    body = batched(export.chunks())
    if gzip:
        body = _gzip(body)
    response = Response(
        stream_with_context(body),
        status=200,
        headers=headers,
        content_type=export.content_type,
        direct_passthrough=True,
    )
    response.call_on_close(export.close)  # also when the fetcher hangs up before the body
    return response
