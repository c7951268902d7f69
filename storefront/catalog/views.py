"""HTTP views for the catalog area: the public listing and the product page (read-only).

Both answer 304 to a current ETag before doing any work (``caching.conditional``), and reuse
rendered fragments while the catalog's data version is unchanged (``fragments.cached``).
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from flask import Blueprint, abort, current_app, render_template, request
from flask.typing import ResponseReturnValue
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup

from storefront.catalog import templating
from storefront.catalog.caching import conditional, watch_writes
from storefront.catalog.filters import (
    FACETS,
    FIELD_LABELS,
    SORT_LABELS,
    UNIT_LABELS,
    CatalogQuery,
    parse_query,
)
from storefront.catalog.fragments import anonymous_request, cached, whole_page
from storefront.catalog.listing import catalog_page
from storefront.catalog.product import description_text, load_product
from storefront.i18n import LANG_PREFIX, current_lang, localized_text

bp = Blueprint("catalog", __name__, url_prefix=f"{LANG_PREFIX}/carpets")
MAX_PER_PAGE = 48
BUY_MARKER = "<!--buy-->"
CSRF_MARKER = "csrf-token-placeholder-7f3a"


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
        key = ("index", version, request.full_path, current_lang(), per_page, request.script_root)

        def whole() -> tuple[str]:
            page = cached(key, lambda: _listing(query, version))
            return (render_template("catalog/index.html", query=query, page=page),)

        return whole_page(key, whole)[0]

    return conditional(render)


def _listing(query: CatalogQuery, version: tuple[Any, ...]) -> dict[str, Any]:
    variant = query.has_filters or query.sort != "newest" or query.per_page_param is not None
    result = catalog_page(query, version)
    html = render_template(
        "catalog/_listing.html",
        query=query,
        result=result,
        facets=FACETS,
        sort_labels=SORT_LABELS,
        field_labels=FIELD_LABELS,
        unit_labels=UNIT_LABELS,
    )
    return {"html": Markup(html), "number": result.page, "noindex": variant}


@bp.get("/<slug>")
def detail(slug: str) -> ResponseReturnValue:
    """One carpet: gallery, attributes in both unit systems, weavers, prices, JSON-LD."""

    def render(version: tuple[Any, ...]) -> str:
        key = ("detail", version, slug, current_lang(), dt.date.today(), request.script_root)
        page = cached(key, lambda: _product_page(slug))
        if page is None:
            abort(404)
        if not anonymous_request():
            return render_template("catalog/detail.html", page=page, carpet=page["carpet"])

        def whole() -> tuple[str, ...]:
            html = render_template("catalog/detail.html", page=page, buy_hole=BUY_MARKER)
            parts = html.split(BUY_MARKER, 1)
            if len(parts) == 1:
                return (html,)
            # A visitor without cookies has no cart yet: the buy area is the same for all of
            # them except the CSRF token, so it is rendered once with a placeholder token.
            template = current_app.jinja_env.get_template("catalog/_buy.html")
            hole = template.render(
                carpet=page["carpet"], cart_ids=(), cart_count=0, csrf_token=lambda: CSRF_MARKER
            )
            return (parts[0], hole, parts[1])

        parts = whole_page((*key, request.full_path), whole)
        if len(parts) == 1:
            return parts[0]
        hole = parts[1]
        if CSRF_MARKER in hole:
            hole = hole.replace(CSRF_MARKER, generate_csrf())
        return parts[0] + hole + parts[2]

    return conditional(render)


def _product_page(slug: str) -> dict[str, Any] | None:
    product = load_product(slug)
    if product is None:
        return None
    carpet = product.carpet
    context = {"product": product, "carpet": carpet, "buy_marker": Markup(BUY_MARKER)}
    return {
        "title": localized_text(carpet, "title"),
        "description": description_text(carpet),
        "head": Markup(render_template("catalog/_product_head.html", **context)),
        # Split where the buy area goes: detail.html renders it per request between the halves.
        "body": Markup(render_template("catalog/_product.html", **context)).split(BUY_MARKER, 1),
        "available": product.is_available,
        "carpet": SimpleNamespace(
            id=carpet.id,
            slug=carpet.slug,
            status=carpet.status,
            stock=carpet.stock,
            price_paise=carpet.price_paise,
        ),
    }
