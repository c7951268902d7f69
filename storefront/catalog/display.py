"""Strings the listing prints, prepared in Python: card texts and facet options.

A catalog page shows up to 48 cards and ~30 filter options; doing that work here (one language
lookup per card, URL prefixes computed once per language, vocabulary and phrases translated once
per process and language, prices and counts formatted once per value) keeps the templates to
plain output. The results are exactly what ``url_for``, the ``srcset``/``image_url`` globals,
``tr``, the ``money`` filter and the ``number`` filter would print.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from flask import current_app, has_request_context, request, url_for
from flask_babel import force_locale, gettext
from markupsafe import Markup, escape

from storefront.catalog import attributes as attrs
from storefront.i18n import current_lang, format_number
from storefront.media.services import WIDTHS
from storefront.money import format_money

SAFE_SLUG = re.compile(r"^[A-Za-z0-9._~-]+$")
FACET_ORDER = ("weave", "material", "colour", "shape")


@dataclass(frozen=True, slots=True)
class CardText:
    url: str
    title: Markup  # escaped; a fallback-language title is wrapped in <span lang=..>
    alt: str
    src: str
    srcset_webp: str
    srcset_jpg: str
    labels: str
    weaver: str  # "Woven by ..." or ""
    price: str
    badge: str  # "Sold", "Reserved" or ""
    sold_for: str


@functools.lru_cache(maxsize=8)
def _words(lang: str) -> dict[str, Any]:
    """Vocabulary and card phrases translated into ``lang`` (once per process)."""
    with force_locale(lang):
        return {
            "material": {k: str(v) for k, v in attrs.PILE_MATERIALS.items()},
            "weave": {k: str(v) for k, v in attrs.CONSTRUCTIONS.items()},
            "colour": {k: str(v) for k, v in attrs.COLOURS.items()},
            "shape": {k: str(v) for k, v in attrs.SHAPES.items()},
            "legends": {
                "weave": gettext("Weave"),
                "material": gettext("Pile material"),
                "colour": gettext("Main colour"),
                "shape": gettext("Shape"),
            },
            "sold": gettext("Sold"),
            "reserved": gettext("Reserved"),
            "sold_for": gettext("Sold for"),
            "woven_by": gettext("Woven by %(name)s", name="{}"),
        }


@functools.lru_cache(maxsize=4096)
def price(amount: int, lang: str) -> str:
    """``format_money(amount, "INR")`` in ``lang``, memoised (prices repeat across pages)."""
    return format_money(amount, "INR", lang)


def _prefixes(lang: str) -> tuple[str, str]:
    """(product URL prefix, media URL prefix) via url_for, once per script root and language."""
    cache = current_app.extensions.setdefault("catalog_url_prefixes", {})
    key = (request.script_root if has_request_context() else "", lang)
    found = cache.get(key)
    if found is None:
        detail = url_for("catalog.detail", slug="x", lang=lang)
        media = url_for("media.image", key="0" * 32, width=WIDTHS[0], ext="jpg")
        found = cache[key] = (detail[:-1], media.rsplit("/", 1)[0] + "/")
    return found


def srcset(media: str, key: str, ext: str, natural_width: int) -> str:
    """Every stored width below the original, plus the first one at or above it (which holds
    the original size), so a 620 px photo still offers more than its 400 px copy."""
    widths = [w for w in WIDTHS if not natural_width or w < natural_width]
    bigger = [w for w in WIDTHS if natural_width and w >= natural_width]
    widths += bigger[:1]
    return ", ".join(f"{media}{key}-{w}.{ext} {w}w" for w in widths or WIDTHS[:1])


def photo_srcset(key: str, ext: str = "webp", natural_width: int = 0) -> str:
    """``srcset`` for a stored photo (see ``srcset``), for templates."""
    return srcset(_prefixes(current_lang())[1], key, ext, natural_width)


def card_text(card: Any) -> CardText:
    """All the strings of one card (see the module docstring)."""
    lang = current_lang()
    words = _words(lang)
    detail, media = _prefixes(lang)
    other = "en" if lang == "hi" else "hi"
    title = getattr(card, f"title_{lang}") or ""
    if title.strip():
        title_html = escape(title)
    else:
        title = getattr(card, f"title_{other}") or ""
        title_html = Markup('<span lang="{}" class="fallback">{}</span>').format(other, title)
    alt = getattr(card, f"alt_{lang}") or getattr(card, f"alt_{other}") or title
    key = card.image_key
    weaver = ""
    if card.weavers:
        _slug, name_en, name_hi = card.weavers[0]
        name = (name_hi if lang == "hi" else name_en) or name_en or name_hi
        if len(card.weavers) > 1:
            name = f"{name} +{len(card.weavers) - 1}"
        weaver = words["woven_by"].replace("{}", name)
    badge = words["sold"] if card.is_sold else (words["reserved"] if card.is_reserved else "")
    return CardText(
        url=detail + card.slug
        if SAFE_SLUG.match(card.slug)
        else url_for("catalog.detail", slug=card.slug),
        title=title_html,
        alt=alt,
        src=f"{media}{key}-{WIDTHS[0]}.jpg" if key else "",
        srcset_webp=srcset(media, key, "webp", card.image_width) if key else "",
        srcset_jpg=srcset(media, key, "jpg", card.image_width) if key else "",
        labels=(
            f"{words['material'].get(card.pile_material, card.pile_material)} · "
            f"{words['weave'].get(card.construction, card.construction)}"
        ),
        weaver=weaver,
        price=price(card.price_paise, lang),
        badge=badge,
        sold_for=words["sold_for"],
    )


@functools.lru_cache(maxsize=4096)
def count(value: int, lang: str) -> str:
    """A count grouped for ``lang`` (what the ``number`` filter prints), memoised."""
    with force_locale(lang):
        return format_number(value)


@dataclass(frozen=True, slots=True)
class FacetOption:
    key: str
    label: str
    count: str
    checked: bool


def facet_groups(
    selected: dict[str, tuple[str, ...]], counts: dict[str, dict[str, int]]
) -> list[tuple[str, str, list[FacetOption]]]:
    """(parameter, legend, options) per facet, in display order; options with no carpets are
    left out unless chosen."""
    lang = current_lang()
    words = _words(lang)
    groups = []
    for name in FACET_ORDER:
        chosen = selected.get(name, ())
        found = counts.get(name, {})
        options = [
            FacetOption(key, label, count(found.get(key, 0), lang), key in chosen)
            for key, label in words[name].items()
            if found.get(key) or key in chosen
        ]
        groups.append((name, words["legends"][name], options))
    return groups
