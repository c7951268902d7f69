"""Translated error pages (400/403/404/405/413/429/500), rendered in the visitor's language."""

from __future__ import annotations

from flask import Flask, render_template
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import HTTPException, InternalServerError

from storefront.extensions import db

MESSAGES = {
    400: (
        _l("Bad request"),
        _l("We could not understand that request. Please go back and try again."),
    ),
    403: (_l("Not allowed"), _l("You do not have permission to open this page.")),
    404: (
        _l("Page not found"),
        _l("We could not find that page. The carpet may have been sold or moved."),
    ),
    405: (_l("Not allowed"), _l("This page cannot be used that way.")),
    413: (
        _l("File too large"),
        _l("The file you sent is too large. Please choose a smaller photo (at most %(mb)s MB)."),
    ),
    429: (_l("Too many attempts"), _l("Too many attempts. Please wait a minute and try again.")),
    500: (
        _l("Something went wrong"),
        _l("Something went wrong on our side. Please try again in a moment."),
    ),
}


def render_error(code: int) -> ResponseReturnValue:
    from flask import current_app

    title, message = MESSAGES.get(code, MESSAGES[500])
    mb = current_app.config["MAX_CONTENT_LENGTH"] // (1024 * 1024)
    return render_template(
        "errors/error.html", code=code, title=title, message=message, mb=mb
    ), code


def init_app(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> ResponseReturnValue:
        code = exc.code or 500
        if code not in MESSAGES:
            return exc
        response = render_error(code)
        if code == 405 and getattr(exc, "valid_methods", None):
            body, status = response
            return body, status, {"Allow": ", ".join(exc.valid_methods)}
        return response

    @app.errorhandler(InternalServerError)
    def server_error(exc: Exception) -> ResponseReturnValue:
        db.session.rollback()
        return render_error(500)
