"""Draw a carpet face: palette, borders with guard stripes, and the field design.

``render_face(spec, long_px, rng)`` returns an RGBA image of the carpet alone (no fringe, no
floor): portrait for rectangles and runners (length runs top to bottom), square for rounds.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, replace

from PIL import Image, ImageChops, ImageDraw

from storefront.demo import motifs

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
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), round(a[2] + (b[2] - a[2]) * t))


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
    field = _field(spec, pal, fx1 - fx0, fy1 - fy0, rng)
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
    for x in _steps(x0 + h, x1 - h, step):
        yield x, y0 + h
        yield x, y1 - h
    for y in _steps(y0 + h + step, y1 - h - step, step):
        yield x0 + h, y
        yield x1 - h, y


def _steps(a: float, b: float, step: float) -> list[float]:
    n = max(1, round((b - a) / step))
    return [a + (b - a) * i / n for i in range(n + 1)]


def _band(draw: ImageDraw.ImageDraw, box, size: int, pal: Palette, spec: CarpetSpec, rng: random.Random):  # noqa: ANN001, ANN202
    """The main border: a coloured band with a repeating motif, corners marked by rosettes."""
    x0, y0, x1, y1 = box
    draw.rectangle(box, fill=pal.border)
    style = {"tribal": "saw", "gabbeh": "saw", "kilim": "saw", "mir": "boteh", "geometric": "diamond"}
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
                motifs.boteh(draw, cx, cy, r * 2.1, bool(i % 4 > 1), pal.accent, pal.accent2, pal.field)
            else:
                draw.polygon(motifs.stepped_diamond(cx, cy, r, r, 3), fill=pal.accent)
                draw.polygon(motifs.diamond(cx, cy, r * 0.35, r * 0.35), fill=pal.accent2)
    return (x0 + size, y0 + size, x1 - size, y1 - size)


def _field(spec: CarpetSpec, pal: Palette, w: int, h: int, rng: random.Random) -> Image.Image:
    img = Image.new("RGBA", (max(1, w), max(1, h)), pal.field + (255,))
    draw = ImageDraw.Draw(img)
    design = spec.design
    if design == "mir":
        _boteh_rows(draw, w, h, pal, rng)
    elif design == "floral":
        _floral(draw, w, h, pal, rng)
    elif design in ("geometric", "kilim"):
        _lattice(draw, w, h, pal, rng, kilim=design == "kilim")
    elif design == "tribal":
        _stacked(draw, w, h, pal, rng)
    elif design == "gabbeh":
        _gabbeh(draw, w, h, pal, rng)
    elif design == "modern":
        _modern(draw, w, h, pal, rng)
    else:
        _medallion_field(draw, w, h, pal, rng)
    return img


def _medallion_field(draw: ImageDraw.ImageDraw, w: int, h: int, pal: Palette, rng: random.Random) -> None:
    step = min(w, h) / rng.choice((5, 6, 7))
    filler = pal.soft(pal.accent2, 0.45)
    for row, y in enumerate(_steps(step / 2, h - step / 2, step)):
        for x in _steps(step / 2 + (step / 2 if row % 2 else 0), w - step / 2, step):
            draw.polygon(motifs.star(x, y, step * 0.18), fill=filler)
    for cx, cy in ((0, 0), (w, 0), (0, h), (w, h)):  # corner spandrels
        draw.polygon(motifs.lobed(cx, cy, w * 0.3, h * 0.17, 6, 0.1), fill=pal.border)
        draw.polygon(motifs.lobed(cx, cy, w * 0.22, h * 0.12, 6, 0.1), fill=pal.soft(pal.accent, 0.6))
    count = 3 if h > w * 2.2 else 1
    for i in range(count):
        cy = h * (i + 0.5) / count
        ry = min(h / count * 0.36, w * 0.5)
        motifs.medallion(draw, w / 2, cy, w * 0.3, ry, [pal.border, pal.accent, pal.accent2, pal.field])


def _boteh_rows(draw: ImageDraw.ImageDraw, w: int, h: int, pal: Palette, rng: random.Random) -> None:
    size = min(w, h) / rng.choice((6, 7, 8))
    colours = [pal.border, pal.accent2, pal.soft(pal.accent, 0.7)]
    for row, y in enumerate(_steps(size * 0.7, h - size * 0.7, size * 1.15)):
        offset = size * 0.45 if row % 2 else 0
        for col, x in enumerate(_steps(size * 0.55 + offset, w - size * 0.55, size * 0.95)):
            body = colours[(row + col) % len(colours)]
            motifs.boteh(draw, x, y, size, bool(row % 2), body, pal.field, pal.accent)


def _floral(draw: ImageDraw.ImageDraw, w: int, h: int, pal: Palette, rng: random.Random) -> None:
    step = min(w, h) / rng.choice((3.5, 4.5, 5.5))
    vine = pal.soft(pal.accent2, 0.5)
    width = max(2, round(step * 0.04))
    for k in range(-int(h / step) - 2, int(w / step) + 3):  # diagonal vines both ways
        draw.line((k * step, 0, k * step + h, h), fill=vine, width=width)
        draw.line((k * step, h, k * step + h, 0), fill=vine, width=width)
    for row, y in enumerate(_steps(0, h, step)):
        for x in _steps(step / 2 if row % 2 else 0, w, step):
            motifs.rosette(draw, x, y, step * 0.28, pal.accent, pal.border, petals=rng.choice((6, 8)))
            leaf = step * 0.1
            draw.ellipse((x + step * 0.3 - leaf, y - leaf / 2, x + step * 0.3 + leaf, y + leaf / 2), fill=pal.accent2)


def _lattice(draw: ImageDraw.ImageDraw, w: int, h: int, pal: Palette, rng: random.Random, kilim: bool) -> None:
    if kilim:
        band = h / rng.choice((7, 9, 11))
        colours = [pal.border, pal.accent, pal.accent2, pal.outline]
        for i, y in enumerate(_steps(0, h, band)):
            if i % 2:
                draw.rectangle((0, y - band * 0.12, w, y + band * 0.12), fill=colours[i % 4])
                continue
            n = max(2, round(w / band))
            for x in _steps(band / 2, w - band / 2, w / n):
                draw.polygon(motifs.stepped_diamond(x, y, band * 0.42, band * 0.4, 3), fill=colours[i % 4])
        return
    step = min(w, h) / rng.choice((4, 5, 6))
    line = pal.soft(pal.border, 0.8)
    for k in range(-int(h / step) - 2, int(w / step) + 3):
        draw.line((k * step, 0, k * step + h, h), fill=line, width=max(2, round(step * 0.06)))
        draw.line((k * step, h, k * step + h, 0), fill=line, width=max(2, round(step * 0.06)))
    for row, y in enumerate(_steps(0, h, step / 2)):
        for x in _steps(0 if row % 2 == 0 else step / 2, w, step):
            draw.polygon(motifs.star(x, y, step * 0.16), fill=pal.accent)


def _stacked(draw: ImageDraw.ImageDraw, w: int, h: int, pal: Palette, rng: random.Random) -> None:
    """Loribaft/tribal: stepped diamonds stacked on the long axis, small fillers around."""
    count = max(2, min(5, round(h / w * 1.6)))
    for i in range(count):
        cy = h * (i + 0.5) / count
        hh = h / count * 0.46
        draw.polygon(motifs.stepped_diamond(w / 2, cy, w * 0.36, hh, 5), fill=pal.border)
        draw.polygon(motifs.stepped_diamond(w / 2, cy, w * 0.24, hh * 0.66, 4), fill=pal.accent)
        draw.polygon(motifs.stepped_diamond(w / 2, cy, w * 0.1, hh * 0.28, 2), fill=pal.accent2)
    for _ in range(int(w * h / (w * w * 0.05))):
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        if abs(x - w / 2) > w * 0.3:
            draw.polygon(motifs.diamond(x, y, w * 0.025, w * 0.04), fill=pal.soft(pal.accent, 0.7))


def _gabbeh(draw: ImageDraw.ImageDraw, w: int, h: int, pal: Palette, rng: random.Random) -> None:
    """Indo-Gabbeh: an open field with a few naive motifs."""
    for _ in range(rng.randint(3, 6)):
        x, y, s = rng.uniform(w * 0.15, w * 0.85), rng.uniform(h * 0.1, h * 0.9), w * rng.uniform(0.04, 0.08)
        kind = rng.random()
        colour = rng.choice((pal.accent, pal.border, pal.accent2))
        if kind < 0.4:
            draw.polygon(motifs.stepped_diamond(x, y, s, s * 1.2, 3), fill=colour)
        elif kind < 0.7:  # a little tree
            draw.rectangle((x - s * 0.08, y - s, x + s * 0.08, y + s), fill=colour)
            for k in range(3):
                yy = y - s + k * s * 0.55
                draw.polygon([(x, yy - s * 0.3), (x + s * 0.6, yy + s * 0.3), (x - s * 0.6, yy + s * 0.3)], fill=colour)
        else:  # an animal: body and four legs
            draw.rectangle((x - s, y - s * 0.4, x + s, y + s * 0.2), fill=colour)
            for dx in (-0.8, -0.4, 0.4, 0.8):
                draw.rectangle((x + dx * s - s * 0.07, y + s * 0.2, x + dx * s + s * 0.07, y + s * 0.7), fill=colour)
            draw.rectangle((x + s * 0.8, y - s * 0.8, x + s * 1.15, y - s * 0.3), fill=colour)


def _modern(draw: ImageDraw.ImageDraw, w: int, h: int, pal: Palette, rng: random.Random) -> None:
    for _ in range(rng.randint(3, 5)):
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        r = min(w, h) * rng.uniform(0.15, 0.4)
        colour = pal.soft(rng.choice((pal.accent, pal.accent2, pal.border)), rng.uniform(0.25, 0.6))
        if rng.random() < 0.5:
            draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
        else:
            draw.rectangle((x - r, y - r * 0.3, x + r * 1.4, y + r * 0.3), fill=colour)


def _round(spec: CarpetSpec, pal: Palette, size: int, rng: random.Random) -> Image.Image:
    img = Image.new("RGBA", (size, size), pal.outline + (255,))
    draw = ImageDraw.Draw(img)
    c = size / 2
    rings = [(c * 0.985, pal.outline), (c * 0.96, pal.accent), (c * 0.93, pal.border), (c * 0.80, pal.accent), (c * 0.77, pal.field)]
    for r, colour in rings:
        draw.ellipse((c - r, c - r, c + r, c + r), fill=colour)
    for i in range(28):  # motifs round the main ring
        t = 2 * math.pi * i / 28
        x, y = c + c * 0.865 * math.sin(t), c - c * 0.865 * math.cos(t)
        motifs.rosette(draw, x, y, c * 0.05, pal.accent, pal.accent2, petals=6)
    inner = replace(spec, design="floral") if spec.design == "medallion" else spec
    field = _field(inner, pal, round(c * 1.54), round(c * 1.54), rng)
    disc = Image.new("L", field.size, 0)
    ImageDraw.Draw(disc).ellipse((0, 0, field.size[0] - 1, field.size[1] - 1), fill=255)
    img.paste(field, (round(c - c * 0.77), round(c - c * 0.77)), disc)
    motifs.medallion(draw, c, c, c * 0.3, c * 0.3, [pal.border, pal.accent, pal.accent2, pal.field], lobes=12)
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
    cell = Image.frombytes("L", (tile, tile), rng.randbytes(tile * tile)).point(lambda v: 205 + v // 6)
    out = Image.new("L", (w, h))
    for y in range(0, h, tile):
        for x in range(0, w, tile):
            out.paste(cell, (x, y))
    return out
