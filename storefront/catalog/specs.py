"""The product page's attribute table: every measure in both unit systems, labels translated."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from storefront.catalog import attributes as attrs
from storefront.catalog.models import Carpet
from storefront.i18n import format_number

GRADES = {
    "very_coarse": _l("very coarse"),
    "coarse": _l("coarse"),
    "medium_fine": _l("medium fine"),
    "fine": _l("fine"),
    "very_fine": _l("very fine"),
    "extremely_fine": _l("extremely fine"),
}
MM_PER_INCH = Decimal("25.4")
LB_PER_KG = Decimal("2.20462")


@dataclass(frozen=True, slots=True)
class Spec:
    label: str
    value: str
    alt: str = ""  # the same measure in the other unit system
    note: str = ""


def _dec(value: Decimal, places: str = "0.1") -> str:
    return format_number(value.quantize(Decimal(places), rounding=ROUND_HALF_UP), len(places) - 2)


def size_cm(carpet: Carpet) -> str:
    if carpet.shape == "round":
        return f"Ø {format_number(carpet.width_cm)} cm"
    return f"{format_number(carpet.width_cm)} × {format_number(carpet.length_cm)} cm"


def size_ft(carpet: Carpet) -> str:
    if carpet.shape == "round":
        return f"Ø {attrs.format_ft_in(carpet.width_cm)}"
    return f"{attrs.format_ft_in(carpet.width_cm)} × {attrs.format_ft_in(carpet.length_cm)}"


def specs(carpet: Carpet) -> list[Spec]:
    """Rows for the attribute table, in the order a buyer reads them."""
    rows = [
        Spec(_("Construction"), str(attrs.CONSTRUCTIONS.get(carpet.construction, ""))),
        Spec(_("Size (measured)"), size_cm(carpet), size_ft(carpet)),
        Spec(_("Shape"), str(attrs.SHAPES.get(carpet.shape, carpet.shape))),
    ]
    area_ft = attrs.area_sq_ft(carpet.width_cm, carpet.length_cm)
    area_m2 = Decimal(carpet.width_cm * carpet.length_cm) / 10_000
    if carpet.shape == "round":
        area_ft = (area_ft * Decimal("0.7854")).quantize(Decimal("0.1"))
        area_m2 = area_m2 * Decimal("0.7854")
    rows.append(
        Spec(_("Area"), _("%(n)s sq ft", n=_dec(area_ft)), _("%(n)s m²", n=_dec(area_m2, "0.01")))
    )
    if carpet.kpsi:
        grade = attrs.grade(carpet.kpsi)
        rows.append(
            Spec(
                _("Knot density"),
                _("%(n)s knots per sq inch (KPSI)", n=format_number(carpet.kpsi)),
                _("%(n)s knots/m²", n=format_number(attrs.knots_per_m2(carpet.kpsi))),
                _("indicative grade: %(grade)s", grade=GRADES[grade]) if grade else "",
            )
        )
    if carpet.quality:
        rows.append(Spec(_("Trade quality"), carpet.quality))
    rows += [
        Spec(_("Pile"), str(attrs.PILE_MATERIALS.get(carpet.pile_material, carpet.pile_material))),
        Spec(
            _("Foundation (warp and weft)"),
            str(attrs.FOUNDATION_MATERIALS.get(carpet.foundation_material, "")),
        ),
        Spec(_("Dyes"), str(attrs.DYES.get(carpet.dyes, carpet.dyes))),
    ]
    if carpet.construction == "flat_weave" and not carpet.pile_height_mm:
        rows.append(Spec(_("Pile height"), _("none (flat-weave)")))
    elif carpet.pile_height_mm is not None:
        inches = Decimal(carpet.pile_height_mm) / MM_PER_INCH
        rows.append(
            Spec(
                _("Pile height"),
                _("%(n)s mm", n=format_number(carpet.pile_height_mm)),
                _("%(n)s in", n=_dec(inches, "0.01")),
            )
        )
    if carpet.weight_g:
        kg = Decimal(carpet.weight_g) / 1000
        rows.append(
            Spec(
                _("Weight"),
                _("%(n)s kg", n=_dec(kg)),
                _("%(n)s lb", n=_dec(kg * LB_PER_KG)),
            )
        )
    colours = [str(attrs.COLOURS.get(carpet.colour_primary, carpet.colour_primary))]
    if carpet.colour_secondary:
        colours.append(str(attrs.COLOURS.get(carpet.colour_secondary, carpet.colour_secondary)))
    rows += [
        Spec(_("Colours"), ", ".join(colours)),
        Spec(_("Design"), str(attrs.DESIGNS.get(carpet.design, carpet.design))),
    ]
    if carpet.weaving_days:
        rows.append(
            Spec(
                _("Time on the loom"),
                ngettext("%(num)s day", "%(num)s days", carpet.weaving_days),
            )
        )
    rows.append(Spec(_("Item code (SKU)"), carpet.sku))
    return rows
