"""``flask seed-demo``: weavers, carpets with drawn images, exchange rates and demo logins.

Deterministic (fixed random seed). Adds and flushes only; the CLI command commits.
Other areas add their own demo data with one ``seed_<area>()`` call in ``seed_demo`` below.
"""

from __future__ import annotations

from sqlalchemy import func, select

from storefront.catalog.models import Carpet
from storefront.extensions import db


def seed_demo(if_empty: bool = False, weavers: int = 12, carpets: int = 60) -> str:
    """Load the demo shop; return a short report (demo logins included)."""
    if if_empty and db.session.scalar(select(func.count()).select_from(Carpet)):
        return "Demo data not loaded: the database already has carpets."

    from storefront.demo.core import seed_core

    lines = seed_core(weavers=weavers, carpets=carpets)

    # --- Other areas' demo data: one line each, e.g. ``lines += seed_orders()`` ---
    from storefront.checkout.seed import seed_checkout

    lines.append(seed_checkout())
    from storefront.accounts.demo import seed_accounts

    lines.append(seed_accounts())

    return "\n".join(lines)
