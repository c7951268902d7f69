"""Demo weaver applications for ``flask seed-demo``: some waiting, one turned down."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from storefront.accounts.models import User, WeaverApplication, utcnow
from storefront.extensions import db

APPLICANT_PASSWORD = "bunkar-apply-demo"
APPLICANTS = (
    ("+919839010001", "सुनीता देवी", "औराई", "पंद्रह साल से हाथ से कालीन बुनती हूँ। ऊनी और रेशमी दोनों।"),
    (
        "+919839010002",
        "मोहम्मद इक़बाल अंसारी",
        "गोपीगंज",
        "मेरे अब्बा भी बुनकर थे। अपना करघा है, 10x10 क्वालिटी।",
    ),
    (
        "+919839010003",
        "Rakesh Maurya",
        "Suriyawan",
        "Flat-weave dhurries in cotton and jute, natural dyes.",
    ),
)
REJECTED = ("+919839010004", "रामू", "पटना", "कालीन बेचता हूँ।")


def seed_accounts() -> str:
    """Add the demo applicants (idempotent); return a line for the seed report."""
    rows = [(*a, "pending") for a in APPLICANTS] + [(*REJECTED, "rejected")]
    now = utcnow()
    for i, (phone, name, village, craft, status) in enumerate(rows):
        if db.session.scalar(select(User.id).where(User.phone == phone)):
            continue
        user = User(phone=phone, name=name, role="buyer", preferred_lang="hi")
        user.set_password(APPLICANT_PASSWORD)
        db.session.add(user)
        db.session.flush()
        db.session.add(
            WeaverApplication(
                user_id=user.id,
                name=name,
                village=village,
                phone=phone,
                craft=craft,
                lang="en" if name.isascii() else "hi",
                status=status,
                reason_code="outside_region" if status == "rejected" else "",
                created_at=now - dt.timedelta(days=len(rows) - i, hours=i),
                decided_at=now if status == "rejected" else None,
            )
        )
    db.session.flush()
    return f"  applicant {APPLICANTS[0][0]} / {APPLICANT_PASSWORD} (weaver application waiting)"
