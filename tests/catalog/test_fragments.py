"""Memoised pages and fragments: personal parts stay personal, changes show at once."""

from __future__ import annotations

import re

import pytest
from flask import g

from storefront.extensions import db
from tests.builders import make_carpet, make_user
from tests.conftest import login

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def get(client, url: str):
    """A request in its own ``g`` (the test app context is shared; a server's is not)."""
    g.pop("csrf_token", None)
    return client.get(url)


@pytest.fixture
def carpet(app):
    carpet = make_carpet(slug="red", title_en="Red carpet")
    db.session.commit()
    return carpet


def test_visitors_without_cookies_get_their_own_csrf_token(app, carpet):
    first = get(app.test_client(use_cookies=False), "/en/carpets/red")
    second = get(app.test_client(use_cookies=False), "/en/carpets/red")
    tokens = [TOKEN.search(r.get_data(as_text=True)) for r in (first, second)]
    if tokens[0] is None:
        pytest.skip("no add-to-cart form with a CSRF token on the product page")
    assert tokens[0].group(1) != tokens[1].group(1)
    assert "placeholder" not in tokens[0].group(1)
    assert "Set-Cookie" in first.headers and first.headers["Cache-Control"] == "private, no-cache"


def test_token_from_a_memoised_page_is_accepted(app, client, carpet):
    if "cart.add" not in app.view_functions:
        pytest.skip("no cart yet")
    app.config["WTF_CSRF_ENABLED"] = True
    get(app.test_client(use_cookies=False), "/en/carpets/red")  # memoises the page
    fresh = app.test_client()
    html = get(fresh, "/en/carpets/red").get_data(as_text=True)
    token = TOKEN.search(html).group(1)
    resp = fresh.post("/en/cart/add", data={"carpet_id": carpet.id, "csrf_token": token})
    assert resp.status_code in (302, 303)
    bad = app.test_client().post("/en/cart/add", data={"carpet_id": carpet.id, "csrf_token": "x"})
    assert bad.status_code == 400


def test_changes_show_at_once(client, carpet):
    assert "Red carpet" in client.get("/en/carpets/").get_data(as_text=True)
    assert "Red carpet" in client.get("/en/carpets/red").get_data(as_text=True)
    carpet.title_en = "Crimson carpet"
    carpet.status = "sold"
    db.session.commit()
    assert "Crimson carpet" in client.get("/en/carpets/").get_data(as_text=True)
    html = client.get("/en/carpets/red").get_data(as_text=True)
    assert "Crimson carpet" in html and "badge-sold" in html


def test_signed_in_visitor_never_gets_the_anonymous_page(app, carpet):
    anonymous = app.test_client(use_cookies=False)
    anonymous.get("/en/carpets/")
    anonymous.get("/en/carpets/red")
    client = app.test_client()
    login(client, make_user(name="Priya"))
    db.session.commit()
    for url in ("/en/carpets/", "/en/carpets/red"):
        resp = client.get(url)
        assert resp.headers["Cache-Control"] == "private, no-cache"
        if "accounts.logout" in app.view_functions:
            assert "Sign out" in resp.get_data(as_text=True)


def test_memo_can_be_switched_off(app, client, carpet):
    app.config["CATALOG_FRAGMENT_CACHE"] = False
    assert client.get("/hi/carpets/").status_code == 200
    assert client.get("/hi/carpets/red").status_code == 200
    assert "catalog_fragments" not in app.extensions


def test_languages_are_memoised_apart(client, carpet):
    assert '<html lang="en">' in client.get("/en/carpets/").get_data(as_text=True)
    assert '<html lang="hi">' in client.get("/hi/carpets/").get_data(as_text=True)
    assert '<html lang="en">' in client.get("/en/carpets/red").get_data(as_text=True)
    assert '<html lang="hi">' in client.get("/hi/carpets/red").get_data(as_text=True)
