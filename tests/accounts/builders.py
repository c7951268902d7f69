"""Builders for the accounts and admin tests (applications, staff, photos)."""

from __future__ import annotations

import io
from typing import Any

from PIL import Image

from storefront.accounts.models import User, WeaverApplication
from storefront.extensions import db
from tests.builders import make_user

PHONE = "+919876543210"


def make_staff(**kw: Any) -> User:
    return make_user(**{"role": "staff", "name": "Staff Member", **kw})


def make_applicant(phone: str = PHONE, **kw: Any) -> User:
    return make_user(**{"email": None, "phone": phone, "name": "रमेश कुमार", **kw})


def make_application(
    user: User | None = None, phone: str | None = None, **kw: Any
) -> WeaverApplication:
    user = user or make_applicant(phone=phone or PHONE)
    application = WeaverApplication(
        **{
            "user_id": user.id,
            "name": user.name or "रमेश कुमार",
            "village": "गोपीगंज",
            "phone": user.phone or PHONE,
            "craft": "बीस साल से हाथ से कालीन बुनता हूँ।",
            "lang": "hi",
            "status": "pending",
            **kw,
        }
    )
    db.session.add(application)
    db.session.flush()
    return application


def png_bytes(size: tuple[int, int] = (40, 30), colour: str = "red") -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "PNG")
    return buf.getvalue()
