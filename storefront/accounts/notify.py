"""Account emails, written in the user's own language and queued until the request commits."""

from __future__ import annotations

from flask import render_template
from flask_babel import force_locale, gettext

from storefront.accounts.models import User
from storefront.mail import queue_mail


def send_reset_link(user: User, link: str, hours: int) -> None:
    """Email ``user`` a password reset link (sent only after the transaction commits)."""
    if not user.email:
        return
    with force_locale(user.preferred_lang):
        subject = gettext("Set a new password for your Bunkar account")
        text = render_template("accounts/email/reset.txt", user=user, link=link, hours=hours)
    queue_mail(user.email, subject, text)
