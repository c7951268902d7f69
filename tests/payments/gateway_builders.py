"""Pending orders holding real carpets, ready for a gateway (the state checkout leaves them in)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Flask, url_for

from storefront.catalog.models import Carpet
from storefront.extensions import db
from storefront.orders.models import Order, OrderLine
from storefront.orders.services import assign_number, new_token
from storefront.orders.stock import reserve_carpet
from storefront.payments.base import PaymentStart
from storefront.payments.services import start_payment
from tests.builders import make_carpet

# Minor units per carpet in each currency (INR also pays 5 % GST on top).
PRICES = {"USD": 169_500, "EUR": 155_900, "GBP": 133_400, "INR": 15_000_000}
SHIPPING = {"USD": 15_000, "EUR": 14_000, "GBP": 12_000, "INR": 250_000}


def make_pending_order(
    currency: str = "USD", carpets: list[Carpet] | None = None, lang: str = "en", **kw: Any
) -> Order:
    """A pending order whose carpets are reserved, committed (as checkout commits before paying)."""
    carpets = carpets or [make_carpet()]
    price, shipping = PRICES[currency], SHIPPING[currency]
    tax = price * len(carpets) * 5 // 100 if currency == "INR" else 0
    order = Order(
        token=new_token(),
        lang=lang,
        email="buyer@example.com",
        phone="+919812345678",
        name="A. Buyer",
        address_line1="12 Mall Road",
        city="Varanasi" if currency == "INR" else "Boston",
        country="IN" if currency == "INR" else "US",
        currency=currency,
        subtotal_minor=price * len(carpets),
        shipping_minor=shipping,
        tax_minor=tax,
        total_minor=price * len(carpets) + shipping + tax,
        tax_kind="igst" if currency == "INR" else "export",
        payment_expires_at=dt.datetime.now(dt.UTC) + dt.timedelta(minutes=45),
        reserved_until=dt.datetime.now(dt.UTC) + dt.timedelta(minutes=50),
        **kw,
    )
    for carpet in carpets:
        assert reserve_carpet(carpet.id), "carpet is not for sale"
        order.lines.append(
            OrderLine(
                carpet_id=carpet.id,
                title=carpet.title_en,
                sku=carpet.sku,
                hsn="5701",
                price_inr=carpet.price_paise,
                amount_minor=price,
                tax_rate_bp=500 if currency == "INR" else 0,
                tax_minor=price * 5 // 100 if currency == "INR" else 0,
            )
        )
    db.session.add(order)
    db.session.flush()
    assign_number(order)
    db.session.commit()
    return order


def begin(app: Flask, order: Order, gateway: str) -> PaymentStart:
    """What the checkout view does after placing the order: start the payment, commit."""
    order_page = f"https://bunkar.test/{order.lang}/orders/{order.token}"
    with app.test_request_context(f"/{order.lang}/checkout/"):
        if gateway == "stripe":
            return_url = url_for("payments.stripe_return", lang=order.lang, _external=True)
        else:
            return_url = order_page
        start = start_payment(order, gateway, return_url, order_page)
        db.session.commit()
    return start
