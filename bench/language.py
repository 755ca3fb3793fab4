"""Benchmark of the language reader against plain dateparser.search_dates on the project corpus."""
from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from core.language import parse_request

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "language" / "corpus.jsonl"
FIRST_PARSE = (
    "import time; t = time.perf_counter(); from datetime import datetime; from zoneinfo import ZoneInfo;"
    "from core.language import parse_request;"
    "parse_request({text!r}, now=datetime(2026, 10, 23, 16, tzinfo=ZoneInfo("
    "'Europe/London')), tz='Europe/London', lang={lang!r}); print(time.perf_counter() - t)"
)


def _cases() -> list[dict[str, Any]]:
    return [json.loads(line) for line in CORPUS.read_text().splitlines() if line.strip()]


def _now(case: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(case["now"]).replace(tzinfo=ZoneInfo(case["tz"]))


def _due_ok(case: dict[str, Any], kind: str | None, value: datetime | date | None) -> bool:
    """Whether a due (a date, or an aware instant) meets the case's due expectation."""
    exp = case["expect"]
    if "due" in exp and exp["due"] is None:
        return value is None
    if exp.get("due"):
        return kind == "datetime" and value == datetime.fromisoformat(exp["due"])
    if exp.get("due_date"):
        if value is None:
            return False
        day = value.astimezone(ZoneInfo(case["tz"])).date() if isinstance(value, datetime) else value
        return bool(day.isoformat() == exp["due_date"])
    return True


def _ours(case: dict[str, Any]) -> bool:
    reading = parse_request(case["text"], now=_now(case), tz=case["tz"], lang=case.get("lang", "en"))
    due = reading.due
    value = None if due is None else due.at if due.at is not None else due.on
    return bool(_due_ok(case, due.kind if due else None, value))


def _dateparser(case: dict[str, Any]) -> bool:
    from dateparser.search import search_dates

    base = _now(case).replace(tzinfo=None)
    found = search_dates(case["text"], languages=[case.get("lang", "en")],
                         settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "future"})
    if not found:
        return _due_ok(case, None, None)
    when = found[0][1].replace(tzinfo=ZoneInfo(case["tz"]))
    return _due_ok(case, "datetime", when) or _due_ok(case, "date", when.date())


REPEATS = 5  # each case is timed this often and its median kept: a shared machine preempts single runs


def _timed(fn: Any, cases: list[dict[str, Any]]) -> tuple[int, list[float]]:
    for case in cases:  # warm-up: imports and per-language caches
        fn(case)
    score, times = 0, []
    for case in cases:
        runs = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            ok = fn(case)
            runs.append((time.perf_counter() - start) * 1000)
        score += ok
        times.append(statistics.median(runs))
    return score, times


def _first_parse(text: str, lang: str) -> float:
    root = str(CORPUS.parent.parent.parent)
    code = FIRST_PARSE.format(text=text, lang=lang)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root,
                         check=True)
    return float(out.stdout.strip())


def _pct(times: list[float], q: int) -> float:
    return statistics.quantiles(times, n=100)[q - 1]


def main() -> int:
    cases = _cases()
    with_due = [c for c in cases if any(k in c["expect"] for k in ("due", "due_date"))]
    ours, our_times = _timed(_ours, with_due)
    theirs, their_times = _timed(_dateparser, with_due)
    first_en = _first_parse("@sam send the report by Friday 3pm", "en")
    first_de = _first_parse("@max schick den Bericht bis Freitag", "de")
    print(f"Corpus: {len(with_due)} cases with a due expectation ({CORPUS.name}), "
          f"median of {REPEATS} runs per case\n")
    print("| reader | due correct | p50 ms | p95 ms | max ms |")
    print("|---|---|---|---|---|")
    for name, score, times in (("Tandem core.language", ours, our_times),
                               ("dateparser.search_dates (en, RELATIVE_BASE)", theirs, their_times)):
        print(f"| {name} | {score}/{len(with_due)} | {_pct(times, 50):.2f} | {_pct(times, 95):.2f} "
              f"| {max(times):.2f} |")
    print(f"\nFirst parse in a fresh process (imports included): English {first_en:.3f} s, "
          f"German (gloss, no dateparser) {first_de:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
