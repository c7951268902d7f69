"""Amazon JSON_LISTINGS_FEED documents: valid against Amazon's own schema, RUG attributes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft7Validator

from storefront.feeds import amazon
from storefront.feeds.text import utf8_len
from tests.builders import make_carpet
from tests.feeds.builders import make_catalog

SCHEMA = json.loads((Path(__file__).parent / "data" / "listings-feed-schema-v2.json").read_text())
VALIDATOR = Draft7Validator(SCHEMA)


def _document(fetch, country: str, **kwargs) -> dict:  # noqa: ANN001, ANN003
    response = fetch(f"amazon/{country}.json", **kwargs)
    assert response.status_code == 200
    assert response.content_type == "application/json; charset=utf-8"
    document = json.loads(response.get_data(as_text=True))
    errors = sorted(VALIDATOR.iter_errors(document), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]
    return document


@pytest.mark.parametrize("country", list(amazon.MARKETPLACES))
def test_documents_validate_and_follow_the_rug_rules(fetch, catalog, country):
    market = amazon.MARKETPLACES[country]
    document = _document(fetch, country)
    assert document["header"]["version"] == "2.0"
    assert document["header"]["issueLocale"] == market["language_tag"]
    messages = {m["sku"]: m for m in document["messages"]}
    ids = [m["messageId"] for m in document["messages"]]
    assert len(ids) == len(set(ids)) and all(1 <= i <= 2147483647 for i in ids)
    assert catalog["draft"].sku not in messages

    update = messages[catalog["active"].sku]
    assert update["operationType"] == "UPDATE" and update["productType"] == "RUG"
    attrs = update["attributes"]
    for name in (
        "item_name",
        "brand",
        "bullet_point",
        "product_description",
        "item_type_keyword",
        "country_of_origin",
        "supplier_declared_dg_hz_regulation",
        "condition_type",
        "purchasable_offer",
        "fulfillment_availability",
        "main_product_image_locator",
    ):
        assert attrs[name], name
    for name, values in attrs.items():  # the Product Type Definition shape
        assert isinstance(values, list) and all(isinstance(v, dict) for v in values), name
        for value in values:
            if "marketplace_id" in value:
                assert value["marketplace_id"] == market["marketplace_id"]
            if "language_tag" in value:
                assert value["language_tag"] == market["language_tag"]
    assert len(attrs["item_name"][0]["value"]) <= 200
    assert len(attrs["bullet_point"]) <= 5
    assert all(len(b["value"]) <= 500 for b in attrs["bullet_point"])
    assert len(attrs["product_description"][0]["value"]) <= 2000
    assert utf8_len(attrs["generic_keyword"][0]["value"]) <= 250
    assert attrs["supplier_declared_has_product_identifier_exemption"][0]["value"] is True
    assert attrs["country_of_origin"][0]["value"] == "IN"
    offer = attrs["purchasable_offer"][0]
    assert offer["currency"] == market["currency"]
    price = offer["our_price"][0]["schedule"][0]["value_with_tax"]
    assert price == (150000 if country == "IN" else 1694.92)
    availability = attrs["fulfillment_availability"][0]
    assert availability == {
        "fulfillment_channel_code": "DEFAULT",
        "quantity": 1,
        "lead_time_to_ship_max_days": 5,
    }
    assert attrs["item_length_width"][0]["length"] == {"value": 240, "unit": "centimeters"}

    sold = messages[catalog["sold"].sku]
    assert sold["operationType"] == "PATCH"
    assert sold["patches"][0]["path"] == "/attributes/fulfillment_availability"
    assert sold["patches"][0]["value"][0]["quantity"] == 0
    assert messages[catalog["withdrawn"].sku] == {
        "messageId": messages[catalog["withdrawn"].sku]["messageId"],
        "sku": catalog["withdrawn"].sku,
        "operationType": "DELETE",
    }


def test_seller_id_comes_from_the_config(app, fetch, catalog):
    app.config["AMAZON_SELLER_ID"] = "A1BUNKARSELLER"
    assert _document(fetch, "IN")["header"]["sellerId"] == "A1BUNKARSELLER"


def test_large_catalogs_are_split_into_valid_parts(app, fetch, monkeypatch):
    make_catalog()
    for _ in range(3):
        make_carpet()
    from storefront.extensions import db

    db.session.commit()
    monkeypatch.setattr(amazon, "PART_SIZE", 3)
    first = fetch("amazon/IN.json")
    assert first.headers["X-Feed-Parts"] == "3"
    seen = []
    for part in (1, 2, 3):
        document = _document(fetch, "IN", query_string={"part": part})
        seen += [(m["messageId"], m["sku"]) for m in document["messages"]]
    assert [i for i, _ in seen] == list(range(1, 8))  # unique across the parts
    assert len({s for _, s in seen}) == 7
    assert fetch("amazon/IN.json", query_string={"part": 4}).status_code == 404
