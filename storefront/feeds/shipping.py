"""Shipping prices per country for the feeds: the checkout's own rates, read once per export.

The checkout quotes one rug with ``shipping_quote`` (which reads the rate table on every call).
A feed of 100,000 rugs cannot afford a query per rug, so the quoter loads the rate bands once, in
the feed's snapshot, builds each rug's parcel with the checkout's ``roll_parcel`` and picks the
band the way ``parcel_price`` does. ``tests/feeds`` checks the two agree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from storefront.checkout.models import ShippingRate
from storefront.checkout.shipping import roll_parcel
from storefront.money import Money

if TYPE_CHECKING:
    from storefront.feeds.items import FeedItem

# (countries, max_weight_g, price_paise, max_length_cm), lightest band first
Band = tuple[tuple[str, ...], int, int, int | None]


def load_bands(conn: Any) -> list[Band]:
    """Every shipping rate band (one statement), lightest first."""
    rows = conn.execute(
        select(
            ShippingRate.countries,
            ShippingRate.max_weight_g,
            ShippingRate.price_paise,
            ShippingRate.max_length_cm,
        ).order_by(ShippingRate.max_weight_g, ShippingRate.id)
    )
    return [
        (tuple(c.strip().upper() for c in countries.split(",") if c.strip()), w, p, length)
        for countries, w, p, length in rows
    ]


class ShippingQuoter:
    """``quote(country, item)``: the checkout's shipping price in INR, or None (cannot ship)."""

    def __init__(self, bands: list[Band]) -> None:
        self.bands = bands
        self._zones: dict[str, list[Band]] = {}
        self._memo: dict[tuple, Money | None] = {}  # standard sizes repeat; bounded below

    def zone(self, country: str) -> list[Band]:
        """The country's own bands, else the rest-of-world (``*``) bands."""
        if country not in self._zones:
            own = [b for b in self.bands if country in b[0]]
            self._zones[country] = own or [b for b in self.bands if "*" in b[0]]
        return self._zones[country]

    def quote(self, country: str, item: FeedItem) -> Money | None:
        key = (country, item.weight_g, item.length_cm, item.width_cm)
        if key in self._memo:
            return self._memo[key]
        parcel = roll_parcel(item.weight_g, item.length_cm, item.width_cm)
        price = None
        for _, max_weight_g, price_paise, max_length_cm in self.zone(country):
            if max_length_cm is not None and parcel.length_cm > max_length_cm:
                continue
            if parcel.chargeable_g <= max_weight_g:
                price = Money(price_paise, "INR")
                break
        if len(self._memo) < 4096:  # bounded: memory stays flat
            self._memo[key] = price
        return price
