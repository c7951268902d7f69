"""The weaver's own profile: story, village and photo (add/flush only, never commit)."""

from __future__ import annotations

import unicodedata
from typing import Any

from sqlalchemy import select

from storefront.extensions import db
from storefront.weavers.models import Weaver

PROFILE_FIELDS = ("bio_hi", "bio_en", "village_hi", "village_en")


def weaver_for_user(user_id: int) -> Weaver | None:
    """The weaver profile linked to a user account, if any."""
    return db.session.scalar(select(Weaver).where(Weaver.user_id == user_id))


def update_profile(weaver: Weaver, data: dict[str, Any], lang: str) -> None:
    """Save the weaver's story and village (NFC text); ``lang`` is the language they wrote in."""
    assert set(data) <= set(PROFILE_FIELDS), set(data) - set(PROFILE_FIELDS)
    for field, value in data.items():
        text = (value or "").replace("\r\n", "\n").strip()
        setattr(weaver, field, unicodedata.normalize("NFC", text))
    if (getattr(weaver, f"bio_{lang}") or "").strip():
        weaver.source_lang = lang
    db.session.flush()


def set_profile_photo(weaver: Weaver, key: str) -> None:
    weaver.photo_key = key
    db.session.flush()
