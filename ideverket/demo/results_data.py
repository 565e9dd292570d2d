"""What happens after the decisions in the demo: trials, implementations, effects and lessons.

Keyed by the idea's key in `data.IDEAS` (a variant's key is "base:unit", e.g. "intro:linden").
The builder (`results.py`) plays this through the trial, implementation, effects and lessons
actions, at the moments the idea's history reaches them. Anything missing for an idea falls
back to the generic texts at the end of this module, so every idea that reaches a trial or an
implementation gets a plan, status updates and milestones.

Trials (`TRIALS[key]`):
  hypothesis, plan, participants  what the trial sets out to show, how and with whom
  updates     [(health, text), …] status updates while the (last) trial runs
  results     [(result, note), …] one per success criterion, in order, at the evaluation
  lessons     what was learned (becomes a Lesson with the evaluation)
  again       the same keys for the first trial of an idea that was tested again, plus its
              evaluation summary
  effects     effects expected of the trial itself (ideas that were not implemented)

Implementations (`IMPLEMENTATIONS[key]`):
  milestones  2–4 milestone titles
  effects     effects expected of the idea, with the values measured at each follow-up
  lesson      (title, text) of what worked, recorded some weeks after the handover

An effect is a dict: kind, description, target, and optionally baseline, indicator, unit (a
unit key where the benefit arises, if not the idea's own unit), measured (a value per
follow-up, the latest counts as realised) and notes (a note per measurement).
"""

HOURS = "hours_per_year"
KRONOR = "kronor_per_year"
QUALITY = "quality"
FTE = "fte_freed"
FULL_TIME = "made_full_time"
TASKS = "tasks_moved"
LONGER = "longer_working_life"

MET, PARTLY, NOT_MET = "met", "partly", "not_met"
GREEN, YELLOW, RED = "green", "yellow", "red"

# The person who owns a running trial and has left the municipality (flagged: owner inactive).
OWNER_LEFT = ("cykel", "Marie Öhman")
# Running items whose committed period has run out without anyone extending it (flagged).
OVERDUE_TRIALS = {"klarsprak"}
OVERDUE_IMPLEMENTATIONS = {"sprakombud"}

# ---------------------------------------------------------------------------------------------
# Trials
# ---------------------------------------------------------------------------------------------
TRIALS = {
    # --- Utbildningsförvaltningen ----------------------------------------------------------
    "planeringsbank": {
        "hypothesis": "Om ämneslagen delar sina planeringar på ett ställe behöver färre lärare "
        "börja från noll, och planeringstiden minskar med minst en timme i veckan per lärare.",
        "plan": "Ämneslagen i matematik och svenska lägger upp sina planeringar i en gemensam "
        "mapp i lärplattformen med samma struktur: mål, upplägg, material och bedömningsstöd. "
        "Lärarna loggar sin planeringstid fyra veckor före och fyra veckor under testet.",
        "participants": "Ämneslagen i matematik och svenska på Ekbackeskolan, 14 lärare. "
        "Johanna Björk ansvarar för strukturen och Erik Andersson för tidsloggningen.",
        "updates": [
            (
                GREEN,
                "Alla 14 lärare har loggat in och 46 planeringar ligger uppe. "
                "Matematiklaget är mest aktivt.",
            ),
            (
                YELLOW,
                "Svenskalaget delar mindre än vi hoppats – flera vill inte visa material "
                "som inte är färdigt. Vi tar fram en enkel mall och pratar om det på nästa "
                "ämneslagsmöte.",
            ),
        ],
        "effects": [
            {
                "kind": HOURS,
                "description": "Mindre planeringstid för lärarna i ämneslagen när planeringar "
                "delas i stället för att göras om.",
                "target": 500,
                "measured": [180],
                "notes": ["Tidsloggning under de första fyra veckorna, uppräknad till ett läsår."],
            },
        ],
    },
    "lararassistent": {
        "hypothesis": "Om två lärarassistenter tar rastvakter, kopiering och beställningar frigör "
        "lärarna minst tre timmar i veckan, utan att tryggheten på rasterna blir sämre.",
        "plan": "Två lärarassistenter anställs på visstid för vårterminen. De tar alla "
        "rastvakter, sköter kopiering och bokningar och hämtar elever som inte kommit till "
        "lektionen. Lärarna loggar sin tid två veckor före och två veckor i slutet av terminen.",
        "participants": "Lärarna i årskurs 7–9 på Västerportskolan (22 lärare), två "
        "lärarassistenter och elevrådet, som följer upp tryggheten på rasterna.",
        "updates": [
            (GREEN, "Assistenterna är på plats och har tagit över alla rastvakter från vecka 4."),
            (
                GREEN,
                "Tidsloggningen visar att lärarna frigjort drygt tre timmar i veckan. "
                "Elevrådet säger att det känns lugnare i korridorerna.",
            ),
        ],
        "results": [
            (MET, "I snitt 3,5 timmar i veckan per lärare enligt tidsloggningen."),
            (
                MET,
                "Rastvakten har varit bemannad alla raster utom två sjukdagar, då "
                "resursläraren gick in.",
            ),
            (MET, "Trivselenkäten gick från 3,8 till 3,9 av 5."),
        ],
        "lessons": "Det som frigjorde mest tid var inte rastvakterna utan att någon annan "
        "hämtade elever som inte kommit till lektionen. Gör en enkel tidslogg innan ni börjar, "
        "annars går det inte att visa vad assistenterna faktiskt tog över. Lärarna behövde "
        "några veckor på sig att släppa uppgifterna.",
    },
    "laxhjalp": {
        "hypothesis": "Om läxhjälpen ligger på kvällstid på biblioteket kommer fler elever än "
        "till skolans läxhjälp direkt efter lektionerna, också de som har träning eller syskon "
        "att hämta.",
        "plan": "Läxhjälp tisdagar och torsdagar kl. 17–19 i bibliotekets studiehörna, med "
        "lärarstudenter och volontärer och en lärare i matematik från Ekbackeskolan på "
        "torsdagarna. Närvaron räknas varje kväll och mentorerna påminner sina klasser varje "
        "vecka.",
        "participants": "Elever i årskurs 6–9 från Ekbackeskolan och Västerportskolan. Två "
        "lärarstudenter, tre volontärer från föreningslivet, bibliotekarierna på kvällspasset.",
        "updates": [
            (GREEN, "Torsdagarna med lärare i matematik är välbesökta, i snitt 18 elever."),
            (
                YELLOW,
                "Tisdagarna är fortfarande glesa, runt nio elever. Vi flyttar tisdagen "
                "till måndag efter jullovet och frågar eleverna vilken dag som passar.",
            ),
        ],
        "again": {
            "updates": [
                (
                    GREEN,
                    "De första kvällarna kom runt 20 elever, mest från årskurs 9 inför de "
                    "nationella proven.",
                ),
                (
                    YELLOW,
                    "Efter proven har besöken sjunkit till 8–10 elever per kväll. "
                    "Volontärerna undrar om det är lönt att fortsätta.",
                ),
            ],
            "results": [
                (NOT_MET, "I snitt 11 elever per kväll, många under proven och få efteråt."),
                (MET, "Eleverna gav läxhjälpen 4,5 av 5 och vårdnadshavarna 4,3."),
            ],
            "summary": "Ett av två kriterier är uppfyllt: elever och vårdnadshavare är mycket "
            "nöjda, men i snitt kom 11 elever per kväll i stället för 15. Vi testar igen med en "
            "lärare i matematik på plats och tydligare information via mentorerna.",
            "lessons": "Besöken följde skolans provperioder. Kvällsläxhjälp behöver "
            "marknadsföras av mentorerna varje vecka, inte bara vid terminsstart. Frågorna "
            "gällde oftast matematik, så en lärare i matematik på plats gör störst skillnad.",
        },
    },
    "odling": {
        "hypothesis": "Om barnen själva sår, sköter och skördar blir naturvetenskap och "
        "hållbarhet en del av vardagen, och barnen smakar på grönsaker de annars väljer bort.",
        "plan": "Sex odlingslådor byggs med barnen under april. Varje avdelning har ansvar för "
        "en låda och ett tema per termin. Skörden används i förskolans kök och vårdnadshavarna "
        "svarar på en kort enkät i slutet av testet.",
        "participants": "Alla fyra avdelningar på Förskola Solrosen, 68 barn. Emma Karlsson "
        "samordnar, köket tar emot skörden.",
        "updates": [
            (
                GREEN,
                "Lådorna är byggda och sådda. Barnen vattnar efter ett schema de gjort själva.",
            ),
            (
                GREEN,
                "Första skörden av rädisor och sallad serverades i veckan. Flera barn som "
                "aldrig äter sallad smakade.",
            ),
        ],
        "results": [
            (MET, "Alla fyra avdelningar har haft odlingen som tema, två av dem båda terminerna."),
            (MET, "Vårdnadshavarna gav arbetet 4,6 av 5."),
        ],
        "lessons": "Låt barnen göra schemat för vattning själva – då blir det av även under "
        "semesterveckorna. Planera sommaren i förväg med köket och vaktmästaren. Det som "
        "engagerade vårdnadshavarna mest var bilderna i förskoleappen.",
    },
    "schemaapp": {
        "hypothesis": "Om vårdnadshavarna själva lägger in vistelsetiderna i appen blir "
        "bemanningen säkrare och personalen slipper föra över lappar och sms.",
        "plan": "Schemafunktionen i förskoleappen slås på för Förskola Ekorren. "
        "Vårdnadshavarna får en instruktion på fem språk och hjälp vid hämtning de två första "
        "veckorna. Personalen loggar sin tid för schemaadministration före och under testet.",
        "participants": "Förskola Ekorren, tre avdelningar och vårdnadshavare till 52 barn.",
        "updates": [
            (GREEN, "Tre av fyra vårdnadshavare har lagt in tiderna själva efter två veckor."),
            (
                YELLOW,
                "En grupp vårdnadshavare med skiftarbete har svårt att lägga in tiderna tre "
                "dagar i förväg. Vi pratar med dem om hur de vill göra.",
            ),
        ],
        "results": [
            (
                PARTLY,
                "87 procent av vårdnadshavarna lägger in sina tider i appen. De som inte "
                "gör det har ofta scheman som ändras med kort varsel.",
            ),
            (MET, "Tiden för schemaadministration gick från cirka fem till två timmar i veckan."),
        ],
        "lessons": "Hjälp vid hämtning de första veckorna var avgörande för att få med alla. "
        "Regeln om tre dagars framförhållning passar inte vårdnadshavare med skiftarbete – "
        "de behöver kunna ändra i efterhand, och det klarar appen. Instruktionen på flera "
        "språk användes mer än vi trodde.",
        "effects": [
            {
                "kind": HOURS,
                "description": "Mindre tid för personalen att föra över schemaändringar.",
                "target": 110,
                "measured": [120],
            },
        ],
    },
    "matvag": {
        "hypothesis": "Om eleverna ser hur mycket som slängs varje dag, och själva är med och "
        "följer upp, minskar tallrikssvinnet med minst 30 procent.",
        "plan": "En våg och en skärm vid disken där eleverna skrapar av tallriken. Elevrådet "
        "följer upp svinnet varje fredag med köket och presenterar veckans siffror på "
        "skolans skärmar.",
        "participants": "Alla elever som äter i Ekbackeskolans matsal (cirka 450 portioner om "
        "dagen), elevrådet och skolkökets personal.",
        "updates": [
            (GREEN, "Vågen är på plats. Första veckan slängdes 38 gram per portion."),
            (
                GREEN,
                "Svinnet har sjunkit till 24 gram per portion. Elevrådet har börjat tävla "
                "mot sig självt och köket har justerat portionerna på fiskdagarna.",
            ),
        ],
        "results": [
            (MET, "Tallrikssvinnet minskade med 42 procent, från 38 till 22 gram per portion."),
        ],
        "lessons": "Det var elevrådet, inte vågen, som gjorde skillnaden: när eleverna själva "
        "presenterade siffrorna blev det allas sak. Mät en vecka innan ni börjar visa något, "
        "annars vet ni inte vad ni jämför med. Köket fick ut lika mycket av siffrorna som "
        "eleverna.",
    },
    "digprov": {
        "hypothesis": "Om proven görs i lärplattformens provverktyg halveras rättningstiden och "
        "eleverna får återkoppling samma vecka.",
        "plan": "Alla prov i matematik och NO i årskurs 4–6 görs digitalt under en termin. "
        "Lärarna loggar rättningstiden och IT följer upp tekniska avbrott.",
        "participants": "Årskurs 4–6 på Ekbackeskolan, sex lärare och 140 elever. IT stöttar "
        "vid provtillfällena.",
        "updates": [
            (
                YELLOW,
                "Första provet fick avbrytas för två klasser när nätverket i gamla "
                "byggnaden inte räckte till.",
            ),
            (
                RED,
                "Tre av fem prov har haft avbrott. IT säger att nätverket behöver uppgraderas "
                "innan vi kan ha en hel årskurs uppkopplad samtidigt.",
            ),
        ],
        "results": [
            (
                PARTLY,
                "Rättningstiden minskade med en fjärdedel, inte hälften: de flesta "
                "frågorna kräver fritext.",
            ),
            (NOT_MET, "70 procent av proven genomfördes utan avbrott."),
        ],
        "lessons": "Kontrollera nätverket i de lokaler där proven ska skrivas innan ni börjar, "
        "med en hel årskurs uppkopplad. De yngsta eleverna behöver öva i verktyget på vanliga "
        "lektioner först. Automatisk rättning sparar bara tid på flervalsfrågor.",
        "effects": [
            {
                "kind": HOURS,
                "description": "Mindre rättningstid för lärarna i årskurs 4–6.",
                "target": 400,
                "measured": [110],
                "notes": ["Rättningstiden minskade med en fjärdedel i stället för hälften."],
            },
        ],
    },
    "mentor": {
        "hypothesis": "Om varje nyexaminerad lärare har en erfaren mentor med avsatt tid stannar "
        "fler kvar efter första året.",
        "plan": "Fyra nyexaminerade lärare får varsin mentor med en timme i veckan avsatt i "
        "båda tjänsterna. Mentorerna träffas en gång i månaden med rektor.",
        "participants": "Fyra nyexaminerade lärare och fyra mentorer på Västerportskolan.",
        "updates": [
            (GREEN, "Alla par har kommit igång. Timmen ligger fast i schemat."),
            (
                YELLOW,
                "Två mentorer har fått ställa in träffar på grund av vikariebrist. Vi "
                "skyddar timmen bättre i schemat efter lovet.",
            ),
        ],
        "results": [
            (
                MET,
                "Alla fyra nyexaminerade lärare stannade läsåret ut och har tackat ja till "
                "fortsatt anställning.",
            ),
            (MET, "De gav mentorskapet 4,7 av 5."),
        ],
        "lessons": "Den avsatta timmen måste skyddas i schemat, annars är det den som ryker "
        "först när det saknas vikarier. Mentorerna uppskattade att få träffas med varandra "
        "lika mycket som de nya uppskattade sina mentorer.",
    },
    "rekryteringsdag": {
        "hypothesis": "Om förskolorna rekryterar tillsammans får de fler behöriga sökande och "
        "cheferna lägger mindre tid på varsin process.",
        "plan": "En gemensam rekryteringsdag i mars med alla förskolechefer, en gemensam annons "
        "och en delad kandidatbank. HR står för upplägget.",
        "participants": "Förskolecheferna i Utbildningsförvaltningen, HR och Kommunikation.",
        "updates": [
            (
                GREEN,
                "61 kandidater har anmält sig till rekryteringsdagen, varav 24 behöriga "
                "förskollärare.",
            ),
        ],
        "results": [
            (MET, "48 kandidater kom på dagen."),
            (MET, "Elva anställningar inom tre månader, varav fem förskollärare."),
        ],
        "lessons": "Kandidaterna uppskattade att träffa flera förskolor på en gång och flera "
        "valde en annan förskola än den de sökt till. Ha kontrakten klara på plats – två "
        "behöriga kandidater hann tacka ja till andra kommuner under veckan det tog.",
    },
    # --- Socialförvaltningen ---------------------------------------------------------------
    "nyckelfri": {
        "hypothesis": "Om brukarnas dörrar öppnas med digitala lås slipper personalen hämta, "
        "kvittera och lämna nycklar, och inga nycklar kan komma bort.",
        "plan": "Digitala lås monteras hos 40 brukare i centrumområdet. Personalen låser upp "
        "med telefonen och varje besök loggas. Tiden för nyckelhantering mäts före och under "
        "testet.",
        "participants": "Hemtjänst Centrum, två arbetslag och 40 brukare som tackat ja.",
        "updates": [
            (GREEN, "Låsen är monterade hos 38 brukare. Två ville vänta till efter jul."),
            (GREEN, "Personalen sparar i snitt 40 minuter per pass. Inga nycklar har kommit bort."),
        ],
        "results": [
            (MET, "I snitt 40 minuter per pass."),
            (MET, "Inga borttappade nycklar under testet, mot fem under samma period året före."),
        ],
        "lessons": "Låt brukarna se loggen över besöken – det gjorde fler trygga med låsen än "
        "någon information vi gav. Planera monteringen med låssmeden i god tid, det var "
        "flaskhalsen.",
    },
    "delade": {
        "hypothesis": "Om alla pass är sammanhängande och dagtiden används till rehabilitering, "
        "dokumentation och kompetensutveckling vill och orkar fler arbeta heltid.",
        "plan": "Ny schemamodell i Hemtjänst Centrum utan delade turer, med resurspass på "
        "dagtid. Alla medarbetare erbjuds heltid. HR följer heltidsandel och sjukfrånvaro "
        "månadsvis.",
        "participants": "Hemtjänst Centrum, 58 medarbetare, med stöd av HR (Sofia Nyström) och "
        "planerarna. Skyddsombudet är med i uppföljningen.",
        "updates": [
            (
                GREEN,
                "Nya schemat gäller från månadsskiftet. 22 medarbetare har tackat ja till heltid.",
            ),
            (
                YELLOW,
                "Resurspassen används för lite till planerade insatser – de blir ofta "
                "vikariat vid sjukdom. Vi gör en plan för vad dagtiden ska användas till.",
            ),
            (GREEN, "Heltidsandelen är nu 63 procent. Sjukfrånvaron ligger stilla."),
        ],
        "again": {
            "updates": [
                (GREEN, "De första fem medarbetarna har gått upp till heltid."),
                (
                    YELLOW,
                    "Kvällarna är svåra att bemanna utan de delade turerna. Planerarna "
                    "lägger mycket tid på att pussla.",
                ),
            ],
            "results": [
                (PARTLY, "Heltidsandelen ökade från 45 till 56 procent."),
                (MET, "Inga delade turer i schemat sedan testets start."),
                (NOT_MET, "Sjukfrånvaron ökade något under vintern."),
            ],
            "summary": "Delvis uppfyllt: inga delade turer och högre heltidsandel, men bara "
            "till 56 procent, och kvällarna blev svåra att bemanna. Vi testar igen med "
            "resurspass och ett gemensamt schema för hela enheten.",
            "lessons": "Att ta bort de delade turerna räcker inte – dagtiden måste fyllas med "
            "något meningsfullt som planeras i förväg, annars blir resurspassen vikariat. "
            "Planerarna behövde stöd av HR för att lägga schema på det nya sättet.",
        },
        "effects": [
            {
                "kind": FULL_TIME,
                "description": "Medarbetare i Hemtjänst Centrum som gått från deltid till "
                "heltid med det nya schemat.",
                "target": 15,
                "measured": [6, 10],
            },
        ],
    },
    "rutt": {
        "hypothesis": "Om körlistorna läggs med ruttplaneringen i planeringssystemet minskar "
        "körtiden utan att brukarna möter fler olika personer.",
        "plan": "Planerarna i Hemtjänst Norr lägger morgonens och kvällens körlistor med "
        "ruttplaneringen under tre månader. Körtid och kontinuitet jämförs med samma period "
        "året före.",
        "participants": "Hemtjänst Norr, två planerare och fyra arbetslag.",
        "updates": [
            (GREEN, "Ruttplaneringen används för alla morgonpass sedan vecka två."),
            (
                YELLOW,
                "Systemet tar inte hänsyn till att vissa brukare vill ha samma person. "
                "Planerarna låser de besöken manuellt.",
            ),
        ],
        "results": [
            (MET, "Körtiden minskade med 14 procent."),
            (MET, "Kontinuiteten är oförändrad, 14 personer per brukare och månad."),
        ],
        "lessons": "Lås de besök där kontinuiteten är viktigast innan systemet lägger resten. "
        "Planerarna sparade mer tid än förarna: morgonens körlistor tar hälften så lång tid.",
    },
    "senior": {
        "hypothesis": "Om erfarna undersköterskor över 65 kan arbeta som handledare på deltid "
        "stannar fler kvar längre, och de nyanställda får en bättre start.",
        "plan": "Tre undersköterskor som fyllt 65 erbjuds en tidsbegränsad anställning på 50 "
        "procent som handledare för nyanställda. Varje nyanställd får en handledare de första "
        "sex veckorna.",
        "participants": "Äldreboendet Linden, tre seniora handledare och de nyanställda under "
        "våren. HR (Omar Haddad) tar fram anställningsformen.",
        "updates": [
            (GREEN, "Tre handledare har börjat. Alla nya under perioden har en handledare."),
            (
                YELLOW,
                "Deltidspassen är svåra att få in i schemat – handledarna hamnar ibland "
                "på andra avdelningar än de nyanställda.",
            ),
        ],
        "results": [
            (MET, "Tre seniora handledare har deltagit hela perioden."),
            (MET, "Alla nio nyanställda fick en handledare."),
            (MET, "De nyanställda gav introduktionen 4,4 av 5."),
        ],
        "lessons": "Det fungerar, men schemat måste byggas runt handledarna och inte tvärtom. "
        "Anställningsformen tog längst tid: börja med HR tidigt. Handledarna själva säger att "
        "de stannar för att uppdraget känns meningsfullt.",
        "effects": [
            {
                "kind": LONGER,
                "description": "Undersköterskor över 65 som arbetar kvar som handledare.",
                "target": 3,
                "measured": [3],
            },
            {
                "kind": QUALITY,
                "description": "Nyanställdas betyg på introduktionen.",
                "indicator": "Betyg 1–5 i enkäten efter sex veckor",
                "baseline": 3.6,
                "target": 4.2,
                "measured": [4.4],
            },
        ],
    },
    "dosett": {
        "hypothesis": "Om brukare med många läkemedelsbesök får en digital dispenser som "
        "påminner och delar ut rätt dos minskar besöken med minst en femtedel.",
        "plan": "Tolv brukare i Hemtjänst Norr får en digital läkemedelsdispenser. "
        "Sjuksköterskan fyller på varje vecka och larmet går till hemtjänsten om en dos inte "
        "tas.",
        "participants": "Hemtjänst Norr, tolv brukare, två sjuksköterskor från hälso- och "
        "sjukvårdsenheten.",
        "updates": [
            (GREEN, "Dispensrarna är på plats hos tolv brukare."),
            (
                YELLOW,
                "Två avvikelser där brukare inte förstod larmet. Sjuksköterskan går igenom "
                "urvalet igen.",
            ),
            (RED, "Fyra brukare har avbrutit. Besöken har bara minskat med ungefär tio procent."),
        ],
        "results": [
            (NOT_MET, "Läkemedelsbesöken minskade med 12 procent."),
            (NOT_MET, "Två avvikelser kopplade till dispensern."),
        ],
        "lessons": "Dispensern passar brukare utan kognitiv svikt, men det är inte de som har "
        "flest läkemedelsbesök. Sjuksköterskan måste vara med och välja brukare från början. "
        "Larmet behöver vara begripligt för den som ska höra det.",
        "effects": [
            {
                "kind": HOURS,
                "description": "Färre läkemedelsbesök för hemtjänsten i Hemtjänst Norr.",
                "target": 900,
                "measured": [540],
                "notes": ["Besöken minskade med 12 procent i stället för 20."],
            },
        ],
    },
    "lakemedel": {
        "hypothesis": "Om varje överlämning av läkemedel kvällar och nätter görs med dubbelkontroll "
        "och en kort avstämning vid passbyte upphör avvikelserna på Björken.",
        "plan": "Två signaturer vid varje överlämning under kvälls- och nattpass, och fem "
        "minuters avstämning med sjuksköterskan vid passbyte. Rutinen följs upp med stickprov "
        "varje vecka.",
        "participants": "Avdelning Björken på Äldreboendet Linden, all personal på kväll och "
        "natt, sjuksköterskan Lars Åberg.",
        "updates": [
            (
                GREEN,
                "Rutinen följs vid 97 procent av överlämningarna i stickproven. Inga "
                "avvikelser hittills.",
            ),
            (
                YELLOW,
                "Helgerna med många timvikarier sänker följsamheten till runt 90 procent. "
                "Vi lägger in rutinen i introduktionen för vikarier.",
            ),
        ],
    },
    "nattillsyn": {
        "hypothesis": "Om brukare som vill får digital tillsyn med kamera sover de ostört och "
        "nattpatrullen kör mindre, utan att tryggheten blir sämre.",
        "plan": "Brukare som samtycker får en kamera som personalen tittar in med en kort stund "
        "på överenskomna tider. Samtycket följs upp efter två veckor och nattpatrullens "
        "körtid mäts.",
        "participants": "Hemtjänst Norr, nattpatrullen och brukare som tackat ja. IT ansvarar "
        "för uppkopplingen.",
        "updates": [
            (GREEN, "Elva brukare har tackat ja och kamerorna är installerade."),
            (
                RED,
                "Kamerorna tappar uppkopplingen hos fyra brukare på landsbygden. Nattpatrullen "
                "har fått åka ut i onödan. IT ser över mobilnätet.",
            ),
            (
                YELLOW,
                "Uppkopplingen fungerar efter bytet av router, men vi har bara 13 "
                "brukare. Vi informerar biståndshandläggarna igen.",
            ),
        ],
        "effects": [
            {
                "kind": HOURS,
                "description": "Mindre körtid för nattpatrullen när tillsynen görs digitalt.",
                "target": 700,
                "measured": [380],
                "notes": ["Uppräknat från de första två månaderna, med 13 brukare."],
            },
        ],
    },
    "forsorjning": {
        "hypothesis": "Om återansökningar utan förändringar förbereds automatiskt halveras "
        "handläggningstiden och handläggarna får mer tid för stöd till arbete.",
        "plan": "Automatiseringen tar fram beslutsförslag för återansökningar utan förändringar "
        "i en av tre handläggargrupper. Handläggaren granskar alla förslag. Felaktiga "
        "utbetalningar följs upp med ekonomienheten.",
        "participants": "En handläggargrupp på Individ- och familjeomsorgen, IT och "
        "dataskyddsombudet.",
        "updates": [
            (GREEN, "Automatiseringen hanterar 60 procent av återansökningarna i gruppen."),
            (
                GREEN,
                "Handläggningstiden har gått från nio till tre dagar. Inga felaktiga "
                "utbetalningar.",
            ),
        ],
        "results": [
            (MET, "Handläggningstiden för återansökningar gick från nio till tre dagar."),
            (MET, "Inga felaktiga utbetalningar orsakade av automatiseringen."),
        ],
        "lessons": "Dataskyddsombudet och juristen behövde vara med från första dagen – det var "
        "kraven på rättssäker automatiserad handläggning som styrde upplägget, inte tekniken. "
        "Handläggarna litade på förslagen först när de såg hur normen räknats fram.",
    },
    "intro": {
        "hypothesis": "Om alla nya i hemtjänsten får en gemensam introduktionsvecka med fadder "
        "stannar fler kvar efter sex månader.",
        "plan": "En introduktionsvecka varje månad för alla nyanställda i hemtjänsten: "
        "inloggningar klara dag ett, två dagar med fadder, förflyttningsteknik och "
        "dokumentation. Uppföljning efter sex månader.",
        "participants": "Hemtjänst Centrum och Hemtjänst Norr, alla nyanställda under ett "
        "halvår, tio faddrar.",
        "updates": [
            (GREEN, "Första veckan hade tolv deltagare. Alla hade inloggningar dag ett."),
            (GREEN, "Faddrarna har fått en halvdags utbildning. Betyget ligger på 4,6."),
        ],
        "results": [
            (MET, "91 procent är kvar efter sex månader, mot 72 procent året innan."),
            (MET, "Betyget för introduktionen är 4,6 av 5."),
        ],
        "lessons": "Inloggningarna dag ett betydde mer än något annat för hur de nya upplevde "
        "starten. Faddrarna behöver tid i schemat, inte bara en titel.",
    },
    "intro:linden": {
        "hypothesis": "Om sommarvikarierna på Linden får en fadder de första passen stannar de "
        "hela sommaren och kommer tillbaka nästa år.",
        "plan": "Varje sommarvikarie får en namngiven fadder och går tre pass dubbelt innan de "
        "arbetar ensamma.",
        "participants": "Äldreboendet Linden, 24 sommarvikarier och tolv faddrar.",
        "results": [
            (MET, "21 av 24 sommarvikarier arbetade hela sommaren och 15 har sökt igen."),
            (MET, "Vikarierna gav introduktionen 4,5 av 5."),
        ],
        "lessons": "Tre pass dubbelt kostar, men de vikarier som fick gå dem klarade sig själva "
        "resten av sommaren. Faddrarna behöver veta i god tid vem de ska ta emot.",
    },
    "cykel": {
        "hypothesis": "Om hemtjänsten cyklar mellan de tätt liggande besöken i centrum blir "
        "restiden kortare och bilarna räcker till de längre resorna.",
        "plan": "Sex elcyklar med låsbara väskor och vinterdäck används på passen i "
        "centrumområdet. Restiden mäts i planeringssystemet och medarbetarna svarar på en "
        "enkät efter testet.",
        "participants": "Hemtjänst Centrum, arbetslaget i centrum (16 medarbetare).",
        "updates": [
            (GREEN, "Vinterdäcken är på och alla sex cyklar används varje dag."),
            (
                YELLOW,
                "Jag har fått ett nytt jobb och slutar nästa vecka. Testet behöver en ny "
                "ansvarig som sammanställer restiderna.",
            ),
        ],
        "again": {
            "updates": [
                (
                    GREEN,
                    "Cyklarna används på nästan alla pass i centrum. Restiden har minskat "
                    "märkbart.",
                ),
                (YELLOW, "I halkan i november stod cyklarna still i tre veckor."),
            ],
            "results": [
                (MET, "Restiden i centrumområdet minskade med 22 procent."),
                (PARTLY, "Hälften vill fortsätta cykla, men bara under den varma delen av året."),
            ],
            "summary": "Restiden minskade med 22 procent, men cyklarna stod still i halkan och "
            "bara hälften vill fortsätta vintertid. Vi testar igen över en hel vinter med "
            "dubbdäck.",
            "lessons": "Cyklarna sparar mest tid just där parkeringen är svårast. Testa över "
            "en vinter innan ni bestämmer er – det var halkan, inte viljan, som stoppade "
            "cyklingen.",
        },
        "effects": [
            {
                "kind": KRONOR,
                "description": "Lägre kostnader för leasingbilar och bränsle när två bilar kan "
                "lämnas tillbaka.",
                "target": 140000,
            },
        ],
    },
    "video:htc": {
        "hypothesis": "Om ensamma brukare kan ringa videosamtal med anhöriga med hjälp av "
        "personalen blir de mindre ensamma.",
        "plan": "Tre surfplattor med samma enkla program som på Linden lånas ut till brukare "
        "som känner sig ensamma. Personalen hjälper till vid fasta tider.",
        "participants": "Hemtjänst Centrum, tolv brukare och deras anhöriga.",
        "lessons": "Det som fungerade på ett äldreboende fungerar inte rakt av i hemtjänsten: "
        "samtalen måste planeras in i besöket, annars blir de av bara när det är lugnt.",
        "effects": [
            {
                "kind": QUALITY,
                "description": "Brukare som uppger att de känner sig mindre ensamma.",
                "indicator": "Andel av deltagarna, procent",
                "baseline": 0,
                "target": 60,
                "measured": [58],
            },
        ],
    },
    "sprakombud:htc": {
        "hypothesis": "Om medarbetare med svenska som andraspråk kan träna samtal och "
        "dokumentation tillsammans en gång i veckan blir de tryggare i kontakten med anhöriga.",
        "plan": "Språkcafé en timme i veckan på arbetstid, lett av språkombuden från Linden. "
        "Deltagarna skattar sin trygghet i början och i slutet.",
        "participants": "Hemtjänst Centrum, tio medarbetare som anmält intresse, två språkombud "
        "från Äldreboendet Linden.",
    },
    "meroppet": {
        "hypothesis": "Om biblioteket kan öppnas med BankID kvällar och helger kommer fler "
        "besökare, utan att tryggheten blir sämre.",
        "plan": "Meröppet kl. 17–21 vardagar och 10–16 helger under fyra månader. Kameror vid "
        "entrén, och besöken räknas i passersystemet.",
        "participants": "Biblioteket i centrum, bibliotekarierna, IT och kommunens "
        "säkerhetssamordnare.",
        "updates": [
            (GREEN, "Över 300 besök den första månaden, flest söndagar."),
        ],
        "results": [
            (MET, "I snitt 410 besök i månaden under meröppet tid."),
            (MET, "Inga allvarliga incidenter, två larm som var falska."),
        ],
        "lessons": "Studenter och barnfamiljer på söndagar var de som kom, inte de vi trodde. "
        "Säkerhetssamordnaren bör vara med när reglerna skrivs, så blir de rimliga.",
    },
    "fritidsbank": {
        "hypothesis": "Om utrustning kan lånas gratis på biblioteket provar fler barn nya "
        "fritidsaktiviteter, och biblioteket når familjer som sällan kommer dit.",
        "plan": "En fritidsbank i bibliotekets källare med skänkt utrustning från invånare och "
        "föreningar. Lånetid två veckor. Utlånen registreras i lånesystemet.",
        "participants": "Biblioteket, fritidsgården, tre idrottsföreningar som skänker och "
        "lagar utrustning.",
        "updates": [
            (GREEN, "Över 600 saker har skänkts. Skridskorna tog slut första helgen."),
            (GREEN, "212 utlån hittills, 70 procent till barn och unga."),
        ],
        "effects": [
            {
                "kind": QUALITY,
                "description": "Barn och unga som lånar utrustning för att prova en ny aktivitet.",
                "indicator": "Utlån till barn och unga under testet",
                "baseline": 0,
                "target": 200,
                "measured": [148],
            },
        ],
    },
    "fredagar": {
        "hypothesis": "Om fritidsgården har öppet till midnatt på fredagar har unga en trygg "
        "plats att vara på, och störningarna i centrum minskar.",
        "plan": "Öppet till 24 varje fredag under hösten med två fritidsledare och en "
        "nattvandrare. Besökarna räknas och polisen delar sin statistik för centrum.",
        "participants": "Fritidsgården Ungdomens hus, fritidsledarna, nattvandrarna och "
        "kommunpolisen.",
        "updates": [
            (GREEN, "Runt 50 besökare de sena timmarna, fler flickor än vi vågat hoppas."),
            (
                YELLOW,
                "Det är svårt att bemanna de sena passen. Två pass har gått med bara en "
                "fritidsledare.",
            ),
        ],
        "results": [
            (MET, "I snitt 52 besökare mellan 22 och 24."),
            (MET, "Polisen rapporterar färre störningar i centrum på fredagskvällar."),
        ],
        "lessons": "De unga kom för att de själva fick bestämma vad kvällen skulle innehålla. "
        "Sena pass behöver ligga i schemat från början, inte lösas med övertid.",
        "effects": [
            {
                "kind": QUALITY,
                "description": "Unga som har en trygg plats att vara på fredagskvällar.",
                "indicator": "Besökare mellan 22 och 24, snitt per fredag",
                "baseline": 0,
                "target": 40,
                "measured": [52],
            },
        ],
    },
    "simskola": {
        "hypothesis": "Om simskolan är bara för kvinnor, med kvinnliga instruktörer och "
        "barnpassning, kommer nyanlända kvinnor som annars inte lär sig simma.",
        "plan": "Två kvällar i veckan med stängd simhall, kvinnliga instruktörer och barnpassning "
        "i cafeterian. Simkunnighetsprov i slutet av terminen.",
        "participants": "Badhuset Vågen, SFI och integrationsenheten. 36 anmälda deltagare.",
        "updates": [
            (GREEN, "34 deltagare första veckan. Barnpassningen är avgörande."),
        ],
        "results": [
            (MET, "34 deltagare under terminen."),
            (MET, "19 av 34 klarade simkunnighetsprovet."),
        ],
        "lessons": "Barnpassningen och att simhallen var stängd för andra var viktigare än "
        "tiden på dagen. Information via SFI-lärarna nådde fram, affischer gjorde det inte.",
    },
    "digitalguide": {
        "hypothesis": "Om sommarjobbande ungdomar hjälper seniorer med mobil och dator blir "
        "seniorerna säkrare digitalt och ungdomarna får ett meningsfullt sommarjobb.",
        "plan": "Sex sommarjobbare har drop-in på biblioteket tre dagar i veckan och besöker två "
        "träffpunkter för seniorer. Varje handledning registreras.",
        "participants": "Biblioteket, sex sommarjobbare, träffpunkterna för seniorer.",
        "updates": [
            (GREEN, "Drop-in är fullt varje tisdag. BankID och Swish är de vanligaste frågorna."),
        ],
        "results": [
            (MET, "264 handledningstillfällen under sommaren."),
            (MET, "Seniorerna gav hjälpen 4,8 av 5."),
        ],
        "lessons": "Ungdomarna var bättre lärare än vi trott, men behövde en dags utbildning i "
        "bedrägerier och säkerhet först. Seniorerna kom tillbaka till samma guide.",
    },
    "checklista": {
        "hypothesis": "Om e-tjänsten visar vilka handlingar som behövs för just den sökandes "
        "ärende blir fler ansökningar kompletta första gången.",
        "plan": "En interaktiv checklista för de fem vanligaste ärendena i e-tjänsten. Andelen "
        "kompletta ansökningar jämförs med samma period året innan.",
        "participants": "Bygglov, IT och webbredaktionen på Kommunikation.",
        "updates": [
            (GREEN, "Checklistan är publicerad för altaner, carportar och tillbyggnader."),
            (GREEN, "Andelen kompletta ansökningar ligger på 65 procent efter två månader."),
        ],
        "results": [
            (MET, "Andelen kompletta ansökningar ökade från 40 till 68 procent."),
        ],
        "lessons": "Exempelritningarna i checklistan gjorde mer än texterna. Fråga de sökande "
        "vilka ord de använder – ”tillbyggnad” och ”utbyggnad” betyder samma sak för dem.",
    },
    "forhandsmote": {
        "hypothesis": "Om sökande kan boka ett kort förhandsmöte via video lämnar fler in en "
        "komplett ansökan.",
        "plan": "Bokningsbara möten på 20 minuter via video två förmiddagar i veckan. "
        "Handläggarna noterar vilka ansökningar som haft förhandsmöte.",
        "participants": "Bygglov, fyra handläggare.",
        "updates": [
            (GREEN, "Alla tider är bokade tre veckor framåt."),
        ],
        "results": [
            (MET, "86 procent av dem som haft förhandsmöte lämnade in en komplett ansökan."),
            (MET, "Sökande ger mötet 4,7 av 5."),
        ],
        "lessons": "Tjugo minuter räckte nästan alltid. Be sökanden skicka skissen innan, så "
        "kan handläggaren förbereda sig.",
    },
    "felanmalan": {
        "hypothesis": "Om invånarna kan felanmäla med foto och karta i mobilen kommer fler "
        "anmälningar in med rätt plats, och åtgärderna går snabbare.",
        "plan": "E-tjänsten lanseras för gator, parker och belysning. Tiden från anmälan till "
        "åtgärd jämförs med telefonanmälningar.",
        "participants": "Gata och park, IT och Kommunikation.",
        "updates": [
            (GREEN, "Hälften av anmälningarna kommer redan via e-tjänsten."),
        ],
        "results": [
            (MET, "58 procent av felanmälningarna kom via e-tjänsten."),
            (MET, "Tiden till åtgärd minskade med 27 procent."),
        ],
        "lessons": "Kartan gjorde störst skillnad: ingen behövde längre åka runt och leta. "
        "Svara alltid anmälaren när felet är åtgärdat – det var det invånarna berömde mest.",
    },
    "belysning": {
        "hypothesis": "Om belysningen på gångstråken lyser svagt hela natten och går upp när "
        "någon rör sig minskar energiförbrukningen utan att parken känns otryggare.",
        "plan": "LED-armaturer med rörelsesensorer på de två längsta stråken i Stadsparken. "
        "Energin mäts per stråk och trygghetsenkäten görs på plats.",
        "participants": "Gata och park, elnätsbolaget och boende i Norrby som är med i "
        "trygghetsvandringarna.",
        "updates": [
            (GREEN, "Armaturerna på södra stråket är bytta. Energin har mer än halverats."),
            (
                YELLOW,
                "Flera boende tycker att det tar för lång tid innan ljuset går upp. Vi "
                "justerar sensorerna och ökar grundnivån.",
            ),
        ],
        "again": {
            "updates": [
                (GREEN, "Armaturerna är monterade och energiförbrukningen har sjunkit kraftigt."),
                (
                    YELLOW,
                    "I trygghetsenkäten tycker många att stråket är för mörkt innan ljuset tänds.",
                ),
            ],
            "results": [
                (MET, "Energiförbrukningen minskade med 58 procent."),
                (NOT_MET, "Andelen som känner sig trygga i parken minskade något."),
            ],
            "summary": "Energin minskade med 58 procent, men färre känner sig trygga när "
            "stråket är mörkt innan ljuset tänds. Vi testar igen med högre grundnivå och "
            "snabbare sensorer.",
            "lessons": "En besparing som gör platsen otryggare är ingen besparing. Ta med "
            "dem som går i parken när ni bestämmer ljusnivåerna – det var grundnivån, inte "
            "sensorerna, som avgjorde hur tryggt det kändes.",
        },
        "effects": [
            {
                "kind": KRONOR,
                "description": "Lägre elkostnad för belysningen på gångstråken i Stadsparken.",
                "baseline": 0,
                "target": 85000,
                "measured": [62000],
                "notes": ["Uppräknat från tre månader med högre grundnivå."],
            },
        ],
    },
    "inspapp": {
        "hypothesis": "Om inspektörerna skriver protokollet i en app på plats halveras "
        "efterarbetet och protokollen kommer fram snabbare.",
        "plan": "Fyra inspektörer använder appen på alla livsmedelsinspektioner under en "
        "säsong. Tiden för efterarbete loggas.",
        "participants": "Miljö- och hälsoskydd, fyra inspektörer.",
        "updates": [
            (GREEN, "Appen fungerar bra i tätorten. Protokollen går iväg inom två dagar."),
            (
                YELLOW,
                "Utan mobiltäckning sparas inget. Inspektörerna har fått skriva om två protokoll.",
            ),
        ],
        "results": [
            (PARTLY, "Efterarbetet minskade med 40 procent, inte hälften."),
            (MET, "Protokollen skickas i snitt inom två dagar."),
        ],
        "lessons": "Kontrollera att appen fungerar utan uppkoppling innan ni köper den. "
        "Inspektörerna sparade mest tid på att slippa skriva av anteckningar.",
        "effects": [
            {
                "kind": HOURS,
                "description": "Mindre efterarbete efter inspektionerna.",
                "target": 450,
                "measured": [360],
            },
        ],
    },
    # --- Kommunledningsförvaltningen -------------------------------------------------------
    "semesterrobot": {
        "hypothesis": "Om ändringarna registreras automatiskt från de digitala blanketterna "
        "sparar lönekontoret tid utan att det blir fler fel i lönen.",
        "plan": "Automatiseringen registrerar semesterväxling och löneändringar för två "
        "förvaltningar under tre lönekörningar. Avvikelser hamnar hos en lönekonsult.",
        "participants": "HR:s lönegrupp, IT och löneansvariga i två förvaltningar.",
        "updates": [
            (GREEN, "Första lönekörningen klar, 84 procent utan manuell hantering."),
        ],
        "results": [
            (MET, "88 procent av ändringarna registrerades utan manuell hantering."),
            (MET, "Felprocenten sjönk från 1,9 till 0,7 procent."),
        ],
        "lessons": "Blanketterna var nyckeln: när fälten var obligatoriska kunde roboten göra "
        "resten. Lönekonsulterna vill bli av med de tråkiga momenten, men vill veta vad roboten "
        "gör – visa loggen.",
    },
    "semesterrobot:hr": {
        "hypothesis": "Om anställningsavtalen för timvikarier skapas automatiskt från "
        "bemanningssystemet får vikarierna sitt avtal före första passet.",
        "plan": "Avtal skapas automatiskt när en timvikarie bokas första gången och skickas för "
        "signering med BankID. Gäller Socialförvaltningens timvikarier.",
        "participants": "HR:s lönegrupp, bemanningsenheten och IT.",
        "updates": [
            (GREEN, "Avtalen skapas nu också för förskolornas timvikarier."),
            (
                YELLOW,
                "Vikarier utan BankID får fortfarande papper. Vi tar fram en lösning "
                "med e-legitimation via Freja.",
            ),
        ],
        "again": {
            "updates": [
                (GREEN, "Automatiseringen skapar avtal för alla nya timvikarier."),
                (YELLOW, "Många vikarier har inte BankID och signerar därför inte."),
            ],
            "results": [
                (MET, "93 procent av avtalen skapades utan manuell hantering."),
                (PARTLY, "Felen minskade, men avtal utan signatur ökade."),
            ],
            "summary": "Avtalen skapas automatiskt, men vikarier utan BankID signerar inte. Vi "
            "testar igen med fler sätt att signera och med förskolornas timvikarier.",
            "lessons": "Tekniken är sällan det svåra – det är den sista biten hos mottagaren. "
            "Fråga vikarierna hur de vill signera innan ni bygger.",
        },
    },
    "onskeschema": {
        "hypothesis": "Om medarbetarna själva lägger önskemål om arbetstider går fler upp i "
        "tid, eftersom de kan välja de pass som passar dem.",
        "plan": "Funktionen för önskescheman slås på i bemanningssystemet för Hemtjänst Norr och "
        "Linden. Cheferna justerar önskemålen mot behovet och följer sysselsättningsgraden.",
        "participants": "Hemtjänst Norr och Äldreboendet Linden, 94 medarbetare, med stöd av HR.",
        "updates": [
            (GREEN, "Andra schemaperioden med önskescheman. Fler önskar kvällspass än vi trott."),
            (YELLOW, "Helgerna täcks inte av önskemålen. Vi testar en regel om varannan helg."),
        ],
        "again": {
            "updates": [
                (GREEN, "Nästan alla har lagt önskemål första perioden."),
                (YELLOW, "Cheferna lägger mer tid än väntat på att jämka önskemålen."),
            ],
            "results": [
                (PARTLY, "14 procent av de deltidsanställda ökade sin sysselsättningsgrad."),
                (PARTLY, "Bemanningen täcks, men helgerna kräver mycket jämkning."),
            ],
            "summary": "Delvis uppfyllt. Önskescheman uppskattas och fler går upp i tid, men "
            "helgerna blir svåra. Vi testar igen med en tydlig regel för helger.",
            "lessons": "Medarbetarna vill ha inflytande, inte fri tid att välja. En enkel regel "
            "för helgerna från början hade sparat cheferna mycket jämkning.",
        },
        "effects": [
            {
                "kind": FULL_TIME,
                "description": "Deltidsanställda som gått upp till heltid tack vare önskescheman.",
                "unit": "htn",
                "target": 8,
                "measured": [3],
            },
        ],
    },
    "professionsanalys": {
        "hypothesis": "Om uppgifter som inte kräver undersköterskans kompetens flyttas till "
        "serviceassistenter får undersköterskorna mer tid för omvårdnad.",
        "plan": "Undersköterskorna på två enheter kartlägger sina uppgifter under en vecka. "
        "Tvätt, beställningar och städning av gemensamma utrymmen flyttas till två "
        "serviceassistenter under tre månader.",
        "participants": "Hemtjänst Centrum och Äldreboendet Linden, 40 undersköterskor, två "
        "serviceassistenter, HR och fackliga företrädare.",
        "updates": [
            (
                GREEN,
                "Kartläggningen är klar. 18 procent av tiden går till uppgifter som inte "
                "kräver undersköterskekompetens.",
            ),
            (GREEN, "Serviceassistenterna har tagit över tvätt och beställningar."),
        ],
        "results": [
            (MET, "Tiden för omvårdnad ökade med 17 procent."),
            (PARTLY, "Serviceassistenterna är fullt sysselsatta på Linden men inte i hemtjänsten."),
        ],
        "lessons": "Kartläggningen var värdefull i sig: undersköterskorna såg själva var tiden "
        "gick. I hemtjänsten är uppgifterna för utspridda för en heltid som serviceassistent – "
        "där behövs en annan modell.",
    },
    "bankid": {
        "hypothesis": "Om medarbetarna kan återställa lösenordet själva med BankID minskar "
        "samtalen till IT-supporten kraftigt.",
        "plan": "Självbetjäningen öppnas för Kommunledningsförvaltningen och Socialförvaltningen. "
        "Ärendena om lösenord följs i ärendesystemet.",
        "participants": "IT-supporten, två förvaltningar.",
        "updates": [
            (GREEN, "Över tusen återställningar första månaden, flest på kvällar och helger."),
        ],
        "results": [
            (MET, "Ärendena om lösenord minskade med 71 procent."),
        ],
        "lessons": "Kvälls- och helgpersonalen var de som hade mest nytta, eftersom de tidigare "
        "fick vänta till måndag. Informera via cheferna, inte via intranätet.",
    },
    "klarsprak": {
        "hypothesis": "Om de vanligaste beslutsbreven skrivs om i klarspråk tillsammans med "
        "handläggarna ringer färre invånare för att fråga vad beslutet betyder.",
        "plan": "Kommunikatörerna och handläggarna skriver om de tio vanligaste beslutsmallarna. "
        "De nya breven testas på invånare, och samtalen till kontaktcenter om breven räknas.",
        "participants": "Kommunikation, handläggare från Bygglov, Individ- och familjeomsorgen "
        "och Miljö- och hälsoskydd, kontaktcenter.",
        "updates": [
            (GREEN, "Sex av tio mallar är omskrivna och testade på invånare."),
            (
                YELLOW,
                "Testperioden är slut men siffrorna från kontaktcenter dröjer. Vi behöver "
                "mer tid innan vi kan utvärdera.",
            ),
        ],
        "effects": [
            {
                "kind": HOURS,
                "description": "Färre samtal till kontaktcenter och handläggare om beslutsbrev.",
                "target": 300,
            },
        ],
    },
    "sjukanmalan": {
        "hypothesis": "Om sjukanmälan görs i en app som skickar förfrågan till vikarier direkt "
        "bemannas passen snabbare och cheferna slipper ringa runt tidigt på morgonen.",
        "plan": "Hemtjänst Centrum och Linden använder appen för sjukanmälan och automatisk "
        "vikarieförfrågan under två månader.",
        "participants": "Två enheter, 120 medarbetare och bemanningsenhetens timvikarier.",
        "updates": [
            (
                YELLOW,
                "Sjukanmälan i appen fungerar, men få vikarier svarar på förfrågningarna "
                "före klockan sju.",
            ),
            (RED, "Bara var tredje pass bemannas via appen. Cheferna ringer ändå."),
        ],
        "results": [
            (NOT_MET, "35 procent av passen bemannades via automatisk förfrågan."),
            (
                PARTLY,
                "Tiden för att bemanna ett pass minskade något, mest tack vare att "
                "vikarierna lagt in sin tillgänglighet.",
            ),
        ],
        "lessons": "Vikarierna planerar sina veckor och vill bli tillfrågade av en person. "
        "Det som gav mest var att de kunde lägga in sin tillgänglighet en vecka framåt.",
        "effects": [
            {
                "kind": HOURS,
                "description": "Mindre tid för cheferna att bemanna pass vid sjukdom.",
                "unit": "htc",
                "target": 700,
                "measured": [200],
            },
        ],
    },
    "aterbruk": {
        "hypothesis": "Om verksamheterna kan annonsera ut möbler de inte behöver återbrukas "
        "fler möbler och inköpen minskar.",
        "plan": "En intern återbruksportal på intranätet under sex månader. Inköpen av nya "
        "möbler jämförs med året innan.",
        "participants": "Ekonomi, alla förvaltningar, fastighetsservice.",
        "updates": [
            (GREEN, "120 annonser första månaden."),
            (YELLOW, "Många annonser ligger kvar: ingen har tid eller bil att hämta."),
        ],
        "results": [
            (NOT_MET, "62 möbler återbrukades."),
            (NOT_MET, "Inköpen minskade med åtta procent."),
        ],
        "lessons": "Portalen var lätt att använda – transporterna var problemet. Räkna med "
        "logistiken från början.",
        "effects": [
            {
                "kind": KRONOR,
                "description": "Lägre kostnader för nya möbler.",
                "target": 250000,
                "measured": [90000],
            },
        ],
    },
    "vikariepool": {
        "hypothesis": "Om förskolorna delar en vikariepool täcks fler vikariebehov och "
        "förskolecheferna lägger mindre tid på att ringa vikarier.",
        "plan": "En bemanningsansvarig fördelar tolv vikarier mellan alla förskolor under en "
        "termin.",
        "participants": "Alla förskolor i Utbildningsförvaltningen, tolv vikarier, en "
        "bemanningsansvarig.",
        "updates": [
            (GREEN, "Cheferna sparar tid, och nästan alla behov täcks."),
            (
                YELLOW,
                "Vårdnadshavare på Ekorren oroar sig för att barnen möter nya vuxna varje dag.",
            ),
        ],
        "results": [
            (PARTLY, "92 procent av behoven täcktes, ungefär som tidigare."),
            (MET, "Förskolechefernas tid för bemanning mer än halverades."),
        ],
        "lessons": "Effektivitet och kontinuitet drar åt olika håll för de yngsta barnen. "
        "Vikarier som återkommer till samma förskola fungerar bättre.",
        "effects": [
            {
                "kind": HOURS,
                "description": "Mindre tid för förskolecheferna att ordna vikarier.",
                "target": 500,
                "measured": [480],
                "notes": ["Tiden sparades, men testet avslutades av hänsyn till kontinuiteten."],
            },
        ],
    },
    "foreningsbidrag": {
        "hypothesis": "Om föreningarnas uppgifter är förifyllda och deltagartalen hämtas "
        "automatiskt söker fler via e-tjänsten och handläggningen går dubbelt så fort.",
        "plan": "E-tjänsten öppnas för vårens aktivitetsbidrag. Handläggningstiden jämförs med "
        "förra våren och föreningarna svarar på en kort enkät.",
        "participants": "Kultur- och fritidsförvaltningen, 48 föreningar, IT.",
        "updates": [
            (GREEN, "31 av 48 föreningar har sökt via e-tjänsten."),
            (
                YELLOW,
                "Närvarosystemet saknar uppgifter för de föreningar som inte registrerar "
                "närvaro digitalt. De får fylla i för hand.",
            ),
        ],
        "effects": [
            {
                "kind": HOURS,
                "description": "Mindre handläggningstid för föreningsbidrag.",
                "target": 350,
                "measured": [120],
                "notes": ["Halvvägs in i ansökningsperioden."],
            },
        ],
    },
}

# ---------------------------------------------------------------------------------------------
# Implementations: milestones, the idea's expected effects and what was measured at follow-up
# ---------------------------------------------------------------------------------------------
IMPLEMENTATIONS = {
    "franvaro": {
        "milestones": [
            "Funktionen påslagen i lärplattformen",
            "Genomgång för mentorerna på APT",
            "Rutin för upprepad frånvaro klar",
        ],
        "effects": [
            {
                "kind": HOURS,
                "description": "Mentorerna slipper ringa runt till vårdnadshavare varje morgon.",
                "target": 1200,
                "measured": [1350, 1420],
                "notes": ["Mentorernas egen skattning, 20 mentorer."],
            },
        ],
        "lesson": (
            "Slå på det som redan finns innan ni köper nytt",
            "Sms-funktionen fanns redan i lärplattformen men var avstängd. Fråga IT vad era "
            "system redan kan innan ni tar fram något nytt – det här tog en eftermiddag att "
            "slå på och sparar mentorerna över tusen timmar om året.",
        ),
    },
    "bildstod": {
        "milestones": ["Bildbanken upplagd på intranätet", "Alla avdelningar utbildade"],
        "effects": [
            {
                "kind": HOURS,
                "description": "Pedagogerna slipper ta fram eget bildmaterial.",
                "target": 120,
                "measured": [150],
            },
            {
                "kind": QUALITY,
                "description": "Tryggare övergångar för barn med behov av bildstöd.",
                "measured": [None],
                "notes": [
                    "Pedagogerna beskriver att barn som byter avdelning känner igen bilderna, "
                    "och vårdnadshavare använder samma bilder hemma."
                ],
            },
        ],
    },
    "odling": {
        "milestones": [
            "Odlingslådor på Solrosens alla gårdar",
            "Temaplanering för hela året",
            "Ekorren startar med samma upplägg",
        ],
        "effects": [
            {
                "kind": QUALITY,
                "description": "Barnen lär sig var maten kommer ifrån och vågar smaka nytt.",
                "indicator": "Vårdnadshavarnas betyg 1–5",
                "baseline": 3.9,
                "target": 4.3,
                "measured": [4.6],
            },
        ],
    },
    "matvag": {
        "milestones": [
            "Våg och skärm på plats",
            "Elevrådets veckouppföljning i gång",
            "Köket justerar portionerna efter svinnet",
        ],
        "effects": [
            {
                "kind": KRONOR,
                "description": "Lägre matkostnad när mindre mat slängs i Ekbackeskolans matsal.",
                "target": 60000,
                "measured": [85000, 92000],
            },
            {
                "kind": QUALITY,
                "description": "Mindre tallrikssvinn i skolmatsalen.",
                "indicator": "Gram tallrikssvinn per portion",
                "baseline": 38,
                "target": 27,
                "measured": [22, 21],
            },
        ],
        "lesson": (
            "Låt eleverna äga siffrorna",
            "Svinnet minskade först när elevrådet själva presenterade veckans siffror. När "
            "köket eller skolledningen gjorde det blev det en pekpinne. Samma upplägg har nu "
            "spridits till Västerportskolan och Linden.",
        ),
    },
    "rekryteringsdag": {
        "milestones": [
            "Gemensam annons och kandidatbank",
            "Rekryteringsdag i mars",
            "Rekryteringsdag i oktober",
        ],
        "effects": [
            {
                "kind": HOURS,
                "description": "Mindre tid för förskolecheferna att rekrytera var för sig.",
                "target": 300,
                "measured": [340],
            },
            {
                "kind": KRONOR,
                "description": "Lägre annonskostnader med en gemensam annons.",
                "target": 80000,
                "measured": [65000],
            },
        ],
    },
    "nyckelfri": {
        "milestones": [
            "Digitala lås hos alla brukare i Hemtjänst Centrum",
            "Rutin för låsbyte vid flytt",
            "Införande i Hemtjänst Norr",
        ],
        "effects": [
            {
                "kind": HOURS,
                "description": "Personalen slipper hämta, kvittera och lämna nycklar.",
                "target": 4000,
                "measured": [5200, 5400],
                "notes": ["40 minuter per pass, cirka 24 pass om dagen."],
            },
            {
                "kind": KRONOR,
                "description": "Inga kostnader för låsbyten efter borttappade nycklar.",
                "target": 60000,
                "measured": [72000],
            },
        ],
        "lesson": (
            "Visa brukarna loggen",
            "Det som fick brukarna att lita på de digitala låsen var att de kunde se vem som "
            "varit där och när. Planera monteringen med låssmeden tidigt – det var den som "
            "tog tid, inte tekniken.",
        ),
    },
    "rutt": {
        "milestones": [
            "Ruttplanering för alla morgonpass",
            "Ruttplanering för kvällspassen",
            "Låsta besök för brukare som vill ha samma personal",
        ],
        "effects": [
            {
                "kind": HOURS,
                "description": "Mindre körtid för hemtjänsten i Hemtjänst Norr.",
                "target": 1300,
                "measured": [1750],
            },
            {
                "kind": KRONOR,
                "description": "Lägre kostnader för bränsle och bilar.",
                "target": 150000,
                "measured": [180000],
            },
        ],
        "lesson": (
            "Lås det viktigaste först",
            "Ruttplaneringen sparade mest när planerarna först låste de besök där brukaren "
            "behöver samma person, och lät systemet lägga resten. Kontinuiteten blev inte "
            "sämre och körtiden minskade med 14 procent.",
        ),
    },
    "video": {
        "milestones": ["Surfplattor inköpta och uppsatta", "Fasta samtalstider i schemat"],
        "effects": [
            {
                "kind": QUALITY,
                "description": "Boende som har regelbunden kontakt med anhöriga som bor långt bort.",
                "measured": [None],
                "notes": [
                    "26 boende ringer minst en gång i veckan. Anhöriga beskriver samtalen som "
                    "det bästa i veckan."
                ],
            },
        ],
    },
    "intro": {
        "milestones": [
            "Introduktionsvecka varje månad",
            "Faddrar utbildade",
            "Checklista för inloggningar dag ett",
        ],
        "effects": [
            {
                "kind": KRONOR,
                "description": "Färre rekryteringar när fler nyanställda stannar.",
                "target": 200000,
                "measured": [260000],
                "notes": ["Sex färre rekryteringar à cirka 45 000 kronor."],
            },
            {
                "kind": QUALITY,
                "description": "Fler nyanställda i hemtjänsten stannar.",
                "indicator": "Andel kvar efter sex månader, procent",
                "baseline": 72,
                "target": 85,
                "measured": [91],
            },
        ],
        "lesson": (
            "Inloggningar dag ett",
            "Av allt i introduktionsveckan var det inloggningarna som betydde mest. Nya som "
            "kunde dokumentera från första dagen kände sig välkomna; de som inte kunde kände "
            "sig i vägen. Beställ dem två veckor innan.",
        ),
    },
    "videotolk": {
        "milestones": ["Avtal med tolkförmedlingen", "Utrustning i samtalsrummen"],
        "effects": [
            {
                "kind": KRONOR,
                "description": "Lägre tolkkostnader när tolken inte behöver resa.",
                "target": 250000,
                "measured": [310000],
            },
            {
                "kind": HOURS,
                "description": "Mindre väntetid för socialsekreterarna vid inställda tolkar.",
                "target": 200,
                "measured": [230],
            },
        ],
    },
    "meroppet": {
        "milestones": [
            "Passersystem med BankID",
            "Ordningsregler och kameror",
            "Meröppet alla dagar",
        ],
        "effects": [
            {
                "kind": KRONOR,
                "description": "Lägre kostnad än bemannad kvällsöppning.",
                "target": 180000,
                "measured": [210000],
            },
            {
                "kind": QUALITY,
                "description": "Fler besök när biblioteket är öppet när invånarna är lediga.",
                "indicator": "Besök per månad under meröppet tid",
                "baseline": 0,
                "target": 300,
                "measured": [410, 455],
            },
        ],
    },
    "simskola": {
        "milestones": ["Kvinnliga instruktörer anställda", "Barnpassning ordnad"],
        "effects": [
            {
                "kind": QUALITY,
                "description": "Nyanlända kvinnor som lär sig simma.",
                "indicator": "Deltagare som klarat simkunnighetsprovet",
                "baseline": 0,
                "target": 15,
                "measured": [19],
            },
        ],
    },
    "digitalguide": {
        "milestones": ["Sex sommarjobbare rekryterade", "Utbildning i säkerhet och bedrägerier"],
        "effects": [
            {
                "kind": QUALITY,
                "description": "Seniorer som blir säkrare digitalt.",
                "indicator": "Handledningstillfällen under sommaren",
                "baseline": 0,
                "target": 200,
                "measured": [264],
            },
        ],
    },
    "checklista": {
        "milestones": [
            "Checklista för de fem vanligaste ärendena",
            "Exempelritningar i e-tjänsten",
            "Uppföljning av kompletta ansökningar",
        ],
        "effects": [
            {
                "kind": HOURS,
                "description": "Färre kompletteringar och telefonsamtal för handläggarna.",
                "target": 400,
                "measured": [520],
            },
            {
                "kind": QUALITY,
                "description": "Fler kompletta bygglovsansökningar första gången.",
                "indicator": "Andel kompletta ansökningar, procent",
                "baseline": 40,
                "target": 60,
                "measured": [68, 71],
            },
        ],
        "lesson": (
            "Exempelritningar slår text",
            "I checklistan för bygglov var det exempelritningarna som gjorde skillnad, inte "
            "förklaringarna. Testa orden på de sökande: de skriver ”utbyggnad” där vi skriver "
            "”tillbyggnad”.",
        ),
    },
    "felanmalan": {
        "milestones": ["E-tjänsten lanserad", "Svar till anmälaren när felet är åtgärdat"],
        "effects": [
            {
                "kind": HOURS,
                "description": "Mindre tid att leta upp platsen och ringa tillbaka.",
                "target": 500,
                "measured": [640, 700],
            },
        ],
        "lesson": (
            "Kartan gör jobbet",
            "Felanmälan med karta och foto tog bort letandet efter rätt plats. Invånarna "
            "berömde mest att de fick svar när felet var åtgärdat – gör det automatiskt.",
        ),
    },
    "angsmark": {
        "milestones": ["Sex ytor utvalda", "Ängsfrö sått och skyltar uppsatta"],
        "effects": [
            {
                "kind": KRONOR,
                "description": "Färre klippningar av gräsytor.",
                "target": 120000,
                "measured": [135000],
            },
            {
                "kind": QUALITY,
                "description": "Mer biologisk mångfald i parkerna.",
                "measured": [None],
                "notes": ["Inventeringen visar 31 arter av blommande växter på ängsytorna."],
            },
        ],
    },
    "trygghetsvandring": {
        "milestones": ["Första vandringen i Norrby", "Åtgärdslista till Gata och park"],
        "effects": [
            {
                "kind": QUALITY,
                "description": "Boende i Norrby som känner sig trygga utomhus på kvällen.",
                "indicator": "Andel i trygghetsmätningen, procent",
                "baseline": 54,
                "target": 65,
                "measured": [61],
            },
        ],
    },
    "semesterrobot": {
        "milestones": [
            "Automatiseringen i drift för alla förvaltningar",
            "Obligatoriska fält i blanketterna",
            "Logg för lönekonsulterna",
        ],
        "effects": [
            {
                "kind": FTE,
                "description": "Lönekonsulternas tid för manuell registrering.",
                "target": 1.0,
                "measured": [0.8, 1.1],
                "notes": ["Motsvarar cirka 1 900 timmar om året."],
            },
        ],
    },
    "avslut": {
        "milestones": [
            "Digitalt avslutningssamtal i e-tjänsten",
            "Rapport till cheferna varje kvartal",
        ],
        "effects": [
            {
                "kind": QUALITY,
                "description": "Fler som slutar berättar varför.",
                "indicator": "Svarsfrekvens, procent",
                "baseline": 20,
                "target": 70,
                "measured": [78],
            },
        ],
    },
    "bankid": {
        "milestones": ["Självbetjäning för alla förvaltningar", "Information via cheferna"],
        "effects": [
            {
                "kind": HOURS,
                "description": "Färre ärenden om lösenord till IT-supporten.",
                "target": 900,
                "measured": [1150],
            },
        ],
        "lesson": (
            "De som arbetar kvällar och helger vinner mest",
            "Självbetjäningen med BankID gjorde störst nytta för personal i hemtjänst och på "
            "äldreboenden, som tidigare fick vänta till måndag. Nå dem via cheferna – "
            "intranätet läser de sällan.",
        ),
    },
    # Still being implemented.
    "lararassistent": {
        "milestones": [
            "Två lärarassistenter tillsvidareanställda",
            "Arbetsbeskrivning klar med facket",
            "Lärarassistenter även i årskurs 4–6",
        ],
        "effects": [
            {
                "kind": TASKS,
                "description": "Uppgifter som flyttats från lärare till lärarassistenter: "
                "rastvakt, kopiering, beställningar och att hämta elever.",
                "target": 4,
                "measured": [3],
            },
            {
                "kind": HOURS,
                "description": "Lärartid som frigörs för planering och elever.",
                "target": 4000,
                "measured": [3300],
            },
        ],
    },
    "professionsanalys": {
        "milestones": [
            "Kartläggning av undersköterskornas arbetsvecka",
            "Serviceassistenter på Linden",
            "Modell för hemtjänsten",
            "Beslut om införande i hela äldreomsorgen",
        ],
        "effects": [
            {
                "kind": TASKS,
                "description": "Uppgifter som flyttas från undersköterskor till "
                "serviceassistenter efter professionsanalysen.",
                "target": 6,
                "measured": [4],
                "unit": "linden",
            },
            {
                "kind": FTE,
                "description": "Undersköterskornas tid som frigörs för omvårdnad.",
                "target": 3.0,
                "measured": [1.5],
                "unit": "linden",
            },
        ],
    },
    "forsorjning": {
        "milestones": [
            "Automatiseringen för alla handläggargrupper",
            "Rutin för granskning av beslutsförslag",
            "Uppföljning med dataskyddsombudet",
        ],
        "effects": [
            {
                "kind": HOURS,
                "description": "Handläggartid som frigörs för stöd till arbete.",
                "target": 1800,
            },
        ],
    },
    "mentor": {
        "milestones": ["Mentorer utsedda för alla nya lärare", "Skyddad mentortimme i schemat"],
        "effects": [
            {
                "kind": QUALITY,
                "description": "Nyexaminerade lärare som stannar efter första året.",
                "indicator": "Andel kvar efter ett år, procent",
                "baseline": 60,
                "target": 90,
            },
        ],
    },
    "forhandsmote": {
        "milestones": ["Bokningssida på webben", "Fyra handläggare med videomöten"],
    },
    "ljud": {
        "milestones": ["Ljudmätning före", "Absorbenter monterade", "Ljudmätning efter"],
        "effects": [
            {
                "kind": QUALITY,
                "description": "Lägre ljudnivå i förskolans matsal.",
                "indicator": "Medelljudnivå vid lunch, dB(A)",
                "baseline": 78,
                "target": 70,
                "measured": [72],
            },
        ],
    },
    "sprakombud": {
        "milestones": [
            "Fyra språkombud utbildade",
            "Språkstödstimme i schemat",
            "Uppföljning av dokumentationen",
        ],
    },
    "simbokning": {
        "milestones": ["Bokningssystemet uppsatt", "Föreningarna informerade"],
        "effects": [
            {
                "kind": HOURS,
                "description": "Mindre tid för receptionen att boka banor per telefon.",
                "target": 150,
            },
        ],
    },
    "mobilattest": {
        "milestones": ["Mobilattest för alla chefer", "Påminnelser före förfallodag"],
        "effects": [
            {
                "kind": HOURS,
                "description": "Mindre tid för chefer och ekonomer med fakturor som fastnat.",
                "target": 600,
            },
            {
                "kind": KRONOR,
                "description": "Färre påminnelseavgifter och dröjsmålsräntor.",
                "target": 40000,
            },
        ],
    },
    "matvag:linden": {
        "milestones": ["Våg i köket på Linden", "Portionsstorlek vid beställning"],
        "effects": [
            {
                "kind": KRONOR,
                "description": "Lägre matkostnad när mindre mat slängs på Linden.",
                "target": 70000,
                "measured": [38000],
            },
        ],
    },
}

# ---------------------------------------------------------------------------------------------
# Generic words, for ideas without their own
# ---------------------------------------------------------------------------------------------
GENERIC_HYPOTHESIS = "Vi tror att förslaget ger det här: {benefit}"
GENERIC_PLAN = (
    "Vi testar arbetssättet i {unit} under testperioden. {owner} håller ihop testet, vi mäter "
    "före och efter och stämmer av på arbetsplatsträffarna."
)
GENERIC_PARTICIPANTS = "Medarbetarna i {unit}, med {owner} som ansvarig."
GENERIC_UPDATES = {
    GREEN: [
        "Testet är i gång enligt plan och alla som ska vara med är med.",
        "Första mätningen ser lovande ut. Vi fortsätter som planerat.",
        "Medarbetarna är positiva och arbetssättet har börjat sätta sig.",
    ],
    YELLOW: [
        "Vi ligger lite efter: semestrar och sjukfrånvaro har gjort att färre än planerat "
        "har kunnat vara med.",
        "Arbetssättet fungerar, men mätningen tar mer tid än vi räknat med.",
    ],
    RED: [
        "Testet står still. Vi behöver hjälp att lösa bemanningen innan vi kan fortsätta.",
    ],
}
GENERIC_LESSONS = {
    "good": [
        "Det som gjorde skillnad var att medarbetarna var med och formade arbetssättet från "
        "början. Mät före ni börjar, annars går det inte att visa vad som blev bättre.",
        "Börja litet och låt de som testat berätta för kollegorna – det övertygade fler än "
        "någon information uppifrån.",
    ],
    "mixed": [
        "Arbetssättet fungerade där det fanns någon som drev det varje vecka. Där det inte "
        "fanns blev det av ibland. Utse en ansvarig per arbetslag nästa gång.",
        "Tidsbesparingen kom, men användningen var ojämn. Planera tid för att lära in "
        "arbetssättet – den tiden tas annars från ordinarie arbete.",
    ],
    "bad": [
        "Tekniken fungerade, men arbetssättet passade inte in i vardagen. Testa arbetssättet "
        "i liten skala innan ni köper in något.",
    ],
}
GENERIC_MILESTONES = [
    "Rutinen skriven och beslutad",
    "Alla berörda medarbetare har fått genomgång",
    "Arbetssättet används fullt ut",
    "Uppföljning och justering",
]
FOLLOW_UP_NOTES = [
    "Uppföljning efter tre månader: arbetssättet används som planerat. Effekterna är mätta och "
    "inlagda.",
    "Halvårsuppföljning: arbetssättet har satt sig och ingen vill gå tillbaka. Effekterna "
    "är uppdaterade.",
    "Uppföljning efter ett år: effekterna håller i sig och arbetssättet finns i ledningssystemet.",
]
TRIAL_MEASUREMENT_NOTE = "Mätt under testet."
