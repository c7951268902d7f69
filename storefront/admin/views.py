"""The cooperative's back office (/<lang>/admin/...): staff only, every route.

Other areas add their pages to ``bp`` from ``storefront/admin/<area>.py`` (imported at the end
of this module) and their links to ``ADMIN_NAV`` / tiles to ``DASHBOARD_TILES``.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.wrappers import Response

from storefront.accounts import services as accounts
from storefront.accounts.access import staff_required
from storefront.accounts.forms import REJECTION_REASONS
from storefront.accounts.models import User, WeaverApplication
from storefront.accounts.transliterate import to_latin
from storefront.admin import services
from storefront.admin.forms import DISTRICT_NAMES, ApproveForm, RejectForm
from storefront.extensions import db, login_manager
from storefront.i18n import LANG_PREFIX
from storefront.weavers.models import Weaver

bp = Blueprint("admin", __name__, url_prefix=f"{LANG_PREFIX}/admin")

# Links in the admin menu, shown when the endpoint exists: (endpoint, label).
ADMIN_NAV: list[tuple[str, Any]] = [
    ("admin.dashboard", _l("Overview")),
    ("admin.applications", _l("Applications")),
    ("admin.weavers", _l("Weavers")),
    ("admin.listings", _l("Listings")),
    ("admin.orders", _l("Orders")),
    ("admin.feeds", _l("Feeds")),
]
# Dashboard tiles: (key in services.dashboard_counts(), label, endpoint to open).
DASHBOARD_TILES: list[tuple[str, Any, str]] = [
    ("applications", _l("Applications to review"), "admin.applications"),
    ("listings", _l("Listings waiting for review"), "admin.listings"),
    ("weavers_active", _l("Active weavers"), "admin.weavers"),
    ("weavers_suspended", _l("Suspended weavers"), "admin.weavers"),
    ("carpets_published", _l("Carpets on sale"), "catalog.index"),
]


@bp.before_request
def staff_only() -> ResponseReturnValue | None:
    """Every admin route, including other areas' pages on this blueprint, is staff only."""
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    if not current_user.is_staff:
        abort(403)
    return None


@bp.after_request
def no_store(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.context_processor
def admin_context() -> dict[str, Any]:
    return {"admin_nav": ADMIN_NAV, "district_names": DISTRICT_NAMES}


@bp.get("/")
@staff_required
def dashboard() -> ResponseReturnValue:
    counts = services.dashboard_counts()
    tiles = [(counts.get(key, 0), label, endpoint) for key, label, endpoint in DASHBOARD_TILES]
    return render_template("admin/dashboard.html", tiles=tiles)


def _get_application(application_id: int) -> WeaverApplication:
    application = db.session.get(WeaverApplication, application_id)
    if application is None:
        abort(404)
    return application


@bp.get("/applications")
@staff_required
def applications() -> ResponseReturnValue:
    status = request.args.get("status", "pending")
    if status not in ("pending", "approved", "rejected"):
        status = "pending"
    return render_template(
        "admin/applications.html",
        applications=services.list_applications(status),
        status=status,
    )


def _approve_form(application: WeaverApplication) -> ApproveForm:
    form = ApproveForm()
    if request.method == "GET":
        hindi = services.is_hindi(application.name)
        form.name_hi.data = application.name if hindi else ""
        form.name_en.data = to_latin(application.name).title() if hindi else application.name
        village_hindi = services.is_hindi(application.village)
        form.village_hi.data = application.village if village_hindi else ""
        form.village_en.data = (
            to_latin(application.village).title() if village_hindi else application.village
        )
    return form


def _render_application(
    application: WeaverApplication,
    approve_form: ApproveForm | None = None,
    reject_form: RejectForm | None = None,
    status: int = 200,
) -> ResponseReturnValue:
    user = application.user
    return (
        render_template(
            "admin/application.html",
            application=application,
            approve_form=approve_form or _approve_form(application),
            reject_form=reject_form or RejectForm(formdata=None),
            reasons=REJECTION_REASONS,
            weaver=services.weaver_for_user(user) if user else None,
        ),
        status,
    )


@bp.get("/applications/<int:application_id>")
@staff_required
def application(application_id: int) -> ResponseReturnValue:
    return _render_application(_get_application(application_id))


@bp.post("/applications/<int:application_id>/approve")
@staff_required
def approve(application_id: int) -> ResponseReturnValue:
    application = _get_application(application_id)
    form = ApproveForm()
    if not form.validate_on_submit():
        return _render_application(application, approve_form=form, status=400)
    details = services.WeaverDetails(
        name_en=form.name_en.data,
        name_hi=form.name_hi.data or "",
        village_en=form.village_en.data or "",
        village_hi=form.village_hi.data or "",
        district=form.district.data,
    )
    try:
        weaver = services.approve_application(application, current_user, details)
    except (services.AlreadyDecided, services.AlreadyWeaver):
        flash(_("This application was already decided."), "warning")
        return redirect(url_for("admin.application", application_id=application.id))
    db.session.commit()
    flash(
        _(
            "%(name)s is now a weaver. Their profile: /weavers/%(slug)s",
            name=weaver.name_en,
            slug=weaver.slug,
        ),
        "ok",
    )
    return redirect(url_for("admin.applications"))


@bp.post("/applications/<int:application_id>/reject")
@staff_required
def reject(application_id: int) -> ResponseReturnValue:
    application = _get_application(application_id)
    form = RejectForm()
    if form.validate_on_submit():
        try:
            services.reject_application(
                application, current_user, form.reason_code.data, form.reason.data or ""
            )
        except services.ReasonRequired:
            form.reason.errors.append(_("Please write a note that explains the reason."))
        except services.AlreadyDecided:
            flash(_("This application was already decided."), "warning")
            return redirect(url_for("admin.application", application_id=application.id))
        else:
            db.session.commit()
            flash(_("The application was turned down. The applicant will see why."), "ok")
            return redirect(url_for("admin.applications"))
    return _render_application(application, reject_form=form, status=400)


@bp.get("/weavers")
@staff_required
def weavers() -> ResponseReturnValue:
    status = request.args.get("status") or None
    if status not in (None, "active", "suspended"):
        status = None
    return render_template(
        "admin/weavers.html", weavers=services.list_weavers(status), status=status
    )


def _get_weaver(weaver_id: int) -> Weaver:
    weaver = db.session.get(Weaver, weaver_id)
    if weaver is None:
        abort(404)
    return weaver


@bp.post("/weavers/<int:weaver_id>/suspend")
@staff_required
def suspend_weaver(weaver_id: int) -> ResponseReturnValue:
    weaver = _get_weaver(weaver_id)
    services.suspend_weaver(weaver)
    db.session.commit()
    flash(_("%(name)s is suspended: profile and carpets are hidden.", name=weaver.name_en), "ok")
    return redirect(url_for("admin.weavers"))


@bp.post("/weavers/<int:weaver_id>/reactivate")
@staff_required
def reactivate_weaver(weaver_id: int) -> ResponseReturnValue:
    weaver = _get_weaver(weaver_id)
    services.reactivate_weaver(weaver)
    db.session.commit()
    flash(_("%(name)s is active again.", name=weaver.name_en), "ok")
    return redirect(url_for("admin.weavers"))


@bp.post("/users/<int:user_id>/reset-code")
@staff_required
def issue_reset_code(user_id: int) -> ResponseReturnValue:
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    if not user.phone or user.is_staff:
        flash(_("A reset code can only be given to a weaver with a mobile number."), "warning")
        return redirect(url_for("admin.weavers"))
    issued = accounts.issue_reset_code(user, current_user)
    db.session.commit()
    code = issued.code
    return render_template(
        "admin/reset_code.html",
        user=user,
        code=f"{code[:4]} {code[4:]}",
        expires=issued.expires_at,
        hours=accounts.RESET_CODE_HOURS,
    )


# Other areas' back-office pages register their routes on ``bp`` in these modules.
from storefront.admin import feeds, listings, orders  # noqa: E402, F401
