"""Dialogs in German, Spanish and French: everything Tandem says is in the reader's language, commands stay English."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from storage.uow import SqlUnitOfWorkFactory
from tests.harness import ChatHarness

THURSDAY_EVENING = datetime(2026, 3, 26, 17, 30, tzinfo=ZoneInfo("Europe/Berlin"))


def test_a_german_speaking_person_sees_german_from_the_first_reply_on(sqlite_uow_factory: SqlUnitOfWorkFactory) -> None:
    chat = ChatHarness(sqlite_uow_factory, THURSDAY_EVENING, language="de")
    created = chat.reply("@hans: /task add Pflanzen gießen bis Freitag")
    assert "T-1 Pflanzen gießen angelegt, fällig Fr., 27. März. Sie gehört dir." in created
    assert "Verantwortlich: @hans" in created and "Status: offen" in created
    assert "Rückgängig: /task undo T-1" in created
    assert "T-1 Pflanzen gießen · @hans · fällig Fr., 27. März · offen" in chat.reply("@hans: /task list mine")
    assert "Erledigt: T-1 Pflanzen gießen. Gute Arbeit." in chat.reply("@hans: /task done T-1")
    assert "Ich finde T-9 nicht. Prüf die Nummer mit /task list." in chat.reply("@hans: /task show T-9")


def test_each_person_reads_a_request_in_their_own_language(sqlite_uow_factory: SqlUnitOfWorkFactory) -> None:
    chat = ChatHarness(sqlite_uow_factory, THURSDAY_EVENING, language="de")
    chat.say("@hans: hallo")
    assert "Saved. Your settings" in chat.reply("@alice: /task settings lang en")
    created = chat.say("@alice: /task add @hans send the Q3 report by friday")
    assert "Created T-1 send the Q3 report for @hans, due Fri 27 Mar." in created[0].text
    request = next(m for m in created if m.to == "@hans")
    assert "@alice bittet dich: T-1 send the Q3 report (fällig Fr., 27. März)." in request.text
    assert [a.label for a in request.actions] == ["Annehmen", "Eigenes Datum nennen", "Ablehnen"]
    assert request.card is not None and ("Angefragt von", "@alice") in request.card.fields

    proposed = chat.say("@hans: /task propose T-1 next tuesday Brauche erst die Zahlen")
    assert "Di., 31. März für T-1 vorgeschlagen (angefragt: Fr., 27. März)." in proposed[0].text
    to_alice = next(m for m in proposed if m.to == "@alice")
    assert "@hans proposes Tue 31 Mar for T-1 send the Q3 report (was Fri 27 Mar). Note: Brauche erst die Zahlen" \
        in to_alice.text
    assert to_alice.actions[0].label == "Accept Tue 31 Mar"


def test_a_spanish_dialog(sqlite_uow_factory: SqlUnitOfWorkFactory) -> None:
    chat = ChatHarness(sqlite_uow_factory, THURSDAY_EVENING)
    assert "Guardado. Tus ajustes: zona horaria Europe/Berlin" in chat.reply("@lola: /task settings language es")
    assert "Creada T-1 regar las plantas, vence el vie 27 mar. Es tuya." in chat.reply(
        "@lola: /task add regar las plantas el viernes")
    assert "Hecho: T-1 regar las plantas. Buen trabajo." in chat.reply("@lola: /task done T-1")
    assert "Idiomas: en, de, es, fr" in chat.reply("@lola: /task settings language xx")


def test_a_french_dialog(sqlite_uow_factory: SqlUnitOfWorkFactory) -> None:
    chat = ChatHarness(sqlite_uow_factory, THURSDAY_EVENING)
    assert "Enregistré. Vos réglages : fuseau horaire" in chat.reply("@amelie: /task settings lang fr")
    assert "T-1 arroser les plantes créée, échéance ven. 27 mars. Elle est à vous." in chat.reply(
        "@amelie: /task add arroser les plantes vendredi")
    assert "T-1 reportée : je vous le rappellerai le jeu. 26 mars 19:30." in chat.reply("@amelie: /task snooze T-1 2h")
    past = chat.say("@amelie: /task due T-1 hier")[0]
    assert "C'est dans le passé (mer. 25 mars)" in past.text
    assert [a.label for a in past.actions][1] == "Aujourd'hui (jeu. 26 mars)"


def test_the_platform_language_can_be_followed_again(sqlite_uow_factory: SqlUnitOfWorkFactory) -> None:
    chat = ChatHarness(sqlite_uow_factory, THURSDAY_EVENING, language="de")
    chat.say("@hans: /task settings lang fr")
    assert "Enregistré" in chat.reply("@hans: /task settings lang auto")


def test_help_and_mistakes_are_explained_in_the_readers_language(sqlite_uow_factory: SqlUnitOfWorkFactory) -> None:
    chat = ChatHarness(sqlite_uow_factory, THURSDAY_EVENING, language="de")
    help_text = chat.reply("@hans: /task help")
    assert help_text.startswith("tandem: Tandem behält im Blick, wer was bis wann erledigt. Befehle:")
    assert "/task add @alice send the Q3 report by friday !high #finance ~2h  — eine Aufgabe anlegen" in help_text
    assert "/task done: als erledigt markieren" in chat.reply("@hans: /task help done")
    assert "Ich kenne '/task dnoe' nicht. Meintest du /task done?" in chat.reply("@hans: /task dnoe T-1")
    assert "Welche Aufgabe? Beispiel: /task show T-3" in chat.reply("@hans: /task show")


def test_digests_and_reminders_come_in_the_readers_language(sqlite_uow_factory: SqlUnitOfWorkFactory) -> None:
    chat = ChatHarness(sqlite_uow_factory, THURSDAY_EVENING, language="de")
    chat.say("@hans: /task add Bericht schicken morgen 11:00")
    texts = [m.text for m in chat.say(":advance 1d") if m.to == "@hans"]
    digest = next(t for t in texts if t.startswith("Deine Übersicht für Fr., 27. März"))
    assert "Heute fällig (1)\n• T-1 Bericht schicken · @hans · fällig Fr., 27. März 11:00 · offen" in digest
    assert "Erinnerung: T-1 Bericht schicken ist fällig am Fr., 27. März 11:00 (in 1 Stunde)." in texts
    assert "Erinnerung: T-1 Bericht schicken ist jetzt fällig." in texts
    assert any(t.startswith("T-1 Bericht schicken ist überfällig") for t in texts)


def test_projects_goals_and_figures_in_german(sqlite_uow_factory: SqlUnitOfWorkFactory) -> None:
    chat = ChatHarness(sqlite_uow_factory, THURSDAY_EVENING, language="de")
    assert "Projekt #launch angelegt." in chat.reply("@hans: /task project new launch")
    chat.say("@hans: /task add Folien bauen bis Freitag #launch")
    assert "#launch: 0% erledigt (1 offen). 0 überfällig, 0 unbeantwortete Anfragen, 1 Zusage diese Woche fällig." \
        in chat.reply("@hans: /task project status launch")
    assert "• offene Last: 1 offene Zusage" in chat.reply("@hans: /task stats")
    chat.say("@hans: /task goal add wachstum by 30 jun")
    chat.say("@hans: /task project goal #launch wachstum")
    portfolio = chat.reply("@hans: /task portfolio")
    assert "Prognostiziertes Ende: Fr., 27. März — innerhalb des Ziels vom 30. Juni." in portfolio


def test_a_german_speakers_work_list_reads_german_with_the_commands_in_english(
        sqlite_uow_factory: SqlUnitOfWorkFactory) -> None:
    chat = ChatHarness(sqlite_uow_factory, THURSDAY_EVENING, language="de")
    chat.say("@hans: /task project new launch")
    chat.say("@alice: /task add @hans die Pressemitteilung schreiben bis Freitag #launch")
    chat.say("@hans: /task add Pflanzen gießen every monday")
    for i in range(1, 21):
        chat.say(f"@hans: /task add Aufgabe {i}")
    work = chat.reply("@hans: /task list")
    assert "Deine Arbeit: 20 von 22" in work
    assert "Braucht deine Antwort (1)" in work and "Deine eigenen Aufgaben (20)" in work
    assert "#launch (1)" in work and "Annehmen: /task accept T-1" in work
    assert "20 von 22 angezeigt. Mehr: /task list more" in work
    rest = chat.say("@hans: /task list more")[0]
    assert "Deine Arbeit: 21–22 von 22" in rest.text
    assert "wiederholt sich jeden Montag · nächste Runde Mo., 6. Apr." in rest.text
    assert "Das waren alle 22. /task list beginnt wieder von vorn." in rest.text
    assert "Welches Projekt? Beispiel: /task list project launch" in chat.reply("@hans: /task list project")
    assert "'bald' übergehe ich nicht einfach. Filter: @person" in chat.reply("@hans: /task list bald")


def test_a_german_dm_is_answered_and_confirmed_in_german(sqlite_uow_factory: SqlUnitOfWorkFactory) -> None:
    chat = ChatHarness(sqlite_uow_factory, THURSDAY_EVENING, language="de")
    chat.say("@hans: /task add Pflanzen gießen bis Freitag")
    chat.say("@hans: /task add Raum buchen bis Montag")
    chat.dm("hans", "show T-1")
    asked = chat.dm("hans", "snooze that 2 hours")
    assert asked.text == "T-1 Pflanzen gießen bis Do., 26. März 19:30 zurückstellen?"
    assert [a.label for a in asked.actions] == ["Bestätigen", "Abbrechen"]
    which = chat.dm("hans", "cancel it")
    assert "T-1 Pflanzen gießen abbrechen? Du kannst sie später wieder öffnen." in which.text
    done = chat.dm("hans", "done with T-2")
    assert done.text.startswith("Erledigt: T-2 Raum buchen")
    assert [a.label for a in done.actions] == ["Rückgängig"]
    assert "Im DM verstehe ich (auf Englisch): what's on my plate" in chat.dm("hans", "hallo").text


def test_a_german_member_claims_a_group_request_and_the_requester_reads_it_in_english(
        sqlite_uow_factory: SqlUnitOfWorkFactory) -> None:
    chat = ChatHarness(sqlite_uow_factory, THURSDAY_EVENING, language="de")
    chat.say("@dave: hallo")
    chat.say(":group design hans carla")
    chat.say("@alice: /task settings lang en")
    asked = chat.say("@alice: /task add someone from @design review the mockups by friday")
    assert asked[0].text.startswith("Asked @design for T-1 review the mockups; the first of them to claim it")
    posted = next(m for m in asked if m.to is None and m.conversation == "console" and m.actions)
    assert [a.label for a in posted.actions] == ["Claim"]
    took = chat.say("@hans: /task claim T-1")
    assert took[0].text.startswith("Du hast T-1 review the mockups übernommen, fällig Fr., 27. März.")
    assert [m.text for m in took if m.to == "@alice"] == ["@hans took T-1 review the mockups (asked of @design)."]
    late = chat.reply("@carla: /task claim T-1")
    assert "@hans hat T-1 review the mockups schon übernommen. Nichts geändert." in late
    assert "Nur Mitglieder von @design können T-1 übernehmen." in chat.reply("@dave: /task claim T-1")
    assert "Du hast T-1 schon." in chat.reply("@hans: /task claim T-1")


def test_a_german_admin_reads_admin_replies_and_the_audit_log_in_german(
        sqlite_uow_factory: SqlUnitOfWorkFactory) -> None:
    chat = ChatHarness(sqlite_uow_factory, THURSDAY_EVENING, language="de")
    chat.say("@bob: hallo")
    assert "Nur Workspace-Admins können /task admin nutzen" in chat.reply("@hans: /task admin audit")
    chat.say(":as hans admin")
    assert "@bob ist jetzt Tandem-Admin." in chat.reply("@hans: /task admin promote @bob")
    assert any("hat dich in diesem Workspace zum Tandem-Admin gemacht" in m.text for m in chat.dms("@bob"))
    saved = chat.reply("@hans: /task admin settings digest 07:45")
    assert "Gespeichert. Workspace-Vorgaben für Neue: Zeitzone" in saved and "Übersicht 07:45" in saved
    chat.say("@bob: /task add Bericht schreiben bis Freitag")
    assert "@bob deaktiviert: 0 offene Aufgabe(n) gingen zurück" in chat.reply("@hans: /task admin deactivate @bob")
    audit = chat.reply("@hans: /task admin audit")
    assert "Admin-Protokoll, Seite 1 von 1 (neueste zuerst):" in audit
    assert "@hans hat @bob zum Admin gemacht." in audit
    assert "@hans hat die Workspace-Vorgabe digest auf 07:45 geändert." in audit
    assert "@hans hat @bob deaktiviert; 0 offene Aufgabe(n) zurückgegeben, 1 eigene To-do(s) behalten" in audit
    forget = chat.say("@hans: /task admin forget @bob")[0]
    assert forget.text == "Das löscht die personenbezogenen Daten von @bob endgültig. Bist du sicher?"
    assert [a.label for a in forget.actions] == ["Daten löschen", "Behalten"]


def test_notice_settings_estimates_and_command_forms_are_explained_in_german(
        sqlite_uow_factory: SqlUnitOfWorkFactory) -> None:
    chat = ChatHarness(sqlite_uow_factory, THURSDAY_EVENING, language="de")
    assert "kommen jetzt gesammelt, höchstens alle 2 Stunden." in chat.reply("@hans: /task settings notices every 2h")
    assert "Wähl zwischen every 5m und every 24h" in chat.reply("@hans: /task settings notices every 1m")
    chat.say("@hans: /task add Bericht schreiben")
    assert "Ich konnte 'viel' nicht als Schätzung lesen." in chat.reply("@hans: /task edit T-1 effort viel")
    assert "Sag, welche Erinnerung, mit der Nummer" in chat.reply("@hans: /task remind cancel")
    assert "Admin-Befehle: /task admin settings" in chat.reply("@hans: /task admin nichts")
