"""The demo's guidance pages, their feedback and two accessibility defect reports.

A mixin for `DemoBuilder`: `build_guidance()` runs last. The coordinator writes the pages about
half a year ago (each with a responsible contact person), revises some of them since, and
visitors have answered "Hjälpte informationen på sidan dig?" week by week: mostly yes, some no
with a comment saying what was missing. One defect report was handled, one is new.
"""

import datetime
import random

from django.utils import timezone

from ideverket.guidance.actions import (
    do_create_guide_page,
    do_edit_guide_page,
    do_give_feedback,
    do_handle_defect_report,
    do_report_defect,
)

PROCESS = """Idéverket är kommunens gemensamma plats för idéer, tester och införande. Varje \
förvaltning äger sitt eget innovationsarbete, nära medarbetarna och som en del av det vanliga \
kvalitets- och verksamhetsutvecklingsarbetet. Här är vägen från idé till ny vardag.

## 1. Du lämnar in en idé

Det tar en minut, också från mobilen. Beskriv **vilket behov** idén möter och för vem – inte \
bara lösningen. Innan du skickar in visar Idéverket liknande idéer, så att du kan stötta en \
befintlig idé i stället för att skriva samma sak två gånger.

## 2. Idén bedöms

Innovationsledaren eller en chef på den enhet som äger idén tar upp den för bedömning. \
Förvaltningen kan ha bestämt vem som bedömer och hur länge en idé får vänta i varje steg. \
Idéer som väntar för länge syns i förvaltningens översikt.

## 3. Beslut

Varje steg framåt är ett beslut med vem, när och varför. Idén kan:

- **genomföras direkt** – en vardagsförbättring som en namngiven ansvarig genomför,
- **testas** – i liten skala, med en mottagare som lovat att ta över ett lyckat resultat,
- **parkeras** – med ett datum då vi tittar på den igen,
- **avslås** – med en motivering till dig som lämnade in den,
- **lämnas över** till en annan enhet som äger frågan, eller
- **slås samman** med en likadan idé.

## 4. Test, införande och spridning

Ett test utvärderas mot framgångskriterierna. Sedan beslutas om idén ska **införas**, \
**testas igen** eller **avslutas** – och det vi lärde oss sparas som en lärdom, också när testet \
inte gick som vi hoppades. Ett införande lämnas till sist över till linjen med uppföljning, och \
när fler enheter tar efter räknas idén som **spridd**.

Du som lämnat in idén får en notis vid varje beslut och kan följa allt på idésidan.
"""

STEPS = """Våra utmaningar följer sex steg som bygger på **Innovationsguiden**, \
Sveriges Kommuner och Regioners (SKR) metodstöd för innovation i offentlig sektor. Stegen är \
de som varje utmaning i Idéverket markeras med; sammanfattningarna nedan är våra egna. \
Metoder, mallar och exempel för varje steg finns på \
[innovationsguiden.se](https://innovationsguiden.se/).

## Ringa in

Vad är problemet, och för vem? Formulera utmaningen som en fråga som börjar med \
”Hur kan vi …?”, till exempel *Hur kan vi göra det lättare för nya undersköterskor att komma in \
i arbetet?*

## Undersöka

Ta reda på hur de som berörs har det i dag: intervjua, observera, följ med en dag. Ofta visar \
sig det verkliga behovet vara ett annat än det vi trodde.

## Fokusera

Välj vilket behov ni ska lösa först och vad som ska vara annorlunda när ni lyckats. Det blir \
grunden för framgångskriterierna i ett test.

## Ta fram idéer

Många idéer först, sedan de bästa. Idéinspiratörerna leder gärna en workshop. Idéer lämnas in \
direkt på utmaningen i Idéverket.

## Testa

Pröva i liten skala och lär av resultatet. Läs mer på sidan om att testa i liten skala.

## Förverkliga

Det som fungerade införs i ordinarie verksamhet, med en ansvarig, en plan och resurser – och \
sprids till fler enheter som har samma behov.
"""

DECISIONS = """Ett beslut i Idéverket visar alltid **vem** som beslutade, **när** och \
**varför**. Beslutet står kvar på idésidan, så att alla som kan se idén kan följa hur den \
hanterats.

## Vem beslutar?

Chefer och innovationsledare på den enhet som äger idén – eller på en enhet ovanför – fattar \
besluten. Kommunens innovationssamordnare kan besluta om alla idéer. Medarbetare och \
idéinspiratörer lämnar in, kommenterar och coachar, men beslutar inte.

## Mottagaren först

Ett test får inte börja förrän en **mottagare** har åtagit sig att ta över ett lyckat resultat: \
en mottagande enhet, en namngiven ansvarig och de resurser som behövs – timmar, kronor och hur \
länge. Samma sak gäller ett införande. Så blir inget lyckat test föräldralöst.

## Om två beslutar samtidigt

Formuläret vet vilket steg idén stod i när du öppnade det. Hinner någon annan fatta ett beslut \
först får du veta det, och inget skrivs över.

## Avslag och parkering

Ett avslag har alltid en motivering som den som lämnade in idén får se. En parkerad idé har ett \
datum då den tas upp igen.
"""

TESTING = """Ett test är ett sätt att lära sig mycket till en låg kostnad innan man \
bestämmer sig. Testa på en enhet, under en begränsad tid, med tydliga framgångskriterier.

## Innan testet

- Skriv vad ni tror ska hända (hypotesen) och hur ni ska märka det.
- Bestäm framgångskriterierna: vad måste vara sant för att idén ska införas?
- Se till att mottagaren har åtagit sig att ta över om testet lyckas. Utan det startar inget \
test.

## Under testet

Den ansvariga skriver korta lägesrapporter – grön, gul eller röd. Gå hellre tillbaka och ändra \
testet än att fortsätta med något som inte fungerar.

## Efter testet

Utvärderingen redovisar resultatet för varje kriterium och **vad ni lärde er**. Sedan beslutas \
om idén ska införas, testas igen eller avslutas. Också ett test som inte gav det ni hoppades är \
värdefullt: lärdomen sparas och kan hittas av andra innan de börjar något liknande.
"""

EFFECTS = """Det är först när en idé gör skillnad i vardagen som den blivit en innovation. \
Därför följer vi upp effekterna.

## Förväntad och uppnådd effekt

En effekt läggs till på idén, testet eller projektet med ett utgångsläge och ett mål. Mätvärden \
fylls på efter hand. Effekter kan vara:

- timmar per år,
- kronor per år,
- kvalitet, till exempel nöjdhet eller väntetid,
- frigjorda årsarbetare och tjänster som blivit heltid – för kompetensförsörjningen.

## Uppföljning med målen

Idéer, tester och projekt kan kopplas till kommunens mål. I uppföljningsrapporten för tertial \
och år samlas det som gjorts, effekterna och lärdomarna per förvaltning, så att nämnden kan se \
vad innovationsarbetet bidrar med.

Frågor om hur effekter räknas? Kontakta den ekonomiska controllern nedan.
"""

CONTACT = """Du behöver inte klara dig själv. Här är de som kan hjälpa dig vidare.

## Idéinspiratörer

Det finns idéinspiratörer på många enheter. De hjälper dig att formulera idén, leder \
workshoppar och vet hur processen går till. Fråga på din arbetsplats vem som är inspiratör, \
eller se listan i Idéverket.

## Innovationsledare

Varje förvaltning har en innovationsledare eller verksamhetsutvecklare som tar emot idéerna, \
förbereder besluten och håller i förvaltningens innovationsarbete.

## Stödfunktioner

HR, IT, kommunikation och ekonomi är med som partner i tester och projekt – inte som \
grindvakter. Be om att få dem med tidigt, särskilt när idén rör arbetssätt, system eller \
bemanning.

## Innovationssamordnaren

Kommunens innovationssamordnare har överblicken över alla förvaltningar, samordnar utbildningen \
i innovationsledning och nätverket av idéinspiratörer. Hör av dig om du inte vet var du ska \
börja.
"""

GOOD_IDEA = """En bra idé börjar med ett behov. Tre frågor hjälper:

1. **Vem** har problemet, och när märks det?
2. **Vad** skulle bli bättre om det var löst – för brukaren, eleven, kollegan?
3. **Hur** skulle du vilja pröva det, i liten skala?

Skriv kort. Det gör inget om idén inte är färdig: den som bedömer den kan fråga, och en \
idéinspiratör kan hjälpa dig att utveckla den.

Sök gärna bland idéerna och lärdomarna först. Finns det redan något liknande kan du stötta \
den idén eller kommentera med dina erfarenheter.
"""

DRAFT_HR = """Utkast. Hur HR och förvaltningarna arbetar tillsammans med idéer som rör \
kompetensförsörjning: nya sätt att organisera arbetet, heltid som norm, automatiserade flöden \
och att kunna arbeta längre.
"""

# (key, title, slug, summary, body, parent key, order, contact name, published, answers)
PAGES = [
    ("process", "Så fungerar idéprocessen", "ideprocessen",
     "Från idé till beslut, test, införande och spridning.", PROCESS, None, 1,
     "Karin Lindqvist", True, 46),
    ("good_idea", "Skriv en bra idé", "skriv-en-bra-ide",
     "Börja med behovet – tre frågor som hjälper.", GOOD_IDEA, "process", 1,
     "Johanna Björk", True, 22),
    ("decisions", "Så fattas besluten", "sa-fattas-besluten",
     "Vem som beslutar, och varför ett test behöver en mottagare.", DECISIONS, "process", 2,
     "Åsa Öberg", True, 31),
    ("testing", "Testa i liten skala", "testa-i-liten-skala",
     "Hypotes, framgångskriterier och lärdomar.", TESTING, "process", 3,
     "Tobias Östlund", True, 24),
    ("effects", "Effekter och uppföljning", "effekter-och-uppfoljning",
     "Hur vi mäter skillnaden och följer upp den med målen.", EFFECTS, "process", 4,
     "Per Lundgren", True, 15),
    ("steps", "Innovationsguidens steg", "innovationsguidens-steg",
     "Sex steg från utmaning till förverkligande.", STEPS, None, 2,
     "Åsa Öberg", True, 28),
    ("contact", "Kontakt och stöd", "kontakt-och-stod",
     "Idéinspiratörer, innovationsledare, stödfunktioner och samordnaren.", CONTACT, None, 3,
     "Karin Lindqvist", True, 19),
    ("hr", "Kompetensförsörjning och nya arbetssätt", "kompetensforsorjning",
     "", DRAFT_HR, None, 4, "Sofia Nyström", False, 0),
]  # fmt: skip

# What people wrote when the page did not help (by page key), and now and then when it did.
NO_COMMENTS = {
    "process": [
        "Jag förstår inte skillnaden mellan att genomföra direkt och att testa.",
        "Står inget om hur lång tid en bedömning brukar ta.",
        "",
    ],
    "good_idea": ["Ett exempel på en bra idé hade hjälpt.", ""],
    "decisions": [
        "Vad händer om ingen enhet vill bli mottagare?",
        "Oklart vem som är chef ”ovanför” när man jobbar på två enheter.",
    ],
    "testing": ["Hur många framgångskriterier ska man ha?", ""],
    "effects": ["Hur räknar man om timmar till kronor?", ""],
    "steps": ["Länken till innovationsguiden borde finnas högst upp.", ""],
    "contact": ["Jag hittar inte vem som är inspiratör på min enhet.", ""],
}
YES_COMMENTS = [
    "Tydligt, tack!",
    "Bra att det står vem man kan fråga.",
    "Skönt att se att avslag alltid motiveras.",
]
YES_RATE = {"process": 0.82, "good_idea": 0.9, "decisions": 0.7, "testing": 0.85,
            "effects": 0.66, "steps": 0.88, "contact": 0.8}  # fmt: skip
WRITTEN_DAYS_AGO = 190


class GuidanceMixin:
    def build_guidance(self):
        rng = random.Random(self.seed + 9)
        coordinator = self.coordinator
        start = self.real_now - datetime.timedelta(days=WRITTEN_DAYS_AGO)
        pages = {}
        for offset, (
            key,
            title,
            slug,
            summary,
            body,
            parent,
            order,
            contact,
            published,
            _n,
        ) in enumerate(PAGES):
            self.clock.now = self._guidance_moment(start + datetime.timedelta(days=offset), 9)
            pages[key] = do_create_guide_page(
                coordinator,
                title=title,
                slug=slug,
                summary=summary,
                body=body,
                parent=pages[parent] if parent else None,
                order=order,
                is_published=published,
                contact=self.person(contact),
            )
        # Revisions after the first feedback: a clearer summary, and a new contact person.
        self.clock.now = self._guidance_moment(self.real_now - datetime.timedelta(days=75), 14)
        do_edit_guide_page(
            coordinator,
            pages["decisions"],
            body=DECISIONS
            + "\n## Om ingen vill bli mottagare\n\nDå parkeras idén eller lämnas över till en "
            "enhet som äger frågan. Innovationsledaren hjälper till att hitta en mottagare.\n",
        )
        self.clock.now = self._guidance_moment(self.real_now - datetime.timedelta(days=40), 10)
        do_edit_guide_page(
            coordinator,
            pages["effects"],
            summary="Hur vi mäter skillnaden i timmar, kronor, kvalitet och heltid.",
        )
        self._guidance_feedback(rng, pages, start)
        self._guidance_defects()
        self.clock.now = self.real_now

    def _guidance_moment(self, moment, hour):
        local = timezone.localtime(moment).replace(hour=hour, minute=rng_minute(moment))
        return min(local, self.real_now - datetime.timedelta(minutes=10))

    def _guidance_feedback(self, rng, pages, start):
        answers = []
        span = (self.real_now - start).total_seconds() - 8 * 86400
        people = [p for p in self.people.values() if p.is_active]
        for key, *_rest, published, count in PAGES:
            if not published:
                continue
            for _ in range(count):
                when = start + datetime.timedelta(seconds=8 * 86400 + rng.random() * span)
                # Read in the daytime and the evening, not at night.
                when = timezone.localtime(when).replace(hour=rng.randint(7, 21))
                answers.append((when, key))
        answers.sort()
        no_left = {key: list(comments) for key, comments in NO_COMMENTS.items()}
        for when, key in answers:
            self.clock.now = min(when, self.real_now - datetime.timedelta(minutes=5))
            helpful = rng.random() < YES_RATE[key]
            comment = ""
            if not helpful and no_left[key]:
                comment = no_left[key].pop(0)
            elif helpful and rng.random() < 0.08:
                comment = rng.choice(YES_COMMENTS)
            # Most answer without logging in, or anonymously; a few put their name to it.
            named = rng.random() < 0.1
            do_give_feedback(
                rng.choice(people) if named else None,
                pages[key],
                helpful=helpful,
                comment=comment,
                anonymous=not named,
            )

    def _guidance_defects(self):
        self.clock.now = self._guidance_moment(self.real_now - datetime.timedelta(days=52), 11)
        handled = do_report_defect(
            None,
            page_url="/ideer/ny/",
            description=(
                "När jag förstorar texten till 200 procent hamnar knappen Skicka in bakom "
                "menyn och jag kommer inte åt den med tangentbordet."
            ),
            name="Agneta",
            email="agneta.svensson@exempelkommun.se",
        )
        self.clock.now = self._guidance_moment(self.real_now - datetime.timedelta(days=47), 15)
        do_handle_defect_report(
            self.coordinator,
            handled,
            status="fixed",
            reply=(
                "Menyn radbryts nu i stället för att lägga sig över innehållet. Vi svarade "
                "Agneta per e-post och tackade för rapporten."
            ),
        )
        self.clock.now = self._guidance_moment(self.real_now - datetime.timedelta(days=6), 9)
        do_report_defect(
            None,
            page_url="Insikter, diagrammet Tid i varje steg",
            description=(
                "Skärmläsaren läser upp siffrorna i diagrammet men inte vilken förvaltning de "
                "hör till. Tabellen under fungerar."
            ),
        )


def rng_minute(moment):
    """A stable, plausible minute for a moment (no two pages written on the same minute)."""
    return (moment.day * 7 + moment.month * 3) % 60
