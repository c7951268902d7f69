"""Google Merchant Center feeds, checked against the product data specification's rules."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from storefront.feeds.google import LIMITS, LOCALES, TSV_COLUMNS

G = "{http://base.google.com/ns/1.0}"
PRICE = re.compile(r"^\d+\.\d{2} (USD|GBP|INR)$")
REQUIRED = ("id", "title", "description", "link", "image_link", "availability", "price", "brand")
DEVANAGARI = re.compile("[\u0900-\u097f]")


def _items(body: bytes) -> list[dict[str, list[str]]]:
    root = ET.fromstring(body)
    assert root.tag == "rss" and root.attrib["version"] == "2.0"
    channel = root.find("channel")
    assert channel is not None and channel.findtext("title") and channel.findtext("link")
    out = []
    for item in channel.findall("item"):
        fields: dict[str, list[str]] = {}
        for child in item:
            assert child.tag.startswith(G), child.tag  # every attribute in the g: namespace
            fields.setdefault(child.tag[len(G) :], []).append(child.text or "")
        out.append(fields)
    return out


@pytest.mark.parametrize("locale", list(LOCALES))
def test_xml_feed_follows_the_spec(fetch, catalog, locale):
    lang, country, currency = LOCALES[locale]
    response = fetch(f"google/{locale}.xml")
    assert response.status_code == 200
    assert response.content_type == "application/xml; charset=utf-8"
    body = response.get_data()
    assert body.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:g=')
    assert not body.startswith(b"\xef\xbb\xbf")
    items = _items(body)
    ids = [i["id"][0] for i in items]
    assert len(ids) == len(set(ids)) == 3  # active, tricky, sold; not withdrawn, not draft
    assert catalog["withdrawn"].sku not in ids and catalog["draft"].sku not in ids
    for item in items:
        for name in REQUIRED:
            assert item.get(name) and item[name][0].strip(), name
        assert len(item["id"][0]) <= LIMITS["id"] and item["id"][0].isascii()
        assert len(item["title"][0]) <= LIMITS["title"]
        assert len(item["description"][0]) <= LIMITS["description"]
        assert item["availability"][0] in ("in_stock", "out_of_stock")
        assert PRICE.match(item["price"][0]) and item["price"][0].endswith(currency)
        assert item["condition"] == ["new"]
        assert item["identifier_exists"] == ["no"]
        assert item["google_product_category"] == ["598"]
        assert item["link"][0].startswith(f"https://bunkar.test/{lang}/carpets/")
        assert item["image_link"][0].startswith("https://bunkar.test/media/")
        assert item["image_link"][0].endswith("-1000.jpg")
        assert len(item.get("additional_image_link", [])) <= 10
        assert item["ships_from_country"] == ["IN"]
        assert item["product_length"][0].endswith(" cm")
        colour = item.get("color", [""])[0]
        assert "#" not in colour and len(colour.split("/")) <= 3
        if lang == "hi":
            assert DEVANAGARI.search(item["title"][0])  # one language per feed
    by_id = {i["id"][0]: i for i in items}
    assert by_id[catalog["active"].sku]["availability"] == ["in_stock"]
    assert by_id[catalog["sold"].sku]["availability"] == ["out_of_stock"]


def test_xml_escapes_and_keeps_plain_text(fetch, catalog):
    items = {i["id"][0]: i for i in _items(fetch("google/en-US.xml").get_data())}
    tricky = items[catalog["tricky"].sku]
    assert tricky["title"][0].startswith('Red & Ivory <Medallion> "Tree of life" rug')
    assert "\x0b" not in tricky["description"][0]
    assert tricky["description"][0].startswith("Line one\nLine & two <b>bold</b>")
    assert "silk" not in tricky["material"][0].lower()  # viscose is never called silk
    assert tricky["material"][0].startswith("Viscose")
    assert "color" not in tricky  # "multicolour" alone is not a colour Google accepts


def test_xml_shipping_and_details(fetch, catalog):
    items = {i["id"][0]: i for i in _items(fetch("google/en-US.xml").get_data())}
    active = items[catalog["active"].sku]
    assert active["price"] == ["1694.92 USD"]  # 1,50,000 INR at 88.50 INR per USD
    assert active["shipping"]  # nested: country + price
    body = fetch("google/en-US.xml").get_data().decode()
    assert "<g:shipping><g:country>US</g:country><g:price>101.69 USD</g:price></g:shipping>" in body
    assert "<g:attribute_value>100 knots per square inch</g:attribute_value>" in body


def test_hindi_title_is_cut_on_a_grapheme_boundary(fetch, catalog):
    items = {i["id"][0]: i for i in _items(fetch("google/hi-IN.xml").get_data())}
    title = items[catalog["tricky"].sku]["title"][0]
    assert len(title) <= 150 and title.endswith("…")
    assert catalog["tricky"].title_hi.startswith(title[:-1])
    assert title[-2] not in "\u094d\u200d"  # no dangling virama


@pytest.mark.parametrize("locale", list(LOCALES))
def test_tsv_feed(fetch, catalog, locale):
    response = fetch(f"google/{locale}.tsv")
    assert response.content_type == "text/tab-separated-values; charset=utf-8"
    lines = response.get_data(as_text=True).split("\n")
    assert lines[-1] == ""
    header = lines[0].split("\t")
    assert tuple(header) == TSV_COLUMNS  # English attribute names, not labels
    rows = [line.split("\t") for line in lines[1:-1]]
    assert len(rows) == 3
    for row in rows:
        assert len(row) == len(header)  # no stray tab or newline inside a value
        record = dict(zip(header, row, strict=True))
        assert PRICE.match(record["price"])
        assert record["availability"] in ("in_stock", "out_of_stock")
        if record["shipping"]:
            assert re.match(r"^[A-Z]{2}:::\d+\.\d{2} [A-Z]{3}$", record["shipping"])
        assert len(record["additional_image_link"].split(",")) <= 10
