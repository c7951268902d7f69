"""Marketplace feeds: one FeedItem per carpet, one pure formatter per marketplace.

``FEED_FORMATS`` maps a format name to its module. Each module has ``CONTENT_TYPE``,
``VARIANTS`` (one per feed file: language, country, currency, URL path) and a streaming
``render(items, ctx) -> Iterator[str]``.
"""

from __future__ import annotations

from flask import Flask

from storefront.feeds import alibaba, amazon, flipkart, google, meta

FEED_FORMATS = {
    "google": google,
    "meta": meta,
    "amazon": amazon,
    "flipkart": flipkart,
    "alibaba": alibaba,
}


def init_app(app: Flask) -> None:
    """Template helper ``feed_readiness(carpet)`` for the weaver's listing page."""
    from storefront.feeds.readiness import feed_readiness

    app.jinja_env.globals["feed_readiness"] = feed_readiness
