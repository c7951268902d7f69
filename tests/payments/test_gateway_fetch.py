"""Reconciliation through the real gateways' ``fetch``/``cancel``: lost webhooks still settle."""

from __future__ import annotations

import datetime as dt

from flask import Flask
from flask.testing import FlaskCliRunner

from storefront.catalog.models import Carpet
from storefront.extensions import db
from storefront.orders.models import Order
from tests.builders import make_carpet
from tests.payments.fake_razorpay import FakeRazorpay
from tests.payments.fakes import FakeStripe
from tests.payments.gateway_builders import begin, make_pending_order


def reconcile(runner: FlaskCliRunner) -> str:
    result = runner.invoke(args=["payments", "reconcile"])
    assert result.exit_code == 0, result.output
    return result.output


def lapse(order: Order) -> None:
    order.reserved_until = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    db.session.commit()


def test_stripe_payment_whose_webhook_never_came(
    app: Flask, runner: FlaskCliRunner, fake_stripe: FakeStripe
) -> None:
    carpet = make_carpet()
    order = make_pending_order("USD", carpets=[carpet])
    sid = begin(app, order, "stripe").provider_ref
    fake_stripe.buyer_pays(sid)  # the signed event is lost on the way
    assert "settled: 1" in reconcile(runner)
    db.session.expire_all()
    assert order.status == "paid"
    assert db.session.get(Carpet, carpet.id).status == "sold"


def test_stripe_hold_ran_out_expires_the_session_then_the_order(
    app: Flask, runner: FlaskCliRunner, fake_stripe: FakeStripe
) -> None:
    carpet = make_carpet()
    order = make_pending_order("USD", carpets=[carpet])
    sid = begin(app, order, "stripe").provider_ref
    lapse(order)
    assert "expired: 1" in reconcile(runner)
    assert fake_stripe.sessions[sid]["status"] == "expired"  # nobody can pay it any more
    db.session.expire_all()
    assert order.status == "expired"
    assert db.session.get(Carpet, carpet.id).stock == 1


def test_stripe_open_session_within_the_hold_stays_pending(
    app: Flask, runner: FlaskCliRunner, fake_stripe: FakeStripe
) -> None:
    order = make_pending_order("EUR")
    sid = begin(app, order, "stripe").provider_ref
    assert "pending: 1" in reconcile(runner)
    assert fake_stripe.sessions[sid]["status"] == "open"


def test_razorpay_capture_after_a_failed_attempt_found_by_reconcile(
    app: Flask, runner: FlaskCliRunner, fake_razorpay: FakeRazorpay
) -> None:
    order = make_pending_order("INR")
    ref = begin(app, order, "razorpay").provider_ref
    fake_razorpay.buyer_pays(ref, status="failed")
    fake_razorpay.buyer_pays(ref)  # callback and webhooks both lost
    assert "settled: 1" in reconcile(runner)
    db.session.expire_all()
    assert order.status == "paid"


def test_razorpay_only_failed_attempts_and_the_hold_ran_out(
    app: Flask, runner: FlaskCliRunner, fake_razorpay: FakeRazorpay
) -> None:
    carpet = make_carpet()
    order = make_pending_order("INR", carpets=[carpet])
    ref = begin(app, order, "razorpay").provider_ref
    fake_razorpay.buyer_pays(ref, status="failed")
    lapse(order)
    assert "expired: 1" in reconcile(runner)
    db.session.expire_all()
    assert order.status == "expired"
    assert db.session.get(Carpet, carpet.id).stock == 1
