"""Payment gateways by name. A gateway without keys is not offered; ``fake`` never in production."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from flask import current_app

from storefront.payments.base import Gateway

# name -> "module:Class". Order of PAYMENT_GATEWAYS in config decides the order shown at checkout.
GATEWAYS: dict[str, str] = {
    "razorpay": "storefront.payments.razorpay_gateway:RazorpayGateway",
    "stripe": "storefront.payments.stripe_gateway:StripeGateway",
    "fake": "storefront.payments.fake_gateway:FakeGateway",
}


def get_gateway(name: str, config: Any = None) -> Gateway:
    """Instantiate gateway ``name`` with the app config (raises KeyError if unknown)."""
    module_name, class_name = GATEWAYS[name].split(":")
    cls = getattr(import_module(module_name), class_name)
    return cls(config if config is not None else current_app.config)


def available_gateways(config: Any = None) -> list[str]:
    """Names of gateways enabled in PAYMENT_GATEWAYS that have their keys configured."""
    config = config if config is not None else current_app.config
    names = []
    for name in config.get("PAYMENT_GATEWAYS", ()):
        if name not in GATEWAYS:
            continue
        if name == "fake" and config.get("ENV_NAME") == "production":
            continue  # belt and braces: ProductionConfig already refuses it
        if get_gateway(name, config).is_configured(config):
            names.append(name)
    return names
