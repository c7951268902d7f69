"""Rate limits on sign-in, registration and resets (Flask-Limiter, memory storage in tests)."""

from __future__ import annotations

import pytest

from storefront.extensions import db
from tests.builders import PASSWORD, make_user


@pytest.fixture
def limited(make_app):  # noqa: ANN001, ANN201
    app = make_app(RATELIMIT_ENABLED=True)
    return app, app.test_client()


def test_login_is_limited_per_address_and_the_429_page_is_in_hindi(limited):
    _app, client = limited
    for _ in range(10):
        resp = client.post("/hi/account/login", data={"login": "a@example.com", "password": "x"})
        assert resp.status_code == 200
    resp = client.post("/hi/account/login", data={"login": "b@example.com", "password": "x"})
    assert resp.status_code == 429
    html = resp.get_data(as_text=True)
    assert '<html lang="hi">' in html
    assert "बहुत ज़्यादा" in html  # "Too many attempts", translated
    assert client.get("/hi/account/login").status_code == 200  # only POSTs count


def test_other_addresses_are_not_affected(limited):
    _app, client = limited
    for _ in range(11):
        client.post("/en/account/login", data={"login": "a@example.com", "password": "x"})
    other = client.post(
        "/en/account/login",
        data={"login": "a@example.com", "password": "x"},
        environ_base={"REMOTE_ADDR": "10.0.0.9"},
    )
    assert other.status_code == 200


def test_failed_logins_for_one_account_are_limited_across_addresses(make_app):
    app = make_app(RATELIMIT_ENABLED=True, LOGIN_ACCOUNT_RATE_LIMIT="3/hour")
    client = app.test_client()
    user = make_user()
    db.session.commit()
    for i in range(3):
        resp = client.post(
            "/en/account/login",
            data={"login": user.email, "password": "wrong"},
            environ_base={"REMOTE_ADDR": f"10.0.1.{i}"},
        )
        assert resp.status_code == 200
    resp = client.post(
        "/en/account/login",
        data={"login": user.email.upper(), "password": PASSWORD},
        environ_base={"REMOTE_ADDR": "10.0.1.99"},
    )
    assert resp.status_code == 429


def test_successful_logins_do_not_use_up_the_account_limit(make_app):
    app = make_app(RATELIMIT_ENABLED=True, LOGIN_ACCOUNT_RATE_LIMIT="2/hour")
    client = app.test_client()
    user = make_user()
    db.session.commit()
    for _ in range(4):
        resp = client.post("/en/account/login", data={"login": user.email, "password": PASSWORD})
        assert resp.status_code == 302
        client.post("/en/account/logout")


def test_registration_is_limited_to_five_an_hour(limited):
    _app, client = limited
    for i in range(5):
        data = {
            "name": f"Buyer {i}",
            "email": f"buyer{i}@example.com",
            "password": PASSWORD,
            "confirm": PASSWORD,
        }
        assert client.post("/en/account/register", data=data).status_code == 302
        client.post("/en/account/logout")
    data = {"name": "Six", "email": "six@example.com", "password": PASSWORD, "confirm": PASSWORD}
    resp = client.post("/en/account/register", data=data)
    assert resp.status_code == 429
    assert "Too many attempts" in resp.get_data(as_text=True)


def test_forms_sent_back_with_typos_do_not_count(limited):
    _app, client = limited
    for _ in range(8):
        resp = client.post("/hi/account/apply", data={"name": "रमेश"})
        assert resp.status_code == 200


def test_reset_requests_are_limited(limited):
    _app, client = limited
    for _ in range(5):
        assert client.post("/en/account/reset", data={"login": "x@example.com"}).status_code == 302
    assert client.post("/en/account/reset", data={"login": "x@example.com"}).status_code == 429


def test_reset_code_tries_are_limited(make_app):
    app = make_app(RATELIMIT_ENABLED=True, RESET_CODE_RATE_LIMIT="3/hour")
    client = app.test_client()
    data = {"phone": "98765 43210", "code": "1234", "password": PASSWORD, "confirm": PASSWORD}
    for _ in range(3):
        assert client.post("/en/account/reset/code", data=data).status_code == 200
    assert client.post("/en/account/reset/code", data=data).status_code == 429
