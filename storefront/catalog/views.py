"""HTTP views for the catalog area (thin: forms in, one service call, one commit)."""

from __future__ import annotations

from flask import Blueprint

from storefront.i18n import LANG_PREFIX

bp = Blueprint("catalog", __name__, url_prefix=f"{LANG_PREFIX}/carpets")


@bp.get("/")
def index() -> str:
    from flask import render_template

    return render_template("site/home.html")
