"""Marketplace identifiers of our carpets (e.g. the FSN Flipkart assigns in Seller Hub)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, String, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column

from storefront.extensions import db

CHANNELS = ("flipkart", "amazon", "alibaba")


class ChannelListing(db.Model):
    """The id a marketplace gave one carpet (Flipkart FSN, Amazon ASIN, Alibaba product id)."""

    __tablename__ = "channel_listing"
    __table_args__ = (
        UniqueConstraint("carpet_id", "channel"),
        CheckConstraint("channel IN ('flipkart', 'amazon', 'alibaba')", name="channel"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    carpet_id: Mapped[int] = mapped_column(ForeignKey("carpet.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(12))
    external_id: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )
