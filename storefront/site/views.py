"""Site-wide pages: the language redirect, home, robots.txt, sitemap and health check."""

from __future__ import annotations

from flask import Blueprint, Response, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy import text

from storefront.extensions import db
from storefront.i18n import LANG_COOKIE, LANG_PREFIX, LANGS, preferred_lang

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
    return render_template("site/home.html")


@bp.get("/healthz")
def healthz() -> ResponseReturnValue:
    db.session.execute(text("SELECT 1"))
    return {"status": "ok"}


@bp.get("/robots.txt")
def robots() -> ResponseReturnValue:
    body = render_template("site/robots.txt", langs=LANGS)
    return Response(body, mimetype="text/plain")
