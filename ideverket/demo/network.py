"""The demo's inspirer network: a profile for every inspirer, a year of network activities with
attendance, and one coming meeting people have signed up for.

A mixin for `DemoBuilder`: `build_network()` runs after the history has been played, so the
coaching is already there (the builder's `set_coach` uses `do_set_coach` on ideas as they are
submitted). Each inspirer writes their own profile, most of them soon after the network started
a year ago; two changed theirs later (Lars Åberg takes no new ideas while on parental leave).
The coordinator runs the network meetings; two innovation leads run one activity each for their
department. People sign up through the same action as the button; the organiser marks
attendance the day after, each with the clock at those moments.
"""

import datetime
import random

from django.utils import timezone

from ideverket.network.actions import (
    do_create_activity,
    do_record_attendance,
    do_register,
    do_save_profile,
)
from ideverket.org.models import RoleAssignment, User

# name: (what they help with, how to reach them, takes new ideas)
PROFILES = {
    "Omar Haddad": (
        "Jag hjälper dig som har en idé om arbetssätt, schemaläggning eller rekrytering – "
        "allt som rör kompetensförsörjning. Vi kan tillsammans formulera problemet, ta fram "
        "underlag från HR-systemet och planera ett litet test på din arbetsplats.",
        "Teams eller telefon 013-20 61 14. Drop-in i HR:s fikarum på plan 3 i stadshuset "
        "torsdagar 13–15.",
        True,
    ),
    "Emma Karlsson": (
        "Förskolefrågor: pedagogisk dokumentation, lärmiljöer, föräldrakontakter och "
        "digitala verktyg för de yngsta. Jag kan hålla i en kort idéverkstad på er "
        "planeringsdag.",
        "Ring eller sms:a 070-312 45 80 (bäst efter kl. 14). Finns på Solrosens förskola "
        "måndag–fredag.",
        True,
    ),
    "Johanna Björk": (
        "Idéer från skolan: bedömning, närvaro, elevhälsa och hur vi använder lärplattformen. "
        "Jag hjälper dig att skriva idén så att den blir tydlig för beslutsfattarna och att "
        "planera ett test under en termin.",
        "Teams, eller kom förbi arbetsrummet på Ekbackeskolan (plan 2) onsdagar 15–16.",
        True,
    ),
    "Leila Karimi": (
        "Språkutvecklande arbetssätt, nyanlända elever och samarbete med föräldrar som inte "
        "talar svenska. Jag har drivit två tester med digitala översättningsverktyg och delar "
        "gärna vad vi lärde oss.",
        "E-post eller Teams. Västerportskolan, lärarrummet, tisdagar efter lunch.",
        True,
    ),
    "Yusuf Abdi": (
        "Hemtjänst: planering, nyckelhantering, dokumentation i mobilen och hur vi får mer "
        "tid hos brukarna. Jag vet hur det är att testa något nytt mitt i ett pass och hjälper "
        "till att göra testet litet och enkelt.",
        "Ring 073-455 20 19 eller prata med mig på morgonmötet på Hemtjänst Centrum.",
        True,
    ),
    "Lars Åberg": (
        "Vård och omsorg på boende: läkemedelshantering, välfärdsteknik och rutiner vid "
        "skiftbyte. Jag hjälper dig att ta fram vad som ska mätas i ett test.",
        "Föräldraledig till och med mars. Kontakta Yusuf Abdi på Hemtjänst Centrum så länge.",
        False,
    ),
    "Daniel Sköld": (
        "Myndighetsutövning och individ- och familjeomsorg: digitala ansökningar, "
        "utredningsmallar och samverkan med skolan. Jag kan hjälpa till med "
        "integritetsfrågorna när en idé rör personuppgifter.",
        "Teams. Drop-in i IFO:s mötesrum Kärnan första måndagen i månaden kl. 9–10.",
        True,
    ),
    "Hanna Lilja": (
        "Biblioteket som mötesplats: meröppet, programverksamhet och digital delaktighet för "
        "äldre. Jag ordnar gärna en idéverkstad med besökare och personal tillsammans.",
        "E-post eller telefon 013-20 74 02. Stadsbiblioteket, informationsdisken, "
        "tisdagar och torsdagar.",
        True,
    ),
    "Samir Khalil": (
        "Fritid och ungdomar: hur vi når unga som inte kommer till fritidsgårdarna, "
        "ungdomsdialog och snabba tester under lov. Jag hjälper dig att involvera "
        "ungdomarna själva.",
        "Sms 076-118 42 93, eller kom till fritidsgården Hörnan vardagar efter kl. 15.",
        True,
    ),
    "Oskar Lindh": (
        "Bygglov och e-tjänster: förenklade ansökningar, klarspråk i beslut och "
        "kundmöten. Jag kan visa hur vi kartlade sökandens väg genom bygglovsprocessen.",
        "Teams eller telefon 013-20 88 31. Bygglovsenheten, stadshuset plan 4.",
        True,
    ),
    "Ida Björklund": (
        "Gator, parker och felanmälningar: sensorer, ruttplanering och hur vi tar emot "
        "medborgarnas synpunkter. Jag hjälper dig att hitta rätt mottagare för idén.",
        "Teams. Ute mycket i fält, så skicka ett meddelande så ringer jag upp.",
        True,
    ),
}
# Profiles changed later in the year: name → (days ago, new contact text or None, available).
LATER_CHANGES = {
    "Lars Åberg": (60, None, False),
    "Johanna Björk": (
        25,
        "Teams, eller kom förbi arbetsrummet på Ekbackeskolan (plan 2) onsdagar 15–16 och "
        "fredagar 8–9.",
        True,
    ),
}

# (key, days from today, hours, organiser: "coordinator" or a department key, kind, title,
#  place, online, description)
ACTIVITIES = [
    (
        "kickoff",
        -340,
        (13, 16),
        "coordinator",
        "meeting",
        "Uppstartsträff för idéinspiratörsnätverket",
        "Stadshuset, sal Ekdungen",
        False,
        "Vi lär känna varandra, går igenom hur idéer tas om hand i Idéverket och vad en "
        "idéinspiratör gör – och inte gör. Ta med en idé från din arbetsplats som du vill "
        "prata om.",
    ),
    (
        "hkv",
        -250,
        (9, 12),
        "coordinator",
        "workshop",
        "Workshop: Från problem till ”Hur kan vi …?”",
        "Stadshuset, sal Ekdungen",
        True,
        "Vi övar på att ringa in ett behov och formulera det som en fråga som öppnar för "
        "idéer, med exempel från Innovationsguiden. Passar också chefer och medarbetare som "
        "vill komma igång.",
    ),
    (
        "visit",
        -180,
        (13, 15),
        "sof",
        "visit",
        "Studiebesök: digital nyckelhantering i hemtjänsten",
        "Hemtjänst Centrum, Storgatan 12",
        False,
        "Hemtjänst Centrum visar testet med digitala lås: hur det planerades, vad som gick fel "
        "första veckan och vad brukarna tycker. Efteråt pratar vi om hur ett test kan spridas "
        "till fler enheter.",
    ),
    (
        "webinar",
        -110,
        (14, 15),
        "coordinator",
        "webinar",
        "Webbinarium: Testa i liten skala",
        "",
        True,
        "Trettio minuter om hur man gör ett test så litet att det går att starta nästa vecka, "
        "och hur man skriver framgångskriterier som går att följa upp. Frågor i chatten.",
    ),
    (
        "ubf",
        -40,
        (15, 17),
        "ubf",
        "workshop",
        "Idéverkstad i Utbildningsförvaltningen",
        "Ekbackeskolan, aulan",
        False,
        "Idéinspiratörerna i förskola och skola håller i en idéverkstad för alla som vill "
        "arbeta med närvaro och studiero. Vi sorterar idéerna tillsammans och skickar in de "
        "bästa i Idéverket samma eftermiddag.",
    ),
    (
        "fulltime",
        21,
        (13, 16),
        "coordinator",
        "meeting",
        "Nätverksträff: Heltid som norm – vad kan idéinspiratörerna göra?",
        "Stadshuset, sal Ekdungen",
        True,
        "HR berättar om arbetet med heltid som norm och vilka idéer som redan har testats i "
        "vården och skolan. Vi diskuterar hur idéinspiratörerna kan hjälpa arbetsplatser att "
        "pröva nya sätt att organisera schemat.",
    ),
]
# Colleagues who are not inspirers but came along: activity key → names.
GUESTS = {
    "hkv": ["Sofia Nyström", "Tobias Östlund"],
    "visit": ["Helena Strand", "Anneli Persson"],
    "ubf": ["Erik Andersson", "Mona Dahlgren", "Peter Nilsson"],
    "fulltime": ["Sofia Nyström", "Annika Forsberg"],
}
ATTEND_RATE = 0.75
ONLINE_LINK = "https://teams.microsoft.com/l/meetup-join/exempelkommun-idenatverket"


class NetworkMixin:
    def build_network(self):
        rng = random.Random(self.seed + 5)
        inspirers = self._network_inspirers()
        self._network_profiles(rng, inspirers)
        for spec in ACTIVITIES:
            self._network_activity(rng, inspirers, *spec)
        self.clock.now = self.real_now

    def _network_inspirers(self):
        """{name: User} of the active inspirers, with their units (fresh, so roles are
        current)."""
        users = User.objects.filter(
            is_active=True, roles__role=RoleAssignment.Role.INSPIRER
        ).select_related("unit")
        return {user.name: user for user in users.distinct()}

    def _network_at(self, days, hour, minute=0):
        day = self.today + datetime.timedelta(days=days)
        while day.weekday() >= 5:  # meetings on weekdays
            day += datetime.timedelta(days=1)
        return datetime.datetime.combine(
            day, datetime.time(hour, minute), tzinfo=timezone.get_current_timezone()
        )

    def _network_profiles(self, rng, inspirers):
        for name, user in sorted(inspirers.items()):
            help_with, contact, available = PROFILES.get(
                name,
                (
                    "Jag hjälper dig att formulera din idé och planera ett första test.",
                    "Teams eller e-post.",
                    True,
                ),
            )
            self.clock.now = min(
                self._network_at(-340 + rng.randint(1, 30), rng.randint(8, 16)), self.real_now
            )
            do_save_profile(
                user,
                user,
                help_with=help_with,
                contact=contact,
                is_available=available if name not in LATER_CHANGES else True,
            )
        for name, (days, contact, available) in LATER_CHANGES.items():
            user = inspirers.get(name)
            if user is None:
                continue
            self.clock.now = min(self._network_at(-days, 10), self.real_now)
            do_save_profile(
                user,
                user,
                help_with=PROFILES[name][0],
                contact=contact or PROFILES[name][1],
                is_available=available,
            )

    def _network_activity(
        self, rng, inspirers, key, days, hours, organiser_key, kind, title, place, online, text
    ):
        if organiser_key == "coordinator":
            organiser, department = self.coordinator, None
        else:
            department = self.units[organiser_key]
            organiser = (
                RoleAssignment.objects.filter(
                    role=RoleAssignment.Role.INNOVATION_LEAD, unit=department
                )
                .select_related("user")
                .first()
                .user
            )
        starts = self._network_at(days, hours[0])
        created = min(starts - datetime.timedelta(days=24, hours=3), self.real_now)
        self.clock.now = created
        activity = do_create_activity(
            organiser,
            title=title,
            kind=kind,
            starts_at=starts,
            ends_at=starts.replace(hour=hours[1]),
            place=place,
            online_link=ONLINE_LINK if online else "",
            description=text,
            department=department,
        )
        # Inspirers of the department (or all of them) sign up in the weeks before.
        pool = [u for u in inspirers.values() if department is None or u.unit.is_within(department)]
        coming = [u for u in pool if rng.random() < ATTEND_RATE + 0.1]
        guests = [self.people[name] for name in GUESTS.get(key, []) if name in self.people]
        signups = sorted(coming + guests, key=lambda u: u.pk)
        for person in signups:
            moment = starts - datetime.timedelta(days=rng.randint(2, 20), hours=rng.randint(0, 6))
            if moment >= self.real_now:  # a coming activity: signed up since it was announced
                moment = created + (self.real_now - created) * rng.random()
            self.clock.now = moment
            if person.is_active:
                do_register(person, activity)
        if starts >= self.real_now:
            return activity
        # The day after, the organiser marks who came: most who signed up, and one or two who
        # just turned up.
        came = [u for u in signups if u.is_active and rng.random() < ATTEND_RATE + 0.15]
        extra = [u for u in pool if u not in signups and rng.random() < 0.3]
        self.clock.now = min(starts + datetime.timedelta(days=1, hours=-4), self.real_now)
        do_record_attendance(organiser, activity, [u.pk for u in came + extra])
        return activity
