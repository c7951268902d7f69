"""Card queries, keyset pagination and a constant number of SQL statements per page."""

from __future__ import annotations

import html as html_lib
import re

import pytest

from storefront.catalog.queries import CarpetCard, list_cards
from storefront.extensions import db
from tests.builders import make_carpet, make_rates, make_weaver
from tests.catalog.helpers import card_slugs, count_statements


@pytest.fixture
def many(app):
    """60 carpets from 3 weavers (some woven by two), prices with ties, a few sold."""
    weavers = [make_weaver() for _ in range(3)]
    carpets = []
    for i in range(60):
        carpet = make_carpet(
            weavers[i % 3],
            images=1 + i % 3,
            price_paise=(1 + i % 7) * 1_000_000,
            status="sold" if i % 10 == 0 else "published",
        )
        if i % 4 == 0:
            carpet.weavers.append(weavers[(i + 1) % 3])
        carpets.append(carpet)
    make_rates()
    db.session.commit()
    return carpets


def test_list_cards_returns_rows_not_orm_objects(app, many):
    cards = list_cards(limit=8)
    assert len(cards) == 8 and all(isinstance(c, CarpetCard) for c in cards)
    assert all(c.status == "published" for c in cards)
    assert cards[0].image_key and cards[0].weavers


def test_list_cards_by_weaver_and_without_sold(app, many):
    weaver_id = many[0].weavers[0].id
    cards = list_cards(weaver_id=weaver_id, limit=100)
    expected = {c.id for c in many if weaver_id in {w.id for w in c.weavers}}
    assert {c.id for c in cards} == expected
    assert any(c.is_sold for c in cards)
    unsold = list_cards(weaver_id=weaver_id, limit=100, include_sold=False)
    assert unsold and not any(c.is_sold for c in unsold)


def test_list_cards_sorts_and_puts_sold_last(app, many):
    cards = list_cards(limit=100, sort="price_asc")
    available = [c for c in cards if not c.is_sold]
    assert cards[: len(available)] == available
    prices = [c.price_paise for c in available]
    assert prices == sorted(prices)


def test_list_cards_ignores_drafts(app):
    make_carpet(status="draft")
    make_carpet(status="pending")
    db.session.commit()
    assert list_cards() == []


def _next_link(html: str) -> str | None:
    match = re.search(r'rel="next" href="([^"]+)"', html)
    return html_lib.unescape(match.group(1)) if match else None


def _prev_link(html: str) -> str | None:
    match = re.search(r'rel="prev" href="([^"]+)"', html)
    return html_lib.unescape(match.group(1)) if match else None


@pytest.mark.parametrize("sort", ["newest", "price_asc", "price_desc"])
def test_keyset_pages_match_numbered_pages(client, many, sort):
    by_number = []
    for n in range(1, 7):
        by_number.append(
            card_slugs(client.get(f"/en/carpets/?sort={sort}&per_page=11&page={n}").text)
        )
    walked, url, seen_after = [], f"/en/carpets/?sort={sort}&per_page=11", False
    while url:
        html = client.get(url).get_data(as_text=True)
        walked.append(card_slugs(html))
        url = _next_link(html)
        if url:
            assert "after=" in url
            seen_after = True
    assert seen_after
    assert walked == by_number
    flat = [s for page in walked for s in page]
    assert len(flat) == len(set(flat)) == 60


def test_previous_links_walk_back(client, many):
    url = "/en/carpets/?sort=price_desc&per_page=7"
    forward = []
    for _ in range(5):
        html = client.get(url).get_data(as_text=True)
        forward.append(card_slugs(html))
        url = _next_link(html)
    html = client.get(url).get_data(as_text=True)  # page 6
    backward = []
    while (url := _prev_link(html)) is not None:
        html = client.get(url).get_data(as_text=True)
        backward.append(card_slugs(html))
    assert backward == list(reversed(forward))


def test_keyset_cursor_keeps_filters(client, many):
    html = client.get("/en/carpets/?per_page=5&available=1&sort=price_asc").get_data(as_text=True)
    nxt = _next_link(html)
    assert "available=1" in nxt and "sort=price_asc" in nxt and "page=2" in nxt


def _statements(client, url: str, fresh: bool = True) -> int:
    """Statements for one request; ``fresh`` empties the facet memo first (a cold page)."""
    if fresh:
        for memo in ("catalog_facets", "catalog_fragments", "catalog_version"):
            client.application.extensions.pop(memo, None)
    with count_statements() as seen:
        resp = client.get(url)
    assert resp.status_code == 200
    return len(seen)


def test_catalog_statement_count_does_not_grow_with_page_size(app, client, many):
    small = _statements(client, "/en/carpets/?per_page=12&material=wool")
    large = _statements(client, "/en/carpets/?per_page=48&material=wool")
    assert small == large
    assert small <= 4  # version, facets (+ total), cards, weaver names


@pytest.mark.parametrize("per_page", [12, 48])
def test_statement_count_with_config_page_size(app, client, many, per_page):
    app.config["CATALOG_PER_PAGE"] = per_page
    sorts = ("newest", "price_asc", "price_desc")
    counts = {_statements(client, f"/hi/carpets/?q=carpet&sort={s}") for s in sorts}
    assert counts == {4}


def test_statement_count_on_keyset_pages(client, many):
    html = client.get("/en/carpets/?per_page=12").get_data(as_text=True)
    assert _statements(client, _next_link(html)) <= 4


def test_facets_are_memoised_until_the_catalog_changes(client, many):
    first = _statements(client, "/en/carpets/?per_page=12")
    client.application.extensions.pop("catalog_version")
    again = _statements(client, "/en/carpets/?per_page=12&page=2", fresh=False)
    assert again == first - 1  # same filters: facet counts come from the memo
    many[1].status = "sold"
    db.session.commit()
    html = client.get("/en/carpets/?available=1").get_data(as_text=True)
    assert "53 carpets" in html


def test_product_statement_count_is_constant(client, many):
    one_image = next(c for c in many if len(c.images) == 1 and len(c.weavers) == 1)
    three = next(c for c in many if len(c.images) == 3 and len(c.weavers) == 2)
    assert _statements(client, f"/en/carpets/{one_image.slug}") == _statements(
        client, f"/en/carpets/{three.slug}"
    )
