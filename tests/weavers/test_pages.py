"""Public weaver pages: the directory and the profile (active weavers only, bilingual, escaped)."""

from __future__ import annotations

import datetime as dt
import re

from storefront.extensions import db
from tests.builders import make_carpet, make_weaver


def _page(client, url: str) -> str:
    resp = client.get(url)
    assert resp.status_code == 200, url
    return resp.get_data(as_text=True)


def test_directory_lists_active_weavers_only(client):
    make_weaver(slug="asha-devi", name_en="Asha Devi", name_hi="आशा देवी")
    make_weaver(slug="hidden", name_en="Hidden Weaver", status="suspended")
    db.session.commit()
    html = _page(client, "/en/weavers/")
    assert "Asha Devi" in html
    assert 'href="/en/weavers/asha-devi"' in html
    assert "Hidden Weaver" not in html
    assert "1 weaver" in html


def test_directory_in_hindi_shows_hindi_names_and_districts(client):
    make_weaver(slug="asha-devi", name_en="Asha Devi", name_hi="आशा देवी", district="mirzapur")
    make_weaver(slug="ravi", name_en="Ravi", name_hi="रवि", district="bhadohi")
    db.session.commit()
    html = _page(client, "/hi/weavers/")
    assert '<html lang="hi">' in html
    assert "आशा देवी" in html
    assert "मिर्ज़ापुर" in html  # district names are translated
    assert "बुनकरों से मिलें" in html


def test_directory_counts_carpets_for_sale(client):
    asha = make_weaver(slug="asha-devi", name_en="Asha Devi")
    make_carpet(asha)
    make_carpet(asha)
    make_carpet(asha, status="sold", stock=0)
    make_carpet(asha, status="draft")
    db.session.commit()
    assert "2 carpets for sale" in _page(client, "/en/weavers/")


def test_directory_filters_by_district_and_ignores_bad_input(client):
    make_weaver(slug="asha", name_en="Asha Devi", district="mirzapur")
    make_weaver(slug="ravi", name_en="Ravi Maurya", district="bhadohi")
    db.session.commit()
    html = _page(client, "/en/weavers/?district=mirzapur")
    assert "Asha Devi" in html and "Ravi Maurya" not in html
    assert '<meta name="robots" content="noindex">' in html
    for query in ("?district=atlantis", "?page=abc", "?page=-3", "?page=99999"):
        html = _page(client, "/en/weavers/" + query)
        assert "Asha Devi" in html and "Ravi Maurya" in html


def test_profile_shows_story_facts_and_carpets(client):
    weaver = make_weaver(
        slug="asha-devi",
        name_en="Asha Devi",
        name_hi="आशा देवी",
        village_en="Khamaria",
        village_hi="खमरिया",
        district="bhadohi",
        bio_en="I weave with my daughters.",
        member_since=dt.date(2016, 7, 1),
        gi_user_number="GI-188/AU/2016/0912",
    )
    make_carpet(weaver, slug="red-mir", title_en="Red Mir carpet")
    make_carpet(weaver, slug="secret-draft", title_en="Draft carpet", status="draft")
    make_carpet(weaver, slug="sold-one", title_en="Sold carpet", status="sold", stock=0)
    make_carpet(make_weaver(), slug="someone-else", title_en="Someone else's carpet")
    db.session.commit()
    html = _page(client, "/en/weavers/asha-devi")
    assert "<h1>Asha Devi</h1>" in html
    assert '<p class="weaver-alt-name" lang="hi">आशा देवी</p>' in html
    assert "Khamaria" in html and "Bhadohi, Uttar Pradesh" in html
    assert "July 2016" in html
    assert "GI-188/AU/2016/0912" in html
    assert "I weave with my daughters." in html
    assert 'href="/en/carpets/red-mir"' in html
    assert 'href="/en/carpets/sold-one"' in html
    assert "secret-draft" not in html and "someone-else" not in html
    assert "1 for sale · 1 sold" in html


def test_profile_in_hindi(client):
    make_weaver(
        slug="asha-devi", name_hi="आशा देवी", district="mirzapur", member_since=dt.date(2016, 7, 1)
    )
    db.session.commit()
    html = _page(client, "/hi/weavers/asha-devi")
    assert '<html lang="hi">' in html
    assert "<h1>आशा देवी</h1>" in html
    assert "मिर्ज़ापुर, उत्तर प्रदेश" in html
    assert "जुलाई 2016" in html


def test_profile_of_weaver_without_carpets_or_photo(client):
    make_weaver(slug="new-weaver", name_en="Meera Pal", bio_en="", bio_hi="", photo_key=None)
    db.session.commit()
    html = _page(client, "/en/weavers/new-weaver")
    assert "No carpets for sale right now." in html
    assert "has not written their story yet" in html
    assert 'class="weaver-hero-initial"' in html


def test_suspended_and_unknown_weavers_are_not_found(client):
    make_weaver(slug="suspended-one", status="suspended")
    db.session.commit()
    assert client.get("/en/weavers/suspended-one").status_code == 404
    assert client.get("/hi/weavers/suspended-one").status_code == 404
    assert client.get("/en/weavers/nobody").status_code == 404


def test_story_falls_back_to_the_other_language_with_its_lang(client):
    make_weaver(slug="iqbal", name_en="Iqbal Ansari", bio_en="", bio_hi="औराई में चालीस साल से बुनाई।")
    make_weaver(slug="english-only", bio_en="Weaving since 1990.", bio_hi="")
    db.session.commit()
    html = _page(client, "/en/weavers/iqbal")
    assert '<span lang="hi" class="fallback">औराई में चालीस साल से बुनाई।</span>' in html
    assert "Written in Hindi." in html
    html = _page(client, "/hi/weavers/english-only")
    assert '<span lang="en" class="fallback">Weaving since 1990.</span>' in html
    # the directory card uses the same fallback
    assert '<span lang="hi" class="fallback">औराई में चालीस साल से बुनाई।</span>' in _page(
        client, "/en/weavers/"
    )


def test_story_is_escaped_and_keeps_line_breaks(client):
    bio = '<script>alert("x")</script> <b>bold</b>\nSecond line\n\nNew paragraph'
    make_weaver(slug="tricky", name_en="<i>Tricky</i>", bio_en=bio)
    db.session.commit()
    html = _page(client, "/en/weavers/tricky")
    assert "<script>alert" not in html and "<b>bold</b>" not in html and "<i>Tricky</i>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    story = re.search(r'<div class="prewrap weaver-bio">(.*?)</div>', html, re.S)
    assert story is not None
    assert "Second line\n\nNew paragraph" in story.group(1)
    assert "&lt;i&gt;Tricky&lt;/i&gt;" in _page(client, "/en/weavers/")
