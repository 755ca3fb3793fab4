"""Every command, through the console, with arbitrary arguments: an answer every time, never a half-written change."""
from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from sqlalchemy import Engine

from storage.uow import SqlUnitOfWorkFactory
from tests.fuzz.strategies import ARGUMENTS, PROFILE
from tests.harness import ChatHarness
from tests.snapshot import snapshot

TEMPLATES = [
    "/task add {}", "/task add @bob {}", "/task list {}", "/task list search {}", "/task list project {}",
    "/task show {}", "/task done {}", "/task reopen {}", "/task start {}", "/task block {}", "/task undo {}",
    "/task cancel T-2 {}", "/task edit T-2 title {}", "/task edit T-2 notes {}", "/task edit T-2 project {}",
    "/task edit T-2 {}", "/task assign T-2 {}", "/task due T-1 {}", "/task accept {}", "/task propose T-1 {}",
    "/task decline T-1 {}", "/task comment T-1 {}", "/task watch {}", "/task unwatch {}", "/task project {}",
    "/task project new {}", "/task project status {}", "/task project join launch {}", "/task goal new {}",
    "/task goal {}", "/task settings {}", "/task settings tz {}", "/task settings hours {}",
    "/task settings days {}", "/task confirm {}", "/task discard {}", "/task revise {draft} {}", "/task snooze T-2 {}",
    "/task away {}", "/task digest {}", "/task repeat T-2 {}", "/task rotate T-2 {}", "/task help {}",
    "/task {}", "{}", "@tandem {}", "/{}",
]
CONSOLE_TEMPLATES = [":advance {}", ":as {}", "@{}: hello", ":{}"]
UNEXPECTED = "something went wrong on my side"
LONGEST_ANSWER = 20_000  # bounded, whatever the size of the input


class Unexpected(logging.Handler):
    """Collects the error policy's log of unexpected errors."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@dataclass
class Room:
    chat: ChatHarness
    draft: str  # the number of @alice's request card


@pytest.fixture
def room(uow_factory: SqlUnitOfWorkFactory) -> Room:
    """On a fresh database: @alice asked @bob for T-1, has her own T-2, a request card waiting, and a #launch."""
    chat = ChatHarness(uow_factory, datetime(2026, 3, 26, 17, 30, tzinfo=ZoneInfo("Europe/Berlin")))
    chat.say("@bob: hello")
    chat.say("@alice: /task add @bob send the report by friday")
    chat.say("@alice: /task add water the plants every monday")
    card = chat.say("@alice: @tandem can @bob review the draft by monday?")[0]
    chat.say("@alice: /task project new launch")
    return Room(chat, card.actions[0].command.split()[-1])


@pytest.fixture
def unexpected() -> Iterator[Unexpected]:
    handler = Unexpected()
    logger = logging.getLogger("tandem.errors")
    logger.addHandler(handler)
    yield handler
    logger.removeHandler(handler)


def _check(chat: ChatHarness, engine: Engine, unexpected: Unexpected, line: str) -> None:
    unexpected.records.clear()
    before = snapshot(engine)
    messages = chat.say(line)
    assert not unexpected.records, f"unexpected error for {line[:200]!r}"
    for message in messages:
        assert UNEXPECTED not in message.text and "Traceback" not in message.text
        assert len(message.as_text()) <= LONGEST_ANSWER
    if any(m.error for m in messages if m.to is None):
        assert not [m for m in messages if m.to is not None], "a refused command told someone"
        assert snapshot(engine) == before, f"a refused command wrote something: {line[:200]!r}"


@pytest.mark.parametrize("template", TEMPLATES)
def test_any_argument_to_a_command_gets_an_answer_and_a_refusal_writes_nothing(
        room: Room, engine: Engine, unexpected: Unexpected, template: str) -> None:
    @PROFILE
    @given(ARGUMENTS)
    def say(argument: str) -> None:
        _check(room.chat, engine, unexpected, "@alice: " + template.format(argument, draft=room.draft))

    say()


@pytest.mark.parametrize("template", CONSOLE_TEMPLATES)
def test_any_console_line_gets_an_answer_and_a_refusal_writes_nothing(
        room: Room, engine: Engine, unexpected: Unexpected, template: str) -> None:
    @PROFILE
    @given(ARGUMENTS)
    def say(argument: str) -> None:
        _check(room.chat, engine, unexpected, template.format(argument))

    say()
