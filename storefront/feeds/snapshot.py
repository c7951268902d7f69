"""One consistent read of the catalog per feed, and validators computed without rendering it.

``open_snapshot()`` gives a connection inside one read transaction (REPEATABLE READ on
PostgreSQL; a deferred BEGIN on SQLite), so the summary that makes the ETag and every row streamed
afterwards come from the same state of the database.

``catalog_state(conn)`` is one aggregate statement: counts, sums and the newest ``updated_at`` of
the tables a feed reads. Any sale, price or stock change, new photo, reordering, weaver change,
FSN or shipping-rate change changes it; so does every edit on PostgreSQL (microsecond
timestamps). SQLite stores ``CURRENT_TIMESTAMP`` to the second, so there a text-only edit within
the same second as the previous one is not noticed until the next change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.engine import Connection

from storefront.catalog.models import Carpet, CarpetImage, carpet_weaver
from storefront.checkout.models import ShippingRate
from storefront.extensions import db
from storefront.feeds.models import ChannelListing
from storefront.weavers.models import Weaver

# Bump when any formatter's output changes for the same data (it is part of every ETag).
FEEDS_VERSION = "2026-05-1"
_STATUS_CODE = {"draft": 1, "pending": 2, "published": 3, "sold": 5, "archived": 7}


@dataclass(frozen=True, slots=True)
class CatalogState:
    summary: tuple[Any, ...]
    last_modified: dt.datetime | None


@contextmanager
def open_snapshot() -> Iterator[Connection]:
    """A connection inside one read-only transaction; rolled back and closed afterwards."""
    conn = db.engine.connect()
    try:
        if conn.dialect.name == "postgresql":
            conn = conn.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
        elif conn.dialect.name == "sqlite":
            raw = conn.connection.dbapi_connection
            if raw is not None and not raw.in_transaction:
                conn.exec_driver_sql("BEGIN")
        yield conn
    finally:
        try:
            conn.rollback()
        finally:
            conn.close()


def _utc(value: Any) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, str):  # SQLite aggregates come back as text
        value = dt.datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def catalog_state(conn: Connection) -> CatalogState:
    """The summary of everything the feeds read, in one statement."""
    status_code = case(_STATUS_CODE, value=Carpet.status, else_=0)

    def scalar(expr: Any, *where: Any) -> Any:
        return select(expr).where(*where).scalar_subquery()

    row = conn.execute(
        select(
            scalar(func.count(Carpet.id)),
            scalar(func.max(Carpet.updated_at)),
            scalar(func.sum(Carpet.stock)),
            scalar(func.sum(Carpet.id * status_code)),
            scalar(func.sum(Carpet.price_paise)),
            scalar(func.count(CarpetImage.id)),
            scalar(func.max(CarpetImage.id)),
            scalar(func.sum(CarpetImage.id * (CarpetImage.position + 1))),
            scalar(func.count(carpet_weaver.c.weaver_id)),
            scalar(func.sum(carpet_weaver.c.carpet_id * carpet_weaver.c.weaver_id)),
            scalar(func.max(Weaver.updated_at)),
            scalar(func.sum(Weaver.id), Weaver.status == "active"),
            scalar(func.count(ChannelListing.id)),
            scalar(func.max(ChannelListing.updated_at)),
            scalar(func.count(ShippingRate.id)),
            scalar(func.sum(ShippingRate.price_paise + ShippingRate.max_weight_g)),
            scalar(func.sum(ShippingRate.id * func.length(ShippingRate.countries))),
            scalar(func.sum(func.coalesce(ShippingRate.max_length_cm, 0))),
        )
    ).one()
    times = [t for t in (_utc(row[1]), _utc(row[10]), _utc(row[13])) if t is not None]
    summary = tuple(str(v) for v in row)
    return CatalogState(summary=summary, last_modified=max(times) if times else None)


def etag_for(state: CatalogState, *parts: Any) -> str:
    """A strong entity tag for the feed described by ``parts`` over ``state``."""
    digest = hashlib.sha256(repr((FEEDS_VERSION, state.summary, parts)).encode()).hexdigest()
    return digest[:32]
