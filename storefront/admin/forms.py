"""Back-office forms: approve or reject a weaver application."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from storefront.accounts.forms import REJECTION_REASONS
from storefront.weavers.models import DISTRICT_NAMES, GI_DISTRICTS

# What staff read next to a reason (the applicant reads REJECTION_REASONS in their language).
STAFF_LABELS = {"other": _l("Another reason: write it in the note below")}


def _strip(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


class ApproveForm(FlaskForm):
    name_hi = StringField(
        _l("Name in Hindi"), filters=[_strip], validators=[Optional(), Length(max=120)]
    )
    name_en = StringField(
        _l("Name in English letters"),
        filters=[_strip],
        validators=[
            DataRequired(message=_l("Please write the name in English letters.")),
            Length(max=120),
        ],
        description=_l("Also makes the profile address, e.g. /weavers/ramesh-kumar."),
    )
    village_hi = StringField(
        _l("Village in Hindi"), filters=[_strip], validators=[Optional(), Length(max=120)]
    )
    village_en = StringField(
        _l("Village in English letters"), filters=[_strip], validators=[Optional(), Length(max=120)]
    )
    district = SelectField(
        _l("District"),
        choices=[SelectChoice(d, DISTRICT_NAMES[d]) for d in GI_DISTRICTS],
        default="bhadohi",
    )


class RejectForm(FlaskForm):
    reason_code = RadioField(
        _l("Reason"),
        choices=[
            SelectChoice(code, STAFF_LABELS.get(code, label))
            for code, label in REJECTION_REASONS.items()
        ],
        default="unreachable",
    )
    reason = TextAreaField(
        _l("Note to the applicant (optional)"),
        filters=[_strip],
        validators=[Optional(), Length(max=1000)],
        description=_l("The applicant sees this when they sign in. Write in their language."),
        render_kw={"rows": "3"},
    )
