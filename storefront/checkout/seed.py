"""Demo shipping rates and GST rates (called from ``flask seed-demo``). Staff edit them later."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from storefront.checkout.models import ShippingRate, TaxRate
from storefront.extensions import db

EUROPE = "GB,IE,DE,FR,IT,ES,PT,NL,BE,LU,AT,CH,DK,SE,NO,FI,PL,CZ,GR"
NORTH_AMERICA = "US,CA"
BANDS_KG = (5, 10, 15, 25, 35, 50, 75, 100)


def _bands(*rupees: int) -> list[tuple[int, int]]:
    return list(zip(BANDS_KG, rupees, strict=True))


# zone -> (countries, [(max chargeable kg, price in rupees)]): express courier, insured.
DEMO_RATES: dict[str, tuple[str, list[tuple[int, int]]]] = {
    "India": ("IN", _bands(600, 900, 1_200, 1_600, 2_100, 2_800, 3_700, 4_500)),
    "Europe": (EUROPE, _bands(5_000, 7_500, 10_000, 14_500, 19_000, 25_500, 36_000, 46_000)),
    "North America": (
        NORTH_AMERICA,
        _bands(5_500, 8_500, 11_500, 16_500, 21_500, 29_000, 41_000, 52_000),
    ),
    "Rest of world": ("*", _bands(6_500, 10_000, 13_500, 19_500, 25_500, 34_000, 48_000, 61_000)),
}
# Handmade carpets and other handmade textile floor coverings: 5 % from 27 July 2018
# (and kept at 5 % by Notification 13/2025-CT(Rate) from 22 September 2025). Verify with a CA.
DEMO_TAX = [("57", 500, dt.date(2018, 7, 27), "Handmade carpets (chapter 57)")]


def seed_checkout() -> str:
    """Insert the demo rate tables when empty; returns a one-line report."""
    made = 0
    if db.session.scalar(select(ShippingRate.id).limit(1)) is None:
        for zone, (countries, bands) in DEMO_RATES.items():
            for kg, rupees in bands:
                db.session.add(
                    ShippingRate(
                        zone=zone,
                        countries=countries,
                        max_weight_g=kg * 1000,
                        price_paise=rupees * 100,
                        max_length_cm=400,
                    )
                )
                made += 1
    if db.session.scalar(select(TaxRate.id).limit(1)) is None:
        for prefix, bp, since, text in DEMO_TAX:
            db.session.add(
                TaxRate(hsn_prefix=prefix, rate_bp=bp, effective_from=since, description=text)
            )
            made += 1
    db.session.flush()
    return f"checkout: {made} shipping/tax rate rows"
