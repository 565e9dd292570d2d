"""The demo departments' own innovation work: settings for incoming ideas and innovation plans.

A mixin for `DemoBuilder`: `build_departments()` runs after the history has been played (and
after the goals, when the goal demo has run, so the plans can name the goals they serve). Each
department gets assessors and a default handler; Utbildningsförvaltningen keeps tighter time
limits than the municipality's default. Every department writes an innovation plan for last
year and this year. Everything goes through the departments actions, as the innovation lead.
"""

import datetime

from ideverket.departments.actions import do_save_innovation_plan, do_update_department_settings
from ideverket.goals.models import Goal, Period

# department key: (innovation lead, [assessors], default handler or None, {stage: days})
SETTINGS = {
    "ubf": (
        "Åsa Öberg",
        ["Åsa Öberg", "Anders Bergström", "Johanna Björk"],
        "Åsa Öberg",
        # Utbildningsförvaltningen answers faster than the municipality asks.
        {"submitted": 7, "in_assessment": 21, "evaluated": 21},
    ),
    "sof": ("Tobias Östlund", ["Tobias Östlund", "Birgitta Falk"], "Tobias Östlund", {}),
    "kof": ("Malin Ekström", ["Malin Ekström", "Hanna Lilja"], "Malin Ekström", {}),
    "sbf": ("Cecilia Ståhl", ["Cecilia Ståhl", "Magnus Hellström"], None, {"trial": 270}),
    "klf": ("Henrik Sjöström", ["Henrik Sjöström"], "Henrik Sjöström", {}),
}

# department key: [(focus, activities, hours, kronor)] for last year and this year
PLANS = {
    "ubf": [
        (
            "Digitalt stöd som ger lärare mer tid för undervisning.",
            "Testa digital närvaro och frånvarouppföljning på två skolor.\n"
            "Utbilda idéinspiratörer på varje skola.\n"
            "Ta fram en gemensam rutin för att sprida det som fungerat.",
            1200,
            350_000,
        ),
        (
            "Kompetensförsörjning: fler behöriga lärare och förskollärare stannar.",
            "Professionsanalys i förskolan: vilka uppgifter kan andra yrkesgrupper ta?\n"
            "Sprida fungerande digitala verktyg till alla skolor.\n"
            "Två utmaningar till medarbetarna om arbetsmiljö.",
            1600,
            500_000,
        ),
    ],
    "sof": [
        (
            "Heltid som norm i hemtjänsten.",
            "Testa nya schemamodeller i Hemtjänst Centrum.\n"
            "Följ upp sjukfrånvaro och andel heltider varje tertial.",
            900,
            250_000,
        ),
        (
            "Välfärdsteknik som frigör tid för omsorg.",
            "Digital tillsyn och läkemedelsautomater i större skala.\n"
            "Införandestöd till enhetscheferna.\n"
            "Samarbete med IT om drift och support.",
            1400,
            800_000,
        ),
    ],
    "kof": [
        (
            "Fler unga deltar i att forma fritidsutbudet.",
            "Idéverkstäder på fritidsgården och biblioteket.",
            400,
            80_000,
        ),
        (
            "Öppna lokaler och digitala tjänster för fler besökare.",
            "Testa meröppet på biblioteket.\nDigital bokning av badtider.",
            600,
            150_000,
        ),
    ],
    "sbf": [
        (
            "Enklare och snabbare bygglov.",
            "Kartlägg handläggningstiderna och testa digital förhandsgranskning.",
            700,
            200_000,
        ),
        (
            "Klimatanpassning av gator och parker.",
            "Två tester av dagvattenlösningar tillsammans med invånare.\n"
            "Följ upp effekterna med miljö- och hälsoskydd.",
            800,
            400_000,
        ),
    ],
    "klf": [
        (
            "Stödfunktioner som tidiga partner i förvaltningarnas tester.",
            "HR, IT och kommunikation deltar i varje test som behöver dem från start.",
            500,
            100_000,
        ),
        (
            "Innovationsförmåga i hela kommunen.",
            "Självskattning av innovationsförmågan i alla förvaltningar.\n"
            "Gemensam utbildning för innovationsledare och idéinspiratörer.",
            700,
            200_000,
        ),
    ],
}


class DepartmentsMixin:
    def build_departments(self):
        year = self.today.year
        has_goals = Goal.objects.exists()
        for key, (lead_name, assessors, handler, limits) in SETTINGS.items():
            department, lead = self.units[key], self.person(lead_name)
            self.clock.now = self.real_now
            do_update_department_settings(
                lead,
                department,
                assessors=[self.person(name) for name in assessors],
                default_handler=self.person(handler) if handler else None,
                limits_days=limits,
            )
            for offset, (focus, activities, hours, kronor) in enumerate(PLANS[key]):
                period_year = year - 1 + offset
                # Written in the December before the period starts (never in the future).
                written = datetime.datetime(
                    period_year - 1, 12, 10, 10, tzinfo=datetime.UTC
                ) + datetime.timedelta(hours=self.rng.randrange(0, 200))
                self.clock.now = min(self.real_now, written)
                period = Period.for_year(period_year)
                goals = (
                    list(
                        Goal.objects.filter(
                            period=period, owner_unit__path__startswith=department.path
                        )
                    )
                    if has_goals
                    else []
                )
                do_save_innovation_plan(
                    lead,
                    department,
                    period,
                    focus=focus,
                    activities=activities,
                    hours=hours,
                    kronor=kronor,
                    goals=goals,
                )
        self.clock.now = self.real_now
