"""Accounts: sign-in, registration, weaver applications and password resets.

Plain values in, model objects out; add/flush only, never commit; domain errors for the views.
"""

from __future__ import annotations

import datetime as dt
import secrets
import unicodedata
from dataclasses import dataclass

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash

from storefront.accounts.models import (
    ResetCode,
    User,
    WeaverApplication,
    as_utc,
    hash_secret,
    utcnow,
)
from storefront.accounts.phone import normalise_phone
from storefront.extensions import db

RESET_LINK_SALT = "password-reset"
RESET_LINK_MAX_AGE = 2 * 3600  # seconds
RESET_CODE_HOURS = 24
RESET_CODE_DIGITS = 8
RESET_CODE_MAX_ATTEMPTS = 5


class AccountError(Exception):
    """Base of the domain errors below; views turn them into translated messages."""


class InvalidCredentials(AccountError):
    pass


class AccountSuspended(AccountError):
    pass


class EmailTaken(AccountError):
    pass


class PhoneTaken(AccountError):
    pass


class ApplicationPending(AccountError):
    pass


class InvalidResetLink(AccountError):
    def __init__(self, expired: bool = False) -> None:
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


class InvalidResetCode(AccountError):
    pass


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "").strip()


def find_user(login: str) -> User | None:
    """The user with this email, or this phone number in any common Indian format."""
    login = (login or "").strip()
    if "@" in login:
        return db.session.scalar(select(User).where(User.email == login.lower()))
    phone = normalise_phone(login)
    return db.session.scalar(select(User).where(User.phone == phone)) if phone else None


_DUMMY_HASHES: dict[bool, str] = {}


def _dummy_check(password: str) -> None:
    # Spend the same time on unknown logins as on known ones (no account probing by timing).
    key = current_app.testing
    if key not in _DUMMY_HASHES:
        _DUMMY_HASHES[key] = hash_secret("not-a-password")
    check_password_hash(_DUMMY_HASHES[key], password)


def authenticate(login: str, password: str) -> User:
    """The user for ``login`` + ``password``; ``AccountSuspended`` only after a right password."""
    user = find_user(login)
    if user is None:
        _dummy_check(password)
        raise InvalidCredentials()
    if not user.check_password(password):
        raise InvalidCredentials()
    if not user.active:
        raise AccountSuspended()
    user.last_login_at = utcnow()
    return user


def _insert_user(user: User, taken: type[AccountError]) -> None:
    """Add a new user; a phone or email registered meanwhile (a race) raises ``taken``."""
    try:
        with db.session.begin_nested():
            db.session.add(user)
    except IntegrityError:
        raise taken() from None


def register_buyer(name: str, email: str, password: str, lang: str) -> User:
    """A new buyer account signed in by email."""
    email = email.strip().lower()
    if db.session.scalar(select(User.id).where(User.email == email)):
        raise EmailTaken()
    user = User(name=_nfc(name), email=email, role="buyer", preferred_lang=lang)
    user.set_password(password)
    _insert_user(user, EmailTaken)
    return user


def latest_application(user: User) -> WeaverApplication | None:
    return db.session.scalar(
        select(WeaverApplication)
        .where(WeaverApplication.user_id == user.id)
        .order_by(WeaverApplication.created_at.desc(), WeaverApplication.id.desc())
        .limit(1)
    )


def apply_as_weaver(
    *,
    name: str,
    village: str,
    craft: str,
    lang: str,
    phone: str | None = None,
    password: str | None = None,
    photo_key: str | None = None,
    user: User | None = None,
) -> WeaverApplication:
    """A weaver's application; without ``user`` a new account (role buyer) is made from phone."""
    if user is None:
        if not phone or not password:
            raise ValueError("a new applicant needs a phone number and a password")
        if db.session.scalar(select(User.id).where(User.phone == phone)):
            raise PhoneTaken()
        user = User(name=_nfc(name), phone=phone, role="buyer", preferred_lang=lang)
        user.set_password(password)
        _insert_user(user, PhoneTaken)
    else:
        previous = latest_application(user)
        if previous is not None and previous.status == "pending":
            raise ApplicationPending()
        if phone and not user.phone:
            if db.session.scalar(select(User.id).where(User.phone == phone)):
                raise PhoneTaken()
            user.phone = phone
    application = WeaverApplication(
        user_id=user.id,
        name=_nfc(name),
        village=_nfc(village),
        phone=user.phone or phone or "",
        craft=_nfc(craft),
        photo_key=photo_key or None,
        lang=lang,
        status="pending",
    )
    db.session.add(application)
    db.session.flush()
    return application


# --- Password reset by emailed link ------------------------------------------------------


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=RESET_LINK_SALT)


def make_reset_token(user: User) -> str:
    """A signed token naming the user and their current password (so it works once)."""
    return _serializer().dumps({"uid": user.id, "fp": user.password_fingerprint})


def user_for_reset_token(token: str, max_age: int = RESET_LINK_MAX_AGE) -> User:
    """The user a reset link is for; ``InvalidResetLink`` if tampered, expired or already used."""
    try:
        data = _serializer().loads(token, max_age=max_age)
    except SignatureExpired:
        raise InvalidResetLink(expired=True) from None
    except BadSignature:
        raise InvalidResetLink() from None
    user = db.session.get(User, data.get("uid")) if isinstance(data, dict) else None
    if user is None or not user.active or user.password_fingerprint != data.get("fp"):
        raise InvalidResetLink()
    return user


def user_for_reset_request(login: str) -> User | None:
    """The active user who should get a reset email for ``login`` (None: send nothing)."""
    user = find_user(login)
    if user is None or not user.active or not user.email:
        return None
    return user


def set_new_password(user: User, password: str) -> None:
    """Set a new password; old sessions, reset links and reset codes stop working."""
    user.set_password(password)
    _spend_open_codes(user)


# --- One-time reset codes issued by staff --------------------------------------------------


def _spend_open_codes(user: User) -> None:
    db.session.execute(
        update(ResetCode)
        .where(ResetCode.user_id == user.id, ResetCode.used_at.is_(None))
        .values(used_at=utcnow())
    )


@dataclass(frozen=True, slots=True)
class IssuedCode:
    code: str  # shown once to staff, never stored
    expires_at: dt.datetime


def issue_reset_code(user: User, issued_by: User, hours: int = RESET_CODE_HOURS) -> IssuedCode:
    """A fresh one-time code (earlier open codes are cancelled). Only its hash is stored."""
    _spend_open_codes(user)
    code = f"{secrets.randbelow(10**RESET_CODE_DIGITS):0{RESET_CODE_DIGITS}d}"
    expires_at = utcnow() + dt.timedelta(hours=hours)
    db.session.add(
        ResetCode(
            user_id=user.id,
            code_hash=hash_secret(code),
            expires_at=expires_at,
            issued_by_id=issued_by.id,
        )
    )
    db.session.flush()
    return IssuedCode(code=code, expires_at=expires_at)


def reset_with_code(phone: str, code: str, password: str) -> User:
    """Set a new password with a staff-issued code; wrong tries count and burn the code."""
    user = db.session.scalar(select(User).where(User.phone == phone)) if phone else None
    reset = None
    if user is not None and user.active:
        reset = db.session.scalar(
            select(ResetCode)
            .where(ResetCode.user_id == user.id, ResetCode.used_at.is_(None))
            .order_by(ResetCode.id.desc())
            .limit(1)
        )
    if reset is None or as_utc(reset.expires_at) <= utcnow():
        _dummy_check(code)
        raise InvalidResetCode()
    if not check_password_hash(reset.code_hash, code):
        reset.attempts += 1
        if reset.attempts >= RESET_CODE_MAX_ATTEMPTS:
            reset.used_at = utcnow()
        db.session.flush()
        raise InvalidResetCode()
    assert user is not None
    set_new_password(user, password)  # also spends this code
    db.session.flush()
    return user
