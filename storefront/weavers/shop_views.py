"""The signed-in weaver's own shop area (/<lang>/shop/...)."""

from __future__ import annotations

from flask import Blueprint

from storefront.i18n import LANG_PREFIX

bp = Blueprint("shop", __name__, url_prefix=f"{LANG_PREFIX}/shop")
