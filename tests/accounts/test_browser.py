"""In Hindi at 360 px: a weaver applies with a photo, staff approve, the weaver opens their shop."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image

from storefront.extensions import db
from tests.accounts.builders import make_staff
from tests.builders import PASSWORD

pytestmark = pytest.mark.browser


def _fits(page) -> bool:  # noqa: ANN001
    return page.evaluate("document.documentElement.scrollWidth") <= 360


def test_apply_approve_and_open_the_shop_in_hindi(live_app, live_server, browser_page, tmp_path):
    with live_app.app_context():
        make_staff(email="staff@example.com")
        db.session.commit()
    photo = Path(tmp_path) / "IMG_0001.jpg"
    Image.new("RGB", (1200, 1600), (140, 30, 25)).save(photo, "JPEG")
    page = browser_page

    page.goto(f"{live_server}/hi/account/login")
    assert _fits(page)
    page.get_by_role("link", name="मैं बुनकर हूँ: यहाँ बेचने के लिए आवेदन करें").click()
    page.get_by_label("आपका नाम").fill("सलमा बानो")
    page.get_by_label("गाँव या कस्बा").fill("गोपीगंज")
    page.get_by_label("मोबाइल नंबर").fill("098765 43210")
    page.get_by_label("पासवर्ड", exact=True).fill(PASSWORD)
    page.get_by_label("पासवर्ड दोबारा").fill("typo")
    page.get_by_label("अपने काम के बारे में कुछ शब्द").fill("पंद्रह साल से कालीन बुनती हूँ।")
    page.set_input_files("#photo", str(photo))
    page.get_by_role("button", name="मेरा आवेदन भेजें").click()
    page.wait_for_load_state()
    assert "दोनों पासवर्ड एक जैसे नहीं हैं।" in page.content()  # next to the field
    assert page.get_by_label("आपका नाम").input_value() == "सलमा बानो"  # nothing typed is lost
    assert page.locator(".photo-kept img").count() == 1  # nor the photo
    assert _fits(page)
    page.get_by_label("पासवर्ड", exact=True).fill(PASSWORD)
    page.get_by_label("पासवर्ड दोबारा").fill(PASSWORD)
    page.get_by_role("button", name="मेरा आवेदन भेजें").click()
    page.wait_for_url(re.compile(r"/hi/account/$"))
    assert "+91 98765 43210" in page.content()

    page.context.clear_cookies()
    page.goto(f"{live_server}/hi/account/login")
    page.get_by_label("मोबाइल नंबर या ईमेल").fill("staff@example.com")
    page.get_by_label("पासवर्ड").fill(PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/hi/admin/$"))
    page.get_by_role("link", name="देखने के लिए आवेदन").click()
    page.get_by_role("link", name="सलमा बानो").click()
    assert page.locator("img.applicant-photo").count() == 1
    assert page.get_by_label("नाम अंग्रेज़ी अक्षरों में").input_value() == "Salama Bano"
    page.get_by_label("नाम अंग्रेज़ी अक्षरों में").fill("Salma Bano")
    assert _fits(page)
    page.get_by_role("button", name="मंज़ूर करें और प्रोफ़ाइल बनाएँ").click()
    page.wait_for_url(re.compile(r"/hi/admin/applications$"))
    assert "/weavers/salma-bano" in page.content()

    page.context.clear_cookies()
    page.goto(f"{live_server}/hi/account/login")
    page.get_by_label("मोबाइल नंबर या ईमेल").fill("98765 43210")
    page.get_by_label("पासवर्ड").fill(PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/hi/shop/$"))
    assert page.get_by_role("link", name="मेरी दुकान").count() == 1
