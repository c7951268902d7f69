"""Checkout: details -> review (every component of the total) -> place + pay; the test-pay page.

Placing commits twice on purpose: the order and its reservation are committed BEFORE the gateway
session is created (so a fast webhook always finds its order), then the session is recorded.
"""

from __future__ import annotations

import contextlib

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from storefront.cart import services as cart_services
from storefront.cart.views import PENDING_KEY, cart_ids, save_ids
from storefront.checkout.forms import CheckoutForm
from storefront.checkout.pricing import NotShippable, Quote, build_quote, offered_currencies
from storefront.checkout.regions import country_name, state_label
from storefront.checkout.services import CarpetUnavailable, Details, cancel_order, place_order
from storefront.checkout.tax import TaxRateMissing
from storefront.extensions import db
from storefront.i18n import LANG_PREFIX, current_lang
from storefront.money import EXPONENTS, CurrencyError, format_money
from storefront.orders.models import Order
from storefront.orders.services import get_by_token
from storefront.payments import available_gateways, get_gateway
from storefront.payments.base import PaymentError
from storefront.payments.services import settle, start_payment

bp = Blueprint("checkout", __name__, url_prefix=f"{LANG_PREFIX}/checkout")
bp.add_app_template_global(country_name, "country_name")
bp.add_app_template_global(state_label, "state_label")
DETAILS_KEY = "checkout"
GATEWAY_LABELS = {
    "razorpay": lambda: _("Pay with UPI, card or netbanking (Razorpay)"),
    "stripe": lambda: _("Pay by card (Stripe)"),
    "fake": lambda: _("Test payment (no money moves)"),
}


def _no_store(body: str, status: int = 200) -> ResponseReturnValue:
    return body, status, {"Cache-Control": "no-store"}


def _saved() -> dict[str, str] | None:
    raw = session.get(DETAILS_KEY)
    return raw if isinstance(raw, dict) and raw.get("country") else None


def _details(saved: dict[str, str]) -> Details:
    fields = Details.__dataclass_fields__
    return Details(**{k: str(v) for k, v in saved.items() if k in fields})


def _quote_or_message(cart: cart_services.Cart, saved: dict[str, str]) -> Quote | str:
    try:
        return build_quote(
            cart.carpets,
            saved["country"],
            saved.get("region", ""),
            saved["currency"],
            current_lang(),
        )
    except NotShippable as exc:
        return _(
            "Sorry, we cannot ship “%(title)s” to %(country)s yet. Please write to us and we "
            "will arrange it.",
            title=exc.carpet.title_en if current_lang() == "en" else exc.carpet.title_hi,
            country=country_name(exc.country, current_lang()),
        )
    except TaxRateMissing:
        return _("We cannot work out the GST for this order right now. Please try again later.")
    except CurrencyError:
        return _("We cannot take payment in this currency today. Please choose another one.")


def rate_text(quote: Quote | Order) -> str:
    """``$1 = ₹88.50``: one unit of the order currency in rupees, at the snapshot rate."""
    cur = quote.currency
    rate = quote.rate if isinstance(quote, Quote) else quote.exchange_rate
    unit = format_money(10 ** EXPONENTS[cur], cur)
    return f"{unit} = {format_money(int((rate * 100).to_integral_value()), 'INR')}"


def _gateways_for(currency: str) -> list[tuple[str, str]]:
    names = [n for n in available_gateways() if currency in get_gateway(n).currencies]
    return [(n, GATEWAY_LABELS.get(n, lambda n=n: n)()) for n in names]


@bp.route("", methods=["GET", "POST"])
def index() -> ResponseReturnValue:
    cart = cart_services.load_cart(cart_ids())
    db.session.commit()  # lazily released reservations
    if not cart.buyable:
        flash(_("Your cart has no carpets that can be bought right now."), "warning")
        return redirect(url_for("cart.index"), 303)
    lang = current_lang()
    saved = _saved() or {}
    form = CheckoutForm(data=_form_defaults(saved, lang))
    form.setup(lang, offered_currencies(""))
    if form.validate_on_submit():
        session[DETAILS_KEY] = {
            "email": form.email.data.lower(),
            "phone": form.phone_e164 or "",
            "name": form.name.data,
            "address_line1": form.address_line1.data,
            "address_line2": form.address_line2.data or "",
            "city": form.city.data,
            "region": form.region_value,
            "postcode": form.postcode.data or "",
            "country": form.country.data,
            "currency": form.currency.data,
            "phone_typed": form.phone.data,
        }
        return redirect(url_for("checkout.review"), 303)
    status = 422 if form.errors else 200
    body = render_template("checkout/details.html", form=form, cart=cart, noindex=True)
    return _no_store(body, status)


def _form_defaults(saved: dict[str, str], lang: str) -> dict[str, str]:
    data = dict(saved)
    if saved:
        data["phone"] = saved.get("phone_typed") or saved.get("phone", "")
        if saved.get("country") == "IN":
            data["state"] = saved.get("region", "")
            data["region"] = ""
    else:
        data["country"] = "IN" if lang == "hi" else ""
        data["currency"] = "INR" if lang == "hi" else "USD"
        if current_user.is_authenticated:
            data["email"] = current_user.email or ""
            data["name"] = current_user.name or ""
    return data


@bp.get("/review")
def review() -> ResponseReturnValue:
    saved = _saved()
    if saved is None:
        return redirect(url_for("checkout.index"), 303)
    cart = cart_services.load_cart(cart_ids())
    db.session.commit()
    if not cart.buyable:
        flash(_("Your cart has no carpets that can be bought right now."), "warning")
        return redirect(url_for("cart.index"), 303)
    quote = _quote_or_message(cart, saved)
    body = render_template(
        "checkout/review.html",
        cart=cart,
        saved=saved,
        quote=quote if isinstance(quote, Quote) else None,
        problem=quote if isinstance(quote, str) else None,
        gateways=_gateways_for(saved["currency"]) if isinstance(quote, Quote) else [],
        country=country_name(saved["country"], current_lang()),
        region=state_label(saved.get("region", ""), current_lang()),
        rate_text=rate_text,
        noindex=True,
    )
    return _no_store(body)


def _return_urls(order: Order, gateway: str) -> tuple[str, str]:
    """Where the gateway sends the buyer back: its own return page if it has one, else ours."""
    order_url = url_for("orders.detail", token=order.token, _external=True)
    endpoint = f"payments.{gateway}_return"
    if endpoint in current_app.view_functions:
        return url_for(endpoint, _external=True), order_url
    return order_url, order_url


@bp.post("/place")
def place() -> ResponseReturnValue:
    saved = _saved()
    if saved is None:
        return redirect(url_for("checkout.index"), 303)
    gateway = request.form.get("gateway", "")
    if gateway not in dict(_gateways_for(saved["currency"])):
        flash(_("Please choose how you want to pay."), "error")
        return redirect(url_for("checkout.review"), 303)
    cart = cart_services.load_cart(cart_ids())
    if cart.flagged:
        db.session.commit()
        flash(_("Something in your cart changed. Please check the carpets again."), "warning")
        return redirect(url_for("cart.index"), 303)
    user_id = current_user.id if current_user.is_authenticated else None
    try:
        order, _quote = place_order(
            [c.id for c in cart.carpets],
            _details(saved),
            saved["currency"],
            current_lang(),
            user_id,
        )
    except CarpetUnavailable:
        db.session.rollback()
        flash(
            _("Sorry, a carpet in your cart has just been sold or reserved by someone else."),
            "error",
        )
        return redirect(url_for("cart.index"), 303)
    except (NotShippable, TaxRateMissing, CurrencyError):
        db.session.rollback()
        return redirect(url_for("checkout.review"), 303)
    db.session.commit()  # the order and its holds exist before the gateway hears of them
    session[PENDING_KEY] = order.token
    save_ids([])
    return _pay(order, gateway)


def _pay(order: Order, gateway: str) -> ResponseReturnValue:
    return_url, cancel_url = _return_urls(order, gateway)
    try:
        start = start_payment(order, gateway, return_url, cancel_url)
    except PaymentError:
        db.session.commit()  # the cancellation and released holds
        _restore_cart(order)
        flash(
            _(
                "We could not reach the payment service, so nothing was charged. Your carpets are "
                "back in your cart: please try again in a few minutes."
            ),
            "error",
        )
        return redirect(url_for("cart.index"), 303)
    db.session.commit()
    return redirect(start.redirect_url or url_for("orders.detail", token=order.token), 303)


def _restore_cart(order: Order) -> None:
    ids = cart_ids()
    save_ids(
        cart_services.clean_ids(ids + [line.carpet_id for line in order.lines if line.carpet_id])
    )
    if session.get(PENDING_KEY) == order.token:
        session.pop(PENDING_KEY)


def _pending_order(token: str) -> Order:
    order = get_by_token(token)
    if order is None:
        abort(404)
    return order


@bp.post("/pay/<token>")
def resume(token: str) -> ResponseReturnValue:
    """Back to the payment page of a pending order (reusing an open gateway session)."""
    order = _pending_order(token)
    if order.status != "pending_payment" or not order.payment_provider:
        return redirect(url_for("orders.detail", token=order.token), 303)
    return _pay(order, order.payment_provider)


@bp.post("/cancel/<token>")
def cancel(token: str) -> ResponseReturnValue:
    order = _pending_order(token)
    if order.payment_provider:
        # Best effort: a payment that still lands is refunded by settle().
        with contextlib.suppress(PaymentError):
            get_gateway(order.payment_provider).cancel(order)
    if cancel_order(order):
        db.session.commit()
        _restore_cart(order)
        flash(_("Your order was cancelled. The carpets are back in your cart."), "success")
        return redirect(url_for("cart.index"), 303)
    return redirect(url_for("orders.detail", token=order.token), 303)


# -- the offline test gateway's pay page --------------------------------------------------------


def _fake_order(token: str) -> Order:
    if "fake" not in available_gateways():
        abort(404)
    order = get_by_token(token)
    if order is None or order.payment_provider != "fake":
        abort(404)
    return order


@bp.get("/test-pay/<token>")
def test_pay(token: str) -> ResponseReturnValue:
    order = _fake_order(token)
    if order.status != "pending_payment":
        return redirect(url_for("orders.detail", token=order.token), 303)
    body = render_template(
        "checkout/test_pay.html",
        order=order,
        failed=request.args.get("failed") == "1",
        noindex=True,
    )
    return _no_store(body)


@bp.post("/test-pay/<token>")
def test_pay_submit(token: str) -> ResponseReturnValue:
    order = _fake_order(token)
    outcome = request.form.get("outcome", "")
    if outcome not in ("paid", "failed") or order.status != "pending_payment":
        return redirect(url_for("orders.detail", token=order.token), 303)
    gateway = get_gateway("fake")
    order = settle(gateway.verify_return(order, {"outcome": outcome}))
    db.session.commit()
    if outcome == "failed":
        return redirect(url_for("checkout.test_pay", token=order.token, failed="1"), 303)
    return redirect(url_for("orders.detail", token=order.token), 303)  # the page says "paid"
