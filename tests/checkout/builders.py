"""Builders for orders: rate tables, checkout details, and placing + paying an order for real."""

from __future__ import annotations

from typing import Any

from flask import current_app

from storefront.catalog.models import Carpet
from storefront.checkout.seed import seed_checkout
from storefront.checkout.services import Details, place_order
from storefront.orders.models import Order
from storefront.payments import get_gateway
from storefront.payments.base import PaymentFacts
from storefront.payments.services import settle, start_payment
from tests.builders import make_rates

UP = {"country": "IN", "region": "Uttar Pradesh", "city": "Bhadohi", "postcode": "221401"}
MAHARASHTRA = {"country": "IN", "region": "Maharashtra", "city": "Mumbai", "postcode": "400001"}
USA = {"country": "US", "region": "NY", "city": "New York", "postcode": "10001"}


def seed_tables() -> None:
    """Demo shipping and GST rates plus exchange rates (USD 88.50, EUR 96.20, GBP 112.40)."""
    seed_checkout()
    make_rates()


def details(**kw: Any) -> Details:
    values = {
        "email": "buyer@example.com",
        "phone": "+919876543210",
        "name": "Asha Buyer",
        "address_line1": "12 Station Road",
        **UP,
        **kw,
    }
    return Details(**values)


def make_order(
    *carpets: Carpet,
    currency: str = "INR",
    lang: str = "en",
    gateway: str = "fake",
    start: bool = True,
    **address: Any,
) -> Order:
    """Place an order for ``carpets`` (holding them) and open a fake payment session."""
    order, _quote = place_order([c.id for c in carpets], details(**address), currency, lang)
    if start:  # as the checkout view does: inside a request, in the buyer's language
        with current_app.test_request_context(f"/{lang}/checkout/place"):
            page = f"https://bunkar.test/{lang}/orders/{order.token}"
            start_payment(order, gateway, page, page)
    return order


def paid_facts(order: Order, **kw: Any) -> PaymentFacts:
    values = {
        "provider": order.payment_provider or "fake",
        "provider_ref": order.provider_ref or "",
        "status": "paid",
        "amount": order.total_minor,
        "currency": order.currency,
        "order_id": order.id,
        "payment_ref": f"pay_{order.id}",
        **kw,
    }
    return PaymentFacts(**values)


def pay(order: Order, **kw: Any) -> Order:
    return settle(paid_facts(order, **kw))


def fake_facts(order: Order, outcome: str = "paid") -> PaymentFacts:
    return get_gateway("fake").facts(order, outcome)  # type: ignore[attr-defined]
