"""Stripe hosted Checkout (USD, EUR, GBP): sessions, verified webhooks, refunds.

Amounts come only from our order rows. Webhooks are verified with ``stripe.Webhook.construct_event``
on the raw body; every SDK failure becomes ``GatewayError`` or ``PaymentDeclined``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from functools import cached_property
from typing import Any, TypeVar

import stripe
from flask_babel import gettext as _

from storefront.payments.base import (
    GatewayError,
    InvalidSignature,
    PaymentDeclined,
    PaymentFacts,
    PaymentMismatch,
    PaymentStart,
    RefundResult,
    WebhookEvent,
)

T = TypeVar("T")
TOLERANCE = 300  # seconds a signed webhook stays valid
MIN_SESSION = dt.timedelta(minutes=30, seconds=30)  # Stripe needs expires_at >= now + 30 min
TIMEOUT = (5, 25)  # connect, read seconds
_MARGIN = dt.timedelta(minutes=2)  # an open session this close to expiry is not reused
# Session-level events carry the session; charge events carry the charge.
SESSION_EVENTS = {
    "checkout.session.completed",
    "checkout.session.async_payment_succeeded",
    "checkout.session.async_payment_failed",
    "checkout.session.expired",
}


class StripeGateway:
    name = "stripe"
    currencies = frozenset({"USD", "EUR", "GBP"})

    def __init__(self, config: Mapping[str, Any]) -> None:
        self.config = config

    def is_configured(self, config: Mapping[str, Any] | None = None) -> bool:
        cfg = config if config is not None else self.config
        return bool(cfg.get("STRIPE_SECRET_KEY") and cfg.get("STRIPE_WEBHOOK_SECRET"))

    @cached_property
    def client(self) -> stripe.StripeClient:
        base = self.config.get("STRIPE_API_BASE")
        return stripe.StripeClient(
            self.config["STRIPE_SECRET_KEY"],
            base_addresses={"api": base} if base else None,
            max_network_retries=0 if self.config.get("TESTING") else 2,
            http_client=stripe.RequestsClient(timeout=TIMEOUT),
        )

    # -- starting a payment -------------------------------------------------------------------

    def start(self, order: Any, return_url: str, cancel_url: str) -> PaymentStart:
        """Reuse the order's open session, else create one (idempotent per order and expiry)."""
        if order.currency not in self.currencies:
            raise PaymentMismatch(f"Stripe does not take {order.currency}")
        reused = self._open_session(order, return_url)
        if reused is not None:
            return reused
        expires_at = max(_aware(order.payment_expires_at), _now() + MIN_SESSION)
        params = self.session_params(order, return_url, cancel_url, expires_at)
        key = f"checkout:{order.id}:{int(expires_at.timestamp())}"
        session = self._call(
            lambda: self.client.v1.checkout.sessions.create(
                params=params, options={"idempotency_key": key}
            )
        ).to_dict()
        return PaymentStart(
            provider_ref=session["id"],
            expires_at=_from_ts(session.get("expires_at")) or expires_at,
            redirect_url=session["url"],
        )

    def session_params(
        self, order: Any, return_url: str, cancel_url: str, expires_at: dt.datetime
    ) -> dict[str, Any]:
        """The Checkout Session request: one line per rug, shipping as a shipping option."""
        cur = order.currency.lower()
        items: list[dict[str, Any]] = [
            {
                "quantity": 1,
                "price_data": {
                    "currency": cur,
                    "unit_amount": line.amount_minor,
                    "product_data": {"name": line.title[:250], "metadata": {"sku": line.sku}},
                },
            }
            for line in order.lines
        ]
        if order.tax_minor:  # exports are zero-rated; kept so the total always matches
            items.append(_fee_line(cur, order.tax_minor, _("Tax")))
        total = sum(line.amount_minor for line in order.lines) + order.shipping_minor
        if total + order.tax_minor != order.total_minor:
            raise PaymentMismatch(f"order {order.id}: lines do not add up to the total")
        sep = "&" if "?" in return_url else "?"
        meta = {"order_id": str(order.id), "order_number": order.number or ""}
        params: dict[str, Any] = {
            "mode": "payment",
            "line_items": items,
            # Literal braces: Stripe substitutes the id (url_for would percent-encode them).
            "success_url": return_url + sep + "session_id={CHECKOUT_SESSION_ID}",
            "cancel_url": cancel_url,
            "client_reference_id": order.number or str(order.id),
            "customer_email": order.email,
            "metadata": meta,
            "payment_intent_data": {"metadata": meta},
            "expires_at": int(expires_at.timestamp()),
            "adaptive_pricing": {"enabled": False},
            "automatic_tax": {"enabled": False},
            # Cards and wallets only: no multi-day bank debits holding a one-of-a-kind rug.
            "allowed_payment_method_types": ["card"],
        }
        if order.shipping_minor:
            params["shipping_options"] = [
                {
                    "shipping_rate_data": {
                        "type": "fixed_amount",
                        "display_name": _("Insured shipping"),
                        "fixed_amount": {"amount": order.shipping_minor, "currency": cur},
                    }
                }
            ]
        return params

    def _open_session(self, order: Any, return_url: str) -> PaymentStart | None:
        ref = order.provider_ref or ""
        if not ref.startswith("cs_"):
            return None
        session = self._retrieve(ref)
        expires_at = _from_ts(session.get("expires_at"))
        if session.get("status") == "open" and expires_at and expires_at > _now() + _MARGIN:
            return PaymentStart(ref, expires_at, redirect_url=session.get("url"))
        if session.get("status") == "complete":  # paid already: the return page settles it
            sep = "&" if "?" in return_url else "?"
            return PaymentStart(
                ref, expires_at or _now(), redirect_url=f"{return_url}{sep}session_id={ref}"
            )
        return None

    # -- learning what happened ---------------------------------------------------------------

    def verify_return(self, order: Any, params: Mapping[str, str]) -> PaymentFacts:
        """Never trust the query string: retrieve the session and check it is this order's."""
        session_id = params.get("session_id") or ""
        if not session_id.startswith("cs_") or session_id != order.provider_ref:
            raise PaymentMismatch("session does not belong to this order")
        facts = session_facts(self._retrieve(session_id))
        if facts.order_id is not None and facts.order_id != order.id:
            raise PaymentMismatch("session metadata names another order")
        return facts

    def fetch(self, order: Any) -> PaymentFacts | None:
        ref = order.provider_ref or ""
        return session_facts(self._retrieve(ref)) if ref.startswith("cs_") else None

    def parse_webhook(self, raw_body: bytes, headers: Mapping[str, str]) -> WebhookEvent:
        """Verify ``Stripe-Signature`` over the exact bytes, then map the event to facts."""
        try:
            stripe.Webhook.construct_event(
                raw_body,
                headers.get("Stripe-Signature") or "",
                self.config.get("STRIPE_WEBHOOK_SECRET") or "",
                tolerance=TOLERANCE,
            )
            event = json.loads(raw_body)
        except (stripe.SignatureVerificationError, ValueError) as exc:
            raise InvalidSignature(str(exc)) from exc
        if not isinstance(event, dict) or not event.get("id") or not event.get("type"):
            raise InvalidSignature("not a Stripe event")
        obj = (event.get("data") or {}).get("object") or {}
        return WebhookEvent(
            provider=self.name,
            event_id=str(event["id"]),
            type=str(event["type"]),
            facts=event_facts(str(event["type"]), obj),
            payload=event,
        )

    # -- money back and cancelling ------------------------------------------------------------

    def refund(self, payment_ref: str, amount: int, currency: str, key: str) -> RefundResult:
        refund = self._call(
            lambda: self.client.v1.refunds.create(
                params={
                    "payment_intent": payment_ref,
                    "amount": amount,
                    "metadata": {"refund_key": key},
                },
                options={"idempotency_key": key},
            ),
            declined=(stripe.CardError, stripe.InvalidRequestError),
        ).to_dict()
        if str(refund.get("currency", currency)).upper() != currency.upper():
            raise PaymentMismatch("refund currency differs from the payment's")
        status = {"succeeded": "succeeded", "failed": "failed", "canceled": "failed"}.get(
            refund.get("status") or "", "pending"
        )
        return RefundResult(refund["id"], int(refund.get("amount") or amount), status)

    def cancel(self, order: Any) -> None:
        """Expire the open session; a session that is no longer open is left alone."""
        ref = order.provider_ref or ""
        if not ref.startswith("cs_"):
            return
        try:
            self._call(lambda: self.client.v1.checkout.sessions.expire(ref), declined=())
        except GatewayError as exc:
            if not isinstance(exc.__cause__, stripe.InvalidRequestError):
                raise

    # -- plumbing -----------------------------------------------------------------------------

    def _retrieve(self, session_id: str) -> dict[str, Any]:
        return self._call(lambda: self.client.v1.checkout.sessions.retrieve(session_id)).to_dict()

    @staticmethod
    def _call(
        fn: Callable[[], T], declined: tuple[type[Exception], ...] = (stripe.CardError,)
    ) -> T:
        try:
            return fn()
        except declined as exc:
            raise PaymentDeclined(getattr(exc, "user_message", None) or str(exc)) from exc
        except stripe.StripeError as exc:  # connection, timeout, 5xx, auth, bad request
            raise GatewayError(f"stripe: {exc.__class__.__name__}: {exc}") from exc


def session_facts(session: Mapping[str, Any], status: str | None = None) -> PaymentFacts:
    """What a Checkout Session says: paid only when ``payment_status`` is ``paid``."""
    if status is None:
        if session.get("status") == "expired":
            status = "expired"
        elif session.get("status") == "complete" and session.get("payment_status") == "paid":
            status = "paid"
        else:
            status = "pending"  # open, or complete but an async method has not cleared yet
    return PaymentFacts(
        provider="stripe",
        provider_ref=str(session.get("id") or ""),
        status=status,  # type: ignore[arg-type]
        amount=int(session.get("amount_total") or 0),
        currency=str(session.get("currency") or "").upper(),
        order_id=_order_id(session.get("metadata")),
        payment_ref=_ref(session.get("payment_intent")),
    )


def event_facts(kind: str, obj: Mapping[str, Any]) -> PaymentFacts | None:
    """Facts for the events we act on; None for events we only record."""
    if kind in SESSION_EVENTS:
        # A delayed method that failed ends a *completed* session: the buyer cannot retry in it,
        # so it releases the reservation like an expiry (payment_intent.payment_failed does not).
        forced = {
            "checkout.session.async_payment_failed": "expired",
            "checkout.session.expired": "expired",
        }.get(kind)
        return session_facts(obj, forced)
    if kind == "charge.refunded":  # cumulative; charge.refunds is not included any more
        pi = _ref(obj.get("payment_intent"))
        return PaymentFacts(
            provider="stripe",
            provider_ref=pi or "",
            status="refunded" if obj.get("refunded") else "partially_refunded",
            amount=int(obj.get("amount_captured") or obj.get("amount") or 0),
            currency=str(obj.get("currency") or "").upper(),
            order_id=_order_id(obj.get("metadata")),
            payment_ref=pi,
            refunded_amount=int(obj.get("amount_refunded") or 0),
        )
    return None  # payment_intent.payment_failed and others: one attempt, never terminal


def _fee_line(currency: str, amount: int, name: str) -> dict[str, Any]:
    return {
        "quantity": 1,
        "price_data": {"currency": currency, "unit_amount": amount, "product_data": {"name": name}},
    }


def _order_id(metadata: Any) -> int | None:
    raw = (metadata or {}).get("order_id") if isinstance(metadata, Mapping) else None
    return int(raw) if raw is not None and str(raw).isdigit() else None


def _ref(value: Any) -> str | None:
    if isinstance(value, Mapping):
        return value.get("id")
    return value or None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _aware(value: dt.datetime | None) -> dt.datetime:
    if value is None:
        return _now()
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _from_ts(value: Any) -> dt.datetime | None:
    return dt.datetime.fromtimestamp(int(value), dt.UTC) if value else None
