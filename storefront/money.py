"""Money as integer minor units plus an ISO currency; formatting; dated exchange rates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_currency
from flask import Flask
from flask_babel import get_locale
from sqlalchemy import CheckConstraint, Date, Numeric, String, UniqueConstraint, select
from sqlalchemy.orm import Mapped, mapped_column

from storefront.extensions import db

# Minor-unit exponent per currency we sell in (zero-decimal currencies would be 0).
EXPONENTS = {"INR": 2, "USD": 2, "EUR": 2, "GBP": 2}
# The locale that formats each currency the way its buyers read it (INR: lakh grouping).
FORMAT_LOCALES = {"INR": "en_IN", "USD": "en_US", "EUR": "en_IE", "GBP": "en_GB"}
BASE_CURRENCY = "INR"


class CurrencyError(ValueError):
    """A currency we do not handle, or no rate for it."""


@dataclass(frozen=True, slots=True)
class Money:
    """An amount in minor units (paise, cents, pence) of ``currency``."""

    amount: int
    currency: str

    def __post_init__(self) -> None:
        if not isinstance(self.amount, int) or isinstance(self.amount, bool):
            raise TypeError("Money.amount must be an int of minor units")
        if self.currency not in EXPONENTS:
            raise CurrencyError(self.currency)

    def __add__(self, other: Money) -> Money:
        if other.currency != self.currency:
            raise CurrencyError(f"{self.currency} + {other.currency}")
        return Money(self.amount + other.amount, self.currency)

    def to_decimal(self) -> Decimal:
        return Decimal(self.amount).scaleb(-EXPONENTS[self.currency])

    @classmethod
    def from_decimal(cls, value: Decimal | str | int, currency: str) -> Money:
        """Major units (e.g. "1850.50") to minor units, rounding half up."""
        exp = EXPONENTS[currency]
        minor = (Decimal(value) * (10**exp)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        return cls(int(minor), currency)


def format_money(amount: int, currency: str, locale: str | None = None) -> str:
    """``₹1,50,000`` / ``$1,850`` / ``$1,850.50``: whole amounts drop the decimals."""
    money = Money(amount, currency)
    lang = (locale or str(get_locale() or "en"))[:2]
    fmt_locale = FORMAT_LOCALES[currency]
    if currency == "INR":
        fmt_locale = f"{lang}_IN"
    value = money.to_decimal()
    whole = value == value.to_integral_value()
    return format_currency(
        value,
        currency,
        locale=fmt_locale,
        format=("¤#,##,##0" if currency == "INR" else "¤#,##0") if whole else None,
        currency_digits=not whole,
        decimal_quantization=not whole,
    )


class ExchangeRate(db.Model):
    """How many INR one unit of ``currency`` buys, valid from ``effective_on`` (dated data)."""

    __tablename__ = "exchange_rate"
    __table_args__ = (
        UniqueConstraint("currency", "effective_on"),
        CheckConstraint("inr_per_unit > 0", name="positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    currency: Mapped[str] = mapped_column(String(3))
    inr_per_unit: Mapped[Decimal] = mapped_column(Numeric(18, 6))
    effective_on: Mapped[dt.date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(120), default="")


def convert(amount_inr: int, currency: str, rate: Decimal) -> int:
    """INR paise to minor units of ``currency`` at ``rate`` INR per unit, rounded half up."""
    if currency == BASE_CURRENCY:
        return amount_inr
    shift = Decimal(10) ** (EXPONENTS[currency] - EXPONENTS[BASE_CURRENCY])
    value = Decimal(amount_inr) * shift / Decimal(rate)
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def current_rates(on: dt.date | None = None) -> dict[str, tuple[Decimal, dt.date]]:
    """Latest rate per currency effective on ``on`` (default today): {currency: (rate, date)}."""
    on = on or dt.date.today()
    rows = db.session.execute(
        select(ExchangeRate.currency, ExchangeRate.inr_per_unit, ExchangeRate.effective_on)
        .where(ExchangeRate.effective_on <= on)
        .order_by(ExchangeRate.currency, ExchangeRate.effective_on)
    ).all()
    return {cur: (rate, day) for cur, rate, day in rows}  # later dates overwrite earlier


def init_app(app: Flask) -> None:
    app.jinja_env.filters["money"] = format_money
