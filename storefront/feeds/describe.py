"""The words of one feed item in one language: title, description, material, colour, size, facts.

Pure functions of a FeedItem's columns and a language's Labels; the feed language is the only
language used (a carpet without a title in that language gets one composed from its attributes).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

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


class Memo(dict):
    """A dict for repeated phrases that stops growing at ``limit`` (memory stays flat)."""

    limit = 2048

    def put(self, key: object, value: Any) -> Any:
        if len(self) < self.limit:
            self[key] = value
        return value


class Describer:
    """Builds ItemText for one language; phrases that repeat across carpets are memoised."""

    def __init__(self, labels: Labels) -> None:
        self.labels = labels
        self.lang = labels.lang
        self.stop = labels.full_stop
        kinds = ("fibres", "fixed", "sizes", "people", "colours")
        self.memo: dict[str, Memo] = {k: Memo() for k in kinds}

    def fibres(self, item: FeedItem) -> tuple[list[str], tuple[str, ...]]:
        """(fibre names, pile-and-foundation sentences) for the item's materials."""
        key = (item.pile_material, item.foundation_material)
        hit = self.memo["fibres"].get(key)
        if hit is not None:
            return hit
        labels, stop = self.labels, self.stop
        names = [labels.fibres[f] for f in PILE_FIBRES.get(key[0], ())] or [key[0]]
        foundation = labels.fibres.get(f"f_{key[1]}")
        sentences = [labels.pile % {"material": labels.list_sep.join(names)} + stop]
        if foundation:
            sentences.append(labels.foundation % {"material": foundation} + stop)
            if foundation not in names:
                names.append(foundation)
        return self.memo["fibres"].put(key, (names, tuple(sentences)))

    def _fixed(self, kind: str, value: object, template: str, name: str) -> str:
        key = (kind, value)
        hit = self.memo["fixed"].get(key)
        if hit is None:
            hit = self.memo["fixed"].put(key, template % {name: value} + self.stop)
        return hit

    def sizes(self, item: FeedItem) -> tuple[str, str]:
        """("170 x 240 cm", "170 x 240 cm (5′7″ x 7′10″).") for the item's measured size."""
        key = (item.width_cm, item.length_cm)
        hit = self.memo["sizes"].get(key)
        if hit is None:
            size = self.labels.size % {"width": key[0], "length": key[1]}
            feet = f"{format_ft_in(key[0])} x {format_ft_in(key[1])}"
            hit = self.memo["sizes"].put(key, (size, f"{size} ({feet}){self.stop}"))
        return hit

    def colours(self, item: FeedItem) -> str:
        """Up to two named colours, "Red/Ivory"; "" when the carpet is only "multicolour"."""
        key = (item.colour_primary, item.colour_secondary)
        hit = self.memo["colours"].get(key)
        if hit is None:
            names = self.labels.colours
            found = [names[c] for c in dict.fromkeys(key) if c and c != "multi" and c in names]
            hit = self.memo["colours"].put(key, "/".join(found))
        return hit

    def _people(self, weavers: tuple[tuple, ...]) -> str:
        hit = self.memo["people"].get(weavers)
        if hit is not None:
            return hit
        labels = self.labels
        names = labels.list_sep.join(_pick((w[0], w[1]), self.lang) for w in weavers)
        first = weavers[0]
        place = labels.place % {
            "village": _pick((first[2], first[3]), self.lang),
            "district": labels.districts.get(first[4], first[4].title()),
        }
        sentence = labels.by_weavers % {"names": names, "place": place} + self.stop
        return self.memo["people"].put(weavers, sentence)

    def facts(self, item: FeedItem, pile: tuple[str, ...], size_sentence: str) -> tuple[str, ...]:
        """Short sentences about the carpet, each ending with the language's full stop."""
        labels = self.labels
        out = [self._people(item.weavers)] if item.weavers else []
        out += pile
        if item.kpsi:
            quality = item.quality or str(item.kpsi)
            key = (item.kpsi, quality)
            sentence = self.memo["fixed"].get(key)
            if sentence is None:
                text = labels.knots % {"kpsi": item.kpsi, "quality": quality} + self.stop
                sentence = self.memo["fixed"].put(key, text)
            out.append(sentence)
        if item.pile_height_mm:
            out.append(self._fixed("mm", item.pile_height_mm, labels.pile_height, "mm"))
        dyes = labels.dyes.get(item.dyes)
        if dyes:
            out.append(dyes + self.stop)
        out.append(size_sentence)
        if item.weaving_days:
            out.append(self._fixed("days", item.weaving_days, labels.woven_days, "days"))
        if item.gi_number:
            out.append(self._fixed("gi", item.gi_number, labels.gi_note, "number"))
        return tuple(out)

    def text(self, item: FeedItem) -> ItemText:
        """Compose the texts of ``item`` in this language."""
        labels = self.labels
        construction = labels.constructions.get(item.construction, item.construction)
        names, pile = self.fibres(item)
        pattern = labels.designs.get(item.design, item.design)
        size, size_sentence = self.sizes(item)
        english = self.lang == "en"
        own_title = one_line(clean(item.title_en if english else item.title_hi))
        if own_title:
            has_size = str(item.width_cm) in own_title and str(item.length_cm) in own_title
            title = own_title if has_size else f"{own_title}, {size}"
        else:
            head = labels.generated_title % {"construction": construction}
            title = ", ".join([head, names[0], pattern, size])
        return ItemText(
            title=title,
            title_generated=not own_title,
            own_description=clean(item.description_en if english else item.description_hi),
            facts=self.facts(item, pile, size_sentence),
            material="/".join(names),
            colour=self.colours(item),
            pattern=pattern,
            size=size,
            construction=construction,
            product_type=f"{labels.rugs} > {construction} > {names[0]}",
        )


def gi_number(weavers: tuple[tuple, ...]) -> str | None:
    """The GI authorised-user number to show: only when every weaver is in a GI district."""
    if not weavers or any(w[4] not in GI_DISTRICTS for w in weavers):
        return None
    numbers = [w[5] for w in weavers if w[5]]
    return numbers[0] if numbers else None
