"""Reading app.yaml (syntax errors become problems with a line) and expanding ${VAR} / ${VAR:-default}."""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import yaml

from bot.config.problems import Invalid, Problem

_REFERENCE = r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}"
_YAML_EXAMPLE = "key: value, nested settings indented by two spaces (defaults:⏎  timezone: UTC)"


@dataclass(frozen=True)
class Unresolved:
    """A value naming an environment variable that is not set and has no default."""

    text: str
    names: tuple[str, ...]


def expand(value: object, env: Mapping[str, str]) -> object:
    """Expand ${VAR} and ${VAR:-default} in a string, or in each string of a list; others pass through."""
    if isinstance(value, list):
        items = [expand(item, env) for item in value]
        missing = tuple(name for item in items if isinstance(item, Unresolved) for name in item.names)
        return Unresolved(str(value), missing) if missing else items
    if not isinstance(value, str) or "$" not in value:
        return value
    references = list(re.finditer(_REFERENCE, value))
    missing = tuple(ref[1] for ref in references if ref[1] not in env and ref[2] is None)
    if missing:
        return Unresolved(value, missing)
    expanded = re.sub(_REFERENCE, lambda ref: env[ref[1]] if ref[2] is None else env.get(ref[1]) or ref[2], value)
    if "${" in expanded:
        raise Invalid(f"{value!r} has a malformed ${{…}} reference", "${SLACK_BOT_TOKEN} or ${TANDEM_TZ:-UTC}")
    return expanded


def reference_name(value: object) -> str | None:
    """The first environment variable a raw setting refers to, if any."""
    match = re.search(_REFERENCE, value) if isinstance(value, str) else None
    return match[1] if match else None


def parse_yaml(text: str) -> tuple[object, list[Problem]]:
    """The document as plain data, or None and a problem naming the line of a syntax error."""
    try:
        return yaml.load(text, Loader=_loader()), []
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark is not None else "syntax"
        what = f"YAML syntax error: {error.problem or error.context or 'unreadable'}"
        return None, [Problem(where, what.replace("\t", "\\t"), _YAML_EXAMPLE)]
    except yaml.YAMLError as error:
        return None, [Problem("syntax", f"YAML syntax error: {error}", _YAML_EXAMPLE)]


def _loader() -> type[yaml.SafeLoader]:
    """A SafeLoader following YAML 1.2 for plain scalars: NO stays a country, 9:30 stays a time."""
    loader: type[yaml.SafeLoader] = type("TandemLoader", (yaml.SafeLoader,), {})
    kept = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
    loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in kept]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )
    loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
    loader.add_implicit_resolver(
        "tag:yaml.org,2002:float",
        re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
        list("-+0123456789."),
    )
    return loader
