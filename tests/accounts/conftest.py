"""Apps with non-default settings (rate limits on, CSRF on) on the same clean database."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask

from storefront import create_app
from storefront.extensions import db
from tests.browser.conftest import browser_page, live_app, live_server  # noqa: F401
from tests.conftest import IS_POSTGRES, _truncate_all, fresh_g_per_request


@pytest.fixture
def make_app(tmp_path: Path, _schema_ready: dict[str, bool]) -> Iterator[Callable[..., Flask]]:
    """``make_app(RATELIMIT_ENABLED=True)``: a testing app with overrides, inside its context."""
    contexts = []

    def factory(**overrides: object) -> Flask:
        app = create_app("testing", MEDIA_ROOT=str(tmp_path / "media"), **overrides)
        fresh_g_per_request(app)
        ctx = app.app_context()
        ctx.push()
        contexts.append(ctx)
        if IS_POSTGRES:
            if not _schema_ready["created"]:
                db.drop_all()
                db.create_all()
                _schema_ready["created"] = True
            else:
                _truncate_all()
        else:
            db.create_all()
        return app

    yield factory
    for ctx in reversed(contexts):
        db.session.remove()
        if not IS_POSTGRES:
            db.drop_all()
        db.engine.dispose()
        ctx.pop()
