"""Photo upload fields for any Flask-WTF form: validate by decoding, store, translate refusals.

Usage (a form with one or several photos)::

    class PhotosForm(FlaskForm):
        photos = PhotosField(_l("Photos"))            # several files
    class ApplicationForm(FlaskForm):
        photo = PhotoField(_l("Your photo"))          # one file, optional unless required=True

After ``form.validate_on_submit()`` the field's ``stored`` list holds the ``StoredImage``s that were
accepted; each refused file adds a translated message to ``field.errors`` naming the file, and the
good files of the same upload are still stored (a bad photo never loses the others).
"""

from __future__ import annotations

from typing import Any

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, MultipleFileField
from werkzeug.datastructures import FileStorage
from wtforms.validators import StopValidation

from storefront.media.services import ImageRejected, StoredImage, store_image

MESSAGES = {
    "empty": _l("The file is empty. Please choose the photo again."),
    "not_image": _l("This file is not a photo. Please choose a JPEG, PNG or WebP photo."),
    "unsupported_format": _l(
        "This kind of picture is not supported. Please choose a JPEG, PNG or WebP photo."
    ),
    "too_many_pixels": _l(
        "This photo has too many pixels (more than %(mp)s megapixels). "
        "Please choose a smaller photo."
    ),
}
ACCEPT = "image/jpeg,image/png,image/webp"


def rejection_message(reason: str, filename: str = "") -> str:
    """Translated text for an ``ImageRejected.reason``, prefixed with the file name if any."""
    mp = current_app.config["MAX_IMAGE_PIXELS"] // 1_000_000
    text = str(MESSAGES.get(reason, MESSAGES["not_image"])) % {"mp": mp}
    return _("%(name)s: %(problem)s", name=filename, problem=text) if filename else text


def too_large_message() -> str:
    """Translated text for an upload over ``MAX_CONTENT_LENGTH`` (HTTP 413)."""
    mb = current_app.config["MAX_CONTENT_LENGTH"] // (1024 * 1024)
    return _(
        "The photos you sent are too large together (at most %(mb)s MB at a time). "
        "Please send fewer photos at once.",
        mb=mb,
    )


def _files(data: Any) -> list[FileStorage]:
    items = data if isinstance(data, list) else [data]
    return [f for f in items if isinstance(f, FileStorage) and f.filename]


class _StoringMixin:
    """Decode and store every chosen file during validation; keep the good ones."""

    stored: list[StoredImage]
    required_message = _l("Please choose a photo.")

    def __init__(self, *args: Any, required: bool = False, **kwargs: Any) -> None:
        kwargs.setdefault("render_kw", {}).setdefault("accept", ACCEPT)
        super().__init__(*args, **kwargs)
        self.required = required
        self.stored = []

    def pre_validate(self, form: Any) -> None:
        self.stored = []
        files = _files(self.data)
        if not files:
            if self.required:
                raise StopValidation(str(self.required_message))
            return
        for upload in files:
            try:
                self.stored.append(store_image(upload.read()))
            except ImageRejected as exc:
                self.errors.append(rejection_message(exc.reason, upload.filename[-60:]))


class PhotoField(_StoringMixin, FileField):
    """One photo (e.g. a profile or applicant photo)."""


class PhotosField(_StoringMixin, MultipleFileField):
    """Several photos at once (e.g. a carpet's photos from the phone camera)."""
