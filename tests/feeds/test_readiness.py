"""Feed readiness: the rules per channel, the staff page and the weaver's partial (in Hindi)."""

from __future__ import annotations

import datetime as dt

from flask import g, render_template_string
from flask_babel import force_locale

from storefront.extensions import db
from storefront.feeds import readiness as readiness_module
from tests.builders import make_carpet, make_user
from tests.conftest import login
from tests.feeds.builders import make_catalog


def feed_readiness(carpet):  # noqa: ANN001, ANN201
    with force_locale("en"):
        return readiness_module.feed_readiness(carpet)


def _codes(readiness, channel: str | None = None) -> set[str]:  # noqa: ANN001
    return {i.code for i in readiness.issues if channel is None or channel in i.channels}


def test_a_complete_carpet_is_ready_everywhere_but_flipkart_without_fsn(app):
    make_catalog()
    carpet = make_carpet(
        images=0,
        description_en="Hand-knotted over four months in Bhadohi. " * 6,
    )
    from storefront.catalog.models import CarpetImage

    for n, key in enumerate(("a" * 32, "b" * 32, "c" * 32)):
        carpet.images.append(CarpetImage(position=n, image_key=key, width=1500, height=2000))
    db.session.commit()
    readiness = feed_readiness(carpet)
    assert _codes(readiness) == {"no_fsn"}
    assert readiness.status("google") == "ready"
    assert readiness.status("flipkart") == "rejected"
    assert readiness.hints == []  # the FSN is the cooperative's job, not the weaver's


def test_the_rules(app):
    catalog = make_catalog()
    tricky = feed_readiness(catalog["tricky"])
    codes = _codes(tricky)
    assert {"few_photos", "no_weight", "no_kpsi", "no_colour", "no_fsn", "paise"} <= codes
    assert "short_description" in codes
    assert tricky.status("flipkart") == "rejected"
    assert tricky.status("google") == "weakened"
    no_photos = feed_readiness(make_carpet(images=0, title_hi=""))
    assert "no_photos" in _codes(no_photos, "google")
    assert "no_title_hi" in _codes(no_photos, "google")
    assert no_photos.status("amazon") == "rejected"
    long_title = feed_readiness(make_carpet(images=3, title_en="Hand-knotted rug " * 10))
    issue = next(i for i in long_title.issues if i.code == "long_title")
    assert issue.channels == ("alibaba", "google") and "128" in issue.message


def test_hints_merge_channels_and_put_rejections_first(app):
    catalog = make_catalog()
    hints = feed_readiness(catalog["tricky"]).hints
    weight = [h for h in hints if h.code == "no_weight"]
    assert len(weight) == 1 and weight[0].severity == "reject"
    assert set(weight[0].channels) == {"google", "meta", "amazon", "flipkart", "alibaba"}
    assert hints[0].severity == "reject"
    assert all(h.weaver for h in hints)


def test_a_draft_gets_readiness_too(app):
    make_catalog()
    draft = make_carpet(status="draft", published_at=None, images=1)
    assert feed_readiness(draft) is not None
    assert feed_readiness(None) is None


PARTIAL = '{% include "feeds/_readiness.html" ignore missing %}'


def test_partial_reads_naturally_in_hindi(app):
    catalog = make_catalog()
    with app.test_request_context("/hi/shop/"):
        g.lang = "hi"
        html = render_template_string(PARTIAL, carpet=catalog["tricky"])
    assert "इन बातों से आपका कालीन ज़्यादा बाज़ारों तक पहुँचेगा:" in html
    assert "वज़न भरें" in html
    assert "FSN" not in html  # staff-only issues are not shown to weavers
    with app.test_request_context("/hi/shop/"):
        g.lang = "hi"
        assert render_template_string(PARTIAL, carpet=None).strip() == ""


def test_partial_when_nothing_is_missing(app):
    make_catalog()
    carpet = make_carpet(images=0, description_en="Knotted by hand. " * 20)
    from storefront.catalog.models import CarpetImage

    for n in range(3):
        image = CarpetImage(position=n, image_key=f"{n:032x}", width=2000, height=3000)
        carpet.images.append(image)
    db.session.commit()
    with app.test_request_context("/en/shop/"):
        g.lang = "en"
        html = render_template_string(PARTIAL, carpet=carpet)
    assert "Your carpet has everything the marketplaces ask for." in html


def test_staff_page_lists_what_is_missing_per_channel(app, client):
    catalog = make_catalog()
    staff = make_user(role="staff")
    db.session.commit()
    login(client, staff)
    response = client.get("/en/admin/feeds")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert catalog["tricky"].sku in html
    assert catalog["active"].title_en in html  # titles in the page's language
    assert "Enter the weight" in html
    assert "https://bunkar.test/feeds/google/en-US.xml" in html
    flipkart = client.get("/en/admin/feeds?channel=flipkart").get_data(as_text=True)
    assert "No Flipkart product id (FSN) yet" in flipkart
    hindi = client.get("/hi/admin/feeds").get_data(as_text=True)
    assert "मार्केटप्लेस फ़ीड" in hindi
    assert catalog["active"].title_hi in hindi
    assert client.get("/en/admin/feeds?page=99").status_code == 200


def test_staff_page_is_staff_only(app, client):
    make_catalog()
    weaver = make_user(role="weaver")
    db.session.commit()
    assert client.get("/en/admin/feeds").status_code in (302, 401)
    login(client, weaver)
    assert client.get("/en/admin/feeds").status_code == 403


def test_shop_listing_page_shows_the_partial(app, client):
    """The shop's listing edit page includes the partial."""
    from storefront.weavers.models import Weaver

    catalog = make_catalog()
    user = make_user(role="weaver")
    weaver = db.session.get(Weaver, catalog["tricky"].weavers[0].id)
    weaver.user_id = user.id
    db.session.commit()
    login(client, user)
    response = client.get(f"/hi/shop/listings/{catalog['tricky'].id}")
    assert response.status_code == 200
    assert "इन बातों से आपका कालीन ज़्यादा बाज़ारों तक पहुँचेगा:" in response.get_data(as_text=True)


def test_published_date_does_not_matter(app):
    make_catalog()
    carpet = make_carpet(published_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    assert feed_readiness(carpet).sku == carpet.sku
