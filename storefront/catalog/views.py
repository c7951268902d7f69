"""HTTP views for the catalog area: the public listing and the product page (read-only)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, current_app, render_template, request
from flask.typing import ResponseReturnValue

from storefront.catalog import templating
from storefront.catalog.caching import conditional, watch_writes
from storefront.catalog.filters import (
    FACETS,
    FIELD_LABELS,
    SORT_LABELS,
    parse_query,
)
from storefront.catalog.listing import catalog_page
from storefront.catalog.product import load_product
from storefront.i18n import LANG_PREFIX

bp = Blueprint("catalog", __name__, url_prefix=f"{LANG_PREFIX}/carpets")
MAX_PER_PAGE = 48


@bp.record_once
def _register(state: Any) -> None:
    templating.init_app(state.app)
    watch_writes()


@bp.get("/")
def index() -> ResponseReturnValue:
    """The catalog: filters, facets, sort and pages (``?page=N`` or ``?after=<cursor>``)."""
    per_page = int(current_app.config.get("CATALOG_PER_PAGE", 24))
    query = parse_query(request.args, per_page=per_page, max_per_page=MAX_PER_PAGE)

    def render(version: tuple[Any, ...]) -> str:
        result = catalog_page(query, version)
        return render_template(
            "catalog/index.html",
            query=query,
            result=result,
            facets=FACETS,
            sort_labels=SORT_LABELS,
            field_labels=FIELD_LABELS,
        )

    return conditional(render)


@bp.get("/<slug>")
def detail(slug: str) -> ResponseReturnValue:
    """One carpet: gallery, attributes in both unit systems, weavers, prices, JSON-LD."""

    def render(version: tuple[Any, ...]) -> str:
        product = load_product(slug)
        if product is None:
            abort(404)
        return render_template("catalog/detail.html", product=product, carpet=product.carpet)

    return conditional(render)
