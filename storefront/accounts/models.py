"""Users and roles, weaver applications and staff-issued reset codes.

A user signs in with a phone number (E.164) or an email address.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from flask import current_app
from flask_login import UserMixin
from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    event,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from storefront.extensions import db

ROLES = ("buyer", "weaver", "staff")
APPLICATION_STATUSES = ("pending", "approved", "rejected")
# Fast parameters only for the test suite (an app with TESTING on); production uses the default.
TESTING_HASH_METHOD = "scrypt:1024:8:1"


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def hash_secret(secret: str) -> str:
    """Hash a password or reset code with werkzeug's current default (scrypt)."""
    method = current_app.config.get("PASSWORD_HASH_METHOD") or (
        TESTING_HASH_METHOD if current_app.testing else "scrypt"
    )
    return generate_password_hash(secret, method=method)


class User(UserMixin, db.Model):
    __tablename__ = "user_account"
    __table_args__ = (
        CheckConstraint("email IS NOT NULL OR phone IS NOT NULL", name="has_login"),
        CheckConstraint("role IN ('buyer', 'weaver', 'staff')", name="role"),
        CheckConstraint("preferred_lang IN ('en', 'hi')", name="lang"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str | None] = mapped_column(String(254), unique=True)
    phone: Mapped[str | None] = mapped_column(String(20), unique=True)  # E.164
    name: Mapped[str] = mapped_column(String(120), default="")
    password_hash: Mapped[str] = mapped_column(String(255), default="")
    role: Mapped[str] = mapped_column(String(10), default="buyer")
    preferred_lang: Mapped[str] = mapped_column(String(2), default="hi")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    last_login_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    def set_password(self, password: str) -> None:
        self.password_hash = hash_secret(password)

    def check_password(self, password: str) -> bool:
        return bool(self.password_hash) and check_password_hash(self.password_hash, password)

    @property
    def password_fingerprint(self) -> str:
        """Changes whenever the password does: ends old sessions and spends reset links."""
        return hashlib.sha256(self.password_hash.encode()).hexdigest()[:12]

    def get_id(self) -> str:  # Flask-Login: "<id>-<fingerprint>" so a new password signs out
        return f"{self.id}-{self.password_fingerprint}"

    @property
    def is_active(self) -> bool:  # Flask-Login: suspended accounts cannot sign in
        return self.active

    @property
    def is_staff(self) -> bool:
        return self.role == "staff"

    @property
    def is_weaver(self) -> bool:
        return self.role == "weaver"


@event.listens_for(User, "before_insert")
@event.listens_for(User, "before_update")
def _normalise_email(mapper, connection, user: User) -> None:  # noqa: ANN001
    if user.email:
        user.email = user.email.strip().lower()


def load_user(user_id: str) -> User | None:
    """Flask-Login loader: unknown ids, stale passwords and suspended accounts are anonymous."""
    raw_id, _, fingerprint = user_id.partition("-")
    if not raw_id.isdigit():
        return None
    user = db.session.get(User, int(raw_id))
    if user is None or not user.active or user.password_fingerprint != fingerprint:
        return None
    return user


class WeaverApplication(db.Model):
    """A weaver asking to join; staff approve (a Weaver profile is made) or reject it."""

    __tablename__ = "weaver_application"
    __table_args__ = (
        CheckConstraint("status IN ('pending', 'approved', 'rejected')", name="status"),
        CheckConstraint("lang IN ('en', 'hi')", name="lang"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(120))
    village: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(20))  # E.164, as typed at application time
    craft: Mapped[str] = mapped_column(Text, default="")
    photo_key: Mapped[str | None] = mapped_column(String(80))
    lang: Mapped[str] = mapped_column(String(2), default="hi")  # language the form was filled in
    status: Mapped[str] = mapped_column(String(10), default="pending", index=True)
    reason_code: Mapped[str] = mapped_column(String(20), default="")  # why it was rejected
    reason: Mapped[str] = mapped_column(Text, default="")  # staff's note to the applicant
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    decided_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )

    user = relationship("User", foreign_keys=[user_id])
    decided_by = relationship("User", foreign_keys=[decided_by_id])


class ResetCode(db.Model):
    """A one-time password reset code that staff read out to a weaver without email."""

    __tablename__ = "reset_code"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    code_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    issued_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )

    user = relationship("User", foreign_keys=[user_id])


def as_utc(value: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; every stored time is UTC."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
