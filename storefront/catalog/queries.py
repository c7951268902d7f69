"""Read-only catalog queries: small row dataclasses (``CarpetCard``) instead of ORM objects.

Listing pages read a fixed set of columns plus the main photo in one statement, then the weaver
names of all cards in a second one, so a page costs the same number of statements at any size.
Other areas (weaver profiles, the home page) use ``list_cards``.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    and_,
    bindparam,
    exists,
    literal,
    or_,
    select,
    union_all,
)

from storefront.catalog.attributes import format_ft_in
from storefront.catalog.models import Carpet, CarpetImage, carpet_weaver
from storefront.extensions import db
from storefront.weavers.models import Weaver

PUBLIC_STATUSES = ("published", "sold")
_STATEMENTS: dict[Hashable, Select[Any]] = {}  # built statements by shape (values are bound)
# Sort name -> (column, descending). Ties are broken by id in the same direction.
SORTS: dict[str, tuple[Any, bool]] = {
    "newest": (Carpet.published_at, True),
    "price_asc": (Carpet.price_paise, False),
    "price_desc": (Carpet.price_paise, True),
}


@dataclass(frozen=True, slots=True)
class CarpetCard:
    """What a carpet card shows; built from one row, no lazy loading possible."""

    id: int
    slug: str
    sku: str
    title_en: str
    title_hi: str
    price_paise: int
    width_cm: int
    length_cm: int
    shape: str
    construction: str
    pile_material: str
    status: str
    stock: int
    sort_value: Any = None  # the sort key of this row (for keyset cursors)
    image_key: str | None = None
    image_width: int = 0
    image_height: int = 0
    alt_en: str = ""
    alt_hi: str = ""
    weavers: tuple[tuple[str, str, str], ...] = ()  # (slug, name_en, name_hi)

    @property
    def is_sold(self) -> bool:
        return self.status == "sold"

    @property
    def is_available(self) -> bool:
        return self.status == "published" and self.stock > 0

    @property
    def is_reserved(self) -> bool:
        """Published but with no stock left (e.g. held by a pending order)."""
        return self.status == "published" and self.stock <= 0

    @property
    def size_cm(self) -> str:
        if self.shape == "round":
            return f"Ø {self.width_cm} cm"
        return f"{self.width_cm} × {self.length_cm} cm"

    @property
    def size_ft(self) -> str:
        if self.shape == "round":
            return f"Ø {format_ft_in(self.width_cm)}"
        return f"{format_ft_in(self.width_cm)} × {format_ft_in(self.length_cm)}"


CARD_COLUMNS = (
    Carpet.id,
    Carpet.slug,
    Carpet.sku,
    Carpet.title_en,
    Carpet.title_hi,
    Carpet.price_paise,
    Carpet.width_cm,
    Carpet.length_cm,
    Carpet.shape,
    Carpet.construction,
    Carpet.pile_material,
    Carpet.status,
    Carpet.stock,
)


def _main_image_id() -> Any:
    """Correlated subquery: the id of a carpet's first photo (lowest position)."""
    return (
        select(CarpetImage.id)
        .where(CarpetImage.carpet_id == Carpet.id)
        .order_by(CarpetImage.position, CarpetImage.id)
        .limit(1)
        .correlate(Carpet)
        .scalar_subquery()
    )


def card_select(sort: str = "newest") -> Select[Any]:
    """SELECT of the card columns, the sort value and the main photo (outer-joined)."""
    column, _desc = SORTS.get(sort, SORTS["newest"])
    return select(
        *CARD_COLUMNS,
        column.label("sort_value"),
        CarpetImage.image_key,
        CarpetImage.width.label("image_width"),
        CarpetImage.height.label("image_height"),
        CarpetImage.alt_en,
        CarpetImage.alt_hi,
    ).outerjoin(CarpetImage, CarpetImage.id == _main_image_id())


def order_terms(sort: str, source: Any = None) -> list[Any]:
    """ORDER BY terms for ``sort`` (status first: available before sold), on a table or subquery."""
    column, desc = SORTS.get(sort, SORTS["newest"])
    if source is None:
        key, ident, status = column, Carpet.id, Carpet.status
    else:
        key, ident, status = source.c.sort_value, source.c.id, source.c.status
    if desc:
        return [status, key.desc(), ident.desc()]
    return [status, key, ident]


def _cursor_condition(sort: str, backward: bool, null_value: bool) -> Any:
    """Rows after (or, ``backward``, before) the cursor ``(:cur_value, :cur_id)`` in ``sort``."""
    column, desc = SORTS.get(sort, SORTS["newest"])
    if backward:
        desc = not desc
    ident = bindparam("cur_id", type_=Integer)
    if null_value:  # a row without a sort value: fall back to the id alone
        return Carpet.id < ident if desc else Carpet.id > ident
    value = bindparam("cur_value", type_=column.type)
    if desc:
        return or_(column < value, and_(column == value, Carpet.id < ident))
    return or_(column > value, and_(column == value, Carpet.id > ident))


def on_show() -> ColumnElement[bool]:
    """At least one of the carpet's weavers is active: a suspended weaver's carpets are hidden
    from the catalog (and can't be bought) until staff reactivate them, unchanged."""
    return exists().where(
        carpet_weaver.c.carpet_id == Carpet.id,
        carpet_weaver.c.weaver_id == Weaver.id,
        Weaver.status == "active",
    )


def select_cards(
    where: Sequence[ColumnElement[bool]],
    *,
    sort: str = "newest",
    statuses: Sequence[str] = PUBLIC_STATUSES,
    cursor_status: str | None = None,
    cursor_null: bool = False,
    backward: bool = False,
) -> Select[Any]:
    """One statement: per status an index-ordered, limited branch; merged, available first.

    Each branch is ``status = s AND filters [AND cursor] ORDER BY key, id LIMIT :inner_limit``,
    which both databases answer with a range scan of the (status, key, id) indexes, so a deep
    keyset page costs what page 1 costs. Values are bound parameters (``:limit``, ``:offset``,
    ``:inner_limit``, ``:cur_value``, ``:cur_id`` and the filters'), so one statement object
    serves every request of the same shape. With ``backward`` rows come in reverse order.
    """
    column, desc = SORTS.get(sort, SORTS["newest"])
    if backward:
        desc = not desc
    branches = []
    for status in statuses:
        conds = [Carpet.status == status, on_show(), *where]
        if cursor_status in statuses:
            here, there = statuses.index(status), statuses.index(cursor_status)
            if (here < there and not backward) or (here > there and backward):
                conds.append(literal(False))
            elif here == there:
                conds.append(_cursor_condition(sort, backward, cursor_null))
        key_order = [column.desc(), Carpet.id.desc()] if desc else [column, Carpet.id]
        inner_limit = bindparam("inner_limit", type_=Integer)
        branch = card_select(sort).where(*conds).order_by(*key_order).limit(inner_limit)
        branches.append(select(branch.subquery()))
    merged = (branches[0] if len(branches) == 1 else union_all(*branches)).subquery()
    # "status" sorts published before sold alphabetically: available carpets come first.
    order = order_terms(sort, merged)
    if backward:
        order = [term.desc() if i == 0 else _flip(term) for i, term in enumerate(order)]
    limit, offset = bindparam("limit", type_=Integer), bindparam("offset", type_=Integer)
    return select(merged).order_by(*order).limit(limit).offset(offset)


def _flip(term: Any) -> Any:
    """Reverse an ORDER BY term (``x DESC`` -> ``x``, ``x`` -> ``x DESC``)."""
    element = getattr(term, "element", None)
    if element is not None and getattr(term, "modifier", None) is not None:
        return element
    return term.desc()


def fetch_cards(
    where: Callable[[], Sequence[ColumnElement[bool]]],
    where_key: Hashable,
    params: dict[str, Any],
    *,
    sort: str = "newest",
    statuses: Sequence[str] = PUBLIC_STATUSES,
    limit: int = 24,
    offset: int = 0,
    after: tuple[str, Any, int] | None = None,
    before: tuple[str, Any, int] | None = None,
) -> list[CarpetCard]:
    """Cards for one page. ``where()`` builds the filter terms (with bound parameters named in
    ``params``); ``where_key`` names their shape, so the statement is built once per shape."""
    cursor, backward = (before, True) if before is not None else (after, False)
    sort = sort if sort in SORTS else "newest"
    statuses = tuple(statuses)
    cursor_status = cursor[0] if cursor else None
    cursor_null = bool(cursor) and cursor[1] is None
    key = (where_key, sort, statuses, cursor_status, cursor_null, backward)
    stmt = _STATEMENTS.get(key)
    if stmt is None:
        stmt = select_cards(
            where(),
            sort=sort,
            statuses=statuses,
            cursor_status=cursor_status,
            cursor_null=cursor_null,
            backward=backward,
        )
        if len(_STATEMENTS) > 512:  # shapes are few; this only guards against surprises
            _STATEMENTS.clear()
        _STATEMENTS[key] = stmt
    values = {**params, "limit": limit, "offset": offset, "inner_limit": offset + limit}
    if cursor:
        values["cur_id"] = cursor[2]
        if cursor[1] is not None:
            values["cur_value"] = cursor[1]
    cards = cards_from_rows(db.session.execute(stmt, values).all())
    if backward:
        cards.reverse()
    return cards


def weaver_names(carpet_ids: Iterable[int]) -> dict[int, tuple[tuple[str, str, str], ...]]:
    """{carpet id: ((slug, name_en, name_hi), ...)} for many carpets in one statement."""
    from storefront.weavers.models import Weaver

    ids = list(carpet_ids)
    out: dict[int, list[tuple[str, str, str]]] = {i: [] for i in ids}
    if not ids:
        return {}
    stmt = _STATEMENTS.get("weaver_names")
    if stmt is None:
        stmt = _STATEMENTS["weaver_names"] = (
            select(carpet_weaver.c.carpet_id, Weaver.slug, Weaver.name_en, Weaver.name_hi)
            .join(Weaver, Weaver.id == carpet_weaver.c.weaver_id)
            .where(carpet_weaver.c.carpet_id.in_(bindparam("ids", expanding=True)))
            .order_by(carpet_weaver.c.carpet_id, Weaver.id)
        )
    rows = db.session.execute(stmt, {"ids": ids}).all()
    for carpet_id, slug, name_en, name_hi in rows:
        out[carpet_id].append((slug, name_en, name_hi))
    return {k: tuple(v) for k, v in out.items()}


def cards_from_rows(rows: Sequence[Any], with_weavers: bool = True) -> list[CarpetCard]:
    """Turn card rows into ``CarpetCard``s (one more statement for the weaver names)."""
    names = weaver_names(r.id for r in rows) if with_weavers and rows else {}
    return [CarpetCard(**row._asdict(), weavers=names.get(row.id, ())) for row in rows]


def _by_weaver() -> list[ColumnElement[bool]]:
    weaver = bindparam("weaver_id", type_=Integer)
    ids = select(carpet_weaver.c.carpet_id).where(carpet_weaver.c.weaver_id == weaver)
    return [Carpet.id.in_(ids)]


def list_cards(
    *,
    weaver_id: int | None = None,
    limit: int = 8,
    sort: str = "newest",
    include_sold: bool = True,
) -> list[CarpetCard]:
    """Public carpets as cards (available first, then sold), optionally of one weaver."""
    statuses = PUBLIC_STATUSES if include_sold else ("published",)
    limit = max(0, min(limit, 200))
    if weaver_id is None:
        return fetch_cards(list, (), {}, sort=sort, statuses=statuses, limit=limit)
    params = {"weaver_id": weaver_id}
    return fetch_cards(_by_weaver, "weaver", params, sort=sort, statuses=statuses, limit=limit)
