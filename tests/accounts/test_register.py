"""Buyer registration by email."""

from __future__ import annotations

from sqlalchemy import select

from storefront.accounts.models import User
from storefront.extensions import db
from tests.builders import PASSWORD, make_user

GOOD = {
    "name": "Anna Weber",
    "email": "Anna@Example.com",
    "password": PASSWORD,
    "confirm": PASSWORD,
}


def test_register_creates_a_signed_in_buyer(app, client):
    resp = client.post("/hi/account/register", data=GOOD)
    assert resp.status_code == 302 and resp.headers["Location"] == "/hi/"
    user = db.session.scalar(select(User).where(User.email == "anna@example.com"))
    assert user.role == "buyer" and user.preferred_lang == "hi"
    assert user.password_hash.startswith("scrypt:") and PASSWORD not in user.password_hash
    with client.session_transaction() as sess:
        assert sess["_user_id"] == user.get_id()


def test_register_keeps_typed_values_when_something_is_wrong(client):
    data = {**GOOD, "email": "not-an-email", "confirm": "different"}
    resp = client.post("/en/account/register", data=data)
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200
    assert 'value="Anna Weber"' in html and 'value="not-an-email"' in html
    assert "Please enter a valid email address." in html
    assert "The two passwords are not the same." in html
    assert db.session.scalar(select(User.id)) is None


def test_register_messages_are_in_hindi(client):
    html = client.post("/hi/account/register", data={"name": "अन्ना"}).get_data(as_text=True)
    assert 'value="अन्ना"' in html
    assert "कृपया अपना ईमेल पता लिखें।" in html


def test_short_password_is_refused(client):
    html = client.post(
        "/en/account/register", data={**GOOD, "password": "short", "confirm": "short"}
    ).get_data(as_text=True)
    assert "Use at least 8 letters or numbers." in html


def test_email_already_registered(app, client):
    make_user(email="anna@example.com")
    db.session.commit()
    html = client.post("/en/account/register", data=GOOD).get_data(as_text=True)
    assert "already exists" in html
    assert 'value="Anna@Example.com"' in html


def test_register_follows_a_local_next_only(client):
    resp = client.post("/en/account/register?next=//evil.example", data=GOOD)
    assert resp.headers["Location"] == "/en/"


def test_a_registration_race_is_a_form_error_not_a_crash(app):
    from storefront.accounts import services

    keep = make_user(email="first@example.com")
    clash = User(email="first@example.com", name="Second", role="buyer", preferred_lang="en")
    clash.set_password(PASSWORD)
    try:
        services._insert_user(clash, services.EmailTaken)
    except services.EmailTaken:
        pass
    else:  # pragma: no cover
        raise AssertionError("duplicate email accepted")
    db.session.commit()  # the rest of the transaction is intact
    assert db.session.scalar(select(User.id).where(User.email == "first@example.com")) == keep.id
