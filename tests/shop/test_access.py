"""Who may open what: every shop and listing-moderation endpoint x role -> expected status."""

from __future__ import annotations

import pytest

from storefront.catalog.listings import ImageRef, add_photos, create_listing
from storefront.extensions import db
from tests.builders import make_user
from tests.conftest import login
from tests.shop.builders import make_staff, make_weaver_account

KEY = "ab" * 16
CARPET = {
    "title_hi": "लाल कालीन",
    "construction": "hand_knotted",
    "pile_material": "wool",
    "width_cm": 170,
    "length_cm": 244,
    "price_paise": 15_000_000,
}

# (method, url, status for: anonymous, buyer, staff, other weaver, owner)
SHOP = [
    ("GET", "/hi/shop/", 302, 403, 403, 200, 200),
    ("GET", "/hi/shop/profile", 302, 403, 403, 200, 200),
    ("POST", "/hi/shop/profile", 302, 403, 403, 302, 302),
    ("POST", "/hi/shop/profile/photo", 302, 403, 403, 422, 422),
    ("GET", "/hi/shop/listings/new", 302, 403, 403, 200, 200),
    ("POST", "/hi/shop/listings/new", 302, 403, 403, 422, 422),
    ("GET", "/hi/shop/listings/{id}", 302, 403, 403, 403, 200),
    ("POST", "/hi/shop/listings/{id}", 302, 403, 403, 403, 422),
    ("GET", "/hi/shop/listings/{id}/photos", 302, 403, 403, 403, 200),
    ("POST", "/hi/shop/listings/{id}/photos", 302, 403, 403, 403, 422),
    ("POST", "/hi/shop/listings/{id}/photos/" + KEY, 302, 403, 403, 403, 302),
    ("POST", "/hi/shop/listings/{id}/submit", 302, 403, 403, 403, 302),
    ("POST", "/hi/shop/listings/{id}/discard", 302, 403, 403, 403, 302),
    ("POST", "/hi/shop/listings/{id}/sold", 302, 403, 403, 403, 302),
    ("POST", "/hi/shop/listings/{id}/delete", 302, 403, 403, 403, 302),
    ("GET", "/hi/shop/listings/999999", 302, 403, 403, 404, 404),
    ("GET", "/hi/admin/listings", 302, 403, 200, 403, 403),
    ("GET", "/hi/admin/listings?status=published", 302, 403, 200, 403, 403),
    ("GET", "/hi/admin/listings/{id}", 302, 403, 200, 403, 403),
    ("POST", "/hi/admin/listings/{id}/approve", 302, 403, 302, 403, 403),
    ("POST", "/hi/admin/listings/{id}/send-back", 302, 403, 422, 403, 403),
    ("GET", "/hi/admin/listings/{id}/edit", 302, 403, 200, 403, 403),
    ("POST", "/hi/admin/listings/{id}/edit", 302, 403, 422, 403, 403),
    ("GET", "/hi/admin/listings/{id}/photos", 302, 403, 200, 403, 403),
    ("POST", "/hi/admin/listings/{id}/photos", 302, 403, 422, 403, 403),
    ("POST", "/hi/admin/listings/{id}/photos/" + KEY, 302, 403, 302, 403, 403),
    ("GET", "/hi/admin/listings/999999", 302, 403, 404, 403, 403),
]
ROLES = ("anonymous", "buyer", "staff", "other_weaver", "owner")


@pytest.mark.parametrize("role", ROLES)
def test_endpoint_role_status_table(app, client, role) -> None:
    """One app per role; a fresh draft carpet (with one photo) for every request."""
    owner_user, owner = make_weaver_account()
    users = {
        "buyer": make_user(role="buyer"),
        "staff": make_staff(),
        "other_weaver": make_weaver_account()[0],
        "owner": owner_user,
    }
    db.session.commit()
    if role != "anonymous":
        login(client, users[role])
    wrong = []
    for method, url, *expected_by_role in SHOP:
        expected = expected_by_role[ROLES.index(role)]
        carpet = create_listing(owner, CARPET)
        add_photos(carpet, [ImageRef(KEY, 1000, 800)])
        db.session.commit()
        response = client.open(url.format(id=carpet.id), method=method, data={})
        if response.status_code != expected:
            wrong.append(f"{method} {url}: {response.status_code}, expected {expected}")
        elif role == "anonymous":
            assert "/account/login" in response.headers["Location"]
        if expected == 403:
            db.session.expire_all()
            assert carpet.status == "draft" and len(carpet.images) == 1, url  # nothing changed
    assert not wrong, "\n".join(wrong)


def test_suspended_weaver_cannot_use_the_shop(app, client) -> None:
    user, weaver = make_weaver_account()
    weaver.status = "suspended"
    db.session.commit()
    login(client, user)
    assert client.get("/hi/shop/").status_code == 403


def test_user_with_weaver_role_but_no_profile_gets_403(app, client) -> None:
    user = make_user(role="weaver")
    db.session.commit()
    login(client, user)
    assert client.get("/hi/shop/").status_code == 403


def test_csrf_enforced_on_shop_and_admin_forms(app, client) -> None:
    user, weaver = make_weaver_account()
    staff = make_staff()
    carpet = create_listing(weaver, CARPET)
    db.session.commit()
    app.config["WTF_CSRF_ENABLED"] = True
    login(client, user)
    for url in (
        "/hi/shop/listings/new",
        f"/hi/shop/listings/{carpet.id}/submit",
        "/hi/shop/profile",
    ):
        assert client.post(url, data={"title_hi": "x"}).status_code == 400
    login(client, staff)
    assert client.post(f"/hi/admin/listings/{carpet.id}/approve").status_code == 400
    # With the token from the page, the same form goes through.
    login(client, user)
    page = client.get("/hi/shop/profile").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    response = client.post("/hi/shop/profile", data={"csrf_token": token, "bio_hi": "नमस्ते"})
    assert response.status_code == 302


def test_shop_pages_are_not_cached_and_not_indexed(app, client) -> None:
    user, _ = make_weaver_account()
    db.session.commit()
    login(client, user)
    response = client.get("/hi/shop/")
    assert response.headers["Cache-Control"] == "no-store"
    assert 'name="robots" content="noindex"' in response.get_data(as_text=True)
