"""The product page: gallery, both unit systems, weavers, prices, sold state, JSON-LD, OG."""

from __future__ import annotations

import datetime as dt

import pytest

from storefront.extensions import db
from tests.builders import make_carpet, make_rates, make_weaver
from tests.catalog.helpers import json_ld, og


@pytest.fixture
def carpet(app):
    weaver = make_weaver(
        slug="asha-devi",
        name_en="Asha Devi",
        name_hi="आशा देवी",
        district="bhadohi",
        gi_user_number="GI-188/AU/2014/0457",
    )
    carpet = make_carpet(
        weaver,
        images=3,
        slug="red-medallion",
        sku="BKR-26-0042",
        title_en="Red medallion carpet",
        title_hi="लाल मेडलियन कालीन",
        description_en="Woven over four months.\nRoll it, never fold it.",
        description_hi="",
        price_paise=15_000_000,
        width_cm=170,
        length_cm=240,
        kpsi=100,
        quality="10x10",
        pile_height_mm=12,
        weight_g=12_500,
        weaving_days=120,
    )
    make_rates(on=dt.date(2026, 1, 1))
    db.session.commit()
    return carpet


def page(client, url: str) -> str:
    resp = client.get(url)
    assert resp.status_code == 200, url
    return resp.get_data(as_text=True)


def test_attributes_in_both_unit_systems(client, carpet):
    html = page(client, "/en/carpets/red-medallion")
    for text in (
        "170 × 240 cm",
        "5′7″ × 7′10″",  # 170 cm = 66.9 in; 240 cm = 94.5 in (rounded to whole inches)
        "100 knots per sq inch (KPSI)",
        "155,000 knots/m²",
        "10x10",
        "12 mm",
        "0.47 in",
        "12.5 kg",
        "27.6 lb",
        "43.9 sq ft",
        "4.08 m²",
        "120 days",
        "BKR-26-0042",
        "indicative grade: medium fine",
    ):
        assert text in html, text


def test_hindi_numbers_use_indian_grouping(client, carpet):
    html = page(client, "/hi/carpets/red-medallion")
    assert "1,55,000 गाँठें/वर्ग मीटर" in html
    assert "₹1,50,000" in html
    assert '<html lang="hi">' in html


def test_price_in_inr_and_converted_with_rate_date(client, carpet):
    html = page(client, "/en/carpets/red-medallion")
    assert "₹1,50,000" in html
    # 1,50,000 / 88.50 = 1,694.92 -> about $1,695; / 96.20 = €1,559; / 112.40 = £1,335
    assert "$1,695" in html
    assert "€1,559" in html
    assert "£1,335" in html
    assert "approx." in html
    assert "exchange rate of Jan 1, 2026" in html


def test_latest_rate_is_used(client, carpet):
    make_rates(on=dt.date(2026, 2, 1), USD="90.00")
    db.session.commit()
    html = page(client, "/en/carpets/red-medallion")
    assert "$1,667" in html  # 1,50,000 / 90
    assert "Feb 1, 2026" in html


def test_no_rates_no_converted_prices(app, client):
    make_carpet(slug="plain")
    db.session.commit()
    html = page(client, "/en/carpets/plain")
    assert "approx." not in html


def test_gallery_has_every_photo_and_works_without_js(client, carpet):
    html = page(client, "/en/carpets/red-medallion")
    assert html.count('class="gallery-photo"') == 3
    assert 'href="#photo-3"' in html
    assert 'type="image/webp"' in html
    assert "<script" not in html.replace('<script type="application/ld+json">', "")


def test_weaver_card_and_gi_note(app, client, carpet):
    html = page(client, "/en/carpets/red-medallion")
    assert "Asha Devi" in html
    assert "GI authorised user no. GI-188/AU/2014/0457" in html
    assert "Geographical Indication" in html
    if "weavers.profile" in app.view_functions:
        assert 'href="/en/weavers/asha-devi"' in html


def test_no_gi_note_outside_gi_districts(app, client):
    weaver = make_weaver(district="lucknow")
    make_carpet(weaver, slug="elsewhere")
    db.session.commit()
    assert "Geographical Indication (GI) “" not in page(client, "/en/carpets/elsewhere")


def test_json_ld_product_and_offer(client, carpet):
    data = json_ld(page(client, "/en/carpets/red-medallion"))
    assert data["@type"] == "Product"
    assert data["sku"] == "BKR-26-0042"
    assert data["name"] == "Red medallion carpet"
    assert data["brand"]["name"] == "Bunkar"
    assert data["material"] == "Wool"
    assert len(data["image"]) == 3 and data["image"][0].startswith("https://bunkar.test/media/")
    offer = data["offers"]
    assert offer["price"] == "150000.00"
    assert offer["priceCurrency"] == "INR"
    assert offer["availability"] == "https://schema.org/InStock"
    assert offer["url"] == "https://bunkar.test/en/carpets/red-medallion"
    assert offer["seller"]["@type"] == "Organization"


def test_json_ld_cannot_break_out_of_the_script(client, carpet):
    carpet.title_en = "</script><script>alert(1)</script> & <!--"
    db.session.commit()
    html = page(client, "/en/carpets/red-medallion")
    block = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "<" not in block and ">" not in block
    assert json_ld(html)["name"] == "</script><script>alert(1)</script> & <!--"


def test_opengraph(client, carpet):
    tags = og(page(client, "/hi/carpets/red-medallion"))
    assert tags["og:type"] == "product"
    assert tags["og:title"] == "लाल मेडलियन कालीन"
    assert tags["og:locale"] == "hi_IN"
    assert tags["og:locale:alternate"] == "en_IN"
    assert tags["og:url"] == "https://bunkar.test/hi/carpets/red-medallion"
    assert tags["og:image"].startswith("https://bunkar.test/media/")
    assert tags["og:image"].endswith("-1000.jpg")
    assert tags["product:price:currency"] == "INR"
    assert og(page(client, "/en/carpets/red-medallion"))["og:locale"] == "en_IN"


def test_sold_carpet_is_shown_as_sold_and_not_buyable(client, carpet):
    carpet.status = "sold"
    db.session.commit()
    html = page(client, "/en/carpets/red-medallion")
    assert "badge-sold" in html
    assert "Sold for" in html
    assert 'class="product-buy"' not in html
    assert json_ld(html)["offers"]["availability"] == "https://schema.org/SoldOut"
    assert og(html)["product:availability"] == "out of stock"


def test_reserved_carpet_is_not_buyable(client, carpet):
    carpet.stock = 0
    db.session.commit()
    html = page(client, "/en/carpets/red-medallion")
    assert "Reserved" in html
    assert 'class="product-buy"' not in html


@pytest.mark.parametrize("status", ["draft", "pending", "archived"])
def test_non_public_carpets_are_404(client, carpet, status):
    carpet.status = status
    db.session.commit()
    assert client.get("/en/carpets/red-medallion").status_code == 404


def test_unknown_slug_is_404_translated(client, carpet):
    resp = client.get("/hi/carpets/no-such-carpet")
    assert resp.status_code == 404
    assert '<html lang="hi">' in resp.get_data(as_text=True)


def test_description_keeps_line_breaks_and_falls_back(client, carpet):
    html = page(client, "/hi/carpets/red-medallion")
    assert 'class="prewrap"><span lang="en" class="fallback">Woven over four months.' in html


@pytest.mark.parametrize("lang", ["en", "hi"])
def test_canonical_and_hreflang(client, carpet, lang):
    html = page(client, f"/{lang}/carpets/red-medallion?utm_source=x")
    assert f'<link rel="canonical" href="https://bunkar.test/{lang}/carpets/red-medallion">' in html
    for code in ("en", "hi"):
        assert f'hreflang="{code}" href="https://bunkar.test/{code}/carpets/red-medallion"' in html
    assert 'hreflang="x-default" href="https://bunkar.test/en/carpets/red-medallion"' in html


def test_round_carpet_shows_diameter(client):
    make_carpet(slug="round", shape="round", width_cm=180, length_cm=180)
    db.session.commit()
    html = page(client, "/en/carpets/round")
    assert "Ø 180 cm" in html and "Ø 5′11″" in html


def test_flat_weave_has_no_pile(client):
    make_carpet(slug="dhurrie", construction="flat_weave", pile_height_mm=None, kpsi=None)
    db.session.commit()
    html = page(client, "/en/carpets/dhurrie")
    assert "none (flat-weave)" in html
    assert "KPSI" not in html.split("Details and measurements")[1]
