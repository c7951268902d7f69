"""Meta catalog feeds: main CSV, Hindi language override and country overrides."""

from __future__ import annotations

import csv
import io
import re

import pytest

from storefront.feeds.meta import COUNTRY_COLUMNS, LANGUAGE_COLUMNS, LOCALES, MAIN_COLUMNS

PRICE = re.compile(r"^\d+\.\d{2} [A-Z]{3}$")
AVAILABILITY = {"in stock", "out of stock"}


def _rows(response) -> tuple[list[str], list[dict[str, str]]]:  # noqa: ANN001
    assert response.status_code == 200
    assert response.content_type == "text/csv; charset=utf-8"
    text = response.get_data(as_text=True)
    assert not text.startswith("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    return header, [dict(zip(header, row, strict=True)) for row in reader]


@pytest.mark.parametrize("locale", list(LOCALES))
def test_main_feed(fetch, catalog, locale):
    lang, country, currency = LOCALES[locale]
    header, rows = _rows(fetch(f"meta/{locale}.csv"))
    assert tuple(header) == MAIN_COLUMNS
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)) == 3
    for row in rows:
        for name in ("id", "title", "description", "availability", "condition", "price", "link"):
            assert row[name], name
        assert len(row["id"]) <= 100 and len(row["title"]) <= 200
        assert len(row["description"]) <= 5000
        assert row["availability"] in AVAILABILITY  # spaces, not underscores
        assert row["condition"] == "new"
        assert PRICE.match(row["price"]) and row["price"].endswith(currency)
        assert row["brand"] and row["google_product_category"] == "598"
        assert row["link"].startswith(f"https://bunkar.test/{lang}/carpets/")
        assert len(row["additional_image_link"].split(",")) <= 20
        assert int(row["quantity_to_sell_on_fb"]) >= 0
    by_id = {r["id"]: r for r in rows}
    assert by_id[catalog["sold"].sku]["availability"] == "out of stock"
    assert by_id[catalog["sold"].sku]["quantity_to_sell_on_fb"] == "0"
    assert by_id[catalog["active"].sku]["availability"] == "in stock"


def test_language_override_feed(fetch, catalog):
    header, rows = _rows(fetch("meta/lang-hi_IN.csv"))
    assert tuple(header) == LANGUAGE_COLUMNS
    assert {r["override"] for r in rows} == {"hi_IN"}
    assert {r["id"] for r in rows} == {catalog[k].sku for k in ("active", "tricky", "sold")}
    for row in rows:
        assert re.search("[\u0900-\u097f]", row["title"])
        assert "price" not in row and "availability" not in row  # country-only fields


def test_country_override_feed(fetch, catalog):
    header, rows = _rows(fetch("meta/country-overrides.csv"))
    assert tuple(header) == COUNTRY_COLUMNS
    pairs = {(r["id"], r["override"]) for r in rows}
    assert len(pairs) == len(rows) == 6  # 3 carpets x (US, GB)
    for row in rows:
        assert row["override"] in ("US", "GB")
        currency = {"US": "USD", "GB": "GBP"}[row["override"]]
        assert PRICE.match(row["price"]) and row["price"].endswith(currency)
        assert row["availability"] in AVAILABILITY


def test_csv_quotes_commas_quotes_and_line_breaks(fetch, catalog):
    _, rows = _rows(fetch("meta/en-IN.csv"))
    tricky = next(r for r in rows if r["id"] == catalog["tricky"].sku)
    assert tricky["title"].startswith('Red & Ivory <Medallion> "Tree of life" rug')
    assert "\n" in tricky["description"]  # kept inside a quoted field
