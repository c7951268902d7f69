"""Page speed of the public catalog under gunicorn, as ratios to a bare Flask route.

What it does, in one run:
  1. builds a throwaway database with 10,000 carpets (one photo row each; the files need not
     exist), 120 weavers and exchange rates - SQLite in a temp dir, or a temp PostgreSQL database;
  2. serves the app with gunicorn (2 sync workers) on a free 127.0.0.1 port, with a bare
     ``/bench/hello`` route added only in the bench app (``bench/wsgi_bench.py``);
  3. measures requests/second from a threaded Python client (each request a new connection, as
     sync workers close it) for: hello, the catalog page 1 (24 cards), a deep catalog page (a keyset
     cursor 300 pages in, plus ``?page=300`` by offset for information), a product page, in
     interleaved rounds: each page's ratio uses a hello measured right before and after it, and
     the median over rounds is reported (the machine may be busy with other work); for
     information also the catalog and product pages rendered cold on every request (a second
     server with the memoised pages and fragments switched off, ``BENCH_NO_MEMO=1``);
  4. prints each rate and its ratio to hello (targets: catalog >= 0.25, product >= 0.30), and the
     first-view weight of ``/hi/carpets/`` (HTML + linked CSS + fonts the CSS references; no gzip),
     which must stay under 150 KB before images. Exits 1 if a target is missed.

Run from the repository root:
  .venv/bin/python bench/pages.py                      # SQLite, 10 s per page in 5 rounds
  .venv/bin/python bench/pages.py --db postgres        # temp database on the local server
  .venv/bin/python bench/pages.py --seconds 10 --clients 4 --carpets 20000
Options: --pg-url (default postgresql://postgres@127.0.0.1:5432/postgres), --keep (keep the DB).
Figures vary with the machine and its load; compare ratios, not absolute rates.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TARGETS = {"catalog": 0.25, "deep": 0.25, "product": 0.30}
WEIGHT_LIMIT = 150 * 1024


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(port: int, path: str) -> tuple[int, bytes]:
    """One GET on a fresh connection; (status, body)."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n".encode())
        chunks = []
        while data := sock.recv(65536):
            chunks.append(data)
    raw = b"".join(chunks)
    head, _, body = raw.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), body


def measure(port: int, path: str, seconds: float, clients: int, max_requests: int) -> float:
    """Requests per second for ``path`` with ``clients`` threads for ``seconds`` (after warm-up)."""
    for _ in range(4):
        status, _body = fetch(port, path)
        if status != 200:
            raise SystemExit(f"{path} answered {status}")
    done = [0] * clients
    stop = time.perf_counter() + seconds
    budget = max_requests // clients

    def worker(i: int) -> None:
        request = f"GET {path} HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n".encode()
        while done[i] < budget and time.perf_counter() < stop:
            with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
                sock.sendall(request)
                first = sock.recv(65536)
                if not first.startswith(b"HTTP/1.1 200"):
                    raise RuntimeError(first[:100])
                while sock.recv(65536):
                    pass
            done[i] += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(done) / (time.perf_counter() - started)


def page_weight(port: int, path: str) -> dict[str, int]:
    """Bytes of the HTML, the stylesheets it links and the font files those stylesheets use."""
    _status, html = fetch(port, path)
    sizes = {"html": len(html), "css": 0, "fonts": 0}
    seen: set[str] = set()
    for href in re.findall(rb'<link rel="stylesheet" href="([^"]+)"', html):
        _s, css = fetch(port, href.decode())
        sizes["css"] += len(css)
        base = href.decode().rsplit("/", 1)[0]
        for url in re.findall(rb'url\("?([^")]+\.woff2)"?\)', css):
            font = os.path.normpath(f"{base}/{url.decode()}")
            if font not in seen:
                seen.add(font)
                _s, data = fetch(port, font)
                sizes["fonts"] += len(data)
    return sizes


def prepare_database(kind: str, pg_url: str, workdir: Path) -> tuple[str, str | None]:
    """A database URL for an empty throwaway database (and the PG database name to drop)."""
    if kind == "sqlite":
        return f"sqlite:///{workdir / 'bench.db'}", None
    import psycopg

    name = f"bench_pages_{os.getpid()}"
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return pg_url.rsplit("/", 1)[0] + "/" + name, name


def drop_database(pg_url: str, name: str | None) -> None:
    if not name:
        return
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def build_catalog(env: dict[str, str], carpets: int) -> dict[str, str]:
    """Create the schema and data; return the bench URLs (deep cursor, a product slug)."""
    os.environ.update(env)
    from sqlalchemy import select

    from bench.catalog_data import build
    from storefront import create_app
    from storefront.catalog.filters import encode_cursor
    from storefront.catalog.models import Carpet
    from storefront.extensions import db

    app = create_app()
    with app.app_context():
        db.create_all()
        started = time.perf_counter()
        build(n_carpets=carpets)
        # Planner statistics, as autovacuum (PostgreSQL) or a deploy step would provide them.
        with db.engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql(
                "VACUUM ANALYZE" if db.engine.dialect.name == "postgresql" else "ANALYZE"
            )
        print(f"built {carpets:,} carpets in {time.perf_counter() - started:.1f} s")
        # The row just before page 300 in the default order (available first, newest first).
        row = db.session.execute(
            select(Carpet.status, Carpet.published_at, Carpet.id)
            .where(Carpet.status == "published")
            .order_by(Carpet.published_at.desc(), Carpet.id.desc())
            .offset(299 * 24 - 1)
            .limit(1)
        ).one()
        cursor = encode_cursor(*row)
        slug = db.session.scalar(
            select(Carpet.slug)
            .where(Carpet.status == "published")
            .order_by(Carpet.id)
            .offset(carpets // 2)
        )
        db.engine.dispose()
    return {
        "hello": "/bench/hello",
        "catalog": "/hi/carpets/",
        "deep": f"/hi/carpets/?page=300&after={cursor}",
        "deep_offset": "/hi/carpets/?page=300",
        "product": f"/hi/carpets/{slug}",
    }


def serve(env: dict[str, str], port: int, log: Path) -> subprocess.Popen:
    gunicorn = Path(sys.executable).with_name("gunicorn")
    cmd = [
        str(gunicorn) if gunicorn.exists() else "gunicorn",
        "--workers", "2", "--worker-class", "sync", "--bind", f"127.0.0.1:{port}",
        "--pythonpath", str(ROOT), "--chdir", str(ROOT), "--error-logfile", str(log),
        "bench.wsgi_bench:app",
    ]  # fmt: skip
    proc = subprocess.Popen(cmd, env={**os.environ, **env}, stdout=subprocess.DEVNULL)
    for _ in range(200):
        try:
            if fetch(port, "/bench/hello")[0] == 200:
                return proc
        except OSError:
            time.sleep(0.1)
    proc.terminate()
    raise SystemExit(f"gunicorn did not start; see {log}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--pg-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--carpets", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=10.0, help="per page, over all rounds")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--max-requests", type=int, default=100_000)
    parser.add_argument("--keep", action="store_true", help="keep the throwaway database")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="bunkar-bench-"))
    url, pg_name = prepare_database(args.db, args.pg_url, workdir)
    env = {
        "DATABASE_URL": url,
        "BUNKAR_ENV": "production",
        "SECRET_KEY": "bench-only-secret",
        "PAYMENT_GATEWAYS": "razorpay",
        "MEDIA_ROOT": str(workdir / "media"),
        "PUBLIC_BASE_URL": "http://127.0.0.1",
    }
    urls = build_catalog(env, args.carpets)
    port, cold_port = free_port(), free_port()
    proc = serve(env, port, workdir / "gunicorn.log")
    cold = serve({**env, "BENCH_NO_MEMO": "1"}, cold_port, workdir / "gunicorn-cold.log")
    ports = {"catalog_cold": cold_port, "product_cold": cold_port}
    urls["catalog_cold"], urls["product_cold"] = urls["catalog"], urls["product"]
    pages = ["catalog", "deep", "deep_offset", "product", "catalog_cold", "product_cold"]
    rates: dict[str, list[float]] = {name: [] for name in ["hello", *pages]}
    ratios: dict[str, list[float]] = {name: [] for name in pages}
    try:
        # Interleaved rounds: each page is compared with a hello measured right next to it, so
        # load from other processes on the machine affects both sides of each ratio alike.
        slot = args.seconds / args.rounds
        for _ in range(args.rounds):
            for name in pages:
                before = measure(port, urls["hello"], slot / 2, args.clients, args.max_requests)
                page_port = ports.get(name, port)
                rps = measure(page_port, urls[name], slot, args.clients, args.max_requests)
                after = measure(port, urls["hello"], slot / 2, args.clients, args.max_requests)
                rates["hello"] += [before, after]
                rates[name].append(rps)
                ratios[name].append(rps / ((before + after) / 2))
        weight = page_weight(port, "/hi/carpets/")
    finally:
        for server in (proc, cold):
            server.terminate()
            server.wait(timeout=30)
        if not args.keep:
            drop_database(args.pg_url, pg_name)
            shutil.rmtree(workdir, ignore_errors=True)

    ok = True
    print(f"\ndatabase: {args.db}, {args.carpets:,} carpets; gunicorn 2 sync workers; "
          f"{args.clients} client threads; {args.rounds} interleaved rounds, "
          f"{args.seconds:g} s per page")  # fmt: skip
    print(f"{'page':<13}{'req/s':>8}{'ratio':>7}  {'target':<11} url  (medians of the rounds)")
    print(f"{'hello':<13}{median(rates['hello']):>8.0f}{1:>7.2f}  {'':<11} /bench/hello")
    for name in pages:
        ratio = median(ratios[name])
        target = TARGETS.get(name)
        verdict = "" if target is None else ("ok" if ratio >= target else "MISSED")
        ok = ok and verdict != "MISSED"
        shown = f">={target:.2f} {verdict}" if target else "(info)"
        print(f"{name:<13}{median(rates[name]):>8.0f}{ratio:>7.2f}  {shown:<11} {urls[name][:58]}")
    spread = ", ".join(f"{r:.2f}" for r in sorted(ratios["catalog"]))
    print(f"(catalog ratios per round: {spread})")
    total = sum(weight.values())
    verdict = "ok" if total < WEIGHT_LIMIT else "MISSED"
    ok = ok and verdict == "ok"
    print(
        f"\nfirst view of /hi/carpets/: {total / 1024:.1f} KB (< 150 KB {verdict}) = "
        f"HTML {weight['html'] / 1024:.1f} + CSS {weight['css'] / 1024:.1f} + "
        f"fonts {weight['fonts'] / 1024:.1f} KB, before images"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
