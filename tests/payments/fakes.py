"""Small stateful fakes of Stripe and Razorpay at the HTTP boundary (``responses`` callbacks).

They enforce the gateways' real rules that our code depends on (auth, expire only while open,
refund only what was captured, idempotency keys) and sign webhooks and callbacks for real with
the test secrets. Unregistered URLs fail: ``responses`` raises ConnectionError for them.
"""

from __future__ import annotations

import itertools
import json
import re
import time
from typing import Any
from urllib.parse import parse_qsl

import requests
import responses
import stripe

STRIPE_KEY = "sk_test_x"
STRIPE_WHSEC = "whsec_test"
RZP_KEY_ID = "rzp_test_x"
RZP_KEY_SECRET = "rzp_secret_test"
RZP_WHSEC = "rzp_webhook_secret_test"
KEYS = {
    "STRIPE_SECRET_KEY": STRIPE_KEY,
    "STRIPE_WEBHOOK_SECRET": STRIPE_WHSEC,
    "RAZORPAY_KEY_ID": RZP_KEY_ID,
    "RAZORPAY_KEY_SECRET": RZP_KEY_SECRET,
    "RAZORPAY_WEBHOOK_SECRET": RZP_WHSEC,
}
_ids = itertools.count(1000)


def _id(prefix: str) -> str:
    return f"{prefix}_Fk{next(_ids)}"


def _json(status: int, body: Any) -> tuple[int, dict[str, str], str]:
    return status, {"Content-Type": "application/json"}, json.dumps(body)


Signed = tuple[bytes, dict[str, str]]


def _sub(form: dict[str, str], prefix: str) -> dict[str, str]:
    """``metadata[order_id]=7`` -> ``{"order_id": "7"}`` for one bracketed prefix."""
    return {k[len(prefix) + 1 : -1]: v for k, v in form.items() if k.startswith(prefix + "[")}


# -- Stripe -----------------------------------------------------------------------------------


class FakeStripe:
    """Checkout Sessions, PaymentIntents (as paid by the buyer) and refunds."""

    BASE = "https://api.stripe.com"

    def __init__(self, rsps: responses.RequestsMock) -> None:
        self.sessions: dict[str, dict[str, Any]] = {}
        self.intents: dict[str, dict[str, Any]] = {}
        self.refunds: dict[str, dict[str, Any]] = {}
        self.calls: list[dict[str, Any]] = []  # method, path, form, headers
        self._idem: dict[str, tuple[list[tuple[str, str]], tuple[int, dict[str, str], str]]] = {}
        self.fail_next: Exception | tuple[int, dict[str, Any]] | None = None
        self.refund_status = "succeeded"  # card refunds usually; "pending" for slow ones
        sid = r"(cs_[A-Za-z0-9_]+)"
        base = re.escape(self.BASE)
        rsps.add_callback("POST", f"{self.BASE}/v1/checkout/sessions", self._guard(self._create))
        rsps.add_callback(
            "GET", re.compile(rf"{base}/v1/checkout/sessions/{sid}(\?.*)?$"), self._guard(self._get)
        )
        rsps.add_callback(
            "POST",
            re.compile(rf"{base}/v1/checkout/sessions/{sid}/expire$"),
            self._guard(self._expire),
        )
        rsps.add_callback("POST", f"{self.BASE}/v1/refunds", self._guard(self._refund))

    # plumbing: auth, recorded calls, scripted failures, idempotency replay
    def _guard(self, handler: Any) -> Any:
        def callback(request: requests.PreparedRequest) -> Any:
            form = parse_qsl(request.body or "", keep_blank_values=True)
            self.calls.append(
                {
                    "method": request.method,
                    "path": request.path_url,
                    "form": dict(form),
                    "headers": dict(request.headers),
                }
            )
            if request.headers.get("Authorization") != f"Bearer {STRIPE_KEY}":
                return _json(
                    401, {"error": {"type": "invalid_request_error", "message": "bad key"}}
                )
            if self.fail_next is not None:
                failure, self.fail_next = self.fail_next, None
                if isinstance(failure, Exception):
                    return failure
                return _json(failure[0], failure[1])
            key = request.headers.get("Idempotency-Key")
            if request.method == "POST" and key in self._idem:
                seen, response = self._idem[key]
                if seen != form:
                    return _json(
                        400,
                        {
                            "error": {
                                "type": "idempotency_error",
                                "message": "Keys for idempotent requests can only "
                                "be used with the same parameters",
                            }
                        },
                    )
                return response
            response = handler(request, dict(form))
            if request.method == "POST" and key and response[0] < 500:
                self._idem[key] = (form, response)
            return response

        return callback

    def _create(self, request: requests.PreparedRequest, form: dict[str, str]) -> Any:
        now = int(time.time())
        expires = int(form.get("expires_at", now + 86400))
        if not now + 1800 <= expires <= now + 86400:
            return _json(
                400,
                {
                    "error": {
                        "type": "invalid_request_error",
                        "param": "expires_at",
                        "message": "expires_at must be 30 min to 24 h ahead",
                    }
                },
            )
        total, i = 0, 0
        while f"line_items[{i}][price_data][unit_amount]" in form:
            qty = int(form.get(f"line_items[{i}][quantity]", "1"))
            total += qty * int(form[f"line_items[{i}][price_data][unit_amount]"])
            i += 1
        total += int(form.get("shipping_options[0][shipping_rate_data][fixed_amount][amount]", 0))
        sid = _id("cs_test")
        session = {
            "id": sid,
            "object": "checkout.session",
            "url": f"https://checkout.stripe.com/c/pay/{sid}",
            "status": "open",
            "payment_status": "unpaid",
            "mode": form.get("mode"),
            "amount_total": total,
            "currency": form.get("line_items[0][price_data][currency]"),
            "client_reference_id": form.get("client_reference_id"),
            "customer_email": form.get("customer_email"),
            "metadata": _sub(form, "metadata"),
            "pi_metadata": _sub(form, "payment_intent_data[metadata]"),
            "payment_intent": None,
            "expires_at": expires,
            "livemode": False,
            "success_url": form.get("success_url"),
        }
        self.sessions[sid] = session
        return _json(200, self._public(session))

    @staticmethod
    def _public(session: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in session.items() if k != "pi_metadata"}

    def _get(self, request: requests.PreparedRequest, form: dict[str, str]) -> Any:
        sid = request.path_url.split("?")[0].rsplit("/", 1)[1]
        if sid not in self.sessions:
            return _json(
                404,
                {
                    "error": {
                        "type": "invalid_request_error",
                        "code": "resource_missing",
                        "message": f"No such checkout.session: '{sid}'",
                    }
                },
            )
        return _json(200, self._public(self.sessions[sid]))

    def _expire(self, request: requests.PreparedRequest, form: dict[str, str]) -> Any:
        sid = request.path_url.split("/")[-2]
        session = self.sessions.get(sid)
        if session is None or session["status"] != "open":
            return _json(
                400,
                {
                    "error": {
                        "type": "invalid_request_error",
                        "message": "Only Checkout Sessions with a status of open can be expired.",
                    }
                },
            )
        session["status"] = "expired"
        return _json(200, self._public(session))

    def _refund(self, request: requests.PreparedRequest, form: dict[str, str]) -> Any:
        pi = self.intents.get(form.get("payment_intent", ""))
        if pi is None or pi["status"] != "succeeded":
            return _json(
                400,
                {
                    "error": {
                        "type": "invalid_request_error",
                        "code": "resource_missing",
                        "message": "No such payment_intent",
                    }
                },
            )
        left = pi["amount_received"] - pi["amount_refunded"]
        amount = int(form.get("amount", left))
        if left <= 0:
            return _json(
                400,
                {
                    "error": {
                        "type": "invalid_request_error",
                        "code": "charge_already_refunded",
                        "message": "Charge has already been refunded.",
                    }
                },
            )
        if amount > left:
            return _json(
                400,
                {
                    "error": {
                        "type": "invalid_request_error",
                        "code": "amount_too_large",
                        "message": "Refund amount is greater than unrefunded amount on charge",
                    }
                },
            )
        pi["amount_refunded"] += amount
        refund = {
            "id": _id("re"),
            "object": "refund",
            "amount": amount,
            "currency": pi["currency"],
            "payment_intent": pi["id"],
            "charge": pi["latest_charge"],
            "status": self.refund_status,
            "metadata": _sub(form, "metadata"),
        }
        self.refunds[refund["id"]] = refund
        return _json(200, refund)

    # -- what tests drive ---------------------------------------------------------------------

    def create_calls(self) -> list[dict[str, Any]]:
        return [
            c for c in self.calls if c["method"] == "POST" and c["path"] == "/v1/checkout/sessions"
        ]

    def buyer_pays(
        self,
        sid: str,
        *,
        amount: int | None = None,
        currency: str | None = None,
        payment_status: str = "paid",
        ts: int | None = None,
    ) -> Signed:
        """The buyer completes the hosted page: returns the signed checkout.session.completed."""
        session = self.sessions[sid]
        assert session["status"] == "open", "Stripe only lets an open session be paid"
        if amount is not None:
            session["amount_total"] = amount
        if currency is not None:
            session["currency"] = currency
        pi_id = _id("pi")
        session.update(status="complete", payment_status=payment_status, payment_intent=pi_id)
        self.intents[pi_id] = {
            "id": pi_id,
            "amount_received": session["amount_total"] if payment_status == "paid" else 0,
            "amount_refunded": 0,
            "currency": session["currency"],
            "latest_charge": _id("ch"),
            "status": "succeeded" if payment_status == "paid" else "processing",
            "metadata": dict(session["pi_metadata"]),
        }
        return self.sign(self.event("checkout.session.completed", self._public(session)), ts=ts)

    def async_result(self, sid: str, succeeded: bool = True) -> Signed:
        session = self.sessions[sid]
        pi = self.intents[session["payment_intent"]]
        if succeeded:
            session["payment_status"] = "paid"
            pi.update(status="succeeded", amount_received=session["amount_total"])
            kind = "checkout.session.async_payment_succeeded"
        else:
            pi["status"] = "requires_payment_method"
            kind = "checkout.session.async_payment_failed"
        return self.sign(self.event(kind, self._public(session)))

    def expire(self, sid: str) -> Signed:
        """The session times out (only while open) and Stripe sends checkout.session.expired."""
        session = self.sessions[sid]
        assert session["status"] == "open"
        session["status"] = "expired"
        return self.sign(self.event("checkout.session.expired", self._public(session)))

    def expired_event(self, sid: str) -> Signed:
        """A (late) expired event carrying an expired copy of the session, whatever its state."""
        return self.sign(
            self.event(
                "checkout.session.expired",
                {**self._public(self.sessions[sid]), "status": "expired"},
            )
        )

    def charge_refunded(self, pi_id: str, with_metadata: bool = True) -> Signed:
        pi = self.intents[pi_id]
        charge = {
            "id": pi["latest_charge"],
            "object": "charge",
            "amount": pi["amount_received"],
            "amount_captured": pi["amount_received"],
            "amount_refunded": pi["amount_refunded"],
            "refunded": pi["amount_refunded"] >= pi["amount_received"],
            "currency": pi["currency"],
            "payment_intent": pi_id,
            "metadata": dict(pi["metadata"]) if with_metadata else {},
            "refunds": None,
        }
        return self.sign(self.event("charge.refunded", charge))

    @staticmethod
    def event(kind: str, obj: dict[str, Any], event_id: str | None = None) -> dict[str, Any]:
        return {
            "id": event_id or _id("evt"),
            "object": "event",
            "api_version": "2026-10-28.endive",
            "created": int(time.time()),
            "livemode": False,
            "pending_webhooks": 1,
            "request": {"id": None, "idempotency_key": None},
            "type": kind,
            "data": {"object": obj},
        }

    @staticmethod
    def sign(event: dict[str, Any], ts: int | None = None, secret: str = STRIPE_WHSEC) -> Signed:
        body = json.dumps(event, indent=2)
        header = stripe.WebhookSignature.generate_signature_header(
            body, secret, ts or int(time.time())
        )
        return body.encode(), {"Stripe-Signature": header, "Content-Type": "application/json"}
