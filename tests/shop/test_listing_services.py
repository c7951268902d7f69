"""Listing services without HTTP: drafts, SKU/slug, revisions of live carpets, review decisions."""

from __future__ import annotations

import pytest

from storefront.catalog import listing_review as review
from storefront.catalog.listing_models import ListingReview, ListingRevision
from storefront.catalog.listings import (
    ImageRef,
    ListingError,
    add_photos,
    create_listing,
    open_revision,
    photo_action,
    update_listing,
    working_images,
    working_values,
)
from storefront.catalog.models import Carpet
from storefront.extensions import db
from tests.builders import make_carpet
from tests.shop.builders import make_staff, make_weaver_account

DATA = {
    "title_hi": "लाल कालीन",
    "title_en": "",
    "construction": "hand_knotted",
    "pile_material": "wool",
    "width_cm": 170,
    "length_cm": 244,
    "price_paise": 15_000_000,
    "kpsi": 100,
    "quality": "10x10",
}


def img(n: int) -> ImageRef:
    return ImageRef(f"{n:032x}", 1200, 800)


def draft_with_photos(weaver, n: int = 3) -> Carpet:  # noqa: ANN001
    carpet = create_listing(weaver, DATA)
    add_photos(carpet, [img(i) for i in range(1, n + 1)])
    return carpet


def test_create_makes_a_draft_with_sku_slug_and_search_text(app) -> None:
    _, weaver = make_weaver_account()
    carpet = create_listing(weaver, {**DATA, "title_en": "Red Medallion"})
    assert carpet.status == "draft" and carpet.published_at is None
    assert carpet.sku == f"BKR-{carpet.id:05d}"
    assert carpet.slug == f"red-medallion-{carpet.id}"
    assert carpet.hsn_code == "5701"
    assert "लाल" in carpet.search_text and carpet.weavers == [weaver]


def test_slug_from_hindi_title_when_no_english(app) -> None:
    _, weaver = make_weaver_account()
    carpet = create_listing(weaver, DATA)
    assert carpet.slug == f"lal-kalin-{carpet.id}"


def test_sku_and_slug_stay_unique_next_to_seeded_ones(app) -> None:
    _, weaver = make_weaver_account()
    make_carpet(weaver=weaver, sku="BKR-00002", slug="lal-kalin-2")
    carpet = create_listing(weaver, DATA)
    assert carpet.id == 2
    assert carpet.sku.startswith("BKR-00002-") and carpet.slug.startswith("lal-kalin-2-")


def test_unknown_fields_and_bad_choices_refused(app) -> None:
    _, weaver = make_weaver_account()
    with pytest.raises(ListingError):
        create_listing(weaver, {**DATA, "status": "published"})
    with pytest.raises(ListingError):
        create_listing(weaver, {**DATA, "pile_material": "unobtainium"})
    with pytest.raises(ListingError):
        create_listing(weaver, {**DATA, "price_paise": 0})


def test_text_is_stored_as_nfc(app) -> None:
    _, weaver = make_weaver_account()
    carpet = create_listing(weaver, {**DATA, "title_hi": "  \u0958ालीन "})  # precomposed क़
    assert carpet.title_hi == "\u0915\u093cालीन"  # NFC: क + nukta, trimmed


def test_photos_order_main_and_remove(app) -> None:
    _, weaver = make_weaver_account()
    carpet = draft_with_photos(weaver)
    keys = lambda: [i.image_key for i in carpet.images]  # noqa: E731
    a, b, c = (img(i).key for i in (1, 2, 3))
    assert keys() == [a, b, c] and [i.position for i in carpet.images] == [0, 1, 2]
    photo_action(carpet, c, "main")
    assert keys() == [c, a, b] and carpet.main_image.image_key == c
    photo_action(carpet, a, "up")
    assert keys() == [a, c, b]
    photo_action(carpet, a, "down")
    assert keys() == [c, a, b]
    photo_action(carpet, c, "up")  # already first: no change
    assert keys() == [c, a, b]
    photo_action(carpet, a, "delete")
    db.session.expire_all()
    assert keys() == [c, b] and [i.position for i in carpet.images] == [0, 1]
    with pytest.raises(ListingError):
        photo_action(carpet, a, "up")


def test_duplicate_photos_skipped_and_limit_enforced(app) -> None:
    _, weaver = make_weaver_account()
    carpet = draft_with_photos(weaver, 3)
    assert add_photos(carpet, [img(1), img(2)]) == 0
    assert add_photos(carpet, [img(i) for i in range(4, 20)]) == 9  # up to 12
    with pytest.raises(ListingError) as caught:
        add_photos(carpet, [img(30)])
    assert caught.value.reason == "too_many_photos"


def test_submit_needs_a_title_and_a_photo(app) -> None:
    _, weaver = make_weaver_account()
    carpet = create_listing(weaver, DATA)
    with pytest.raises(ListingError) as caught:
        review.submit_for_review(carpet)
    assert caught.value.reason == "incomplete" and caught.value.missing == ("photos",)
    add_photos(carpet, [img(1)])
    review.submit_for_review(carpet)
    assert carpet.status == "pending"
    with pytest.raises(ListingError):
        review.submit_for_review(carpet)


def test_approve_publishes_and_freezes_the_slug(app) -> None:
    _, weaver = make_weaver_account()
    staff = make_staff()
    carpet = draft_with_photos(weaver)
    review.submit_for_review(carpet)
    review.approve(carpet, staff.id)
    assert carpet.status == "published" and carpet.published_at is not None
    slug = carpet.slug
    update_listing(carpet, {"title_hi": "नया नाम"}, by_staff=True)
    assert carpet.slug == slug  # buyers' links keep working
    decision = db.session.scalars(db.select(ListingReview)).one()
    assert decision.decision == "approved" and decision.staff_id == staff.id


def test_send_back_returns_to_draft_with_a_note(app) -> None:
    _, weaver = make_weaver_account()
    staff = make_staff()
    carpet = draft_with_photos(weaver)
    review.submit_for_review(carpet)
    with pytest.raises(ListingError) as caught:
        review.send_back(carpet, staff.id, [], "  ")
    assert caught.value.reason == "note_required"
    note = review.send_back(carpet, staff.id, ["size", "bogus"], "कृपया चौड़ाई दोबारा नापें")
    assert carpet.status == "draft" and note.reasons == ["size"]
    assert review.notes_to_act_on([carpet]) == [(carpet, note)]
    review.submit_for_review(carpet)
    assert review.notes_to_act_on([carpet]) == []  # sent again: nothing left to do


def live_carpet(weaver, staff) -> Carpet:  # noqa: ANN001
    carpet = draft_with_photos(weaver)
    review.submit_for_review(carpet)
    review.approve(carpet, staff.id)
    return carpet


def test_weaver_edit_of_a_live_carpet_waits_for_review(app) -> None:
    _, weaver = make_weaver_account()
    staff = make_staff()
    carpet = live_carpet(weaver, staff)
    rev = update_listing(carpet, {"price_paise": 9_900_000, "width_cm": 160})
    assert isinstance(rev, ListingRevision) and rev.status == "draft"
    # Buyers still see the approved price and size.
    assert (
        carpet.price_paise == 15_000_000 and carpet.width_cm == 170 and carpet.status == "published"
    )
    assert working_values(carpet)["price_paise"] == 9_900_000
    add_photos(carpet, [img(9)])
    photo_action(carpet, img(9).key, "main")
    assert len(carpet.images) == 3 and working_images(carpet)[0] == img(9)
    with pytest.raises(ListingError):  # not sent yet: nothing to approve
        review.approve(carpet, staff.id)
    review.submit_for_review(carpet)
    assert review.review_queue()[0].revision is rev
    assert dict((f, new) for f, _old, new in review.revision_changes(carpet, rev)) == {
        "price_paise": 9_900_000,
        "width_cm": 160,
    }
    review.approve(carpet, staff.id)
    assert carpet.price_paise == 9_900_000 and carpet.width_cm == 160
    assert [i.image_key for i in carpet.images][0] == img(9).key
    assert rev.status == "approved" and open_revision(carpet) is None


def test_approval_does_not_overwrite_stock_moves_or_staff_edits(app) -> None:
    _, weaver = make_weaver_account()
    staff = make_staff()
    carpet = live_carpet(weaver, staff)
    update_listing(carpet, {"title_hi": "नया नाम", "stock": 5})  # stock is ignored on live carpets
    carpet.stock = 0  # an order reserved it meanwhile
    carpet.design = "floral"  # a staff correction on the live carpet
    review.submit_for_review(carpet)
    review.approve(carpet, staff.id)
    assert carpet.title_hi == "नया नाम" and carpet.stock == 0 and carpet.design == "floral"


def test_staff_approve_only_what_they_saw(app) -> None:
    _, weaver = make_weaver_account()
    staff = make_staff()
    carpet = draft_with_photos(weaver)
    review.submit_for_review(carpet)
    seen = review.listing_version(carpet)
    update_listing(carpet, {"price_paise": 100_00})  # the weaver edits during the review
    with pytest.raises(ListingError) as caught:
        review.approve(carpet, staff.id, seen_version=seen)
    assert caught.value.reason == "changed" and carpet.status == "pending"


def test_send_back_a_revision_keeps_the_live_carpet(app) -> None:
    _, weaver = make_weaver_account()
    staff = make_staff()
    carpet = live_carpet(weaver, staff)
    rev = update_listing(carpet, {"pile_material": "viscose"})
    review.submit_for_review(carpet)
    review.send_back(carpet, staff.id, ["material"], "")
    assert rev.status == "draft" and carpet.pile_material == "wool" and carpet.status == "published"
    assert review.notes_to_act_on([carpet])[0][1].reasons == ["material"]
    review.discard_changes(carpet)
    assert rev.status == "discarded" and working_values(carpet)["pile_material"] == "wool"


def test_mark_sold_and_delete_draft(app) -> None:
    _, weaver = make_weaver_account()
    staff = make_staff()
    carpet = live_carpet(weaver, staff)
    update_listing(carpet, {"title_hi": "x"})
    review.mark_sold(carpet)
    assert carpet.status == "sold" and carpet.stock == 0 and open_revision(carpet) is None
    with pytest.raises(ListingError):
        update_listing(carpet, {"title_hi": "y"})  # sold carpets are locked for weavers
    draft = draft_with_photos(weaver)
    draft_id = draft.id
    review.delete_draft(draft)
    assert db.session.get(Carpet, draft_id) is None
    with pytest.raises(ListingError):
        review.delete_draft(carpet)
