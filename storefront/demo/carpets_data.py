"""Plausible demo carpets: construction, materials, knots, sizes, prices, and text in two languages.

``plan_carpet(n, weaver, rng)`` returns the column values of one Carpet. Prices follow the trade:
weavers are paid per square foot, and the rate rises with knot density and with silk.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from decimal import Decimal

from storefront.catalog.attributes import HSN_BY_CONSTRUCTION, area_sq_ft

# style: construction, pile materials, designs, (quality, kpsi) choices, colours, sizes (ft)
STYLES: dict[str, dict] = {
    "classic": {
        "construction": "hand_knotted", "pile": ("wool", "wool", "nz_wool"), "designs": ("medallion", "floral"),
        "qualities": (("8x8", 64), ("9x9", 81), ("10x10", 100), ("10x12", 120), ("12x12", 144)),
        "colours": ("red", "blue", "ivory", "beige", "green"), "pile_mm": (9, 12), "rate": (9, 300),
    },
    "fine": {
        "construction": "hand_knotted", "pile": ("wool_silk", "wool_silk", "nz_wool"), "designs": ("floral", "medallion"),
        "qualities": (("12x14", 168), ("14x14", 196), ("14x16", 224), ("16x16", 256)),
        "colours": ("ivory", "blue", "beige", "gold", "pink"), "pile_mm": (6, 8), "rate": (12, 600),
    },
    "silk": {
        "construction": "hand_knotted", "pile": ("silk",), "designs": ("floral", "medallion"),
        "qualities": (("16x16", 256), ("17x17", 289), ("15x20", 300)),
        "colours": ("ivory", "red", "blue", "gold", "green"), "pile_mm": (4, 5), "rate": (18, 1000),
        "sizes": ((2, 3), (3, 5), (4, 6), (5, 8), (6, 9), (8, 10)),
    },
    "mir": {
        "construction": "hand_knotted", "pile": ("wool",), "designs": ("mir",),
        "qualities": (("9x9", 81), ("10x10", 100), ("10x12", 120), ("12x12", 144)),
        "colours": ("ivory", "red", "blue"), "pile_mm": (8, 10), "rate": (10, 300),
    },
    "loribaft": {
        "construction": "hand_knotted", "pile": ("wool",), "designs": ("tribal",),
        "qualities": (("6x7", 42), ("6x8", 48), ("8x8", 64)),
        "colours": ("rust", "red", "brown", "gold"), "pile_mm": (12, 15), "rate": (8, 450),
    },
    "gabbeh": {
        "construction": "hand_knotted", "pile": ("wool",), "designs": ("gabbeh",),
        "qualities": (("5x6", 30), ("6x6", 36), ("6x7", 42)),
        "colours": ("gold", "rust", "grey", "blue", "beige", "green"), "pile_mm": (16, 20), "rate": (8, 450),
    },
    "geometric": {
        "construction": "hand_knotted", "pile": ("wool", "nz_wool"), "designs": ("geometric",),
        "qualities": (("8x8", 64), ("9x9", 81), ("10x10", 100)),
        "colours": ("beige", "grey", "blue", "rust", "ivory"), "pile_mm": (9, 11), "rate": (9, 300),
    },
    "tufted": {
        "construction": "hand_tufted", "pile": ("nz_wool", "wool", "viscose", "viscose"), "designs": ("modern", "floral"),
        "qualities": (("", None),), "colours": ("grey", "beige", "pink", "blue", "black", "multi"),
        "pile_mm": (10, 14), "rate": (0, 520),
    },
    "dhurrie": {
        "construction": "flat_weave", "pile": ("cotton", "cotton", "wool", "jute"), "designs": ("kilim", "geometric"),
        "qualities": (("", None),), "colours": ("multi", "blue", "green", "grey", "ivory", "red"),
        "pile_mm": None, "rate": (0, 330), "sizes": ((3, 5), (4, 6), (5, 8), (6, 9)),
    },
}
SIZES = ((2, 3), (3, 5), (4, 6), (5, 8), (5, 8), (6, 9), (6, 9), (8, 10), (9, 12))
RUNNERS = ((2.5, 8), (2.5, 10), (2.5, 12))
SECONDARY = {
    "red": "blue", "blue": "red", "ivory": "red", "beige": "brown", "green": "red", "gold": "blue",
    "rust": "blue", "grey": "ivory", "black": "red", "pink": "blue", "brown": "beige", "multi": "green",
}
DENSITY_KG_M2 = {"wool": 3.4, "nz_wool": 3.3, "wool_silk": 2.9, "silk": 2.4, "viscose": 3.0, "cotton": 1.5, "jute": 1.9}

COLOUR_EN = {
    "red": "Madder-red", "blue": "Indigo", "ivory": "Ivory", "beige": "Sand-beige", "green": "Leaf-green",
    "gold": "Saffron", "rust": "Rust", "grey": "Stone-grey", "black": "Charcoal", "pink": "Rose",
    "brown": "Walnut-brown", "multi": "Multicolour",
}
# Hindi colour adjectives: (masculine, feminine) — कालीन and रनर are masculine, दरी is feminine.
COLOUR_HI = {
    "red": ("लाल", "लाल"), "blue": ("नीला", "नीली"), "ivory": ("आइवरी", "आइवरी"), "beige": ("बेज", "बेज"),
    "green": ("हरा", "हरी"), "gold": ("केसरिया", "केसरिया"), "rust": ("गेरुआ", "गेरुई"),
    "grey": ("सलेटी", "सलेटी"), "black": ("काला", "काली"), "pink": ("गुलाबी", "गुलाबी"),
    "brown": ("भूरा", "भूरी"), "multi": ("रंग-बिरंगा", "रंग-बिरंगी"),
}
MATERIAL_EN = {
    "wool": "wool", "nz_wool": "New Zealand wool", "wool_silk": "wool and silk", "silk": "pure silk",
    "viscose": "viscose", "cotton": "cotton", "jute": "jute",
}
MATERIAL_HI = {
    "wool": "ऊन", "nz_wool": "न्यूज़ीलैंड ऊन", "wool_silk": "ऊन और रेशम", "silk": "शुद्ध रेशम",
    "viscose": "विस्कोस", "cotton": "सूत", "jute": "जूट",
}
DESIGN_TEXT = {
    "medallion": ("a lobed central medallion on an open field, framed by a border of rosettes",
                  "बीच में लहरदार मेडेलियन, खुली ज़मीन और फूलों वाला बॉर्डर"),
    "floral": ("an all-over lattice of flowers and vines", "पूरे कालीन पर फूलों और बेलों का जाल"),
    "mir": ("rows of small boteh (paisley) motifs, the Mir pattern that Bhadohi's looms are known for",
            "छोटे-छोटे बूटों (पैस्ली) की कतारें — भदोही के करघों का जाना-माना मीर नमूना"),
    "tribal": ("stepped medallions stacked in the Loribaft manner, inside a sawtooth border",
               "लोरीबाफ़्त ढंग से एक के ऊपर एक सीढ़ीदार मेडेलियन, आरी-दाँत वाले बॉर्डर के भीतर"),
    "gabbeh": ("an open, softly shaded field with a few small figures drawn by hand",
               "हल्के रंग-भेद वाली खुली ज़मीन पर हाथ से बनी कुछ छोटी आकृतियाँ"),
    "modern": ("soft blocks of colour in a calm, modern layout", "शांत, आधुनिक ढंग से सजे रंगों के हल्के खंड"),
    "geometric": ("a diamond lattice with a small star in every cell", "हीरे के आकार का जाल, हर खाने में छोटा तारा"),
    "kilim": ("bands of stepped diamonds, woven flat with no pile", "सीढ़ीदार हीरों की पट्टियाँ, बिना रोएँ की सपाट बुनाई"),
}
DESIGN_HI = {"medallion": "मेडेलियन", "floral": "फूलदार", "geometric": "ज्यामितीय", "modern": "आधुनिक"}
DYE_TEXT = {
    "natural": ("Coloured with natural dyes — madder, indigo and pomegranate rind — so the colour shifts "
                "gently across the field (abrash).",
                "प्राकृतिक रंगों — मजीठ, नील और अनार के छिलके — से रंगा गया है, इसलिए ज़मीन में रंग हल्का-हल्का "
                "बदलता है (अबरश)।"),
    "synthetic": ("Dyed with colour-fast synthetic dyes.", "पक्के सिंथेटिक रंगों से रंगा गया है।"),
    "mixed": ("Natural dyes for the reds and blues; colour-fast synthetic dyes for the lighter shades.",
              "लाल और नीले रंग प्राकृतिक हैं; हल्के रंग पक्के सिंथेटिक रंगों से।"),
}


def plan_carpet(n: int, weaver: dict, rng: random.Random, k: int = 0) -> dict:
    """Column values for demo carpet ``n``, the ``k``-th by ``weaver`` (a WEAVERS entry)."""
    style_name = weaver["styles"][k % len(weaver["styles"])]
    style = STYLES[style_name]
    construction = style["construction"]
    pile = rng.choice(style["pile"])
    design = rng.choice(style["designs"])
    quality, kpsi = rng.choice(style["qualities"])
    colour = rng.choice(style["colours"])
    colour2 = SECONDARY[colour] if rng.random() < 0.8 else None
    shape, nominal, width_cm, length_cm = _size(style, design, rng)
    sq_ft = area_sq_ft(width_cm, length_cm)
    dyes = "natural" if style_name in ("gabbeh", "loribaft") else rng.choice(("natural", "mixed", "synthetic", "synthetic"))
    if pile in ("viscose", "silk"):
        dyes = "synthetic" if pile == "viscose" else rng.choice(("synthetic", "mixed"))
    per_kpsi, base = style["rate"]
    rate = Decimal(per_kpsi * (kpsi or 0) + base) * (Decimal("1.15") if dyes == "natural" else 1)
    rupees = max(rng.randint(80, 96) * 100, min(600000, int(sq_ft * rate * Decimal(rng.uniform(0.92, 1.12)))))
    rupees = rupees // 500 * 500 if rupees > 50000 else rupees // 100 * 100
    area_m2 = width_cm * length_cm / 10000 * (0.785 if shape == "round" else 1)
    if kpsi:
        team = 1 + int(width_cm / 30.48 // 3)
        days = int(sq_ft * 144 * kpsi / (4000 * team)) + 15
    else:
        days = int(sq_ft * (Decimal("0.6") if construction == "hand_tufted" else Decimal("0.9"))) + 8
    pile_mm = rng.randint(*style["pile_mm"]) if style["pile_mm"] else None
    title_en, title_hi = _titles(style_name, design, colour, pile, shape, nominal)
    foundation = "wool" if style_name == "gabbeh" else "cotton"
    if pile == "silk" or (pile == "wool_silk" and rng.random() < 0.3):
        foundation = "silk"
    text = (weaver, design, construction, pile, foundation, kpsi, quality, dyes, days, width_cm, length_cm)
    return {
        "construction": construction,
        "pile_material": pile,
        "foundation_material": foundation,
        "dyes": dyes,
        "kpsi": kpsi,
        "quality": quality,
        "width_cm": width_cm,
        "length_cm": length_cm,
        "shape": shape,
        "pile_height_mm": pile_mm,
        "weight_g": round(area_m2 * DENSITY_KG_M2[pile] * rng.uniform(0.92, 1.08) * 1000 / 50) * 50,
        "colour_primary": colour,
        "colour_secondary": colour2,
        "design": design,
        "weaving_days": min(600, days),
        "hsn_code": HSN_BY_CONSTRUCTION[construction],
        "price_paise": rupees * 100,
        "title_en": title_en,
        "title_hi": title_hi,
        "description_en": _description_en(*text),
        "description_hi": _description_hi(*text),
    }


def _size(style: dict, design: str, rng: random.Random) -> tuple[str, str, int, int]:
    """(shape, nominal label, measured width cm, measured length cm): a little off nominal."""
    roll = rng.random()
    hand = style["construction"] == "hand_knotted"
    if hand and design in ("medallion", "geometric", "mir", "tribal") and roll < 0.2 and "sizes" not in style:
        w, l = rng.choice(RUNNERS)
        return "runner", f"{w:g}×{l:g} ft", _cm(w, rng), _cm(l, rng)
    if design in ("medallion", "floral") and roll > 0.86:
        d = rng.choice((4, 6, 8))
        cm = _cm(d, rng)
        return "round", f"{d} ft", cm, cm
    w, l = rng.choice(style.get("sizes", SIZES))
    return "rectangle", f"{w}×{l} ft", _cm(w, rng), _cm(l, rng)


def _cm(feet: float, rng: random.Random) -> int:
    return round(feet * 30.48 + rng.uniform(-5, 2.5))


def _titles(style: str, design: str, colour: str, pile: str, shape: str, nominal: str) -> tuple[str, str]:
    c_en = COLOUR_EN[colour]
    masc, fem = COLOUR_HI[colour]
    size_hi = nominal.replace("ft", "फ़ुट")
    noun_en = {"runner": "runner", "round": "round carpet"}.get(shape, "carpet")
    noun_hi = {"runner": "रनर", "round": "गोल कालीन"}.get(shape, "कालीन")
    d_hi = DESIGN_HI.get(design, "")
    if style == "dhurrie":
        return (f"{c_en} {MATERIAL_EN[pile]} dhurrie, {design}-pattern flat-weave, {nominal}",
                f"{fem} {'ऊनी' if pile == 'wool' else ('सूती' if pile == 'cotton' else 'जूट की')} दरी, "
                f"{'किलिम' if design == 'kilim' else 'ज्यामितीय'} डिज़ाइन, {size_hi}")
    if style == "tufted":
        return (f"{c_en} {design} hand-tufted rug in {MATERIAL_EN[pile]}, {nominal}",
                f"{MATERIAL_HI[pile]} का {masc} {d_hi} हैंड-टफ़्टेड कालीन, {size_hi}")
    if style == "gabbeh":
        return (f"{c_en} Indo-Gabbeh {noun_en}, hand-knotted, {nominal}",
                f"{masc} इंडो-गब्बे {noun_hi}, हाथ से गाँठ बाँधकर बुना, {size_hi}")
    if style == "loribaft":
        return (f"Loribaft-style {c_en.lower()} tribal {noun_en}, {nominal}",
                f"लोरीबाफ़्त शैली का {masc} कबायली {noun_hi}, {size_hi}")
    if style == "mir":
        return (f"{c_en} Mir {noun_en} with boteh rows, {nominal}", f"बूटेदार {masc} मीर {noun_hi}, {size_hi}")
    if style in ("fine", "silk"):
        mat = "Pure silk" if pile == "silk" else ("Fine wool-and-silk" if pile == "wool_silk" else "Fine New Zealand wool")
        mat_hi = {"silk": "शुद्ध रेशम का", "wool_silk": "ऊन-रेशम का बारीक", "nz_wool": "न्यूज़ीलैंड ऊन का बारीक"}[pile]
        return (f"{mat} {c_en.lower()} {design} {noun_en}, {nominal}", f"{mat_hi} {masc} {d_hi} {noun_hi}, {size_hi}")
    return (f"{c_en} {design} {noun_en}, hand-knotted {MATERIAL_EN[pile]}, {nominal}",
            f"हाथ से बुना {masc} {d_hi} {noun_hi}, {MATERIAL_HI[pile]}, {size_hi}")


def _description_en(weaver: dict, design: str, construction: str, pile: str, found: str,
                    kpsi: int | None, quality: str, dyes: str, days: int, w: int, l: int) -> str:
    first = weaver["name_en"].split()[0]
    out = [f"Woven by {weaver['name_en']} in {weaver['village_en']}, this piece has {DESIGN_TEXT[design][0]}."]
    if construction == "hand_knotted":
        out.append(f"{first} knotted it by hand on a vertical loom at {kpsi} knots per square inch (trade quality "
                   f"{quality}), with {MATERIAL_EN[pile]} pile on a {found} foundation. {DYE_TEXT[dyes][0]} "
                   f"It spent about {days} days on the loom.")
    elif construction == "hand_tufted":
        out.append(f"It is hand-tufted: {MATERIAL_EN[pile]} yarn is punched through a cotton backing with a "
                   "hand-held tufting gun, sheared even and backed with cloth. It is not knotted, which is why "
                   f"it costs less than a knotted carpet of the same size. {DYE_TEXT[dyes][0]}")
    else:
        out.append(f"A flat-woven dhurrie with no pile: the {MATERIAL_EN[pile]} weft is beaten tight on a pit "
                   "loom, so both faces can be used. Light, washable and easy to roll for shipping.")
    if pile == "viscose":
        out.append("The sheen comes from viscose (rayon), a fibre made from wood pulp; it is not silk.")
    out.append(f"Measured size: {w} × {l} cm. Roll it, never fold it; vacuum without the beater brush.")
    return "\n\n".join(out)


def _description_hi(weaver: dict, design: str, construction: str, pile: str, found: str,
                    kpsi: int | None, quality: str, dyes: str, days: int, w: int, l: int) -> str:
    made = "की बुनी यह दरी" if construction == "flat_weave" else "का बुना यह कालीन"
    of = "की" if weaver.get("woman") else "के"
    out = [f"{weaver['village_hi']} {of} {weaver['name_hi']} {made} — {DESIGN_TEXT[design][1]}।"]
    if construction == "hand_knotted":
        found_hi = {"silk": "रेशम", "wool": "ऊन"}.get(found, "सूत")
        out.append(f"इसे खड़े करघे पर एक-एक गाँठ बाँधकर बुना गया है: {kpsi} गाँठ प्रति वर्ग इंच (क्वालिटी "
                   f"{quality}), {MATERIAL_HI[pile]} के रोएँ और {found_hi} का ताना-बाना। {DYE_TEXT[dyes][1]} "
                   f"करघे पर लगभग {days} दिन लगे।")
    elif construction == "hand_tufted":
        out.append(f"यह हैंड-टफ़्टेड कालीन है: {MATERIAL_HI[pile]} का धागा हाथ की टफ़्टिंग गन से सूती कपड़े में "
                   "भरा जाता है, फिर बराबर कतरकर पीछे कपड़ा लगाया जाता है। इसमें गाँठें नहीं होतीं, इसलिए यह "
                   f"उसी नाप के गाँठ वाले कालीन से सस्ता है। {DYE_TEXT[dyes][1]}")
    else:
        out.append(f"यह बिना रोएँ की सपाट बुनी दरी है: {MATERIAL_HI[pile]} के बाने को गड्ढे वाले करघे पर कसकर "
                   "ठोका गया है, इसलिए दोनों तरफ़ से इस्तेमाल हो सकती है। हल्की, धोने में आसान और भेजने के लिए "
                   "आसानी से लपेटी जा सकती है।")
    if pile == "viscose":
        out.append("इसकी चमक विस्कोस (रेयॉन) से है, जो लकड़ी की लुगदी से बना रेशा है; यह रेशम नहीं है।")
    out.append(f"नापा गया आकार: {w} × {l} सेमी। मोड़ें नहीं, लपेटकर रखें; बिना घूमने वाले ब्रश के वैक्यूम करें।")
    return "\n\n".join(out)


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("×", "x")).strip("-")


def published_on(n: int, rng: random.Random) -> dt.datetime:
    """Listing dates spread over the past year, newest first."""
    start = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)
    return start - dt.timedelta(days=n * 5 + rng.randint(0, 3), hours=rng.randint(0, 9))
