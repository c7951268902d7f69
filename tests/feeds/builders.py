"""Feed test data: shipping bands, an FSN, and a small catalog covering every lifecycle."""

from __future__ import annotations

from typing import Any

from storefront.catalog.models import Carpet
from storefront.checkout.models import ShippingRate
from storefront.extensions import db
from storefront.feeds.models import ChannelListing
from tests.builders import make_carpet, make_rates, make_weaver

LONG_HI_TITLE = (  # 186 characters: within the column (200), over Google's 150
    "हाथ से बुना हुआ क्षत्रिय शैली का ऊनी कालीन, गहरे लाल रंग में, बीच में बड़ा बूटा " * 2
    + "और किनारों पर फूलों की बेल"
)


def make_shipping_rates() -> list[ShippingRate]:
    rows = [
        ShippingRate(zone="india", countries="IN", max_weight_g=60000, price_paise=0),
        ShippingRate(zone="world", countries="*", max_weight_g=30000, price_paise=900000),
        ShippingRate(zone="world", countries="*", max_weight_g=70000, price_paise=1500000),
    ]
    db.session.add_all(rows)
    db.session.flush()
    return rows


def set_fsn(carpet: Carpet, fsn: str) -> None:
    db.session.add(ChannelListing(carpet_id=carpet.id, channel="flipkart", external_id=fsn))
    db.session.flush()


def make_catalog(**overrides: Any) -> dict[str, Carpet]:
    """Rates, shipping and carpets in every state; committed so requests see them."""
    make_rates()
    make_shipping_rates()
    weaver = make_weaver(gi_user_number="GI/BHD/0042")
    carpets = {
        "active": make_carpet(weaver=weaver, images=4, **overrides),
        "tricky": make_carpet(
            weaver=weaver,
            images=2,
            title_en='Red & Ivory <Medallion> "Tree\tof life"\nrug',
            title_hi=LONG_HI_TITLE,
            description_en="Line one\x0b\r\nLine & two <b>bold</b>",
            pile_material="viscose",
            colour_primary="multi",
            weight_g=None,
            kpsi=None,
            price_paise=4_999_950,
        ),
        "sold": make_carpet(weaver=weaver, images=1, status="sold", stock=0),
        "withdrawn": make_carpet(weaver=weaver, images=1, status="archived"),
        "draft": make_carpet(weaver=weaver, status="draft", published_at=None),
    }
    set_fsn(carpets["active"], "CRPFAKEFSN000001")
    set_fsn(carpets["sold"], "CRPFAKEFSN000002")
    db.session.commit()
    return carpets
