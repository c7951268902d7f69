"""Plausible demo carpets: construction, materials, knots, sizes, prices, and text in two languages.

``plan_carpet(n, weaver, rng)`` returns the column values of one Carpet. Prices follow the trade:
weavers are paid per square foot, and the rate rises with knot density and with silk.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from decimal import Decimal

from storefront.catalog.attributes import HSN_BY_CONSTRUCTION, area_sq_ft
from storefront.demo import carpet_texts as texts

# style: construction, pile materials, designs, (quality, kpsi) choices, colours, sizes (ft)
STYLES: dict[str, dict] = {
    "classic": {
        "construction": "hand_knotted",
        "pile": ("wool", "wool", "nz_wool"),
        "designs": ("medallion", "floral"),
        "qualities": (("8x8", 64), ("9x9", 81), ("10x10", 100), ("10x12", 120), ("12x12", 144)),
        "colours": ("red", "blue", "ivory", "beige", "green"),
        "pile_mm": (9, 12),
        "rate": (9, 300),
    },
    "fine": {
        "construction": "hand_knotted",
        "pile": ("wool_silk", "wool_silk", "nz_wool"),
        "designs": ("floral", "medallion"),
        "qualities": (("12x14", 168), ("14x14", 196), ("14x16", 224), ("16x16", 256)),
        "colours": ("ivory", "blue", "beige", "gold", "pink"),
        "pile_mm": (6, 8),
        "rate": (12, 600),
    },
    "silk": {
        "construction": "hand_knotted",
        "pile": ("silk",),
        "designs": ("floral", "medallion"),
        "qualities": (("16x16", 256), ("17x17", 289), ("15x20", 300)),
        "colours": ("ivory", "red", "blue", "gold", "green"),
        "pile_mm": (4, 5),
        "rate": (18, 1000),
        "sizes": ((2, 3), (3, 5), (4, 6), (5, 8), (6, 9), (8, 10)),
    },
    "mir": {
        "construction": "hand_knotted",
        "pile": ("wool",),
        "designs": ("mir",),
        "qualities": (("9x9", 81), ("10x10", 100), ("10x12", 120), ("12x12", 144)),
        "colours": ("ivory", "red", "blue"),
        "pile_mm": (8, 10),
        "rate": (10, 300),
    },
    "loribaft": {
        "construction": "hand_knotted",
        "pile": ("wool",),
        "designs": ("tribal",),
        "qualities": (("6x7", 42), ("6x8", 48), ("8x8", 64)),
        "colours": ("rust", "red", "brown", "gold"),
        "pile_mm": (12, 15),
        "rate": (8, 450),
    },
    "gabbeh": {
        "construction": "hand_knotted",
        "pile": ("wool",),
        "designs": ("gabbeh",),
        "qualities": (("5x6", 30), ("6x6", 36), ("6x7", 42)),
        "colours": ("gold", "rust", "grey", "blue", "beige", "green"),
        "pile_mm": (16, 20),
        "rate": (8, 450),
    },
    "geometric": {
        "construction": "hand_knotted",
        "pile": ("wool", "nz_wool"),
        "designs": ("geometric",),
        "qualities": (("8x8", 64), ("9x9", 81), ("10x10", 100)),
        "colours": ("beige", "grey", "blue", "rust", "ivory"),
        "pile_mm": (9, 11),
        "rate": (9, 300),
    },
    "tufted": {
        "construction": "hand_tufted",
        "pile": ("nz_wool", "wool", "viscose", "viscose"),
        "designs": ("modern", "floral"),
        "qualities": (("", None),),
        "colours": ("grey", "beige", "pink", "blue", "black", "multi"),
        "pile_mm": (10, 14),
        "rate": (0, 520),
    },
    "dhurrie": {
        "construction": "flat_weave",
        "pile": ("cotton", "cotton", "wool", "jute"),
        "designs": ("kilim", "geometric"),
        "qualities": (("", None),),
        "colours": ("multi", "blue", "green", "grey", "ivory", "red"),
        "pile_mm": None,
        "rate": (0, 330),
        "sizes": ((3, 5), (4, 6), (5, 8), (6, 9)),
    },
}
SIZES = ((2, 3), (3, 5), (4, 6), (5, 8), (5, 8), (6, 9), (6, 9), (8, 10), (9, 12))
RUNNERS = ((2.5, 8), (2.5, 10), (2.5, 12))
SECONDARY = {
    "red": "blue",
    "blue": "red",
    "ivory": "red",
    "beige": "brown",
    "green": "red",
    "gold": "blue",
    "rust": "blue",
    "grey": "ivory",
    "black": "red",
    "pink": "blue",
    "brown": "beige",
    "multi": "green",
}
DENSITY_KG_M2 = {
    "wool": 3.4,
    "nz_wool": 3.3,
    "wool_silk": 2.9,
    "silk": 2.4,
    "viscose": 3.0,
    "cotton": 1.5,
    "jute": 1.9,
}


def plan_carpet(n: int, weaver: dict, rng: random.Random, k: int = 0) -> dict:
    """Column values for demo carpet ``n``, the ``k``-th by ``weaver`` (a WEAVERS entry)."""
    style_name = weaver["styles"][k % len(weaver["styles"])]
    style = STYLES[style_name]
    construction = style["construction"]
    pile = rng.choice(style["pile"])
    design = rng.choice(style["designs"])
    quality, kpsi = rng.choice(style["qualities"])
    colour = rng.choice(style["colours"])
    colour2 = SECONDARY[colour] if rng.random() < 0.8 else None
    shape, nominal, width_cm, length_cm = _size(style, design, rng)
    sq_ft = area_sq_ft(width_cm, length_cm)
    dyes = (
        "natural"
        if style_name in ("gabbeh", "loribaft")
        else rng.choice(("natural", "mixed", "synthetic", "synthetic"))
    )
    if pile in ("viscose", "silk"):
        dyes = "synthetic" if pile == "viscose" else rng.choice(("synthetic", "mixed"))
    per_kpsi, base = style["rate"]
    rate = Decimal(per_kpsi * (kpsi or 0) + base) * (Decimal("1.15") if dyes == "natural" else 1)
    rupees = max(
        rng.randint(80, 96) * 100, min(600000, int(sq_ft * rate * Decimal(rng.uniform(0.92, 1.12))))
    )
    rupees = rupees // 500 * 500 if rupees > 50000 else rupees // 100 * 100
    area_m2 = width_cm * length_cm / 10000 * (0.785 if shape == "round" else 1)
    if kpsi:
        team = 1 + int(width_cm / 30.48 // 3)
        days = int(sq_ft * 144 * kpsi / (4000 * team)) + 15
    else:
        days = (
            int(sq_ft * (Decimal("0.6") if construction == "hand_tufted" else Decimal("0.9"))) + 8
        )
    pile_mm = rng.randint(*style["pile_mm"]) if style["pile_mm"] else None
    title_en, title_hi = texts.titles(style_name, design, colour, pile, shape, nominal)
    foundation = "wool" if style_name == "gabbeh" else "cotton"
    if pile == "silk" or (pile == "wool_silk" and rng.random() < 0.3):
        foundation = "silk"
    text = (
        weaver,
        design,
        construction,
        pile,
        foundation,
        kpsi,
        quality,
        dyes,
        days,
        width_cm,
        length_cm,
    )
    return {
        "construction": construction,
        "pile_material": pile,
        "foundation_material": foundation,
        "dyes": dyes,
        "kpsi": kpsi,
        "quality": quality,
        "width_cm": width_cm,
        "length_cm": length_cm,
        "shape": shape,
        "pile_height_mm": pile_mm,
        "weight_g": round(area_m2 * DENSITY_KG_M2[pile] * rng.uniform(0.92, 1.08) * 1000 / 50) * 50,
        "colour_primary": colour,
        "colour_secondary": colour2,
        "design": design,
        "weaving_days": min(600, days),
        "hsn_code": HSN_BY_CONSTRUCTION[construction],
        "price_paise": rupees * 100,
        "title_en": title_en,
        "title_hi": title_hi,
        "description_en": texts.description_en(*text),
        "description_hi": texts.description_hi(*text),
    }


def _size(style: dict, design: str, rng: random.Random) -> tuple[str, str, int, int]:
    """(shape, nominal label, measured width cm, measured length cm): a little off nominal."""
    roll = rng.random()
    hand = style["construction"] == "hand_knotted"
    if (
        hand
        and design in ("medallion", "geometric", "mir", "tribal")
        and roll < 0.2
        and "sizes" not in style
    ):
        w, h = rng.choice(RUNNERS)
        return "runner", f"{w:g}×{h:g} ft", _cm(w, rng), _cm(h, rng)
    if design in ("medallion", "floral") and roll > 0.86:
        d = rng.choice((4, 6, 8))
        cm = _cm(d, rng)
        return "round", f"{d} ft", cm, cm
    w, h = rng.choice(style.get("sizes", SIZES))
    return "rectangle", f"{w}×{h} ft", _cm(w, rng), _cm(h, rng)


def _cm(feet: float, rng: random.Random) -> int:
    return round(feet * 30.48 + rng.uniform(-5, 2.5))


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("×", "x")).strip("-")


def published_on(n: int, rng: random.Random) -> dt.datetime:
    """Listing dates spread over the past year, newest first."""
    start = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)
    return start - dt.timedelta(days=n * 5 + rng.randint(0, 3), hours=rng.randint(0, 9))
