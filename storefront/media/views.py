"""Serve stored images with long-lived cache headers (names are content hashes)."""

from __future__ import annotations

import re

from flask import Blueprint, abort, send_file
from flask.typing import ResponseReturnValue

from storefront.media.services import FORMATS, WIDTHS, media_path

bp = Blueprint("media", __name__, url_prefix="/media")
KEY_RE = re.compile(r"^[0-9a-f]{32}$")


@bp.get("/<key>-<int:width>.<ext>")
def image(key: str, width: int, ext: str) -> ResponseReturnValue:
    if not KEY_RE.match(key) or width not in WIDTHS or ext not in FORMATS:
        abort(404)
    path = media_path(key, width, ext)
    if not path.is_file():
        abort(404)
    response = send_file(path, mimetype=f"image/{'jpeg' if ext == 'jpg' else 'webp'}", etag=True)
    response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
