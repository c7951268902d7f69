"""Razorpay: Orders API, the checkout page, the signed callback with a server-side fetch."""

from __future__ import annotations

import json
import re

import pytest
import requests
from flask import Flask
from flask.testing import FlaskClient

from storefront.catalog.models import Carpet
from storefront.extensions import db
from storefront.mail import sent_messages
from storefront.payments.base import GatewayError
from storefront.payments.webhooks import WebhookEvent
from tests.builders import make_carpet
from tests.payments.fake_razorpay import FakeRazorpay
from tests.payments.fakes import RZP_KEY_ID, RZP_KEY_SECRET, RZP_WHSEC
from tests.payments.gateway_builders import begin, make_pending_order

CALLBACK = "/{lang}/checkout/razorpay/callback"


@pytest.fixture
def placed(app: Flask, fake_razorpay: FakeRazorpay):  # noqa: ANN201
    carpet = make_carpet()
    order = make_pending_order("INR", carpets=[carpet], lang="hi")
    start = begin(app, order, "razorpay")
    return order, carpet, start


def test_order_is_created_in_paise_with_our_binding(
    app: Flask, fake_razorpay: FakeRazorpay, placed
) -> None:
    order, _carpet, start = placed
    (call,) = [c for c in fake_razorpay.calls if c["path"] == "/v1/orders"]
    assert call["json"] == {
        "amount": order.total_minor,
        "currency": "INR",
        "receipt": order.number,
        "notes": {"order_id": str(order.id), "order_number": order.number},
        "partial_payment": False,
    }
    assert order.total_minor == 15_000_000 + 250_000 + 750_000  # price + shipping + 5 % GST
    assert start.provider_ref in fake_razorpay.orders
    assert start.redirect_url == f"/hi/checkout/razorpay/{order.token}"
    assert start.client_params["key"] == RZP_KEY_ID
    assert start.client_params["order_id"] == start.provider_ref
    # Paying again reuses the Razorpay order (the buyer can retry inside it).
    begin(app, order, "razorpay")
    assert len(fake_razorpay.orders) == 1


def test_checkout_page_carries_options_but_never_the_secret(client: FlaskClient, placed) -> None:
    order, _carpet, start = placed
    response = client.get(f"/hi/checkout/razorpay/{order.token}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    options = json.loads(re.search(r"data-options='([^']*)'", html).group(1))
    assert options["key"] == RZP_KEY_ID
    assert options["order_id"] == start.provider_ref
    assert options["amount"] == order.total_minor and options["currency"] == "INR"
    assert options["redirect"] is True
    assert options["callback_url"] == "http://localhost/hi/checkout/razorpay/callback"
    assert options["prefill"] == {"email": "buyer@example.com", "contact": "+919812345678"}
    assert RZP_KEY_SECRET not in html and RZP_WHSEC not in html
    assert "https://checkout.razorpay.com/v1/checkout.js" in html
    assert "/static/js/razorpay-checkout.js" in html
    assert "<noscript>" in html
    assert response.headers["Cache-Control"] == "no-store"
    assert 'lang="hi"' in html


def test_callback_verifies_fetches_and_settles(
    app: Flask, client: FlaskClient, fake_razorpay: FakeRazorpay, placed
) -> None:
    order, carpet, start = placed
    paid = fake_razorpay.buyer_pays(start.provider_ref)

    response = client.post(CALLBACK.format(lang="hi"), data=paid.callback)
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/hi/orders/{order.token}")
    assert "Set-Cookie" not in response.headers  # cross-site POST: never replace the session
    db.session.expire_all()
    assert order.status == "paid"
    assert db.session.get(Carpet, carpet.id).status == "sold"
    fetched = [c for c in fake_razorpay.calls if c["path"] == f"/v1/payments/{paid.entity['id']}"]
    assert len(fetched) == 1

    # Then the webhooks arrive: nothing changes, one confirmation mail in all.
    for kind in ("payment.captured", "order.paid"):
        body, headers = fake_razorpay.webhook(kind, paid.entity)
        assert client.post("/webhooks/razorpay", data=body, headers=headers).status_code == 200
    client.post(CALLBACK.format(lang="hi"), data=paid.callback)  # a reload of the callback
    db.session.expire_all()
    assert order.status == "paid"
    assert len([m for m in sent_messages(app) if m["To"] == "buyer@example.com"]) == 1


def test_webhook_first_then_callback(
    app: Flask, client: FlaskClient, fake_razorpay: FakeRazorpay, placed
) -> None:
    order, _carpet, start = placed
    paid = fake_razorpay.buyer_pays(start.provider_ref)
    body, headers = fake_razorpay.webhook("payment.captured", paid.entity)
    response = client.post("/webhooks/razorpay", data=body, headers=headers)
    assert response.get_json() == {"outcome": "order:paid"}
    assert client.post(CALLBACK.format(lang="hi"), data=paid.callback).status_code == 303
    db.session.expire_all()
    assert order.status == "paid"
    assert len([m for m in sent_messages(app) if m["To"] == "buyer@example.com"]) == 1


@pytest.mark.parametrize("forgery", ["other-secret", "other-payment", "other-order", "missing"])
def test_callback_with_a_bad_signature_changes_nothing(
    client: FlaskClient, fake_razorpay: FakeRazorpay, placed, forgery: str
) -> None:
    order, carpet, start = placed
    paid = fake_razorpay.buyer_pays(start.provider_ref)
    form = dict(paid.callback)
    if forgery == "other-secret":
        form = fake_razorpay.callback_form(start.provider_ref, paid.entity["id"], secret="nope")
    elif forgery == "other-payment":
        form["razorpay_payment_id"] = "pay_SomeoneElse"
    elif forgery == "other-order":
        other = make_pending_order("INR", lang="hi")
        other_ref = begin(client.application, other, "razorpay").provider_ref
        form["razorpay_order_id"] = other_ref  # the signature binds the first order
    else:
        form.pop("razorpay_signature")
    assert client.post(CALLBACK.format(lang="hi"), data=form).status_code == 400
    db.session.expire_all()
    assert order.status == "pending_payment"
    assert db.session.get(Carpet, carpet.id).stock == 0


def test_payment_bound_to_another_razorpay_order_is_refused(
    client: FlaskClient, fake_razorpay: FakeRazorpay, placed
) -> None:
    """Signed for our order id, but the fetched payment belongs to another Razorpay order."""
    order, _carpet, start = placed
    stray = fake_razorpay.buyer_pays(start.provider_ref, bound_to="order_Elsewhere")
    assert client.post(CALLBACK.format(lang="hi"), data=stray.callback).status_code == 400
    db.session.expire_all()
    assert order.status == "pending_payment"


def test_fetched_amount_differs_goes_to_refund(
    client: FlaskClient, fake_razorpay: FakeRazorpay, placed
) -> None:
    order, carpet, start = placed
    short = fake_razorpay.buyer_pays(start.provider_ref, amount=100)
    assert client.post(CALLBACK.format(lang="hi"), data=short.callback).status_code == 303
    db.session.expire_all()
    assert order.status == "refunded"  # needs_refund, and the refund was accepted at once
    assert db.session.get(Carpet, carpet.id).stock == 1
    (refund,) = fake_razorpay.refunds.values()
    assert (refund["payment_id"], refund["amount"]) == (short.entity["id"], 100)


def test_failure_callback_sends_the_buyer_back_to_retry(client: FlaskClient, placed) -> None:
    order, _carpet, start = placed
    form = {
        "error[code]": "BAD_REQUEST_ERROR",
        "error[description]": "Payment failed",
        "error[metadata]": json.dumps({"order_id": start.provider_ref, "payment_id": "pay_x"}),
    }
    response = client.post(CALLBACK.format(lang="hi"), data=form)
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/hi/checkout/razorpay/{order.token}?failed=1")
    page = client.get(response.headers["Location"])
    assert page.status_code == 200
    assert 'data-autoopen="0"' in page.get_data(as_text=True)
    db.session.expire_all()
    assert order.status == "pending_payment"


@pytest.mark.parametrize(
    "failure",
    [requests.exceptions.ReadTimeout("slow"), (500, {"error": {"code": "SERVER_ERROR"}})],
    ids=["timeout", "5xx"],
)
def test_razorpay_down_at_order_creation_releases_the_carpet(
    app: Flask, fake_razorpay: FakeRazorpay, failure: object
) -> None:
    carpet = make_carpet()
    order = make_pending_order("INR", carpets=[carpet])
    fake_razorpay.fail_next = failure  # type: ignore[assignment]
    with pytest.raises(GatewayError):
        begin(app, order, "razorpay")
    db.session.commit()
    db.session.expire_all()
    assert order.status == "cancelled"
    assert db.session.get(Carpet, carpet.id).stock == 1


def test_webhook_signature_and_dedup_by_event_id(
    client: FlaskClient, fake_razorpay: FakeRazorpay, placed
) -> None:
    order, _carpet, start = placed
    paid = fake_razorpay.buyer_pays(start.provider_ref)
    body, headers = fake_razorpay.webhook("payment.captured", paid.entity, event_id="evt_Same")

    forged = dict(headers, **{"X-Razorpay-Signature": "0" * 64})
    assert client.post("/webhooks/razorpay", data=body, headers=forged).status_code == 400
    missing = {k: v for k, v in headers.items() if k != "X-Razorpay-Signature"}
    assert client.post("/webhooks/razorpay", data=body, headers=missing).status_code == 400
    key_secret_signed = fake_razorpay.webhook(
        "payment.captured", paid.entity, secret=RZP_KEY_SECRET
    )
    assert (
        client.post(
            "/webhooks/razorpay", data=key_secret_signed[0], headers=key_secret_signed[1]
        ).status_code
        == 400
    )  # the wrong secret
    reserialised = json.dumps(
        json.loads(body), separators=(",", ":")
    ).encode()  # not the exact bytes any more
    assert client.post("/webhooks/razorpay", data=reserialised, headers=headers).status_code == 400
    assert db.session.query(WebhookEvent).count() == 0

    assert client.post("/webhooks/razorpay", data=body, headers=headers).get_json() == {
        "outcome": "order:paid"
    }
    again = fake_razorpay.webhook("payment.captured", paid.entity, event_id="evt_Same")
    assert client.post("/webhooks/razorpay", data=again[0], headers=again[1]).get_json() == {
        "outcome": "duplicate"
    }
    db.session.expire_all()
    assert order.status == "paid"


def test_failed_then_captured_is_not_terminal(
    client: FlaskClient, fake_razorpay: FakeRazorpay, placed
) -> None:
    order, _carpet, start = placed
    failed = fake_razorpay.buyer_pays(start.provider_ref, status="failed")
    body, headers = fake_razorpay.webhook("payment.failed", failed.entity)
    assert client.post("/webhooks/razorpay", data=body, headers=headers).get_json() == {
        "outcome": "recorded"
    }
    paid = fake_razorpay.buyer_pays(start.provider_ref)
    body, headers = fake_razorpay.webhook("order.paid", paid.entity)
    assert client.post("/webhooks/razorpay", data=body, headers=headers).get_json() == {
        "outcome": "order:paid"
    }
    db.session.expire_all()
    assert order.status == "paid"


def test_refund_processed_webhook_syncs_the_refund(
    app: Flask, client: FlaskClient, fake_razorpay: FakeRazorpay, placed
) -> None:
    from storefront.payments.razorpay_gateway import RazorpayGateway

    order, _carpet, start = placed
    paid = fake_razorpay.buyer_pays(start.provider_ref)
    client.post(CALLBACK.format(lang="hi"), data=paid.callback)
    result = RazorpayGateway(app.config).refund(paid.entity["id"], 500_000, "INR", "staff:1:1")
    assert result.status == "succeeded"
    call = [c for c in fake_razorpay.calls if c["path"].endswith("/refund")][-1]
    assert call["headers"]["X-Refund-Idempotency"] == "staff-1-1_"
    refund = fake_razorpay.refunds[result.provider_refund_ref]
    body, headers = fake_razorpay.webhook(
        "refund.processed", fake_razorpay.payments[paid.entity["id"]], refund=refund
    )
    client.post("/webhooks/razorpay", data=body, headers=headers)
    db.session.expire_all()
    assert order.status == "partially_refunded"
    assert order.refunded_amount == 500_000


def test_unknown_razorpay_order_is_recorded(
    client: FlaskClient, fake_razorpay: FakeRazorpay
) -> None:
    entity = {
        "id": "pay_Stray",
        "entity": "payment",
        "amount": 100_000,
        "currency": "INR",
        "status": "captured",
        "order_id": "order_NotOurs",
        "captured": True,
        "notes": {},
    }
    body, headers = fake_razorpay.webhook("payment.captured", entity)
    assert client.post("/webhooks/razorpay", data=body, headers=headers).get_json() == {
        "outcome": "unknown_order"
    }
    assert db.session.query(WebhookEvent).one().outcome == "unknown_order"


def test_razorpay_page_404_without_keys(app: Flask, client: FlaskClient, placed) -> None:
    order, _carpet, _start = placed
    app.config.update(RAZORPAY_KEY_SECRET="")
    assert client.get(f"/hi/checkout/razorpay/{order.token}").status_code == 404
