"""The webhook event log: every verified event is recorded once, before anything acts on it.

``UNIQUE(provider, event_id)`` makes a redelivery (sequential or concurrent) a no-op: the second
insert fails inside a savepoint and the handler answers 200 without side effects. The row and the
effects of the event commit together, so a recorded event is always a processed one.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import replace

from sqlalchemy import DateTime, String, Text, UniqueConstraint, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from storefront.extensions import db
from storefront.orders.models import Order
from storefront.payments import base
from storefront.payments.models import Payment

log = logging.getLogger(__name__)


class WebhookEvent(db.Model):
    """One delivery we accepted (signature verified), with what we did about it."""

    __tablename__ = "webhook_event"
    __table_args__ = (UniqueConstraint("provider", "event_id", name="provider_event"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    provider: Mapped[str] = mapped_column(String(20))
    event_id: Mapped[str] = mapped_column(String(255))
    type: Mapped[str] = mapped_column(String(80))
    received_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    processed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    order_id: Mapped[int | None] = mapped_column(index=True)  # no FK: unknown orders are kept
    payload: Mapped[str] = mapped_column(Text, default="")  # the raw body as received
    outcome: Mapped[str] = mapped_column(String(40), default="")


def record(event: base.WebhookEvent, raw_body: bytes) -> WebhookEvent | None:
    """Insert the event row; None when this provider already sent this event id."""
    row = WebhookEvent(
        provider=event.provider,
        event_id=event.event_id[:255],
        type=event.type[:80],
        payload=raw_body.decode("utf-8", "replace"),
    )
    try:
        with db.session.begin_nested():
            db.session.add(row)
            db.session.flush()
    except IntegrityError:
        return None
    return row


def handle(event: base.WebhookEvent, raw_body: bytes) -> str:
    """Record, then act; returns the outcome stored on the row (``duplicate`` if seen before)."""
    row = record(event, raw_body)
    if row is None:
        return "duplicate"
    outcome, order = dispatch(event.facts)
    row.outcome = outcome
    row.order_id = order.id if order is not None else None
    row.processed_at = dt.datetime.now(dt.UTC)
    db.session.flush()
    log.info("%s event %s (%s): %s", event.provider, event.event_id, event.type, outcome)
    return outcome


def dispatch(facts: base.PaymentFacts | None) -> tuple[str, Order | None]:
    """Hand verified facts to the one ``settle()``; unknown orders are recorded, not retried."""
    from storefront.payments.services import OrderNotFound, settle

    if facts is None:
        return "recorded", None
    facts = bind(facts)
    try:
        order = settle(facts)
    except OrderNotFound:
        return "unknown_order", None
    except base.PaymentMismatch as exc:
        log.warning("%s facts for %s rejected: %s", facts.provider, facts.provider_ref, exc)
        return "mismatch", None
    return f"order:{order.status}"[:40], order


def bind(facts: base.PaymentFacts) -> base.PaymentFacts:
    """Point facts at the session/order we created.

    Refund events name the captured payment (Stripe ``pi_...``), not the Checkout Session; find
    the session through the payment we recorded, else through our order id in the metadata.
    """
    ref = facts.provider_ref
    if ref and _known_ref(facts.provider, ref):
        return facts
    if facts.payment_ref:
        session_ref = db.session.scalar(
            select(Payment.provider_ref).where(
                Payment.provider == facts.provider, Payment.payment_ref == facts.payment_ref
            )
        )
        if session_ref:
            return replace(facts, provider_ref=session_ref)
    if facts.order_id is not None:
        order = db.session.get(Order, facts.order_id)
        if order is not None and order.payment_provider == facts.provider and order.provider_ref:
            return replace(facts, provider_ref=order.provider_ref)
    return facts


def _known_ref(provider: str, ref: str) -> bool:
    payment = select(Payment.id).where(Payment.provider == provider, Payment.provider_ref == ref)
    order = select(Order.id).where(Order.payment_provider == provider, Order.provider_ref == ref)
    return db.session.scalar(payment) is not None or db.session.scalar(order) is not None
