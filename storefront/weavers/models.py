"""The weaver: a person with a public profile (and, once approved, a shop)."""

from __future__ import annotations

import datetime as dt

from flask_babel import lazy_gettext as _l
from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storefront.extensions import db

# The nine districts covered by the GI "Handmade Carpet of Bhadohi" (bhadohi.nic.in).
GI_DISTRICTS = (
    "bhadohi",
    "mirzapur",
    "varanasi",
    "ghazipur",
    "sonebhadra",
    "kaushambi",
    "prayagraj",
    "jaunpur",
    "chandauli",
)
# Their names as shown to people (translated).
DISTRICT_NAMES = {
    "bhadohi": _l("Bhadohi"),
    "mirzapur": _l("Mirzapur"),
    "varanasi": _l("Varanasi"),
    "ghazipur": _l("Ghazipur"),
    "sonebhadra": _l("Sonebhadra"),
    "kaushambi": _l("Kaushambi"),
    "prayagraj": _l("Prayagraj"),
    "jaunpur": _l("Jaunpur"),
    "chandauli": _l("Chandauli"),
}
WEAVER_STATUSES = ("active", "suspended")


class Weaver(db.Model):
    __tablename__ = "weaver"
    __table_args__ = (
        CheckConstraint("status IN ('active', 'suspended')", name="status"),
        CheckConstraint("source_lang IN ('en', 'hi')", name="source_lang"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name_en: Mapped[str] = mapped_column(String(120), default="")
    name_hi: Mapped[str] = mapped_column(String(120), default="")
    bio_en: Mapped[str] = mapped_column(Text, default="")
    bio_hi: Mapped[str] = mapped_column(Text, default="")
    village_en: Mapped[str] = mapped_column(String(120), default="")
    village_hi: Mapped[str] = mapped_column(String(120), default="")
    district: Mapped[str] = mapped_column(String(40), default="bhadohi")
    photo_key: Mapped[str | None] = mapped_column(String(80))  # media key (content hash)
    gi_user_number: Mapped[str | None] = mapped_column(String(40))  # GI authorised-user no.
    member_since: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12), default="active", index=True)
    source_lang: Mapped[str] = mapped_column(String(2), default="hi")
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), unique=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    user = relationship("User")
    carpets = relationship("Carpet", secondary="carpet_weaver", viewonly=True)

    @property
    def is_gi_district(self) -> bool:
        return self.district in GI_DISTRICTS
