"""Phone parsing (Indian formats to E.164) and the Devanagari -> Latin slug suggestion."""

from __future__ import annotations

import pytest

from storefront.accounts.phone import display_phone, normalise_phone
from storefront.accounts.sessions import safe_next
from storefront.accounts.transliterate import slugify, to_latin


@pytest.mark.parametrize(
    "typed",
    [
        "98765 43210",
        "9876543210",
        "+91-98765-43210",
        "+91 98765 43210",
        "098765 43210",
        "0091 98765 43210",
        "919876543210",
        "९८७६५ ४३२१०",
        " 98765-43210 ",
    ],
)
def test_indian_mobile_formats_become_e164(typed):
    assert normalise_phone(typed) == "+919876543210"


@pytest.mark.parametrize(
    "typed", ["", "12345", "98765", "abc", "a@b.com", "+91 00000 00000", "9" * 50]
)
def test_invalid_numbers_are_refused(typed):
    assert normalise_phone(typed) is None


def test_foreign_numbers_with_country_code_are_kept():
    assert normalise_phone("+44 20 7946 0958") == "+442079460958"


def test_display_phone():
    assert display_phone("+919876543210") == "+91 98765 43210"
    assert display_phone(None) == ""


@pytest.mark.parametrize(
    "name, latin, slug",
    [
        ("रमेश कुमार", "ramesh kumar", "ramesh-kumar"),
        ("मोहम्मद इक़बाल अंसारी", "mohammad iqabal ansari", "mohammad-iqabal-ansari"),
        ("श्रीमती सुनीता देवी", "shrimati sunita devi", "shrimati-sunita-devi"),
        ("गोपीगंज", "gopiganj", "gopiganj"),
        ("José Ünal", "Jose Unal", "jose-unal"),
        ("!!!", "!!!", ""),
    ],
)
def test_transliteration_for_slugs(name, latin, slug):
    assert to_latin(name) == latin
    assert slugify(name) == slug


@pytest.mark.parametrize(
    "target, ok",
    [
        ("/en/carpets/", True),
        ("/hi/shop/?tab=drafts", True),
        ("//evil.example", False),
        ("/\\evil.example", False),
        ("https://evil.example", False),
        ("/ok\r\nSet-Cookie: x", False),
        ("", False),
        (None, False),
    ],
)
def test_safe_next(target, ok):
    assert (safe_next(target) is not None) is ok
