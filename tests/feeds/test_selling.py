"""A carpet that sells here is out of stock in every feed on the very next fetch."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from storefront.extensions import db
from storefront.feeds.export import feed_paths
from storefront.orders.stock import reserve_carpet

G = "{http://base.google.com/ns/1.0}"


def _state(fetch, path: str, sku: str) -> str:  # noqa: ANN001
    """What ``path`` says about ``sku`` now: in / out (or the push document's equivalent)."""
    body = fetch(path).get_data(as_text=True)
    if path.endswith(".xml"):
        for item in ET.fromstring(body).iter("item"):
            if item.findtext(f"{G}id") == sku:
                return {"in_stock": "in", "out_of_stock": "out"}[item.findtext(f"{G}availability")]
    elif path.endswith(".tsv"):
        rows = [line.split("\t") for line in body.splitlines()]
        index = rows[0].index("availability")
        for row in rows[1:]:
            if row[0] == sku:
                return {"in_stock": "in", "out_of_stock": "out"}[row[index]]
    elif path.startswith("meta/lang-"):
        return "n/a"  # text only: availability lives in the main and country feeds
    elif path.endswith(".csv"):
        states = {r["availability"] for r in csv.DictReader(io.StringIO(body)) if r["id"] == sku}
        assert len(states) == 1
        return {"in stock": "in", "out of stock": "out"}[states.pop()]
    elif path.startswith("amazon/"):
        for message in json.loads(body)["messages"]:
            if message["sku"] == sku:
                if message["operationType"] == "UPDATE":
                    quantity = message["attributes"]["fulfillment_availability"][0]["quantity"]
                else:
                    quantity = message["patches"][0]["value"][0]["quantity"]
                return "in" if quantity > 0 else "out"
    elif path == "flipkart.json":
        listing = json.loads(body)[sku]
        active = listing["listing_status"] == "ACTIVE"
        return "in" if active and listing["locations"][0]["inventory"] > 0 else "out"
    elif path == "alibaba.json":
        for entry in json.loads(body)["products"]:
            if entry["sku"] == sku:
                return "in" if entry["action"] == "add" else "out"
    raise AssertionError(f"{sku} missing from {path}")


@pytest.mark.parametrize("how", ["checkout hold", "marked sold"])
def test_selling_flips_every_feed_to_out_of_stock(fetch, catalog, how):
    carpet = catalog["active"]
    paths = feed_paths()
    before = {path: _state(fetch, path, carpet.sku) for path in paths}
    assert set(before.values()) <= {"in", "n/a"}
    etags = {path: fetch(path).headers["ETag"] for path in paths}

    if how == "checkout hold":
        assert reserve_carpet(carpet.id)
    else:
        carpet.status = "sold"
        carpet.stock = 0
    db.session.commit()

    for path in paths:
        response = fetch(path, headers={"If-None-Match": etags[path]})
        assert response.status_code == 200, path  # not "304 unchanged"
        if before[path] != "n/a":
            assert _state(fetch, path, carpet.sku) == "out", path
