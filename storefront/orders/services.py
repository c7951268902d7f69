"""Order state machine and lookups. Services never commit: they add/flush and raise errors."""

from __future__ import annotations

import datetime as dt
import secrets

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from storefront.extensions import db
from storefront.orders.models import Order

# The one transition table: every status change goes through ``set_status``.
TRANSITIONS: dict[str, frozenset[str]] = {
    "pending_payment": frozenset({"paid", "cancelled", "expired", "needs_refund"}),
    # A late payment on an expired order is honoured when the rug can be re-held, else refunded.
    "expired": frozenset({"paid", "needs_refund"}),
    "cancelled": frozenset({"needs_refund"}),
    "paid": frozenset({"dispatched", "needs_refund", "partially_refunded", "refunded"}),
    "partially_refunded": frozenset({"dispatched", "delivered", "refunded"}),
    "dispatched": frozenset({"delivered", "partially_refunded", "refunded"}),
    "delivered": frozenset({"partially_refunded", "refunded"}),
    "needs_refund": frozenset({"refunded"}),
    "refunded": frozenset(),
}
# Statuses in which money has been captured and (some of it) kept.
PAID_STATUSES = frozenset({"paid", "partially_refunded", "dispatched", "delivered"})
OPEN_STATUSES = frozenset({"pending_payment"})


class IllegalTransition(ValueError):
    """An order cannot move from its status to the requested one."""

    def __init__(self, order: Order, new: str) -> None:
        super().__init__(
            f"order {order.number or order.id}: {order.status} -> {new} is not allowed"
        )
        self.old = order.status
        self.new = new


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def aware(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite returns naive datetimes; we store UTC everywhere."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


def can_move(old: str, new: str) -> bool:
    return new in TRANSITIONS.get(old, frozenset())


def set_status(order: Order, new: str) -> None:
    """Move ``order`` forward to ``new`` or raise ``IllegalTransition``; stamps the time."""
    if not can_move(order.status, new):
        raise IllegalTransition(order, new)
    order.status = new
    stamp = now()
    if new == "paid":
        order.paid_at = stamp
    elif new == "dispatched":
        order.dispatched_at = stamp
    elif new == "delivered":
        order.delivered_at = stamp


def new_token() -> str:
    return secrets.token_urlsafe(24)


def assign_number(order: Order) -> str:
    """Human reference from the row id (flush first): ``BKR-2026-000123``."""
    if order.id is None:
        db.session.flush()
    year = (aware(order.created_at) or now()).year if order.created_at else now().year
    order.number = f"BKR-{year}-{order.id:06d}"
    return order.number


def get_by_token(token: str) -> Order | None:
    if not token or len(token) > 64:
        return None
    return db.session.scalar(select(Order).where(Order.token == token))


def lock_order(order_id: int) -> Order | None:
    """Load and lock one order row for this transaction (FOR UPDATE on PostgreSQL).

    SQLite ignores FOR UPDATE; its writers are serialized by the database lock instead.
    """
    return db.session.scalar(
        select(Order)
        .where(Order.id == order_id)
        .options(selectinload(Order.lines))
        .with_for_update(of=Order)
        .execution_options(populate_existing=True)
    )
