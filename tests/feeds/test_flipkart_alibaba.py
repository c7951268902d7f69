"""Flipkart Listings v3 and Alibaba.com ICBU documents."""

from __future__ import annotations

import json
import re

from storefront.feeds.alibaba import MAX_KEYWORDS, SUBJECT_LIMIT


def _json(fetch, path: str):  # noqa: ANN001, ANN202
    response = fetch(path)
    assert response.status_code == 200
    assert response.content_type == "application/json; charset=utf-8"
    return json.loads(response.get_data(as_text=True))


def test_flipkart_listing_is_keyed_by_sku_with_whole_rupees(fetch, catalog):
    document = _json(fetch, "flipkart.json")
    # Only carpets with an FSN recorded (the catalog entry exists on Flipkart).
    assert set(document) == {catalog["active"].sku, catalog["sold"].sku}
    active = document[catalog["active"].sku]
    assert active["product_id"] == "CRPFAKEFSN000001"
    assert active["price"] == {"mrp": 150000, "selling_price": 150000, "currency": "INR"}
    assert active["tax"] == {"hsn": "57011000", "tax_code": "GST_5"}
    assert active["listing_status"] == "ACTIVE"
    assert active["fulfillment_profile"] in ("NON_FBF", "FBF_LITE", "FBF")
    assert active["fulfillment"]["shipping_provider"] in (
        "FLIPKART",
        "SELLER",
        "FLIPKART_SELLER",
        "SELLER_FLIPKART",
    )
    assert active["fulfillment"]["procurement_type"] in (
        "EXPRESS",
        "REGULAR",
        "INTERNATIONAL",
        "MADE_TO_ORDER",
        "DOMESTIC",
    )
    package = active["packages"][0]
    assert all(isinstance(v, int) and v > 0 for v in package["dimensions"].values())
    assert package["weight"] == 12
    assert active["locations"][0]["inventory"] == 1
    assert active["locations"][0]["status"] in ("ENABLED", "DISABLED")
    assert active["shipping_fees"] == {"local": 0, "zonal": 0, "national": 0, "currency": "INR"}
    for body in document.values():
        for key in ("mrp", "selling_price"):
            assert isinstance(body["price"][key], int)
        assert body["price"]["selling_price"] <= body["price"]["mrp"]
    sold = document[catalog["sold"].sku]
    assert sold["listing_status"] == "INACTIVE"
    assert sold["locations"][0]["inventory"] == 0


def test_alibaba_sourcing_products(fetch, catalog):
    document = _json(fetch, "alibaba.json")
    entries = {e["sku"]: e for e in document["products"]}
    assert entries[catalog["sold"].sku] == {"sku": catalog["sold"].sku, "action": "offline"}
    assert entries[catalog["withdrawn"].sku]["action"] == "offline"
    for key in ("active", "tricky"):
        entry = entries[catalog[key].sku]
        assert entry["action"] == "add"
        product = entry["product"]
        for name in ("subject", "category_id", "language", "product_type", "keywords"):
            assert product[name], name
        assert product["product_type"] == "sourcing"
        assert len(product["subject"]) <= SUBJECT_LIMIT
        assert 1 <= len(product["keywords"]) <= MAX_KEYWORDS
        assert not any(re.search(r"[,;]", k) for k in product["keywords"])
        assert product["main_image"]["images"]
        assert "<" not in product["description"].replace("<p>", "").replace("</p>", "")
        trade = product["sourcing_trade"]
        assert trade["fob_currency"] == "USD"
        low, high = float(trade["fob_min_price"]), float(trade["fob_max_price"])
        assert 0 < low <= high
        assert int(trade["min_order_quantity"]) >= 1
        assert int(trade["supply_quantity"]) >= 1 and trade["supply_period_type"] == "Month"
        assert trade["deliver_periods"][0]["process_period"] > 0
    tricky = entries[catalog["tricky"].sku]["product"]
    assert "&lt;b&gt;bold&lt;/b&gt;" in tricky["description"]  # weaver text is escaped HTML
    assert entries[catalog["active"].sku]["product"]["sourcing_trade"]["fob_max_price"] == "1695"
