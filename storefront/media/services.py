"""Image pipeline: prove it is an image, orient, strip metadata, store responsive sizes.

Files live under ``MEDIA_ROOT`` (outside ``static/``) as ``<key>-<width>.<webp|jpg>``, where the key
is a BLAKE2b hash of the decoded pixels, so the same photo uploaded twice is stored once.

What leaves this module is pixels only: EXIF (GPS, camera serials, capture time), XMP, IPTC, PNG
text chunks and ICC profiles are all dropped. Orientation is applied to the pixels first and
colour profiles are converted to sRGB, so nothing that mattered is lost with the metadata.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path

from flask import current_app
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}
WIDTHS = (400, 1000, 2000)
FORMATS = {"webp": "WEBP", "jpg": "JPEG"}
REASONS = ("empty", "not_image", "unsupported_format", "too_many_pixels")
_SRGB = ImageCms.createProfile("sRGB")


class ImageRejected(ValueError):
    """The upload cannot be used; ``reason`` is one of ``REASONS`` (the view translates it)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


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
    """Decode ``data`` fully, refusing non-images, other formats and pixel bombs.

    The pixel count is checked from the header, before any pixel is decoded, so a small file
    that claims a huge canvas (a decompression bomb) costs nothing.
    """
    if not data:
        raise ImageRejected("empty")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(data))
            if probe.format not in ALLOWED_FORMATS:
                raise ImageRejected("unsupported_format")
            if probe.format == "JPEG":
                if probe.width * probe.height > max_pixels * 4:
                    raise ImageRejected("too_many_pixels")
                # libjpeg can decode at 1/2..1/8 scale when that still covers our largest size:
                # a 50-megapixel phone photo then costs what a 12-megapixel one does, so the cap
                # below applies to the pixels actually decoded.
                probe.draft("RGB", (WIDTHS[-1], WIDTHS[-1]))
            if probe.width * probe.height > max_pixels:
                raise ImageRejected("too_many_pixels")
            probe.load()
    except ImageRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageRejected("too_many_pixels") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise ImageRejected("not_image") from None
    return probe


def _to_srgb(img: Image.Image) -> Image.Image:
    """Convert an embedded colour profile (e.g. Display P3 from phones) to sRGB pixels."""
    icc = img.info.get("icc_profile")
    if not icc or img.mode not in ("RGB", "CMYK"):
        return img
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        return ImageCms.profileToProfile(img, source, _SRGB, outputMode="RGB") or img
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return img  # a broken profile: keep the pixels as they are


def normalise(img: Image.Image) -> Image.Image:
    """Apply EXIF orientation, then rebuild the pixels alone (no EXIF, GPS, ICC or text)."""
    try:
        img = _to_srgb(ImageOps.exif_transpose(img) or img)
        if img.mode not in ("RGB", "L"):
            background = Image.new("RGB", img.size, (255, 255, 255))
            rgba = img.convert("RGBA")
            background.paste(rgba, mask=rgba.getchannel("A"))
            img = background
        clean = Image.frombytes(img.mode, img.size, img.tobytes())  # pixels only, empty info
    except (OSError, ValueError, SyntaxError):
        raise ImageRejected("not_image") from None
    return clean if clean.mode == "RGB" else clean.convert("RGB")


def _save_atomic(img: Image.Image, path: Path, fmt: str) -> None:
    """Write via a unique temporary file, then rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            if fmt == "JPEG":
                img.save(out, fmt, quality=82, optimize=True, progressive=True)
            else:
                img.save(out, fmt, quality=78, method=4)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _copy_atomic(source: Path, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    shutil.copyfile(source, tmp)
    tmp.replace(path)


def store_image(data: bytes) -> StoredImage:
    """Validate and store an uploaded image in every size and format; return its key."""
    img = normalise(decode(data, current_app.config["MAX_IMAGE_PIXELS"]))
    digest = hashlib.blake2b(repr(img.size).encode(), digest_size=16)
    digest.update(img.tobytes())
    key = digest.hexdigest()
    source = img
    written: tuple[Image.Image, int] | None = None  # the last image encoded, and at which width
    for width in sorted(WIDTHS, reverse=True):  # 2000 from the original, 1000 from 2000, ...
        scaled = source
        if source.width > width:
            height = max(1, round(img.height * width / img.width))  # from the original: no drift
            scaled = source.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
        if not all(media_path(key, width, ext).exists() for ext in FORMATS):
            for ext, fmt in FORMATS.items():
                target = media_path(key, width, ext)
                if written and written[0] is scaled and media_path(key, written[1], ext).exists():
                    # Smaller than this size: the same pixels again, so copy, don't re-encode.
                    _copy_atomic(media_path(key, written[1], ext), target)
                else:
                    _save_atomic(scaled, target, fmt)
        written = (scaled, width)
        source = scaled
    return StoredImage(key=key, width=img.width, height=img.height)


def stored_files(key: str) -> list[Path]:
    """Every file stored for ``key`` (all sizes and formats that exist)."""
    return [
        media_path(key, w, ext)
        for w in WIDTHS
        for ext in FORMATS
        if media_path(key, w, ext).exists()
    ]
