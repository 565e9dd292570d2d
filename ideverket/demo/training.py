"""The demo's training in innovation management: courses, held and coming sessions, sign-ups.

A mixin for `DemoBuilder`: `build_training()` runs after the departments are built. The
coordinator creates four courses (one still unpublished) and their sessions, people sign up
through the same action as the button, and the organisers mark attendance the day after each
held session, all with the clock at those moments. About half of the managers have completed
"Innovationsledning för chefer", so the coverage page has something to show; the coming
"Tjänstedesign – grund" is full with two on the waiting list, and Erik Andersson is signed up
to the next introduction.
"""

import datetime
import random

from django.utils import timezone

from ideverket.org.models import RoleAssignment, User
from ideverket.training.actions import (
    do_create_course,
    do_create_session,
    do_mark_attendance,
    do_sign_up,
)
from ideverket.training.models import Audience

COURSES = {
    "leadership": (
        "Innovationsledning för chefer",
        Audience.MANAGERS,
        True,
        "Två halvdagar för dig som är chef och vill leda förnyelse i din verksamhet. Vi går "
        "igenom hur idéer tas om hand i kommunen, hur du fattar beslut vid grindarna och vad "
        "det innebär att åta sig att ta över ett lyckat test – med resurser, ägare och tid.\n\n"
        "Du får arbeta med ett eget exempel från din enhet och lämnar med en plan för hur ni "
        "tar hand om medarbetarnas idéer det kommande halvåret.\n\n"
        "Utbildningen ingår i kommunens chefsprogram och ges två gånger per termin.",
    ),
    "design": (
        "Tjänstedesign – grund",
        Audience.INSPIRERS,
        True,
        "En praktisk dag om att förstå dem vi är till för innan vi bestämmer lösningen. Du "
        "prövar intervjuer, observationer och enkla prototyper enligt Innovationsguidens steg "
        "Undersöka och Fokusera.\n\n"
        "Utbildningen riktar sig främst till idéinspiratörer men är öppen för alla som ska "
        "driva en utmaning. Ta med en fråga som börjar med ”Hur kan vi …?”.",
    ),
    "intro": (
        "Introduktion till idéprocessen",
        Audience.EVERYONE,
        True,
        "Ett kort pass för alla medarbetare: hur du lämnar en idé i Idéverket, vad som händer "
        "sedan och vem du kan fråga om hjälp.\n\n"
        "Vi visar också hur du följer din idé, stöttar andras och hittar lärdomar från tester "
        "som redan har gjorts i andra förvaltningar.",
    ),
    "trials": (
        "Att leda tester och piloter",
        Audience.INNOVATION_LEADS,
        False,
        "Fördjupning för innovationsledare och verksamhetsutvecklare: att formulera "
        "hypoteser och framgångskriterier, följa upp ett test och utvärdera det så att "
        "lärdomarna tas till vara, också när testet inte föll väl ut.\n\n"
        "Under planering – datum kommer under våren.",
    ),
}


class TrainingMixin:
    def build_training(self):
        rng = random.Random(self.seed + 11)
        coordinator = self.coordinator
        self.clock.now = self._training_moment(self.today - datetime.timedelta(days=200), 10)
        courses = {}
        for key, (title, audience, published, description) in COURSES.items():
            courses[key] = do_create_course(
                coordinator,
                title=title,
                description=description,
                audience=audience,
                is_published=published,
            )

        active = User.objects.filter(is_active=True)
        managers = list(
            active.filter(roles__role=RoleAssignment.Role.MANAGER).distinct().order_by("name")
        )
        inspirers = list(
            active.filter(roles__role=RoleAssignment.Role.INSPIRER).distinct().order_by("name")
        )
        everyone = [p for p in self.people.values() if p.is_active and not p.is_coordinator]
        rng.shuffle(managers)
        henrik = self.person("Henrik Sjöström")
        asa = self.person("Åsa Öberg")
        tobias = self.person("Tobias Östlund")

        # -- held sessions: about half of the managers have completed the management course.
        first, second = managers[:6], managers[6:11]
        self._held(
            rng, courses["leadership"], 150, coordinator, "Stadshuset, sal Kronan", first, 5, 20
        )
        self._held(
            rng, courses["leadership"], 60, coordinator, "Stadshuset, sal Kronan", second, 4, 20
        )
        design_group = inspirers + [asa, tobias]
        self._held(
            rng,
            courses["design"],
            90,
            henrik,
            "Kommunhuset, Innovationsrummet",
            design_group,
            7,
            14,
        )
        intro_group = rng.sample(everyone, 18)
        self._held(
            rng,
            courses["intro"],
            45,
            asa,
            "",
            intro_group,
            14,
            30,
            online_url="https://moten.exempelkommun.se/idéprocessen-intro",
        )

        # -- coming sessions.
        self.clock.now = self._training_moment(self.today - datetime.timedelta(days=30), 9)
        leadership_next = self._session(
            courses["leadership"], 16, coordinator, "Stadshuset, sal Kronan", 16
        )
        design_next = self._session(
            courses["design"], 14, henrik, "Kommunhuset, Innovationsrummet", 8
        )
        intro_next = self._session(
            courses["intro"],
            10,
            asa,
            "Ekbackeskolan, aulan",
            25,
            online_url="https://moten.exempelkommun.se/idéprocessen",
        )
        self._session(
            courses["intro"],
            40,
            tobias,
            "",
            30,
            online_url="https://moten.exempelkommun.se/idéprocessen-var",
        )

        trained = {p.pk for p in first + second}
        untrained = [m for m in managers if m.pk not in trained]
        erik = self.person("Erik Andersson")
        others = [p for p in everyone if p.pk not in {m.pk for m in managers} and p != erik]
        signups = [
            (leadership_next, untrained[:5]),
            # Eight seats, ten people: the last two wait, in the order they signed up.
            (design_next, [p for p in others if p not in design_group][:10]),
            (intro_next, [erik, *rng.sample(others, 9)]),
        ]
        for session, people in signups:
            for person in dict.fromkeys(people):
                self.clock.now = min(
                    self.clock.now + datetime.timedelta(hours=rng.randint(3, 30)),
                    self.real_now - datetime.timedelta(minutes=10),
                )
                do_sign_up(person, session)
        self.clock.now = self.real_now

    def _training_moment(self, day, hour, minute=0):
        local = datetime.datetime.combine(
            day, datetime.time(hour, minute), tzinfo=timezone.get_current_timezone()
        )
        return min(local, self.real_now)

    def _session(self, course, days_from_today, organiser, place, capacity, *, online_url=""):
        day = self.today + datetime.timedelta(days=days_from_today)
        while day.weekday() >= 5:  # weekdays only
            day += datetime.timedelta(days=1)
        zone = timezone.get_current_timezone()
        return do_create_session(
            self.coordinator,
            course,
            starts_at=datetime.datetime.combine(day, datetime.time(9), tzinfo=zone),
            ends_at=datetime.datetime.combine(day, datetime.time(12), tzinfo=zone),
            place=place,
            online_url=online_url,
            capacity=capacity,
            organiser=organiser,
        )

    def _held(
        self,
        rng,
        course,
        days_ago,
        organiser,
        place,
        people,
        completing,
        capacity,
        *,
        online_url="",
    ):
        """A session `days_ago` days back: `people` signed up three weeks before, the first
        `completing` of those who came completed it, marked the day after."""
        self.clock.now = self._training_moment(
            self.today - datetime.timedelta(days=days_ago + 35), 9
        )
        session = self._session(
            course, -days_ago, organiser, place, capacity, online_url=online_url
        )
        signed_up = session.starts_at - datetime.timedelta(days=21)
        for person in people:
            signed_up += datetime.timedelta(hours=rng.randint(2, 20))
            self.clock.now = min(signed_up, session.starts_at - datetime.timedelta(hours=1))
            do_sign_up(person, session)
        enrollments = list(session.enrollments.confirmed().order_by("signed_up_at", "pk"))
        came = [e for e in enrollments if rng.random() < 0.92]
        self.clock.now = session.ends_at + datetime.timedelta(days=1)
        do_mark_attendance(
            organiser,
            session,
            attended_ids=[e.pk for e in came],
            completed_ids=[e.pk for e in came[:completing]],
        )
        return session
