from __future__ import annotations

import pytest


def test_root_redirects_by_accept_language(client):
    resp = client.get("/", headers={"Accept-Language": "hi-IN,hi;q=0.9,en;q=0.5"})
    assert resp.status_code == 302
    assert resp.headers["Location"].endswith("/hi/")


def test_root_prefers_saved_choice_over_accept_language(client):
    client.set_cookie("lang", "en")
    resp = client.get("/", headers={"Accept-Language": "hi"})
    assert resp.headers["Location"].endswith("/en/")


def test_root_defaults_to_english(client):
    assert client.get("/").headers["Location"].endswith("/en/")


def test_language_switch_saves_choice_and_keeps_page(client):
    resp = client.get("/language/hi?next=/hi/carpets/?colour=red")
    assert resp.status_code == 302
    assert resp.headers["Location"] == "/hi/carpets/?colour=red"
    assert "lang=hi" in resp.headers["Set-Cookie"]
    assert client.get("/").headers["Location"].endswith("/hi/")


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/en/x"])
def test_language_switch_refuses_foreign_next(client, target):
    resp = client.get(f"/language/hi?next={target}")
    assert resp.headers["Location"] == "/hi/"


@pytest.mark.parametrize("lang", ["en", "hi"])
def test_home_has_lang_hreflang_and_canonical(client, lang):
    html = client.get(f"/{lang}/").get_data(as_text=True)
    assert f'<html lang="{lang}">' in html
    assert f'<link rel="canonical" href="https://bunkar.test/{lang}/">' in html
    for code in ("en", "hi"):
        assert f'hreflang="{code}" href="https://bunkar.test/{code}/"' in html
    assert 'hreflang="x-default" href="https://bunkar.test/en/"' in html


def test_unknown_language_is_404(client):
    assert client.get("/fr/").status_code == 404


def test_security_headers(client):
    resp = client.get("/en/")
    csp = resp.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
    assert resp.headers["X-Content-Type-Options"] == "nosniff"


def test_healthz(client):
    assert client.get("/healthz").get_json() == {"status": "ok"}


def test_robots_allows_feeds_for_google(client):
    body = client.get("/robots.txt").get_data(as_text=True)
    assert "User-agent: AdsBot-Google\nAllow: /feeds/" in body
    assert "Disallow: /en/admin/" in body
