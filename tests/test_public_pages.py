"""Every public page answers 200 in both languages with <html lang>, a self-canonical URL and
reciprocal hreflang alternates (en, hi, x-default). Add new public pages to PAGES."""

from __future__ import annotations

import re

import pytest

from storefront.extensions import db
from tests.builders import make_carpet, make_rates, make_weaver

BASE = "https://bunkar.test"
PAGES = {
    "home": "/",
    "catalog": "/carpets/",
    "product": "/carpets/red-mir",
    "sold product": "/carpets/sold-one",
    "weavers": "/weavers/",
    "weaver": "/weavers/asha-devi",
}
LINK_RE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')
CANONICAL_RE = re.compile(r'<link rel="canonical" href="([^"]+)">')


@pytest.fixture
def site(app):
    asha = make_weaver(slug="asha-devi", name_en="Asha Devi", name_hi="आशा देवी")
    make_carpet(asha, slug="red-mir", images=1)
    make_carpet(asha, slug="sold-one", status="sold", stock=0)
    make_rates()
    db.session.commit()


def _head(client, url: str) -> tuple[str, str, dict[str, str]]:
    resp = client.get(url)
    assert resp.status_code == 200, url
    html = resp.get_data(as_text=True)
    lang = re.search(r'<html lang="([^"]+)"', html).group(1)
    canonical = CANONICAL_RE.findall(html)
    assert len(canonical) == 1, url
    return lang, canonical[0], dict(LINK_RE.findall(html))


@pytest.mark.parametrize("lang", ["en", "hi"])
@pytest.mark.parametrize("name", list(PAGES))
def test_public_page(client, site, name, lang):
    path = PAGES[name]
    page_lang, canonical, alternates = _head(client, f"/{lang}{path}")
    assert page_lang == lang
    assert canonical == f"{BASE}/{lang}{path}"
    expected = {"en": f"{BASE}/en{path}", "hi": f"{BASE}/hi{path}", "x-default": f"{BASE}/en{path}"}
    assert alternates == expected
    other = "hi" if lang == "en" else "en"
    other_lang, other_canonical, other_alternates = _head(client, f"/{other}{path}")
    assert other_lang == other and other_canonical == expected[other]
    assert other_alternates == alternates  # reciprocal


@pytest.mark.parametrize(
    ("url", "mimetype"), [("/sitemap.xml", "application/xml"), ("/robots.txt", "text/plain")]
)
def test_site_files(client, site, url, mimetype):
    resp = client.get(url)
    assert resp.status_code == 200
    assert resp.mimetype == mimetype


def test_every_page_is_in_the_sitemap(client, site):
    sitemap = client.get("/sitemap.xml").get_data(as_text=True)
    for path in PAGES.values():
        for lang in ("en", "hi"):
            assert f"<loc>{BASE}/{lang}{path}</loc>" in sitemap
