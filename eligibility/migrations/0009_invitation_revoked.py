from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("eligibility", "0008_editors_group_catalog_only"),
    ]

    operations = [
        migrations.AddField(
            model_name="invitation",
            name="revoked_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
    ]
