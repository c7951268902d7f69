"""Configuration, read from the environment when the app is created (never at import).

``load_config(name)`` returns a plain dict for ``app.config``. Production refuses to start without
``SECRET_KEY`` or with the offline test payment gateway.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

BASE_DIR = Path(__file__).resolve().parent


class ConfigError(RuntimeError):
    """The configuration cannot run safely."""


def database_url(url: str) -> str:
    """Normalise a DATABASE_URL for SQLAlchemy (psycopg 3 driver for PostgreSQL)."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


class Config:
    """Defaults shared by every environment."""

    ENV_NAME = "development"
    DEBUG = False
    TESTING = False
    SECRET_KEY = "dev-only-not-secret"
    INSTANCE_DIR = str(BASE_DIR / "instance")
    SQLALCHEMY_DATABASE_URI = "sqlite:///" + str(BASE_DIR / "instance" / "bunkar.db")
    SQLALCHEMY_ENGINE_OPTIONS: dict[str, Any] = {}
    LANGUAGES = ("en", "hi")
    BABEL_DEFAULT_LOCALE = "en"
    BABEL_DEFAULT_TIMEZONE = "Asia/Kolkata"
    BABEL_TRANSLATION_DIRECTORIES = str(BASE_DIR / "translations")
    DISPLAY_CURRENCIES = ("INR", "USD", "EUR", "GBP")
    MAX_CONTENT_LENGTH = 16 * 1024 * 1024
    MAX_IMAGE_PIXELS = 40_000_000
    MEDIA_ROOT = str(BASE_DIR / "instance" / "media")
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    WTF_CSRF_TIME_LIMIT = 8 * 3600
    PUBLIC_BASE_URL = "http://127.0.0.1:5000"
    REDIS_URL = ""
    RATELIMIT_ENABLED = True
    PAYMENT_GATEWAYS: tuple[str, ...] = ("razorpay", "stripe", "fake")
    STRIPE_SECRET_KEY = ""
    STRIPE_WEBHOOK_SECRET = ""
    STRIPE_API_BASE = ""
    RAZORPAY_KEY_ID = ""
    RAZORPAY_KEY_SECRET = ""
    RAZORPAY_WEBHOOK_SECRET = ""
    FEED_USERNAME = ""
    FEED_PASSWORD = ""
    MAIL_BACKEND = "console"  # console | file | smtp
    MAIL_SERVER = "localhost"
    MAIL_PORT = 25
    MAIL_USERNAME = ""
    MAIL_PASSWORD = ""
    MAIL_USE_TLS = False
    MAIL_DEFAULT_SENDER = "Bunkar <shop@bunkar.example>"
    STAFF_EMAIL = "staff@bunkar.example"
    # Seller identity printed on tax invoices (verify with the cooperative's CA).
    SELLER_NAME = "Bhadohi Bunkar Cooperative Society"
    SELLER_GSTIN = "09AAAAB1234C1Z5"
    SELLER_STATE = "Uttar Pradesh"
    SELLER_ADDRESS = "Station Road, Gyanpur, Bhadohi, Uttar Pradesh 221304, India"

    # Environment variables read at app creation, with their types.
    FROM_ENV: Mapping[str, type] = {
        "SECRET_KEY": str,
        "REDIS_URL": str,
        "PUBLIC_BASE_URL": str,
        "STRIPE_SECRET_KEY": str,
        "STRIPE_WEBHOOK_SECRET": str,
        "STRIPE_API_BASE": str,
        "RAZORPAY_KEY_ID": str,
        "RAZORPAY_KEY_SECRET": str,
        "RAZORPAY_WEBHOOK_SECRET": str,
        "FEED_USERNAME": str,
        "FEED_PASSWORD": str,
        "MAIL_BACKEND": str,
        "MAIL_SERVER": str,
        "MAIL_PORT": int,
        "MAIL_USERNAME": str,
        "MAIL_PASSWORD": str,
        "MAIL_USE_TLS": bool,
        "MAIL_DEFAULT_SENDER": str,
        "STAFF_EMAIL": str,
        "MEDIA_ROOT": str,
        "MAX_CONTENT_LENGTH": int,
        "SELLER_GSTIN": str,
    }

    @classmethod
    def settings(cls, environ: Mapping[str, str]) -> dict[str, Any]:
        """Defaults of this class overlaid with the environment."""
        out = {k: getattr(cls, k) for k in dir(cls) if k.isupper() and k != "FROM_ENV"}
        for key, kind in cls.FROM_ENV.items():
            if key in environ and environ[key] != "":
                raw = environ[key]
                out[key] = raw.lower() in {"1", "true", "yes", "on"} if kind is bool else kind(raw)
        if environ.get("DATABASE_URL"):
            out["SQLALCHEMY_DATABASE_URI"] = database_url(environ["DATABASE_URL"])
        if environ.get("PAYMENT_GATEWAYS"):
            out["PAYMENT_GATEWAYS"] = tuple(
                g.strip() for g in environ["PAYMENT_GATEWAYS"].split(",") if g.strip()
            )
        return out

    @classmethod
    def validate(cls, settings: dict[str, Any]) -> None:
        """Refuse settings that cannot run safely in this environment."""


class DevelopmentConfig(Config):
    ENV_NAME = "development"
    MAIL_BACKEND = "file"


class TestingConfig(Config):
    ENV_NAME = "testing"
    TESTING = True
    SECRET_KEY = "test-secret"
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    WTF_CSRF_ENABLED = False
    RATELIMIT_ENABLED = False
    PUBLIC_BASE_URL = "https://bunkar.test"
    MAIL_BACKEND = "memory"
    PAYMENT_GATEWAYS = ("razorpay", "stripe", "fake")
    FROM_ENV: Mapping[str, type] = {}

    @classmethod
    def settings(cls, environ: Mapping[str, str]) -> dict[str, Any]:
        out = super().settings({})
        if environ.get("TEST_DATABASE_URL"):
            out["SQLALCHEMY_DATABASE_URI"] = database_url(environ["TEST_DATABASE_URL"])
        return out


class ProductionConfig(Config):
    ENV_NAME = "production"
    SECRET_KEY = ""
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    PREFERRED_URL_SCHEME = "https"
    MAIL_BACKEND = "smtp"
    PAYMENT_GATEWAYS = ("razorpay", "stripe")

    @classmethod
    def validate(cls, settings: dict[str, Any]) -> None:
        if not settings.get("SECRET_KEY") or settings["SECRET_KEY"] == Config.SECRET_KEY:
            raise ConfigError("SECRET_KEY must be set in production.")
        if "fake" in settings.get("PAYMENT_GATEWAYS", ()):
            raise ConfigError("The offline test payment gateway cannot be enabled in production.")
        if settings.get("DEBUG") or settings.get("TESTING"):
            raise ConfigError("DEBUG and TESTING must be off in production.")


CONFIGS: dict[str, type[Config]] = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def load_config(
    name: str | None = None, environ: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """Settings for ``name`` (default: $BUNKAR_ENV, else development), validated."""
    environ = os.environ if environ is None else environ
    cls = CONFIGS[name or environ.get("BUNKAR_ENV") or "development"]
    settings = cls.settings(environ)
    cls.validate(settings)
    return settings
