"""Image pipeline: prove it is an image, orient, strip metadata, store responsive sizes.

Files live under ``MEDIA_ROOT`` (outside ``static/``) as ``<key>-<width>.<webp|jpg>``, where the key
is the SHA-256 of the decoded pixels, so the same photo uploaded twice is stored once.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from flask import current_app
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}
WIDTHS = (400, 1000, 2000)
FORMATS = {"webp": "WEBP", "jpg": "JPEG"}


class ImageRejected(ValueError):
    """The upload cannot be used; ``reason`` is a key the view translates."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # not_image | unsupported_format | too_many_pixels


@dataclass(frozen=True, slots=True)
class StoredImage:
    key: str
    width: int
    height: int


def media_root() -> Path:
    return Path(current_app.config["MEDIA_ROOT"])


def media_path(key: str, width: int, ext: str) -> Path:
    return media_root() / key[:2] / f"{key}-{width}.{ext}"


def decode(data: bytes, max_pixels: int) -> Image.Image:
    """Decode ``data`` fully, refusing non-images, other formats and pixel bombs."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(data))
            if probe.format not in ALLOWED_FORMATS:
                raise ImageRejected("unsupported_format")
            if probe.width * probe.height > max_pixels:
                raise ImageRejected("too_many_pixels")
            probe.load()
    except ImageRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageRejected("too_many_pixels") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ImageRejected("not_image") from None
    return probe


def normalise(img: Image.Image) -> Image.Image:
    """Apply EXIF orientation, then rebuild the pixels alone (no EXIF, GPS, ICC or text)."""
    img = ImageOps.exif_transpose(img)
    if img.mode not in ("RGB", "L"):
        background = Image.new("RGB", img.size, (255, 255, 255))
        rgba = img.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        img = background
    clean = Image.new(img.mode, img.size)
    clean.frombytes(img.tobytes())
    return clean.convert("RGB")


def store_image(data: bytes) -> StoredImage:
    """Validate and store an uploaded image in every size and format; return its key."""
    img = normalise(decode(data, current_app.config["MAX_IMAGE_PIXELS"]))
    key = hashlib.sha256(img.tobytes() + repr(img.size).encode()).hexdigest()[:32]
    for width in WIDTHS:
        if all(media_path(key, width, ext).exists() for ext in FORMATS):
            continue
        scaled = img
        if img.width > width:
            height = round(img.height * width / img.width)
            scaled = img.resize((width, height), Image.Resampling.LANCZOS)
        for ext, fmt in FORMATS.items():
            path = media_path(key, width, ext)
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(path.suffix + ".tmp")
            if fmt == "JPEG":
                scaled.save(tmp, fmt, quality=82, optimize=True, progressive=True)
            else:
                scaled.save(tmp, fmt, quality=78, method=4)
            tmp.replace(path)
    return StoredImage(key=key, width=img.width, height=img.height)
