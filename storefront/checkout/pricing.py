"""The quote: every component of an order's total, recomputed from the database each time.

All amounts are computed in INR paise first (prices, shipping, GST), then each component is
converted to the buyer's currency at the dated rate; the total is the sum of converted components,
so what the buyer sees adds up exactly to what the gateway charges.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from flask import current_app

from storefront.catalog.models import Carpet
from storefront.checkout.regions import place_of_supply
from storefront.checkout.shipping import carpet_parcel, parcel_price
from storefront.checkout.tax import gst_rate_bp, split_tax, tax_kind
from storefront.i18n import localized_text
from storefront.money import BASE_CURRENCY, CurrencyError, convert, current_rates


class NotShippable(ValueError):
    """No shipping rate takes this rug to this country."""

    def __init__(self, carpet: Carpet, country: str) -> None:
        super().__init__(f"{carpet.sku} to {country}")
        self.carpet = carpet
        self.country = country


@dataclass
class LineQuote:
    carpet: Carpet
    title: str
    price_inr: int
    amount_minor: int
    hsn: str
    tax_rate_bp: int
    tax_inr: int
    tax_minor: int


@dataclass
class Quote:
    currency: str
    rate: Decimal  # INR per unit of currency (1 for INR)
    rate_date: dt.date | None
    country: str
    region: str
    tax_kind: str
    place_of_supply: str
    lines: list[LineQuote] = field(default_factory=list)
    shipping_inr: int = 0
    shipping_minor: int = 0
    shipping_tax_rate_bp: int = 0
    shipping_tax_inr: int = 0
    shipping_tax_minor: int = 0
    tax_parts: dict[str, int] = field(default_factory=dict)  # cgst/sgst/igst in order currency

    @property
    def subtotal_inr(self) -> int:
        return sum(line.price_inr for line in self.lines)

    @property
    def subtotal_minor(self) -> int:
        return sum(line.amount_minor for line in self.lines)

    @property
    def tax_inr(self) -> int:
        return sum(line.tax_inr for line in self.lines) + self.shipping_tax_inr

    @property
    def tax_minor(self) -> int:
        return sum(line.tax_minor for line in self.lines) + self.shipping_tax_minor

    @property
    def total_inr(self) -> int:
        return self.subtotal_inr + self.shipping_inr + self.tax_inr

    @property
    def total_minor(self) -> int:
        return self.subtotal_minor + self.shipping_minor + self.tax_minor

    @property
    def tax_rate_label(self) -> str:
        """ "2.5" for CGST/SGST halves, "5" for IGST: the rate printed beside the tax lines."""
        rates = {line.tax_rate_bp for line in self.lines}
        if len(rates) != 1:
            return ""
        bp = rates.pop() // (2 if self.tax_kind == "cgst_sgst" else 1)
        return f"{Decimal(bp) / 100:f}".rstrip("0").rstrip(".")


def rate_for(currency: str, on: dt.date | None = None) -> tuple[Decimal, dt.date | None]:
    """INR per unit of ``currency`` from the dated table (1 for INR); CurrencyError if none."""
    if currency == BASE_CURRENCY:
        return Decimal(1), None
    rates = current_rates(on)
    if currency not in rates:
        raise CurrencyError(currency)
    return rates[currency]


def offered_currencies(country: str) -> list[str]:
    """INR for Indian delivery (GST invoice in rupees); abroad any display currency with a rate."""
    if country.upper() == "IN":
        return [BASE_CURRENCY]
    rates = current_rates()
    allowed = current_app.config.get("DISPLAY_CURRENCIES", ("INR", "USD", "EUR", "GBP"))
    return [c for c in allowed if c == BASE_CURRENCY or c in rates]


def build_quote(
    carpets: Sequence[Carpet], country: str, region: str, currency: str, lang: str = "en"
) -> Quote:
    """Price ``carpets`` delivered to ``country``/``region`` in ``currency``.

    Raises NotShippable, storefront.checkout.tax.TaxRateMissing or money.CurrencyError.
    """
    country = country.upper()
    rate, rate_date = rate_for(currency)
    kind = tax_kind(country, region, current_app.config["SELLER_STATE"])
    quote = Quote(
        currency=currency,
        rate=rate,
        rate_date=rate_date,
        country=country,
        region=region,
        tax_kind=kind,
        place_of_supply=place_of_supply(region) if country == "IN" else country,
    )
    parts: dict[str, int] = {}
    for carpet in carpets:
        bp = 0 if kind == "export" else gst_rate_bp(carpet.hsn_code)
        split = split_tax(kind, carpet.price_paise, bp)
        tax_inr = sum(split.values())
        for name, value in split.items():
            parts[name] = parts.get(name, 0) + convert(value, currency, rate)
        price = parcel_price(country, carpet_parcel(carpet))
        if price is None:
            raise NotShippable(carpet, country)
        quote.shipping_inr += price.amount
        quote.shipping_tax_rate_bp = max(quote.shipping_tax_rate_bp, bp)
        quote.lines.append(
            LineQuote(
                carpet=carpet,
                title=localized_text(carpet, "title", lang),
                price_inr=carpet.price_paise,
                amount_minor=convert(carpet.price_paise, currency, rate),
                hsn=carpet.hsn_code,
                tax_rate_bp=bp,
                tax_inr=tax_inr,
                tax_minor=sum(convert(v, currency, rate) for v in split.values()),
            )
        )
    # Shipping with the rug is one composite supply: GST at the principal supply's rate.
    ship_split = split_tax(kind, quote.shipping_inr, quote.shipping_tax_rate_bp)
    quote.shipping_tax_inr = sum(ship_split.values())
    quote.shipping_tax_minor = sum(convert(v, currency, rate) for v in ship_split.values())
    for name, value in ship_split.items():
        parts[name] = parts.get(name, 0) + convert(value, currency, rate)
    quote.shipping_minor = convert(quote.shipping_inr, currency, rate)
    quote.tax_parts = parts
    return quote
