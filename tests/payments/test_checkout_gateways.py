"""The buyer's whole path through HTTP: place the order, the gateway, the return/callback page."""

from __future__ import annotations

import re
from typing import Any

import pytest
import requests
from flask import Flask
from flask.testing import FlaskClient

from storefront.catalog.models import Carpet
from storefront.extensions import db
from storefront.mail import sent_messages
from storefront.orders.models import Order
from storefront.payments.webhooks import WebhookEvent
from tests.builders import make_carpet
from tests.checkout.builders import MAHARASHTRA, USA, seed_tables
from tests.payments.fake_razorpay import FakeRazorpay
from tests.payments.fakes import FakeStripe
from tests.payments.gateway_builders import begin, make_pending_order


def ready_to_pay(client: FlaskClient, currency: str, **address: Any) -> Carpet:
    """A carpet in the cart and the checkout details filled in (the state before "Place order")."""
    seed_tables()
    carpet = make_carpet()
    db.session.commit()
    details = {
        "email": "buyer@example.com",
        "phone": "+919876543210",
        "phone_typed": "+91 98765 43210",
        "name": "Asha Buyer",
        "address_line1": "12 Station Road",
        "address_line2": "",
        "currency": currency,
        **address,
    }
    with client.session_transaction() as sess:
        sess["cart"] = [carpet.id]
        sess["checkout"] = details
    return carpet


def the_order() -> Order:
    db.session.expire_all()
    return db.session.query(Order).one()


def buyer_mails(app: Flask) -> int:
    return len([m for m in sent_messages(app) if m["To"] == "buyer@example.com"])


def test_stripe_webhook_first_then_the_buyer_returns(
    app: Flask, client: FlaskClient, fake_stripe: FakeStripe
) -> None:
    carpet = ready_to_pay(client, "USD", **USA)
    response = client.post("/en/checkout/place", data={"gateway": "stripe"})
    assert response.status_code == 303
    order = the_order()
    session = fake_stripe.sessions[order.provider_ref]
    assert response.headers["Location"] == session["url"]
    assert session["amount_total"] == order.total_minor  # what we charge is what we computed
    assert db.session.get(Carpet, carpet.id).stock == 0  # held while the buyer pays

    body, headers = fake_stripe.buyer_pays(order.provider_ref)
    assert client.post("/webhooks/stripe", data=body, headers=headers).status_code == 200

    back = session["success_url"].replace("{CHECKOUT_SESSION_ID}", order.provider_ref)
    assert back.startswith("http://localhost/en/checkout/stripe/return?session_id=cs_")
    response = client.get(back)
    assert response.status_code == 303
    assert response.headers["Location"] == f"/en/orders/{order.token}"
    page = client.get(response.headers["Location"])
    assert "Thank you! We have received your payment." in page.get_data(as_text=True)
    assert the_order().status == "paid"
    assert db.session.get(Carpet, carpet.id).status == "sold"
    assert buyer_mails(app) == 1


def test_stripe_buyer_returns_first_then_the_webhook(
    app: Flask, client: FlaskClient, fake_stripe: FakeStripe
) -> None:
    ready_to_pay(client, "GBP", **USA)
    client.post("/en/checkout/place", data={"gateway": "stripe"})
    order = the_order()
    body, headers = fake_stripe.buyer_pays(order.provider_ref)

    response = client.get(f"/en/checkout/stripe/return?session_id={order.provider_ref}")
    assert response.status_code == 303
    assert the_order().status == "paid"  # settled from the retrieved session, not the query
    assert client.post("/webhooks/stripe", data=body, headers=headers).get_json() == {
        "outcome": "order:paid"
    }
    assert buyer_mails(app) == 1
    assert db.session.query(WebhookEvent).count() == 1


def test_stripe_return_before_payment_clears_shows_confirming(
    client: FlaskClient, fake_stripe: FakeStripe
) -> None:
    ready_to_pay(client, "EUR", **USA)
    client.post("/en/checkout/place", data={"gateway": "stripe"})
    order = the_order()
    fake_stripe.buyer_pays(order.provider_ref, payment_status="unpaid")
    response = client.get(
        f"/hi/checkout/stripe/return?session_id={order.provider_ref}", follow_redirects=True
    )
    assert response.status_code == 200
    assert the_order().status == "pending_payment"
    assert "हम आपके भुगतान की पुष्टि कर रहे हैं" in response.get_data(as_text=True)

    fake_stripe.fail_next = requests.exceptions.ReadTimeout("slow")  # Stripe unreachable
    response = client.get(
        f"/en/checkout/stripe/return?session_id={order.provider_ref}", follow_redirects=True
    )
    assert response.status_code == 200
    assert "We are confirming your payment" in response.get_data(as_text=True)
    assert the_order().status == "pending_payment"


def test_stripe_return_never_trusts_the_query(client: FlaskClient, fake_stripe: FakeStripe) -> None:
    assert client.get("/en/checkout/stripe/return?session_id=cs_test_forged").status_code == 404
    assert client.get("/en/checkout/stripe/return").status_code == 404


@pytest.mark.parametrize(
    "failure",
    [requests.exceptions.ConnectTimeout("timed out"), (502, {"error": {"type": "api_error"}})],
    ids=["timeout", "5xx"],
)
def test_stripe_down_at_checkout_releases_and_explains_in_hindi(
    client: FlaskClient, fake_stripe: FakeStripe, failure: object
) -> None:
    carpet = ready_to_pay(client, "USD", **USA)
    fake_stripe.fail_next = failure  # type: ignore[assignment]
    response = client.post("/hi/checkout/place", data={"gateway": "stripe"})
    assert response.status_code == 303
    assert response.headers["Location"] == "/hi/cart"
    page = client.get("/hi/cart").get_data(as_text=True)
    assert re.search(r'class="flash flash-error">[^<]*[\u0900-\u097F]', page)  # Hindi message
    assert the_order().status == "cancelled"
    assert db.session.get(Carpet, carpet.id).stock == 1


def test_razorpay_through_checkout_in_hindi(
    app: Flask, client: FlaskClient, fake_razorpay: FakeRazorpay
) -> None:
    carpet = ready_to_pay(client, "INR", **MAHARASHTRA)
    response = client.post("/hi/checkout/place", data={"gateway": "razorpay"})
    order = the_order()
    assert response.status_code == 303
    assert response.headers["Location"] == f"/hi/checkout/razorpay/{order.token}"
    assert fake_razorpay.orders[order.provider_ref]["amount"] == order.total_minor
    page = client.get(response.headers["Location"])
    assert page.status_code == 200

    paid = fake_razorpay.buyer_pays(order.provider_ref)
    response = client.post("/hi/checkout/razorpay/callback", data=paid.callback)
    assert response.headers["Location"] == f"/hi/orders/{order.token}"
    assert the_order().status == "paid"
    assert db.session.get(Carpet, carpet.id).status == "sold"
    # A pending order's Razorpay page sends a paid order to its order page.
    assert client.get(f"/hi/checkout/razorpay/{order.token}").status_code == 303
    assert buyer_mails(app) == 1


def test_gateways_without_keys_are_not_offered_at_checkout(client: FlaskClient) -> None:
    ready_to_pay(client, "USD", **USA)
    review = client.get("/en/checkout/review").get_data(as_text=True)
    assert 'value="fake"' in review
    assert 'value="stripe"' not in review and 'value="razorpay"' not in review
    response = client.post("/en/checkout/place", data={"gateway": "stripe"})
    assert response.headers["Location"] == "/en/checkout/review"
    assert db.session.query(Order).count() == 0
    assert client.post("/webhooks/stripe", data=b"{}").status_code == 404


def test_with_keys_stripe_is_offered_for_usd_and_razorpay_for_inr(
    client: FlaskClient, keys: dict
) -> None:
    ready_to_pay(client, "USD", **USA)
    review = client.get("/en/checkout/review").get_data(as_text=True)
    assert 'value="stripe"' in review and 'value="razorpay"' not in review
    with client.session_transaction() as sess:
        sess["checkout"] = dict(sess["checkout"], currency="INR", **MAHARASHTRA)
    review = client.get("/en/checkout/review").get_data(as_text=True)
    assert 'value="razorpay"' in review and 'value="stripe"' not in review


def test_gateway_posts_pass_with_csrf_protection_on(
    app: Flask, client: FlaskClient, fake_stripe: FakeStripe, fake_razorpay: FakeRazorpay
) -> None:
    """Webhooks and the Razorpay callback are exempt: gateways cannot send our CSRF token."""
    app.config["WTF_CSRF_ENABLED"] = True
    sid = begin(app, make_pending_order("USD"), "stripe").provider_ref
    ref = begin(app, make_pending_order("INR"), "razorpay").provider_ref
    body, headers = fake_stripe.buyer_pays(sid)
    assert client.post("/webhooks/stripe", data=body, headers=headers).status_code == 200
    paid = fake_razorpay.buyer_pays(ref)
    body, headers = fake_razorpay.webhook("payment.captured", paid.entity)
    assert client.post("/webhooks/razorpay", data=body, headers=headers).status_code == 200
    assert client.post("/en/checkout/razorpay/callback", data=paid.callback).status_code == 303
    assert client.post("/en/checkout/place", data={"gateway": "fake"}).status_code == 400
