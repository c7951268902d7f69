"""A small Devanagari -> Latin transliteration, good enough to suggest a weaver's profile slug.

Staff see the suggestion on the approval form and can correct it ("रमेश कुमार" -> "ramesh kumar").
"""

from __future__ import annotations

import re
import unicodedata

VOWELS = {
    "अ": "a", "आ": "aa", "इ": "i", "ई": "ee", "उ": "u", "ऊ": "oo", "ऋ": "ri",
    "ए": "e", "ऐ": "ai", "ओ": "o", "औ": "au", "ऑ": "o",
}  # fmt: skip
SIGNS = {
    "ा": "a", "ि": "i", "ी": "i", "ु": "u", "ू": "u", "ृ": "ri",
    "े": "e", "ै": "ai", "ो": "o", "ौ": "au", "ॉ": "o",
}  # fmt: skip
CONSONANTS = {
    "क": "k", "ख": "kh", "ग": "g", "घ": "gh", "ङ": "n", "च": "ch", "छ": "chh", "ज": "j",
    "झ": "jh", "ञ": "n", "ट": "t", "ठ": "th", "ड": "d", "ढ": "dh", "ण": "n", "त": "t",
    "थ": "th", "द": "d", "ध": "dh", "न": "n", "प": "p", "फ": "ph", "ब": "b", "भ": "bh",
    "म": "m", "य": "y", "र": "r", "ल": "l", "व": "v", "श": "sh", "ष": "sh", "स": "s",
    "ह": "h", "क़": "q", "ख़": "kh", "ग़": "g", "ज़": "z", "ड़": "r", "ढ़": "rh", "फ़": "f",
}  # fmt: skip
VIRAMA, NUKTA = "्", "़"
NASAL = {"ं": "n", "ँ": "n", "ः": "h"}


def _word(word: str) -> str:
    out: list[str] = []
    chars = list(word)
    i = 0
    while i < len(chars):
        ch = chars[i]
        if i + 1 < len(chars) and chars[i + 1] == NUKTA and ch + NUKTA in CONSONANTS:
            ch = ch + NUKTA
            i += 1
        if ch in CONSONANTS:
            out.append(CONSONANTS[ch])
            nxt = chars[i + 1] if i + 1 < len(chars) else ""
            if nxt in SIGNS:
                out.append(SIGNS[nxt])
                i += 1
            elif nxt == VIRAMA:
                i += 1
            elif nxt:  # inherent vowel, dropped at the end of a word (schwa deletion)
                out.append("a")
        elif ch in VOWELS:
            out.append(VOWELS[ch])
        elif ch in NASAL:
            out.append(NASAL[ch])
        elif ch.isascii():
            out.append(ch)
        i += 1
    return "".join(out)


def to_latin(text: str) -> str:
    """Latin letters for ``text`` (Latin input passes through, accents removed)."""
    text = unicodedata.normalize("NFKD", text or "")  # é -> e + accent; क़ -> क + nukta
    latin = " ".join(_word(w) for w in text.split())
    return re.sub(r"\s+", " ", latin).strip()


def slugify(text: str, max_len: int = 60) -> str:
    """``"Ramesh Kumar"`` / ``"रमेश कुमार"`` -> ``"ramesh-kumar"``; empty if nothing Latin is left."""
    slug = re.sub(r"[^a-z0-9]+", "-", to_latin(text).lower()).strip("-")
    return slug[:max_len].rstrip("-")
