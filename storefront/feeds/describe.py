"""The words of one feed item in one language: title, description, material, colour, size, facts.

Pure functions of a FeedItem's columns and a language's Labels; the feed language is the only
language used (a carpet without a title in that language gets one composed from its attributes).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from storefront.catalog.attributes import format_ft_in
from storefront.feeds.text import clean, one_line, truncate
from storefront.feeds.vocab import PILE_FIBRES, Labels
from storefront.weavers.models import GI_DISTRICTS

if TYPE_CHECKING:
    from storefront.feeds.items import FeedItem


@dataclass(slots=True)
class ItemText:
    """Plain-text fields of one item in one language (untruncated; formats cut to their limits)."""

    title: str
    title_generated: bool  # the weaver wrote no title in this language
    own_description: str  # what the weaver wrote in this language (may be empty)
    facts: tuple[str, ...]  # short sentences: weavers, pile, knots, size, GI ...
    material: str  # "Wool/Cotton", primary first
    colour: str  # "Red/Ivory" ("" when only "multicolour")
    pattern: str
    size: str  # "170 x 240 cm"
    construction: str
    product_type: str  # "Rugs > Hand-knotted > Wool"

    def description(self, limit: int) -> str:
        """The weaver's text then the facts, within ``limit`` characters (facts kept whole)."""
        facts = " ".join(self.facts)
        if not self.own_description:
            return truncate(facts, limit)
        room = limit - len(facts) - 2
        if room < 40:
            return truncate(self.own_description + "\n\n" + facts, limit)
        return truncate(self.own_description, room) + "\n\n" + facts


def _pick(pair: tuple[str, str], lang: str) -> str:
    """The value in ``lang`` ("en" first, "hi" second), else the other one."""
    first, second = (pair[1], pair[0]) if lang == "hi" else pair
    return first or second


def fibres(item: FeedItem, labels: Labels) -> list[str]:
    """Pile fibres then the foundation, translated, without repeats."""
    names = [labels.fibres[f] for f in PILE_FIBRES.get(item.pile_material, (item.pile_material,))]
    foundation = labels.fibres.get(f"f_{item.foundation_material}")
    if foundation and foundation not in names:
        names.append(foundation)
    return names


def size_label(item: FeedItem, labels: Labels) -> str:
    return labels.size % {"width": item.width_cm, "length": item.length_cm}


def _has_size(title: str, item: FeedItem) -> bool:
    return str(item.width_cm) in title and str(item.length_cm) in title


def item_text(item: FeedItem, labels: Labels) -> ItemText:
    """Compose the texts of ``item`` in ``labels.lang``."""
    lang = labels.lang
    construction = labels.constructions.get(item.construction, item.construction)
    names = fibres(item, labels)
    material = "/".join(names)
    pattern = labels.designs.get(item.design, item.design)
    size = size_label(item, labels)
    colours = [
        labels.colours[c]
        for c in dict.fromkeys((item.colour_primary, item.colour_secondary))
        if c and c != "multi" and c in labels.colours
    ]
    own_title = one_line(clean(item.title_en if lang == "en" else item.title_hi))
    if own_title:
        title = own_title if _has_size(own_title, item) else f"{own_title}, {size}"
    else:
        head = labels.generated_title % {"construction": construction}
        title = ", ".join([head, names[0], pattern, size])
    own_description = clean(item.description_en if lang == "en" else item.description_hi)
    return ItemText(
        title=title,
        title_generated=not own_title,
        own_description=own_description,
        facts=facts(item, labels, names, size),
        material=material,
        colour="/".join(colours),
        pattern=pattern,
        size=size,
        construction=construction,
        product_type=f"{labels.rugs} > {construction} > {names[0]}",
    )


def facts(item: FeedItem, labels: Labels, names: list[str], size: str) -> tuple[str, ...]:
    """Short sentences about the carpet, each ending with the language's full stop."""
    stop = labels.full_stop
    out = []
    if item.weavers:
        people = labels.list_sep.join(_pick((w[0], w[1]), labels.lang) for w in item.weavers)
        first = item.weavers[0]
        place = labels.place % {
            "village": _pick((first[2], first[3]), labels.lang),
            "district": labels.districts.get(first[4], first[4].title()),
        }
        out.append(labels.by_weavers % {"names": people, "place": place} + stop)
    pile = [n for n in names if n != labels.fibres.get(f"f_{item.foundation_material}")] or names
    out.append(labels.pile % {"material": labels.list_sep.join(pile)} + stop)
    foundation = labels.fibres.get(f"f_{item.foundation_material}")
    if foundation:
        out.append(labels.foundation % {"material": foundation} + stop)
    if item.kpsi:
        quality = item.quality or f"{item.kpsi}"
        out.append(labels.knots % {"kpsi": item.kpsi, "quality": quality} + stop)
    if item.pile_height_mm:
        out.append(labels.pile_height % {"mm": item.pile_height_mm} + stop)
    dyes = labels.dyes.get(item.dyes)
    if dyes:
        out.append(dyes + stop)
    feet = f"{format_ft_in(item.width_cm)} x {format_ft_in(item.length_cm)}"
    out.append(f"{size} ({feet}){stop}")
    if item.weaving_days:
        out.append(labels.woven_days % {"days": item.weaving_days} + stop)
    if item.gi_number:
        out.append(labels.gi_note % {"number": item.gi_number} + stop)
    return tuple(out)


def gi_number(weavers: tuple[tuple, ...]) -> str | None:
    """The GI authorised-user number to show: only when every weaver is in a GI district."""
    if not weavers or any(w[4] not in GI_DISTRICTS for w in weavers):
        return None
    numbers = [w[5] for w in weavers if w[5]]
    return numbers[0] if numbers else None
