"""WSGI entry point: ``gunicorn wsgi:app`` (set BUNKAR_ENV=production in production)."""

from storefront import create_app

app = create_app()
