"""Seed the municipality's strategic themes. Idempotent: existing themes are left as they are."""

from django.db import migrations

THEMES = [
    ("Kompetensförsörjning", "Att attrahera, utveckla och behålla medarbetare, och att organisera "
                             "arbetet så att kompetensen räcker."),
    ("Digitalisering", "Digitala arbetssätt och automatiserade flöden som frigör tid och gör "
                       "tjänsterna bättre."),
    ("Heltid som norm", "Fler heltidstjänster och arbetstider som gör heltid möjlig."),
    ("Hållbarhet", "Ekologisk, social och ekonomisk hållbarhet i verksamheten."),
    ("Trygghet och säkerhet", "Trygghet för invånare och medarbetare."),
    ("Delaktighet och inflytande", "Invånares och medarbetares möjlighet att påverka."),
]


def seed_themes(apps, schema_editor):
    Theme = apps.get_model("challenges", "Theme")
    for name, description in THEMES:
        Theme.objects.get_or_create(name=name, defaults={"description": description})


class Migration(migrations.Migration):
    dependencies = [
        ("challenges", "0002_initial"),
    ]

    operations = [
        migrations.RunPython(seed_themes, migrations.RunPython.noop),
    ]
