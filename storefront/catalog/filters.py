"""Catalog query parameters: parsed leniently into a ``CatalogQuery``, never an exception.

Anything unusable (``page=abc``, a negative price, an unknown material) is dropped, and a
translated note says which filter was ignored, so the page still answers 200.

Sizes: ``min_width_cm``/``max_width_cm``/``min_length_cm``/``max_length_cm`` are the canonical
parameters. ``unit=ft`` shows the size fields in feet; they are then sent as ``min_width_ft`` etc.
(decimal feet, e.g. ``5.5``), which are converted to centimetres. A ``*_cm`` value wins over a
``*_ft`` value for the same bound.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import MultiDict

from storefront.catalog import attributes as attrs
from storefront.catalog.queries import PUBLIC_STATUSES, SORTS

MAX_PRICE_RUPEES = 100_000_000  # ₹10 crore: anything above is a typo
MAX_SIZE_CM = 5_000
MAX_PAGE = 100_000
MAX_QUERY_LEN = 100
DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
FACETS = {  # parameter -> (column name, vocabulary)
    "material": ("pile_material", attrs.PILE_MATERIALS),
    "weave": ("construction", attrs.CONSTRUCTIONS),
    "colour": ("colour_primary", attrs.COLOURS),
    "shape": ("shape", attrs.SHAPES),
}
SIZE_BOUNDS = ("min_width", "max_width", "min_length", "max_length")
SORT_LABELS = {
    "newest": _l("Newest"),
    "price_asc": _l("Lowest price"),
    "price_desc": _l("Highest price"),
}
UNIT_LABELS = {"cm": _l("cm"), "ft": _l("ft")}
FIELD_LABELS = {
    "min_price": _l("Minimum price"),
    "max_price": _l("Maximum price"),
    "min_width": _l("Minimum width"),
    "max_width": _l("Maximum width"),
    "min_length": _l("Minimum length"),
    "max_length": _l("Maximum length"),
}


@dataclass
class CatalogQuery:
    """Validated catalog parameters plus notes about what was ignored."""

    q: str = ""
    selected: dict[str, tuple[str, ...]] = field(default_factory=dict)  # facet -> values
    min_price: int | None = None  # rupees
    max_price: int | None = None
    sizes: dict[str, int] = field(default_factory=dict)  # "min_width" -> cm
    unit: str = "cm"
    available_only: bool = False
    sort: str = "newest"
    page: int = 1
    per_page: int = 24
    per_page_param: int | None = None  # an explicit ?per_page= (kept in links)
    after: tuple[str, Any, int] | None = None
    before: tuple[str, Any, int] | None = None
    errors: dict[str, Any] = field(default_factory=dict)  # field -> translated message
    raw: dict[str, str] = field(default_factory=dict)  # what was typed into a refused field
    notes: list[Any] = field(default_factory=list)  # page-level messages

    @property
    def statuses(self) -> tuple[str, ...]:
        return ("published",) if self.available_only else PUBLIC_STATUSES

    @property
    def has_filters(self) -> bool:
        return bool(
            self.q
            or any(self.selected.values())
            or self.min_price is not None
            or self.max_price is not None
            or self.sizes
            or self.available_only
        )

    def filter_key(self) -> tuple[Any, ...]:
        """A hashable key of everything that changes which carpets match (not order or page)."""
        return (
            self.q,
            tuple(sorted((k, v) for k, v in self.selected.items() if v)),
            self.min_price,
            self.max_price,
            tuple(sorted(self.sizes.items())),
            self.available_only,
        )

    def params(self, **changes: Any) -> dict[str, Any]:
        """Query parameters for a link to this listing (filters, sort, unit) with ``changes``."""
        out: dict[str, Any] = {}
        if self.q:
            out["q"] = self.q
        for name, values in self.selected.items():
            if values:
                out[name] = list(values)
        if self.min_price is not None:
            out["min_price"] = self.min_price
        if self.max_price is not None:
            out["max_price"] = self.max_price
        for bound, cm in self.sizes.items():
            out[f"{bound}_cm"] = cm
        if self.unit != "cm":
            out["unit"] = self.unit
        if self.available_only:
            out["available"] = 1
        if self.sort != "newest":
            out["sort"] = self.sort
        if self.per_page_param is not None:
            out["per_page"] = self.per_page_param
        out.update(changes)
        return {k: v for k, v in out.items() if v is not None and v != ""}

    def hidden_fields(self, *skip: str) -> list[tuple[str, Any]]:
        """(name, value) pairs of ``params()`` for hidden inputs, minus the ``skip`` names."""
        out = []
        for name, value in self.params().items():
            if name in skip:
                continue
            for item in value if isinstance(value, list) else [value]:
                out.append((name, item))
        return out

    def field_value(self, name: str) -> str:
        """A price or size field as shown in the form: what was typed if it was refused."""
        if name in self.raw:
            return self.raw[name]
        if name in ("min_price", "max_price"):
            value = getattr(self, name)
            return "" if value is None else str(value)
        return self.size_value(name)

    def size_value(self, bound: str) -> str:
        """The size bound as shown in the form, in the chosen unit."""
        cm = self.sizes.get(bound)
        if cm is None:
            return ""
        if self.unit == "ft":
            feet = (Decimal(cm) / attrs.CM_PER_INCH / 12).quantize(Decimal("0.1"))
            return f"{feet.normalize():f}"
        return str(cm)


def active_chips(query: CatalogQuery) -> list[tuple[str, dict[str, Any]]]:
    """(label, link params without it) for each active filter: the removable "chips"."""
    from flask_babel import gettext as _

    from storefront.money import format_money

    chips: list[tuple[str, dict[str, Any]]] = []
    if query.q:
        chips.append((f"“{query.q}”", query.params(q=None)))
    for name, values in query.selected.items():
        vocab = FACETS[name][1]
        for value in values:
            rest = [v for v in values if v != value] or None
            chips.append((str(vocab[value]), query.params(**{name: rest})))
    if query.min_price is not None:
        price = format_money(query.min_price * 100, "INR")
        chips.append((_("from %(price)s", price=price), query.params(min_price=None)))
    if query.max_price is not None:
        price = format_money(query.max_price * 100, "INR")
        chips.append((_("up to %(price)s", price=price), query.params(max_price=None)))
    for bound in SIZE_BOUNDS:
        if bound in query.sizes:
            label = f"{FIELD_LABELS[bound]}: {query.size_value(bound)} {UNIT_LABELS[query.unit]}"
            chips.append((label, query.params(**{f"{bound}_cm": None})))
    if query.available_only:
        chips.append((_("Available only"), query.params(available=None)))
    return chips


def _number(raw: str) -> Decimal | None:
    """A non-negative number typed any usual way (1,50,000 / ₹ 150000 / १५०००० / 5.5)."""
    text = raw.translate(DIGITS).replace(",", "").replace("₹", "").replace(" ", "").strip()
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(raw) from None
    if not value.is_finite() or value < 0:
        raise ValueError(raw)
    return value


def _bad_value(query: CatalogQuery, name: str, raw: str) -> None:
    query.raw[name] = raw[:40]
    query.errors[name] = _l(
        "“%(value)s” is not a number we can use here, so this filter was ignored.",
        value=raw[:20],
    )


def _parse_price(args: MultiDict[str, str], query: CatalogQuery) -> None:
    for name in ("min_price", "max_price"):
        raw = args.get(name, "")
        try:
            value = _number(raw)
        except ValueError:
            _bad_value(query, name, raw)
            continue
        if value is not None:
            if value > MAX_PRICE_RUPEES:
                _bad_value(query, name, raw)
                continue
            setattr(query, name, int(value))
    low, high = query.min_price, query.max_price
    if low is not None and high is not None and low > high:
        query.min_price, query.max_price = high, low
        query.notes.append(_l("The minimum price was above the maximum, so we swapped them."))


def _parse_sizes(args: MultiDict[str, str], query: CatalogQuery) -> None:
    query.unit = "ft" if args.get("unit") == "ft" else "cm"
    if not any(name.endswith(("_cm", "_ft")) for name in args):
        return
    for bound in SIZE_BOUNDS:
        for unit in ("cm", "ft"):
            raw = args.get(f"{bound}_{unit}", "")
            try:
                value = _number(raw)
            except ValueError:
                _bad_value(query, bound, raw)
                continue
            if value is None:
                continue
            cm = int(value) if unit == "cm" else attrs.ft_to_cm(value)
            if cm > MAX_SIZE_CM:
                _bad_value(query, bound, raw)
                continue
            query.sizes[bound] = cm
            query.errors.pop(bound, None)
            query.raw.pop(bound, None)
            break
    for side in ("width", "length"):
        low, high = query.sizes.get(f"min_{side}"), query.sizes.get(f"max_{side}")
        if low is not None and high is not None and low > high:
            query.sizes[f"min_{side}"], query.sizes[f"max_{side}"] = high, low


def decode_cursor(raw: str, sort: str) -> tuple[str, Any, int] | None:
    """``(status, sort value, id)`` from a cursor made by ``encode_cursor``; None if unusable."""
    if not raw or len(raw) > 200:
        return None
    try:
        data = json.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
        status, value, ident = data
    except (ValueError, TypeError, binascii.Error):
        return None
    if status not in PUBLIC_STATUSES or not isinstance(ident, int) or isinstance(ident, bool):
        return None
    if value is None:
        return status, None, ident
    try:
        if sort == "newest":
            value = dt.datetime.fromisoformat(value)
        elif not isinstance(value, int) or isinstance(value, bool):
            return None
    except (TypeError, ValueError):
        return None
    return status, value, ident


def encode_cursor(status: str, value: Any, ident: int) -> str:
    if isinstance(value, dt.datetime):
        value = value.isoformat()
    raw = json.dumps([status, value, ident], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def parse_query(
    args: MultiDict[str, str], per_page: int = 24, max_per_page: int = 48
) -> CatalogQuery:
    """Read the catalog's query string; never raises."""
    query = CatalogQuery(per_page=per_page)
    query.q = " ".join(args.get("q", "").split())[:MAX_QUERY_LEN]
    unknown = False
    for name, (_column, vocab) in FACETS.items():
        values = [v for v in args.getlist(name) if v]
        good = tuple(dict.fromkeys(v for v in values if v in vocab))
        unknown = unknown or len(good) < len(set(values))
        if good:
            query.selected[name] = good
    if unknown:
        query.notes.append(_l("Some filter choices were not recognised and were ignored."))
    _parse_price(args, query)
    _parse_sizes(args, query)
    query.available_only = args.get("available") in {"1", "on", "true", "yes"}
    sort = args.get("sort", "newest")
    query.sort = sort if sort in SORTS else "newest"
    page = args.get("page", "1").translate(DIGITS)
    query.page = int(page) if page.isascii() and page.isdigit() and 0 < len(page) < 7 else 1
    query.page = max(1, min(query.page, MAX_PAGE))
    size = args.get("per_page", "")
    if size.isascii() and size.isdigit() and 0 < len(size) < 4:
        query.per_page = query.per_page_param = max(1, min(int(size), max_per_page))
    query.after = decode_cursor(args.get("after", ""), query.sort)
    if query.after is None:
        query.before = decode_cursor(args.get("before", ""), query.sort)
    return query
