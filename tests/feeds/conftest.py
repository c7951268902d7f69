"""Feed fixtures: a catalog with one carpet in every state, and a fetch helper."""

from __future__ import annotations

import pytest

from tests.feeds.builders import make_catalog


@pytest.fixture
def catalog(app):  # noqa: ANN001, ANN201
    return make_catalog()


@pytest.fixture
def fetch(client):  # noqa: ANN001, ANN201
    """GET a feed path under /feeds/ and return the response (body read)."""

    def get(path: str, **kwargs):  # noqa: ANN003, ANN202
        response = client.get(f"/feeds/{path}", **kwargs)
        response.get_data()
        return response

    return get
