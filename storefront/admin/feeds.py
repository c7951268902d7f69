"""Staff page ``admin.feeds``: the feed addresses, and per carpet and channel what is missing."""

from __future__ import annotations

from flask import current_app, render_template, request
from flask.typing import ResponseReturnValue

from storefront.accounts.access import staff_required
from storefront.admin.views import bp
from storefront.feeds.export import feed_paths
from storefront.feeds.readiness import CHANNEL_NAMES, CHANNELS, overview

PER_PAGE = 20


@bp.get("/feeds")
@staff_required
def feeds() -> ResponseReturnValue:
    channel = request.args.get("channel") or None
    if channel not in CHANNELS:
        channel = None
    page = request.args.get("page", "1")
    page = int(page) if page.isdigit() and int(page) > 0 else 1
    data = overview(channel, page, PER_PAGE)
    base = current_app.config["PUBLIC_BASE_URL"].rstrip("/")
    return render_template(
        "admin/feeds.html",
        data=data,
        channel=channel,
        channels=CHANNELS,
        channel_names=CHANNEL_NAMES,
        page=page,
        pages=max(1, -(-data.total // PER_PAGE)),
        feed_urls=[f"{base}/feeds/{path}" for path in feed_paths()],
        protected=bool(current_app.config.get("FEED_USERNAME")),
    )
