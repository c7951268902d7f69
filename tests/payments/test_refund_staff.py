"""Staff refunds, full or partial, through the real gateways' HTTP boundary: never above paid."""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import select

from storefront.extensions import db
from storefront.payments.models import Payment, Refund
from storefront.payments.services import RefundNotAllowed, refund, settle
from tests.builders import make_carpet
from tests.checkout.builders import USA, make_order, pay, seed_tables
from tests.payments.fake_razorpay import FakeRazorpay
from tests.payments.fakes import FakeStripe


@pytest.fixture
def tables(app: Flask) -> None:
    seed_tables()


def test_partial_then_full_never_more(tables: None) -> None:
    order = make_order(make_carpet())
    pay(order)
    db.session.commit()
    total = order.total_minor

    refund(order, 100_000, actor="staff@bunkar.example", reason="goodwill")
    db.session.commit()
    assert order.status == "partially_refunded" and order.refunded_amount == 100_000

    with pytest.raises(RefundNotAllowed):
        refund(order, total, actor="staff@bunkar.example")  # more than what is left
    with pytest.raises(RefundNotAllowed):
        refund(order, 0, actor="staff@bunkar.example")

    refund(order, total - 100_000, actor="staff@bunkar.example")
    db.session.commit()
    assert order.status == "refunded" and order.refunded_amount == total

    with pytest.raises(RefundNotAllowed):
        refund(order, 1, actor="staff@bunkar.example")
    rows = db.session.scalars(select(Refund)).all()
    assert sum(r.amount for r in rows) == total and {r.actor for r in rows} == {
        "staff@bunkar.example"
    }


def test_unpaid_order_cannot_be_refunded(tables: None) -> None:
    order = make_order(make_carpet())
    db.session.commit()
    with pytest.raises(RefundNotAllowed):
        refund(order, 100, actor="staff")


def test_same_form_submitted_twice_refunds_once(tables: None) -> None:
    order = make_order(make_carpet())
    pay(order)
    db.session.commit()
    refund(order, 5_000, actor="staff", key="form-abc")
    db.session.commit()
    with pytest.raises(RefundNotAllowed):
        refund(order, 5_000, actor="staff", key="form-abc")
    assert order.refunded_amount == 5_000


def test_stripe_refunds_partial_and_full(tables: None, fake_stripe: FakeStripe) -> None:
    order = make_order(make_carpet(), currency="USD", gateway="stripe", **USA)
    db.session.commit()
    fake_stripe.buyer_pays(order.provider_ref)
    from storefront.payments import get_gateway

    settle(get_gateway("stripe").fetch(order))
    db.session.commit()
    assert order.status == "paid"

    refund(order, 10_000, actor="staff")
    refund(order, order.total_minor - 10_000, actor="staff")
    db.session.commit()
    assert order.status == "refunded"
    pi = next(iter(fake_stripe.intents.values()))
    assert pi["amount_refunded"] == order.total_minor == pi["amount_received"]
    keys = [
        c["headers"].get("Idempotency-Key") for c in fake_stripe.calls if c["path"] == "/v1/refunds"
    ]
    assert len(keys) == 2 and len(set(keys)) == 2


def test_razorpay_pending_refund_completes_from_gateway_facts(
    tables: None, fake_razorpay: FakeRazorpay
) -> None:
    order = make_order(make_carpet(), gateway="razorpay")
    db.session.commit()
    fake_razorpay.buyer_pays(order.provider_ref)
    from storefront.payments import get_gateway

    settle(get_gateway("razorpay").fetch(order))
    db.session.commit()
    assert order.status == "paid"
    refund(order, order.total_minor, actor="staff")
    db.session.commit()
    assert order.status == "refunded"
    payment = db.session.scalar(select(Payment))
    assert payment.refunded_amount == payment.captured_amount == order.total_minor
    assert len(fake_razorpay.refunds) == 1
