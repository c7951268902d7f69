"""Site-wide pages: the language redirect, home, robots.txt, sitemap and health check."""

from __future__ import annotations

from flask import Blueprint, Response, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy import text

from storefront.catalog.queries import list_cards
from storefront.extensions import db
from storefront.i18n import LANG_COOKIE, LANG_PREFIX, LANGS, preferred_lang
from storefront.site import sitemap as sitemap_builder
from storefront.weavers import services as weavers

bp = Blueprint("site", __name__)


@bp.get("/")
def root() -> ResponseReturnValue:
    """Send visitors to their language: saved choice, then Accept-Language (never by IP)."""
    response = redirect(url_for("site.home", lang=preferred_lang()), code=302)
    response.headers["Vary"] = "Accept-Language, Cookie"
    return response


@bp.get("/language/<any(en,hi):code>")
def switch_language(code: str) -> ResponseReturnValue:
    """Remember the visitor's language choice, then go to ``next`` (local paths only)."""
    target = request.args.get("next", "")
    if not target.startswith(f"/{code}/") or target.startswith("//") or "\\" in target:
        target = url_for("site.home", lang=code)
    response = redirect(target, code=302)
    response.set_cookie(LANG_COOKIE, code, max_age=365 * 86400, samesite="Lax", httponly=True)
    return response


@bp.get(f"{LANG_PREFIX}/")
def home() -> ResponseReturnValue:
    """The shop front: the cooperative's story, new carpets, some weavers, what buyers can trust."""
    cards = list_cards(limit=8, include_sold=False)
    # The hero shows the finest rectangular carpet among the new ones (a small, drawn photo).
    pictured = [c for c in cards if c.image_key and c.shape == "rectangle"]
    hero = max(pictured, key=lambda c: c.price_paise, default=None)
    count_weavers, count_carpets, count_districts = weavers.shop_stats()
    stats = {"weavers": count_weavers, "carpets": count_carpets, "districts": count_districts}
    return render_template(
        "site/home.html",
        cards=cards,
        hero=hero,
        weavers=weavers.featured_weavers(4),
        stats=stats,
    )


@bp.get("/healthz")
def healthz() -> ResponseReturnValue:
    db.session.execute(text("SELECT 1"))
    return {"status": "ok"}


@bp.get("/robots.txt")
def robots() -> ResponseReturnValue:
    body = render_template("site/robots.txt", langs=LANGS)
    return Response(body, mimetype="text/plain")


@bp.get("/sitemap.xml")
def sitemap() -> ResponseReturnValue:
    """Every public page in English and Hindi, with hreflang alternates and last change."""
    response = Response("".join(sitemap_builder.render()), mimetype="application/xml")
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response
