"""Jinja globals for carpet pages and cards (registered once by the catalog blueprint)."""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any

from flask import Flask, current_app, has_request_context, request, url_for
from flask_babel import format_date
from flask_babel import lazy_gettext as _l

from storefront.catalog import attributes as attrs
from storefront.catalog import product, specs
from storefront.catalog.display import card_text, facet_groups
from storefront.i18n import current_lang
from storefront.media.services import WIDTHS

DISTRICT_NAMES = {
    "bhadohi": _l("Bhadohi"),
    "mirzapur": _l("Mirzapur"),
    "varanasi": _l("Varanasi"),
    "ghazipur": _l("Ghazipur"),
    "sonebhadra": _l("Sonebhadra"),
    "kaushambi": _l("Kaushambi"),
    "prayagraj": _l("Prayagraj"),
    "jaunpur": _l("Jaunpur"),
    "chandauli": _l("Chandauli"),
}

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


def card_labels(card: Any) -> str:
    """ "Wool · Hand-knotted": the card's material and weave in the page language."""
    material = attrs.PILE_MATERIALS.get(card.pile_material, card.pile_material)
    weave = attrs.CONSTRUCTIONS.get(card.construction, card.construction)
    return f"{material} · {weave}"


def card_weaver_name(card: Any) -> str:
    """The first weaver's name in the page language (else the other), "+N" for co-weavers."""
    if not card.weavers:
        return ""
    _slug, name_en, name_hi = card.weavers[0]
    name = (name_hi if current_lang() == "hi" else name_en) or name_en or name_hi
    extra = len(card.weavers) - 1
    return f"{name} +{extra}" if extra else name


SAFE_SLUG = re.compile(r"^[A-Za-z0-9._~-]+$")


def _prefixes() -> dict[str, str]:
    """URL prefixes for cards, computed with url_for once per (script root, language)."""
    cache = current_app.extensions.setdefault("catalog_url_prefixes", {})
    key = (request.script_root if has_request_context() else "", current_lang())
    found = cache.get(key)
    if found is None:
        detail = url_for("catalog.detail", slug="x")
        media = url_for("media.image", key="0" * 32, width=WIDTHS[0], ext="jpg")
        found = cache[key] = {"detail": detail[:-1], "media": media.rsplit("/", 1)[0] + "/"}
    return found


def card_url(slug: str) -> str:
    """``url_for("catalog.detail", slug=slug)``, fast: a card grid needs dozens per page."""
    if not SAFE_SLUG.match(slug):
        return url_for("catalog.detail", slug=slug)
    return _prefixes()["detail"] + slug


def card_image_url(key: str, width: int = 1000, ext: str = "jpg") -> str:
    """The same URL as the ``image_url`` global, without a url_for call per image."""
    return f"{_prefixes()['media']}{key}-{width}.{ext}"


def card_srcset(key: str, ext: str = "webp", natural_width: int = 0) -> str:
    """The same string as the ``srcset`` global (sizes beyond the original are not listed)."""
    widths = [w for w in WIDTHS if not natural_width or w <= natural_width] or [WIDTHS[0]]
    media = _prefixes()["media"]
    return ", ".join(f"{media}{key}-{w}.{ext} {w}w" for w in widths)


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
        card_labels=card_labels,
        card_url=card_url,
        card_image_url=card_image_url,
        card_srcset=card_srcset,
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
