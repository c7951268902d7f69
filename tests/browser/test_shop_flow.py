"""Three phone photos, in Hindi at 360 px: a weaver lists a carpet, staff approve, it is public."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image

from storefront.catalog.models import Carpet
from storefront.extensions import db
from tests.builders import PASSWORD
from tests.shop.builders import make_staff, make_weaver_account

pytestmark = pytest.mark.browser


def sign_in(page, base: str, login: str) -> None:  # noqa: ANN001
    page.goto(f"{base}/hi/account/login")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()


def phone_photos(folder: Path) -> list[str]:
    paths = []
    for i, colour in enumerate([(140, 30, 25), (30, 50, 110), (200, 170, 90)]):
        img = Image.new("RGB", (1600, 1200), colour)
        img.paste(Image.new("RGB", (400, 300), (250, 250, 245)), (100 * i, 80))
        path = folder / f"IMG_2026010{i}.jpg"
        img.save(path, "JPEG", quality=85)
        paths.append(str(path))
    return paths


def test_weaver_lists_a_carpet_in_hindi_and_staff_approve(
    live_app, live_server, browser_page, tmp_path
) -> None:
    with live_app.app_context():
        user, _ = make_weaver_account()
        staff = make_staff(email="staff@example.com")
        db.session.commit()
        weaver_phone = user.phone
    page = browser_page

    sign_in(page, live_server, weaver_phone)
    page.goto(f"{live_server}/hi/shop/")
    assert page.locator("html").get_attribute("lang") == "hi"
    page.get_by_role("link", name="नया कालीन जोड़ें").click()

    page.get_by_label("कालीन का नाम (हिन्दी में)").fill("हाथ से बुना नीला कालीन")
    page.get_by_label("इस कालीन के बारे में (हिन्दी में)").fill("गोपीगंज में चार महीने में बुना।")
    page.get_by_label("क्वालिटी (जैसे 10x10)").fill("१०x१०")
    page.get_by_label("चौड़ाई: फ़ीट").fill("५")
    page.locator("#width_in").fill("७")
    page.get_by_label("लंबाई: फ़ीट").fill("8")
    page.locator("#length_in").fill("0")
    page.get_by_label("दाम (₹ में)").fill("१,२५,०००")
    page.get_by_role("button", name="सेव करें और फ़ोटो पर जाएँ").click()
    page.wait_for_url(re.compile(r"/hi/shop/listings/\d+/photos$"))

    # No horizontal scrolling at 360 px.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.set_input_files("#photos-gallery", phone_photos(tmp_path))
    page.get_by_role("button", name="फ़ोटो अपलोड करें").click()
    page.wait_for_load_state()
    assert page.locator(".photo-item").count() == 3
    page.locator(".photo-item").nth(2).get_by_role("button", name="मुख्य फ़ोटो बनाएँ").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="जाँच के लिए भेजें").click()
    page.wait_for_url(re.compile(r"/hi/shop/$"))
    assert "जाँच के लिए रुका है" in page.content()

    page.context.clear_cookies()
    sign_in(page, live_server, "staff@example.com")
    page.goto(f"{live_server}/hi/admin/listings")
    page.locator(".admin-item a", has_text="हाथ से बुना नीला कालीन").first.click()
    page.get_by_role("button", name="मंज़ूर करें और प्रकाशित करें").click()
    page.wait_for_load_state()

    with live_app.app_context():
        carpet = db.session.scalars(db.select(Carpet)).one()
        assert carpet.status == "published"
        assert (carpet.width_cm, carpet.length_cm, carpet.price_paise) == (170, 244, 12_500_000)
        assert carpet.kpsi == 100 and len(carpet.images) == 3
        slug = carpet.slug
    page.context.clear_cookies()
    for lang in ("en", "hi"):
        response = page.goto(f"{live_server}/{lang}/carpets/{slug}")
        assert response.status == 200
        assert "हाथ से बुना नीला कालीन" in page.content()
    assert staff  # the staff account approved it
