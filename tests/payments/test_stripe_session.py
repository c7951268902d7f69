"""Creating the Stripe Checkout Session: what goes over the wire, reuse, and gateway failures."""

from __future__ import annotations

import pytest
import requests
from flask import Flask

from storefront.catalog.models import Carpet
from storefront.extensions import db
from storefront.payments import available_gateways
from storefront.payments.base import GatewayError
from storefront.payments.models import Payment
from tests.builders import make_carpet
from tests.payments.fakes import FakeStripe
from tests.payments.gateway_builders import begin, make_pending_order


def test_session_request_carries_db_prices_metadata_and_idempotency_key(
    app: Flask, fake_stripe: FakeStripe
) -> None:
    carpets = [make_carpet(), make_carpet()]
    order = make_pending_order("USD", carpets=carpets)

    start = begin(app, order, "stripe")

    (call,) = fake_stripe.create_calls()
    form = call["form"]
    assert form["mode"] == "payment"
    for i, line in enumerate(order.lines):
        assert form[f"line_items[{i}][quantity]"] == "1"
        assert form[f"line_items[{i}][price_data][unit_amount]"] == str(line.amount_minor)
        assert form[f"line_items[{i}][price_data][currency]"] == "usd"
        assert form[f"line_items[{i}][price_data][product_data][name]"] == line.title
        assert form[f"line_items[{i}][price_data][product_data][metadata][sku]"] == line.sku
    assert "line_items[2][price_data][unit_amount]" not in form  # exports: no tax line
    assert form["shipping_options[0][shipping_rate_data][fixed_amount][amount]"] == "15000"
    assert form["shipping_options[0][shipping_rate_data][fixed_amount][currency]"] == "usd"
    assert form["metadata[order_id]"] == str(order.id)
    assert form["payment_intent_data[metadata][order_id]"] == str(order.id)
    assert form["client_reference_id"] == order.number
    assert form["customer_email"] == "buyer@example.com"
    assert form["success_url"] == (  # literal braces: Stripe fills in the session id
        "http://localhost/en/checkout/stripe/return?session_id={CHECKOUT_SESSION_ID}"
    )
    assert form["cancel_url"] == f"https://bunkar.test/en/orders/{order.token}"
    assert form["adaptive_pricing[enabled]"] == "false"
    assert form["allowed_payment_method_types[0]"] == "card"
    expires = int(order.payment_expires_at.timestamp())
    assert form["expires_at"] == str(expires)
    assert call["headers"]["Idempotency-Key"] == f"checkout:{order.id}:{expires}"

    session = fake_stripe.sessions[start.provider_ref]
    assert session["amount_total"] == order.total_minor == 2 * 169_500 + 15_000
    assert start.redirect_url == session["url"]
    db.session.refresh(order)
    assert order.provider_ref == start.provider_ref
    assert order.payment_provider == "stripe"
    assert db.session.query(Payment).filter_by(provider_ref=start.provider_ref).count() == 1


def test_paying_again_reuses_the_open_session(app: Flask, fake_stripe: FakeStripe) -> None:
    order = make_pending_order("EUR")
    first = begin(app, order, "stripe")
    second = begin(app, order, "stripe")
    assert second.redirect_url == first.redirect_url
    assert len(fake_stripe.create_calls()) == 1
    assert len(fake_stripe.sessions) == 1


def test_a_retried_create_gets_the_same_session_from_the_idempotency_key(
    app: Flask, fake_stripe: FakeStripe
) -> None:
    """A timeout after Stripe created the session: the retry must not open a second one."""
    from storefront.payments.stripe_gateway import StripeGateway

    order = make_pending_order("GBP")
    gateway = StripeGateway(app.config)
    with app.test_request_context("/en/checkout/"):
        a = gateway.start(order, "https://bunkar.test/r", "https://bunkar.test/c")
        b = gateway.start(order, "https://bunkar.test/r", "https://bunkar.test/c")
    assert a.provider_ref == b.provider_ref
    assert len(fake_stripe.sessions) == 1


@pytest.mark.parametrize(
    "failure",
    [
        requests.exceptions.ConnectTimeout("connect timed out"),
        requests.exceptions.ReadTimeout("read timed out"),
        requests.exceptions.ConnectionError("connection refused"),
        (500, {"error": {"type": "api_error", "message": "Something went wrong"}}),
        (400, {"error": {"type": "invalid_request_error", "message": "Invalid currency"}}),
    ],
    ids=["connect-timeout", "read-timeout", "connection", "5xx", "400"],
)
def test_gateway_failure_at_session_creation_cancels_and_releases(
    app: Flask, fake_stripe: FakeStripe, failure: object
) -> None:
    carpet = make_carpet()
    order = make_pending_order("USD", carpets=[carpet])
    assert db.session.get(Carpet, carpet.id).stock == 0
    fake_stripe.fail_next = failure  # type: ignore[assignment]

    with pytest.raises(GatewayError):
        begin(app, order, "stripe")
    db.session.commit()  # the view commits the cancellation before showing its message

    db.session.expire_all()
    assert db.session.get(Carpet, carpet.id).stock == 1
    assert order.status == "cancelled"
    assert len(fake_stripe.create_calls()) == 1  # max_network_retries=0 in testing: no retry


def test_gateways_without_keys_are_not_offered(app: Flask) -> None:
    with app.app_context():
        assert available_gateways() == ["fake"]
        app.config.update(STRIPE_SECRET_KEY="sk_test_x")  # webhook secret still missing
        assert "stripe" not in available_gateways()
        app.config.update(STRIPE_WEBHOOK_SECRET="whsec_test")
        assert available_gateways() == ["stripe", "fake"]
        app.config.update(
            RAZORPAY_KEY_ID="rzp_test_x",
            RAZORPAY_KEY_SECRET="s",
            RAZORPAY_WEBHOOK_SECRET="w",
        )
        assert available_gateways() == ["razorpay", "stripe", "fake"]


def test_cancel_expires_only_an_open_session(app: Flask, fake_stripe: FakeStripe) -> None:
    from storefront.payments.stripe_gateway import StripeGateway

    order = make_pending_order("USD")
    start = begin(app, order, "stripe")
    gateway = StripeGateway(app.config)
    gateway.cancel(order)
    assert fake_stripe.sessions[start.provider_ref]["status"] == "expired"
    gateway.cancel(order)  # no longer open: Stripe says 400, we leave it alone
    assert fake_stripe.sessions[start.provider_ref]["status"] == "expired"
