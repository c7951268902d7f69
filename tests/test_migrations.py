"""Migrations build the same schema as the models: `flask db upgrade` on an empty database."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from storefront.extensions import db
from tests.conftest import IS_POSTGRES


def _fresh(app) -> None:  # noqa: ANN001
    db.drop_all()
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")


def test_upgrade_from_empty_matches_models(app):
    _fresh(app)
    upgrade()
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, db.metadata)
    assert diff == [], f"models and migrations differ: {diff}"
    assert "carpet" in inspect(db.engine).get_table_names()
    downgrade(revision="base")
    leftover = set(inspect(db.engine).get_table_names()) - {"alembic_version"}
    assert leftover == set()
    if IS_POSTGRES:
        db.create_all()  # leave the shared schema as the other tests expect
