"""The buyer's order page (unguessable token) and its printable GST tax invoice. Never cached."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, session
from flask.typing import ResponseReturnValue
from sqlalchemy import select

from storefront.extensions import db
from storefront.i18n import LANG_PREFIX
from storefront.orders import invoice as invoices
from storefront.orders.models import Order, OrderLine
from storefront.orders.services import PAID_STATUSES, aware, get_by_token, now
from storefront.orders.stock import release_expired

bp = Blueprint("orders", __name__, url_prefix=f"{LANG_PREFIX}/orders")
NO_STORE = {"Cache-Control": "no-store", "X-Robots-Tag": "noindex"}
bp.add_app_template_global(invoices.percent, "percent")


def _order(token: str) -> Order:
    order = get_by_token(token)
    if order is None:
        abort(404)
    return order


def _forget_bought(order: Order) -> None:
    """Once paid, the order's carpets leave the visitor's cart and the pending marker goes."""
    if session.get("pending_order") == order.token and order.status != "pending_payment":
        session.pop("pending_order")
    if order.status in PAID_STATUSES and session.get("cart"):
        bought = {line.carpet_id for line in order.lines}
        session["cart"] = [i for i in session["cart"] if i not in bought]


@bp.get("/<token>")
def detail(token: str) -> ResponseReturnValue:
    order = _order(token)
    if order.status == "pending_payment" and aware(order.reserved_until) < now():
        release_expired([line.carpet_id for line in order.lines if line.carpet_id])
        db.session.commit()
        order = _order(token)
    _forget_bought(order)
    minutes_left = None
    if order.status == "pending_payment" and order.reserved_until:
        minutes_left = max(0, int((aware(order.reserved_until) - now()).total_seconds() // 60))
    body = render_template(
        "orders/detail.html",
        order=order,
        minutes_left=minutes_left,
        inv=invoices.build(order) if order.has_invoice else None,
        noindex=True,
    )
    return body, 200, NO_STORE


@bp.get("/<token>/invoice")
def invoice(token: str) -> ResponseReturnValue:
    order = _order(token)
    if not order.has_invoice:
        abort(404)
    body = render_template(
        "orders/invoice.html",
        order=order,
        inv=invoices.build(order),
        seller=invoices.seller(current_app.config),
        noindex=True,
    )
    return body, 200, NO_STORE


@bp.app_template_global()
def weaver_sales(weaver: object) -> list[tuple[OrderLine, Order]]:
    """Paid order lines of ``weaver``'s carpets, newest first (for the shop dashboard)."""
    from storefront.catalog.models import carpet_weaver

    weaver_id = getattr(weaver, "id", None)
    if weaver_id is None:
        return []
    rows = db.session.execute(
        select(OrderLine, Order)
        .join(Order, Order.id == OrderLine.order_id)
        .join(carpet_weaver, carpet_weaver.c.carpet_id == OrderLine.carpet_id)
        .where(carpet_weaver.c.weaver_id == weaver_id, Order.paid_at.is_not(None))
        .order_by(Order.paid_at.desc())
        .limit(50)
    ).all()
    return [(line, order) for line, order in rows]
