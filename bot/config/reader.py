"""A reader for one section of app.yaml that collects problems instead of stopping at the first."""
from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from typing import TypeVar

from bot.config.problems import Invalid, Problem
from bot.config.source import Unresolved, expand, reference_name

T = TypeVar("T")


class Section:
    """Reads typed values from one mapping; bad values, unset variables and unknown keys become problems."""

    def __init__(
        self, raw: object, where: str, env: Mapping[str, str], problems: list[Problem], *, needed: bool = True
    ) -> None:
        self.where = where
        self.env = env
        self.problems = problems
        self.needed = needed
        self._read: list[str] = []
        self._raw: dict[str, object] = {}
        if isinstance(raw, dict):
            self._raw = {str(key): value for key, value in raw.items()}
        elif raw is not None:
            self.report("", f"should be a group of settings, not {raw!r}", f"{where or 'defaults'}:⏎  key: value")

    def path(self, key: str) -> str:
        """The dotted path of a key in this section, e.g. defaults.timezone."""
        return f"{self.where}.{key}" if self.where and key else self.where or key

    def report(self, key: str, what: str, example: str) -> None:
        """Record a problem with the given key (or the section itself when key is empty)."""
        self.problems.append(Problem(self.path(key) or "app.yaml", what, example))

    def section(self, key: str) -> Section:
        """The nested section under key (empty if absent)."""
        self._read.append(key)
        return Section(self._raw.get(key), self.path(key), self.env, self.problems)

    def value(self, key: str, parse: Callable[[object], T], default: T) -> T:
        """The parsed value of key, or default when it is absent, empty, unset or wrong (wrong is reported)."""
        found = self.optional(key, parse, required=True)
        return default if found is None else found

    def optional(
        self, key: str, parse: Callable[[object], T], *, required: bool = False, absent: object = None
    ) -> T | None:
        """The parsed value of key, or None when empty; `absent` stands in for a missing key.

        `required` reports an unset ${VAR} when this section is needed.
        """
        self._read.append(key)
        raw = self._raw.get(key, absent)
        try:
            expanded = expand(raw, self.env)
            if isinstance(expanded, Unresolved):
                self._unresolved(key, expanded, required)
                return None
            if expanded is None or (isinstance(expanded, str) and not expanded.strip()):
                return None
            return parse(expanded)
        except Invalid as invalid:
            self.report(key, invalid.what, invalid.example)
            return None

    def env_name(self, key: str, conventional: str) -> str:
        """The environment variable a setting reads from: the one app.yaml names, else the conventional one."""
        return reference_name(self._raw.get(key, conventional)) or conventional

    def finish(self) -> None:
        """Report every key this section never read, suggesting the closest known one."""
        for key in self._raw:
            if key not in self._read:
                self._unknown(key)

    def _unresolved(self, key: str, value: Unresolved, required: bool) -> None:
        if self.needed and required:
            name = value.names[0]
            what = f"needs ${{{name}}}, which is not set in the environment"
            self.report(key, what, f"export {name}=…, or give a default: ${{{name}:-…}}")

    def _unknown(self, key: str) -> None:
        known = sorted(set(self._read))
        close = difflib.get_close_matches(key, known, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        self.report(key, f"is not a known setting{hint}", f"one of: {', '.join(known)}")
