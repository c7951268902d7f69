"""``flask payments reconcile``: the webhook never came, yet nothing is lost or sold twice."""

from __future__ import annotations

import datetime as dt

import pytest
from flask import Flask
from sqlalchemy import select

from storefront.catalog.models import Carpet
from storefront.extensions import db
from storefront.orders.models import Order
from storefront.orders.stock import release_expired
from storefront.payments.models import Refund
from storefront.payments.services import reconcile
from tests.builders import make_carpet
from tests.checkout.builders import USA, make_order, pay, seed_tables
from tests.payments.fake_razorpay import FakeRazorpay
from tests.payments.fakes import FakeStripe


@pytest.fixture
def tables(app: Flask) -> None:
    seed_tables()


def _cli(app: Flask) -> str:
    result = app.test_cli_runner().invoke(args=["payments", "reconcile"])
    assert result.exit_code == 0, result.output
    return result.output


def test_stripe_payment_without_webhook_is_settled(
    app: Flask, tables: None, fake_stripe: FakeStripe
) -> None:
    carpet = make_carpet()
    order = make_order(carpet, currency="USD", gateway="stripe", **USA)
    db.session.commit()
    fake_stripe.buyer_pays(order.provider_ref)  # the signed webhook is lost
    assert "settled: 1" in _cli(app)
    db.session.expire_all()
    assert db.session.get(Order, order.id).status == "paid"
    assert db.session.get(Carpet, carpet.id).status == "sold"
    assert "unchanged" in _cli(app) or "settled" not in _cli(app)


def test_razorpay_payment_without_webhook_is_settled(
    app: Flask, tables: None, fake_razorpay: FakeRazorpay
) -> None:
    order = make_order(make_carpet(), gateway="razorpay")
    db.session.commit()
    fake_razorpay.buyer_pays(order.provider_ref)
    assert "settled: 1" in _cli(app)
    db.session.expire_all()
    assert db.session.get(Order, order.id).status == "paid"


def test_unpaid_stripe_session_past_its_time_is_expired_and_closed(
    app: Flask, tables: None, fake_stripe: FakeStripe
) -> None:
    carpet = make_carpet()
    order = make_order(carpet, currency="USD", gateway="stripe", **USA)
    order.reserved_until = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    db.session.commit()
    assert "expired: 1" in _cli(app)
    db.session.expire_all()
    assert db.session.get(Order, order.id).status == "expired"
    assert db.session.get(Carpet, carpet.id).stock == 1
    assert any(c["path"].endswith("/expire") for c in fake_stripe.calls)


def test_late_razorpay_capture_on_a_rug_sold_elsewhere_is_refunded_once(
    app: Flask, tables: None, fake_razorpay: FakeRazorpay
) -> None:
    carpet = make_carpet()
    late = make_order(carpet, gateway="razorpay")
    late.reserved_until = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    db.session.commit()
    release_expired()
    db.session.commit()
    winner = make_order(carpet)
    pay(winner)
    db.session.commit()

    fake_razorpay.buyer_pays(late.provider_ref)  # UPI late authorisation, captured
    reconcile()
    db.session.commit()
    reconcile()  # and again: still one refund
    db.session.commit()

    db.session.expire_all()
    assert db.session.get(Order, late.id).status == "refunded"
    assert db.session.get(Order, winner.id).status == "paid"
    assert len(db.session.scalars(select(Refund)).all()) == 1
    assert len(fake_razorpay.refunds) == 1


def test_refund_that_could_not_be_sent_is_retried_with_the_same_key(
    app: Flask, tables: None, fake_stripe: FakeStripe
) -> None:
    order = make_order(make_carpet(), currency="USD", gateway="stripe", **USA)
    db.session.commit()
    fake_stripe.buyer_pays(order.provider_ref, amount=order.total_minor - 1)  # wrong amount
    import requests

    fake_stripe.fail_next = None
    from storefront.payments import get_gateway

    facts = get_gateway("stripe").fetch(order)
    fake_stripe.fail_next = requests.exceptions.ConnectionError("down")
    from storefront.payments.services import settle

    settle(facts)
    db.session.commit()
    row = db.session.scalar(select(Refund))
    assert row.status == "requested" and order.status == "needs_refund"
    _cli(app)
    db.session.expire_all()
    row = db.session.scalar(select(Refund))
    assert row.status == "succeeded"
    assert db.session.get(Order, order.id).status == "refunded"
    keys = {
        c["headers"].get("Idempotency-Key") for c in fake_stripe.calls if c["path"] == "/v1/refunds"
    }
    assert keys == {row.idempotency_key}
