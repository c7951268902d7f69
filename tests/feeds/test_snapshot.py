"""A feed is read from one snapshot: a change committed mid-export is not half in the body."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from storefront.extensions import db
from storefront.feeds.export import open_export
from tests.conftest import IS_POSTGRES
from tests.feeds.builders import make_catalog

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not IS_POSTGRES, reason="needs PostgreSQL (TEST_DATABASE_URL)"),
]


def test_a_commit_during_the_export_does_not_leak_into_it(app):
    catalog = make_catalog()
    sku = catalog["active"].sku
    export = open_export("google/en-IN.xml")  # validators computed, snapshot taken
    # Another connection sells the carpet and changes its price while the feed streams.
    with db.engine.begin() as other:
        other.execute(
            text("UPDATE carpet SET status = 'sold', stock = 0, price_paise = 100 WHERE sku = :s"),
            {"s": sku},
        )
    body = "".join(export.chunks())
    assert f"<g:id>{sku}</g:id>" in body
    item = body.split(f"<g:id>{sku}</g:id>")[1].split("</item>")[0]
    assert "<g:availability>in_stock</g:availability>" in item  # the state the ETag describes
    assert "<g:price>150000.00 INR</g:price>" in item
    fresh = open_export("google/en-IN.xml")
    assert fresh.etag != export.etag
    fresh_body = "".join(fresh.chunks())
    assert "<g:price>1.00 INR</g:price>" in fresh_body
