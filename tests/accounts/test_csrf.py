"""CSRF is enforced on every form (CSRF protection is on outside the test configuration)."""

from __future__ import annotations

import re

import pytest

from storefront.extensions import db
from tests.accounts.builders import make_application, make_staff
from tests.builders import PASSWORD, make_carpet, make_user, make_weaver
from tests.conftest import login


@pytest.fixture
def csrf_app(make_app):  # noqa: ANN001, ANN201
    return make_app(WTF_CSRF_ENABLED=True)


def _token(html: str) -> str:
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)


def test_login_without_token_is_refused_with_a_translated_400(csrf_app):
    client = csrf_app.test_client()
    user = make_user()
    db.session.commit()
    resp = client.post("/hi/account/login", data={"login": user.email, "password": PASSWORD})
    assert resp.status_code == 400
    assert '<html lang="hi">' in resp.get_data(as_text=True)
    with client.session_transaction() as sess:
        assert "_user_id" not in sess


def test_login_with_the_token_works(csrf_app):
    client = csrf_app.test_client()
    user = make_user()
    db.session.commit()
    token = _token(client.get("/en/account/login").get_data(as_text=True))
    resp = client.post(
        "/en/account/login", data={"login": user.email, "password": PASSWORD, "csrf_token": token}
    )
    assert resp.status_code == 302


def test_logout_without_token_is_refused(csrf_app):
    client = csrf_app.test_client()
    user = make_user()
    db.session.commit()
    login(client, user)
    assert client.post("/en/account/logout").status_code == 400
    html = client.get("/en/account/").get_data(as_text=True)
    assert client.post("/en/account/logout", data={"csrf_token": _token(html)}).status_code == 302


def test_admin_form_without_token_is_refused(csrf_app):
    client = csrf_app.test_client()
    application = make_application()
    staff = make_staff()
    db.session.commit()
    login(client, staff)
    resp = client.post(
        f"/en/admin/applications/{application.id}/reject", data={"reason_code": "unreachable"}
    )
    assert resp.status_code == 400
    assert client.post(f"/en/admin/users/{application.user_id}/reset-code").status_code == 400


def test_shop_form_without_token_is_refused(csrf_app):
    client = csrf_app.test_client()
    user = make_user(role="weaver", phone="+919800000011")
    carpet = make_carpet(weaver=make_weaver(user_id=user.id), status="draft")
    db.session.commit()
    login(client, user)
    assert client.post(f"/en/shop/listings/{carpet.id}/submit").status_code == 400
