"""Public weaver pages: the directory and each weaver's profile with their carpets (read-only)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, render_template, request
from flask.typing import ResponseReturnValue
from markupsafe import Markup, escape

from storefront.catalog.queries import list_cards
from storefront.i18n import LANG_PREFIX, current_lang, localized
from storefront.weavers import services
from storefront.weavers.models import GI_DISTRICTS

bp = Blueprint("weavers", __name__, url_prefix=f"{LANG_PREFIX}/weavers")
bp.add_app_template_global(GI_DISTRICTS, "gi_districts")
PROFILE_CARDS = 48


@bp.get("/")
def index() -> ResponseReturnValue:
    """All active weavers, optionally of one district (``?district=``), 24 a page."""
    page = request.args.get("page", "1")
    result = services.directory(
        district=request.args.get("district") or None,
        page=int(page) if page.isdigit() else 1,
    )
    return render_template("weavers/index.html", result=result)


@bp.get("/<slug>")
def profile(slug: str) -> ResponseReturnValue:
    """One weaver's story and carpets; suspended or unknown weavers are not found."""
    weaver = services.public_weaver(slug)
    if weaver is None:
        abort(404)
    available, sold = services.carpet_counts(weaver.id)
    cards = list_cards(weaver_id=weaver.id, limit=PROFILE_CARDS)
    return render_template(
        "weavers/profile.html", weaver=weaver, cards=cards, available=available, sold=sold
    )


@bp.app_template_global()
def weaver_intro(weaver: Any) -> Markup:
    """The first paragraph of a weaver's story, escaped; fallback text carries its own ``lang``."""
    text, lang = localized(weaver, "bio")
    intro = escape(services.first_paragraph(text))
    if not intro or lang == current_lang():
        return intro
    return Markup('<span lang="{}" class="fallback">{}</span>').format(lang, intro)
