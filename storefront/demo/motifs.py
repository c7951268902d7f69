"""Carpet motifs as polygons for Pillow: boteh, rosette, stepped diamond, lobed medallion, star.

Every function draws on an ``ImageDraw`` at pixel coordinates; colours are RGB tuples.
"""

from __future__ import annotations

import math

from PIL import ImageDraw

RGB = tuple[int, int, int]
Point = tuple[float, float]


def lobed(cx: float, cy: float, rx: float, ry: float, lobes: int, depth: float) -> list[Point]:
    """An ellipse whose outline ripples ``lobes`` times (a medallion or a flower head)."""
    points = []
    for i in range(96):
        t = 2 * math.pi * i / 96
        k = 1 + depth * math.cos(lobes * t)
        points.append((cx + rx * k * math.sin(t), cy - ry * k * math.cos(t)))
    return points


def stepped_diamond(cx: float, cy: float, w: float, h: float, steps: int) -> list[Point]:
    """A diamond with stair-stepped edges, as knotted in tribal and Gabbeh rugs."""
    quarter: list[Point] = []
    for i in range(steps):
        y = -h + h * i / steps
        quarter += [(w * i / steps, y), (w * (i + 1) / steps, y)]
    quarter.append((w, 0.0))
    right = quarter + [(x, -y) for x, y in reversed(quarter[:-1])]
    left = [(-x, y) for x, y in reversed(right[1:-1])]
    return [(cx + x, cy + y) for x, y in right + left]


def diamond(cx: float, cy: float, w: float, h: float) -> list[Point]:
    return [(cx, cy - h), (cx + w, cy), (cx, cy + h), (cx - w, cy)]


def star(cx: float, cy: float, r: float, points: int = 8, inner: float = 0.45) -> list[Point]:
    out = []
    for i in range(points * 2):
        rr = r if i % 2 == 0 else r * inner
        t = math.pi * i / points
        out.append((cx + rr * math.sin(t), cy - rr * math.cos(t)))
    return out


def boteh_points(cx: float, cy: float, size: float, flip: bool, angle: float = 0) -> list[Point]:
    """A paisley (boteh): a teardrop whose tip curls to one side."""
    side = -1 if flip else 1
    out = []
    for i in range(60):
        t = 2 * math.pi * i / 60
        u = math.cos(t)  # 1 at the tip, -1 at the round end
        v = math.sin(t) * abs(math.sin(t / 2)) ** 1.4 * 0.62
        x = v + side * 0.75 * max(0.0, u) ** 3
        y = -u
        if angle:
            x, y = (
                x * math.cos(angle) - y * math.sin(angle),
                x * math.sin(angle) + y * math.cos(angle),
            )
        out.append((cx + x * size * 0.5, cy + y * size * 0.5))
    return out


def boteh(
    draw: ImageDraw.ImageDraw,
    cx: float,
    cy: float,
    size: float,
    flip: bool,
    body: RGB,
    inner: RGB,
    dot: RGB,
) -> None:
    draw.polygon(boteh_points(cx, cy, size, flip), fill=body)
    draw.polygon(boteh_points(cx, cy + size * 0.08, size * 0.55, flip), fill=inner)
    r = size * 0.07
    draw.ellipse((cx - r, cy + size * 0.2 - r, cx + r, cy + size * 0.2 + r), fill=dot)


def rosette(
    draw: ImageDraw.ImageDraw,
    cx: float,
    cy: float,
    r: float,
    petal: RGB,
    centre: RGB,
    petals: int = 8,
) -> None:
    """A flower head: petals round a centre (drawn as overlapping discs for speed)."""
    pr = r * 0.36
    for i in range(petals):
        t = 2 * math.pi * i / petals
        px, py = cx + r * 0.62 * math.sin(t), cy - r * 0.62 * math.cos(t)
        draw.ellipse((px - pr, py - pr, px + pr, py + pr), fill=petal)
    cr = r * 0.38
    draw.ellipse((cx - cr, cy - cr, cx + cr, cy + cr), fill=centre)


def medallion(
    draw: ImageDraw.ImageDraw,
    cx: float,
    cy: float,
    rx: float,
    ry: float,
    colours: list[RGB],
    lobes: int = 8,
) -> None:
    """Concentric lobed medallion with pendants on the long axis and a rosette at the heart."""
    pend = min(rx, ry) * 0.28
    for dy in (-ry * 1.12, ry * 1.12):
        draw.polygon(diamond(cx, cy + dy, pend, pend * 1.5), fill=colours[0])
    for i, colour in enumerate(colours):
        k = 1 - i * 0.24
        if k <= 0.2:
            break
        draw.polygon(lobed(cx, cy, rx * k, ry * k, lobes, 0.08), fill=colour)
    rosette(draw, cx, cy, min(rx, ry) * 0.22, colours[0], colours[-1])


def sawtooth(
    draw: ImageDraw.ImageDraw,
    box: tuple[float, float, float, float],
    colour: RGB,
    teeth: int,
    vertical: bool,
) -> None:
    """A row of triangles filling ``box`` (the reciprocal border of tribal rugs)."""
    x0, y0, x1, y1 = box
    for i in range(teeth):
        if vertical:
            a, b = y0 + (y1 - y0) * i / teeth, y0 + (y1 - y0) * (i + 1) / teeth
            draw.polygon([(x0, a), (x1, (a + b) / 2), (x0, b)], fill=colour)
        else:
            a, b = x0 + (x1 - x0) * i / teeth, x0 + (x1 - x0) * (i + 1) / teeth
            draw.polygon([(a, y1), ((a + b) / 2, y0), (b, y1)], fill=colour)
