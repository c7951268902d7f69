"""WSGI entry for benchmarks: the real app plus a bare ``/bench/hello`` route (bench only)."""

from __future__ import annotations

from storefront import create_app

app = create_app()


def hello() -> str:
    return "Hello"


app.add_url_rule("/bench/hello", "bench_hello", hello)
