"""Public weaver pages: the directory, one profile, featured weavers (read-only, no commits).

Only active weavers are public. Directory rows are plain dataclasses with carpet counts computed
in the same statement, so a directory page costs two statements at any size.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from sqlalchemy import func, select

from storefront.catalog.models import Carpet, carpet_weaver
from storefront.extensions import db
from storefront.weavers.models import GI_DISTRICTS, Weaver

PER_PAGE = 24


@dataclass(frozen=True, slots=True)
class WeaverSummary:
    """What a weaver card shows."""

    id: int
    slug: str
    name_en: str
    name_hi: str
    village_en: str
    village_hi: str
    district: str
    photo_key: str | None
    member_since: dt.date | None
    gi_user_number: str | None
    bio_en: str
    bio_hi: str
    available: int
    sold: int


@dataclass(frozen=True, slots=True)
class DirectoryPage:
    weavers: list[WeaverSummary]
    total: int
    page: int
    pages: int
    district: str | None
    districts: list[tuple[str, int]]  # (district, active weavers) for districts that have any


def _count(weaver_id: object, *conditions: object) -> object:
    """Correlated count of a weaver's carpets matching ``conditions``."""
    return (
        select(func.count())
        .select_from(carpet_weaver.join(Carpet, Carpet.id == carpet_weaver.c.carpet_id))
        .where(carpet_weaver.c.weaver_id == weaver_id, *conditions)
        .correlate(Weaver)
        .scalar_subquery()
    )


def _summary_select():  # noqa: ANN202
    available = _count(Weaver.id, Carpet.status == "published", Carpet.stock > 0)
    sold = _count(Weaver.id, Carpet.status == "sold")
    return select(
        Weaver.id,
        Weaver.slug,
        Weaver.name_en,
        Weaver.name_hi,
        Weaver.village_en,
        Weaver.village_hi,
        Weaver.district,
        Weaver.photo_key,
        Weaver.member_since,
        Weaver.gi_user_number,
        Weaver.bio_en,
        Weaver.bio_hi,
        available.label("available"),
        sold.label("sold"),
    ).where(Weaver.status == "active")


def directory(
    district: str | None = None, page: int = 1, per_page: int = PER_PAGE
) -> DirectoryPage:
    """Active weavers, those with carpets for sale first, then the longest-standing members."""
    if district not in GI_DISTRICTS:
        district = None
    counts = db.session.execute(
        select(Weaver.district, func.count())
        .where(Weaver.status == "active")
        .group_by(Weaver.district)
    ).all()
    by_district = dict(counts)
    districts = [(d, by_district[d]) for d in GI_DISTRICTS if by_district.get(d)]
    total = by_district.get(district, 0) if district else sum(by_district.values())
    pages = max(1, math.ceil(total / per_page))
    page = min(max(1, page), pages)
    stmt = _summary_select()
    if district:
        stmt = stmt.where(Weaver.district == district)
    available = stmt.selected_columns.available
    stmt = stmt.order_by(
        (available > 0).desc(),
        Weaver.member_since.is_(None),
        Weaver.member_since,
        Weaver.id,
    )
    rows = db.session.execute(stmt.limit(per_page).offset((page - 1) * per_page)).all()
    return DirectoryPage(
        weavers=[WeaverSummary(**row._asdict()) for row in rows],
        total=total,
        page=page,
        pages=pages,
        district=district,
        districts=districts,
    )


def featured_weavers(limit: int = 4) -> list[WeaverSummary]:
    """Weavers to show on the home page: with a photo and carpets for sale, most carpets first."""
    stmt = _summary_select()
    available = stmt.selected_columns.available
    stmt = stmt.order_by(
        Weaver.photo_key.is_(None), available.desc(), Weaver.member_since, Weaver.id
    ).limit(limit)
    return [WeaverSummary(**row._asdict()) for row in db.session.execute(stmt).all()]


def public_weaver(slug: str) -> Weaver | None:
    """The active weaver with ``slug``; None if there is none (or they are suspended)."""
    return db.session.scalar(select(Weaver).where(Weaver.slug == slug, Weaver.status == "active"))


def carpet_counts(weaver_id: int) -> tuple[int, int]:
    """(available, sold) public carpets of one weaver."""
    row = db.session.execute(
        select(
            _count(weaver_id, Carpet.status == "published", Carpet.stock > 0),
            _count(weaver_id, Carpet.status == "sold"),
        )
    ).one()
    return int(row[0]), int(row[1])


def shop_stats() -> tuple[int, int, int]:
    """(active weavers, carpets for sale, districts they come from) for the home page."""
    weavers, districts = db.session.execute(
        select(func.count(), func.count(func.distinct(Weaver.district))).where(
            Weaver.status == "active"
        )
    ).one()
    carpets = db.session.scalar(
        select(func.count()).where(Carpet.status == "published", Carpet.stock > 0)
    )
    return int(weavers), int(carpets or 0), int(districts)


def first_paragraph(text: str) -> str:
    """The opening paragraph of a story (cards show it, clamped by CSS, never cut mid-letter)."""
    return text.strip().split("\n\n", 1)[0].strip()
