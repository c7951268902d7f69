"""The catalog in headless Chromium: filters disclosure on a phone, sidebar on a desktop,
filtering without JavaScript, the gallery's thumbnail anchors, no CSP violations."""

from __future__ import annotations

import pytest

from storefront.extensions import db
from tests.builders import make_carpet, make_weaver

pytestmark = pytest.mark.browser


@pytest.fixture
def shop(live_app):
    with live_app.app_context():
        weaver = make_weaver()
        for i in range(6):
            make_carpet(weaver, images=3, pile_material="silk" if i % 2 else "wool")
        db.session.commit()


def test_filters_on_a_phone_and_on_a_desktop(live_server, browser_page, shop):
    page = browser_page
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.goto(f"{live_server}/hi/carpets/")
    form = page.locator(".filters-form")
    assert not form.is_visible()  # closed disclosure on a 360 px phone
    page.locator(".filters-summary").click()
    assert form.is_visible()
    page.locator('input[name="material"][value="silk"]').check()
    page.locator(".filters-form button[type=submit]").click()
    page.wait_for_url("**material=silk**")
    assert page.locator(".carpet-card").count() == 3
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server}/en/carpets/")
    assert page.locator(".filters-form").is_visible()  # a sidebar without clicking
    assert page.locator(".card-grid .carpet-card").count() == 6
    assert not [p for p in problems if "Content Security Policy" in p]


def test_gallery_thumbnails_are_anchors(live_server, browser_page, shop):
    page = browser_page
    page.goto(f"{live_server}/en/carpets/")
    page.locator(".carpet-card-link").first.click()
    page.locator('.gallery-thumbs a[href="#photo-3"]').click()
    assert page.url.endswith("#photo-3")
    assert page.locator(".product-price").inner_text().startswith("₹")
