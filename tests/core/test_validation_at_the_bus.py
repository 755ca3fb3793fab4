"""Commands that reach the bus without the text grammar (buttons, modals, mentions) are checked all the same."""
from __future__ import annotations

import pytest

from core.bus import Bus
from core.commands import AddTask, CommentOnTask, DeclineTask, Speaker
from core.errors import InvalidInput
from core.identity import Identity


def _person(bus: Bus, user: str, name: str) -> Speaker:
    return bus.identify(Identity("slack", "T1", "Acme", user, name, handle=name.lower()))


def test_a_platform_name_is_cleaned_and_cut_to_the_limit_rather_than_refused(bus: Bus) -> None:
    speaker = _person(bus, "U1", "Al\x00ice\u202e" + "e" * 500)
    person = bus.whois(Identity("slack", "T1", "Acme", "U1", "Al\x00ice\u202e" + "e" * 500))
    assert person.id == speaker.person_id
    assert person.display_name.startswith("Alice") and len(person.display_name) == 80
    assert "\x00" not in person.handle


def test_a_modal_comment_over_the_limit_is_refused_naming_it(bus: Bus) -> None:
    alice = _person(bus, "U1", "alice")
    bus.execute(AddTask("water the plants"), alice)
    with pytest.raises(InvalidInput, match="the limit is 4,000"):
        bus.execute(CommentOnTask(1, "x" * 4001), alice)


def test_a_button_reason_is_stored_without_control_characters(bus: Bus) -> None:
    alice, bob = _person(bus, "U1", "alice"), _person(bus, "U2", "bob")
    bus.execute(AddTask("@bob send the report by friday"), alice)
    outcome = bus.execute(DeclineTask(1, "out\x00 that \x1b[1mweek\x1b[0m"), bob)
    assert [n.text for n in outcome.notices][0].endswith("declined T-1 send the report: out that week. "
                                                         "Give it to someone else with /task assign T-1 @name, "
                                                         "or cancel it with /task cancel T-1.")
