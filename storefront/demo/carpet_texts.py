"""Words for the demo carpets in English and Hindi: colours, materials, designs, titles, stories.

Hindi adjectives agree in gender: कालीन and रनर are masculine, दरी is feminine.
"""

from __future__ import annotations

COLOUR_EN = {
    "red": "Madder-red",
    "blue": "Indigo",
    "ivory": "Ivory",
    "beige": "Sand-beige",
    "green": "Leaf-green",
    "gold": "Saffron",
    "rust": "Rust",
    "grey": "Stone-grey",
    "black": "Charcoal",
    "pink": "Rose",
    "brown": "Walnut-brown",
    "multi": "Multicolour",
}
# Hindi colour adjectives: (masculine, feminine) — कालीन and रनर are masculine, दरी is feminine.
COLOUR_HI = {
    "red": ("लाल", "लाल"),
    "blue": ("नीला", "नीली"),
    "ivory": ("आइवरी", "आइवरी"),
    "beige": ("बेज", "बेज"),
    "green": ("हरा", "हरी"),
    "gold": ("केसरिया", "केसरिया"),
    "rust": ("गेरुआ", "गेरुई"),
    "grey": ("सलेटी", "सलेटी"),
    "black": ("काला", "काली"),
    "pink": ("गुलाबी", "गुलाबी"),
    "brown": ("भूरा", "भूरी"),
    "multi": ("रंग-बिरंगा", "रंग-बिरंगी"),
}
MATERIAL_EN = {
    "wool": "wool",
    "nz_wool": "New Zealand wool",
    "wool_silk": "wool and silk",
    "silk": "pure silk",
    "viscose": "viscose",
    "cotton": "cotton",
    "jute": "jute",
}
MATERIAL_HI = {
    "wool": "ऊन",
    "nz_wool": "न्यूज़ीलैंड ऊन",
    "wool_silk": "ऊन और रेशम",
    "silk": "शुद्ध रेशम",
    "viscose": "विस्कोस",
    "cotton": "सूत",
    "jute": "जूट",
}
DESIGN_TEXT = {
    "medallion": (
        "a lobed central medallion on an open field, framed by a border of rosettes",
        "बीच में लहरदार मेडेलियन, खुली ज़मीन और फूलों वाला बॉर्डर",
    ),
    "floral": ("an all-over lattice of flowers and vines", "पूरे कालीन पर फूलों और बेलों का जाल"),
    "mir": (
        "rows of small boteh (paisley) motifs, the Mir pattern that Bhadohi's looms are known for",
        "छोटे-छोटे बूटों (पैस्ली) की कतारें — भदोही के करघों का जाना-माना मीर नमूना",
    ),
    "tribal": (
        "stepped medallions stacked in the Loribaft manner, inside a sawtooth border",
        "लोरीबाफ़्त ढंग से एक के ऊपर एक सीढ़ीदार मेडेलियन, आरी-दाँत वाले बॉर्डर के भीतर",
    ),
    "gabbeh": (
        "an open, softly shaded field with a few small figures drawn by hand",
        "हल्के रंग-भेद वाली खुली ज़मीन पर हाथ से बनी कुछ छोटी आकृतियाँ",
    ),
    "modern": ("soft blocks of colour in a calm, modern layout", "शांत, आधुनिक ढंग से सजे रंगों के हल्के खंड"),
    "geometric": (
        "a diamond lattice with a small star in every cell",
        "हीरे के आकार का जाल, हर खाने में छोटा तारा",
    ),
    "kilim": (
        "bands of stepped diamonds, woven flat with no pile",
        "सीढ़ीदार हीरों की पट्टियाँ, बिना रोएँ की सपाट बुनाई",
    ),
}
DESIGN_HI = {"medallion": "मेडेलियन", "floral": "फूलदार", "geometric": "ज्यामितीय", "modern": "आधुनिक"}
DYE_TEXT = {
    "natural": (
        "Coloured with natural dyes — madder, indigo and pomegranate rind — so the colour shifts "
        "gently across the field (abrash).",
        "प्राकृतिक रंगों — मजीठ, नील और अनार के छिलके — से रंगा गया है, इसलिए ज़मीन में रंग "
        "हल्का-हल्का "
        "बदलता है (अबरश)।",
    ),
    "synthetic": ("Dyed with colour-fast synthetic dyes.", "पक्के सिंथेटिक रंगों से रंगा गया है।"),
    "mixed": (
        "Natural dyes for the reds and blues; colour-fast synthetic dyes for the lighter shades.",
        "लाल और नीले रंग प्राकृतिक हैं; हल्के रंग पक्के सिंथेटिक रंगों से।",
    ),
}


def titles(
    style: str, design: str, colour: str, pile: str, shape: str, nominal: str
) -> tuple[str, str]:
    c_en = COLOUR_EN[colour]
    masc, fem = COLOUR_HI[colour]
    size_hi = nominal.replace("ft", "फ़ुट")
    noun_en = {"runner": "runner", "round": "round carpet"}.get(shape, "carpet")
    noun_hi = {"runner": "रनर", "round": "गोल कालीन"}.get(shape, "कालीन")
    d_hi = DESIGN_HI.get(design, "")
    round_en, round_hi = ("round ", "गोल ") if shape == "round" else ("", "")
    if style == "dhurrie":
        return (
            f"{c_en} {MATERIAL_EN[pile]} {design} dhurrie, {nominal}",
            f"{fem} {'ऊनी' if pile == 'wool' else ('सूती' if pile == 'cotton' else 'जूट की')} "
            f"{'किलिम' if design == 'kilim' else 'ज्यामितीय'} दरी, {size_hi}",
        )
    if style == "tufted":
        return (
            f"{c_en} {design} {round_en}hand-tufted rug in {MATERIAL_EN[pile]}, {nominal}",
            f"{MATERIAL_HI[pile]} का {masc} {d_hi} {round_hi}हैंड-टफ़्टेड कालीन, {size_hi}",
        )
    if style == "gabbeh":
        return (
            f"{c_en} Indo-Gabbeh {noun_en}, {nominal}",
            f"{masc} इंडो-गब्बे {noun_hi}, {size_hi}",
        )
    if style == "loribaft":
        return (
            f"Loribaft-style {c_en.lower()} tribal {noun_en}, {nominal}",
            f"लोरीबाफ़्त शैली का {masc} कबायली {noun_hi}, {size_hi}",
        )
    if style == "mir":
        return (
            f"{c_en} Mir boteh {noun_en}, {nominal}",
            f"बूटेदार {masc} मीर {noun_hi}, {size_hi}",
        )
    if style in ("fine", "silk"):
        mat = (
            "Pure silk"
            if pile == "silk"
            else ("Fine wool-and-silk" if pile == "wool_silk" else "Fine New Zealand wool")
        )
        mat_hi = {
            "silk": "शुद्ध रेशम का",
            "wool_silk": "ऊन-रेशम का बारीक",
            "nz_wool": "न्यूज़ीलैंड ऊन का बारीक",
        }[pile]
        return (
            f"{mat} {c_en.lower()} {design} {noun_en}, {nominal}",
            f"{mat_hi} {masc} {d_hi} {noun_hi}, {size_hi}",
        )
    return (
        f"{c_en} {MATERIAL_EN[pile]} {design} {noun_en}, {nominal}",
        f"{masc} {d_hi} ऊनी {noun_hi}, {size_hi}"
        if pile == "wool"
        else f"{masc} {d_hi} {noun_hi}, {MATERIAL_HI[pile]}, {size_hi}",
    )


def description_en(
    weaver: dict,
    design: str,
    construction: str,
    pile: str,
    found: str,
    kpsi: int | None,
    quality: str,
    dyes: str,
    days: int,
    w: int,
    length: int,
) -> str:
    first = weaver["name_en"].split()[0]
    out = [
        f"Woven by {weaver['name_en']} in {weaver['village_en']}, this piece has "
        f"{DESIGN_TEXT[design][0]}."
    ]
    if construction == "hand_knotted":
        out.append(
            f"{first} knotted it by hand on a vertical loom at {kpsi} knots per square inch "
            f"(trade quality "
            f"{quality}), with {MATERIAL_EN[pile]} pile on a {found} foundation. "
            f"{DYE_TEXT[dyes][0]} "
            f"It spent about {days} days on the loom."
        )
    elif construction == "hand_tufted":
        out.append(
            f"It is hand-tufted: {MATERIAL_EN[pile]} yarn is punched through a cotton backing "
            f"with a "
            "hand-held tufting gun, sheared even and backed with cloth. It is not knotted, which "
            "is why "
            f"it costs less than a knotted carpet of the same size. {DYE_TEXT[dyes][0]}"
        )
    else:
        out.append(
            f"A flat-woven dhurrie with no pile: the {MATERIAL_EN[pile]} weft is beaten tight on "
            f"a pit "
            "loom, so both faces can be used. Light, washable and easy to roll for shipping."
        )
    if pile == "viscose":
        out.append(
            "The sheen comes from viscose (rayon), a fibre made from wood pulp; it is not silk."
        )
    out.append(
        f"Measured size: {w} × {length} cm. "
        "Roll it, never fold it; vacuum without the beater brush."
    )
    return "\n\n".join(out)


def description_hi(
    weaver: dict,
    design: str,
    construction: str,
    pile: str,
    found: str,
    kpsi: int | None,
    quality: str,
    dyes: str,
    days: int,
    w: int,
    length: int,
) -> str:
    made = "की बुनी यह दरी" if construction == "flat_weave" else "का बुना यह कालीन"
    of = "की" if weaver.get("woman") else "के"
    out = [f"{weaver['village_hi']} {of} {weaver['name_hi']} {made} — {DESIGN_TEXT[design][1]}।"]
    if construction == "hand_knotted":
        found_hi = {"silk": "रेशम", "wool": "ऊन"}.get(found, "सूत")
        out.append(
            f"इसे खड़े करघे पर एक-एक गाँठ बाँधकर बुना गया है: {kpsi} गाँठ प्रति वर्ग इंच (क्वालिटी "
            f"{quality}), {MATERIAL_HI[pile]} के रोएँ और {found_hi} का ताना-बाना। "
            f"{DYE_TEXT[dyes][1]} "
            f"करघे पर लगभग {days} दिन लगे।"
        )
    elif construction == "hand_tufted":
        out.append(
            f"यह हैंड-टफ़्टेड कालीन है: {MATERIAL_HI[pile]} का धागा हाथ की टफ़्टिंग गन से सूती "
            f"कपड़े में "
            "भरा जाता है, फिर बराबर कतरकर पीछे कपड़ा लगाया जाता है। इसमें गाँठें नहीं होतीं, "
            "इसलिए यह "
            f"उसी नाप के गाँठ वाले कालीन से सस्ता है। {DYE_TEXT[dyes][1]}"
        )
    else:
        out.append(
            f"यह बिना रोएँ की सपाट बुनी दरी है: {MATERIAL_HI[pile]} के बाने को गड्ढे वाले करघे पर "
            f"कसकर "
            "ठोका गया है, इसलिए दोनों तरफ़ से इस्तेमाल हो सकती है। हल्की, धोने में आसान और भेजने "
            "के लिए "
            "आसानी से लपेटी जा सकती है।"
        )
    if pile == "viscose":
        out.append("इसकी चमक विस्कोस (रेयॉन) से है, जो लकड़ी की लुगदी से बना रेशा है; यह रेशम नहीं है।")
    out.append(f"नापा गया आकार: {w} × {length} सेमी। मोड़ें नहीं, लपेटकर रखें; बिना घूमने वाले ब्रश के वैक्यूम करें।")
    return "\n\n".join(out)
