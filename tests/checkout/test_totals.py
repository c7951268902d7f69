"""The quote: GST by place of supply, shipping bands by chargeable weight, currency conversion."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from flask import Flask

from storefront.checkout.models import ShippingRate, TaxRate
from storefront.checkout.pricing import NotShippable, build_quote
from storefront.checkout.shipping import roll_parcel, shipping_quote
from storefront.checkout.tax import TaxRateMissing, gst_rate_bp
from storefront.extensions import db
from storefront.money import Money
from tests.builders import make_carpet
from tests.checkout.builders import make_order, seed_tables

PRICE = 15_000_000  # ₹1,50,000


@pytest.fixture
def tables(app: Flask) -> None:
    seed_tables()


def test_uttar_pradesh_pays_cgst_and_sgst(tables: None) -> None:
    carpet = make_carpet(price_paise=PRICE, width_cm=60, length_cm=90, weight_g=2000)
    quote = build_quote([carpet], "IN", "Uttar Pradesh", "INR")
    assert quote.tax_kind == "cgst_sgst"
    assert quote.place_of_supply == "09-Uttar Pradesh"
    assert quote.shipping_inr == 90_000  # ₹900: 5.6 kg volumetric, the 5-10 kg band in India
    # 2.5 % + 2.5 % of the rug and of the delivery (one composite supply)
    assert quote.tax_parts == {"cgst": 375_000 + 2_250, "sgst": 375_000 + 2_250}
    assert quote.tax_minor == 754_500
    assert quote.total_minor == PRICE + 90_000 + 754_500
    assert quote.tax_rate_label == "2.5"


def test_other_states_pay_igst(tables: None) -> None:
    carpet = make_carpet(price_paise=PRICE, width_cm=60, length_cm=90, weight_g=2000)
    quote = build_quote([carpet], "IN", "Maharashtra", "INR")
    assert quote.tax_kind == "igst" and quote.place_of_supply == "27-Maharashtra"
    assert quote.tax_parts == {"igst": 750_000 + 4_500}
    assert quote.total_minor == PRICE + 90_000 + 754_500
    assert quote.tax_rate_label == "5"


def test_exports_are_zero_rated_and_converted(tables: None) -> None:
    carpet = make_carpet(price_paise=PRICE, width_cm=60, length_cm=90, weight_g=2000)
    quote = build_quote([carpet], "US", "NY", "USD")
    assert quote.tax_kind == "export" and quote.tax_minor == 0 and quote.tax_parts == {}
    assert quote.rate == Decimal("88.50") and quote.rate_date == dt.date(2026, 1, 1)
    assert quote.subtotal_minor == 169_492  # ₹1,50,000 / 88.50 = $1,694.92
    assert quote.shipping_inr == 850_000  # North America, 5-10 kg
    assert quote.shipping_minor == 9_605  # ₹8,500 / 88.50 = $96.045 -> $96.05 (half up)
    assert quote.total_minor == 169_492 + 9_605


def test_order_snapshots_rate_and_components(tables: None) -> None:
    carpet = make_carpet(price_paise=PRICE)
    order = make_order(carpet, currency="EUR", country="DE", region="", postcode="10115")
    assert order.exchange_rate == Decimal("96.20") and order.rate_date == dt.date(2026, 1, 1)
    assert order.total_minor == order.subtotal_minor + order.shipping_minor + order.tax_minor
    assert order.lines[0].amount_minor == 155_925
    assert order.lines[0].price_inr == PRICE and order.lines[0].hsn == carpet.hsn_code


def test_volumetric_weight_of_a_rolled_rug() -> None:
    parcel = roll_parcel(12_000, 240, 170, 14)
    assert parcel.length_cm == 180  # rolled along its short side, ends padded
    assert parcel.diameter_cm == 28
    assert parcel.volumetric_g == 180 * 28 * 28 // 5  # L x W x H / 5000 in kg
    assert parcel.chargeable_g == parcel.volumetric_g > parcel.weight_g


def test_shipping_bands_and_zones(tables: None) -> None:
    assert shipping_quote("IN", 2000, 90, 60) == Money(90_000, "INR")
    # 5.5 x 8 ft: 24.3 kg volumetric beats 13.5 kg packed -> the 10-25 kg band
    assert shipping_quote("IN", 12_000, 240, 170) == Money(160_000, "INR")
    assert shipping_quote("GB", 2000, 90, 60) == Money(750_000, "INR")  # Europe
    assert shipping_quote("JP", 2000, 90, 60) == Money(1_000_000, "INR")  # rest of world
    assert shipping_quote("US", 150_000, 300, 250) is None  # heavier than any band
    for rate in db.session.query(ShippingRate).filter_by(zone="India"):
        rate.max_length_cm = 150
    db.session.flush()
    assert shipping_quote("IN", 2000, 240, 170) is None  # a 1.8 m roll: too long for the carrier
    assert shipping_quote("IN", 2000, 300, 80) is not None  # a runner rolls up short


def test_staff_rate_edit_changes_the_quote(tables: None) -> None:
    rate = db.session.query(ShippingRate).filter_by(zone="India", max_weight_g=10_000).one()
    rate.price_paise = 50_000
    db.session.flush()
    assert shipping_quote("IN", 2000, 90, 60) == Money(50_000, "INR")


def test_not_shippable_raises(app: Flask) -> None:
    seed_tables()
    db.session.query(ShippingRate).filter(ShippingRate.countries == "*").delete()
    carpet = make_carpet()
    with pytest.raises(NotShippable):
        build_quote([carpet], "JP", "", "USD")


def test_gst_rates_are_dated_data(app: Flask) -> None:
    db.session.add_all(
        [
            TaxRate(hsn_prefix="57", rate_bp=500, effective_from=dt.date(2018, 7, 27)),
            TaxRate(hsn_prefix="5703", rate_bp=1200, effective_from=dt.date(2020, 1, 1)),
            TaxRate(hsn_prefix="5703", rate_bp=1800, effective_from=dt.date(2025, 9, 22)),
        ]
    )
    db.session.flush()
    assert gst_rate_bp("5701", dt.date(2026, 1, 1)) == 500
    assert gst_rate_bp("5703", dt.date(2024, 1, 1)) == 1200  # the longest prefix wins
    assert gst_rate_bp("5703", dt.date(2025, 9, 22)) == 1800  # from its effective date
    with pytest.raises(TaxRateMissing):
        gst_rate_bp("5701", dt.date(2017, 1, 1))
