"""HTTP views for the cart area (thin: forms in, one service call, one commit)."""

from __future__ import annotations

from flask import Blueprint

from storefront.i18n import LANG_PREFIX

bp = Blueprint("cart", __name__, url_prefix=f"{LANG_PREFIX}/cart")
