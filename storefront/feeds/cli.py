"""``flask feeds ...``: export a feed to a file, check what marketplaces reject, record ids."""

from __future__ import annotations

import tempfile
from contextlib import ExitStack
from pathlib import Path

import click
from flask_babel import force_locale
from sqlalchemy import select

from storefront.catalog.models import Carpet
from storefront.extensions import db
from storefront.feeds import FEED_FORMATS
from storefront.feeds.context import MissingRate
from storefront.feeds.export import FeedExport, feed_paths, find_feed, open_export
from storefront.feeds.fields import batched
from storefront.feeds.models import CHANNELS as ID_CHANNELS
from storefront.feeds.models import ChannelListing
from storefront.feeds.readiness import CHANNELS, iter_readiness
from storefront.feeds.snapshot import open_snapshot


@click.group("feeds")
def feeds() -> None:
    """Marketplace feeds: export, check, ids."""


def resolve(fmt: str, locale: str | None) -> str:
    """The feed path for FORMAT (a name or a path) and an optional locale/variant name."""
    if "/" in fmt or fmt.endswith(".json"):
        find_feed(fmt)
        return fmt
    if fmt not in FEED_FORMATS:
        raise click.BadParameter(f"choose one of {', '.join(FEED_FORMATS)}", param_hint="FORMAT")
    variants = list(FEED_FORMATS[fmt].VARIANTS.values())
    if locale is None:
        return variants[0].path
    for variant in variants:
        if locale in (variant.name, variant.name.rsplit(".", 1)[0]):
            return variant.path
    names = ", ".join(v.name for v in variants)
    raise click.BadParameter(f"{fmt} has: {names}", param_hint="--locale")


def _write(export: FeedExport, out: Path, total: int) -> None:
    """Stream the export into ``out`` with a progress bar over the items."""
    try:
        with click.progressbar(length=total, label=out.name) as bar, out.open("wb") as fh:
            for block in batched(export.chunks(progress=bar.update)):
                fh.write(block)
    finally:
        export.close()


@feeds.command("export")
@click.argument("fmt", metavar="FORMAT")
@click.option("--locale", "locale", help="Variant, e.g. en-US, hi-IN.tsv, IN, lang-hi_IN.")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path))
def export_command(fmt: str, locale: str | None, out: Path) -> None:
    """Write the FORMAT feed to --out (Amazon documents over 10,000 items go in parts)."""
    path = resolve(fmt, locale)
    try:
        first = open_export(path)
    except MissingRate as exc:
        raise click.ClickException(f"no exchange rate for {exc.args[0]}") from None
    parts = first.parts
    size = getattr(first.module, "PART_SIZE", None)
    try:
        total = first.count()
    except BaseException:
        first.close()
        raise
    for part in range(1, parts + 1):
        export = first if part == 1 else open_export(path, part)
        target = out if part == 1 else out.with_name(f"{out.stem}.part{part}{out.suffix}")
        in_part = min(size, total - (part - 1) * size) if size else total
        _write(export, target, max(in_part, 0))
        click.echo(f"{path} -> {target}")


@feeds.command("list")
def list_command() -> None:
    """The feed paths (append them to PUBLIC_BASE_URL + /feeds/)."""
    for path in feed_paths():
        click.echo(path)


@feeds.command("check")
@click.option("--channel", type=click.Choice(CHANNELS), multiple=True, help="Only these.")
@click.option("--lang", type=click.Choice(("en", "hi")), default="en", show_default=True)
def check_command(channel: tuple[str, ...], lang: str) -> None:
    """List every carpet a marketplace would reject or show weaker, and why, per channel."""
    wanted = channel or CHANNELS
    counts = {c: {"ready": 0, "weakened": 0, "rejected": 0} for c in wanted}
    # One spooled file per channel keeps memory flat however many carpets have issues.
    with ExitStack() as stack:
        spools = {
            c: stack.enter_context(tempfile.SpooledTemporaryFile(2**20, "w+", encoding="utf-8"))
            for c in wanted
        }
        with force_locale(lang), open_snapshot() as conn:
            for result in iter_readiness(conn):
                for name in wanted:
                    counts[name][result.status(name)] += 1
                    for issue in result.issues:
                        if name in issue.channels:
                            label = "REJECT" if issue.severity == "reject" else "weaker"
                            spools[name].write(f"  {result.sku:<14} {label:<7} {issue.message}\n")
        for name in wanted:
            c = counts[name]
            click.echo(
                f"{name}: {c['rejected']} rejected, {c['weakened']} weakened, {c['ready']} ready"
            )
            spools[name].seek(0)
            for line in spools[name]:
                click.echo(line, nl=False)


@feeds.command("set-id")
@click.argument("channel", type=click.Choice(ID_CHANNELS))
@click.argument("sku")
@click.argument("external_id")
def set_id_command(channel: str, sku: str, external_id: str) -> None:
    """Record the id a marketplace gave a carpet (e.g. its Flipkart FSN)."""
    carpet_id = db.session.scalar(select(Carpet.id).where(Carpet.sku == sku))
    if carpet_id is None:
        raise click.ClickException(f"no carpet with SKU {sku}")
    row = db.session.scalar(
        select(ChannelListing).where(
            ChannelListing.carpet_id == carpet_id, ChannelListing.channel == channel
        )
    )
    if row is None:
        row = ChannelListing(carpet_id=carpet_id, channel=channel, external_id=external_id)
        db.session.add(row)
    else:
        row.external_id = external_id
    db.session.commit()
    click.echo(f"{channel} id of {sku}: {external_id}")
