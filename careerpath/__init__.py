# The Celery app is loaded with Django, so shared tasks (advising/tasks.py) use it.
from .celery import app as celery_app

__all__ = ("celery_app",)
