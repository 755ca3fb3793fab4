"""Configuration problems: each says where, what is wrong and an example of right, all reported at once."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the configuration: `where` is a dotted path such as `defaults.timezone`."""

    where: str
    what: str
    example: str

    def render(self) -> str:
        """One line: `where: what. Example: example`."""
        what = self.what.rstrip(". ")
        stop = "" if what.endswith(("?", "!")) else "."
        return f"{self.where}: {what}{stop} Example: {self.example}"


class ConfigError(Exception):
    """Raised by load_config with every problem found; `render()` is the friendly message for people."""

    exit_code = 2

    def __init__(self, problems: list[Problem], source: Path | None = None) -> None:
        self.problems = list(problems)
        self.source = source
        super().__init__(self.render())

    def render(self) -> str:
        """A multi-line message: a header naming the file and the count, then one line per problem."""
        name = self.source.name if self.source is not None else "app.yaml"
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{name} has {count} {noun}:"]
        lines.extend(f"  - {problem.render()}" for problem in self.problems)
        return "\n".join(lines)


class Invalid(ValueError):
    """Raised by a value parser: what is wrong and an example of a right value (the caller adds where)."""

    def __init__(self, what: str, example: str) -> None:
        super().__init__(what)
        self.what = what
        self.example = example
