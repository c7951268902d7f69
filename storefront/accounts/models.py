"""Users and roles. A user signs in with a phone number (E.164) or an email address."""

from __future__ import annotations

import datetime as dt

from flask_login import UserMixin
from sqlalchemy import Boolean, CheckConstraint, DateTime, String, event, func
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from storefront.extensions import db

ROLES = ("buyer", "weaver", "staff")


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
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return bool(self.password_hash) and check_password_hash(self.password_hash, password)

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
    return db.session.get(User, int(user_id)) if user_id.isdigit() else None
