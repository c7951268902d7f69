"""Alibaba.com (ICBU) product documents: the business parameters of ``alibaba.icbu.product.add``.

On Alibaba a carpet is a *sourcing* product: the design, woven again to order for trade buyers,
priced FOB in USD per piece with a minimum order, a monthly supply ability and a lead time. Each
entry is ``{"sku", "action": "add" | "offline", "product"}``: sold and withdrawn carpets are
``offline`` (take the product down), since the listing shows this very piece.

``category_id`` and the enum spellings (``language``, units, payment methods) are placeholders to
confirm with ``alibaba.icbu.category.get`` and the ICBU FAQ; image URLs must be re-hosted in the
Alibaba photobank before posting.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from markupsafe import escape

from storefront.feeds.context import FeedContext, Variant
from storefront.feeds.items import FeedItem
from storefront.feeds.text import one_line, truncate

CONTENT_TYPE = "application/json; charset=utf-8"
SUBJECT_LIMIT = 128
MAX_KEYWORDS = 3
MAX_IMAGES = 6
TRADE_PRICE_RATIO = Decimal("0.70")  # FOB floor for trade orders, against the retail price
FINISHING_DAYS = 15  # washing, clipping and packing after the loom
DEFAULT_WEAVING_DAYS = 90
DEFAULT_CATEGORY_ID = 100000000  # placeholder: Home & Garden > Carpets & Rugs leaf (look up)
KEYWORDS = {
    "hand_knotted": ("hand knotted rug", "wool carpet", "bhadohi rug"),
    "hand_tufted": ("hand tufted rug", "wool carpet", "bhadohi rug"),
    "flat_weave": ("handwoven dhurrie", "flat weave rug", "kilim rug"),
}
TECHNICS = {"hand_knotted": "Hand Knotted", "hand_tufted": "Hand Tufted", "flat_weave": "Handwoven"}

VARIANTS = {
    "alibaba.json": Variant(
        path="alibaba.json",
        kind="json",
        content_type=CONTENT_TYPE,
        currency="USD",
        langs=("en",),
        countries=(),
        currencies=("USD",),
    )
}


def lead_time_days(item: FeedItem) -> int:
    return (item.weaving_days or DEFAULT_WEAVING_DAYS) + FINISHING_DAYS


def monthly_supply(item: FeedItem) -> int:
    """Pieces of this design a month: one per loom per weaving time (at least one)."""
    looms = max(1, len(item.weavers))
    return max(1, math.floor(30 * looms / (item.weaving_days or DEFAULT_WEAVING_DAYS)))


def fob_range(item: FeedItem) -> tuple[str, str]:
    """(min, max) FOB USD per piece, whole dollars, as the API's numeric strings."""
    retail = item.prices["USD"].to_decimal()
    low = (retail * TRADE_PRICE_RATIO).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    high = retail.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return str(max(low, Decimal(1))), str(max(high, Decimal(1)))


def product(item: FeedItem, ctx: FeedContext) -> dict[str, Any]:
    """Business parameters of ``alibaba.icbu.product.add`` for one carpet."""
    text = item.texts["en"]
    subject = truncate(one_line(text.title), SUBJECT_LIMIT)
    fob_min, fob_max = fob_range(item)
    lead = lead_time_days(item)
    paragraphs = [text.own_description, " ".join(text.facts)]
    description = "".join(f"<p>{escape(p)}</p>" for p in paragraphs if p)
    return {
        "language": "ENGLISH",
        "product_type": "sourcing",
        "market": "main",
        "subject": subject,
        "category_id": ctx.setting("ALIBABA_CATEGORY_ID") or DEFAULT_CATEGORY_ID,
        "keywords": list(KEYWORDS.get(item.construction, KEYWORDS["hand_knotted"])[:MAX_KEYWORDS]),
        "description": description,
        "main_image": {"images": list(item.images[:MAX_IMAGES]), "watermark": False},
        "attributes": [
            {"attribute_name": "Material", "value_name": text.material},
            {"attribute_name": "Technics", "value_name": TECHNICS.get(item.construction, "")},
            {"attribute_name": "Place of Origin", "value_name": "Uttar Pradesh, India"},
            {"attribute_name": "Size", "value_name": f"{text.size} / custom"},
            {"attribute_name": "Pattern", "value_name": text.pattern},
        ]
        + (
            [{"attribute_name": "Knot Density", "value_name": f"{item.kpsi} knots per sq inch"}]
            if item.kpsi
            else []
        ),
        "sourcing_trade": {
            "fob_currency": "USD",
            "fob_min_price": fob_min,
            "fob_max_price": fob_max,
            "fob_unit_type": "Piece",
            "min_order_quantity": "1",
            "min_order_unit_type": "Piece",
            "supply_quantity": str(monthly_supply(item)),
            "supply_unit_type": "Piece",
            "supply_period_type": "Month",
            "delivery_port": "Nhava Sheva",
            "delivery_time": f"{lead} days",
            "deliver_periods": [{"quantity": 1, "process_period": lead}],
            "payment_methods": ["T/T", "L/C"],
            "packaging_desc": "Rolled pile inward, wrapped in polythene and hessian, moth-proofed",
        },
        "custom_info": {
            "custom_contents": [
                {"custom_type": "Customized size and colour", "min_order_quantity": 1}
            ]
        },
    }


def entry(item: FeedItem, ctx: FeedContext) -> dict[str, Any]:
    if item.lifecycle != "active":
        return {"sku": item.id, "action": "offline"}
    return {"sku": item.id, "action": "add", "product": product(item, ctx)}


def render(items: Iterable[FeedItem], ctx: FeedContext) -> Iterator[str]:
    """``{"products": [entry, ...]}``, one entry per carpet."""
    yield '{"products":['
    for n, item in enumerate(items):
        body = json.dumps(entry(item, ctx), ensure_ascii=False)
        yield ("\n" if n == 0 else ",\n") + body
    yield "\n]}\n"
