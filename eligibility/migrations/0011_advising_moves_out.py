"""The advisors' rows leave this app for `advising` (and the rate counters for `careerpath`).

Only Django's record of the models moves: the tables keep their rows and are renamed to the
names their new app gives them (advising/migrations/0001 takes them over). The rate counters'
table already had the site's name.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("eligibility", "0010_client_external_id_unique_per_viewer"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable(name="organisation", table="advising_organisation"),
                migrations.AlterModelTable(name="membership", table="advising_membership"),
                migrations.AlterModelTable(name="client", table="advising_client"),
                migrations.AlterModelTable(name="assessment", table="advising_assessment"),
                migrations.AlterModelTable(name="readiness", table="advising_readiness"),
                migrations.AlterModelTable(name="invitation", table="advising_invitation"),
                migrations.AlterModelTable(name="recomputation", table="advising_recomputation"),
                migrations.AlterModelTable(name="statuschange", table="advising_statuschange"),
            ],
            state_operations=[
                migrations.RemoveField(
                    model_name="assessment",
                    name="client",
                ),
                migrations.RemoveField(
                    model_name="assessment",
                    name="entered_by",
                ),
                migrations.RemoveField(
                    model_name="client",
                    name="assessment",
                ),
                migrations.RemoveField(
                    model_name="client",
                    name="advisor",
                ),
                migrations.RemoveField(
                    model_name="client",
                    name="organisation",
                ),
                migrations.RemoveField(
                    model_name="readiness",
                    name="client",
                ),
                migrations.RemoveField(
                    model_name="statuschange",
                    name="client",
                ),
                migrations.RemoveField(
                    model_name="invitation",
                    name="client",
                ),
                migrations.RemoveField(
                    model_name="invitation",
                    name="created_by",
                ),
                migrations.RemoveField(
                    model_name="membership",
                    name="organisation",
                ),
                migrations.RemoveField(
                    model_name="membership",
                    name="user",
                ),
                migrations.DeleteModel(
                    name="RateCounter",
                ),
                migrations.RemoveField(
                    model_name="statuschange",
                    name="recomputation",
                ),
                migrations.DeleteModel(
                    name="Assessment",
                ),
                migrations.DeleteModel(
                    name="Readiness",
                ),
                migrations.DeleteModel(
                    name="Client",
                ),
                migrations.DeleteModel(
                    name="Invitation",
                ),
                migrations.DeleteModel(
                    name="Organisation",
                ),
                migrations.DeleteModel(
                    name="Membership",
                ),
                migrations.DeleteModel(
                    name="Recomputation",
                ),
                migrations.DeleteModel(
                    name="StatusChange",
                ),
            ],
        ),
    ]
