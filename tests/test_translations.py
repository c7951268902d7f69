"""The Hindi catalog is complete, current and well-formed: untranslated, fuzzy or stale fails."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "translations" / "hi" / "LC_MESSAGES" / "messages.po"
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "_l": None,
    "lazy_gettext": None,
    "lazy_ngettext": (1, 2),
    "N_": None,
}


def _catalog() -> Catalog:
    with PO.open("rb") as f:
        return read_po(f, locale="hi")


def _key(msg_id: str | tuple[str, ...], context: str | None) -> tuple[str | None, str]:
    return context, msg_id if isinstance(msg_id, str) else msg_id[0]


def _extracted() -> set[tuple[str | None, str]]:
    with (ROOT / "babel.cfg").open() as f:
        method_map, options_map = parse_mapping_cfg(f)
    found = set()
    for _file, _line, message, _comments, context in extract_from_dir(
        str(ROOT),
        method_map,
        options_map,
        keywords=KEYWORDS,
        directory_filter=lambda d: not Path(d).name.startswith(".") and "__pycache__" not in d,
    ):
        found.add(_key(message, context))
    return found


def test_every_message_is_translated_and_not_fuzzy():
    cat = _catalog()
    untranslated = [m.id for m in cat if m.id and not (m.string and all(m.string))]
    fuzzy = [m.id for m in cat if m.id and m.fuzzy]
    assert not untranslated, f"untranslated: {untranslated}"
    assert not fuzzy, f"fuzzy: {fuzzy}"
    assert not cat.obsolete, f"obsolete: {list(cat.obsolete)}"


def test_catalog_is_not_stale():
    """Every string in the code is in the catalog, and the catalog has nothing the code dropped."""
    in_code = _extracted()
    in_po = {_key(m.id, m.context) for m in _catalog() if m.id}
    assert not in_code - in_po, (
        f"missing from messages.po (run make translate-update): {in_code - in_po}"
    )
    assert not in_po - in_code, f"no longer in the code: {in_po - in_code}"


PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w+)\}")


@pytest.mark.parametrize("msg", [m for m in _catalog() if m.id], ids=lambda m: str(m.id)[:40])
def test_placeholders_survive_translation(msg):
    ids = msg.id if isinstance(msg.id, tuple) else (msg.id,)
    strings = msg.string if isinstance(msg.string, tuple) else (msg.string,)
    wanted = {p for i in ids for p in PLACEHOLDER.findall(i)}
    for s in strings:
        assert {p for p in PLACEHOLDER.findall(s)} <= wanted | {("", "")}, (msg.id, s)
        # A plural's singular may drop %(num)s; the main form must keep every named value.
    assert {p for p in PLACEHOLDER.findall(strings[-1])} == {
        p for p in PLACEHOLDER.findall(ids[-1])
    }
