"""Many buyers, one rug, real concurrent PostgreSQL transactions: exactly one of them gets it.

Each thread has its own app context, hence its own session and connection. SQLite serializes
writers, so it cannot show a race: these tests skip there.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import func, select

from storefront.catalog.models import Carpet
from storefront.checkout.services import CarpetUnavailable, place_order
from storefront.extensions import db
from storefront.mail import sent_messages
from storefront.orders.models import Order
from storefront.payments.models import Payment, Refund
from storefront.payments.services import settle, start_payment
from tests.builders import make_carpet
from tests.checkout.builders import details, paid_facts, seed_tables
from tests.conftest import IS_POSTGRES

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not IS_POSTGRES,
        reason="needs PostgreSQL (TEST_DATABASE_URL): SQLite serializes writers, no real race",
    ),
]
BUYERS = 8


def _run(app: Flask, work: Callable[[int], Any], n: int = BUYERS) -> list[Any]:
    """Run ``work(i)`` in ``n`` threads released together; each has its own session."""
    barrier = threading.Barrier(n)
    results: list[Any] = [None] * n

    def thread(i: int) -> None:
        with app.app_context():
            try:
                barrier.wait(timeout=30)
                results[i] = work(i)
            except Exception as exc:  # noqa: BLE001 - reported by the test
                db.session.rollback()
                results[i] = exc
            finally:
                db.session.remove()

    threads = [threading.Thread(target=thread, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results


def _buy(app: Flask, carpet_id: int, i: int) -> str:
    """One buyer: place the order, open the (test) payment session, pay. Commits like the views."""
    try:
        order, _q = place_order([carpet_id], details(email=f"b{i}@example.com"), "INR", "en")
    except CarpetUnavailable:
        db.session.rollback()
        return "just sold"
    db.session.commit()
    with app.test_request_context("/en/checkout/place"):
        start_payment(order, "fake", "https://bunkar.test/r", "https://bunkar.test/c")
    db.session.commit()
    settle(paid_facts(order))
    db.session.commit()
    return order.status


def test_eight_buyers_one_rug_exactly_one_paid(app: Flask) -> None:
    seed_tables()
    carpet = make_carpet()
    db.session.commit()

    results = _run(app, lambda i: _buy(app, carpet.id, i))

    assert not [r for r in results if isinstance(r, Exception)], results
    assert sorted(results) == ["just sold"] * (BUYERS - 1) + ["paid"]
    db.session.expire_all()
    row = db.session.get(Carpet, carpet.id)
    assert row.status == "sold" and row.stock == 0
    assert db.session.scalar(select(func.count(Order.id))) == 1
    assert db.session.scalar(select(func.count(Order.id)).where(Order.status == "paid")) == 1


def test_two_pieces_eight_buyers_exactly_two_paid(app: Flask) -> None:
    seed_tables()
    carpet = make_carpet(stock=2)
    db.session.commit()
    results = _run(app, lambda i: _buy(app, carpet.id, i))
    assert sorted(results) == ["just sold"] * (BUYERS - 2) + ["paid", "paid"]
    db.session.expire_all()
    row = db.session.get(Carpet, carpet.id)
    assert row.stock == 0 and row.status == "sold"


def test_same_payment_settled_concurrently_counts_once(app: Flask) -> None:
    seed_tables()
    carpet = make_carpet()
    order, _q = place_order([carpet.id], details(), "INR", "en")
    db.session.commit()
    with app.test_request_context("/en/checkout/place"):
        start_payment(order, "fake", "https://bunkar.test/r", "https://bunkar.test/c")
    db.session.commit()
    facts = paid_facts(order)

    def deliver(i: int) -> str:  # webhook, return page and reconcile all at once
        status = settle(facts).status
        db.session.commit()
        return status

    results = _run(app, deliver)
    assert results == ["paid"] * BUYERS, results
    db.session.expire_all()
    assert db.session.scalar(select(func.count(Payment.id))) == 1
    assert db.session.scalar(select(func.count(Refund.id))) == 0
    to_buyer = [m for m in sent_messages(app) if m["To"] == "buyer@example.com"]
    assert len(to_buyer) == 1  # one confirmation, not eight


def test_late_payment_races_a_new_buyer_never_both(app: Flask) -> None:
    """The first buyer's hold ran out (not yet swept) as their money lands; a second buyer tries."""
    seed_tables()
    carpet = make_carpet()
    late, _q = place_order([carpet.id], details(email="late@example.com"), "INR", "en")
    db.session.commit()
    with app.test_request_context("/en/checkout/place"):
        start_payment(late, "fake", "https://bunkar.test/r", "https://bunkar.test/c")
    late.reserved_until = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    db.session.commit()
    facts = paid_facts(late)

    def work(i: int) -> str:
        if i == 0:
            status = settle(facts).status
            db.session.commit()
            return f"late:{status}"
        return "new:" + _buy(app, carpet.id, i)

    results = _run(app, work, n=4)
    assert not [r for r in results if isinstance(r, Exception)], results
    db.session.expire_all()
    paid = db.session.scalars(select(Order).where(Order.status == "paid")).all()
    assert len(paid) == 1, results  # exactly one buyer keeps the rug
    late_row = db.session.get(Order, late.id)
    if paid[0].id == late.id:
        assert results.count("new:just sold") == 3
        assert db.session.scalar(select(func.count(Refund.id))) == 0
    else:
        assert late_row.status == "refunded"  # the late payment went back, exactly once
        assert db.session.scalar(select(func.count(Refund.id))) == 1
    row = db.session.get(Carpet, carpet.id)
    assert row.status == "sold" and row.stock == 0
