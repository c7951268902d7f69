"""Small value formats the marketplaces share: prices, weights, escaping, output batching."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from storefront.money import BASE_CURRENCY, EXPONENTS, Money


class Converter:
    """``storefront.money.convert`` for one currency and rate, in integer arithmetic.

    ``convert`` divides in Decimal (28 significant digits) and rounds half up. The rate has at
    most 6 decimals, so the exact quotient ``paise * den / num`` is either exactly a half or at
    least ``1 / (2 num)`` away from one; 28 digits cannot move it across, and exact integer
    rounding gives the same result (tests/feeds/test_fields.py checks it against ``convert``).
    """

    def __init__(self, currency: str, rate: Decimal) -> None:
        self.identity = currency == BASE_CURRENCY
        num, den = Decimal(rate).as_integer_ratio()
        shift = EXPONENTS[currency] - EXPONENTS[BASE_CURRENCY]
        if shift >= 0:
            den *= 10**shift
        else:
            num *= 10**-shift
        self.num, self.den = num, den

    def __call__(self, amount_inr: int) -> int:
        if self.identity:
            return amount_inr
        sign = -1 if amount_inr < 0 else 1
        twice = 2 * abs(amount_inr) * self.den
        return sign * ((twice + self.num) // (2 * self.num))  # half up, away from zero


class ShippingPrices:
    """An item's shipping quote (INR) as price text in the feed's currency; "" if none.

    Quotes come from a few rate bands, so each distinct amount is converted once.
    """

    def __init__(self, country: str, currency: str, rate: Decimal) -> None:
        self.country = country
        self.currency = currency
        self.convert = Converter(currency, rate)
        self.cache: dict[int, str] = {}

    def __call__(self, item: Any) -> str:
        quote = item.shipping.get(self.country)
        if quote is None:
            return ""
        text = self.cache.get(quote.amount)
        if text is None:
            money = Money(self.convert(quote.amount), self.currency)
            text = self.cache[quote.amount] = price_text(money)
        return text


def price_text(money: Money) -> str:
    """``1234.50 USD``: number, dot, two decimals, space, ISO 4217 code (Google and Meta)."""
    exp = EXPONENTS[money.currency]
    if exp == 0:
        return f"{money.amount} {money.currency}"
    major, minor = divmod(money.amount, 10**exp)
    return f"{major}.{minor:0{exp}d} {money.currency}"


def price_number(money: Money) -> int | float:
    """A JSON number in major units: whole amounts as integers, else two decimals."""
    exp = EXPONENTS[money.currency]
    major, minor = divmod(money.amount, 10**exp)
    return major if minor == 0 else float(Money(money.amount, money.currency).to_decimal())


def whole_rupees(paise: int) -> int:
    """Paise to whole rupees, rounding half up (Flipkart takes integers)."""
    return (paise + 50) // 100


def kilograms(grams: int) -> str:
    """Grams as kilograms with at most one decimal, half up: ``12``, ``12.5``."""
    tenths = (grams + 50) // 100
    whole, tenth = divmod(tenths, 10)
    return f"{whole}.{tenth}" if tenth else str(whole)


def xml_text(value: str) -> str:
    """Escape character data for XML (attribute values are not written by the feeds)."""
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    return value


def batched(chunks: Iterable[str], size: int = 64 * 1024) -> Iterator[bytes]:
    """Join many small strings into UTF-8 blocks of about ``size`` bytes."""
    buffer: list[str] = []
    length = 0
    for chunk in chunks:
        buffer.append(chunk)
        length += len(chunk)
        if length >= size:
            yield "".join(buffer).encode("utf-8")
            buffer, length = [], 0
    if buffer:
        yield "".join(buffer).encode("utf-8")
