"""The weaver's shop through HTTP, in Hindi: draft -> photos -> review -> live in both languages."""

from __future__ import annotations

import io
import re

from storefront.catalog import listing_review as review
from storefront.catalog.listing_models import ListingRevision
from storefront.catalog.models import Carpet
from storefront.extensions import db
from tests.conftest import login, logout
from tests.shop.builders import listing_form, make_staff, make_weaver_account, photo_bytes


def upload(client, carpet_id: int, *files: tuple[bytes, str], lang: str = "hi"):  # noqa: ANN001, ANN201
    data = {"photos": [(io.BytesIO(b), name) for b, name in files]}
    return client.post(
        f"/{lang}/shop/listings/{carpet_id}/photos", data=data, content_type="multipart/form-data"
    )


def create_draft(client, **form) -> Carpet:  # noqa: ANN001, ANN003
    response = client.post("/hi/shop/listings/new", data=listing_form(**form))
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    carpet_id = int(re.search(r"/listings/(\d+)/photos", response.headers["Location"]).group(1))
    return db.session.get(Carpet, carpet_id)


def test_full_flow_in_hindi_to_the_public_catalog(app, client) -> None:
    user, weaver = make_weaver_account()
    staff = make_staff()
    db.session.commit()
    login(client, user)

    page = client.get("/hi/shop/").get_data(as_text=True)
    assert 'lang="hi"' in page and "नया कालीन जोड़ें" in page

    carpet = create_draft(client)
    assert carpet.status == "draft" and carpet.title_hi == "हाथ से बुना लाल कालीन"
    assert (carpet.width_cm, carpet.length_cm) == (170, 244)  # 5′7″ × 8′
    assert carpet.price_paise == 15_000_000 and carpet.kpsi == 100 and carpet.quality == "10x10"
    assert carpet.weight_g == 12_500 and carpet.source_lang == "hi"

    photos = [photo_bytes(color=(40 * i, 20, 20)) for i in range(1, 4)]
    response = upload(client, carpet.id, *((p, f"IMG_{i}.jpg") for i, p in enumerate(photos)))
    assert response.status_code == 302
    db.session.expire_all()
    assert len(carpet.images) == 3
    third = carpet.images[2].image_key
    client.post(f"/hi/shop/listings/{carpet.id}/photos/{third}", data={"action": "main"})
    db.session.expire_all()
    assert carpet.main_image.image_key == third

    page = client.get(f"/hi/shop/listings/{carpet.id}/photos").get_data(as_text=True)
    assert 'capture="environment"' in page and "multiple" in page and "मुख्य फ़ोटो" in page
    response = client.post(f"/hi/shop/listings/{carpet.id}/submit")
    assert response.status_code == 302 and response.headers["Location"].endswith("/hi/shop/")
    db.session.expire_all()
    assert carpet.status == "pending"
    assert client.get(f"/en/carpets/{carpet.slug}").status_code == 404  # not public yet

    logout(client)
    login(client, staff)
    queue = client.get("/hi/admin/listings").get_data(as_text=True)
    assert carpet.sku in queue
    page = client.get(f"/hi/admin/listings/{carpet.id}").get_data(as_text=True)
    version = re.search(r'name="version" type="hidden" value="(\w+)"', page).group(1)
    response = client.post(f"/hi/admin/listings/{carpet.id}/approve", data={"version": version})
    assert response.status_code == 302
    db.session.expire_all()
    assert carpet.status == "published" and carpet.published_at is not None

    logout(client)
    for lang in ("en", "hi"):
        response = client.get(f"/{lang}/carpets/{carpet.slug}")
        assert response.status_code == 200
        assert "हाथ से बुना लाल कालीन" in response.get_data(as_text=True)


def test_devanagari_digits_and_indian_grouping_accepted(app, client) -> None:
    user, _ = make_weaver_account()
    db.session.commit()
    login(client, user)
    carpet = create_draft(
        client,
        width_ft="५",
        width_in="७",
        length_ft="८",
        length_in="०",
        price_rupees="₹१,५०,०००",
        quality="१०x१२",
        weight_kg="१२.५",
        weaving_days="१२०",
    )
    assert (carpet.width_cm, carpet.length_cm, carpet.price_paise) == (170, 244, 15_000_000)
    assert carpet.quality == "10x12" and carpet.kpsi == 120
    assert carpet.weight_g == 12_500 and carpet.weaving_days == 120


def test_centimetres_unit(app, client) -> None:
    user, _ = make_weaver_account()
    db.session.commit()
    login(client, user)
    carpet = create_draft(
        client, size_unit="cm", width_cm="183", length_cm="274", width_ft="", length_ft=""
    )
    assert (carpet.width_cm, carpet.length_cm) == (183, 274)


def test_validation_errors_in_hindi_keep_everything_typed(app, client) -> None:
    user, _ = make_weaver_account()
    db.session.commit()
    login(client, user)
    form = listing_form(
        title_hi="",
        title_en="",
        description_hi="मेरी <b>कहानी</b>",
        price_rupees="डेढ़ लाख",
        width_ft="",
        width_in="14",
        quality="10x10",
        kpsi="150",
    )
    response = client.post("/hi/shop/listings/new", data=form)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "कृपया कालीन का नाम लिखें" in page  # title
    assert "कृपया पूरी संख्या लिखें" in page  # price not a number
    assert "कृपया चौड़ाई लिखें" in page
    assert "0 से 11" in page  # inches
    assert "100" in page and "150" in page  # quality vs KPSI mismatch explained
    assert 'value="डेढ़ लाख"' in page and 'value="14"' in page and 'value="150"' in page
    assert "मेरी &lt;b&gt;कहानी&lt;/b&gt;" in page  # kept, and shown as text
    assert db.session.query(Carpet).count() == 0


def test_edit_keeps_size_without_drift(app, client) -> None:
    user, _ = make_weaver_account()
    db.session.commit()
    login(client, user)
    carpet = create_draft(
        client, size_unit="cm", width_cm="171", length_cm="245", width_ft="", length_ft=""
    )
    page = client.get(f"/hi/shop/listings/{carpet.id}").get_data(as_text=True)
    assert (
        'name="width_ft" type="text" value="5"' in page
        and 'name="width_in" type="text" value="7"' in page
    )
    response = client.post(f"/hi/shop/listings/{carpet.id}", data=listing_form(title_hi="नया नाम"))
    assert response.status_code == 302
    db.session.expire_all()
    # 5′7″ is what 171 cm shows as: an unchanged feet-and-inches value keeps the exact cm.
    assert (carpet.width_cm, carpet.length_cm) == (171, 245) and carpet.title_hi == "नया नाम"


def test_editing_a_live_carpet_keeps_the_live_page_until_approved(app, client) -> None:
    user, _ = make_weaver_account()
    staff = make_staff()
    db.session.commit()
    login(client, user)
    carpet = create_draft(client)
    upload(client, carpet.id, (photo_bytes(), "a.jpg"))
    client.post(f"/hi/shop/listings/{carpet.id}/submit")
    review.approve(carpet, staff.id)
    db.session.commit()

    response = client.post(
        f"/hi/shop/listings/{carpet.id}",
        data=listing_form(price_rupees="99000", pile_material="viscose"),
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert carpet.price_paise == 15_000_000 and carpet.pile_material == "wool"
    public = client.get(f"/en/carpets/{carpet.slug}").get_data(as_text=True)
    assert "₹1,50,000" in public and "99,000" not in public
    page = client.get(f"/hi/shop/listings/{carpet.id}").get_data(as_text=True)
    assert 'value="99000"' in page  # the editor shows the proposed values
    assert 'name="stock"' not in page  # stock of a live carpet belongs to orders

    client.post(f"/hi/shop/listings/{carpet.id}/submit")
    assert db.session.query(ListingRevision).one().status == "pending"
    dashboard = client.get("/hi/shop/").get_data(as_text=True)
    assert "बदलाव जाँच के लिए रुके हैं" in dashboard

    logout(client)
    login(client, staff)
    page = client.get(f"/en/admin/listings/{carpet.id}").get_data(as_text=True)
    assert "₹1,50,000" in page and "₹99,000" in page and "Viscose" in page
    version = re.search(r'name="version" type="hidden" value="(\w+)"', page).group(1)
    client.post(f"/en/admin/listings/{carpet.id}/approve", data={"version": version})
    db.session.expire_all()
    assert carpet.price_paise == 9_900_000 and carpet.pile_material == "viscose"


def test_send_back_note_shown_in_the_weavers_language(app, client) -> None:
    user, _ = make_weaver_account()
    staff = make_staff()
    db.session.commit()
    login(client, user)
    carpet = create_draft(client)
    upload(client, carpet.id, (photo_bytes(), "a.jpg"))
    client.post(f"/hi/shop/listings/{carpet.id}/submit")
    logout(client)

    login(client, staff)
    page = client.get(f"/en/admin/listings/{carpet.id}").get_data(as_text=True)
    assert "This weaver reads हिन्दी" in page
    response = client.post(f"/en/admin/listings/{carpet.id}/send-back", data={"note": ""})
    assert (
        response.status_code == 422
        and "Please tick a reason or write a note" in response.get_data(as_text=True)
    )
    response = client.post(
        f"/en/admin/listings/{carpet.id}/send-back",
        data={"reasons": ["size", "photos"], "note": "पीछे की तरफ़ की फ़ोटो भी लगाएँ।\nधन्यवाद"},
    )
    assert response.status_code == 302
    logout(client)

    login(client, user)
    hindi = client.get("/hi/shop/").get_data(as_text=True)
    assert "कृपया कालीन को दोबारा नापें और साइज़ ठीक करें।" in hindi
    assert "पीछे की तरफ़ की फ़ोटो भी लगाएँ।\nधन्यवाद" in hindi
    english = client.get("/en/shop/").get_data(as_text=True)
    assert "Please measure the carpet again and correct the size." in english
    edit = client.get(f"/hi/shop/listings/{carpet.id}").get_data(as_text=True)
    assert "कृपया कालीन को दोबारा नापें" in edit
    db.session.expire_all()
    assert carpet.status == "draft"


def test_mark_sold_discard_and_delete(app, client) -> None:
    user, _ = make_weaver_account()
    staff = make_staff()
    db.session.commit()
    login(client, user)
    draft = create_draft(client)
    assert client.post(f"/hi/shop/listings/{draft.id}/delete").status_code == 302
    assert db.session.get(Carpet, draft.id) is None

    carpet = create_draft(client)
    upload(client, carpet.id, (photo_bytes(), "a.jpg"))
    client.post(f"/hi/shop/listings/{carpet.id}/submit")
    review.approve(carpet, staff.id)
    db.session.commit()
    client.post(f"/hi/shop/listings/{carpet.id}", data=listing_form(price_rupees="1000"))
    client.post(f"/hi/shop/listings/{carpet.id}/discard")
    db.session.expire_all()
    assert db.session.query(ListingRevision).one().status == "discarded"
    assert client.post(f"/hi/shop/listings/{carpet.id}/delete").status_code == 302  # refused
    db.session.expire_all()
    assert carpet.status == "published"
    client.post(f"/hi/shop/listings/{carpet.id}/sold")
    db.session.expire_all()
    assert carpet.status == "sold" and carpet.stock == 0
    response = client.get(f"/hi/shop/listings/{carpet.id}")
    assert response.status_code == 302  # sold carpets are not editable


def test_profile_story_village_and_photo(app, client) -> None:
    user, weaver = make_weaver_account()
    db.session.commit()
    login(client, user)
    response = client.post(
        "/hi/shop/profile",
        data={
            "bio_hi": "मैं बीस साल से\nकालीन बुनता हूँ।",
            "bio_en": "",
            "village_hi": "गोपीगंज",
            "village_en": "Gopiganj",
        },
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert weaver.bio_hi == "मैं बीस साल से\nकालीन बुनता हूँ।" and weaver.bio_en == ""
    response = client.post(
        "/hi/shop/profile/photo",
        data={"photo": (io.BytesIO(photo_bytes()), "me.jpg")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert weaver.photo_key and len(weaver.photo_key) == 32
    response = client.post(
        "/hi/shop/profile/photo",
        data={"photo": (io.BytesIO(b"not an image"), "me.txt")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "me.txt" in page and "यह फ़ाइल फ़ोटो नहीं है" in page
    assert "मैं बीस साल से" in page  # the saved story is still on the page
