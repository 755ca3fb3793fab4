"""The word tables of the gloss: German, Spanish and French date words (unaccented, lower case) in English."""
from __future__ import annotations

Table = dict[tuple[str, ...], tuple[str, ...]]


def _table(pairs: str) -> Table:
    """"a b=x y; c=z" → {("a", "b"): ("x", "y"), ("c",): ("z",)}."""
    out: Table = {}
    for pair in pairs.split(";"):
        if pair.strip():
            left, right = pair.split("=")
            out[tuple(left.split())] = tuple(right.split())
    return out


_DE = _table("""
montag=monday; dienstag=tuesday; mittwoch=wednesday; donnerstag=thursday; freitag=friday;
samstag=saturday; sonnabend=saturday; sonntag=sunday; montags=mondays; dienstags=tuesdays;
mittwochs=wednesdays; donnerstags=thursdays; freitags=fridays; samstags=saturdays; sonntags=sundays;
januar=january; februar=february; marz=march; mai=may; juni=june; juli=july; oktober=october;
dezember=december;
heute=today; morgen=tomorrow; ubermorgen=day after tomorrow; heute abend=tonight; heute nacht=tonight;
heute morgen=this morning; heute vormittag=this morning; heute nachmittag=this afternoon;
morgen fruh=tomorrow morning; morgen vormittag=tomorrow morning; morgen nachmittag=tomorrow afternoon;
morgen abend=tomorrow evening; jeden morgen=every morning; jeden abend=every evening;
vormittag=morning; nachmittag=afternoon; abend=evening; mittag=noon; mitternacht=midnight;
bis=until; bis zum=until; bis zur=until; bis spatestens=until; spatestens=by; spatestens am=by; am=on;
um=at; gegen=at; vor=before; ab=from; ab dem=from; beginnend=starting; fallig=due; fallig am=due;
uhr=o'clock; nachste=next; nachsten=next; nachster=next; nachstes=next; kommende=next; kommenden=next;
diese=this; diesen=this; dieser=this; diesem=this;
woche=week; wochen=weeks; monat=month; monate=months; monaten=months; jahr=year; jahre=years;
jahren=years; tag=day; tage=days; tagen=days; stunde=hour; stunden=hours; minuten=minutes;
ende der woche=end of week; ende dieser woche=end of week; ende des monats=end of month;
ende der nachsten woche=end of next week; monatsende=end of month; ende=end; wochenende=weekend; das wochenende=weekend;
dieses wochenende=this weekend; nachstes wochenende=next weekend; morgens=am; abends=pm; nachmittags=pm;
jeden=every; jede=every; jedes=every; alle=every; zweiten=other; zweite=other; taglich=daily;
wochentlich=weekly; monatlich=monthly; jahrlich=yearly; stundlich=hourly; werktags=weekdays;
in einer woche=in a week; in einem monat=in a month; in einer stunde=in an hour;
zwei=two; drei=three; vier=four; funf=five; sechs=six; sieben=seven; acht=eight; zehn=ten; mal=times; und=and;
letzten=last; letzter=last; letzte=last; ersten=first; erster=first; erste=first; werktag=workday;
""")
_ES = _table("""
lunes=monday; martes=tuesday; miercoles=wednesday; jueves=thursday; viernes=friday; sabado=saturday;
domingo=sunday; los lunes=mondays; los martes=tuesdays; los miercoles=wednesdays; los jueves=thursdays;
los viernes=fridays; los sabados=saturdays; los domingos=sundays;
enero=january; febrero=february; marzo=march; abril=april; mayo=may; junio=june; julio=july;
agosto=august; septiembre=september; setiembre=september; octubre=october; noviembre=november;
diciembre=december;
hoy=today; manana=tomorrow; pasado manana=day after tomorrow; esta noche=tonight; esta tarde=this afternoon;
esta manana=this morning; manana por la manana=tomorrow morning; manana por la tarde=tomorrow afternoon;
manana por la noche=tomorrow evening; por la manana=morning; por la tarde=afternoon; por la noche=evening;
cada manana=every morning; cada tarde=every afternoon; cada noche=every night;
mediodia=noon; medianoche=midnight;
el=on; para=by; para el=by; antes de=before; antes del=before; hasta=until; hasta el=until; a las=at;
a la=at; desde=from; desde el=from; a partir del=starting; a partir de=starting; empezando=starting;
proximo=next; proxima=next; que viene=next; siguiente=next; este=this; esta=this;
semana=week; semanas=weeks; mes=month; meses=months; ano=year; anos=years; dia=day; dias=days; hora=hour;
horas=hours; minutos=minutes; en=in; dentro de=in; de=of; del=of;
de la manana=am; de la tarde=pm; de la noche=pm; la semana=week; el mes=month; el ano=year;
el fin de semana=weekend; la proxima semana=next week; el proximo mes=next month; este fin de semana=this weekend;
fin de semana=weekend; fin de la semana=end of the week; fines de semana=weekend; fin de mes=end of month;
fin del mes=end of the month; fin de ano=end of year; fin=end;
cada=every; todos los=every; todas las=every; diario=daily; diariamente=daily; semanal=weekly;
semanalmente=weekly; mensual=monthly; mensualmente=monthly; anual=yearly; cada hora=hourly;
dos=two; tres=three; cuatro=four; cinco=five; seis=six; siete=seven; ocho=eight; diez=ten; veces=times; y=and;
primer=first; primero=first; ultimo=last; ultima=last; dia habil=workday; dia laborable=workday;
""")
_FR = _table("""
lundi=monday; mardi=tuesday; mercredi=wednesday; jeudi=thursday; vendredi=friday; samedi=saturday;
dimanche=sunday; le lundi=on monday; le mardi=on tuesday; le mercredi=on wednesday; le jeudi=on thursday;
le vendredi=on friday; le samedi=on saturday; le dimanche=on sunday;
janvier=january; fevrier=february; mars=march; avril=april; mai=may; juin=june; juillet=july; aout=august;
septembre=september; octobre=october; novembre=november; decembre=december;
aujourd'hui=today; aujourd’hui=today; demain=tomorrow; apres-demain=day after tomorrow; ce soir=tonight;
cet apres-midi=this afternoon; ce matin=this morning; demain matin=tomorrow morning;
demain apres-midi=tomorrow afternoon; demain soir=tomorrow evening; matin=morning; apres-midi=afternoon;
soir=evening; midi=noon; minuit=midnight; chaque matin=every morning; chaque soir=every evening;
le=on; avant=before; avant le=before; d'ici=by; d’ici=by; d'ici le=by; d’ici le=by; pour=by; pour le=by;
jusqu'au=until; jusqu’au=until; jusqu'a=until; jusqu’a=until; a=at; des=from; a partir du=starting;
a partir de=starting; au plus tard=latest; a compter du=starting;
prochain=next; prochaine=next; ce=this; cette=this;
lundis=mondays; mardis=tuesdays; mercredis=wednesdays; jeudis=thursdays; vendredis=fridays;
samedis=saturdays; dimanches=sundays; du matin=am; de l'apres-midi=pm; de l’apres-midi=pm; du soir=pm;
la semaine=week; le mois=month; l'annee=year; l’annee=year; la fin de la semaine=end of the week;
la fin du mois=end of the month; la fin de l'annee=end of year; ce week-end=this weekend;
semaine=week; semaines=weeks; mois=month; an=year; ans=years; annee=year; jour=day; jours=days;
heure=hour; heures=hours; dans=in; de=of; du=of the;
fin de la semaine=end of the week; fin de semaine=end of week; fin du mois=end of the month;
fin de mois=end of month; fin de l'annee=end of year; fin=end; week-end=weekend;
chaque=every; tous les=every; toutes les=every; quotidien=daily; quotidiennement=daily;
hebdomadaire=weekly; mensuel=monthly; mensuellement=monthly; annuel=yearly; toutes les heures=hourly;
deux=two; trois=three; quatre=four; cinq=five; six=six; sept=seven; huit=eight; dix=ten; fois=times; et=and;
premier=first; premiere=first; dernier=last; derniere=last; jour ouvre=workday; jour ouvrable=workday;
""")

PHRASES: dict[str, Table] = {"de": _DE, "es": _ES, "fr": _FR}
# Polite words that carry nothing to do: dropped wherever they are.
FILLERS: dict[str, set[tuple[str, ...]]] = {
    "de": {("bitte",), ("bitteschon",), ("danke",)},
    "es": {("por", "favor"), ("porfa",), ("gracias",)},
    "fr": {("s'il", "vous", "plait"), ("s’il", "vous", "plait"), ("s'il", "te", "plait"),
           ("s’il", "te", "plait"), ("svp",), ("stp",), ("merci",)},
}
# Words that say "next" after what they qualify: "mardi prochain", "la semaine prochaine".
POSTFIX_NEXT: dict[str, set[str]] = {"fr": {"prochain", "prochaine"}, "es": {"que viene"}, "de": set()}
