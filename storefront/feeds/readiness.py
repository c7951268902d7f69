"""Feed readiness: what each marketplace would reject or show weaker for one carpet, and why.

The same FeedItem the feeds are built from is checked against each channel's rules (required
fields, lengths, photo counts, shipping data). Messages are actions, so a weaver can act on them
(``weaver=True``) or staff can (FSN, delivery zones). Used by ``flask feeds check``, the staff page
``admin.feeds`` and the weaver's listing page (``feed_readiness(carpet)`` in templates).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from flask import current_app
from flask_babel import gettext, ngettext

from storefront.feeds.context import FeedContext, Variant, make_context
from storefront.feeds.items import FeedItem, ItemBuilder, iter_items, orm_row

CHANNELS = ("google", "meta", "amazon", "flipkart", "alibaba")
CHANNEL_NAMES = {
    "google": "Google",
    "meta": "Facebook / Instagram",
    "amazon": "Amazon",
    "flipkart": "Flipkart",
    "alibaba": "Alibaba.com",
}
REJECT, WEAKEN = "reject", "weaken"
MIN_PHOTOS = 3
MIN_DESCRIPTION = 200
MIN_TITLE = 20
TITLE_LIMITS = {"alibaba": 128, "google": 150, "meta": 200, "amazon": 200}
SHIPPING_COUNTRIES = ("IN", "US", "GB")
READINESS = Variant(
    path="readiness",
    kind="check",
    content_type="text/plain",
    langs=("en", "hi"),
    countries=SHIPPING_COUNTRIES,
    currencies=(),
)


@dataclass(slots=True)
class Issue:
    code: str
    severity: str  # reject | weaken
    channels: tuple[str, ...]
    message: str
    weaver: bool = True  # the weaver can fix it on the listing form

    @property
    def channel_names(self) -> str:
        return ", ".join(CHANNEL_NAMES[c] for c in self.channels)


@dataclass(slots=True)
class Readiness:
    sku: str
    carpet_id: int
    titles: dict[str, str]
    issues: list[Issue] = field(default_factory=list)
    image_key: str | None = None

    def status(self, channel: str) -> str:
        """``ready``, ``weakened`` or ``rejected`` on ``channel``."""
        severities = {i.severity for i in self.issues if channel in i.channels}
        if REJECT in severities:
            return "rejected"
        return "weakened" if severities else "ready"

    @property
    def hints(self) -> list[Issue]:
        """What the weaver can change, one entry per kind (channels merged), rejections first."""
        merged: dict[str, Issue] = {}
        for issue in self.issues:
            if not issue.weaver:
                continue
            seen = merged.get(issue.code)
            if seen is None:
                merged[issue.code] = Issue(
                    issue.code, issue.severity, issue.channels, issue.message, issue.weaver
                )
                continue
            seen.channels = tuple(c for c in CHANNELS if c in seen.channels + issue.channels)
            if issue.severity == REJECT:
                seen.severity = REJECT
        return sorted(merged.values(), key=lambda i: i.severity != REJECT)

    @property
    def reaches_all(self) -> bool:
        return not self.issues

    @property
    def title(self) -> str:
        """The title in the page's language."""
        from storefront.i18n import current_lang

        return self.titles.get(current_lang()) or self.titles["en"]


def check(item: FeedItem) -> Readiness:
    """Every issue of ``item`` (built with English and Hindi texts and shipping quotes)."""
    out = Readiness(
        sku=item.id,
        carpet_id=item.carpet_id,
        titles={lang: text.title for lang, text in item.texts.items()},
        image_key=item.image_keys[0] if item.image_keys else None,
    )
    add = out.issues.append
    photos = len(item.image_keys)
    if photos == 0:
        add(Issue("no_photos", REJECT, CHANNELS, gettext("Add photos of the carpet.")))
    elif photos < MIN_PHOTOS:
        add(
            Issue(
                "few_photos",
                WEAKEN,
                ("google", "meta", "amazon", "alibaba"),
                ngettext(
                    "Add at least %(min)s photos: the whole carpet, the back with the knots "
                    "and a corner (now %(num)s).",
                    "Add at least %(min)s photos: the whole carpet, the back with the knots "
                    "and a corner (now %(num)s).",
                    photos,
                    min=MIN_PHOTOS,
                ),
            )
        )
    if photos and item.main_image_width < 1000:
        channels = ("amazon", "meta", "google") if item.main_image_width < 500 else ("amazon",)
        message = gettext("Upload a larger first photo (at least 1000 pixels wide).")
        add(Issue("small_photo", WEAKEN, channels, message))
    _titles(item, add)
    _descriptions(item, add)
    _shipping(item, add)
    if item.kpsi is None and item.construction == "hand_knotted":
        message = gettext("Enter the knots per square inch (KPSI).")
        add(Issue("no_kpsi", WEAKEN, ("google", "amazon", "alibaba"), message))
    if item.colour_primary == "multi" and not item.colour_secondary:
        message = gettext("Name the main colours instead of “multicolour”.")
        add(Issue("no_colour", WEAKEN, ("google", "meta", "amazon"), message))
    if not item.fsn:
        message = gettext(
            "No Flipkart product id (FSN) yet: create the catalog entry in Seller Hub, "
            "then record the FSN."
        )
        add(Issue("no_fsn", REJECT, ("flipkart",), message, weaver=False))
    if item.price_paise % 100:
        message = gettext("Flipkart takes whole rupees: the price will be rounded.")
        add(Issue("paise", WEAKEN, ("flipkart",), message))
    return out


def _titles(item: FeedItem, add) -> None:  # noqa: ANN001
    if item.texts["en"].title_generated:
        message = gettext("Write the title in English too.")
        add(Issue("no_title_en", WEAKEN, ("google", "meta", "amazon", "alibaba"), message))
    if item.texts["hi"].title_generated:
        message = gettext("Write the title in Hindi too.")
        add(Issue("no_title_hi", WEAKEN, ("google", "meta"), message))
    title = item.texts["en"].title
    over = tuple(c for c, limit in TITLE_LIMITS.items() if len(title) > limit)
    if over and not item.texts["en"].title_generated:
        limit = min(TITLE_LIMITS[c] for c in over)
        message = gettext(
            "Shorten the title to %(limit)s characters (now %(num)s with the size).",
            limit=limit,
            num=len(title),
        )
        add(Issue("long_title", WEAKEN, over, message))
    own = item.title_en.strip() or item.title_hi.strip()
    if own and len(own) < MIN_TITLE:
        message = gettext("Make the title more descriptive: weave, material, design and colour.")
        add(Issue("short_title", WEAKEN, ("google", "meta", "amazon"), message))


def _descriptions(item: FeedItem, add) -> None:  # noqa: ANN001
    longest = max(len(item.description_en.strip()), len(item.description_hi.strip()))
    if longest < MIN_DESCRIPTION:
        message = gettext(
            "Write a longer description: at least %(min)s characters about the weaving, "
            "wool, dyes and care (now %(num)s).",
            min=MIN_DESCRIPTION,
            num=longest,
        )
        add(Issue("short_description", WEAKEN, ("google", "meta", "amazon", "alibaba"), message))
    elif not item.description_en.strip():
        message = gettext("Write the description in English too.")
        add(Issue("no_description_en", WEAKEN, ("google", "meta", "amazon", "alibaba"), message))


def _shipping(item: FeedItem, add) -> None:  # noqa: ANN001
    if item.weight_g is None:
        message = gettext("Enter the weight: delivery prices need it.")
        add(Issue("no_weight", REJECT, ("flipkart",), message))
        add(Issue("no_weight", WEAKEN, ("google", "meta", "amazon", "alibaba"), message))
    unreachable = [c for c in SHIPPING_COUNTRIES if item.shipping.get(c) is None]
    if unreachable:
        message = gettext(
            "No delivery price to %(countries)s (too large or heavy for our delivery rates).",
            countries=", ".join(unreachable),
        )
        add(Issue("no_shipping", WEAKEN, ("google", "meta"), message, weaver=False))


def readiness_context() -> FeedContext:
    return make_context(
        "readiness", READINESS, base_url=current_app.config["PUBLIC_BASE_URL"], rates={}
    )


def iter_readiness(conn) -> Iterator[Readiness]:  # noqa: ANN001
    """Readiness of every carpet in the feeds, streamed from the snapshot on ``conn``."""
    for item in iter_items(conn, readiness_context()):
        yield check(item)


def feed_readiness(carpet) -> Readiness | None:  # noqa: ANN001
    """Readiness of one Carpet (ORM object), for the weaver's listing page; None without one."""
    if carpet is None or getattr(carpet, "id", None) is None:
        return None
    from sqlalchemy import select

    from storefront.extensions import db
    from storefront.feeds.models import ChannelListing
    from storefront.feeds.shipping import ShippingQuoter, load_bands

    fsn = db.session.scalar(
        select(ChannelListing.external_id).where(
            ChannelListing.carpet_id == carpet.id, ChannelListing.channel == "flipkart"
        )
    )
    row = orm_row(carpet, fsn)
    images = [(carpet.id, img.image_key, img.width) for img in carpet.images]
    weavers = [
        (w.name_en, w.name_hi, w.village_en, w.village_hi, w.district, w.gi_user_number, w.status)
        for w in carpet.weavers
    ]
    quoter = ShippingQuoter(load_bands(db.session))
    item = ItemBuilder(readiness_context(), quoter).build(row, images, weavers, listed_only=False)
    return check(item) if item else None


@dataclass(slots=True)
class Overview:
    """The staff page's data: counts per channel and one page of carpets with issues."""

    counts: dict[str, dict[str, int]]
    rows: list[Readiness]
    total: int  # carpets with issues on the chosen channel(s)
    carpets: int  # carpets in the feeds
    without_fsn: int = 0  # listed once on the Flipkart tab rather than on every carpet


def overview(channel: str | None = None, page: int = 1, per_page: int = 50) -> Overview:
    """Readiness of the whole catalog from one snapshot; only one page of rows is kept."""
    from storefront.feeds.snapshot import open_snapshot

    counts = {c: {"ready": 0, "weakened": 0, "rejected": 0} for c in CHANNELS}
    rows: list[Readiness] = []
    total = carpets = without_fsn = 0
    start = (page - 1) * per_page
    with open_snapshot() as conn:
        for result in iter_readiness(conn):
            carpets += 1
            for name in CHANNELS:
                counts[name][result.status(name)] += 1
            if channel is None:
                without_fsn += any(i.code == "no_fsn" for i in result.issues)
                relevant = [i for i in result.issues if i.code != "no_fsn"]
            else:
                relevant = [i for i in result.issues if channel in i.channels]
            if not relevant:
                continue
            if start <= total < start + per_page:
                result.issues = relevant
                rows.append(result)
            total += 1
    return Overview(counts, rows, total, carpets, without_fsn)
