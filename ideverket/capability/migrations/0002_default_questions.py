"""The default question set: five dimensions with four statements each.

Inspirerad av SKL:s (nu SKR:s) självskattning av innovationsklimat; the statements are our own
wording, not SKR's items. The coordinator edits them in the product (/innovationsformaga/hantera/).
"""

from django.db import migrations

DEFAULT_SET = [
    (
        "ledarskap",
        "Ledarskap",
        "Hur chefer och ledning efterfrågar, prioriterar och följer upp nya idéer.",
        [
            "Min chef uppmuntrar nya idéer och ger tid att pröva dem",
            "Ledningen talar om varför förnyelse behövs i vår verksamhet",
            "När vi testar något nytt följer min chef upp hur det gick",
            "Beslut om våra idéer fattas inom rimlig tid och motiveras",
        ],
    ),
    (
        "kultur",
        "Kultur",
        "Om det är tillåtet att ifrågasätta, pröva och misslyckas.",
        [
            "Det är tillåtet att misslyckas när vi testar något nytt",
            "På min arbetsplats ifrågasätter vi gärna hur vi brukar göra",
            "Kollegor tar vara på varandras idéer i stället för att avfärda dem",
            "Vi berättar för varandra om vad vi har lärt oss, även när något inte fungerade",
        ],
    ),
    (
        "struktur",
        "Struktur och process",
        "Om det finns arbetssätt, tid och resurser för att ta hand om idéer.",
        [
            "Vi har ett tydligt sätt att ta hand om idéer från medarbetare",
            "Det finns tid och resurser avsatta för att utveckla och testa nya arbetssätt",
            "Det som fungerar i ett test förs in i den ordinarie verksamheten",
            "Jag vet vad som har hänt med de idéer jag har lämnat",
        ],
    ),
    (
        "kompetens",
        "Kompetens",
        "Om medarbetare och chefer har kunskap och stöd för att utveckla idéer.",
        [
            "Jag vet var jag får stöd att utveckla en idé",
            "Jag har kunskap om metoder för att utveckla verksamheten, till exempel tjänstedesign",
            "Vi tar reda på vad brukare och invånare behöver innan vi bestämmer en lösning",
            "Jag får möjlighet att lära mig nytt som hjälper mig att förbättra mitt arbete",
        ],
    ),
    (
        "samverkan",
        "Samverkan",
        "Om samarbetet med andra förvaltningar, brukare och externa aktörer.",
        [
            "Vi samarbetar med andra förvaltningar och med brukare när vi utvecklar verksamheten",
            "Vi tar del av vad andra kommuner och organisationer har prövat",
            "Det är lätt att få med stödfunktioner som IT och HR när vi vill pröva något nytt",
            "Goda lösningar sprids mellan enheter och förvaltningar",
        ],
    ),
]


def create_default_set(apps, schema_editor):
    Dimension = apps.get_model("capability", "Dimension")
    Question = apps.get_model("capability", "Question")
    for position, (key, name, description, statements) in enumerate(DEFAULT_SET):
        dimension, _created = Dimension.objects.get_or_create(
            key=key, defaults={"name": name, "description": description, "order": position}
        )
        if Question.objects.filter(dimension=dimension).exists():
            continue
        Question.objects.bulk_create(
            Question(dimension=dimension, text=text, order=order)
            for order, text in enumerate(statements)
        )


def remove_default_set(apps, schema_editor):
    Question = apps.get_model("capability", "Question")
    Dimension = apps.get_model("capability", "Dimension")
    keys = [key for key, *_rest in DEFAULT_SET]
    Question.objects.filter(dimension__key__in=keys).delete()
    Dimension.objects.filter(key__in=keys).delete()


class Migration(migrations.Migration):
    dependencies = [("capability", "0001_initial")]

    operations = [migrations.RunPython(create_default_set, remove_default_set)]
