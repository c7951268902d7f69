"""settle(): idempotent; checks amount, currency and binding; refunds what it cannot keep once."""

from __future__ import annotations

import datetime as dt

import pytest
from flask import Flask
from sqlalchemy import func, select

from storefront.catalog.models import Carpet
from storefront.extensions import db
from storefront.mail import sent_messages
from storefront.orders.stock import release_expired
from storefront.payments.base import PaymentMismatch
from storefront.payments.models import Payment, Refund
from storefront.payments.services import OrderNotFound, settle
from tests.builders import make_carpet
from tests.checkout.builders import USA, make_order, paid_facts, pay, seed_tables


@pytest.fixture
def tables(app: Flask) -> None:
    seed_tables()


def _refunds() -> list[Refund]:
    return list(db.session.scalars(select(Refund).order_by(Refund.id)))


def test_paid_marks_order_paid_and_carpet_sold(tables: None) -> None:
    carpet = make_carpet()
    order = make_order(carpet)
    db.session.commit()
    assert carpet.stock == 0 and carpet.status == "published"  # held, not sold yet

    pay(order)
    db.session.commit()

    assert order.status == "paid" and order.paid_at is not None
    assert order.paid_amount == order.total_minor
    assert [line.hold for line in order.lines] == ["consumed"]
    db.session.refresh(carpet)
    assert carpet.status == "sold" and carpet.stock == 0
    payment = db.session.scalar(select(Payment))
    assert payment.status == "paid" and payment.captured_amount == order.total_minor


def test_settle_twice_is_a_no_op(app: Flask, tables: None) -> None:
    order = make_order(make_carpet())
    db.session.commit()
    pay(order)
    db.session.commit()
    first = len(sent_messages(app))
    pay(order)
    db.session.commit()
    assert order.status == "paid"
    assert len(sent_messages(app)) == first  # no second confirmation
    assert db.session.scalar(select(func.count(Payment.id))) == 1
    assert _refunds() == []


def test_amount_mismatch_needs_refund_and_refunds_once(app: Flask, tables: None) -> None:
    carpet = make_carpet()
    order = make_order(carpet)
    db.session.commit()
    settle(paid_facts(order, amount=order.total_minor - 100))
    db.session.commit()
    assert order.status == "refunded"  # the fake gateway refunds at once
    refunds = _refunds()
    assert len(refunds) == 1 and refunds[0].amount == order.total_minor - 100
    db.session.refresh(carpet)
    assert carpet.status == "published" and carpet.stock == 1  # released for others
    # Delivered again: still exactly one refund.
    settle(paid_facts(order, amount=order.total_minor - 100))
    db.session.commit()
    assert len(_refunds()) == 1


def test_currency_mismatch_is_never_paid(tables: None) -> None:
    order = make_order(make_carpet())
    db.session.commit()
    settle(paid_facts(order, currency="USD"))
    db.session.commit()
    assert order.status in ("needs_refund", "refunded")
    assert order.paid_at is None
    assert db.session.scalar(select(Payment)).status == "mismatch"


def test_facts_naming_another_order_raise(tables: None) -> None:
    one = make_order(make_carpet())
    two = make_order(make_carpet())
    db.session.commit()
    with pytest.raises(PaymentMismatch):
        settle(paid_facts(one, order_id=two.id))
    db.session.rollback()
    assert one.status == "pending_payment"


def test_unknown_session_raises_order_not_found(tables: None) -> None:
    order = make_order(make_carpet())
    db.session.commit()
    with pytest.raises(OrderNotFound):
        settle(paid_facts(order, provider_ref="fake_nobody"))


def test_failed_attempt_is_not_terminal(tables: None) -> None:
    order = make_order(make_carpet())
    db.session.commit()
    settle(paid_facts(order, status="failed", amount=0))
    db.session.commit()
    assert order.status == "pending_payment"
    pay(order)
    db.session.commit()
    assert order.status == "paid"


def test_payment_after_expiry_with_rug_sold_elsewhere_refunds_exactly_once(
    app: Flask, tables: None
) -> None:
    carpet = make_carpet()
    late = make_order(carpet, lang="hi")
    db.session.commit()
    # Their time runs out; the rug goes back on sale and someone else buys it.
    late.reserved_until = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    db.session.commit()
    assert release_expired() == 1
    db.session.commit()
    assert late.status == "expired"
    winner = make_order(carpet)
    db.session.commit()
    pay(winner)
    db.session.commit()

    before = len(sent_messages(app))
    pay(late)  # the late buyer's money arrives after all
    db.session.commit()
    pay(late)  # and the webhook is delivered again
    db.session.commit()

    assert winner.status == "paid"
    assert late.status == "refunded"
    refunds = _refunds()
    assert len(refunds) == 1
    assert refunds[0].amount == late.total_minor and refunds[0].idempotency_key.startswith("auto:")
    db.session.refresh(carpet)
    assert carpet.status == "sold" and carpet.stock == 0
    mails = sent_messages(app)[before:]
    to_buyer = [m for m in mails if m["To"] == late.email]
    assert len(to_buyer) == 1 and "रिफ़ंड" in to_buyer[0]["Subject"]


def test_payment_after_expiry_with_rug_still_free_is_honoured(tables: None) -> None:
    carpet = make_carpet()
    order = make_order(carpet)
    order.reserved_until = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    db.session.commit()
    release_expired()
    db.session.commit()
    assert db.session.get(Carpet, carpet.id).stock == 1
    pay(order)
    db.session.commit()
    assert order.status == "paid"
    db.session.refresh(carpet)
    assert carpet.status == "sold" and carpet.stock == 0


def test_expired_hold_not_yet_released_is_still_ours(tables: None) -> None:
    order = make_order(make_carpet())
    order.reserved_until = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    db.session.commit()
    pay(order)  # nobody swept it yet: the rug was never offered to anyone else
    db.session.commit()
    assert order.status == "paid"


def test_second_capture_on_a_paid_order_is_refunded(tables: None) -> None:
    order = make_order(make_carpet())
    db.session.commit()
    pay(order)
    db.session.commit()
    pay(order, payment_ref="pay_second")
    db.session.commit()
    assert order.status == "paid" and order.refunded_amount == 0
    refunds = _refunds()
    assert len(refunds) == 1 and refunds[0].payment_ref == "pay_second"


def test_gateway_expiry_releases_the_hold(tables: None) -> None:
    carpet = make_carpet()
    order = make_order(carpet)
    db.session.commit()
    settle(paid_facts(order, status="expired", amount=0))
    db.session.commit()
    assert order.status == "expired"
    db.session.refresh(carpet)
    assert carpet.stock == 1


def test_usd_export_order_settles_in_usd(tables: None) -> None:
    order = make_order(make_carpet(), currency="USD", **USA)
    db.session.commit()
    assert order.tax_minor == 0 and order.currency == "USD"
    pay(order)
    db.session.commit()
    assert order.status == "paid"


def test_stripe_late_payment_waits_in_needs_refund_until_the_refund_lands(
    app: Flask, tables: None, fake_stripe
) -> None:  # noqa: ANN001
    from storefront.payments import get_gateway

    carpet = make_carpet()
    late = make_order(carpet, currency="USD", gateway="stripe", **USA)
    late.reserved_until = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    db.session.commit()
    release_expired()
    db.session.commit()
    winner = make_order(carpet)
    pay(winner)
    db.session.commit()

    fake_stripe.refund_status = "pending"  # card refunds can take a while
    fake_stripe.buyer_pays(late.provider_ref)
    facts = get_gateway("stripe").fetch(late)
    settle(facts)
    db.session.commit()
    settle(facts)  # the webhook after the return page: nothing new
    db.session.commit()
    assert late.status == "needs_refund"
    assert [r.status for r in _refunds()] == ["pending"]
    assert len(fake_stripe.refunds) == 1

    from dataclasses import replace

    settle(replace(facts, status="refunded", refunded_amount=facts.amount))  # charge.refunded
    db.session.commit()
    assert late.status == "refunded"
    assert [r.status for r in _refunds()] == ["succeeded"]


def test_fake_gateway_is_never_configured_in_production() -> None:
    from storefront.payments.fake_gateway import FakeGateway

    enabled = {"ENV_NAME": "development", "PAYMENT_GATEWAYS": ("fake",)}
    assert FakeGateway(enabled).is_configured()
    assert not FakeGateway({**enabled, "ENV_NAME": "production"}).is_configured()
    assert not FakeGateway({**enabled, "PAYMENT_GATEWAYS": ("stripe",)}).is_configured()
