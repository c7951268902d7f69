"""Small helpers for catalog tests: count SQL statements, read JSON-LD, build a few carpets."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from storefront.extensions import db


@contextmanager
def count_statements() -> Iterator[list[str]]:
    """Collect every SQL statement sent to the database inside the block."""
    seen: list[str] = []

    def before(conn, cursor, statement, parameters, context, executemany):  # noqa: ANN001
        seen.append(statement)

    engine = db.engine
    event.listen(engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", before)


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD block"
    return json.loads(match.group(1))


def og(html: str) -> dict[str, str]:
    return dict(re.findall(r'<meta property="([^"]+)" content="([^"]*)">', html))


def card_slugs(html: str) -> list[str]:
    return re.findall(r'<a class="carpet-card-link" href="/[a-z]{2}/carpets/([^"]+)"', html)
