"""The whole purchase through HTTP with the test gateway: cart -> details -> review -> pay."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from config import ConfigError
from storefront import create_app
from storefront.catalog.models import Carpet
from storefront.extensions import db
from storefront.mail import sent_messages
from storefront.orders.models import Order
from tests.builders import make_carpet
from tests.checkout.builders import seed_tables

ADDRESS_UP = {
    "email": "Asha@Example.com",
    "phone": "98765 43210",
    "name": "Asha Verma",
    "country": "IN",
    "address_line1": "12 Station Road",
    "address_line2": "",
    "city": "Bhadohi",
    "state": "Uttar Pradesh",
    "region": "",
    "postcode": "221 401",
    "currency": "INR",
}


@pytest.fixture
def carpet(app: Flask) -> Carpet:
    seed_tables()
    carpet = make_carpet(price_paise=15_000_000, width_cm=60, length_cm=90, weight_g=2000)
    db.session.commit()
    return carpet


def _to_review(client: FlaskClient, carpet: Carpet, lang: str = "en", **fields: str) -> None:
    assert client.post(f"/{lang}/cart/add", data={"carpet_id": carpet.id}).status_code == 303
    response = client.post(f"/{lang}/checkout", data={**ADDRESS_UP, **fields})
    assert response.status_code == 303, response.get_data(as_text=True)[:2000]
    assert response.headers["Location"].endswith(f"/{lang}/checkout/review")


def test_buy_with_test_gateway_in_uttar_pradesh(
    app: Flask, client: FlaskClient, carpet: Carpet
) -> None:
    _to_review(client, carpet)
    page = client.get("/en/checkout/review")
    html = page.get_data(as_text=True)
    assert page.headers["Cache-Control"] == "no-store"
    assert "CGST 2.5%" in html and "SGST 2.5%" in html and "IGST" not in html
    assert "₹1,50,000" in html and "₹900" in html  # carpet and delivery
    assert "₹1,58,445" in html  # 1,50,000 + 900 + 2 x 3,772.50
    assert "Test payment (no money moves)" in html

    placed = client.post("/en/checkout/place", data={"gateway": "fake"})
    assert placed.status_code == 303
    match = re.search(r"/en/checkout/test-pay/([\w-]+)$", placed.headers["Location"])
    assert match
    token = match.group(1)
    order = db.session.scalar(select(Order).where(Order.token == token))
    assert order.status == "pending_payment" and order.email == "asha@example.com"
    assert order.phone == "+919876543210" and order.postcode == "221401"
    assert db.session.get(Carpet, carpet.id).stock == 0  # held while paying

    pay_page = client.get(f"/en/checkout/test-pay/{token}").get_data(as_text=True)
    assert "no money moves" in pay_page and "Pay (test)" in pay_page

    done = client.post(f"/en/checkout/test-pay/{token}", data={"outcome": "paid"})
    assert done.headers["Location"].endswith(f"/en/orders/{token}")
    db.session.expire_all()
    assert db.session.get(Order, order.id).status == "paid"
    assert db.session.get(Carpet, carpet.id).status == "sold"
    assert [m["To"] for m in sent_messages(app)][0] == "asha@example.com"

    order_page = client.get(f"/en/orders/{token}")
    assert order_page.headers["Cache-Control"] == "no-store"
    assert "Tax invoice" in order_page.get_data(as_text=True)
    assert client.get("/en/cart").get_data(as_text=True).count("Your cart is empty") == 1


def test_failed_test_payment_keeps_the_order_pending(client: FlaskClient, carpet: Carpet) -> None:
    _to_review(client, carpet)
    token = (
        client.post("/en/checkout/place", data={"gateway": "fake"})
        .headers["Location"]
        .rsplit("/", 1)[1]
    )
    response = client.post(f"/en/checkout/test-pay/{token}", data={"outcome": "failed"})
    assert response.headers["Location"].endswith("?failed=1")
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "The test payment failed" in html
    assert db.session.scalar(select(Order)).status == "pending_payment"


def test_export_review_shows_zero_rated_usd(client: FlaskClient, carpet: Carpet) -> None:
    _to_review(
        client,
        carpet,
        country="US",
        state="",
        region="NY",
        city="New York",
        postcode="10001",
        currency="USD",
        phone="+1 212 555 0100",
    )
    html = client.get("/en/checkout/review").get_data(as_text=True)
    assert "export: zero-rated" in html and "CGST" not in html
    assert "$1,694.92" in html and "$1 = ₹88.50" in html


def test_india_is_always_billed_in_rupees(client: FlaskClient, carpet: Carpet) -> None:
    _to_review(client, carpet, currency="USD")
    with client.session_transaction() as sess:
        assert sess["checkout"]["currency"] == "INR"


def test_bad_address_keeps_what_was_typed(client: FlaskClient, carpet: Carpet) -> None:
    client.post("/en/cart/add", data={"carpet_id": carpet.id})
    response = client.post(
        "/en/checkout", data={**ADDRESS_UP, "postcode": "12345", "state": "", "phone": "12"}
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "6-digit PIN code" in html and "Please choose your state." in html
    assert "valid phone number" in html
    assert 'value="Asha Verma"' in html and 'value="12 Station Road"' in html


def test_hindi_checkout_page(client: FlaskClient, carpet: Carpet) -> None:
    client.post("/hi/cart/add", data={"carpet_id": carpet.id})
    html = client.get("/hi/checkout").get_data(as_text=True)
    assert "उत्तर प्रदेश" in html  # the state list in Hindi
    assert '<option selected value="IN">' in html  # India preselected for /hi/


def test_empty_cart_goes_back_to_cart(client: FlaskClient, carpet: Carpet) -> None:
    response = client.get("/en/checkout")
    assert response.status_code == 303 and response.headers["Location"].endswith("/en/cart")


def test_carpet_sold_meanwhile_blocks_placing(client: FlaskClient, carpet: Carpet) -> None:
    _to_review(client, carpet)
    db.session.get(Carpet, carpet.id).status = "sold"
    db.session.commit()
    response = client.post("/en/checkout/place", data={"gateway": "fake"})
    assert response.headers["Location"].endswith("/en/cart")
    assert db.session.scalar(select(Order)) is None


def test_fake_gateway_is_404_when_not_enabled(
    app: Flask, client: FlaskClient, carpet: Carpet
) -> None:
    _to_review(client, carpet)
    token = client.post("/en/checkout/place", data={"gateway": "fake"}).headers["Location"]
    token = token.rsplit("/", 1)[1]
    app.config["PAYMENT_GATEWAYS"] = ("stripe",)  # as a site with only real gateways
    assert client.get(f"/en/checkout/test-pay/{token}").status_code == 404
    paying = client.post(f"/en/checkout/test-pay/{token}", data={"outcome": "paid"})
    assert paying.status_code == 404
    assert "Test payment" not in client.get("/en/checkout/review").get_data(as_text=True)
    assert db.session.scalar(select(Order)).status == "pending_payment"


def test_production_refuses_the_test_gateway(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SECRET_KEY", "a-real-secret-for-this-test")
    monkeypatch.setenv("PAYMENT_GATEWAYS", "stripe,fake")
    with pytest.raises(ConfigError):
        create_app("production")
