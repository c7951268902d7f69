"""Payments core: start a payment, ONE idempotent ``settle``, refunds and reconciliation.

``settle(facts)`` is called by the webhook, the return/callback page, the test-pay page and
``flask payments reconcile``. It locks the order row, checks amount, currency and order binding, and
moves the order forward only. Nothing here commits: callers commit once.
"""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy import func, select

from storefront.extensions import db
from storefront.orders import notify
from storefront.orders.models import Order
from storefront.orders.services import PAID_STATUSES, aware, lock_order, now, set_status
from storefront.orders.stock import consume_line, end_pending, hold_all, release_line
from storefront.payments import available_gateways, get_gateway
from storefront.payments.base import (
    GatewayError,
    PaymentError,
    PaymentFacts,
    PaymentMismatch,
    PaymentStart,
)
from storefront.payments.models import Payment, Refund

log = logging.getLogger(__name__)
RESERVATION_GRACE = dt.timedelta(minutes=5)  # webhooks may arrive a little after expiry
# Payment statuses after a capture. "mismatch" is money we do not keep (wrong amount, duplicate,
# or a carpet we can no longer deliver): it is refunded automatically.
DONE = frozenset({"paid", "partially_refunded", "refunded", "mismatch"})
KEPT = frozenset({"paid", "partially_refunded", "refunded"})


class OrderNotFound(PaymentError):
    """Facts that name no order of ours (store the event; reconciliation may match it later)."""


class GatewayUnavailable(PaymentError):
    """The chosen gateway is not enabled/configured or does not take the order's currency."""


class RefundNotAllowed(PaymentError):
    """Refund of nothing, of more than was paid, or of an order that was never paid."""


# -- starting ---------------------------------------------------------------------------------


def start_payment(
    order: Order, gateway_name: str, return_url: str, cancel_url: str
) -> PaymentStart:
    """Open a payment session for a committed pending order.

    On a gateway failure the reservation is released and the order cancelled, then the error is
    re-raised for the view to show a translated message.
    """
    if gateway_name not in available_gateways():
        raise GatewayUnavailable(gateway_name)
    gateway = get_gateway(gateway_name)
    if order.currency not in gateway.currencies:
        raise GatewayUnavailable(f"{gateway_name} does not take {order.currency}")
    order.payment_provider = gateway_name
    try:
        start = gateway.start(order, return_url, cancel_url)
    except Exception as exc:  # noqa: BLE001 - any failure at the boundary cancels cleanly
        log.warning("payment start failed for %s via %s: %r", order.number, gateway_name, exc)
        order.note = f"gateway error at start: {type(exc).__name__}"[:300]
        end_pending(order, "cancelled")
        raise exc if isinstance(exc, PaymentError) else GatewayError(str(exc)) from exc
    payment = db.session.scalar(select(Payment).where(Payment.provider_ref == start.provider_ref))
    if payment is None:
        payment = Payment(
            order_id=order.id,
            provider=gateway_name,
            provider_ref=start.provider_ref,
            amount=order.total_minor,
            currency=order.currency,
        )
        db.session.add(payment)
    order.provider_ref = start.provider_ref
    order.payment_url = start.redirect_url
    expires_at = aware(start.expires_at) or now()
    order.payment_expires_at = expires_at
    held_until = expires_at + RESERVATION_GRACE
    if order.reserved_until is None or aware(order.reserved_until) < held_until:
        order.reserved_until = held_until
    db.session.flush()
    return start


# -- settling ---------------------------------------------------------------------------------


def _find_order_id(facts: PaymentFacts) -> int:
    """Our order for these facts, checking the binding; OrderNotFound/PaymentMismatch if not."""
    payment = db.session.scalar(select(Payment).where(Payment.provider_ref == facts.provider_ref))
    if payment is not None and payment.provider != facts.provider:
        raise PaymentMismatch("payment belongs to another provider")
    order_id = payment.order_id if payment is not None else None
    if order_id is None:
        order_id = db.session.scalar(
            select(Order.id).where(
                Order.provider_ref == facts.provider_ref, Order.payment_provider == facts.provider
            )
        )
    if order_id is None:
        raise OrderNotFound(f"{facts.provider} {facts.provider_ref}")
    if facts.order_id is not None and facts.order_id != order_id:
        raise PaymentMismatch("facts name another order than the session")
    return order_id


def settle(facts: PaymentFacts) -> Order:
    """Apply verified gateway facts to their order, at most once. Safe to call concurrently."""
    order = lock_order(_find_order_id(facts))
    assert order is not None
    # Read the payment after taking the lock: a concurrent settle may just have committed it.
    payment = db.session.scalar(
        select(Payment)
        .where(Payment.provider_ref == facts.provider_ref)
        .execution_options(populate_existing=True)
    )
    if payment is None:
        payment = Payment(
            order_id=order.id,
            provider=facts.provider,
            provider_ref=facts.provider_ref,
            amount=order.total_minor,
            currency=order.currency,
        )
        db.session.add(payment)
        db.session.flush()
    if facts.status == "paid":
        _settle_paid(order, payment, facts)
    elif facts.status in ("refunded", "partially_refunded"):
        if payment.status not in DONE:
            _settle_paid(order, payment, facts)
        sync_refunded(order, payment, facts.refunded_amount)
    elif payment.status not in DONE:
        if facts.status == "pending":
            payment.status = "pending"  # Stripe delayed method: keep the reservation
        elif facts.status == "failed":
            payment.status = "failed"  # one failed attempt is never terminal
        elif facts.status == "expired":
            payment.status = "expired"
            if order.provider_ref == payment.provider_ref:
                end_pending(order, "expired")
    db.session.flush()
    return order


def _settle_paid(order: Order, payment: Payment, facts: PaymentFacts) -> None:
    ref = facts.payment_ref or facts.provider_ref
    if payment.status in DONE:
        if payment.payment_ref and ref != payment.payment_ref and facts.amount > 0:
            # A second capture inside the same session/order: keep the first, return this one.
            auto_refund(order, payment, facts.amount, "duplicate payment", payment_ref=ref)
        return
    payment.payment_ref = ref
    payment.captured_amount = facts.amount
    payment.captured_currency = facts.currency.upper()
    if facts.amount != payment.amount or facts.currency.upper() != payment.currency:
        payment.status = "mismatch"
        _cannot_keep(order, payment, "amount or currency does not match the order")
        return
    if order.status in PAID_STATUSES or order.status in ("needs_refund", "refunded"):
        payment.status = "mismatch"
        payment.note = "duplicate: order already settled by another payment"
        auto_refund(order, payment, facts.amount, "duplicate payment")
        return
    if order.status == "cancelled" or not hold_all(order):
        payment.status = "mismatch"
        _cannot_keep(order, payment, "carpet no longer available")
        return
    for line in order.lines:
        if not consume_line(line):  # impossible under the order lock; never sell unheld stock
            raise RuntimeError(f"order {order.number}: line {line.id} lost its hold")
    payment.status = "paid"
    set_status(order, "paid")
    order.paid_amount = facts.amount
    notify.queue_sale_mail(order)


def _cannot_keep(order: Order, payment: Payment, why: str) -> None:
    """Real money we cannot honour: needs_refund, release holds, and refund it exactly once."""
    if order.status == "pending_payment":
        for line in order.lines:
            release_line(line)
    if order.status in ("pending_payment", "expired", "cancelled"):
        set_status(order, "needs_refund")
    order.note = why[:300]
    payment.note = why[:300]
    auto_refund(order, payment, payment.captured_amount, why)
    notify.queue_refund_needed_mail(order, why)


# -- refunds ----------------------------------------------------------------------------------


def _open_refunds(payment: Payment) -> int:
    return db.session.scalar(
        select(func.coalesce(func.sum(Refund.amount), 0)).where(
            Refund.payment_id == payment.id,
            Refund.status.in_(("requested", "pending")),
            Refund.payment_ref == payment.payment_ref,
        )
    )


def auto_refund(
    order: Order, payment: Payment, amount: int, reason: str, payment_ref: str | None = None
) -> Refund | None:
    """The system's refund of a payment we cannot keep: one per captured payment (keyed)."""
    ref = payment_ref or payment.payment_ref or payment.provider_ref
    key = f"auto:{payment.provider}:{ref}"
    if amount <= 0 or db.session.scalar(select(Refund.id).where(Refund.idempotency_key == key)):
        return None
    return _request_refund(order, payment, amount, reason, key, "system", ref)


def refund(
    order: Order, amount: int, actor: str, reason: str = "", key: str | None = None
) -> Refund:
    """Staff refund of ``amount`` minor units (full or partial); never more than was paid."""
    order = lock_order(order.id) or order
    if order.status not in PAID_STATUSES:
        raise RefundNotAllowed("order is not paid")
    payment = db.session.scalar(
        select(Payment)
        .where(Payment.order_id == order.id, Payment.status.in_(("paid", "partially_refunded")))
        .order_by(Payment.id)
    )
    if payment is None:
        raise RefundNotAllowed("no captured payment")
    db.session.refresh(payment)
    left = payment.captured_amount - payment.refunded_amount - _open_refunds(payment)
    if amount <= 0 or amount > left:
        raise RefundNotAllowed(f"amount must be between 1 and {left}")
    count = db.session.scalar(select(func.count(Refund.id)).where(Refund.payment_id == payment.id))
    key = key or f"staff:{payment.id}:{count + 1}"
    if db.session.scalar(select(Refund.id).where(Refund.idempotency_key == key)):
        raise RefundNotAllowed("this refund was already requested")
    assert payment.payment_ref
    return _request_refund(order, payment, amount, reason, key, actor, payment.payment_ref)


def _request_refund(
    order: Order, payment: Payment, amount: int, reason: str, key: str, actor: str, ref: str
) -> Refund:
    row = Refund(
        payment_id=payment.id,
        order_id=order.id,
        payment_ref=ref,
        amount=amount,
        currency=payment.captured_currency or payment.currency,
        idempotency_key=key,
        reason=reason[:200],
        actor=actor[:120],
    )
    db.session.add(row)
    db.session.flush()  # the unique key makes a second identical refund impossible
    send_refund(order, payment, row)
    return row


def send_refund(order: Order, payment: Payment, row: Refund) -> None:
    """Ask the gateway (idempotent on the row's key); a network failure leaves it for reconcile."""
    try:
        result = get_gateway(payment.provider).refund(
            row.payment_ref, row.amount, row.currency, row.idempotency_key
        )
    except GatewayError as exc:
        log.warning("refund %s not sent yet: %s", row.idempotency_key, exc)
        return
    except PaymentError as exc:
        row.status = "failed"
        row.reason = f"{row.reason} ({exc})"[:200]
        return
    row.provider_refund_ref = result.provider_refund_ref
    row.status = "succeeded" if result.status == "succeeded" else result.status
    if row.status == "succeeded" and row.payment_ref == payment.payment_ref:
        sync_refunded(order, payment, payment.refunded_amount + row.amount, counted=row)


def sync_refunded(
    order: Order, payment: Payment, cumulative: int, counted: Refund | None = None
) -> None:
    """The gateway says ``cumulative`` of the payment is refunded: update payment and order."""
    cumulative = min(cumulative, payment.captured_amount)
    if cumulative <= payment.refunded_amount:
        return
    payment.refunded_amount = cumulative
    full = cumulative >= payment.captured_amount
    kept = payment.status in KEPT
    if kept:
        payment.status = "refunded" if full else "partially_refunded"
    settled = cumulative
    for row in payment.refunds:
        if row is counted or row.payment_ref != payment.payment_ref:
            continue
        if row.status in ("requested", "pending") and row.amount <= settled:
            row.status = "succeeded"
        if row.status == "succeeded":
            settled -= row.amount
    if not kept:
        if order.status == "needs_refund" and full:
            set_status(order, "refunded")
    elif order.status in PAID_STATUSES:
        order.refunded_amount = cumulative
        new = "refunded" if full else "partially_refunded"
        if new != order.status:
            set_status(order, new)


# -- reconciliation (``flask payments reconcile``) ----------------------------------------------

LATE_WINDOW = dt.timedelta(days=3)  # Razorpay late authorisations can take days


def reconcile_ids(at: dt.datetime | None = None) -> list[int]:
    """Pending orders, and recently expired/cancelled ones a late payment could still land on."""
    at = at or now()
    recent = (Order.status.in_(("expired", "cancelled"))) & (Order.updated_at >= at - LATE_WINDOW)
    query = select(Order.id).where(
        (Order.status == "pending_payment") | (recent & Order.provider_ref.is_not(None))
    )
    return list(db.session.scalars(query.order_by(Order.id)))


def _ask_gateway(order: Order) -> PaymentFacts | None:
    if not order.payment_provider or not order.provider_ref:
        return None
    if order.payment_provider not in available_gateways():
        return None
    try:
        return get_gateway(order.payment_provider).fetch(order)
    except PaymentError as exc:
        log.warning(
            "reconcile: could not ask %s about %s: %s", order.payment_provider, order.number, exc
        )
        return None


def reconcile_order(order_id: int, at: dt.datetime | None = None) -> str:
    """Settle what the gateway knows; expire the hold when it ran out. Returns the outcome."""
    at = at or now()
    order = db.session.get(Order, order_id)
    if order is None:
        return "missing"
    facts = _ask_gateway(order)
    if facts is not None and facts.status in ("paid", "refunded", "partially_refunded"):
        before = order.status
        order = settle(facts)
        return "settled" if order.status != before else "unchanged"
    if order.status != "pending_payment":
        return "unchanged"
    if order.reserved_until is not None and aware(order.reserved_until) < at:
        if order.payment_provider in available_gateways():
            try:
                get_gateway(order.payment_provider).cancel(order)
            except PaymentError as exc:
                log.warning("reconcile: could not close the session of %s: %s", order.number, exc)
        locked = lock_order(order.id)
        if locked is not None and end_pending(locked, "expired"):
            return "expired"
    return "pending"


def retry_refunds() -> int:
    """Send refunds that never reached the gateway (same idempotency key, so never twice)."""
    rows = db.session.scalars(select(Refund).where(Refund.status == "requested")).all()
    for row in rows:
        order = lock_order(row.order_id)
        if order is not None and row.status == "requested":
            send_refund(order, row.payment, row)
    return len(rows)


def reconcile(at: dt.datetime | None = None) -> dict[str, int]:
    """One pass over everything (tests; the CLI commits order by order instead)."""
    counts: dict[str, int] = {}
    for order_id in reconcile_ids(at):
        outcome = reconcile_order(order_id, at)
        counts[outcome] = counts.get(outcome, 0) + 1
    counts["refunds_retried"] = retry_refunds()
    return counts
