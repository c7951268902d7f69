"""Shipping by zone and chargeable weight of the rolled rug (the larger of real and volumetric).

Rugs travel rolled, never folded: the roll is as long as the rug's short side (plus padding) and as
thick as the long side wound round a core. Couriers charge volumetric weight = L x W x H cm / 5000.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from storefront.checkout.models import ShippingRate
from storefront.extensions import db
from storefront.money import Money

VOLUMETRIC_DIVISOR_CM3_PER_KG = 5000
DEFAULT_THICKNESS_MM = 12  # pile plus foundation of a typical hand-knotted rug
CORE_MM = 50  # cardboard tube the rug is rolled on
WRAP_CM = 3  # padding and wrap around the roll (each side)
END_PADDING_CM = 10  # padded ends of the roll
PACKING_G = 1500  # polythene, hessian and tube
AREA_WEIGHT_G_PER_M2 = 3500  # estimate when a carpet has no weight recorded


@dataclass(frozen=True, slots=True)
class Parcel:
    """A packed roll: its length and diameter in cm, real and chargeable weight in grams."""

    length_cm: int
    diameter_cm: int
    weight_g: int
    volumetric_g: int

    @property
    def chargeable_g(self) -> int:
        return max(self.weight_g, self.volumetric_g)


def roll_parcel(
    weight_g: int | None, length_cm: int, width_cm: int, thickness_mm: int | None = None
) -> Parcel:
    """The packed roll of a ``length_cm`` x ``width_cm`` rug (integer arithmetic only)."""
    short, long_ = sorted((max(1, width_cm), max(1, length_cm)))
    t_mm = max(3, thickness_mm or DEFAULT_THICKNESS_MM)
    # Cross-section of the wound rug is t x L; a disc of that area round the core:
    # d^2 = core^2 + 4 t L / pi   (pi as 31416 / 10000)
    d2 = CORE_MM * CORE_MM + (4 * t_mm * long_ * 10 * 10000) // 31416
    diameter_cm = -(-_isqrt_ceil(d2) // 10) + 2 * WRAP_CM
    roll_cm = short + END_PADDING_CM
    volume_cm3 = roll_cm * diameter_cm * diameter_cm
    volumetric_g = -(-volume_cm3 * 1000 // VOLUMETRIC_DIVISOR_CM3_PER_KG)
    real = weight_g or (short * long_ * AREA_WEIGHT_G_PER_M2) // 10000
    return Parcel(roll_cm, diameter_cm, real + PACKING_G, volumetric_g)


def _isqrt_ceil(n: int) -> int:
    from math import isqrt

    root = isqrt(n)
    return root if root * root == n else root + 1


def zone_rates(country_code: str) -> list[ShippingRate]:
    """The rate bands for ``country_code``: its own zone, else the rest-of-world (``*``) zone."""
    code = (country_code or "").strip().upper()
    rows = list(db.session.scalars(select(ShippingRate).order_by(ShippingRate.max_weight_g)))
    own = [r for r in rows if code in r.country_list]
    return own or [r for r in rows if "*" in r.country_list]


def parcel_price(country_code: str, parcel: Parcel) -> Money | None:
    """INR price of one parcel, or None when no band takes it (too heavy or too long)."""
    for rate in zone_rates(country_code):
        if rate.max_length_cm is not None and parcel.length_cm > rate.max_length_cm:
            continue
        if parcel.chargeable_g <= rate.max_weight_g:
            return Money(rate.price_paise, "INR")
    return None


def shipping_quote(
    country_code: str, weight_g: int | None, length_cm: int, width_cm: int
) -> Money | None:
    """Shipping for one rug to ``country_code`` in INR; None if we cannot ship it there.

    Used by the checkout (per rug: each travels as its own roll) and by the feeds.
    """
    return parcel_price(country_code, roll_parcel(weight_g, length_cm, width_cm))


def carpet_parcel(carpet: object) -> Parcel:
    return roll_parcel(
        getattr(carpet, "weight_g", None),
        carpet.length_cm,  # type: ignore[attr-defined]
        carpet.width_cm,  # type: ignore[attr-defined]
        (getattr(carpet, "pile_height_mm", None) or 8) + 4,
    )
