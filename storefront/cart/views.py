"""The cart page and add/remove (POST with CSRF). The session holds carpet ids only."""

from __future__ import annotations

from flask import (
    Blueprint,
    flash,
    has_request_context,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from storefront.cart import services
from storefront.extensions import db
from storefront.i18n import LANG_PREFIX

bp = Blueprint("cart", __name__, url_prefix=f"{LANG_PREFIX}/cart")
SESSION_KEY = "cart"
PENDING_KEY = "pending_order"


def cart_ids() -> list[int]:
    return services.clean_ids(session.get(SESSION_KEY))


def save_ids(ids: list[int]) -> None:
    session[SESSION_KEY] = ids


@bp.app_context_processor
def cart_context() -> dict[str, object]:
    """``cart_count`` for the header (from the session: no query) and ``cart_ids``."""
    if not has_request_context():  # emails rendered from the CLI
        return {"cart_count": 0, "cart_ids": []}
    ids = services.clean_ids(session.get(SESSION_KEY)) if SESSION_KEY in session else []
    return {"cart_count": len(ids), "cart_ids": ids}


def _problem_message(problem: str) -> str:
    return {
        "sold": _("Sorry, this carpet has just been sold."),
        "reserved": _(
            "Someone is paying for this carpet right now. If they do not finish within about "
            "half an hour, it will be for sale again."
        ),
        "full": _("Your cart is full. Please check out or remove a carpet first."),
    }.get(problem, _("Sorry, this carpet is not for sale any more."))


def _posted_id() -> int | None:
    raw = request.form.get("carpet_id", "")
    return int(raw) if raw.isdigit() and len(raw) < 12 else None


@bp.get("")
def index() -> ResponseReturnValue:
    cart = services.load_cart(cart_ids())
    db.session.commit()  # lazily released reservations
    pending = None
    token = session.get(PENDING_KEY)
    if isinstance(token, str):
        from storefront.orders.services import get_by_token

        order = get_by_token(token)
        pending = order if order is not None and order.status == "pending_payment" else None
    response = render_template(
        "cart/index.html",
        cart=cart,
        pending=pending,
        problem_message=_problem_message,
        noindex=True,
    )
    return response, 200, {"Cache-Control": "no-store"}


@bp.post("/add")
def add() -> ResponseReturnValue:
    carpet_id = _posted_id()
    if carpet_id is None:
        flash(_("Sorry, this carpet is not for sale any more."), "error")
        return redirect(url_for("cart.index"), 303)
    try:
        save_ids(services.add(cart_ids(), carpet_id))
    except services.CartError as exc:
        db.session.commit()
        flash(_problem_message(exc.reason), "error")
        return redirect(url_for("cart.index"), 303)
    db.session.commit()
    flash(_("Added to your cart."), "success")
    return redirect(url_for("cart.index"), 303)


@bp.post("/remove")
def remove() -> ResponseReturnValue:
    carpet_id = _posted_id()
    if carpet_id is not None:
        save_ids(services.remove(cart_ids(), carpet_id))
        flash(_("Removed from your cart."), "success")
    return redirect(url_for("cart.index"), 303)
