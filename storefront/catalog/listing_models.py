"""Moderation records for weaver listings: pending revisions of live carpets and staff reviews."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, CheckConstraint, DateTime, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storefront.extensions import db

REVISION_OPEN = ("draft", "pending")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class ListingRevision(db.Model):
    """Changes a weaver proposes to a published carpet; the live carpet stays as staff approved it.

    ``data`` holds the whole proposed working copy: ``{"fields": {...}, "images": [{key, width,
    height}, ...]}``. At most one revision per carpet is open (draft or pending) at a time.
    """

    __tablename__ = "listing_revision"
    __table_args__ = (
        CheckConstraint("status IN ('draft', 'pending', 'approved', 'discarded')", name="status"),
        Index(
            "uq_listing_revision_open",
            "carpet_id",
            unique=True,
            sqlite_where=text("status IN ('draft', 'pending')"),
            postgresql_where=text("status IN ('draft', 'pending')"),
        ),
        Index("ix_listing_revision_status", "status", "updated_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    carpet_id: Mapped[int] = mapped_column(ForeignKey("carpet.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(10), default="draft")
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    carpet = relationship("Carpet")


class ListingReview(db.Model):
    """A staff decision on a listing (or on a revision): approved, or sent back with a note."""

    __tablename__ = "listing_review"
    __table_args__ = (
        CheckConstraint("decision IN ('approved', 'sent_back')", name="decision"),
        Index("ix_listing_review_carpet", "carpet_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    carpet_id: Mapped[int] = mapped_column(ForeignKey("carpet.id", ondelete="CASCADE"))
    revision_id: Mapped[int | None] = mapped_column(
        ForeignKey("listing_revision.id", ondelete="SET NULL")
    )
    decision: Mapped[str] = mapped_column(String(10))
    # Canned reasons (keys, shown translated in the reader's language) plus staff's own words.
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    note: Mapped[str] = mapped_column(Text, default="")
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    carpet = relationship("Carpet")
    staff = relationship("User")
