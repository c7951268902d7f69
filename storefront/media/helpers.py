"""Template helpers: URLs, srcset strings and a ``<picture>`` for stored images."""

from __future__ import annotations

from flask import Flask, url_for
from markupsafe import Markup

from storefront.media.services import WIDTHS


def image_url(key: str, width: int = 1000, ext: str = "jpg") -> str:
    return url_for("media.image", key=key, width=width, ext=ext)


def srcset(key: str, ext: str = "webp", natural_width: int = 0) -> str:
    """``url 400w, url 1000w, ...`` with each file's real width.

    A stored size wider than the photo holds the photo at its own width, so it is listed once,
    described by that width (a 900 px photo: 400w and 900w), never as blurry 400 px only."""
    entries: list[str] = []
    for w in WIDTHS:
        real = min(w, natural_width) if natural_width else w
        entries.append(f"{image_url(key, w, ext)} {real}w")
        if natural_width and natural_width <= w:
            break
    return ", ".join(entries)


def picture(
    key: str,
    alt: str = "",
    sizes: str = "100vw",
    width: int = 0,
    height: int = 0,
    css_class: str = "",
    eager: bool = False,
) -> Markup:
    """WebP with a JPEG fallback in every stored width; ``width``/``height`` are the natural size
    (they only give the browser the aspect ratio, so the page does not jump while loading)."""
    dims = Markup(' width="{}" height="{}"').format(width, height) if width and height else ""
    return Markup(
        '<picture><source type="image/webp" srcset="{webp}" sizes="{sizes}">'
        '<img src="{src}" srcset="{jpg}" sizes="{sizes}" alt="{alt}"{dims} class="{cls}"'
        ' loading="{loading}" decoding="async"></picture>'
    ).format(
        webp=srcset(key, "webp", width),
        jpg=srcset(key, "jpg", width),
        src=image_url(key, WIDTHS[0] if not eager else WIDTHS[1], "jpg"),
        sizes=sizes,
        alt=alt,
        dims=dims,
        cls=css_class,
        loading="eager" if eager else "lazy",
    )


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(image_url=image_url, srcset=srcset, picture=picture)
