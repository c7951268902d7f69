"""Each export costs the same number of statements whatever the catalog size (no N+1)."""

from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import event

from storefront.extensions import db
from storefront.feeds.export import feed_paths
from tests.builders import make_carpet, make_weaver
from tests.feeds.builders import make_catalog, set_fsn


@contextmanager
def counting():  # noqa: ANN201
    statements: list[str] = []

    def count(conn, cursor, statement, *args):  # noqa: ANN001, ANN002
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def _grow(count: int) -> None:
    """Add ``count`` carpets: two weavers each, 0-3 photos, an FSN."""
    weavers = [make_weaver(), make_weaver()]
    for n in range(count):
        carpet = make_carpet(weaver=weavers[n % 2], images=n % 4)
        carpet.weavers.append(weavers[(n + 1) % 2])
        set_fsn(carpet, f"CRPFSN{n:010d}")
    db.session.commit()


def _count(client, path: str) -> int:  # noqa: ANN001
    with counting() as statements:
        response = client.get(f"/feeds/{path}")
        assert response.status_code == 200
        response.get_data()
    return len(statements)


def test_statement_count_does_not_grow_with_the_catalog(app, client):
    make_catalog()  # 4 carpets in the feeds
    _grow(1)
    small = {path: _count(client, path) for path in feed_paths()}
    _grow(45)
    large = {path: _count(client, path) for path in feed_paths()}
    assert small == large
    # rates, summary, (parts count), shipping bands, then carpets, images, weavers
    assert max(large.values()) <= 8
