"""Value formats shared by the formatters."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest

from storefront.feeds.fields import Converter, kilograms, price_number, price_text, whole_rupees
from storefront.money import Money, convert


@pytest.mark.parametrize("rate", ["88.50", "112.40", "96.2", "83.123457", "1", "0.000001", "999"])
def test_integer_converter_matches_money_convert(rate):
    rnd = random.Random(rate)
    amounts = [0, 1, 49, 50, 51, 99, 100, 8850, 4425, 17700, 10**12 + 7]
    amounts += [rnd.randint(1, 10**11) for _ in range(2000)]
    for currency in ("USD", "GBP", "EUR", "INR"):
        converter = Converter(currency, Decimal(rate))
        for amount in amounts:
            assert converter(amount) == convert(amount, currency, Decimal(rate)), (amount, currency)


def test_price_formats():
    assert price_text(Money(169492, "USD")) == "1694.92 USD"
    assert price_text(Money(15000000, "INR")) == "150000.00 INR"
    assert price_text(Money(5, "GBP")) == "0.05 GBP"
    assert price_number(Money(15000000, "INR")) == 150000
    assert price_number(Money(169492, "USD")) == 1694.92
    assert whole_rupees(4999950) == 50000 and whole_rupees(4999949) == 49999
    assert str(kilograms(12000)) == "12" and str(kilograms(12345)) == "12.3"
