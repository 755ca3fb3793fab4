"""Words in the reader's language: gettext catalogs (kept with Babel) and `_()` bound to whoever reads the reply.

English is the source language: a message's id is its English text, with named placeholders (`{title}`).
`_()` translates into the language of the current reader (set with `speaking_to`) and returns a `Said`: a
string that remembers how it was made, so a notice composed while the speaker's language was active can be
said again in its recipient's language (`retold`).
"""
from __future__ import annotations

import gettext
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

LANGUAGES = ("en", "de", "es", "fr")
SOURCE = "en"
DOMAIN = "tandem"
LOCALE_DIR = Path(__file__).parent / "locale"

_reader: ContextVar[str] = ContextVar("tandem_reader_language", default=SOURCE)


def supported(lang: str | None) -> str | None:
    """One of LANGUAGES for a language or platform locale ("de", "de-DE", "es_419", "fr-CA"), else None."""
    if not lang:
        return None
    base = lang.replace("_", "-").split("-")[0].strip().lower()
    return base if base in LANGUAGES else None


def language() -> str:
    """The language of whoever reads what is being written now."""
    return _reader.get()


@contextmanager
def speaking_to(lang: str | None) -> Iterator[None]:
    """Everything `_()` says inside is in `lang` (English when it is not one of LANGUAGES)."""
    token = _reader.set(supported(lang) or SOURCE)
    try:
        yield
    finally:
        _reader.reset(token)


@cache
def catalog(lang: str) -> gettext.NullTranslations:
    """The compiled catalog of `lang` (core/locale/<lang>/LC_MESSAGES/tandem.mo); English needs none."""
    if lang == SOURCE:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, [lang], fallback=True)


class Said(str):
    """A sentence in one language that can be said again in another (`to`)."""

    _render: Callable[[str], str]
    _lang: str

    def __new__(cls, render: Callable[[str], str], lang: str | None = None) -> Said:
        lang = lang or language()
        made = super().__new__(cls, render(lang))
        made._render, made._lang = render, lang
        return made

    def to(self, lang: str) -> str:
        lang = supported(lang) or SOURCE
        return str.__str__(self) if lang == self._lang else self._render(lang)


    def __copy__(self) -> Said:
        return self  # immutable, like every str

    def __deepcopy__(self, memo: object) -> Said:
        return self

    def __reduce__(self) -> tuple[type[str], tuple[str]]:
        return str, (str(self),)  # pickled as the words it says now


def retold(text: str, lang: str) -> str:
    """`text` in `lang` when it was made by `_()` (or a date formatter), else as it is."""
    return text.to(lang) if isinstance(text, Said) else text


def joined(parts: list[str], separator: str) -> str:
    """`parts` joined by `separator`, each said again in the reader's language when the whole is."""
    return Said(lambda lang: separator.join(retold(part, lang) for part in parts))


def _filled(template: str, params: dict[str, object], lang: str) -> str:
    if not params:
        return template
    return template.format(**{k: retold(v, lang) if isinstance(v, str) else v for k, v in params.items()})


def _(message: str, **params: object) -> str:
    """`message` in the reader's language, its `{placeholders}` filled from `params`."""
    return Said(lambda lang: _filled(catalog(lang).gettext(message), params, lang))


def ngettext(singular: str, plural: str, n: int, **params: object) -> str:
    """The singular or plural `message` as the reader's language counts `n` (also given as `{n}`)."""
    values = {"n": n, **params}
    return Said(lambda lang: _filled(catalog(lang).ngettext(singular, plural, n), values, lang))


def N_(message: str) -> str:  # noqa: N802 - gettext's name for "translate later"
    """Marks a module-level message for the catalogs; translate it with `_(CONSTANT)` where it is used."""
    return message
