from django.db import migrations, models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce


def count_unread(apps, schema_editor):
    """The stored count starts from the notifications already there (as recount_unread)."""
    User = apps.get_model("org", "User")
    Notification = apps.get_model("activity", "Notification")
    User.objects.update(
        unread_notification_count=Coalesce(
            Subquery(
                Notification.objects.filter(recipient=OuterRef("pk"), read_at__isnull=True)
                .order_by()
                .values("recipient")
                .annotate(n=Count("pk"))
                .values("n")
            ),
            0,
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("org", "0003_user_external_id_orgimport"),
        ("activity", "0003_notification_emailed_at_emailpreference"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="unread_notification_count",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
        migrations.RunPython(count_unread, migrations.RunPython.noop),
    ]
