"""One FeedItem per carpet that a marketplace should hear about, built from plain rows.

The three statements of ``feeds.queries`` (carpets, images, weavers), each ordered by carpet id,
are streamed in batches and merged by id. No ORM objects and no per-carpet queries, so memory
stays flat and time is linear.

Lifecycle of an item:
- ``active``: published with stock: in stock everywhere;
- ``sold_out``: sold, or published with no stock: out of stock / quantity 0;
- ``paused``: published once, now back in draft or review, or all its weavers suspended:
  out of stock / quantity 0 until it is published again;
- ``withdrawn``: archived: dropped from pull feeds, DELETE (Amazon) or archived (Flipkart).
Carpets that were never published are not feed items.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from sqlalchemy.engine import Connection

from storefront.feeds.context import FeedContext
from storefront.feeds.describe import Describer, ItemText, Memo, gi_number
from storefront.feeds.fields import Converter
from storefront.feeds.queries import CARPET_FIELDS, statements
from storefront.feeds.shipping import ShippingQuoter, load_bands
from storefront.money import Money

BATCH = 500  # rows per fetch: memory stays a few MB whatever the catalog size
IMAGE_WIDTH = 1000
_URL_SAFE = re.compile(r"^[A-Za-z0-9._~-]+$")


@dataclass(slots=True)
class FeedItem:
    """Everything every format needs about one carpet (plain values; no database access)."""

    # The first fields follow CARPET_COLUMNS (plus the FSN), so a row builds an item directly.
    carpet_id: int
    id: str  # the SKU: stable, unique, ASCII
    slug: str
    title_en: str
    title_hi: str
    description_en: str
    description_hi: str
    construction: str
    pile_material: str
    foundation_material: str
    dyes: str
    kpsi: int | None
    quality: str
    width_cm: int
    length_cm: int
    shape: str
    pile_height_mm: int | None
    weight_g: int | None
    colour_primary: str
    colour_secondary: str | None
    design: str
    weaving_days: int | None
    hsn_code: str
    price_paise: int
    stock: int
    status: str
    was_published: bool
    fsn: str | None = None
    image_keys: tuple[str, ...] = ()
    main_image_width: int = 0
    weavers: tuple[tuple[Any, ...], ...] = ()
    gi_number: str | None = None
    lifecycle: str = "active"
    texts: dict[str, ItemText] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)
    images: tuple[str, ...] = ()
    prices: dict[str, Money] = field(default_factory=dict)
    shipping: dict[str, Money | None] = field(default_factory=dict)  # INR, per country

    @property
    def in_stock(self) -> bool:
        return self.lifecycle == "active"

    @property
    def availability(self) -> str:
        """Google's enum: ``in_stock`` or ``out_of_stock``."""
        return "in_stock" if self.lifecycle == "active" else "out_of_stock"

    @property
    def quantity(self) -> int:
        return self.stock if self.lifecycle == "active" else 0


def lifecycle(status: str, stock: int, was_published: bool, weavers: Sequence[tuple]) -> str | None:
    """``active``, ``sold_out``, ``paused``, ``withdrawn``, or None (never published)."""
    if status == "published":
        state = "active" if stock > 0 else "sold_out"
    elif status == "sold":
        state = "sold_out"
    elif not was_published:
        return None
    else:
        state = "withdrawn" if status == "archived" else "paused"
    if state != "withdrawn" and weavers and all(w[6] != "active" for w in weavers):
        return "paused"
    return state


def orm_row(carpet: Any, fsn: str | None) -> tuple[Any, ...]:
    """A carpet row like the feed query's, from a Carpet object (for one-carpet readiness)."""
    values = {name: getattr(carpet, name, None) for name in CARPET_FIELDS}
    values["was_published"] = carpet.published_at is not None
    return (*values.values(), fsn)


def _grouped(rows: Iterable[Sequence[Any]], whole: bool) -> Iterator[tuple[int, list]]:
    """(carpet_id, rows) for rows sorted by their first column; ``whole=False`` drops it."""
    current, group = None, []
    for row in _rows(rows):
        if row[0] != current:
            if current is not None:
                yield current, group
            current, group = row[0], []
        group.append(row if whole else tuple(row[1:]))
    if current is not None:
        yield current, group


def _rows(result: Any) -> Iterator[Sequence[Any]]:
    """Rows of a streamed result, a batch at a time (cheaper than one fetch call per row)."""
    if not hasattr(result, "partitions"):
        yield from result
        return
    for batch in result.partitions(BATCH):
        yield from batch


def iter_items(
    conn: Connection,
    ctx: FeedContext,
    carpet_ids: Iterable[int] | None = None,
    window: tuple[int, int] | None = None,
) -> Iterator[FeedItem]:
    """Stream the feed items of the snapshot on ``conn`` (three statements, merged by id)."""
    streaming = conn.execution_options(yield_per=BATCH)
    carpets_stmt, images_stmt, weavers_stmt = statements(
        ctx.retired_cutoff, carpet_ids, window, langs=ctx.variant.langs
    )
    carpets = streaming.execute(carpets_stmt)
    images = _grouped(streaming.execute(images_stmt), whole=True)  # (carpet_id, key, width)
    weavers = _grouped(streaming.execute(weavers_stmt), whole=False)
    builder = ItemBuilder(ctx, ShippingQuoter(load_bands(conn) if ctx.variant.countries else []))
    next_images = next(images, None)
    next_weavers = next(weavers, None)
    for row in _rows(carpets):
        carpet_id = row[0]
        while next_images is not None and next_images[0] < carpet_id:
            next_images = next(images, None)
        while next_weavers is not None and next_weavers[0] < carpet_id:
            next_weavers = next(weavers, None)
        own_images = next_images[1] if next_images and next_images[0] == carpet_id else []
        own_weavers = next_weavers[1] if next_weavers and next_weavers[0] == carpet_id else []
        item = builder.build(row, own_images, own_weavers)
        if item is not None:
            yield item


class ItemBuilder:
    """Turns one carpet's rows into a FeedItem for the context's languages and currencies."""

    def __init__(self, ctx: FeedContext, quoter: ShippingQuoter) -> None:
        self.ctx = ctx
        self.media = f"{ctx.base_url}/media/"
        self.quoter = quoter
        self.describers = {lang: Describer(labels) for lang, labels in ctx.labels.items()}
        self.link_langs = tuple(dict.fromkeys(ctx.variant.langs + ctx.variant.link_langs))
        self.converters = [(c, Converter(c, rate)) for c, rate in ctx.rates.items()]
        self.countries = ctx.variant.countries
        self.gi = Memo()

    def build(
        self,
        row: Sequence[Any],
        images: Sequence[Sequence[Any]],
        weavers: Sequence[tuple],
        listed_only: bool = True,
    ) -> FeedItem | None:
        """The item for one carpet row (CARPET_COLUMNS + FSN); None for a never-published one.

        ``images`` rows are (carpet_id, image_key, width) in order; ``weavers`` are WEAVER_COLUMNS.
        """
        item = FeedItem(*row)
        weavers = tuple(weavers)
        state = lifecycle(item.status, item.stock, item.was_published, weavers)
        if state is None:
            if listed_only:
                return None
            state = "unlisted"
        item.lifecycle = state
        if weavers:
            item.weavers = weavers
            number = self.gi.get(weavers, False)
            if number is False:
                number = self.gi.put(weavers, gi_number(weavers))
            item.gi_number = number
        if images:
            keys = tuple([i[1] for i in images])
            item.image_keys = keys if len(set(keys)) == len(keys) else tuple(dict.fromkeys(keys))
            item.main_image_width = images[0][2]
        self.complete(item)
        return item

    def complete(self, item: FeedItem) -> None:
        """Fill texts, links, image URLs, prices and shipping for the context."""
        base = self.ctx.base_url
        slug = item.slug if _URL_SAFE.match(item.slug) else quote(item.slug, safe="")
        texts, links = item.texts, item.links
        for lang, describer in self.describers.items():
            texts[lang] = describer.text(item)
        for lang in self.link_langs:
            links[lang] = f"{base}/{lang}/carpets/{slug}"
        media = self.media
        item.images = tuple([f"{media}{key}-{IMAGE_WIDTH}.jpg" for key in item.image_keys])
        for currency, converter in self.converters:
            item.prices[currency] = Money(converter(item.price_paise), currency)
        for country in self.countries:
            item.shipping[country] = self.quoter.quote(country, item)
