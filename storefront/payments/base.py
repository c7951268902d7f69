"""The gateway interface: typed outcomes in, typed outcomes out. No gateway SDK leaks past here.

A gateway may rely on these attributes of an ``Order`` (storefront.orders.models.Order):
``id``, ``number`` (human reference, e.g. "BKR-2026-000123"), ``token`` (URL token), ``currency``,
``total_minor`` (int, minor units), ``email``, ``phone``, ``lang``, ``payment_expires_at``
(aware datetime), ``provider_ref`` (session/order id at the gateway, or None) and ``lines``,
each with ``title``, ``sku``, ``amount_minor``; plus ``shipping_minor`` and ``tax_minor``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

Status = Literal["paid", "pending", "failed", "expired", "refunded", "partially_refunded"]


class PaymentError(Exception):
    """Base of the payment error vocabulary."""


class GatewayError(PaymentError):
    """The gateway failed or timed out; log it, show a generic translated message."""


class PaymentDeclined(PaymentError):
    """Expected refusal the buyer can act on (card declined, cancelled)."""


class InvalidSignature(PaymentError):
    """A webhook or callback signature did not verify: answer 400, change nothing."""


class PaymentMismatch(PaymentError):
    """Amount, currency or order binding does not match what we asked for."""


@dataclass(frozen=True, slots=True)
class PaymentStart:
    """What the buyer's browser does next after an order is placed."""

    provider_ref: str  # Stripe cs_..., Razorpay order_..., fake id
    expires_at: dt.datetime
    redirect_url: str | None = None  # Stripe hosted page, fake gateway page
    client_params: Mapping[str, Any] = field(default_factory=dict)  # Razorpay Checkout options


@dataclass(frozen=True, slots=True)
class PaymentFacts:
    """What the gateway says happened to one payment, after verification."""

    provider: str
    provider_ref: str  # the session/order id we created
    status: Status
    amount: int  # minor units actually paid (or attempted)
    currency: str  # ISO, upper case
    order_id: int | None = None  # our Order.id from metadata/notes, when present
    payment_ref: str | None = None  # Stripe pi_..., Razorpay pay_...
    refunded_amount: int = 0  # cumulative


@dataclass(frozen=True, slots=True)
class WebhookEvent:
    """A verified webhook: its unique id (for the event log), type and the facts it carries."""

    provider: str
    event_id: str
    type: str
    facts: PaymentFacts | None  # None for events we record but do not act on
    payload: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RefundResult:
    provider_refund_ref: str
    amount: int
    status: Literal["pending", "succeeded", "failed"]


class Gateway(Protocol):
    """One payment provider. Implementations live in ``<name>_gateway.py``."""

    name: str
    currencies: frozenset[str]

    def is_configured(self, config: Mapping[str, Any]) -> bool:
        """True when the keys it needs are set (a gateway without keys is not offered)."""

    def start(self, order: Any, return_url: str, cancel_url: str) -> PaymentStart:
        """Create the payment session at the gateway for ``order`` (amounts from our DB)."""

    def verify_return(self, order: Any, params: Mapping[str, str]) -> PaymentFacts:
        """Verify the buyer's return/callback (signature and server-side fetch)."""

    def parse_webhook(self, raw_body: bytes, headers: Mapping[str, str]) -> WebhookEvent:
        """Verify the signature over the raw body, then parse. Raises InvalidSignature."""

    def fetch(self, order: Any) -> PaymentFacts | None:
        """Ask the gateway what happened to ``order``'s payment (reconciliation)."""

    def refund(self, payment_ref: str, amount: int, currency: str, key: str) -> RefundResult:
        """Refund ``amount`` minor units of a captured payment (idempotent on ``key``)."""

    def cancel(self, order: Any) -> None:
        """Best effort: stop the open session (Stripe expire); no-op where not possible."""
