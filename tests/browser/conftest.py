"""Browser tests: the app served on 127.0.0.1 in a thread, driven by Debian's headless Chromium.

They skip (with the reason) when /usr/bin/chromium or Playwright is missing, unless
REQUIRE_BROWSER=1 (set by .ci/run), where a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from storefront import create_app
from storefront.extensions import db
from tests.conftest import IS_POSTGRES, _truncate_all

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _need_browser() -> None:
    missing = None
    if not Path(CHROMIUM).exists():
        missing = "Debian's chromium is not installed (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            missing = "playwright is not installed (pip install -e '.[dev]')"
    if missing:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(missing)
        pytest.skip(missing)


@pytest.fixture
def live_app(tmp_path: Path):  # noqa: ANN201
    """An app on a real database file (or PostgreSQL) that a server thread can share."""
    overrides = {"MEDIA_ROOT": str(tmp_path / "media"), "PUBLIC_BASE_URL": "http://127.0.0.1"}
    if not IS_POSTGRES:
        overrides["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{tmp_path / 'live.db'}"
    app = create_app("testing", **overrides)
    with app.app_context():
        if IS_POSTGRES:
            db.create_all()
            _truncate_all()
        else:
            db.create_all()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def live_server(live_app) -> Iterator[str]:  # noqa: ANN001
    """Base URL of ``live_app`` served by Werkzeug on a free port."""
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture
def browser_page():  # noqa: ANN201
    """A Playwright page in headless Debian Chromium at phone width (360 px)."""
    _need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 360, "height": 780}, locale="hi-IN")
        page = context.new_page()
        page.set_default_timeout(15000)
        yield page
        context.close()
        browser.close()
