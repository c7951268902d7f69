"""Builders for the shop and media tests: weaver accounts, listing form data, photo bytes."""

from __future__ import annotations

import io
from typing import Any

from PIL import Image

from storefront.accounts.models import User
from storefront.weavers.models import Weaver
from tests.builders import make_user, make_weaver

_n = iter(range(10_000, 99_999))


def make_weaver_account(lang: str = "hi", **kw: Any) -> tuple[User, Weaver]:
    """A user with the weaver role and their linked, active weaver profile."""
    user = make_user(role="weaver", phone=f"+9198765{next(_n):05d}", preferred_lang=lang)
    return user, make_weaver(user_id=user.id, **kw)


def make_staff(**kw: Any) -> User:
    return make_user(role="staff", **kw)


def photo_bytes(
    size: tuple[int, int] = (900, 600),
    color: tuple[int, ...] = (150, 40, 30),
    fmt: str = "JPEG",
    mode: str = "RGB",
    **save: Any,
) -> bytes:
    """A small real image in ``fmt`` (a coloured block with a lighter corner to see orientation)."""
    img = Image.new(mode, size, color)
    corner = Image.new(mode, (size[0] // 4, size[1] // 4), (250, 250, 250)[: len(color)])
    img.paste(corner, (0, 0))
    out = io.BytesIO()
    img.save(out, fmt, **save)
    return out.getvalue()


def listing_form(**kw: Any) -> dict[str, Any]:
    """Valid listing form data as a weaver types it (feet and inches, whole rupees)."""
    return {
        "title_hi": "हाथ से बुना लाल कालीन",
        "title_en": "",
        "description_hi": "भदोही में ऊन से बुना।\nचार महीने लगे।",
        "description_en": "",
        "construction": "hand_knotted",
        "pile_material": "wool",
        "foundation_material": "cotton",
        "dyes": "natural",
        "shape": "rectangle",
        "size_unit": "ft",
        "width_ft": "5",
        "width_in": "7",
        "length_ft": "8",
        "length_in": "0",
        "width_cm": "",
        "length_cm": "",
        "quality": "10x10",
        "kpsi": "",
        "price_rupees": "150000",
        "pile_height_mm": "10",
        "weight_kg": "12.5",
        "colour_primary": "red",
        "colour_secondary": "",
        "design": "medallion",
        "weaving_days": "120",
        "stock": "1",
        **kw,
    }
