"""The prepared card strings equal what the generic helpers (url_for, srcset, money) print."""

from __future__ import annotations

from flask import url_for
from flask_babel import force_locale

from storefront.catalog.attributes import CONSTRUCTIONS, PILE_MATERIALS
from storefront.catalog.display import card_text
from storefront.catalog.queries import list_cards
from storefront.extensions import db
from storefront.media.helpers import image_url, srcset
from storefront.money import format_money
from tests.builders import make_carpet, make_weaver


def test_card_text_matches_the_generic_helpers(app):
    weaver = make_weaver(name_en="Asha Devi", name_hi="आशा देवी")
    make_carpet(weaver, images=1, slug="red-one", price_paise=15_000_000, title_hi="")
    db.session.commit()
    card = list_cards()[0]
    for lang in ("en", "hi"):
        with app.test_request_context(f"/{lang}/carpets/"):
            app.preprocess_request()
            text = card_text(card)
            assert text.url == url_for("catalog.detail", slug="red-one")
            assert text.src == image_url(card.image_key, 400, "jpg")
            assert text.srcset_webp == srcset(card.image_key, "webp", card.image_width)
            assert text.srcset_jpg == srcset(card.image_key, "jpg", card.image_width)
            assert text.price == format_money(15_000_000, "INR") == "₹1,50,000"
    with app.test_request_context("/hi/carpets/"):
        app.preprocess_request()
        text = card_text(card)
        assert str(text.title).startswith('<span lang="en" class="fallback">Hand-knotted')
        assert text.weaver == "बुनकर: आशा देवी"
        with force_locale("hi"):
            expected = f"{PILE_MATERIALS['wool']} · {CONSTRUCTIONS['hand_knotted']}"
        assert text.labels == expected
        assert text.labels.startswith("ऊन")
