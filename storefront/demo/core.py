"""Core demo data: weavers with portraits, carpets with drawn photos, exchange rates, demo logins.

Deterministic (fixed random seed); adds and flushes only.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import time
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

from flask import current_app
from sqlalchemy import select

from storefront.accounts.models import User
from storefront.catalog.models import Carpet, CarpetImage
from storefront.demo import artwork
from storefront.demo.carpets_data import plan_carpet, published_on, slugify
from storefront.demo.weavers_data import WEAVERS
from storefront.extensions import db
from storefront.media.services import StoredImage, store_image
from storefront.money import ExchangeRate
from storefront.weavers.models import Weaver

SEED = 20100904  # the day the GI "Handmade Carpet of Bhadohi" was granted
STAFF_EMAIL = "staff@bunkar.example"
STAFF_PASSWORD = "bunkar-staff-demo"
WEAVER_PHONE = "+919876543210"
WEAVER_PASSWORD = "bunkar-weaver-demo"
RATES = {
    dt.date(2026, 10, 1): {"USD": "87.9", "EUR": "95.4", "GBP": "111.2"},
    dt.date(2026, 11, 1): {"USD": "88.6", "EUR": "96.3", "GBP": "112.1"},
}
ALT = {
    "full": ("{title}: the whole carpet", "{title}: पूरा कालीन"),
    "closeup": ("Close-up of the pile and the pattern", "रोएँ और डिज़ाइन का नज़दीकी दृश्य"),
    "corner": ("Corner with the border and the fringe", "कोना, बॉर्डर और झालर"),
    "back": (
        "The back, where every knot can be counted",
        "कालीन का पिछला हिस्सा, जहाँ हर गाँठ गिनी जा सकती है",
    ),
}
FLAT_ALT = {"closeup": ("Close-up of the flat weave", "सपाट बुनाई का नज़दीकी दृश्य")}


def seed_core(weavers: int = 12, carpets: int = 60) -> list[str]:
    """Add the demo cooperative; return report lines. Skips if the demo weavers already exist."""
    if db.session.scalar(select(Weaver.id).where(Weaver.slug == WEAVERS[0]["slug"])):
        return [f"Demo data already loaded (weaver {WEAVERS[0]['slug']!r} exists); nothing added."]
    started = time.perf_counter()
    rng = random.Random(SEED)
    rows = [
        _weaver(data, i) for i, data in enumerate(WEAVERS[: max(1, min(weavers, len(WEAVERS)))])
    ]
    pairs = list(zip(WEAVERS, rows, strict=False))
    made: list[Carpet] = []
    jobs: list[tuple[artwork.CarpetSpec, int]] = []
    for n in range(carpets):
        data, weaver = pairs[n % len(pairs)]
        carpet = _carpet(n, data, weaver, rng, k=n // len(pairs))
        if n % 7 == 3 and len(pairs) > 1 and carpet.width_cm > 240:  # big carpets: two families
            helper = next(
                (w for d, w in pairs if d["district"] == data["district"] and w is not weaver), None
            )
            if helper is not None:
                carpet.weavers.append(helper)
        made.append(carpet)
        views = (2, 3, 4) if carpet.construction == "hand_knotted" else (2, 3)
        jobs.append((_spec(carpet, n), random.Random(SEED + n).choice(views)))
    db.session.flush()
    images = 0
    for carpet, drawn in zip(made, _draw_and_store(jobs), strict=True):
        _attach_images(carpet, drawn)
        _refresh_search_text(carpet)
        images += len(drawn)
    db.session.flush()
    rates = _rates()
    staff, weaver_user = _users(rows[0])
    took = time.perf_counter() - started
    return [
        f"Demo data: {len(rows)} weavers, {carpets} carpets ({images} images), "
        f"{rates} exchange rates "
        f"in {took:.1f} s.",
        "Demo logins:",
        f"  staff   {staff.email} / {STAFF_PASSWORD}",
        f"  weaver  {weaver_user.phone} / {WEAVER_PASSWORD} ({rows[0].name_en})",
    ]


def _weaver(data: dict, i: int) -> Weaver:
    fields = {k: v for k, v in data.items() if k not in ("styles", "woman")}
    source_lang = "en" if data["bio_en"] and i % 3 == 1 else "hi"
    weaver = Weaver(**fields, status="active", source_lang=source_lang)
    if data["slug"] != "meera-pal":  # one weaver without a photo yet
        stored = store_image(artwork.portrait(data["name_hi"][0], SEED + i))
        weaver.photo_key = stored.key
    db.session.add(weaver)
    db.session.flush()
    return weaver


def _carpet(n: int, data: dict, weaver: Weaver, rng: random.Random, k: int) -> Carpet:
    values = plan_carpet(n, data, rng, k)
    sku = f"BKR-26-{n + 1:04d}"
    slug = f"{slugify(values['title_en'])}-{sku.lower()}"[-160:]
    status = _status(n)
    if not data["bio_en"] and n % 2:  # Hindi-only weavers write some listings in Hindi alone
        values["description_en"] = ""
        if n % 4 == 3:
            values["title_en"] = ""
    carpet = Carpet(
        **values,
        sku=sku,
        slug=slug,
        source_lang="hi" if not values["title_en"] or n % 3 else "en",
        stock=0 if status == "sold" else 1,
        status=status,
        published_at=published_on(n, random.Random(SEED + n))
        if status in ("published", "sold")
        else None,
    )
    carpet.weavers.append(weaver)
    db.session.add(carpet)
    return carpet


def _status(n: int) -> str:
    if n % 11 == 6:
        return "sold"
    if n in (9, 24):
        return "draft"
    if n == 12:
        return "pending"
    return "published"


def _spec(carpet: Carpet, n: int) -> artwork.CarpetSpec:
    return artwork.CarpetSpec(
        design=carpet.design,
        colour=carpet.colour_primary,
        colour2=carpet.colour_secondary,
        shape=carpet.shape,
        construction=carpet.construction,
        width_cm=carpet.width_cm,
        length_cm=carpet.length_cm,
        kpsi=carpet.kpsi,
        seed=SEED + n,
    )


def _draw_and_store(
    jobs: list[tuple[artwork.CarpetSpec, int]],
) -> list[list[tuple[str, StoredImage]]]:
    """Draw and store every carpet's photos on all cores (Pillow releases the GIL while working)."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]

    def work(job: tuple[artwork.CarpetSpec, int]) -> list[tuple[str, StoredImage]]:
        spec, count = job
        with app.app_context():
            return [(d.view, store_image(d.data)) for d in artwork.carpet_images(spec, count)]

    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        return list(pool.map(work, jobs))


def _attach_images(carpet: Carpet, drawn: list[tuple[str, StoredImage]]) -> None:
    title_en, title_hi = carpet.title_en or carpet.title_hi, carpet.title_hi or carpet.title_en
    for position, (view, stored) in enumerate(drawn):
        alt_en, alt_hi = ALT[view]
        if carpet.construction == "flat_weave":
            alt_en, alt_hi = FLAT_ALT.get(view, (alt_en, alt_hi))
        carpet.images.append(
            CarpetImage(
                position=position,
                image_key=stored.key,
                width=stored.width,
                height=stored.height,
                alt_en=alt_en.format(title=title_en)[:300],
                alt_hi=alt_hi.format(title=title_hi)[:300],
            )
        )


def _refresh_search_text(carpet: Carpet) -> None:
    try:
        from storefront.catalog.services import refresh_search_text
    except ImportError:  # the catalog service is not there yet: same rule as tests/builders.py
        carpet.search_text = " ".join(
            [carpet.title_en, carpet.title_hi, carpet.sku]
            + [f"{w.name_en} {w.name_hi}" for w in carpet.weavers]
        ).lower()
    else:
        refresh_search_text(carpet)


def _rates() -> int:
    count = 0
    for day, rates in RATES.items():
        for currency, rate in rates.items():
            exists = db.session.scalar(
                select(ExchangeRate.id).where(
                    ExchangeRate.currency == currency, ExchangeRate.effective_on == day
                )
            )
            if not exists:
                db.session.add(
                    ExchangeRate(
                        currency=currency,
                        inr_per_unit=Decimal(rate),
                        effective_on=day,
                        source="demo",
                    )
                )
                count += 1
    return count


def _users(first: Weaver) -> tuple[User, User]:
    staff = db.session.scalar(select(User).where(User.email == STAFF_EMAIL))
    if staff is None:
        staff = User(
            email=STAFF_EMAIL, name="Cooperative office", role="staff", preferred_lang="en"
        )
        staff.set_password(STAFF_PASSWORD)
        db.session.add(staff)
    weaver_user = db.session.scalar(select(User).where(User.phone == WEAVER_PHONE))
    if weaver_user is None:
        weaver_user = User(
            phone=WEAVER_PHONE, name=first.name_hi, role="weaver", preferred_lang="hi"
        )
        weaver_user.set_password(WEAVER_PASSWORD)
        db.session.add(weaver_user)
    db.session.flush()
    first.user_id = weaver_user.id
    db.session.flush()
    return staff, weaver_user
