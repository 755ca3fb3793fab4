"""Discord shard settings: how many shards the bot has, and which of them this process connects."""
from __future__ import annotations

import re

from bot.config.problems import Invalid
from bot.config.reader import Section

MAX_SHARDS = 4096
EXAMPLE = '"0-3" or "0,2"'


def parse_shard_ids(value: object) -> tuple[int, ...]:
    """Shard ids as "0-3", "0,2", "0-1,4", a single number or a YAML list of numbers; sorted, each once."""
    parts = [str(item) for item in value] if isinstance(value, list) else str(value).split(",")
    ids: set[int] = set()
    for part in (piece.strip() for piece in parts):
        found = re.fullmatch(r"(\d+)(?:\s*-\s*(\d+))?", part)
        if isinstance(value, bool) or found is None:
            raise Invalid(f"{value!r} is not a list of shard ids", EXAMPLE)
        first, last = int(found[1]), int(found[2] or found[1])
        if last < first:
            raise Invalid(f"the range {part!r} runs backwards", f'"{last}-{first}"')
        if last >= MAX_SHARDS:
            raise Invalid(f"shard id {last} is too large", EXAMPLE)
        ids.update(range(first, last + 1))
    if not ids:
        raise Invalid("is empty", EXAMPLE)
    return tuple(sorted(ids))


def check_shards(sec: Section, count: int | None, ids: tuple[int, ...] | None) -> None:
    """Shard ids need the count they are out of, and each must be below it."""
    if ids is None:
        return
    if count is None:
        sec.report("shard_ids", "needs discord.shard_count, the number of shards all processes share",
                   "shard_count: 4 with shard_ids: \"0-1\" here and \"2-3\" in the other process")
        return
    outside = [shard for shard in ids if shard >= count]
    if outside:
        listed = ", ".join(str(shard) for shard in outside)
        sec.report("shard_ids", f"{listed} {'is' if len(outside) == 1 else 'are'} not below shard_count {count} "
                   "(ids run from 0 to shard_count - 1)", f'"0-{count - 1}"')
