"""The product page's data: one public carpet, its photos and weavers, prices, JSON-LD and OG."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from flask import current_app, url_for
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from storefront.catalog.attributes import COLOURS, PILE_MATERIALS
from storefront.catalog.models import Carpet
from storefront.catalog.queries import PUBLIC_STATUSES, on_show
from storefront.extensions import db
from storefront.i18n import current_lang, localized_text
from storefront.money import BASE_CURRENCY, EXPONENTS, Money, convert, current_rates

OG_LOCALES = {"en": "en_IN", "hi": "hi_IN"}
BRAND = "Bunkar"


@dataclass
class ConvertedPrice:
    currency: str
    amount: int  # minor units
    rate: Decimal
    effective_on: dt.date


@dataclass
class Product:
    carpet: Carpet
    prices: list[ConvertedPrice] = field(default_factory=list)

    @property
    def is_available(self) -> bool:
        return self.carpet.is_available

    @property
    def is_sold(self) -> bool:
        return self.carpet.status == "sold"

    @property
    def rate_date(self) -> dt.date | None:
        return max((p.effective_on for p in self.prices), default=None)

    @property
    def gi_weavers(self) -> list[Any]:
        return [w for w in self.carpet.weavers if w.is_gi_district]


def load_product(slug: str) -> Product | None:
    """A published or sold carpet by slug, with photos and weavers (three statements)."""
    carpet = db.session.scalars(
        select(Carpet)
        .where(Carpet.slug == slug, Carpet.status.in_(PUBLIC_STATUSES), on_show())
        .options(selectinload(Carpet.images), selectinload(Carpet.weavers))
    ).first()
    if carpet is None:
        return None
    return Product(carpet=carpet, prices=converted_prices(carpet.price_paise))


def converted_prices(price_paise: int) -> list[ConvertedPrice]:
    """The INR price in each display currency at the latest dated rate (skips missing rates)."""
    rates = current_rates()
    out = []
    for currency in current_app.config.get("DISPLAY_CURRENCIES", ()):
        if currency == BASE_CURRENCY or currency not in rates:
            continue
        rate, day = rates[currency]
        # An approximation for orientation: whole units read better than $90.29.
        amount = convert(price_paise, currency, rate)
        unit = 10 ** EXPONENTS[currency]
        whole = int((Decimal(amount) / unit).quantize(Decimal(1), rounding=ROUND_HALF_UP)) * unit
        out.append(ConvertedPrice(currency, whole, rate, day))
    return out


def absolute(path: str) -> str:
    return current_app.config["PUBLIC_BASE_URL"].rstrip("/") + path


def image_urls(carpet: Carpet, width: int = 1000) -> list[str]:
    from storefront.media.helpers import image_url

    return [absolute(image_url(img.image_key, width, "jpg")) for img in carpet.images]


def product_url(carpet: Carpet, lang: str | None = None) -> str:
    return absolute(url_for("catalog.detail", slug=carpet.slug, lang=lang or current_lang()))


def description_text(carpet: Carpet, limit: int = 300) -> str:
    """A one-paragraph plain description for meta tags (cut at a word boundary)."""
    text = " ".join(localized_text(carpet, "description").split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def json_ld(product: Product) -> str:
    """schema.org Product + Offer as a JSON text safe inside <script type="application/ld+json">."""
    carpet = product.carpet
    lang = current_lang()
    price = Money(carpet.price_paise, BASE_CURRENCY).to_decimal()
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": localized_text(carpet, "title"),
        "description": description_text(carpet, 1000),
        "sku": carpet.sku,
        "image": image_urls(carpet),
        "brand": {"@type": "Brand", "name": BRAND},
        "material": str(PILE_MATERIALS.get(carpet.pile_material, carpet.pile_material)),
        "color": str(COLOURS.get(carpet.colour_primary, carpet.colour_primary)),
        "size": f"{carpet.width_cm} × {carpet.length_cm} cm",
        "width": {"@type": "QuantitativeValue", "value": carpet.width_cm, "unitCode": "CMT"},
        "depth": {"@type": "QuantitativeValue", "value": carpet.length_cm, "unitCode": "CMT"},
        "countryOfOrigin": {"@type": "Country", "name": "IN"},
        "inLanguage": lang,
        "offers": {
            "@type": "Offer",
            "url": product_url(carpet),
            "price": f"{price:.2f}",
            "priceCurrency": BASE_CURRENCY,
            "availability": "https://schema.org/"
            + ("InStock" if carpet.is_available else "SoldOut"),
            "itemCondition": "https://schema.org/NewCondition",
            "seller": {
                "@type": "Organization",
                "name": current_app.config.get("SELLER_NAME", "Bunkar"),
            },
        },
    }
    if carpet.weight_g:
        data["weight"] = {
            "@type": "QuantitativeValue",
            "value": round(carpet.weight_g / 1000, 2),
            "unitCode": "KGM",
        }
    if not data["image"]:
        del data["image"]
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # Nothing in the data may end the script element or open a comment: escape < > &.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def og_tags(product: Product) -> list[tuple[str, str]]:
    """OpenGraph (and product price) meta tags as (property, content) pairs."""
    carpet = product.carpet
    lang = current_lang()
    other = "hi" if lang == "en" else "en"
    tags = [
        ("og:type", "product"),
        ("og:site_name", BRAND),
        ("og:title", localized_text(carpet, "title")),
        ("og:description", description_text(carpet, 200)),
        ("og:url", product_url(carpet)),
        ("og:locale", OG_LOCALES[lang]),
        ("og:locale:alternate", OG_LOCALES[other]),
    ]
    images = image_urls(carpet)
    if images:
        tags.append(("og:image", images[0]))
        main = carpet.images[0]
        if main.width and main.height:
            width = min(1000, main.width)
            tags += [
                ("og:image:width", str(width)),
                ("og:image:height", str(round(main.height * width / main.width))),
            ]
        tags.append(("og:image:alt", localized_text(main, "alt") or tags[2][1]))
    price = Money(carpet.price_paise, BASE_CURRENCY).to_decimal()
    tags += [
        ("product:price:amount", f"{price:.2f}"),
        ("product:price:currency", BASE_CURRENCY),
        ("product:availability", "in stock" if carpet.is_available else "out of stock"),
    ]
    return tags
