"""Run one feed export: snapshot, validators, then the formatter's chunks over the items.

Used by the pull endpoints and by ``flask feeds export``: ``open_export(path)`` reads the catalog
summary (for ETag and Last-Modified) inside the snapshot, and ``chunks()`` streams the body from
that same snapshot and closes it when done (or when the client goes away).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from flask import current_app

from storefront.feeds import FEED_FORMATS
from storefront.feeds.context import FeedContext, Variant, make_context
from storefront.feeds.items import FeedItem, iter_items
from storefront.feeds.queries import count_items
from storefront.feeds.snapshot import catalog_state, etag_for, open_snapshot
from storefront.money import current_rates

SETTINGS = ("AMAZON_SELLER_ID", "FLIPKART_LOCATION_ID", "ALIBABA_CATEGORY_ID")


class UnknownFeed(LookupError):
    """No feed at this path (or no such part)."""


def find_feed(path: str) -> tuple[str, ModuleType, Variant]:
    """(format name, module, variant) for a path under /feeds/ such as ``google/en-US.xml``."""
    for name, module in FEED_FORMATS.items():
        for variant in module.VARIANTS.values():
            if variant.path == path:
                return name, module, variant
    raise UnknownFeed(path)


def feed_paths() -> list[str]:
    return [v.path for m in FEED_FORMATS.values() for v in m.VARIANTS.values()]


@dataclass
class FeedExport:
    """An open export: validators known, body not yet produced."""

    name: str
    module: ModuleType
    variant: Variant
    ctx: FeedContext
    etag: str
    last_modified: dt.datetime | None
    parts: int = 1
    part: int = 1
    _stack: ExitStack = field(default_factory=ExitStack)
    _conn: Any = None

    @property
    def content_type(self) -> str:
        return self.variant.content_type

    def chunks(self, progress: Callable[[int], None] | None = None) -> Iterator[str]:
        """The body as strings, from the snapshot; closes the snapshot at the end.

        ``progress(n)`` is called after every 100 items (and with the rest at the end).
        """
        try:
            window = None
            size = getattr(self.module, "PART_SIZE", None)
            if size:
                window = ((self.part - 1) * size, size)
                self.ctx.settings["first_message_id"] = (self.part - 1) * size + 1
            items = iter_items(self._conn, self.ctx, window=window)
            if progress is not None:
                items = _ticking(items, progress)
            yield from self.module.render(items, self.ctx)
        finally:
            self.close()

    def count(self) -> int:
        """How many carpets the whole feed covers (all parts), in this snapshot."""
        return count_items(self._conn, self.ctx.retired_cutoff)

    def close(self) -> None:
        self._stack.close()


def _ticking(items: Iterator[FeedItem], progress: Callable[[int], None]) -> Iterator[FeedItem]:
    n = 0
    for n, item in enumerate(items, 1):
        if n % 100 == 0:
            progress(100)
        yield item
    progress(n % 100)


def open_export(path: str, part: int = 1) -> FeedExport:
    """Open the snapshot for the feed at ``path``; raise UnknownFeed or MissingRate."""
    name, module, variant = find_feed(path)
    config = current_app.config
    rates = current_rates()
    stack = ExitStack()
    try:
        conn = stack.enter_context(open_snapshot())
        state = catalog_state(conn)
        settings = {key: config.get(key) for key in SETTINGS if config.get(key)}
        ctx = make_context(
            name,
            variant,
            base_url=config["PUBLIC_BASE_URL"],
            rates=rates,
            last_modified=state.last_modified,
            settings=settings,
        )
        parts = 1
        size = getattr(module, "PART_SIZE", None)
        if size:
            parts = max(1, math.ceil(count_items(conn, ctx.retired_cutoff) / size))
        if not 1 <= part <= parts:
            raise UnknownFeed(f"{path} part {part}")
        used_rates = sorted((c, *map(str, rates[c])) for c in ctx.rates if c in rates)
        # The words (translations) are part of the output, so a new catalogue makes a new tag.
        words = sorted((lang, repr(labels)) for lang, labels in ctx.labels.items())
        etag = etag_for(
            state, path, part, ctx.base_url, used_rates, sorted(settings.items()), words
        )
        rate_days = [
            dt.datetime.combine(rates[c][1], dt.time(), dt.UTC) for c in ctx.rates if c in rates
        ]
        last_modified = max([t for t in [state.last_modified, *rate_days] if t], default=None)
    except BaseException:
        stack.close()
        raise
    return FeedExport(
        name=name,
        module=module,
        variant=variant,
        ctx=ctx,
        etag=etag,
        last_modified=last_modified,
        parts=parts,
        part=part,
        _stack=stack,
        _conn=conn,
    )
