"""Plain builders with keyword defaults: ``make_weaver()``, ``make_carpet(weaver=...)``.

Each adds to the session and flushes; tests commit when they need a request to see the data.
"""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from typing import Any

from storefront.accounts.models import User
from storefront.catalog.models import Carpet, CarpetImage
from storefront.extensions import db
from storefront.money import ExchangeRate
from storefront.weavers.models import Weaver

_seq = itertools.count(1)
PASSWORD = "correct horse battery"


def make_user(**kw: Any) -> User:
    n = next(_seq)
    password = kw.pop("password", PASSWORD)
    user = User(**{"email": f"user{n}@example.com", "name": f"User {n}", "role": "buyer", **kw})
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user


def make_weaver(**kw: Any) -> Weaver:
    n = next(_seq)
    weaver = Weaver(
        **{
            "slug": f"weaver-{n}",
            "name_en": f"Weaver {n}",
            "name_hi": f"बुनकर {n}",
            "bio_en": "Weaves carpets in Bhadohi.",
            "bio_hi": "भदोही में कालीन बुनते हैं।",
            "village_en": "Gopiganj",
            "village_hi": "गोपीगंज",
            "district": "bhadohi",
            "member_since": dt.date(2015, 1, 1),
            **kw,
        }
    )
    db.session.add(weaver)
    db.session.flush()
    return weaver


def make_carpet(weaver: Weaver | None = None, images: int = 0, **kw: Any) -> Carpet:
    n = next(_seq)
    carpet = Carpet(
        **{
            "sku": f"BKR-{n:05d}",
            "slug": f"carpet-{n}",
            "title_en": f"Hand-knotted wool carpet {n}",
            "title_hi": f"हाथ से बुना ऊनी कालीन {n}",
            "description_en": "Hand-knotted in Bhadohi.",
            "description_hi": "भदोही में हाथ से बुना गया।",
            "construction": "hand_knotted",
            "pile_material": "wool",
            "foundation_material": "cotton",
            "dyes": "natural",
            "kpsi": 100,
            "quality": "10x10",
            "width_cm": 170,
            "length_cm": 240,
            "shape": "rectangle",
            "pile_height_mm": 10,
            "weight_g": 12000,
            "colour_primary": "red",
            "design": "medallion",
            "weaving_days": 120,
            "price_paise": 15000000,
            "stock": 1,
            "status": "published",
            "published_at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC) + dt.timedelta(minutes=n),
            **kw,
        }
    )
    carpet.weavers.append(weaver or make_weaver())
    carpet.search_text = " ".join(
        [carpet.title_en, carpet.title_hi, carpet.sku]
        + [f"{w.name_en} {w.name_hi}" for w in carpet.weavers]
    ).lower()
    for i in range(images):
        carpet.images.append(
            CarpetImage(position=i, image_key=f"{n:032x}"[-32:], width=1000, height=1500)
        )
    db.session.add(carpet)
    db.session.flush()
    return carpet


def make_rates(on: dt.date = dt.date(2026, 1, 1), **rates: str) -> list[ExchangeRate]:
    rows = [
        ExchangeRate(currency=cur, inr_per_unit=Decimal(rate), effective_on=on, source="test")
        for cur, rate in ({"USD": "88.50", "EUR": "96.20", "GBP": "112.40"} | rates).items()
    ]
    db.session.add_all(rows)
    db.session.flush()
    return rows
