"""Weavers list, suspend/reactivate, one-time reset codes and the dashboard."""

from __future__ import annotations

import re

from sqlalchemy import select

from storefront.accounts.models import ResetCode, User
from storefront.extensions import db
from storefront.weavers.models import Weaver
from tests.accounts.builders import make_applicant, make_application, make_staff
from tests.builders import PASSWORD, make_carpet, make_user, make_weaver
from tests.conftest import login, logout


def _weaver_with_account(phone: str = "+919876543210") -> Weaver:
    user = make_applicant(phone=phone, role="weaver")
    return make_weaver(user_id=user.id)


def _as_staff(client) -> User:  # noqa: ANN001
    staff = make_staff()
    db.session.commit()
    login(client, staff)
    return staff


def test_weavers_list_shows_status_phone_and_carpets_on_sale(app, client):
    weaver = _weaver_with_account()
    make_carpet(weaver=weaver)
    make_carpet(weaver=weaver, status="draft")
    make_weaver(status="suspended")
    _as_staff(client)
    html = client.get("/en/admin/weavers").get_data(as_text=True)
    assert html.count('<li class="admin-item') == 2
    assert "+91 98765 43210" in html and "1 carpet on sale" in html
    suspended = client.get("/en/admin/weavers?status=suspended").get_data(as_text=True)
    assert suspended.count('<li class="admin-item') == 1


def test_suspend_hides_the_profile_and_stops_sign_in(app, client):
    weaver = _weaver_with_account()
    slug, user_id = weaver.slug, weaver.user_id
    _as_staff(client)
    resp = client.post(f"/en/admin/weavers/{weaver.id}/suspend")
    assert resp.status_code == 302
    db.session.expire_all()
    assert db.session.get(Weaver, weaver.id).status == "suspended"
    assert db.session.get(User, user_id).active is False
    logout(client)
    assert client.get(f"/en/weavers/{slug}").status_code == 404
    html = client.post(
        "/hi/account/login", data={"login": "9876543210", "password": PASSWORD}
    ).get_data(as_text=True)
    assert "आपका खाता निलंबित है" in html


def test_suspension_signs_out_an_open_shop_session(app, client):
    weaver = _weaver_with_account()
    db.session.commit()
    login(client, weaver.user)
    assert client.get("/en/shop/").status_code == 200
    weaver.status = "suspended"
    weaver.user.active = False
    db.session.commit()
    assert client.get("/en/shop/").status_code == 302


def test_reactivate_brings_everything_back(app, client):
    weaver = _weaver_with_account()
    carpet = make_carpet(weaver=weaver)
    _as_staff(client)
    client.post(f"/en/admin/weavers/{weaver.id}/suspend")
    client.post(f"/en/admin/weavers/{weaver.id}/reactivate")
    db.session.expire_all()
    assert db.session.get(Weaver, weaver.id).status == "active"
    assert db.session.get(User, weaver.user_id).active is True
    assert carpet.status == "published"  # listings are never changed by a suspension
    logout(client)
    resp = client.post("/en/account/login", data={"login": "9876543210", "password": PASSWORD})
    assert resp.headers["Location"] == "/en/shop/"


def test_suspend_missing_weaver_is_404(app, client):
    _as_staff(client)
    assert client.post("/en/admin/weavers/999/suspend").status_code == 404


def test_staff_issue_a_code_that_is_shown_once(app, client):
    weaver = _weaver_with_account()
    staff = _as_staff(client)
    resp = client.post(f"/hi/admin/users/{weaver.user_id}/reset-code")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200 and resp.headers["Cache-Control"] == "no-store"
    code = re.search(r'class="reset-code"[^>]*>(\d{4} \d{4})<', html).group(1)
    assert "/hi/account/reset/code" in html
    row = db.session.scalar(select(ResetCode))
    assert row.issued_by_id == staff.id and code.replace(" ", "") not in row.code_hash
    logout(client)
    resp = client.post(
        "/hi/account/reset/code",
        data={
            "phone": "98765 43210",
            "code": code,
            "password": "naya password 1",
            "confirm": "naya password 1",
        },
    )
    assert resp.status_code == 302


def test_no_code_for_staff_or_accounts_without_phone(app, client):
    staff = _as_staff(client)
    buyer = make_user()
    db.session.commit()
    for user_id in (staff.id, buyer.id):
        assert client.post(f"/en/admin/users/{user_id}/reset-code").status_code == 302
    assert db.session.scalar(select(ResetCode)) is None
    assert client.post("/en/admin/users/999/reset-code").status_code == 404


def test_dashboard_counts_and_menu(app, client):
    make_application()
    make_application(phone="+919800000001")
    make_application(phone="+919800000002", status="rejected")
    make_carpet(status="pending")
    make_carpet()
    _as_staff(client)
    html = client.get("/en/admin/").get_data(as_text=True)
    tiles = dict(
        (label, int(count))
        for count, label in re.findall(
            r'<span class="tile-count">(\d+)</span>\s*<span class="tile-label">([^<]+)</span>', html
        )
    )
    assert tiles["Applications to review"] == 2
    assert tiles["Carpets on sale"] == 1
    assert tiles["Active weavers"] == 2
    assert 'href="/en/admin/applications"' in html and 'href="/en/admin/weavers"' in html
    assert 'aria-current="page">Overview' in html


def test_admin_pages_in_hindi(app, client):
    _as_staff(client)
    html = client.get("/hi/admin/").get_data(as_text=True)
    assert "समिति का दफ़्तर" in html and "देखने के लिए आवेदन" in html
