"""The Celery app: `celery -A careerpath worker` runs the advisors' recompute (advising/tasks.py).

Its settings are Django's, prefixed CELERY_ (careerpath/settings.py, "The job queue").
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerpath.settings")

app = Celery("careerpath")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
