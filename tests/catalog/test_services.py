"""Search text: both languages, weaver names, SKU and labels, folded for Hindi spelling variants."""

from __future__ import annotations

from storefront.catalog.services import normalise_search, refresh_search_text
from storefront.extensions import db
from tests.builders import make_carpet, make_weaver


def test_normalise_folds_case_space_nukta_and_chandrabindu():
    assert normalise_search("  Hand-Knotted   WOOL ") == "hand-knotted wool"
    assert normalise_search("क़ालीन") == normalise_search("कालीन")
    assert normalise_search("क\u093cालीन") == "कालीन"
    assert normalise_search("गाँठ") == normalise_search("गांठ")


def test_refresh_search_text_covers_titles_sku_weavers_and_labels(app):
    weaver = make_weaver(name_en="Salim Ansari", name_hi="सलीम अंसारी", village_en="Gopiganj")
    carpet = make_carpet(
        weaver, sku="BKR-77", title_en="Ivory Mir", title_hi="हाथीदांती मीर", pile_material="silk"
    )
    refresh_search_text(carpet)
    db.session.flush()
    text = carpet.search_text
    for word in ("ivory mir", "हाथीदांती मीर", "bkr-77", "salim ansari", "सलीम अंसारी", "gopiganj"):
        assert word in text
    assert "silk" in text and "रेशम" in text  # material label in both languages
    assert "hand-knotted" in text


def test_search_finds_nukta_spelling_variants(app, client):
    carpet = make_carpet(slug="qaleen", title_hi="लाल क़ालीन")
    refresh_search_text(carpet)
    db.session.commit()
    html = client.get("/hi/carpets/?q=कालीन").get_data(as_text=True)
    assert "/hi/carpets/qaleen" in html


def test_refresh_after_weaver_change(app):
    weaver = make_weaver(name_en="Old Name")
    carpet = make_carpet(weaver)
    refresh_search_text(carpet)
    weaver.name_en = "New Name"
    refresh_search_text(carpet)
    assert "new name" in carpet.search_text and "old name" not in carpet.search_text
