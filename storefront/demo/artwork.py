"""Drawn demo photos (Pillow only, nothing downloaded): carpets and weaver portraits.

``carpet_images(spec, count)`` returns JPEG bytes for up to four views of one carpet: the whole
carpet on a floor, a close-up of the knots, a corner with fringe and border, the back. The carpet
is drawn once at twice the output size and every view is cut from that drawing.
"""

from __future__ import annotations

import io
import math
import random
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont, ImageOps

from config import BASE_DIR
from storefront.demo.patterns import DYES, CarpetSpec, mix, render_face

__all__ = ["CarpetSpec", "DrawnImage", "carpet_images", "portrait"]

LONG_SIDE = 900  # px of the full view's long side (store_image also keeps a 400 px version)
CLOSE = 760  # px of the square detail views
FLOOR = (226, 218, 204)
COTTON = (238, 231, 214)


@dataclass(frozen=True, slots=True)
class DrawnImage:
    data: bytes
    view: str  # full | closeup | corner | back


def carpet_images(spec: CarpetSpec, count: int = 3) -> list[DrawnImage]:
    """``count`` (1-4) views of the carpet described by ``spec``, main view first."""
    rng = random.Random(spec.seed)
    face = render_face(spec, LONG_SIDE * 2 - 220, rng)
    canvas, body_box = _on_floor(face, spec, rng)
    views = [DrawnImage(_jpeg(_half(canvas)), "full")]
    makers = [("closeup", lambda: _closeup(face, spec, rng, back=False))]
    makers.append(("corner", lambda: _corner(canvas, body_box, spec)))
    if spec.construction == "hand_knotted":
        makers.append(("back", lambda: _closeup(face, spec, rng, back=True)))
    for view, make in makers[: max(0, count - 1)]:
        views.append(DrawnImage(_jpeg(make()), view))
    return views


def _on_floor(
    face: Image.Image, spec: CarpetSpec, rng: random.Random
) -> tuple[Image.Image, tuple[int, int, int, int]]:
    """The carpet with fringe and a soft shadow on a plain floor; returns (canvas, carpet box)."""
    fw, fh = face.size
    fringe = 0 if spec.shape == "round" or spec.construction == "hand_tufted" else round(fh * 0.03)
    cw = max(fw + 200, round((fh + 2 * fringe + 200) * 0.62)) if spec.shape != "round" else fw + 200
    ch = fh + 2 * fringe + 200
    canvas = Image.new("RGB", (cw, ch), FLOOR)
    light = Image.linear_gradient("L").resize((cw, ch)).point(lambda v: 255 - v // 10)
    canvas = ImageChops.multiply(canvas, Image.merge("RGB", (light, light, light)))
    x0, y0 = (cw - fw) // 2, (ch - fh) // 2
    shadow = Image.new("L", (cw // 8, ch // 8), 0)
    alpha_small = face.getchannel("A").resize((max(1, fw // 8), max(1, fh // 8)))
    shadow.paste(alpha_small, (x0 // 8 + 2, y0 // 8 + 3))
    shadow = shadow.filter(ImageFilter.GaussianBlur(4)).resize((cw, ch), Image.Resampling.BILINEAR)
    dark = Image.new("RGB", (cw, ch), (90, 75, 60))
    canvas = Image.composite(dark, canvas, shadow.point(lambda v: v * 55 // 100))
    if fringe:
        draw = ImageDraw.Draw(canvas)
        step = 5
        for x in range(x0 + 4, x0 + fw - 4, step):
            for top, sign in ((y0, -1), (y0 + fh, 1)):
                length = fringe * rng.uniform(0.8, 1.0)
                wobble = rng.uniform(-3, 3)
                draw.line(
                    (x, top, x + wobble, top + sign * length),
                    fill=mix(COTTON, FLOOR, rng.uniform(0, 0.3)),
                    width=3,
                )
    canvas.paste(face, (x0, y0), face)
    return canvas, (x0, y0, x0 + fw, y0 + fh)


def _half(img: Image.Image) -> Image.Image:
    return img.resize((img.width // 2, img.height // 2), Image.Resampling.LANCZOS)


def _jpeg(img: Image.Image) -> bytes:
    out = io.BytesIO()
    img.convert("RGB").save(out, "JPEG", quality=90)
    return out.getvalue()


def _closeup(face: Image.Image, spec: CarpetSpec, rng: random.Random, back: bool) -> Image.Image:
    """A square detail near a corner of the field: knots as a grid (pile, back) or weft ribs."""
    fw, fh = face.size
    side = round(min(fw, fh) * (0.42 if spec.shape != "round" else 0.3))
    if spec.shape == "round":
        x, y = round(fw * 0.5 - side * 0.5), round(fh * 0.08)
    else:
        x, y = round(fw * rng.uniform(0.02, 0.1)), round(fh * rng.uniform(0.03, 0.2))
    crop = face.crop((x, y, x + side, y + side)).convert("RGB")
    inches = side / fw * spec.width_cm / 2.54
    per_inch = math.sqrt(spec.kpsi) if spec.kpsi else 6
    knots = max(22, min(110, round(per_inch * inches * (1.3 if back else 1))))
    if spec.construction == "hand_tufted":
        plush = crop.resize((CLOSE, CLOSE), Image.Resampling.BICUBIC)
        noise = Image.effect_noise((CLOSE, CLOSE), 60).filter(ImageFilter.GaussianBlur(1.4))
        grain = noise.point(lambda v: 170 + v // 3).convert("RGB")
        return ImageChops.multiply(plush, grain)
    pitch = math.ceil(CLOSE / knots)
    blocks = crop.resize((knots, knots), Image.Resampling.BOX).resize(
        (knots * pitch,) * 2, Image.Resampling.NEAREST
    )
    bump = _tiled(_knot_tile(pitch, spec.construction == "flat_weave", back), knots)
    out = ImageChops.multiply(blocks, Image.merge("RGB", (bump, bump, bump)))
    if back:
        out = ImageOps.mirror(ImageChops.blend(out, ImageOps.grayscale(out).convert("RGB"), 0.25))
    return out.resize((CLOSE, CLOSE), Image.Resampling.LANCZOS)


@lru_cache(maxsize=64)
def _knot_tile(pitch: int, flat: bool, back: bool) -> Image.Image:
    """Shading of one knot (a bright bump, dark edges) or one weft rib."""
    tile = Image.new("L", (pitch, pitch))
    px = tile.load()
    c = (pitch - 1) / 2
    for y in range(pitch):
        for x in range(pitch):
            if flat:
                v = 1 - abs(y - c) / (c + 1) * 0.6
            else:
                d = math.hypot((x - c) / (c + 0.8), (y - c) / (c + 0.8) * (1.3 if back else 1))
                v = max(0.0, 1 - d**2 * (0.55 if back else 0.45))
            px[x, y] = int(150 + 105 * v)
    return tile


def _tiled(tile: Image.Image, count: int) -> Image.Image:
    p = tile.width
    row = Image.new("L", (p * count, p))
    for i in range(count):
        row.paste(tile, (i * p, 0))
    out = Image.new("L", (p * count, p * count))
    for j in range(count):
        out.paste(row, (0, j * p))
    return out


def _corner(canvas: Image.Image, box: tuple[int, int, int, int], spec: CarpetSpec) -> Image.Image:
    """The lower left corner: fringe, guard stripes and the start of the border."""
    x0, y0, x1, y1 = box
    side = round(min(x1 - x0, y1 - y0) * 0.55)
    if spec.shape == "round":
        cx, cy = round(x0 + (x1 - x0) * 0.15), round(y0 + (y1 - y0) * 0.85)
        region = (cx - side // 2, cy - side // 2, cx + side // 2, cy + side // 2)
    else:
        region = (
            max(0, x0 - side // 6),
            y1 - side + side // 4,
            max(0, x0 - side // 6) + side,
            y1 + side // 4,
        )
    left = min(max(0, region[0]), canvas.width - side)
    top = min(max(0, region[1]), canvas.height - side)
    return canvas.crop((left, top, left + side, top + side)).resize(
        (CLOSE, CLOSE), Image.Resampling.LANCZOS
    )


@lru_cache(maxsize=1)
def _portrait_font() -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = BASE_DIR / "static" / "fonts" / "noto-sans-devanagari-bold.woff2"
    try:
        return ImageFont.truetype(str(path), 300)
    except OSError:  # FreeType without WOFF2 support: Pillow's own scalable font
        return ImageFont.load_default(300)


def portrait(initial: str, seed: int, size: int = 720) -> bytes:
    """A weaver placeholder: their initial, drawn on a warm ground inside a carpet-border ring."""
    rng = random.Random(seed)
    ground, disc, ink = rng.choice(
        [
            ("saffron", "madder", "ivory"),
            ("beige", "indigo", "ivory"),
            ("ivory", "rust", "ivory"),
            ("gold", "green", "ivory"),
        ]
    )
    img = Image.new("RGB", (size, size), DYES[ground])
    draw = ImageDraw.Draw(img)
    c = size / 2
    for r, colour in (
        (c * 0.86, DYES["walnut"]),
        (c * 0.83, DYES["ivory"]),
        (c * 0.76, DYES[disc]),
    ):
        draw.ellipse((c - r, c - r, c + r, c + r), fill=colour)
    for i in range(24):
        t = 2 * math.pi * i / 24
        x, y = c + c * 0.795 * math.sin(t), c - c * 0.795 * math.cos(t)
        draw.ellipse((x - 6, y - 6, x + 6, y + 6), fill=DYES[disc])
    font = _portrait_font()
    draw.text((c, c * 1.02), initial, font=font, fill=DYES[ink], anchor="mm")
    out = io.BytesIO()
    img.save(out, "JPEG", quality=90)
    return out.getvalue()
