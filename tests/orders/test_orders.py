"""Order numbers and tokens, the forward-only state machine, the order page and tax invoice."""

from __future__ import annotations

import itertools
import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from storefront.extensions import db
from storefront.orders.models import ORDER_STATUSES, Order
from storefront.orders.services import TRANSITIONS, IllegalTransition, set_status
from tests.builders import make_carpet
from tests.checkout.builders import MAHARASHTRA, USA, make_order, pay, seed_tables


@pytest.fixture
def tables(app: Flask) -> None:
    seed_tables()


def test_number_and_token(tables: None) -> None:
    one, two = make_order(make_carpet()), make_order(make_carpet())
    assert re.fullmatch(r"BKR-\d{4}-\d{6}", one.number)
    assert one.number.endswith(f"{one.id:06d}") and one.number != two.number
    assert len(one.token) >= 32 and one.token != two.token
    assert one.number not in one.token and two.number not in two.token  # not derived from them


def test_every_status_has_a_row_in_the_table() -> None:
    assert set(TRANSITIONS) == set(ORDER_STATUSES)


@pytest.mark.parametrize(("old", "new"), list(itertools.product(ORDER_STATUSES, repeat=2)))
def test_transition_table_is_enforced(old: str, new: str) -> None:
    order = Order(status=old)
    if new in TRANSITIONS[old]:
        set_status(order, new)
        assert order.status == new
    else:
        with pytest.raises(IllegalTransition):
            set_status(order, new)
        assert order.status == old


def test_never_backwards() -> None:
    for back in ("pending_payment", "paid"):
        for old in ("dispatched", "delivered", "refunded"):
            assert back not in TRANSITIONS[old]
    assert TRANSITIONS["refunded"] == frozenset()


def test_stamps_times() -> None:
    order = Order(status="pending_payment")
    set_status(order, "paid")
    set_status(order, "dispatched")
    set_status(order, "delivered")
    assert order.paid_at and order.dispatched_at and order.delivered_at


def test_order_page_is_private_and_unguessable(client: FlaskClient, tables: None) -> None:
    order = make_order(make_carpet())
    db.session.commit()
    response = client.get(f"/en/orders/{order.token}")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert "We have not received your payment yet." in response.get_data(as_text=True)
    wrong = order.token[:-1] + ("x" if order.token[-1] != "x" else "y")
    assert client.get(f"/en/orders/{wrong}").status_code == 404
    assert client.get(f"/en/orders/{order.id}").status_code == 404
    assert client.get(f"/en/orders/{order.token}/invoice").status_code == 404  # not paid yet


def _invoice(client: FlaskClient, order: Order, lang: str = "en") -> str:
    response = client.get(f"/{lang}/orders/{order.token}/invoice")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    return response.get_data(as_text=True)


def test_invoice_within_uttar_pradesh(app: Flask, client: FlaskClient, tables: None) -> None:
    order = make_order(make_carpet(hsn_code="57011010", price_paise=15_000_000))
    pay(order)
    db.session.commit()
    html = _invoice(client, order)
    assert app.config["SELLER_GSTIN"] in html and app.config["SELLER_NAME"] in html
    assert "57011010" in html
    assert "09-Uttar Pradesh" in html
    assert "CGST" in html and "SGST" in html and "IGST" not in html
    assert "₹3,750" in html  # 2.5 % of ₹1,50,000
    assert "under LUT" not in html
    assert order.number in html


def test_invoice_to_another_state(client: FlaskClient, tables: None) -> None:
    order = make_order(make_carpet(), **MAHARASHTRA)
    pay(order)
    db.session.commit()
    html = _invoice(client, order)
    assert "27-Maharashtra" in html and "IGST" in html and "CGST" not in html
    assert "₹7,500" in html  # 5 % of ₹1,50,000


def test_export_invoice_under_lut(client: FlaskClient, tables: None) -> None:
    order = make_order(make_carpet(), currency="USD", **USA)
    pay(order)
    db.session.commit()
    html = _invoice(client, order)
    assert "Supply meant for export under LUT without payment of IGST" in html
    assert "CGST" not in html and "Outside India" in html
    assert "$1,694.92" in html and "₹1,50,000" in html


def test_hindi_invoice(client: FlaskClient, tables: None) -> None:
    order = make_order(make_carpet(), lang="hi")
    pay(order)
    db.session.commit()
    html = _invoice(client, order, "hi")
    assert 'lang="hi"' in html and "GSTIN" in html


def test_paid_order_page_links_invoice(client: FlaskClient, tables: None) -> None:
    order = make_order(make_carpet())
    pay(order)
    db.session.commit()
    html = client.get(f"/en/orders/{order.token}").get_data(as_text=True)
    assert "Thank you! We have received your payment." in html
    assert f"/en/orders/{order.token}/invoice" in html
