"""Holding one-of-a-kind carpets: conditional holds, expiry and release, gateway failures."""

from __future__ import annotations

import datetime as dt

import pytest
import requests
import responses
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from storefront.catalog.models import Carpet
from storefront.checkout.services import CarpetUnavailable
from storefront.extensions import db
from storefront.orders.models import Order
from storefront.orders.stock import release_expired
from tests.builders import make_carpet
from tests.checkout.builders import USA, make_order, seed_tables
from tests.checkout.test_flow import ADDRESS_UP

STRIPE_SESSIONS = "https://api.stripe.com/v1/checkout/sessions"


@pytest.fixture
def carpet(app: Flask) -> Carpet:
    seed_tables()
    carpet = make_carpet()
    db.session.commit()
    return carpet


def _past() -> dt.datetime:
    return dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)


def test_placing_holds_the_carpet_once(carpet: Carpet) -> None:
    order = make_order(carpet)
    db.session.commit()
    assert order.lines[0].hold == "held"
    assert db.session.get(Carpet, carpet.id).stock == 0
    with pytest.raises(CarpetUnavailable) as err:
        make_order(carpet)
    assert err.value.carpet_ids == [carpet.id]
    db.session.rollback()
    assert db.session.scalar(select(Order).where(Order.id != order.id)) is None


def test_hold_lasts_as_long_as_the_payment_session(carpet: Carpet) -> None:
    order = make_order(carpet)
    expires = order.payment_expires_at
    assert expires - dt.datetime.now(dt.UTC) >= dt.timedelta(minutes=30)  # Stripe's minimum
    assert order.reserved_until > expires  # a little grace for late webhooks


def test_expired_hold_is_released_once(carpet: Carpet) -> None:
    order = make_order(carpet)
    order.reserved_until = _past()
    db.session.commit()
    assert release_expired() == 1
    assert release_expired() == 0  # a second sweeper finds nothing
    db.session.commit()
    assert order.status == "expired" and order.lines[0].hold == "released"
    assert db.session.get(Carpet, carpet.id).stock == 1


def test_released_lazily_when_someone_looks(client: FlaskClient, carpet: Carpet) -> None:
    order = make_order(carpet)
    order.reserved_until = _past()
    db.session.commit()
    client.post("/en/cart/add", data={"carpet_id": carpet.id})  # releases the stale hold first
    html = client.get("/en/cart").get_data(as_text=True)
    assert "Proceed to checkout" in html
    db.session.expire_all()
    assert db.session.get(Order, order.id).status == "expired"


def test_reconcile_cli_expires_stale_orders(app: Flask, carpet: Carpet) -> None:
    order = make_order(carpet)
    order.reserved_until = _past()
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["payments", "reconcile"])
    assert result.exit_code == 0, result.output
    assert "expired: 1" in result.output
    db.session.expire_all()
    assert db.session.get(Order, order.id).status == "expired"
    assert db.session.get(Carpet, carpet.id).stock == 1


def test_buyer_cancels_and_gets_the_cart_back(client: FlaskClient, carpet: Carpet) -> None:
    client.post("/en/cart/add", data={"carpet_id": carpet.id})
    client.post("/en/checkout", data=ADDRESS_UP)
    token = client.post("/en/checkout/place", data={"gateway": "fake"}).headers["Location"]
    token = token.rsplit("/", 1)[1]
    response = client.post(f"/en/checkout/cancel/{token}")
    assert response.headers["Location"].endswith("/en/cart")
    db.session.expire_all()
    assert db.session.scalar(select(Order)).status == "cancelled"
    assert db.session.get(Carpet, carpet.id).stock == 1
    with client.session_transaction() as sess:
        assert sess["cart"] == [carpet.id]


@pytest.mark.parametrize(
    "failure",
    [
        {"status": 500, "json": {"error": {"message": "Internal error", "type": "api_error"}}},
        {"body": requests.exceptions.ReadTimeout("read timed out")},
        {"body": requests.exceptions.ConnectionError("connection refused")},
    ],
    ids=["500", "timeout", "connection"],
)
def test_gateway_failure_releases_the_hold_with_a_clear_message(
    app: Flask, client: FlaskClient, carpet: Carpet, failure: dict
) -> None:
    app.config.update(STRIPE_SECRET_KEY="sk_test_x", STRIPE_WEBHOOK_SECRET="whsec_x")
    client.post("/en/cart/add", data={"carpet_id": carpet.id})
    address = {**ADDRESS_UP, **USA, "state": "", "currency": "USD", "phone": "+1 212 555 0100"}
    assert client.post("/en/checkout", data=address).status_code == 303
    with responses.RequestsMock() as rsps:
        rsps.add(responses.POST, STRIPE_SESSIONS, **failure)
        response = client.post("/en/checkout/place", data={"gateway": "stripe"})
    assert response.status_code == 303 and response.headers["Location"].endswith("/en/cart")
    html = client.get("/en/cart").get_data(as_text=True)
    assert "We could not reach the payment service, so nothing was charged." in html
    assert "Proceed to checkout" in html  # the carpet is back in the cart, for sale
    db.session.expire_all()
    order = db.session.scalar(select(Order))
    assert order.status == "cancelled" and order.lines[0].hold == "released"
    assert db.session.get(Carpet, carpet.id).stock == 1
