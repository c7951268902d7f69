"""Phone numbers: parse what people type (Indian formats by default), store E.164."""

from __future__ import annotations

import phonenumbers

DEFAULT_REGION = "IN"


def normalise_phone(raw: str, region: str = DEFAULT_REGION) -> str | None:
    """``98765 43210``, ``+91-98765-43210``, ``098765 43210`` -> ``+919876543210``; None if invalid.

    Devanagari digits are accepted too (phonenumbers folds them to ASCII).
    """
    raw = (raw or "").strip()
    if not raw or "@" in raw or len(raw) > 40:
        return None
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display_phone(e164: str | None) -> str:
    """``+919876543210`` -> ``+91 98765 43210`` (for staff screens)."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
