"""Gateway fixtures: test keys in the app config and the two HTTP-boundary fakes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import responses
from flask import Flask

from tests.payments.fake_razorpay import FakeRazorpay
from tests.payments.fakes import KEYS, FakeStripe


@pytest.fixture
def keys(app: Flask) -> dict[str, str]:
    """Stripe and Razorpay test keys (the app reads config per request)."""
    app.config.update(KEYS)
    return KEYS


@pytest.fixture
def rsps() -> Iterator[responses.RequestsMock]:
    """Intercept every HTTP call; an unregistered URL raises ConnectionError (no network)."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


@pytest.fixture
def fake_stripe(keys: dict[str, str], rsps: responses.RequestsMock) -> FakeStripe:
    return FakeStripe(rsps)


@pytest.fixture
def fake_razorpay(keys: dict[str, str], rsps: responses.RequestsMock) -> FakeRazorpay:
    return FakeRazorpay(rsps)
