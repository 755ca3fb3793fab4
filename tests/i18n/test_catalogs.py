"""Every message Tandem says is translated in every catalog, with the same placeholders, and compiled."""
from __future__ import annotations

import io
import string
from functools import cache
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from core.i18n import LANGUAGES, LOCALE_DIR, SOURCE

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED = [lang for lang in LANGUAGES if lang != SOURCE]


@cache
def said_in_code() -> frozenset[str | tuple[str, ...]]:
    """Every message the code marks (_, ngettext, N_), extracted now with the project's babel.cfg."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    found = extract_from_dir(ROOT, method_map, options_map)
    return frozenset(message for _file, _line, message, _comments, _context in found)


def catalog(lang: str) -> Catalog:
    with open(LOCALE_DIR / lang / "LC_MESSAGES" / "tandem.po", "rb") as po:
        return read_po(po, locale=lang)


def names(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def test_the_extraction_finds_the_words_of_cards_and_buttons() -> None:
    assert {"Owner", "Snooze", "every {days}"} <= said_in_code()


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_is_translated_and_not_fuzzy(lang: str) -> None:
    known = catalog(lang)
    missing = []
    for message_id in said_in_code():
        key = message_id[0] if isinstance(message_id, tuple) else message_id
        entry = known.get(key)
        strings = () if entry is None else (entry.string if isinstance(entry.string, tuple) else (entry.string,))
        if entry is None or not strings or not all(strings) or entry.fuzzy:
            missing.append(key)
    assert not missing, f"{lang}: untranslated or fuzzy (make i18n, then translate): {sorted(missing)[:20]}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_keep_the_placeholders(lang: str) -> None:
    wrong = []
    for entry in catalog(lang):
        if not entry.id:
            continue
        ids = entry.id if isinstance(entry.id, tuple) else (entry.id,)
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        wanted = set().union(*(names(i) for i in ids)) - {"n"}
        for text in strings:
            if text and names(text) - {"n"} != wanted:
                wrong.append((ids[0], text))
    assert not wrong, f"{lang}: placeholders differ: {wrong[:10]}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_compiled_catalog_is_the_one_the_po_file_says(lang: str) -> None:
    compiled = io.BytesIO()
    write_mo(compiled, catalog(lang))
    shipped = (LOCALE_DIR / lang / "LC_MESSAGES" / "tandem.mo").read_bytes()
    assert shipped == compiled.getvalue(), f"{lang}: run `make i18n-compile`"

