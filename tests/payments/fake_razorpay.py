"""A small stateful fake of Razorpay's Orders, Payments and Refunds APIs (``responses`` callbacks).

Basic auth with the test key id and secret; refunds only of captured money, idempotent on
``X-Refund-Idempotency``; callbacks and webhooks signed for real with the test secrets.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import time
from dataclasses import dataclass, field
from typing import Any

import requests
import responses

from tests.payments.fakes import RZP_KEY_ID, RZP_KEY_SECRET, RZP_WHSEC, Signed, _id, _json


@dataclass
class RazorpayPayment:
    entity: dict[str, Any]
    callback: dict[str, str] = field(default_factory=dict)


class FakeRazorpay:
    """Orders, payments inside them and refunds; Basic auth with the test key id and secret."""

    BASE = "https://api.razorpay.com"

    def __init__(self, rsps: responses.RequestsMock) -> None:
        self.orders: dict[str, dict[str, Any]] = {}
        self.payments: dict[str, dict[str, Any]] = {}
        self.refunds: dict[str, dict[str, Any]] = {}
        self.calls: list[dict[str, Any]] = []
        self._idem: dict[str, tuple[Any, Any]] = {}
        self.fail_next: Exception | tuple[int, dict[str, Any]] | None = None
        base = re.escape(self.BASE)
        rsps.add_callback("POST", f"{self.BASE}/v1/orders", self._guard(self._create_order))
        rsps.add_callback(
            "GET",
            re.compile(rf"{base}/v1/orders/(order_\w+)/payments(\?.*)?$"),
            self._guard(self._order_payments),
        )
        rsps.add_callback(
            "GET", re.compile(rf"{base}/v1/payments/(pay_\w+)(\?.*)?$"), self._guard(self._payment)
        )
        rsps.add_callback(
            "POST", re.compile(rf"{base}/v1/payments/(pay_\w+)/refund$"), self._guard(self._refund)
        )

    def _guard(self, handler: Any) -> Any:
        expected = "Basic " + base64.b64encode(f"{RZP_KEY_ID}:{RZP_KEY_SECRET}".encode()).decode()

        def callback(request: requests.PreparedRequest) -> Any:
            body = json.loads(request.body) if request.body else {}
            self.calls.append(
                {
                    "method": request.method,
                    "path": request.path_url,
                    "json": body,
                    "headers": dict(request.headers),
                }
            )
            if request.headers.get("Authorization") != expected:
                return _json(
                    401,
                    {
                        "error": {
                            "code": "BAD_REQUEST_ERROR",
                            "description": "Authentication failed",
                        }
                    },
                )
            if self.fail_next is not None:
                failure, self.fail_next = self.fail_next, None
                return failure if isinstance(failure, Exception) else _json(*failure)
            return handler(request, body)

        return callback

    @staticmethod
    def _bad(description: str) -> Any:
        return _json(400, {"error": {"code": "BAD_REQUEST_ERROR", "description": description}})

    def _create_order(self, request: requests.PreparedRequest, body: dict[str, Any]) -> Any:
        if not isinstance(body.get("amount"), int) or body["amount"] < 100:
            return self._bad("The amount must be at least INR 1.00")
        if len(str(body.get("receipt", ""))) > 40:
            return self._bad("receipt: The receipt may not be greater than 40 characters.")
        order = {
            "id": _id("order"),
            "entity": "order",
            "amount": body["amount"],
            "amount_paid": 0,
            "amount_due": body["amount"],
            "currency": body.get("currency", "INR"),
            "receipt": body.get("receipt"),
            "status": "created",
            "attempts": 0,
            "notes": body.get("notes") or {},
            "created_at": int(time.time()),
        }
        self.orders[order["id"]] = order
        return _json(200, order)

    def _order_payments(self, request: requests.PreparedRequest, body: dict[str, Any]) -> Any:
        oid = request.path_url.split("/")[3]
        if oid not in self.orders:
            return self._bad("The id provided does not exist")
        items = [p for p in self.payments.values() if p["order_id"] == oid]
        return _json(200, {"entity": "collection", "count": len(items), "items": items})

    def _payment(self, request: requests.PreparedRequest, body: dict[str, Any]) -> Any:
        pid = request.path_url.split("?")[0].rsplit("/", 1)[1]
        if pid not in self.payments:
            return self._bad("The id provided does not exist")
        return _json(200, self.payments[pid])

    def _refund(self, request: requests.PreparedRequest, body: dict[str, Any]) -> Any:
        key = request.headers.get("X-Refund-Idempotency")
        if key is not None and (len(key) < 10 or not re.fullmatch(r"[A-Za-z0-9_-]+", key)):
            return self._bad("Invalid idempotency key")
        if key in self._idem:
            seen, response = self._idem[key]
            if seen != body:
                return self._bad(
                    "Different request with the same idempotency key has already been processed."
                )
            return response
        payment = self.payments.get(request.path_url.split("/")[3])
        if payment is None or payment["status"] not in ("captured", "refunded"):
            return self._bad("Only captured payments can be refunded")
        left = payment["amount"] - payment["amount_refunded"]
        amount = int(body.get("amount", left))
        if amount <= 0 or amount > left:
            return self._bad("The refund amount provided is greater than amount captured")
        payment["amount_refunded"] += amount
        payment["refund_status"] = "full" if amount == left else "partial"
        if payment["amount_refunded"] == payment["amount"]:
            payment["status"] = "refunded"
        refund = {
            "id": _id("rfnd"),
            "entity": "refund",
            "amount": amount,
            "currency": "INR",
            "payment_id": payment["id"],
            "notes": body.get("notes") or {},
            "receipt": body.get("receipt"),
            "status": "processed",
        }
        self.refunds[refund["id"]] = refund
        response = _json(200, refund)
        if key:
            self._idem[key] = (body, response)
        return response

    # -- what tests drive ---------------------------------------------------------------------

    def buyer_pays(
        self,
        order_id: str,
        *,
        amount: int | None = None,
        currency: str = "INR",
        status: str = "captured",
        bound_to: str | None = None,
    ) -> RazorpayPayment:
        """The buyer pays inside Razorpay order ``order_id``; returns the signed callback form."""
        order = self.orders[order_id]
        pay_id = _id("pay")
        entity = {
            "id": pay_id,
            "entity": "payment",
            "amount": amount or order["amount"],
            "currency": currency,
            "status": status,
            "order_id": bound_to or order_id,
            "method": "upi",
            "captured": status == "captured",
            "international": False,
            "amount_refunded": 0,
            "refund_status": None,
            "notes": dict(order["notes"]),
            "email": "buyer@example.com",
            "contact": "+919812345678",
            "vpa": "success@razorpay",
            "created_at": int(time.time()),
        }
        self.payments[pay_id] = entity
        order["attempts"] += 1
        if status == "captured":
            order.update(status="paid", amount_paid=entity["amount"], amount_due=0)
        return RazorpayPayment(entity, callback=self.callback_form(order_id, pay_id))

    @staticmethod
    def callback_form(order_id: str, pay_id: str, secret: str = RZP_KEY_SECRET) -> dict[str, str]:
        sig = hmac.new(secret.encode(), f"{order_id}|{pay_id}".encode(), hashlib.sha256).hexdigest()
        return {
            "razorpay_payment_id": pay_id,
            "razorpay_order_id": order_id,
            "razorpay_signature": sig,
        }

    def webhook(
        self,
        kind: str,
        payment: dict[str, Any],
        *,
        event_id: str | None = None,
        secret: str = RZP_WHSEC,
        refund: dict[str, Any] | None = None,
    ) -> Signed:
        payload: dict[str, Any] = {"payment": {"entity": dict(payment)}}
        contains = ["payment"]
        if kind == "order.paid":
            payload["order"] = {"entity": dict(self.orders[payment["order_id"]])}
            contains.append("order")
        if refund is not None:
            payload["refund"] = {"entity": dict(refund)}
            contains.insert(0, "refund")
        event = {
            "entity": "event",
            "account_id": "acc_Fake",
            "event": kind,
            "contains": contains,
            "payload": payload,
            "created_at": int(time.time()),
        }
        body = json.dumps(event, ensure_ascii=False).encode()
        sig = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
        return body, {
            "X-Razorpay-Signature": sig,
            "X-Razorpay-Event-Id": event_id or _id("evt"),
            "Content-Type": "application/json",
        }
