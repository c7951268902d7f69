"""Benchmark the marketplace feed exports on a synthetic catalog.

    .venv/bin/python bench/feeds.py                      # 10k and 100k carpets, throwaway SQLite
    .venv/bin/python bench/feeds.py --sizes 100000 --database-url postgresql://postgres@127.0.0.1/bench

For each size it bulk-inserts N carpets (with photos, weavers, FSNs, rates and shipping bands),
then runs every measurement in a fresh subprocess so that peak RSS (``ru_maxrss``) belongs to that
one export. Printed per export: CPU seconds (user + system of the process, so SQLite's own work is
included; PostgreSQL's server time is not), wall seconds, CPU per 1,000 items, the ratio to simply
streaming the same rows (the three statements, no formatting), peak RSS, statements executed, and
the output size. The database URL given is emptied and filled (``drop_all``/``create_all``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PATHS = (
    "google/en-US.xml",
    "google/hi-IN.xml",
    "google/en-IN.tsv",
    "meta/en-IN.csv",
    "meta/lang-hi_IN.csv",
    "meta/country-overrides.csv",
    "amazon/IN.json",
    "flipkart.json",
    "alibaba.json",
)
BATCH = 5000
WORDS_EN = ("hand-knotted", "wool", "carpet", "indigo", "ivory", "rust", "medallion", "floral")
WORDS_EN += ("border", "field")
WORDS_HI = ("हाथ", "से", "बुना", "ऊनी", "कालीन", "नीला", "लाल", "बूटा", "फूलदार", "किनारा")
WORDS_HI += ("भदोही", "गाँठ")
NOMINAL_FEET = ((2, 3), (3, 5), (4, 6), (5, 8), (6, 9), (8, 10), (9, 12), (10, 14), (12, 15))
NOMINAL_FEET += ((2.5, 8), (2.5, 10), (2.5, 12))


def _app(database_url: str):  # noqa: ANN202
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("PUBLIC_BASE_URL", "https://bunkar.example")
    from storefront import create_app

    return create_app("development", RATELIMIT_ENABLED=False)


def generate(database_url: str, n: int, seed: int = 7) -> None:
    """Fill the database with ``n`` carpets (bulk INSERTs, no ORM objects)."""
    from sqlalchemy import insert

    from storefront.catalog.models import Carpet, CarpetImage, carpet_weaver
    from storefront.checkout.models import ShippingRate
    from storefront.extensions import db
    from storefront.feeds.models import ChannelListing
    from storefront.money import ExchangeRate
    from storefront.weavers.models import GI_DISTRICTS, Weaver

    rnd = random.Random(seed)
    app = _app(database_url)
    with app.app_context():
        db.drop_all()
        db.create_all()
        conn = db.session.connection()
        weavers = max(1, n // 20)
        conn.execute(
            insert(Weaver),
            [
                {
                    "slug": f"weaver-{i}",
                    "name_en": f"Weaver {i}",
                    "name_hi": f"बुनकर {i}",
                    "village_en": "Gopiganj",
                    "village_hi": "गोपीगंज",
                    "district": GI_DISTRICTS[i % len(GI_DISTRICTS)],
                    "gi_user_number": f"GI/{i:05d}" if i % 3 else None,
                    "status": "active" if i % 50 else "suspended",
                }
                for i in range(1, weavers + 1)
            ],
        )
        today = dt.date.today()
        conn.execute(
            insert(ExchangeRate),
            [
                {"currency": c, "inr_per_unit": Decimal(r), "effective_on": today, "source": "b"}
                for c, r in (("USD", "88.50"), ("EUR", "96.20"), ("GBP", "112.40"))
            ],
        )
        conn.execute(
            insert(ShippingRate),
            [
                {"zone": "in", "countries": "IN", "max_weight_g": 80000, "price_paise": 0},
                {"zone": "w", "countries": "*", "max_weight_g": 30000, "price_paise": 900000},
                {"zone": "w2", "countries": "*", "max_weight_g": 70000, "price_paise": 1500000},
            ],
        )
        published = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        for start in range(1, n + 1, BATCH):
            ids = range(start, min(n, start + BATCH - 1) + 1)
            carpets, images, links, fsns = [], [], [], []
            for i in ids:
                roll = rnd.random()
                status = (
                    "published"
                    if roll < 0.9
                    else "sold"
                    if roll < 0.95
                    else "archived"
                    if roll < 0.98
                    else "draft"
                )
                # Sold by nominal trade size, measured a few cm off (as handmade rugs are).
                feet_w, feet_l = rnd.choice(NOMINAL_FEET)
                width = round(feet_w * 30.48) - rnd.randint(0, 4)
                length = round(feet_l * 30.48) - rnd.randint(0, 4)
                area_m2 = width * length / 10_000
                construction = rnd.choice(("hand_knotted", "hand_tufted", "flat_weave"))
                gsm = {"hand_knotted": 3400, "hand_tufted": 3000, "flat_weave": 1800}[construction]
                weight = None if rnd.random() < 0.1 else round(area_m2 * gsm, -2)
                per_sq_ft = rnd.choice((450, 700, 950, 1400, 2200))
                price_rupees = round(area_m2 * 10.764 * per_sq_ft, -2)
                words = rnd.sample(WORDS_EN, 5)
                carpets.append(
                    {
                        "id": i,
                        "sku": f"BKR-{i:07d}",
                        "slug": f"carpet-{i}",
                        "title_en": " ".join(words).capitalize() + f" {i}",
                        "title_hi": " ".join(rnd.sample(WORDS_HI, 5)) if i % 7 else "",
                        "description_en": " ".join(rnd.choices(WORDS_EN, k=rnd.randint(30, 120))),
                        "description_hi": " ".join(rnd.choices(WORDS_HI, k=rnd.randint(0, 80))),
                        "construction": construction,
                        "pile_material": rnd.choice(("wool", "nz_wool", "wool_silk", "viscose")),
                        "foundation_material": "cotton",
                        "dyes": rnd.choice(("natural", "synthetic", "mixed")),
                        "kpsi": rnd.choice((None, 64, 100, 144, 225)),
                        "quality": "10x10",
                        "width_cm": width,
                        "length_cm": length,
                        "shape": "runner" if feet_w < 3 else "rectangle",
                        "pile_height_mm": rnd.choice((None, 6, 10, 14)),
                        "weight_g": int(weight) if weight else None,
                        "colour_primary": rnd.choice(("red", "blue", "ivory", "multi")),
                        "colour_secondary": rnd.choice((None, "gold", "rust")),
                        "design": rnd.choice(("medallion", "floral", "geometric", "mir")),
                        "weaving_days": rnd.choice((None, 45, 90, 180)),
                        "hsn_code": "5701",
                        "price_paise": int(price_rupees) * 100,
                        "stock": 0 if status == "sold" else 1,
                        "status": status,
                        "published_at": None if status == "draft" else published,
                    }
                )
                for position in range(rnd.randint(1, 6)):
                    images.append(
                        {
                            "carpet_id": i,
                            "position": position,
                            "image_key": f"{i:016x}{position:016x}",
                            "width": 2000,
                            "height": 3000,
                        }
                    )
                first = rnd.randint(1, weavers)
                links.append({"carpet_id": i, "weaver_id": first})
                if rnd.random() < 0.3 and weavers > 1:
                    links.append({"carpet_id": i, "weaver_id": first % weavers + 1})
                if i % 2:
                    fsn = f"F{i:015d}"
                    fsns.append({"carpet_id": i, "channel": "flipkart", "external_id": fsn})
            conn.execute(insert(Carpet), carpets)
            conn.execute(insert(CarpetImage), images)
            conn.execute(insert(carpet_weaver), links)
            if fsns:
                conn.execute(insert(ChannelListing), fsns)
        db.session.commit()
        if database_url.startswith("postgres"):
            conn = db.session.connection()
            conn.exec_driver_sql("ANALYZE")
            db.session.commit()


def child(database_url: str, path: str) -> dict:
    """One measurement in this (fresh) process: ``path`` or ``read`` (stream the rows only)."""
    from sqlalchemy import event

    app = _app(database_url)
    statements = 0
    items = 0
    size = 0
    with app.app_context():
        from storefront.extensions import db

        def count(*_args) -> None:  # noqa: ANN002
            nonlocal statements
            statements += 1

        event.listen(db.engine, "before_cursor_execute", count)
        with db.engine.connect() as warm:  # connect before timing (pool, dialect setup)
            warm.exec_driver_sql("SELECT 1")
        statements = 0
        cpu0, wall0 = time.process_time(), time.perf_counter()
        if path == "read":
            # The same three statements the Google en-US export runs, rows fetched and dropped.
            from storefront.feeds.context import RETIRED_DAYS
            from storefront.feeds.items import BATCH as YIELD_PER
            from storefront.feeds.queries import statements as feed_statements
            from storefront.feeds.snapshot import catalog_state, open_snapshot

            with open_snapshot() as conn:
                modified = catalog_state(conn).last_modified
                cutoff = modified - dt.timedelta(days=RETIRED_DAYS) if modified else None
                streaming = conn.execution_options(yield_per=YIELD_PER)
                for k, stmt in enumerate(feed_statements(cutoff, langs=("en",))):
                    for batch in streaming.execute(stmt).partitions(YIELD_PER):
                        for row in batch:
                            items += k == 0  # carpets
                            size += len(row)
        else:
            from storefront.feeds.export import open_export
            from storefront.feeds.fields import batched

            part, parts = 1, 1
            with open(os.devnull, "wb") as sink:
                while part <= parts:
                    export = open_export(path, part)
                    parts = export.parts
                    counter = [0]

                    def tick(k: int, counter: list[int] = counter) -> None:
                        counter[0] += k

                    for block in batched(export.chunks(progress=tick)):
                        size += len(block)
                        sink.write(block)
                    items += counter[0]
                    part += 1
        cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    return {
        "path": path,
        "cpu": cpu,
        "wall": wall,
        "items": items,
        "bytes": size,
        "statements": statements,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "hwm_mb": _vm_hwm_mb(),
    }


def _vm_hwm_mb() -> float:
    """Peak RSS of this process image (Linux VmHWM; unlike ru_maxrss, not inherited via fork)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def measure(database_url: str, path: str) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", path, "--database-url", database_url],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--database-url", help="default: a throwaway SQLite file")
    parser.add_argument("--paths", nargs="+", default=list(PATHS))
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--generate", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.database_url, args.child)))
        return
    if args.generate:
        generate(args.database_url, args.generate)
        return
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{tmp}/bench.db"
        for n in args.sizes:
            t0 = time.perf_counter()
            # In a subprocess too: this parent stays small, and a child's ru_maxrss starts from
            # its parent's size at fork.
            cmd = [sys.executable, __file__, "--generate", str(n), "--database-url", url]
            subprocess.run(cmd, check=True, cwd=ROOT)
            kind = url.split(":")[0]
            print(f"\n{n:,} carpets generated in {time.perf_counter() - t0:.1f} s ({kind})")
            base = measure(url, "read")
            print(
                f"{'export':<28}{'items':>8}{'CPU s':>8}{'wall s':>8}{'ms CPU/1k':>10}"
                f"{'x read':>8}{'RSS MB':>8}{'SQL':>5}{'MB out':>8}"
            )
            for result in [base] + [measure(url, p) for p in args.paths]:
                per_k = result["cpu"] / max(result["items"], 1) * 1000 * 1000
                out_mb = result["bytes"] / 1e6 if result["path"] != "read" else 0
                print(
                    f"{result['path']:<28}{result['items']:>8}{result['cpu']:>8.2f}"
                    f"{result['wall']:>8.2f}{per_k:>10.1f}{result['cpu'] / base['cpu']:>8.1f}"
                    f"{result['rss_mb']:>8.1f}{result['statements']:>5}{out_mb:>8.1f}"
                )


if __name__ == "__main__":
    main()
