"""Password reset by emailed link (single use, expiring) and by staff-issued one-time code."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select

from storefront.accounts import services
from storefront.accounts.models import ResetCode, User
from storefront.extensions import db
from storefront.mail import sent_messages
from tests.accounts.builders import make_applicant, make_staff
from tests.builders import PASSWORD, make_user

NEW = "a brand new secret"


def _link_from_mail(app) -> str:  # noqa: ANN001
    body = sent_messages(app)[-1].get_body().get_content()
    return re.search(r"https://bunkar\.test(/\S+)", body).group(1)


def _user(user_id: int) -> User:
    db.session.expire_all()
    return db.session.get(User, user_id)


def test_reset_link_is_emailed_in_the_users_language(app, client):
    user = make_user(email="asha@example.com", preferred_lang="hi")
    db.session.commit()
    resp = client.post("/en/account/reset", data={"login": "Asha@example.com"})
    assert resp.status_code == 302 and resp.headers["Location"] == "/en/account/login"
    (msg,) = sent_messages(app)
    assert msg["To"] == "asha@example.com"
    assert msg["Subject"] == "अपने बुनकर खाते का नया पासवर्ड बनाएँ"
    assert "/hi/account/reset/" in msg.get_body().get_content()
    assert user.id


def test_unknown_or_emailless_accounts_get_the_same_answer_and_no_mail(app, client):
    make_applicant()
    db.session.commit()
    for login in ("nobody@example.com", "98765 43210"):
        resp = client.post("/en/account/reset", data={"login": login})
        assert resp.status_code == 302
    assert sent_messages(app) == []


def test_reset_link_sets_a_new_password_once(app, client):
    user = make_user()
    db.session.commit()
    client.post("/en/account/reset", data={"login": user.email})
    link = _link_from_mail(app)
    assert client.get(link).status_code == 200
    assert link.startswith("/hi/account/reset/")  # the user's language (builder default: hi)
    resp = client.post(link, data={"password": NEW, "confirm": NEW})
    assert resp.status_code == 302 and resp.headers["Location"] == "/hi/account/login"
    assert _user(user.id).check_password(NEW)
    again = client.post(link, data={"password": "third secret!", "confirm": "third secret!"})
    assert again.status_code == 410
    assert "इस्तेमाल हो चुका हो" in again.get_data(as_text=True)
    assert _user(user.id).check_password(NEW)


def test_reset_link_form_keeps_errors_next_to_fields(app, client):
    user = make_user()
    db.session.commit()
    token = services.make_reset_token(user)
    html = client.post(
        f"/hi/account/reset/{token}", data={"password": NEW, "confirm": "other"}
    ).get_data(as_text=True)
    assert "दोनों पासवर्ड एक जैसे नहीं हैं।" in html


def test_expired_and_tampered_links_are_refused(app, client):
    user = make_user()
    db.session.commit()
    token = services.make_reset_token(user)
    try:
        services.user_for_reset_token(token, max_age=-1)
    except services.InvalidResetLink as exc:
        assert exc.expired
    else:  # pragma: no cover
        raise AssertionError("expired link accepted")
    # Change one fully significant character of the signature (never a no-op substitution).
    i = len(token) - 5
    tampered = token[:i] + ("A" if token[i] != "A" else "B") + token[i + 1 :]
    resp = client.get(f"/en/account/reset/{tampered}")
    assert resp.status_code == 410
    assert "not valid" in resp.get_data(as_text=True)


def test_reset_links_of_suspended_accounts_do_not_work(app, client):
    user = make_user(active=False)
    db.session.commit()
    token = services.make_reset_token(user)
    assert client.get(f"/en/account/reset/{token}").status_code == 410


# --- codes issued by staff ----------------------------------------------------------------


def _issue(user: User) -> str:
    issued = services.issue_reset_code(user, make_staff())
    db.session.commit()
    return issued.code


def _use_code(client, code, phone="98765 43210", password=NEW, lang="hi"):  # noqa: ANN001, ANN202
    return client.post(
        f"/{lang}/account/reset/code",
        data={"phone": phone, "code": code, "password": password, "confirm": password},
    )


def test_code_is_stored_hashed_and_expires(app):
    user = make_applicant()
    issued = services.issue_reset_code(user, make_staff())
    row = db.session.scalar(select(ResetCode))
    assert len(issued.code) == 8 and issued.code.isdigit()
    assert issued.code not in row.code_hash and row.code_hash.startswith("scrypt:")
    hours = (issued.expires_at - dt.datetime.now(dt.UTC)).total_seconds() / 3600
    assert 23.9 < hours <= 24


def test_weaver_sets_a_new_password_with_the_code(app, client):
    user = make_applicant()
    code = _issue(user)
    spaced = f"{code[:4]} {code[4:]}".translate(str.maketrans("0123456789", "०१२३४५६७८९"))
    resp = _use_code(client, spaced, phone="+91-98765-43210")  # Devanagari digits, spaces: fine
    assert resp.status_code == 302
    assert _user(user.id).check_password(NEW)
    login = client.post("/hi/account/login", data={"login": "9876543210", "password": NEW})
    assert login.status_code == 302


def test_code_works_only_once(app, client):
    user = make_applicant()
    code = _issue(user)
    assert _use_code(client, code).status_code == 302
    html = _use_code(client, code, password="yet another one").get_data(as_text=True)
    assert "यह कोड ग़लत है" in html
    assert _user(user.id).check_password(NEW)


def test_expired_code_is_refused(app, client):
    user = make_applicant()
    code = _issue(user)
    row = db.session.scalar(select(ResetCode))
    row.expires_at = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    db.session.commit()
    assert _use_code(client, code).status_code == 200
    assert _user(user.id).check_password(PASSWORD)


def test_a_new_code_cancels_the_old_one(app, client):
    user = make_applicant()
    old = _issue(user)
    new = _issue(user)
    assert _use_code(client, old).status_code == 200
    assert _use_code(client, new).status_code == 302


def test_wrong_tries_burn_the_code(app, client):
    user = make_applicant()
    code = _issue(user)
    wrong = "00000000" if code != "00000000" else "11111111"
    for _ in range(services.RESET_CODE_MAX_ATTEMPTS):
        assert _use_code(client, wrong).status_code == 200
    assert _use_code(client, code).status_code == 200  # right code, too late
    assert _user(user.id).check_password(PASSWORD)


def test_code_for_another_phone_is_refused(app, client):
    code = _issue(make_applicant())
    make_applicant(phone="+919812345678")
    db.session.commit()
    assert _use_code(client, code, phone="98123 45678").status_code == 200


def test_code_form_keeps_typed_values_and_translates_errors(client):
    html = client.post(
        "/hi/account/reset/code", data={"phone": "12", "code": "", "password": "x", "confirm": "y"}
    ).get_data(as_text=True)
    assert 'value="12"' in html
    assert "कृपया सही मोबाइल नंबर लिखें" in html and "कृपया समिति से मिला कोड लिखें।" in html
