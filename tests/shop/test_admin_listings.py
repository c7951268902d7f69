"""Staff moderation: the queue, approve / send back, staff edits with the owner check bypassed."""

from __future__ import annotations

import io
import re

from storefront.catalog import listing_review as review
from storefront.catalog.listings import ImageRef, add_photos, create_listing, update_listing
from storefront.extensions import db
from storefront.mail import sent_messages
from tests.conftest import login
from tests.shop.builders import listing_form, make_staff, make_weaver_account, photo_bytes

CARPET = {
    "title_hi": "हरा गब्बे कालीन",
    "title_en": "Green Gabbeh",
    "construction": "hand_knotted",
    "pile_material": "wool",
    "width_cm": 275,
    "length_cm": 362,
    "price_paise": 9_300_000,
}


def pending_carpet(weaver, n: int = 1):  # noqa: ANN001, ANN201
    carpet = create_listing(weaver, CARPET)
    add_photos(carpet, [ImageRef(f"{i:032x}", 1000, 800) for i in range(1, n + 1)])
    review.submit_for_review(carpet)
    return carpet


def test_queue_lists_new_listings_and_changes_to_live_ones(app, client) -> None:
    _, weaver = make_weaver_account()
    staff = make_staff()
    new = pending_carpet(weaver)
    live = pending_carpet(weaver)
    review.approve(live, staff.id)
    update_listing(live, {"price_paise": 8_000_000})
    review.submit_for_review(live)
    untouched = create_listing(weaver, CARPET)  # a draft: not in the queue
    db.session.commit()
    login(client, staff)
    page = client.get("/en/admin/listings").get_data(as_text=True)
    assert new.sku in page and live.sku in page and untouched.sku not in page
    assert "New listing" in page and "Changes to a live carpet" in page
    found = client.get(f"/en/admin/listings?q={untouched.sku.lower()}").get_data(as_text=True)
    assert untouched.sku in found
    dashboard = client.get("/en/admin/").get_data(as_text=True)
    assert re.search(r">\s*2\s*<", dashboard)  # two waiting for review on the overview


def test_stale_approval_is_refused(app, client) -> None:
    _, weaver = make_weaver_account()
    staff = make_staff()
    carpet = pending_carpet(weaver)
    db.session.commit()
    login(client, staff)
    response = client.post(f"/en/admin/listings/{carpet.id}/approve", data={"version": "stale"})
    assert response.status_code == 302
    db.session.expire_all()
    assert carpet.status == "pending"
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "changed this listing while you were looking" in page


def test_weaver_is_emailed_in_their_language(app, client) -> None:
    user, weaver = make_weaver_account(lang="hi")
    user.email = "weaver@example.com"
    staff = make_staff()
    carpet = pending_carpet(weaver)
    db.session.commit()
    login(client, staff)
    client.post(
        f"/en/admin/listings/{carpet.id}/send-back",
        data={"reasons": ["price"], "note": "दाम कम करें"},
    )
    message = sent_messages(app)[-1]
    body = message.get_content()
    assert message["To"] == "weaver@example.com"
    assert "हरा गब्बे कालीन" in message["Subject"] and "कृपया दाम जाँच लें।" in body
    assert "दाम कम करें" in body and f"https://bunkar.test/hi/shop/listings/{carpet.id}" in body


def test_staff_edit_any_listing_goes_live_directly(app, client) -> None:
    _, weaver = make_weaver_account()
    staff = make_staff()
    carpet = pending_carpet(weaver)
    review.approve(carpet, staff.id)
    db.session.commit()
    login(client, staff)
    page = client.get(f"/en/admin/listings/{carpet.id}/edit").get_data(as_text=True)
    assert 'value="Green Gabbeh"' in page and 'name="stock"' not in page
    response = client.post(
        f"/en/admin/listings/{carpet.id}/edit",
        data=listing_form(title_en="Green Indo-Gabbeh", title_hi=carpet.title_hi, design="gabbeh"),
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert carpet.title_en == "Green Indo-Gabbeh" and carpet.design == "gabbeh"
    assert "indo-gabbeh" in carpet.search_text
    assert carpet.slug.startswith("green-gabbeh-")  # the public address does not move


def test_staff_manage_photos(app, client) -> None:
    _, weaver = make_weaver_account()
    staff = make_staff()
    carpet = pending_carpet(weaver, n=2)
    db.session.commit()
    login(client, staff)
    response = client.post(
        f"/en/admin/listings/{carpet.id}/photos",
        data={"photos": [(io.BytesIO(photo_bytes()), "p.jpg")]},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    db.session.expire_all()
    new_key = carpet.images[-1].image_key
    client.post(f"/en/admin/listings/{carpet.id}/photos/{new_key}", data={"action": "main"})
    db.session.expire_all()
    assert carpet.main_image.image_key == new_key and len(carpet.images) == 3
    page = client.get(f"/en/admin/listings/{carpet.id}/photos").get_data(as_text=True)
    assert "Main photo" in page
