# careerpath web image: gunicorn on 0.0.0.0:8000, static files served by WhiteNoise.
# The entrypoint (deploy/entrypoint.sh) waits for the database, migrates, creates the cache
# table and loads the seeded catalog on first start. See "Deploy with Docker Compose" in README.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app \
    DJANGO_SETTINGS_MODULE=careerpath.settings \
    WEB_CONCURRENCY=2

WORKDIR /app

# The dependencies first, from pyproject.toml alone: this layer is rebuilt only when they change.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

# Then the project itself. The app runs from the source tree in /app (PYTHONPATH), which holds
# the templates, static files and seeded catalog next to the code.
COPY . .
RUN pip install --no-deps . \
    && DJANGO_SECRET_KEY=collectstatic-only-not-a-secret python manage.py collectstatic --noinput \
    && useradd --system --uid 10001 --user-group --home-dir /app --shell /usr/sbin/nologin careerpath

USER careerpath
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "deploy/healthcheck.py"]

ENTRYPOINT ["sh", "/app/deploy/entrypoint.sh"]
# Workers: WEB_CONCURRENCY (gunicorn reads it); more options in GUNICORN_CMD_ARGS.
CMD ["gunicorn", "careerpath.wsgi", "--bind", "0.0.0.0:8000", "--worker-tmp-dir", "/dev/shm"]
