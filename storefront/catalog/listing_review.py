"""Review of listings: submit, approve, send back with a note; the staff queue; weaver notes.

A new carpet goes draft -> pending -> published. A live carpet's revision goes draft -> pending
-> approved (its data copied onto the carpet). Sending back returns either to draft with a
``ListingReview`` note the weaver reads. Services add/flush only, never commit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from dataclasses import dataclass
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from storefront.catalog.listing_models import ListingReview, ListingRevision
from storefront.catalog.listings import (
    EDITABLE_FIELDS,
    ImageRef,
    ListingError,
    _apply_fields,
    _refresh_search,
    open_revision,
    open_revisions,
    set_images,
    snapshot,
    working_images,
    working_values,
)
from storefront.catalog.models import Carpet
from storefront.extensions import db

# Canned reasons staff can tick; each is shown to the weaver in the weaver's own language.
SEND_BACK_REASONS = {
    "photos": _l("Please add clear daylight photos that show the whole carpet, front and back."),
    "size": _l("Please measure the carpet again and correct the size."),
    "price": _l("Please check the price."),
    "material": _l("Please check the materials (viscose must not be called silk)."),
    "title": _l("Please write a clearer title and description."),
    "quality": _l("Please check the knots per square inch or the quality."),
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def missing_for_review(fields: dict[str, Any], images: list[ImageRef]) -> tuple[str, ...]:
    """What a listing still needs before staff can review it."""
    missing = []
    if not (fields.get("title_hi") or fields.get("title_en")):
        missing.append("title")
    if not images:
        missing.append("photos")
    return tuple(missing)


def submit_for_review(carpet: Carpet) -> None:
    """Send a draft carpet (or the draft changes to a live one) to staff."""
    rev = open_revision(carpet)
    missing = missing_for_review(working_values(carpet), working_images(carpet))
    if rev is not None:
        if rev.status != "draft":
            raise ListingError("already_pending")
        if missing:
            raise ListingError("incomplete", missing)
        rev.status = "pending"
    elif carpet.status == "draft":
        if missing:
            raise ListingError("incomplete", missing)
        carpet.status = "pending"
    else:
        raise ListingError("not_draft")
    db.session.flush()


def listing_version(carpet: Carpet) -> str:
    """A short fingerprint of what is under review, so staff approve exactly what they saw."""
    payload = {"fields": working_values(carpet), "images": [r.key for r in working_images(carpet)]}
    raw = json.dumps(payload, sort_keys=True, default=str).encode()
    return hashlib.sha256(raw).hexdigest()[:16]


def _pending_subject(carpet: Carpet) -> ListingRevision | None:
    """The pending revision, or None when the carpet itself is pending; else nothing to review."""
    rev = open_revision(carpet)
    if rev is not None and rev.status == "pending":
        return rev
    if carpet.status == "pending":
        return None
    raise ListingError("nothing_to_review")


def approve(carpet: Carpet, staff_id: int | None, seen_version: str | None = None) -> None:
    """Publish a pending carpet, or copy a pending revision onto the live carpet."""
    rev = _pending_subject(carpet)
    if seen_version is not None and seen_version != listing_version(carpet):
        raise ListingError("changed")
    if rev is not None:
        base = rev.data["base"]
        changed = {f: v for f, v in rev.data["fields"].items() if base["fields"].get(f) != v}
        _apply_fields(carpet, changed)
        if rev.data["images"] != base["images"]:
            set_images(carpet, [ImageRef(**ref) for ref in rev.data["images"]])
        rev.status, rev.decided_at = "approved", utcnow()
    else:
        carpet.status = "published"
        carpet.published_at = carpet.published_at or utcnow()
    db.session.add(
        ListingReview(
            carpet_id=carpet.id,
            revision_id=rev.id if rev else None,
            decision="approved",
            staff_id=staff_id,
        )
    )
    _refresh_search(carpet)
    db.session.flush()


def send_back(carpet: Carpet, staff_id: int | None, reasons: list[str], note: str) -> ListingReview:
    """Return a pending listing (or revision) to the weaver with canned reasons and a note."""
    rev = _pending_subject(carpet)
    reasons = [r for r in reasons if r in SEND_BACK_REASONS]
    note = unicodedata.normalize("NFC", (note or "").replace("\r\n", "\n").strip())
    if not reasons and not note:
        raise ListingError("note_required")
    if rev is not None:
        rev.status = "draft"
    else:
        carpet.status = "draft"
    review = ListingReview(
        carpet_id=carpet.id,
        revision_id=rev.id if rev else None,
        decision="sent_back",
        reasons=reasons,
        note=note,
        staff_id=staff_id,
    )
    db.session.add(review)
    db.session.flush()
    return review


def discard_changes(carpet: Carpet) -> None:
    """Drop the open revision of a live carpet; the live page never changed."""
    rev = open_revision(carpet)
    if rev is None:
        raise ListingError("no_changes")
    rev.status, rev.decided_at = "discarded", utcnow()
    db.session.flush()


def mark_sold(carpet: Carpet) -> None:
    """The weaver sold the carpet elsewhere: take it off sale at once (safe for buyers)."""
    if carpet.status != "published":
        raise ListingError("not_published")
    rev = open_revision(carpet)
    if rev is not None:
        rev.status, rev.decided_at = "discarded", utcnow()
    carpet.status, carpet.stock = "sold", 0
    _refresh_search(carpet)
    db.session.flush()


def delete_draft(carpet: Carpet) -> None:
    """Delete a carpet that was never published."""
    if carpet.status != "draft" or carpet.published_at is not None:
        raise ListingError("not_draft")
    for model in (ListingReview, ListingRevision):
        for row in db.session.scalars(select(model).where(model.carpet_id == carpet.id)):
            db.session.delete(row)
    db.session.delete(carpet)
    db.session.flush()


@dataclass(frozen=True, slots=True)
class QueueItem:
    carpet: Carpet
    revision: ListingRevision | None  # None: a new listing

    @property
    def waiting_since(self) -> dt.datetime:
        return (self.revision.updated_at if self.revision else self.carpet.updated_at) or utcnow()


def review_queue() -> list[QueueItem]:
    """New listings and changes to live ones that wait for staff, oldest first."""
    new = db.session.scalars(select(Carpet).where(Carpet.status == "pending").order_by(Carpet.id))
    items = [QueueItem(c, None) for c in new]
    revs = db.session.scalars(
        select(ListingRevision)
        .where(ListingRevision.status == "pending")
        .order_by(ListingRevision.updated_at, ListingRevision.id)
    )
    items += [QueueItem(rev.carpet, rev) for rev in revs]
    return items


def queue_count() -> int:
    carpets = db.session.scalar(select(func.count()).where(Carpet.status == "pending"))
    revs = db.session.scalar(select(func.count()).where(ListingRevision.status == "pending"))
    return int(carpets or 0) + int(revs or 0)


def latest_reviews(carpet_ids: list[int]) -> dict[int, ListingReview]:
    """The most recent staff decision per carpet."""
    if not carpet_ids:
        return {}
    rows = db.session.scalars(
        select(ListingReview)
        .where(ListingReview.carpet_id.in_(carpet_ids))
        .order_by(ListingReview.created_at, ListingReview.id)
    )
    return {row.carpet_id: row for row in rows}


def notes_to_act_on(carpets: list[Carpet]) -> list[tuple[Carpet, ListingReview]]:
    """Listings staff sent back that the weaver has not sent again yet."""
    ids = [c.id for c in carpets]
    reviews, revs = latest_reviews(ids), open_revisions(ids)
    out = []
    for carpet in carpets:
        review = reviews.get(carpet.id)
        if review is None or review.decision != "sent_back":
            continue
        rev = revs.get(carpet.id)
        still_draft = rev.status == "draft" if rev else carpet.status == "draft"
        if still_draft:
            out.append((carpet, review))
    return out


def revision_changes(carpet: Carpet, rev: ListingRevision) -> list[tuple[str, Any, Any]]:
    """(field, live value, proposed value) for every field the weaver changed in ``rev``."""
    live = snapshot(carpet)["fields"]
    base, proposed = rev.data["base"]["fields"], rev.data["fields"]
    return [
        (f, live.get(f), proposed.get(f))
        for f in EDITABLE_FIELDS
        if f in proposed and base.get(f) != proposed.get(f)
    ]


def photos_changed(rev: ListingRevision) -> bool:
    return [r["key"] for r in rev.data["base"]["images"]] != [r["key"] for r in rev.data["images"]]
