"""Every console example in README.md, docs/console.md and docs/scheduler.md, run verbatim through
`tandem console` on a fresh database with the --now/--tz it states: the lines it shows must appear, in order."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ("README.md", "docs/console.md", "docs/scheduler.md")
BLOCK = re.compile(r"```[a-z]*\n(.*?)```", re.DOTALL)
JSON_BLOCK = re.compile(r"```json\n(.*?)```", re.DOTALL)
SCRIPT = re.compile(r"printf '(?P<lines>[^']*)'\s*\\?\s*\|\s*\S*tandem console(?P<args>[^`\n]*)")
OPTION = re.compile(r"--(now|tz)[ =]\"?([^\s\"]+)")
ERRORS = ("I don't know", "Sorry, something went wrong", "couldn't read", "is not a task reference")


@dataclass(frozen=True)
class Example:
    where: str
    lines: tuple[str, ...]
    options: tuple[str, ...]
    shown: tuple[str, ...] = ()
    as_json: bool = False


def examples() -> list[Example]:
    found: list[Example] = []
    for name in DOCS:
        text = (ROOT / name).read_text()
        for block in BLOCK.findall(text):
            rows = block.splitlines()
            if any(r.startswith("you> ") for r in rows):
                start = next(r for r in rows if r.startswith("$ "))
                found.append(Example(name, tuple(r[5:] for r in rows if r.startswith("you> ")), _options(start),
                                     tuple(r for r in rows if r.strip() and not r.startswith(("$ ", "you> ")))))
        for script in SCRIPT.finditer(text):
            lines = tuple(script["lines"].split("\\n"))
            found.append(Example(name, tuple(x for x in lines if x), _options(script["args"]),
                                 as_json="--json" in script["args"]))
    return found


def _options(line: str) -> tuple[str, ...]:
    return tuple(part for name, value in OPTION.findall(line) for part in (f"--{name}", value))


def run(example: Example, folder: Path) -> list[str]:
    env = {**os.environ, "TANDEM_DATABASE_URL": f"sqlite:///{folder / 'fresh.sqlite'}"}
    command = [sys.executable, "-m", "bot", "--config", str(ROOT / "app.yaml"), "console", *example.options,
               *(["--json"] if example.as_json else [])]
    done = subprocess.run(command, input="\n".join(example.lines) + "\n", capture_output=True, text=True,
                          env=env, cwd=folder, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def matches(expected: str, actual: str) -> bool:
    """The line as printed; a line ending in "…" stands for every line that starts with what comes before."""
    return actual.startswith(expected[:-1].rstrip()) if expected.endswith("…") else actual == expected


@pytest.mark.parametrize("example", examples(), ids=lambda e: f"{e.where}:{e.lines[-1][:30]}")
def test_the_documented_example_runs_as_printed(example: Example, tmp_path: Path) -> None:
    assert "--now" in example.options and "--tz" in example.options, "every example states its clock and zone"
    output = run(example, tmp_path)
    texts = [json.loads(line)["text"] for line in output] if example.as_json else output
    assert not [t for t in texts if any(e in t for e in ERRORS)], "\n".join(output)
    remaining = iter(output)
    for expected in example.shown:
        assert any(matches(expected, actual) for actual in remaining), f"not shown in order: {expected}\n" + \
            "\n".join(output)


def test_the_documented_json_message_has_the_keys_a_real_one_has(tmp_path: Path) -> None:
    documented = json.loads(JSON_BLOCK.findall((ROOT / "docs/console.md").read_text())[0])
    script = next(e for e in examples() if e.where == "docs/console.md" and e.as_json)
    real = next(m for m in map(json.loads, run(script, tmp_path)) if m["to"] == "@bob")
    assert set(real) == set(documented) and set(real["card"]) == set(documented["card"])
    assert set(real["actions"][0]) == set(documented["actions"][0])


def test_every_documented_page_has_an_example() -> None:
    assert {e.where for e in examples()} == set(DOCS)
