"""Placing an order: snapshot the quote into an Order and hold every carpet (conditional UPDATE).

``place_order`` never commits; the view commits it BEFORE opening the gateway session, so a fast
webhook always finds its order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from flask import current_app
from sqlalchemy import select

from storefront.catalog.models import Carpet
from storefront.checkout.pricing import Quote, build_quote
from storefront.extensions import db
from storefront.orders.models import Order, OrderLine
from storefront.orders.services import assign_number, lock_order, new_token, now
from storefront.orders.stock import end_pending, release_expired, reserve_carpet

RESERVATION = dt.timedelta(minutes=31)  # Stripe sessions last at least 30 minutes
GRACE = dt.timedelta(minutes=5)


class CarpetUnavailable(Exception):
    """Someone else bought or is paying for these carpets ("just sold")."""

    def __init__(self, carpet_ids: Sequence[int]) -> None:
        super().__init__(f"carpets not available: {list(carpet_ids)}")
        self.carpet_ids = list(carpet_ids)


@dataclass(frozen=True)
class Details:
    """What the buyer typed at checkout (contact and delivery address)."""

    email: str
    phone: str
    name: str
    address_line1: str
    city: str
    country: str
    address_line2: str = ""
    region: str = ""
    postcode: str = ""

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def size_text(carpet: Carpet) -> str:
    return f"{carpet.width_cm} × {carpet.length_cm} cm"


def place_order(
    carpet_ids: Sequence[int],
    details: Details,
    currency: str,
    lang: str,
    user_id: int | None = None,
) -> tuple[Order, Quote]:
    """Create a pending order for ``carpet_ids`` and hold them; CarpetUnavailable if any is gone.

    On CarpetUnavailable the caller must roll back (holds taken so far are undone with it).
    """
    ids = list(dict.fromkeys(carpet_ids))
    release_expired(ids)
    carpets = db.session.scalars(select(Carpet).where(Carpet.id.in_(ids))).all()
    by_id = {c.id: c for c in carpets}
    gone = [i for i in ids if i not in by_id or not by_id[i].is_available]
    if gone or not ids:
        raise CarpetUnavailable(gone)
    carpets = [by_id[i] for i in ids]
    quote = build_quote(carpets, details.country, details.region, currency, lang)
    for carpet in carpets:  # hold first: a loser fails here before writing anything else
        if not reserve_carpet(carpet.id):
            raise CarpetUnavailable([carpet.id])
    started = now()
    order = Order(
        token=new_token(),
        status="pending_payment",
        lang=lang,
        user_id=user_id,
        **details.as_dict(),
        currency=currency,
        exchange_rate=quote.rate,
        rate_date=quote.rate_date,
        subtotal_minor=quote.subtotal_minor,
        shipping_minor=quote.shipping_minor,
        tax_minor=quote.tax_minor,
        total_minor=quote.total_minor,
        subtotal_inr=quote.subtotal_inr,
        shipping_inr=quote.shipping_inr,
        shipping_tax_inr=quote.shipping_tax_inr,
        shipping_tax_minor=quote.shipping_tax_minor,
        shipping_tax_rate_bp=quote.shipping_tax_rate_bp,
        tax_inr=quote.tax_inr,
        total_inr=quote.total_inr,
        tax_kind=quote.tax_kind,
        place_of_supply=quote.place_of_supply,
        payment_expires_at=started + RESERVATION,
        reserved_until=started + RESERVATION + GRACE,
        created_at=started,
    )
    order.lines = [
        OrderLine(
            carpet_id=line.carpet.id,
            title=line.title[:200],
            sku=line.carpet.sku,
            hsn=line.hsn,
            size_text=size_text(line.carpet),
            price_inr=line.price_inr,
            amount_minor=line.amount_minor,
            tax_rate_bp=line.tax_rate_bp,
            tax_inr=line.tax_inr,
            tax_minor=line.tax_minor,
            hold="held",
        )
        for line in quote.lines
    ]
    db.session.add(order)
    db.session.flush()
    assign_number(order)
    current_app.logger.info("order %s placed, holding %s", order.number, ids)
    return order, quote


def cancel_order(order: Order) -> bool:
    """The buyer gives up before paying: release the carpets (gateway session closed by caller)."""
    locked = lock_order(order.id)
    return locked is not None and end_pending(locked, "cancelled")
