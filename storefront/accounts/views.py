"""HTTP views for the accounts area (thin: forms in, one service call, one commit)."""

from __future__ import annotations

from collections.abc import Callable

from flask import (
    Blueprint,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required, logout_user
from werkzeug.wrappers import Response

from storefront.accounts import services
from storefront.accounts.forms import REJECTION_REASONS, ApplyForm, LoginForm, RegisterForm
from storefront.accounts.phone import display_phone, normalise_phone
from storefront.accounts.sessions import home_url, safe_next, start_session
from storefront.extensions import db, limiter, login_manager
from storefront.i18n import LANG_PREFIX, current_lang

bp = Blueprint("accounts", __name__, url_prefix=f"{LANG_PREFIX}/account")


@bp.record_once
def _configure_login_manager(state) -> None:  # noqa: ANN001
    login_manager.login_message = _l("Please sign in to open that page.")
    login_manager.login_message_category = "info"


@bp.app_context_processor
def account_helpers() -> dict[str, object]:
    return {
        "display_phone": display_phone,
        "has_endpoint": lambda endpoint: endpoint in current_app.view_functions,
    }


def config_limit(key: str, default: str) -> Callable[[], str]:
    """A rate limit read from config when the request runs (e.g. LOGIN_RATE_LIMIT)."""
    return lambda: current_app.config.get(key, default)


def _login_key() -> str:
    login = request.form.get("login", "")
    return "login:" + (normalise_phone(login) or login.strip().lower())[:254]


def counted(response: Response) -> bool:
    """Deduct from a rate limit only for real attempts, not for forms sent back with typos."""
    return response.status_code in (302, 303) or bool(g.get("rate_counted"))


def _no_store(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.after_request
def personal_pages_are_not_cached(response: Response) -> Response:
    return _no_store(response)


def _redirect_after_sign_in(user) -> Response:  # noqa: ANN001
    return redirect(safe_next(request.args.get("next")) or home_url(user))


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(config_limit("LOGIN_RATE_LIMIT", "10/minute"), methods=["POST"])
@limiter.limit(
    config_limit("LOGIN_ACCOUNT_RATE_LIMIT", "20/hour"),
    key_func=_login_key,
    methods=["POST"],
    deduct_when=lambda response: response.status_code == 200,  # failed tries only
)
def login() -> ResponseReturnValue:
    if current_user.is_authenticated:
        return _redirect_after_sign_in(current_user)
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user = services.authenticate(form.login.data, form.password.data)
        except services.AccountSuspended:
            form.login.errors.append(
                _("Your account is suspended. Please call the cooperative office.")
            )
        except services.InvalidCredentials:
            form.password.errors.append(
                _("That mobile number or email and password do not match. Please try again.")
            )
        else:
            start_session(user, remember=form.remember.data)
            application = None if user.role != "buyer" else services.latest_application(user)
            db.session.commit()
            if application is not None and application.status == "rejected":
                flash(_("Your weaver application was not approved."), "warning")
                return redirect(url_for("accounts.home"))
            flash(_("Welcome, %(name)s. You are signed in.", name=user.name or user.email), "ok")
            return _redirect_after_sign_in(user)
    return render_template(
        "accounts/login.html", form=form, next=safe_next(request.args.get("next"))
    )


@bp.post("/logout")
def logout() -> ResponseReturnValue:
    logout_user()
    session.clear()
    flash(_("You are signed out."), "ok")
    return redirect(url_for("site.home"))


@bp.get("/")
@login_required
def home() -> ResponseReturnValue:
    application = services.latest_application(current_user)
    return render_template("accounts/home.html", application=application, reasons=REJECTION_REASONS)


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(config_limit("REGISTER_RATE_LIMIT", "5/hour"), methods=["POST"], deduct_when=counted)
def register() -> ResponseReturnValue:
    if current_user.is_authenticated:
        return redirect(url_for("accounts.home"))
    form = RegisterForm()
    if form.validate_on_submit():
        g.rate_counted = True
        try:
            user = services.register_buyer(
                form.name.data, form.email.data, form.password.data, current_lang()
            )
        except services.EmailTaken:
            form.email.errors.append(
                _("An account with this email already exists. Sign in, or reset your password.")
            )
        else:
            start_session(user)
            db.session.commit()
            flash(_("Welcome, %(name)s. Your account is ready.", name=user.name), "ok")
            return redirect(safe_next(request.args.get("next")) or url_for("site.home"))
    return render_template("accounts/register.html", form=form)


@bp.route("/apply", methods=["GET", "POST"])
@limiter.limit(config_limit("REGISTER_RATE_LIMIT", "5/hour"), methods=["POST"], deduct_when=counted)
def apply() -> ResponseReturnValue:
    user = current_user if current_user.is_authenticated else None
    if user is not None:
        previous = services.latest_application(user)
        if user.role != "buyer" or (previous is not None and previous.status == "pending"):
            return redirect(url_for("accounts.home"))
    else:
        previous = None
    form = ApplyForm()
    if user is not None:
        del form.password, form.confirm
        if user.phone:
            del form.phone
        if request.method == "GET" and previous is not None:
            form.name.data, form.village.data = previous.name, previous.village
            form.craft.data, form.photo_key.data = previous.craft, previous.photo_key
    if request.method == "POST":
        valid = form.validate_on_submit()  # a good photo is stored even if other fields fail
        if form.photo.stored:
            form.photo_key.data = form.photo.stored[0].key
        if valid:
            g.rate_counted = True
            try:
                application = services.apply_as_weaver(
                    name=form.name.data,
                    village=form.village.data,
                    craft=form.craft.data,
                    lang=current_lang(),
                    phone=form.phone_e164 if "phone" in form else None,
                    password=form.password.data if "password" in form else None,
                    photo_key=form.photo_key.data or None,
                    user=user,
                )
            except services.PhoneTaken:
                form.phone.errors.append(
                    _("This number is already registered. Please sign in with it instead.")
                )
            except services.ApplicationPending:
                return redirect(url_for("accounts.home"))
            else:
                if user is None:
                    start_session(application.user)
                db.session.commit()
                flash(_("Thank you! The cooperative will call you soon."), "ok")
                return redirect(url_for("accounts.home"))
    return render_template("accounts/apply.html", form=form, signed_in=user is not None)


from storefront.accounts import reset_views  # noqa: E402, F401  (routes on bp)
