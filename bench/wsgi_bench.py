"""WSGI entry for benchmarks: the real app plus a bare ``/bench/hello`` route (bench only).

``BENCH_NO_MEMO=1`` switches off the catalog's memoised pages and fragments (a cold render on
every request), to show what the memo is worth.
"""

from __future__ import annotations

import os

from storefront import create_app

app = create_app()
if os.environ.get("BENCH_NO_MEMO") == "1":
    app.config["CATALOG_FRAGMENT_CACHE"] = False


def hello() -> str:
    return "Hello"


app.add_url_rule("/bench/hello", "bench_hello", hello)
