"""Gateway webhooks and return pages. Thin: verify, hand facts to settle(), commit once.

Webhooks and the Razorpay callback are CSRF-exempt (gateways post them); their security is the
signature. The raw body is read before anything can parse it.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Mapping

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import format_datetime, format_time, to_user_timezone
from flask_babel import gettext as _
from sqlalchemy import select

from storefront.extensions import csrf, db
from storefront.i18n import LANG_PREFIX
from storefront.orders.models import Order
from storefront.orders.services import get_by_token
from storefront.payments import get_gateway, webhooks
from storefront.payments.base import GatewayError, InvalidSignature, PaymentFacts, PaymentMismatch

log = logging.getLogger(__name__)
bp = Blueprint("payments", __name__)

# -- webhooks ---------------------------------------------------------------------------------


@bp.post("/webhooks/stripe")
@csrf.exempt
def stripe_webhook() -> ResponseReturnValue:
    return _webhook("stripe")


@bp.post("/webhooks/razorpay")
@csrf.exempt
def razorpay_webhook() -> ResponseReturnValue:
    return _webhook("razorpay")


def _webhook(name: str) -> ResponseReturnValue:
    raw = request.get_data(cache=True)  # exact bytes: the signature covers them
    gateway = get_gateway(name)
    if not gateway.is_configured(current_app.config):
        abort(404)
    try:
        event = gateway.parse_webhook(raw, request.headers)
    except InvalidSignature as exc:
        log.warning("%s webhook rejected: %s", name, exc)
        return jsonify(error="invalid signature"), 400
    outcome = webhooks.handle(event, raw)
    db.session.commit()
    return jsonify(outcome=outcome), 200


# -- Stripe: the buyer comes back from the hosted page ------------------------------------------


@bp.get(f"{LANG_PREFIX}/checkout/stripe/return")
def stripe_return() -> ResponseReturnValue:
    """Never trust the query: retrieve the session server-side, settle, show the order."""
    order = _order_by_ref("stripe", request.args.get("session_id", ""))
    gateway = get_gateway("stripe")
    try:
        facts = gateway.verify_return(order, {"session_id": order.provider_ref or ""})
    except PaymentMismatch:
        abort(400)
    except GatewayError as exc:
        log.warning("stripe return for order %s: %s", order.id, exc)
        flash(_("We are confirming your payment. This page will show it in a minute."), "warning")
        return redirect(_order_url(order), 303)
    order = _settle(facts)
    db.session.commit()
    _flash_for(order, facts)
    return redirect(_order_url(order), 303)


# -- Razorpay: our page opens Standard Checkout; Razorpay posts the result back -----------------


@bp.get(f"{LANG_PREFIX}/checkout/razorpay/<token>")
def razorpay_page(token: str) -> ResponseReturnValue:
    order = get_by_token(token)
    gateway = get_gateway("razorpay")
    if order is None or order.payment_provider != "razorpay" or not gateway.is_configured():
        abort(404)
    if order.status != "pending_payment" or not (order.provider_ref or "").startswith("order_"):
        return redirect(_order_url(order), 303)
    callback = url_for("payments.razorpay_callback", lang=order.lang, _external=True)
    options = gateway.checkout_options(order, order.provider_ref, callback_url=callback)
    until = order.reserved_until or order.payment_expires_at
    response = Response(
        render_template(
            "checkout/razorpay.html",
            order=order,
            options=options,
            failed=request.args.get("failed") == "1",
            held_until=_when(until) if until else None,
            noindex=True,
        )
    )
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post(f"{LANG_PREFIX}/checkout/razorpay/callback")
@csrf.exempt
def razorpay_callback() -> ResponseReturnValue:
    """Cross-site POST from Razorpay: no cookies arrive, so the session is never touched here."""
    form = request.form
    ref = form.get("razorpay_order_id", "")
    if not ref:  # a failure report: fields are unsigned, use them only to find the retry page
        order = _order_by_ref("razorpay", _failed_order_ref(form), missing=400)
        return redirect(url_for("payments.razorpay_page", token=order.token, failed="1"), 303)
    order = _order_by_ref("razorpay", ref, missing=400)
    gateway = get_gateway("razorpay")
    try:
        facts = gateway.verify_return(order, form)
    except (InvalidSignature, PaymentMismatch) as exc:
        log.warning("razorpay callback for order %s rejected: %s", order.id, exc)
        abort(400)
    except GatewayError as exc:  # signature fine, fetch failed: the webhook or reconcile settles
        log.warning("razorpay callback for order %s: %s", order.id, exc)
        return redirect(_order_url(order), 303)
    order = _settle(facts)
    db.session.commit()
    if facts.status == "failed" and order.status == "pending_payment":
        return redirect(url_for("payments.razorpay_page", token=order.token, failed="1"), 303)
    return redirect(_order_url(order), 303)


# -- helpers ----------------------------------------------------------------------------------


def _settle(facts: PaymentFacts) -> Order:
    from storefront.payments.services import settle

    try:
        return settle(facts)
    except PaymentMismatch:
        abort(400)


def _when(moment: dt.datetime) -> str:
    """A time today ("5:49 pm"), else date and time, in the shop's time zone."""
    moment = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    same_day = to_user_timezone(moment).date() == to_user_timezone(dt.datetime.now(dt.UTC)).date()
    return format_time(moment, "short") if same_day else format_datetime(moment, "short")


def _order_by_ref(provider: str, ref: str, missing: int = 404) -> Order:
    order = None
    if ref and len(ref) <= 120:
        order = db.session.scalar(
            select(Order).where(Order.payment_provider == provider, Order.provider_ref == ref)
        )
    if order is None:
        abort(missing)
    return order


def _failed_order_ref(form: Mapping[str, str]) -> str:
    try:
        meta = json.loads(form.get("error[metadata]") or "{}")
    except ValueError:
        return ""
    return str(meta.get("order_id") or "") if isinstance(meta, dict) else ""


def _order_url(order: Order) -> str:
    return url_for("orders.detail", token=order.token)


def _flash_for(order: Order, facts: PaymentFacts) -> None:
    """The order page states paid/refunding itself; only "still confirming" needs a word."""
    if order.status == "pending_payment" and facts.status == "pending":
        flash(_("We are confirming your payment. This page will show it in a minute."), "warning")
