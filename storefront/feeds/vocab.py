"""Words for the feeds in one language, translated once per export (not once per carpet).

``labels_for("hi")`` resolves every vocabulary label and sentence template under ``force_locale``,
so building 100,000 items is dictionary look-ups and ``%`` formatting only.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import force_locale, gettext

from storefront.catalog.attributes import (
    COLOURS,
    CONSTRUCTIONS,
    DESIGNS,
    DYES,
    FOUNDATION_MATERIALS,
    PILE_MATERIALS,
    SHAPES,
)

# Fibres per pile material, primary first. Viscose stays viscose: never "silk" (textile labelling).
PILE_FIBRES = {
    "wool": ("wool",),
    "nz_wool": ("nz_wool",),
    "wool_silk": ("wool", "silk"),
    "silk": ("silk",),
    "cotton": ("cotton",),
    "jute": ("jute",),
    "viscose": ("viscose",),
}


@dataclass(frozen=True, slots=True)
class Labels:
    """Vocabulary and sentence templates of one language."""

    lang: str
    constructions: dict[str, str]
    fibres: dict[str, str]
    dyes: dict[str, str]
    shapes: dict[str, str]
    colours: dict[str, str]
    designs: dict[str, str]
    rugs: str
    size: str  # "%(width)s x %(length)s cm"
    generated_title: str  # "%(construction)s carpet"
    by_weavers: str  # "Woven by %(names)s"
    place: str  # "%(village)s, %(district)s district"
    pile: str
    foundation: str
    knots: str
    pile_height: str
    woven_days: str
    gi_note: str
    cooperative: str
    detail_section: str
    detail_knots: str
    detail_pile: str
    knots_value: str
    mm_value: str
    full_stop: str
    list_sep: str
    districts: dict[str, str]


def _district_names() -> dict[str, str]:
    return {
        "bhadohi": gettext("Bhadohi"),
        "mirzapur": gettext("Mirzapur"),
        "varanasi": gettext("Varanasi"),
        "ghazipur": gettext("Ghazipur"),
        "sonebhadra": gettext("Sonebhadra"),
        "kaushambi": gettext("Kaushambi"),
        "prayagraj": gettext("Prayagraj"),
        "jaunpur": gettext("Jaunpur"),
        "chandauli": gettext("Chandauli"),
    }


def labels_for(lang: str) -> Labels:
    """All feed words of ``lang`` ("en" or "hi"), resolved now."""
    with force_locale(lang):
        fibres = {k: str(v) for k, v in PILE_MATERIALS.items()}
        fibres.update({f"f_{k}": str(v) for k, v in FOUNDATION_MATERIALS.items()})
        return Labels(
            lang=lang,
            constructions={k: str(v) for k, v in CONSTRUCTIONS.items()},
            fibres=fibres,
            dyes={k: str(v) for k, v in DYES.items()},
            shapes={k: str(v) for k, v in SHAPES.items()},
            colours={k: str(v) for k, v in COLOURS.items()},
            designs={k: str(v) for k, v in DESIGNS.items()},
            rugs=gettext("Rugs"),
            size=gettext("%(width)s x %(length)s cm"),
            generated_title=gettext("%(construction)s carpet"),
            by_weavers=gettext("Woven by %(names)s in %(place)s"),
            place=gettext("%(village)s, %(district)s district"),
            pile=gettext("Pile: %(material)s"),
            foundation=gettext("Foundation (warp and weft): %(material)s"),
            knots=gettext("About %(kpsi)s knots per square inch (%(quality)s)"),
            pile_height=gettext("Pile height: %(mm)s mm"),
            woven_days=gettext("Woven over %(days)s days"),
            gi_note=gettext(
                "Handmade Carpet of Bhadohi: geographical indication (GI), "
                "authorised user no. %(number)s"
            ),
            cooperative=gettext("Bhadohi weavers' cooperative"),
            detail_section=gettext("Construction"),
            detail_knots=gettext("Knot density"),
            detail_pile=gettext("Pile height"),
            knots_value=gettext("%(kpsi)s knots per square inch"),
            mm_value=gettext("%(mm)s mm"),
            full_stop="।" if lang == "hi" else ".",
            list_sep=", ",
            districts=_district_names(),
        )
