"""Bulk-build a large throwaway catalog for benchmarks (Core inserts, no ORM objects, no files).

``build(n_carpets, n_weavers)`` must run inside an app context whose database is empty.
Image rows point at keys whose files do not exist: pages only link to them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random

from sqlalchemy import insert

from storefront.catalog import attributes as attrs
from storefront.catalog.models import Carpet, CarpetImage, carpet_weaver
from storefront.catalog.services import normalise_search
from storefront.extensions import db
from storefront.money import ExchangeRate
from storefront.weavers.models import GI_DISTRICTS, Weaver

FIRST = ["Asha", "Ravi", "Salim", "Meera", "Shabana", "Rajesh", "Lalta", "Sunita", "Nasim", "Gudia"]
FIRST_HI = ["आशा", "रवि", "सलीम", "मीरा", "शबाना", "राजेश", "लालता", "सुनीता", "नसीम", "गुड़िया"]
LAST = ["Devi", "Maurya", "Ansari", "Pal", "Bano", "Kumar", "Prasad", "Bind", "Ahmad", "Saroj"]
LAST_HI = ["देवी", "मौर्य", "अंसारी", "पाल", "बानो", "कुमार", "प्रसाद", "बिंद", "अहमद", "सरोज"]
VILLAGES = [
    ("Gopiganj", "गोपीगंज"),
    ("Aurai", "औराई"),
    ("Suriyawan", "सुरियावां"),
    ("Gyanpur", "ज्ञानपुर"),
]
SIZES_FT = [(2, 3), (3, 5), (4, 6), (5, 8), (6, 9), (8, 10), (9, 12), (2.5, 8), (6, 6)]
BATCH = 2_000


def _key(*parts: object) -> str:
    return hashlib.md5("-".join(map(str, parts)).encode()).hexdigest()  # noqa: S324 (not security)


def build(n_carpets: int = 10_000, n_weavers: int = 120, seed: int = 7) -> dict[str, int]:
    """Insert weavers, carpets (10% sold), one photo and one or two weavers per carpet, rates."""
    rng = random.Random(seed)
    weavers = []
    for i in range(n_weavers):
        a, b = i % len(FIRST), (i // len(FIRST)) % len(LAST)
        village = VILLAGES[i % len(VILLAGES)]
        weavers.append(
            {
                "id": i + 1,
                "slug": f"weaver-{i + 1}",
                "name_en": f"{FIRST[a]} {LAST[b]}",
                "name_hi": f"{FIRST_HI[a]} {LAST_HI[b]}",
                "bio_en": "Weaves carpets on a vertical loom at home.",
                "bio_hi": "घर पर खड़े करघे पर कालीन बुनते हैं।",
                "village_en": village[0],
                "village_hi": village[1],
                "district": GI_DISTRICTS[i % 3],
                "status": "active",
                "source_lang": "hi",
                "member_since": dt.date(2010 + i % 14, 1 + i % 12, 1),
            }
        )
    db.session.execute(insert(Weaver), weavers)
    colours, designs = list(attrs.COLOURS), list(attrs.DESIGNS)
    materials, shapes = list(attrs.PILE_MATERIALS), list(attrs.SHAPES)
    start = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    carpets, links, images = [], [], []
    for n in range(1, n_carpets + 1):
        construction = rng.choice(["hand_knotted"] * 6 + ["hand_tufted"] * 3 + ["flat_weave"])
        material, colour = rng.choice(materials), rng.choice(colours)
        design, shape = rng.choice(designs), rng.choice(shapes)
        w_ft, l_ft = rng.choice(SIZES_FT)
        width = int(w_ft * 30.48) + rng.randint(-4, 4)
        length = width if shape in ("round", "square", "octagon") else int(l_ft * 30.48)
        knots = rng.choice([6, 8, 9, 10, 12, 14]) if construction == "hand_knotted" else 0
        title_en = f"{colour.title()} {design} carpet, {construction.replace('_', '-')} {material}"
        title_hi = f"{colour} {design} कालीन {n}"
        weaver = weavers[n % n_weavers]
        sku = f"BKR-B-{n:05d}"
        carpets.append(
            {
                "id": n,
                "sku": sku,
                "slug": f"bench-carpet-{n}",
                "title_en": title_en,
                "title_hi": title_hi,
                "description_en": "Hand-made in Bhadohi. " * 8,
                "description_hi": "भदोही में हाथ से बना। " * 8,
                "source_lang": "hi",
                "construction": construction,
                "pile_material": material,
                "foundation_material": "cotton",
                "dyes": rng.choice(["natural", "synthetic", "mixed"]),
                "kpsi": knots * knots or None,
                "quality": f"{knots}x{knots}" if knots else "",
                "width_cm": width,
                "length_cm": length,
                "shape": shape,
                "pile_height_mm": None if construction == "flat_weave" else rng.randint(6, 18),
                "weight_g": width * length // 3,
                "colour_primary": colour,
                "design": design,
                "weaving_days": rng.randint(20, 300),
                "hsn_code": attrs.HSN_BY_CONSTRUCTION[construction],
                "price_paise": rng.randint(40, 2_000) * 100_000 // 10 * 10,
                "stock": 1,
                "status": "sold" if n % 10 == 0 else "published",
                "published_at": start + dt.timedelta(minutes=37 * n),
                "search_text": normalise_search(
                    f"{title_en} {title_hi} {sku} {weaver['name_en']} {weaver['name_hi']}"
                ),
            }
        )
        links.append({"carpet_id": n, "weaver_id": weaver["id"]})
        if n % 9 == 0:
            links.append({"carpet_id": n, "weaver_id": weavers[(n + 1) % n_weavers]["id"]})
        images.append(
            {
                "carpet_id": n,
                "position": 0,
                "image_key": _key("carpet", n),
                "width": 1000,
                "height": 1500,
                "alt_en": f"{title_en}: the whole carpet",
                "alt_hi": f"{title_hi}: पूरा कालीन",
            }
        )
        if len(carpets) >= BATCH:
            _flush(carpets, links, images)
    _flush(carpets, links, images)
    rates = [
        {"currency": c, "inr_per_unit": r, "effective_on": dt.date(2026, 1, 1), "source": "bench"}
        for c, r in (("USD", "88.5"), ("EUR", "96.2"), ("GBP", "112.4"))
    ]
    db.session.execute(insert(ExchangeRate), rates)
    db.session.commit()
    return {"weavers": n_weavers, "carpets": n_carpets}


def _flush(carpets: list[dict], links: list[dict], images: list[dict]) -> None:
    if carpets:
        db.session.execute(insert(Carpet), carpets)
        db.session.execute(insert(carpet_weaver), links)
        db.session.execute(insert(CarpetImage), images)
    carpets.clear()
    links.clear()
    images.clear()
