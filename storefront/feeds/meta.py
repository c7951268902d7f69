"""Meta (Facebook and Instagram) catalog: a CSV main feed plus language and country overrides.

- ``meta/<lang>-<COUNTRY>.csv``: a main feed (``en-IN`` is the catalog's home: English, INR);
- ``meta/lang-hi_IN.csv``: a language override feed: id, override and the translated text fields;
- ``meta/country-overrides.csv``: a country override feed: price, availability and link per
  country, the only place Meta accepts those.
Availability uses Meta's words with spaces (``in stock``), unlike Google's underscores.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

from storefront.feeds.context import GOOGLE_RUGS_CATEGORY, FeedContext, Variant
from storefront.feeds.fields import ShippingPrices, price_text
from storefront.feeds.items import FeedItem
from storefront.feeds.text import one_line, truncate

CONTENT_TYPE = "text/csv; charset=utf-8"
LIMITS = {"id": 100, "title": 200, "description": 5000, "brand": 100}
MAX_ADDITIONAL_IMAGES = 20
AVAILABILITY = {"in_stock": "in stock", "out_of_stock": "out of stock"}
LOCALES = {
    "en-IN": ("en", "IN", "INR"),
    "en-US": ("en", "US", "USD"),
    "en-GB": ("en", "GB", "GBP"),
    "hi-IN": ("hi", "IN", "INR"),
}
LANGUAGE_OVERRIDES = {"hi_IN": "hi"}
COUNTRY_OVERRIDES = {"US": "USD", "GB": "GBP"}  # the main feed's own country (IN) needs none

MAIN_COLUMNS = (
    "id",
    "title",
    "description",
    "availability",
    "condition",
    "price",
    "link",
    "image_link",
    "additional_image_link",
    "brand",
    "google_product_category",
    "product_type",
    "color",
    "material",
    "pattern",
    "size",
    "shipping",
    "quantity_to_sell_on_fb",
    "custom_label_0",
)
LANGUAGE_COLUMNS = (
    "id",
    "override",
    "title",
    "description",
    "color",
    "material",
    "pattern",
    "size",
)
COUNTRY_COLUMNS = ("id", "override", "price", "availability", "link")


def _variants() -> dict[str, Variant]:
    out = {}
    for locale, (lang, country, currency) in LOCALES.items():
        out[f"{locale}.csv"] = Variant(
            path=f"meta/{locale}.csv",
            kind="csv",
            content_type=CONTENT_TYPE,
            lang=lang,
            country=country,
            currency=currency,
            langs=(lang,),
            countries=(country,),
            currencies=(currency,),
        )
    for code, lang in LANGUAGE_OVERRIDES.items():
        out[f"lang-{code}.csv"] = Variant(
            path=f"meta/lang-{code}.csv",
            kind="lang",
            content_type=CONTENT_TYPE,
            lang=lang,
            langs=(lang,),
            countries=(),
        )
    out["country-overrides.csv"] = Variant(
        path="meta/country-overrides.csv",
        kind="country",
        content_type=CONTENT_TYPE,
        langs=(),
        link_langs=("en",),
        countries=(),
        currencies=tuple(COUNTRY_OVERRIDES.values()),
    )
    return out


VARIANTS = _variants()


class _Rows:
    """A csv.writer that collects records; ``flush()`` returns what was written since."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.writer = csv.writer(self, lineterminator="\n")
        self.add = self.writer.writerow

    def write(self, text: str) -> None:  # the file interface csv.writer writes to
        self.parts.append(text)

    def line(self, values: Iterable[str]) -> str:
        self.add(values)
        return self.flush()

    def full(self) -> bool:
        return len(self.parts) >= 64

    def flush(self) -> str:
        text = "".join(self.parts)
        self.parts.clear()
        return text


def render(items: Iterable[FeedItem], ctx: FeedContext) -> Iterator[str]:
    """The CSV for the variant: main feed, language override or country override."""
    kind = ctx.variant.kind
    if kind == "lang":
        return _language(items, ctx)
    if kind == "country":
        return _countries(items, ctx)
    return _main(items, ctx)


def _main(items: Iterable[FeedItem], ctx: FeedContext) -> Iterator[str]:
    rows = _Rows()
    yield rows.line(MAIN_COLUMNS)
    lang, currency, country = ctx.lang, ctx.currency, ctx.variant.country
    shipping_price = ShippingPrices(country, currency, ctx.rates[currency])
    for item in items:
        if item.lifecycle == "withdrawn":
            continue
        text = item.texts[lang]
        shipping = shipping_price(item)
        if shipping:
            shipping = f"{country}:::{shipping}"  # country:region:service:price
        rows.add(
            (
                item.id,
                truncate(one_line(text.title), LIMITS["title"]),
                text.description(LIMITS["description"]),
                AVAILABILITY[item.availability],
                "new",
                price_text(item.prices[currency]),
                item.links[lang],
                item.images[0] if item.images else "",
                ",".join(item.images[1 : 1 + MAX_ADDITIONAL_IMAGES]),
                ctx.brand,
                GOOGLE_RUGS_CATEGORY,
                text.product_type,
                text.colour,
                text.material,
                text.pattern,
                text.size,
                shipping,
                str(item.quantity),
                item.construction,
            )
        )
        if rows.full():
            yield rows.flush()
    yield rows.flush()


def _language(items: Iterable[FeedItem], ctx: FeedContext) -> Iterator[str]:
    rows = _Rows()
    yield rows.line(LANGUAGE_COLUMNS)
    code = ctx.variant.name[len("lang-") : -len(".csv")]
    for item in items:
        if item.lifecycle == "withdrawn":
            continue
        text = item.texts[ctx.lang]
        rows.add(
            (
                item.id,
                code,
                truncate(one_line(text.title), LIMITS["title"]),
                text.description(LIMITS["description"]),
                text.colour,
                text.material,
                text.pattern,
                text.size,
            )
        )
        if rows.full():
            yield rows.flush()
    yield rows.flush()


def _countries(items: Iterable[FeedItem], ctx: FeedContext) -> Iterator[str]:
    rows = _Rows()
    yield rows.line(COUNTRY_COLUMNS)
    for item in items:
        if item.lifecycle == "withdrawn":
            continue
        availability = AVAILABILITY[item.availability]
        for country, currency in COUNTRY_OVERRIDES.items():
            price = price_text(item.prices[currency])
            rows.add((item.id, country, price, availability, item.links["en"]))
        if rows.full():
            yield rows.flush()
    yield rows.flush()
