"""The rate counters, taken over from the eligibility app (their table kept its name)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("eligibility", "0011_advising_moves_out"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="RateCounter",
                    fields=[
                        (
                            "cache_key",
                            models.CharField(max_length=255, primary_key=True, serialize=False),
                        ),
                        ("value", models.BigIntegerField()),
                        ("expires", models.FloatField(db_index=True)),
                    ],
                    options={
                        "db_table": "careerpath_rate_counter",
                    },
                ),
            ]
        ),
    ]
