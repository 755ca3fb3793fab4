"""Placing a read phrase in time: a date, or an instant found in the person's zone."""
from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from core.due import Due
from core.language.bounds import finished_rule, first_occurrence, hours_apart
from core.language.days import place
from core.language.piece import Ctx, Piece


def to_due(piece: Piece, ctx: Ctx) -> Due:
    """Wall-clock parts are built naive on the target day then zoned; shifts are added in UTC."""
    if piece.rule and "FREQ=HOURLY" in piece.rule and piece.clock is None:
        if piece.start is None:
            return Due(ctx.tz, at=ctx.now.replace(second=0, microsecond=0) + hours_apart(piece.rule))
        piece.clock = ctx.hours.start  # "every 8 hours starting Monday" begins as Monday's work does
    if piece.rule:
        first = first_occurrence(piece, ctx)
        if piece.clock:
            return Due(ctx.tz, at=place(first.date(), piece.clock, ctx.tz))
        return Due(ctx.tz, on=first.date())
    if piece.shift is not None:
        return Due(ctx.tz, at=ctx.now + piece.shift)
    if piece.clock is None:
        assert piece.day is not None
        return Due(ctx.tz, on=piece.day)
    zone = piece.zone or ctx.tz
    day = piece.day or ctx.now.astimezone(ZoneInfo(zone)).date()
    at = place(day, piece.clock, zone)
    if piece.roll and at <= ctx.now:
        at = place(day + timedelta(days=piece.roll), piece.clock, zone)
    return Due(ctx.tz, at=at)


def to_rule(piece: Piece, due: Due) -> str | None:
    """The schedule as stored, anchored and bounded from its first occurrence."""
    return finished_rule(piece, due.local_date()) if piece.rule else None
