"""Plain text for feeds: clean control characters, and cut on grapheme-cluster boundaries.

Marketplaces count characters (or UTF-8 bytes) and cut nothing themselves, so a long title must be
shortened here without splitting a user-perceived character: a Devanagari consonant keeps its vowel
signs (matras), its nukta and its virama, and a conjunct (क्ष, त्र, the क्‍ of a half-form) stays whole.

The rules are the parts of Unicode's extended grapheme clusters (UAX #29) that occur in our text:
never break before a combining mark (Mn, Mc, Me), ZWJ, ZWNJ or an emoji modifier; never break after
ZWJ or after a virama that joins the next letter (Indic conjunct rule of Unicode 15.1); keep CR LF
and regional-indicator pairs (flags) together.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

ZWNJ = "\u200c"
ZWJ = "\u200d"
ELLIPSIS = "…"

# C0 controls other than TAB/LF/CR, DEL, C1 controls and the XML-forbidden non-characters.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def _tidy(text: str) -> bool:
    """True when ``clean`` would return ``text`` unchanged (checked with C-speed scans)."""
    if text[0].isspace() or text[-1].isspace() or "  " in text:
        return False
    if "\n" in text:
        if " \n" in text or "\n " in text or "\n\n\n" in text:
            return False
        text = text.replace("\n", " ")
    # isprintable() is False for controls, tabs, NBSP, ZWJ/ZWNJ...: those take the slow path.
    return text.isprintable() and unicodedata.is_normalized("NFC", text)


def clean(text: str | None) -> str:
    """NFC text without control characters, with tidy spaces and at most one blank line."""
    if not text:
        return ""
    if _tidy(text):
        return text  # the common case: nothing to do
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = _BAD_CHARS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def one_line(text: str) -> str:
    """Collapse every run of whitespace (newlines and tabs included) to one space."""
    if "\n" in text or "\t" in text or "\r" in text or "  " in text or text != text.strip():
        return " ".join(text.split())
    return text


def _extends(ch: str) -> bool:
    """True for characters that attach to the one before them."""
    if ch in (ZWJ, ZWNJ):
        return True
    if "\U0001f3fb" <= ch <= "\U0001f3ff":  # emoji skin-tone modifiers
        return True
    return unicodedata.category(ch) in ("Mn", "Mc", "Me")


def _is_virama(ch: str) -> bool:
    return unicodedata.combining(ch) == 9


def _is_regional(ch: str) -> bool:
    return "\U0001f1e6" <= ch <= "\U0001f1ff"


def grapheme_starts(text: str) -> list[int]:
    """Indexes where each grapheme cluster of ``text`` starts (0 first), plus ``len(text)``."""
    starts = [0] if text else []
    linker = False  # inside a cluster that ends in virama (+ extenders): next letter joins
    regional_run = 0
    for i in range(1, len(text)):
        prev, ch = text[i - 1], text[i]
        if _is_virama(prev):
            linker = True
        elif not _extends(prev):
            linker = False
        regional_run = regional_run + 1 if _is_regional(prev) else 0
        joined = (
            (prev == "\r" and ch == "\n")
            or _extends(ch)
            or prev == ZWJ
            or (linker and unicodedata.category(ch) == "Lo")
            or (_is_regional(ch) and regional_run % 2 == 1)
        )
        if not joined:
            starts.append(i)
            linker = False
    starts.append(len(text))
    return starts


def graphemes(text: str) -> list[str]:
    """``text`` split into grapheme clusters."""
    starts = grapheme_starts(text)
    return [text[a:b] for a, b in zip(starts, starts[1:], strict=False)]


def utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))


def truncate(
    text: str,
    limit: int,
    *,
    ellipsis: str = ELLIPSIS,
    measure: Callable[[str], int] = len,
    words: bool = True,
) -> str:
    """``text`` if it fits in ``limit`` (code points, or ``measure``), else a shorter prefix.

    The cut is on a grapheme boundary, preferably at a space in the last third, with trailing
    punctuation dropped and ``ellipsis`` appended; the result always fits in ``limit``.
    """
    if measure(text) <= limit:
        return text
    room = limit - measure(ellipsis)
    if room <= 0:
        return ""
    starts = grapheme_starts(text)
    # Largest boundary whose prefix fits (measure is monotonic in the prefix length).
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if measure(text[: starts[mid]]) <= room:
            lo = mid
        else:
            hi = mid - 1
    index = lo
    if words:
        # Prefer to end before the last space in the final third of what fits.
        for j in range(index, index * 2 // 3, -1):
            if text[starts[j - 1] : starts[j]] == " ":
                index = j - 1
                break
    while index > 0 and text[starts[index - 1] : starts[index]] in _TRAILING:
        index -= 1
    head = text[: starts[index]]
    return head + ellipsis if head else ""


_TRAILING = frozenset(" ,;:–—-/|\n\t.")
