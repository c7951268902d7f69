"""The home page: the cooperative's story, new carpets, featured weavers and trust notes."""

from __future__ import annotations

from storefront.extensions import db
from tests.builders import make_carpet, make_weaver


def test_home_on_an_empty_shop(client):
    for lang in ("en", "hi"):
        resp = client.get(f"/{lang}/")
        assert resp.status_code == 200
        assert f'<html lang="{lang}">' in resp.get_data(as_text=True)


def test_home_shows_new_carpets_weavers_and_trust_notes(client):
    asha = make_weaver(slug="asha-devi", name_en="Asha Devi", name_hi="आशा देवी", photo_key="a" * 32)
    make_carpet(asha, slug="red-mir", title_en="Red Mir carpet", images=1)
    make_carpet(asha, slug="sold-one", title_en="Sold carpet", status="sold", stock=0)
    make_carpet(asha, slug="draft-one", title_en="Draft carpet", status="draft")
    make_weaver(slug="hidden", name_en="Hidden Weaver", status="suspended")
    db.session.commit()
    html = client.get("/en/").get_data(as_text=True)
    assert "Handmade Carpet of Bhadohi" in html
    assert 'href="/en/carpets/red-mir"' in html
    assert "sold-one" not in html and "draft-one" not in html  # only carpets for sale
    assert 'href="/en/weavers/asha-devi"' in html and "Hidden Weaver" not in html
    for note in ("Honestly labelled", "Natural dyes", "Shipped worldwide", "Secure payment"):
        assert note in html
    assert "<strong>1</strong> weaver" in html
    assert "<strong>1</strong> carpet for sale" in html


def test_home_in_hindi(client):
    asha = make_weaver(slug="asha-devi", name_hi="आशा देवी")
    make_carpet(asha, slug="red-mir", title_hi="लाल मीर कालीन")
    db.session.commit()
    html = client.get("/hi/").get_data(as_text=True)
    assert "लाल मीर कालीन" in html and "आशा देवी" in html
    assert "सुरक्षित भुगतान" in html
    assert "Secure payment" not in html
