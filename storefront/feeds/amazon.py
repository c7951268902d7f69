"""Amazon SP-API ``JSON_LISTINGS_FEED`` v2.0 documents (product type RUG), one per marketplace.

Active carpets get an ``UPDATE`` with the full attribute set; sold or paused ones a ``PATCH`` that
sets the quantity to 0 (the listing stays, so it can come back); withdrawn ones a ``DELETE``.
Documents hold at most PART_SIZE messages; larger catalogs are split into parts
(``?part=2`` on the URL, ``FILE.part2.json`` from the CLI).

Enum values marked "verify" in feeds.md (``item_type_keyword``, ``item_shape``) are taken from the
public RUG payloads; check them against the RUG definition for the marketplace before pushing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from storefront.feeds.context import FeedContext, Variant
from storefront.feeds.fields import kilograms, price_number
from storefront.feeds.items import FeedItem
from storefront.feeds.text import one_line, truncate, utf8_len

CONTENT_TYPE = "application/json; charset=utf-8"
PART_SIZE = 10_000
PRODUCT_TYPE = "RUG"
MARKETPLACES = {
    "IN": {"marketplace_id": "A21TJRUUN4KGV", "currency": "INR", "language_tag": "en_IN"},
    "US": {"marketplace_id": "ATVPDKIKX0DER", "currency": "USD", "language_tag": "en_US"},
}
LIMITS = {"item_name": 200, "bullet_point": 500, "product_description": 2000}
GENERIC_KEYWORD_BYTES = 250
MAX_BULLETS = 5
MAX_OTHER_IMAGES = 8
LEAD_TIME_DAYS = 5
SHAPES = {
    "rectangle": "Rectangular",
    "runner": "Runner",
    "round": "Round",
    "square": "Square",
    "octagon": "Octagonal",
}
KEYWORDS = "hand knotted carpet handmade rug bhadohi india area rug oriental"

VARIANTS = {
    f"{country}.json": Variant(
        path=f"amazon/{country}.json",
        kind="json",
        content_type=CONTENT_TYPE,
        lang="en",
        country=country,
        currency=market["currency"],
        langs=("en",),
        countries=(),
        currencies=(market["currency"],),
    )
    for country, market in MARKETPLACES.items()
}


def message(item: FeedItem, message_id: int, ctx: FeedContext) -> dict[str, Any]:
    """The feed message for ``item``: UPDATE, PATCH (quantity 0) or DELETE."""
    head: dict[str, Any] = {"messageId": message_id, "sku": item.id}
    if item.lifecycle == "withdrawn":
        return head | {"operationType": "DELETE"}
    if item.lifecycle != "active":
        return head | {
            "operationType": "PATCH",
            "productType": PRODUCT_TYPE,
            "patches": [
                {
                    "op": "replace",
                    "path": "/attributes/fulfillment_availability",
                    "value": [_availability(0)],
                }
            ],
        }
    return head | {
        "operationType": "UPDATE",
        "productType": PRODUCT_TYPE,
        "requirements": "LISTING",
        "attributes": attributes(item, ctx),
    }


def _availability(quantity: int) -> dict[str, Any]:
    return {
        "fulfillment_channel_code": "DEFAULT",
        "quantity": quantity,
        "lead_time_to_ship_max_days": LEAD_TIME_DAYS,
    }


def attributes(item: FeedItem, ctx: FeedContext) -> dict[str, Any]:
    """RUG attributes in the Product Type Definition shape (every value a list of objects)."""
    market = MARKETPLACES[ctx.variant.country]
    mid, tag, currency = market["marketplace_id"], market["language_tag"], market["currency"]
    text = item.texts["en"]

    def txt(value: str) -> list[dict[str, Any]]:
        return [{"value": value, "language_tag": tag, "marketplace_id": mid}]

    def val(value: Any) -> list[dict[str, Any]]:
        return [{"value": value, "marketplace_id": mid}]

    price = price_number(item.prices[currency])
    bullets = [truncate(f, LIMITS["bullet_point"]) for f in text.facts[:MAX_BULLETS]]
    attrs: dict[str, Any] = {
        "item_name": txt(truncate(one_line(text.title), LIMITS["item_name"])),
        "brand": txt(ctx.brand),
        "supplier_declared_has_product_identifier_exemption": val(True),
        "item_type_keyword": val("area-rugs"),
        "bullet_point": [b for bullet in bullets for b in txt(bullet)],
        "product_description": txt(text.description(LIMITS["product_description"])),
        "country_of_origin": val("IN"),
        "supplier_declared_dg_hz_regulation": val("not_applicable"),
        "material": txt(text.material),
        "size": txt(text.size),
        "item_shape": txt(SHAPES.get(item.shape, "Rectangular")),
        "pattern": txt(text.pattern),
        "item_length_width": [
            {
                "length": {"value": item.length_cm, "unit": "centimeters"},
                "width": {"value": item.width_cm, "unit": "centimeters"},
                "marketplace_id": mid,
            }
        ],
        "number_of_items": val(1),
        "manufacturer": txt(ctx.brand),
        "part_number": val(item.id),
        "generic_keyword": txt(truncate(KEYWORDS, GENERIC_KEYWORD_BYTES, measure=utf8_len)),
        "condition_type": val("new_new"),
        "purchasable_offer": [
            {
                "currency": currency,
                "marketplace_id": mid,
                "our_price": [{"schedule": [{"value_with_tax": price}]}],
            }
        ],
        "fulfillment_availability": [_availability(item.quantity)],
    }
    if text.colour:
        attrs["color"] = txt(text.colour)
    if item.weight_g:
        attrs["item_weight"] = [
            {"value": float(kilograms(item.weight_g)), "unit": "kilograms", "marketplace_id": mid}
        ]
    if item.images:
        attrs["main_product_image_locator"] = _image(item.images[0], mid)
    for n, url in enumerate(item.images[1 : 1 + MAX_OTHER_IMAGES], start=1):
        attrs[f"other_product_image_locator_{n}"] = _image(url, mid)
    return attrs


def _image(url: str, marketplace_id: str) -> list[dict[str, str]]:
    return [{"media_location": url, "marketplace_id": marketplace_id}]


def render(items: Iterable[FeedItem], ctx: FeedContext) -> Iterator[str]:
    """One JSON document: header, then one message per item (message ids from 1, unique)."""
    market = MARKETPLACES[ctx.variant.country]
    header = {
        "sellerId": ctx.setting("AMAZON_SELLER_ID") or "SELLER_ID",
        "version": "2.0",
        "issueLocale": market["language_tag"],
    }
    yield '{"header":' + json.dumps(header, ensure_ascii=False) + ',"messages":[\n'
    first_id = ctx.setting("first_message_id", 1)
    for n, item in enumerate(items):
        body = json.dumps(message(item, first_id + n, ctx), ensure_ascii=False)
        yield body if n == 0 else ",\n" + body
    yield "\n]}\n"
