"""Weaver read services: directory order and pages, featured weavers, counts, shop stats."""

from __future__ import annotations

import datetime as dt

from storefront.weavers import services
from tests.builders import make_carpet, make_weaver


def test_directory_puts_weavers_with_carpets_first_then_seniority(app):
    make_weaver(slug="old", member_since=dt.date(2005, 1, 1))
    make_weaver(slug="new", member_since=dt.date(2020, 1, 1))
    selling = make_weaver(slug="selling", member_since=dt.date(2022, 1, 1))
    make_carpet(selling)
    make_weaver(slug="gone", status="suspended")
    page = services.directory()
    assert [w.slug for w in page.weavers] == ["selling", "old", "new"]
    assert page.total == 3 and page.pages == 1
    assert (page.weavers[0].available, page.weavers[0].sold) == (1, 0)


def test_directory_pages_and_districts(app):
    for i in range(5):
        make_weaver(slug=f"w{i}", district="mirzapur" if i < 2 else "bhadohi")
    first = services.directory(page=1, per_page=2)
    last = services.directory(page=3, per_page=2)
    assert (first.pages, len(first.weavers), len(last.weavers)) == (3, 2, 1)
    assert services.directory(page=99, per_page=2).page == 3  # clamped, not an error
    assert first.districts == [("bhadohi", 3), ("mirzapur", 2)]
    mirzapur = services.directory(district="mirzapur")
    assert mirzapur.total == 2 and {w.slug for w in mirzapur.weavers} == {"w0", "w1"}
    assert services.directory(district="atlantis").district is None


def test_featured_weavers_prefer_photos_and_carpets(app):
    plain = make_weaver(slug="plain")
    make_weaver(slug="pictured", photo_key="b" * 32)
    make_carpet(plain)
    make_carpet(plain)
    assert [w.slug for w in services.featured_weavers(2)] == ["pictured", "plain"]


def test_counts_and_stats(app):
    weaver = make_weaver(district="mirzapur")
    make_weaver(district="bhadohi")
    make_weaver(district="jaunpur", status="suspended")
    make_carpet(weaver)
    make_carpet(weaver, status="sold", stock=0)
    make_carpet(weaver, status="published", stock=0)  # reserved: not for sale right now
    make_carpet(weaver, status="draft")
    assert services.carpet_counts(weaver.id) == (1, 1)
    assert services.shop_stats() == (2, 1, 2)
    assert services.public_weaver(weaver.slug) is weaver
    assert services.public_weaver("nobody") is None


def test_first_paragraph():
    assert services.first_paragraph("  One\nline.\n\nTwo.") == "One\nline."
    assert services.first_paragraph("") == ""
