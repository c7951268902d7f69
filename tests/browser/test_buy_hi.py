"""A buyer on /hi/ buys a carpet with the test gateway in headless Chromium; it shows as sold."""

from __future__ import annotations

import pytest

from storefront.catalog.models import Carpet
from storefront.extensions import db
from storefront.orders.models import Order
from tests.builders import make_carpet
from tests.checkout.builders import seed_tables

pytestmark = pytest.mark.browser


def test_buyer_in_hindi_pays_with_the_test_gateway(live_app, live_server, browser_page) -> None:  # noqa: ANN001
    with live_app.app_context():
        seed_tables()
        carpet = make_carpet(price_paise=9_500_000, width_cm=120, length_cm=180, weight_g=6000)
        db.session.commit()
        slug, carpet_id = carpet.slug, carpet.id
    page = browser_page

    page.goto(f"{live_server}/hi/carpets/{slug}")
    assert page.locator("html").get_attribute("lang") == "hi"
    page.get_by_role("button", name="कार्ट में जोड़ें").click()
    page.wait_for_url(f"{live_server}/hi/cart")
    assert page.locator(".nav-cart-count").inner_text() == "1"
    page.get_by_role("link", name="चेकआउट के लिए आगे बढ़ें").click()

    page.get_by_label("ईमेल").fill("asha@example.com")
    page.get_by_label("मोबाइल नंबर").fill("98765 43210")
    page.get_by_label("पूरा नाम").fill("आशा वर्मा")
    assert page.get_by_label("देश").input_value() == "IN"  # India first for /hi/
    page.get_by_label("पता", exact=True).fill("12, स्टेशन रोड")
    page.get_by_label("कस्बा या शहर").fill("भदोही")
    page.get_by_label("राज्य", exact=True).select_option("Uttar Pradesh")
    page.get_by_label("पिन कोड").fill("221401")
    assert not page.get_by_label("क्षेत्र, राज्य या काउंटी (वैकल्पिक)").is_visible()
    page.get_by_role("button", name="जाँचने के लिए आगे बढ़ें").click()

    page.wait_for_url(f"{live_server}/hi/checkout/review")
    totals = page.locator("table.totals").inner_text()
    assert "CGST" in totals and "SGST" in totals
    page.get_by_role("button", name="टेस्ट भुगतान (कोई पैसा नहीं कटेगा)").click()

    assert "कोई पैसा नहीं कटेगा" in page.locator(".test-banner").inner_text()
    page.get_by_role("button", name="भुगतान करें (टेस्ट)").click()
    page.wait_for_url(f"{live_server}/hi/orders/**")
    assert "भुगतान हो गया" in page.locator(".order-head").inner_text()
    page.get_by_role("link", name="टैक्स इनवॉइस (प्रिंट के लिए)").click()
    assert "09-Uttar Pradesh" in page.locator(".invoice").inner_text()

    page.goto(f"{live_server}/hi/carpets/{slug}")
    assert page.get_by_text("बिक गया").first.is_visible()
    assert page.get_by_role("button", name="कार्ट में जोड़ें").count() == 0

    with live_app.app_context():
        assert db.session.get(Carpet, carpet_id).status == "sold"
        order = db.session.query(Order).one()
        assert order.status == "paid" and order.lang == "hi"
