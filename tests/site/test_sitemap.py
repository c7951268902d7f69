"""/sitemap.xml and /robots.txt: every public page in both languages, with alternates."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from storefront.extensions import db
from tests.builders import make_carpet, make_weaver

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
BASE = "https://bunkar.test"


def _sitemap(client) -> dict[str, dict]:
    resp = client.get("/sitemap.xml")
    assert resp.status_code == 200
    assert resp.mimetype == "application/xml"
    root = ET.fromstring(resp.data)
    out = {}
    for url in root.findall("s:url", NS):
        loc = url.findtext("s:loc", namespaces=NS)
        out[loc] = {
            "lastmod": url.findtext("s:lastmod", namespaces=NS),
            "alternates": {
                link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
            },
        }
    return out


def test_sitemap_lists_public_pages_in_both_languages(client):
    asha = make_weaver(slug="asha-devi")
    make_carpet(asha, slug="red-mir")
    make_carpet(asha, slug="sold-one", status="sold", stock=0)
    make_carpet(asha, slug="draft-one", status="draft")
    make_carpet(asha, slug="pending-one", status="pending")
    make_weaver(slug="suspended-one", status="suspended")
    db.session.commit()
    urls = _sitemap(client)
    for path in (
        "/",
        "/carpets/",
        "/weavers/",
        "/carpets/red-mir",
        "/carpets/sold-one",
        "/weavers/asha-devi",
    ):
        for lang in ("en", "hi"):
            assert f"{BASE}/{lang}{path}" in urls, path
    text = " ".join(urls)
    assert "draft-one" not in text and "pending-one" not in text and "suspended-one" not in text
    assert len(urls) == 12


def test_sitemap_alternates_are_reciprocal_and_match_the_page(client):
    make_carpet(make_weaver(slug="asha-devi"), slug="red-mir")
    db.session.commit()
    urls = _sitemap(client)
    for loc, entry in urls.items():
        alts = entry["alternates"]
        assert set(alts) == {"en", "hi", "x-default"}
        assert loc in (alts["en"], alts["hi"])
        assert alts["x-default"] == alts["en"]
        for lang in ("en", "hi"):
            assert (
                urls[alts[lang]]["alternates"] == alts
            )  # each language version lists the same set
    # The page itself prints the very same alternates.
    html = client.get("/hi/carpets/red-mir").get_data(as_text=True)
    links = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
    assert links == urls[f"{BASE}/hi/carpets/red-mir"]["alternates"]


def test_sitemap_lastmod(client):
    asha = make_weaver(slug="asha-devi")
    make_carpet(asha, slug="red-mir")
    db.session.commit()
    urls = _sitemap(client)
    w3c = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$")
    for loc in (f"{BASE}/en/", f"{BASE}/hi/carpets/red-mir", f"{BASE}/en/weavers/asha-devi"):
        assert w3c.match(urls[loc]["lastmod"] or ""), loc


def test_sitemap_of_an_empty_shop(client):
    urls = _sitemap(client)
    assert f"{BASE}/en/" in urls and f"{BASE}/hi/carpets/" in urls


def test_robots_txt_is_valid_and_points_to_the_sitemap(client):
    resp = client.get("/robots.txt")
    assert resp.status_code == 200
    assert resp.mimetype == "text/plain"
    lines = [line for line in resp.get_data(as_text=True).splitlines() if line.strip()]
    directive = re.compile(r"^(User-agent|Disallow|Allow|Sitemap): \S+$")
    assert all(directive.match(line) for line in lines), lines
    assert lines[0] == "User-agent: *"
    assert f"Sitemap: {BASE}/sitemap.xml" in lines
    assert "Disallow: /hi/checkout" in lines and "Disallow: /en/account/" in lines
    assert not any(line == "Disallow: /" for line in lines)
