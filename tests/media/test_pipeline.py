"""The image pipeline: only real JPEG/PNG/WebP pass, metadata never survives, sizes are made."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image, ImageCms

from storefront.media.services import (
    FORMATS,
    WIDTHS,
    ImageRejected,
    media_path,
    store_image,
    stored_files,
)
from tests.shop.builders import photo_bytes

GPS_IFD = 0x8825


def jpeg_with_gps_and_orientation(orientation: int = 1) -> bytes:
    """A phone-like JPEG: EXIF GPS position, camera model, orientation tag, ICC profile."""
    img = Image.new("RGB", (1200, 800), (120, 30, 20))
    img.paste(Image.new("RGB", (300, 200), (255, 255, 255)), (0, 0))  # marker: top-left corner
    exif = Image.Exif()
    exif[0x0110] = "BudgetPhone 5"  # Model
    exif[0x0112] = orientation
    exif.get_ifd(GPS_IFD).update(
        {1: "N", 2: (25.0, 23.0, 42.0), 3: "E", 4: (82.0, 34.0, 12.0)}  # Bhadohi
    )
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    out = io.BytesIO()
    img.save(out, "JPEG", exif=exif.tobytes(), icc_profile=icc, quality=90)
    return out.getvalue()


def assert_no_metadata(path) -> None:  # noqa: ANN001
    raw = path.read_bytes()
    with Image.open(path) as img:
        assert not img.getexif(), path
        assert "exif" not in img.info and "icc_profile" not in img.info and "xmp" not in img.info
    assert b"Exif" not in raw and b"GPS" not in raw and b"BudgetPhone" not in raw, path


def test_gps_and_all_metadata_are_gone_from_every_stored_file(app) -> None:
    data = jpeg_with_gps_and_orientation()
    with Image.open(io.BytesIO(data)) as original:  # the test image really carries GPS
        assert original.getexif().get_ifd(GPS_IFD)[1] == "N"
    stored = store_image(data)
    files = stored_files(stored.key)
    assert len(files) == len(WIDTHS) * len(FORMATS)
    for path in files:
        assert_no_metadata(path)


@pytest.mark.parametrize(
    "orientation, size", [(1, (1200, 800)), (6, (800, 1200)), (8, (800, 1200))]
)
def test_exif_orientation_is_applied_to_the_pixels(app, orientation, size) -> None:
    stored = store_image(jpeg_with_gps_and_orientation(orientation))
    assert (stored.width, stored.height) == size
    with Image.open(media_path(stored.key, 2000, "jpg")) as img:
        assert img.size == size
        # Orientation 6 rotates 90° clockwise: the white top-left marker ends up top-right.
        corner = {1: (10, 10), 6: (size[0] - 10, 10), 8: (10, size[1] - 10)}[orientation]
        assert min(img.convert("RGB").getpixel(corner)) > 200


def test_responsive_sizes_in_webp_and_jpeg(app) -> None:
    stored = store_image(photo_bytes((2400, 1600)))
    for width in WIDTHS:
        for ext, fmt in FORMATS.items():
            with Image.open(media_path(stored.key, width, ext)) as img:
                assert img.format == fmt
                assert img.width == width
                assert img.height == round(1600 * width / 2400)


def test_small_photo_is_encoded_once_and_copied_to_larger_sizes(app) -> None:
    stored = store_image(photo_bytes((900, 600)))
    for ext in FORMATS:
        big = media_path(stored.key, 2000, ext).read_bytes()
        assert media_path(stored.key, 1000, ext).read_bytes() == big
        with Image.open(media_path(stored.key, 2000, ext)) as img:
            assert img.size == (900, 600)  # never upscaled
        assert media_path(stored.key, 400, ext).read_bytes() != big


def test_same_photo_twice_is_stored_once(app) -> None:
    data = photo_bytes()
    assert store_image(data).key == store_image(data).key


def test_stored_outside_static(app) -> None:
    stored = store_image(photo_bytes())
    assert "static" not in str(media_path(stored.key, 400, "jpg")).split("/")


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"%PDF-1.4 not a photo", "not_image"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "not_image"),
        (photo_bytes(fmt="GIF", mode="P", color=(3,)), "unsupported_format"),
        (photo_bytes(fmt="BMP"), "unsupported_format"),
        (photo_bytes(fmt="TIFF"), "unsupported_format"),
        (photo_bytes()[:800], "not_image"),  # truncated JPEG
    ],
    ids=["empty", "pdf", "svg", "gif", "bmp", "tiff", "truncated"],
)
def test_refused(app, data, reason) -> None:
    with pytest.raises(ImageRejected) as caught:
        store_image(data)
    assert caught.value.reason == reason


def png_bomb(width: int = 30_000, height: int = 30_000) -> bytes:
    """A tiny PNG that claims a huge canvas (a decompression bomb): header only, almost no data."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def test_pixel_bomb_refused_before_decoding(app) -> None:
    bomb = png_bomb()
    assert len(bomb) < 200
    with pytest.raises(ImageRejected) as caught:
        store_image(bomb)
    assert caught.value.reason == "too_many_pixels"


def test_pixel_cap_is_configurable(app) -> None:
    app.config["MAX_IMAGE_PIXELS"] = 500 * 500
    with pytest.raises(ImageRejected) as caught:
        store_image(photo_bytes((600, 600)))
    assert caught.value.reason == "too_many_pixels"


def test_png_with_transparency_and_webp_and_cmyk_accepted(app) -> None:
    for data in (
        photo_bytes(fmt="PNG", mode="RGBA", color=(10, 20, 30, 0)),
        photo_bytes(fmt="WEBP"),
        photo_bytes(fmt="JPEG", mode="CMYK", color=(0, 80, 80, 10)),
        photo_bytes(fmt="PNG", mode="L", color=(90,)),
    ):
        stored = store_image(data)
        with Image.open(media_path(stored.key, 400, "jpg")) as img:
            assert img.mode == "RGB"


def test_50_megapixel_phone_jpeg_is_decoded_at_reduced_scale(app) -> None:
    big = photo_bytes((8160, 6120), quality=60)  # 50 MP, over the 40 MP cap as declared
    stored = store_image(big)
    assert (stored.width, stored.height) == (4080, 3060)  # JPEG draft mode: decoded at 1/2


def test_jpeg_bomb_refused_even_with_draft_mode(app) -> None:
    app.config["MAX_IMAGE_PIXELS"] = 1000 * 1000
    with pytest.raises(ImageRejected) as caught:
        store_image(photo_bytes((4100, 4100), quality=30))  # > 4x the cap as declared
    assert caught.value.reason == "too_many_pixels"


def test_served_with_long_cache_headers(app, client) -> None:
    stored = store_image(photo_bytes())
    response = client.get(f"/media/{stored.key}-400.webp")
    assert response.status_code == 200
    assert response.mimetype == "image/webp"
    assert "immutable" in response.headers["Cache-Control"]
    assert "max-age=31536000" in response.headers["Cache-Control"]
    response.close()
    assert client.get(f"/media/{stored.key}-401.webp").status_code == 404
    assert client.get("/media/../../etc-400.jpg").status_code == 404


def test_picture_helper_lists_sizes(app) -> None:
    from storefront.media.helpers import picture

    with app.test_request_context("/en/"):
        html = str(picture("a" * 32, alt='Red "rug"', width=1200, height=800))
    assert 'type="image/webp"' in html and "400w" in html and "1000w" in html
    assert "2000w" not in html  # not larger than the original
    assert "&#34;rug&#34;" in html or "&quot;rug&quot;" in html
    assert 'width="1200" height="800"' in html


def test_srcset_describes_real_widths_and_keeps_the_sharpest_copy(app) -> None:
    from storefront.media.helpers import srcset

    with app.test_request_context():
        small = srcset("a" * 32, "webp", 900)
        big = srcset("a" * 32, "jpg", 2400)
    assert small.endswith(f"/media/{'a' * 32}-1000.webp 900w")
    assert small.count("w,") == 1  # 400w and 900w, no 2000 entry
    assert big.split(", ")[-1].endswith("-2000.jpg 2000w")
