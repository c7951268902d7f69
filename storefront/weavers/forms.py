"""Forms of the weaver's shop: listing details, profile, photos.

Number fields are plain text inputs with ``inputmode="numeric"``: a Hindi phone keyboard may type
Devanagari digits (१२०), which ``<input type=number>`` would silently drop. The fields below turn
any Unicode decimal digit into ASCII and ignore grouping commas before validating, and on an
error they show back exactly what was typed.
"""

from __future__ import annotations

import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DecimalField, IntegerField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional, ValidationError
from wtforms.widgets import TextInput

from storefront.catalog.attributes import (
    CM_PER_INCH,
    COLOURS,
    CONSTRUCTIONS,
    DESIGNS,
    DYES,
    FOUNDATION_MATERIALS,
    PILE_MATERIALS,
    SHAPES,
    cm_to_ft_in,
    kpsi_from_quality,
)
from storefront.catalog.listings import MAX_PHOTOS, ListingError
from storefront.i18n import format_number
from storefront.media.forms import PhotoField, PhotosField

GROUPING = {ord(c): None for c in ", _'\u00a0\u202f\u20b9"}  # commas, spaces, ₹


def ascii_digits(value: Any) -> Any:
    """``"१,५०,०००"`` -> ``"1,50,000"``: every Unicode decimal digit becomes its ASCII digit."""
    if not isinstance(value, str):
        return value
    return "".join(
        str(unicodedata.decimal(ch)) if not ch.isascii() and ch.isdecimal() else ch for ch in value
    ).strip()


def number_text(value: str) -> str:
    """The typed number without grouping commas, spaces or a rupee sign."""
    return ascii_digits(value).translate(GROUPING)


NUMERIC = {"inputmode": "numeric", "autocomplete": "off"}
DECIMAL = {"inputmode": "decimal", "autocomplete": "off"}


class WholeNumberField(IntegerField):
    """An integer field that accepts Devanagari digits and Indian grouping (1,50,000)."""

    widget = TextInput()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["render_kw"] = {**NUMERIC, **kwargs.get("render_kw", {})}
        super().__init__(*args, **kwargs)

    def process_formdata(self, valuelist: list[str]) -> None:
        if not valuelist:
            return
        text = number_text(valuelist[0])
        if not text:
            self.data = None
            return
        if not text.isascii() or not text.isdigit():
            self.data = None
            raise ValueError(_l("Please write a whole number, for example 120."))
        self.data = int(text)


class DecimalNumberField(DecimalField):
    """A decimal field (e.g. kilograms) that accepts Devanagari digits."""

    widget = TextInput()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["render_kw"] = {**DECIMAL, **kwargs.get("render_kw", {})}
        super().__init__(*args, **kwargs)

    def process_formdata(self, valuelist: list[str]) -> None:
        if not valuelist:
            return
        text = number_text(valuelist[0])
        if not text:
            self.data = None
            return
        try:
            if not text.isascii():
                raise InvalidOperation
            self.data = Decimal(text)
            if not self.data.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            self.data = None
            raise ValueError(_l("Please write a number, for example 12.5.")) from None


def _kg(grams: int) -> Decimal:
    return (Decimal(grams) / 1000).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _choices(vocabulary: dict[str, Any]) -> list[SelectChoice]:
    return [SelectChoice(key, label) for key, label in vocabulary.items()]


class InRange:
    """Like ``NumberRange``, but silent when the typed text was not a number (that error is
    already shown) and with the limits grouped the Indian way (1,00,00,000)."""

    def __init__(self, low: int | Decimal, high: int | Decimal, message: Any = None) -> None:
        self.low, self.high, self.message = low, high, message

    def __call__(self, form: Any, field: Any) -> None:
        if field.data is None or self.low <= field.data <= self.high:
            return
        if self.message is not None:
            raise ValidationError(str(self.message))
        raise ValidationError(
            _(
                "Please write a number from %(min)s to %(max)s.",
                min=format_number(self.low),
                max=format_number(self.high),
            )
        )


def _range(low: int, high: int) -> InRange:
    return InRange(low, high)


class ListingForm(FlaskForm):
    title_hi = StringField(_l("Name of the carpet (Hindi)"), [Optional(), Length(max=200)])
    title_en = StringField(_l("Name of the carpet (English)"), [Optional(), Length(max=200)])
    description_hi = TextAreaField(_l("About this carpet (Hindi)"), [Optional(), Length(max=5000)])
    description_en = TextAreaField(
        _l("About this carpet (English)"), [Optional(), Length(max=5000)]
    )
    construction = SelectField(_l("How is it made?"), choices=_choices(CONSTRUCTIONS))
    pile_material = SelectField(_l("Pile (the yarn you see)"), choices=_choices(PILE_MATERIALS))
    foundation_material = SelectField(
        _l("Foundation (warp and weft)"), choices=_choices(FOUNDATION_MATERIALS)
    )
    dyes = SelectField(_l("Dyes"), choices=_choices(DYES))
    shape = SelectField(_l("Shape"), choices=_choices(SHAPES))
    size_unit = RadioField(
        _l("Measure in"),
        choices=[SelectChoice("ft", _l("Feet and inches")), SelectChoice("cm", _l("Centimetres"))],
        default="ft",
    )
    width_ft = WholeNumberField(_l("Width: feet"), [Optional(), _range(0, 60)])
    width_in = WholeNumberField(_l("Width: inches"), [Optional(), _range(0, 11)])
    length_ft = WholeNumberField(_l("Length: feet"), [Optional(), _range(0, 100)])
    length_in = WholeNumberField(_l("Length: inches"), [Optional(), _range(0, 11)])
    width_cm = WholeNumberField(_l("Width in cm"), [Optional(), _range(10, 2000)])
    length_cm = WholeNumberField(_l("Length in cm"), [Optional(), _range(10, 3000)])
    quality = StringField(
        _l("Quality (as the trade writes it, e.g. 10x10)"),
        [Optional(), Length(max=20)],
        filters=[ascii_digits],
    )
    kpsi = WholeNumberField(_l("Knots per square inch"), [Optional(), _range(1, 2000)])
    price_rupees = WholeNumberField(
        _l("Price (in ₹)"),
        [InputRequired(_l("Please write the price in rupees.")), _range(100, 10_000_000)],
    )
    pile_height_mm = WholeNumberField(_l("Pile height (mm)"), [Optional(), _range(0, 60)])
    weight_kg = DecimalNumberField(
        _l("Weight (kg)"),
        [
            Optional(),
            InRange(Decimal("0.1"), 1000, _l("Please write a weight from 0.1 to 1000 kg.")),
        ],
        places=1,
    )
    colour_primary = SelectField(_l("Main colour"), choices=_choices(COLOURS))
    colour_secondary = SelectField(
        _l("Second colour"), choices=[SelectChoice("", _l("None")), *_choices(COLOURS)], default=""
    )
    design = SelectField(_l("Design"), choices=_choices(DESIGNS))
    weaving_days = WholeNumberField(
        _l("How many days did weaving take?"), [Optional(), _range(1, 3650)]
    )
    stock = WholeNumberField(
        _l("How many of this carpet do you have?"), [Optional(), _range(1, 50)], default=1
    )

    SIZE_FIELDS = {"ft": ("width_ft", "length_ft"), "cm": ("width_cm", "length_cm")}

    def validate(self, extra_validators: Any = None) -> bool:
        ok = super().validate(extra_validators)
        if not (self.title_hi.data or "").strip() and not (self.title_en.data or "").strip():
            self.title_hi.errors.append(
                _("Please write a name for the carpet, in Hindi or English.")
            )
            ok = False
        for name in self.SIZE_FIELDS.get(self.size_unit.data or "ft", ()):
            field = self[name]
            if not field.errors and not field.data:
                field.errors.append(
                    _("Please write the width.")
                    if name.startswith("width")
                    else _("Please write the length.")
                )
                ok = False
        quality = (self.quality.data or "").strip()
        if quality and self.kpsi.data and kpsi_from_quality(quality) not in (None, self.kpsi.data):
            self.kpsi.errors.append(
                _(
                    "Quality %(quality)s means %(kpsi)s knots per square inch. Please check.",
                    quality=quality,
                    kpsi=kpsi_from_quality(quality),
                )
            )
            ok = False
        return ok

    def size_cm(self, keep: tuple[int, int] | None = None) -> tuple[int, int]:
        """(width, length) in cm; ``keep`` avoids 1 cm drift when feet and inches were unchanged."""
        if self.size_unit.data == "cm":
            return self.width_cm.data, self.length_cm.data
        pairs = (
            (self.width_ft.data or 0, self.width_in.data or 0),
            (self.length_ft.data or 0, self.length_in.data or 0),
        )
        out = []
        for i, (feet, inches) in enumerate(pairs):
            if keep and cm_to_ft_in(keep[i]) == (feet, inches):
                out.append(keep[i])
                continue
            total = Decimal(feet * 12 + inches) * CM_PER_INCH
            out.append(int(total.quantize(Decimal(1), rounding=ROUND_HALF_UP)))
        return out[0], out[1]

    def listing_data(self, lang: str, stored: dict[str, Any] | None = None) -> dict[str, Any]:
        """The carpet fields for ``storefront.catalog.listings`` (cm, paise, grams).

        ``stored`` are the values the form was filled from: a size or weight the weaver left as
        shown keeps its exact stored value (no rounding drift from cm -> feet -> cm), and the
        language the listing was first written in stays unless that title was emptied.
        """
        stored = stored or {}
        keep = (stored["width_cm"], stored["length_cm"]) if "width_cm" in stored else None
        width, length = self.size_cm(keep)
        quality = (self.quality.data or "").strip()
        kpsi = self.kpsi.data or kpsi_from_quality(quality)
        weight = self.weight_kg.data
        grams = int(weight * 1000) if weight is not None else None
        if stored.get("weight_g") and weight == _kg(stored["weight_g"]):
            grams = stored["weight_g"]
        title = {"hi": self.title_hi.data or "", "en": self.title_en.data or ""}
        source = stored.get("source_lang")
        if source not in title or not title[source].strip():
            source = lang if title[lang].strip() else ("en" if lang == "hi" else "hi")
        data = {
            "title_hi": self.title_hi.data or "",
            "title_en": self.title_en.data or "",
            "description_hi": self.description_hi.data or "",
            "description_en": self.description_en.data or "",
            "source_lang": source,
            "construction": self.construction.data,
            "pile_material": self.pile_material.data,
            "foundation_material": self.foundation_material.data,
            "dyes": self.dyes.data,
            "shape": self.shape.data,
            "width_cm": width,
            "length_cm": length,
            "quality": quality,
            "kpsi": kpsi if kpsi and 1 <= kpsi <= 2000 else None,
            "price_paise": self.price_rupees.data * 100,
            "pile_height_mm": self.pile_height_mm.data,
            "weight_g": grams,
            "colour_primary": self.colour_primary.data,
            "colour_secondary": self.colour_secondary.data or None,
            "design": self.design.data,
            "weaving_days": self.weaving_days.data,
        }
        if "stock" in self._fields:
            data["stock"] = self.stock.data or 1
        return data

    def fill_from(self, values: dict[str, Any]) -> None:
        """Show a carpet's stored values (cm, paise, grams) in the form's units."""
        for name in (
            "title_hi",
            "title_en",
            "description_hi",
            "description_en",
            "construction",
            "pile_material",
            "foundation_material",
            "dyes",
            "shape",
            "quality",
            "kpsi",
            "pile_height_mm",
            "colour_primary",
            "design",
            "weaving_days",
        ):
            self[name].data = values.get(name)
        self.colour_secondary.data = values.get("colour_secondary") or ""
        if "stock" in self._fields:
            self.stock.data = values.get("stock") or 1
        self.width_cm.data, self.length_cm.data = values["width_cm"], values["length_cm"]
        self.width_ft.data, self.width_in.data = cm_to_ft_in(values["width_cm"])
        self.length_ft.data, self.length_in.data = cm_to_ft_in(values["length_cm"])
        self.price_rupees.data = values["price_paise"] // 100
        grams = values.get("weight_g")
        self.weight_kg.data = _kg(grams) if grams else None


class ProfileForm(FlaskForm):
    bio_hi = TextAreaField(_l("About you (Hindi)"), [Optional(), Length(max=3000)])
    bio_en = TextAreaField(_l("About you (English)"), [Optional(), Length(max=3000)])
    village_hi = StringField(_l("Village (Hindi)"), [Optional(), Length(max=120)])
    village_en = StringField(_l("Village (English)"), [Optional(), Length(max=120)])


class ProfilePhotoForm(FlaskForm):
    photo = PhotoField(_l("Your photo"), required=True)


class ListingPhotosForm(FlaskForm):
    photos = PhotosField(_l("Photos"), required=True)


LISTING_ERRORS = {
    "locked": _l("This carpet can no longer be changed."),
    "too_many_photos": _l("A carpet can have at most %(max)s photos. Please remove one first."),
    "no_such_photo": _l("That photo is no longer on this carpet."),
    "already_pending": _l("This is already waiting for review."),
    "not_draft": _l("This can only be done with a draft."),
    "nothing_to_review": _l("Nothing on this carpet is waiting for review."),
    "changed": _l("The weaver changed this listing while you were looking. Please check it again."),
    "note_required": _l("Please tick a reason or write a note for the weaver."),
    "no_changes": _l("There are no changes to drop."),
    "not_published": _l("Only a live carpet can be marked as sold."),
}
MISSING_ITEMS = {"title": _l("a name for the carpet"), "photos": _l("at least one photo")}


def listing_error_message(exc: ListingError) -> str:
    """Translated text for a ``ListingError`` from the listing services."""
    if exc.reason == "incomplete":
        items = ", ".join(str(MISSING_ITEMS[m]) for m in exc.missing)
        return _("Before sending it for review, please add %(items)s.", items=items)
    message = LISTING_ERRORS.get(exc.reason, _l("This cannot be done right now."))
    return str(message) % {"max": MAX_PHOTOS}
