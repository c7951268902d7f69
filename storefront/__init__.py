"""Bunkar storefront: the application factory."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask

from config import BASE_DIR, load_config

# Every module that defines tables, so metadata (create_all, Alembic) sees them all.
MODEL_MODULES = (
    "storefront.money",
    "storefront.accounts.models",
    "storefront.weavers.models",
    "storefront.catalog.models",
    "storefront.catalog.listing_models",
    "storefront.payments.webhooks",
    "storefront.orders.models",
    "storefront.checkout.models",
    "storefront.payments.models",
    "storefront.feeds.models",
)


def create_app(config: str | None = None, **overrides: Any) -> Flask:
    """Build the app for ``config`` (development, testing, production) plus ``overrides``."""
    app = Flask(
        __name__,
        template_folder=str(BASE_DIR / "templates"),
        static_folder=str(BASE_DIR / "static"),
        instance_path=str(BASE_DIR / "instance"),
    )
    app.config.update(load_config(config))
    app.config.update(overrides)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)  # default SQLite file lives here

    register_extensions(app)
    register_i18n(app)
    register_templates(app)
    register_security(app)
    register_mail(app)
    register_blueprints(app)
    register_errors(app)
    register_commands(app)
    return app


def register_extensions(app: Flask) -> None:
    from importlib import import_module

    from storefront.extensions import csrf, db, limiter, login_manager, migrate

    for module in MODEL_MODULES:
        import_module(module)
    from storefront.accounts.models import load_user

    login_manager.user_loader(load_user)

    db.init_app(app)
    migrate.init_app(app, db, directory=str(BASE_DIR / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    if app.config.get("REDIS_URL"):
        app.config.setdefault("RATELIMIT_STORAGE_URI", app.config["REDIS_URL"])
    app.config.setdefault("RATELIMIT_STORAGE_URI", "memory://")
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.session_protection = "strong"
    login_manager.login_view = "accounts.login"


def register_i18n(app: Flask) -> None:
    from storefront import i18n, money

    i18n.init_app(app)
    money.init_app(app)


def register_templates(app: Flask) -> None:
    from storefront.media import helpers

    helpers.init_app(app)
    from storefront import feeds

    feeds.init_app(app)


def register_security(app: Flask) -> None:
    from storefront import security

    security.init_app(app)


def register_mail(app: Flask) -> None:
    from storefront import mail

    mail.init_app(app)


def register_blueprints(app: Flask) -> None:
    from storefront.accounts.views import bp as accounts_bp
    from storefront.admin.views import bp as admin_bp
    from storefront.cart.views import bp as cart_bp
    from storefront.catalog.views import bp as catalog_bp
    from storefront.checkout.views import bp as checkout_bp
    from storefront.feeds.views import bp as feeds_bp
    from storefront.media.views import bp as media_bp
    from storefront.orders.views import bp as orders_bp
    from storefront.payments.views import bp as payments_bp
    from storefront.site.views import bp as site_bp
    from storefront.weavers.shop_views import bp as shop_bp
    from storefront.weavers.views import bp as weavers_bp

    for bp in (
        site_bp,
        catalog_bp,
        weavers_bp,
        shop_bp,
        accounts_bp,
        admin_bp,
        cart_bp,
        checkout_bp,
        orders_bp,
        payments_bp,
        feeds_bp,
        media_bp,
    ):
        app.register_blueprint(bp)


def register_errors(app: Flask) -> None:
    from storefront import errors

    errors.init_app(app)


def register_commands(app: Flask) -> None:
    from storefront import cli

    cli.init_app(app)
