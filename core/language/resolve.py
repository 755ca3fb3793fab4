"""Placing a read phrase in time: a date, or an instant found in the person's zone."""
from __future__ import annotations

from datetime import timedelta

from core.due import Due
from core.language.days import place
from core.language.piece import Ctx, Piece
from core.language.recur import first_day


def to_due(piece: Piece, ctx: Ctx) -> Due:
    """Wall-clock parts are built naive on the target day then zoned; shifts are added in UTC."""
    if piece.rule:
        first = first_day(piece, ctx)
        if piece.clock:
            return Due(ctx.tz, at=place(first.date(), piece.clock, ctx.tz))
        return Due(ctx.tz, on=first.date())
    if piece.shift is not None:
        return Due(ctx.tz, at=ctx.now + piece.shift)
    if piece.clock is None:
        assert piece.day is not None
        return Due(ctx.tz, on=piece.day)
    day = piece.day or ctx.today
    at = place(day, piece.clock, ctx.tz)
    if piece.roll and at <= ctx.now:
        at = place(day + timedelta(days=piece.roll), piece.clock, ctx.tz)
    return Due(ctx.tz, at=at)
