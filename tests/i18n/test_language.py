"""A person's language: from the platform, then their own choice, then the workspace default; dates per locale."""
from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from adapters.common.chart import render_burn_up
from core.bus import Bus
from core.clock import FixedClock
from core.commands import UpdateSettings
from core.due import Due
from core.i18n import _, retold, speaking_to, supported
from core.identity import Identity
from core.people import PersonDefaults
from core.report.burnup import BurnUp, burn_up
from core.wording import when
from storage.uow import SqlUnitOfWorkFactory

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def who(name: str, locale: str | None = None, place_locale: str | None = None) -> Identity:
    return Identity("slack", "T1", "Acme", name, name.title(), handle=name, locale=locale, place_locale=place_locale)


@pytest.fixture
def bus(sqlite_uow_factory: SqlUnitOfWorkFactory) -> Bus:
    return Bus(sqlite_uow_factory, FixedClock(NOW), PersonDefaults(lang="fr"))


@pytest.mark.parametrize(("given", "language"), [("de-DE", "de"), ("es-419", "es"), ("fr_CA", "fr"), ("en-US", "en"),
                                                  ("pt-BR", None), ("", None), (None, None)])
def test_platform_locales_are_read_as_the_languages_tandem_speaks(given: str | None, language: str | None) -> None:
    assert supported(given) == language


def test_a_newcomer_speaks_the_platforms_language_else_the_servers_else_the_workspace_default(bus: Bus) -> None:
    assert bus.whois(who("hans", locale="de-DE")).lang == "de"
    assert bus.whois(who("lola", place_locale="es-ES")).lang == "es"
    assert bus.whois(who("ana", locale="pt-BR", place_locale="es-ES")).lang == "es"
    assert bus.whois(who("zoe")).lang == "fr"


def test_the_platform_language_follows_the_person_until_they_choose_one(bus: Bus) -> None:
    assert bus.whois(who("hans", locale="en-US")).lang == "en"
    assert bus.whois(who("hans", locale="de-DE")).lang == "de"
    assert bus.whois(who("hans")).lang == "de"  # a mention that carries no locale keeps it
    assert bus.whois(who("hans", place_locale="fr")).lang == "de"  # the server's only counts for newcomers
    speaker = bus.identify(who("hans", locale="de-DE"))
    assert "idioma es" in bus.execute(UpdateSettings("language", "es"), speaker).reply.text
    assert bus.whois(who("hans", locale="de-DE")).lang == "es"


@pytest.mark.parametrize(("lang", "day", "instant"), [
    ("en", "Fri 30 Oct", "Fri 30 Oct 15:00"),
    ("de", "Fr., 30. Okt.", "Fr., 30. Okt. 15:00"),
    ("es", "vie 30 oct", "vie 30 oct 15:00"),
    ("fr", "ven. 30 oct.", "ven. 30 oct. 15:00"),
])
def test_dates_are_written_the_way_the_readers_language_writes_them(lang: str, day: str, instant: str) -> None:
    berlin = "Europe/Berlin"
    with speaking_to(lang):
        assert when(Due.date_(date(2026, 10, 30), berlin), berlin, NOW) == day
        assert when(Due.instant(datetime(2026, 10, 30, 14, 0, tzinfo=UTC), berlin), berlin, NOW) == instant
        assert when(Due.date_(date(2027, 3, 1), berlin), berlin, NOW).endswith("2027")


def test_a_sentence_made_for_one_reader_is_said_again_for_another() -> None:
    berlin = "Europe/Berlin"
    with speaking_to("en"):
        said = _("due {date}", date=when(Due.date_(date(2026, 10, 30), berlin), berlin, NOW))
    assert said == "due Fri 30 Oct"
    assert retold(said, "de") == "fällig Fr., 30. Okt."
    assert retold(said, "fr") == "échéance ven. 30 oct."
    assert retold("plain text", "de") == "plain text"


def test_a_burn_up_is_drawn_in_the_language_of_its_reader() -> None:
    with speaking_to("de"):
        series = burn_up("#launch", [(NOW, None)], NOW, "UTC")
    assert BurnUp.from_dict(series.to_dict()).lang == "de"
    assert render_burn_up(series).startswith(b"\x89PNG")
