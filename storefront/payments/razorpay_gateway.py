"""Razorpay (INR): Orders API + Standard Checkout in redirect mode, verified callbacks and webhooks.

Two different HMACs: the checkout callback is keyed with the API key secret over
``order_id|payment_id``; webhooks are keyed with the webhook secret over the raw body.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import cached_property
from typing import Any, TypeVar

import razorpay
import requests
from flask import url_for

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
TIMEOUT = (5, 20)  # connect, read seconds
HOLD = dt.timedelta(minutes=30)  # when the order carries no payment expiry yet
# Better payment first when an order has several (retries inside one Razorpay order).
RANK = {"captured": 3, "refunded": 2, "authorized": 1}


class _TimeoutSession(requests.Session):
    """The SDK passes no timeout; never wait forever on the gateway."""

    def request(self, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        kwargs.setdefault("timeout", TIMEOUT)
        return super().request(*args, **kwargs)


class RazorpayGateway:
    name = "razorpay"
    currencies = frozenset({"INR"})

    def __init__(self, config: Mapping[str, Any]) -> None:
        self.config = config

    def is_configured(self, config: Mapping[str, Any] | None = None) -> bool:
        cfg = config if config is not None else self.config
        keys = ("RAZORPAY_KEY_ID", "RAZORPAY_KEY_SECRET", "RAZORPAY_WEBHOOK_SECRET")
        return all(cfg.get(k) for k in keys)

    @cached_property
    def client(self) -> razorpay.Client:
        return razorpay.Client(
            session=_TimeoutSession(),
            auth=(self.config["RAZORPAY_KEY_ID"], self.config["RAZORPAY_KEY_SECRET"]),
        )

    # -- starting a payment -------------------------------------------------------------------

    def start(self, order: Any, return_url: str, cancel_url: str) -> PaymentStart:
        """Create the Razorpay order once (the buyer may retry inside it); our page opens it."""
        if order.currency != "INR":
            raise PaymentMismatch(f"Razorpay takes INR only, not {order.currency}")
        ref = order.provider_ref or ""
        if not ref.startswith("order_"):
            created = self._call(
                lambda: self.client.order.create(
                    {
                        "amount": order.total_minor,
                        "currency": "INR",
                        "receipt": (order.number or str(order.id))[:40],
                        "notes": {"order_id": str(order.id), "order_number": order.number or ""},
                        "partial_payment": False,
                    }
                )
            )
            if created.get("amount") != order.total_minor or created.get("currency") != "INR":
                raise GatewayError("razorpay order was created with another amount or currency")
            ref = created["id"]
        return PaymentStart(
            provider_ref=ref,
            expires_at=_aware(order.payment_expires_at) or _now() + HOLD,
            redirect_url=url_for("payments.razorpay_page", lang=order.lang, token=order.token),
            client_params=self.checkout_options(order, ref, callback_url=""),
        )

    def checkout_options(self, order: Any, ref: str, callback_url: str) -> dict[str, Any]:
        """Options for checkout.js (key id only, never the secret)."""
        expires = _aware(order.payment_expires_at) or _now() + HOLD
        return {
            "key": self.config["RAZORPAY_KEY_ID"],
            "order_id": ref,
            "amount": order.total_minor,
            "currency": "INR",
            "name": self.config.get("SELLER_NAME", "Bunkar"),
            "description": order.number or "",
            "prefill": {"email": order.email, "contact": order.phone},
            "notes": {"order_id": str(order.id)},
            "callback_url": callback_url,
            "redirect": True,
            # Close the checkout when the reservation ends (a later capture is refunded anyway).
            "timeout": max(60, int((expires - _now()).total_seconds())),
        }

    # -- learning what happened ---------------------------------------------------------------

    def verify_return(self, order: Any, params: Mapping[str, str]) -> PaymentFacts:
        """Check the callback signature against OUR stored order id, then fetch the payment."""
        ref = order.provider_ref or ""
        payment_id = params.get("razorpay_payment_id") or ""
        if not ref or params.get("razorpay_order_id") != ref or not payment_id:
            raise InvalidSignature("callback is not for this order")
        try:
            self.client.utility.verify_payment_signature(
                {
                    "razorpay_order_id": ref,
                    "razorpay_payment_id": payment_id,
                    "razorpay_signature": params.get("razorpay_signature") or "",
                }
            )
        except (razorpay.errors.SignatureVerificationError, TypeError) as exc:
            raise InvalidSignature("razorpay payment signature") from exc
        payment = self._call(lambda: self.client.payment.fetch(payment_id))
        if payment.get("order_id") != ref:
            raise PaymentMismatch("payment belongs to another Razorpay order")
        return payment_facts(payment)

    def fetch(self, order: Any) -> PaymentFacts | None:
        """The best payment made inside the order's Razorpay order, if any."""
        ref = order.provider_ref or ""
        if not ref.startswith("order_"):
            return None
        items = self._call(lambda: self.client.order.payments(ref)).get("items") or []
        items = [p for p in items if p.get("order_id") == ref and p.get("status") in RANK]
        if not items:
            return None
        return payment_facts(max(items, key=lambda p: RANK[p["status"]]))

    def parse_webhook(self, raw_body: bytes, headers: Mapping[str, str]) -> WebhookEvent:
        """Verify ``X-Razorpay-Signature`` (webhook secret, raw bytes), then map the event."""
        secret = (self.config.get("RAZORPAY_WEBHOOK_SECRET") or "").encode()
        given = (headers.get("X-Razorpay-Signature") or "").encode("ascii", "replace")
        expected = hmac.new(secret, raw_body, hashlib.sha256).hexdigest().encode()
        if not secret or not given or not hmac.compare_digest(expected, given):
            raise InvalidSignature("razorpay webhook signature")
        try:
            event = json.loads(raw_body)
        except ValueError as exc:
            raise InvalidSignature("razorpay webhook body is not JSON") from exc
        if not isinstance(event, dict) or not event.get("event"):
            raise InvalidSignature("not a Razorpay event")
        # The header id is the dedup key; a body hash stands in if it is ever missing.
        event_id = (
            headers.get("X-Razorpay-Event-Id") or "sha256:" + hashlib.sha256(raw_body).hexdigest()
        )
        kind = str(event["event"])
        return WebhookEvent(self.name, event_id, kind, event_facts(kind, event), event)

    # -- money back ---------------------------------------------------------------------------

    def refund(self, payment_ref: str, amount: int, currency: str, key: str) -> RefundResult:
        if currency != "INR":
            raise PaymentMismatch("Razorpay refunds are in INR")
        refund = self._call(
            lambda: self.client.payment.refund(
                payment_ref,
                {
                    "amount": amount,
                    "speed": "normal",
                    "receipt": key[:40],
                    "notes": {"refund_key": key},
                },
                headers={"X-Refund-Idempotency": idempotency_key(key)},
            ),
            declined=(razorpay.errors.BadRequestError,),
        )
        status = {"processed": "succeeded", "failed": "failed"}.get(
            refund.get("status") or "", "pending"
        )
        return RefundResult(refund["id"], int(refund.get("amount") or amount), status)

    def cancel(self, order: Any) -> None:
        """Razorpay orders cannot be closed; a late capture is refunded by settle()."""

    # -- plumbing -----------------------------------------------------------------------------

    @staticmethod
    def _call(fn: Callable[[], T], declined: tuple[type[Exception], ...] = ()) -> T:
        try:
            return fn()
        except declined as exc:
            raise PaymentDeclined(str(exc)) from exc
        except (
            razorpay.errors.BadRequestError,
            razorpay.errors.GatewayError,
            razorpay.errors.ServerError,
            requests.RequestException,
            ValueError,  # a non-JSON error page
        ) as exc:
            raise GatewayError(f"razorpay: {exc.__class__.__name__}: {exc}") from exc


def idempotency_key(key: str) -> str:
    """Razorpay wants 10+ characters of letters, digits, ``-`` and ``_``."""
    return re.sub(r"[^A-Za-z0-9_-]", "-", key).ljust(10, "_")


def payment_facts(payment: Mapping[str, Any]) -> PaymentFacts:
    """Facts of one payment entity: captured is paid; authorized is still pending."""
    status = {"captured": "paid", "authorized": "pending", "failed": "failed"}.get(
        payment.get("status") or "", "pending"
    )
    refunded = int(payment.get("amount_refunded") or 0)
    amount = int(payment.get("amount") or 0)
    if payment.get("captured") and refunded:
        status = "refunded" if refunded >= amount else "partially_refunded"
    return PaymentFacts(
        provider="razorpay",
        provider_ref=str(payment.get("order_id") or ""),
        status=status,  # type: ignore[arg-type]
        amount=amount,
        currency=str(payment.get("currency") or "").upper(),
        order_id=_order_id(payment.get("notes")),
        payment_ref=payment.get("id"),
        refunded_amount=refunded,
    )


def event_facts(kind: str, event: Mapping[str, Any]) -> PaymentFacts | None:
    """Captured payments settle; refund.processed syncs refunds; failures are only recorded."""
    payload = event.get("payload") or {}
    payment = ((payload.get("payment") or {}).get("entity")) or {}
    if kind in {"payment.captured", "order.paid", "payment.authorized"} and payment:
        facts = payment_facts(payment)
        order = ((payload.get("order") or {}).get("entity")) or {}
        if facts.order_id is None and order:
            facts = _with_order_id(facts, _order_id(order.get("notes")))
        return facts
    if kind == "refund.processed" and payment.get("captured"):
        return payment_facts(payment)  # uncaptured auto-refunds moved no money of ours
    return None  # payment.failed can be followed by payment.captured: never terminal


def _with_order_id(facts: PaymentFacts, order_id: int | None) -> PaymentFacts:
    return replace(facts, order_id=order_id)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


def _order_id(notes: Any) -> int | None:
    raw = notes.get("order_id") if isinstance(notes, Mapping) else None
    return int(raw) if raw is not None and str(raw).isdigit() else None
