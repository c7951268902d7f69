"""Listing moderation in the back office: the queue, approve or send back, edit any listing.

Staff use the same form and services as weavers (``storefront.catalog.listings``) with the owner
check bypassed (``by_staff=True``): the rules about what may change stay in one place.
"""

from __future__ import annotations

from typing import Any

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import force_locale, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import HiddenField, SelectMultipleField, TextAreaField, widgets
from wtforms.fields.choices import SelectChoice
from wtforms.fields.core import UnboundField
from wtforms.validators import Length, Optional

from storefront.accounts.access import staff_required
from storefront.admin.views import bp
from storefront.catalog import listing_review as review
from storefront.catalog.attributes import STATUS_LABELS, format_ft_in
from storefront.catalog.listings import (
    CHOICES,
    ListingError,
    add_photos,
    open_revision,
    photo_action,
    update_listing,
    working_images,
    working_values,
)
from storefront.catalog.models import Carpet
from storefront.extensions import db
from storefront.mail import queue_mail
from storefront.money import format_money
from storefront.weavers.forms import ListingForm, ListingPhotosForm, listing_error_message

STATUS_TABS = ("pending", "published", "draft", "sold")
FIELD_LABELS = {
    name: field.args[0]
    for name, field in vars(ListingForm).items()
    if isinstance(field, UnboundField)
}
FIELD_LABELS |= {
    "width_cm": _l("Width"),
    "length_cm": _l("Length"),
    "price_paise": _l("Price"),
    "weight_g": _l("Weight"),
    "source_lang": _l("Written in"),
}


class SendBackForm(FlaskForm):
    reasons = SelectMultipleField(
        _l("What should the weaver change?"),
        choices=[SelectChoice(key, label) for key, label in review.SEND_BACK_REASONS.items()],
        option_widget=widgets.CheckboxInput(),
        widget=widgets.ListWidget(prefix_label=False),
        validate_choice=True,
    )
    note = TextAreaField(_l("Note to the weaver"), [Optional(), Length(max=2000)])


class ApproveForm(FlaskForm):
    version = HiddenField()


def display_value(field: str, value: Any) -> str:
    """A stored listing value as staff read it (money, cm with feet, translated choices)."""
    if value is None or value == "":
        return "—"
    if field == "price_paise":
        return format_money(value, "INR")
    if field in ("width_cm", "length_cm"):
        return f"{value} cm ({format_ft_in(value)})"
    if field == "weight_g":
        return f"{value / 1000:.1f} kg"
    if field == "pile_height_mm":
        return f"{value} mm"
    if field in CHOICES:
        return str(CHOICES[field].get(value, value))
    return str(value)


def _get_carpet(carpet_id: int) -> Carpet:
    """Staff may open any listing (the admin bypass of the weavers' owner check)."""
    carpet = db.session.get(Carpet, carpet_id)
    if carpet is None:
        abort(404)
    return carpet


def _context(**extra: Any) -> dict[str, Any]:
    return {"status_labels": STATUS_LABELS, "admin_section": "admin.listings", **extra}


@bp.get("/listings")
@staff_required
def listings() -> ResponseReturnValue:
    status = request.args.get("status", "pending")
    if status not in STATUS_TABS:
        status = "pending"
    q = (request.args.get("q") or "").strip().lower()
    if status == "pending" and not q:
        return render_template(
            "admin/listings.html",
            **_context(queue=review.review_queue(), status=status, q=q, tabs=STATUS_TABS),
        )
    query = select(Carpet).where(Carpet.status == status)
    if q:
        query = select(Carpet).where(Carpet.search_text.contains(q) | (Carpet.sku == q.upper()))
    carpets = list(
        db.session.scalars(query.order_by(Carpet.updated_at.desc(), Carpet.id.desc()).limit(100))
    )
    return render_template(
        "admin/listings.html", **_context(carpets=carpets, status=status, q=q, tabs=STATUS_TABS)
    )


def _review_page(
    carpet: Carpet, send_back_form: SendBackForm | None = None, status: int = 200
) -> ResponseReturnValue:
    rev = open_revision(carpet)
    values = working_values(carpet)
    weaver = carpet.weavers[0] if carpet.weavers else None
    reader_lang = weaver.user.preferred_lang if weaver and weaver.user else "hi"
    return render_template(
        "admin/listing_review.html",
        **_context(
            carpet=carpet,
            revision=rev,
            values=values,
            images=working_images(carpet),
            changes=review.revision_changes(carpet, rev) if rev else [],
            photos_changed=review.photos_changed(rev) if rev else False,
            approve_form=ApproveForm(formdata=None, version=review.listing_version(carpet)),
            send_back_form=send_back_form or SendBackForm(formdata=None),
            display_value=display_value,
            field_labels=FIELD_LABELS,
            reasons=review.SEND_BACK_REASONS,
            reader_lang=reader_lang,
            last_review=review.latest_reviews([carpet.id]).get(carpet.id),
        ),
    ), status


@bp.get("/listings/<int:carpet_id>")
@staff_required
def listing_review(carpet_id: int) -> ResponseReturnValue:
    return _review_page(_get_carpet(carpet_id))


@bp.post("/listings/<int:carpet_id>/approve")
@staff_required
def listing_approve(carpet_id: int) -> ResponseReturnValue:
    carpet = _get_carpet(carpet_id)
    form = ApproveForm()
    try:
        review.approve(carpet, current_user.id, seen_version=form.version.data or "")
    except ListingError as exc:
        flash(listing_error_message(exc), "error")
        return redirect(url_for("admin.listing_review", carpet_id=carpet.id))
    _notify(carpet, approved=True)
    db.session.commit()
    flash(_("Approved. The carpet is live in the shop."), "success")
    return redirect(url_for("admin.listings"))


@bp.post("/listings/<int:carpet_id>/send-back")
@staff_required
def listing_send_back(carpet_id: int) -> ResponseReturnValue:
    carpet = _get_carpet(carpet_id)
    form = SendBackForm()
    if not form.validate_on_submit():
        return _review_page(carpet, form, 422)
    try:
        note = review.send_back(
            carpet, current_user.id, form.reasons.data or [], form.note.data or ""
        )
    except ListingError as exc:
        form.note.errors = [listing_error_message(exc)]
        return _review_page(carpet, form, 422)
    _notify(carpet, approved=False, note=note)
    db.session.commit()
    flash(_("Sent back to the weaver with your note."), "success")
    return redirect(url_for("admin.listings"))


def _notify(carpet: Carpet, approved: bool, note: Any = None) -> None:
    """Email the weavers who have an address, in their own language (queued until commit)."""
    for weaver in carpet.weavers:
        user = weaver.user
        if user is None or not user.email:
            continue
        with force_locale(user.preferred_lang or "hi"):
            title = (
                (carpet.title_hi if user.preferred_lang == "hi" else carpet.title_en)
                or carpet.title_en
                or carpet.title_hi
            )
            if approved:
                subject = _("Your carpet is live: %(title)s", title=title)
                body = _(
                    'The cooperative approved "%(title)s". Buyers can see it now.', title=title
                )
            else:
                subject = _("Please change your carpet: %(title)s", title=title)
                lines = [str(review.SEND_BACK_REASONS[r]) for r in note.reasons] + (
                    [note.note] if note.note else []
                )
                body = (
                    _('The cooperative asks you to change "%(title)s":', title=title)
                    + "\n\n"
                    + "\n".join(f"- {line}" for line in lines)
                )
            path = url_for(
                "shop.listing_edit", carpet_id=carpet.id, lang=user.preferred_lang or "hi"
            )
            link = current_app.config["PUBLIC_BASE_URL"].rstrip("/") + path
            queue_mail(user.email, subject, body + "\n\n" + link)


@bp.route("/listings/<int:carpet_id>/edit", methods=["GET", "POST"])
@staff_required
def listing_edit(carpet_id: int) -> ResponseReturnValue:
    carpet = _get_carpet(carpet_id)
    values = working_values(carpet)
    form = ListingForm()
    if carpet.status in ("published", "sold"):
        del form.stock
    if not form.is_submitted():
        form.fill_from(values)
    elif form.validate():
        data = form.listing_data(carpet.source_lang, stored=values)
        update_listing(carpet, data, by_staff=True, actor_id=current_user.id)
        db.session.commit()
        flash(_("Saved."), "success")
        return redirect(url_for("admin.listing_review", carpet_id=carpet.id))
    status = 422 if form.is_submitted() else 200
    return render_template(
        "admin/listing_edit.html",
        **_context(carpet=carpet, form=form, revision=open_revision(carpet)),
    ), status


def _photos_page(carpet: Carpet, form: ListingPhotosForm, status: int = 200) -> ResponseReturnValue:
    return render_template(
        "admin/listing_photos.html",
        **_context(
            carpet=carpet, form=form, images=working_images(carpet), revision=open_revision(carpet)
        ),
    ), status


@bp.get("/listings/<int:carpet_id>/photos")
@staff_required
def listing_photos(carpet_id: int) -> ResponseReturnValue:
    return _photos_page(_get_carpet(carpet_id), ListingPhotosForm(formdata=None))


@bp.post("/listings/<int:carpet_id>/photos")
@staff_required
def listing_photos_upload(carpet_id: int) -> ResponseReturnValue:
    carpet = _get_carpet(carpet_id)
    form = ListingPhotosForm()
    form.validate_on_submit()
    if form.photos.stored:
        try:
            added = add_photos(carpet, form.photos.stored, by_staff=True, actor_id=current_user.id)
            flash(ngettext("%(num)d photo added.", "%(num)d photos added.", added), "success")
        except ListingError as exc:
            flash(listing_error_message(exc), "error")
        db.session.commit()
    if form.photos.errors:
        return _photos_page(carpet, form, 422)
    return redirect(url_for("admin.listing_photos", carpet_id=carpet.id))


@bp.post("/listings/<int:carpet_id>/photos/<key>")
@staff_required
def listing_photo_action(carpet_id: int, key: str) -> ResponseReturnValue:
    carpet = _get_carpet(carpet_id)
    try:
        photo_action(
            carpet, key, request.form.get("action", ""), by_staff=True, actor_id=current_user.id
        )
        db.session.commit()
    except ListingError as exc:
        flash(listing_error_message(exc), "error")
    return redirect(url_for("admin.listing_photos", carpet_id=carpet.id) + "#photos")
