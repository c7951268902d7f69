"""The catalog listing: filter conditions, facet counts and one page of cards.

A page costs a fixed number of statements whatever its size: facet counts (one UNION ALL, which
also yields the total) and the cards (one statement, see ``queries.select_cards``) plus their
weaver names (one statement). Facet counts depend only on the filters and the catalog's data
version, so they are memoised per process for a short time.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from flask import current_app
from sqlalchemy import ColumnElement, Integer, String, bindparam, func, select

from storefront.catalog.filters import FACETS, CatalogQuery, encode_cursor
from storefront.catalog.models import Carpet
from storefront.catalog.queries import CarpetCard, fetch_cards, on_show
from storefront.catalog.services import normalise_search
from storefront.extensions import db

FACET_CACHE_SECONDS = 30.0
FACET_CACHE_SIZE = 256
_FACET_STATEMENTS: dict[Any, Any] = {}
FacetCache = OrderedDict[tuple[Any, ...], tuple[float, dict[str, dict[str, int]]]]


def _like_escape(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


Where = Callable[[], list[ColumnElement[bool]]]


def conditions(
    query: CatalogQuery, skip_facet: str | None = None
) -> tuple[tuple[Any, ...], dict[str, Any], Where]:
    """The query's filters (without the status) as ``(shape key, bound values, builder)``.

    The builder makes WHERE terms with bound parameters only, so statements can be reused for
    every request with the same shape; ``skip_facet`` leaves one facet's filter out.
    """
    terms = normalise_search(query.q).split()[:8]
    params: dict[str, Any] = {f"q{i}": f"%{_like_escape(t)}%" for i, t in enumerate(terms)}
    key: list[Any] = [("q", len(terms))]
    facets = [n for n, values in query.selected.items() if values and n != skip_facet]
    for name in facets:
        params[f"f_{name}"] = list(query.selected[name])
    key.append(tuple(facets))
    bounds: list[tuple[str, Any, bool]] = []  # (param, column, is_minimum)
    if query.min_price is not None:
        params["min_price"] = query.min_price * 100
        bounds.append(("min_price", Carpet.price_paise, True))
    if query.max_price is not None:
        params["max_price"] = query.max_price * 100
        bounds.append(("max_price", Carpet.price_paise, False))
    for bound, cm in sorted(query.sizes.items()):
        edge, side = bound.split("_")
        params[bound] = cm
        column = Carpet.width_cm if side == "width" else Carpet.length_cm
        bounds.append((bound, column, edge == "min"))
    key.append(tuple(b[0] for b in bounds))

    def build() -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = [
            Carpet.search_text.like(bindparam(f"q{i}", type_=String), escape="\\")
            for i in range(len(terms))
        ]
        for name in facets:
            column = getattr(Carpet, FACETS[name][0])
            where.append(column.in_(bindparam(f"f_{name}", expanding=True)))
        for name, column, is_min in bounds:
            value = bindparam(name, type_=Integer)
            where.append(column >= value if is_min else column <= value)
        return where

    return tuple(key), params, build


def _count_facets(query: CatalogQuery) -> dict[str, dict[str, int]]:
    """{facet: {value: count}}: each facet counted with every *other* filter applied.

    One scan: carpets matching the non-facet filters, grouped by all facet columns at once
    (a few hundred combinations at most); each facet's counts are then summed in Python over the
    combinations that match the *other* facets' choices.
    """
    names = list(FACETS)
    columns = [getattr(Carpet, FACETS[name][0]) for name in names]
    unfaceted = replace(query, selected={})
    key, params, build = conditions(unfaceted)
    stmt = _FACET_STATEMENTS.get((key, query.statuses))
    if stmt is None:
        stmt = (
            select(*columns, func.count())
            .where(Carpet.status.in_(bindparam("statuses", expanding=True)), on_show(), *build())
            .group_by(*columns)
        )
        _FACET_STATEMENTS[(key, query.statuses)] = stmt
    rows = db.session.execute(stmt, {**params, "statuses": list(query.statuses)}).all()
    chosen = [set(query.selected.get(name, ())) for name in names]
    out: dict[str, dict[str, int]] = {name: {} for name in names}
    for row in rows:
        values, n = row[:-1], row[-1]
        misses = [i for i, value in enumerate(values) if chosen[i] and value not in chosen[i]]
        if len(misses) > 1:
            continue
        for i, name in enumerate(names):
            if not misses or misses == [i]:
                counts = out[name]
                counts[values[i]] = counts.get(values[i], 0) + n
    return out


def facet_counts(query: CatalogQuery, version: Any = None) -> dict[str, dict[str, int]]:
    """Facet counts, memoised per (data version, filters) for ``FACET_CACHE_SECONDS``.

    ``version`` must change whenever carpets change (see ``caching.catalog_version``); without
    one nothing is memoised.
    """
    if version is None:
        return _count_facets(query)
    cache: FacetCache = current_app.extensions.setdefault("catalog_facets", OrderedDict())
    key = (version, query.filter_key())
    now = time.monotonic()
    hit = cache.get(key)
    if hit and now - hit[0] < FACET_CACHE_SECONDS:
        cache.move_to_end(key)
        return hit[1]
    counts = _count_facets(query)
    cache[key] = (now, counts)
    while len(cache) > FACET_CACHE_SIZE:
        cache.popitem(last=False)
    return counts


def total_from_facets(query: CatalogQuery, facets: dict[str, dict[str, int]]) -> int:
    """Matching carpets: the first facet's counts restricted to its own selection, summed."""
    name = next(iter(FACETS))
    chosen = query.selected.get(name)
    return sum(n for value, n in facets[name].items() if not chosen or value in chosen)


@dataclass
class CatalogPage:
    cards: list[CarpetCard]
    total: int
    page: int
    pages: int
    facets: dict[str, dict[str, int]]
    next_params: dict[str, Any] | None = None
    prev_params: dict[str, Any] | None = None
    out_of_range: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def _cursor_of(card: CarpetCard) -> str:
    return encode_cursor(card.status, card.sort_value, card.id)


def catalog_page(query: CatalogQuery, version: Any = None) -> CatalogPage:
    """Facets, total and the requested page of cards (by keyset cursor, else by page number)."""
    facets = facet_counts(query, version)
    total = total_from_facets(query, facets)
    per_page = query.per_page
    pages = max(1, -(-total // per_page))
    page = query.page
    out_of_range = page > pages
    if out_of_range:
        page, query.after, query.before = pages, None, None
    key, params, build = conditions(query)
    cursor = query.after or query.before
    cards = fetch_cards(
        build,
        key,
        params,
        sort=query.sort,
        statuses=query.statuses,
        limit=per_page,
        offset=0 if cursor else (page - 1) * per_page,
        after=query.after,
        before=query.before,
    )
    page = min(page, pages)
    result = CatalogPage(cards, total, page, pages, facets, out_of_range=out_of_range)
    if cards and page < pages:
        result.next_params = query.params(page=page + 1, after=_cursor_of(cards[-1]))
    if page > 1:
        if page == 2 or not cards:
            result.prev_params = query.params(page=page - 1 if page > 2 else None)
        else:
            result.prev_params = query.params(page=page - 1, before=_cursor_of(cards[0]))
    return result
