"""Safe defaults on every response: CSP with a per-request nonce, nosniff, framing, HSTS."""

from __future__ import annotations

import secrets

from flask import Flask, Response, g

# Payment gateways' hosted checkout scripts and frames are the only third parties allowed.
GATEWAY_SCRIPTS = "https://checkout.razorpay.com"
GATEWAY_FRAMES = "https://api.razorpay.com https://checkout.razorpay.com"
GATEWAY_FORMS = "https://checkout.stripe.com https://api.razorpay.com"


def csp_nonce() -> str:
    """A nonce for the rare inline script (none by default)."""
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return g.csp_nonce


def init_app(app: Flask) -> None:
    app.jinja_env.globals["csp_nonce"] = csp_nonce

    @app.after_request
    def secure_headers(response: Response) -> Response:
        script_src = f"'self' {GATEWAY_SCRIPTS}"
        if "csp_nonce" in g:
            script_src += f" 'nonce-{g.csp_nonce}'"
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; "
            f"script-src {script_src}; "
            "style-src 'self'; font-src 'self'; img-src 'self' data:; "
            f"frame-src {GATEWAY_FRAMES}; connect-src 'self' {GATEWAY_FRAMES}; "
            f"form-action 'self' {GATEWAY_FORMS}; "
            "base-uri 'self'; object-src 'none'; frame-ancestors 'none'",
        )
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        if app.config.get("ENV_NAME") == "production":
            response.headers.setdefault(
                "Strict-Transport-Security", "max-age=63072000; includeSubDomains"
            )
        return response
