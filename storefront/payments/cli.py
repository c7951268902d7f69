"""``flask payments reconcile``: settle what gateways know, expire stale holds, retry refunds.

Run it from cron every few minutes. Each order is committed on its own, so one failure does not
hold back the rest.
"""

from __future__ import annotations

import click
from flask.cli import AppGroup

from storefront.extensions import db
from storefront.orders.stock import release_expired
from storefront.payments import services

payments_cli = AppGroup("payments", help="Payment reconciliation.")


@payments_cli.command("reconcile")
def reconcile() -> None:
    """Ask gateways about pending orders, settle them, release expired holds, retry refunds."""
    counts: dict[str, int] = {}
    for order_id in services.reconcile_ids():
        try:
            outcome = services.reconcile_order(order_id)
            db.session.commit()
        except Exception as exc:  # noqa: BLE001 - report and go on with the next order
            db.session.rollback()
            outcome = "error"
            click.echo(f"order {order_id}: {exc!r}", err=True)
        counts[outcome] = counts.get(outcome, 0) + 1
    counts["released"] = release_expired()
    counts["refunds_retried"] = services.retry_refunds()
    db.session.commit()
    click.echo(", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "nothing to do")
