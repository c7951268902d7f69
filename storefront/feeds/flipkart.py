"""Flipkart Marketplace Seller API, Listings v3: the update body, a JSON object keyed by SKU.

The v3 API attaches offers (price, stock, tax, fulfilment) to a catalog product that already has
an FSN; the catalog entry itself is created in Seller Hub. So only carpets with an FSN recorded
(``flask feeds set-id flipkart SKU FSN``) are in this document; ``flask feeds check`` lists the
others. Prices are whole rupees; HSN is the 8-digit tariff line; GST on handmade carpets is 5 %.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from typing import Any

from storefront.feeds.context import FeedContext, Variant
from storefront.feeds.fields import kilograms, whole_rupees
from storefront.feeds.items import FeedItem

CONTENT_TYPE = "application/json; charset=utf-8"
# 8-digit ITC-HS lines: knotted carpets of wool or fine animal hair are 5701 10 00.
WOOL_PILES = {"wool", "nz_wool", "wool_silk"}
TAX_CODE = "GST_5"  # handmade carpets: 5 % (Notification 13/2025-CT(Rate) kept handicrafts at 5 %)
DISPATCH_SLA_DAYS = 3
DEFAULT_LOCATION = "LOC_BHADOHI"

VARIANTS = {
    "flipkart.json": Variant(
        path="flipkart.json",
        kind="json",
        content_type=CONTENT_TYPE,
        langs=(),
        countries=("IN",),
        currencies=("INR",),
    )
}


def hsn(item: FeedItem) -> str:
    """The HSN to declare: 57011000 for knotted wool pile, else the carpet's own heading."""
    if item.hsn_code.startswith("5701") and item.pile_material in WOOL_PILES:
        return "57011000"
    return item.hsn_code


def rolled_parcel(item: FeedItem) -> dict[str, Any]:
    """The rug rolled along its length: roll length, diameter and weight (cm, kg)."""
    thickness_cm = ((item.pile_height_mm or 10) + 5) / 10
    diameter = math.sqrt(4 * thickness_cm * item.length_cm / math.pi) + 6  # + packing
    return {
        "length": min(item.width_cm, item.length_cm) + 10,
        "breadth": math.ceil(diameter),
        "height": math.ceil(diameter),
    }


def listing(item: FeedItem, ctx: FeedContext) -> dict[str, Any]:
    """The update body for one SKU."""
    price = whole_rupees(item.price_paise)
    body: dict[str, Any] = {
        "product_id": item.fsn,
        "price": {"mrp": price, "selling_price": price, "currency": "INR"},
        "tax": {"hsn": hsn(item), "tax_code": TAX_CODE},
        "listing_status": "ACTIVE" if item.in_stock else "INACTIVE",
        "fulfillment_profile": "NON_FBF",
        "fulfillment": {
            "dispatch_sla": DISPATCH_SLA_DAYS,
            "shipping_provider": "FLIPKART",
            "procurement_type": "REGULAR",
        },
        "packages": [
            {
                "name": "rolled-rug",
                "dimensions": rolled_parcel(item),
                "weight": float(kilograms(item.weight_g)) if item.weight_g else None,
                "description": "Rug rolled pile inward, wrapped in polythene and hessian",
                "handling": {"fragile": False},
                "notional_value": {"amount": 100, "unit": "PERCENTAGE"},
            }
        ],
        "locations": [
            {
                "id": ctx.setting("FLIPKART_LOCATION_ID") or DEFAULT_LOCATION,
                "status": "ENABLED",
                "inventory": item.quantity,
            }
        ],
    }
    quote = item.shipping.get("IN")
    if quote is not None:
        fee = whole_rupees(quote.amount)
        body["shipping_fees"] = {"local": fee, "zonal": fee, "national": fee, "currency": "INR"}
    if item.lifecycle == "withdrawn":
        body["archived_status"] = "ARCHIVED"
    return body


def render(items: Iterable[FeedItem], ctx: FeedContext) -> Iterator[str]:
    """``{"SKU": {...}, ...}`` for every carpet with an FSN (and a weight for the parcel)."""
    yield "{"
    first = True
    for item in items:
        if not item.fsn or not item.weight_g:
            continue
        body = json.dumps(item.id) + ":" + json.dumps(listing(item, ctx), ensure_ascii=False)
        yield ("\n" if first else ",\n") + body
        first = False
    yield "\n}\n"
