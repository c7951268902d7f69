"""Field designs of the demo carpets: medallion, floral lattice, Mir boteh rows, Loribaft
stacked diamonds, Indo-Gabbeh, modern and kilim bands. ``field(...)`` returns the field image.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from PIL import Image, ImageDraw

from storefront.demo import motifs

if TYPE_CHECKING:
    from storefront.demo.patterns import CarpetSpec, Palette


def steps(a: float, b: float, step: float) -> list[float]:
    """``a`` to ``b`` in about ``step`` increments, both ends included."""
    n = max(1, round((b - a) / step))
    return [a + (b - a) * i / n for i in range(n + 1)]


def field(spec: CarpetSpec, pal: Palette, w: int, h: int, rng: random.Random) -> Image.Image:
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


def _medallion_field(
    draw: ImageDraw.ImageDraw, w: int, h: int, pal: Palette, rng: random.Random
) -> None:
    step = min(w, h) / rng.choice((5, 6, 7))
    filler = pal.soft(pal.accent2, 0.45)
    for row, y in enumerate(steps(step / 2, h - step / 2, step)):
        for x in steps(step / 2 + (step / 2 if row % 2 else 0), w - step / 2, step):
            draw.polygon(motifs.star(x, y, step * 0.18), fill=filler)
    for cx, cy in ((0, 0), (w, 0), (0, h), (w, h)):  # corner spandrels
        draw.polygon(motifs.lobed(cx, cy, w * 0.3, h * 0.17, 6, 0.1), fill=pal.border)
        draw.polygon(
            motifs.lobed(cx, cy, w * 0.22, h * 0.12, 6, 0.1), fill=pal.soft(pal.accent, 0.6)
        )
    count = 3 if h > w * 2.2 else 1
    for i in range(count):
        cy = h * (i + 0.5) / count
        ry = min(h / count * 0.36, w * 0.5)
        motifs.medallion(
            draw, w / 2, cy, w * 0.3, ry, [pal.border, pal.accent, pal.accent2, pal.field]
        )


def _boteh_rows(
    draw: ImageDraw.ImageDraw, w: int, h: int, pal: Palette, rng: random.Random
) -> None:
    size = min(w, h) / rng.choice((6, 7, 8))
    colours = [pal.border, pal.accent2, pal.soft(pal.accent, 0.7)]
    for row, y in enumerate(steps(size * 0.7, h - size * 0.7, size * 1.15)):
        offset = size * 0.45 if row % 2 else 0
        for col, x in enumerate(steps(size * 0.55 + offset, w - size * 0.55, size * 0.95)):
            body = colours[(row + col) % len(colours)]
            motifs.boteh(draw, x, y, size, bool(row % 2), body, pal.field, pal.accent)


def _floral(draw: ImageDraw.ImageDraw, w: int, h: int, pal: Palette, rng: random.Random) -> None:
    step = min(w, h) / rng.choice((3.5, 4.5, 5.5))
    vine = pal.soft(pal.accent2, 0.5)
    width = max(2, round(step * 0.04))
    for k in range(-int(h / step) - 2, int(w / step) + 3):  # diagonal vines both ways
        draw.line((k * step, 0, k * step + h, h), fill=vine, width=width)
        draw.line((k * step, h, k * step + h, 0), fill=vine, width=width)
    for row, y in enumerate(steps(0, h, step)):
        for x in steps(step / 2 if row % 2 else 0, w, step):
            motifs.rosette(
                draw, x, y, step * 0.28, pal.accent, pal.border, petals=rng.choice((6, 8))
            )
            leaf = step * 0.1
            draw.ellipse(
                (x + step * 0.3 - leaf, y - leaf / 2, x + step * 0.3 + leaf, y + leaf / 2),
                fill=pal.accent2,
            )


def _lattice(
    draw: ImageDraw.ImageDraw, w: int, h: int, pal: Palette, rng: random.Random, kilim: bool
) -> None:
    if kilim:
        band = h / rng.choice((7, 9, 11))
        colours = [pal.border, pal.accent, pal.accent2, pal.outline]
        for i, y in enumerate(steps(0, h, band)):
            if i % 2:
                draw.rectangle((0, y - band * 0.12, w, y + band * 0.12), fill=colours[i % 4])
                continue
            n = max(2, round(w / band))
            for x in steps(band / 2, w - band / 2, w / n):
                draw.polygon(
                    motifs.stepped_diamond(x, y, band * 0.42, band * 0.4, 3), fill=colours[i % 4]
                )
        return
    step = min(w, h) / rng.choice((4, 5, 6))
    line = pal.soft(pal.border, 0.8)
    for k in range(-int(h / step) - 2, int(w / step) + 3):
        draw.line((k * step, 0, k * step + h, h), fill=line, width=max(2, round(step * 0.06)))
        draw.line((k * step, h, k * step + h, 0), fill=line, width=max(2, round(step * 0.06)))
    for row, y in enumerate(steps(0, h, step / 2)):
        for x in steps(0 if row % 2 == 0 else step / 2, w, step):
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
        x, y, s = (
            rng.uniform(w * 0.15, w * 0.85),
            rng.uniform(h * 0.1, h * 0.9),
            w * rng.uniform(0.04, 0.08),
        )
        kind = rng.random()
        colour = rng.choice((pal.accent, pal.border, pal.accent2))
        if kind < 0.4:
            draw.polygon(motifs.stepped_diamond(x, y, s, s * 1.2, 3), fill=colour)
        elif kind < 0.7:  # a little tree
            draw.rectangle((x - s * 0.08, y - s, x + s * 0.08, y + s), fill=colour)
            for k in range(3):
                yy = y - s + k * s * 0.55
                draw.polygon(
                    [(x, yy - s * 0.3), (x + s * 0.6, yy + s * 0.3), (x - s * 0.6, yy + s * 0.3)],
                    fill=colour,
                )
        else:  # an animal: body and four legs
            draw.rectangle((x - s, y - s * 0.4, x + s, y + s * 0.2), fill=colour)
            for dx in (-0.8, -0.4, 0.4, 0.8):
                draw.rectangle(
                    (x + dx * s - s * 0.07, y + s * 0.2, x + dx * s + s * 0.07, y + s * 0.7),
                    fill=colour,
                )
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
