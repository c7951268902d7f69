"""The cart holds ids only; prices come from the database; sold or held carpets are flagged."""

from __future__ import annotations

import pytest
from flask import Flask, render_template_string
from flask.testing import FlaskClient

from storefront.catalog.models import Carpet
from storefront.extensions import db
from tests.builders import make_carpet
from tests.checkout.builders import make_order, seed_tables


@pytest.fixture
def carpets(app: Flask) -> list[Carpet]:
    seed_tables()
    rows = [make_carpet(price_paise=10_000_000), make_carpet(price_paise=20_000_000)]
    db.session.commit()
    return rows


def _add(client: FlaskClient, carpet: Carpet, lang: str = "en"):  # noqa: ANN202
    return client.post(f"/{lang}/cart/add", data={"carpet_id": str(carpet.id)})


def test_session_holds_ids_only_and_prices_are_recomputed(
    client: FlaskClient, carpets: list[Carpet]
) -> None:
    for carpet in carpets:
        assert _add(client, carpet).status_code == 303
    with client.session_transaction() as sess:
        assert sess["cart"] == [carpets[0].id, carpets[1].id]  # nothing else: no prices
    carpets[0].price_paise = 12_500_000  # staff change the price meanwhile
    db.session.commit()
    html = client.get("/en/cart").get_data(as_text=True)
    assert "₹1,25,000" in html and "₹1,00,000" not in html
    assert "₹3,25,000" in html  # subtotal from today's prices


def test_sold_carpet_is_flagged_not_dropped(client: FlaskClient, carpets: list[Carpet]) -> None:
    for carpet in carpets:
        _add(client, carpet)
    carpets[0].status = "sold"
    carpets[0].stock = 0
    db.session.commit()
    response = client.get("/en/cart")
    html = response.get_data(as_text=True)
    assert response.headers["Cache-Control"] == "no-store"
    assert "this carpet has just been sold" in html
    assert "It is not included in your checkout." in html
    assert "Subtotal (1 carpet)" in html and "₹2,00,000" in html
    with client.session_transaction() as sess:
        assert carpets[0].id in sess["cart"]  # still there, flagged


def test_carpet_held_by_another_buyer_is_flagged_reserved(
    client: FlaskClient, carpets: list[Carpet]
) -> None:
    _add(client, carpets[0])
    make_order(carpets[0])
    db.session.commit()
    html = client.get("/en/cart").get_data(as_text=True)
    assert "Someone is paying for this carpet right now" in html
    assert "None of the carpets in your cart can be bought right now." in html


def test_cannot_add_a_sold_carpet(client: FlaskClient, carpets: list[Carpet]) -> None:
    carpets[0].status = "sold"
    db.session.commit()
    response = _add(client, carpets[0])
    assert response.status_code == 303
    html = client.get("/en/cart").get_data(as_text=True)
    assert "just been sold" in html
    with client.session_transaction() as sess:
        assert sess.get("cart", []) == []


def test_unknown_or_garbage_ids_are_refused(client: FlaskClient, carpets: list[Carpet]) -> None:
    assert client.post("/en/cart/add", data={"carpet_id": "99999"}).status_code == 303
    assert client.post("/en/cart/add", data={"carpet_id": "1; DROP"}).status_code == 303
    with client.session_transaction() as sess:
        sess["cart"] = ["x", -3, True, carpets[1].id]  # a tampered cookie cannot break the page
    assert client.get("/en/cart").status_code == 200
    with client.session_transaction() as sess:
        assert sess["cart"] == ["x", -3, True, carpets[1].id]


def test_remove_and_header_count(client: FlaskClient, carpets: list[Carpet]) -> None:
    for carpet in carpets:
        _add(client, carpet)
    html = client.get("/hi/cart").get_data(as_text=True)
    assert 'class="nav-cart-count"' in html and ">2</span>" in html
    client.post("/en/cart/remove", data={"carpet_id": carpets[0].id})
    with client.session_transaction() as sess:
        assert sess["cart"] == [carpets[1].id]


def test_add_requires_csrf(app: Flask, carpets: list[Carpet]) -> None:
    app.config["WTF_CSRF_ENABLED"] = True
    client = app.test_client()
    assert client.post("/en/cart/add", data={"carpet_id": carpets[0].id}).status_code == 400
    html = client.get("/en/cart").get_data(as_text=True)
    assert "Your cart is empty" in html


@pytest.mark.parametrize(
    ("status", "stock", "expected"),
    [
        ("published", 1, "Add to cart"),
        ("published", 0, "Reserved"),
        ("sold", 0, "Sold"),
        ("archived", 1, "Not available"),
    ],
)
def test_add_button_states(app: Flask, status: str, stock: int, expected: str) -> None:
    carpet = make_carpet(status=status, stock=stock)
    with app.test_request_context("/en/carpets/x"):
        html = render_template_string(
            '{% include "cart/_add_button.html" ignore missing %}', carpet=carpet
        )
    assert expected in html
    assert ("csrf_token" in html) == (expected == "Add to cart")
