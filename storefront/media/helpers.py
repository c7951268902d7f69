"""Template helpers: URLs and srcset strings for stored images."""

from __future__ import annotations

from flask import Flask, url_for

from storefront.media.services import WIDTHS


def image_url(key: str, width: int = 1000, ext: str = "jpg") -> str:
    return url_for("media.image", key=key, width=width, ext=ext)


def srcset(key: str, ext: str = "webp", natural_width: int = 0) -> str:
    """``url 400w, url 1000w, ...``; sizes beyond the original width are not listed."""
    widths = [w for w in WIDTHS if not natural_width or w <= natural_width] or [WIDTHS[0]]
    return ", ".join(f"{image_url(key, w, ext)} {w}w" for w in widths)


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(image_url=image_url, srcset=srcset)
