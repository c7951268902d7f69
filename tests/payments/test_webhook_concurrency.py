"""Concurrent deliveries on PostgreSQL: real transactions in threads, one effect in the end."""

from __future__ import annotations

import threading

import pytest
from flask import Flask

from storefront.catalog.models import Carpet
from storefront.extensions import db
from storefront.mail import sent_messages
from storefront.orders.models import Order
from storefront.payments.webhooks import WebhookEvent
from tests.builders import make_carpet
from tests.conftest import IS_POSTGRES
from tests.payments.fake_razorpay import FakeRazorpay
from tests.payments.fakes import FakeStripe, Signed
from tests.payments.gateway_builders import begin, make_pending_order

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not IS_POSTGRES, reason="needs PostgreSQL (TEST_DATABASE_URL)"),
]


def race(app: Flask, path: str, deliveries: list[Signed]) -> list[tuple[int, str]]:
    """POST every delivery at the same moment from its own thread (own session, own connection)."""
    barrier = threading.Barrier(len(deliveries))
    results: list[tuple[int, str]] = []
    lock = threading.Lock()

    def send(signed: Signed) -> None:
        client = app.test_client()
        barrier.wait()
        response = client.post(path, data=signed[0], headers=signed[1])
        with lock:
            outcome = (response.get_json(silent=True) or {}).get("outcome", "")
            results.append((response.status_code, outcome))

    threads = [threading.Thread(target=send, args=(d,)) for d in deliveries]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def buyer_mails(app: Flask) -> int:
    return len([m for m in sent_messages(app) if m["To"] == "buyer@example.com"])


def test_same_stripe_event_delivered_concurrently_is_processed_once(
    app: Flask, fake_stripe: FakeStripe
) -> None:
    carpet = make_carpet()
    order = make_pending_order("USD", carpets=[carpet])
    sid = begin(app, order, "stripe").provider_ref
    signed = fake_stripe.buyer_pays(sid)
    carpet_id = carpet.id
    db.session.remove()

    results = race(app, "/webhooks/stripe", [signed] * 8)

    assert sorted(results) == [(200, "duplicate")] * 7 + [(200, "order:paid")]
    assert db.session.query(WebhookEvent).count() == 1
    assert db.session.get(Carpet, carpet_id).status == "sold"
    assert buyer_mails(app) == 1


def test_different_events_for_one_payment_race_to_one_sale(
    app: Flask, fake_stripe: FakeStripe
) -> None:
    """completed and async_payment_succeeded for the same session at once: settle locks."""
    order = make_pending_order("USD")
    sid = begin(app, order, "stripe").provider_ref
    completed = fake_stripe.buyer_pays(sid)
    succeeded = fake_stripe.async_result(sid)
    order_id = order.id
    db.session.remove()

    results = race(app, "/webhooks/stripe", [completed, succeeded] * 3)

    assert all(status == 200 for status, _ in results)
    assert sorted(o for _, o in results).count("duplicate") == 4
    assert db.session.query(WebhookEvent).count() == 2
    assert db.session.get(Order, order_id).status == "paid"
    assert buyer_mails(app) == 1


def test_razorpay_event_redelivered_concurrently(app: Flask, fake_razorpay: FakeRazorpay) -> None:
    order = make_pending_order("INR")
    ref = begin(app, order, "razorpay").provider_ref
    paid = fake_razorpay.buyer_pays(ref)
    captured = fake_razorpay.webhook("payment.captured", paid.entity, event_id="evt_Twice")
    order_paid = fake_razorpay.webhook("order.paid", paid.entity)
    order_id = order.id
    db.session.remove()

    results = race(app, "/webhooks/razorpay", [captured] * 4 + [order_paid] * 2)

    outcomes = sorted(o for _, o in results)
    assert outcomes.count("duplicate") == 4  # 3 copies of evt_Twice + 1 copy of order.paid
    assert db.session.query(WebhookEvent).count() == 2
    assert db.session.get(Order, order_id).status == "paid"
    assert buyer_mails(app) == 1
