"""Staff-editable data the checkout computes with: shipping rates and dated GST rates per HSN."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storefront.extensions import db


class ShippingRate(db.Model):
    """One weight band of a zone: parcels up to ``max_weight_g`` (chargeable) cost ``price_paise``.

    ``countries`` is a comma-separated list of ISO codes, or ``*`` for the rest of the world. The
    chargeable weight is the larger of the real and the volumetric weight of the rolled rug.
    """

    __tablename__ = "shipping_rate"
    __table_args__ = (
        UniqueConstraint("zone", "max_weight_g"),
        CheckConstraint("max_weight_g > 0", name="weight_positive"),
        CheckConstraint("price_paise >= 0", name="price_not_negative"),
        CheckConstraint("max_length_cm IS NULL OR max_length_cm > 0", name="length_positive"),
        Index("ix_shipping_rate_zone", "zone"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    zone: Mapped[str] = mapped_column(String(40))
    countries: Mapped[str] = mapped_column(String(600))
    max_weight_g: Mapped[int] = mapped_column(Integer)
    price_paise: Mapped[int] = mapped_column(Integer)
    max_length_cm: Mapped[int | None] = mapped_column(Integer)  # longest roll the carrier takes

    @property
    def country_list(self) -> list[str]:
        return [c.strip().upper() for c in self.countries.split(",") if c.strip()]


class TaxRate(db.Model):
    """GST rate for HSN codes starting with ``hsn_prefix``, from ``effective_from`` (dated data)."""

    __tablename__ = "tax_rate"
    __table_args__ = (
        UniqueConstraint("hsn_prefix", "effective_from"),
        CheckConstraint("rate_bp >= 0 AND rate_bp <= 10000", name="rate_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    hsn_prefix: Mapped[str] = mapped_column(String(8))
    rate_bp: Mapped[int] = mapped_column(Integer)  # basis points: 500 = 5 %
    effective_from: Mapped[dt.date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(String(200), default="")
