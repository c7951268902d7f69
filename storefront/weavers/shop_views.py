"""The signed-in weaver's own shop area (/<lang>/shop/...): dashboard, profile, listings, photos.

Every view is weaver-only (``before_request``), and every view about one carpet loads it through
``get_own_carpet`` (404 missing, 403 not yours). Listing details and photos are separate forms:
a too-large photo upload (413) can then never lose typed details, which are already saved.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from werkzeug.exceptions import RequestEntityTooLarge

from storefront.accounts.access import weaver_required
from storefront.catalog import listing_review as review
from storefront.catalog.attributes import STATUS_LABELS
from storefront.catalog.listings import (
    ListingError,
    add_photos,
    create_listing,
    is_owner,
    listings_for_weaver,
    open_revision,
    open_revisions,
    photo_action,
    update_listing,
    working_images,
    working_values,
)
from storefront.catalog.models import Carpet
from storefront.errors import render_error
from storefront.extensions import db
from storefront.i18n import LANG_PREFIX, current_lang
from storefront.media.forms import too_large_message
from storefront.weavers import shop_services
from storefront.weavers.forms import (
    ListingForm,
    ListingPhotosForm,
    ProfileForm,
    ProfilePhotoForm,
    listing_error_message,
)
from storefront.weavers.models import Weaver

bp = Blueprint("shop", __name__, url_prefix=f"{LANG_PREFIX}/shop")
GROUPS = ("draft", "pending", "published", "sold")


def flash_listing_error(exc: ListingError) -> None:
    flash(listing_error_message(exc), "error")


@bp.before_request
@weaver_required
def _weavers_only() -> None:
    """Anonymous visitors sign in first; other roles get 403."""


@bp.after_request
def _private(response):  # noqa: ANN001, ANN202
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.context_processor
def _labels() -> dict[str, object]:
    return {"status_labels": STATUS_LABELS}


def current_weaver() -> Weaver:
    """The signed-in user's active weaver profile (403 if there is none)."""
    weaver = shop_services.weaver_for_user(current_user.id)
    if weaver is None or weaver.status != "active":
        abort(403)
    return weaver


def get_own_carpet(carpet_id: int) -> Carpet:
    """The carpet, if it is the signed-in weaver's: 404 if missing, 403 if not theirs."""
    carpet = db.session.get(Carpet, carpet_id)
    if carpet is None or carpet.status == "archived":
        abort(404)
    if not is_owner(carpet, current_weaver()):
        abort(403)
    return carpet


@bp.get("/")
def dashboard() -> ResponseReturnValue:
    weaver = current_weaver()
    carpets = listings_for_weaver(weaver)
    groups: dict[str, list[Carpet]] = {g: [] for g in GROUPS}
    for carpet in carpets:
        groups.setdefault(carpet.status, []).append(carpet)
    return render_template(
        "shop/dashboard.html",
        weaver=weaver,
        groups=groups,
        revisions=open_revisions([c.id for c in carpets]),
        notes=review.notes_to_act_on(carpets),
        reasons=review.SEND_BACK_REASONS,
    )


@bp.route("/listings/new", methods=["GET", "POST"])
def listing_new() -> ResponseReturnValue:
    weaver = current_weaver()
    form = ListingForm()
    if form.validate_on_submit():
        carpet = create_listing(weaver, form.listing_data(current_lang()))
        db.session.commit()
        flash(_("Saved as a draft. Now add photos of the carpet."), "success")
        return redirect(url_for(".listing_photos", carpet_id=carpet.id))
    status = 422 if form.is_submitted() else 200
    return render_template("shop/listing_form.html", form=form, carpet=None), status


@bp.route("/listings/<int:carpet_id>", methods=["GET", "POST"])
def listing_edit(carpet_id: int) -> ResponseReturnValue:
    carpet = get_own_carpet(carpet_id)
    if carpet.status == "sold":
        flash(_("This carpet is sold. It cannot be changed any more."), "warning")
        return redirect(url_for(".dashboard"))
    values = working_values(carpet)
    form = ListingForm()
    if carpet.status == "published":
        del form.stock  # stock of a live carpet is managed by orders
    if not form.is_submitted():
        form.fill_from(values)
    elif form.validate():
        data = form.listing_data(current_lang(), stored=values)
        rev = update_listing(carpet, data, actor_id=current_user.id)
        db.session.commit()
        if rev is not None:
            flash(_("Changes saved. Buyers see them after the cooperative checks them."), "success")
        else:
            flash(_("Saved."), "success")
        target = ".listing_photos" if request.form.get("next") == "photos" else ".listing_edit"
        return redirect(url_for(target, carpet_id=carpet.id))
    return render_template(
        "shop/listing_form.html",
        form=form,
        carpet=carpet,
        revision=open_revision(carpet),
        note=_latest_note(carpet),
        reasons=review.SEND_BACK_REASONS,
    ), (422 if form.is_submitted() else 200)


def _latest_note(carpet: Carpet):  # noqa: ANN202
    notes = review.notes_to_act_on([carpet])
    return notes[0][1] if notes else None


def _photos_page(carpet: Carpet, form: ListingPhotosForm, status: int = 200) -> ResponseReturnValue:
    return render_template(
        "shop/listing_photos.html",
        carpet=carpet,
        form=form,
        images=working_images(carpet),
        revision=open_revision(carpet),
        note=_latest_note(carpet),
        reasons=review.SEND_BACK_REASONS,
        missing=review.missing_for_review(working_values(carpet), working_images(carpet)),
    ), status


@bp.get("/listings/<int:carpet_id>/photos")
def listing_photos(carpet_id: int) -> ResponseReturnValue:
    return _photos_page(get_own_carpet(carpet_id), ListingPhotosForm(formdata=None))


@bp.post("/listings/<int:carpet_id>/photos")
def listing_photos_upload(carpet_id: int) -> ResponseReturnValue:
    carpet = get_own_carpet(carpet_id)
    form = ListingPhotosForm()
    form.validate_on_submit()  # stores every good photo, lists every refused one
    added = 0
    if form.photos.stored:
        try:
            added = add_photos(carpet, form.photos.stored, actor_id=current_user.id)
        except ListingError as exc:
            flash_listing_error(exc)
        db.session.commit()
    if added:
        flash(ngettext("%(num)d photo added.", "%(num)d photos added.", added), "success")
    if form.photos.errors:
        return _photos_page(carpet, form, 422)
    return redirect(url_for(".listing_photos", carpet_id=carpet.id))


@bp.post("/listings/<int:carpet_id>/photos/<key>")
def listing_photo_action(carpet_id: int, key: str) -> ResponseReturnValue:
    carpet = get_own_carpet(carpet_id)
    try:
        photo_action(carpet, key, request.form.get("action", ""), actor_id=current_user.id)
        db.session.commit()
    except ListingError as exc:
        flash_listing_error(exc)
    return redirect(url_for(".listing_photos", carpet_id=carpet.id) + "#photos")


@bp.post("/listings/<int:carpet_id>/submit")
def listing_submit(carpet_id: int) -> ResponseReturnValue:
    carpet = get_own_carpet(carpet_id)
    try:
        review.submit_for_review(carpet)
    except ListingError as exc:
        flash_listing_error(exc)
        return redirect(url_for(".listing_photos", carpet_id=carpet.id))
    db.session.commit()
    flash(_("Sent for review. The cooperative will check it soon."), "success")
    return redirect(url_for(".dashboard"))


@bp.post("/listings/<int:carpet_id>/<any(discard,sold,delete):action>")
def listing_state(carpet_id: int, action: str) -> ResponseReturnValue:
    carpet = get_own_carpet(carpet_id)
    service = {
        "discard": review.discard_changes,
        "sold": review.mark_sold,
        "delete": review.delete_draft,
    }[action]
    done = {
        "discard": _("Your changes were dropped. The live page did not change."),
        "sold": _("Marked as sold. Buyers can no longer order it."),
        "delete": _("The draft was deleted."),
    }[action]
    try:
        service(carpet)
    except ListingError as exc:
        flash_listing_error(exc)
        return redirect(url_for(".listing_edit", carpet_id=carpet_id))
    db.session.commit()
    flash(done, "success")
    return redirect(url_for(".dashboard"))


def _profile_page(
    weaver: Weaver, form: ProfileForm, photo_form: ProfilePhotoForm, status: int = 200
):  # noqa: ANN202
    return render_template(
        "shop/profile.html", weaver=weaver, profile_form=form, photo_form=photo_form
    ), status


@bp.route("/profile", methods=["GET", "POST"])
def profile() -> ResponseReturnValue:
    weaver = current_weaver()
    form = ProfileForm(obj=weaver)
    if form.validate_on_submit():
        shop_services.update_profile(
            weaver, {f: form[f].data for f in shop_services.PROFILE_FIELDS}, current_lang()
        )
        db.session.commit()
        flash(_("Your profile is saved."), "success")
        return redirect(url_for(".profile"))
    status = 422 if form.is_submitted() else 200
    return _profile_page(weaver, form, ProfilePhotoForm(formdata=None), status)


@bp.post("/profile/photo")
def profile_photo() -> ResponseReturnValue:
    weaver = current_weaver()
    photo_form = ProfilePhotoForm()
    if photo_form.validate_on_submit() and photo_form.photo.stored:
        shop_services.set_profile_photo(weaver, photo_form.photo.stored[0].key)
        db.session.commit()
        flash(_("Your photo is saved."), "success")
        return redirect(url_for(".profile"))
    return _profile_page(weaver, ProfileForm(formdata=None, obj=weaver), photo_form, 422)


@bp.errorhandler(RequestEntityTooLarge)
def too_large(exc: RequestEntityTooLarge) -> ResponseReturnValue:
    """Over MAX_CONTENT_LENGTH: show the same page again (everything saved is still there)."""
    endpoint, args = request.endpoint, request.view_args or {}
    if not (current_user.is_authenticated and current_user.is_weaver):
        return render_error(413)
    if endpoint == "shop.listing_photos_upload":
        carpet = get_own_carpet(args["carpet_id"])
        form = ListingPhotosForm(formdata=None)
        form.photos.errors = [too_large_message()]
        return _photos_page(carpet, form, 413)
    if endpoint == "shop.profile_photo":
        weaver = current_weaver()
        photo_form = ProfilePhotoForm(formdata=None)
        photo_form.photo.errors = [too_large_message()]
        return _profile_page(weaver, ProfileForm(formdata=None, obj=weaver), photo_form, 413)
    return render_error(413)
