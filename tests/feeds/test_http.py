"""Pull endpoints: validators, 304s, HEAD, gzip, identical bodies, Basic auth, robots.txt."""

from __future__ import annotations

import base64
import gzip
from urllib.robotparser import RobotFileParser

import pytest
from werkzeug.http import http_date, parse_date

from storefront.feeds.export import feed_paths
from tests.builders import make_rates

CONTENT_TYPES = {
    "google/en-US.xml": "application/xml; charset=utf-8",
    "google/en-IN.tsv": "text/tab-separated-values; charset=utf-8",
    "meta/en-IN.csv": "text/csv; charset=utf-8",
    "meta/lang-hi_IN.csv": "text/csv; charset=utf-8",
    "meta/country-overrides.csv": "text/csv; charset=utf-8",
    "amazon/IN.json": "application/json; charset=utf-8",
    "amazon/US.json": "application/json; charset=utf-8",
    "flipkart.json": "application/json; charset=utf-8",
    "alibaba.json": "application/json; charset=utf-8",
}


def test_architecture_urls_exist():
    paths = set(feed_paths())
    for path in ("google/en-US.xml", "google/en-GB.xml", "google/en-IN.xml", "google/hi-IN.xml"):
        assert path in paths
    assert {"amazon/IN.json", "amazon/US.json", "flipkart.json", "alibaba.json"} <= paths
    assert {"meta/en-IN.csv", "meta/lang-hi_IN.csv", "meta/country-overrides.csv"} <= paths


@pytest.mark.parametrize("path", sorted(CONTENT_TYPES))
def test_content_type_and_validators(fetch, catalog, path):
    response = fetch(path)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == CONTENT_TYPES[path]
    etag = response.headers["ETag"]
    assert etag.startswith('"') and not etag.startswith('W/"')  # strong
    assert parse_date(response.headers["Last-Modified"]) is not None
    assert "Accept-Encoding" in response.headers["Vary"]
    again = fetch(path)
    assert again.get_data() == response.get_data()  # byte-identical when nothing changed
    assert again.headers["ETag"] == etag
    assert again.headers["Last-Modified"] == response.headers["Last-Modified"]


def test_if_none_match_gives_304_without_body(fetch, catalog):
    first = fetch("google/en-US.xml")
    response = fetch("google/en-US.xml", headers={"If-None-Match": first.headers["ETag"]})
    assert response.status_code == 304
    assert response.get_data() == b""
    assert response.headers["ETag"] == first.headers["ETag"]
    other = fetch("google/en-US.xml", headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200 and other.get_data() == first.get_data()


def test_if_modified_since_both_ways(fetch, catalog):
    first = fetch("meta/en-IN.csv")
    last_modified = first.headers["Last-Modified"]
    same = fetch("meta/en-IN.csv", headers={"If-Modified-Since": last_modified})
    assert same.status_code == 304 and same.get_data() == b""
    older = http_date(parse_date(last_modified).timestamp() - 3600)
    assert fetch("meta/en-IN.csv", headers={"If-Modified-Since": older}).status_code == 200


def test_if_none_match_wins_over_if_modified_since(fetch, catalog):
    first = fetch("meta/en-IN.csv")
    headers = {"If-None-Match": '"stale"', "If-Modified-Since": first.headers["Last-Modified"]}
    assert fetch("meta/en-IN.csv", headers=headers).status_code == 200


def test_a_change_changes_etag_and_body(app, fetch, catalog):
    from storefront.extensions import db

    first = fetch("google/en-US.xml")
    catalog["active"].price_paise = 16000000
    db.session.commit()
    second = fetch("google/en-US.xml", headers={"If-None-Match": first.headers["ETag"]})
    assert second.status_code == 200
    assert second.headers["ETag"] != first.headers["ETag"]
    assert b"1807.91 USD" in second.get_data()


def test_head_has_headers_and_no_body(client, catalog):
    get = client.get("/feeds/google/en-US.xml")
    head = client.head("/feeds/google/en-US.xml")
    assert head.status_code == 200
    assert head.get_data() == b""
    for name in ("ETag", "Last-Modified", "Content-Type"):
        assert head.headers[name] == get.headers[name]


def test_gzip_when_asked(fetch, catalog):
    plain = fetch("google/en-US.xml")
    zipped = fetch("google/en-US.xml", headers={"Accept-Encoding": "gzip, deflate"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.get_data()) == plain.get_data()
    assert zipped.headers["ETag"] != plain.headers["ETag"]  # another representation
    again = fetch("google/en-US.xml", headers={"Accept-Encoding": "gzip"})
    assert again.get_data() == zipped.get_data()  # deterministic gzip (no timestamp)
    not_modified = fetch(
        "google/en-US.xml",
        headers={"Accept-Encoding": "gzip", "If-None-Match": zipped.headers["ETag"]},
    )
    assert not_modified.status_code == 304
    refused = fetch("google/en-US.xml", headers={"Accept-Encoding": "gzip;q=0"})
    assert "Content-Encoding" not in refused.headers


def _basic(user: str, password: str) -> dict[str, str]:
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def test_basic_auth_when_configured(app, fetch, catalog):
    app.config.update(FEED_USERNAME="merchant", FEED_PASSWORD="s3cret-ü")
    anonymous = fetch("google/en-US.xml")
    assert anonymous.status_code == 401
    assert anonymous.headers["WWW-Authenticate"].startswith('Basic realm="feeds"')
    assert "Location" not in anonymous.headers  # never a redirect to a login page
    assert fetch("google/en-US.xml", headers=_basic("merchant", "wrong")).status_code == 401
    assert fetch("google/en-US.xml", headers=_basic("other", "s3cret-ü")).status_code == 401
    assert fetch("google/en-US.xml", headers={"Authorization": "Bearer x"}).status_code == 401
    ok = fetch("google/en-US.xml", headers=_basic("merchant", "s3cret-ü"))
    assert ok.status_code == 200
    assert ok.headers["Cache-Control"] == "private, no-cache"


@pytest.mark.parametrize("path", sorted(CONTENT_TYPES))
def test_no_redirects_and_unknown_feeds_404(fetch, catalog, path):
    assert fetch(path).status_code == 200
    assert fetch("google/fr-FR.xml").status_code == 404
    assert fetch("nothing.json").status_code == 404
    assert fetch("amazon/IN.json", query_string={"part": "x"}).status_code == 404


def test_missing_exchange_rate_is_a_503_not_a_wrong_price(app, fetch):
    from storefront.extensions import db

    make_rates(USD="88.50")
    db.session.execute(db.text("DELETE FROM exchange_rate WHERE currency = 'GBP'"))
    db.session.commit()
    assert fetch("google/en-GB.xml").status_code == 503
    assert fetch("google/en-US.xml").status_code == 200


def test_empty_catalog_feeds_are_well_formed(app, fetch):
    import json
    import xml.etree.ElementTree as ET

    make_rates()
    from storefront.extensions import db

    db.session.commit()
    ET.fromstring(fetch("google/en-US.xml").get_data())
    assert json.loads(fetch("flipkart.json").get_data()) == {}
    assert json.loads(fetch("alibaba.json").get_data()) == {"products": []}


def test_robots_txt_lets_google_fetch_feeds(client):
    parser = RobotFileParser()
    parser.parse(client.get("/robots.txt").get_data(as_text=True).splitlines())
    for agent in ("Googlebot", "AdsBot-Google", "facebookexternalhit"):
        assert parser.can_fetch(agent, "https://bunkar.test/feeds/google/en-US.xml")
        assert parser.can_fetch(agent, "https://bunkar.test/feeds/meta/en-IN.csv")
