"""Carpet vocabularies (stored as keys, shown translated) and unit conversions."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from flask_babel import lazy_gettext as _l

CONSTRUCTIONS = {
    "hand_knotted": _l("Hand-knotted"),
    "hand_tufted": _l("Hand-tufted"),
    "flat_weave": _l("Flat-weave (dhurrie, kilim)"),
}
PILE_MATERIALS = {
    "wool": _l("Wool"),
    "nz_wool": _l("New Zealand wool"),
    "wool_silk": _l("Wool and silk"),
    "silk": _l("Silk"),
    "cotton": _l("Cotton"),
    "jute": _l("Jute"),
    "viscose": _l("Viscose (rayon)"),
}
FOUNDATION_MATERIALS = {"cotton": _l("Cotton"), "silk": _l("Silk"), "wool": _l("Wool")}
DYES = {"natural": _l("Natural dyes"), "synthetic": _l("Synthetic dyes"), "mixed": _l("Mixed dyes")}
SHAPES = {
    "rectangle": _l("Rectangle"),
    "runner": _l("Runner"),
    "round": _l("Round"),
    "square": _l("Square"),
    "octagon": _l("Octagon"),
}
COLOURS = {
    "red": _l("Red"),
    "blue": _l("Blue"),
    "ivory": _l("Ivory"),
    "beige": _l("Beige"),
    "green": _l("Green"),
    "gold": _l("Gold"),
    "rust": _l("Rust"),
    "grey": _l("Grey"),
    "black": _l("Black"),
    "pink": _l("Pink"),
    "brown": _l("Brown"),
    "multi": _l("Multicolour"),
}
DESIGNS = {
    "medallion": _l("Medallion"),
    "floral": _l("Floral"),
    "geometric": _l("Geometric"),
    "tribal": _l("Tribal"),
    "mir": _l("Mir (Chhapra Mir)"),
    "gabbeh": _l("Indo-Gabbeh"),
    "modern": _l("Modern"),
    "kilim": _l("Kilim"),
}
STATUSES = ("draft", "pending", "published", "sold", "archived")
STATUS_LABELS = {
    "draft": _l("Draft"),
    "pending": _l("Waiting for review"),
    "published": _l("Published"),
    "sold": _l("Sold"),
    "archived": _l("Archived"),
}
# HSN heading by construction (chapter 57): knotted 5701, woven incl. dhurries 5702, tufted 5703.
HSN_BY_CONSTRUCTION = {"hand_knotted": "5701", "flat_weave": "5702", "hand_tufted": "5703"}

CM_PER_INCH = Decimal("2.54")
KNOTS_PER_M2_PER_KPSI = 1550  # 1 in² = 6.4516 cm²; 10,000 / 6.4516 ≈ 1,550


def cm_to_ft_in(cm: int) -> tuple[int, int]:
    """Centimetres to whole feet and inches (rounded to the nearest inch)."""
    inches = int((Decimal(cm) / CM_PER_INCH).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return divmod(inches, 12)


def format_ft_in(cm: int) -> str:
    feet, inches = cm_to_ft_in(cm)
    return f"{feet}′{inches}″" if inches else f"{feet}′"


def ft_to_cm(feet: Decimal | int | str) -> int:
    return int((Decimal(feet) * 12 * CM_PER_INCH).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def area_sq_ft(width_cm: int, length_cm: int) -> Decimal:
    """Area in square feet, one decimal (weavers are paid per square foot)."""
    sq_in = Decimal(width_cm) * Decimal(length_cm) / (CM_PER_INCH * CM_PER_INCH)
    return (sq_in / 144).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def knots_per_m2(kpsi: int) -> int:
    return kpsi * KNOTS_PER_M2_PER_KPSI


QUALITY_RE = re.compile(r"^\s*(\d{1,3})\s*[x×X*/]\s*(\d{1,3})\s*$")


def kpsi_from_quality(quality: str) -> int | None:
    """Trade quality "10x10" (knots per horizontal x vertical inch) to KPSI; None if unknown."""
    match = QUALITY_RE.match(quality or "")
    if not match:
        return None
    return int(match.group(1)) * int(match.group(2))


def grade(kpsi: int | None) -> str | None:
    """Indicative fineness grade (not a quality verdict)."""
    if not kpsi:
        return None
    for limit, label in ((30, "very_coarse"), (60, "coarse"), (130, "medium_fine"), (160, "fine")):
        if kpsi <= limit:
            return label
    return "very_fine" if kpsi <= 290 else "extremely_fine"
