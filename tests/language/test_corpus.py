"""Every case of the project's language corpus reads as expected."""
from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr

from core.language import Reading, parse_request

CASES = [json.loads(line) for line in (Path(__file__).parent / "corpus.jsonl").read_text().splitlines()
         if line.strip()]


def _occurrences(rule: str, start: date) -> list[date]:
    return [d.date() for d in rrulestr(rule, dtstart=datetime(start.year, start.month, start.day))[:6]]


def _problems(case: dict[str, Any], got: Reading) -> list[str]:
    exp, zone, out = case["expect"], ZoneInfo(case["tz"]), []
    wire = got.to_wire(case["id"])
    if "assignees" in exp and sorted(got.assignees) != sorted(a.lower() for a in exp["assignees"]):
        out.append(f"assignees {got.assignees}")
    if "due" in exp and exp["due"] is None and got.due is not None:
        out.append(f"due {wire['due']} but none expected")
    if exp.get("due"):
        want = datetime.fromisoformat(exp["due"])
        seen = datetime.fromisoformat(wire["due"]) if got.due and got.due.kind == "datetime" else None
        if seen is None or seen != want or seen.utcoffset() != want.utcoffset():
            out.append(f"due {wire['due']} != {exp['due']}")
    if exp.get("due_date") and (got.due is None or got.due.local_date(case["tz"]).isoformat() != exp["due_date"]):
        out.append(f"due {wire['due']} not on {exp['due_date']}")
    if exp.get("due_between"):
        lo, hi = (datetime.fromisoformat(v).replace(tzinfo=zone) for v in exp["due_between"])
        seen = (None if got.due is None else got.due.at or
                datetime.combine(got.due.local_date(), datetime.min.time(), zone))
        if seen is None or not lo <= seen <= hi:
            out.append(f"due {wire['due']} not within {exp['due_between']}")
    if "recurrence" in exp:
        rule = got.recurrence
        if (rule is None) != (exp["recurrence"] is None):
            out.append(f"recurrence {rule}")
        elif rule and exp["recurrence"]:
            start = (date.fromisoformat(exp["due_date"]) if exp.get("due_date") else
                     datetime.fromisoformat(exp["due"]).date() if exp.get("due") else
                     datetime.fromisoformat(case["now"]).replace(tzinfo=zone).date())
            if _occurrences(rule, start) != _occurrences(exp["recurrence"], start):
                out.append(f"recurrence {rule} != {exp['recurrence']}")
    for key in ("priority", "project", "is_request", "effort_minutes"):
        if key in exp and getattr(got, key) != exp[key]:
            out.append(f"{key} {getattr(got, key)!r}")
    if "labels" in exp and list(got.labels) != exp["labels"]:
        out.append(f"labels {got.labels}")
    out += [f"title {got.title!r} lacks {p!r}" for p in exp.get("title_contains", []) if p.lower() not in
            got.title.lower()]
    out += [f"title {got.title!r} has {p!r}" for p in exp.get("title_excludes", []) if p.lower() in
            got.title.lower()]
    return out


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_each_corpus_request_is_read_as_expected(case: dict[str, Any]) -> None:
    now = datetime.fromisoformat(case["now"]).replace(tzinfo=ZoneInfo(case["tz"]))
    got = parse_request(case["text"], now=now, tz=case["tz"], lang=case.get("lang", "en"))
    assert _problems(case, got) == [], case["text"]


def test_the_corpus_covers_the_shared_dev_cases_and_many_more() -> None:
    ids = {c["id"] for c in CASES}
    assert {f"D{i}" for i in range(1, 47)} <= ids
    assert len(CASES) >= 150
