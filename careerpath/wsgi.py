"""WSGI entry point (gunicorn careerpath.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerpath.settings")
application = get_wsgi_application()
