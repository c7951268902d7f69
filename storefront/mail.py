"""Outgoing mail: queued on the DB session, sent only after that session commits.

Services call ``queue_mail``; nothing leaves if the transaction rolls back. Backends:
``console`` (log), ``file`` (instance/mail/*.eml), ``memory`` (tests), ``smtp`` (MAIL_*).
"""

from __future__ import annotations

import logging
import smtplib
import time
from email.message import EmailMessage
from pathlib import Path

from flask import Flask, current_app
from sqlalchemy import event
from sqlalchemy.orm import Session

from storefront.extensions import db

log = logging.getLogger(__name__)
OUTBOX_KEY = "bunkar_outbox"


def queue_mail(to: str, subject: str, text: str, html: str | None = None) -> None:
    """Queue a message on the current DB session; it is sent after a successful commit."""
    msg = EmailMessage()
    msg["From"] = current_app.config["MAIL_DEFAULT_SENDER"]
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(text)
    if html:
        msg.add_alternative(html, subtype="html")
    db.session.info.setdefault(OUTBOX_KEY, []).append(msg)


def sent_messages(app: Flask) -> list[EmailMessage]:
    """Messages delivered by the ``memory`` backend (tests)."""
    return app.extensions.setdefault("mail_outbox", [])


def _deliver(app: Flask, messages: list[EmailMessage]) -> None:
    backend = app.config.get("MAIL_BACKEND", "console")
    if backend == "memory":
        sent_messages(app).extend(messages)
    elif backend == "file":
        folder = Path(app.instance_path) / "mail"
        folder.mkdir(parents=True, exist_ok=True)
        for i, msg in enumerate(messages):
            (folder / f"{time.time_ns()}-{i}.eml").write_bytes(bytes(msg))
    elif backend == "smtp":
        cfg = app.config
        with smtplib.SMTP(cfg["MAIL_SERVER"], cfg["MAIL_PORT"], timeout=20) as smtp:
            if cfg.get("MAIL_USE_TLS"):
                smtp.starttls()
            if cfg.get("MAIL_USERNAME"):
                smtp.login(cfg["MAIL_USERNAME"], cfg["MAIL_PASSWORD"])
            for msg in messages:
                smtp.send_message(msg)
    else:
        for msg in messages:
            log.info("mail to %s: %s\n%s", msg["To"], msg["Subject"], msg.get_body())


def _send_after_commit(session: Session) -> None:
    messages = session.info.pop(OUTBOX_KEY, None)
    if not messages:
        return
    try:
        _deliver(current_app._get_current_object(), messages)
    except Exception:  # mail must never undo a committed sale
        log.exception("could not send %d message(s)", len(messages))


def _drop_on_rollback(session: Session) -> None:
    session.info.pop(OUTBOX_KEY, None)


def init_app(app: Flask) -> None:
    if not event.contains(Session, "after_commit", _send_after_commit):
        event.listen(Session, "after_commit", _send_after_commit)
        event.listen(Session, "after_rollback", _drop_on_rollback)
