"""Bad uploads are refused with a clear Hindi message; nothing already saved or typed is lost."""

from __future__ import annotations

import io

from werkzeug.test import EnvironBuilder

from storefront.catalog.listings import create_listing
from storefront.catalog.models import Carpet
from storefront.extensions import db
from tests.conftest import login
from tests.media.test_pipeline import png_bomb
from tests.shop.builders import make_weaver_account, photo_bytes

CARPET = {
    "title_hi": "नीला गोल कालीन",
    "construction": "hand_knotted",
    "pile_material": "wool",
    "width_cm": 240,
    "length_cm": 240,
    "price_paise": 9_650_000,
}


def setup_draft(client) -> Carpet:  # noqa: ANN001
    user, weaver = make_weaver_account()
    carpet = create_listing(weaver, CARPET)
    db.session.commit()
    login(client, user)
    return carpet


def post_photos(client, carpet: Carpet, *files: tuple[bytes, str]):  # noqa: ANN001, ANN201
    """POST a multipart upload; closes the request body the test client may spool to disk."""
    builder = EnvironBuilder(
        path=f"/hi/shop/listings/{carpet.id}/photos",
        method="POST",
        data={"photos": [(io.BytesIO(b), n) for b, n in files]},
        content_type="multipart/form-data",
    )
    environ = builder.get_environ()
    try:
        return client.open(environ)
    finally:
        environ["wsgi.input"].close()
        builder.close()


def test_not_an_image_refused_and_good_photos_kept(app, client) -> None:
    carpet = setup_draft(client)
    response = post_photos(
        client,
        carpet,
        (photo_bytes(), "IMG_001.jpg"),
        (b"%PDF-1.4\n...", "bill.pdf"),
        (photo_bytes(fmt="GIF", mode="P", color=(3,)), "anim.gif"),
        (photo_bytes(fmt="PNG", color=(1, 2, 3)), "IMG_002.png"),
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "bill.pdf: यह फ़ाइल फ़ोटो नहीं है" in page
    assert "anim.gif: इस तरह की तस्वीर नहीं चलती" in page
    assert "2 फ़ोटो जोड़ी गईं" in page  # the two good ones were saved (flash)
    assert "नीला गोल कालीन" in page  # same listing page, details intact
    db.session.expire_all()
    assert len(carpet.images) == 2 and carpet.title_hi == "नीला गोल कालीन"


def test_pixel_bomb_refused(app, client) -> None:
    carpet = setup_draft(client)
    response = post_photos(client, carpet, (png_bomb(), "huge.png"))
    assert response.status_code == 422
    assert "huge.png: इस फ़ोटो में बहुत ज़्यादा पिक्सेल हैं (40 मेगापिक्सेल से ज़्यादा)" in response.get_data(
        as_text=True
    )
    db.session.expire_all()
    assert carpet.images == []


def test_too_large_upload_gets_413_on_the_same_page(app, client) -> None:
    carpet = setup_draft(client)
    post_photos(client, carpet, (photo_bytes(), "first.jpg"))
    app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024
    big = photo_bytes((3000, 3000), quality=100) + b"\0" * (1024 * 1024)
    response = post_photos(client, carpet, (big, "big.jpg"))
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert "एक बार में ज़्यादा से ज़्यादा 1 MB" in page
    assert "नीला गोल कालीन" in page and 'capture="environment"' in page  # the photo page again
    db.session.expire_all()
    assert len(carpet.images) == 1  # the photo saved before is still there


def test_too_large_profile_photo_keeps_the_story(app, client) -> None:
    user, weaver = make_weaver_account(bio_hi="मेरी कहानी")
    db.session.commit()
    login(client, user)
    app.config["MAX_CONTENT_LENGTH"] = 1024
    response = client.post(
        "/hi/shop/profile/photo",
        data={"photo": (io.BytesIO(photo_bytes()), "me.jpg")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 413
    assert "मेरी कहानी" in response.get_data(as_text=True)


def test_413_elsewhere_is_the_translated_error_page(app, client) -> None:
    app.config["MAX_CONTENT_LENGTH"] = 1024
    response = client.post("/hi/shop/profile", data={"bio_hi": "x" * 5000})
    assert response.status_code in (302, 413)  # anonymous: sign in first
    user, _ = make_weaver_account()
    db.session.commit()
    login(client, user)
    response = client.post("/hi/shop/profile", data={"bio_hi": "x" * 5000})
    assert response.status_code == 413 and "फ़ाइल बहुत बड़ी है" in response.get_data(as_text=True)


def test_no_file_chosen(app, client) -> None:
    carpet = setup_draft(client)
    response = client.post(
        f"/hi/shop/listings/{carpet.id}/photos", data={}, content_type="multipart/form-data"
    )
    assert response.status_code == 422 and "कृपया एक फ़ोटो चुनें" in response.get_data(as_text=True)


def test_stored_listing_photos_have_no_gps(app, client) -> None:
    from storefront.media.services import stored_files
    from tests.media.test_pipeline import assert_no_metadata, jpeg_with_gps_and_orientation

    carpet = setup_draft(client)
    assert (
        post_photos(client, carpet, (jpeg_with_gps_and_orientation(6), "gps.jpg")).status_code
        == 302
    )
    db.session.expire_all()
    image = carpet.images[0]
    assert (image.width, image.height) == (800, 1200)  # turned upright
    files = stored_files(image.image_key)
    assert len(files) == 6
    for path in files:
        assert_no_metadata(path)


def test_too_large_with_csrf_on_still_shows_the_photo_page(app, client) -> None:
    """In production CSRF reads the form first: the 413 is raised there, and still handled."""
    carpet = setup_draft(client)
    app.config.update(WTF_CSRF_ENABLED=True, MAX_CONTENT_LENGTH=64 * 1024)
    big = photo_bytes() + b"\0" * (128 * 1024)
    response = post_photos(client, carpet, (big, "big.jpg"))
    assert response.status_code == 413
    assert "नीला गोल कालीन" in response.get_data(as_text=True)
