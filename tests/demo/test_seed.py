"""``flask seed-demo``: weavers, carpets with drawn photos, rates and demo logins; --if-empty."""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image
from sqlalchemy import func, select

from storefront.accounts.models import User
from storefront.catalog.models import Carpet, CarpetImage
from storefront.demo.carpets_data import plan_carpet
from storefront.demo.core import SEED
from storefront.demo.weavers_data import WEAVERS
from storefront.extensions import db
from storefront.media.services import media_path
from storefront.money import ExchangeRate
from storefront.weavers.models import GI_DISTRICTS, Weaver


def _count(model) -> int:  # noqa: ANN001
    return db.session.scalar(select(func.count()).select_from(model))


def test_seed_demo_small(app, runner):
    result = runner.invoke(args=["seed-demo", "--weavers", "3", "--carpets", "5"])
    assert result.exit_code == 0, result.output
    assert _count(Weaver) == 3
    assert _count(Carpet) == 5
    assert "staff@bunkar.example / bunkar-staff-demo" in result.output
    assert "+919876543210 / bunkar-weaver-demo" in result.output

    carpets = db.session.scalars(select(Carpet).order_by(Carpet.id)).all()
    for carpet in carpets:
        assert 2 <= len(carpet.images) <= 4
        assert carpet.images[0].alt_en and carpet.images[0].alt_hi
        assert carpet.weavers and carpet.title_hi and carpet.sku
        assert carpet.search_text and carpet.weavers[0].name_en.lower() in carpet.search_text
    image = db.session.scalars(select(CarpetImage)).first()
    assert 800 <= max(image.width, image.height) <= 1200
    for width in (400, 1000):
        path = media_path(image.image_key, width, "jpg")
        assert path.is_file()
        with Image.open(path) as stored:
            assert not stored.getexif() and "icc_profile" not in stored.info
    assert all(w.photo_key for w in db.session.scalars(select(Weaver)))
    assert Path(media_path(carpets[0].weavers[0].photo_key, 400, "webp")).is_file()

    staff = db.session.scalar(select(User).where(User.email == "staff@bunkar.example"))
    assert staff.role == "staff" and staff.check_password("bunkar-staff-demo")
    weaver_user = db.session.scalar(select(User).where(User.phone == "+919876543210"))
    assert weaver_user.role == "weaver" and weaver_user.check_password("bunkar-weaver-demo")
    first = db.session.scalar(select(Weaver).where(Weaver.slug == WEAVERS[0]["slug"]))
    assert first.user_id == weaver_user.id
    rates = {(r.currency, str(r.effective_on)): r for r in db.session.scalars(select(ExchangeRate))}
    assert str(rates[("USD", "2026-11-01")].inr_per_unit).startswith("88.6")
    assert rates[("GBP", "2026-11-01")].source == "demo"


def test_seed_demo_if_empty_does_nothing_the_second_time(app, runner):
    assert runner.invoke(args=["seed-demo", "--weavers", "2", "--carpets", "2"]).exit_code == 0
    before = (_count(Weaver), _count(Carpet), _count(CarpetImage), _count(User))
    result = runner.invoke(args=["seed-demo", "--if-empty", "--weavers", "2", "--carpets", "2"])
    assert result.exit_code == 0
    assert "already has carpets" in result.output
    assert (_count(Weaver), _count(Carpet), _count(CarpetImage), _count(User)) == before
    # Without the flag the demo cooperative is not loaded twice either.
    result = runner.invoke(args=["seed-demo", "--weavers", "2", "--carpets", "2"])
    assert result.exit_code == 0 and "already loaded" in result.output
    assert _count(Carpet) == before[1]


def test_seeded_pages_work_in_both_languages(app, runner, client):
    assert runner.invoke(args=["seed-demo", "--weavers", "2", "--carpets", "3"]).exit_code == 0
    carpet = db.session.scalars(select(Carpet).where(Carpet.status == "published")).first()
    for lang in ("en", "hi"):
        for url in ("/", "/weavers/", f"/weavers/{WEAVERS[0]['slug']}", f"/carpets/{carpet.slug}"):
            assert client.get(f"/{lang}{url}").status_code == 200, url


def test_demo_weavers_are_varied_and_bilingual():
    assert len(WEAVERS) == 12
    assert len({w["slug"] for w in WEAVERS}) == 12
    assert all(w["district"] in GI_DISTRICTS and w["name_hi"] and w["bio_hi"] for w in WEAVERS)
    assert 2 <= sum(1 for w in WEAVERS if not w["bio_en"]) <= 4  # some write in Hindi only
    assert {"bhadohi", "mirzapur"} <= {w["district"] for w in WEAVERS}


def test_sixty_demo_carpets_are_realistic_and_varied():
    rng = random.Random(SEED)  # the same sequence as the real demo data
    plans = [plan_carpet(n, WEAVERS[n % 12], rng, n // 12) for n in range(60)]
    knotted = [p for p in plans if p["construction"] == "hand_knotted"]
    assert len(knotted) > len(plans) / 2
    assert {p["construction"] for p in plans} == {"hand_knotted", "hand_tufted", "flat_weave"}
    assert {"wool", "silk", "wool_silk", "viscose"} <= {p["pile_material"] for p in plans}
    assert {"rectangle", "runner", "round"} <= {p["shape"] for p in plans}
    assert {"mir", "gabbeh", "tribal", "medallion", "floral"} <= {p["design"] for p in plans}
    for p in plans:
        assert 8000_00 <= p["price_paise"] <= 600000_00
        assert p["title_en"] and p["title_hi"] and p["description_en"] and p["description_hi"]
        if p["construction"] == "hand_knotted":
            assert 30 <= p["kpsi"] <= 300
            a, b = (int(x) for x in p["quality"].split("x"))
            assert a * b == p["kpsi"]
        else:
            assert p["kpsi"] is None and "knotted" not in p["title_en"].lower()
        if p["pile_material"] == "viscose":
            assert "silk" not in p["title_en"].lower() and "रेशम" not in p["title_hi"]
    by_area = sorted(
        (p["width_cm"] * p["length_cm"], p["price_paise"])
        for p in knotted
        if p["pile_material"] == "wool"
    )
    assert by_area[-1][1] > by_area[0][1]  # bigger carpets cost more
