"""Countries and Indian states for the address form (GST state codes for the place of supply)."""

from __future__ import annotations

import re

from babel import Locale

# (GST state code, English name, Hindi name). Names are data, shown in the page's language.
INDIAN_STATES: tuple[tuple[str, str, str], ...] = (
    ("35", "Andaman and Nicobar Islands", "अंडमान और निकोबार द्वीपसमूह"),
    ("37", "Andhra Pradesh", "आंध्र प्रदेश"),
    ("12", "Arunachal Pradesh", "अरुणाचल प्रदेश"),
    ("18", "Assam", "असम"),
    ("10", "Bihar", "बिहार"),
    ("04", "Chandigarh", "चंडीगढ़"),
    ("22", "Chhattisgarh", "छत्तीसगढ़"),
    ("26", "Dadra and Nagar Haveli and Daman and Diu", "दादरा और नगर हवेली और दमन और दीव"),
    ("07", "Delhi", "दिल्ली"),
    ("30", "Goa", "गोवा"),
    ("24", "Gujarat", "गुजरात"),
    ("06", "Haryana", "हरियाणा"),
    ("02", "Himachal Pradesh", "हिमाचल प्रदेश"),
    ("01", "Jammu and Kashmir", "जम्मू और कश्मीर"),
    ("20", "Jharkhand", "झारखंड"),
    ("29", "Karnataka", "कर्नाटक"),
    ("32", "Kerala", "केरल"),
    ("38", "Ladakh", "लद्दाख"),
    ("31", "Lakshadweep", "लक्षद्वीप"),
    ("23", "Madhya Pradesh", "मध्य प्रदेश"),
    ("27", "Maharashtra", "महाराष्ट्र"),
    ("14", "Manipur", "मणिपुर"),
    ("17", "Meghalaya", "मेघालय"),
    ("15", "Mizoram", "मिज़ोरम"),
    ("13", "Nagaland", "नागालैंड"),
    ("21", "Odisha", "ओडिशा"),
    ("34", "Puducherry", "पुडुचेरी"),
    ("03", "Punjab", "पंजाब"),
    ("08", "Rajasthan", "राजस्थान"),
    ("11", "Sikkim", "सिक्किम"),
    ("33", "Tamil Nadu", "तमिलनाडु"),
    ("36", "Telangana", "तेलंगाना"),
    ("16", "Tripura", "त्रिपुरा"),
    ("09", "Uttar Pradesh", "उत्तर प्रदेश"),
    ("05", "Uttarakhand", "उत्तराखंड"),
    ("19", "West Bengal", "पश्चिम बंगाल"),
)
STATE_CODES = {name: code for code, name, _hi in INDIAN_STATES}
PIN_RE = re.compile(r"^[1-9][0-9]{5}$")
# Shown first in the country list: India, then where most of our buyers are.
FIRST_COUNTRIES = ("IN", "US", "GB", "DE", "FR", "AU", "CA", "AE")
_NOT_COUNTRIES = {"EU", "EZ", "UN", "ZZ", "QO", "XA", "XB", "XK", "AQ", "BV", "HM", "CP", "DG"}


def state_choices(lang: str) -> list[tuple[str, str]]:
    """(value, label) pairs; the stored value is the English name (printed on invoices)."""
    rows = [(en, hi if lang == "hi" else en) for _code, en, hi in INDIAN_STATES]
    return sorted(rows, key=lambda r: r[1])


def state_label(name: str, lang: str) -> str:
    for _code, en, hi in INDIAN_STATES:
        if en == name:
            return hi if lang == "hi" else en
    return name


def place_of_supply(state: str) -> str:
    """``09-Uttar Pradesh`` (GST state code and name), as printed on the tax invoice."""
    code = STATE_CODES.get(state)
    return f"{code}-{state}" if code else state


def country_choices(lang: str) -> list[tuple[str, str]]:
    """Every ISO country with its name in ``lang``: our main markets first, then A-Z."""
    names = Locale.parse(lang).territories
    codes = [c for c in names if len(c) == 2 and c.isalpha() and c not in _NOT_COUNTRIES]
    first = [(c, names[c]) for c in FIRST_COUNTRIES if c in names]
    rest = sorted(((c, names[c]) for c in codes if c not in FIRST_COUNTRIES), key=lambda r: r[1])
    return first + rest


def country_name(code: str, lang: str) -> str:
    return Locale.parse(lang).territories.get(code, code)
