"""Plain text for feeds: control characters removed, cuts on grapheme-cluster boundaries."""

from __future__ import annotations

import unicodedata

import pytest

from storefront.feeds.text import ELLIPSIS, clean, graphemes, one_line, truncate, utf8_len

HINDI = "क्षत्रिय शैली का हाथ से बुना ऊनी कालीन, किंग्स्टन में स्त्री कारीगरों द्वारा"


def _broken(piece: str) -> bool:
    """A cut piece ends badly if its last char asks for a following letter or mark."""
    last = piece[-1]
    return unicodedata.combining(last) == 9 or last in "\u200c\u200d"


def test_devanagari_clusters_keep_matras_viramas_and_conjuncts():
    assert graphemes("क्षत्रिय") == ["क्ष", "त्रि", "य"]
    assert graphemes("किंग्स्टन") == ["किं", "ग्स्ट", "न"]
    assert graphemes("स्त्री") == ["स्त्री"]
    assert graphemes("क़ालीन") == ["क़ा", "ली", "न"]  # nukta and matras stay on their letter
    assert graphemes("र्\u200dय") == ["र्\u200dय"]  # eyelash ra with ZWJ


def test_other_clusters():
    assert graphemes("e\u0301x") == ["e\u0301", "x"]
    assert graphemes("🇮🇳🇺🇸🇬") == ["🇮🇳", "🇺🇸", "🇬"]
    assert graphemes("👩\u200d💻!") == ["👩\u200d💻", "!"]
    assert graphemes("a\r\nb") == ["a", "\r\n", "b"]


@pytest.mark.parametrize("limit", range(1, len(HINDI) + 3))
def test_truncate_never_splits_a_cluster_and_fits(limit):
    out = truncate(HINDI, limit)
    assert len(out) <= limit
    if len(HINDI) <= limit:
        assert out == HINDI
        return
    if not out:
        return
    assert out.endswith(ELLIPSIS)
    head = out[: -len(ELLIPSIS)]
    assert HINDI.startswith(head)
    # The cut is a cluster boundary of the original text.
    assert "".join(graphemes(HINDI))[: len(head)] == head
    assert len(head) in {sum(len(g) for g in graphemes(HINDI)[:n]) for n in range(100)}
    assert not _broken(head)
    assert not unicodedata.category(HINDI[len(head)]).startswith("M")


def test_truncate_prefers_a_word_boundary_and_drops_trailing_punctuation():
    assert truncate("Hand-knotted wool carpet, indigo medallion", 30) == "Hand-knotted wool carpet…"
    assert truncate("short", 10) == "short"


def test_truncate_by_utf8_bytes():
    out = truncate(HINDI, 40, measure=utf8_len)
    assert utf8_len(out) <= 40
    assert not _broken(out[:-1])


def test_clean_removes_controls_and_tidies_space():
    assert clean(" a\x00b \r\n\r\n\r\n  c\t d \x0b") == "ab\n\nc d"
    assert clean("क\u093c") == "क़"  # NFC
    assert one_line("a\n\nb\tc") == "a b c"
    assert clean(None) == ""
