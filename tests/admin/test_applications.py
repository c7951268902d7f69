"""Staff decide applications: approval makes the profile, rejection tells the applicant why."""

from __future__ import annotations

import io

from sqlalchemy import select

from storefront.accounts.models import User, WeaverApplication
from storefront.extensions import db
from storefront.weavers.models import Weaver
from tests.accounts.builders import make_application, make_staff, png_bytes
from tests.builders import PASSWORD, make_weaver
from tests.conftest import login, logout

APPROVE = {
    "name_hi": "रमेश कुमार",
    "name_en": "Ramesh Kumar",
    "village_hi": "गोपीगंज",
    "village_en": "Gopiganj",
    "district": "bhadohi",
}


def _as_staff(client) -> User:  # noqa: ANN001
    staff = make_staff()
    db.session.commit()
    login(client, staff)
    return staff


def test_applications_list_shows_pending_first(app, client):
    make_application()
    make_application(user=None, status="rejected", phone="+919800000001")
    _as_staff(client)
    html = client.get("/en/admin/applications").get_data(as_text=True)
    assert "रमेश कुमार" in html and "+91 98765 43210" in html
    assert html.count('<li class="admin-item') == 1


def test_detail_prefills_the_latin_name(app, client):
    application = make_application()
    _as_staff(client)
    html = client.get(f"/en/admin/applications/{application.id}").get_data(as_text=True)
    assert 'value="Ramesh Kumar"' in html and 'value="Gopiganj"' in html
    assert "बीस साल से" in html


def test_full_flow_apply_approve_and_open_the_shop(app, client):
    resp = client.post(
        "/hi/account/apply",
        data={
            "name": "रमेश कुमार",
            "village": "गोपीगंज",
            "phone": "98765 43210",
            "password": PASSWORD,
            "confirm": PASSWORD,
            "craft": "बीस साल से कालीन बुनता हूँ।",
            "photo": (io.BytesIO(png_bytes()), "me.png"),
        },
        content_type="multipart/form-data",
    )
    assert resp.status_code == 302
    assert client.get("/hi/shop/").status_code == 403  # not a weaver yet
    logout(client)
    application = db.session.scalar(select(WeaverApplication))

    staff = _as_staff(client)
    resp = client.post(f"/en/admin/applications/{application.id}/approve", data=APPROVE)
    assert resp.status_code == 302 and resp.headers["Location"] == "/en/admin/applications"
    db.session.expire_all()
    weaver = db.session.scalar(select(Weaver))
    user = db.session.get(User, application.user_id)
    assert weaver.user_id == user.id and user.role == "weaver"
    assert weaver.slug == "ramesh-kumar" and weaver.name_hi == "रमेश कुमार"
    assert weaver.bio_hi == "बीस साल से कालीन बुनता हूँ।" and weaver.source_lang == "hi"
    assert weaver.photo_key == application.photo_key and weaver.status == "active"
    application = db.session.get(WeaverApplication, application.id)
    assert application.status == "approved" and application.decided_by_id == staff.id
    logout(client)

    resp = client.post("/hi/account/login", data={"login": "098765 43210", "password": PASSWORD})
    assert resp.status_code == 302 and resp.headers["Location"] == "/hi/shop/"
    assert client.get("/hi/shop/").status_code == 200
    assert client.get(f"/hi/weavers/{weaver.slug}").status_code == 200


def test_slug_falls_back_to_weaver_id_and_avoids_clashes(app, client):
    make_weaver(slug="ramesh-kumar")
    first = make_application()
    second = make_application(user=None, phone="+919800000002")
    other = make_application(user=None, phone="+919800000003")
    _as_staff(client)
    client.post(f"/en/admin/applications/{first.id}/approve", data=APPROVE)
    client.post(f"/en/admin/applications/{second.id}/approve", data=APPROVE)
    client.post(f"/en/admin/applications/{other.id}/approve", data={**APPROVE, "name_en": "—"})
    slugs = sorted(db.session.scalars(select(Weaver.slug)))
    weaver_id = db.session.scalar(select(Weaver.id).where(Weaver.user_id == other.user_id))
    assert slugs == sorted(
        ["ramesh-kumar", "ramesh-kumar-2", "ramesh-kumar-3", f"weaver-{weaver_id}"]
    )


def test_approval_needs_a_latin_name(app, client):
    application = make_application()
    _as_staff(client)
    resp = client.post(
        f"/en/admin/applications/{application.id}/approve", data={**APPROVE, "name_en": ""}
    )
    assert resp.status_code == 400
    assert "Please write the name in English letters." in resp.get_data(as_text=True)
    assert db.session.scalar(select(Weaver)) is None


def test_an_application_is_decided_only_once(app, client):
    application = make_application()
    _as_staff(client)
    client.post(f"/en/admin/applications/{application.id}/approve", data=APPROVE)
    resp = client.post(
        f"/en/admin/applications/{application.id}/reject", data={"reason_code": "unreachable"}
    )
    assert resp.status_code == 302
    assert db.session.scalar(select(WeaverApplication.status)) == "approved"
    assert len(list(db.session.scalars(select(Weaver)))) == 1


def test_rejection_reason_is_shown_to_the_applicant_in_hindi(app, client):
    application = make_application()
    applicant_id = application.user_id
    _as_staff(client)
    resp = client.post(
        f"/en/admin/applications/{application.id}/reject",
        data={"reason_code": "outside_region", "reason": "कृपया अपना GI नंबर लेकर आएँ।\nधन्यवाद"},
    )
    assert resp.status_code == 302
    logout(client)
    resp = client.post("/hi/account/login", data={"login": "9876543210", "password": PASSWORD})
    assert resp.headers["Location"] == "/hi/account/"
    html = client.get("/hi/account/").get_data(as_text=True)
    assert "आपका आवेदन मंज़ूर नहीं हुआ।" in html
    assert "आप भदोही कालीन क्षेत्र (GI क्षेत्र) के बाहर बुनते हैं।" in html
    assert '<p class="prewrap note">कृपया अपना GI नंबर लेकर आएँ।\nधन्यवाद</p>' in html
    assert db.session.get(User, applicant_id).role == "buyer"


def test_staff_note_is_escaped(app, client):
    application = make_application()
    _as_staff(client)
    client.post(
        f"/en/admin/applications/{application.id}/reject",
        data={"reason_code": "other", "reason": "<script>alert(1)</script>"},
    )
    login(client, application.user)
    html = client.get("/en/account/").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


def test_other_reason_needs_a_note(app, client):
    application = make_application()
    _as_staff(client)
    resp = client.post(
        f"/hi/admin/applications/{application.id}/reject", data={"reason_code": "other"}
    )
    assert resp.status_code == 400
    assert "कृपया एक संदेश लिखें जो कारण बताए।" in resp.get_data(as_text=True)
    assert db.session.scalar(select(WeaverApplication.status)) == "pending"


def test_missing_application_is_404(app, client):
    _as_staff(client)
    assert client.get("/en/admin/applications/999").status_code == 404
    assert client.post("/en/admin/applications/999/approve", data=APPROVE).status_code == 404
