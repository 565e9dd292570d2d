"""The demo's cross-department projects, as a dated script of what happened in each.

Every entry in `events` is (days ago, what, details) and is played through the project actions
at that moment, in date order with everything else in the demo. People are named, units are
unit keys from `data.UNITS`, ideas are idea keys from `data.IDEAS` (a variant is "base:unit").

    create     the project is started (by `creator`, led by `leader`)
    invite     (unit, as partner, invited by, message)
    answer     (unit, answered by, accept)
    member     (person, role, added by)
    join       (person, message): an employee asks to join
    accept     (person, answered by): the request to join is accepted
    gate       (gate, outcome, decided by, reason, commitment or None)
    report     (health, reported by, text)
    milestone  (title, due in days from the start, added by)
    progress   (title, percent, by)
    step       (Innovationsguiden step, by)
    link       (idea key, by)
    partners   (by, note): the project starts looking for partners
    effect     (effect dict as in results_data, by)
    measure    (effect description, value, by, note)
    lesson     (title, outcome, by, text)
"""

from .results_data import FULL_TIME, HOURS, KRONOR, LONGER, QUALITY

LEADER, MEMBER, PARTNER_CONTACT = "leader", "member", "partner_contact"

HELTID_FULL_TIME = "Tjänster i äldreomsorgen som gått från deltid till heltid."
HELTID_KRONOR = "Lägre kostnader för timvikarier och övertid när fler arbetar heltid."
HELTID_SHARE = "Fler heltidsanställda i äldreomsorgen."
HELTID_LONGER = "Undersköterskor över 62 som väljer att arbeta kvar med det nya schemat."
ASSISTENT_HOURS = "Färre samtal och e-post till handläggarna om bygglov och föreningsbidrag."
ASSISTENT_SHARE = "Invånare som får svar direkt, utan att vänta på en handläggare."

PROJECTS = [
    {
        "key": "heltid",
        "title": "Heltid som norm i äldreomsorgen",
        "purpose": "Fler medarbetare i äldreomsorgen ska kunna och vilja arbeta heltid. Andelen "
        "heltidsanställda ska öka från 58 till 75 procent utan att kvaliteten för de äldre "
        "eller arbetsmiljön blir sämre.",
        "description": "Projektet samlar det som testats på enskilda enheter – scheman utan "
        "delade turer, resurspass, önskescheman och professionsanalysen – och för ut det i "
        "hela äldreomsorgen. Tillsammans med Utbildningsförvaltningen prövar vi "
        "kombinationstjänster, där medarbetare arbetar i förskolan på morgonen och i "
        "äldreomsorgen på eftermiddagen. HR är partner för schemamodeller, uppföljning och "
        "samverkan med de fackliga organisationerna.",
        "lead": "sof",
        "creator": "Birgitta Falk",
        "leader": "Tobias Östlund",
        "created": 290,
        "ends_in": 420,
        "step": "explore",
        "budget_kronor": 1_850_000,
        "budget_hours": 2_400,
        "challenges": ["heltid", "usk"],
        "events": [
            (
                289,
                "invite",
                (
                    "hr",
                    True,
                    "Tobias Östlund",
                    "Vi behöver HR:s stöd med schemamodeller, uppföljning av heltidsandelen och "
                    "samverkan med facken.",
                ),
            ),
            (286, "answer", ("hr", "Annika Forsberg", True)),
            (285, "member", ("Sofia Nyström", PARTNER_CONTACT, "Tobias Östlund")),
            (285, "member", ("Helena Strand", MEMBER, "Tobias Östlund")),
            (284, "member", ("Kristina Lund", MEMBER, "Tobias Östlund")),
            (284, "member", ("Eva Sandberg", MEMBER, "Tobias Östlund")),
            (
                280,
                "gate",
                (
                    "start",
                    "go",
                    "Birgitta Falk",
                    "Heltid som norm är beslutat av kommunfullmäktige och äldreomsorgen har längst "
                    "kvar. Vi startar projektet med Socialförvaltningens egna resurser och HR som "
                    "partner.",
                    {
                        "unit": "sof",
                        "owner": "Tobias Östlund",
                        "hours": 2400,
                        "kronor": 1_200_000,
                        "criteria": "Andelen heltidsanställda i äldreomsorgen ökar från 58 till 75 "
                        "procent.\nInga delade turer i schemana.\nSjukfrånvaron ökar inte.",
                    },
                ),
            ),
            (
                278,
                "milestone",
                ("Kartläggning av deltider och önskad sysselsättningsgrad", 60, "Tobias Östlund"),
            ),
            (278, "milestone", ("Ny schemamodell i tre pilotenheter", 170, "Tobias Östlund")),
            (
                278,
                "milestone",
                ("Kombinationstjänster förskola–äldreomsorg", 330, "Tobias Östlund"),
            ),
            (
                278,
                "milestone",
                ("Heltid erbjuds i alla enheter i äldreomsorgen", 640, "Tobias Östlund"),
            ),
            (276, "link", ("delade", "Tobias Östlund")),
            (276, "link", ("onskeschema", "Sofia Nyström")),
            (276, "link", ("professionsanalys", "Sofia Nyström")),
            (276, "link", ("delade:htn", "Tobias Östlund")),
            (276, "link", ("delade:linden", "Tobias Östlund")),
            (
                252,
                "report",
                (
                    "green",
                    "Tobias Östlund",
                    "Kartläggningen är i gång. 410 av 690 medarbetare har svarat på enkäten om "
                    "önskad sysselsättningsgrad; 46 procent av de deltidsanställda vill gå upp i tid.",
                ),
            ),
            (
                235,
                "progress",
                ("Kartläggning av deltider och önskad sysselsättningsgrad", 70, "Sofia Nyström"),
            ),
            (
                214,
                "progress",
                ("Kartläggning av deltider och önskad sysselsättningsgrad", 100, "Sofia Nyström"),
            ),
            (212, "step", ("test", "Tobias Östlund")),
            (
                205,
                "report",
                (
                    "green",
                    "Tobias Östlund",
                    "Kartläggningen är klar. Hemtjänst Centrum, Hemtjänst Norr och Linden är "
                    "pilotenheter för den nya schemamodellen.",
                ),
            ),
            (
                192,
                "invite",
                (
                    "ubf",
                    False,
                    "Tobias Östlund",
                    "Vi vill pröva kombinationstjänster: barnskötare och undersköterskor som arbetar "
                    "i förskolan på morgonen och i äldreomsorgen på eftermiddagen. Vill ni vara med?",
                ),
            ),
            (181, "answer", ("ubf", "Anders Bergström", True)),
            (180, "member", ("Maria Johansson", MEMBER, "Tobias Östlund")),
            (
                171,
                "join",
                (
                    "Yusuf Abdi",
                    "Jag lägger schemat i vårt arbetslag och har idéer om resurspassen. Kan jag vara "
                    "med?",
                ),
            ),
            (169, "accept", ("Yusuf Abdi", "Tobias Östlund")),
            (
                150,
                "report",
                (
                    "yellow",
                    "Tobias Östlund",
                    "Sommarplaneringen har tagit all kraft i pilotenheterna och den nya schemamodellen "
                    "startar en månad senare än planerat. Kombinationstjänsterna väntar på att "
                    "förskolornas scheman för hösten blir klara.",
                ),
            ),
            (
                131,
                "gate",
                (
                    "continue",
                    "go",
                    "Birgitta Falk",
                    "Piloterna visar att heltidsandelen ökar utan att sjukfrånvaron stiger. Vi går "
                    "vidare till alla enheter. HR avsätter tid för att stötta varje enhet när "
                    "schemat läggs om.",
                    {
                        "unit": "hr",
                        "owner": "Annika Forsberg",
                        "hours": 600,
                        "kronor": None,
                        "criteria": "Varje enhet har fått stöd av HR när schemat läggs om.\nAlla "
                        "enheter följer heltidsandelen varje månad.",
                    },
                ),
            ),
            (124, "progress", ("Ny schemamodell i tre pilotenheter", 100, "Helena Strand")),
            (121, "step", ("realise", "Tobias Östlund")),
            (
                112,
                "effect",
                (
                    {"kind": FULL_TIME, "description": HELTID_FULL_TIME, "target": 60},
                    "Tobias Östlund",
                ),
            ),
            (
                112,
                "effect",
                (
                    {"kind": KRONOR, "description": HELTID_KRONOR, "target": 2_000_000},
                    "Tobias Östlund",
                ),
            ),
            (
                112,
                "effect",
                (
                    {
                        "kind": QUALITY,
                        "description": HELTID_SHARE,
                        "indicator": "Andel heltidsanställda, procent",
                        "baseline": 58,
                        "target": 75,
                    },
                    "Tobias Östlund",
                ),
            ),
            (
                112,
                "effect",
                ({"kind": LONGER, "description": HELTID_LONGER, "target": 10}, "Sofia Nyström"),
            ),
            (
                101,
                "measure",
                (
                    HELTID_FULL_TIME,
                    18,
                    "Sofia Nyström",
                    "Efter första schemaperioden i pilotenheterna.",
                ),
            ),
            (101, "measure", (HELTID_SHARE, 62, "Sofia Nyström", "")),
            (
                101,
                "measure",
                (HELTID_KRONOR, 450_000, "Sofia Nyström", "Uppräknat från tre månader."),
            ),
            (
                91,
                "report",
                (
                    "green",
                    "Tobias Östlund",
                    "Alla tre pilotenheter har infört schemat. 18 tjänster har gått upp till heltid "
                    "och heltidsandelen i äldreomsorgen är 62 procent.",
                ),
            ),
            (63, "progress", ("Kombinationstjänster förskola–äldreomsorg", 40, "Maria Johansson")),
            (
                58,
                "lesson",
                (
                    "Kombinationstjänster kräver två chefer som planerar ihop",
                    "partly",
                    "Tobias Östlund",
                    "Kombinationstjänsterna fungerar för de medarbetare som kommit i gång, men bara "
                    "där förskolechefen och enhetschefen lägger schemat tillsammans. Förskolornas "
                    "scheman låses per termin och äldreomsorgens per period om sex veckor – bestäm "
                    "gemensamma schemaperioder innan ni rekryterar.",
                ),
            ),
            (
                46,
                "report",
                (
                    "yellow",
                    "Maria Johansson",
                    "Bara tre av tio planerade kombinationstjänster har kommit i gång. Schemaperioderna "
                    "skiljer sig åt mellan förskola och äldreomsorg. HR tar fram ett förslag på "
                    "gemensamma perioder.",
                ),
            ),
            (35, "measure", (HELTID_FULL_TIME, 27, "Sofia Nyström", "")),
            (35, "measure", (HELTID_SHARE, 66, "Sofia Nyström", "")),
            (35, "measure", (HELTID_KRONOR, 650_000, "Sofia Nyström", "")),
            (
                35,
                "measure",
                (
                    HELTID_LONGER,
                    4,
                    "Sofia Nyström",
                    "Fyra undersköterskor över 62 har valt att arbeta kvar.",
                ),
            ),
            (
                21,
                "join",
                (
                    "Anneli Persson",
                    "Jag gick upp till heltid när delade turerna försvann och berättar gärna för "
                    "andra enheter hur det blev.",
                ),
            ),
            (
                15,
                "invite",
                (
                    "it",
                    True,
                    "Tobias Östlund",
                    "Vi behöver hjälp att koppla önskeschemana i bemanningssystemet till uppföljningen "
                    "av heltidsandelen.",
                ),
            ),
            (
                10,
                "report",
                (
                    "green",
                    "Tobias Östlund",
                    "27 tjänster har gått upp till heltid och andelen heltidsanställda är 66 procent. "
                    "Gemensamma schemaperioder för förskola och äldreomsorg är beslutade från januari.",
                ),
            ),
            (8, "progress", ("Kombinationstjänster förskola–äldreomsorg", 60, "Maria Johansson")),
            (
                8,
                "progress",
                ("Heltid erbjuds i alla enheter i äldreomsorgen", 30, "Tobias Östlund"),
            ),
        ],
    },
    {
        "key": "assistent",
        "title": "Digital assistent för e-tjänster",
        "purpose": "Invånare och föreningar ska få svar på vanliga frågor direkt i e-tjänsten, "
        "dygnet runt, så att handläggarna får mer tid för de ärenden som kräver dem.",
        "description": "En digital assistent i e-tjänsterna för bygglov och föreningsbidrag "
        "som svarar på frågor utifrån kommunens egna texter och lotsar vidare till en "
        "handläggare när den inte kan svara. Assistenten körs i kommunens egen miljö och inga "
        "personuppgifter lämnar den. Kommunikation är partner för språket i svaren och "
        "webbens texter.",
        "lead": "it",
        "creator": "Mikael Engström",
        "leader": "Linnea Åkesson",
        "created": 150,
        "ends_in": 240,
        "step": "explore",
        "budget_kronor": 650_000,
        "budget_hours": 1_400,
        "challenges": ["automatisering", "bygglov"],
        "events": [
            (
                149,
                "invite",
                (
                    "komm",
                    True,
                    "Linnea Åkesson",
                    "Vi behöver Kommunikation som partner för språket i svaren och för att hålla "
                    "webbens texter aktuella – assistenten blir aldrig bättre än dem.",
                ),
            ),
            (
                148,
                "invite",
                (
                    "bygglov",
                    False,
                    "Linnea Åkesson",
                    "Bygglov får flest frågor av alla e-tjänster. Vill ni vara pilot?",
                ),
            ),
            (
                147,
                "invite",
                (
                    "kof",
                    False,
                    "Linnea Åkesson",
                    "Föreningsbidragen har en ny e-tjänst och många återkommande frågor. Vill ni "
                    "vara med?",
                ),
            ),
            (
                147,
                "invite",
                (
                    "sof",
                    False,
                    "Mikael Engström",
                    "Vill Socialförvaltningen vara med och pröva assistenten för frågor om "
                    "färdtjänst och ekonomiskt bistånd?",
                ),
            ),
            (146, "answer", ("komm", "Henrik Sjöström", True)),
            (144, "answer", ("bygglov", "Magnus Hellström", True)),
            (141, "answer", ("kof", "Gunnar Wallin", True)),
            (139, "answer", ("sof", "Birgitta Falk", False)),
            (143, "member", ("Ali Hassan", MEMBER, "Linnea Åkesson")),
            (143, "member", ("Theo Nordin", PARTNER_CONTACT, "Linnea Åkesson")),
            (141, "member", ("Jenny Åström", MEMBER, "Linnea Åkesson")),
            (138, "member", ("Malin Ekström", MEMBER, "Linnea Åkesson")),
            (
                140,
                "gate",
                (
                    "start",
                    "go",
                    "Mikael Engström",
                    "Många frågor i e-tjänsterna är desamma och svaren finns redan i våra texter. "
                    "Vi startar med en förstudie och en pilot i två e-tjänster.",
                    {
                        "unit": "it",
                        "owner": "Linnea Åkesson",
                        "hours": 900,
                        "kronor": 450_000,
                        "criteria": "Assistenten besvarar minst 60 procent av frågorna utan "
                        "handläggare.\nSamtalen till Bygglov minskar med minst 20 procent.\nInga "
                        "personuppgifter lämnar kommunens miljö.",
                    },
                ),
            ),
            (139, "milestone", ("Förstudie: vilka frågor kommer in", 30, "Linnea Åkesson")),
            (
                139,
                "milestone",
                ("Konsekvensbedömning enligt dataskyddsförordningen", 60, "Linnea Åkesson"),
            ),
            (
                139,
                "milestone",
                ("Pilot i e-tjänsterna för bygglov och föreningsbidrag", 160, "Linnea Åkesson"),
            ),
            (
                139,
                "milestone",
                ("Utvärdering och beslut om fler e-tjänster", 230, "Linnea Åkesson"),
            ),
            (138, "link", ("chattbot", "Linnea Åkesson")),
            (138, "link", ("kontaktvag", "Linnea Åkesson")),
            (137, "link", ("checklista", "Jenny Åström")),
            (136, "link", ("foreningsbidrag", "Malin Ekström")),
            (
                125,
                "report",
                (
                    "green",
                    "Linnea Åkesson",
                    "Förstudien har gått igenom 2 300 frågor från e-post och telefon. Sex av tio "
                    "handlar om tio återkommande saker, som vilka ritningar som behövs och när "
                    "bidraget betalas ut.",
                ),
            ),
            (121, "step", ("ideate", "Linnea Åkesson")),
            (109, "progress", ("Förstudie: vilka frågor kommer in", 100, "Ali Hassan")),
            (
                96,
                "report",
                (
                    "yellow",
                    "Linnea Åkesson",
                    "Dataskyddsombudet vill ha en konsekvensbedömning innan assistenten får se riktiga "
                    "frågor från invånare. Piloten blir försenad.",
                ),
            ),
            (
                81,
                "gate",
                (
                    "continue",
                    "hold",
                    "Mikael Engström",
                    "Vi väntar med piloten tills konsekvensbedömningen är klar och godkänd av "
                    "dataskyddsombudet.",
                    None,
                ),
            ),
            (
                64,
                "progress",
                ("Konsekvensbedömning enligt dataskyddsförordningen", 100, "Linnea Åkesson"),
            ),
            (
                61,
                "gate",
                (
                    "continue",
                    "go",
                    "Mikael Engström",
                    "Konsekvensbedömningen är klar och godkänd. Piloten startar i Bygglovs e-tjänst. "
                    "Bygglov avsätter handläggartid för att granska assistentens svar.",
                    {
                        "unit": "bygglov",
                        "owner": "Magnus Hellström",
                        "hours": 160,
                        "kronor": None,
                        "criteria": "En handläggare granskar ett urval av svaren varje vecka.\nFel i "
                        "svaren rättas inom två dagar.",
                    },
                ),
            ),
            (60, "step", ("test", "Linnea Åkesson")),
            (
                57,
                "partners",
                (
                    "Linnea Åkesson",
                    "Vi söker fler förvaltningar med många återkommande frågor från invånare – gärna "
                    "Socialförvaltningen eller Gata och park – till nästa etapp.",
                ),
            ),
            (
                50,
                "report",
                (
                    "green",
                    "Linnea Åkesson",
                    "Piloten är i gång i Bygglovs e-tjänst. Assistenten svarar på svenska och "
                    "engelska och lämnar över till en handläggare när den är osäker.",
                ),
            ),
            (
                46,
                "effect",
                ({"kind": HOURS, "description": ASSISTENT_HOURS, "target": 2400}, "Linnea Åkesson"),
            ),
            (
                46,
                "effect",
                (
                    {
                        "kind": QUALITY,
                        "description": ASSISTENT_SHARE,
                        "indicator": "Andel frågor som besvaras utan handläggare, procent",
                        "baseline": 0,
                        "target": 60,
                    },
                    "Linnea Åkesson",
                ),
            ),
            (
                30,
                "progress",
                ("Pilot i e-tjänsterna för bygglov och föreningsbidrag", 50, "Ali Hassan"),
            ),
            (
                26,
                "join",
                (
                    "Erik Andersson",
                    "Jag har provat språkmodeller i undervisningen och hjälper gärna till att testa "
                    "svaren.",
                ),
            ),
            (19, "measure", (ASSISTENT_SHARE, 44, "Linnea Åkesson", "Första månaden i piloten.")),
            (
                19,
                "measure",
                (ASSISTENT_HOURS, 700, "Linnea Åkesson", "Uppräknat från första månaden."),
            ),
            (
                15,
                "report",
                (
                    "green",
                    "Linnea Åkesson",
                    "44 procent av frågorna besvaras utan handläggare och samtalen till Bygglov har "
                    "minskat med en femtedel. Föreningsbidragen kopplas på i januari.",
                ),
            ),
            (
                12,
                "lesson",
                (
                    "Konsekvensbedömningen först, sedan tekniken",
                    "partly",
                    "Linnea Åkesson",
                    "Vi byggde assistenten innan konsekvensbedömningen var gjord och fick pausa i två "
                    "månader. Gör bedömningen tillsammans med dataskyddsombudet i förstudien – den "
                    "styr vilka frågor assistenten får se och var den får köras. Att Kommunikation "
                    "var med från början gjorde svaren begripliga.",
                ),
            ),
            (
                6,
                "progress",
                ("Pilot i e-tjänsterna för bygglov och föreningsbidrag", 60, "Ali Hassan"),
            ),
        ],
    },
]
