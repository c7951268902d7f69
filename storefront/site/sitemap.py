"""``/sitemap.xml``: every public page in both languages with hreflang alternates and lastmod.

The alternates are the same (en, hi, x-default -> en) as the ``<link rel="alternate">`` tags that
``base.html`` prints, so search engines get one consistent answer from both places.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote

from flask import current_app, url_for
from markupsafe import escape
from sqlalchemy import func, select

from storefront.catalog.models import Carpet, carpet_weaver
from storefront.catalog.queries import PUBLIC_STATUSES
from storefront.extensions import db
from storefront.i18n import LANGS
from storefront.weavers.models import Weaver

X_DEFAULT = "en"
SLUG_MARK = "__slug__"


@dataclass(frozen=True, slots=True)
class Page:
    """One page, in every language: ``paths[lang]`` is its path."""

    paths: dict[str, str]
    lastmod: dt.datetime | dt.date | None


def _paths(endpoint: str, **values: str) -> dict[str, str]:
    return {lang: url_for(endpoint, lang=lang, **values) for lang in LANGS}


def _path_maker(endpoint: str) -> dict[str, tuple[str, str]]:
    """Per language, the path around the slug: url_for once, not once per carpet."""
    out = {}
    for lang in LANGS:
        path = url_for(endpoint, lang=lang, slug=SLUG_MARK)
        head, _, tail = path.partition(SLUG_MARK)
        out[lang] = (head, tail)
    return out


def pages() -> Iterator[Page]:
    """Home, catalog, each public carpet and each active weaver (with their last change)."""
    public = Carpet.status.in_(PUBLIC_STATUSES)
    newest = db.session.scalar(select(func.max(Carpet.updated_at)).where(public))
    yield Page(_paths("site.home"), newest)
    yield Page(_paths("catalog.index"), newest)
    yield Page(_paths("weavers.index"), newest)

    around = _path_maker("catalog.detail")
    for slug, updated in db.session.execute(
        select(Carpet.slug, Carpet.updated_at).where(public).order_by(Carpet.id)
    ):
        quoted = quote(slug)
        yield Page({lang: f"{h}{quoted}{t}" for lang, (h, t) in around.items()}, updated)

    latest_carpet = (
        select(func.max(Carpet.updated_at))
        .select_from(carpet_weaver.join(Carpet, Carpet.id == carpet_weaver.c.carpet_id))
        .where(carpet_weaver.c.weaver_id == Weaver.id, public)
        .correlate(Weaver)
        .scalar_subquery()
    )
    around = _path_maker("weavers.profile")
    for slug, updated, carpet_updated in db.session.execute(
        select(Weaver.slug, Weaver.updated_at, latest_carpet)
        .where(Weaver.status == "active")
        .order_by(Weaver.id)
    ):
        quoted = quote(slug)
        lastmod = (
            max(d for d in (updated, carpet_updated) if d is not None)
            if updated or carpet_updated
            else None
        )
        yield Page({lang: f"{h}{quoted}{t}" for lang, (h, t) in around.items()}, lastmod)


def _w3c(value: dt.datetime | dt.date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:  # SQLite returns naive datetimes: they are UTC
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")
    return value.isoformat()


def render() -> Iterator[str]:
    """The sitemap document, in chunks."""
    base = current_app.config["PUBLIC_BASE_URL"].rstrip("/")
    yield (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
    )
    for page in pages():
        urls = {lang: escape(base + path) for lang, path in page.paths.items()}
        links = "".join(
            f'    <xhtml:link rel="alternate" hreflang="{lang}" href="{url}"/>\n'
            for lang, url in urls.items()
        )
        links += (
            f'    <xhtml:link rel="alternate" hreflang="x-default" href="{urls[X_DEFAULT]}"/>\n'
        )
        lastmod = _w3c(page.lastmod)
        lastmod_tag = f"    <lastmod>{lastmod}</lastmod>\n" if lastmod else ""
        for url in urls.values():
            yield f"  <url>\n    <loc>{url}</loc>\n{lastmod_tag}{links}  </url>\n"
    yield "</urlset>\n"
