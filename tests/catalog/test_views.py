"""The public catalog page: filters, search, facets, sorting, pages, bad input, SEO."""

from __future__ import annotations

import re

import pytest

from storefront.catalog.services import refresh_search_text
from storefront.extensions import db
from tests.builders import make_carpet, make_weaver
from tests.catalog.helpers import card_slugs


@pytest.fixture
def shop(app):
    """A small catalog: two weavers, carpets across materials, weaves, colours and sizes."""
    asha = make_weaver(slug="asha-devi", name_en="Asha Devi", name_hi="आशा देवी")
    ravi = make_weaver(slug="ravi-maurya", name_en="Ravi Maurya", name_hi="रवि मौर्य")
    carpets = {
        "red-wool": make_carpet(asha, slug="red-wool", colour_primary="red", price_paise=5_000_000),
        "blue-silk": make_carpet(
            ravi,
            slug="blue-silk",
            title_en="Blue silk medallion",
            title_hi="नीला रेशमी मेडलियन",
            pile_material="silk",
            colour_primary="blue",
            price_paise=45_000_000,
            width_cm=250,
            length_cm=350,
        ),
        "dhurrie": make_carpet(
            asha,
            slug="dhurrie",
            title_en="Cotton dhurrie",
            title_hi="सूती दरी",
            construction="flat_weave",
            pile_material="cotton",
            colour_primary="ivory",
            price_paise=800_000,
            width_cm=90,
            length_cm=150,
            pile_height_mm=None,
        ),
        "round-tufted": make_carpet(
            ravi,
            slug="round-tufted",
            construction="hand_tufted",
            shape="round",
            width_cm=180,
            length_cm=180,
            price_paise=2_500_000,
        ),
        "sold-one": make_carpet(asha, slug="sold-one", status="sold", price_paise=9_000_000),
        "draft-one": make_carpet(asha, slug="draft-one", status="draft"),
        "pending-one": make_carpet(asha, slug="pending-one", status="pending"),
        "archived-one": make_carpet(asha, slug="archived-one", status="archived"),
    }
    for carpet in carpets.values():
        refresh_search_text(carpet)
    db.session.commit()
    return carpets


def slugs(client, url: str) -> list[str]:
    resp = client.get(url)
    assert resp.status_code == 200, url
    return card_slugs(resp.get_data(as_text=True))


def test_only_published_and_sold_are_listed_available_first(client, shop):
    listed = slugs(client, "/en/carpets/")
    assert set(listed) == {"red-wool", "blue-silk", "dhurrie", "round-tufted", "sold-one"}
    assert listed[-1] == "sold-one"


def test_sold_card_never_looks_buyable(client, shop):
    html = client.get("/en/carpets/").get_data(as_text=True)
    start = html.rindex("<article", 0, html.index('href="/en/carpets/sold-one"'))
    sold = html[start : html.index("</article>", start)]
    assert "is-unavailable" in sold
    assert "badge-sold" in sold and "Sold" in sold


def test_available_only_hides_sold(client, shop):
    assert "sold-one" not in slugs(client, "/en/carpets/?available=1")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("material=silk", {"blue-silk"}),
        ("material=silk&material=cotton", {"blue-silk", "dhurrie"}),
        ("weave=flat_weave", {"dhurrie"}),
        ("weave=hand_tufted", {"round-tufted"}),
        ("colour=blue", {"blue-silk"}),
        ("shape=round", {"round-tufted"}),
        ("min_price=100000", {"blue-silk"}),
        ("max_price=10000", {"dhurrie"}),
        ("min_price=20000&max_price=60000", {"red-wool", "round-tufted"}),
        ("min_width_cm=200", {"blue-silk"}),
        ("max_width_cm=100", {"dhurrie"}),
        ("min_length_cm=300", {"blue-silk"}),
        ("max_width_ft=3.5", {"dhurrie"}),
        ("min_width_ft=8&unit=ft", {"blue-silk"}),
    ],
)
def test_filters(client, shop, query, expected):
    assert set(slugs(client, f"/en/carpets/?{query}")) == expected


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("silk", {"blue-silk"}),
        ("BLUE Silk", {"blue-silk"}),
        ("रेशमी", {"blue-silk"}),
        ("दरी", {"dhurrie"}),
        ("asha", {"red-wool", "dhurrie", "sold-one"}),
        ("आशा", {"red-wool", "dhurrie", "sold-one"}),
        ("ravi maurya", {"blue-silk", "round-tufted"}),
        ("रेशम", {"blue-silk"}),  # the Hindi material label
        ("no-such-carpet", set()),
        ("100%", set()),
        ("_", set()),
    ],
)
def test_search_both_languages_weavers_and_attributes(client, shop, q, expected):
    assert set(slugs(client, f"/hi/carpets/?q={q}")) == expected


def test_search_by_sku(client, shop):
    sku = shop["dhurrie"].sku
    assert slugs(client, f"/en/carpets/?q={sku.lower()}") == ["dhurrie"]


def test_sorting(client, shop):
    by_price = slugs(client, "/en/carpets/?sort=price_asc")
    assert by_price == ["dhurrie", "round-tufted", "red-wool", "blue-silk", "sold-one"]
    assert slugs(client, "/en/carpets/?sort=price_desc")[:4] == [
        "blue-silk",
        "red-wool",
        "round-tufted",
        "dhurrie",
    ]
    newest = slugs(client, "/en/carpets/")
    assert newest[:4] == ["round-tufted", "dhurrie", "blue-silk", "red-wool"]


def facet_counts(html: str, name: str) -> dict[str, int]:
    pattern = rf'name="{name}" value="([a-z_]+)"[^>]*> <span>[^<]+</span> <span class="count">(\d+)'
    return {k: int(v) for k, v in re.findall(pattern, html)}


def test_facet_counts_respect_other_filters(client, shop):
    html = client.get("/en/carpets/").get_data(as_text=True)
    assert facet_counts(html, "material") == {"wool": 3, "silk": 1, "cotton": 1}
    assert facet_counts(html, "weave") == {"hand_knotted": 3, "hand_tufted": 1, "flat_weave": 1}
    html = client.get("/en/carpets/?material=wool").get_data(as_text=True)
    # The material facet ignores its own filter (so you can add a second material) ...
    assert facet_counts(html, "material") == {"wool": 3, "silk": 1, "cotton": 1}
    # ... the others count only wool carpets.
    assert facet_counts(html, "weave") == {"hand_knotted": 2, "hand_tufted": 1}
    assert "3 carpets" in html


def test_facet_counts_with_two_facets_chosen(client, shop):
    html = client.get("/en/carpets/?material=wool&weave=hand_tufted").get_data(as_text=True)
    assert facet_counts(html, "material") == {"wool": 1}
    assert facet_counts(html, "weave") == {"hand_knotted": 2, "hand_tufted": 1}
    assert facet_counts(html, "colour") == {"red": 1}
    assert facet_counts(html, "shape") == {"round": 1}
    assert '<p class="catalog-count">1 carpet</p>' in html
    assert card_slugs(html) == ["round-tufted"]


def test_total_count_and_hindi_plural(client, shop):
    assert "5 carpets" in client.get("/en/carpets/").get_data(as_text=True)
    html = client.get("/hi/carpets/?material=silk").get_data(as_text=True)
    assert "1 कालीन" in html


@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "page=-3",
        "page=99999999999999999999",
        "page=१",
        "min_price=-5",
        "min_price=abc",
        "max_price=1e400",
        "max_price=NaN",
        "min_width_cm=-1",
        "min_width_ft=ten",
        "material=plastic",
        "weave=<script>",
        "sort=random",
        "per_page=0",
        "per_page=100000",
        "after=!!notacursor",
        "before=eyJ4IjoxfQ",
        "q=" + "x" * 500,
        "unit=furlong",
    ],
)
def test_bad_parameters_give_a_normal_page(client, shop, query):
    resp = client.get(f"/en/carpets/?{query}")
    assert resp.status_code == 200
    assert "<script>" not in resp.get_data(as_text=True).split("</head>")[1]


def test_bad_price_is_ignored_with_a_translated_message(client, shop):
    html = client.get("/hi/carpets/?min_price=-5&material=silk").get_data(as_text=True)
    assert "blue-silk" in html
    assert "“-5”" in html
    assert "इस्तेमाल" in html  # the Hindi message, not the English one


def test_refused_value_stays_in_its_field(client, shop):
    html = client.get("/en/carpets/?min_price=abc&min_width_ft=x5").get_data(as_text=True)
    assert 'name="min_price" inputmode="numeric" autocomplete="off" value="abc"' in html
    assert 'value="x5"' in html
    assert html.count('class="field-error"') == 2


def test_unknown_material_is_ignored_with_a_note(client, shop):
    html = client.get("/en/carpets/?material=plastic").get_data(as_text=True)
    assert "not recognised" in html
    assert len(card_slugs(html)) == 5


def test_swapped_price_range(client, shop):
    html = client.get("/en/carpets/?min_price=60000&max_price=20000").get_data(as_text=True)
    assert set(card_slugs(html)) == {"red-wool", "round-tufted"}
    assert "swapped" in html


def test_price_accepts_indian_grouping_and_devanagari_digits(client, shop):
    assert set(slugs(client, "/en/carpets/?min_price=1,00,000")) == {"blue-silk"}
    assert set(slugs(client, "/en/carpets/?max_price=१००००")) == {"dhurrie"}


def test_page_beyond_the_end_shows_the_last_page(client, shop):
    html = client.get("/en/carpets/?per_page=2&page=50").get_data(as_text=True)
    assert "There is no page 50" in html
    assert card_slugs(html) == ["sold-one"]


def test_empty_result_offers_a_way_back(client, shop):
    html = client.get("/en/carpets/?q=nothing-matches").get_data(as_text=True)
    assert "No carpets match these filters." in html


def test_active_filter_chips_remove_one_filter(client, shop):
    html = client.get("/en/carpets/?material=silk&material=wool&colour=blue").get_data(as_text=True)
    chips = re.findall(r'<a class="chip" href="([^"]+)"', html)
    assert "/en/carpets/?material=wool&amp;colour=blue" in chips
    assert "/en/carpets/?material=silk&amp;material=wool" in chips


@pytest.mark.parametrize("lang", ["en", "hi"])
def test_seo_head(client, shop, lang):
    html = client.get(f"/{lang}/carpets/?page=2&per_page=2").get_data(as_text=True)
    # per_page is not a canonical parameter: this page is a non-indexed variant
    assert 'name="robots" content="noindex"' in html
    html = client.get(f"/{lang}/carpets/").get_data(as_text=True)
    assert f'<html lang="{lang}">' in html
    assert f'<link rel="canonical" href="https://bunkar.test/{lang}/carpets/">' in html
    for code in ("en", "hi"):
        assert f'hreflang="{code}" href="https://bunkar.test/{code}/carpets/"' in html
    assert 'hreflang="x-default" href="https://bunkar.test/en/carpets/"' in html


def test_paginated_canonical_keeps_the_page(app, client, shop):
    app.config["CATALOG_PER_PAGE"] = 2
    html = client.get("/hi/carpets/?page=2").get_data(as_text=True)
    assert '<link rel="canonical" href="https://bunkar.test/hi/carpets/?page=2">' in html
    assert 'hreflang="en" href="https://bunkar.test/en/carpets/?page=2"' in html
    assert "noindex" not in html


def test_filtered_pages_are_not_indexed(client, shop):
    html = client.get("/en/carpets/?material=silk").get_data(as_text=True)
    assert 'name="robots" content="noindex"' in html
    assert 'rel="canonical"' not in html


def test_language_switch_keeps_the_filters(client, shop):
    html = client.get("/en/carpets/?material=silk").get_data(as_text=True)
    assert "next=/hi/carpets/?material%3Dsilk" in html or "next=/hi/carpets/?material=silk" in html


def test_card_shows_price_sizes_and_weaver(client, shop):
    html = client.get("/en/carpets/?colour=blue").get_data(as_text=True)
    assert "₹4,50,000" in html
    assert "250 × 350 cm" in html
    assert "8′2″ × 11′6″" in html
    assert "Woven by Ravi Maurya" in html


def test_hindi_card_title_and_fallback_lang(client, app, shop):
    shop["red-wool"].title_hi = ""
    db.session.commit()
    html = client.get("/hi/carpets/?colour=red").get_data(as_text=True)
    assert '<span lang="en" class="fallback">Hand-knotted wool carpet' in html


def test_per_page_from_config(app, client, shop):
    app.config["CATALOG_PER_PAGE"] = 2
    html = client.get("/en/carpets/").get_data(as_text=True)
    assert len(card_slugs(html)) == 2
    assert "Page 1 of 3" in html
