"""`tandem parse`: show how a request is read, one text or JSON lines in batch."""
from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from core.errors import DomainError
from core.language import Reading, parse_request


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `parse` sub-command."""
    parser = subparsers.add_parser("parse", help="show how a plain-language request is read")
    _arguments(parser)
    parser.set_defaults(func=run)


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", nargs="?", help="the request, e.g. '@sam send the report by Friday'")
    parser.add_argument("--tz", default="UTC", help="the speaker's IANA zone (default UTC)")
    parser.add_argument("--now", help="ISO time to read from; naive means wall time in --tz")
    parser.add_argument("--lang", default="en", help="the speaker's language: en, de, es or fr (default en)")
    parser.add_argument("--batch", action="store_true", help="read JSON lines on stdin, write JSON lines")


def _now(value: str | None, tz: str) -> datetime:
    if not value:
        return datetime.now(UTC)
    when = datetime.fromisoformat(value)
    return when if when.tzinfo else when.replace(tzinfo=ZoneInfo(tz))


def _read(text: str, now: str | None, tz: str, lang: str) -> Reading:
    return parse_request(text, now=_now(now, tz), tz=tz, lang=lang)


def _batch_line(line: str) -> dict[str, Any]:
    case_id: Any = None
    try:
        case = json.loads(line)
        case_id = case.get("id")
        tz = case.get("tz") or "UTC"
        return _read(str(case["text"]), case.get("now"), tz, case.get("lang") or "en").to_wire(case_id)
    except DomainError as exc:
        return {"id": case_id, "error": exc.user_message}
    except Exception as exc:  # one bad line must not stop the batch
        return {"id": case_id, "error": f"{type(exc).__name__}: {exc}"}


def batch(lines: TextIO, out: TextIO) -> None:
    """One JSON object out per non-blank JSON line in."""
    for line in lines:
        if line.strip():
            out.write(json.dumps(_batch_line(line), ensure_ascii=False) + "\n")
            out.flush()


def run(args: argparse.Namespace) -> int:
    """Print the reading of `args.text` as JSON, or handle --batch."""
    if args.batch:
        batch(sys.stdin, sys.stdout)
        return 0
    if not args.text:
        print("Give a request to read, e.g. tandem parse \"@sam send the report by Friday\"", file=sys.stderr)
        return 2
    try:
        reading = _read(args.text, args.now, args.tz, args.lang)
    except DomainError as exc:
        print(exc.user_message, file=sys.stderr)
        return 1
    except (ValueError, KeyError) as exc:  # ZoneInfoNotFoundError is a KeyError
        print(f"Bad --now or --tz: {exc}", file=sys.stderr)
        return 2
    wire = reading.to_wire("cli")
    wire.pop("id")
    wire["is_request"] = reading.is_request
    print(json.dumps(wire, ensure_ascii=False, indent=2))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry point until `tandem` wires in `register`."""
    parser = argparse.ArgumentParser(prog="tandem parse", description=__doc__)
    _arguments(parser)
    return run(parser.parse_args(argv))
