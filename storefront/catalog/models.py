"""Carpets, their photos and their weavers. Rules that matter are database constraints."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storefront.extensions import db

carpet_weaver = Table(
    "carpet_weaver",
    db.metadata,
    Column("carpet_id", ForeignKey("carpet.id", ondelete="CASCADE"), primary_key=True),
    Column("weaver_id", ForeignKey("weaver.id", ondelete="RESTRICT"), primary_key=True),
    Index("ix_carpet_weaver_weaver_id", "weaver_id"),
)


class Carpet(db.Model):
    __tablename__ = "carpet"
    __table_args__ = (
        CheckConstraint(
            "construction IN ('hand_knotted', 'hand_tufted', 'flat_weave')", name="construction"
        ),
        CheckConstraint(
            "status IN ('draft', 'pending', 'published', 'sold', 'archived')", name="status"
        ),
        CheckConstraint(
            "shape IN ('rectangle', 'runner', 'round', 'square', 'octagon')", name="shape"
        ),
        CheckConstraint("dyes IN ('natural', 'synthetic', 'mixed')", name="dyes"),
        CheckConstraint("price_paise > 0", name="price_positive"),
        CheckConstraint("stock >= 0", name="stock_not_negative"),
        CheckConstraint("width_cm > 0 AND length_cm > 0", name="size_positive"),
        CheckConstraint("kpsi IS NULL OR kpsi BETWEEN 1 AND 2000", name="kpsi_range"),
        CheckConstraint("pile_height_mm IS NULL OR pile_height_mm >= 0", name="pile_height"),
        CheckConstraint("weight_g IS NULL OR weight_g > 0", name="weight_positive"),
        CheckConstraint("source_lang IN ('en', 'hi')", name="source_lang"),
        # Catalog listing and keyset pagination: (status, sort key, id).
        Index("ix_carpet_status_published", "status", "published_at", "id"),
        Index("ix_carpet_status_price", "status", "price_paise", "id"),
        Index("ix_carpet_status_width", "status", "width_cm"),
        Index("ix_carpet_pile_material", "pile_material"),
        Index("ix_carpet_construction", "construction"),
        Index("ix_carpet_colour_primary", "colour_primary"),
        Index("ix_carpet_shape", "shape"),
        Index("ix_carpet_updated_at", "updated_at"),
        # Facet counts: one index-only scan grouped by every facet column.
        Index(
            "ix_carpet_facets", "status", "pile_material", "construction", "colour_primary", "shape"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(40), unique=True)
    slug: Mapped[str] = mapped_column(String(160), unique=True)
    title_en: Mapped[str] = mapped_column(String(200), default="")
    title_hi: Mapped[str] = mapped_column(String(200), default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    description_hi: Mapped[str] = mapped_column(Text, default="")
    source_lang: Mapped[str] = mapped_column(String(2), default="hi")

    construction: Mapped[str] = mapped_column(String(20))
    pile_material: Mapped[str] = mapped_column(String(20))
    foundation_material: Mapped[str] = mapped_column(String(20), default="cotton")
    dyes: Mapped[str] = mapped_column(String(12), default="synthetic")
    kpsi: Mapped[int | None] = mapped_column(Integer)
    quality: Mapped[str] = mapped_column(String(20), default="")  # trade string, e.g. "10x10"
    width_cm: Mapped[int] = mapped_column(Integer)  # measured, not nominal
    length_cm: Mapped[int] = mapped_column(Integer)
    shape: Mapped[str] = mapped_column(String(12), default="rectangle")
    pile_height_mm: Mapped[int | None] = mapped_column(Integer)
    weight_g: Mapped[int | None] = mapped_column(Integer)
    colour_primary: Mapped[str] = mapped_column(String(12), default="red")
    colour_secondary: Mapped[str | None] = mapped_column(String(12))
    design: Mapped[str] = mapped_column(String(20), default="medallion")
    weaving_days: Mapped[int | None] = mapped_column(Integer)
    hsn_code: Mapped[str] = mapped_column(String(8), default="5701")

    price_paise: Mapped[int] = mapped_column(Integer)  # INR minor units
    stock: Mapped[int] = mapped_column(Integer, default=1)  # one of a kind by default
    status: Mapped[str] = mapped_column(String(12), default="draft")
    # Lower-cased titles (both languages), SKU and weaver names: one LIKE on both databases.
    search_text: Mapped[str] = mapped_column(Text, default="")

    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )
    published_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    images = relationship(
        "CarpetImage",
        back_populates="carpet",
        order_by="CarpetImage.position",
        cascade="all, delete-orphan",
    )
    weavers = relationship("Weaver", secondary=carpet_weaver, order_by="Weaver.id")

    @property
    def is_available(self) -> bool:
        return self.status == "published" and self.stock > 0

    @property
    def main_image(self) -> CarpetImage | None:
        return self.images[0] if self.images else None


class CarpetImage(db.Model):
    __tablename__ = "carpet_image"
    __table_args__ = (
        CheckConstraint("position >= 0", name="position"),
        Index("ix_carpet_image_carpet_position", "carpet_id", "position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    carpet_id: Mapped[int] = mapped_column(ForeignKey("carpet.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)  # 0 is the main photo
    image_key: Mapped[str] = mapped_column(String(80))  # media content-hash key
    width: Mapped[int] = mapped_column(Integer, default=0)
    height: Mapped[int] = mapped_column(Integer, default=0)
    alt_en: Mapped[str] = mapped_column(String(300), default="")
    alt_hi: Mapped[str] = mapped_column(String(300), default="")

    carpet = relationship("Carpet", back_populates="images")
