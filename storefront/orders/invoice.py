"""The GST tax invoice of a paid order, from the order's snapshot only (never today's prices).

Domestic supply: amounts in INR with CGST + SGST (intra-state) or IGST (inter-state), HSN per line
and the place of supply. Export: zero-rated under LUT, amounts in the order currency with the INR
value at the snapshot rate.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from storefront.orders.models import Order


@dataclass
class InvoiceLine:
    description: str
    sku: str
    hsn: str
    size_text: str
    taxable_inr: int
    amount_minor: int
    rate_bp: int
    cgst: int = 0
    sgst: int = 0
    igst: int = 0

    @property
    def tax(self) -> int:
        return self.cgst + self.sgst + self.igst

    @property
    def total_inr(self) -> int:
        return self.taxable_inr + self.tax


@dataclass
class Invoice:
    number: str
    kind: str  # cgst_sgst | igst | export
    place_of_supply: str
    currency: str
    rate: Decimal
    lines: list[InvoiceLine] = field(default_factory=list)

    @property
    def taxable_inr(self) -> int:
        return sum(line.taxable_inr for line in self.lines)

    @property
    def cgst(self) -> int:
        return sum(line.cgst for line in self.lines)

    @property
    def sgst(self) -> int:
        return sum(line.sgst for line in self.lines)

    @property
    def igst(self) -> int:
        return sum(line.igst for line in self.lines)

    @property
    def total_inr(self) -> int:
        return sum(line.total_inr for line in self.lines)


def percent(bp: int) -> str:
    """Basis points as a percentage without trailing zeros: 250 -> "2.5"."""
    return f"{Decimal(bp) / 100:f}".rstrip("0").rstrip(".") or "0"


def _split(kind: str, tax: int) -> dict[str, int]:
    if kind == "cgst_sgst":
        return {"cgst": tax // 2, "sgst": tax - tax // 2}
    if kind == "igst":
        return {"igst": tax}
    return {}


def build(order: Order) -> Invoice:
    inv = Invoice(
        number=order.number or "",
        kind=order.tax_kind,
        place_of_supply=order.place_of_supply,
        currency=order.currency,
        rate=order.exchange_rate,
    )
    for line in order.lines:
        inv.lines.append(
            InvoiceLine(
                description=line.title,
                sku=line.sku,
                hsn=line.hsn,
                size_text=line.size_text,
                taxable_inr=line.price_inr,
                amount_minor=line.amount_minor,
                rate_bp=line.tax_rate_bp,
                **_split(order.tax_kind, line.tax_inr),
            )
        )
    if order.shipping_inr:
        hsn = order.lines[0].hsn if order.lines else ""
        inv.lines.append(
            InvoiceLine(
                description="",  # the template names it ("Packing, insurance and delivery")
                sku="",
                hsn=hsn,
                size_text="",
                taxable_inr=order.shipping_inr,
                amount_minor=order.shipping_minor,
                rate_bp=order.shipping_tax_rate_bp,
                **_split(order.tax_kind, order.shipping_tax_inr),
            )
        )
    return inv


def seller(config: Mapping[str, Any]) -> dict[str, str]:
    return {
        "name": config.get("SELLER_NAME", ""),
        "gstin": config.get("SELLER_GSTIN", ""),
        "address": config.get("SELLER_ADDRESS", ""),
        "state": config.get("SELLER_STATE", ""),
        "lut": config.get("SELLER_LUT", ""),
    }
