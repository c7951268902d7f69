"""Sign-in, registration, weaver application and password reset forms (labels with ``_l``)."""

from __future__ import annotations

import re
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, PasswordField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, EqualTo, Length, ValidationError

from storefront.accounts.phone import normalise_phone
from storefront.media.forms import PhotoField

MIN_PASSWORD = 8
DEVANAGARI_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
KEY_RE = re.compile(r"^[0-9a-f]{32}$")


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _attrs(**kw: str) -> dict[str, str]:
    """HTML attributes for a field (``inputmode``, ``autocomplete``, ...)."""
    return {k.replace("_", "-"): v for k, v in kw.items()}


def _new_password(label: Any = None) -> PasswordField:
    return PasswordField(
        label or _l("Password"),
        validators=[
            DataRequired(message=_l("Please choose a password.")),
            Length(
                min=MIN_PASSWORD,
                max=200,
                message=_l("Use at least %(num)s letters or numbers.", num=MIN_PASSWORD),
            ),
        ],
        render_kw=_attrs(autocomplete="new-password", minlength=str(MIN_PASSWORD)),
        description=_l("At least %(num)s letters or numbers.", num=MIN_PASSWORD),
    )


def _confirm() -> PasswordField:
    return PasswordField(
        _l("Password again"),
        validators=[
            DataRequired(message=_l("Please type the password again.")),
            EqualTo("password", message=_l("The two passwords are not the same.")),
        ],
        render_kw=_attrs(autocomplete="new-password"),
    )


class PhoneMixin:
    """A phone field stored as E.164 in ``phone_e164`` once validated."""

    phone_e164: str | None = None

    def validate_phone(self, field: StringField) -> None:
        self.phone_e164 = normalise_phone(field.data or "")
        if not self.phone_e164:
            raise ValidationError(_l("Please enter a valid mobile number, e.g. 98765 43210."))


def _phone_field() -> StringField:
    return StringField(
        _l("Mobile number"),
        filters=[_strip],
        validators=[DataRequired(message=_l("Please enter your mobile number."))],
        render_kw=_attrs(
            inputmode="tel", autocomplete="tel", type="tel", placeholder="98765 43210"
        ),
    )


class LoginForm(FlaskForm):
    login = StringField(
        _l("Mobile number or email"),
        filters=[_strip],
        validators=[DataRequired(message=_l("Please enter your mobile number or email."))],
        render_kw=_attrs(autocomplete="username", autocapitalize="none", spellcheck="false"),
    )
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(message=_l("Please enter your password."))],
        render_kw=_attrs(autocomplete="current-password"),
    )
    remember = BooleanField(_l("Keep me signed in on this phone"))


def _name() -> StringField:
    return StringField(
        _l("Your name"),
        filters=[_strip],
        validators=[
            DataRequired(message=_l("Please enter your name.")),
            Length(max=120, message=_l("Please keep it under %(max)s characters.", max=120)),
        ],
        render_kw=_attrs(autocomplete="name"),
    )


class RegisterForm(FlaskForm):
    name = _name()
    email = StringField(
        _l("Email"),
        filters=[_strip],
        validators=[
            DataRequired(message=_l("Please enter your email address.")),
            Email(message=_l("Please enter a valid email address.")),
            Length(max=254),
        ],
        render_kw=_attrs(
            type="email", inputmode="email", autocomplete="email", autocapitalize="none"
        ),
    )
    password = _new_password()
    confirm = _confirm()


class ApplyForm(PhoneMixin, FlaskForm):
    """The weaver's application. A signed-in applicant gets it without phone and password."""

    name = _name()
    village = StringField(
        _l("Village or town"),
        filters=[_strip],
        validators=[
            DataRequired(message=_l("Please enter your village or town.")),
            Length(max=120, message=_l("Please keep it under %(max)s characters.", max=120)),
        ],
        render_kw=_attrs(autocomplete="address-level2"),
    )
    phone = _phone_field()
    password = _new_password()
    confirm = _confirm()
    craft = TextAreaField(
        _l("A few words about your craft"),
        filters=[_strip],
        validators=[
            DataRequired(message=_l("Please write a few words about your work.")),
            Length(max=1000, message=_l("Please keep it under %(max)s characters.", max=1000)),
        ],
        description=_l("What do you weave, and for how long? Hindi or English are both fine."),
        render_kw=_attrs(rows="4"),
    )
    photo = PhotoField(
        _l("Your photo (optional)"),
        description=_l("A photo of you or your loom. JPEG, PNG or WebP."),
    )
    photo_key = HiddenField()  # a photo already stored on an earlier try, so it is not lost

    def validate_photo_key(self, field: HiddenField) -> None:
        if field.data and not KEY_RE.match(field.data):
            field.data = ""


class ResetRequestForm(FlaskForm):
    login = StringField(
        _l("Mobile number or email"),
        filters=[_strip],
        validators=[DataRequired(message=_l("Please enter your mobile number or email."))],
        render_kw=_attrs(autocomplete="username", autocapitalize="none", spellcheck="false"),
    )


class ResetPasswordForm(FlaskForm):
    password = _new_password(_l("New password"))
    confirm = _confirm()


class ResetCodeForm(PhoneMixin, FlaskForm):
    phone = _phone_field()
    code = StringField(
        _l("Reset code"),
        filters=[_strip],
        validators=[DataRequired(message=_l("Please enter the code the cooperative gave you."))],
        render_kw=_attrs(
            inputmode="numeric", autocomplete="one-time-code", placeholder="1234 5678"
        ),
    )
    password = _new_password(_l("New password"))
    confirm = _confirm()

    @property
    def clean_code(self) -> str:
        return re.sub(
            r"\D", "", (self.code.data or "").translate(DEVANAGARI_DIGITS), flags=re.ASCII
        )


# Why staff turned an application down: shown to the applicant in their own language.
REJECTION_REASONS = {
    "unreachable": _l("We could not reach you on your mobile number."),
    "not_weaver": _l("We could not confirm that you weave carpets yourself."),
    "outside_region": _l("You weave outside the Bhadohi carpet region (the GI area)."),
    "duplicate": _l("You already have a weaver account with us."),
    "other": _l("Please read the note from the cooperative below."),
}
