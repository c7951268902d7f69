"""Sale notifications: buyer (in the language they shopped in), weavers and staff.

Everything is queued with ``queue_mail`` and leaves only after the transaction commits.
"""

from __future__ import annotations

from flask import current_app, render_template
from flask_babel import force_locale
from flask_babel import gettext as _

from storefront.mail import queue_mail
from storefront.orders.models import Order
from storefront.weavers.models import Weaver


def order_url(order: Order, lang: str | None = None) -> str:
    """Absolute link to the buyer's order page (works outside a request, e.g. from the CLI)."""
    base = current_app.config["PUBLIC_BASE_URL"].rstrip("/")
    return f"{base}/{lang or order.lang}/orders/{order.token}"


def _render(name: str, lang: str, html: bool = False, **ctx: object) -> tuple[str, str | None]:
    """The text (and optionally html) body of ``emails/<name>`` rendered in ``lang``."""
    with force_locale(lang):
        text = render_template(f"emails/{name}.txt", lang=lang, **ctx)
        body = render_template(f"emails/{name}.html", lang=lang, **ctx) if html else None
    return text, body


def _weavers(order: Order) -> list[Weaver]:
    seen: dict[int, Weaver] = {}
    for line in order.lines:
        if line.carpet is None:
            continue
        for weaver in line.carpet.weavers:
            seen.setdefault(weaver.id, weaver)
    return list(seen.values())


def queue_sale_mail(order: Order) -> None:
    """Order paid: confirm to the buyer, tell staff and every weaver with an email address."""
    text, html = _render("order_paid", order.lang, True, order=order, url=order_url(order))
    with force_locale(order.lang):
        subject = _("Order %(number)s confirmed – thank you!", number=order.number)
    queue_mail(order.email, subject, text, html)

    staff = current_app.config.get("STAFF_EMAIL")
    if staff:
        text, _html = _render("sale_staff", "en", order=order, url=order_url(order, "en"))
        queue_mail(staff, f"Sale: {order.number}", text)

    for weaver in _weavers(order):
        user = getattr(weaver, "user", None)
        if user is None or not user.email:
            continue  # shown on their shop dashboard instead
        wlang = user.preferred_lang or "hi"
        lines = [line for line in order.lines if line.carpet and weaver in line.carpet.weavers]
        text, _html = _render("sale_weaver", wlang, order=order, weaver=weaver, lines=lines)
        with force_locale(wlang):
            subject = _("Your carpet has sold: %(number)s", number=order.number)
        queue_mail(user.email, subject, text)


def queue_refund_needed_mail(order: Order, why: str) -> None:
    """Money arrived that we cannot keep: staff are told (the refund is already requested)."""
    staff = current_app.config.get("STAFF_EMAIL")
    if staff:
        text, _html = _render("refund_staff", "en", order=order, why=why)
        queue_mail(staff, f"Automatic refund: {order.number}", text)
    text, html = _render("order_refunding", order.lang, True, order=order, url=order_url(order))
    with force_locale(order.lang):
        subject = _("Your payment for order %(number)s is being refunded", number=order.number)
    queue_mail(order.email, subject, text, html)
