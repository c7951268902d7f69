"""Shared fixtures: an app per test on a clean database (SQLite in memory, or PostgreSQL).

Set TEST_DATABASE_URL=postgresql://... to run the same suite on PostgreSQL.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import text

from storefront import create_app
from storefront.extensions import db

IS_POSTGRES = bool(os.environ.get("TEST_DATABASE_URL", "").startswith("postgres"))


@pytest.fixture(scope="session")
def _schema_ready() -> dict[str, bool]:
    return {"created": False}


@pytest.fixture
def app(tmp_path: Path, _schema_ready: dict[str, bool]) -> Iterator[Flask]:
    app = create_app("testing", MEDIA_ROOT=str(tmp_path / "media"))
    fresh_g_per_request(app)
    with app.app_context():
        if IS_POSTGRES:
            if not _schema_ready["created"]:
                db.drop_all()
                db.create_all()
                _schema_ready["created"] = True
            else:
                _truncate_all()
        else:
            db.create_all()
        yield app
        db.session.remove()
        if not IS_POSTGRES:
            db.drop_all()
        db.engine.dispose()


def fresh_g_per_request(app: Flask) -> None:
    """The test holds one app context, so requests would share ``g``: the signed-in user and
    the locale cached by Flask-Login and Flask-Babel would leak from one request to the next."""
    from flask import g, request_started

    def clear(sender: Flask, **extra: object) -> None:
        for key in ("_login_user", "_flask_babel"):
            g.pop(key, None)

    request_started.connect(clear, app, weak=False)


def _truncate_all() -> None:
    tables = ", ".join(f'"{t.name}"' for t in db.metadata.sorted_tables)
    db.session.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    db.session.commit()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask):  # noqa: ANN201
    return app.test_cli_runner()


def login(client: FlaskClient, user) -> None:  # noqa: ANN001
    """Sign ``user`` in on ``client`` the way Flask-Login would (strong session protection)."""
    from flask_login.utils import _create_identifier

    app = client.application
    with app.test_request_context(environ_base=client.environ_base):
        ident = _create_identifier()
    with client.session_transaction() as sess:
        sess["_user_id"] = user.get_id()
        sess["_fresh"] = True
        sess["_id"] = ident


def logout(client: FlaskClient) -> None:
    with client.session_transaction() as sess:
        sess.clear()
