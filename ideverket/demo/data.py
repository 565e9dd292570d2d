"""The demo municipality as data: units, people, challenges, ideas and the words around them.

Everything here is invented. Names and places are made up; any likeness is a coincidence.
The builder (`builder.py`) turns this into rows through the ordinary action functions.
"""

ROOT_NAME = "Exempelkommun"
EMAIL_DOMAIN = "exempelkommun.se"
PASSWORD = "demo1234"  # published demo password, used only for demo data
SEED = 2026

# Strategic themes (also seeded by a data migration; the builder uses get_or_create).
KOMPETENS = "Kompetensförsörjning"
DIGITAL = "Digitalisering"
HELTID = "Heltid som norm"
HALLBAR = "Hållbarhet"
TRYGG = "Trygghet och säkerhet"
DELAKTIG = "Delaktighet och inflytande"
THEMES = {
    KOMPETENS: "Att rekrytera, utveckla och behålla medarbetare – och organisera arbetet så att "
    "kompetensen räcker till.",
    DIGITAL: "Digitala arbetssätt, automatiserade flöden och e-tjänster som gör vardagen enklare "
    "för medarbetare och invånare.",
    HELTID: "Fler heltidstjänster och scheman som gör att fler kan och vill arbeta heltid.",
    HALLBAR: "Ekologisk, social och ekonomisk hållbarhet i kommunens verksamheter.",
    TRYGG: "En trygg kommun att bo, arbeta och växa upp i.",
    DELAKTIG: "Invånare, brukare, elever och medarbetare som är med och påverkar.",
}

# ---------------------------------------------------------------------------------------------
# Organisation: (key, name, parent key, is support function)
# ---------------------------------------------------------------------------------------------
UNITS = [
    ("kommun", ROOT_NAME, None, False),
    ("ubf", "Utbildningsförvaltningen", "kommun", False),
    ("solrosen", "Förskola Solrosen", "ubf", False),
    ("ekorren", "Förskola Ekorren", "ubf", False),
    ("ekbacke", "Ekbackeskolan", "ubf", False),
    ("vasterport", "Västerportskolan", "ubf", False),
    ("sof", "Socialförvaltningen", "kommun", False),
    ("htc", "Hemtjänst Centrum", "sof", False),
    ("htn", "Hemtjänst Norr", "sof", False),
    ("linden", "Äldreboendet Linden", "sof", False),
    ("ifo", "Individ- och familjeomsorgen", "sof", False),
    ("kof", "Kultur- och fritidsförvaltningen", "kommun", False),
    ("bibl", "Biblioteket", "kof", False),
    ("ungdom", "Fritidsgården Ungdomens hus", "kof", False),
    ("vagen", "Badhuset Vågen", "kof", False),
    ("sbf", "Samhällsbyggnadsförvaltningen", "kommun", False),
    ("bygglov", "Bygglov", "sbf", False),
    ("gatapark", "Gata och park", "sbf", False),
    ("miljo", "Miljö- och hälsoskydd", "sbf", False),
    ("klf", "Kommunledningsförvaltningen", "kommun", False),
    ("hr", "HR", "klf", True),
    ("it", "IT", "klf", True),
    ("komm", "Kommunikation", "klf", True),
    ("ekonomi", "Ekonomi", "klf", True),
]

# Role keys (the values of org.RoleAssignment.Role).
MANAGER = "manager"
LEAD = "innovation_lead"
INSPIRER = "inspirer"
COORDINATOR = "coordinator"
ADMIN = "admin"

# ---------------------------------------------------------------------------------------------
# People: (name, unit key, title, [(role, unit key), …])
# ---------------------------------------------------------------------------------------------
PEOPLE = [
    # Kommunledningsförvaltningen and the support functions
    ("Karin Lindqvist", "klf", "Innovationssamordnare", [(COORDINATOR, "kommun")]),
    ("Margareta Holm", "klf", "Kommundirektör", [(MANAGER, "klf")]),
    ("Henrik Sjöström", "klf", "Verksamhetsutvecklare", [(LEAD, "klf")]),
    ("Annika Forsberg", "hr", "HR-chef", [(MANAGER, "hr")]),
    ("Sofia Nyström", "hr", "HR-specialist kompetensförsörjning", []),
    ("Omar Haddad", "hr", "HR-konsult", [(INSPIRER, "hr")]),
    ("Mikael Engström", "it", "IT-chef", [(MANAGER, "it")]),
    ("Jörgen Ärlig", "it", "Systemförvaltare", [(ADMIN, "kommun")]),
    ("Linnea Åkesson", "it", "IT-strateg", []),
    ("Ali Hassan", "it", "Systemutvecklare", []),
    ("Elin Wikström", "komm", "Kommunikatör", []),
    ("Theo Nordin", "komm", "Webbredaktör", []),
    ("Ingrid Söderberg", "ekonomi", "Ekonomichef", [(MANAGER, "ekonomi")]),
    ("Per Lundgren", "ekonomi", "Controller", []),
    # Utbildningsförvaltningen
    ("Anders Bergström", "ubf", "Förvaltningschef", [(MANAGER, "ubf")]),
    ("Åsa Öberg", "ubf", "Utvecklingsledare innovation", [(LEAD, "ubf")]),
    ("Maria Johansson", "solrosen", "Förskolechef", [(MANAGER, "solrosen"), (MANAGER, "ekorren")]),
    ("Emma Karlsson", "solrosen", "Förskollärare", [(INSPIRER, "solrosen")]),
    ("Fatima Ahmed", "solrosen", "Barnskötare", []),
    ("Sara Lind", "ekorren", "Förskollärare", []),
    ("Jonas Ek", "ekorren", "Barnskötare", []),
    ("Peter Nilsson", "ekbacke", "Rektor", [(MANAGER, "ekbacke")]),
    ("Johanna Björk", "ekbacke", "Lärare i svenska och SO", [(INSPIRER, "ekbacke")]),
    ("Erik Andersson", "ekbacke", "Lärare i matematik och NO", []),
    ("Mona Dahlgren", "ekbacke", "Speciallärare", []),
    ("Karl-Johan Nyberg", "vasterport", "Rektor", [(MANAGER, "vasterport")]),
    ("Leila Karimi", "vasterport", "Lärare i engelska", [(INSPIRER, "vasterport")]),
    ("Björn Hedlund", "vasterport", "Lärare i idrott och hälsa", []),
    # Socialförvaltningen
    ("Birgitta Falk", "sof", "Förvaltningschef", [(MANAGER, "sof")]),
    ("Tobias Östlund", "sof", "Verksamhetsutvecklare", [(LEAD, "sof")]),
    ("Helena Strand", "htc", "Enhetschef", [(MANAGER, "htc")]),
    ("Anneli Persson", "htc", "Undersköterska", []),
    ("Yusuf Abdi", "htc", "Undersköterska", [(INSPIRER, "htc")]),
    ("Marie Öhman", "htc", "Planerare", []),
    ("Kristina Lund", "htn", "Enhetschef", [(MANAGER, "htn")]),
    ("Goran Petrović", "htn", "Undersköterska", []),
    ("Eva Sandberg", "linden", "Enhetschef", [(MANAGER, "linden")]),
    ("Lars Åberg", "linden", "Sjuksköterska", [(INSPIRER, "linden")]),
    ("Nadia Rahimi", "linden", "Undersköterska", []),
    ("Ulrika Sundin", "ifo", "Enhetschef", [(MANAGER, "ifo")]),
    ("Camilla Hägg", "ifo", "Socialsekreterare", []),
    ("Daniel Sköld", "ifo", "Socialsekreterare", [(INSPIRER, "ifo")]),
    # Kultur- och fritidsförvaltningen
    ("Gunnar Wallin", "kof", "Förvaltningschef", [(MANAGER, "kof")]),
    ("Malin Ekström", "kof", "Verksamhetsutvecklare", [(LEAD, "kof")]),
    ("Susanne Berg", "bibl", "Bibliotekschef", [(MANAGER, "bibl")]),
    ("René Jönsson", "bibl", "Bibliotekarie", []),
    ("Hanna Lilja", "bibl", "Bibliotekarie", [(INSPIRER, "bibl")]),
    ("Samir Khalil", "ungdom", "Fritidsledare", [(INSPIRER, "ungdom")]),
    ("Nils Forslund", "ungdom", "Fritidsledare", []),
    ("Lotta Grön", "vagen", "Badmästare", []),
    # Samhällsbyggnadsförvaltningen
    ("Fredrik Ahlström", "sbf", "Förvaltningschef", [(MANAGER, "sbf")]),
    ("Cecilia Ståhl", "sbf", "Verksamhetsutvecklare", [(LEAD, "sbf")]),
    ("Magnus Hellström", "bygglov", "Enhetschef", [(MANAGER, "bygglov")]),
    ("Jenny Åström", "bygglov", "Bygglovshandläggare", []),
    ("Oskar Lindh", "bygglov", "Bygglovsarkitekt", [(INSPIRER, "bygglov")]),
    ("Kent Mårtensson", "gatapark", "Parkarbetare", []),
    ("Ida Björklund", "gatapark", "Gatuingenjör", [(INSPIRER, "gatapark")]),
    ("Sanna Kvist", "miljo", "Miljöinspektör", []),
]

# Colleagues who have not (yet) submitted, commented on or supported anything: (unit key,
# title, how many). They make participation a share rather than everybody; care and school staff
# are the most numerous and the least reached, as in most municipalities.
QUIET_COLLEAGUES = [
    ("solrosen", "Barnskötare", 3),
    ("ekorren", "Förskollärare", 2),
    ("ekbacke", "Lärare", 4),
    ("vasterport", "Lärare", 4),
    ("htc", "Undersköterska", 6),
    ("htn", "Undersköterska", 6),
    ("linden", "Undersköterska", 5),
    ("ifo", "Socialsekreterare", 2),
    ("bibl", "Biblioteksassistent", 1),
    ("vagen", "Badvärd", 2),
    ("bygglov", "Administratör", 1),
    ("gatapark", "Parkarbetare", 3),
    ("miljo", "Livsmedelsinspektör", 1),
    ("ekonomi", "Ekonomiassistent", 1),
]
QUIET_FIRST_NAMES = [
    "Agnes",
    "Amir",
    "Astrid",
    "Axel",
    "Bella",
    "Dragan",
    "Ebba",
    "Elias",
    "Filip",
    "Greta",
    "Hamid",
    "Hugo",
    "Irma",
    "Jasmin",
    "Kevin",
    "Lina",
    "Ludvig",
    "Majken",
    "Mira",
    "Noah",
    "Olivia",
    "Pontus",
    "Rania",
    "Rut",
    "Selma",
    "Stina",
    "Tilde",
    "Vera",
    "Viktor",
    "Wilma",
    "Zainab",
    "Åke",
    "Amanda",
    "Bertil",
    "Dalia",
    "Erika",
    "Folke",
    "Hedda",
    "Ivan",
    "Klara",
    "Linus",
    "Maja",
    "Nora",
    "Otto",
]
QUIET_LAST_NAMES = [
    "Axelsson",
    "Blom",
    "Claesson",
    "Dahl",
    "Eriksson",
    "Fransson",
    "Gustafsson",
    "Holmberg",
    "Isaksson",
    "Jakobsson",
    "Kjellberg",
    "Larsson",
    "Molin",
    "Norberg",
    "Olofsson",
    "Palm",
    "Ringström",
    "Sandström",
    "Törnqvist",
    "Vikström",
    "Wennberg",
    "Yilmaz",
    "Zetterberg",
    "Öst",
    "Borg",
    "Hassan Ali",
    "Lindgren",
    "Mattsson",
    "Nyqvist",
    "Pettersson",
    "Rosén",
    "Strömberg",
    "Thorén",
    "Uddén",
    "Wallgren",
    "Aziz",
    "Berglund",
    "Carlsson",
    "Dufva",
    "Edlund",
    "Falck",
    "Granlund",
    "Hägglund",
    "Jovanović",
]

# The logins printed after loading: (what the person shows, name).
LOGINS = [
    ("Innovationssamordnare", "Karin Lindqvist"),
    ("Administratör", "Jörgen Ärlig"),
    ("Innovationsledare, Utbildningsförvaltningen", "Åsa Öberg"),
    ("Chef (rektor, Ekbackeskolan)", "Peter Nilsson"),
    ("Idéinspiratör, Ekbackeskolan", "Johanna Björk"),
    ("Medarbetare med idéer, beslut och notiser", "Erik Andersson"),
    ("Medarbetare i en annan förvaltning", "Anneli Persson"),
    ("Stödfunktion HR", "Sofia Nyström"),
]

# ---------------------------------------------------------------------------------------------
# Challenges. created: days ago; open: days from today (negative = closed); step: where the
# challenge has come in Innovationsguiden.
# ---------------------------------------------------------------------------------------------
CHALLENGES = [
    {
        "key": "usk",
        "title": "Attraktiv arbetsplats i äldreomsorgen",
        "question": "Hur kan vi göra det attraktivt att börja – och stanna – som undersköterska "
        "i äldreomsorgen?",
        "background": "Inom fem år går var femte undersköterska i pension och antalet invånare "
        "över 80 år ökar med 30 procent. Redan i dag har vi svårt att bemanna helger och "
        "sommar, och många nyanställda slutar under första året.",
        "needs": "Vi behöver förstå vad som får medarbetare att stanna, minska tiden som går "
        "till annat än omsorg och hitta nya vägar in i yrket, till exempel för personer med "
        "svenska som andraspråk.",
        "themes": [KOMPETENS, HELTID],
        "owner": "sof",
        "creator": "Birgitta Falk",
        "responsible": ["Tobias Östlund", "Sofia Nyström"],
        "step": "explore",
        "created": 505,
        "open": 120,
    },
    {
        "key": "heltid",
        "title": "Heltid som norm",
        "question": "Hur kan vi organisera scheman så att fler kan arbeta heltid utan att "
        "kvaliteten för dem vi är till för blir sämre?",
        "background": "Kommunen har beslutat att heltid ska vara norm. Andelen heltidsanställda "
        "i omsorgen är 58 procent och många deltidsanställda vill gå upp i tid, men scheman med "
        "delade turer och korta pass gör det svårt.",
        "needs": "Nya schemamodeller, resurspass som används klokt och ett sätt att följa upp "
        "både heltidsandel och arbetsmiljö.",
        "themes": [HELTID, KOMPETENS],
        "owner": "hr",
        "creator": "Annika Forsberg",
        "responsible": ["Sofia Nyström", "Annika Forsberg"],
        "step": "focus",
        "created": 470,
        "open": 200,
    },
    {
        "key": "lararadmin",
        "title": "Mer tid för undervisning",
        "question": "Hur kan vi minska tiden lärare lägger på administration så att mer tid "
        "går till eleverna?",
        "background": "I medarbetarenkäten svarar sju av tio lärare att administrationen tar "
        "tid från undervisningen. Samtidigt blir det allt svårare att rekrytera behöriga lärare.",
        "needs": "Förenklade rutiner, smartare digitala verktyg och andra yrkesgrupper som kan "
        "ta uppgifter som inte kräver lärarkompetens.",
        "themes": [DIGITAL, KOMPETENS],
        "owner": "ubf",
        "creator": "Anders Bergström",
        "responsible": ["Åsa Öberg", "Peter Nilsson"],
        "step": "ideate",
        "created": 430,
        "open": 90,
    },
    {
        "key": "automatisering",
        "title": "Automatisera rutinärenden",
        "question": "Hur kan vi automatisera återkommande handläggning så att medarbetarna får "
        "tid för de ärenden som kräver ett mänskligt omdöme?",
        "background": "Många ärenden följer samma mönster varje gång: löneändringar, "
        "återansökningar och enklare intyg. De tar mycket tid och ger få fel att lära av.",
        "needs": "Kartläggning av vilka flöden som lämpar sig, ett gemensamt sätt att bygga och "
        "förvalta automatiseringar och tydliga regler för rättssäker automatiserad handläggning.",
        "themes": [DIGITAL, KOMPETENS],
        "owner": "klf",
        "creator": "Karin Lindqvist",
        "responsible": ["Linnea Åkesson", "Henrik Sjöström"],
        "step": "test",
        "created": 520,
        "open": 60,
    },
    {
        "key": "trygghet",
        "title": "Tryggare kvällar i centrum",
        "question": "Hur kan vi göra centrum och parkerna tryggare kvällstid tillsammans med dem "
        "som bor och rör sig där?",
        "background": "I trygghetsmätningen uppger 41 procent av kvinnorna att de undviker "
        "centrum och Stadsparken efter mörkrets inbrott. Polisen ser ingen ökning av brotten, "
        "men otryggheten påverkar hur människor lever.",
        "needs": "Idéer om fysisk miljö, belysning, vuxennärvaro och mötesplatser – gärna "
        "framtagna tillsammans med boende och unga.",
        "themes": [TRYGG, DELAKTIG],
        "owner": "sbf",
        "creator": "Fredrik Ahlström",
        "responsible": ["Cecilia Ståhl", "Ida Björklund"],
        "step": "ideate",
        "created": 330,
        "open": 45,
    },
    {
        "key": "unga",
        "title": "Nå fler unga på fritiden",
        "question": "Hur kan vi nå de unga som i dag inte hittar till fritidsgården eller "
        "föreningslivet?",
        "background": "Bara 14 procent av ungdomarna mellan 13 och 19 år besöker en "
        "fritidsgård. Flickor och unga med funktionsnedsättning är särskilt underrepresenterade.",
        "needs": "Vi behöver veta mer om vad de unga själva vill och pröva nya tider, platser "
        "och former tillsammans med dem.",
        "themes": [DELAKTIG, TRYGG],
        "owner": "kof",
        "creator": "Gunnar Wallin",
        "responsible": ["Malin Ekström", "Samir Khalil"],
        "step": "explore",
        "created": 400,
        "open": -30,
    },
    {
        "key": "matsvinn",
        "title": "Halvera matsvinnet",
        "question": "Hur kan vi halvera matsvinnet i förskolor, skolor och äldreboenden?",
        "background": "Kommunens kök lagar 9 000 portioner om dagen. Mätningar visar att ungefär "
        "en femtedel slängs, vilket motsvarar drygt fyra miljoner kronor om året.",
        "needs": "Mätning som alla kan förstå, arbetssätt som engagerar barn, elever och boende "
        "och menyer som bättre matchar vad som faktiskt äts.",
        "themes": [HALLBAR],
        "owner": "kommun",
        "creator": "Karin Lindqvist",
        "responsible": ["Karin Lindqvist", "Åsa Öberg"],
        "step": "realise",
        "created": 540,
        "open": -120,
    },
    {
        "key": "bygglov",
        "title": "Komplett bygglovsansökan första gången",
        "question": "Hur kan vi göra det enklare för invånare att lämna in en komplett "
        "bygglovsansökan redan första gången?",
        "background": "Sex av tio ansökningar saknar handlingar när de kommer in. Kompletteringarna "
        "förlänger handläggningstiden med i snitt tre veckor och skapar mycket telefonsamtal.",
        "needs": "Tydligare vägledning före ansökan, bättre e-tjänst och enklare sätt att få "
        "kontakt med en handläggare tidigt.",
        "themes": [DIGITAL, DELAKTIG],
        "owner": "bygglov",
        "creator": "Magnus Hellström",
        "responsible": ["Magnus Hellström", "Jenny Åström"],
        "step": "test",
        "created": 380,
        "open": 150,
    },
    {
        "key": "langre",
        "title": "Fler som vill och kan arbeta längre",
        "question": "Hur kan vi ta vara på erfarna medarbetares kunskap och göra det möjligt för "
        "fler att arbeta längre?",
        "background": "Under de kommande tre åren fyller 420 medarbetare 65 år. Många vill "
        "fortsätta i någon form, men våra anställningsformer och scheman gör det krångligt.",
        "needs": "Flexibla anställningsformer, sätt att föra kunskap vidare och en bättre bild "
        "av vad som får seniora medarbetare att stanna.",
        "themes": [KOMPETENS],
        "owner": "hr",
        "creator": "Annika Forsberg",
        "responsible": ["Sofia Nyström", "Omar Haddad"],
        "step": "frame",
        "created": 90,
        "open": 240,
    },
    {
        "key": "intro",
        "title": "En introduktion som får nya att stanna",
        "question": "Hur kan vi ge nyanställda en introduktion som gör att de vill stanna hos oss?",
        "background": "Var fjärde nyanställd slutar inom två år. I avslutningssamtalen nämns "
        "ofta en rörig första tid: inga inloggningar, ingen fadder och otydliga förväntningar.",
        "needs": "En gemensam grund för introduktion i hela kommunen som varje arbetsplats kan "
        "bygga vidare på.",
        "themes": [KOMPETENS, DIGITAL],
        "owner": "hr",
        "creator": "Karin Lindqvist",
        "responsible": ["Omar Haddad", "Sofia Nyström"],
        "step": "explore",
        "created": 200,
        "open": 300,
    },
]

# ---------------------------------------------------------------------------------------------
# Ideas. Each base idea carries its own texts and the stage it has reached; its variants are the
# same idea raised again elsewhere (same problem and proposal, their own title), which is how
# ideas really arrive – and what duplicate merging is for.
#
#   stage       where the idea stands today (ideverket.ideas.process.Stage value)
#   by          the submitter (otherwise someone in the unit is chosen)
#   co          co-submitters
#   restricted  visible only to the owner unit and those above it
#   handover    unit key the idea is handed over to before it is assessed
#   texts       idea-specific decision texts: criteria, plan, result, decline, park, stop, spread
#   variants    (unit key, title, stage[, texts])
# ---------------------------------------------------------------------------------------------
IDEAS = [
    # --- Utbildningsförvaltningen ----------------------------------------------------------
    {
        "key": "franvaro",
        "unit": "ekbacke",
        "by": "Erik Andersson",
        "title": "Automatiskt sms till vårdnadshavare vid ogiltig frånvaro",
        "problem": "Varje morgon ringer mentorerna runt till vårdnadshavare när elever inte "
        "har kommit. Det tar ofta en halvtimme, och när läraren har lektion blir samtalet av "
        "först på eftermiddagen.",
        "proposal": "Låt lärplattformen skicka ett sms till vårdnadshavarna direkt när en "
        "elev registreras som frånvarande utan anmälan. Mentorn ringer bara när frånvaron "
        "upprepas.",
        "benefit": "Ungefär två timmar i veckan per mentor och snabbare kontakt när en elev "
        "börjar få problematisk frånvaro.",
        "themes": [DIGITAL],
        "challenge": "lararadmin",
        "stage": "spread",
        "path": "do_now",
        "texts": {
            "plan": "Funktionen finns redan i lärplattformen men är avstängd. IT slår på den för "
            "Ekbackeskolan och mentorerna får en kort genomgång på nästa APT.",
            "spread": "Västerportskolan har slagit på samma funktion efter att ha sett "
            "resultaten från Ekbackeskolan, och mentorerna där har fått samma genomgång.",
        },
        "variants": [
            ("vasterport", "Frånvarosms direkt från lärplattformen", "merged"),
        ],
    },
    {
        "key": "planeringsbank",
        "unit": "ekbacke",
        "by": "Erik Andersson",
        "co": ["Johanna Björk"],
        "title": "Gemensam planeringsbank för ämneslagen",
        "problem": "Varje lärare planerar sina lektioner från början, trots att kollegor i "
        "samma ämne ofta har gjort nästan samma upplägg året innan. Material ligger utspritt "
        "i privata mappar.",
        "proposal": "En gemensam, sökbar planeringsbank per ämne i lärplattformen där vi delar "
        "lektionsupplägg, bedömningsstöd och uppgifter. En lärare per ämneslag ansvarar för "
        "ordningen.",
        "benefit": "Mindre dubbelarbete, mer likvärdig undervisning och snabbare start för nya "
        "och tillfälliga lärare.",
        "themes": [DIGITAL, KOMPETENS],
        "challenge": "lararadmin",
        "stage": "trial",
        "texts": {
            "criteria": "Minst 70 procent av lärarna i ämneslagen har lagt upp eller använt "
            "material; planeringstiden minskar med minst en timme i veckan enligt tidsloggning.",
        },
        "variants": [
            ("vasterport", "Dela lektionsplaneringar mellan skolorna i kommunen", "in_assessment"),
        ],
    },
    {
        "key": "lararassistent",
        "unit": "vasterport",
        "title": "Lärarassistenter tar över rastvakt och kopiering",
        "problem": "Lärarna lägger mycket tid på uppgifter som inte kräver lärarutbildning: "
        "rastvakt, kopiering, beställningar och att hämta elever som inte kommit till lektionen.",
        "proposal": "Anställ två lärarassistenter som tar rastvakterna, sköter material och "
        "bokningar och stöttar i klassrummet när läraren behöver.",
        "benefit": "Lärarna får mer tid för planering och elever, och skolan blir en mer "
        "attraktiv arbetsplats för behöriga lärare.",
        "themes": [KOMPETENS],
        "challenge": "lararadmin",
        "stage": "implementing",
        "path": "test",
        "texts": {
            "criteria": "Lärarna frigör minst tre timmar i veckan; rastvakten är bemannad varje "
            "rast; elevernas trivsel ligger kvar på minst samma nivå.",
            "result": "Lärarna har i snitt frigjort 3,5 timmar i veckan och rastvakten har varit "
            "bemannad hela terminen. Trivselenkäten visar en liten förbättring.",
        },
        "variants": [
            ("ekbacke", "Elevassistenter för administration och rastvakt", "parked"),
        ],
    },
    {
        "key": "laxhjalp",
        "unit": "ekbacke",
        "handover": "bibl",
        "title": "Läxhjälp på biblioteket två kvällar i veckan",
        "problem": "Många elever har ingen hemma som kan hjälpa till med läxorna, och skolans "
        "läxhjälp direkt efter lektionerna krockar med träningar och syskonhämtning.",
        "proposal": "Erbjud läxhjälp på biblioteket tisdagar och torsdagar kl. 17–19, med "
        "lärarstudenter och volontärer från föreningslivet. Biblioteket står för lokal och fika.",
        "benefit": "Mer likvärdiga förutsättningar för eleverna och ett tryggt ställe att vara "
        "på kvällstid.",
        "themes": [DELAKTIG],
        "stage": "trial",
        "texts": {
            "criteria": "I snitt minst 15 elever per kväll; elever och vårdnadshavare ger "
            "läxhjälpen minst 4 av 5 i utvärderingen.",
            "handover": "Läxhjälpen ska hållas i bibliotekets lokaler och med dess personal, så "
            "Biblioteket är rätt mottagare. Skolan bidrar gärna med lärare som stöd.",
        },
        "variants": [
            ("ungdom", "Läxcafé på fritidsgården", "merged"),
        ],
    },
    {
        "key": "odling",
        "unit": "solrosen",
        "by": "Emma Karlsson",
        "title": "Odlingslådor och utomhuspedagogik på förskolegården",
        "problem": "Barnen vet ofta inte var maten kommer ifrån, och förskolegården används "
        "mest för fri lek. Vi har svårt att få in naturvetenskap i vardagen.",
        "proposal": "Bygg sex odlingslådor tillsammans med barnen och gör sådd, skötsel och "
        "skörd till ett återkommande tema under hela året. Skörden används i förskolans kök.",
        "benefit": "Lärande om natur och hållbarhet, mer utevistelse och barn som smakar på "
        "grönsaker de annars väljer bort.",
        "themes": [HALLBAR],
        "stage": "spread",
        "path": "test",
        "texts": {
            "criteria": "Alla avdelningar använder odlingen i minst ett tema per termin; "
            "vårdnadshavarna ger arbetet minst 4 av 5 i enkäten.",
            "spread": "Förskola Ekorren har byggt egna odlingslådor och använder Solrosens "
            "temaplanering. Ekbackeskolans lågstadium är på gång.",
        },
        "variants": [
            ("ekbacke", "Skolträdgård för lågstadiet", "draft"),
        ],
    },
    {
        "key": "bildstod",
        "unit": "solrosen",
        "title": "Gemensam bildbank för bildstöd på alla förskolor",
        "problem": "Varje avdelning gör sina egna bildscheman och skriver ut egna bilder. Barn "
        "som byter avdelning möter nya bilder för samma sak.",
        "proposal": "Skapa en gemensam bildbank med bildstöd för dagens rutiner, som alla "
        "förskolor kan skriva ut från och använda på samma sätt.",
        "benefit": "Tryggare övergångar för barn med behov av bildstöd och mindre tid för "
        "pedagogerna att ta fram material.",
        "themes": [DELAKTIG],
        "stage": "implemented",
        "path": "do_now",
        "variants": [
            ("ekbacke", "Bildstöd i skolans matsal och korridorer", "submitted"),
        ],
    },
    {
        "key": "schemaapp",
        "unit": "ekorren",
        "title": "Vårdnadshavare lägger in barnens vistelsetider i appen",
        "problem": "Schemaändringar kommer på lappar, sms och i hallen vid lämning. Personalen "
        "lägger tid på att föra över dem och ibland blir det fel i bemanningen.",
        "proposal": "Använd schemafunktionen i förskoleappen så att vårdnadshavarna själva "
        "lägger in och ändrar vistelsetider, senast tre dagar i förväg.",
        "benefit": "Säkrare bemanning, mindre administration och färre missförstånd.",
        "themes": [DIGITAL],
        "stage": "evaluated",
        "texts": {
            "criteria": "Minst 90 procent av vårdnadshavarna lägger in sina tider i appen; "
            "personalens tid för schemaadministration halveras.",
            "result": "87 procent av vårdnadshavarna använder appen, strax under målet. "
            "Tiden för schemaadministration har mer än halverats och bemanningen stämmer bättre.",
        },
        "variants": [
            ("solrosen", "Digital närvarolista i stället för papperslistan i hallen", "merged"),
        ],
    },
    {
        "key": "matvag",
        "unit": "ekbacke",
        "co": ["Erik Andersson"],
        "title": "Matsvinnsvåg och svinnligan i skolmatsalen",
        "problem": "Vi slänger stora mängder mat i skolmatsalen, men ingen vet hur mycket eller "
        "vilka rätter som blir över.",
        "proposal": "Ställ en våg vid disken där eleverna skrapar av tallriken, och visa dagens "
        "svinn på en skärm. Elevrådet följer upp veckovis tillsammans med köket.",
        "benefit": "Mindre svinn, lägre matkostnader och elever som är med och påverkar.",
        "themes": [HALLBAR, DELAKTIG],
        "challenge": "matsvinn",
        "stage": "spread",
        "path": "test",
        "texts": {
            "criteria": "Tallrikssvinnet minskar med minst 30 procent på en termin.",
            "result": "Tallrikssvinnet minskade med 42 procent på en termin och eleverna har "
            "själva drivit arbetet genom elevrådet.",
            "spread": "Västerportskolan och köket på Äldreboendet Linden mäter nu svinnet på "
            "samma sätt. Måltidsenheten köper in vågar till alla kök.",
        },
        "variants": [
            ("linden", "Mät matsvinnet och låt de boende välja portionsstorlek", "implementing"),
            (
                "vasterport",
                "Svinntävling mellan klasserna",
                "declined",
                {
                    "decline": "Vi vill inte tävla klasser mot varandra om matsvinn, eftersom det "
                    "riskerar att peka ut enskilda elever. Vi fortsätter i stället med "
                    "svinnmätningen som redan finns och som elevrådet följer upp.",
                },
            ),
        ],
    },
    {
        "key": "skolskjuts",
        "unit": "vasterport",
        "title": "Ändringar i skolskjutsen via sms till vårdnadshavare",
        "problem": "När skolskjutsen ändras eller blir försenad får vårdnadshavarna ofta veta "
        "det först när barnet ringer från hållplatsen.",
        "proposal": "Skolan skickar sms till berörda vårdnadshavare så fort vi får veta om "
        "ändringar i skolskjutsen.",
        "benefit": "Tryggare barn och färre oroliga samtal till skolan.",
        "themes": [TRYGG, DIGITAL],
        "stage": "declined",
        "texts": {
            "decline": "Skolskjutsen körs av en upphandlad entreprenör, och avtalet reglerar "
            "hur information till vårdnadshavare ska ges. Skolan kan inte ta över det ansvaret. "
            "Vi tar med förslaget som ett krav i upphandlingen 2027.",
        },
    },
    {
        "key": "barnskotare",
        "unit": "ekorren",
        "title": "Barnskötare utbildar sig till förskollärare på del av arbetstiden",
        "problem": "Vi saknar behöriga förskollärare, samtidigt som flera erfarna barnskötare "
        "vill utbilda sig men inte har råd att gå ner i lön under studietiden.",
        "proposal": "Erbjud barnskötare att läsa förskollärarutbildningen på distans med "
        "20 procent av arbetstiden betald, mot att de stannar två år efter examen.",
        "benefit": "Fler behöriga förskollärare på sikt och medarbetare som känner sig sedda.",
        "themes": [KOMPETENS],
        "stage": "parked",
        "texts": {
            "park": "Idén är bra och ligger i linje med kompetensförsörjningsplanen, men kostnaden "
            "ryms inte i årets budget. Vi tar upp den igen i budgetarbetet inför nästa år, "
            "tillsammans med HR:s arbete med utbildningsanställningar.",
        },
        "variants": [
            (
                "solrosen",
                "Validera barnskötares kompetens som första steg mot förskollärare",
                "submitted",
            ),
        ],
    },
    {
        "key": "ljud",
        "unit": "ekorren",
        "title": "Ljudabsorbenter i förskolans matsal",
        "problem": "Ljudnivån i matsalen är så hög att både barn och personal är trötta efter "
        "lunchen. Flera i personalen har fått tinnitus.",
        "proposal": "Sätt upp ljudabsorbenter i taket och på väggarna och filttassar på "
        "stolarna. Mät ljudnivån före och efter.",
        "benefit": "Bättre arbetsmiljö, lugnare måltider och mindre risk för hörselskador.",
        "themes": [],
        "stage": "implementing",
        "path": "do_now",
        "texts": {
            "plan": "Fastighetsförvaltaren monterar absorbenterna under höstlovet. Förskolan "
            "beställer filttassar direkt. Ljudmätning före och efter görs av skyddsombudet.",
        },
    },
    {
        "key": "aiomdome",
        "unit": "vasterport",
        "title": "AI-stöd för att formulera skriftliga omdömen",
        "problem": "Att skriva skriftliga omdömen och individuella utvecklingsplaner tar flera "
        "kvällar varje termin. Texterna blir dessutom olika tydliga från lärare till lärare.",
        "proposal": "Pröva en språkmodell inom kommunens säkra miljö som föreslår formuleringar "
        "utifrån lärarens egna anteckningar, utan att elevernas namn lämnar kommunen.",
        "benefit": "Mindre tid för dokumentation och tydligare omdömen för elever och "
        "vårdnadshavare.",
        "themes": [DIGITAL],
        "challenge": "lararadmin",
        "stage": "in_assessment",
        "variants": [
            (
                "ekbacke",
                "Språkmodell som hjälper lärare med veckobrev till vårdnadshavare",
                "submitted",
            ),
        ],
    },
    {
        "key": "digprov",
        "unit": "ekbacke",
        "by": "Erik Andersson",
        "title": "Digitala prov i årskurs 4–6",
        "problem": "Pappersprov ska kopieras, samlas in, rättas för hand och föras in i "
        "lärplattformen. Det tar lång tid och återkopplingen till eleverna dröjer.",
        "proposal": "Gör proven i lärplattformens provverktyg så att flervalsfrågor rättas "
        "automatiskt och resultaten hamnar direkt i elevernas översikt.",
        "benefit": "Snabbare återkoppling och mindre rättningstid.",
        "themes": [DIGITAL],
        "challenge": "lararadmin",
        "stage": "stopped",
        "texts": {
            "criteria": "Rättningstiden halveras; minst 90 procent av proven genomförs utan "
            "tekniska avbrott.",
            "result": "Bara 70 procent av proven kunde genomföras utan avbrott, eftersom "
            "nätverket inte klarade en hel årskurs samtidigt. Rättningstiden minskade med en "
            "fjärdedel.",
            "stop": "Vi avslutar testet. Lärdomar: nätverket i den gamla byggnaden klarar inte "
            "många samtidiga användare, och de yngre eleverna behövde mer träning i verktyget "
            "innan provet. Automatisk rättning fungerade bra för flervalsfrågor men sparade "
            "mindre tid än väntat eftersom de flesta frågor kräver fritext. Vi tar upp idén "
            "igen när nätverket är uppgraderat.",
        },
    },
    {
        "key": "elevbudget",
        "unit": "vasterport",
        "title": "Elevrådet får en egen budget att besluta om",
        "problem": "Elevrådet får lämna förslag, men besluten fattas av andra och det tar lång "
        "tid. Många elever tycker att det inte är lönt att engagera sig.",
        "proposal": "Ge elevrådet 30 000 kronor per år att fördela till förbättringar på skolan, "
        "med stöd av en lärare och redovisning till rektor.",
        "benefit": "Elever som lär sig demokrati på riktigt och förbättringar som eleverna själva "
        "tycker är viktiga.",
        "themes": [DELAKTIG],
        "stage": "submitted",
    },
    {
        "key": "korridor",
        "unit": "vasterport",
        "restricted": True,
        "title": "Vuxennärvaro i B-husets korridor efter händelserna i höstas",
        "problem": "Efter två incidenter i B-huset under hösten, där elever blev utsatta i "
        "korridoren under rasterna, uppger flera elever i åk 8 att de undviker att gå dit. "
        "Det rör enskilda elever och ärendena hanteras även i elevhälsan.",
        "proposal": "Schemalägg vuxennärvaro i B-husets korridor på alla raster under resten av "
        "läsåret och flytta skåpen för åk 8 närmare personalrummet.",
        "benefit": "Tryggare elever och att ingen behöver undvika delar av skolan.",
        "themes": [TRYGG],
        "stage": "in_assessment",
    },
    {
        "key": "mentor",
        "unit": "vasterport",
        "title": "Mentorprogram för nyexaminerade lärare",
        "problem": "Nya lärare får ofta de tyngsta klasserna och ingen särskild introduktion. "
        "Flera har slutat efter första året.",
        "proposal": "Varje nyexaminerad lärare får en erfaren kollega som mentor första året, "
        "med en timme i veckan avsatt i båda deras tjänster.",
        "benefit": "Nya lärare som stannar och trivs, och erfarna lärare som får ett nytt "
        "uppdrag att utvecklas i.",
        "themes": [KOMPETENS],
        "stage": "implementing",
        "path": "test",
        "texts": {
            "criteria": "Alla nyexaminerade lärare stannar läsåret ut; de ger mentorskapet minst "
            "4 av 5 i utvärderingen.",
        },
    },
    {
        "key": "rekryteringsdag",
        "unit": "ubf",
        "title": "Gemensam rekryteringsdag för förskolorna",
        "problem": "Förskolorna rekryterar var för sig, med egna annonser och intervjuer. "
        "Kandidater som passar en annan förskola bättre går förlorade.",
        "proposal": "Håll en gemensam rekryteringsdag två gånger per år där kandidater träffar "
        "alla förskolechefer, och låt förskolorna dela på en kandidatbank.",
        "benefit": "Snabbare rekryteringar, fler behöriga sökande och mindre tid för cheferna.",
        "themes": [KOMPETENS],
        "stage": "implemented",
        "path": "test",
        "texts": {
            "criteria": "Minst 40 kandidater deltar; minst åtta anställningar inom tre månader.",
        },
    },
    {
        "key": "tystrum",
        "unit": "ekbacke",
        "by": "Mona Dahlgren",
        "title": "Tyst rum för lärare att rätta och planera i",
        "problem": "I arbetsrummet är det hela tiden samtal och telefoner, så koncentrerat "
        "arbete blir kvar till kvällen.",
        "proposal": "Gör det lilla grupprummet bredvid biblioteket till ett tyst rum för "
        "lärare, med några skrivplatser och regeln att man inte pratar där.",
        "benefit": "Mer gjort på arbetstid och mindre kvällsarbete.",
        "themes": [],
        "stage": "draft",
    },
    {
        "key": "skolmeny",
        "unit": "ekbacke",
        "by": "Erik Andersson",
        "title": "Elever är med och planerar skolmenyn en gång i månaden",
        "problem": "Eleverna klagar på maten men är aldrig med när menyn planeras. Rätter som "
        "många inte äter kommer tillbaka gång på gång.",
        "proposal": "En gång i månaden får en klass planera en veckas meny tillsammans med "
        "kostekonomen, inom samma budget och näringskrav.",
        "benefit": "Elever som äter mer av maten, mindre svinn och mer inflytande.",
        "themes": [DELAKTIG, HALLBAR],
        "stage": "submitted",
    },
    # --- Socialförvaltningen ----------------------------------------------------------------
    {
        "key": "nyckelfri",
        "unit": "htc",
        "title": "Digitala lås hos brukarna i stället för nycklar",
        "problem": "Personalen lägger mycket tid på att kvittera ut, bära och lämna tillbaka "
        "nycklar. Nycklar kommer bort och måste bytas, och brukare oroar sig för vem som har "
        "deras nyckel.",
        "proposal": "Installera digitala lås hos brukarna som öppnas med mobilen och loggar "
        "vem som gick in och när.",
        "benefit": "Tid som går till omsorg i stället för nyckelhantering, och tryggare brukare.",
        "themes": [DIGITAL, TRYGG],
        "challenge": "usk",
        "stage": "spread",
        "path": "test",
        "texts": {
            "criteria": "Tiden för nyckelhantering minskar med minst 30 minuter per pass; "
            "inga borttappade nycklar under testperioden.",
            "result": "Personalen sparar i snitt 40 minuter per pass och inga nycklar har "
            "kommit bort. Brukarna är nöjda med loggen över besök.",
            "spread": "Hemtjänst Norr har infört digitala lås hos alla nya brukare, och "
            "förvaltningen samordnar nu införandet i övriga hemtjänstgrupper.",
        },
        "variants": [
            ("htn", "Nyckelfria lås för alla brukare i Hemtjänst Norr", "merged"),
            ("linden", "Digitala lås på läkemedelsskåpen", "draft"),
        ],
    },
    {
        "key": "delade",
        "unit": "htc",
        "by": "Anneli Persson",
        "title": "Bort med delade turer – heltidsscheman i hemtjänsten",
        "problem": "Med delade turer arbetar man morgon och kväll med flera timmar oavlönat "
        "uppehåll mitt på dagen. Få orkar det på heltid, så många går ner i tid eller slutar.",
        "proposal": "Lägg om schemat så att alla pass är sammanhängande. Dagtid används till "
        "rehabiliterande insatser, dokumentation och kompetensutveckling i stället för att "
        "vara ett glapp.",
        "benefit": "Fler som kan och vill jobba heltid, lägre sjukfrånvaro och bättre "
        "kontinuitet för brukarna.",
        "themes": [HELTID, KOMPETENS],
        "challenge": "heltid",
        "stage": "trial",
        "texts": {
            "criteria": "Andelen heltidsanställda på enheten ökar från 45 till 70 procent; "
            "inga delade turer i schemat; sjukfrånvaron minskar under testperioden.",
        },
        "variants": [
            ("htn", "Heltidsschema med resurspass i Hemtjänst Norr", "in_assessment"),
            (
                "linden",
                "Resurspass på äldreboendet så att fler kan gå upp till heltid",
                "submitted",
            ),
        ],
    },
    {
        "key": "rutt",
        "unit": "htn",
        "title": "Digital ruttplanering för hemtjänsten",
        "problem": "Körlistorna görs för hand varje dag. Det blir onödigt långa körsträckor och "
        "planeraren får börja om när någon blir sjuk.",
        "proposal": "Använd ruttoptimeringen i planeringssystemet, som räknar fram körlistor "
        "utifrån insatser, tider och kontinuitet.",
        "benefit": "Kortare körtid, mer tid hos brukarna och mindre stress för planeraren.",
        "themes": [DIGITAL],
        "stage": "implemented",
        "path": "test",
        "texts": {
            "criteria": "Körtiden minskar med minst 10 procent; kontinuiteten för brukarna blir "
            "inte sämre.",
            "result": "Körtiden minskade med 14 procent och kontinuiteten är oförändrad. "
            "Planerarna lägger hälften så lång tid på morgonens körlistor.",
        },
        "variants": [
            ("htc", "Optimera körlistorna med planeringssystemet", "merged"),
        ],
    },
    {
        "key": "sprakombud",
        "unit": "linden",
        "title": "Språkombud på varje avdelning",
        "problem": "Många medarbetare har svenska som andraspråk. Dokumentationen blir "
        "ibland svår att förstå och det finns en osäkerhet i samtal med anhöriga.",
        "proposal": "Utbilda ett språkombud per avdelning som stöttar kollegor med "
        "dokumentation och språk, och avsätt en timme i veckan för språkstöd.",
        "benefit": "Bättre dokumentation, tryggare medarbetare och fler som kan gå vidare till "
        "undersköterskeutbildning.",
        "themes": [KOMPETENS],
        "challenge": "usk",
        "stage": "implementing",
        "path": "do_now",
        "texts": {
            "plan": "Fyra medarbetare går Språkombudsutbildningen under våren. Enhetschefen "
            "lägger in språkstödstimmen i schemat från och med nästa schemaperiod.",
        },
        "variants": [
            ("htc", "Språkcafé för medarbetare med svenska som andraspråk", "trial"),
        ],
    },
    {
        "key": "senior",
        "unit": "linden",
        "title": "Erfarna undersköterskor som handledare efter 65",
        "problem": "Flera erfarna undersköterskor går i pension och tar med sig kunskap som "
        "ingen annan har. Samtidigt behöver nya medarbetare mycket handledning.",
        "proposal": "Erbjud undersköterskor som fyllt 65 att fortsätta på deltid som "
        "handledare för nyanställda och elever på praktik.",
        "benefit": "Kunskap som stannar kvar, bättre introduktion och avlastning för den "
        "ordinarie personalen.",
        "themes": [KOMPETENS],
        "challenge": "usk",
        "stage": "evaluated",
        "texts": {
            "criteria": "Minst tre seniora handledare deltar; alla nyanställda under perioden "
            "har en handledare; de nyanställda ger introduktionen minst 4 av 5.",
            "result": "Tre seniora handledare har deltagit. Alla nyanställda fick handledning och "
            "gav introduktionen 4,4 av 5. Schemaläggningen av deltidspassen var krånglig.",
        },
    },
    {
        "key": "dosett",
        "unit": "htn",
        "title": "Digital läkemedelsdispenser hos brukare",
        "problem": "Många besök görs bara för att ge läkemedel på rätt tid. Det binder "
        "personal och gör att besöken blir korta och stressiga.",
        "proposal": "Pröva digitala läkemedelsdispensrar som larmar brukaren och delar ut rätt "
        "dos, och som larmar hemtjänsten om dosen inte tas.",
        "benefit": "Färre rena läkemedelsbesök och mer självständiga brukare.",
        "themes": [DIGITAL],
        "stage": "stopped",
        "texts": {
            "criteria": "Minst 20 procent färre läkemedelsbesök hos deltagarna; inga "
            "läkemedelsavvikelser kopplade till dispensern.",
            "result": "Läkemedelsbesöken minskade med 12 procent. Två avvikelser uppstod när "
            "brukare inte förstod larmet.",
            "stop": "Vi avslutar testet. Lärdomar: dispensrarna fungerar bra för brukare utan "
            "kognitiv svikt, men de flesta som har många läkemedelsbesök har just det. Urvalet "
            "av brukare måste göras tillsammans med sjuksköterskan från början. Ett nytt test "
            "kan bli aktuellt för en mer avgränsad målgrupp.",
        },
    },
    {
        "key": "lakemedel",
        "unit": "linden",
        "restricted": True,
        "title": "Dubbelkontroll vid läkemedelsöverlämning på avdelning Björken",
        "problem": "Under våren har avdelning Björken haft fyra avvikelser där läkemedel gavs "
        "vid fel tid eller till fel boende. Två av dem har anmälts enligt lex Sarah.",
        "proposal": "Inför dubbelkontroll med två signaturer vid varje överlämning av "
        "läkemedel under kvälls- och nattpass, och en kort avstämning med sjuksköterskan vid "
        "passbyte.",
        "benefit": "Säkrare läkemedelshantering och tryggare boende och anhöriga.",
        "themes": [TRYGG],
        "stage": "trial",
        "texts": {
            "criteria": "Inga läkemedelsavvikelser på Björken under testperioden; rutinen följs "
            "vid minst 95 procent av överlämningarna.",
        },
    },
    {
        "key": "video",
        "unit": "linden",
        "title": "Videosamtal med anhöriga via surfplatta",
        "problem": "Många boende har anhöriga som bor långt bort och sällan kan komma på besök. "
        "Telefonsamtal är svåra för boende med nedsatt hörsel.",
        "proposal": "Köp in två surfplattor med ett enkelt videosamtalsprogram och låt personalen "
        "hjälpa boende att ringa, med fasta tider varje vecka.",
        "benefit": "Mindre ensamhet och nöjdare anhöriga.",
        "themes": [DIGITAL, DELAKTIG],
        "stage": "implemented",
        "path": "do_now",
        "variants": [
            ("htc", "Surfplattor för videosamtal hos ensamma brukare i hemtjänsten", "evaluated"),
        ],
    },
    {
        "key": "nattillsyn",
        "unit": "htn",
        "title": "Digital nattillsyn med kamera för brukare som vill",
        "problem": "Nattpatrullen väcker brukare när de tittar till dem, och många tillsynsbesök "
        "görs bara för att se att allt är lugnt.",
        "proposal": "Erbjud brukare som samtycker digital tillsyn med kamera, där personalen "
        "tittar in en kort stund på överenskomna tider i stället för att åka dit.",
        "benefit": "Ostörd nattsömn för brukarna och mer tid för de besök som behövs.",
        "themes": [DIGITAL, TRYGG],
        "stage": "trial",
        "texts": {
            "criteria": "Minst 15 brukare deltar; de sover ostört enligt egen bedömning; "
            "körtiden för nattpatrullen minskar med minst 20 procent.",
        },
    },
    {
        "key": "forsorjning",
        "unit": "ifo",
        "title": "Automatiserad handläggning av återansökan om försörjningsstöd",
        "problem": "Varje månad handläggs hundratals återansökningar om försörjningsstöd där "
        "inget har ändrats. Handläggarna hinner för lite med de svåra ärendena.",
        "proposal": "Låt en automatisering hämta uppgifter, räkna fram normen och ta fram ett "
        "beslutsförslag för återansökningar utan förändringar. Handläggaren granskar och "
        "fattar beslutet.",
        "benefit": "Kortare handläggningstid för de sökande och mer tid för stöd till arbete.",
        "themes": [DIGITAL],
        "challenge": "automatisering",
        "stage": "implementing",
        "path": "test",
        "texts": {
            "criteria": "Handläggningstiden för återansökningar halveras; inga felaktiga "
            "utbetalningar orsakade av automatiseringen.",
        },
        "variants": [
            ("ifo", "Digital ansökan om ekonomiskt bistånd med BankID", "merged"),
        ],
    },
    {
        "key": "orosanmalan",
        "unit": "ifo",
        "restricted": True,
        "by": "Camilla Hägg",
        "title": "Snabbare återkoppling till skolan efter orosanmälan",
        "problem": "Skolorna i Norrby hör ofta inget efter att de gjort en orosanmälan och "
        "anmäler därför samma barn flera gånger. I två aktuella ärenden har det skapat "
        "missförstånd med familjerna.",
        "proposal": "Inför en fast rutin där skolan alltid får besked inom en vecka om att "
        "anmälan tagits emot och om utredning inleds, inom ramen för sekretessen.",
        "benefit": "Bättre samverkan med skolan och färre dubbla anmälningar.",
        "themes": [TRYGG],
        "stage": "submitted",
    },
    {
        "key": "hund",
        "unit": "linden",
        "title": "Besökshund på äldreboendet",
        "problem": "Många boende har haft hund hela livet och saknar djur. Flera blir mer "
        "pratsamma och lugna när någon tar med sig en hund på besök.",
        "proposal": "Låt en av medarbetarna ta med sin hund till jobbet två dagar i veckan, "
        "som besökshund i de gemensamma utrymmena.",
        "benefit": "Glädje och lugn för de boende och en mer hemlik miljö.",
        "themes": [],
        "stage": "declined",
        "texts": {
            "decline": "Tack för en fin idé! Vi har flera boende och medarbetare med "
            "pälsdjursallergi och kan inte ha hund i de gemensamma utrymmena enligt våra "
            "hygienrutiner. Vi undersöker i stället om den certifierade vårdhunden från "
            "dagverksamheten kan besöka Linden en gång i veckan.",
        },
    },
    {
        "key": "friskvard",
        "unit": "htc",
        "title": "Friskvårdstimme på arbetstid för undersköterskor",
        "problem": "Arbetet är fysiskt tungt och många har ont i rygg och axlar. Den som har "
        "kontorsjobb kan träna på lunchen, men det går inte i hemtjänsten.",
        "proposal": "Ge alla i hemtjänsten en friskvårdstimme i veckan på arbetstid, "
        "schemalagd så att verksamheten går runt.",
        "benefit": "Färre arbetsskador, lägre sjukfrånvaro och en mer attraktiv arbetsplats.",
        "themes": [KOMPETENS],
        "challenge": "usk",
        "stage": "parked",
        "texts": {
            "park": "HR utreder en kommungemensam modell för friskvård på arbetstid, med förslag "
            "till kommunstyrelsen i vår. Vi parkerar idén tills utredningen är klar, så att "
            "hemtjänsten inte får en egen lösning som sedan måste göras om.",
        },
        "variants": [
            ("htn", "Gemensam träning efter passet för personalen", "declined"),
        ],
    },
    {
        "key": "intro",
        "unit": "htc",
        "title": "Gemensam introduktionsvecka för alla nya i hemtjänsten",
        "problem": "Nya medarbetare går bredvid en kollega några dagar och får sedan klara sig "
        "själva. Vad man lär sig beror på vem man gick bredvid, och många slutar tidigt.",
        "proposal": "Samla alla nyanställda i hemtjänsten till en gemensam introduktionsvecka "
        "varje månad: förflyttningsteknik, dokumentation, hygien, larm och bemötande.",
        "benefit": "Tryggare nya medarbetare, jämnare kvalitet och färre som slutar under "
        "första året.",
        "themes": [KOMPETENS],
        "challenge": "usk",
        "stage": "implemented",
        "path": "test",
        "texts": {
            "criteria": "Minst 85 procent av de nyanställda är kvar efter sex månader; de ger "
            "introduktionen minst 4 av 5.",
            "result": "91 procent av de nyanställda är kvar efter sex månader, jämfört med 72 "
            "procent året innan. Betyget för introduktionen är 4,6 av 5.",
        },
        "variants": [
            ("linden", "Introduktionsfaddrar för sommarvikarier", "implementing"),
        ],
    },
    {
        "key": "cykel",
        "unit": "htc",
        "title": "Elcyklar för hemtjänstens korta resor i centrum",
        "problem": "I centrum ligger brukarna tätt, men personalen kör bil mellan besöken och "
        "letar parkering varje gång.",
        "proposal": "Köp in sex elcyklar med låsbara väskor för pass i centrumområdet och låt "
        "bilarna användas till de längre resorna.",
        "benefit": "Snabbare förflyttning, lägre kostnader för bilar och bättre hälsa för "
        "personalen.",
        "themes": [HALLBAR],
        "stage": "trial",
        "texts": {
            "criteria": "Restiden i centrumområdet minskar med minst 15 procent; minst hälften "
            "av medarbetarna vill fortsätta cykla efter testet.",
        },
    },
    {
        "key": "videotolk",
        "unit": "ifo",
        "title": "Videotolk i stället för tolk på plats",
        "problem": "Det är svårt att boka tolk på plats, och besök ställs in när tolken inte "
        "kommer. Resekostnaderna för tolkarna är höga.",
        "proposal": "Använd videotolk som standard vid planerade möten och boka tolk på plats "
        "bara när det finns särskilda skäl.",
        "benefit": "Färre inställda möten, lägre kostnader och kortare väntetid för familjerna.",
        "themes": [DIGITAL],
        "stage": "implemented",
        "path": "do_now",
    },
    # --- Kultur- och fritidsförvaltningen --------------------------------------------------
    {
        "key": "meroppet",
        "unit": "bibl",
        "title": "Meröppet bibliotek med BankID på kvällar och helger",
        "problem": "Biblioteket har öppet när många arbetar. Studenter och barnfamiljer "
        "efterfrågar kvällar och helger, men vi har inte personal till fler bemannade timmar.",
        "proposal": "Inför meröppet: besökare med lånekort och BankID kan komma in, låna och "
        "lämna tillbaka klockan 7–22 alla dagar, med kameraövervakning och larm.",
        "benefit": "Mer än dubbelt så många öppettimmar utan ökade personalkostnader.",
        "themes": [DIGITAL, DELAKTIG],
        "stage": "implemented",
        "path": "test",
        "texts": {
            "criteria": "Minst 300 besök i månaden under meröppet tid; inga allvarliga "
            "incidenter under testperioden.",
        },
        "variants": [
            ("vagen", "Meröppet gym i badhuset tidiga morgnar", "parked"),
        ],
    },
    {
        "key": "fritidsbank",
        "unit": "bibl",
        "title": "Låna sport- och fritidsutrustning gratis på biblioteket",
        "problem": "Många barn kan inte prova på skidor, skridskor eller fiske eftersom "
        "familjen inte har råd med utrustningen. Samtidigt står begagnad utrustning oanvänd "
        "i förråd.",
        "proposal": "Starta en fritidsbank på biblioteket där alla kan låna utrustning gratis "
        "i två veckor, med skänkt utrustning från invånare och föreningar.",
        "benefit": "Fler barn i rörelse, mindre konsumtion och ett bibliotek som når nya besökare.",
        "themes": [HALLBAR, DELAKTIG],
        "challenge": "unga",
        "stage": "trial",
        "texts": {
            "criteria": "Minst 400 utlån under testperioden; minst hälften till barn och unga.",
        },
    },
    {
        "key": "fredagar",
        "unit": "ungdom",
        "title": "Fritidsgården öppen till midnatt på fredagar",
        "problem": "På fredagskvällar samlas många ungdomar i centrum när fritidsgården har "
        "stängt klockan 22. Det blir otryggt både för dem och för andra.",
        "proposal": "Håll öppet till midnatt på fredagar med extra personal och aktiviteter "
        "som ungdomarna själva väljer, i samarbete med fältassistenterna.",
        "benefit": "Färre ungdomar ute sent utan vuxna och ett tryggare centrum.",
        "themes": [TRYGG, DELAKTIG],
        "challenge": "unga",
        "stage": "evaluated",
        "texts": {
            "criteria": "I snitt minst 40 besökare mellan 22 och 24; färre polisrapporterade "
            "störningar i centrum på fredagskvällar.",
            "result": "I snitt 52 besökare mellan 22 och 24, varav en tredjedel flickor. "
            "Störningarna i centrum minskade, men de sena passen har varit svåra att bemanna.",
        },
        "variants": [
            ("ungdom", "Sena fredagar med idrottshallen öppen", "merged"),
        ],
    },
    {
        "key": "ungabudget",
        "unit": "ungdom",
        "title": "Ungdomsrådet bestämmer över en del av fritidsgårdens budget",
        "problem": "Aktiviteterna på fritidsgården bestäms av personalen. De som kommer är "
        "nöjda, men vi når inte de unga som vill något annat.",
        "proposal": "Låt ungdomsrådet fördela 20 procent av aktivitetsbudgeten och ordna "
        "aktiviteter själva med stöd av en fritidsledare.",
        "benefit": "Fler och nya besökare och unga som lär sig att driva egna projekt.",
        "themes": [DELAKTIG],
        "challenge": "unga",
        "stage": "in_assessment",
    },
    {
        "key": "simbokning",
        "unit": "vagen",
        "title": "Digital bokning av simbanor för föreningar",
        "problem": "Föreningarna bokar banor via mejl och telefon, och bokningarna förs in i "
        "ett kalkylark. Det blir dubbelbokningar och mycket administration.",
        "proposal": "Använd kommunens bokningssystem för lokaler även för simbanorna, så att "
        "föreningarna ser lediga tider och bokar själva.",
        "benefit": "Färre dubbelbokningar, mindre administration och bättre beläggning.",
        "themes": [DIGITAL],
        "stage": "implementing",
        "path": "do_now",
    },
    {
        "key": "simskola",
        "unit": "vagen",
        "title": "Simskola för vuxna nyanlända kvinnor",
        "problem": "Många vuxna som kommit till Sverige de senaste åren kan inte simma. "
        "Kvinnor går sällan till simhallen under allmänhetens tider.",
        "proposal": "Erbjud simskola för vuxna kvinnor två kvällar i veckan, med kvinnliga "
        "instruktörer och avskärmad bassäng, i samarbete med SFI.",
        "benefit": "Fler som kan simma, färre drunkningsolyckor och en simhall för alla.",
        "themes": [TRYGG, DELAKTIG],
        "stage": "implemented",
        "path": "test",
        "texts": {
            "criteria": "Minst 30 deltagare per termin; minst hälften klarar simkunnighetsprovet "
            "efter en termin.",
        },
    },
    {
        "key": "digitalguide",
        "unit": "bibl",
        "title": "Sommarjobbande ungdomar som digitala guider för seniorer",
        "problem": "Många seniorer behöver hjälp med BankID, vårdens e-tjänster och "
        "videosamtal. Samtidigt söker ungdomar sommarjobb.",
        "proposal": "Låt feriearbetande ungdomar vara digitala guider på biblioteket och på "
        "äldreboendena under sommaren, efter en kort utbildning.",
        "benefit": "Seniorer som klarar mer själva och ungdomar som får en meningsfull "
        "första arbetserfarenhet.",
        "themes": [DELAKTIG, DIGITAL, KOMPETENS],
        "stage": "spread",
        "path": "test",
        "texts": {
            "criteria": "Minst 200 handledningstillfällen under sommaren; seniorerna ger "
            "hjälpen minst 4 av 5.",
            "spread": "Äldreboendet Linden och Hemtjänst Centrum tar emot digitala guider varje "
            "sommar. Socialförvaltningen står för hälften av kostnaden.",
        },
    },
    {
        "key": "podd",
        "unit": "ungdom",
        "title": "Poddstudio på fritidsgården",
        "problem": "Flera ungdomar vill göra poddar och musik, men har ingen utrustning eller "
        "tyst plats att spela in på.",
        "proposal": "Bygg om förrådet till en enkel poddstudio med mikrofoner, dator och "
        "ljuddämpning.",
        "benefit": "Ett skapande sammanhang som lockar nya besökare.",
        "themes": [DELAKTIG],
        "stage": "declined",
        "texts": {
            "decline": "Kulturhuset har en fullt utrustad studio som ungdomar kan boka gratis, "
            "men den är nästan okänd. Vi bygger inte en egen studio, men fritidsledarna ordnar "
            "studiobesök och hjälper ungdomarna att boka. Tack för att du lyfte behovet!",
        },
    },
    {
        "key": "lattlast",
        "unit": "bibl",
        "handover": "komm",
        "title": "Lättlästa sammanfattningar av kommunens beslut",
        "problem": "Besökare på biblioteket ber ofta om hjälp att förstå beslut och protokoll "
        "från kommunen. Texterna är svåra även för oss som arbetar här.",
        "proposal": "Gör en lättläst sammanfattning av de viktigaste besluten från varje "
        "kommunfullmäktige och publicera den på webben och i biblioteket.",
        "benefit": "Fler invånare som förstår och kan påverka vad kommunen beslutar.",
        "themes": [DELAKTIG],
        "stage": "in_assessment",
        "texts": {
            "handover": "Sammanfattningarna behöver göras där besluten kommuniceras, så "
            "Kommunikation är rätt ägare. Biblioteket hjälper gärna till att sprida dem.",
        },
    },
    # --- Samhällsbyggnadsförvaltningen ----------------------------------------------------
    {
        "key": "checklista",
        "unit": "bygglov",
        "title": "Interaktiv checklista i e-tjänsten för bygglov",
        "problem": "De flesta ansökningar kommer in ofullständiga. Sökande vet inte vilka "
        "ritningar och handlingar som behövs för just deras åtgärd.",
        "proposal": "Låt e-tjänsten ställa några frågor om vad man vill bygga och visa en "
        "anpassad checklista med exempel innan ansökan kan skickas.",
        "benefit": "Fler kompletta ansökningar, kortare handläggningstid och färre samtal.",
        "themes": [DIGITAL],
        "challenge": "bygglov",
        "stage": "implemented",
        "path": "test",
        "texts": {
            "criteria": "Andelen kompletta ansökningar ökar från 40 till minst 60 procent.",
            "result": "Andelen kompletta ansökningar ökade till 68 procent under testet, och "
            "telefonsamtalen om kompletteringar minskade med en tredjedel.",
        },
        "variants": [
            ("bygglov", "Exempelritningar för vanliga ärenden som altan och carport", "merged"),
        ],
    },
    {
        "key": "forhandsmote",
        "unit": "bygglov",
        "title": "Förhandsmöte via video med bygglovshandläggare",
        "problem": "Sökande som är osäkra ringer många gånger eller skickar in ofullständiga "
        "ansökningar. Fysiska möten är svåra att få till för dem som arbetar.",
        "proposal": "Erbjud bokningsbara förhandsmöten på 20 minuter via video, där sökanden "
        "kan visa skisser och få besked om vad som behövs.",
        "benefit": "Bättre ansökningar från början och nöjdare sökande.",
        "themes": [DIGITAL, DELAKTIG],
        "challenge": "bygglov",
        "stage": "implementing",
        "path": "test",
        "texts": {
            "criteria": "Minst 80 procent av dem som haft förhandsmöte lämnar in en komplett "
            "ansökan; sökande ger mötet minst 4 av 5.",
        },
    },
    {
        "key": "felanmalan",
        "unit": "gatapark",
        "title": "Felanmälan med foto och karta i mobilen",
        "problem": "Felanmälningar om trasiga lampor, potthål och klotter kommer via telefon "
        "och mejl utan exakt plats. Vi får ofta åka ut och leta.",
        "proposal": "En enkel e-tjänst där invånaren tar ett foto, markerar platsen på kartan "
        "och får besked när felet är åtgärdat.",
        "benefit": "Snabbare åtgärder, färre onödiga resor och invånare som ser att de blir "
        "lyssnade på.",
        "themes": [DIGITAL, DELAKTIG],
        "stage": "spread",
        "path": "test",
        "texts": {
            "criteria": "Minst hälften av felanmälningarna kommer via e-tjänsten; tiden till "
            "åtgärd minskar med minst 20 procent.",
            "spread": "Miljö- och hälsoskydd använder tjänsten för nedskräpning och Badhuset "
            "Vågen för felanmälan av utrustning. IT har gjort den till en kommungemensam tjänst.",
        },
    },
    {
        "key": "belysning",
        "unit": "gatapark",
        "title": "Rörelsestyrd belysning på gångstråken i Stadsparken",
        "problem": "Gångstråken i Stadsparken är mörka och upplevs som otrygga. Att ha full "
        "belysning hela natten kostar mycket energi.",
        "proposal": "Byt till LED-armaturer som lyser svagt hela natten och går upp till full "
        "styrka när någon rör sig på stråket.",
        "benefit": "Tryggare park och lägre energiförbrukning.",
        "themes": [TRYGG, HALLBAR],
        "challenge": "trygghet",
        "stage": "trial",
        "texts": {
            "criteria": "Energiförbrukningen för belysningen minskar med minst 40 procent; "
            "andelen som känner sig trygga i parken ökar i trygghetsenkäten.",
        },
        "variants": [
            ("gatapark", "Mer belysning vid busshållplatserna på Norrbyvägen", "submitted"),
        ],
    },
    {
        "key": "angsmark",
        "unit": "gatapark",
        "title": "Ängsmark i stället för klippt gräsmatta",
        "problem": "Vi klipper stora gräsytor som ingen använder, vilket kostar tid, bränsle "
        "och ger ingen biologisk mångfald.",
        "proposal": "Låt fem utvalda gräsytor bli ängsmark som slås en gång per år, med skyltar "
        "som förklarar varför.",
        "benefit": "Mer pollinerande insekter, lägre skötselkostnader och mindre buller.",
        "themes": [HALLBAR],
        "stage": "implemented",
        "path": "do_now",
    },
    {
        "key": "inspapp",
        "unit": "miljo",
        "title": "Inspektionsapp i surfplatta för miljöinspektörer",
        "problem": "Vid inspektioner antecknar vi på papper och skriver sedan in allt i "
        "ärendesystemet på kontoret. Det tar tid och blir ibland fel.",
        "proposal": "Använd ärendesystemets app i surfplatta på plats, med checklistor, foton "
        "och direkt registrering.",
        "benefit": "Mindre efterarbete och snabbare protokoll till verksamhetsutövarna.",
        "themes": [DIGITAL],
        "stage": "evaluated",
        "texts": {
            "criteria": "Tiden för efterarbete per inspektion halveras; protokollen skickas "
            "inom tre dagar.",
            "result": "Efterarbetet minskade med 40 procent, strax under målet. Protokollen "
            "skickas nu i snitt inom två dagar. Appen fungerar dåligt utan mobiltäckning.",
        },
    },
    {
        "key": "samtillsyn",
        "unit": "miljo",
        "title": "Gemensam tillsyn med räddningstjänsten",
        "problem": "Restauranger och skolor får besök av både miljöinspektörer och "
        "räddningstjänsten, ofta med frågor om samma saker.",
        "proposal": "Samordna tillsynen så att vi gör gemensamma besök där det passar och delar "
        "på planeringen.",
        "benefit": "Färre besök för verksamheterna och bättre helhetsbild för oss.",
        "themes": [],
        "stage": "parked",
        "texts": {
            "park": "Räddningstjänsten går över till ett nytt ärendesystem under året. Vi tar upp "
            "idén igen när systemet är infört, så att planeringen kan delas digitalt.",
        },
    },
    {
        "key": "aiplan",
        "unit": "bygglov",
        "title": "AI som tolkar detaljplaner åt handläggarna",
        "problem": "Att läsa in äldre detaljplaner tar lång tid, särskilt planer från 60- och "
        "70-talen med handskrivna bestämmelser.",
        "proposal": "Låt ett AI-verktyg läsa detaljplanen och sammanfatta vad som gäller för "
        "fastigheten i ansökan.",
        "benefit": "Snabbare handläggning och mindre risk att något missas.",
        "themes": [DIGITAL],
        "stage": "declined",
        "texts": {
            "decline": "Vi avslår idén i den här formen. Bedömningen av vad en detaljplan tillåter "
            "är myndighetsutövning som måste kunna förklaras, och verktygen klarar ännu inte de "
            "äldre planerna tillräckligt säkert. Arbetet med att digitalisera detaljplanerna "
            "enligt Boverkets föreskrifter pågår och kommer att ge mycket av samma nytta.",
        },
    },
    {
        "key": "trygghetsvandring",
        "unit": "gatapark",
        "title": "Trygghetsvandringar med boende i Norrby",
        "problem": "Vi vet inte exakt var och varför människor känner sig otrygga i Norrby. "
        "Åtgärder görs utifrån klagomål från ett fåtal.",
        "proposal": "Bjud in boende, föreningar och polisen till trygghetsvandringar två "
        "gånger per år och åtgärda det som kommer fram.",
        "benefit": "Åtgärder där de gör mest nytta och boende som är med och påverkar.",
        "themes": [TRYGG, DELAKTIG],
        "challenge": "trygghet",
        "stage": "implemented",
        "path": "do_now",
        "variants": [
            ("ungdom", "Unga som trygghetsvärdar i centrum på helgkvällar", "in_assessment"),
        ],
    },
    {
        "key": "snorojning",
        "unit": "gatapark",
        "title": "Karta över snöröjningen i realtid",
        "problem": "När det snöar ringer hundratals invånare och undrar när deras gata ska plogas.",
        "proposal": "Visa på webben var plogbilarna har varit, med data från fordonens GPS.",
        "benefit": "Färre samtal och invånare som förstår prioriteringarna.",
        "themes": [DIGITAL],
        "stage": "submitted",
    },
    {
        "key": "miljodiplom",
        "unit": "miljo",
        "title": "Miljödiplomering av kommunens egna verksamheter",
        "problem": "Vi ställer miljökrav på företag men har inget samlat miljöarbete i "
        "kommunens egna verksamheter.",
        "proposal": "Erbjud kommunens förskolor, skolor och kök en enkel miljödiplomering med "
        "stöd av miljöinspektörerna.",
        "benefit": "Ett synligt miljöarbete och trovärdighet i tillsynen.",
        "themes": [HALLBAR],
        "stage": "in_assessment",
    },
    # --- Kommunledningsförvaltningen och stödfunktionerna ---------------------------------
    {
        "key": "semesterrobot",
        "unit": "hr",
        "title": "Robot som registrerar semesterväxling och löneändringar",
        "problem": "Lönekontoret registrerar varje år tusentals ändringar för hand från "
        "blanketter: semesterväxling, löneändringar och tillägg.",
        "proposal": "Låt en automatisering läsa de digitala blanketterna och registrera "
        "ändringarna i lönesystemet, med kontroll av avvikelser.",
        "benefit": "Färre fel i lönen och tid för lönekonsulterna att ge råd till chefer.",
        "themes": [DIGITAL],
        "challenge": "automatisering",
        "stage": "implemented",
        "path": "test",
        "texts": {
            "criteria": "Minst 80 procent av ändringarna registreras utan manuell hantering; "
            "felprocenten blir inte högre än i dag.",
        },
        "variants": [
            ("hr", "Automatisera anställningsavtal för timvikarier", "trial"),
        ],
    },
    {
        "key": "onskeschema",
        "unit": "hr",
        "title": "Önskescheman i bemanningssystemet",
        "problem": "Scheman läggs av chefen och ändras sedan genom byten. Medarbetare med "
        "deltid vill ofta gå upp i tid, men bara på vissa tider.",
        "proposal": "Slå på funktionen för önskescheman i bemanningssystemet så att "
        "medarbetarna lägger sina önskemål och chefen justerar utifrån behovet.",
        "benefit": "Fler som kan gå upp till heltid och större inflytande över arbetstiden.",
        "themes": [HELTID],
        "challenge": "heltid",
        "stage": "trial",
        "texts": {
            "criteria": "Minst 20 procent av de deltidsanställda på testenheterna ökar sin "
            "sysselsättningsgrad; bemanningen täcker behovet.",
        },
    },
    {
        "key": "kompetensbank",
        "unit": "hr",
        "title": "Kompetensbank där medarbetare visar vad de kan",
        "problem": "Vi vet inte vilka språk, utbildningar och erfarenheter medarbetarna har. "
        "När vi behöver en tolk, en projektledare eller någon som kan ett visst system vet "
        "ingen vem man ska fråga.",
        "proposal": "Låt medarbetare frivilligt fylla i sina kompetenser i medarbetarportalen, "
        "sökbart för chefer och HR.",
        "benefit": "Bättre användning av den kompetens som redan finns och fler interna "
        "utvecklingsmöjligheter.",
        "themes": [KOMPETENS],
        "stage": "in_assessment",
        "variants": [
            ("it", "Intern marknad för korta uppdrag mellan förvaltningarna", "submitted"),
        ],
    },
    {
        "key": "avslut",
        "unit": "hr",
        "title": "Digitala avslutningssamtal för alla som slutar",
        "problem": "Bara en del av dem som slutar får ett avslutningssamtal, och svaren samlas "
        "inte någonstans. Vi vet inte varför medarbetare lämnar oss.",
        "proposal": "Skicka en kort digital enkät till alla som säger upp sig och "
        "sammanställ svaren per förvaltning varje kvartal.",
        "benefit": "Underlag för att behålla fler medarbetare.",
        "themes": [KOMPETENS],
        "stage": "implemented",
        "path": "do_now",
    },
    {
        "key": "professionsanalys",
        "unit": "hr",
        "co": ["Marie Öhman"],
        "title": "Professionsanalys av undersköterskans arbetsdag",
        "problem": "Undersköterskor gör många uppgifter som andra yrkesgrupper skulle kunna "
        "göra, medan omvårdnaden får stå tillbaka.",
        "proposal": "Gör en professionsanalys på två enheter: kartlägg vad undersköterskorna "
        "gör under en vecka och pröva att flytta uppgifter till serviceassistenter.",
        "benefit": "Mer tid till omvårdnad och en tydligare yrkesroll.",
        "themes": [KOMPETENS],
        "challenge": "usk",
        "stage": "implementing",
        "path": "test",
        "texts": {
            "criteria": "Undersköterskornas tid för omvårdnad ökar med minst 15 procent; "
            "serviceassistenterna är fullt sysselsatta.",
        },
    },
    {
        "key": "bankid",
        "unit": "it",
        "title": "Återställ lösenordet själv med BankID",
        "problem": "Var tredje ärende till IT-supporten handlar om glömda lösenord. "
        "Medarbetare som jobbar kväll och helg blir utan inloggning tills supporten öppnar.",
        "proposal": "Inför självbetjäning där medarbetaren återställer sitt lösenord med "
        "BankID, dygnet runt.",
        "benefit": "Färre supportärenden och inga medarbetare som står utan inloggning.",
        "themes": [DIGITAL],
        "stage": "spread",
        "path": "test",
        "texts": {
            "criteria": "Ärendena om lösenord minskar med minst 60 procent.",
            "spread": "Självbetjäningen används nu i alla förvaltningar, först ut efter IT var "
            "hemtjänsten och äldreboendena som arbetar kvällar och helger.",
        },
    },
    {
        "key": "inspiratorskanal",
        "unit": "komm",
        "by": "Omar Haddad",
        "title": "Gemensam kanal för idéinspiratörerna",
        "problem": "Idéinspiratörerna sitter i olika förvaltningar och träffas bara på "
        "nätverksträffarna. Tips och frågor mellan träffarna försvinner i mejl.",
        "proposal": "Skapa en gemensam kanal i samarbetsverktyget med mallar, tips och en "
        "fråga-svar-tråd, och lyft goda exempel varje månad.",
        "benefit": "Ett levande nätverk och snabbare spridning av goda idéer.",
        "themes": [DELAKTIG],
        "stage": "implementing",
        "path": "do_now",
    },
    {
        "key": "klarsprak",
        "unit": "komm",
        "title": "Klarspråksgranskning av beslutsbrev",
        "problem": "Många invånare ringer för att de inte förstår beslutsbrev från kommunen. "
        "Breven är skrivna för juristerna snarare än för mottagaren.",
        "proposal": "Låt kommunikatörerna klarspråksgranska de tio vanligaste beslutsmallarna "
        "tillsammans med handläggarna, och testa de nya breven på invånare.",
        "benefit": "Färre samtal, färre överklaganden på grund av missförstånd och bättre service.",
        "themes": [DELAKTIG],
        "stage": "trial",
        "texts": {
            "criteria": "Samtalen med frågor om de granskade breven minskar med minst 25 procent.",
        },
    },
    {
        "key": "mobilattest",
        "unit": "ekonomi",
        "title": "Attestera fakturor i mobilen",
        "problem": "Chefer som sällan sitter vid datorn attesterar fakturor sent, vilket ger "
        "påminnelseavgifter och dröjsmålsräntor.",
        "proposal": "Aktivera mobilattest i ekonomisystemet så att chefer kan attestera direkt "
        "i telefonen.",
        "benefit": "Färre förseningsavgifter och mindre stress för cheferna.",
        "themes": [DIGITAL],
        "stage": "implementing",
        "path": "do_now",
    },
    {
        "key": "seniorpool",
        "unit": "hr",
        "title": "Seniorpool med pensionerade medarbetare som timvikarier",
        "problem": "Vikariebristen är stor på sommaren, samtidigt som många nyblivna "
        "pensionärer gärna jobbar några pass ibland.",
        "proposal": "Bygg upp en seniorpool där pensionerade medarbetare kan anmäla sig som "
        "timvikarier, med förenklad anställning och egen kontaktperson på HR.",
        "benefit": "Erfarna vikarier som redan kan verksamheten och mindre stress under "
        "semesterperioden.",
        "themes": [KOMPETENS],
        "challenge": "langre",
        "stage": "parked",
        "texts": {
            "park": "Idén passar väl in i utmaningen om ett längre arbetsliv. Vi parkerar den "
            "tills pensionsavtalets nya regler för arbete efter 68 är klara i vår, så att "
            "anställningsformen blir rätt från början.",
        },
    },
    {
        "key": "chattbot",
        "unit": "komm",
        "handover": "it",
        "title": "Chattbot på webben för invånarnas vanligaste frågor",
        "problem": "Kontaktcenter får samma frågor om och om igen: öppettider, sophämtning, "
        "skolval och bygglov.",
        "proposal": "En chattbot på webbplatsen som svarar på de vanligaste frågorna dygnet "
        "runt och lämnar över till en handläggare när den inte kan svara.",
        "benefit": "Snabbare svar för invånarna och mer tid för de svårare frågorna.",
        "themes": [DIGITAL],
        "stage": "declined",
        "texts": {
            "handover": "Idén kräver en teknisk plattform och avtal, så IT är rätt ägare. "
            "Kommunikation är gärna med och tar fram svaren.",
            "decline": "Vi har utvärderat två chattbotar och båda gav för många felaktiga svar "
            "på våra frågor. Vi satsar i stället på bättre sök och tydligare svar på webben, "
            "som Kommunikation arbetar med i år. Tack för förslaget!",
        },
    },
    {
        "key": "sjukanmalan",
        "unit": "hr",
        "title": "Sjukanmälan i app med automatisk vikarieförfrågan",
        "problem": "Sjukanmälningar kommer tidigt på morgonen via telefon. Chefen eller "
        "planeraren ringer sedan runt till vikarier, ofta i en timme eller mer.",
        "proposal": "Låt medarbetaren sjukanmäla sig i en app som automatiskt skickar "
        "förfrågan till lämpliga vikarier, och den som svarar först får passet.",
        "benefit": "Snabbare bemanning och mindre tid i telefon för chefer och planerare.",
        "themes": [DIGITAL, KOMPETENS],
        "stage": "stopped",
        "texts": {
            "criteria": "Minst 70 procent av passen bemannas via automatisk förfrågan; tiden "
            "för att bemanna ett pass halveras.",
            "result": "Bara 35 procent av passen bemannades via appen. Vikarierna svarade inte "
            "på sms tidigt på morgonen.",
            "stop": "Vi avslutar testet. Lärdomar: tekniken fungerade, men vikarierna vill bli "
            "tillfrågade personligt och planerar sina veckor i förväg. Det som gav mest var "
            "att vikarierna kunde lägga in sin tillgänglighet en vecka framåt – den delen "
            "behåller vi. Sjukanmälan i app fungerade bra och tas vidare i ett eget förslag.",
        },
    },
    {
        "key": "arbetsklader",
        "unit": "htc",
        "handover": "hr",
        "title": "Arbetskläder som kommunen tvättar även i hemtjänsten",
        "problem": "På äldreboendena tvättas arbetskläderna av kommunen, men i hemtjänsten "
        "tvättar personalen sina kläder hemma. Det är en hygienrisk.",
        "proposal": "Ge hemtjänstens personal samma arbetskläder och tvättservice som på "
        "äldreboendena.",
        "benefit": "Bättre hygien, lika villkor och en mer attraktiv arbetsplats.",
        "themes": [KOMPETENS],
        "stage": "in_assessment",
        "texts": {
            "handover": "Arbetskläder och tvättservice upphandlas kommungemensamt och regleras "
            "i HR:s riktlinjer, så HR är rätt ägare.",
        },
    },
    {
        "key": "kontaktvag",
        "unit": "klf",
        "title": "Ett telefonnummer och en väg in till kommunen",
        "problem": "Invånarna måste veta vilken förvaltning som ansvarar för vad. Många blir "
        "kopplade flera gånger innan de når rätt person.",
        "proposal": "Samla alla inkommande samtal och mejl i ett kontaktcenter med en gemensam "
        "kunskapsbank, som löser enklare ärenden direkt.",
        "benefit": "Bättre service och handläggare som kan arbeta ostört med sina ärenden.",
        "themes": [DELAKTIG, DIGITAL],
        "stage": "submitted",
    },
    {
        "key": "aterbruk",
        "unit": "ekonomi",
        "title": "Intern återbruksportal för möbler och utrustning",
        "problem": "Förvaltningarna köper nya kontorsmöbler samtidigt som fullt användbara "
        "möbler står i källare och förråd eller slängs vid flyttar.",
        "proposal": "En intern annonsportal där enheter lägger upp möbler och utrustning de inte "
        "behöver, och andra enheter kan hämta dem gratis.",
        "benefit": "Lägre inköpskostnader och mindre avfall.",
        "themes": [HALLBAR],
        "stage": "stopped",
        "texts": {
            "criteria": "Minst 150 möbler återbrukas under testperioden; inköpen av nya möbler "
            "minskar med minst 20 procent.",
            "result": "62 möbler återbrukades. Portalen var lätt att använda, men många annonser "
            "låg kvar eftersom ingen kunde hämta.",
            "stop": "Vi avslutar testet i den här formen. Lärdom: portalen var inte problemet – "
            "transporterna var det. Ingen enhet hade tid eller bil att hämta möbler. Om idén tas "
            "upp igen behöver transporten ingå från början, till exempel via fastighetsservice. "
            "Erfarenheterna lämnas till arbetet med kommunens avfallsplan.",
        },
    },
    {
        "key": "vikariepool",
        "unit": "ubf",
        "title": "Gemensam vikariepool för förskolorna",
        "problem": "Varje förskola ringer sina egna vikarier tidigt på morgonen, och samma "
        "vikarie kan få tre samtal medan en annan förskola står utan.",
        "proposal": "Samla förskolornas vikarier i en gemensam pool med en bemanningsansvarig "
        "som fördelar passen varje morgon.",
        "benefit": "Färre obemannade pass och mindre tid för förskolecheferna i telefon.",
        "themes": [KOMPETENS],
        "stage": "stopped",
        "texts": {
            "criteria": "Minst 95 procent av vikariebehoven täcks; förskolechefernas tid för "
            "bemanning halveras.",
            "result": "92 procent av behoven täcktes, ungefär som tidigare. Cheferna sparade tid, "
            "men barn och vårdnadshavare mötte fler okända vuxna.",
            "stop": "Vi avslutar testet. Lärdom: för de yngsta barnen väger kontinuiteten tyngre "
            "än effektiviteten. Vikarier som återkommer till samma förskola fungerar bättre än "
            "en gemensam pool. Den bemanningsansvariga funktionen behålls för långa vikariat.",
        },
    },
    {
        "key": "foreningsbidrag",
        "unit": "kof",
        "title": "E-tjänst för föreningsbidrag med förifyllda uppgifter",
        "problem": "Föreningarna fyller i samma uppgifter om medlemmar och aktiviteter varje år "
        "på pappersblanketter, och handläggarna skriver in dem igen.",
        "proposal": "En e-tjänst där föreningens uppgifter från förra året är förifyllda och "
        "deltagartal hämtas direkt från närvarosystemet.",
        "benefit": "Mindre administration för ideella ledare och snabbare utbetalning.",
        "themes": [DIGITAL, DELAKTIG],
        "stage": "trial",
        "texts": {
            "criteria": "Minst 80 procent av föreningarna söker via e-tjänsten; "
            "handläggningstiden halveras.",
        },
    },
    {
        "key": "bemotande",
        "unit": "linden",
        "title": "Utbildning i lågaffektivt bemötande för all personal",
        "problem": "Boende med demens blir ibland oroliga eller utåtagerande i omvårdnaden, "
        "och personalen känner sig osäker på hur de ska bemöta det.",
        "proposal": "Ge all personal en halvdags utbildning i lågaffektivt bemötande och "
        "utse handledare som stöttar i vardagen.",
        "benefit": "Lugnare boende, färre tillbud och tryggare medarbetare.",
        "themes": [KOMPETENS, TRYGG],
        "stage": "submitted",
    },
    {
        "key": "sommaraktiviteter",
        "unit": "ungdom",
        "by": "Nils Forslund",
        "title": "Gemensamt sommarprogram med biblioteket",
        "problem": "Fritidsgården och biblioteket gör var sitt sommarprogram, ofta med "
        "aktiviteter samma dagar och för samma åldrar.",
        "proposal": "Gör ett gemensamt sommarprogram och en gemensam folder, och fördela "
        "kvällar och veckor mellan verksamheterna.",
        "benefit": "Fler aktiviteter för samma pengar och lättare för familjerna att hitta.",
        "themes": [DELAKTIG],
        "stage": "draft",
    },
    {
        "key": "inloggning",
        "unit": "htn",
        "by": "Goran Petrović",
        "title": "Snabbare inloggning på de delade datorerna i hemtjänsten",
        "problem": "Det tar flera minuter att logga in på de gemensamma datorerna på "
        "morgonen, och alla ska dokumentera samtidigt.",
        "proposal": "Inloggning med tjänstekortet och färre program som startar automatiskt.",
        "benefit": "Mer tid hos brukarna och mindre irritation.",
        "themes": [DIGITAL],
        "stage": "draft",
    },
    {
        "key": "bokcirkel",
        "unit": "bibl",
        "by": "René Jönsson",
        "title": "Bokcirklar på lätt svenska",
        "problem": "Många som läser svenska som andraspråk vill öva, men våra bokcirklar "
        "läser böcker som är för svåra.",
        "proposal": "Starta bokcirklar med lättlästa böcker, i samarbete med SFI och "
        "studieförbunden.",
        "benefit": "Fler som läser och ett bibliotek som är en mötesplats för alla.",
        "themes": [DELAKTIG],
        "stage": "draft",
    },
]

# ---------------------------------------------------------------------------------------------
# Words around the decisions: used when an idea has no text of its own for the outcome.
# Placeholders: {owner} (the named owner), {unit} (the owner unit), {target} (hand-over unit).
# ---------------------------------------------------------------------------------------------
REASONS = {
    "take": [
        "",
        "Vi tar upp idén på förvaltningens ledningsgrupp och återkommer.",
        "Tack för idén! Jag går igenom den med enhetschefen under veckan.",
        "Idén bedöms tillsammans med liknande förslag i förvaltningen.",
    ],
    "do_now": [
        "Enkel förbättring som ryms i enhetens driftbudget. Vi genomför den direkt och "
        "{owner} ansvarar för att den kommer på plats.",
        "Förslaget kräver ingen upphandling och nyttan är tydlig. Vi inför det stegvis under "
        "kommande månad och följer upp på APT.",
        "Låg kostnad och stor nytta i vardagen. Vi genomför direkt efter att ha stämt av med "
        "skyddsombudet.",
    ],
    "test": [
        "Idén svarar mot ett behov som många lyfter, men vi vet inte om effekten blir den vi "
        "hoppas. Vi testar i liten skala först.",
        "Förslaget har brett stöd i arbetsgruppen. Ett avgränsat test ger oss underlag innan vi "
        "bestämmer om ett införande i hela förvaltningen.",
        "Stor potential för kompetensförsörjningen. Mottagande enhet har avsatt tid och pengar "
        "så att ett lyckat resultat kan tas vidare direkt.",
        "Testet görs på en enhet under en begränsad period med tydliga framgångskriterier. "
        "Vi följer upp i samband med tertialrapporten.",
    ],
    "park": [
        "Bra idé, men budgeten för i år är redan fördelad. Vi tar upp den igen inför "
        "budgetarbetet.",
        "Vi väntar tills det nya verksamhetssystemet är infört, annars riskerar vi att göra "
        "samma arbete två gånger.",
        "Idén hänger ihop med en kommungemensam utredning som pågår. Vi tittar på den igen när "
        "utredningen är klar.",
    ],
    "decline": [
        "Tack för ett genomtänkt förslag! Vi går inte vidare nu eftersom kostnaden bedöms bli "
        "för hög i förhållande till nyttan. Du är välkommen att utveckla idén vidare "
        "tillsammans med en idéinspiratör.",
        "Förslaget krockar med ett gällande avtal som löper till och med nästa år. Vi tar med "
        "dina synpunkter till nästa upphandling.",
        "Vi har redan ett liknande arbetssätt i förvaltningen men har inte informerat om det "
        "tillräckligt. Vi ser över informationen i stället – tack för att du uppmärksammade det.",
    ],
    "hand_over": [
        "Idén hör till ansvarsområdet för {target}, så vi lämnar över den dit. Vi finns kvar "
        "som stöd.",
        "{target} äger frågan och har resurserna för att pröva idén. Vi lämnar över den och "
        "följer arbetet.",
    ],
    "merge": [
        "Samma förslag som en tidigare inskickad idé. Vi slår ihop dem så att allt stöd och "
        "alla kommentarer samlas på ett ställe.",
        "Idén är i praktiken densamma som en idé som redan bedöms. Vi slår samman dem och tar "
        "med dina synpunkter.",
    ],
    "reopen": [
        "Förutsättningarna har ändrats och vi tar upp idén igen.",
        "Det finns nu utrymme i budgeten, så vi bedömer idén på nytt.",
    ],
    "evaluate_good": [
        "Framgångskriterierna är uppfyllda. Uppföljningen visar att personalen sparar tid och "
        "att de vi är till för är nöjda. Mottagande enhet är redo att ta över.",
        "Testet föll väl ut: målen nåddes med god marginal och inga negativa effekter har "
        "rapporterats.",
        "Resultatet blev bättre än väntat. Några rutiner behöver justeras inför införandet, men "
        "kriterierna är uppfyllda.",
    ],
    "evaluate_mixed": [
        "Delvis uppfyllt: tidsbesparingen nåddes men användningen var ojämn mellan arbetslagen. "
        "Vi behöver förstå varför innan vi bestämmer oss.",
        "Resultaten är lovande men underlaget är litet, eftersom testet påverkades av hög "
        "sjukfrånvaro under perioden.",
    ],
    "evaluate_bad": [
        "Framgångskriterierna nåddes inte. Tekniken fungerade, men arbetssättet passade inte in i "
        "vardagen på enheten.",
        "Testet visar ingen mätbar effekt på tidsåtgången. Deltagarna upplevde däremot arbetet "
        "som mer förutsägbart.",
    ],
    "implement": [
        "Införandet sker stegvis under kommande termin. {owner} ansvarar, arbetssättet skrivs in "
        "i verksamhetsplanen och följs upp i tertialrapporten.",
        "Vi inför arbetssättet på hela enheten från nästa schemaperiod. Alla medarbetare går "
        "igenom det på APT och effekterna följs upp efter sex månader.",
        "Resultatet från testet håller. {unit} tar över arbetssättet i ordinarie drift med "
        "{owner} som ansvarig och budget avsatt i verksamhetsplanen.",
    ],
    "test_again": [
        "Vi testar igen med en justering: den här gången är även kvälls- och helgpersonalen "
        "med, och vi mäter tidsåtgången på samma sätt före och efter.",
        "Testet fortsätter en period till på en andra enhet, för att se om resultatet håller "
        "när förutsättningarna är andra.",
    ],
    "stop": [
        "Vi avslutar testet. Lärdom: arbetssättet krävde mer tid att lära in än vi räknat med, "
        "och den tiden fanns inte under en period med hög sjukfrånvaro.",
        "Vi avslutar testet. Lärdom: behovet var mindre än vi trodde när vi mätte det på "
        "riktigt. Mätmetoden från testet används nu i andra förbättringsarbeten.",
    ],
    "complete": [
        "Arbetssättet är nu en del av den ordinarie verksamheten. Rutinen finns i "
        "ledningssystemet och {owner} äger den.",
        "Överlämningen är klar: ansvaret ligger hos {unit}, kostnaden finns i driftbudgeten och "
        "uppföljningen görs i årsberättelsen.",
        "Införandet är klart enligt plan. Effekterna följs upp vid nästa delårsrapport.",
    ],
    "spread": [
        "{units} har infört arbetssättet efter att ha sett resultaten.",
        "Fler enheter har tagit efter: {units} arbetar nu på samma sätt, med stöd av {unit}.",
    ],
}

GENERIC_CRITERIA = [
    "Minst 80 procent av medarbetarna använder arbetssättet efter testperioden; de vi är till "
    "för ger det minst 4 av 5 i uppföljningen.",
    "Tidsåtgången minskar med minst 20 procent jämfört med mätningen före testet.",
    "Arbetssättet fungerar under hela testperioden utan att kvaliteten för dem vi är till för "
    "blir sämre, och medarbetarna vill fortsätta.",
]

# Opening lines that make a re-raised idea read like its own submission.
VARIANT_OPENERS = [
    "Vi har pratat om det här på arbetsplatsträffen på {unit}. ",
    "Det här gäller oss på {unit} också. ",
    "Förslag från personalgruppen på {unit}. ",
    "Vi på {unit} har samma erfarenhet. ",
    "Jag har sett att andra har lyft liknande saker, men hos oss på {unit} är det extra tydligt. ",
]

# ---------------------------------------------------------------------------------------------
# Comments. Placeholder {first}: the first name of the idea's submitter.
# ---------------------------------------------------------------------------------------------
COMMENTS = {
    # From someone in the same department, without a deciding role.
    "colleague": [
        "Jag stöttar det här – det skulle spara mycket tid i vardagen.",
        "Har ni tänkt på hur det fungerar för dem som jobbar kväll och helg?",
        "Jag tror Linköping har testat något liknande. Kanske värt att ringa dem?",
        "Viktigt att skyddsombudet är med tidigt om det påverkar scheman och arbetsmiljö.",
        "Ja! Det här har vi pratat om i flera år. Skönt att någon skrev ner det.",
        "Tack {first}! Det här skulle göra stor skillnad i vardagen.",
        "Jag undrar vad det kostar. Finns det något liknande som vi redan har licens för?",
        "Vi gjorde något liknande på min förra arbetsplats. Det fungerade bra när alla fick "
        "en ordentlig introduktion, annars föll det ganska snabbt.",
        "Det viktigaste är att det blir enkelt. Om det tar längre tid än i dag kommer ingen "
        "att använda det.",
        "Håller med. Och tänk på att inte alla är vana vid digitala verktyg – det behövs "
        "stöd i början.",
    ],
    # From someone in another unit.
    "other_unit": [
        "Bra idé! Vi har precis samma problem hos oss.",
        "Kan vi vara med om det blir ett test? Vi är en liten enhet men väldigt motiverade.",
        "Intressant! Hör gärna av er om ni vill ha någon att bolla med – vi funderar på samma sak.",
    ],
    "inspirer": [
        "Jag hjälper gärna till att formulera framgångskriterierna. Hör av dig, så bokar vi "
        "en halvtimme.",
        "Tips: prata med några av dem det berör innan ni bestämmer lösningen – det är steget "
        "Undersöka i Innovationsguiden.",
        "Fin idé, {first}! Vill du presentera den på nästa idéverkstad? Där kan fler bygga "
        "vidare på den.",
        "Det finns en liknande idé i en annan förvaltning. Jag kopplar ihop er.",
        "Tänk på att skriva ner vad ni vill uppnå innan ni börjar, så blir det lättare att "
        "veta om testet lyckades.",
    ],
    # From the handler or the department's innovation lead, before the idea is decided on.
    "lead": [
        "Tack för idén! Jag har tagit upp den på ledningsgruppen och återkommer efter nästa möte.",
        "Kan du uppskatta ungefär hur många timmar i veckan det handlar om? Det behöver vi "
        "för bedömningen.",
        "Idén passar bra in i förvaltningens verksamhetsplan. Jag tar med den i vår översikt.",
        "Vi behöver stämma av med IT innan vi går vidare. Jag har skickat en fråga.",
        "Jag har pratat med enhetschefen – vi vill gärna gå vidare, men behöver hitta en "
        "mottagare som kan ta över om det faller väl ut.",
    ],
    "submitter": [
        "Tack för alla kommentarer! Jag har fått flera bra tips att ta med.",
        "Tack för stödet! Det känns bra att fler ser samma behov.",
        "Vi har pratat om det i arbetslaget och alla vill vara med och testa.",
        "Bra synpunkter! Vi tar med dem när vi går vidare.",
    ],
    "support_it": [
        "IT här: det finns redan en licens för detta i vårt avtal, så kostnaden blir låg. "
        "Vi hjälper gärna till med uppsättningen.",
        "Från IT: tänk på att informationssäkerheten behöver klassas innan ni börjar. Vi har "
        "en mall och hjälper till.",
        "Vi på IT ser att samma behov finns i flera förvaltningar. Kanske kan vi göra det "
        "gemensamt?",
    ],
    "support_hr": [
        "HR: det här ligger helt i linje med kommunens arbete med kompetensförsörjning. Vi är "
        "gärna med som partner.",
        "Från HR: om det påverkar scheman eller arbetstider behöver vi förhandla med facket "
        "först. Hör av er så planerar vi det tillsammans.",
        "Spännande ur kompetensförsörjningsperspektiv! Vi kan hjälpa till att mäta effekten "
        "på personalomsättningen.",
    ],
    "after_test": [
        "Spännande att det blir ett test! Säg till om ni behöver fler som provar.",
        "Hur länge pågår testet? Vi är nyfikna på resultatet.",
        "Äntligen! Lycka till med testet.",
    ],
    "after_decline": [
        "Synd, men jag förstår motiveringen. Kanske värt att ta upp igen längre fram.",
        "Tack för ett tydligt svar. Bra att veta vad som redan finns.",
    ],
    "after_park": [
        "Skönt att idén inte är glömd. Vi påminner när det är dags!",
    ],
    "after_implemented": [
        "Stort tack till alla som drev det här. Det märks varje dag.",
        "Det här har verkligen blivit en del av vardagen nu. Svårt att minnas hur vi gjorde innan.",
    ],
    # After implementation, from someone in another unit.
    "after_implemented_other": [
        "Vi har börjat använda det här på vår enhet också – fungerar jättebra!",
        "Finns det en beskrivning av hur ni gjorde? Vi vill gärna göra likadant.",
    ],
}
