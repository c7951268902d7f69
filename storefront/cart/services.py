"""The cart: a list of carpet ids (held in the session by the view). Nothing else is trusted.

Every amount is recomputed from the database; a carpet that sold or was reserved meanwhile is
flagged with the reason and left out of checkout, never silently dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from storefront.catalog.models import Carpet
from storefront.extensions import db
from storefront.orders.stock import release_expired

MAX_ITEMS = 20


class CartError(ValueError):
    """A carpet cannot be added (unknown, not for sale, or the cart is full)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # unavailable | sold | reserved | full


@dataclass
class CartItem:
    carpet_id: int
    carpet: Carpet | None
    problem: str | None = None  # None when it can be bought: sold | reserved | unavailable

    @property
    def ok(self) -> bool:
        return self.problem is None


@dataclass
class Cart:
    items: list[CartItem] = field(default_factory=list)

    @property
    def buyable(self) -> list[CartItem]:
        return [i for i in self.items if i.ok]

    @property
    def flagged(self) -> list[CartItem]:
        return [i for i in self.items if not i.ok]

    @property
    def carpets(self) -> list[Carpet]:
        return [i.carpet for i in self.buyable if i.carpet is not None]

    @property
    def subtotal_inr(self) -> int:
        return sum(c.price_paise for c in self.carpets)


def clean_ids(raw: object) -> list[int]:
    """Whatever the session holds, as a list of unique positive ints (at most MAX_ITEMS)."""
    out: list[int] = []
    if isinstance(raw, list):
        for value in raw:
            is_id = isinstance(value, int) and not isinstance(value, bool) and value > 0
            if is_id and value not in out:
                out.append(value)
    return out[:MAX_ITEMS]


def problem_of(carpet: Carpet | None) -> str | None:
    if carpet is None:
        return "unavailable"
    if carpet.status == "sold":
        return "sold"
    if carpet.status != "published":
        return "unavailable"
    if carpet.stock <= 0:
        return "reserved"
    return None


def load_cart(ids: Iterable[int]) -> Cart:
    """The cart's carpets as they are now (stale reservations on them are released first)."""
    ids = list(ids)
    if not ids:
        return Cart()
    release_expired(ids)
    rows = db.session.scalars(
        select(Carpet)
        .where(Carpet.id.in_(ids))
        .options(selectinload(Carpet.images), selectinload(Carpet.weavers))
    ).all()
    by_id = {c.id: c for c in rows}
    return Cart([CartItem(i, by_id.get(i), problem_of(by_id.get(i))) for i in ids])


def add(ids: list[int], carpet_id: int) -> list[int]:
    """The cart with ``carpet_id`` added; raises CartError with the reason if it cannot be."""
    if carpet_id in ids:
        return ids
    if len(ids) >= MAX_ITEMS:
        raise CartError("full")
    release_expired([carpet_id])
    problem = problem_of(db.session.get(Carpet, carpet_id))
    if problem:
        raise CartError(problem)
    return [*ids, carpet_id]


def remove(ids: list[int], carpet_id: int) -> list[int]:
    return [i for i in ids if i != carpet_id]
