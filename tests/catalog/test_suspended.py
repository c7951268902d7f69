"""A suspended weaver's carpets leave the public catalog, and come back unchanged."""

from __future__ import annotations

from storefront.extensions import db
from tests.builders import make_carpet, make_weaver


def test_suspended_weavers_carpets_are_hidden_then_restored(client):
    weaver = make_weaver()
    hidden = make_carpet(weaver=weaver, title_en="Indigo suspended rug")
    shown = make_carpet(title_en="Madder active rug")
    db.session.commit()

    weaver.status = "suspended"
    db.session.commit()
    page = client.get("/en/carpets/").get_data(as_text=True)
    assert shown.slug in page and hidden.slug not in page
    assert client.get(f"/en/carpets/{hidden.slug}").status_code == 404
    assert hidden.slug not in client.get("/hi/carpets/?q=indigo").get_data(as_text=True)

    weaver.status = "active"
    db.session.commit()
    assert hidden.slug in client.get("/en/carpets/").get_data(as_text=True)
    assert client.get(f"/en/carpets/{hidden.slug}").status_code == 200


def test_carpet_woven_with_an_active_weaver_stays_public(client):
    suspended, active = make_weaver(status="suspended"), make_weaver()
    carpet = make_carpet(weaver=suspended)
    carpet.weavers.append(active)
    db.session.commit()
    assert client.get(f"/en/carpets/{carpet.slug}").status_code == 200
