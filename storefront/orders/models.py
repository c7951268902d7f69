"""Orders: a snapshot of what was bought, at what price, tax, shipping and exchange rate.

Amounts are integers in minor units of the order's ``currency`` (``*_minor``) and, for the tax
invoice, in INR paise (``*_inr``). ``OrderLine.hold`` tracks the line's stock reservation.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storefront.extensions import db

ORDER_STATUSES = (
    "pending_payment",
    "paid",
    "dispatched",
    "delivered",
    "cancelled",
    "expired",
    "needs_refund",
    "partially_refunded",
    "refunded",
)
TAX_KINDS = ("cgst_sgst", "igst", "export")
HOLDS = ("held", "released", "consumed")


def _in(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


class Order(db.Model):
    __tablename__ = "orders"
    __table_args__ = (
        CheckConstraint(f"status IN ({_in(ORDER_STATUSES)})", name="status"),
        CheckConstraint(f"tax_kind IN ({_in(TAX_KINDS)})", name="tax_kind"),
        CheckConstraint("lang IN ('en', 'hi')", name="lang"),
        CheckConstraint("total_minor >= 0 AND subtotal_minor >= 0", name="amounts"),
        CheckConstraint("exchange_rate > 0", name="rate_positive"),
        Index("ix_orders_status_reserved_until", "status", "reserved_until"),
        Index("ix_orders_created_at", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str | None] = mapped_column(String(24), unique=True)  # BKR-2026-000123
    token: Mapped[str] = mapped_column(String(64), unique=True)  # secrets.token_urlsafe(24)
    status: Mapped[str] = mapped_column(String(20), default="pending_payment")
    lang: Mapped[str] = mapped_column(String(2), default="en")
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), index=True
    )

    # Contact and delivery address
    email: Mapped[str] = mapped_column(String(254))
    phone: Mapped[str] = mapped_column(String(20))  # E.164
    name: Mapped[str] = mapped_column(String(120))
    address_line1: Mapped[str] = mapped_column(String(200))
    address_line2: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(120))
    region: Mapped[str] = mapped_column(String(120), default="")  # Indian state, or region
    postcode: Mapped[str] = mapped_column(String(20), default="")
    country: Mapped[str] = mapped_column(String(2))  # ISO 3166-1 alpha-2

    # Money: order currency with the exchange-rate snapshot (INR per unit, 1 for INR)
    currency: Mapped[str] = mapped_column(String(3))
    exchange_rate: Mapped[Decimal] = mapped_column(Numeric(18, 6), default=Decimal(1))
    rate_date: Mapped[dt.date | None] = mapped_column(Date)
    subtotal_minor: Mapped[int] = mapped_column(Integer, default=0)
    shipping_minor: Mapped[int] = mapped_column(Integer, default=0)
    tax_minor: Mapped[int] = mapped_column(Integer, default=0)
    total_minor: Mapped[int] = mapped_column(Integer, default=0)
    subtotal_inr: Mapped[int] = mapped_column(Integer, default=0)
    shipping_inr: Mapped[int] = mapped_column(Integer, default=0)
    shipping_tax_inr: Mapped[int] = mapped_column(Integer, default=0)
    shipping_tax_minor: Mapped[int] = mapped_column(Integer, default=0)
    shipping_tax_rate_bp: Mapped[int] = mapped_column(Integer, default=0)
    tax_inr: Mapped[int] = mapped_column(Integer, default=0)
    total_inr: Mapped[int] = mapped_column(Integer, default=0)
    tax_kind: Mapped[str] = mapped_column(String(10), default="export")
    place_of_supply: Mapped[str] = mapped_column(String(120), default="")

    # Payment
    payment_provider: Mapped[str | None] = mapped_column(String(20))
    provider_ref: Mapped[str | None] = mapped_column(String(120), index=True)
    payment_url: Mapped[str | None] = mapped_column(String(2000))  # reuse an open session
    payment_expires_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    reserved_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    paid_amount: Mapped[int] = mapped_column(Integer, default=0)  # captured, order currency
    refunded_amount: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(String(300), default="")  # why needs_refund etc.

    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )
    paid_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    dispatched_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    delivered_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    lines = relationship(
        "OrderLine", back_populates="order", order_by="OrderLine.id", cascade="all, delete-orphan"
    )
    user = relationship("User")

    @property
    def is_export(self) -> bool:
        return self.tax_kind == "export"

    @property
    def tax_parts(self) -> dict[str, int]:
        """CGST/SGST halves or IGST, in the order currency (halves are equal by construction)."""
        if self.tax_kind == "cgst_sgst":
            return {"cgst": self.tax_minor // 2, "sgst": self.tax_minor - self.tax_minor // 2}
        if self.tax_kind == "igst":
            return {"igst": self.tax_minor}
        return {}

    @property
    def tax_rate_label(self) -> str:
        """The rate printed beside the tax lines ("2.5" per CGST/SGST half, "5" for IGST)."""
        rates = {line.tax_rate_bp for line in self.lines}
        if len(rates) != 1:
            return ""
        bp = rates.pop() // (2 if self.tax_kind == "cgst_sgst" else 1)
        return f"{Decimal(bp) / 100:f}".rstrip("0").rstrip(".")

    @property
    def has_invoice(self) -> bool:
        return self.paid_at is not None and self.status != "needs_refund"


class OrderLine(db.Model):
    __tablename__ = "order_line"
    __table_args__ = (
        CheckConstraint(f"hold IN ({_in(HOLDS)})", name="hold"),
        CheckConstraint("price_inr > 0 AND amount_minor >= 0", name="amounts"),
        Index("ix_order_line_carpet_hold", "carpet_id", "hold"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    carpet_id: Mapped[int | None] = mapped_column(ForeignKey("carpet.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(200))  # in the order's language
    sku: Mapped[str] = mapped_column(String(40))
    hsn: Mapped[str] = mapped_column(String(8))
    size_text: Mapped[str] = mapped_column(String(40), default="")
    price_inr: Mapped[int] = mapped_column(Integer)  # paise
    amount_minor: Mapped[int] = mapped_column(Integer)  # price in the order currency
    tax_rate_bp: Mapped[int] = mapped_column(Integer, default=0)  # 500 = 5 %
    tax_inr: Mapped[int] = mapped_column(Integer, default=0)
    tax_minor: Mapped[int] = mapped_column(Integer, default=0)
    hold: Mapped[str] = mapped_column(String(10), default="held")

    order = relationship("Order", back_populates="lines")
    carpet = relationship("Carpet")
