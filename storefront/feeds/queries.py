"""The three statements the feeds read, whatever the catalog size.

Carpets (with the Flipkart FSN joined in), their image keys in order, and their weavers; each
ordered by carpet id so ``items.iter_items`` can merge them while streaming.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select, and_, case, func, literal, or_, select
from sqlalchemy.engine import Connection

from storefront.catalog.models import Carpet, CarpetImage, carpet_weaver
from storefront.feeds.models import ChannelListing
from storefront.weavers.models import Weaver

CARPET_COLUMNS = (
    Carpet.id,
    Carpet.sku,
    Carpet.slug,
    Carpet.title_en,
    Carpet.title_hi,
    Carpet.description_en,
    Carpet.description_hi,
    Carpet.construction,
    Carpet.pile_material,
    Carpet.foundation_material,
    Carpet.dyes,
    Carpet.kpsi,
    Carpet.quality,
    Carpet.width_cm,
    Carpet.length_cm,
    Carpet.shape,
    Carpet.pile_height_mm,
    Carpet.weight_g,
    Carpet.colour_primary,
    Carpet.colour_secondary,
    Carpet.design,
    Carpet.weaving_days,
    Carpet.hsn_code,
    Carpet.price_paise,
    Carpet.stock,
    Carpet.status,
    Carpet.published_at.is_not(None).label("was_published"),
)
CARPET_FIELDS = tuple(c.key for c in CARPET_COLUMNS)
# Weaver tuple: (name_en, name_hi, village_en, village_hi, district, gi_user_number, status)
WEAVER_COLUMNS = (
    Weaver.name_en,
    Weaver.name_hi,
    Weaver.village_en,
    Weaver.village_hi,
    Weaver.district,
    Weaver.gi_user_number,
    Weaver.status,
)


def count_items(conn: Connection, cutoff: dt.datetime | None) -> int:
    """How many carpets the feeds cover (for splitting documents into parts)."""
    return conn.execute(select(func.count(Carpet.id)).where(feed_filter(cutoff))).scalar_one()


def feed_filter(cutoff: dt.datetime | None) -> Any:
    """Carpets in the feeds: published, plus recently retired ones (see RETIRED_DAYS)."""
    retired = or_(
        Carpet.status == "sold",
        and_(Carpet.status.in_(("draft", "pending", "archived")), Carpet.published_at.is_not(None)),
    )
    if cutoff is not None:
        retired = and_(retired, Carpet.updated_at >= cutoff)
    # One CASE rather than an OR: nearly every carpet qualifies, so the best plan is a scan in
    # id order (no sort, no temporary B-tree), which an OR of indexed terms would not get.
    return case((Carpet.status == "published", 1), (retired, 1), else_=0) == 1


def _columns(langs: Iterable[str]) -> list[Any]:
    """CARPET_COLUMNS, with the texts of languages the feed does not use read as ''."""
    langs = set(langs)
    return [
        literal("").label(c.key)
        if c.key.startswith(("title_", "description_")) and c.key.rsplit("_", 1)[1] not in langs
        else c
        for c in CARPET_COLUMNS
    ]


def statements(
    cutoff: dt.datetime | None,
    carpet_ids: Iterable[int] | None = None,
    window: tuple[int, int] | None = None,
    langs: Iterable[str] = ("en", "hi"),
) -> tuple[Select, Select, Select]:
    """The three statements: carpets, images, weavers; each ordered by carpet id.

    ``window`` = (offset, limit) restricts all three to one slice of the carpets in id order;
    titles and descriptions are read only in ``langs``.
    """
    where = [feed_filter(cutoff)]
    if carpet_ids is not None:
        where.append(Carpet.id.in_(list(carpet_ids)))
    if window is not None:
        ids = select(Carpet.id).where(*where).order_by(Carpet.id).offset(window[0])
        where.append(Carpet.id.in_(ids.limit(window[1])))
    carpets = (
        select(*_columns(langs), ChannelListing.external_id)
        .outerjoin(
            ChannelListing,
            and_(ChannelListing.carpet_id == Carpet.id, ChannelListing.channel == "flipkart"),
        )
        .where(*where)
        .order_by(Carpet.id)
    )
    images = (
        select(CarpetImage.carpet_id, CarpetImage.image_key, CarpetImage.width)
        .join(Carpet, Carpet.id == CarpetImage.carpet_id)
        .where(*where)
        .order_by(Carpet.id, CarpetImage.position, CarpetImage.id)
    )
    weavers = (
        select(carpet_weaver.c.carpet_id, *WEAVER_COLUMNS)
        .join(Weaver, Weaver.id == carpet_weaver.c.weaver_id)
        .join(Carpet, Carpet.id == carpet_weaver.c.carpet_id)
        .where(*where)
        .order_by(carpet_weaver.c.carpet_id, carpet_weaver.c.weaver_id)
    )
    return carpets, images, weavers
