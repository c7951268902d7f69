"""Jinja globals for carpet pages and cards (registered once by the catalog blueprint)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from flask import Flask, current_app, url_for
from flask_babel import format_date

from storefront.catalog import attributes as attrs
from storefront.catalog import product, specs
from storefront.catalog.display import card_text, facet_groups, photo_srcset
from storefront.i18n import current_lang
from storefront.weavers.models import DISTRICT_NAMES

carpet_labels = SimpleNamespace(
    constructions=attrs.CONSTRUCTIONS,
    materials=attrs.PILE_MATERIALS,
    foundations=attrs.FOUNDATION_MATERIALS,
    dyes=attrs.DYES,
    shapes=attrs.SHAPES,
    colours=attrs.COLOURS,
    designs=attrs.DESIGNS,
    statuses=attrs.STATUS_LABELS,
)


def card_weaver_name(card: Any) -> str:
    """The first weaver's name in the page language (else the other), "+N" for co-weavers."""
    if not card.weavers:
        return ""
    _slug, name_en, name_hi = card.weavers[0]
    name = (name_hi if current_lang() == "hi" else name_en) or name_en or name_hi
    extra = len(card.weavers) - 1
    return f"{name} +{extra}" if extra else name


def district_name(key: str) -> str:
    return str(DISTRICT_NAMES.get(key, key.replace("_", " ").title()))


def weaver_url(slug: str) -> str | None:
    """The weaver's public profile, once the weavers area serves one."""
    if "weavers.profile" not in current_app.view_functions:
        return None
    return url_for("weavers.profile", slug=slug)


def init_app(app: Flask) -> None:
    from storefront.catalog.filters import active_chips

    app.jinja_env.globals.update(
        carpet_labels=carpet_labels,
        card_weaver_name=card_weaver_name,
        card_text=card_text,
        facet_groups=facet_groups,
        photo_srcset=photo_srcset,
        district_name=district_name,
        weaver_url=weaver_url,
        format_date=format_date,
        active_chips=active_chips,
        product_description=product.description_text,
        product_og=product.og_tags,
        product_json_ld=product.json_ld,
        product_specs=specs.specs,
        product_size_cm=specs.size_cm,
        product_size_ft=specs.size_ft,
    )
