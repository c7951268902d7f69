"""The weaver application: Hindi-first, phone + password, optional photo that is never lost."""

from __future__ import annotations

import io

from sqlalchemy import select

from storefront.accounts.models import User, WeaverApplication
from storefront.extensions import db
from storefront.media.services import media_path
from tests.accounts.builders import make_applicant, make_application, png_bytes
from tests.builders import PASSWORD, make_user
from tests.conftest import login

FORM = {
    "name": "सलमा बानो",
    "village": "गोपीगंज",
    "phone": "098765 43210",
    "password": PASSWORD,
    "confirm": PASSWORD,
    "craft": "मैं पंद्रह साल से हाथ से कालीन बुनती हूँ।\nऊनी और रेशमी।",
}


def _apply(client, lang="hi", **changes):  # noqa: ANN001, ANN202
    data = {**FORM, **changes}
    return client.post(f"/{lang}/account/apply", data=data, content_type="multipart/form-data")


def test_apply_form_is_mobile_friendly(client):
    html = client.get("/hi/account/apply").get_data(as_text=True)
    assert 'enctype="multipart/form-data"' in html
    assert 'inputmode="tel"' in html and 'autocomplete="tel"' in html
    assert 'accept="image/jpeg,image/png,image/webp"' in html
    assert "आपका नाम" in html


def test_english_page_offers_the_hindi_form(client):
    html = client.get("/en/account/apply").get_data(as_text=True)
    assert 'href="/hi/account/apply"' in html


def test_apply_creates_an_account_and_a_pending_application(app, client):
    resp = _apply(client)
    assert resp.status_code == 302 and resp.headers["Location"] == "/hi/account/"
    user = db.session.scalar(select(User).where(User.phone == "+919876543210"))
    assert user.role == "buyer" and user.preferred_lang == "hi" and user.email is None
    application = db.session.scalar(select(WeaverApplication))
    assert application.user_id == user.id and application.status == "pending"
    assert application.name == "सलमा बानो" and application.lang == "hi"
    assert application.craft.endswith("ऊनी और रेशमी।")
    home = client.get("/hi/account/").get_data(as_text=True)  # signed in, sees the status
    assert "+91 98765 43210" in home


def test_apply_with_a_photo_stores_it_without_metadata(app, client):
    resp = _apply(client, photo=(io.BytesIO(png_bytes()), "me.png"))
    assert resp.status_code == 302
    application = db.session.scalar(select(WeaverApplication))
    assert application.photo_key and media_path(application.photo_key, 400, "webp").exists()


def test_a_file_that_is_not_a_photo_is_refused_and_the_form_is_kept(app, client):
    resp = _apply(client, photo=(io.BytesIO(b"%PDF-1.4 not a photo"), "cv.pdf"))
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200
    error = html.split('id="photo-error">')[1].split("</p>")[0]  # next to the photo field
    assert "cv.pdf" in error and "JPEG" in error
    assert 'value="सलमा बानो"' in html and 'value="गोपीगंज"' in html
    assert 'value="098765 43210"' in html and "ऊनी और रेशमी।" in html
    assert db.session.scalar(select(WeaverApplication)) is None


def test_a_good_photo_survives_another_fields_mistake(app, client):
    resp = _apply(client, village="", photo=(io.BytesIO(png_bytes()), "me.png"))
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200 and "कृपया अपना गाँव या कस्बा लिखें।" in html
    key = html.split('name="photo_key" type="hidden" value="')[1].split('"')[0]
    assert len(key) == 32
    resp = _apply(client, photo_key=key)  # sent again without choosing the file again
    assert resp.status_code == 302
    assert db.session.scalar(select(WeaverApplication.photo_key)) == key


def test_a_forged_photo_key_is_ignored(app, client):
    assert _apply(client, photo_key="../../etc/passwd").status_code == 302
    assert db.session.scalar(select(WeaverApplication.photo_key)) is None


def test_invalid_phone_is_refused_in_hindi(client):
    html = _apply(client, phone="12345").get_data(as_text=True)
    assert "कृपया सही मोबाइल नंबर लिखें" in html
    assert 'value="12345"' in html


def test_a_registered_phone_cannot_apply_twice(app, client):
    make_applicant(phone="+919876543210")
    db.session.commit()
    html = _apply(client).get_data(as_text=True)
    assert "पहले से रजिस्टर्ड" in html
    assert db.session.scalar(select(WeaverApplication)) is None


def test_rejected_applicant_can_apply_again_without_a_new_password(app, client):
    application = make_application(status="rejected", reason_code="unreachable")
    db.session.commit()
    login(client, application.user)
    page = client.get("/hi/account/apply").get_data(as_text=True)
    assert 'name="password"' not in page and 'name="phone"' not in page
    assert 'value="रमेश कुमार"' in page  # pre-filled from the last application
    resp = client.post(
        "/hi/account/apply",
        data={"name": "रमेश कुमार", "village": "भदोही", "craft": "अब अपना करघा है।"},
        content_type="multipart/form-data",
    )
    assert resp.status_code == 302
    statuses = db.session.scalars(select(WeaverApplication.status).order_by(WeaverApplication.id))
    assert list(statuses) == ["rejected", "pending"]


def test_pending_applicant_is_sent_to_their_status(app, client):
    application = make_application()
    db.session.commit()
    login(client, application.user)
    assert client.get("/hi/account/apply").headers["Location"] == "/hi/account/"


def test_buyer_with_email_can_apply_adding_a_phone(app, client):
    buyer = make_user()
    db.session.commit()
    login(client, buyer)
    resp = client.post(
        "/en/account/apply",
        data={
            "name": "Asha Devi",
            "village": "Aurai",
            "phone": "98765 00000",
            "craft": "Dhurries.",
        },
        content_type="multipart/form-data",
    )
    assert resp.status_code == 302
    assert db.session.get(User, buyer.id).phone == "+919876500000"
