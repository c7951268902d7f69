"""Draw a carpet face: palette, borders with guard stripes, and the field design.

``render_face(spec, long_px, rng)`` returns an RGBA image of the carpet alone (no fringe, no
floor): portrait for rectangles and runners (length runs top to bottom), square for rounds.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, replace

from PIL import Image, ImageChops, ImageDraw

from storefront.demo import fields, motifs

RGB = tuple[int, int, int]

DYES: dict[str, RGB] = {
    "madder": (150, 38, 33),
    "indigo": (32, 50, 90),
    "ivory": (236, 225, 198),
    "saffron": (214, 152, 48),
    "gold": (190, 150, 70),
    "rust": (170, 78, 40),
    "green": (60, 98, 64),
    "grey": (132, 128, 121),
    "charcoal": (48, 45, 44),
    "pink": (204, 132, 134),
    "brown": (106, 72, 48),
    "beige": (214, 197, 160),
    "walnut": (66, 44, 32),
    "sky": (96, 128, 160),
}
# field, border, accent, second accent, outline — one palette per primary colour key.
PALETTES: dict[str, tuple[str, str, str, str, str]] = {
    "red": ("madder", "indigo", "ivory", "gold", "walnut"),
    "blue": ("indigo", "madder", "ivory", "gold", "walnut"),
    "ivory": ("ivory", "madder", "indigo", "green", "walnut"),
    "beige": ("beige", "brown", "rust", "indigo", "walnut"),
    "green": ("green", "madder", "ivory", "saffron", "walnut"),
    "gold": ("saffron", "indigo", "madder", "ivory", "walnut"),
    "rust": ("rust", "indigo", "beige", "green", "walnut"),
    "grey": ("grey", "charcoal", "ivory", "sky", "charcoal"),
    "black": ("charcoal", "madder", "gold", "ivory", "walnut"),
    "pink": ("pink", "indigo", "ivory", "green", "walnut"),
    "brown": ("brown", "beige", "rust", "ivory", "walnut"),
    "multi": ("madder", "green", "saffron", "indigo", "walnut"),
}
SECONDARY_DYE = {"red": "madder", "blue": "indigo", "gold": "saffron", "black": "charcoal"}


@dataclass(frozen=True, slots=True)
class CarpetSpec:
    design: str
    colour: str
    colour2: str | None
    shape: str
    construction: str
    width_cm: int
    length_cm: int
    kpsi: int | None
    seed: int


@dataclass(frozen=True, slots=True)
class Palette:
    field: RGB
    border: RGB
    accent: RGB
    accent2: RGB
    outline: RGB

    def soft(self, colour: RGB, amount: float = 0.35) -> RGB:
        """``colour`` mixed into the field (low-contrast fillers)."""
        return mix(self.field, colour, amount)


def mix(a: RGB, b: RGB, t: float) -> RGB:
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def palette_for(spec: CarpetSpec, rng: random.Random) -> Palette:
    names = list(PALETTES.get(spec.colour, PALETTES["red"]))
    if spec.colour2 and spec.colour2 != spec.colour:
        second = SECONDARY_DYE.get(spec.colour2, spec.colour2)
        if second in DYES and second != names[0]:
            names[1] = second
    jitter = [tuple(max(0, min(255, c + rng.randint(-7, 7))) for c in DYES[n]) for n in names]
    return Palette(*jitter)  # type: ignore[arg-type]


def render_face(spec: CarpetSpec, long_px: int, rng: random.Random) -> Image.Image:
    pal = palette_for(spec, rng)
    if spec.shape == "round":
        return _round(spec, pal, long_px, rng)
    ratio = min(spec.width_cm, spec.length_cm) / max(spec.width_cm, spec.length_cm)
    w, h = max(60, round(long_px * ratio)), long_px
    img = Image.new("RGBA", (w, h), pal.outline + (255,))
    draw = ImageDraw.Draw(img)
    thin = spec.design in ("gabbeh", "modern")
    m = min(w, h)
    outer = max(3, round(m * 0.012))
    guard = round(m * (0.018 if thin else 0.024))
    main = round(m * (0.045 if thin else (0.11 if spec.shape == "runner" else 0.085)))
    box = (outer, outer, w - outer, h - outer)
    if not thin or spec.design == "gabbeh":
        box = _guard(draw, box, guard, pal, rng)
    box = _band(draw, box, main, pal, spec, rng)
    if not thin:
        box = _guard(draw, box, guard, pal, rng)
    fx0, fy0, fx1, fy1 = (round(v) for v in box)
    field = fields.field(spec, pal, fx1 - fx0, fy1 - fy0, rng)
    img.paste(field, (fx0, fy0))
    return _texture(img, spec, rng)


def _guard(draw: ImageDraw.ImageDraw, box, size: int, pal: Palette, rng: random.Random):  # noqa: ANN001, ANN202
    x0, y0, x1, y1 = box
    draw.rectangle(box, fill=pal.accent)
    step = max(6, size * 1.6)
    r = size * 0.28
    dot = pal.border if rng.random() < 0.5 else pal.outline
    for cx, cy in _ring_points(box, size, step):
        draw.rectangle((cx - r, cy - r, cx + r, cy + r), fill=dot)
    return (x0 + size, y0 + size, x1 - size, y1 - size)


def _ring_points(box, size: float, step: float):  # noqa: ANN001, ANN202
    """Centres along the middle of a band of width ``size`` just inside ``box``."""
    x0, y0, x1, y1 = box
    h = size / 2
    for x in fields.steps(x0 + h, x1 - h, step):
        yield x, y0 + h
        yield x, y1 - h
    for y in fields.steps(y0 + h + step, y1 - h - step, step):
        yield x0 + h, y
        yield x1 - h, y


def _band(
    draw: ImageDraw.ImageDraw, box, size: int, pal: Palette, spec: CarpetSpec, rng: random.Random
):  # noqa: ANN001, ANN202
    """The main border: a coloured band with a repeating motif, corners marked by rosettes."""
    x0, y0, x1, y1 = box
    draw.rectangle(box, fill=pal.border)
    style = {
        "tribal": "saw",
        "gabbeh": "saw",
        "kilim": "saw",
        "mir": "boteh",
        "geometric": "diamond",
    }
    kind = style.get(spec.design, "rosette" if spec.design in ("medallion", "floral") else "plain")
    if kind == "saw":
        teeth_h = max(3, round((x1 - x0) / size))
        teeth_v = max(3, round((y1 - y0) / size))
        q = size * 0.5
        motifs.sawtooth(draw, (x0, y0 + q * 0.4, x1, y0 + q), pal.accent, teeth_h, False)
        motifs.sawtooth(draw, (x0, y1 - q, x1, y1 - q * 0.4), pal.accent, teeth_h, False)
        motifs.sawtooth(draw, (x0 + q * 0.4, y0, x0 + q, y1), pal.accent, teeth_v, True)
        motifs.sawtooth(draw, (x1 - q, y0, x1 - q * 0.4, y1), pal.accent, teeth_v, True)
    elif kind != "plain":
        r = size * 0.36
        for i, (cx, cy) in enumerate(_ring_points(box, size, size * 1.25)):
            if kind == "rosette":
                if i % 2:
                    draw.polygon(motifs.diamond(cx, cy, r * 0.7, r * 0.7), fill=pal.accent2)
                else:
                    motifs.rosette(draw, cx, cy, r, pal.accent, pal.accent2)
            elif kind == "boteh":
                motifs.boteh(
                    draw, cx, cy, r * 2.1, bool(i % 4 > 1), pal.accent, pal.accent2, pal.field
                )
            else:
                draw.polygon(motifs.stepped_diamond(cx, cy, r, r, 3), fill=pal.accent)
                draw.polygon(motifs.diamond(cx, cy, r * 0.35, r * 0.35), fill=pal.accent2)
    return (x0 + size, y0 + size, x1 - size, y1 - size)


def _round(spec: CarpetSpec, pal: Palette, size: int, rng: random.Random) -> Image.Image:
    img = Image.new("RGBA", (size, size), pal.outline + (255,))
    draw = ImageDraw.Draw(img)
    c = size / 2
    rings = [
        (c * 0.985, pal.outline),
        (c * 0.96, pal.accent),
        (c * 0.93, pal.border),
        (c * 0.80, pal.accent),
        (c * 0.77, pal.field),
    ]
    for r, colour in rings:
        draw.ellipse((c - r, c - r, c + r, c + r), fill=colour)
    for i in range(28):  # motifs round the main ring
        t = 2 * math.pi * i / 28
        x, y = c + c * 0.865 * math.sin(t), c - c * 0.865 * math.cos(t)
        motifs.rosette(draw, x, y, c * 0.05, pal.accent, pal.accent2, petals=6)
    inner = replace(spec, design="floral") if spec.design == "medallion" else spec
    field = fields.field(inner, pal, round(c * 1.54), round(c * 1.54), rng)
    disc = Image.new("L", field.size, 0)
    ImageDraw.Draw(disc).ellipse((0, 0, field.size[0] - 1, field.size[1] - 1), fill=255)
    img.paste(field, (round(c - c * 0.77), round(c - c * 0.77)), disc)
    motifs.medallion(
        draw, c, c, c * 0.3, c * 0.3, [pal.border, pal.accent, pal.accent2, pal.field], lobes=12
    )
    img = _texture(img, spec, rng)
    mask = Image.new("L", (size, size), 0)
    ImageDraw.Draw(mask).ellipse((0, 0, size - 1, size - 1), fill=255)
    img.putalpha(mask)
    return img


def _texture(img: Image.Image, spec: CarpetSpec, rng: random.Random) -> Image.Image:
    """Pile grain (noise) or weft ribs (flat-weave), plus abrash: gentle bands of dye lots."""
    w, h = img.size
    alpha = img.getchannel("A")
    rgb = img.convert("RGB")
    if spec.construction == "flat_weave":
        rib = bytes(255 if (y // 3) % 2 else 228 for y in range(h))
        grain = Image.frombytes("L", (1, h), rib).resize((w, h), Image.Resampling.NEAREST)
    else:
        grain = _noise(w, h, rng)
    rows = max(4, h // 40)
    levels = bytes(255 - int(rng.random() ** 3 * 22) for _ in range(rows))
    abrash = Image.frombytes("L", (1, rows), levels).resize((w, h), Image.Resampling.BILINEAR)
    shade = ImageChops.multiply(grain, abrash).convert("RGB")
    out = ImageChops.multiply(rgb, shade)
    out.putalpha(alpha)
    return out


def _noise(w: int, h: int, rng: random.Random, tile: int = 256) -> Image.Image:
    """Pile grain: one tile of random values, repeated (far faster than full-size noise)."""
    cell = Image.frombytes("L", (tile, tile), rng.randbytes(tile * tile)).point(
        lambda v: 205 + v // 6
    )
    out = Image.new("L", (w, h))
    for y in range(0, h, tile):
        for x in range(0, w, tile):
            out.paste(cell, (x, y))
    return out
