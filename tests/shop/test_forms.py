"""Number fields that accept what a Hindi phone keyboard types."""

from __future__ import annotations

import pytest
from werkzeug.datastructures import MultiDict

from storefront.weavers.forms import ListingForm, ascii_digits, number_text
from tests.shop.builders import listing_form


@pytest.mark.parametrize(
    "typed, expected",
    [("१५००००", "150000"), ("१,५०,०००", "1,50,000"), ("१०x१०", "10x10"), ("12", "12"), ("", "")],
)
def test_ascii_digits(typed, expected) -> None:
    assert ascii_digits(typed) == expected


def test_number_text_drops_grouping_and_rupee_sign() -> None:
    assert number_text("₹ १,५०,००० ") == "150000"
    assert number_text("1\u00a0234") == "1234"


def form(app, **data) -> ListingForm:  # noqa: ANN001, ANN003
    with app.test_request_context("/hi/shop/listings/new", method="POST"):
        f = ListingForm(formdata=MultiDict(listing_form(**data)))
        f.validate()
        return f


@pytest.mark.parametrize(
    "typed, value", [("१,५०,०००", 150_000), ("₹150000", 150_000), ("1,50,000", 150_000)]
)
def test_price_accepts_indian_forms(app, typed, value) -> None:
    f = form(app, price_rupees=typed)
    assert not f.errors and f.price_rupees.data == value


@pytest.mark.parametrize("typed", ["1.5 lakh", "-100", "1e5", "१२x"])
def test_price_rejects_non_numbers_and_shows_them_back(app, typed) -> None:
    f = form(app, price_rupees=typed)
    assert f.price_rupees.errors and f.price_rupees._value() == typed


def test_weight_decimal_with_devanagari(app) -> None:
    f = form(app, weight_kg="१२.५")
    assert not f.errors
    assert f.listing_data("hi")["weight_g"] == 12_500


def test_size_conversion_feet_inches_to_cm(app) -> None:
    f = form(app, width_ft="8", width_in="0", length_ft="10", length_in="0")
    assert f.size_cm() == (244, 305)
    assert f.size_cm(keep=(243, 305)) == (243, 305)  # 243 cm also reads 8′0″: kept as measured


def test_unchanged_weight_and_language_are_kept(app) -> None:
    f = form(app, weight_kg="17.2", title_en="Blue rug")
    stored = {"width_cm": 170, "length_cm": 244, "weight_g": 17_230, "source_lang": "en"}
    data = f.listing_data("hi", stored=stored)
    assert data["weight_g"] == 17_230 and data["source_lang"] == "en"
    assert f.listing_data("hi", stored={**stored, "weight_g": 16_000})["weight_g"] == 17_200


def test_round_trip_fill_from(app) -> None:
    with app.test_request_context("/hi/shop/listings/1"):
        f = ListingForm(formdata=None)
        f.fill_from(
            {
                "width_cm": 183,
                "length_cm": 274,
                "price_paise": 9_650_000,
                "weight_g": 12_500,
                "colour_secondary": None,
            }
        )
        assert (f.width_ft.data, f.width_in.data, f.length_ft.data, f.length_in.data) == (
            6,
            0,
            9,
            0,
        )
        assert f.price_rupees.data == 96_500 and str(f.weight_kg.data) == "12.5"
        assert f.colour_secondary.data == ""
