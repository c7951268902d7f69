"""Payments (one row per gateway session/order) and refunds (one row per refund we asked for)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storefront.extensions import db

PAYMENT_STATUSES = (
    "started",
    "pending",
    "paid",
    "failed",
    "expired",
    "mismatch",
    "partially_refunded",
    "refunded",
)
REFUND_STATUSES = ("requested", "pending", "succeeded", "failed")


class Payment(db.Model):
    """One payment attempt at a gateway: a Stripe Checkout Session or a Razorpay order."""

    __tablename__ = "payment"
    __table_args__ = (
        UniqueConstraint("provider_ref", name="provider_ref"),
        CheckConstraint(
            "status IN (" + ", ".join(f"'{s}'" for s in PAYMENT_STATUSES) + ")", name="status"
        ),
        CheckConstraint("amount >= 0 AND refunded_amount >= 0", name="amounts"),
        CheckConstraint("refunded_amount <= captured_amount", name="refund_le_captured"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="RESTRICT"), index=True)
    provider: Mapped[str] = mapped_column(String(20))
    provider_ref: Mapped[str] = mapped_column(String(120))  # cs_..., order_..., fake_...
    payment_ref: Mapped[str | None] = mapped_column(String(120))  # pi_..., pay_...
    amount: Mapped[int] = mapped_column(Integer)  # asked for, minor units
    currency: Mapped[str] = mapped_column(String(3))
    captured_amount: Mapped[int] = mapped_column(Integer, default=0)  # what the gateway took
    captured_currency: Mapped[str | None] = mapped_column(String(3))
    status: Mapped[str] = mapped_column(String(20), default="started")
    refunded_amount: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    order = relationship("Order")
    refunds = relationship("Refund", back_populates="payment", order_by="Refund.id")

    @property
    def refundable(self) -> int:
        return max(0, self.captured_amount - self.refunded_amount)


class Refund(db.Model):
    """A refund we asked a gateway for. ``idempotency_key`` is unique: one refund per key."""

    __tablename__ = "refund"
    __table_args__ = (
        UniqueConstraint("idempotency_key", name="idempotency_key"),
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint(
            "status IN (" + ", ".join(f"'{s}'" for s in REFUND_STATUSES) + ")", name="status"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    payment_id: Mapped[int] = mapped_column(
        ForeignKey("payment.id", ondelete="RESTRICT"), index=True
    )
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="RESTRICT"), index=True)
    payment_ref: Mapped[str] = mapped_column(String(120))  # the captured payment refunded
    amount: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    idempotency_key: Mapped[str] = mapped_column(String(120))
    provider_refund_ref: Mapped[str | None] = mapped_column(String(120), unique=True)
    status: Mapped[str] = mapped_column(String(12), default="requested")
    reason: Mapped[str] = mapped_column(String(200), default="")
    actor: Mapped[str] = mapped_column(String(120), default="system")  # "system" or staff email
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    payment = relationship("Payment", back_populates="refunds")
