"""GST for deliveries in India, as dated data per HSN prefix. Exports are zero-rated (LUT).

Intra-state supply (delivery state == SELLER_STATE) carries CGST + SGST, half the rate each;
inter-state supply carries IGST at the full rate. Prices are before GST.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select

from storefront.checkout.models import TaxRate
from storefront.extensions import db


class TaxRateMissing(LookupError):
    """No GST rate is recorded for this HSN code on this date."""


def gst_rate_bp(hsn: str, on: dt.date | None = None) -> int:
    """Rate in basis points for ``hsn`` on ``on``: the longest matching prefix, latest date."""
    on = on or dt.date.today()
    rows = db.session.scalars(
        select(TaxRate).where(TaxRate.effective_from <= on).order_by(TaxRate.effective_from)
    ).all()
    best: TaxRate | None = None
    for row in rows:  # later rows of the same prefix replace earlier ones
        if not hsn.startswith(row.hsn_prefix):
            continue
        if best is None or len(row.hsn_prefix) >= len(best.hsn_prefix):
            best = row
    if best is None:
        raise TaxRateMissing(hsn)
    return best.rate_bp


def tax_kind(country: str, state: str, seller_state: str) -> str:
    if country.upper() != "IN":
        return "export"
    return "cgst_sgst" if state.strip().lower() == seller_state.strip().lower() else "igst"


def _part(amount: int, rate_bp: int, divisor: int) -> int:
    value = Decimal(amount) * Decimal(rate_bp) / Decimal(divisor)
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def split_tax(kind: str, taxable: int, rate_bp: int) -> dict[str, int]:
    """{"cgst": .., "sgst": ..} or {"igst": ..} in the same minor units; {} for exports."""
    if kind == "export" or rate_bp == 0:
        return {}
    if kind == "cgst_sgst":
        half = _part(taxable, rate_bp, 20000)
        return {"cgst": half, "sgst": half}
    return {"igst": _part(taxable, rate_bp, 10000)}
