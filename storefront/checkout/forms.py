"""The checkout form: contact, country-aware delivery address and currency."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField, StringField
from wtforms.validators import DataRequired, Email, Length, Optional, ValidationError

from storefront.accounts.phone import normalise_phone
from storefront.checkout.regions import PIN_RE, STATE_CODES, country_choices, state_choices

# Countries whose addresses have no postcode (or where couriers do not need one).
NO_POSTCODE = frozenset({"AE", "HK", "QA", "MO", "BS", "JM", "FJ", "GH"})
CURRENCY_LABELS = {
    "INR": _l("Indian rupee (₹)"),
    "USD": _l("US dollar ($)"),
    "EUR": _l("Euro (€)"),
    "GBP": _l("British pound (£)"),
}


def _strip(value: Any) -> Any:
    return " ".join(value.split()) if isinstance(value, str) else value


def _attrs(**kw: str) -> dict[str, str]:
    return {k.replace("_", "-"): v for k, v in kw.items()}


def _text(label: Any, required: Any | None, max_len: int, **attrs: str) -> StringField:
    checks = [DataRequired(message=required)] if required else [Optional()]
    checks.append(
        Length(max=max_len, message=_l("Please keep this under %(num)s characters.", num=max_len))
    )
    return StringField(label, filters=[_strip], validators=checks, render_kw=_attrs(**attrs))


class CheckoutForm(FlaskForm):
    email = StringField(
        _l("Email"),
        filters=[_strip],
        validators=[
            DataRequired(message=_l("Please enter your email address.")),
            Email(message=_l("Please enter a valid email address, e.g. name@example.com.")),
            Length(max=254),
        ],
        render_kw=_attrs(type="email", autocomplete="email", inputmode="email"),
        description=_l("We send your order confirmation and tax invoice here."),
    )
    phone = _text(
        _l("Mobile number"),
        _l("Please enter a phone number for the courier."),
        40,
        type="tel",
        autocomplete="tel",
        inputmode="tel",
    )
    name = _text(
        _l("Full name"),
        _l("Please enter the name of the person receiving the carpet."),
        120,
        autocomplete="name",
    )
    country = SelectField(_l("Country"), render_kw=_attrs(autocomplete="country"))
    address_line1 = _text(
        _l("Address"), _l("Please enter the street address."), 200, autocomplete="address-line1"
    )
    address_line2 = _text(_l("Address line 2 (optional)"), None, 200, autocomplete="address-line2")
    city = _text(
        _l("Town or city"), _l("Please enter the town or city."), 120, autocomplete="address-level2"
    )
    state = SelectField(_l("State"), render_kw=_attrs(autocomplete="address-level1"))
    region = _text(
        _l("Region, state or county (optional)"), None, 120, autocomplete="address-level1"
    )
    postcode = _text(_l("PIN code / postcode"), None, 20, autocomplete="postal-code")
    currency = RadioField(_l("Pay in"), default="INR")

    phone_e164: str | None = None

    def setup(self, lang: str, currencies: list[str]) -> CheckoutForm:
        self.country.choices = country_choices(lang)
        self.state.choices = [("", _l("Choose your state"))] + state_choices(lang)
        self.currency.choices = [(c, CURRENCY_LABELS.get(c, c)) for c in currencies]
        return self

    @property
    def in_india(self) -> bool:
        return (self.country.data or "") == "IN"

    def validate_country(self, field: SelectField) -> None:
        if field.data not in {code for code, _name in field.choices or []}:
            raise ValidationError(_l("Please choose the country we deliver to."))

    def validate_phone(self, field: StringField) -> None:
        self.phone_e164 = normalise_phone(field.data or "", (self.country.data or "IN"))
        if not self.phone_e164:
            raise ValidationError(
                _l("Please enter a valid phone number (with the country code if outside India).")
            )

    def validate_state(self, field: SelectField) -> None:
        if self.in_india and field.data not in STATE_CODES:
            raise ValidationError(_l("Please choose your state."))

    def validate_postcode(self, field: StringField) -> None:
        value = (field.data or "").replace(" ", "") if self.in_india else (field.data or "")
        field.data = value
        if self.in_india:
            if not PIN_RE.match(value):
                raise ValidationError(_l("Please enter your 6-digit PIN code, e.g. 221401."))
        elif not value and (self.country.data or "") not in NO_POSTCODE:
            raise ValidationError(_l("Please enter the postcode."))

    def validate_currency(self, field: RadioField) -> None:
        if self.in_india:
            field.data = "INR"  # GST invoices for Indian delivery are in rupees

    @property
    def region_value(self) -> str:
        return (self.state.data or "") if self.in_india else (self.region.data or "")
