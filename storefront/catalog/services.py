"""Catalog domain actions (no request, no commit): keep a carpet's search text current."""

from __future__ import annotations

import re
import unicodedata

from flask_babel import force_locale

from storefront.catalog import attributes as attrs
from storefront.catalog.models import Carpet

NUKTA = "\u093c"
CHANDRABINDU, ANUSVARA = "\u0901", "\u0902"
_SPACES = re.compile(r"\s+")


def normalise_search(text: str) -> str:
    """Fold text for matching: NFC, lower case, no nukta, chandrabindu as anusvara, one space.

    Hindi spellings vary (क़ालीन / कालीन, गाँठ / गांठ); the same folding is applied to the stored
    text and to the query, so either spelling finds the other.
    """
    text = unicodedata.normalize("NFC", text or "")
    text = unicodedata.normalize("NFD", text).replace(NUKTA, "")
    text = unicodedata.normalize("NFC", text).replace(CHANDRABINDU, ANUSVARA)
    return _SPACES.sub(" ", text.lower()).strip()


def _labels(mapping: dict, key: str | None) -> list[str]:
    """A vocabulary label in English and Hindi (so "silk" and "रेशम" both find silk carpets)."""
    if not key or key not in mapping:
        return []
    out = []
    for lang in ("en", "hi"):
        with force_locale(lang):
            out.append(str(mapping[key]))
    return out


def build_search_text(carpet: Carpet) -> str:
    """Titles in both languages, SKU, weaver names and villages, and the main attributes."""
    parts = [carpet.title_en, carpet.title_hi, carpet.sku, carpet.quality or ""]
    for weaver in carpet.weavers:
        parts += [weaver.name_en, weaver.name_hi, weaver.village_en, weaver.village_hi]
    parts += _labels(attrs.CONSTRUCTIONS, carpet.construction)
    parts += _labels(attrs.PILE_MATERIALS, carpet.pile_material)
    parts += _labels(attrs.COLOURS, carpet.colour_primary)
    parts += _labels(attrs.COLOURS, carpet.colour_secondary)
    parts += _labels(attrs.DESIGNS, carpet.design)
    parts += _labels(attrs.SHAPES, carpet.shape)
    return normalise_search(" ".join(p for p in parts if p))


def refresh_search_text(carpet: Carpet) -> None:
    """Recompute ``carpet.search_text``; call after changing titles, SKU, weavers or attributes.

    Needs an app context (labels are translated). Flushes nothing; the caller's flush saves it.
    """
    text = build_search_text(carpet)
    if carpet.search_text != text:
        carpet.search_text = text
