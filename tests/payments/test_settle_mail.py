"""Sale notifications: queued by settle(), sent only after commit, in the buyer's language."""

from __future__ import annotations

import pytest
from flask import Flask, render_template_string

from storefront.extensions import db
from storefront.mail import sent_messages
from tests.builders import make_carpet, make_user, make_weaver
from tests.checkout.builders import make_order, pay, seed_tables


@pytest.fixture
def tables(app: Flask) -> None:
    seed_tables()


def _body(message) -> str:  # noqa: ANN001
    return message.get_body(("plain",)).get_content()


def test_mail_leaves_only_after_commit(app: Flask, tables: None) -> None:
    order = make_order(make_carpet())
    db.session.commit()
    pay(order)
    assert sent_messages(app) == []  # queued, not sent
    db.session.commit()
    assert [m["To"] for m in sent_messages(app)] == ["buyer@example.com", "staff@bunkar.example"]


def test_rolled_back_sale_sends_nothing(app: Flask, tables: None) -> None:
    order = make_order(make_carpet())
    db.session.commit()
    pay(order)
    db.session.rollback()
    db.session.commit()
    assert sent_messages(app) == []


def test_buyer_mail_in_the_language_they_shopped_in(app: Flask, tables: None) -> None:
    weaver_user = make_user(role="weaver", email="kamla@example.com", preferred_lang="hi")
    carpet = make_carpet(weaver=make_weaver(user_id=weaver_user.id))
    order = make_order(carpet, lang="hi")
    db.session.commit()
    pay(order)
    db.session.commit()
    by_to = {m["To"]: m for m in sent_messages(app)}
    buyer = by_to["buyer@example.com"]
    assert order.number in buyer["Subject"] and "ऑर्डर" in buyer["Subject"]
    assert "नमस्ते" in _body(buyer) and f"/hi/orders/{order.token}" in _body(buyer)
    assert buyer.get_body(("html",)) is not None
    assert "Sale: " in by_to["staff@bunkar.example"]["Subject"]  # staff read English
    weaver = by_to["kamla@example.com"]
    assert "कालीन" in weaver["Subject"] and carpet.sku in _body(weaver)


def test_english_buyer_gets_english(app: Flask, tables: None) -> None:
    order = make_order(make_carpet(), lang="en")
    pay(order)
    db.session.commit()
    buyer = sent_messages(app)[0]
    assert buyer["Subject"].startswith(f"Order {order.number} confirmed")
    assert "Namaste Asha Buyer" in _body(buyer)


def test_weaver_without_email_sees_the_sale_on_the_dashboard(app: Flask, tables: None) -> None:
    weaver = make_weaver()  # phone only: no account email
    carpet = make_carpet(weaver=weaver, price_paise=9_000_000)
    order = make_order(carpet)
    pay(order)
    db.session.commit()
    assert len(sent_messages(app)) == 2  # buyer and staff only
    with app.test_request_context("/hi/shop/"):
        html = render_template_string('{% include "shop/_orders.html" %}', weaver=weaver)
    assert carpet.sku in html and order.number in html and "₹90,000" in html
