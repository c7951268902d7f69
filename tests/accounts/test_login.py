"""Sign-in by email or phone, safe redirects, session rotation and sign-out."""

from __future__ import annotations

import pytest

from storefront.extensions import db
from tests.accounts.builders import make_applicant, make_staff
from tests.builders import PASSWORD, make_user
from tests.conftest import login


def _post_login(client, login_value, password=PASSWORD, lang="en", query=""):  # noqa: ANN001, ANN202
    return client.post(
        f"/{lang}/account/login{query}", data={"login": login_value, "password": password}
    )


def _signed_in_as(client) -> str | None:  # noqa: ANN001
    with client.session_transaction() as sess:
        return sess.get("_user_id")


def test_login_page_renders_in_both_languages(client):
    en = client.get("/en/account/login").get_data(as_text=True)
    hi = client.get("/hi/account/login").get_data(as_text=True)
    assert "Mobile number or email" in en and 'autocomplete="current-password"' in en
    assert "मोबाइल नंबर या ईमेल" in hi and '<html lang="hi">' in hi


def test_login_by_email_any_case(app, client):
    user = make_user(email="Asha@Example.com")
    db.session.commit()
    resp = _post_login(client, "  ASHA@example.COM ")
    assert resp.status_code == 302
    assert resp.headers["Location"] == "/en/account/"
    assert _signed_in_as(client) == user.get_id()


@pytest.mark.parametrize(
    "typed",
    [
        "98765 43210",
        "+91-98765-43210",
        "098765 43210",
        "+919876543210",
        "९८७६५ ४३२१०",
        "(0)98765-43210",
    ],
)
def test_login_by_phone_in_indian_formats(app, client, typed):
    user = make_applicant(phone="+919876543210")
    db.session.commit()
    resp = _post_login(client, typed)
    assert resp.status_code == 302, typed
    assert _signed_in_as(client) == user.get_id()


def test_wrong_password_is_refused_with_a_translated_message(app, client):
    make_applicant()
    db.session.commit()
    resp = _post_login(client, "98765 43210", "wrong password", lang="hi")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200
    assert "मेल नहीं खाते" in html  # "do not match", next to the password field
    assert 'value="98765 43210"' in html  # what was typed is kept
    assert _signed_in_as(client) is None


def test_unknown_login_gets_the_same_message(app, client):
    html = _post_login(client, "nobody@example.com", "whatever1").get_data(as_text=True)
    assert "do not match" in html


def test_empty_form_shows_messages_next_to_fields(client):
    html = client.post("/hi/account/login", data={}).get_data(as_text=True)
    assert html.count('class="field-error"') == 2
    assert 'aria-invalid="true"' in html


def test_suspended_account_cannot_sign_in(app, client):
    user = make_user(active=False)
    db.session.commit()
    html = _post_login(client, user.email).get_data(as_text=True)
    assert "suspended" in html
    assert _signed_in_as(client) is None


def test_staff_land_on_the_back_office(app, client):
    staff = make_staff()
    db.session.commit()
    assert _post_login(client, staff.email).headers["Location"] == "/en/admin/"


@pytest.mark.parametrize("target", ["/hi/carpets/?colour=red", "/en/account/"])
def test_next_to_a_local_path_is_followed(app, client, target):
    user = make_user()
    db.session.commit()
    resp = client.post(
        "/en/account/login",
        query_string={"next": target},
        data={"login": user.email, "password": PASSWORD},
    )
    assert resp.headers["Location"] == target


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example",
        "\\\\evil.example",
        "/\t/evil.example",
        "javascript:alert(1)",
        "http:/evil.example",
        "evil.example",
        "/%0a/evil.example\n",
    ],
)
def test_next_to_another_site_is_refused(app, client, target):
    user = make_user()
    db.session.commit()
    resp = client.post(
        "/en/account/login",
        query_string={"next": target},
        data={"login": user.email, "password": PASSWORD},
    )
    assert resp.status_code == 302
    assert resp.headers["Location"] == "/en/account/"


def test_login_page_redirects_signed_in_users(app, client):
    user = make_user()
    db.session.commit()
    login(client, user)
    assert client.get("/en/account/login?next=//evil.example").headers["Location"] == "/en/account/"


def test_protected_page_sends_anonymous_visitors_to_login_with_next(client):
    resp = client.get("/hi/account/")
    assert resp.status_code == 302
    assert resp.headers["Location"] == "/hi/account/login?next=%2Fhi%2Faccount%2F"


def test_sign_in_starts_a_fresh_session(app, client):
    user = make_user()
    db.session.commit()
    with client.session_transaction() as sess:
        sess["planted"] = "by an attacker"
        sess["cart"] = [1, 2]
        sess["_user_id"] = "999-forged"
    _post_login(client, user.email)
    with client.session_transaction() as sess:
        assert "planted" not in sess
        assert sess["cart"] == [1, 2]  # the visitor's cart survives
        assert sess["_user_id"] == user.get_id()
        assert sess["_fresh"] is True and sess["_id"]


def test_session_cookie_is_httponly_and_samesite(app, client):
    user = make_user()
    db.session.commit()
    cookie = _post_login(client, user.email).headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_remember_me_sets_a_remember_cookie(app, client):
    user = make_user()
    db.session.commit()
    resp = client.post(
        "/en/account/login", data={"login": user.email, "password": PASSWORD, "remember": "y"}
    )
    cookies = resp.headers.getlist("Set-Cookie")
    assert any(c.startswith("remember_token=") and "HttpOnly" in c for c in cookies)


def test_a_new_password_ends_other_sessions(app, client):
    user = make_user()
    db.session.commit()
    login(client, user)
    assert client.get("/en/account/").status_code == 200
    user.set_password("another secret 123")
    db.session.commit()
    assert client.get("/en/account/").status_code == 302


def test_suspension_ends_an_open_session(app, client):
    user = make_user()
    db.session.commit()
    login(client, user)
    user.active = False
    db.session.commit()
    assert client.get("/en/account/").status_code == 302


def test_logout_needs_post(app, client):
    user = make_user()
    db.session.commit()
    login(client, user)
    assert client.get("/en/account/logout").status_code == 405
    resp = client.post("/hi/account/logout")
    assert resp.status_code == 302 and resp.headers["Location"] == "/hi/"
    assert _signed_in_as(client) is None
    assert client.get("/hi/account/").status_code == 302


def test_account_pages_are_not_cached(app, client):
    user = make_user()
    db.session.commit()
    login(client, user)
    assert client.get("/en/account/").headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    "role, link",
    [("buyer", "My account"), ("staff", "Cooperative office")],
)
def test_header_shows_account_links_and_a_sign_out_form(app, client, role, link):
    user = make_user(role=role)
    db.session.commit()
    login(client, user)
    html = client.get("/en/").get_data(as_text=True)
    assert link in html
    assert 'action="/en/account/logout"' in html and 'name="csrf_token"' in html


def test_header_offers_sign_in_to_visitors(client):
    html = client.get("/hi/").get_data(as_text=True)
    assert 'href="/hi/account/login?next=/hi/"' in html
    assert "लॉग इन करें" in html
