"""What one feed file is (its variant) and everything a formatter needs besides the items."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from storefront.feeds.vocab import Labels, labels_for

BRAND = "Bunkar — Bhadohi Weavers' Cooperative"
GOOGLE_RUGS_CATEGORY = "598"  # Home & Garden > Decor > Rugs (taxonomy 2021-09-21)
SHIPS_FROM = "IN"
# Sold, archived and unpublished carpets stay in the feeds (out of stock, quantity 0 or DELETE)
# for this long after their last change, counted back from the catalog's own last change, so
# marketplaces hear about every sale and the output never depends on the clock.
RETIRED_DAYS = 60


@dataclass(frozen=True, slots=True)
class Variant:
    """One feed file: its URL path under /feeds/, language, country and currency."""

    path: str
    kind: str  # xml | tsv | csv | lang | country | json
    content_type: str
    lang: str = "en"
    country: str = "IN"
    currency: str = "INR"
    langs: tuple[str, ...] = ("en",)  # texts (and links) the items need
    link_langs: tuple[str, ...] = ()  # product-page links only, no texts
    countries: tuple[str, ...] = ("IN",)  # shipping quotes the items need
    currencies: tuple[str, ...] = ("INR",)  # prices the items need

    @property
    def name(self) -> str:
        """The last path segment: ``en-US.xml``, ``IN.json``, ``flipkart.json``."""
        return self.path.rsplit("/", 1)[-1]

    @property
    def extension(self) -> str:
        return self.path.rsplit(".", 1)[-1]


@dataclass(slots=True)
class FeedContext:
    """Settings of one export: variant, absolute base URL, exchange rates, words, snapshot."""

    fmt: str
    variant: Variant
    base_url: str
    rates: dict[str, Decimal]  # INR per unit, for every currency in variant.currencies
    labels: dict[str, Labels]
    last_modified: dt.datetime | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    brand: str = BRAND

    @property
    def lang(self) -> str:
        return self.variant.lang

    @property
    def currency(self) -> str:
        return self.variant.currency

    @property
    def retired_cutoff(self) -> dt.datetime | None:
        if self.last_modified is None:
            return None
        return self.last_modified - dt.timedelta(days=RETIRED_DAYS)

    def setting(self, key: str, default: Any = None) -> Any:
        return self.settings.get(key, default)


class MissingRate(LookupError):
    """No dated exchange rate for a currency the feed is priced in."""


def make_context(
    fmt: str,
    variant: Variant,
    *,
    base_url: str,
    rates: dict[str, tuple[Decimal, dt.date]],
    last_modified: dt.datetime | None = None,
    settings: dict[str, Any] | None = None,
) -> FeedContext:
    """A context for ``variant``; raises MissingRate when a needed currency has no rate."""
    needed: dict[str, Decimal] = {}
    for currency in variant.currencies:
        if currency == "INR":
            needed[currency] = Decimal(1)
        elif currency in rates:
            needed[currency] = rates[currency][0]
        else:
            raise MissingRate(currency)
    return FeedContext(
        fmt=fmt,
        variant=variant,
        base_url=base_url.rstrip("/"),
        rates=needed,
        labels={lang: labels_for(lang) for lang in variant.langs},
        last_modified=last_modified,
        settings=dict(settings or {}),
    )
