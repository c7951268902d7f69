"""The offline test gateway: a local "pay" page instead of a payment provider. No money moves.

Only offered when ENV_NAME is not production and "fake" is in PAYMENT_GATEWAYS (ProductionConfig
refuses to start with it). The pay page lives under the checkout blueprint
(``/<lang>/checkout/test-pay/<token>``) and hands the buyer's choice to ``settle``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Mapping
from typing import Any

from storefront.payments.base import (
    InvalidSignature,
    PaymentFacts,
    PaymentStart,
    RefundResult,
    Status,
    WebhookEvent,
)

SESSION_MINUTES = 30


class FakeGateway:
    name = "fake"
    currencies = frozenset({"INR", "USD", "EUR", "GBP"})

    def __init__(self, config: Mapping[str, Any]) -> None:
        self.config = config

    def is_configured(self, config: Mapping[str, Any] | None = None) -> bool:
        cfg = config if config is not None else self.config
        return cfg.get("ENV_NAME") != "production" and "fake" in cfg.get("PAYMENT_GATEWAYS", ())

    def start(self, order: Any, return_url: str, cancel_url: str) -> PaymentStart:
        ref = order.provider_ref if (order.provider_ref or "").startswith("fake_") else None
        expires = order.payment_expires_at or (
            dt.datetime.now(dt.UTC) + dt.timedelta(minutes=SESSION_MINUTES)
        )
        if expires.tzinfo is None:  # SQLite hands back naive UTC
            expires = expires.replace(tzinfo=dt.UTC)
        return PaymentStart(
            provider_ref=ref or f"fake_{secrets.token_hex(12)}",
            expires_at=expires,
            redirect_url=f"/{order.lang}/checkout/test-pay/{order.token}",
        )

    def facts(self, order: Any, outcome: Status) -> PaymentFacts:
        """What the pay page's buttons report: the full amount paid, or a failed attempt."""
        ref = order.provider_ref or ""
        return PaymentFacts(
            provider=self.name,
            provider_ref=ref,
            status=outcome,
            amount=order.total_minor if outcome == "paid" else 0,
            currency=order.currency,
            order_id=order.id,
            payment_ref="fakepay_" + hashlib.sha256(ref.encode()).hexdigest()[:16],
        )

    def verify_return(self, order: Any, params: Mapping[str, str]) -> PaymentFacts:
        outcome = params.get("outcome")
        if outcome not in ("paid", "failed"):
            raise InvalidSignature("unknown test outcome")
        return self.facts(order, outcome)  # type: ignore[arg-type]

    def parse_webhook(self, raw_body: bytes, headers: Mapping[str, str]) -> WebhookEvent:
        raise InvalidSignature("the test gateway sends no webhooks")

    def fetch(self, order: Any) -> PaymentFacts | None:
        return None  # the test page settles directly; nothing to ask

    def refund(self, payment_ref: str, amount: int, currency: str, key: str) -> RefundResult:
        ref = "fakere_" + hashlib.sha256(key.encode()).hexdigest()[:16]
        return RefundResult(provider_refund_ref=ref, amount=amount, status="succeeded")

    def cancel(self, order: Any) -> None:
        return None
