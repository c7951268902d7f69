"""Back office: orders (list, detail, dispatched/delivered, refunds) and the shipping rate table."""

from __future__ import annotations

import secrets
from decimal import Decimal

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import or_, select
from wtforms import DecimalField, HiddenField, IntegerField, StringField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, Regexp

from storefront.accounts.access import staff_required
from storefront.admin.views import ADMIN_NAV, bp
from storefront.checkout.models import ShippingRate, TaxRate
from storefront.extensions import db
from storefront.money import Money
from storefront.orders.models import Order
from storefront.orders.services import IllegalTransition, can_move, lock_order, set_status
from storefront.payments.models import Payment, Refund
from storefront.payments.services import RefundNotAllowed, refund

if ("admin.shipping_rates", _l("Shipping rates")) not in ADMIN_NAV:
    at = next((i + 1 for i, (e, _x) in enumerate(ADMIN_NAV) if e == "admin.orders"), len(ADMIN_NAV))
    ADMIN_NAV.insert(at, ("admin.shipping_rates", _l("Shipping rates")))

TABS = {
    "todo": ("paid",),
    "pending": ("pending_payment",),
    "refunds": ("needs_refund", "partially_refunded"),
    "sent": ("dispatched", "delivered"),
    "all": (),
}


class RefundForm(FlaskForm):
    amount = DecimalField(
        _l("Amount to refund"),
        places=2,
        validators=[
            DataRequired(message=_l("Please enter an amount.")),
            NumberRange(min=Decimal("0.01"), message=_l("The amount must be more than zero.")),
        ],
    )
    reason = StringField(_l("Reason (for the records)"), validators=[Optional(), Length(max=150)])
    key = HiddenField()


class RateForm(FlaskForm):
    zone = StringField(_l("Zone"), validators=[DataRequired(), Length(max=40)])
    countries = StringField(
        _l("Countries (ISO codes, comma-separated; * for the rest of the world)"),
        validators=[
            DataRequired(),
            Length(max=600),
            Regexp(
                r"^\s*(\*|[A-Za-z]{2})(\s*,\s*[A-Za-z]{2})*\s*$",
                message=_l("Use codes like IN or US,CA, or *."),
            ),
        ],
    )
    max_weight_kg = DecimalField(
        _l("Up to (kg, chargeable)"),
        places=1,
        validators=[DataRequired(), NumberRange(min=Decimal("0.1"), max=Decimal(5000))],
    )
    price_rupees = DecimalField(
        _l("Price (₹)"),
        places=2,
        validators=[DataRequired(), NumberRange(min=Decimal(0), max=Decimal(10_000_000))],
    )
    max_length_cm = IntegerField(
        _l("Longest roll (cm, optional)"), validators=[Optional(), NumberRange(min=1, max=2000)]
    )


# -- orders -----------------------------------------------------------------------------------


@bp.get("/orders")
@staff_required
def orders() -> ResponseReturnValue:
    tab = request.args.get("tab", "todo")
    tab = tab if tab in TABS else "todo"
    q = request.args.get("q", "").strip()[:100]
    query = select(Order).order_by(Order.created_at.desc(), Order.id.desc()).limit(200)
    if q:
        like = f"%{q.lower()}%"
        query = query.where(
            or_(Order.number.ilike(like), Order.email.ilike(like), Order.name.ilike(like))
        )
    elif TABS[tab]:
        query = query.where(Order.status.in_(TABS[tab]))
    rows = db.session.scalars(query).all()
    return render_template(
        "admin/orders.html", orders=rows, tab=tab, q=q, admin_section="admin.orders"
    )


def _order(order_id: int) -> Order:
    order = db.session.get(Order, order_id)
    if order is None:
        abort(404)
    return order


@bp.get("/orders/<int:order_id>")
@staff_required
def order_detail(order_id: int, form: RefundForm | None = None) -> ResponseReturnValue:
    order = _order(order_id)
    payments = db.session.scalars(
        select(Payment).where(Payment.order_id == order.id).order_by(Payment.id)
    ).all()
    refunds = db.session.scalars(
        select(Refund).where(Refund.order_id == order.id).order_by(Refund.id)
    ).all()
    if form is None:
        form = RefundForm(key=secrets.token_hex(8))
    refundable = sum(
        p.captured_amount - p.refunded_amount
        for p in payments
        if p.status in ("paid", "partially_refunded")
    )
    refundable -= sum(
        r.amount
        for r in refunds
        if r.status in ("requested", "pending") and r.payment.status != "mismatch"
    )
    return render_template(
        "admin/orders_detail.html",
        order=order,
        payments=payments,
        refunds=refunds,
        form=form,
        refundable=max(0, refundable),
        can_move=can_move,
        admin_section="admin.orders",
    )


@bp.post("/orders/<int:order_id>/status")
@staff_required
def order_status(order_id: int) -> ResponseReturnValue:
    new = request.form.get("status", "")
    order = lock_order(_order(order_id).id)
    assert order is not None
    if new not in ("dispatched", "delivered"):
        abort(400)
    try:
        set_status(order, new)
    except IllegalTransition:
        db.session.rollback()
        flash(_("This order cannot be marked like that now."), "error")
    else:
        db.session.commit()
        flash(_("Order %(number)s updated.", number=order.number), "success")
    return redirect(url_for("admin.order_detail", order_id=order_id), 303)


@bp.post("/orders/<int:order_id>/refund")
@staff_required
def order_refund(order_id: int) -> ResponseReturnValue:
    order = _order(order_id)
    form = RefundForm()
    if not form.validate_on_submit():
        return order_detail(order_id, form=form), 422
    amount = Money.from_decimal(form.amount.data, order.currency).amount
    key = f"staff:{order.id}:{form.key.data}" if form.key.data else None
    try:
        row = refund(
            order,
            amount,
            actor=current_user.email or str(current_user.id),
            reason=form.reason.data or "",
            key=key,
        )
    except RefundNotAllowed:
        db.session.rollback()
        form.amount.errors = [_("You can refund at most what was paid and not yet refunded.")]
        return order_detail(order_id, form=form), 422
    db.session.commit()
    if row.status == "failed":
        flash(
            _("The payment service refused this refund. Check the amount and try again."), "error"
        )
    elif row.status == "requested":
        flash(
            _("The payment service did not answer. The refund will be retried automatically."),
            "warning",
        )
    else:
        flash(
            _("Refund of %(amount)s requested.", amount=Money(amount, order.currency).to_decimal()),
            "success",
        )
    return redirect(url_for("admin.order_detail", order_id=order_id), 303)


# -- shipping rates ---------------------------------------------------------------------------


def _rates() -> list[ShippingRate]:
    return list(
        db.session.scalars(
            select(ShippingRate).order_by(ShippingRate.zone, ShippingRate.max_weight_g)
        )
    )


def _form_for(rate: ShippingRate) -> RateForm:
    return RateForm(
        prefix=f"r{rate.id}",
        zone=rate.zone,
        countries=rate.countries,
        max_weight_kg=Decimal(rate.max_weight_g) / 1000,
        price_rupees=Money(rate.price_paise, "INR").to_decimal(),
        max_length_cm=rate.max_length_cm,
    )


def _render_rates(
    forms: dict[int, RateForm], new: RateForm, status: int = 200
) -> ResponseReturnValue:
    rates = _rates()
    for rate in rates:
        forms.setdefault(rate.id, _form_for(rate))
    taxes = db.session.scalars(
        select(TaxRate).order_by(TaxRate.hsn_prefix, TaxRate.effective_from)
    ).all()
    body = render_template(
        "admin/orders_shipping.html", rates=rates, forms=forms, new=new, taxes=taxes
    )
    return body, status


def _clashes(form: RateForm, rate_id: int | None) -> bool:
    """A zone has one band per weight: say so next to the field instead of failing."""
    grams = int(form.max_weight_kg.data * 1000)
    other = db.session.scalar(
        select(ShippingRate.id).where(
            ShippingRate.zone == form.zone.data.strip(), ShippingRate.max_weight_g == grams
        )
    )
    if other is not None and other != rate_id:
        form.max_weight_kg.errors = [_("This zone already has a band up to this weight.")]
        return True
    return False


def _apply(form: RateForm, rate: ShippingRate) -> None:
    rate.zone = form.zone.data.strip()
    rate.countries = ",".join(
        c.strip().upper() for c in form.countries.data.split(",") if c.strip()
    )
    rate.max_weight_g = int(form.max_weight_kg.data * 1000)
    rate.price_paise = Money.from_decimal(form.price_rupees.data, "INR").amount
    rate.max_length_cm = form.max_length_cm.data or None


@bp.get("/shipping")
@staff_required
def shipping_rates() -> ResponseReturnValue:
    return _render_rates({}, RateForm(prefix="new"))


@bp.post("/shipping/<int:rate_id>")
@staff_required
def shipping_rate_save(rate_id: int) -> ResponseReturnValue:
    rate = db.session.get(ShippingRate, rate_id) or abort(404)
    if request.form.get("delete"):
        db.session.delete(rate)
        db.session.commit()
        flash(_("Rate removed."), "success")
        return redirect(url_for("admin.shipping_rates"), 303)
    form = RateForm(prefix=f"r{rate.id}")
    if not form.validate_on_submit() or _clashes(form, rate.id):
        return _render_rates({rate.id: form}, RateForm(prefix="new"), 422)
    _apply(form, rate)
    db.session.commit()
    flash(_("Rate saved."), "success")
    return redirect(url_for("admin.shipping_rates"), 303)


@bp.post("/shipping/new")
@staff_required
def shipping_rate_new() -> ResponseReturnValue:
    form = RateForm(prefix="new")
    if not form.validate_on_submit() or _clashes(form, None):
        return _render_rates({}, form, 422)
    rate = ShippingRate()
    _apply(form, rate)
    db.session.add(rate)
    db.session.commit()
    flash(_("Rate added."), "success")
    return redirect(url_for("admin.shipping_rates"), 303)
