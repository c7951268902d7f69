"""Back-office actions: decide weaver applications, suspend and reactivate weavers, counts.

Plain values in, model objects out; add/flush only, never commit.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import func, select

from storefront.accounts.models import User, WeaverApplication, utcnow
from storefront.accounts.transliterate import slugify
from storefront.catalog.models import Carpet, carpet_weaver
from storefront.extensions import db
from storefront.weavers.models import Weaver

DEVANAGARI = re.compile(r"[\u0900-\u097F]")


class AdminError(Exception):
    """Base of the back office's domain errors."""


class AlreadyDecided(AdminError):
    pass


class AlreadyWeaver(AdminError):
    pass


class ReasonRequired(AdminError):
    pass


@dataclass(frozen=True, slots=True)
class WeaverDetails:
    """What staff confirm on approval (pre-filled from the application)."""

    name_en: str
    name_hi: str
    village_en: str
    village_hi: str
    district: str


def is_hindi(text: str) -> bool:
    return bool(DEVANAGARI.search(text or ""))


def unique_slug(base: str) -> str | None:
    """``base``, or ``base-2``, ``base-3``... whichever is free; None if ``base`` is empty."""
    if not base:
        return None
    taken = set(db.session.scalars(select(Weaver.slug).where(Weaver.slug.like(f"{base}%"))))
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def weaver_for_user(user: User) -> Weaver | None:
    return db.session.scalar(select(Weaver).where(Weaver.user_id == user.id))


def approve_application(
    application: WeaverApplication, staff: User, details: WeaverDetails
) -> Weaver:
    """Create the weaver's public profile, link it to the account and make them a weaver."""
    if application.status != "pending":
        raise AlreadyDecided()
    user = application.user
    if weaver_for_user(user) is not None:
        raise AlreadyWeaver()
    craft_lang = "hi" if is_hindi(application.craft) else "en"
    weaver = Weaver(
        slug=f"new-{application.id}-{utcnow():%H%M%S%f}",
        name_en=details.name_en.strip(),
        name_hi=details.name_hi.strip(),
        village_en=details.village_en.strip(),
        village_hi=details.village_hi.strip(),
        district=details.district,
        bio_en=application.craft if craft_lang == "en" else "",
        bio_hi=application.craft if craft_lang == "hi" else "",
        photo_key=application.photo_key,
        member_since=dt.date.today(),
        status="active",
        source_lang=application.lang,
        user_id=user.id,
    )
    db.session.add(weaver)
    db.session.flush()
    weaver.slug = unique_slug(slugify(details.name_en)) or f"weaver-{weaver.id}"
    user.role = "weaver"
    user.active = True
    if not user.name:
        user.name = application.name
    application.status = "approved"
    application.decided_at = utcnow()
    application.decided_by_id = staff.id
    db.session.flush()
    return weaver


def reject_application(
    application: WeaverApplication, staff: User, reason_code: str, reason: str
) -> None:
    """Turn an application down; the applicant sees the reason when they sign in."""
    if application.status != "pending":
        raise AlreadyDecided()
    reason = (reason or "").strip()
    if reason_code == "other" and not reason:
        raise ReasonRequired()
    application.status = "rejected"
    application.reason_code = reason_code
    application.reason = reason
    application.decided_at = utcnow()
    application.decided_by_id = staff.id
    db.session.flush()


def suspend_weaver(weaver: Weaver) -> None:
    """Hide the weaver (profile and listings) and stop their account from signing in."""
    weaver.status = "suspended"
    if weaver.user is not None and not weaver.user.is_staff:
        weaver.user.active = False
    db.session.flush()


def reactivate_weaver(weaver: Weaver) -> None:
    """Undo a suspension: the profile, the listings as they were, and the account come back."""
    weaver.status = "active"
    if weaver.user is not None:
        weaver.user.active = True
    db.session.flush()


def list_applications(status: str) -> list[WeaverApplication]:
    order = WeaverApplication.created_at.asc() if status == "pending" else None
    query = select(WeaverApplication).where(WeaverApplication.status == status)
    if order is not None:
        query = query.order_by(order, WeaverApplication.id)
    else:
        query = query.order_by(WeaverApplication.decided_at.desc(), WeaverApplication.id.desc())
    return list(db.session.scalars(query.limit(200)))


def list_weavers(status: str | None = None) -> list[tuple[Weaver, int]]:
    """Weavers with their number of published carpets, by name."""
    published = (
        select(func.count(Carpet.id))
        .join(carpet_weaver, carpet_weaver.c.carpet_id == Carpet.id)
        .where(carpet_weaver.c.weaver_id == Weaver.id, Carpet.status == "published")
        .correlate(Weaver)
        .scalar_subquery()
    )
    query = select(Weaver, published).order_by(Weaver.name_en, Weaver.name_hi, Weaver.id)
    if status:
        query = query.where(Weaver.status == status)
    return [(w, n or 0) for w, n in db.session.execute(query)]


def _count(query) -> int:  # noqa: ANN001
    return db.session.scalar(select(func.count()).select_from(query.subquery())) or 0


def _pending_listings() -> int:
    try:  # the listing moderation queue (new carpets and changes to live ones)
        from storefront.catalog.listing_review import queue_count
    except ImportError:
        return _count(select(Carpet.id).where(Carpet.status == "pending"))
    return queue_count()


def dashboard_counts() -> dict[str, int]:
    """The numbers on the back-office dashboard."""
    return {
        "applications": _count(
            select(WeaverApplication.id).where(WeaverApplication.status == "pending")
        ),
        "listings": _pending_listings(),
        "weavers_active": _count(select(Weaver.id).where(Weaver.status == "active")),
        "weavers_suspended": _count(select(Weaver.id).where(Weaver.status == "suspended")),
        "carpets_published": _count(select(Carpet.id).where(Carpet.status == "published")),
    }
