"""Listing services: a weaver's carpet as a draft, its photos, and edits to a live carpet.

Edits to a published carpet never change what buyers see. They go into a pending revision (a
full working copy of the fields and the photo list) and reach the live page only when staff
approve it (``storefront.catalog.listing_review``). We chose this over "back to review" because
taking a live carpet off the catalog to fix a typo would break links buyers and marketplaces
already hold, and over "changes go live at once" because a wrong price, size or material
shown to a buyer, even for an hour, is the costly mistake. Staff edits apply directly: staff
are the reviewers.

Services take plain values, add/flush only, and raise ``ListingError``; they never commit.
"""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select

from storefront.accounts.transliterate import slugify
from storefront.catalog.attributes import (
    COLOURS,
    CONSTRUCTIONS,
    DESIGNS,
    DYES,
    FOUNDATION_MATERIALS,
    HSN_BY_CONSTRUCTION,
    PILE_MATERIALS,
    SHAPES,
)
from storefront.catalog.listing_models import REVISION_OPEN, ListingRevision
from storefront.catalog.models import Carpet, CarpetImage
from storefront.extensions import db
from storefront.weavers.models import Weaver

EDITABLE_FIELDS = (
    "title_en",
    "title_hi",
    "description_en",
    "description_hi",
    "source_lang",
    "construction",
    "pile_material",
    "foundation_material",
    "dyes",
    "kpsi",
    "quality",
    "width_cm",
    "length_cm",
    "shape",
    "pile_height_mm",
    "weight_g",
    "colour_primary",
    "colour_secondary",
    "design",
    "weaving_days",
    "price_paise",
    "stock",
)
CHOICES: dict[str, dict[str, Any]] = {
    "construction": CONSTRUCTIONS,
    "pile_material": PILE_MATERIALS,
    "foundation_material": FOUNDATION_MATERIALS,
    "dyes": DYES,
    "shape": SHAPES,
    "colour_primary": COLOURS,
    "colour_secondary": COLOURS,
    "design": DESIGNS,
    "source_lang": {"en": "en", "hi": "hi"},
}
POSITIVE_INTS = ("width_cm", "length_cm", "price_paise")
OPTIONAL_INTS = ("kpsi", "pile_height_mm", "weight_g", "weaving_days")
MAX_PHOTOS = 12
WEAVER_EDITABLE = ("draft", "pending", "published")
PHOTO_ACTIONS = ("up", "down", "main", "delete")


class ListingError(Exception):
    """A listing action that cannot happen; ``reason`` is a key the view translates."""

    def __init__(self, reason: str, missing: tuple[str, ...] = ()) -> None:
        super().__init__(reason)
        self.reason = reason
        self.missing = missing


@dataclass(frozen=True, slots=True)
class ImageRef:
    key: str
    width: int
    height: int


def _nfc(value: Any) -> Any:
    """NFC text with Unix line ends (browsers send textarea lines as CRLF)."""
    if not isinstance(value, str):
        return value
    return unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n").strip())


def clean_data(data: dict[str, Any]) -> dict[str, Any]:
    """Check that ``data`` holds only editable fields with valid values (NFC text)."""
    unknown = set(data) - set(EDITABLE_FIELDS)
    if unknown:
        raise ListingError("unknown_field:" + ",".join(sorted(unknown)))
    out = {k: _nfc(v) for k, v in data.items()}
    for field, allowed in CHOICES.items():
        value = out.get(field)
        if value is None or (field == "colour_secondary" and value == ""):
            if field == "colour_secondary":
                out[field] = None
            continue
        if value not in allowed:
            raise ListingError(f"invalid:{field}")
    for field in POSITIVE_INTS:
        if field in out and (not isinstance(out[field], int) or out[field] <= 0):
            raise ListingError(f"invalid:{field}")
    for field in OPTIONAL_INTS:
        if field in out and out[field] is not None and out[field] < 0:
            raise ListingError(f"invalid:{field}")
    if "stock" in out and (out["stock"] is None or out["stock"] < 0):
        raise ListingError("invalid:stock")
    return out


def _apply_fields(carpet: Carpet, fields: dict[str, Any]) -> None:
    for field, value in fields.items():
        setattr(carpet, field, value)
    carpet.hsn_code = HSN_BY_CONSTRUCTION.get(carpet.construction, carpet.hsn_code)
    if carpet.published_at is None:  # the slug is frozen once buyers may have seen it
        _assign_slug(carpet)


def _assign_slug(carpet: Carpet) -> None:
    base = slugify(carpet.title_en, 80) or slugify(carpet.title_hi, 80) or "carpet"
    slug = f"{base}-{carpet.id}"
    taken = db.session.scalar(select(Carpet.id).where(Carpet.slug == slug, Carpet.id != carpet.id))
    carpet.slug = slug if taken is None else f"{base}-{carpet.id}-{uuid.uuid4().hex[:6]}"


def _assign_sku(carpet: Carpet) -> None:
    sku = f"BKR-{carpet.id:05d}"
    if db.session.scalar(select(Carpet.id).where(Carpet.sku == sku)) is not None:
        sku = f"BKR-{carpet.id:05d}-{uuid.uuid4().hex[:4].upper()}"
    carpet.sku = sku


def create_listing(weaver: Weaver, data: dict[str, Any]) -> Carpet:
    """A new draft carpet by ``weaver`` with a generated SKU and slug."""
    fields = clean_data(data)
    placeholder = f"tmp-{uuid.uuid4().hex}"
    carpet = Carpet(sku=placeholder, slug=placeholder, status="draft", stock=1)
    for field, value in fields.items():
        setattr(carpet, field, value)
    carpet.weavers.append(weaver)
    db.session.add(carpet)
    db.session.flush()  # the id names the SKU and the slug
    _assign_sku(carpet)
    _apply_fields(carpet, {})
    _refresh_search(carpet)
    db.session.flush()
    return carpet


def is_owner(carpet: Carpet, weaver: Weaver | None) -> bool:
    return weaver is not None and any(w.id == weaver.id for w in carpet.weavers)


def open_revision(carpet: Carpet) -> ListingRevision | None:
    """The carpet's draft or pending revision, if any."""
    return db.session.scalar(
        select(ListingRevision).where(
            ListingRevision.carpet_id == carpet.id, ListingRevision.status.in_(REVISION_OPEN)
        )
    )


def snapshot(carpet: Carpet) -> dict[str, Any]:
    """The carpet's editable fields and photo list as plain JSON-able data."""
    return {
        "fields": {f: getattr(carpet, f) for f in EDITABLE_FIELDS},
        "images": [asdict(ImageRef(i.image_key, i.width, i.height)) for i in carpet.images],
    }


def working_values(carpet: Carpet) -> dict[str, Any]:
    """What the editor shows: the open revision's fields, else the carpet's own."""
    rev = open_revision(carpet)
    return dict(rev.data["fields"]) if rev else snapshot(carpet)["fields"]


def working_images(carpet: Carpet) -> list[ImageRef]:
    rev = open_revision(carpet)
    if rev:
        return [ImageRef(**ref) for ref in rev.data["images"]]
    return [ImageRef(i.image_key, i.width, i.height) for i in carpet.images]


def _check_editable(carpet: Carpet, by_staff: bool) -> None:
    if not by_staff and carpet.status not in WEAVER_EDITABLE:
        raise ListingError("locked")


def _edit_target(carpet: Carpet, by_staff: bool, actor_id: int | None) -> ListingRevision | None:
    """Where an edit goes: the open revision (made if the carpet is live), or the carpet itself."""
    _check_editable(carpet, by_staff)
    rev = open_revision(carpet)
    if rev is None and carpet.status == "published" and not by_staff:
        # "base" remembers what the weaver started from: approval applies only what they changed,
        # so staff edits and stock moves made meanwhile are not overwritten.
        base = snapshot(carpet)
        rev = ListingRevision(
            carpet_id=carpet.id, status="draft", data={**base, "base": base}, created_by_id=actor_id
        )
        db.session.add(rev)
        db.session.flush()
    return rev


def update_listing(
    carpet: Carpet, data: dict[str, Any], *, by_staff: bool = False, actor_id: int | None = None
) -> ListingRevision | None:
    """Save edits; on a live carpet (weaver) they go to the pending revision, which is returned."""
    fields = clean_data(data)
    rev = _edit_target(carpet, by_staff, actor_id)
    if rev is not None:
        fields.pop("stock", None)  # stock of a live carpet belongs to orders, not to revisions
        rev.data = {**rev.data, "fields": {**rev.data["fields"], **fields}}
    else:
        _apply_fields(carpet, fields)
        _refresh_search(carpet)
    db.session.flush()
    return rev


def set_images(carpet: Carpet, refs: list[ImageRef]) -> None:
    """Make ``refs`` the carpet's photos in this order (position 0 is the main photo)."""
    existing = {img.image_key: img for img in carpet.images}
    rows = []
    for position, ref in enumerate(refs):
        row = existing.get(ref.key) or CarpetImage(
            image_key=ref.key,
            width=ref.width,
            height=ref.height,
            alt_en=carpet.title_en[:300],
            alt_hi=carpet.title_hi[:300],
        )
        row.position = position
        rows.append(row)
    carpet.images = rows


def _save_images(
    carpet: Carpet, refs: list[ImageRef], *, by_staff: bool, actor_id: int | None
) -> None:
    rev = _edit_target(carpet, by_staff, actor_id)
    if rev is not None:
        rev.data = {**rev.data, "images": [asdict(r) for r in refs]}
    else:
        set_images(carpet, refs)
    db.session.flush()


def add_photos(
    carpet: Carpet, stored: list[Any], *, by_staff: bool = False, actor_id: int | None = None
) -> int:
    """Append stored images (anything with key/width/height), skipping repeats; return how many.

    Raises ``ListingError("too_many_photos")`` when the listing already holds ``MAX_PHOTOS``.
    """
    refs = working_images(carpet)
    keys = {r.key for r in refs}
    added = 0
    for item in stored:
        if item.key in keys:
            continue
        if len(refs) >= MAX_PHOTOS:
            if added:
                break
            raise ListingError("too_many_photos")
        refs.append(ImageRef(item.key, item.width, item.height))
        keys.add(item.key)
        added += 1
    if added:
        _save_images(carpet, refs, by_staff=by_staff, actor_id=actor_id)
    return added


def photo_action(
    carpet: Carpet, key: str, action: str, *, by_staff: bool = False, actor_id: int | None = None
) -> None:
    """Move a photo up or down, make it the main photo (first), or remove it."""
    refs = working_images(carpet)
    index = next((i for i, r in enumerate(refs) if r.key == key), None)
    if index is None or action not in PHOTO_ACTIONS:
        raise ListingError("no_such_photo")
    ref = refs.pop(index)
    if action == "up":
        refs.insert(max(index - 1, 0), ref)
    elif action == "down":
        refs.insert(min(index + 1, len(refs)), ref)
    elif action == "main":
        refs.insert(0, ref)
    _save_images(carpet, refs, by_staff=by_staff, actor_id=actor_id)


def _refresh_search(carpet: Carpet) -> None:
    from storefront.catalog.services import refresh_search_text

    refresh_search_text(carpet)


def listings_for_weaver(weaver: Weaver) -> list[Carpet]:
    """The weaver's carpets, most recently changed first."""
    from storefront.catalog.models import carpet_weaver

    return list(
        db.session.scalars(
            select(Carpet)
            .join(carpet_weaver, carpet_weaver.c.carpet_id == Carpet.id)
            .where(carpet_weaver.c.weaver_id == weaver.id, Carpet.status != "archived")
            .order_by(Carpet.updated_at.desc(), Carpet.id.desc())
        )
    )


def open_revisions(carpet_ids: list[int]) -> dict[int, ListingRevision]:
    if not carpet_ids:
        return {}
    rows = db.session.scalars(
        select(ListingRevision).where(
            ListingRevision.carpet_id.in_(carpet_ids), ListingRevision.status.in_(REVISION_OPEN)
        )
    )
    return {rev.carpet_id: rev for rev in rows}
