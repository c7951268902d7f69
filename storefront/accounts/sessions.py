"""Starting a signed-in session safely, and where to send people afterwards."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from flask import current_app, session, url_for
from flask_login import login_user

from storefront.accounts.models import User

# Harmless choices a visitor made before signing in that survive the new session.
CARRY_OVER = ("cart", "cart_ids", "currency")
UNSAFE_CHARS = re.compile(r"[\x00-\x20\x7f\\]")


def start_session(user: User, remember: bool = False) -> None:
    """Sign ``user`` in on a fresh session: nothing planted before sign-in survives it."""
    keep = {key: session[key] for key in CARRY_OVER if key in session}
    session.clear()
    session.update(keep)
    login_user(user, remember=remember)


def safe_next(target: str | None) -> str | None:
    """``target`` if it is a path on this site (``/en/...``), else None (no open redirects)."""
    if not target or len(target) > 2000 or UNSAFE_CHARS.search(target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


def home_url(user: User) -> str:
    """Where a user lands after signing in when no ``next`` was given."""
    endpoints = current_app.view_functions
    if user.is_staff and "admin.dashboard" in endpoints:
        return url_for("admin.dashboard")
    if user.is_weaver and "shop.dashboard" in endpoints:
        return url_for("shop.dashboard")
    return url_for("accounts.home")
