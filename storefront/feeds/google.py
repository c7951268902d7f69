"""Google Merchant Center: RSS 2.0 with the ``g:`` namespace, and the tab-separated text form.

One feed per (content language, country): the data source in Merchant Center sets both, so every
free-text field is in the feed's language and every price in the country's currency. Attribute
names and enum values stay in English. Withdrawn carpets are left out (a full-snapshot feed
removes what is missing); sold ones stay as ``out_of_stock`` so the listing stops selling now.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from storefront.feeds.context import GOOGLE_RUGS_CATEGORY, SHIPS_FROM, FeedContext, Variant
from storefront.feeds.fields import ShippingPrices, kilograms, price_text, xml_text
from storefront.feeds.items import FeedItem
from storefront.feeds.text import one_line, truncate

CONTENT_TYPE = "application/xml; charset=utf-8"
TSV_CONTENT_TYPE = "text/tab-separated-values; charset=utf-8"
NAMESPACE = "http://base.google.com/ns/1.0"
LIMITS = {"id": 50, "title": 150, "description": 5000, "brand": 70, "color": 100, "material": 200}
LIMITS |= {"pattern": 100, "size": 100, "product_type": 750, "custom_label": 100}
MAX_ADDITIONAL_IMAGES = 10

LOCALES = {
    "en-US": ("en", "US", "USD"),
    "en-GB": ("en", "GB", "GBP"),
    "en-IN": ("en", "IN", "INR"),
    "hi-IN": ("hi", "IN", "INR"),
}


def _variants() -> dict[str, Variant]:
    out = {}
    for locale, (lang, country, currency) in LOCALES.items():
        for kind, content_type in (("xml", CONTENT_TYPE), ("tsv", TSV_CONTENT_TYPE)):
            name = f"{locale}.{kind}"
            out[name] = Variant(
                path=f"google/{name}",
                kind=kind,
                content_type=content_type,
                lang=lang,
                country=country,
                currency=currency,
                langs=(lang,),
                countries=(country,),
                currencies=(currency,),
            )
    return out


VARIANTS = _variants()
TSV_COLUMNS = (
    "id",
    "title",
    "description",
    "link",
    "image_link",
    "additional_image_link",
    "availability",
    "price",
    "condition",
    "brand",
    "identifier_exists",
    "google_product_category",
    "product_type",
    "color",
    "material",
    "pattern",
    "size",
    "product_length",
    "product_width",
    "product_weight",
    "shipping",
    "ships_from_country",
    "custom_label_0",
)


def fields(item: FeedItem, ctx: FeedContext) -> dict[str, str]:
    """The single-valued attributes of ``item`` (plain text, within Google's limits)."""
    text = item.texts[ctx.lang]
    out = {
        "id": item.id,
        "title": truncate(one_line(text.title), LIMITS["title"]),
        "description": text.description(LIMITS["description"]),
        "link": item.links[ctx.lang],
        "image_link": item.images[0] if item.images else "",
        "availability": item.availability,
        "price": price_text(item.prices[ctx.currency]),
        "condition": "new",
        "brand": ctx.brand,
        "identifier_exists": "no",
        "google_product_category": GOOGLE_RUGS_CATEGORY,
        "product_type": text.product_type,
        "color": truncate(text.colour, LIMITS["color"], ellipsis=""),
        "material": truncate(text.material, LIMITS["material"], ellipsis=""),
        "pattern": truncate(text.pattern, LIMITS["pattern"]),
        "size": text.size,
        "product_length": f"{item.length_cm} cm",
        "product_width": f"{item.width_cm} cm",
        "product_weight": f"{kilograms(item.weight_g)} kg" if item.weight_g else "",
        "ships_from_country": SHIPS_FROM,
        "custom_label_0": item.construction,
    }
    return out


def render(items: Iterable[FeedItem], ctx: FeedContext) -> Iterator[str]:
    """The feed in the variant's form (``xml`` or ``tsv``)."""
    if ctx.variant.kind == "tsv":
        return render_tsv(items, ctx)
    return render_xml(items, ctx)


def render_xml(items: Iterable[FeedItem], ctx: FeedContext) -> Iterator[str]:
    """RSS 2.0, one ``<item>`` per carpet, every attribute in the ``g:`` namespace."""
    locale = ctx.variant.name.rsplit(".", 1)[0]
    lang, currency, country = ctx.lang, ctx.currency, ctx.variant.country
    labels = ctx.labels[lang]
    yield (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<rss version="2.0" xmlns:g="{NAMESPACE}">\n<channel>\n'
        f"<title>{xml_text(ctx.brand)} ({locale})</title>\n"
        f"<link>{xml_text(ctx.base_url)}/{lang}/</link>\n"
        f"<description>{xml_text(labels.cooperative)}</description>\n"
    )
    # Parts that are the same for every item, escaped once.
    common = (
        "<g:condition>new</g:condition>\n"
        f"<g:brand>{xml_text(truncate(ctx.brand, LIMITS['brand']))}</g:brand>\n"
        "<g:identifier_exists>no</g:identifier_exists>\n"
        f"<g:google_product_category>{GOOGLE_RUGS_CATEGORY}</g:google_product_category>\n"
        f"<g:ships_from_country>{SHIPS_FROM}</g:ships_from_country>\n"
    )
    shipping_price = ShippingPrices(ctx.variant.country, ctx.currency, ctx.rates[ctx.currency])
    details: dict[tuple[str, object], str] = {}
    # Links and image URLs are the base URL plus URL-safe paths: escape them only if it needs it.
    url = xml_text if xml_text(ctx.base_url) != ctx.base_url else str
    title_limit, description_limit = LIMITS["title"], LIMITS["description"]
    for item in items:
        if item.lifecycle == "withdrawn":
            continue
        text = item.texts[lang]
        images = item.images
        parts = [
            f"<item>\n<g:id>{xml_text(item.id)}</g:id>\n"
            f"<g:title>{xml_text(truncate(text.title, title_limit))}</g:title>\n"
            f"<g:description>{xml_text(text.description(description_limit))}</g:description>\n"
            f"<g:link>{url(item.links[lang])}</g:link>\n"
            f"<g:availability>{item.availability}</g:availability>\n"
            f"<g:price>{price_text(item.prices[currency])}</g:price>\n"
            f"{common}"
            f"<g:product_type>{xml_text(text.product_type)}</g:product_type>\n"
            f"<g:material>{xml_text(truncate(text.material, LIMITS['material'], ellipsis=''))}"
            "</g:material>\n"
            f"<g:pattern>{xml_text(text.pattern)}</g:pattern>\n"
            f"<g:size>{xml_text(text.size)}</g:size>\n"
            f"<g:product_length>{item.length_cm} cm</g:product_length>\n"
            f"<g:product_width>{item.width_cm} cm</g:product_width>\n"
            f"<g:custom_label_0>{item.construction}</g:custom_label_0>\n"
        ]
        if images:
            parts.append(f"<g:image_link>{url(images[0])}</g:image_link>\n")
            for extra in images[1 : 1 + MAX_ADDITIONAL_IMAGES]:
                parts.append(f"<g:additional_image_link>{url(extra)}</g:additional_image_link>\n")
        if text.colour:
            colour = truncate(text.colour, LIMITS["color"], ellipsis="")
            parts.append(f"<g:color>{xml_text(colour)}</g:color>\n")
        if item.weight_g:
            parts.append(f"<g:product_weight>{kilograms(item.weight_g)} kg</g:product_weight>\n")
        if item.kpsi:
            key = ("kpsi", item.kpsi)
            if key not in details:
                value = labels.knots_value % {"kpsi": item.kpsi}
                details[key] = _detail(labels.detail_section, labels.detail_knots, value)
            parts.append(details[key])
        if item.pile_height_mm:
            key = ("mm", item.pile_height_mm)
            if key not in details:
                value = labels.mm_value % {"mm": item.pile_height_mm}
                details[key] = _detail(labels.detail_section, labels.detail_pile, value)
            parts.append(details[key])
        shipping = shipping_price(item)
        if shipping:
            parts.append(
                f"<g:shipping><g:country>{country}</g:country>"
                f"<g:price>{shipping}</g:price></g:shipping>\n"
            )
        parts.append("</item>\n")
        yield "".join(parts)
    yield "</channel>\n</rss>\n"


def _detail(section: str, name: str, value: str) -> str:
    return (
        f"<g:product_detail><g:section_name>{xml_text(section)}</g:section_name>"
        f"<g:attribute_name>{xml_text(name)}</g:attribute_name>"
        f"<g:attribute_value>{xml_text(value)}</g:attribute_value></g:product_detail>\n"
    )


def _cell(value: str) -> str:
    """A TSV cell: no tabs or line breaks inside a value."""
    if "\t" in value or "\n" in value or "\r" in value:
        return one_line(value)
    return value


def render_tsv(items: Iterable[FeedItem], ctx: FeedContext) -> Iterator[str]:
    """Tab-separated text with a header row of Google's English attribute names."""
    yield "\t".join(TSV_COLUMNS) + "\n"
    country = ctx.variant.country
    shipping_price = ShippingPrices(ctx.variant.country, ctx.currency, ctx.rates[ctx.currency])
    for item in items:
        if item.lifecycle == "withdrawn":
            continue
        values = fields(item, ctx)
        values["additional_image_link"] = ",".join(item.images[1 : 1 + MAX_ADDITIONAL_IMAGES])
        shipping = shipping_price(item)
        # country:region:service:price, every colon kept even when a part is empty.
        values["shipping"] = f"{country}:::{shipping}" if shipping else ""
        yield "\t".join(_cell(values[column]) for column in TSV_COLUMNS) + "\n"
