"""Rendered page fragments, memoised per process and keyed by the catalog's data version.

The listing (filters, facets, cards) and the product page body are the same for every anonymous
visitor until a carpet, photo, weaver or rate changes, so they are rendered once per
(data version, URL, language) and reused. Everything personal (header, flashed messages, the
add-to-cart form with its CSRF token) is rendered on every request around them; for visitors
without cookies the whole page is kept, with a hole for the add-to-cart form. Entries also
expire after ``FRAGMENT_SECONDS`` as a bound on staleness between processes (see
``caching.catalog_version``); ``CATALOG_FRAGMENT_CACHE = False`` turns the memo off.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from flask import current_app, g, request, session

T = TypeVar("T")
FRAGMENT_SECONDS = 300.0
FRAGMENT_ENTRIES = 400  # fragments and whole pages (~40 KB each at most)
MISSING = object()


def cached(key: Hashable, build: Callable[[], T]) -> T:
    """``build()`` once per ``key`` (LRU, bounded in size and age)."""
    if not current_app.config.get("CATALOG_FRAGMENT_CACHE", True):
        return build()
    memo: OrderedDict[Hashable, tuple[float, Any]] = current_app.extensions.setdefault(
        "catalog_fragments", OrderedDict()
    )
    now = time.monotonic()
    hit = memo.get(key, MISSING)
    if hit is not MISSING and now - hit[0] < FRAGMENT_SECONDS:
        memo.move_to_end(key)
        return hit[1]
    value = build()
    memo[key] = (now, value)
    while len(memo) > FRAGMENT_ENTRIES:
        memo.popitem(last=False)
    return value


def anonymous_request() -> bool:
    """No cookie that could personalise the page (session, remember-me)."""
    cookies = request.cookies
    session_cookie = current_app.config.get("SESSION_COOKIE_NAME", "session")
    remember = current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token")
    return not cookies.get(session_cookie) and not cookies.get(remember)


def page_cacheable() -> bool:
    """After rendering for an anonymous visitor: was the page free of per-visitor state?"""
    return not session.modified and not session and "csp_nonce" not in g


def whole_page(key: Hashable, render: Callable[[], tuple[str, ...]]) -> tuple[str, ...]:
    """A whole page for visitors without cookies, rendered once per ``key``.

    ``render()`` returns the page as parts; a page split in two has a hole between the parts
    that the caller fills per request (the add-to-cart form and its CSRF token). Pages that
    touched the session or used a CSP nonce are not kept.
    """
    if not anonymous_request() or not current_app.config.get("CATALOG_FRAGMENT_CACHE", True):
        return render()
    full_key = ("page", key)
    memo = current_app.extensions.get("catalog_fragments")
    hit = memo.get(full_key) if memo is not None else None
    if hit is not None and time.monotonic() - hit[0] < FRAGMENT_SECONDS:
        return hit[1]
    parts = render()
    if page_cacheable():
        cached(full_key, lambda: parts)
    return parts
