"""Back office: staff see orders, mark them dispatched/delivered, refund, edit shipping rates."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from storefront.checkout.models import ShippingRate
from storefront.extensions import db
from storefront.orders.models import Order
from storefront.payments.models import Refund
from tests.builders import make_carpet, make_user
from tests.checkout.builders import make_order, pay, seed_tables
from tests.conftest import login


@pytest.fixture
def paid(app: Flask) -> Order:
    seed_tables()
    order = make_order(make_carpet())
    pay(order)
    db.session.commit()
    return order


@pytest.fixture
def staff(client: FlaskClient, app: Flask) -> FlaskClient:
    user = make_user(role="staff", email="office@bunkar.example")
    db.session.commit()
    login(client, user)
    return client


def test_buyers_and_weavers_are_kept_out(client: FlaskClient, paid: Order) -> None:
    login(client, make_user(role="buyer"))
    db.session.commit()
    assert client.get("/en/admin/orders").status_code == 403
    assert (
        client.post(f"/en/admin/orders/{paid.id}/refund", data={"amount": "1"}).status_code == 403
    )


def test_list_and_detail(staff: FlaskClient, paid: Order) -> None:
    html = staff.get("/en/admin/orders").get_data(as_text=True)
    assert paid.number in html
    detail = staff.get(f"/en/admin/orders/{paid.id}")
    assert detail.headers["Cache-Control"] == "no-store"
    body = detail.get_data(as_text=True)
    assert "Mark dispatched" in body and paid.lines[0].sku in body
    assert paid.number in staff.get(f"/en/admin/orders?q={paid.email}").get_data(as_text=True)


def test_dispatch_then_deliver(staff: FlaskClient, paid: Order) -> None:
    staff.post(f"/en/admin/orders/{paid.id}/status", data={"status": "dispatched"})
    staff.post(f"/en/admin/orders/{paid.id}/status", data={"status": "delivered"})
    db.session.expire_all()
    order = db.session.get(Order, paid.id)
    assert order.status == "delivered" and order.dispatched_at and order.delivered_at
    response = staff.post(f"/en/admin/orders/{paid.id}/status", data={"status": "dispatched"})
    assert response.status_code == 303  # refused with a message, still delivered
    db.session.expire_all()
    assert db.session.get(Order, paid.id).status == "delivered"


def test_partial_then_full_refund_never_more_than_paid(staff: FlaskClient, paid: Order) -> None:
    total = paid.total_minor
    response = staff.post(
        f"/en/admin/orders/{paid.id}/refund", data={"amount": "1000.50", "key": "a1"}
    )
    assert response.status_code == 303
    too_much = staff.post(
        f"/en/admin/orders/{paid.id}/refund", data={"amount": str(total), "key": "a2"}
    )
    assert too_much.status_code == 422
    assert "at most what was paid" in too_much.get_data(as_text=True)
    rest = (total - 100_050) / 100
    staff.post(f"/en/admin/orders/{paid.id}/refund", data={"amount": f"{rest:.2f}", "key": "a3"})
    db.session.expire_all()
    order = db.session.get(Order, paid.id)
    assert order.status == "refunded" and order.refunded_amount == total
    assert sum(r.amount for r in db.session.scalars(select(Refund))) == total
    # the same form posted twice (double click) refunds once
    again = staff.post(f"/en/admin/orders/{paid.id}/refund", data={"amount": "1.00", "key": "a3"})
    assert again.status_code == 422


def test_bad_refund_amount_is_explained(staff: FlaskClient, paid: Order) -> None:
    response = staff.post(f"/en/admin/orders/{paid.id}/refund", data={"amount": "abc"})
    assert response.status_code == 422
    assert 'aria-invalid="true"' in response.get_data(as_text=True)


def test_edit_and_add_shipping_rates(staff: FlaskClient, paid: Order) -> None:
    rate = db.session.scalars(
        select(ShippingRate).where(
            ShippingRate.zone == "India", ShippingRate.max_weight_g == 10_000
        )
    ).one()
    page = staff.get("/en/admin/shipping")
    assert page.status_code == 200 and "Rest of world" in page.get_data(as_text=True)
    p = f"r{rate.id}-"
    data = {
        p + "zone": "India",
        p + "countries": "in",
        p + "max_weight_kg": "10",
        p + "price_rupees": "750",
        p + "max_length_cm": "",
    }
    assert staff.post(f"/en/admin/shipping/{rate.id}", data=data).status_code == 303
    db.session.expire_all()
    rate = db.session.get(ShippingRate, rate.id)
    assert rate.price_paise == 75_000 and rate.countries == "IN" and rate.max_length_cm is None

    clash = {
        "new-zone": "India",
        "new-countries": "IN",
        "new-max_weight_kg": "10",
        "new-price_rupees": "1",
    }
    response = staff.post("/en/admin/shipping/new", data=clash)
    assert response.status_code == 422
    assert "already has a band" in response.get_data(as_text=True)
    bad = {**clash, "new-max_weight_kg": "200", "new-countries": "India!"}
    assert staff.post("/en/admin/shipping/new", data=bad).status_code == 422
    good = {**clash, "new-max_weight_kg": "200", "new-price_rupees": "9000"}
    assert staff.post("/en/admin/shipping/new", data=good).status_code == 303
    assert db.session.scalar(select(ShippingRate).where(ShippingRate.max_weight_g == 200_000))
