"""``POST /webhooks/stripe``: real signatures over the raw body, the event log, every event type."""

from __future__ import annotations

import hashlib
import hmac
import json
import time

import pytest
from flask import Flask
from flask.testing import FlaskClient

from storefront.catalog.models import Carpet
from storefront.extensions import db
from storefront.mail import sent_messages
from storefront.payments.models import Payment, Refund
from storefront.payments.webhooks import WebhookEvent
from tests.builders import make_carpet
from tests.payments.fakes import STRIPE_WHSEC, FakeStripe, Signed
from tests.payments.gateway_builders import begin, make_pending_order


def deliver(client: FlaskClient, signed: Signed) -> tuple[int, dict]:
    body, headers = signed
    response = client.post("/webhooks/stripe", data=body, headers=headers)
    return response.status_code, response.get_json(silent=True) or {}


def buyer_mails(app: Flask) -> list:
    return [m for m in sent_messages(app) if m["To"] == "buyer@example.com"]


def events() -> list[WebhookEvent]:
    return list(db.session.query(WebhookEvent).order_by(WebhookEvent.id))


@pytest.fixture
def placed(app: Flask, fake_stripe: FakeStripe):  # noqa: ANN201
    carpet = make_carpet()
    order = make_pending_order("USD", carpets=[carpet])
    start = begin(app, order, "stripe")
    return order, carpet, start.provider_ref


def test_completed_and_paid_settles_the_order_once(
    app: Flask, client: FlaskClient, fake_stripe: FakeStripe, placed
) -> None:
    order, carpet, sid = placed
    signed = fake_stripe.buyer_pays(sid)

    assert deliver(client, signed) == (200, {"outcome": "order:paid"})
    db.session.expire_all()
    assert order.status == "paid"
    assert db.session.get(Carpet, carpet.id).status == "sold"
    (row,) = events()
    assert (row.provider, row.type, row.outcome, row.order_id) == (
        "stripe",
        "checkout.session.completed",
        "order:paid",
        order.id,
    )
    assert row.processed_at is not None
    assert json.loads(row.payload)["data"]["object"]["id"] == sid  # the raw body is kept
    assert len(buyer_mails(app)) == 1

    # Stripe delivers at least once: the same event again changes nothing.
    assert deliver(client, signed) == (200, {"outcome": "duplicate"})
    assert len(events()) == 1
    assert len(buyer_mails(app)) == 1


@pytest.mark.parametrize(
    "tamper",
    ["wrong-secret", "missing-header", "stale", "body-changed", "v0-only", "garbage-header"],
)
def test_forged_missing_or_stale_signatures_are_rejected_and_not_recorded(
    client: FlaskClient, fake_stripe: FakeStripe, placed, tamper: str
) -> None:
    order, carpet, sid = placed
    body, headers = fake_stripe.buyer_pays(sid)
    if tamper == "wrong-secret":
        event = json.loads(body)
        body, headers = fake_stripe.sign(event, secret="whsec_attacker")
    elif tamper == "missing-header":
        headers.pop("Stripe-Signature")
    elif tamper == "stale":  # signed 301 s ago: beyond the 300 s tolerance
        body, headers = fake_stripe.sign(json.loads(body), ts=int(time.time()) - 301)
    elif tamper == "body-changed":
        body = body.replace(b'"amount_total": 184500', b'"amount_total": 100')
        assert b'"amount_total": 100' in body
    elif tamper == "v0-only":
        headers["Stripe-Signature"] = headers["Stripe-Signature"].replace("v1=", "v0=")
    else:
        headers["Stripe-Signature"] = "not a signature"

    assert deliver(client, (body, headers))[0] == 400
    assert events() == []
    db.session.expire_all()
    assert order.status == "pending_payment"


def test_a_signature_computed_by_hand_is_accepted(
    client: FlaskClient, fake_stripe: FakeStripe, placed
) -> None:
    """Pins the algorithm: HMAC-SHA256(whsec, f"{t}.{raw body}") in a ``v1`` entry."""
    order, _carpet, sid = placed
    body, _headers = fake_stripe.buyer_pays(sid)
    t = int(time.time())
    mac = hmac.new(STRIPE_WHSEC.encode(), f"{t}.".encode() + body, hashlib.sha256).hexdigest()
    header = f"t={t},v1={'0' * 64},v1={mac}"  # rotation: any v1 may match
    status, _json = deliver(client, (body, {"Stripe-Signature": header}))
    assert status == 200
    db.session.expire_all()
    assert order.status == "paid"


def test_unpaid_completion_keeps_the_reservation_until_the_async_result(
    client: FlaskClient, fake_stripe: FakeStripe, placed
) -> None:
    order, carpet, sid = placed
    assert deliver(client, fake_stripe.buyer_pays(sid, payment_status="unpaid"))[0] == 200
    db.session.expire_all()
    assert order.status == "pending_payment"
    assert db.session.get(Carpet, carpet.id).stock == 0  # still held for this buyer

    assert deliver(client, fake_stripe.async_result(sid, succeeded=True))[1] == {
        "outcome": "order:paid"
    }
    db.session.expire_all()
    assert order.status == "paid"
    assert db.session.get(Carpet, carpet.id).status == "sold"


def test_async_failure_never_sells_and_releases_the_carpet(
    client: FlaskClient, fake_stripe: FakeStripe, placed
) -> None:
    order, carpet, sid = placed
    deliver(client, fake_stripe.buyer_pays(sid, payment_status="unpaid"))
    db.session.expire_all()
    assert order.status == "pending_payment"  # delayed method: still held for the buyer
    assert db.session.get(Carpet, carpet.id).stock == 0
    assert deliver(client, fake_stripe.async_result(sid, succeeded=False))[0] == 200
    db.session.expire_all()
    assert order.status == "expired"
    rug = db.session.get(Carpet, carpet.id)
    assert (rug.status, rug.stock) == ("published", 1)
    assert [e.type for e in events()][-1] == "checkout.session.async_payment_failed"


def test_expired_session_releases_the_carpet(
    client: FlaskClient, fake_stripe: FakeStripe, placed
) -> None:
    order, carpet, sid = placed
    assert deliver(client, fake_stripe.expire(sid)) == (200, {"outcome": "order:expired"})
    db.session.expire_all()
    assert order.status == "expired"
    assert db.session.get(Carpet, carpet.id).stock == 1


def test_expired_arriving_after_completed_changes_nothing(
    client: FlaskClient, fake_stripe: FakeStripe, placed
) -> None:
    order, carpet, sid = placed
    paid = fake_stripe.buyer_pays(sid)
    late_expired = fake_stripe.expired_event(sid)
    deliver(client, paid)
    assert deliver(client, late_expired) == (200, {"outcome": "order:paid"})
    db.session.expire_all()
    assert order.status == "paid"
    assert db.session.get(Carpet, carpet.id).status == "sold"


def test_refund_event_arriving_before_completed(
    app: Flask, client: FlaskClient, fake_stripe: FakeStripe, placed
) -> None:
    """A dashboard refund right after payment; Stripe delivers charge.refunded first."""
    from storefront.payments.stripe_gateway import StripeGateway

    order, _carpet, sid = placed
    completed = fake_stripe.buyer_pays(sid)
    pi = fake_stripe.sessions[sid]["payment_intent"]
    StripeGateway(app.config).refund(pi, order.total_minor, "USD", "dashboard:1")
    assert deliver(client, fake_stripe.charge_refunded(pi)) == (200, {"outcome": "order:refunded"})
    assert deliver(client, completed) == (200, {"outcome": "order:refunded"})
    db.session.expire_all()
    assert order.status == "refunded"
    assert order.refunded_amount == order.total_minor
    assert len(fake_stripe.refunds) == 1


def test_partial_refund_event_is_cumulative(
    app: Flask, client: FlaskClient, fake_stripe: FakeStripe, placed
) -> None:
    from storefront.payments.stripe_gateway import StripeGateway

    order, _carpet, sid = placed
    deliver(client, fake_stripe.buyer_pays(sid))
    pi = fake_stripe.sessions[sid]["payment_intent"]
    gateway = StripeGateway(app.config)
    gateway.refund(pi, 10_000, "USD", "dashboard:1")
    first = fake_stripe.charge_refunded(pi, with_metadata=False)  # found through the pi
    gateway.refund(pi, 5_000, "USD", "dashboard:2")
    second = fake_stripe.charge_refunded(pi, with_metadata=False)
    deliver(client, second)
    deliver(client, first)  # older, smaller cumulative amount: never goes backwards
    db.session.expire_all()
    assert order.status == "partially_refunded"
    assert order.refunded_amount == 15_000


@pytest.mark.parametrize("change", [{"amount": 100}, {"currency": "eur"}])
def test_amount_or_currency_mismatch_is_refunded_not_sold(
    app: Flask, client: FlaskClient, fake_stripe: FakeStripe, placed, change: dict
) -> None:
    order, carpet, sid = placed
    signed = fake_stripe.buyer_pays(sid, **change)
    # Stripe accepts the card refund at once: needs_refund -> refunded in the same request.
    assert deliver(client, signed) == (200, {"outcome": "order:refunded"})
    db.session.expire_all()
    assert order.status == "refunded"
    assert db.session.get(Carpet, carpet.id).status == "published"
    assert db.session.get(Carpet, carpet.id).stock == 1
    (refund,) = fake_stripe.refunds.values()
    assert refund["amount"] == fake_stripe.sessions[sid]["amount_total"]
    assert deliver(client, signed) == (200, {"outcome": "duplicate"})
    late = fake_stripe.async_result(sid)  # another event about the same payment
    assert deliver(client, late)[0] == 200
    assert len(fake_stripe.refunds) == 1
    assert db.session.query(Refund).count() == 1


def test_events_for_unknown_orders_are_recorded_with_200(
    client: FlaskClient, fake_stripe: FakeStripe
) -> None:
    session = {
        "id": "cs_test_elsewhere",
        "object": "checkout.session",
        "status": "complete",
        "payment_status": "paid",
        "amount_total": 5000,
        "currency": "usd",
        "metadata": {"order_id": "987654"},
        "payment_intent": "pi_elsewhere",
    }
    signed = fake_stripe.sign(fake_stripe.event("checkout.session.completed", session))
    assert deliver(client, signed) == (200, {"outcome": "unknown_order"})
    (row,) = events()
    assert row.outcome == "unknown_order"
    assert db.session.query(Payment).count() == 0


def test_events_we_only_record(client: FlaskClient, fake_stripe: FakeStripe, placed) -> None:
    order, _carpet, sid = placed
    failed = {
        "id": "pi_x",
        "object": "payment_intent",
        "metadata": {"order_id": str(order.id)},
        "last_payment_error": {"code": "card_declined"},
    }
    signed = fake_stripe.sign(fake_stripe.event("payment_intent.payment_failed", failed))
    assert deliver(client, signed) == (200, {"outcome": "recorded"})
    db.session.expire_all()
    assert order.status == "pending_payment"  # the buyer may still pay in the same session


def test_payment_after_the_reservation_lapsed_and_the_rug_sold_elsewhere(
    app: Flask, client: FlaskClient, fake_stripe: FakeStripe
) -> None:
    """A's session is paid late; B bought the rug meanwhile: A is refunded exactly once."""
    import datetime as dt

    from storefront.orders.stock import release_expired

    carpet = make_carpet()
    order_a = make_pending_order("USD", carpets=[carpet])
    sid_a = begin(app, order_a, "stripe").provider_ref
    fake_stripe.refund_status = "pending"  # the refund settles later, by webhook
    later = dt.datetime.now(dt.UTC) + dt.timedelta(hours=2)
    assert release_expired(at=later) == 1
    db.session.commit()

    order_b = make_pending_order("USD", carpets=[carpet])
    sid_b = begin(app, order_b, "stripe").provider_ref
    deliver(client, fake_stripe.buyer_pays(sid_b))

    late = fake_stripe.buyer_pays(sid_a)
    assert deliver(client, late) == (200, {"outcome": "order:needs_refund"})
    assert deliver(client, late) == (200, {"outcome": "duplicate"})
    db.session.expire_all()
    assert (order_a.status, order_b.status) == ("needs_refund", "paid")
    (refund,) = fake_stripe.refunds.values()
    assert refund["payment_intent"] == fake_stripe.sessions[sid_a]["payment_intent"]
    assert refund["amount"] == order_a.total_minor

    # Stripe confirms the refund: the order is closed as refunded, still one refund.
    confirmed = fake_stripe.charge_refunded(refund["payment_intent"])
    assert deliver(client, confirmed) == (200, {"outcome": "order:refunded"})
    db.session.expire_all()
    assert order_a.status == "refunded"
    assert len(fake_stripe.refunds) == 1
