"""ETag / Last-Modified / 304 on anonymous catalog and product pages; private when signed in."""

from __future__ import annotations

import datetime as dt

import pytest

from storefront.extensions import db
from tests.builders import make_carpet, make_user
from tests.catalog.helpers import count_statements
from tests.conftest import login


@pytest.fixture
def carpet(app):
    carpet = make_carpet(slug="red", updated_at=dt.datetime(2026, 3, 1, 10, 0, tzinfo=dt.UTC))
    db.session.commit()
    return carpet


def settled_etag(client, url: str) -> str:
    """The ETag once the visitor's cookies are stable (a page may start a session: CSRF)."""
    client.get(url)
    return client.get(url).headers["ETag"]


@pytest.mark.parametrize("url", ["/en/carpets/", "/hi/carpets/?material=wool", "/en/carpets/red"])
def test_validators_and_caching(client, carpet, url):
    resp = client.get(url)
    assert resp.status_code == 200
    assert resp.headers["ETag"]
    assert resp.headers["Last-Modified"]
    assert "Cookie" in resp.headers["Vary"]
    if "Set-Cookie" in resp.headers:  # e.g. the add-to-cart form's CSRF token
        assert resp.headers["Cache-Control"] == "private, no-cache"
    else:
        assert resp.headers["Cache-Control"] == "public, max-age=60"


def test_anonymous_catalog_is_public(client, carpet):
    resp = client.get("/en/carpets/")
    assert resp.headers["Cache-Control"] == "public, max-age=60"
    assert "Set-Cookie" not in resp.headers


@pytest.mark.parametrize("url", ["/en/carpets/", "/en/carpets/red"])
def test_if_none_match_gives_304_without_rendering(client, carpet, url):
    etag = settled_etag(client, url)
    with count_statements() as seen:
        resp = client.get(url, headers={"If-None-Match": etag})
    assert resp.status_code == 304
    assert resp.get_data() == b""
    assert resp.headers["ETag"] == etag
    assert len(seen) <= 1  # at most the data version


def test_if_modified_since_gives_304(client, carpet):
    modified = client.get("/en/carpets/").headers["Last-Modified"]
    resp = client.get("/en/carpets/", headers={"If-Modified-Since": modified})
    assert resp.status_code == 304
    old = "Sat, 01 Jan 2000 00:00:00 GMT"
    assert client.get("/en/carpets/", headers={"If-Modified-Since": old}).status_code == 200


def test_etag_differs_by_language_and_query(client, carpet):
    tags = {
        client.get(url).headers["ETag"]
        for url in ("/en/carpets/", "/hi/carpets/", "/en/carpets/?sort=price_asc")
    }
    assert len(tags) == 3


def test_a_change_to_the_catalog_changes_the_etag(client, carpet):
    etag = settled_etag(client, "/en/carpets/red")
    carpet.status = "sold"
    db.session.commit()
    resp = client.get("/en/carpets/red", headers={"If-None-Match": etag})
    assert resp.status_code == 200
    assert "Sold" in resp.get_data(as_text=True)


def test_new_carpet_changes_the_catalog_etag(client, carpet):
    etag = client.get("/en/carpets/").headers["ETag"]
    make_carpet(slug="blue")
    db.session.commit()
    resp = client.get("/en/carpets/", headers={"If-None-Match": etag})
    assert resp.status_code == 200
    assert "/en/carpets/blue" in resp.get_data(as_text=True)


def test_signed_in_pages_are_private(client, carpet):
    etag = client.get("/en/carpets/").headers["ETag"]
    login(client, make_user())
    db.session.commit()
    resp = client.get("/en/carpets/", headers={"If-None-Match": etag})
    assert resp.status_code == 200  # the session changes the ETag: the header differs
    assert resp.headers["Cache-Control"] == "private, no-cache"
    assert "Cookie" in resp.headers["Vary"]
    again = client.get(
        "/en/carpets/", headers={"If-None-Match": settled_etag(client, "/en/carpets/")}
    )
    assert again.status_code == 304
    assert again.headers["Cache-Control"] == "private, no-cache"


def test_flashed_message_page_is_rendered_and_private(client, carpet):
    etag = client.get("/en/carpets/").headers["ETag"]
    with client.session_transaction() as sess:
        sess["_flashes"] = [("message", "Added to your cart")]
    resp = client.get("/en/carpets/", headers={"If-None-Match": etag})
    assert resp.status_code == 200
    assert "Added to your cart" in resp.get_data(as_text=True)
    assert resp.headers["Cache-Control"] == "private, no-cache"


def test_404_is_not_cached_publicly(client, carpet):
    resp = client.get("/en/carpets/nope")
    assert resp.status_code == 404
    assert "ETag" not in resp.headers


def test_star_does_not_hide_a_missing_page(client, carpet):
    assert client.get("/en/carpets/nope", headers={"If-None-Match": "*"}).status_code == 404
