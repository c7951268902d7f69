"""Flask commands: thin wrappers over services (``flask seed-demo``, ``flask feeds ...``)."""

from __future__ import annotations

import click
from flask import Flask

from storefront.extensions import db


@click.command("seed-demo")
@click.option("--if-empty", is_flag=True, help="Do nothing when carpets already exist.")
@click.option("--weavers", default=12, show_default=True)
@click.option("--carpets", default=60, show_default=True)
def seed_demo(if_empty: bool, weavers: int, carpets: int) -> None:
    """Load demo weavers, carpets (with drawn images), exchange rates and staff."""
    from storefront.demo.seed import seed_demo as run

    report = run(if_empty=if_empty, weavers=weavers, carpets=carpets)
    db.session.commit()
    click.echo(report)


def init_app(app: Flask) -> None:
    app.cli.add_command(seed_demo)
    from storefront.payments.cli import payments_cli

    app.cli.add_command(payments_cli)
    from storefront.feeds.cli import feeds

    app.cli.add_command(feeds)
