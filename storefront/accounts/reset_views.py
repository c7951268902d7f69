"""Password reset: by emailed link, or with a one-time code from the cooperative office."""

from __future__ import annotations

from flask import current_app, flash, g, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from storefront.accounts import services
from storefront.accounts.forms import ResetCodeForm, ResetPasswordForm, ResetRequestForm
from storefront.accounts.notify import send_reset_link
from storefront.accounts.views import bp, config_limit, counted
from storefront.extensions import db, limiter


@bp.route("/reset", methods=["GET", "POST"])
@limiter.limit(config_limit("RESET_RATE_LIMIT", "5/hour"), methods=["POST"], deduct_when=counted)
def reset_request() -> ResponseReturnValue:
    form = ResetRequestForm()
    if form.validate_on_submit():
        g.rate_counted = True
        user = services.user_for_reset_request(form.login.data)
        if user is not None:
            token = services.make_reset_token(user)
            path = url_for("accounts.reset_password", token=token, lang=user.preferred_lang)
            link = current_app.config["PUBLIC_BASE_URL"].rstrip("/") + path
            send_reset_link(user, link, hours=services.RESET_LINK_MAX_AGE // 3600)
            db.session.commit()
        # The same answer whether or not the account exists (no probing for accounts).
        flash(
            _(
                "If this account has an email address, we have sent a link to it. "
                "No email? Ask the cooperative office for a reset code."
            ),
            "ok",
        )
        return redirect(url_for("accounts.login"))
    return render_template("accounts/reset_request.html", form=form)


@bp.route("/reset/<token>", methods=["GET", "POST"])
@limiter.limit(config_limit("RESET_RATE_LIMIT", "5/hour"), methods=["POST"], deduct_when=counted)
def reset_password(token: str) -> ResponseReturnValue:
    try:
        user = services.user_for_reset_token(token)
    except services.InvalidResetLink as exc:
        message = (
            _("This link has expired. Please ask for a new one.")
            if exc.expired
            else _("This link is not valid any more. It may have been used already.")
        )
        return render_template("accounts/reset_invalid.html", message=message), 410
    form = ResetPasswordForm()
    if form.validate_on_submit():
        services.set_new_password(user, form.password.data)
        db.session.commit()
        flash(_("Your new password is saved. Please sign in with it."), "ok")
        return redirect(url_for("accounts.login"))
    return render_template("accounts/reset_password.html", form=form)


@bp.route("/reset/code", methods=["GET", "POST"])
@limiter.limit(config_limit("RESET_CODE_RATE_LIMIT", "10/hour"), methods=["POST"])
def reset_code() -> ResponseReturnValue:
    form = ResetCodeForm()
    if form.validate_on_submit():
        try:
            services.reset_with_code(form.phone_e164, form.clean_code, form.password.data)
        except services.InvalidResetCode:
            db.session.commit()  # keep the count of wrong tries
            form.code.errors.append(
                _(
                    "This code is wrong, used or expired. Check the number, "
                    "or ask the cooperative office for a new code."
                )
            )
        else:
            db.session.commit()
            flash(_("Your new password is saved. Please sign in with it."), "ok")
            return redirect(url_for("accounts.login"))
    return render_template("accounts/reset_code.html", form=form)
