"""Stock reservation for one-of-a-kind carpets: conditional UPDATEs only, never read-then-write.

A carpet is held by decrementing its stock with ``WHERE status = 'published' AND stock > 0`` and
checking the row count. Each order line records its hold (held -> released | consumed); the line's
own conditional UPDATE makes release and consumption happen at most once, however many callers race.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import select, update

from storefront.catalog.models import Carpet
from storefront.extensions import db
from storefront.orders.models import Order, OrderLine
from storefront.orders.services import lock_order, now, set_status

NO_SYNC = {"synchronize_session": False}


def _carpet_changed(carpet_id: int) -> None:
    """Objects in the session are stale after a bulk UPDATE: reload on next access."""
    carpet = db.session.identity_map.get(db.session.identity_key(Carpet, carpet_id))
    if carpet is not None:
        db.session.expire(carpet, ["stock", "status", "updated_at"])


def reserve_carpet(carpet_id: int) -> bool:
    """Take one piece of ``carpet_id`` if it is for sale; False when sold or held by someone."""
    result = db.session.execute(
        update(Carpet)
        .where(Carpet.id == carpet_id, Carpet.status == "published", Carpet.stock > 0)
        .values(stock=Carpet.stock - 1),
        execution_options=NO_SYNC,
    )
    _carpet_changed(carpet_id)
    return result.rowcount == 1


def _move_hold(line: OrderLine, old: str, new: str) -> bool:
    result = db.session.execute(
        update(OrderLine).where(OrderLine.id == line.id, OrderLine.hold == old).values(hold=new),
        execution_options=NO_SYNC,
    )
    db.session.expire(line, ["hold"])
    return result.rowcount == 1


def release_line(line: OrderLine) -> bool:
    """Give the line's carpet back to the shop (once)."""
    if line.carpet_id is None or not _move_hold(line, "held", "released"):
        return False
    release_line_stock(line.carpet_id)
    return True


def consume_line(line: OrderLine) -> bool:
    """The held piece is sold: the carpet becomes ``sold`` when no piece is left."""
    if not _move_hold(line, "held", "consumed"):
        return False
    if line.carpet_id is not None:
        db.session.execute(
            update(Carpet)
            .where(Carpet.id == line.carpet_id, Carpet.stock == 0, Carpet.status == "published")
            .values(status="sold"),
            execution_options=NO_SYNC,
        )
        _carpet_changed(line.carpet_id)
    return True


def rehold_line(line: OrderLine) -> bool:
    """Hold a released line's carpet again (a late payment); False if someone else has it."""
    if line.hold == "held":
        return True
    if line.hold != "released" or line.carpet_id is None or not reserve_carpet(line.carpet_id):
        return False
    if not _move_hold(line, "released", "held"):
        release_line_stock(line.carpet_id)
        return False
    return True


def hold_all(order: Order) -> bool:
    """True when every line's carpet is (still, or again) held for ``order``; all or nothing."""
    reheld = []
    for line in order.lines:
        if line.hold == "held":
            continue
        if not rehold_line(line):
            for other in reheld:
                release_line(other)
            return False
        reheld.append(line)
    return True


def release_line_stock(carpet_id: int) -> None:
    db.session.execute(
        update(Carpet).where(Carpet.id == carpet_id).values(stock=Carpet.stock + 1),
        execution_options=NO_SYNC,
    )
    _carpet_changed(carpet_id)


def release_order(order: Order) -> int:
    """Release every held line of ``order``; returns how many pieces went back."""
    return sum(1 for line in order.lines if release_line(line))


def end_pending(order: Order, status: str) -> bool:
    """Release the holds of a pending order and move it to ``expired`` or ``cancelled``."""
    if order.status != "pending_payment":
        return False
    release_order(order)
    set_status(order, status)
    db.session.flush()
    return True


def expired_order_ids(
    carpet_ids: Iterable[int] | None = None, at: dt.datetime | None = None
) -> list[int]:
    """Pending orders whose reservation ran out (optionally only those holding ``carpet_ids``)."""
    query = select(Order.id).where(
        Order.status == "pending_payment", Order.reserved_until < (at or now())
    )
    if carpet_ids is not None:
        ids = list(carpet_ids)
        if not ids:
            return []
        query = query.where(
            Order.id.in_(
                select(OrderLine.order_id).where(
                    OrderLine.carpet_id.in_(ids), OrderLine.hold == "held"
                )
            )
        )
    return list(db.session.scalars(query.order_by(Order.id)))


def release_expired(carpet_ids: Iterable[int] | None = None, at: dt.datetime | None = None) -> int:
    """Expire stale reservations (lazily on access, and from ``flask payments reconcile``).

    Each order is locked and re-checked, so concurrent sweepers release a hold only once.
    """
    released = 0
    for order_id in expired_order_ids(carpet_ids, at):
        order = lock_order(order_id)
        if order is None or order.status != "pending_payment":
            continue
        until = order.reserved_until
        if until is not None and until.tzinfo is None:
            until = until.replace(tzinfo=dt.UTC)
        if until is None or until >= (at or now()):
            continue
        if end_pending(order, "expired"):
            released += 1
    return released
